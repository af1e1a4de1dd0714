/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COST_SHARING_H
#define BLUEPRINT_COST_SHARING_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-spec.h"
#include "model/cost/cost-ledger.h"
#include "model/cost/cost-split.h"

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
 * \brief What a run measured of one flow that the cost split needs.
 */
struct FlowUse
{
    /// Each distinct path of its members (link names from sender to receiver) and how many
    /// members take it.
    std::map<std::vector<std::string>, uint32_t> memberPaths;
    std::vector<uint64_t> offeredPerInterval; //!< bytes its senders sent in each interval
};

/**
 * \ingroup blueprint
 * \brief Each use case's verdict: the worst of its flows'.
 * \param sharing the scenario's use cases
 * \param flows the run's flows, judged
 * \return one result per use case, in the order written
 */
std::vector<UseCaseResult> JudgeUseCases(const SharingSpec& sharing,
                                         const std::vector<FlowResult>& flows);

/**
 * \ingroup blueprint
 * \brief Divide a run's cost among the scenario's use cases (CostSplit).
 *
 * An item is matched to what it is named after: the link whose name is its element (or begins
 * it, as "dish terminals" or "backhaul/hub-router"), else the node whose name is its element or its
 * node; an item that matches neither is common. A flow uses an item when its members' paths cross
 * the link, or go through the node (at an end of a link they cross, or as sender or receiver), and
 * a flow whose members take different paths uses it in the share of its members that cross it. What
 * a use case asks of the item is what its flows ask, each flow's bytes in that share:
 *  - offered bytes: the application bytes sent, and for request-response flows the responses
 *    to the requests that arrived (each request is answered);
 *  - carried bytes: the bytes received, and the responses that came back;
 *  - peak rate: the largest, over the intervals of `peak_interval`, of the bytes its flows sent
 *    together (request-response flows' requests scaled by (request + response) / request) x 8 /
 *    the interval.
 * Items of nodes and links a use case `owns` are its alone.
 *
 * \param spec the scenario, with `sharing:`
 * \param items the run's cost items (CostLedger::GetItems)
 * \param flows the run's flows, measured, in the scenario's order
 * \param uses per flow, its paths and offered bytes per interval, in the same order
 * \return the split, with the subsidies applied
 */
CostShare ShareCosts(const ScenarioSpec& spec,
                     const std::vector<CostItem>& items,
                     const std::vector<FlowResult>& flows,
                     const std::vector<FlowUse>& uses);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COST_SHARING_H
