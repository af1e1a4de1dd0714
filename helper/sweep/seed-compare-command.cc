/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/seed-compare-command.h"

#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/scenario/scenario-document.h"
#include "helper/sweep/result-store.h"
#include "helper/sweep/seed-comparison.h"
#include "helper/sweep/sweep-plan.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

std::string
ReadText(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

SweepSpec
ComparisonSweep(const std::string& file,
                const std::string& name,
                const std::vector<std::string>& alternatives,
                const std::vector<std::string>& overrides,
                const std::vector<uint64_t>& seeds,
                std::optional<std::pair<int, SourceMark>> year)
{
    SweepSpec spec;
    spec.file = file;
    spec.name = name;
    spec.scenarioFile = file;
    spec.scenarioMark = SourceMark{file, 0, 0};
    spec.alternatives = alternatives;
    spec.alternativeMarks.assign(alternatives.size(), SourceMark{file, 0, 0});
    // Each --set is an axis of one value: the sweep resolves it exactly as `compare --set` does.
    for (const std::string& set : overrides)
    {
        const std::size_t eq = set.find('=');
        if (eq == std::string::npos)
        {
            throw InputError(SourceMark{"--set " + set, 0, 0}, "--set needs key.path=value");
        }
        SweepAxis axis;
        axis.path = set.substr(0, eq);
        axis.mark = SourceMark{"--set " + set, 0, 0};
        axis.values = {set.substr(eq + 1)};
        axis.valueMarks = {axis.mark};
        spec.axes.push_back(axis);
    }
    if (year)
    {
        // Last, as ScenarioDocument::SetYear applies it: after the alternative and every --set.
        SweepAxis axis;
        axis.path = "demand.year";
        axis.mark = year->second;
        axis.values = {std::to_string(year->first)};
        axis.valueMarks = {axis.mark};
        spec.axes.push_back(axis);
    }
    spec.seeds = seeds;
    return spec;
}

std::vector<SeedRun>
ReadSweepRuns(const std::string& dir, std::vector<std::string>& order)
{
    const SweepPlan plan = SweepPlan::Load(dir + "/plan.json");
    const ResultStore store(dir);
    std::vector<SeedRun> runs;
    for (const SweepRun& run : plan.runs)
    {
        const std::string& configuration = plan.points[run.point].alternative;
        if (order.empty() || order.back() != configuration)
        {
            order.push_back(configuration);
        }
        const std::string path = store.RunDir(run.hash) + "/result.json";
        try
        {
            SeedRun r = ReadSeedRun(ReadText(path));
            r.configuration = configuration;
            runs.push_back(std::move(r));
        }
        catch (const std::exception& e)
        {
            throw InputError(SourceMark{path, 0, 0},
                             std::string("cannot read the run's result: ") + e.what());
        }
    }
    return runs;
}

int
RunSeedComparison(const SeedCompareOptions& o, std::ostream& out, std::ostream& err)
{
    ScenarioDocument doc = ScenarioDocument::Load(o.file);
    std::optional<std::pair<int, SourceMark>> year;
    if (o.year)
    {
        year.emplace(*o.year, SourceMark{"--year " + std::to_string(*o.year), 0, 0});
        // Checked here, where a scenario without demand: gets its own message, before the sweep
        // resolves every run.
        doc.SetYear(year->first, year->second);
        doc.Resolve("base", o.overrides);
        for (const std::string& name : doc.GetAlternativeNames())
        {
            doc.Resolve(name, o.overrides);
        }
    }
    std::string stem = o.file.substr(o.file.find_last_of('/') + 1);
    const SweepSpec spec = ComparisonSweep(o.file,
                                           stem.substr(0, stem.find_last_of('.')) + "-seeds",
                                           {"all"},
                                           o.overrides,
                                           o.seeds,
                                           year);
    // The sweep's own limit, said in compare's terms (the sweep would blame its grid).
    const uint64_t configurations = doc.GetAlternativeNames().size() + 1;
    if (configurations * o.seeds.size() > SweepPlan::MAX_RUNS)
    {
        throw InputError(SourceMark{"--seeds", 0, 0},
                         std::to_string(configurations) + " configurations x " +
                             std::to_string(o.seeds.size()) + " seeds are " +
                             std::to_string(configurations * o.seeds.size()) +
                             " runs, more than the " + std::to_string(SweepPlan::MAX_RUNS) +
                             " one comparison may plan; use fewer seeds");
    }

    SweepCommandOptions sweep = o.sweep;
    sweep.retryCommand = "the same blueprint compare " + o.file + " --seeds ... command";
    sweep.out = std::filesystem::absolute(sweep.out.value_or("out/" + spec.name))
                    .lexically_normal()
                    .string();
    // Results are needed now: a Slurm submission is waited for.
    sweep.slurm.wait = true;
    const int status = RunSweepSpec(spec, sweep, err, err);
    const std::string dir = *sweep.out;
    if (status != 0)
    {
        // A comparison written by an earlier command over other seeds or settings no longer
        // describes this folder's plan: it goes, rather than stand beside it as if it did.
        for (const char* stale : {"/compare.csv", "/compare.json"})
        {
            std::error_code ignored;
            std::filesystem::remove(dir + stale, ignored);
        }
        err << "blueprint: compare --seeds: some runs failed; the comparison needs all of them "
               "(run the same command again to retry only those)\n";
        return status;
    }

    std::vector<std::string> order;
    const std::vector<SeedRun> runs = ReadSweepRuns(dir, order);
    std::vector<ConfigurationSummary> summaries = SummariseSeeds(order, runs);
    const Recommendation recommendation = Recommend(summaries, o.requiredShare, true);
    const std::string scenario = doc.Resolve("base", o.overrides).name;
    WriteFilesAtomically(
        {{dir + "/compare.csv", SeedComparisonCsv(summaries)},
         {dir + "/compare.json", ComparisonJson(scenario, o.seeds, summaries, recommendation)}});
    out << SeedComparisonTable(scenario, o.seeds, summaries, recommendation) << "\nresults: " << dir
        << "/compare.csv, " << dir << "/compare.json\n";
    return 0;
}

} // namespace blueprint
} // namespace ns3
