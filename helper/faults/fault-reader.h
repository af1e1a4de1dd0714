/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FAULT_READER_H
#define BLUEPRINT_FAULT_READER_H

#include "helper/faults/fault-spec.h"
#include "helper/scenario/config-node.h"

namespace ns3
{
namespace blueprint
{

struct ScenarioSpec;

/**
 * \ingroup blueprint
 * \brief Read a scenario's `failover:` and `events:` (doc/faults.rst) into spec.faults, once its
 * sites, nodes and links are read (events name them).
 *
 * \code{.yaml}
 * failover: {detection: 150ms, reconvergence: 200ms, revert: true}
 * events:
 *   - {at: 2s, cut: trunk}                          # a link or a list of links
 *   - {at: 2s, cut: [bs-fibre], fraction: 57%}      # part of a group link's member pairs
 *   - {at: 5s, restore: trunk}
 *   - {at: 1h, until: 9h, power_loss: macro-site}   # a node, group or site
 *   - {at: 10s, until: 40s, storm: {center: field, radius: 5km, rain_rate: 50mm/h}}
 *   - {at: 1d, bring_in: portable-bs}               # node or link absent until then
 * \endcode
 *
 * \param root the resolved document
 * \param spec the scenario read so far; its `faults` are filled in
 * \throws InputError at the offending text (FILE:LINE:COL), with a did-you-mean for unknown
 *         keys and names
 */
void ReadFaults(const ConfigNode& root, ScenarioSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FAULT_READER_H
