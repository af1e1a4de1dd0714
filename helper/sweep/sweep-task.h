/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_TASK_H
#define BLUEPRINT_SWEEP_TASK_H

#include <cstddef>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Runs one run of a sweep plan into its result folder (`blueprint sweep-task`).
 *
 * The same code serves the local process pool and Slurm array tasks. It reads the run from the
 * plan (so no parameter passes through a command line or shell), does nothing if the run is
 * already done, and otherwise forks: the child resolves the scenario, checks that it still hashes
 * to the planned folder name (a scenario edited since planning would otherwise be filed under the
 * old inputs), runs it with its stderr in the run's stderr.txt, and writes result.json,
 * flows.csv, scenario.resolved.yaml and point.json into a temporary folder. This process waits for
 * it and publishes the folder on success, or files it under OUT/failed with the reason (exit
 * status or signal) otherwise, so a crash of the simulation is recorded, not lost.
 *
 * \param planPath the plan (OUT/plan.json, or a Slurm submission's own copy of it)
 * \param runIndex index into the plan's runs
 * \param outDir the sweep's output folder OUT
 * \return 0 if the run is done, 1 if it failed
 * \throws InputError when the plan cannot be read or the index is out of range
 */
int RunSweepTask(const std::string& planPath, std::size_t runIndex, const std::string& outDir);

/**
 * \ingroup blueprint
 * \brief The plan run a Slurm array task stands for.
 *
 * A submission lists the plan indices of its runs in a file, one per line; array task i of the
 * chunk that starts at `offset` runs line offset + i.
 *
 * \param listPath the run list
 * \param offset the chunk's first line
 * \param arrayTaskId SLURM_ARRAY_TASK_ID
 * \return the plan run index
 * \throws InputError when the list cannot be read or is too short
 */
std::size_t SlurmTaskRunIndex(const std::string& listPath,
                              std::size_t offset,
                              std::size_t arrayTaskId);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_TASK_H
