/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SEED_COMPARE_COMMAND_H
#define BLUEPRINT_SEED_COMPARE_COMMAND_H

#include "helper/scenario/input-error.h"
#include "helper/sweep/seed-comparison.h"
#include "helper/sweep/sweep-command.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What `blueprint compare FILE --seeds LIST ...` was asked to do.
 */
struct SeedCompareOptions
{
    std::string file;                   //!< the scenario
    std::vector<std::string> overrides; //!< --set key.path=value
    std::vector<uint64_t> seeds;        //!< --seeds
    double requiredShare = 0.8;         //!< --confidence
    std::optional<int> year;            //!< --year: every run simulates that year's demand
    SweepCommandOptions sweep;          //!< where and how to run (out, jobs, Slurm, force)
};

/**
 * \ingroup blueprint
 * \brief The sweep a comparison over seeds runs: configurations by name, each `--set` an axis of
 * one value (resolved exactly as `compare --set`), and optionally `demand.year`.
 * \param file the scenario
 * \param name the sweep's name
 * \param alternatives the configurations ("all" for the base and every alternative)
 * \param overrides --set key.path=value
 * \param seeds the seeds
 * \param year the year to simulate, and where it was given (`--year 2030`), if any
 * \return the sweep
 * \throws InputError for an override without '='
 */
SweepSpec ComparisonSweep(const std::string& file,
                          const std::string& name,
                          const std::vector<std::string>& alternatives,
                          const std::vector<std::string>& overrides,
                          const std::vector<uint64_t>& seeds,
                          std::optional<std::pair<int, SourceMark>> year = std::nullopt);

/**
 * \ingroup blueprint
 * \brief Reads the runs of the sweep last planned in `dir` from its store.
 * \param dir the sweep's folder
 * \param order filled with the configurations, in plan order
 * \return every run, its configuration set
 * \throws InputError when a run's result cannot be read
 */
std::vector<SeedRun> ReadSweepRuns(const std::string& dir, std::vector<std::string>& order);

/**
 * \ingroup blueprint
 * \brief Runs the base and every alternative over the seeds as a sweep (its store, the local
 * pool or Slurm job arrays, runs already done are not repeated), then prints per configuration
 * the mean and 95 % interval of each metric, the share of seeds passing each requirement and
 * all of them, the paired differences against the base, and the recommendation; writes
 * OUT/compare.csv and OUT/compare.json beside the sweep's files.
 * \param options the command line
 * \param out where the table goes
 * \param err where the sweep's progress and failures go
 * \return 0 when every run is done, 1 when runs failed
 * \throws InputError for bad scenarios, values and folders
 */
int RunSeedComparison(const SeedCompareOptions& options, std::ostream& out, std::ostream& err);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SEED_COMPARE_COMMAND_H
