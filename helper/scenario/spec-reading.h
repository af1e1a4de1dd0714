/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SPEC_READING_H
#define BLUEPRINT_SPEC_READING_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"
#include "helper/scenario/type-choice.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Small checked reads shared by the technologies' own spec readers.
 */
namespace specreading
{

/**
 * \brief A scalar that must be one of a list of words.
 * \param node the scalar.
 * \param choices the accepted words.
 * \param what what the word names, for the message ("transponder class").
 * \return the word; \throws InputError "unknown <what> 'x'; did you mean 'y'?" (or the list).
 */
std::string ReadChoice(const ConfigNode& node,
                       const std::vector<std::string>& choices,
                       const std::string& what);

/**
 * \brief A number that must lie in [low, high].
 * \param node the scalar.
 * \param low the lowest accepted value.
 * \param high the highest accepted value.
 * \param what what it is, for the message.
 * \return the number; \throws InputError otherwise.
 */
double ReadDoubleIn(const ConfigNode& node, double low, double high, const std::string& what);

/**
 * \brief A whole number that must lie in [low, high].
 * \param node the scalar.
 * \param low the lowest accepted value.
 * \param high the highest accepted value.
 * \param what what it is, for the message.
 * \return the number; \throws InputError otherwise.
 */
int64_t ReadIntegerIn(const ConfigNode& node, int64_t low, int64_t high, const std::string& what);

/**
 * \brief A value that must be strictly positive, read by one of ConfigNode's typed reads.
 * \param node the scalar.
 * \param read the typed read (e.g. &ConfigNode::AsLength).
 * \param what what it is, for the message.
 * \return the value; \throws InputError if it is not > 0.
 */
double ReadPositive(const ConfigNode& node,
                    double (ConfigNode::*read)() const,
                    const std::string& what);

/**
 * \brief A device queue size as ns-3 writes it: packets ("100p") or bytes ("1MB").
 * \param node the scalar.
 * \param what what it is, for the message.
 * \return the text, checked; \throws InputError if ns-3 cannot read it or it is zero.
 */
std::string ReadQueueSize(const ConfigNode& node, const std::string& what);

/**
 * \param message a message
 * \param word what was written
 * \param candidates what could have been meant
 * \return message, followed by "; did you mean 'x'?" when one of candidates is close to word.
 */
std::string WithSuggestion(std::string message,
                           const std::string& word,
                           const std::vector<std::string>& candidates);

/**
 * \brief Fail at node unless value is strictly positive.
 * \param node where value is written
 * \param value the value
 * \param what what it is: the message is "<what> must be greater than zero"
 */
void RequirePositive(const ConfigNode& node, double value, const std::string& what);

/**
 * \return the power models a `power:` override may name: linear (ElementPowerModel, the default)
 * or any type that builds an ElementPowerModel.
 */
const TypeChoice& PowerModels();

/**
 * \brief A `power:` override: idle, max (default idle), capacity and model (PowerModels).
 * \param node the map
 * \param context what it belongs to, e.g. "link 'x' power"
 * \return the override
 */
PowerSpec ReadPower(const ConfigNode& node, const std::string& context);

/**
 * \brief A `cost:` override: capex, opex_per_year and lifetime_years.
 * \param node the map
 * \param context what it belongs to, e.g. "link 'x' cost"
 * \return the override
 */
CostSpec ReadCost(const ConfigNode& node, const std::string& context);

/**
 * \brief Check that ns-3 type typeName has attribute and that value is valid text for it
 * (CheckAttributeText), without setting it.
 * \param typeName e.g. "ns3::TcpSocket"
 * \param attribute e.g. "SegmentSize"
 * \param value the value as written
 * \param keyMark where the attribute is named
 * \throws InputError with a did-you-mean over the type's attributes
 */
void CheckAttribute(const std::string& typeName,
                    const std::string& attribute,
                    const ConfigNode& value,
                    const SourceMark& keyMark);

/**
 * \brief An `attributes:` map of one ns-3 type's attributes, each checked (CheckAttribute).
 * \param node the map
 * \param typeName the type they are set on, e.g. "ns3::PointToPointNetDevice"
 * \return attribute name -> value text
 */
std::map<std::string, std::string> ReadAttributesOf(const ConfigNode& node,
                                                    const std::string& typeName);

/**
 * \param node a map of scalars
 * \return its entries as text
 */
std::map<std::string, std::string> ReadStringMap(const ConfigNode& node);

/**
 * \brief A node name that must be a node of the scenario.
 * \param spec the scenario read so far
 * \param ref where the name is written
 * \param context what names it, e.g. "link 'x'"
 * \return the node; \throws InputError "<context> names unknown node 'y'" with a did-you-mean
 */
const NodeSpec& RequireNode(const ScenarioSpec& spec,
                            const ConfigNode& ref,
                            const std::string& context);

/**
 * \brief A level in decibels, written "3dB" or as a bare number, within [low, high].
 * \param node the scalar
 * \param low lowest accepted, dB
 * \param high highest accepted, dB
 * \param context what it is, for the message
 * \return the level, dB
 */
double ReadDecibels(const ConfigNode& node, double low, double high, const std::string& context);

/**
 * \brief A transmit power written in dBm ("46dBm") or in watts ("40W").
 * \param node the scalar
 * \param context what it is, for the message
 * \return the power, dBm
 */
double ReadTxPowerDbm(const ConfigNode& node, const std::string& context);

/**
 * \brief Group ends pair member by member (equal counts), or the larger group is a whole
 * multiple of the smaller (PairedMember).
 * \param a one end
 * \param b the other
 * \param mark where the pairing is written
 * \param what what pairs them, e.g. "link 'x'"
 * \throws InputError otherwise
 */
void CheckPairing(const NodeSpec& a,
                  const NodeSpec& b,
                  const SourceMark& mark,
                  const std::string& what);

} // namespace specreading

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_SPEC_READING_H */
