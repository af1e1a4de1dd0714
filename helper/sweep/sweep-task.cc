/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-task.h"

#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/scenario/phase-runner.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/sweep/child-process.h"
#include "helper/sweep/result-store.h"
#include "helper/sweep/run-identity.h"
#include "helper/sweep/sweep-plan.h"

#include "ns3/log.h"

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintSweepTask");

namespace
{

/// Exit statuses of the child, as the command line uses them.
constexpr int kFailedStatus = 1;
constexpr int kInputErrorStatus = 2;

std::string
PointJson(const SweepPlan& plan, const SweepRun& run)
{
    nlohmann::ordered_json j;
    j["sweep"] = plan.name;
    j["scenario_file"] = plan.scenarioFile;
    const SweepPoint& point = plan.points[run.point];
    j["alternative"] = point.alternative;
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < plan.axes.size(); ++i)
    {
        values[plan.axes[i]] = point.values[i];
    }
    j["values"] = values;
    j["seed"] = run.seed;
    j["hash"] = run.hash;
    j["program"] = plan.program;
    return j.dump(2) + "\n";
}

/// The child's work; never returns.
[[noreturn]] void
RunInChild(const SweepPlan& plan, const SweepRun& run, const std::string& dir)
{
    // Die with the parent: a sweep killed at any moment must leave no run behind it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int err = open((dir + "/stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    int devNull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (err >= 0)
    {
        dup2(err, STDERR_FILENO);
    }
    if (devNull >= 0)
    {
        dup2(devNull, STDOUT_FILENO);
    }
    int status = 0;
    try
    {
        const SweepPoint& point = plan.points[run.point];
        ScenarioDocument doc = ScenarioDocument::Load(plan.scenarioFile);
        ScenarioSpec spec = doc.Resolve(point.alternative, plan.Overrides(point), run.seed);
        if (RunHash(spec.resolvedYaml, point.alternative, run.seed, ProgramIdentity()) != run.hash)
        {
            throw InputError(SourceMark{plan.scenarioFile, 0, 0},
                             "the scenario or the program changed since the sweep was planned; "
                             "run blueprint sweep again to plan it anew");
        }
        // A scenario with a timeline runs every phase at each point (doc/phases.rst); the sweep
        // aggregates its flows pooled over the phases.
        PhaseRunner runner(spec);
        RunResult r = runner.Run();
        std::vector<std::pair<std::string, std::string>> files{
            {dir + "/result.json", ResultWriter::ToJson(r)},
            {dir + "/flows.csv", ResultWriter::ToFlowsCsv(r)},
            {dir + "/scenario.resolved.yaml", r.resolvedYaml},
            {dir + "/point.json", PointJson(plan, run)}};
        if (!r.phases.empty())
        {
            files.emplace_back(dir + "/phases.csv", ResultWriter::ToPhasesCsv(r));
        }
        WriteFilesAtomically(files);
    }
    catch (const InputError& e)
    {
        std::cerr << e.what() << "\n";
        status = kInputErrorStatus;
    }
    catch (const std::exception& e)
    {
        std::cerr << "blueprint: internal error: " << e.what() << "\n";
        status = kFailedStatus;
    }
    std::cerr.flush();
    std::fflush(nullptr);
    _exit(status);
}

} // namespace

int
RunSweepTask(const std::string& planPath, std::size_t runIndex, const std::string& outDir)
{
    SweepPlan plan = SweepPlan::Load(planPath);
    if (runIndex >= plan.runs.size())
    {
        throw InputError(SourceMark{planPath, 0, 0},
                         "the plan has " + std::to_string(plan.runs.size()) + " runs, no run " +
                             std::to_string(runIndex));
    }
    const SweepRun& run = plan.runs[runIndex];
    ResultStore store(outDir);
    if (store.IsDone(run.hash))
    {
        return 0;
    }
    store.Prepare();
    std::string dir = store.CreateTemporary(run.hash);
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0)
    {
        store.MarkFailed(dir, run.hash, "cannot fork");
        return kFailedStatus;
    }
    if (pid == 0)
    {
        RunInChild(plan, run, dir);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    {
        std::string why = store.Commit(dir, run.hash);
        if (why.empty())
        {
            return 0;
        }
        store.MarkFailed(dir, run.hash, why);
        return kFailedStatus;
    }
    store.MarkFailed(dir, run.hash, DescribeWaitStatus(status));
    return kFailedStatus;
}

std::size_t
SlurmTaskRunIndex(const std::string& listPath, std::size_t offset, std::size_t arrayTaskId)
{
    std::ifstream in(listPath);
    if (!in)
    {
        throw InputError(SourceMark{listPath, 0, 0}, "cannot read the run list");
    }
    std::string line;
    for (std::size_t i = 0; std::getline(in, line); ++i)
    {
        if (i == offset + arrayTaskId)
        {
            try
            {
                return std::stoul(line);
            }
            catch (const std::exception&)
            {
                throw InputError(SourceMark{listPath, static_cast<int>(i + 1), 1},
                                 "not a run index: '" + line + "'");
            }
        }
    }
    throw InputError(SourceMark{listPath, 0, 0},
                     "no line " + std::to_string(offset + arrayTaskId + 1) + " in the run list");
}

} // namespace blueprint
} // namespace ns3
