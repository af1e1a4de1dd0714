/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-plan.h"

#include "helper/scenario/scenario-reader.h"
#include "helper/sweep/run-identity.h"

#include "ns3/log.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintSweepPlan");

namespace
{

using Json = nlohmann::ordered_json;

/// The plan.json format version; bump when the layout changes.
constexpr int kPlanFormat = 1;

/// Loads the scenario, turning "cannot read" into an error at the sweep's `scenario:` line.
ScenarioDocument
LoadScenario(const SweepSpec& spec)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(spec.scenarioFile, ec))
    {
        throw InputError(spec.scenarioMark,
                         "cannot read scenario file '" + spec.scenarioFile +
                             "' (the path is relative to the sweep file)");
    }
    return ScenarioDocument::Load(spec.scenarioFile);
}

std::vector<std::string>
ExpandAlternatives(const SweepSpec& spec, const ScenarioDocument& doc)
{
    std::vector<std::string> known = doc.GetAlternativeNames();
    if (spec.alternatives.size() == 1 && spec.alternatives[0] == "all")
    {
        std::vector<std::string> all{"base"};
        all.insert(all.end(), known.begin(), known.end());
        return all;
    }
    known.insert(known.begin(), "base");
    for (std::size_t i = 0; i < spec.alternatives.size(); ++i)
    {
        const std::string& a = spec.alternatives[i];
        if (std::find(known.begin(), known.end(), a) == known.end())
        {
            std::string hint = SuggestClosest(a, known);
            throw InputError(spec.alternativeMarks[i],
                             "scenario '" + spec.scenarioFile + "' has no alternative named '" + a +
                                 "'" + (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
        }
    }
    return spec.alternatives;
}

/// Refuses a grid of more than SweepPlan::MAX_RUNS runs, counting before expanding anything.
void
CheckGridSize(const SweepSpec& spec,
              const std::vector<std::vector<std::size_t>>& factors,
              std::size_t alternatives)
{
    std::string product =
        std::to_string(alternatives) + " configuration" + (alternatives == 1 ? "" : "s");
    // Each factor is below 10^5 and the product is stopped once beyond the limit: no overflow.
    uint64_t runs = alternatives;
    for (const auto& factor : factors)
    {
        const std::size_t values = spec.axes[factor[0]].values.size();
        runs = std::min<uint64_t>(runs, SweepPlan::MAX_RUNS + 1) * values;
        product += " x " + std::to_string(values) + " values of " + spec.axes[factor[0]].path;
    }
    runs = std::min<uint64_t>(runs, SweepPlan::MAX_RUNS + 1) * spec.seeds.size();
    product +=
        " x " + std::to_string(spec.seeds.size()) + " seed" + (spec.seeds.size() == 1 ? "" : "s");
    if (runs > SweepPlan::MAX_RUNS)
    {
        throw InputError(spec.axes.empty() ? spec.scenarioMark : spec.axes.front().mark,
                         "the sweep's grid is " + product + ", more than the " +
                             std::to_string(SweepPlan::MAX_RUNS) +
                             " runs one sweep may plan; split it into several sweeps or use "
                             "fewer values");
    }
}

} // namespace

std::vector<std::string>
SweepPlan::Overrides(const SweepPoint& point) const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < axes.size(); ++i)
    {
        out.push_back(axes[i] + "=" + point.values[i]);
    }
    return out;
}

std::string
SweepPlan::Label(const SweepPoint& point) const
{
    std::string out = point.alternative;
    for (const auto& o : Overrides(point))
    {
        out += ", " + o;
    }
    return out;
}

std::string
SweepPlan::ToJson() const
{
    Json j;
    j["format"] = kPlanFormat;
    j["name"] = name;
    j["sweep_file"] = sweepFile;
    j["scenario_file"] = scenarioFile;
    j["program"] = program;
    j["axes"] = axes;
    j["excluded_points"] = excludedPoints;
    j["alternative_count"] = alternativeCount;
    Json pointList = Json::array();
    for (const auto& p : points)
    {
        pointList.push_back({{"alternative", p.alternative}, {"values", p.values}});
    }
    j["points"] = pointList;
    Json runList = Json::array();
    for (const auto& r : runs)
    {
        runList.push_back({{"point", r.point}, {"seed", r.seed}, {"hash", r.hash}});
    }
    j["runs"] = runList;
    return j.dump(1) + "\n";
}

SweepPlan
SweepPlan::Load(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
    {
        throw InputError(SourceMark{path, 0, 0}, "cannot read the sweep plan");
    }
    std::stringstream text;
    text << in.rdbuf();
    SweepPlan plan;
    try
    {
        Json j = Json::parse(text.str());
        if (j.at("format").get<int>() != kPlanFormat)
        {
            throw InputError(SourceMark{path, 0, 0},
                             "plan written by another blueprint version; rerun blueprint sweep");
        }
        plan.name = j.at("name").get<std::string>();
        plan.sweepFile = j.at("sweep_file").get<std::string>();
        plan.scenarioFile = j.at("scenario_file").get<std::string>();
        plan.program = j.at("program").get<std::string>();
        plan.axes = j.at("axes").get<std::vector<std::string>>();
        plan.excludedPoints = j.at("excluded_points").get<std::size_t>();
        plan.alternativeCount = j.at("alternative_count").get<std::size_t>();
        for (const auto& p : j.at("points"))
        {
            SweepPoint point;
            point.alternative = p.at("alternative").get<std::string>();
            point.values = p.at("values").get<std::vector<std::string>>();
            if (point.values.size() != plan.axes.size())
            {
                throw std::runtime_error("a point has the wrong number of values");
            }
            plan.points.push_back(point);
        }
        for (const auto& r : j.at("runs"))
        {
            SweepRun run;
            run.point = r.at("point").get<std::size_t>();
            run.seed = r.at("seed").get<uint64_t>();
            run.hash = r.at("hash").get<std::string>();
            if (run.point >= plan.points.size() || run.hash.size() != 40 ||
                run.hash.find_first_not_of("0123456789abcdef") != std::string::npos)
            {
                throw std::runtime_error("a run refers to no point or has a malformed hash");
            }
            plan.runs.push_back(run);
        }
    }
    catch (const InputError&)
    {
        throw;
    }
    catch (const std::exception& e)
    {
        throw InputError(SourceMark{path, 0, 0}, std::string("not a sweep plan: ") + e.what());
    }
    return plan;
}

SweepPlan
ExpandSweep(const SweepSpec& spec, const std::string& program)
{
    ScenarioDocument doc = LoadScenario(spec);
    SweepPlan plan;
    plan.name = spec.name;
    plan.sweepFile = spec.file;
    plan.scenarioFile = std::filesystem::absolute(spec.scenarioFile).lexically_normal().string();
    plan.program = program;
    for (const auto& a : spec.axes)
    {
        plan.axes.push_back(a.path);
    }
    std::vector<std::string> alternatives = ExpandAlternatives(spec, doc);
    plan.alternativeCount = alternatives.size();

    // Factors: a lone axis, or a zip group that steps through its axes' values together.
    std::vector<std::vector<std::size_t>> factors;
    std::vector<bool> placed(spec.axes.size(), false);
    for (std::size_t i = 0; i < spec.axes.size(); ++i)
    {
        if (placed[i])
        {
            continue;
        }
        std::vector<std::size_t> factor{i};
        for (const auto& group : spec.zip)
        {
            if (std::find(group.begin(), group.end(), i) != group.end())
            {
                factor = group;
            }
        }
        for (std::size_t m : factor)
        {
            placed[m] = true;
        }
        factors.push_back(factor);
    }

    CheckGridSize(spec, factors, alternatives.size());

    // (axis, value index) chosen for every axis at each point, for error marks.
    std::vector<std::vector<std::size_t>> pointChoices;
    for (const auto& alternative : alternatives)
    {
        std::vector<std::size_t> counter(factors.size(), 0);
        while (true)
        {
            SweepPoint point;
            point.alternative = alternative;
            point.values.resize(spec.axes.size());
            std::vector<std::size_t> choice(spec.axes.size(), 0);
            std::map<std::string, std::string> named{{"alternative", alternative}};
            for (std::size_t f = 0; f < factors.size(); ++f)
            {
                for (std::size_t axis : factors[f])
                {
                    choice[axis] = counter[f];
                    point.values[axis] = spec.axes[axis].values[counter[f]];
                    named[spec.axes[axis].path] = point.values[axis];
                }
            }
            bool keep = true;
            for (const auto& c : spec.constraints)
            {
                keep = keep && c.Evaluate(named);
            }
            if (keep)
            {
                plan.points.push_back(point);
                pointChoices.push_back(choice);
            }
            else
            {
                ++plan.excludedPoints;
            }
            // Odometer: the last factor turns fastest; when every factor wraps, all are done.
            bool carry = true;
            for (std::size_t f = factors.size(); f > 0 && carry; --f)
            {
                carry = ++counter[f - 1] == spec.axes[factors[f - 1][0]].values.size();
                if (carry)
                {
                    counter[f - 1] = 0;
                }
            }
            if (carry)
            {
                break;
            }
        }
    }

    for (std::size_t p = 0; p < plan.points.size(); ++p)
    {
        const SweepPoint& point = plan.points[p];
        std::vector<std::string> overrides = plan.Overrides(point);
        ScenarioSpec resolved;
        try
        {
            resolved = doc.Resolve(point.alternative, overrides);
        }
        catch (const InputError& e)
        {
            for (std::size_t a = 0; a < overrides.size(); ++a)
            {
                if (e.GetMark().file == "--set " + overrides[a])
                {
                    const SweepAxis& axis = spec.axes[a];
                    throw InputError(axis.valueMarks[pointChoices[p][a]],
                                     "axis '" + axis.path + "' value " + point.values[a] + ": " +
                                         e.GetMessage());
                }
            }
            throw InputError(e.GetMark(),
                             e.GetMessage() + " (in sweep " + spec.file + " point " +
                                 plan.Label(point) + ")");
        }
        for (uint64_t seed : spec.seeds)
        {
            SweepRun run;
            run.point = p;
            run.seed = seed;
            run.hash = RunHash(resolved.resolvedYaml, point.alternative, seed, program);
            plan.runs.push_back(run);
        }
    }
    NS_LOG_INFO("sweep " << plan.name << ": " << plan.points.size() << " points, "
                         << plan.runs.size() << " runs");
    return plan;
}

} // namespace blueprint
} // namespace ns3
