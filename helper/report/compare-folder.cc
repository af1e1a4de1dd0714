/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/report/compare-folder.h"

#include "helper/scenario/config-node.h"
#include "helper/scenario/input-error.h"
#include "helper/sweep/result-store.h"
#include "helper/sweep/sweep-plan.h"

#include "ns3/log.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintCompareFolder");

namespace
{

namespace fs = std::filesystem;
using Json = nlohmann::json;

/// A JSON document that is valid but not shaped as blueprint writes it: what is wrong, where.
class ShapeError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/// `j[key]` of the wanted type, or a ShapeError naming `context.key`.
const Json&
Field(const Json& j, const std::string& key, const std::string& context)
{
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null())
    {
        throw ShapeError(context + "." + key + " is missing");
    }
    return j.at(key);
}

double
Number(const Json& j, const std::string& key, const std::string& context)
{
    const Json& v = Field(j, key, context);
    if (!v.is_number())
    {
        throw ShapeError(context + "." + key + " is not a number");
    }
    return v.get<double>();
}

uint64_t
Count(const Json& j, const std::string& key, const std::string& context)
{
    const Json& v = Field(j, key, context);
    if (!v.is_number_unsigned())
    {
        throw ShapeError(context + "." + key + " is not a count");
    }
    return v.get<uint64_t>();
}

std::string
Text(const Json& j, const std::string& key, const std::string& context)
{
    const Json& v = Field(j, key, context);
    if (!v.is_string())
    {
        throw ShapeError(context + "." + key + " is not text");
    }
    return v.get<std::string>();
}

const Json&
Array(const Json& j, const std::string& key, const std::string& context)
{
    const Json& v = Field(j, key, context);
    if (!v.is_array())
    {
        throw ShapeError(context + "." + key + " is not a list");
    }
    return v;
}

std::optional<double>
OptionalNumber(const Json& j, const std::string& key, const std::string& context)
{
    if (!j.is_object() || !j.contains(key) || j.at(key).is_null())
    {
        return std::nullopt;
    }
    return Number(j, key, context);
}

/// The numbers of a JSON object of numbers (energy or cost per technology); empty when absent.
std::map<std::string, double>
NumberMap(const Json& j, const std::string& key, const std::string& context)
{
    std::map<std::string, double> out;
    if (!j.contains(key))
    {
        return out;
    }
    for (const auto& [name, value] : Field(j, key, context).items())
    {
        out[name] = Number(j.at(key), name, context + "." + key);
    }
    return out;
}

/// The text of a file, or an InputError at it saying why it cannot be read.
std::string
ReadText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw InputError(SourceMark{path, 0, 0},
                         std::string("cannot read: ") + std::strerror(errno));
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A JSON file parsed, or an InputError at the line and column of its syntax error.
Json
ParseJsonFile(const std::string& path)
{
    const std::string text = ReadText(path);
    try
    {
        return Json::parse(text);
    }
    catch (const Json::parse_error& e)
    {
        // e.byte is the 1-based offset of the character that broke the parse.
        SourceMark mark{path, 1, 1};
        const std::size_t end = std::min<std::size_t>(e.byte ? e.byte - 1 : 0, text.size());
        for (std::size_t i = 0; i < end; ++i)
        {
            mark.line += text[i] == '\n';
            mark.column = text[i] == '\n' ? 1 : mark.column + 1;
        }
        std::string why = e.what();
        const std::size_t colon = why.find(": ", why.find("column"));
        why = colon == std::string::npos ? why : why.substr(colon + 2);
        throw InputError(mark, "not valid JSON (" + why + "); the file is damaged");
    }
}

DelaySummary
ReadDelay(const Json& j, const std::string& context)
{
    DelaySummary d;
    d.samples = Count(j, "samples", context);
    d.mean = Number(j, "mean", context);
    d.p50 = Number(j, "p50", context);
    d.p95 = Number(j, "p95", context);
    d.p99 = Number(j, "p99", context);
    d.max = Number(j, "max", context);
    d.min = Number(j, "min", context);
    if (j.contains("cdf"))
    {
        for (const Json& point : Array(j, "cdf", context))
        {
            if (!point.is_array() || point.size() != 2 || !point[0].is_number() ||
                !point[1].is_number())
            {
                throw ShapeError(context + ".cdf holds something other than [share, ms] pairs");
            }
            d.cdf.emplace_back(point[0].get<double>(), point[1].get<double>());
        }
    }
    return d;
}

ReportFlow
ReadFlow(const Json& j, const std::string& context)
{
    ReportFlow f;
    f.name = Text(j, "name", context);
    const std::string at = context + "[" + f.name + "]";
    f.pattern = j.contains("pattern") ? Text(j, "pattern", at) : "";
    // {count, sending, worst, jain_index} since the latency split; a count alone before it.
    if (j.contains("members") && j.at("members").is_object())
    {
        const Json& m = j.at("members");
        const std::string in = at + ".members";
        f.members = static_cast<uint32_t>(Count(m, "count", in));
        if (m.contains("sending"))
        {
            ReportGroupMembers g;
            g.sending = static_cast<uint32_t>(Count(m, "sending", in));
            if (m.contains("worst") && !m.at("worst").is_null())
            {
                const Json& w = m.at("worst");
                g.worst = Text(w, "member", in + ".worst");
                g.worstP99Ms = OptionalNumber(w, "p99_ms", in + ".worst");
                g.worstThroughputMbps = Number(w, "throughput_mbps", in + ".worst");
                g.worstLossPct = Number(w, "loss_pct", in + ".worst");
            }
            g.jainIndex = OptionalNumber(m, "jain_index", in);
            f.group = g;
        }
    }
    else
    {
        f.members = j.contains("members") ? static_cast<uint32_t>(Count(j, "members", at)) : 1;
    }
    f.txPackets = Count(j, "tx_packets", at);
    f.rxPackets = Count(j, "rx_packets", at);
    if (j.contains("answered_requests"))
    {
        f.answeredRequests = Count(j, "answered_requests", at);
    }
    f.lossRatio = Number(j, "loss_ratio", at);
    f.throughputBps = Number(j, "throughput_bps", at);
    f.latency = ReadDelay(Field(j, "latency_ms", at), at + ".latency_ms");
    if (j.contains("rtt_ms"))
    {
        f.rtt = ReadDelay(Field(j, "rtt_ms", at), at + ".rtt_ms");
    }
    for (const Json& q : Array(j, "requirements", at))
    {
        ReportRequirement r;
        r.metric = Text(q, "metric", at + ".requirements");
        r.target = Text(q, "target", at + ".requirements");
        r.measured = q.contains("measured") ? Text(q, "measured", at + ".requirements") : "";
        r.verdict = Text(q, "verdict", at + ".requirements");
        for (const char* key : {"limit_ms", "limit_bps", "limit_ratio"})
        {
            if (q.contains(key))
            {
                r.limit = Number(q, key, at + ".requirements");
            }
        }
        r.reliability = OptionalNumber(q, "reliability", at + ".requirements").value_or(0);
        f.requirements.push_back(r);
    }
    f.verdict = Text(j, "verdict", at);
    f.outageSeconds = OptionalNumber(j, "outage_s", at);
    f.outageUnrestored = j.value("outage_unrestored", false);
    if (j.contains("loss_around_fault"))
    {
        f.faultAtSeconds = Number(Field(j, "loss_around_fault", at), "fault_at_s", at);
    }
    if (j.contains("segments"))
    {
        for (const Json& s : Array(j, "segments", at))
        {
            f.segments.push_back(ReportSegment{Text(s, "segment", at + ".segments"),
                                               Text(s, "kind", at + ".segments"),
                                               Number(s, "mean_ms", at + ".segments")});
        }
    }
    return f;
}

std::optional<ReportCostShare>
ReadCostShare(const Json& j)
{
    if (!j.contains("cost_share"))
    {
        return std::nullopt;
    }
    const Json& c = Field(j, "cost_share", "result");
    ReportCostShare share;
    share.rule =
        c.contains("rule") && c.at("rule").is_string() ? c.at("rule").get<std::string>() : "";
    for (const Json& p : Array(c, "parties", "cost_share"))
    {
        // The contract names money keys by currency (annualised_jpy); any suffix is read.
        auto money = [&](const std::string& stem) {
            for (const auto& [key, value] : p.items())
            {
                if (key.rfind(stem, 0) == 0 && value.is_number())
                {
                    return value.get<double>();
                }
            }
            return 0.0;
        };
        ReportCostParty party;
        party.name = Text(p, "name", "cost_share.parties");
        party.annualised = money("annualised");
        party.capex = money("capex");
        party.subsidy = money("subsidy");
        party.pays = money("pays");
        share.parties.push_back(party);
    }
    return share;
}

/// The events of a run's scenario.resolved.yaml (none when the file is absent or unreadable:
/// the events are context for the timeline, not a figure of the report).
std::vector<ReportEvent>
ReadEvents(const std::string& resolvedYaml)
{
    std::vector<ReportEvent> events;
    std::error_code ec;
    if (!fs::is_regular_file(resolvedYaml, ec))
    {
        return events;
    }
    try
    {
        const ConfigNode root = ConfigNode::LoadFile(resolvedYaml);
        const ConfigNode* list = root.IsMap() ? root.Find("events") : nullptr;
        if (!list || !list->IsSequence())
        {
            return events;
        }
        for (const ConfigNode& item : list->GetItems())
        {
            ReportEvent e;
            for (const auto& [key, value] : item.GetEntries())
            {
                if (key == "at")
                {
                    e.atSeconds = value.AsDuration();
                }
                else if (key == "until")
                {
                    e.untilSeconds = value.AsDuration();
                }
                else if (key == "fraction")
                {
                    continue;
                }
                else
                {
                    e.action = key;
                    if (value.IsScalar())
                    {
                        e.targets = value.GetScalar();
                    }
                    else if (value.IsSequence())
                    {
                        for (const ConfigNode& t : value.GetItems())
                        {
                            e.targets += (e.targets.empty() ? "" : ", ") + t.AsString();
                        }
                    }
                    else if (value.IsMap() && value.Find("center"))
                    {
                        const ConfigNode* rain = value.Find("rain_rate");
                        e.targets = (rain ? "of " + rain->AsString() + " " : std::string()) +
                                    "around " + value.Find("center")->AsString();
                    }
                }
            }
            events.push_back(e);
        }
    }
    catch (const std::exception& e)
    {
        NS_LOG_WARN(resolvedYaml << ": events not read: " << e.what());
        events.clear();
    }
    return events;
}

ReportRun
ReadRun(const std::string& folder)
{
    const std::string path = folder + "/result.json";
    const Json j = ParseJsonFile(path);
    try
    {
        ReportRun r;
        r.folder = folder;
        r.seed = Count(j, "seed", "result");
        r.description = j.value("configuration_description", "");
        r.verdict = Text(j, "verdict", "result");
        r.durationSeconds = Number(j, "duration_s", "result");
        for (const Json& f : Array(j, "flows", "result"))
        {
            r.flows.push_back(ReadFlow(f, "flows"));
        }
        const Json& energy = Field(j, "energy", "result");
        r.energyJoules = Number(energy, "total_j", "energy");
        r.meteredSeconds = OptionalNumber(energy, "metered_s", "energy");
        r.energyByTechnology = NumberMap(energy, "by_technology", "energy");
        const Json& cost = Field(j, "cost", "result");
        r.currency = Text(cost, "currency", "cost");
        r.capex = Number(cost, "capex", "cost");
        r.annualisedCost = Number(cost, "annualised", "cost");
        r.annualisedByTechnology = NumberMap(cost, "annualised_by_technology", "cost");
        if (j.contains("phases"))
        {
            for (const Json& p : Array(j, "phases", "result"))
            {
                ReportPhase phase;
                phase.name = Text(p, "name", "phases");
                phase.atSeconds = Number(p, "at_s", "phases[" + phase.name + "]");
                phase.untilSeconds = Number(p, "until_s", "phases[" + phase.name + "]");
                phase.verdict = Text(p, "verdict", "phases[" + phase.name + "]");
                for (const Json& f : Array(p, "flows", "phases[" + phase.name + "]"))
                {
                    phase.flows.push_back(ReadFlow(f, "phases[" + phase.name + "].flows"));
                }
                r.phases.push_back(phase);
            }
        }
        if (j.contains("timeline"))
        {
            r.horizonSeconds = Number(Field(j, "timeline", "result"), "horizon_s", "timeline");
        }
        r.costShare = ReadCostShare(j);
        r.events = ReadEvents(folder + "/scenario.resolved.yaml");
        return r;
    }
    catch (const ShapeError& e)
    {
        throw InputError(SourceMark{path, 0, 0},
                         std::string("not a result blueprint wrote: ") + e.what());
    }
    catch (const Json::exception& e)
    {
        throw InputError(SourceMark{path, 0, 0},
                         std::string("not a result blueprint wrote: ") + e.what());
    }
}

std::optional<GrowthStudy>
ReadGrowth(const std::string& dir)
{
    const std::string path = dir + "/growth.json";
    std::error_code ec;
    if (!fs::exists(path, ec))
    {
        return std::nullopt;
    }
    const Json j = ParseJsonFile(path);
    try
    {
        GrowthStudy g;
        const Json& demand = Field(j, "demand", "growth");
        g.model = Text(demand, "model", "demand");
        g.rate = OptionalNumber(demand, "rate", "demand");
        g.baseYear = static_cast<int>(Number(demand, "base_year", "demand"));
        const Json& years = Field(j, "years", "growth");
        g.fromYear = static_cast<int>(Number(years, "from", "years"));
        g.toYear = static_cast<int>(Number(years, "to", "years"));
        for (const Json& c : Array(j, "configurations", "growth"))
        {
            GrowthConfiguration gc;
            gc.name = Text(c, "name", "configurations");
            const std::string at = "configurations[" + gc.name + "]";
            if (auto year = OptionalNumber(c, "first_failing_year", at))
            {
                gc.firstFailingYear = static_cast<int>(*year);
            }
            gc.failingAtStart = c.value("failing_at_start", false);
            for (const Json& p : Array(c, "probes", at))
            {
                GrowthChartProbe probe;
                probe.year = static_cast<int>(Number(p, "year", at + ".probes"));
                probe.loadFactor = Number(p, "load_factor", at + ".probes");
                probe.pass = Field(p, "pass", at + ".probes").get<bool>();
                if (p.contains("failed"))
                {
                    for (const Json& f : Array(p, "failed", at + ".probes"))
                    {
                        probe.failed.push_back(f.get<std::string>());
                    }
                }
                gc.probes.push_back(probe);
            }
            std::sort(gc.probes.begin(), gc.probes.end(), [](const auto& a, const auto& b) {
                return a.year < b.year;
            });
            g.configurations.push_back(gc);
        }
        return g;
    }
    catch (const std::exception& e)
    {
        throw InputError(SourceMark{path, 0, 0},
                         std::string("not a growth study blueprint wrote: ") + e.what());
    }
}

/// The run folders of a `compare --seeds` folder, per configuration, through its plan.
std::map<std::string, std::vector<std::string>>
SeededRunFolders(const std::string& dir)
{
    const SweepPlan plan = SweepPlan::Load(dir + "/plan.json");
    const ResultStore store(dir);
    std::map<std::string, std::vector<std::string>> folders;
    for (std::size_t i = 0; i < plan.runs.size(); ++i)
    {
        const SweepRun& run = plan.runs[i];
        const std::optional<std::string> damage = store.Verify(run.hash);
        if (!damage || !damage->empty())
        {
            throw InputError(
                SourceMark{store.RunDir(run.hash), 0, 0},
                "run " + std::to_string(i) + " of the comparison " +
                    (damage ? "is damaged: " + *damage : std::string("has no result")) +
                    "; run the same compare --seeds command again to redo it");
        }
        folders[plan.points[run.point].alternative].push_back(store.RunDir(run.hash));
    }
    return folders;
}

} // namespace

std::string
CompareFolder::Currency() const
{
    for (const auto& c : configurations)
    {
        if (!c.runs.empty())
        {
            return c.runs.front().currency;
        }
    }
    return "";
}

CompareFolder
CompareFolder::Load(const std::string& dir)
{
    const SourceMark mark{dir, 0, 0};
    std::error_code ec;
    if (!fs::exists(dir, ec))
    {
        throw InputError(mark, "no such folder");
    }
    if (!fs::is_directory(dir, ec))
    {
        throw InputError(mark, "not a folder; give the folder blueprint compare wrote (--out DIR)");
    }
    const std::string comparePath = dir + "/compare.json";
    if (!fs::exists(comparePath, ec))
    {
        throw InputError(mark,
                         "not a compare folder: it has no compare.json (blueprint compare FILE "
                         "--out DIR, or compare --seeds, writes one)");
    }
    const Json j = ParseJsonFile(comparePath);
    CompareFolder folder;
    folder.dir = dir;
    folder.seeded = fs::exists(dir + "/plan.json", ec);
    try
    {
        folder.scenario = Text(j, "scenario", "compare");
        for (const Json& s : Array(j, "seeds", "compare"))
        {
            folder.seeds.push_back(s.get<uint64_t>());
        }
        const Json& rec = Field(j, "recommendation", "compare");
        folder.recommendation.rule = Text(rec, "rule", "recommendation");
        folder.recommendation.requiredShare = Number(rec, "required_share", "recommendation");
        folder.recommendation.qualifying =
            Array(rec, "qualifying", "recommendation").get<std::vector<std::string>>();
        if (rec.contains("cheapest") && !rec.at("cheapest").is_null())
        {
            folder.recommendation.cheapest = Text(rec, "cheapest", "recommendation");
        }
        folder.recommendation.pareto =
            Array(rec, "pareto", "recommendation").get<std::vector<std::string>>();
        for (const Json& c : Array(j, "configurations", "compare"))
        {
            ReportConfiguration rc;
            rc.name = Text(c, "name", "configurations");
            const std::string at = "configurations[" + rc.name + "]";
            rc.annualisedCost = Number(c, "annualised_cost", at);
            rc.energyJoules = Number(c, "energy_j", at);
            rc.worstP99Ms = OptionalNumber(c, "worst_p99_ms", at);
            rc.meetsEveryRequirement = Field(c, "meets_every_requirement", at).get<bool>();
            if (rec.contains("drops_from_base") && rec.at("drops_from_base").contains(rc.name))
            {
                rc.dropsFromBase =
                    rec.at("drops_from_base").at(rc.name).get<std::vector<std::string>>();
            }
            if (c.contains("all_requirements"))
            {
                const Json& all = Field(c, "all_requirements", at);
                rc.hasRequirements = true;
                rc.seedsPassed = Count(all, "passed", at + ".all_requirements");
                rc.seedsJudged = Count(all, "seeds", at + ".all_requirements");
                rc.passLow = Number(all, "wilson95_low", at + ".all_requirements");
            }
            if (c.contains("requirements"))
            {
                for (const auto& [name, p] : Field(c, "requirements", at).items())
                {
                    rc.requirementShares[name] =
                        std::to_string(Count(p, "passed", at + ".requirements." + name)) + " of " +
                        std::to_string(Count(p, "seeds", at + ".requirements." + name));
                }
            }
            folder.configurations.push_back(rc);
        }
    }
    catch (const ShapeError& e)
    {
        throw InputError(SourceMark{comparePath, 0, 0},
                         std::string("not a comparison blueprint wrote: ") + e.what());
    }
    catch (const Json::exception& e)
    {
        throw InputError(SourceMark{comparePath, 0, 0},
                         std::string("not a comparison blueprint wrote: ") + e.what());
    }
    if (folder.configurations.empty())
    {
        throw InputError(SourceMark{comparePath, 0, 0},
                         "not a comparison blueprint wrote: it has no configurations");
    }

    std::map<std::string, std::vector<std::string>> seeded;
    if (folder.seeded)
    {
        seeded = SeededRunFolders(dir);
    }
    for (ReportConfiguration& c : folder.configurations)
    {
        const std::vector<std::string> runFolders =
            folder.seeded ? seeded[c.name] : std::vector<std::string>{dir + "/" + c.name};
        if (runFolders.empty())
        {
            throw InputError(SourceMark{dir + "/plan.json", 0, 0},
                             "the plan has no run of configuration '" + c.name +
                                 "', which compare.json names");
        }
        for (const std::string& runFolder : runFolders)
        {
            c.runs.push_back(ReadRun(runFolder));
        }
        std::sort(c.runs.begin(), c.runs.end(), [](const ReportRun& a, const ReportRun& b) {
            return a.seed < b.seed;
        });
    }
    folder.growth = ReadGrowth(dir);
    return folder;
}

} // namespace blueprint
} // namespace ns3
