/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-command.h"

#include "helper/results/output-folder.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/sweep/local-executor.h"
#include "helper/sweep/result-store.h"
#include "helper/sweep/run-identity.h"
#include "helper/sweep/sweep-plan.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <thread>

namespace ns3
{
namespace blueprint
{

namespace
{

std::string
Status(const ResultStore& store, const std::string& hash)
{
    if (store.IsDamaged(hash))
    {
        return "damaged";
    }
    return store.IsDone(hash) ? "done" : (store.HasFailed(hash) ? "failed" : "pending");
}

std::string
RunLabel(const SweepPlan& plan, std::size_t r)
{
    const SweepRun& run = plan.runs[r];
    return "run " + std::to_string(r) + " (" + plan.Label(plan.points[run.point]) + ", seed " +
           std::to_string(run.seed) + ") " + run.hash.substr(0, 12);
}

/// The plan indices of the first run of every distinct hash.
std::vector<std::size_t>
DistinctRuns(const SweepPlan& plan)
{
    std::vector<std::size_t> runs;
    std::set<std::string> seen;
    for (std::size_t r = 0; r < plan.runs.size(); ++r)
    {
        if (seen.insert(plan.runs[r].hash).second)
        {
            runs.push_back(r);
        }
    }
    return runs;
}

void
PrintPlan(const SweepPlan& plan, const ResultStore& store, std::ostream& out)
{
    std::size_t done = 0;
    std::size_t failed = 0;
    std::size_t damaged = 0;
    for (std::size_t r : DistinctRuns(plan))
    {
        std::string s = Status(store, plan.runs[r].hash);
        done += s == "done";
        failed += s == "failed";
        damaged += s == "damaged";
    }
    std::size_t seeds = plan.points.empty() ? 0 : plan.runs.size() / plan.points.size();
    out << "sweep " << plan.name << ": " << plan.runs.size() << " runs = " << plan.points.size()
        << " points x " << seeds << " seeds";
    if (plan.excludedPoints)
    {
        out << " (" << plan.excludedPoints << " points excluded by constraints)";
    }
    std::size_t distinct = DistinctRuns(plan).size();
    if (distinct != plan.runs.size())
    {
        out << ", " << distinct << " distinct";
    }
    out << "; " << done << " done, " << failed << " failed";
    if (damaged)
    {
        out << ", " << damaged << " damaged (set aside and run again by the next sweep)";
    }
    out << "\n";
    out << "scenario " << plan.scenarioFile << ", results in " << store.GetOutDir() << "/runs\n";
    std::vector<std::string> header{"run", "seed", "status", "hash", "alternative"};
    header.insert(header.end(), plan.axes.begin(), plan.axes.end());
    std::vector<std::vector<std::string>> rows{header};
    for (std::size_t r = 0; r < plan.runs.size(); ++r)
    {
        const SweepRun& run = plan.runs[r];
        const SweepPoint& p = plan.points[run.point];
        std::vector<std::string> row{std::to_string(r),
                                     std::to_string(run.seed),
                                     Status(store, run.hash),
                                     run.hash.substr(0, 12),
                                     p.alternative};
        row.insert(row.end(), p.values.begin(), p.values.end());
        rows.push_back(row);
    }
    out << AlignColumns(rows);
}

void
ListFailures(const SweepPlan& plan,
             const ResultStore& store,
             const std::vector<std::size_t>& failed,
             std::ostream& err)
{
    if (failed.empty())
    {
        return;
    }
    err << failed.size() << " run" << (failed.size() == 1 ? "" : "s") << " failed:\n";
    for (std::size_t r : failed)
    {
        err << "  " << RunLabel(plan, r) << "\n" << store.DescribeFailure(plan.runs[r].hash);
    }
}

int
RunLocally(const SweepCommandOptions& o,
           const SweepPlan& plan,
           const std::string& planPath,
           const ResultStore& store,
           std::ostream& out,
           std::ostream& err)
{
    store.Prepare();
    std::size_t stale = store.RemoveStaleTemporaries();
    std::vector<std::size_t> pending;
    std::size_t done = 0;
    for (std::size_t r : DistinctRuns(plan))
    {
        const std::string& hash = plan.runs[r].hash;
        if (store.IsDamaged(hash))
        {
            out << RunLabel(plan, r) << ": its result is damaged (" << store.SetAsideDamaged(hash)
                << "); running it again\n";
        }
        if (store.IsDone(hash))
        {
            ++done;
        }
        else
        {
            pending.push_back(r);
        }
    }
    unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    out << "sweep " << plan.name << ": " << done + pending.size() << " runs, " << done
        << " already done, " << pending.size() << " to run on " << jobs << " job"
        << (jobs == 1 ? "" : "s");
    if (stale)
    {
        out << " (" << stale << " interrupted run" << (stale == 1 ? "" : "s") << " cleared)";
    }
    out << "\n" << std::flush;
    LocalExecutor executor(plan, planPath, jobs, o.progress);
    SweepRunReport report = executor.Run(pending);
    char timing[256];
    std::snprintf(timing,
                  sizeof(timing),
                  "%.3f s wall, %.3f s summed over runs, %u jobs: efficiency %.1f %%",
                  report.wallSeconds,
                  report.sumRunSeconds,
                  report.jobs,
                  report.wallSeconds > 0
                      ? 100.0 * report.sumRunSeconds / (report.jobs * report.wallSeconds)
                      : 100.0);
    out << "ran " << pending.size() << ": " << report.succeeded << " done, " << report.failed.size()
        << " failed (" << timing << ")\n";
    std::vector<std::size_t> failed = report.failed;
    std::sort(failed.begin(), failed.end());
    ListFailures(plan, store, failed, err);
    out << "results: " << store.GetOutDir() << "/runs; tables and plots: blueprint aggregate "
        << store.GetOutDir() << "\n";
    return failed.empty() ? 0 : 1;
}

/// What to run to retry the failed runs of a Slurm sweep.
std::string
RetryCommand(const SweepCommandOptions& o)
{
    return o.retryCommand.empty() ? "blueprint sweep " + o.file + " --slurm --resubmit-failed"
                                  : o.retryCommand;
}

int
Collect(const SweepPlan& plan,
        const ResultStore& store,
        SlurmExecutor& slurm,
        const std::string& retryCommand,
        std::ostream& out,
        std::ostream& err)
{
    SlurmCollection c = slurm.Collect();
    std::size_t total = c.done.size() + c.failed.size() + c.queued.size() + c.missing.size();
    out << "sweep " << plan.name << ": " << total << " runs: " << c.done.size() << " done, "
        << c.failed.size() << " failed, " << c.queued.size() << " queued or running, "
        << c.missing.size() << " never submitted\n";
    ListFailures(plan, store, c.failed, err);
    if (!c.failed.empty())
    {
        err << "resubmit the failed runs alone with: " << retryCommand << "\n";
    }
    if (c.done.size() == total)
    {
        out << "all done; tables and plots: blueprint aggregate " << store.GetOutDir() << "\n";
        return 0;
    }
    return 1;
}

int
Submit(const SweepCommandOptions& o,
       const SweepPlan& plan,
       const std::string& planPath,
       const ResultStore& store,
       std::ostream& out,
       std::ostream& err)
{
    std::string why;
    if (!SlurmExecutor::Available(&why))
    {
        throw InputError(SourceMark{o.file, 0, 0}, "cannot submit to Slurm: " + why);
    }
    SlurmExecutor slurm(plan, planPath);
    SlurmCollection c = slurm.Collect();
    if (c.queued.empty())
    {
        store.RemoveStaleTemporaries();
    }
    std::vector<std::size_t> runs = c.failed;
    if (o.mode == SweepCommandOptions::Mode::Slurm)
    {
        runs.insert(runs.end(), c.missing.begin(), c.missing.end());
    }
    std::sort(runs.begin(), runs.end());
    out << "sweep " << plan.name << ": " << c.done.size() << " done, " << c.queued.size()
        << " queued or running, submitting " << runs.size() << "\n";
    std::vector<std::string> jobs = slurm.Submit(runs, o.slurm);
    for (const auto& id : jobs)
    {
        out << "submitted job array " << id << "\n";
    }
    out << std::flush;
    if (!o.slurm.wait)
    {
        if (!jobs.empty())
        {
            out << "collect with: blueprint sweep " << o.file << " --collect"
                << (o.out ? " --out " + *o.out : std::string()) << "\n";
        }
        return 0;
    }
    return Collect(plan, store, slurm, RetryCommand(o), out, err);
}

} // namespace

int
RunSweepCommand(const SweepCommandOptions& o, std::ostream& out, std::ostream& err)
{
    return RunSweepSpec(ReadSweepFile(o.file), o, out, err);
}

int
RunSweepSpec(const SweepSpec& spec,
             const SweepCommandOptions& o,
             std::ostream& out,
             std::ostream& err)
{
    SweepPlan plan = ExpandSweep(spec, ProgramIdentity());
    // Absolute, because Slurm tasks start in another folder.
    const std::string outDir =
        std::filesystem::absolute(o.out.value_or("out/" + spec.name)).lexically_normal().string();
    ResultStore store(outDir);
    if (o.mode == SweepCommandOptions::Mode::Plan)
    {
        PrintPlan(plan, store, out);
        return 0;
    }
    // A sweep's store is written run by run, so only into a folder of its own (or a new one).
    OutputFolder(outDir, OutputFolder::Kind::Sweep, o.force).Check();
    EnsureWritableDirectory(outDir);
    const std::string planPath = outDir + "/plan.json";
    if (o.mode == SweepCommandOptions::Mode::Collect)
    {
        SlurmExecutor slurm(plan, planPath);
        return Collect(plan, store, slurm, RetryCommand(o), out, err);
    }
    // One sweep per folder at a time; the plan is rewritten only under the lock, since running
    // tasks read their runs from it.
    SweepLock lock(outDir);
    WriteFilesAtomically({{planPath, plan.ToJson()}});
    if (o.mode == SweepCommandOptions::Mode::Local)
    {
        return RunLocally(o, plan, planPath, store, out, err);
    }
    return Submit(o, plan, planPath, store, out, err);
}

} // namespace blueprint
} // namespace ns3
