/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// ResultWriter's CSV files: flows.csv, phases.csv and compare.csv (doc/cli.rst). The JSON and the
// tables are in result-writer.cc.

#include "helper/results/csv-text.h"
#include "helper/results/result-writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Shortest round-trip decimal text of a double, so CSV and JSON carry the same value.
std::string
Number(double v)
{
    return nlohmann::json(v).dump();
}

/// A flow's technology path as the CSV files write it: "nr+fiber+ethernet".
std::string
TechnologyPath(const FlowResult& f)
{
    std::string path;
    for (const std::string& technology : f.technologyPath)
    {
        path += (path.empty() ? "" : "+") + technology;
    }
    return CsvField(path);
}

} // namespace

namespace
{

/// flows.csv's columns from `flow` on, as a header.
const char* const kFlowCsvColumns =
    "flow,from,to,pattern,protocol,members,technology_path,tx_packets,rx_packets,loss_ratio,"
    "throughput_bps,latency_mean_ms,latency_p50_ms,latency_p95_ms,latency_p99_ms,latency_max_ms,"
    "jitter_ms,propagation_bound_ms,rtt_p99_ms,verdict,outage_s,rtt_mean_ms,"
    "split_radio_access_ms,split_satellite_ms,split_haps_ms,split_microwave_ms,split_optical_ms,"
    "split_wired_ms,split_queueing_ms,split_processing_ms,split_transport_ms,split_other_ms,"
    "worst_member,worst_p99_ms,worst_throughput_bps,worst_loss_ratio,jain_index\n";

/// The segment kinds flows.csv sums a column each for, in its order.
const char* const kSplitKinds[] = {"radio-access",
                                   "satellite",
                                   "haps",
                                   "microwave",
                                   "optical",
                                   "wired",
                                   "queueing",
                                   "processing",
                                   "transport",
                                   "other"};

/// A flow's figures as flows.csv's columns from `flow` on, with the newline.
std::string
FlowCsvRow(const FlowResult& f)
{
    std::ostringstream out;
    out << CsvField(f.name) << ',' << CsvField(f.from) << ',' << CsvField(f.to) << ',' << f.pattern
        << ',' << f.protocol << ',' << f.members << ',' << TechnologyPath(f) << ',' << f.txPackets
        << ',' << f.rxPackets << ',' << Number(f.lossRatio) << ',' << Number(f.throughputBps) << ','
        << Number(f.latency.mean) << ',' << Number(f.latency.p50) << ',' << Number(f.latency.p95)
        << ',' << Number(f.latency.p99) << ',' << Number(f.latency.max) << ',' << Number(f.jitterMs)
        << ',' << Number(f.propagationBoundMs) << ',' << (f.rtt ? Number(f.rtt->p99) : "") << ','
        << ToString(f.verdict) << ',' << (f.outage ? Number(f.outage->seconds) : "") << ','
        << (f.rtt ? Number(f.rtt->mean) : "");
    // Per kind, the segments' shares of the mean delay: a row's split columns add up to its mean
    // one-way delay (request_response: its mean round trip); empty when nothing arrived.
    for (const char* kind : kSplitKinds)
    {
        double ms = 0;
        for (const LatencySegment& s : f.segments)
        {
            ms += s.kind == kind ? s.meanMs : 0;
        }
        out << ',' << (f.segments.empty() ? "" : Number(ms));
    }
    const bool worst = f.groupMembers && f.groupMembers->worst;
    out << ',' << (worst ? CsvField(*f.groupMembers->worst) : "") << ','
        << (worst && f.groupMembers->worstP99Ms ? Number(*f.groupMembers->worstP99Ms) : "") << ','
        << (worst ? Number(f.groupMembers->worstThroughputBps) : "") << ','
        << (worst ? Number(f.groupMembers->worstLossRatio) : "") << ','
        << (f.groupMembers && f.groupMembers->jainIndex ? Number(*f.groupMembers->jainIndex) : "")
        << '\n';
    return out.str();
}

} // namespace

std::string
ResultWriter::ToFlowsCsv(const RunResult& r)
{
    std::string out = std::string("scenario,configuration,seed,") + kFlowCsvColumns;
    for (const auto& f : r.flows)
    {
        out += CsvField(r.scenario) + ',' + CsvField(r.configuration) + ',' +
               std::to_string(r.seed) + ',' + FlowCsvRow(f);
    }
    return out;
}

std::string
ResultWriter::ToPhasesCsv(const RunResult& r)
{
    std::string out =
        std::string("scenario,configuration,seed,phase,at_s,until_s,length_s,") + kFlowCsvColumns;
    for (const auto& p : r.phases)
    {
        for (const auto& f : p.flows)
        {
            out += CsvField(r.scenario) + ',' + CsvField(r.configuration) + ',' +
                   std::to_string(r.seed) + ',' + CsvField(p.name) + ',' + Number(p.atSeconds) +
                   ',' + Number(p.untilSeconds) + ',' + Number(p.lengthSeconds) + ',' +
                   FlowCsvRow(f);
        }
    }
    return out;
}

std::string
ResultWriter::CompareCsv(const std::vector<RunResult>& runs)
{
    // A timeline's runs add a phase column: a row per phase and flow, and one per flow pooled over
    // the phases (phase "all"). Without a timeline the file is as it always was.
    const bool phased =
        std::any_of(runs.begin(), runs.end(), [](const RunResult& r) { return !r.phases.empty(); });
    std::ostringstream out;
    out << "scenario,configuration,seed," << (phased ? "phase,phase_at_s,phase_until_s," : "")
        << "flow,technology_path,latency_p99_ms,latency_mean_ms,"
           "rtt_p99_ms,throughput_bps,loss_ratio,flow_verdict,energy_j,j_per_bit,capex,"
           "opex_per_year,annualised_cost,currency,verdict\n";
    auto row = [&](const RunResult& r, const std::string& phaseCells, const FlowResult& f) {
        out << CsvField(r.scenario) << ',' << CsvField(r.configuration) << ',' << r.seed << ','
            << phaseCells << CsvField(f.name) << ',' << TechnologyPath(f) << ','
            << Number(f.latency.p99) << ',' << Number(f.latency.mean) << ','
            << (f.rtt ? Number(f.rtt->p99) : "") << ',' << Number(f.throughputBps) << ','
            << Number(f.lossRatio) << ',' << ToString(f.verdict) << ',' << Number(r.energyJoules)
            << ',' << Number(r.joulesPerBit) << ',' << Number(r.capex) << ','
            << Number(r.opexPerYear) << ',' << Number(r.annualisedCost) << ','
            << CsvField(r.currency) << ',' << ToString(r.verdict) << '\n';
    };
    for (const auto& r : runs)
    {
        for (const auto& p : r.phases)
        {
            for (const auto& f : p.flows)
            {
                row(r,
                    CsvField(p.name) + ',' + Number(p.atSeconds) + ',' + Number(p.untilSeconds) +
                        ',',
                    f);
            }
        }
        const std::string whole = !phased      ? ""
                                  : r.timeline ? "all,0," + Number(r.timeline->horizonSeconds) + ","
                                               : "all,0," + Number(r.durationSeconds) + ",";
        for (const auto& f : r.flows)
        {
            row(r, whole, f);
        }
    }
    return out.str();
}

} // namespace blueprint
} // namespace ns3
