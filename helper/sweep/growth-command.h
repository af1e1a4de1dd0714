/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_GROWTH_COMMAND_H
#define BLUEPRINT_GROWTH_COMMAND_H

#include "helper/scenario/scenario-document.h"
#include "helper/sweep/growth-comparison.h"
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
 * \brief What `blueprint compare FILE --years A..B ...` was asked to do.
 */
struct GrowthCompareOptions
{
    std::string file;                   //!< the scenario
    std::vector<std::string> overrides; //!< --set key.path=value
    int from = 0;                       //!< --years: the first year
    int to = 0;                         //!< --years: the last year
    std::optional<uint64_t> seed;       //!< --seed (one seed)
    std::vector<uint64_t> seeds;        //!< --seeds (each probe over the seeds, as a sweep)
    double requiredShare = 0.8;         //!< --confidence, with --seeds
    bool memoryCheck = true;            //!< refuse configurations the machine cannot hold
    SweepCommandOptions sweep;          //!< where and how to run (out, force, jobs, Slurm)
};

/**
 * \ingroup blueprint
 * \brief Runs one configuration of a scenario in one year, in this process, at one seed.
 * \param doc the scenario (its year is set to `year`)
 * \param configuration base or an alternative
 * \param year the year
 * \param mark where the years were given, for messages
 * \param overrides --set key.path=value
 * \param seed replaces the scenario's seed when given
 * \param memoryCheck refuse a configuration the machine cannot hold
 * \return the probe, judged as a one-seed comparison judges
 * \throws InputError for a year the scenario's demand does not cover
 */
GrowthProbe ProbeYear(ScenarioDocument& doc,
                      const std::string& configuration,
                      int year,
                      const SourceMark& mark,
                      const std::vector<std::string>& overrides,
                      std::optional<uint64_t> seed,
                      bool memoryCheck);

/**
 * \ingroup blueprint
 * \brief `compare --years`: for the base and every alternative, the first year in [from, to]
 * in which it fails, found by bisection over the years (FindFirstFailingYear); prints the table
 * and writes OUT/growth.json and OUT/growth.csv (default OUT: out/NAME-growth, NAME the scenario
 * file's name without extension). With seeds, each probe runs over the seeds as a sweep whose store
 * is OUT.
 *
 * Every configuration is resolved in the first and the last year before anything runs, so a
 * year the demand does not cover, or a scenario without `demand:`, stops everything at once.
 *
 * \param options the command line
 * \param out where the table goes
 * \param err where each probe's verdict (and a sweep's progress) goes
 * \return 0 when every probe ran, 1 when a sweep's runs failed
 * \throws InputError for bad scenarios, years and folders
 */
int RunGrowthComparison(const GrowthCompareOptions& options, std::ostream& out, std::ostream& err);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_GROWTH_COMMAND_H
