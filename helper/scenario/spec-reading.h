/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SPEC_READING_H
#define BLUEPRINT_SPEC_READING_H

#include "helper/scenario/config-node.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
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

} // namespace specreading

} // namespace ns3

#endif /* BLUEPRINT_SPEC_READING_H */
