/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/growth-comparison.h"

#include "helper/results/result-writer.h"
#include "helper/scenario/demand-reader.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintGrowthComparison");

namespace
{

using Json = nlohmann::ordered_json;

/// The items with `separator` between them.
std::string
Joined(const std::vector<std::string>& items, const std::string& separator)
{
    std::string out;
    for (const auto& item : items)
    {
        out += (out.empty() ? "" : separator) + item;
    }
    return out;
}

/// "2031 fail" or, over seeds, "2031 fail (12/20)".
std::string
ProbeText(const GrowthProbe& p, bool seeded)
{
    std::string text = std::to_string(p.year) + (p.pass ? " pass" : " fail");
    if (seeded)
    {
        text += " (" + std::to_string(p.passingSeeds) + "/" + std::to_string(p.seeds) + ")";
    }
    return text;
}

} // namespace

int
ParseYear(const std::string& option, const std::string& text)
{
    if (text.empty() || text.size() > 4 ||
        text.find_first_not_of("0123456789") != std::string::npos)
    {
        throw std::invalid_argument(option + " takes a year, as 2030; got '" + text + "'");
    }
    return std::stoi(text);
}

std::pair<int, int>
ParseYearRange(const std::string& text)
{
    const std::size_t dots = text.find("..");
    if (dots == std::string::npos)
    {
        throw std::invalid_argument("--years takes the first and last years, as 2025..2040; got '" +
                                    text + "'");
    }
    const int from = ParseYear("--years", text.substr(0, dots));
    const int to = ParseYear("--years", text.substr(dots + 2));
    if (to < from)
    {
        throw std::invalid_argument("--years " + text +
                                    " runs backwards; write the earlier year "
                                    "first, as " +
                                    std::to_string(to) + ".." + std::to_string(from));
    }
    return {from, to};
}

GrowthProbe
JudgeProbe(int year,
           double loadFactor,
           const std::vector<SeedRun>& runs,
           double requiredShare,
           bool seeded)
{
    GrowthProbe p;
    p.year = year;
    p.loadFactor = loadFactor;
    if (runs.empty())
    {
        return p;
    }
    const std::string& name = runs.front().configuration;
    std::vector<ConfigurationSummary> summaries = SummariseSeeds({name}, runs);
    Recommend(summaries, requiredShare, seeded);
    const ConfigurationSummary& c = summaries.front();
    p.pass = c.meetsEveryRequirement;
    p.passingSeeds = c.allPass.successes;
    p.seeds = c.allPass.trials;
    p.wilsonLow = c.allPass.low;
    for (const auto& [requirement, share] : c.requirements)
    {
        if (share.successes < share.trials)
        {
            // "flow.metric" -> "FLOW METRIC"; a flow's name may hold dots, a metric's does not.
            const std::size_t dot = requirement.rfind('.');
            p.failed.push_back(requirement.substr(0, dot) + " " + requirement.substr(dot + 1));
        }
    }
    return p;
}

GrowthOutcome
FindFirstFailingYear(const std::string& configuration,
                     int from,
                     int to,
                     const std::function<GrowthProbe(int)>& probe)
{
    GrowthOutcome o;
    o.configuration = configuration;
    std::map<int, GrowthProbe> probes;
    auto run = [&](int year) {
        GrowthProbe p = probe(year);
        NS_LOG_INFO(configuration << " in " << year << ": " << (p.pass ? "pass" : "fail"));
        return probes.emplace(year, std::move(p)).first->second.pass;
    };
    const bool firstPasses = run(from);
    const bool lastPasses = from == to ? firstPasses : run(to);
    if (!firstPasses)
    {
        o.firstFailingYear = from;
        o.failingAtStart = true;
    }
    else if (!lastPasses)
    {
        // Invariant: `pass` passes and `fail` fails; the first failing year is in (pass, fail].
        int pass = from;
        int fail = to;
        while (fail - pass > 1)
        {
            const int middle = pass + (fail - pass) / 2;
            (run(middle) ? pass : fail) = middle;
        }
        o.firstFailingYear = fail;
    }
    bool failedBefore = false;
    for (auto& [year, p] : probes)
    {
        if (p.pass && failedBefore)
        {
            o.passesAfterAFailure.push_back(year);
        }
        failedBefore = failedBefore || !p.pass;
        o.probes.push_back(std::move(p));
    }
    return o;
}

std::string
GrowthJson(const GrowthReport& r)
{
    Json j;
    j["scenario"] = r.scenario;
    Json demand;
    demand["model"] = r.demand.model;
    if (r.demand.growthPerYear)
    {
        demand["rate"] = *r.demand.growthPerYear;
    }
    demand["base_year"] = r.demand.baseYear ? Json(*r.demand.baseYear) : Json(nullptr);
    j["demand"] = demand;
    j["years"] = {{"from", r.from}, {"to", r.to}};
    Json configurations = Json::array();
    for (const GrowthOutcome& o : r.outcomes)
    {
        Json c;
        c["name"] = o.configuration;
        c["first_failing_year"] = o.firstFailingYear ? Json(*o.firstFailingYear) : Json(nullptr);
        c["failing_at_start"] = o.failingAtStart;
        Json probes = Json::array();
        for (const GrowthProbe& p : o.probes)
        {
            probes.push_back({{"year", p.year},
                              {"load_factor", p.loadFactor},
                              {"pass", p.pass},
                              {"failed", p.failed}});
        }
        c["probes"] = probes;
        configurations.push_back(c);
    }
    j["configurations"] = configurations;
    return j.dump(2) + "\n";
}

std::string
GrowthCsv(const GrowthReport& r)
{
    std::string out = "scenario,configuration,first_failing_year,failing_at_start,year,"
                      "load_factor,pass,passing_seeds,seeds,failed\n";
    for (const GrowthOutcome& o : r.outcomes)
    {
        for (const GrowthProbe& p : o.probes)
        {
            out += CsvField(r.scenario) + "," + CsvField(o.configuration) + "," +
                   (o.firstFailingYear ? std::to_string(*o.firstFailingYear) : "") + "," +
                   (o.failingAtStart ? "true" : "false") + "," + std::to_string(p.year) + "," +
                   Json(p.loadFactor).dump() + "," + (p.pass ? "true" : "false") + "," +
                   std::to_string(p.passingSeeds) + "," + std::to_string(p.seeds) + "," +
                   CsvField(Joined(p.failed, "; ")) + "\n";
        }
    }
    return out;
}

std::string
GrowthTable(const GrowthReport& r)
{
    const std::string range = std::to_string(r.from) + ".." + std::to_string(r.to);
    std::string out = r.scenario + ": the first year each configuration fails, " + range +
                      "; demand " + r.demand.description + "\n";
    std::size_t probes = 0;
    for (const GrowthOutcome& o : r.outcomes)
    {
        probes += o.probes.size();
    }
    const std::size_t every = r.outcomes.size() * static_cast<std::size_t>(r.to - r.from + 1);
    char rule[160];
    std::snprintf(rule,
                  sizeof(rule),
                  "pass: every requirement in at least %.0f %% of seeds (95 %% Wilson lower "
                  "bound)",
                  100 * r.requiredShare);
    out += (r.seeded ? std::string(rule) + ", seeds " + std::to_string(r.seeds.size())
                     : "pass: every requirement, seed " + std::to_string(r.seeds.front())) +
           "; years found by bisection, assuming pass/fail is monotone in load: " +
           std::to_string(probes) + " of " + std::to_string(every) + " configuration-years run\n\n";

    std::vector<std::vector<std::string>> rows{
        {"configuration", "first failing year", "load", "failed requirements", "probes"}};
    for (const GrowthOutcome& o : r.outcomes)
    {
        std::vector<std::string> probeTexts;
        const GrowthProbe* failing = nullptr;
        for (const GrowthProbe& p : o.probes)
        {
            probeTexts.push_back(ProbeText(p, r.seeded));
            if (o.firstFailingYear && p.year == *o.firstFailingYear)
            {
                failing = &p;
            }
        }
        const std::string year =
            !o.firstFailingYear
                ? "holds through " + std::to_string(r.to)
                : std::to_string(*o.firstFailingYear) + (o.failingAtStart ? " (at the start)" : "");
        rows.push_back({o.configuration,
                        year,
                        failing ? LoadFactorText(failing->loadFactor) : "-",
                        failing && !failing->failed.empty() ? Joined(failing->failed, ", ") : "-",
                        Joined(probeTexts, ", ")});
    }
    out += AlignColumns(rows);
    for (const GrowthOutcome& o : r.outcomes)
    {
        if (!o.passesAfterAFailure.empty())
        {
            std::vector<std::string> years;
            for (int y : o.passesAfterAFailure)
            {
                years.push_back(std::to_string(y));
            }
            out += "warning: " + o.configuration + " fails in " +
                   std::to_string(*o.firstFailingYear) + " but passes in " + Joined(years, ", ") +
                   ": pass/fail is not monotone in load here, so bisection cannot say it fails "
                   "from then on; look at the years between with --year\n";
        }
    }
    return out;
}

} // namespace blueprint
} // namespace ns3
