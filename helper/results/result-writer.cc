/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/result-writer.h"

#include "helper/results/cost-share-writer.h"
#include "helper/results/csv-text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

using Json = nlohmann::ordered_json;

Json
DelayJson(const DelaySummary& d)
{
    Json j;
    j["samples"] = d.samples;
    j["mean"] = d.mean;
    j["p50"] = d.p50;
    j["p95"] = d.p95;
    j["p99"] = d.p99;
    j["max"] = d.max;
    j["min"] = d.min;
    j["exact"] = d.exact;
    j["relative_error"] = d.relativeError;
    Json cdf = Json::array();
    for (const auto& [share, ms] : d.cdf)
    {
        cdf.push_back({share, ms});
    }
    j["cdf"] = cdf;
    return j;
}

std::string
Join(const std::vector<std::string>& items, const std::string& sep)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
    {
        out += (i ? sep : "") + items[i];
    }
    return out;
}

/// printf into a std::string of whatever length the text needs (names and paths are unbounded).
template <typename... Args>
std::string
Format(const char* fmt, Args... args)
{
    const int length = std::snprintf(nullptr, 0, fmt, args...);
    if (length <= 0)
    {
        return "";
    }
    std::string out(static_cast<std::size_t>(length) + 1, '\0');
    std::snprintf(out.data(), out.size(), fmt, args...);
    out.resize(static_cast<std::size_t>(length));
    return out;
}

/// `s` padded with spaces to `width` characters (never cut: a longer `s` is kept whole).
std::string
Pad(const std::string& s, std::size_t width)
{
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

/// A table column of text, as wide as its widest cell or its header.
struct TextColumn
{
    std::string header;            //!< the column's title
    std::vector<std::string> rows; //!< one cell per row
    std::size_t width = 0;         //!< the widest cell or the header

    /// \param title the header
    explicit TextColumn(std::string title)
        : header(std::move(title)),
          width(header.size())
    {
    }

    /// \param cell the next row's text
    void Add(const std::string& cell)
    {
        rows.push_back(cell);
        width = std::max(width, cell.size());
    }
};

/// The technologies of a flow's path, as the tables show them.
std::string
PathText(const FlowResult& f)
{
    return Join(f.technologyPath, "+");
}

/// Which delay the tables show for a flow: the round trip for request-response traffic (what its
/// `rtt` requirement judges), else the one-way latency.
const DelaySummary&
ShownDelay(const FlowResult& f)
{
    return f.rtt ? *f.rtt : f.latency;
}

/// The label of ShownDelay in the tables' `delay` column.
std::string
DelayKind(const FlowResult& f)
{
    return f.rtt ? "rtt" : "one-way";
}

/// An optional figure: the number, or null.
Json
Optional(const std::optional<double>& v, double scale = 1)
{
    return v ? Json(*v * scale) : Json(nullptr);
}

/// Per powered member, its supply and what it did (doc/power.rst).
Json
PowerJson(const std::vector<PowerSupplyResult>& supplies)
{
    constexpr double kWh = 1.0 / 3600;
    Json list = Json::array();
    for (const auto& p : supplies)
    {
        list.push_back({{"node", p.node},
                        {"member", p.member},
                        {"supply", p.supply},
                        {"mains_at_end", p.mainsAtEnd},
                        {"powered_at_end", p.poweredAtEnd},
                        {"drawn_wh", p.drawnJoules * kWh},
                        {"ran_dry_s", Optional(p.ranDrySeconds)},
                        {"ran_dry_timeline_s", Optional(p.ranDryTimelineSeconds)},
                        {"battery_capacity_wh", Optional(p.batteryCapacityJoules, kWh)},
                        {"battery_start_wh", Optional(p.batteryStartJoules, kWh)},
                        {"battery_left_wh", Optional(p.batteryLeftJoules, kWh)},
                        {"fuel_left_h", Optional(p.fuelLeftSeconds, 1.0 / 3600)},
                        {"fuel_left_l", Optional(p.fuelLeftLitres)},
                        {"solar_wh", Optional(p.solarJoules, kWh)}});
    }
    return list;
}

/// The elements without a power or cost figure, as a JSON array of objects.
Json
UnaccountedJson(const std::vector<UnaccountedElement>& elements)
{
    Json list = Json::array();
    for (const auto& e : elements)
    {
        list.push_back({{"element", e.element},
                        {"node", e.node},
                        {"technology", e.technology},
                        {"reason", e.reason}});
    }
    return list;
}

/// One table line naming the elements without a figure ("" when there are none), grouped by
/// technology and reason: "a, b (host: an end device ...); c (lte: ...)".
std::string
UnaccountedLine(const std::string& label, const std::vector<UnaccountedElement>& elements)
{
    if (elements.empty())
    {
        return "";
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> groups; // in first-seen order
    for (const auto& e : elements)
    {
        const std::string why = e.technology + ": " + e.reason;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
            return g.first == why;
        });
        if (it == groups.end())
        {
            groups.emplace_back(why, std::vector<std::string>{});
            it = std::prev(groups.end());
        }
        it->second.push_back(e.element);
    }
    std::vector<std::string> parts;
    for (const auto& [why, names] : groups)
    {
        parts.push_back(Join(names, ", ") + " (" + why + ")");
    }
    return label + ": " + Join(parts, "; ") + "\n";
}

/// UnaccountedLine over several configurations: each element once (in first-seen order), followed
/// by "[only in a, b]" when some configurations have a figure for it.
std::string
UnaccountedAcross(const std::string& label,
                  const std::vector<RunResult>& runs,
                  std::vector<UnaccountedElement> RunResult::*list)
{
    std::vector<UnaccountedElement> merged;
    std::vector<std::vector<std::string>> configurations; // per merged element
    for (const auto& r : runs)
    {
        for (const auto& e : r.*list)
        {
            auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& m) {
                return m.element == e.element && m.technology == e.technology &&
                       m.reason == e.reason;
            });
            if (it == merged.end())
            {
                merged.push_back(e);
                configurations.emplace_back();
                it = std::prev(merged.end());
            }
            configurations[it - merged.begin()].push_back(r.configuration);
        }
    }
    for (std::size_t i = 0; i < merged.size(); ++i)
    {
        if (configurations[i].size() < runs.size())
        {
            merged[i].reason += "; only in " + Join(configurations[i], ", ");
        }
    }
    return UnaccountedLine(label, merged);
}

/// A flow's members: how many, and for a group flow its worst member and Jain's index.
Json
MembersJson(const FlowResult& f)
{
    Json members = {{"count", f.members}};
    if (!f.groupMembers)
    {
        return members;
    }
    const GroupMembers& g = *f.groupMembers;
    members["sending"] = g.sending;
    members["worst"] = nullptr;
    if (g.worst)
    {
        members["worst"] = {{"member", *g.worst},
                            {"p99_ms", g.worstP99Ms ? Json(*g.worstP99Ms) : Json(nullptr)},
                            {"throughput_mbps", g.worstThroughputBps / 1e6},
                            {"loss_pct", g.worstLossRatio * 100}};
    }
    members["jain_index"] = g.jainIndex ? Json(*g.jainIndex) : Json(nullptr);
    return members;
}

/// Where a flow's mean delay goes, segment by segment.
Json
SegmentsJson(const std::vector<LatencySegment>& segments)
{
    Json list = Json::array();
    for (const LatencySegment& s : segments)
    {
        list.push_back({{"segment", s.segment}, {"kind", s.kind}, {"mean_ms", s.meanMs}});
    }
    return list;
}

/// One flow's figures as result.json writes them, at the top level and in each phase.
/// A mean of summed seconds over a count, in milliseconds (0 for no count).
double
MeanMs(double seconds, uint64_t count)
{
    return count ? seconds / static_cast<double>(count) * 1e3 : 0;
}

/// result.json's `compute`: what each compute node's servers did.
Json
ComputeJson(const std::vector<ComputeResult>& compute)
{
    Json nodes = Json::array();
    for (const auto& c : compute)
    {
        nodes.push_back({{"node", c.node},
                         {"members", c.members},
                         {"servers", c.servers},
                         {"queue_limit", c.queueLimit},
                         {"service", c.service},
                         {"utilisation", c.GetUtilisation()},
                         {"mean_wait_ms", MeanMs(c.waitSeconds, c.served)},
                         {"mean_service_ms", MeanMs(c.serviceSeconds, c.served)},
                         {"arrivals", c.arrivals},
                         {"served", c.served},
                         {"dropped", c.dropped},
                         {"max_queue", c.maxQueue},
                         {"window_s", c.windowSeconds},
                         {"energy_j", c.energyJoules}});
    }
    return nodes;
}

/// "compute platform: ..." lines of the summary, one per compute node.
std::string
ComputeLines(const std::vector<ComputeResult>& compute)
{
    std::string out;
    for (const auto& c : compute)
    {
        out += "compute " + c.node + ": " +
               (c.members > 1 ? std::to_string(c.members) + " x " : std::string()) +
               std::to_string(c.servers) + (c.servers == 1 ? " server" : " servers") + " (" +
               c.service + "), utilisation " + Format("%.1f %%", c.GetUtilisation() * 100) +
               Format(", mean wait %.3f ms, mean service %.3f ms, ",
                      MeanMs(c.waitSeconds, c.served),
                      MeanMs(c.serviceSeconds, c.served)) +
               Format("%llu served, %llu dropped (queue %u)\n",
                      static_cast<unsigned long long>(c.served),
                      static_cast<unsigned long long>(c.dropped),
                      c.queueLimit);
    }
    return out;
}

Json
FlowJson(const FlowResult& f)
{
    Json jf;
    jf["name"] = f.name;
    jf["from"] = f.from;
    jf["to"] = f.to;
    jf["pattern"] = f.pattern;
    jf["protocol"] = f.protocol;
    jf["members"] = MembersJson(f);
    if (f.loadFactor)
    {
        jf["load_factor"] = *f.loadFactor;
    }
    jf["technology_path"] = f.technologyPath;
    jf["link_path"] = f.linkPath;
    jf["tx_packets"] = f.txPackets;
    jf["rx_packets"] = f.rxPackets;
    jf["tx_bytes"] = f.txBytes;
    jf["rx_bytes"] = f.rxBytes;
    jf["loss_ratio"] = f.lossRatio;
    jf["active_s"] = f.activeSeconds;
    jf["throughput_bps"] = f.throughputBps;
    jf["throughput_per_member_bps"] = f.throughputPerMemberBps;
    jf["latency_ms"] = DelayJson(f.latency);
    jf["propagation_bound_ms"] = f.propagationBoundMs;
    jf["handovers"] = f.handovers;
    jf["jitter_ms"] = f.jitterMs;
    if (f.rtt)
    {
        jf["rtt_ms"] = DelayJson(*f.rtt);
    }
    if (f.answeredRequests)
    {
        jf["answered_requests"] = *f.answeredRequests;
    }
    jf["on_time_packets"] = f.onTimePackets;
    jf["segments"] = SegmentsJson(f.segments);
    if (f.outage)
    {
        const FlowOutage& o = *f.outage;
        jf["outage_s"] = o.seconds;
        jf["outage_unrestored"] = o.unrestored;
        jf["outages"] = o.outages;
        if (o.firstFaultAt >= 0)
        {
            jf["loss_around_fault"] = {{"fault_at_s", o.firstFaultAt},
                                       {"sent_before", o.sentBefore},
                                       {"lost_before", o.lostBefore},
                                       {"sent_after", o.sentAfter},
                                       {"lost_after", o.lostAfter}};
        }
    }
    // Only a flow that compute nodes served has the stages: other flows keep the fields they
    // always had.
    if (!f.compute.empty())
    {
        Json stages = Json::array();
        for (const auto& c : f.compute)
        {
            stages.push_back({{"node", c.node},
                              {"served", c.served},
                              {"dropped", c.dropped},
                              {"mean_wait_ms", MeanMs(c.waitSeconds, c.served)},
                              {"mean_service_ms", MeanMs(c.serviceSeconds, c.served)}});
        }
        jf["compute"] = stages;
    }
    Json reqs = Json::array();
    for (const auto& q : f.requirements)
    {
        Json jq{{"metric", q.metric}, {"target", q.target}};
        // The target's threshold as a number in the key's unit, for tools that draw it.
        if (q.metric == "latency" || q.metric == "rtt")
        {
            jq["limit_ms"] = q.limit * 1e3;
            jq["reliability"] = q.reliability;
        }
        else if (q.metric == "throughput")
        {
            jq["limit_bps"] = q.limit;
        }
        else if (q.metric == "loss")
        {
            jq["limit_ratio"] = q.limit;
        }
        jq["measured"] = q.measured;
        jq["verdict"] = ToString(q.verdict);
        jq["detail"] = q.detail;
        reqs.push_back(jq);
    }
    jf["requirements"] = reqs;
    jf["verdict"] = ToString(f.verdict);
    return jf;
}

/// The line under a table's title that says which year's demand a run shows (doc/growth.rst):
/// "demand of 2030 (compound 20 %/yr from 2025): load x2.488 on every flow"; empty without one.
std::string
DemandLine(const RunResult& r)
{
    if (!r.demand)
    {
        return "";
    }
    std::string out = "demand";
    if (r.demand->year)
    {
        out += " of " + std::to_string(*r.demand->year);
    }
    out += " (" + r.demand->description + "): load";
    bool same = true;
    for (const auto& f : r.flows)
    {
        same = same && f.loadFactor == r.flows.front().loadFactor;
    }
    if (same && !r.flows.empty())
    {
        return out + Format(" x%.4g on every flow\n", r.flows.front().loadFactor.value_or(1));
    }
    for (std::size_t i = 0; i < r.flows.size(); ++i)
    {
        out += (i ? ", " : " ") + r.flows[i].name +
               Format(" x%.4g", r.flows[i].loadFactor.value_or(1));
    }
    return out + "\n";
}

/// Seconds as a planner reads a place on a timeline: "0s", "20s", "3h", "1d6h", "2.5s".
std::string
TimelineText(double seconds)
{
    if (seconds < 60 || std::floor(seconds) != seconds)
    {
        return Format("%gs", seconds);
    }
    const auto whole = static_cast<uint64_t>(seconds);
    const std::pair<uint64_t, const char*> units[] = {{86400, "d"},
                                                      {3600, "h"},
                                                      {60, "min"},
                                                      {1, "s"}};
    std::string out;
    uint64_t left = whole;
    for (const auto& [size, name] : units)
    {
        if (left >= size)
        {
            out += std::to_string(left / size) + name;
            left %= size;
        }
    }
    return out;
}

/**
 * The flow rows of the tables: per run (and, for a timeline, per phase) and flow, its path,
 * delay, throughput, loss and verdict.
 * \param runs the runs
 * \param showConfiguration whether to show the configuration column (compare)
 */
std::string
FlowRows(const std::vector<RunResult>& runs, bool showConfiguration)
{
    // A timeline's runs show a row per phase, with the stretch of the timeline it stands for, so
    // that a planner reads when a flow failed; the pooled figures are in result.json.
    const bool phased =
        std::any_of(runs.begin(), runs.end(), [](const RunResult& r) { return !r.phases.empty(); });
    TextColumn configuration("configuration");
    TextColumn phase("phase");
    TextColumn span("timeline");
    TextColumn flow("flow");
    TextColumn path("path");
    std::vector<const FlowResult*> rows;
    auto add = [&](const RunResult& r, const PhaseResult* p, const FlowResult& f) {
        configuration.Add(r.configuration);
        phase.Add(p ? p->name : "-");
        span.Add(p ? TimelineText(p->atSeconds) + "-" + TimelineText(p->untilSeconds) : "-");
        flow.Add(f.name);
        path.Add(PathText(f));
        rows.push_back(&f);
    };
    for (const auto& r : runs)
    {
        for (const auto& p : r.phases)
        {
            for (const auto& f : p.flows)
            {
                add(r, &p, f);
            }
        }
        if (r.phases.empty())
        {
            for (const auto& f : r.flows)
            {
                add(r, nullptr, f);
            }
        }
    }
    // A scenario with faults shows each flow's outage: the time a fault cut it off
    // (doc/faults.rst).
    const bool outages = std::any_of(rows.begin(), rows.end(), [](const FlowResult* f) {
        return f->outage.has_value();
    });
    auto phaseCells = [&](std::size_t i) {
        return phased ? Pad(i == SIZE_MAX ? phase.header : phase.rows[i], phase.width) + " " +
                            Pad(i == SIZE_MAX ? span.header : span.rows[i], span.width) + " "
                      : std::string();
    };
    auto configurationCell = [&](std::size_t i) {
        return showConfiguration ? Pad(i == SIZE_MAX ? configuration.header : configuration.rows[i],
                                       configuration.width) +
                                       " "
                                 : std::string();
    };
    std::string out = configurationCell(SIZE_MAX) + phaseCells(SIZE_MAX) +
                      Pad(flow.header, flow.width) + " " + Pad(path.header, path.width) +
                      Format(" %-7s %9s %10s %8s ", "delay", "p99 ms", "Mbit/s", "loss %") +
                      (outages ? Format("%9s ", "outage s") : std::string()) + "verdict\n";
    for (size_t i = 0; i < rows.size(); ++i)
    {
        const FlowResult& f = *rows[i];
        out += configurationCell(i) + phaseCells(i) + Pad(flow.rows[i], flow.width) + " " +
               Pad(path.rows[i], path.width) +
               Format(" %-7s %9.3f %10.3f %8.3f ",
                      DelayKind(f).c_str(),
                      ShownDelay(f).p99,
                      f.throughputBps / 1e6,
                      f.lossRatio * 100) +
               (outages ? (f.outage ? Format("%9.3f ", f.outage->seconds) : Format("%9s ", "-"))
                        : std::string()) +
               ToString(f.verdict) + "\n";
    }
    return out;
}

/// The compare table's compute rows: per configuration and compute node, its servers,
/// utilisation, mean wait and service and drops; nothing when no configuration has one.
std::string
ComputeRows(const std::vector<RunResult>& runs)
{
    TextColumn configuration("configuration");
    TextColumn node("compute");
    TextColumn servers("servers");
    std::vector<const ComputeResult*> rows;
    for (const auto& r : runs)
    {
        for (const auto& c : r.compute)
        {
            configuration.Add(r.configuration);
            node.Add(c.node);
            servers.Add((c.members > 1 ? std::to_string(c.members) + "x" : std::string()) +
                        std::to_string(c.servers));
            rows.push_back(&c);
        }
    }
    if (rows.empty())
    {
        return "";
    }
    std::string out = "\n" + Pad(configuration.header, configuration.width) + " " +
                      Pad(node.header, node.width) + " " + Pad(servers.header, servers.width) +
                      Format(" %7s %9s %11s %9s\n", "util %", "wait ms", "service ms", "dropped");
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        const ComputeResult& c = *rows[i];
        out += Pad(configuration.rows[i], configuration.width) + " " +
               Pad(node.rows[i], node.width) + " " + Pad(servers.rows[i], servers.width) +
               Format(" %7.1f %9.3f %11.3f %9llu\n",
                      c.GetUtilisation() * 100,
                      MeanMs(c.waitSeconds, c.served),
                      MeanMs(c.serviceSeconds, c.served),
                      static_cast<unsigned long long>(c.dropped));
    }
    return out;
}

/// "supply relay[0] (no mains + battery 0.1 Wh): drew 0.1 Wh, ran dry at 3.53 s, battery 0 of
/// 0.1 Wh left", one line per powered member.
std::string
SupplyLines(const std::string& prefix, const std::vector<PowerSupplyResult>& supplies)
{
    std::string out;
    for (const auto& p : supplies)
    {
        out += prefix + "supply " + p.node + "[" + std::to_string(p.member) + "] (" + p.supply +
               "): drew " + Format("%.4g Wh", p.drawnJoules / 3600);
        if (p.ranDrySeconds)
        {
            out += Format(", ran dry at %.6g s", *p.ranDrySeconds);
        }
        else if (p.ranDryTimelineSeconds)
        {
            out += Format(", dark since timeline %.6g s", *p.ranDryTimelineSeconds);
        }
        if (p.batteryLeftJoules)
        {
            out += Format(", battery %.4g of ", *p.batteryLeftJoules / 3600) +
                   Format("%.4g Wh left", *p.batteryCapacityJoules / 3600);
        }
        if (p.fuelLeftSeconds)
        {
            out += Format(", fuel for %.4g h left", *p.fuelLeftSeconds / 3600);
        }
        out += std::string(p.poweredAtEnd ? "" : ", dark at the end") + "\n";
    }
    return out;
}

} // namespace

std::string
ResultWriter::ToJson(const RunResult& r)
{
    Json j;
    j["blueprint_version"] = r.version;
    j["scenario"] = r.scenario;
    j["source_file"] = r.sourceFile;
    j["configuration"] = r.configuration;
    j["configuration_description"] = r.configurationDescription;
    j["seed"] = r.seed;
    j["duration_s"] = r.durationSeconds;
    // Only scenarios with a demand: say which year they show; others keep the result.json they
    // always had.
    if (r.demand)
    {
        Json d;
        d["model"] = r.demand->model;
        if (r.demand->growthPerYear)
        {
            d["rate"] = *r.demand->growthPerYear;
        }
        d["base_year"] = r.demand->baseYear ? Json(*r.demand->baseYear) : Json(nullptr);
        d["year"] = r.demand->year ? Json(*r.demand->year) : Json(nullptr);
        j["demand"] = d;
    }
    j["topology"] = {{"nodes", r.nodes}, {"links", r.links}};
    Json flows = Json::array();
    for (const auto& f : r.flows)
    {
        flows.push_back(FlowJson(f));
    }
    j["flows"] = flows;
    // Only runs with compute nodes report them; others keep the result.json they always had.
    if (!r.compute.empty())
    {
        j["compute"] = ComputeJson(r.compute);
    }
    if (!r.phases.empty())
    {
        Json phases = Json::array();
        for (const auto& p : r.phases)
        {
            Json jp;
            jp["name"] = p.name;
            jp["at_s"] = p.atSeconds;
            jp["length_s"] = p.lengthSeconds;
            jp["until_s"] = p.untilSeconds;
            Json phaseFlows = Json::array();
            for (const auto& f : p.flows)
            {
                phaseFlows.push_back(FlowJson(f));
            }
            jp["flows"] = phaseFlows;
            jp["energy"] = {{"total_j", p.energyJoules},
                            {"by_technology", p.energyByTechnology},
                            {"by_node", p.energyByNode}};
            jp["annualised_cost"] = p.annualisedCost;
            jp["verdict"] = ToString(p.verdict);
            jp["events"] = p.events;
            phases.push_back(jp);
        }
        j["phases"] = phases;
    }
    j["energy"] = {{"total_j", r.energyJoules},
                   {"metered_s", r.meteredSeconds},
                   {"by_technology", r.energyByTechnology},
                   {"by_node", r.energyByNode},
                   {"j_per_bit", r.joulesPerBit},
                   {"unmetered", UnaccountedJson(r.unmetered)}};
    // Only runs with a power_supply (or a mains loss) have supplies to report; others keep the
    // result.json they always had.
    if (!r.power.empty())
    {
        j["energy"]["supplies"] = PowerJson(r.power);
    }
    j["cost"] = {{"currency", r.currency},
                 {"capex", r.capex},
                 {"opex_per_year", r.opexPerYear},
                 {"discount_rate", r.discountRate},
                 {"annualised", r.annualisedCost},
                 {"annualised_by_technology", r.annualisedByTechnology},
                 {"uncosted", UnaccountedJson(r.uncosted)}};
    if (r.costShare)
    {
        j["cost_share"] = CostShareWriter::CostShareJson(r);
    }
    if (r.timeline)
    {
        const TimelineResult& t = *r.timeline;
        j["timeline"] = {{"horizon_s", t.horizonSeconds},
                         {"windows_j", t.windowsJoules},
                         {"gaps_j", t.gapsJoules},
                         {"gaps_s", t.gapsSeconds},
                         {"gap_power_from_window_mean", t.gapPowerFromWindowMean},
                         {"cost_over_horizon", t.costOverHorizon}};
    }
    if (!r.useCases.empty())
    {
        j["use_cases"] = CostShareWriter::UseCasesJson(r);
    }
    j["verdict"] = ToString(r.verdict);
    j["runtime"] = {{"wall_s", r.wallSeconds}, {"events", r.events}};
    return j.dump(2) + "\n";
}

std::string
ResultWriter::SummaryTable(const RunResult& r)
{
    std::string out = r.scenario + " / " + r.configuration + " (seed " + std::to_string(r.seed) +
                      ", " + Format("%g", r.durationSeconds) + " s)\n" + DemandLine(r);
    TextColumn flow("flow");
    TextColumn path("path");
    for (const auto& f : r.flows)
    {
        flow.Add(f.name);
        path.Add(PathText(f));
    }
    out += Pad(flow.header, flow.width) + " " + Pad(path.header, path.width) +
           Format(" %-7s %9s %9s %9s %11s %8s %s\n",
                  "delay",
                  "mean ms",
                  "p99 ms",
                  "max ms",
                  "Mbit/s",
                  "loss %",
                  "verdict");
    for (size_t i = 0; i < r.flows.size(); ++i)
    {
        const FlowResult& f = r.flows[i];
        const DelaySummary& d = ShownDelay(f);
        out += Pad(flow.rows[i], flow.width) + " " + Pad(path.rows[i], path.width) +
               Format(" %-7s %9.3f %9.3f %9.3f %11.3f %8.3f %s\n",
                      DelayKind(f).c_str(),
                      d.mean,
                      d.p99,
                      d.max,
                      f.throughputBps / 1e6,
                      f.lossRatio * 100,
                      ToString(f.verdict).c_str());
        for (const auto& q : f.requirements)
        {
            if (q.verdict != Verdict::Pass)
            {
                out += "    " + q.metric + ": required " + q.target + ", measured " + q.measured +
                       " -> " + ToString(q.verdict) +
                       (q.detail.empty() ? "" : " (" + q.detail + ")") + "\n";
            }
        }
        if (f.outage && f.outage->firstFaultAt >= 0)
        {
            // What a fault did to the flow (doc/faults.rst), under its row.
            const FlowOutage& o = *f.outage;
            out +=
                Format("    outage %.3f s%s after a fault at %g s; lost %llu of %llu sent before, "
                       "%llu of %llu after\n",
                       o.seconds,
                       o.unrestored ? " (not restored)" : "",
                       o.firstFaultAt,
                       static_cast<unsigned long long>(o.lostBefore),
                       static_cast<unsigned long long>(o.sentBefore),
                       static_cast<unsigned long long>(o.lostAfter),
                       static_cast<unsigned long long>(o.sentAfter));
        }
    }
    if (!r.phases.empty())
    {
        out += "by phase:\n" + FlowRows({r}, false);
    }
    if (r.timeline)
    {
        out += Format("timeline of %s: %.1f J in the windows + %.1f J idle between them; cost over "
                      "the horizon %.0f %s\n",
                      TimelineText(r.timeline->horizonSeconds).c_str(),
                      r.timeline->windowsJoules,
                      r.timeline->gapsJoules,
                      r.timeline->costOverHorizon,
                      r.currency.c_str());
    }
    out += ComputeLines(r.compute);
    out +=
        Format("energy %.1f J (%.3g J/bit), annualised cost %.0f %s (capex %.0f, opex %.0f/yr)\n",
               r.energyJoules,
               r.joulesPerBit,
               r.annualisedCost,
               r.currency.c_str(),
               r.capex,
               r.opexPerYear);
    out += UnaccountedLine("not metered (0 J counted)", r.unmetered);
    out += UnaccountedLine("not costed", r.uncosted);
    out += CostShareWriter::SummaryLines(r);
    out += SupplyLines("", r.power);
    out += "verdict: " + ToString(r.verdict) +
           (r.verdict == Verdict::None ? " (no flow has a requirement)" : "") +
           Format("   (%.2f s wall, %llu events)\n",
                  r.wallSeconds,
                  static_cast<unsigned long long>(r.events));
    return out;
}

std::string
ResultWriter::CompareTable(const std::vector<RunResult>& runs)
{
    std::string out;
    if (runs.empty())
    {
        return out;
    }
    out += runs.front().scenario + ": " + std::to_string(runs.size()) + " configurations, seed " +
           std::to_string(runs.front().seed) + "\n" + DemandLine(runs.front()) + "\n";
    out += FlowRows(runs, true);
    out += "\n";
    TextColumn totals("configuration");
    for (const auto& r : runs)
    {
        totals.Add(r.configuration);
    }
    out +=
        Pad(totals.header, totals.width) + Format(" %12s %12s %16s %16s %s\n",
                                                  "energy kJ",
                                                  "uJ/bit",
                                                  "capex",
                                                  ("annualised " + runs.front().currency).c_str(),
                                                  "verdict");
    for (size_t i = 0; i < runs.size(); ++i)
    {
        const RunResult& r = runs[i];
        out += Pad(totals.rows[i], totals.width) + Format(" %12.3f %12.3f %16.0f %16.0f %s\n",
                                                          r.energyJoules / 1e3,
                                                          r.joulesPerBit * 1e6,
                                                          r.capex,
                                                          r.annualisedCost,
                                                          ToString(r.verdict).c_str());
    }
    out += ComputeRows(runs);
    // Elements without figures: each once, with the configurations it is missing in when that is
    // not all of them.
    out += UnaccountedAcross("not metered (0 J counted)", runs, &RunResult::unmetered);
    out += UnaccountedAcross("not costed", runs, &RunResult::uncosted);
    for (const auto& r : runs)
    {
        out += SupplyLines(r.configuration + ": ", r.power);
    }
    out += CostShareWriter::CompareLines(runs);
    return out;
}

} // namespace blueprint
} // namespace ns3
