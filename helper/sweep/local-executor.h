/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LOCAL_EXECUTOR_H
#define BLUEPRINT_LOCAL_EXECUTOR_H

#include "helper/sweep/result-store.h"
#include "helper/sweep/sweep-plan.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What a batch of sweep runs came to.
 */
struct SweepRunReport
{
    std::size_t succeeded = 0;       //!< runs that finished now
    std::vector<std::size_t> failed; //!< plan indices of runs that failed now
    double wallSeconds = 0;          //!< from the first start to the last end
    double sumRunSeconds = 0;        //!< sum of every run's own wall time
    unsigned jobs = 1;               //!< runs at a time
};

/**
 * \ingroup blueprint
 * \brief Runs sweep runs on this machine over a pool of processes.
 *
 * Each run is its own process, `blueprint sweep-task PLAN --run I` (see RunSweepTask), started
 * with fork and execv so a crash takes down only that run and no value goes through a shell.
 * Children die with the executor (PR_SET_PDEATHSIG), so a sweep killed at any moment leaves only
 * temporary folders, which the next sweep removes. Their own stderr (anything before the run's
 * stderr.txt is open) goes to OUT/sweep.log. On a terminal a progress line shows runs done,
 * failed, running and the estimated time left.
 */
class LocalExecutor
{
  public:
    /**
     * \param plan the plan
     * \param planPath where it is stored (OUT/plan.json, absolute)
     * \param jobs processes at a time, at least 1
     * \param progress draw the progress line on stderr
     */
    LocalExecutor(const SweepPlan& plan, std::string planPath, unsigned jobs, bool progress);

    /**
     * \brief Runs the given runs and waits for all of them.
     * \param runs plan indices, each with a distinct hash
     * \return what happened
     */
    SweepRunReport Run(const std::vector<std::size_t>& runs);

  private:
    /**
     * \brief Starts one run.
     * \param run its plan index
     * \return the child's pid
     */
    int Spawn(std::size_t run) const;

    /**
     * \brief Redraws the progress line.
     * \param finished runs ended so far
     * \param failed of which failed
     * \param running in progress
     * \param total runs in this batch
     * \param elapsed seconds since the start
     */
    void DrawProgress(std::size_t finished,
                      std::size_t failed,
                      std::size_t running,
                      std::size_t total,
                      double elapsed) const;

    const SweepPlan& m_plan; //!< the plan
    std::string m_planPath;  //!< where it is stored
    std::string m_self;      //!< the blueprint executable
    std::string m_log;       //!< OUT/sweep.log
    ResultStore m_store;     //!< the results
    unsigned m_jobs;         //!< processes at a time
    bool m_progress;         //!< draw the progress line
};

/**
 * \ingroup blueprint
 * \brief Holds a sweep's output folder for one process at a time (flock on OUT/.lock).
 */
class SweepLock
{
  public:
    /**
     * \param outDir the sweep's output folder
     * \throws InputError naming the folder when another sweep holds it
     */
    explicit SweepLock(const std::string& outDir);
    ~SweepLock();
    SweepLock(const SweepLock&) = delete;
    SweepLock& operator=(const SweepLock&) = delete;

  private:
    int m_fd = -1; //!< the lock file, closed on exec so run processes do not hold it
};

/**
 * \ingroup blueprint
 * \brief Formats seconds for people: "42 s", "3 min 05 s", "2 h 10 min".
 * \param seconds a duration
 * \return the text
 */
std::string FormatDuration(double seconds);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LOCAL_EXECUTOR_H
