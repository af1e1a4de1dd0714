/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TRAFFIC_BUILDER_H
#define BLUEPRINT_TRAFFIC_BUILDER_H

#include "helper/scenario/scenario-build.h"
#include "model/stats/flow-record.h"
#include "model/stats/rate-series.h"

#include <map>
#include <memory>
#include <string>
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
    FlowRecord record;  //!< every member's packets
    RateSeries offered; //!< bytes sent per interval, once configured (cost sharing's peaks)
    /// Each distinct path of the flow's members (link names, in order from sender to receiver)
    /// and how many members take it, as routed when the traffic was built; kept only for a
    /// scenario with `sharing:`.
    std::map<std::vector<std::string>, uint32_t> memberPaths;
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
