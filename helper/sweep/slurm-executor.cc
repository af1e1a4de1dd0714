/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/slurm-executor.h"

#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/sweep/child-process.h"

#include "ns3/log.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>
#include <thread>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintSlurmExecutor");

namespace fs = std::filesystem;

namespace
{

using Json = nlohmann::ordered_json;

/// Slurm's default MaxArraySize (slurm.conf(5), "MaxArraySize"): array indices 0..1000.
constexpr std::size_t kDefaultMaxArraySize = 1001;

/// How often --wait asks squeue (assumption: often enough for short test sweeps, rare enough not
/// to load a cluster's controller).
constexpr auto kPollInterval = std::chrono::seconds(1);

/// The batch script: it only hands its arguments to `blueprint sweep-task`, so nothing from the
/// sweep file is ever shell text.
const char* kBatchScript =
    "#!/bin/sh\n"
    "# blueprint sweep: one Slurm array task runs one sweep run.\n"
    "# Arguments (from sbatch's command line, never parsed by a shell):\n"
    "#   $1 blueprint executable, $2 plan, $3 run list, $4 the chunk's first list line,\n"
    "#   $5 the sweep's output folder\n"
    "exec \"$1\" sweep-task \"$2\" --list \"$3\" --offset \"$4\" --out \"$5\"\n";

std::string
Trim(const std::string& s)
{
    std::size_t a = s.find_first_not_of(" \t\r\n");
    std::size_t b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

/// A job name Slurm shows in squeue: the sweep name with anything unusual replaced.
std::string
JobName(const std::string& sweep)
{
    std::string name = "bp-";
    for (char c : sweep.substr(0, 40))
    {
        name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
                    ? c
                    : '_';
    }
    return name;
}

void
WriteText(const std::string& path, const std::string& text)
{
    WriteFilesAtomically({{path, text}});
}

} // namespace

std::string
SlurmFilenameLiteral(const std::string& path)
{
    if (path.find('\\') != std::string::npos)
    {
        throw InputError(SourceMark{path, 0, 0},
                         "a '\\' in the output folder's path turns off Slurm's %A_%a in the log "
                         "file names, so every array task would write the same log; choose a "
                         "folder without one");
    }
    std::string out;
    for (char c : path)
    {
        out += c == '%' ? std::string("%%") : std::string(1, c);
    }
    return out;
}

SlurmExecutor::SlurmExecutor(const SweepPlan& plan, std::string planPath)
    : m_plan(plan),
      m_planPath(std::move(planPath)),
      m_slurmDir(fs::path(m_planPath).parent_path().string() + "/slurm"),
      m_store(fs::path(m_planPath).parent_path().string())
{
}

bool
SlurmExecutor::Available(std::string* why)
{
    for (const char* program : {"sbatch", "squeue", "sinfo", "scontrol"})
    {
        if (!ProgramInPath(program))
        {
            *why = std::string(program) + " is not installed";
            return false;
        }
    }
    CommandOutput info = RunCommand({"sinfo", "-h", "-o", "%T"});
    if (!info.Succeeded())
    {
        *why = "sinfo cannot reach the Slurm controller: " + Trim(info.err);
        return false;
    }
    std::istringstream states(info.out);
    std::string state;
    while (states >> state)
    {
        if (state.rfind("idle", 0) == 0 || state.rfind("mix", 0) == 0 ||
            state.rfind("alloc", 0) == 0 || state.rfind("completing", 0) == 0)
        {
            return true;
        }
    }
    *why = "no Slurm node is up (sinfo states: " + Trim(info.out) + ")";
    return false;
}

std::size_t
SlurmExecutor::MaxArraySize()
{
    CommandOutput config = RunCommand({"scontrol", "show", "config"});
    std::istringstream lines(config.out);
    std::string line;
    while (std::getline(lines, line))
    {
        if (line.rfind("MaxArraySize", 0) == 0)
        {
            try
            {
                std::size_t n = std::stoul(Trim(line.substr(line.find('=') + 1)));
                if (n > 0)
                {
                    return n;
                }
            }
            catch (const std::exception&)
            {
            }
        }
    }
    return kDefaultMaxArraySize;
}

std::vector<SlurmExecutor::Job>
SlurmExecutor::LoadJobs() const
{
    std::vector<Job> jobs;
    std::ifstream in(m_slurmDir + "/jobs.json");
    if (!in)
    {
        return jobs;
    }
    try
    {
        Json j = Json::parse(in);
        for (const auto& e : j)
        {
            Job job;
            job.id = e.at("job").get<std::string>();
            job.list = e.at("list").get<std::string>();
            job.offset = e.at("offset").get<std::size_t>();
            job.hashes = e.at("hashes").get<std::vector<std::string>>();
            jobs.push_back(job);
        }
    }
    catch (const std::exception& e)
    {
        throw InputError(SourceMark{m_slurmDir + "/jobs.json", 0, 0},
                         std::string("not a job record: ") + e.what());
    }
    return jobs;
}

void
SlurmExecutor::SaveJobs(const std::vector<Job>& added) const
{
    std::vector<Job> jobs = LoadJobs();
    jobs.insert(jobs.end(), added.begin(), added.end());
    Json j = Json::array();
    for (const auto& job : jobs)
    {
        j.push_back(
            {{"job", job.id}, {"list", job.list}, {"offset", job.offset}, {"hashes", job.hashes}});
    }
    WriteText(m_slurmDir + "/jobs.json", j.dump(1) + "\n");
}

std::vector<std::string>
SlurmExecutor::Submit(const std::vector<std::size_t>& runs, const SlurmOptions& options)
{
    std::vector<std::string> ids;
    if (runs.empty())
    {
        return ids;
    }
    // Before anything is written: a path Slurm would misread is refused here.
    const std::string logPattern = SlurmFilenameLiteral(m_slurmDir) + "/logs/%A_%a.out";
    EnsureWritableDirectory(m_slurmDir + "/logs");
    m_store.Prepare();
    const std::string script = m_slurmDir + "/sweep-task.sh";
    WriteText(script, kBatchScript);
    chmod(script.c_str(), 0755);

    // A fresh run list per submission, so earlier jobs keep reading the list they were given.
    std::size_t n = 0;
    while (fs::exists(m_slurmDir + "/runs-" + std::to_string(n) + ".txt"))
    {
        ++n;
    }
    const std::string list = m_slurmDir + "/runs-" + std::to_string(n) + ".txt";
    // Its own copy of the plan too: a later `blueprint sweep` rewrites OUT/plan.json, and queued
    // tasks must still find their runs at the indices they were given.
    const std::string plan = m_slurmDir + "/plan-" + std::to_string(n) + ".json";
    WriteText(plan, m_plan.ToJson());
    std::string listText;
    for (std::size_t r : runs)
    {
        listText += std::to_string(r) + "\n";
    }
    WriteText(list, listText);

    const std::size_t chunk = MaxArraySize();
    const std::string self = SelfExecutable();
    std::vector<Job> jobs;
    for (std::size_t offset = 0; offset < runs.size(); offset += chunk)
    {
        const std::size_t count = std::min(chunk, runs.size() - offset);
        std::string array = "--array=0-" + std::to_string(count - 1);
        if (options.maxParallel > 0)
        {
            array += "%" + std::to_string(options.maxParallel);
        }
        std::vector<std::string> argv{"sbatch",
                                      "--parsable",
                                      array,
                                      "--job-name=" + JobName(m_plan.name),
                                      "--output=" + logPattern,
                                      "--chdir=" + m_store.GetOutDir()};
        if (!options.partition.empty())
        {
            argv.push_back("--partition=" + options.partition);
        }
        if (!options.timeLimit.empty())
        {
            argv.push_back("--time=" + options.timeLimit);
        }
        if (options.maxParallel > 0 && !jobs.empty())
        {
            // One chunk after another keeps the throttle for the whole sweep.
            argv.push_back("--dependency=afterany:" + jobs.back().id);
        }
        argv.insert(argv.end(),
                    {script, self, plan, list, std::to_string(offset), m_store.GetOutDir()});
        CommandOutput out = RunCommand(argv);
        std::string id = Trim(out.out).substr(0, Trim(out.out).find(';'));
        if (!out.Succeeded() || id.empty() ||
            id.find_first_not_of("0123456789") != std::string::npos)
        {
            SaveJobs(jobs);
            throw InputError(SourceMark{m_slurmDir, 0, 0},
                             "sbatch refused the job array (" + DescribeWaitStatus(out.waitStatus) +
                                 "): " + Trim(out.err + out.out));
        }
        Job job;
        job.id = id;
        job.list = list;
        job.offset = offset;
        for (std::size_t i = 0; i < count; ++i)
        {
            job.hashes.push_back(m_plan.runs[runs[offset + i]].hash);
        }
        jobs.push_back(job);
        ids.push_back(id);
        NS_LOG_INFO("submitted " << count << " runs as job " << id);
    }
    SaveJobs(jobs);
    if (options.wait)
    {
        Wait(ids);
    }
    return ids;
}

std::set<std::string>
SlurmExecutor::QueuedJobs() const
{
    std::set<std::string> queued;
    std::vector<Job> jobs = LoadJobs();
    if (jobs.empty())
    {
        return queued;
    }
    // %F is the array's job id for every task; -r lists tasks one per line.
    CommandOutput out = RunCommand({"squeue", "-h", "-r", "-o", "%F"});
    if (!out.Succeeded())
    {
        throw InputError(SourceMark{m_slurmDir, 0, 0},
                         "squeue failed, so queued runs cannot be told from failed ones: " +
                             Trim(out.err));
    }
    std::set<std::string> listed;
    std::istringstream lines(out.out);
    std::string id;
    while (lines >> id)
    {
        listed.insert(id);
    }
    for (const auto& job : jobs)
    {
        if (listed.count(job.id))
        {
            queued.insert(job.id);
        }
    }
    return queued;
}

void
SlurmExecutor::Wait(const std::vector<std::string>& jobs) const
{
    while (true)
    {
        std::set<std::string> queued = QueuedJobs();
        bool any = std::any_of(jobs.begin(), jobs.end(), [&](const std::string& id) {
            return queued.count(id) > 0;
        });
        if (!any)
        {
            return;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
}

SlurmCollection
SlurmExecutor::Collect() const
{
    std::vector<Job> jobs = LoadJobs();
    std::set<std::string> queuedJobs = QueuedJobs();
    // The latest job that carried each hash, and the run's array task in it.
    std::map<std::string, std::pair<const Job*, std::size_t>> latest;
    for (const auto& job : jobs)
    {
        for (std::size_t i = 0; i < job.hashes.size(); ++i)
        {
            latest[job.hashes[i]] = {&job, i};
        }
    }
    SlurmCollection c;
    std::set<std::string> seen;
    for (std::size_t r = 0; r < m_plan.runs.size(); ++r)
    {
        const std::string& hash = m_plan.runs[r].hash;
        if (!seen.insert(hash).second)
        {
            continue;
        }
        auto it = latest.find(hash);
        if (m_store.IsDamaged(hash) &&
            !(it != latest.end() && queuedJobs.count(it->second.first->id)))
        {
            // Filed as a failure saying what is wrong, so --resubmit-failed runs it again.
            m_store.SetAsideDamaged(hash);
        }
        if (m_store.IsDone(hash))
        {
            c.done.push_back(r);
        }
        else if (it != latest.end() && queuedJobs.count(it->second.first->id))
        {
            c.queued.push_back(r);
        }
        else if (m_store.HasFailed(hash))
        {
            c.failed.push_back(r);
        }
        else if (it != latest.end())
        {
            // The task never published a result nor a failure: it was killed from outside.
            const std::string log = m_slurmDir + "/logs/" + it->second.first->id + "_" +
                                    std::to_string(it->second.second) + ".out";
            std::vector<std::string> temporaries = m_store.TemporariesOf(hash);
            std::string temporary =
                temporaries.empty() ? m_store.CreateTemporary(hash) : temporaries.front();
            m_store.MarkFailed(temporary,
                               hash,
                               "its Slurm task ended without a result (time limit, memory or "
                               "node failure?); see " +
                                   log);
            c.failed.push_back(r);
        }
        else
        {
            c.missing.push_back(r);
        }
    }
    return c;
}

} // namespace blueprint
} // namespace ns3
