/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/local-executor.h"

#include "helper/scenario/input-error.h"
#include "helper/sweep/child-process.h"

#include "ns3/log.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintLocalExecutor");

namespace
{

using Clock = std::chrono::steady_clock;

double
SecondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

} // namespace

std::string
FormatDuration(double seconds)
{
    char buffer[64];
    long s = std::lround(std::max(0.0, seconds));
    if (s < 60)
    {
        std::snprintf(buffer, sizeof(buffer), "%ld s", s);
    }
    else if (s < 3600)
    {
        std::snprintf(buffer, sizeof(buffer), "%ld min %02ld s", s / 60, s % 60);
    }
    else
    {
        std::snprintf(buffer, sizeof(buffer), "%ld h %02ld min", s / 3600, (s % 3600) / 60);
    }
    return buffer;
}

LocalExecutor::LocalExecutor(const SweepPlan& plan,
                             std::string planPath,
                             unsigned jobs,
                             bool progress)
    : m_plan(plan),
      m_planPath(std::move(planPath)),
      m_self(SelfExecutable()),
      m_log(std::filesystem::path(m_planPath).parent_path().string() + "/sweep.log"),
      m_store(std::filesystem::path(m_planPath).parent_path().string()),
      m_jobs(std::max(1u, jobs)),
      m_progress(progress)
{
}

int
LocalExecutor::Spawn(std::size_t run) const
{
    std::vector<std::string> argv{m_self,
                                  "sweep-task",
                                  m_planPath,
                                  "--run",
                                  std::to_string(run),
                                  "--out",
                                  std::filesystem::path(m_planPath).parent_path().string()};
    std::vector<char*> args;
    for (auto& a : argv)
    {
        args.push_back(a.data());
    }
    args.push_back(nullptr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0)
    {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
        {
            _exit(1); // the executor died before prctl took effect
        }
        int devNull = open("/dev/null", O_RDWR);
        int log = open(m_log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0666);
        if (devNull >= 0)
        {
            dup2(devNull, STDIN_FILENO);
            dup2(devNull, STDOUT_FILENO);
        }
        if (log >= 0)
        {
            dup2(log, STDERR_FILENO);
        }
        execv(args[0], args.data());
        _exit(127);
    }
    if (pid < 0)
    {
        throw std::runtime_error(std::string("cannot fork: ") + std::strerror(errno));
    }
    return pid;
}

void
LocalExecutor::DrawProgress(std::size_t finished,
                            std::size_t failed,
                            std::size_t running,
                            std::size_t total,
                            double elapsed) const
{
    const int width = 24;
    int filled = total ? static_cast<int>(width * finished / total) : width;
    std::string bar(filled, '#');
    bar += std::string(width - filled, '.');
    std::string left = "?";
    if (finished > 0)
    {
        left = "~" + FormatDuration(elapsed / finished * (total - finished));
    }
    std::fprintf(stderr,
                 "\r[%s] %zu/%zu runs, %zu failed, %zu running, %s elapsed, %s left\x1b[K",
                 bar.c_str(),
                 finished,
                 total,
                 failed,
                 running,
                 FormatDuration(elapsed).c_str(),
                 left.c_str());
    std::fflush(stderr);
}

SweepRunReport
LocalExecutor::Run(const std::vector<std::size_t>& runs)
{
    SweepRunReport report;
    report.jobs = m_jobs;
    Clock::time_point start = Clock::now();
    std::map<int, std::pair<std::size_t, Clock::time_point>> running;
    std::size_t next = 0;
    std::size_t finished = 0;
    if (m_progress)
    {
        DrawProgress(0, 0, 0, runs.size(), 0);
    }
    while (next < runs.size() || !running.empty())
    {
        while (next < runs.size() && running.size() < m_jobs)
        {
            int pid = Spawn(runs[next]);
            running[pid] = {runs[next], Clock::now()};
            NS_LOG_INFO("started run " << runs[next] << " as " << pid);
            ++next;
        }
        int status = 0;
        int pid = waitpid(-1, &status, 0);
        if (pid < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }
            break; // no children left: cannot happen while running is not empty
        }
        auto it = running.find(pid);
        if (it == running.end())
        {
            continue;
        }
        report.sumRunSeconds += SecondsSince(it->second.second);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        {
            ++report.succeeded;
        }
        else
        {
            // The task records its run's failure itself; if the task process itself died, its
            // temporary folder (or a new one) is filed with the reason here.
            const std::string& hash = m_plan.runs[it->second.first].hash;
            if (!m_store.HasFailed(hash) && !m_store.IsDone(hash))
            {
                std::vector<std::string> temporaries = m_store.TemporariesOf(hash);
                m_store.MarkFailed(temporaries.empty() ? m_store.CreateTemporary(hash)
                                                       : temporaries.front(),
                                   hash,
                                   "the sweep task process: " + DescribeWaitStatus(status) +
                                       " (see " + m_log + ")");
            }
            report.failed.push_back(it->second.first);
        }
        running.erase(it);
        ++finished;
        if (m_progress)
        {
            DrawProgress(finished,
                         report.failed.size(),
                         running.size(),
                         runs.size(),
                         SecondsSince(start));
        }
    }
    if (m_progress)
    {
        std::fprintf(stderr, "\n");
    }
    report.wallSeconds = SecondsSince(start);
    return report;
}

SweepLock::SweepLock(const std::string& outDir)
{
    std::string path = outDir + "/.lock";
    m_fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (m_fd < 0)
    {
        throw InputError(SourceMark{path, 0, 0},
                         std::string("cannot create the lock file: ") + std::strerror(errno));
    }
    if (flock(m_fd, LOCK_EX | LOCK_NB) != 0)
    {
        close(m_fd);
        m_fd = -1;
        throw InputError(SourceMark{outDir, 0, 0},
                         "another blueprint sweep is running in this folder");
    }
}

SweepLock::~SweepLock()
{
    if (m_fd >= 0)
    {
        close(m_fd);
    }
}

} // namespace blueprint
} // namespace ns3
