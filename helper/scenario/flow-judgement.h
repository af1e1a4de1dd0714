/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FLOW_JUDGEMENT_H
#define BLUEPRINT_FLOW_JUDGEMENT_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-spec.h"
#include "model/stats/latency-digest.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The shares at which DelaySummary::cdf gives a quantile: 0 (the minimum), every 1 % to
 * 99 %, then 99.5 %, 99.9 %, 99.99 % and 1 (the maximum), so that the tail a reliability
 * requirement judges (99 %, 99.9 %) is drawn from its own quantiles, not interpolated.
 * \return the shares, ascending
 */
const std::vector<double>& DelayCdfShares();

/**
 * \ingroup blueprint
 * \brief The summary a result shows of a delay distribution.
 * \param d delays, in seconds
 * \return count, mean, percentiles, extremes, in milliseconds, how exact the percentiles are,
 *         and the quantile at each of DelayCdfShares() (none without samples)
 */
DelaySummary SummariseDelays(const LatencyDigest& d);

/**
 * \ingroup blueprint
 * \brief Judge a flow's requirements on its measured figures (doc/metrics.rst): a deadline on
 * the share of sent packets (requests) that met it, with Clopper-Pearson bounds; throughput per
 * member; loss ratio. Replaces fr.requirements and fr.verdict (the worst requirement verdict,
 * None without requirements).
 * \param req what the flow must achieve
 * \param rttOnTime requests answered within the round-trip deadline (for an `rtt` requirement)
 * \param fr the flow's figures: txPackets, onTimePackets, throughputPerMemberBps, lossRatio
 */
void JudgeRequirements(const RequirementSpec& req, uint64_t rttOnTime, FlowResult& fr);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FLOW_JUDGEMENT_H
