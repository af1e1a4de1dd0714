/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TRAFFIC_BUILDER_H
#define BLUEPRINT_TRAFFIC_BUILDER_H

#include "helper/scenario/scenario-build.h"
#include "model/compute/compute-sink.h"
#include "model/stats/flow-record.h"
#include "model/stats/member-record.h"
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

class LatencySegments;

/**
 * \ingroup blueprint
 * \brief What the traces of one flow write to.
 */
struct FlowProbe
{
    FlowRecord record;                         //!< every member's packets
    std::unique_ptr<MemberRecord> members;     //!< per member, for a flow of more than one
    std::shared_ptr<LatencySegments> segments; //!< where delays go: the run's, for every flow
    uint32_t flow = 0;                         //!< the flow's index
    bool roundTrips = false;                   //!< request_response: the round trip is judged
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
 * member, each on its own port) and connect their traces to one probe per flow, and the probes
 * that split delays into segments (LatencySegments) on every edge. Adds each flow's result, with
 * the first member's path through the routing graph (links, technology path, propagation bound),
 * to the run's flow results.
 *
 * A flow to a compute node is received by a ComputeSink there, which serves each message before
 * it counts as delivered (or, for request_response, before it answers). A flow with `via` sends
 * to a ComputeSink on its first via node, which forwards each message after its service to the
 * next via node, and the last to the destination: the path is the legs' paths end to end, and
 * the one-way delay runs from the first send to the final arrival. The run's ComputeNodes must
 * have given the compute nodes their servers. A compute node's wait and service become the
 * segments "waiting at NODE" and "processing at NODE".
 * \param run the run, with its links built and its routes installed
 * \return one probe per flow, in the scenario's order
 * \throws InputError for a flow member with no path
 */
std::vector<std::unique_ptr<FlowProbe>> BuildTraffic(ScenarioBuild& run);

/**
 * \ingroup blueprint
 * \brief After the run: a flow's latency segments and, for a flow of more than one member, its
 * worst member and Jain's index (doc/metrics.rst).
 * \param spec the scenario
 * \param flow the flow's spec
 * \param probe its probe
 * \param result its result, with its measurement window (activeSeconds) set; gets `segments`
 * and `groupMembers`
 */
void MeasureSplits(const ScenarioSpec& spec,
                   const FlowSpec& flow,
                   const FlowProbe& probe,
                   FlowResult& result);

/**
 * \ingroup blueprint
 * \brief A group flow's worst member and Jain's index, from its members' figures.
 * \param spec the scenario (the groups' sizes name the members)
 * \param flow the flow's spec
 * \param members its members' figures
 * \param windowSeconds its measurement window
 * \return the summary, the worst member named NAME[I] after the side of the flow that is a group
 */
GroupMembers SummariseGroup(const ScenarioSpec& spec,
                            const FlowSpec& flow,
                            const MemberRecord& members,
                            double windowSeconds);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TRAFFIC_BUILDER_H
