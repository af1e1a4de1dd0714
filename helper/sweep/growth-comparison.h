/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_GROWTH_COMPARISON_H
#define BLUEPRINT_GROWTH_COMPARISON_H

#include "helper/results/run-result.h"
#include "helper/sweep/seed-comparison.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Reads `--year`: a whole year, written in digits ("2030").
 * \param option the option's name, for the message
 * \param text the option's value
 * \return the year
 * \throws std::invalid_argument saying what is wrong (the scenario's demand checks the range)
 */
int ParseYear(const std::string& option, const std::string& text);

/**
 * \ingroup blueprint
 * \brief Reads `--years`: `2025..2040`, from the first year to the last, both included.
 * \param text the option's value
 * \return the first and last years, first <= last
 * \throws std::invalid_argument saying what is wrong
 */
std::pair<int, int> ParseYearRange(const std::string& text);

/**
 * \ingroup blueprint
 * \brief One configuration run in one year (at one seed, or over the seeds).
 */
struct GrowthProbe
{
    int year = 0;                    //!< the year simulated
    double loadFactor = 1;           //!< the largest load factor of any flow that year
    bool pass = false;               //!< meets every requirement (as the recommendation rules)
    std::vector<std::string> failed; //!< "FLOW METRIC" of each requirement not passed every time
    std::size_t passingSeeds = 0;    //!< seeds that passed every requirement
    std::size_t seeds = 0;           //!< seeds with a verdict
    double wilsonLow = 0;            //!< 95 % Wilson lower bound of the passing share
};

/**
 * \ingroup blueprint
 * \brief Judges a probe from its runs with the recommendation's rule (Recommend): at one seed
 * every requirement passes; over several, the 95 % Wilson lower bound of the share of seeds that
 * pass every requirement is at least `requiredShare`.
 * \param year the year
 * \param loadFactor the largest load factor that year
 * \param runs the configuration's runs that year, one per seed
 * \param requiredShare the share of seeds to pass (`--confidence`)
 * \param seeded whether the runs are over several seeds (`--seeds`)
 * \return the probe
 */
GrowthProbe JudgeProbe(int year,
                       double loadFactor,
                       const std::vector<SeedRun>& runs,
                       double requiredShare,
                       bool seeded);

/**
 * \ingroup blueprint
 * \brief What the years say of one configuration.
 */
struct GrowthOutcome
{
    std::string configuration;            //!< base or an alternative
    std::optional<int> firstFailingYear;  //!< none: it holds through the last year
    bool failingAtStart = false;          //!< it fails already in the first year
    std::vector<GrowthProbe> probes;      //!< the years run, ascending
    std::vector<int> passesAfterAFailure; //!< years that passed after an earlier one failed
};

/**
 * \ingroup blueprint
 * \brief Finds the first year in [from, to] in which a configuration fails, by bisection.
 *
 * Load grows with the year (every demand model's factor is non-decreasing), and bisection
 * assumes that pass/fail is monotone in load: once a configuration fails, it fails in every
 * later year. The first and last years are probed first; when the first passes and the last
 * fails, the first failing year lies in (last passing, first failing] and each probe halves that
 * interval, so 2 + ceil(log2(to - from)) probes settle it (6 for 2025..2040, not 16). A
 * configuration failing in the first year and passing in the last breaks the assumption: the
 * outcome names those years in passesAfterAFailure, and its first failing year is the first.
 *
 * \param configuration the configuration's name
 * \param from the first year
 * \param to the last year, at least `from`
 * \param probe runs the configuration in a year
 * \return the outcome, probes ascending
 */
GrowthOutcome FindFirstFailingYear(const std::string& configuration,
                                   int from,
                                   int to,
                                   const std::function<GrowthProbe(int)>& probe);

/**
 * \ingroup blueprint
 * \brief `compare --years`: every configuration's outcome and what it was run with.
 */
struct GrowthReport
{
    std::string scenario;                //!< the scenario's name
    DemandResult demand;                 //!< the demand model the years apply
    int from = 0;                        //!< first year
    int to = 0;                          //!< last year
    std::vector<uint64_t> seeds;         //!< the seeds (one without --seeds)
    bool seeded = false;                 //!< whether the probes are over several seeds
    double requiredShare = 1;            //!< --confidence, with seeds
    std::vector<GrowthOutcome> outcomes; //!< one per configuration, base first
};

/**
 * \ingroup blueprint
 * \param report the report
 * \return growth.json: scenario, demand (model, rate for compound, base_year), years (from, to),
 *         configurations (name, first_failing_year or null, failing_at_start, probes: year,
 *         load_factor, pass, failed)
 */
std::string GrowthJson(const GrowthReport& report);

/**
 * \ingroup blueprint
 * \param report the report
 * \return growth.csv: one row per configuration and probe
 */
std::string GrowthCsv(const GrowthReport& report);

/**
 * \ingroup blueprint
 * \param report the report
 * \return the table `compare --years` prints: per configuration its first failing year, the load
 *         factor and the requirements that failed then, and every probe; then the probes run
 *         against every year, and a warning for each configuration that passed after failing
 */
std::string GrowthTable(const GrowthReport& report);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_GROWTH_COMPARISON_H
