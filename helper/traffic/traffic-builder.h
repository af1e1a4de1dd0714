/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TRAFFIC_BUILDER_H
#define BLUEPRINT_TRAFFIC_BUILDER_H

#include "helper/scenario/scenario-build.h"
#include "model/stats/flow-record.h"

#include <memory>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What the traces of one flow write to.
 */
struct FlowProbe
{
    FlowRecord record; //!< every member's packets
};

/**
 * \ingroup blueprint
 * \brief Install every flow's applications (a source per member, a sink or server per receiving
 * member, each on its own port) and connect their traces to one probe per flow. Adds each flow's
 * result, with the first member's path through the routing graph (links, technology path,
 * propagation bound), to the run's flow results.
 * \param run the run, with its links built and its routes installed
 * \return one probe per flow, in the scenario's order
 * \throws InputError for a flow member with no path
 */
std::vector<std::unique_ptr<FlowProbe>> BuildTraffic(ScenarioBuild& run);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TRAFFIC_BUILDER_H
