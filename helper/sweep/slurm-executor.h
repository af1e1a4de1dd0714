/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SLURM_EXECUTOR_H
#define BLUEPRINT_SLURM_EXECUTOR_H

#include "helper/sweep/result-store.h"
#include "helper/sweep/sweep-plan.h"

#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief How to submit a sweep to Slurm.
 */
struct SlurmOptions
{
    std::string partition;    //!< --partition, empty for the cluster's default
    std::string timeLimit;    //!< --time per array task, empty for the partition's default
    unsigned maxParallel = 0; //!< array throttle (%M), 0 for no limit
    bool wait = false;        //!< wait for every submitted job to leave the queue
};

/**
 * \ingroup blueprint
 * \brief Where each run of a sweep stands on a Slurm cluster.
 */
struct SlurmCollection
{
    std::vector<std::size_t> done;    //!< plan indices with a complete result folder
    std::vector<std::size_t> failed;  //!< ran and failed, or their job ended without a result
    std::vector<std::size_t> queued;  //!< in a job that is still pending or running
    std::vector<std::size_t> missing; //!< never submitted
};

/**
 * \ingroup blueprint
 * \brief A path as a literal part of an sbatch filename pattern (sbatch(1), "filename pattern"):
 * Slurm replaces `%` sequences (`%j`, `%A`, ...) in `--output`, so every `%` of the path is
 * doubled (`%%` is the character `%`).
 * \param path a path that may hold `%`, e.g. a sweep named after a percentage
 * \return the path with each `%` written as `%%`
 * \throws InputError naming the path when it holds a backslash: one turns every replacement of
 *         the pattern off, so all array tasks would write one log file
 */
std::string SlurmFilenameLiteral(const std::string& path);

/**
 * \ingroup blueprint
 * \brief Runs a sweep as Slurm job arrays and finds out what became of it.
 *
 * A submission writes the plan indices of its runs to `OUT/slurm/runs-<n>.txt` and submits it as
 * one job array per chunk of at most MaxArraySize tasks (from `scontrol show config`); with a
 * throttle, chunks are chained with afterany dependencies so at most `maxParallel` tasks run at
 * once in all. Every array task runs OUT/slurm/sweep-task.sh, which only `exec`s
 * `blueprint sweep-task PLAN --list FILE --offset N` with arguments sbatch passes through: no
 * scenario or parameter name is ever part of shell text. Task output goes to
 * `OUT/slurm/logs/<job>_<task>.out`. Submitted jobs and the hashes they carry are recorded in
 * OUT/slurm/jobs.json so a later `--collect` can tell failed runs from queued ones.
 */
class SlurmExecutor
{
  public:
    /**
     * \param plan the plan
     * \param planPath where it is stored (OUT/plan.json, absolute)
     */
    SlurmExecutor(const SweepPlan& plan, std::string planPath);

    /**
     * \brief Whether Slurm can take jobs here: sbatch and squeue exist and sinfo answers.
     * \param why set to the reason when it cannot
     * \return true if a submission can work
     */
    static bool Available(std::string* why);

    /**
     * \brief Submits runs as job arrays.
     * \param runs plan indices, each with a distinct hash
     * \param options partition, throttle, wait
     * \return the job ids, one per chunk
     * \throws InputError naming OUT/slurm when sbatch refuses (its message included)
     */
    std::vector<std::string> Submit(const std::vector<std::size_t>& runs,
                                    const SlurmOptions& options);

    /// \return the recorded jobs of this sweep that squeue still lists
    std::set<std::string> QueuedJobs() const;

    /**
     * \brief Waits until none of the given jobs is queued or running, polling squeue.
     * \param jobs job ids
     */
    void Wait(const std::vector<std::string>& jobs) const;

    /**
     * \brief Classifies every run of the plan (first of each hash). A run whose job ended
     * without a result or a failure record (time limit, node failure, out of memory) is filed as
     * failed with that reason and its Slurm log named.
     * \return the runs by state
     */
    SlurmCollection Collect() const;

  private:
    /// One recorded submission.
    struct Job
    {
        std::string id;                  //!< the array job id
        std::string list;                //!< its run list
        std::size_t offset = 0;          //!< first line of the list it runs
        std::vector<std::string> hashes; //!< the runs it carries, in array task order
    };

    /// \return the recorded jobs (OUT/slurm/jobs.json)
    std::vector<Job> LoadJobs() const;

    /**
     * \brief Appends jobs to OUT/slurm/jobs.json.
     * \param jobs the new jobs
     */
    void SaveJobs(const std::vector<Job>& jobs) const;

    /// \return MaxArraySize of the cluster (1001, Slurm's default, if it cannot be read)
    static std::size_t MaxArraySize();

    const SweepPlan& m_plan; //!< the plan
    std::string m_planPath;  //!< where it is stored
    std::string m_slurmDir;  //!< OUT/slurm
    ResultStore m_store;     //!< the results
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SLURM_EXECUTOR_H
