/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_LINK_READER_H
#define BLUEPRINT_PON_LINK_READER_H

#include "helper/scenario/config-node.h"
#include "helper/technology/pon/pon-spec.h"

#include <string>

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

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_LINK_READER_H */
