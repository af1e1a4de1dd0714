/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_PLAN_H
#define BLUEPRINT_SWEEP_PLAN_H

#include "helper/sweep/sweep-spec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One parameter point: a configuration and one value per axis.
 */
struct SweepPoint
{
    std::string alternative;         //!< "base" or an alternative's name
    std::vector<std::string> values; //!< one YAML value per axis, in SweepPlan::axes order
};

/**
 * \ingroup blueprint
 * \brief One run: a point with a seed, and the name of its result folder.
 */
struct SweepRun
{
    std::size_t point = 0; //!< index into SweepPlan::points
    uint64_t seed = 1;     //!< run number
    std::string hash;      //!< RunHash of the resolved scenario, configuration, seed and program
};

/**
 * \ingroup blueprint
 * \brief A sweep expanded into runs: what `--plan` lists, what executors run and what the
 * aggregator reads back (it is stored as OUT/plan.json).
 */
struct SweepPlan
{
    /// The most runs one sweep may plan (points times seeds, before constraints). Every point is
    /// resolved against the scenario and every run listed in plan.json before anything runs, so
    /// the grid's size is checked first: a grid of 10^9 points filled 4.6 GB while planning.
    static constexpr uint64_t MAX_RUNS = 100000;

    std::string name;                 //!< the sweep's name
    std::string sweepFile;            //!< the sweep file
    std::string scenarioFile;         //!< the scenario file, absolute
    std::string program;              //!< ProgramIdentity() the hashes were made with
    std::vector<std::string> axes;    //!< axis key paths
    std::vector<SweepPoint> points;   //!< points that meet every constraint, in expansion order
    std::vector<SweepRun> runs;       //!< every point times every seed, point-major
    std::size_t excludedPoints = 0;   //!< points removed by constraints
    std::size_t alternativeCount = 0; //!< configurations swept

    /**
     * \param point a point
     * \return its `key.path=value` overrides, as ScenarioDocument::Resolve takes them
     */
    std::vector<std::string> Overrides(const SweepPoint& point) const;

    /**
     * \param point a point
     * \return a one-line label: "base, links.backhaul.length=10km"
     */
    std::string Label(const SweepPoint& point) const;

    /// \return the plan as JSON text (OUT/plan.json)
    std::string ToJson() const;

    /**
     * \brief Reads a plan written by ToJson.
     * \param path the file
     * \return the plan
     * \throws InputError naming the file when it cannot be read or is not a plan
     */
    static SweepPlan Load(const std::string& path);
};

/**
 * \ingroup blueprint
 * \brief Expands a sweep into its runs and checks every point against its scenario.
 *
 * Points are the product of the alternatives and of the factors, where a factor is an axis or a
 * zip group (whose axes take their i-th values together); factors vary in the order their first
 * axis is written, the last fastest. Points failing a constraint are dropped. Each remaining point
 * is resolved with ScenarioDocument::Resolve before anything runs, so a value that does not fit
 * its key is reported at its place in the sweep file. Each point then gives one run per seed.
 *
 * \param spec the sweep
 * \param program the identity hashed into each run (ProgramIdentity())
 * \return the plan
 * \throws InputError at the sweep file's position of the offending alternative or value, or at
 *         the first axis when the grid holds more than SweepPlan::MAX_RUNS runs
 */
SweepPlan ExpandSweep(const SweepSpec& spec, const std::string& program);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_PLAN_H
