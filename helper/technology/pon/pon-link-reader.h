/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_LINK_READER_H
#define BLUEPRINT_PON_LINK_READER_H

#include "helper/scenario/config-node.h"
#include "helper/technology/pon/pon-spec.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-pon
 * \brief Read a PON from the YAML map of a `technology: pon` entry.
 *
 * Keys (doc/pon.rst lists them with units and defaults): `olt` (the OLT's node; the caller may
 * set it from the link's first end instead), `onus` (each a node name, or `{node, drop}`),
 * `flavour` (gpon, xgs-pon, ge-pon, 10g-epon), `split` (32, 64, 128, or another power of two),
 * `feeder`, `budget_db`, `dba` (status-reporting, fixed, cooperative, or an ns3::blueprint::PonDba
 * TypeId name), `cycle`, `max_grant`, `fixed_rate`, `cooperative_margin`, `cti` (each `onu`,
 * `first`, `period`, `packet_size`, `packets`), `olt_queue`, `onu_queue` and `equipment` (power and
 * price overrides).
 *
 * Everything that can be checked without the rest of the scenario is checked here, at the place
 * it is written: unknown keys (with a did-you-mean), unknown flavours and policies, more ONUs than
 * the splitter has ports, an ONU beyond the flavour's reach or the distance its optical budget
 * leaves after the splitter, announced arrivals without the cooperative policy or at a node that
 * is not an ONU, impossible figures. The caller checks that the nodes exist.
 *
 * \param node the map.
 * \param context what it is, for messages (e.g. "link 'ftth'").
 * \return the spec, marks filled in.
 * \throws InputError at the offending node's mark (FILE:LINE:COL).
 */
PonLinkSpec ReadPonLinkSpec(const ConfigNode& node, const std::string& context);

/// \return the keys of a tree's settings, which ReadPonTreeSettings reads: `flavour`, `split`,
/// `budget_db`, `dba`, `cycle`, `max_grant`, `fixed_rate`, `cooperative_margin`, `olt_queue`,
/// `onu_queue`, `equipment`.
std::vector<std::string> PonTreeKeys();

/**
 * \ingroup blueprint-pon
 * \brief Read the settings of a PON tree that a map holds (the keys of PonTreeKeys present; the
 * caller checks the map's keys) into a spec.
 * \param node the map.
 * \param context what it is, for messages.
 * \param spec the spec to fill.
 * \throws InputError at the offending value.
 */
void ReadPonTreeSettings(const ConfigNode& node, const std::string& context, PonLinkSpec& spec);

/**
 * \ingroup blueprint-pon
 * \brief Read announced arrivals (`cti`) for a cooperative DBA.
 * \param node the list.
 * \param context what it belongs to, for messages.
 * \param dba the tree's DBA policy (announced arrivals need the cooperative one).
 * \param onus the ONU node names an arrival may name.
 * \param onuRequired whether each arrival must name its ONU, first arrival and packet size (else
 *        it may leave `onu` out, and `first` and `packet_size` to the first packet: a negative
 *        first and a zero size, PonCtiSpec).
 * \return the arrivals; \throws InputError at the offending text.
 */
std::vector<PonCtiSpec> ReadPonCti(const ConfigNode& node,
                                   const std::string& context,
                                   const std::string& dba,
                                   const std::vector<std::string>& onus,
                                   bool onuRequired);

/**
 * \ingroup blueprint-pon
 * \param spec a tree (flavour, split, budget).
 * \return the farthest an ONU may be from the OLT: the smaller of the flavour's physical reach
 * and what the optical budget leaves after the splitter, km.
 */
double GetPonReachKm(const PonLinkSpec& spec);

/**
 * \ingroup blueprint-pon
 * \param spec a tree.
 * \return "gpon reach with a 1:32 splitter (20 km: 28 dB budget, 20 km physical limit)", for
 * messages.
 */
std::string DescribePonReach(const PonLinkSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_LINK_READER_H */
