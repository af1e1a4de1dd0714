/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * blueprint: run, validate and compare YAML scenarios of regional digital infrastructure.
 * A thin main over helper/: parse the command line, resolve the scenario, run it, write results.
 */

#include "helper/report/report-command.h"
#include "helper/results/breakdown-table.h"
#include "helper/results/cost-share-writer.h"
#include "helper/results/output-folder.h"
#include "helper/results/pcap-capture.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/scenario/phase-runner.h"
#include "helper/scenario/scenario-footprint.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/sweep/growth-command.h"
#include "helper/sweep/seed-compare-command.h"
#include "helper/sweep/seed-comparison.h"
#include "helper/sweep/sweep-aggregator.h"
#include "helper/sweep/sweep-command.h"
#include "helper/sweep/sweep-task.h"

#include "ns3/nstime.h"

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Exit status for input errors: bad scenario, bad command line, unwritable output.
constexpr int kInputErrorStatus = 2;

const char* kUsage =
    "usage:\n"
    "  blueprint run FILE [--out DIR] [--force] [--alternative NAME] [--set key.path=value ...]\n"
    "                [--seed N] [--year Y] [--no-memory-check] [--flowmon] [--netanim]\n"
    "                [--pcap NODE|LINK ...] [--breakdown]\n"
    "  blueprint compare FILE [--out DIR] [--force] [--set key.path=value ...] [--seed N]\n"
    "                    [--year Y | --years A..B] [--no-memory-check] [--breakdown]\n"
    "  blueprint compare FILE --seeds LIST [--confidence P] [--year Y | --years A..B]\n"
    "                    [--out DIR] [--force] [--set key.path=value ...] [--jobs N |\n"
    "                    --slurm [--partition P] [--max-parallel N] [--time T]]\n"
    "  blueprint validate FILE\n"
    "  blueprint sweep SWEEP [--out DIR] [--force] [--plan | --jobs N | --collect |\n"
    "                  --slurm [--partition P] [--max-parallel N] [--time T] [--wait]\n"
    "                          [--resubmit-failed]]\n"
    "  blueprint aggregate DIR\n"
    "  blueprint report DIR [--out FILE] [--force]\n"
    "  blueprint --version\n"
    "\n"
    "run       runs one configuration (the base, or --alternative NAME) and writes\n"
    "          DIR/result.json and DIR/flows.csv (default DIR: out/<file>/<configuration>);\n"
    "          --flowmon adds ns-3's FlowMonitor XML, DIR/flowmon.xml; --netanim a NetAnim\n"
    "          trace, DIR/netanim.xml; --pcap (repeatable) pcap files of a node's devices (a "
    "group\n"
    "          member as NAME[I], from 0) or of a link's two ends, DIR/pcap/NODE-LINK.pcap;\n"
    "          --year Y (run, compare) grows the scenario's demand: to year Y\n"
    "          a scenario with sharing: also says who pays (DIR/cost_share.csv, cost_split.csv)\n"
    "          --breakdown (run, compare) also prints where each flow's milliseconds go,\n"
    "          segment by segment, and each group flow's worst member and Jain's index\n"
    "compare   runs the base and every alternative, prints them side by side and writes\n"
    "          DIR/<configuration>/result.json, flows.csv, DIR/compare.csv and\n"
    "          DIR/compare.json, and says which configurations meet every requirement, the\n"
    "          cheapest of them and the Pareto set (default DIR: out/<file>); with --seeds\n"
    "          (1..20, 1,3,5) every configuration runs at every seed as a sweep (default DIR:\n"
    "          out/<file>-seeds), reporting means, 95 % intervals, pass shares and paired\n"
    "          differences from the base; --confidence (default 80%) is the share of seeds\n"
    "          a recommended configuration must pass (95 % Wilson lower bound); --years A..B\n"
    "          finds each configuration's first failing year as demand grows, by bisection\n"
    "          over the years, into DIR/growth.json and growth.csv (default DIR:\n"
    "          out/<file>-growth)\n"
    "validate  checks the base and every alternative without running them\n"
    "sweep     runs a sweep file's grid of parameters and seeds, each run in its own process,\n"
    "          skipping runs already done (default DIR: out/<sweep name>); --plan lists the\n"
    "          runs, --slurm submits them as Slurm job arrays, --collect reports on those\n"
    "aggregate writes DIR/summary.csv (mean and 95 % confidence interval per parameter point)\n"
    "          and DIR/plots/*.png\n"
    "report    writes one self-contained HTML page from a folder compare (or compare --seeds)\n"
    "          wrote: the recommendation, the comparison, latency, energy, cost, growth and\n"
    "          timeline charts (default FILE: DIR/report.html); a file it did not write is\n"
    "          replaced only with --force\n"
    "\n"
    "An output folder appears whole or not at all, and only once there are results to put in it.\n"
    "A folder holding files blueprint did not write is refused (they are named) unless --force\n"
    "is given; blueprint then writes its files beside them.\n";

/// A command-line problem: reported like an input error, with the usage text.
class UsageError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

struct Options
{
    std::string command;
    std::string file;
    std::optional<std::string> out;
    std::string alternative = "base";
    std::vector<std::string> overrides;
    std::optional<uint64_t> seed;
    bool force = false;
    bool memoryCheck = true;
    bool flowMonitor = false;         //!< run: write ns-3's FlowMonitor XML beside result.json
    bool netAnim = false;             //!< run: write a NetAnim trace beside result.json
    std::vector<std::string> pcap;    //!< run: nodes and links whose devices get pcap files
    bool breakdown = false;           //!< run, compare: print the latency segments and members
    std::vector<uint64_t> seeds;      //!< compare: --seeds
    std::optional<double> confidence; //!< compare --seeds: share of seeds to pass
    unsigned jobs = 0;                //!< compare --seeds: local processes at a time
    SlurmOptions slurm;               //!< compare --seeds: Slurm submission options
    bool useSlurm = false;            //!< compare --seeds: run as Slurm job arrays
    bool slurmOnly = false;           //!< a Slurm option was given
    std::optional<int> year;          //!< run, compare: --year, the demand's year
    std::optional<std::pair<int, int>> years; //!< compare: --years, first and last year
};

/// What `read` reads from an option's value, a std::invalid_argument it throws made a usage error.
template <typename Read>
auto
Checked(Read read) -> decltype(read())
{
    try
    {
        return read();
    }
    catch (const std::invalid_argument& e)
    {
        throw UsageError(e.what());
    }
}

/// A positive integer option value.
uint64_t
PositiveOption(const std::string& option, const std::string& s)
{
    char* end = nullptr;
    errno = 0;
    unsigned long long n = std::strtoull(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || errno != 0 || n == 0 || s[0] == '-' || n > UINT32_MAX)
    {
        throw UsageError(option + " needs a positive integer, got '" + s + "'");
    }
    return n;
}

Options
ParseArguments(int argc, char** argv)
{
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
    {
        throw UsageError("missing command");
    }
    o.command = args[0];
    if (o.command != "run" && o.command != "compare" && o.command != "validate")
    {
        throw UsageError("unknown command '" + o.command + "'");
    }
    auto value = [&](size_t& i) -> std::string {
        if (i + 1 >= args.size())
        {
            throw UsageError(args[i] + " needs a value");
        }
        return args[++i];
    };
    for (size_t i = 1; i < args.size(); ++i)
    {
        const std::string& a = args[i];
        if (a == "--out" && o.command != "validate")
        {
            o.out = value(i);
        }
        else if (a == "--force" && o.command != "validate")
        {
            o.force = true;
        }
        else if (a == "--alternative" && o.command == "run")
        {
            o.alternative = value(i);
        }
        else if (a == "--set" && o.command != "validate")
        {
            o.overrides.push_back(value(i));
        }
        else if (a == "--seed" && o.command != "validate")
        {
            std::string s = value(i);
            char* end = nullptr;
            errno = 0;
            unsigned long long n = std::strtoull(s.c_str(), &end, 10);
            if (s.empty() || *end != '\0' || errno != 0 || n == 0 || s[0] == '-')
            {
                throw UsageError("--seed needs a positive integer, got '" + s + "'");
            }
            o.seed = n;
        }
        else if (a == "--seeds" && o.command == "compare")
        {
            o.seeds = Checked([&] { return ParseSeedList(value(i)); });
        }
        else if (a == "--confidence" && o.command == "compare")
        {
            o.confidence = Checked([&] { return ParseShare(value(i)); });
        }
        else if (a == "--year" && o.command != "validate")
        {
            o.year = Checked([&] { return ParseYear(a, value(i)); });
        }
        else if (a == "--years" && o.command == "compare")
        {
            o.years = Checked([&] { return ParseYearRange(value(i)); });
        }
        else if (a == "--jobs" && o.command == "compare")
        {
            o.jobs = PositiveOption(a, value(i));
        }
        else if (a == "--slurm" && o.command == "compare")
        {
            o.useSlurm = true;
        }
        else if (a == "--partition" && o.command == "compare")
        {
            o.slurm.partition = value(i);
            o.slurmOnly = true;
        }
        else if (a == "--time" && o.command == "compare")
        {
            o.slurm.timeLimit = value(i);
            o.slurmOnly = true;
        }
        else if (a == "--max-parallel" && o.command == "compare")
        {
            o.slurm.maxParallel = PositiveOption(a, value(i));
            o.slurmOnly = true;
        }
        else if (a == "--flowmon" && o.command == "run")
        {
            o.flowMonitor = true;
        }
        else if (a == "--netanim" && o.command == "run")
        {
            o.netAnim = true;
        }
        else if (a == "--pcap" && o.command == "run")
        {
            o.pcap.push_back(value(i));
        }
        else if (a == "--breakdown" && o.command != "validate")
        {
            o.breakdown = true;
        }
        else if (a == "--no-memory-check" && o.command != "validate")
        {
            o.memoryCheck = false;
        }
        else if (!a.empty() && a[0] == '-')
        {
            throw UsageError("unknown option '" + a + "' for " + o.command);
        }
        else if (o.file.empty())
        {
            o.file = a;
        }
        else
        {
            throw UsageError("unexpected argument '" + a + "'");
        }
    }
    if (o.file.empty())
    {
        throw UsageError(o.command + " needs a scenario FILE");
    }
    const bool sweepOnly = o.confidence || o.jobs || o.useSlurm || o.slurmOnly;
    if (sweepOnly && o.seeds.empty())
    {
        throw UsageError("--confidence, --jobs and --slurm go with --seeds");
    }
    if (!o.seeds.empty() && o.breakdown)
    {
        // Over seeds, compare reports means and intervals; a breakdown is one run's.
        throw UsageError("--breakdown goes with one seed, not --seeds");
    }
    if (!o.seeds.empty() && o.seed)
    {
        throw UsageError("give --seed or --seeds, not both");
    }
    if (o.slurmOnly && !o.useSlurm)
    {
        throw UsageError("--partition, --time and --max-parallel go with --slurm");
    }
    if (o.year && o.years)
    {
        throw UsageError("give --year or --years, not both");
    }
    if (o.useSlurm && o.jobs)
    {
        throw UsageError("--jobs runs on this machine; it does not go with --slurm");
    }
    return o;
}

/// `blueprint sweep SWEEP ...`
int
SweepMain(const std::vector<std::string>& args)
{
    SweepCommandOptions o;
    o.progress = isatty(STDERR_FILENO);
    std::vector<std::string> modes;
    bool slurmOnly = false;
    auto value = [&](size_t& i) -> std::string {
        if (i + 1 >= args.size())
        {
            throw UsageError(args[i] + " needs a value");
        }
        return args[++i];
    };
    for (size_t i = 1; i < args.size(); ++i)
    {
        const std::string& a = args[i];
        if (a == "--out")
        {
            o.out = value(i);
        }
        else if (a == "--plan")
        {
            o.mode = SweepCommandOptions::Mode::Plan;
            modes.push_back(a);
        }
        else if (a == "--collect")
        {
            o.mode = SweepCommandOptions::Mode::Collect;
            modes.push_back(a);
        }
        else if (a == "--slurm")
        {
            if (o.mode != SweepCommandOptions::Mode::ResubmitSlurm)
            {
                o.mode = SweepCommandOptions::Mode::Slurm;
            }
            modes.push_back(a);
        }
        else if (a == "--resubmit-failed")
        {
            o.mode = SweepCommandOptions::Mode::ResubmitSlurm;
        }
        else if (a == "--jobs")
        {
            o.jobs = PositiveOption(a, value(i));
        }
        else if (a == "--partition")
        {
            o.slurm.partition = value(i);
            slurmOnly = true;
        }
        else if (a == "--time")
        {
            o.slurm.timeLimit = value(i);
            slurmOnly = true;
        }
        else if (a == "--max-parallel")
        {
            o.slurm.maxParallel = PositiveOption(a, value(i));
            slurmOnly = true;
        }
        else if (a == "--wait")
        {
            o.slurm.wait = true;
            slurmOnly = true;
        }
        else if (a == "--force")
        {
            o.force = true;
        }
        else if (!a.empty() && a[0] == '-')
        {
            throw UsageError("unknown option '" + a + "' for sweep");
        }
        else if (o.file.empty())
        {
            o.file = a;
        }
        else
        {
            throw UsageError("unexpected argument '" + a + "'");
        }
    }
    if (o.file.empty())
    {
        throw UsageError("sweep needs a sweep FILE");
    }
    if (modes.size() > 1)
    {
        throw UsageError("give only one of --plan, --collect and --slurm");
    }
    bool slurm = o.mode == SweepCommandOptions::Mode::Slurm ||
                 o.mode == SweepCommandOptions::Mode::ResubmitSlurm;
    if (o.mode == SweepCommandOptions::Mode::ResubmitSlurm && modes.empty())
    {
        throw UsageError("--resubmit-failed goes with --slurm");
    }
    if (slurmOnly && !slurm)
    {
        throw UsageError("--partition, --time, --max-parallel and --wait go with --slurm");
    }
    return RunSweepCommand(o, std::cout, std::cerr);
}

/// `blueprint sweep-task PLAN (--run I | --list FILE --offset N) [--out DIR]`: one run of a
/// sweep, started by the local executor or a Slurm array task (not for people to type).
int
SweepTaskMain(const std::vector<std::string>& args)
{
    if (args.size() < 4)
    {
        throw UsageError("sweep-task PLAN (--run I | --list FILE --offset N) [--out DIR]");
    }
    std::string plan = args[1];
    std::optional<size_t> run;
    std::string list;
    size_t offset = 0;
    std::string out =
        plan.substr(0, plan.find_last_of('/') == std::string::npos ? 0 : plan.find_last_of('/'));
    for (size_t i = 2; i + 1 < args.size(); i += 2)
    {
        if (args[i] == "--run")
        {
            run = std::stoul(args[i + 1]);
        }
        else if (args[i] == "--list")
        {
            list = args[i + 1];
        }
        else if (args[i] == "--offset")
        {
            offset = std::stoul(args[i + 1]);
        }
        else if (args[i] == "--out")
        {
            out = args[i + 1];
        }
        else
        {
            throw UsageError("unknown option '" + args[i] + "' for sweep-task");
        }
    }
    if (!run)
    {
        const char* task = std::getenv("SLURM_ARRAY_TASK_ID");
        if (list.empty() || !task)
        {
            throw UsageError("sweep-task needs --run I, or --list FILE in a Slurm array task");
        }
        run = SlurmTaskRunIndex(list, offset, std::stoul(task));
    }
    return RunSweepTask(plan, *run, out.empty() ? "." : out);
}

/// `blueprint report DIR [--out FILE] [--force]`
int
ReportMain(const std::vector<std::string>& args)
{
    ReportOptions o;
    for (size_t i = 1; i < args.size(); ++i)
    {
        const std::string& a = args[i];
        if (a == "--out")
        {
            if (i + 1 >= args.size())
            {
                throw UsageError("--out needs a value");
            }
            o.out = args[++i];
        }
        else if (a == "--force")
        {
            o.force = true;
        }
        else if (!a.empty() && a[0] == '-')
        {
            throw UsageError("unknown option '" + a + "' for report");
        }
        else if (o.dir.empty())
        {
            o.dir = a;
        }
        else
        {
            throw UsageError("unexpected argument '" + a + "'");
        }
    }
    if (o.dir.empty())
    {
        throw UsageError("report needs the folder compare wrote, DIR");
    }
    return RunReport(o, std::cout, std::cerr);
}

/// out/<file name without extension>
std::string
DefaultOutDir(const std::string& file)
{
    std::string stem = file.substr(file.find_last_of('/') + 1);
    stem = stem.substr(0, stem.find_last_of('.'));
    return "out/" + stem;
}

RunResult
RunOne(const ScenarioSpec& spec,
       const Options& o,
       std::vector<std::pair<std::string, std::string>>* traces = nullptr)
{
    if (spec.timeline)
    {
        // A timeline is one run per phase: one trace would not say which window it shows.
        if (o.flowMonitor || o.netAnim || !o.pcap.empty())
        {
            throw UsageError("--flowmon, --netanim and --pcap record one run; " + spec.sourceFile +
                             " has a timeline of " + std::to_string(spec.timeline->phases.size()) +
                             " phases (doc/phases.rst)");
        }
        PhaseRunner runner(spec);
        runner.SetProgress(isatty(STDERR_FILENO));
        runner.SetMemoryCheck(o.memoryCheck);
        return runner.Run();
    }
    ScenarioRunner runner(spec);
    runner.SetProgress(isatty(STDERR_FILENO));
    runner.SetMemoryCheck(o.memoryCheck);
    runner.SetFlowMonitor(traces && o.flowMonitor);
    runner.SetNetAnim(traces && o.netAnim);
    runner.SetPcap(traces ? o.pcap : std::vector<std::string>{});
    RunResult r = runner.Run();
    if (traces && o.flowMonitor)
    {
        traces->emplace_back("flowmon.xml", runner.GetFlowMonitorXml());
    }
    if (traces && o.netAnim)
    {
        traces->emplace_back("netanim.xml", runner.GetNetAnimXml());
    }
    if (traces)
    {
        traces->insert(traces->end(), runner.GetPcapFiles().begin(), runner.GetPcapFiles().end());
        for (const std::string& skipped : runner.GetPcapSkipped())
        {
            std::cerr << "blueprint: --pcap " << skipped << "\n";
        }
    }
    return r;
}

/// Refuses, before any folder is made, configurations that cannot fit in memory.
void
CheckMemory(const std::vector<ScenarioSpec>& specs, const Options& o)
{
    if (!o.memoryCheck)
    {
        return;
    }
    const uint64_t available = AvailableMemoryBytes();
    for (const auto& spec : specs)
    {
        CheckFootprintFits(spec, available);
        // A timeline runs each phase's scenario, whose changes may make it the larger.
        if (spec.timeline)
        {
            for (const auto& phase : spec.timeline->phases)
            {
                CheckFootprintFits(*phase.spec, available);
            }
        }
    }
}

/// The files of one run, relative to `prefix` (empty, or a configuration's folder and '/').
std::vector<std::pair<std::string, std::string>>
RunFiles(const std::string& prefix, const RunResult& r)
{
    std::vector<std::pair<std::string, std::string>> files{
        {prefix + "result.json", ResultWriter::ToJson(r)},
        {prefix + "flows.csv", ResultWriter::ToFlowsCsv(r)},
        {prefix + "scenario.resolved.yaml", r.resolvedYaml}};
    if (!r.phases.empty())
    {
        files.emplace_back(prefix + "phases.csv", ResultWriter::ToPhasesCsv(r));
    }
    if (r.costShare)
    {
        files.emplace_back(prefix + "cost_share.csv", CostShareWriter::SharesCsv({r}));
        files.emplace_back(prefix + "cost_split.csv", CostShareWriter::SplitCsv(r));
    }
    return files;
}

/// How `compare --seeds` and `compare --years` run their sweeps: the output folder, the local
/// pool or Slurm.
SweepCommandOptions
ComparisonSweepOptions(const Options& o)
{
    SweepCommandOptions sweep;
    sweep.file = o.file;
    sweep.out = o.out;
    sweep.force = o.force;
    sweep.jobs = o.jobs;
    sweep.progress = isatty(STDERR_FILENO);
    sweep.mode = o.useSlurm ? SweepCommandOptions::Mode::Slurm : SweepCommandOptions::Mode::Local;
    sweep.slurm = o.slurm;
    return sweep;
}

int
Main(const Options& o)
{
    ScenarioDocument doc = ScenarioDocument::Load(o.file);
    if (o.year)
    {
        doc.SetYear(*o.year, SourceMark{"--year " + std::to_string(*o.year), 0, 0});
    }
    if (o.command == "validate")
    {
        std::vector<std::string> configurations{"base"};
        for (const auto& name : doc.GetAlternativeNames())
        {
            configurations.push_back(name);
        }
        for (const auto& c : configurations)
        {
            ScenarioSpec spec = doc.Resolve(c);
            std::cout << o.file << ": " << c << ": ok (" << spec.nodes.size() << " nodes, "
                      << spec.links.size() << " links, " << spec.flows.size() << " flows"
                      << (spec.timeline ? ", " + std::to_string(spec.timeline->phases.size()) +
                                              " phases on its timeline"
                                        : std::string())
                      << ")\n";
        }
        return 0;
    }
    if (o.command == "run")
    {
        ScenarioSpec spec = doc.Resolve(o.alternative, o.overrides, o.seed);
        // Names checked before the run, like the folder below.
        ResolvePcapTargets(spec, o.pcap);
        CheckMemory({spec}, o);
        std::string dir = o.out.value_or(DefaultOutDir(o.file) + "/" + spec.configuration);
        // Checked before the run, so an hour's run is not lost to a typo; created only after it.
        OutputFolder folder(dir, OutputFolder::Kind::Run, o.force);
        folder.Check();
        std::vector<std::pair<std::string, std::string>> traces;
        RunResult r = RunOne(spec, o, &traces);
        auto files = RunFiles("", r);
        // The traces are written with the others: all of them or none.
        files.insert(files.end(), traces.begin(), traces.end());
        folder.Write(files);
        std::cout << ResultWriter::SummaryTable(r)
                  << (o.breakdown ? "\n" + BreakdownTable({r}, false) + "\n" : "")
                  << "results: " << dir << "/result.json\n";
        return 0;
    }
    if (o.years)
    {
        GrowthCompareOptions g;
        g.file = o.file;
        g.overrides = o.overrides;
        std::tie(g.from, g.to) = *o.years;
        g.seed = o.seed;
        g.seeds = o.seeds;
        g.requiredShare = o.confidence.value_or(g.requiredShare);
        g.memoryCheck = o.memoryCheck;
        g.sweep = ComparisonSweepOptions(o);
        return RunGrowthComparison(g, std::cout, std::cerr);
    }
    if (!o.seeds.empty())
    {
        SeedCompareOptions c;
        c.file = o.file;
        c.overrides = o.overrides;
        c.seeds = o.seeds;
        c.requiredShare = o.confidence.value_or(c.requiredShare);
        c.year = o.year;
        c.sweep = ComparisonSweepOptions(o);
        return RunSeedComparison(c, std::cout, std::cerr);
    }
    // compare: resolve every configuration before running any, so a mistake in the last
    // alternative is reported at once and nothing is written.
    std::vector<ScenarioSpec> specs{doc.Resolve("base", o.overrides, o.seed)};
    for (const auto& name : doc.GetAlternativeNames())
    {
        specs.push_back(doc.Resolve(name, o.overrides, o.seed));
    }
    CheckMemory(specs, o);
    std::string dir = o.out.value_or(DefaultOutDir(o.file));
    OutputFolder folder(dir, OutputFolder::Kind::Run, o.force);
    folder.Check();
    std::vector<RunResult> results;
    for (const auto& spec : specs)
    {
        results.push_back(RunOne(spec, o));
    }
    // Every configuration or none: one folder, written whole.
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& r : results)
    {
        for (auto& f : RunFiles(r.configuration + "/", r))
        {
            files.push_back(std::move(f));
        }
    }
    std::vector<SeedRun> runs;
    std::vector<std::string> order;
    for (const auto& r : results)
    {
        runs.push_back(ReadSeedRun(ResultWriter::ToJson(r)));
        order.push_back(r.configuration);
    }
    std::vector<ConfigurationSummary> summaries = SummariseSeeds(order, runs);
    const Recommendation recommendation = Recommend(summaries, 1, false);
    files.emplace_back("compare.csv", ResultWriter::CompareCsv(results));
    if (results.front().costShare)
    {
        files.emplace_back("cost_share.csv", CostShareWriter::SharesCsv(results));
    }
    files.emplace_back("compare.json",
                       ComparisonJson(results.front().scenario,
                                      {results.front().seed},
                                      summaries,
                                      recommendation));
    folder.Write(files);
    std::cout << ResultWriter::CompareTable(results) << "\n"
              << (o.breakdown ? BreakdownTable(results, true) + "\n" : "")
              << RecommendationText(recommendation) << "\nresults: " << dir << "/compare.csv, "
              << dir << "/compare.json\n";
    return 0;
}

} // namespace

int
main(int argc, char** argv)
{
    // Until the first Simulator::Run, ns-3 records every Time object in a global set, so that a
    // later Time::SetResolution can rescale them (src/core/model/time.cc): building a cell of
    // 10,000 UEs inserts and erases millions of entries, a quarter of that run's wall time.
    // Fixing the resolution now, at ns-3's default of nanoseconds, rescales nothing and stops the
    // recording; no Time changes.
    Time::SetResolution(Time::NS);
    if (argc == 2 && (std::string(argv[1]) == "--version" || std::string(argv[1]) == "version"))
    {
        std::cout << "blueprint " << BLUEPRINT_VERSION << "\n";
        return 0;
    }
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h"))
    {
        std::cout << kUsage;
        return 0;
    }
    try
    {
        std::vector<std::string> args(argv + 1, argv + argc);
        if (!args.empty() && args[0] == "sweep")
        {
            return SweepMain(args);
        }
        if (!args.empty() && args[0] == "sweep-task")
        {
            return SweepTaskMain(args);
        }
        if (!args.empty() && args[0] == "aggregate")
        {
            if (args.size() != 2 || args[1].empty() || args[1][0] == '-')
            {
                throw UsageError("aggregate needs exactly one folder, the sweep's output DIR");
            }
            return WriteSweepAggregate(args[1], std::cout) ? 0 : 1;
        }
        if (!args.empty() && args[0] == "report")
        {
            return ReportMain(args);
        }
        return Main(ParseArguments(argc, argv));
    }
    catch (const UsageError& e)
    {
        std::cerr << "blueprint: " << e.what() << "\n" << kUsage;
        return kInputErrorStatus;
    }
    catch (const InputError& e)
    {
        std::cerr << e.what() << "\n";
        return kInputErrorStatus;
    }
    catch (const std::exception& e)
    {
        std::cerr << "blueprint: internal error: " << e.what() << "\n";
        return 1;
    }
}
