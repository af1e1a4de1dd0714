/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SHARING_READER_H
#define BLUEPRINT_SHARING_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Read a scenario's `sharing:` (use cases, the cost-sharing rule, subsidies) into
 * spec.sharing, when it has one.
 *
 * Every flow belongs to exactly one use case; `owns` names nodes and links, each owned by one
 * use case at most; rule `agreed` needs every use case's `share`, adding up to 100 %; subsidies
 * name a use case, grant at most all of its capex together, and pay opex support for more than
 * 0 years.
 *
 * \param root the scenario document
 * \param spec the scenario read so far (nodes, links, flows and duration read)
 * \throws InputError at the offending text
 */
void ReadSharing(const ConfigNode& root, ScenarioSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SHARING_READER_H
