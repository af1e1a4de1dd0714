/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/flow-judgement.h"

#include <cstdio>

namespace ns3
{
namespace blueprint
{

namespace
{

std::string
Percent(double ratio)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.6g %%", ratio * 100);
    return buffer;
}

std::string
Millis(double seconds)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.6g ms", seconds * 1e3);
    return buffer;
}

std::string
Rate(double bps)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.6g Mbit/s", bps / 1e6);
    return buffer;
}

/// A deadline requirement judged on the share of sent packets that met it (TS 22.261 3.1).
RequirementResult
JudgeDeadline(const std::string& metric,
              double deadline,
              double reliability,
              uint64_t onTime,
              uint64_t sent)
{
    RequirementResult q;
    q.metric = metric;
    q.target = Percent(reliability) + " within " + Millis(deadline);
    q.limit = deadline;
    q.reliability = reliability;
    double share = sent ? static_cast<double>(onTime) / sent : 0;
    q.measured = Percent(share) + " of " + std::to_string(sent);
    q.verdict = JudgeReliability(onTime, sent, reliability);
    ProportionBounds b = ClopperPearsonBounds(onTime, sent);
    char buffer[160];
    std::snprintf(buffer,
                  sizeof(buffer),
                  "95 %% bounds [%.6g %%, %.6g %%]",
                  b.lower * 100,
                  b.upper * 100);
    q.detail = buffer;
    if (q.verdict == Verdict::Inconclusive)
    {
        q.detail += "; showing " + Percent(reliability) + " needs at least " +
                    std::to_string(SamplesNeeded(reliability)) + " packets";
    }
    return q;
}

} // namespace

const std::vector<double>&
DelayCdfShares()
{
    static const std::vector<double> shares = [] {
        std::vector<double> s;
        for (int percent = 0; percent <= 99; ++percent)
        {
            s.push_back(percent / 100.0);
        }
        s.insert(s.end(), {0.995, 0.999, 0.9999, 1.0});
        return s;
    }();
    return shares;
}

DelaySummary
SummariseDelays(const LatencyDigest& d)
{
    DelaySummary s;
    s.samples = d.GetCount();
    s.mean = d.GetMean() * 1e3;
    s.p50 = d.GetQuantile(0.50) * 1e3;
    s.p95 = d.GetQuantile(0.95) * 1e3;
    s.p99 = d.GetQuantile(0.99) * 1e3;
    s.max = d.GetMax() * 1e3;
    s.min = d.GetMin() * 1e3;
    s.exact = d.IsExact();
    s.relativeError = d.GetRelativeAccuracy();
    for (double share : d.GetCount() ? DelayCdfShares() : std::vector<double>{})
    {
        s.cdf.emplace_back(share, d.GetQuantile(share) * 1e3);
    }
    return s;
}

void
JudgeRequirements(const RequirementSpec& req, uint64_t rttOnTime, FlowResult& fr)
{
    fr.requirements.clear();
    fr.verdict = Verdict::None;
    if (req.latency)
    {
        fr.requirements.push_back(JudgeDeadline("latency",
                                                *req.latency,
                                                req.reliability,
                                                fr.onTimePackets,
                                                fr.txPackets));
    }
    if (req.rtt)
    {
        fr.requirements.push_back(
            JudgeDeadline("rtt", *req.rtt, req.reliability, rttOnTime, fr.txPackets));
    }
    if (req.throughput)
    {
        RequirementResult q;
        q.metric = "throughput";
        q.target = ">= " + Rate(*req.throughput) + " per member";
        q.limit = *req.throughput;
        q.measured = Rate(fr.throughputPerMemberBps);
        q.verdict = fr.throughputPerMemberBps >= *req.throughput ? Verdict::Pass : Verdict::Fail;
        fr.requirements.push_back(q);
    }
    if (req.loss)
    {
        RequirementResult q;
        q.metric = "loss";
        q.target = "<= " + Percent(*req.loss);
        q.limit = *req.loss;
        q.measured = Percent(fr.lossRatio) + " of " + std::to_string(fr.txPackets);
        q.verdict = fr.txPackets == 0           ? Verdict::Inconclusive
                    : fr.lossRatio <= *req.loss ? Verdict::Pass
                                                : Verdict::Fail;
        fr.requirements.push_back(q);
    }
    for (const auto& q : fr.requirements)
    {
        fr.verdict = Worst(fr.verdict, q.verdict);
    }
}

} // namespace blueprint
} // namespace ns3
