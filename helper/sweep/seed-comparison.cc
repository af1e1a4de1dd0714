/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/seed-comparison.h"

#include "helper/results/result-writer.h"
#include "helper/sweep/sweep-aggregator.h"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

using Json = nlohmann::json;

/// The most seeds one comparison takes (a sweep's own limit on a list of seeds).
constexpr std::size_t kMaxSeeds = 100000;

uint64_t
PositiveSeed(const std::string& s, const std::string& whole)
{
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 19)
    {
        throw std::invalid_argument("--seeds takes seeds as 1..20 or 1,3,5; '" + s + "' in '" +
                                    whole + "' is not a positive integer");
    }
    const uint64_t n = std::stoull(s);
    if (n == 0)
    {
        throw std::invalid_argument("--seeds: seeds start at 1, got 0 in '" + whole + "'");
    }
    return n;
}

std::string
Fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.*f", decimals, v);
    return buf;
}

/// "12.3 [11.9, 12.7]"; the interval is left out when undefined (one seed).
std::string
WithInterval(const ConfidenceInterval& ci, int decimals)
{
    if (!ci.defined)
    {
        return Fixed(ci.mean, decimals);
    }
    return Fixed(ci.mean, decimals) + " [" + Fixed(ci.Low(), decimals) + ", " +
           Fixed(ci.High(), decimals) + "]";
}

Json
IntervalJson(const ConfidenceInterval& ci)
{
    Json j{{"mean", ci.mean}, {"samples", ci.samples}};
    if (ci.defined)
    {
        j["ci95_low"] = ci.Low();
        j["ci95_high"] = ci.High();
        // Whether the interval excludes zero (for paired differences: a real difference).
        j["excludes_zero"] = ci.Low() > 0 || ci.High() < 0;
    }
    return j;
}

Json
ProportionJson(const ProportionInterval& p)
{
    return {{"passed", p.successes},
            {"seeds", p.trials},
            {"share", p.share},
            {"wilson95_low", p.low},
            {"wilson95_high", p.high}};
}

/// The metrics the table shows per flow: those a planner reads a verdict from.
bool
TableMetric(const std::string& name)
{
    for (const char* suffix : {".latency_p99_ms", ".rtt_p99_ms", ".throughput_bps", ".loss_ratio"})
    {
        const std::string s(suffix);
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
        {
            return true;
        }
    }
    return name == "energy_j" || name == "annualised_cost";
}

} // namespace

std::vector<uint64_t>
ParseSeedList(const std::string& text)
{
    std::vector<uint64_t> seeds;
    std::set<uint64_t> seen;
    if (text.empty())
    {
        throw std::invalid_argument("--seeds needs seeds, as 1..20 or 1,3,5");
    }
    std::size_t start = 0;
    while (start <= text.size())
    {
        const std::size_t comma = text.find(',', start);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const std::size_t dots = part.find("..");
        uint64_t first = 0;
        uint64_t last = 0;
        if (dots == std::string::npos)
        {
            first = last = PositiveSeed(part, text);
        }
        else
        {
            first = PositiveSeed(part.substr(0, dots), text);
            last = PositiveSeed(part.substr(dots + 2), text);
            if (last < first)
            {
                throw std::invalid_argument("--seeds: the range '" + part +
                                            "' runs backwards; write " + std::to_string(last) +
                                            ".." + std::to_string(first));
            }
        }
        if (last - first >= kMaxSeeds || seeds.size() + (last - first) >= kMaxSeeds)
        {
            throw std::invalid_argument("--seeds '" + text + "' lists more than " +
                                        std::to_string(kMaxSeeds) + " seeds");
        }
        for (uint64_t s = first; s <= last; ++s)
        {
            if (!seen.insert(s).second)
            {
                throw std::invalid_argument("--seeds '" + text + "' lists seed " +
                                            std::to_string(s) + " twice");
            }
            seeds.push_back(s);
        }
        if (comma == std::string::npos)
        {
            break;
        }
        start = comma + 1;
    }
    return seeds;
}

double
ParseShare(const std::string& text)
{
    std::string number = text;
    double scale = 1;
    if (!number.empty() && number.back() == '%')
    {
        number.pop_back();
        scale = 0.01;
    }
    std::size_t used = 0;
    double v = 0;
    try
    {
        v = std::stod(number, &used);
    }
    catch (const std::exception&)
    {
        used = 0;
    }
    if (number.empty() || used != number.size() || !std::isfinite(v))
    {
        throw std::invalid_argument("--confidence takes a share of seeds, as 95% or 0.95; got '" +
                                    text + "'");
    }
    v *= scale;
    if (v <= 0 || v >= 1)
    {
        throw std::invalid_argument(
            "--confidence must be above 0 and below 100% (no number of passing seeds shows "
            "100 %: the 95 % Wilson lower bound of n passes in n is n/(n+3.84)), got '" +
            text + "'");
    }
    return v;
}

std::size_t
SeedsNeeded(double share, double level)
{
    const double z =
        boost::math::quantile(boost::math::normal_distribution<>(), 1 - (1 - level) / 2);
    auto n = static_cast<std::size_t>(std::ceil(z * z * share / (1 - share)));
    // The closed form's ceiling can land one short of the bound by rounding; the interval decides.
    while (WilsonInterval(n, n, level).low < share)
    {
        ++n;
    }
    return std::max<std::size_t>(n, 1);
}

ProportionInterval
WilsonInterval(std::size_t successes, std::size_t trials, double level)
{
    ProportionInterval p;
    p.successes = successes;
    p.trials = trials;
    if (trials == 0)
    {
        p.high = 1;
        return p;
    }
    const double n = static_cast<double>(trials);
    const double share = successes / n;
    const double z =
        boost::math::quantile(boost::math::normal_distribution<>(), 1 - (1 - level) / 2);
    const double z2 = z * z;
    const double centre = (share + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z * std::sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    p.share = share;
    p.low = std::max(0.0, centre - half);
    p.high = std::min(1.0, centre + half);
    return p;
}

namespace
{

/// How bad a verdict is: fail over inconclusive over pass.
int
VerdictRank(const std::string& verdict)
{
    return verdict == "fail" ? 2 : verdict == "inconclusive" ? 1 : 0;
}

/// Whether a flow of result.json's top level has a requirement of the metric of `q`.
bool
HasRequirement(const nlohmann::json& flow, const nlohmann::json& q)
{
    for (const auto& own : flow.at("requirements"))
    {
        if (own.at("metric") == q.at("metric"))
        {
            return true;
        }
    }
    return false;
}

} // namespace

SeedRun
ReadSeedRun(const std::string& resultJson)
{
    const Json j = Json::parse(resultJson);
    SeedRun r;
    r.configuration = j.at("configuration").get<std::string>();
    r.seed = j.at("seed").get<uint64_t>();
    r.metrics = ExtractRunMetrics(resultJson);
    r.verdict = j.at("verdict").get<std::string>();
    r.annualisedCost = j.at("cost").at("annualised").get<double>();
    r.energyJoules = j.at("energy").at("total_j").get<double>();
    constexpr double kNever = std::numeric_limits<double>::infinity();
    // The p99 of a delay summary, infinite when it holds no packet (nothing arrived).
    const auto p99Of = [&](const Json& f, const char* key) {
        const Json& d = f.at(key);
        return d.value("samples", uint64_t{0}) > 0 ? d.at("p99").get<double>() : kNever;
    };
    std::optional<double> worstOfAll;
    for (const auto& f : j.at("flows"))
    {
        const std::string flow = f.at("name").get<std::string>();
        r.flows.insert(flow);
        for (const auto& q : f.at("requirements"))
        {
            const std::string metric = q.at("metric").get<std::string>();
            r.requirements[flow + "." + metric] = q.at("verdict").get<std::string>();
            if ((metric == "latency" || metric == "rtt") && q.contains("limit_ms"))
            {
                const double p99 = p99Of(f, metric == "rtt" ? "rtt_ms" : "latency_ms");
                const double share = p99 / q.at("limit_ms").get<double>();
                r.worstDeadlineShare = std::max(r.worstDeadlineShare.value_or(share), share);
                r.worstP99Ms = std::max(r.worstP99Ms.value_or(p99), p99);
            }
        }
        if (f.at("rx_packets").get<uint64_t>() > 0)
        {
            const double p99 = p99Of(f, f.contains("rtt_ms") ? "rtt_ms" : "latency_ms");
            worstOfAll = std::max(worstOfAll.value_or(p99), p99);
        }
    }
    if (!r.worstDeadlineShare)
    {
        r.worstP99Ms = worstOfAll;
    }
    // A timeline's flows take their requirements from the first phase they run in; one that a
    // later phase adds (or a first phase drops) is judged only in its phases. Such a
    // requirement counts with its worst verdict over them, so that what a configuration is
    // judged on does not depend on the order of its phases.
    for (const auto& phase : j.value("phases", Json::array()))
    {
        for (const auto& f : phase.at("flows"))
        {
            const std::string flow = f.at("name").get<std::string>();
            for (const auto& q : f.at("requirements"))
            {
                const std::string key = flow + "." + q.at("metric").get<std::string>();
                if (j.at("flows").end() !=
                    std::find_if(j.at("flows").begin(), j.at("flows").end(), [&](const Json& top) {
                        return top.at("name") == flow && HasRequirement(top, q);
                    }))
                {
                    continue; // judged over the whole timeline already
                }
                const std::string verdict = q.at("verdict").get<std::string>();
                auto [it, added] = r.requirements.emplace(key, verdict);
                if (!added && VerdictRank(verdict) > VerdictRank(it->second))
                {
                    it->second = verdict;
                }
            }
        }
    }
    for (const auto& e : j.at("cost").value("uncosted", Json::array()))
    {
        r.uncosted.insert(e.at("element").get<std::string>());
    }
    for (const auto& e : j.at("energy").value("unmetered", Json::array()))
    {
        r.unmetered.insert(e.at("element").get<std::string>());
    }
    return r;
}

std::vector<ConfigurationSummary>
SummariseSeeds(const std::vector<std::string>& order, const std::vector<SeedRun>& runs)
{
    // configuration -> seed -> run
    std::map<std::string, std::map<uint64_t, const SeedRun*>> bySeed;
    for (const SeedRun& r : runs)
    {
        bySeed[r.configuration][r.seed] = &r;
    }
    const auto& base = bySeed[order.front()];
    std::vector<ConfigurationSummary> out;
    for (const std::string& name : order)
    {
        ConfigurationSummary c;
        c.name = name;
        const auto& mine = bySeed[name];
        c.seeds = mine.size();
        std::map<std::string, std::vector<double>> values;
        std::map<std::string, std::vector<double>> diffs;
        std::map<std::string, std::pair<std::size_t, std::size_t>> passes;
        std::size_t allPassed = 0;
        std::size_t withVerdict = 0;
        std::vector<double> costs;
        std::vector<double> energies;
        std::vector<double> p99s;
        std::vector<double> deadlineShares;
        for (const auto& [seed, run] : mine)
        {
            std::map<std::string, double> baseMetrics;
            if (auto b = base.find(seed); b != base.end())
            {
                baseMetrics.insert(b->second->metrics.begin(), b->second->metrics.end());
            }
            for (const auto& [metric, value] : run->metrics)
            {
                values[metric].push_back(value);
                if (auto bm = baseMetrics.find(metric); bm != baseMetrics.end())
                {
                    diffs[metric].push_back(value - bm->second);
                }
            }
            for (const auto& [requirement, verdict] : run->requirements)
            {
                auto& [passed, total] = passes[requirement];
                passed += verdict == "pass";
                ++total;
            }
            if (run->verdict != "none")
            {
                ++withVerdict;
                allPassed += run->verdict == "pass";
            }
            costs.push_back(run->annualisedCost);
            energies.push_back(run->energyJoules);
            if (run->worstP99Ms)
            {
                p99s.push_back(*run->worstP99Ms);
            }
            if (run->worstDeadlineShare)
            {
                deadlineShares.push_back(*run->worstDeadlineShare);
            }
            c.uncosted.insert(run->uncosted.begin(), run->uncosted.end());
            c.flows.insert(run->flows.begin(), run->flows.end());
            c.unmetered.insert(run->unmetered.begin(), run->unmetered.end());
        }
        for (const auto& [metric, v] : values)
        {
            c.metrics[metric] = StudentTInterval(v);
        }
        for (const auto& [metric, d] : diffs)
        {
            c.pairedDiff[metric] = StudentTInterval(d);
        }
        for (const auto& [requirement, counts] : passes)
        {
            c.requirements[requirement] = WilsonInterval(counts.first, counts.second);
        }
        c.hasRequirements = withVerdict > 0;
        c.allPass = WilsonInterval(allPassed, withVerdict);
        c.annualisedCost = StudentTInterval(costs).mean;
        c.energyJoules = StudentTInterval(energies).mean;
        // Plain means: a seed on which a required flow delivered nothing makes the mean
        // infinite, as it should (StudentTInterval's spread of an infinite value is undefined).
        const auto mean = [](const std::vector<double>& v) -> std::optional<double> {
            if (v.empty())
            {
                return std::nullopt;
            }
            double sum = 0;
            for (double x : v)
            {
                sum += x;
            }
            return sum / static_cast<double>(v.size());
        };
        c.worstP99Ms = mean(p99s);
        c.worstDeadlineShare = mean(deadlineShares);
        out.push_back(std::move(c));
    }
    return out;
}

Recommendation
Recommend(std::vector<ConfigurationSummary>& configurations, double requiredShare, bool seeded)
{
    Recommendation r;
    r.requiredShare = requiredShare;
    r.seeded = seeded;
    for (const ConfigurationSummary& c : configurations)
    {
        r.seeds = std::max(r.seeds, c.seeds);
    }
    r.seedsNeeded = seeded ? SeedsNeeded(requiredShare) : 0;
    // What a configuration serves and is judged on: its flows and its requirements.
    auto servesAndMeets = [](const ConfigurationSummary& c) {
        std::set<std::string> items;
        for (const std::string& flow : c.flows)
        {
            items.insert("flow " + flow);
        }
        for (const auto& [requirement, share] : c.requirements)
        {
            items.insert(requirement);
        }
        return items;
    };
    const std::set<std::string> base =
        configurations.empty() ? std::set<std::string>() : servesAndMeets(configurations.front());
    std::vector<const ConfigurationSummary*> ok;
    for (ConfigurationSummary& c : configurations)
    {
        const std::set<std::string> own = servesAndMeets(c);
        std::vector<std::string> dropped;
        std::set_difference(base.begin(),
                            base.end(),
                            own.begin(),
                            own.end(),
                            std::back_inserter(dropped));
        if (!dropped.empty())
        {
            r.dropsFromBase[c.name] = dropped;
        }
        c.meetsEveryRequirement =
            c.hasRequirements && dropped.empty() &&
            (seeded ? c.allPass.low >= requiredShare : c.allPass.successes == c.allPass.trials);
        if (c.meetsEveryRequirement)
        {
            r.qualifying.push_back(c.name);
            ok.push_back(&c);
        }
    }
    const ConfigurationSummary* cheapest = nullptr;
    for (const ConfigurationSummary* c : ok)
    {
        if (!cheapest || c->annualisedCost < cheapest->annualisedCost)
        {
            cheapest = c;
        }
    }
    if (cheapest)
    {
        r.cheapest = cheapest->name;
    }
    // Latency as a share of each flow's deadline when any flow has one (a p99 in ms of a sensor
    // report with a 1 s deadline and of a video call with 150 ms are not one scale), else in ms.
    // Without a delivered packet there is no latency to weigh: such a configuration is placed as
    // if its latency were the worst (it cannot be shown better).
    const bool byDeadline = std::any_of(ok.begin(), ok.end(), [](const ConfigurationSummary* c) {
        return c->worstDeadlineShare.has_value();
    });
    r.latencyObjective = byDeadline ? "worst_p99_share_of_deadline" : "worst_p99_ms";
    auto latency = [byDeadline](const ConfigurationSummary* c) {
        return (byDeadline ? c->worstDeadlineShare : c->worstP99Ms)
            .value_or(std::numeric_limits<double>::infinity());
    };
    for (const ConfigurationSummary* a : ok)
    {
        bool dominated = false;
        for (const ConfigurationSummary* b : ok)
        {
            const bool noWorse = b->annualisedCost <= a->annualisedCost &&
                                 b->energyJoules <= a->energyJoules && latency(b) <= latency(a);
            const bool better = b->annualisedCost < a->annualisedCost ||
                                b->energyJoules < a->energyJoules || latency(b) < latency(a);
            dominated = dominated || (b != a && noWorse && better);
        }
        if (!dominated)
        {
            r.pareto.push_back(a->name);
        }
    }
    // What a qualifying configuration counts at 0 and another does not: its figure is a lower
    // bound beside theirs.
    auto leavesOut = [&](const std::set<std::string> ConfigurationSummary::*elements,
                         std::map<std::string, std::vector<std::string>>& out) {
        for (const ConfigurationSummary* a : ok)
        {
            std::set<std::string> extra;
            for (const ConfigurationSummary* b : ok)
            {
                std::set_difference((a->*elements).begin(),
                                    (a->*elements).end(),
                                    (b->*elements).begin(),
                                    (b->*elements).end(),
                                    std::inserter(extra, extra.end()));
            }
            if (!extra.empty())
            {
                out[a->name].assign(extra.begin(), extra.end());
            }
        }
    };
    leavesOut(&ConfigurationSummary::uncosted, r.costLeavesOut);
    leavesOut(&ConfigurationSummary::unmetered, r.energyLeavesOut);
    return r;
}

std::string
RecommendationText(const Recommendation& r)
{
    auto list = [](const std::vector<std::string>& names) {
        std::string s;
        for (const auto& n : names)
        {
            s += (s.empty() ? "" : ", ") + n;
        }
        return s;
    };
    const std::string rule = r.seeded ? "every requirement in at least " +
                                            Fixed(100 * r.requiredShare, 0) +
                                            " % of seeds (95 % Wilson lower bound)"
                                      : "every requirement";
    std::string drops;
    for (const auto& [name, items] : r.dropsFromBase)
    {
        drops += "  note: " + name + " does not carry the base's " + list(items) +
                 ": it answers another question and is not recommended\n";
    }
    if (r.qualifying.empty())
    {
        if (r.seeded && r.seeds < r.seedsNeeded)
        {
            return "recommendation: none can be made with " + std::to_string(r.seeds) +
                   " seeds: showing " + rule + " needs at least " + std::to_string(r.seedsNeeded) +
                   " seeds, every one passing\n" + drops;
        }
        return "recommendation: no configuration meets " + rule + "\n" + drops;
    }
    std::string text =
        "recommendation: " + list(r.qualifying) +
        (r.qualifying.size() == 1 ? " meets " : " meet ") + rule + "; cheapest: " + *r.cheapest +
        "; Pareto set (annualised cost, energy, " +
        (r.latencyObjective == "worst_p99_ms" ? "worst p99" : "worst p99 / deadline") +
        "): " + list(r.pareto) + "\n";
    for (const auto& [name, elements] : r.costLeavesOut)
    {
        // At 0 in the results' currency, whichever it is.
        text += "  note: " + name + "'s cost counts " + list(elements) +
                " at 0, which not every qualifying configuration does: a lower bound beside "
                "theirs\n";
    }
    for (const auto& [name, elements] : r.energyLeavesOut)
    {
        text += "  note: " + name + "'s energy counts " + list(elements) +
                " at 0 J, which not every qualifying configuration does: a lower bound beside "
                "theirs\n";
    }
    return text + drops;
}

std::string
SeedComparisonTable(const std::string& scenario,
                    const std::vector<uint64_t>& seeds,
                    const std::vector<ConfigurationSummary>& configurations,
                    const Recommendation& recommendation)
{
    std::string out = scenario + ": " + std::to_string(configurations.size()) +
                      " configurations x " + std::to_string(seeds.size()) +
                      " seeds; mean [95 % interval]; diff = paired difference from " +
                      configurations.front().name + " [95 % interval]\n\n";
    char line[512];
    std::snprintf(line,
                  sizeof(line),
                  "%-20s %-34s %-32s %-32s\n",
                  "configuration",
                  "metric",
                  "mean",
                  "diff");
    out += line;
    for (const ConfigurationSummary& c : configurations)
    {
        for (const auto& [metric, ci] : c.metrics)
        {
            if (!TableMetric(metric))
            {
                continue;
            }
            std::string diff = "";
            if (&c != &configurations.front())
            {
                auto d = c.pairedDiff.find(metric);
                diff = d == c.pairedDiff.end() ? "-" : WithInterval(d->second, 3);
                if (d != c.pairedDiff.end() && d->second.defined &&
                    (d->second.Low() > 0 || d->second.High() < 0))
                {
                    diff += " *";
                }
            }
            // A latency measured on fewer seeds than ran: on the others nothing arrived.
            const std::string mean =
                WithInterval(ci, 3) + (ci.samples < c.seeds
                                           ? " (" + std::to_string(ci.samples) + " of " +
                                                 std::to_string(c.seeds) + " seeds)"
                                           : std::string());
            std::snprintf(line,
                          sizeof(line),
                          "%-20s %-34s %-32s %-32s\n",
                          c.name.c_str(),
                          metric.c_str(),
                          mean.c_str(),
                          diff.c_str());
            out += line;
        }
    }
    out += "\n* the interval excludes 0: a difference beyond seed-to-seed luck (each row on its "
           "own: of many rows, about 1 in 20 shows * by chance)\n\n";
    std::snprintf(line,
                  sizeof(line),
                  "%-20s %-34s %8s %-20s\n",
                  "configuration",
                  "requirement",
                  "passed",
                  "share [Wilson 95 %]");
    out += line;
    for (const ConfigurationSummary& c : configurations)
    {
        auto row = [&](const std::string& what, const ProportionInterval& p) {
            std::snprintf(line,
                          sizeof(line),
                          "%-20s %-34s %3zu/%-4zu %s [%s, %s]\n",
                          c.name.c_str(),
                          what.c_str(),
                          p.successes,
                          p.trials,
                          Fixed(100 * p.share, 0).c_str(),
                          Fixed(100 * p.low, 1).c_str(),
                          Fixed(100 * p.high, 1).c_str());
            out += line;
        };
        for (const auto& [requirement, p] : c.requirements)
        {
            row(requirement, p);
        }
        if (c.hasRequirements)
        {
            row("all requirements", c.allPass);
        }
    }
    return out + "\n" + RecommendationText(recommendation);
}

std::string
SeedComparisonCsv(const std::vector<ConfigurationSummary>& configurations)
{
    std::string out = "configuration,kind,name,mean,ci95_low,ci95_high,diff_mean,diff_ci95_low,"
                      "diff_ci95_high,seeds\n";
    auto num = [](double v) { return Json(v).dump(); };
    for (const ConfigurationSummary& c : configurations)
    {
        for (const auto& [metric, ci] : c.metrics)
        {
            out += CsvField(c.name) + ",metric," + CsvField(metric) + "," + num(ci.mean) + "," +
                   (ci.defined ? num(ci.Low()) + "," + num(ci.High()) : std::string(",")) + ",";
            auto d = c.pairedDiff.find(metric);
            if (&c != &configurations.front() && d != c.pairedDiff.end())
            {
                out += num(d->second.mean) + "," +
                       (d->second.defined ? num(d->second.Low()) + "," + num(d->second.High())
                                          : std::string(","));
            }
            else
            {
                out += ",,";
            }
            out += "," + std::to_string(ci.samples) + "\n";
        }
        auto pass = [&](const std::string& name, const ProportionInterval& p) {
            out += CsvField(c.name) + ",pass_share," + CsvField(name) + "," + num(p.share) + "," +
                   num(p.low) + "," + num(p.high) + ",,,," + std::to_string(p.trials) + "\n";
        };
        for (const auto& [requirement, p] : c.requirements)
        {
            pass(requirement, p);
        }
        if (c.hasRequirements)
        {
            pass("all", c.allPass);
        }
    }
    return out;
}

std::string
ComparisonJson(const std::string& scenario,
               const std::vector<uint64_t>& seeds,
               const std::vector<ConfigurationSummary>& configurations,
               const Recommendation& r)
{
    Json j;
    j["scenario"] = scenario;
    j["seeds"] = seeds;
    Json configs = Json::array();
    for (const ConfigurationSummary& c : configurations)
    {
        Json jc{{"name", c.name},
                {"seeds", c.seeds},
                {"annualised_cost", c.annualisedCost},
                {"energy_j", c.energyJoules},
                {"meets_every_requirement", c.meetsEveryRequirement}};
        // null: nothing weighed, or (infinite) a required flow delivered nothing on some seed
        const auto finite = [](const std::optional<double>& v) {
            return v && std::isfinite(*v) ? Json(*v) : Json();
        };
        jc["worst_p99_ms"] = finite(c.worstP99Ms);
        jc["worst_p99_share_of_deadline"] = finite(c.worstDeadlineShare);
        jc["uncosted"] = c.uncosted;
        jc["unmetered"] = c.unmetered;
        if (c.hasRequirements)
        {
            jc["all_requirements"] = ProportionJson(c.allPass);
        }
        for (const auto& [requirement, p] : c.requirements)
        {
            jc["requirements"][requirement] = ProportionJson(p);
        }
        for (const auto& [metric, ci] : c.metrics)
        {
            jc["metrics"][metric] = IntervalJson(ci);
        }
        if (&c != &configurations.front())
        {
            for (const auto& [metric, ci] : c.pairedDiff)
            {
                jc["paired_difference"][metric] = IntervalJson(ci);
            }
        }
        configs.push_back(jc);
    }
    j["configurations"] = configs;
    j["recommendation"] = {
        {"rule",
         r.seeded ? "every requirement passed in a share of seeds whose 95 % Wilson lower bound "
                    "is at least required_share"
                  : "every requirement passed"},
        {"required_share", r.requiredShare},
        {"qualifying", r.qualifying},
        {"cheapest", r.cheapest ? Json(*r.cheapest) : Json()},
        {"pareto", r.pareto},
        {"pareto_objectives", {"annualised_cost", "energy_j", r.latencyObjective}},
        {"cost_leaves_out", r.costLeavesOut},
        {"energy_leaves_out", r.energyLeavesOut},
        {"drops_from_base", r.dropsFromBase}};
    if (r.seeded)
    {
        j["recommendation"]["seeds_needed"] = r.seedsNeeded;
    }
    return j.dump(1) + "\n";
}

} // namespace blueprint
} // namespace ns3
