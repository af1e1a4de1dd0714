/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/growth-command.h"

#include "helper/results/output-folder.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/demand-reader.h"
#include "helper/scenario/phase-runner.h"
#include "helper/scenario/scenario-footprint.h"
#include "helper/sweep/seed-compare-command.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintGrowthCommand");

namespace
{

/// A probe's sweep had runs that failed: the bisection cannot go on without its verdict.
class ProbeRunsFailed : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/// The largest factor any flow's load was scaled by: the load factor of the year.
double
LargestLoadFactor(const ScenarioSpec& spec)
{
    double largest = 1;
    for (const FlowSpec& f : spec.flows)
    {
        largest = std::max(largest, f.loadFactor);
    }
    return largest;
}

/// Whether any flow of the configuration (or of a phase of its timeline) has a requirement.
bool
HasRequirement(const ScenarioSpec& spec)
{
    auto any = [](const ScenarioSpec& s) {
        return std::any_of(s.flows.begin(), s.flows.end(), [](const FlowSpec& f) {
            const RequirementSpec& r = f.requirements;
            return r.latency || r.rtt || r.throughput || r.loss;
        });
    };
    bool found = any(spec);
    for (std::size_t k = 0; spec.timeline && k < spec.timeline->phases.size(); ++k)
    {
        found = found || any(*spec.timeline->phases[k].spec);
    }
    return found;
}

/// The demand growth.json names: the top-level model, or the first growing flow's.
DemandResult
GrowthDemand(const ScenarioSpec& spec)
{
    std::optional<DemandSpec> d;
    if (spec.demand && spec.demand->model != "none")
    {
        d = spec.demand;
    }
    for (std::size_t i = 0; !d && i < spec.flows.size(); ++i)
    {
        const auto& own = spec.flows[i].demand;
        if (own && own->model != "none")
        {
            d = own;
        }
    }
    DemandResult r;
    if (d)
    {
        r.model = d->model;
        if (d->model == "compound")
        {
            r.growthPerYear = d->growthPerYear;
        }
        r.baseYear = d->baseYear;
        r.description = DescribeDemand(*d);
        if (!spec.demand || spec.demand->model == "none")
        {
            r.description += " (the first growing flow's; flows have their own)";
        }
    }
    return r;
}

/// Refuses a configuration the machine cannot hold, and its timeline's phases.
void
CheckFits(const ScenarioSpec& spec)
{
    const uint64_t available = AvailableMemoryBytes();
    CheckFootprintFits(spec, available);
    for (std::size_t k = 0; spec.timeline && k < spec.timeline->phases.size(); ++k)
    {
        CheckFootprintFits(*spec.timeline->phases[k].spec, available);
    }
}

/// "base in 2031 (x2.986): fail (telemedicine latency)"
std::string
ProgressLine(const std::string& configuration, const GrowthProbe& p)
{
    std::string line = "growth: " + configuration + " in " + std::to_string(p.year) + " (" +
                       LoadFactorText(p.loadFactor) + "): " + (p.pass ? "pass" : "fail");
    for (std::size_t i = 0; i < p.failed.size(); ++i)
    {
        line += (i ? ", " : " (") + p.failed[i] + (i + 1 == p.failed.size() ? ")" : "");
    }
    return line + "\n";
}

} // namespace

GrowthProbe
ProbeYear(ScenarioDocument& doc,
          const std::string& configuration,
          int year,
          const SourceMark& mark,
          const std::vector<std::string>& overrides,
          std::optional<uint64_t> seed,
          bool memoryCheck)
{
    doc.SetYear(year, mark);
    const ScenarioSpec spec = doc.Resolve(configuration, overrides, seed);
    PhaseRunner runner(spec);
    runner.SetMemoryCheck(memoryCheck);
    SeedRun run = ReadSeedRun(ResultWriter::ToJson(runner.Run()));
    run.configuration = configuration;
    return JudgeProbe(year, LargestLoadFactor(spec), {run}, 1, false);
}

int
RunGrowthComparison(const GrowthCompareOptions& o, std::ostream& out, std::ostream& err)
{
    ScenarioDocument doc = ScenarioDocument::Load(o.file);
    const SourceMark mark{"--years " + std::to_string(o.from) + ".." + std::to_string(o.to), 0, 0};
    std::vector<std::string> configurations{"base"};
    for (const std::string& name : doc.GetAlternativeNames())
    {
        configurations.push_back(name);
    }
    GrowthReport report;
    report.from = o.from;
    report.to = o.to;
    report.seeded = !o.seeds.empty();
    report.requiredShare = report.seeded ? o.requiredShare : 1;
    // Load grows with the year, so the first and the last years hold every limit the years
    // between could reach: checked for every configuration before anything runs.
    for (int year : {o.from, o.to})
    {
        doc.SetYear(year, mark);
        for (const std::string& c : configurations)
        {
            const ScenarioSpec spec = doc.Resolve(c, o.overrides, o.seed);
            if (!HasRequirement(spec))
            {
                throw InputError(SourceMark{o.file, 0, 0},
                                 "configuration '" + c +
                                     "' has no requirement, so no year can fail it; give its "
                                     "flows requirements (doc/growth.rst)");
            }
            if (o.memoryCheck && year == o.to)
            {
                CheckFits(spec);
            }
            if (c == "base" && year == o.from)
            {
                report.scenario = spec.name;
                report.demand = GrowthDemand(spec);
                report.seeds = {spec.seed};
            }
        }
    }
    std::string stem = o.file.substr(o.file.find_last_of('/') + 1);
    const std::string name = stem.substr(0, stem.find_last_of('.')) + "-growth";
    const std::string dir = o.sweep.out.value_or("out/" + name);
    std::function<GrowthProbe(const std::string&, int)> probe;
    SweepCommandOptions sweep = o.sweep;
    if (!report.seeded)
    {
        OutputFolder(dir, OutputFolder::Kind::Run, o.sweep.force).Check();
        probe = [&](const std::string& c, int year) {
            return ProbeYear(doc, c, year, mark, o.overrides, o.seed, o.memoryCheck);
        };
    }
    else
    {
        report.seeds = o.seeds;
        sweep.out = std::filesystem::absolute(dir).lexically_normal().string();
        // Each probe's verdict decides the next year: a Slurm submission is waited for.
        sweep.slurm.wait = true;
        sweep.retryCommand = "the same blueprint compare " + o.file + " --years ... command";
        probe = [&](const std::string& c, int year) {
            const SweepSpec spec =
                ComparisonSweep(o.file, name, {c}, o.overrides, o.seeds, {{year, mark}});
            if (RunSweepSpec(spec, sweep, err, err) != 0)
            {
                throw ProbeRunsFailed(c + " in " + std::to_string(year));
            }
            std::vector<std::string> order;
            const std::vector<SeedRun> runs = ReadSweepRuns(*sweep.out, order);
            doc.SetYear(year, mark);
            const double load = LargestLoadFactor(doc.Resolve(c, o.overrides));
            return JudgeProbe(year, load, runs, o.requiredShare, true);
        };
    }
    try
    {
        for (const std::string& c : configurations)
        {
            report.outcomes.push_back(FindFirstFailingYear(c, o.from, o.to, [&](int year) {
                GrowthProbe p = probe(c, year);
                err << ProgressLine(c, p) << std::flush;
                return p;
            }));
        }
    }
    catch (const ProbeRunsFailed& e)
    {
        err << "blueprint: compare --years: runs of " << e.what()
            << " failed; the bisection needs all of them (run the same command again to retry "
               "only those)\n";
        return 1;
    }
    const std::string json = GrowthJson(report);
    const std::string csv = GrowthCsv(report);
    if (report.seeded)
    {
        WriteFilesAtomically(
            {{*sweep.out + "/growth.json", json}, {*sweep.out + "/growth.csv", csv}});
    }
    else
    {
        OutputFolder(dir, OutputFolder::Kind::Run, o.sweep.force)
            .Write({{"growth.json", json}, {"growth.csv", csv}});
    }
    const std::string shown = report.seeded ? *sweep.out : dir;
    out << GrowthTable(report) << "\nresults: " << shown << "/growth.csv, " << shown
        << "/growth.json\n";
    return 0;
}

} // namespace blueprint
} // namespace ns3
