/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TRAFFIC_BUILDER_H
#define BLUEPRINT_TRAFFIC_BUILDER_H

#include "helper/scenario/scenario-build.h"
#include "model/compute/compute-sink.h"
#include "model/stats/flow-record.h"
#include "model/stats/rate-series.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
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
    /// Per compute node that serves the flow's messages (its `via` nodes, then its `to` if that
    /// is one), in path order: the node's name and the flow's applications on its members.
    std::vector<std::pair<std::string, std::vector<Ptr<ComputeSink>>>> compute;
    RateSeries offered; //!< bytes sent per interval, once configured (cost sharing's peaks)
    /// Each distinct path of the flow's members (link names, in order from sender to receiver)
    /// and how many members take it, as routed when the traffic was built; kept only for a
    /// scenario with `sharing:`.
    std::map<std::vector<std::string>, uint32_t> memberPaths;
};

/**
 * \ingroup blueprint
 * \brief What the compute nodes on a flow's way did to its messages, after the run.
 * \param probe the flow's probe
 * \return one stage per compute node, in path order
 */
std::vector<FlowComputeStage> SummariseCompute(const FlowProbe& probe);

/**
 * \ingroup blueprint
 * \brief Install every flow's applications (a source per member, a sink or server per receiving
 * member, each on its own port) and connect their traces to one probe per flow. Adds each flow's
 * result, with the first member's path through the routing graph (links, technology path,
 * propagation bound), to the run's flow results.
 *
 * A flow to a compute node is received by a ComputeSink there, which serves each message before
 * it counts as delivered (or, for request_response, before it answers). A flow with `via` sends
 * to a ComputeSink on its first via node, which forwards each message after its service to the
 * next via node, and the last to the destination: the path is the legs' paths end to end, and
 * the one-way delay runs from the first send to the final arrival. The run's ComputeNodes must
 * have given the compute nodes their servers.
 * \param run the run, with its links built and its routes installed
 * \return one probe per flow, in the scenario's order
 * \throws InputError for a flow member with no path
 */
std::vector<std::unique_ptr<FlowProbe>> BuildTraffic(ScenarioBuild& run);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TRAFFIC_BUILDER_H
