/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_SPEC_H
#define BLUEPRINT_SWEEP_SPEC_H

#include "helper/scenario/input-error.h"
#include "helper/sweep/sweep-constraint.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One parameter axis of a sweep: a key path into the scenario and the values it takes.
 */
struct SweepAxis
{
    std::string path;                   //!< key path, as `--set` takes it: links.backhaul.length
    SourceMark mark;                    //!< where the key is written
    std::vector<std::string> values;    //!< YAML text of each value (flow style for lists/maps)
    std::vector<SourceMark> valueMarks; //!< where each value is written
};

/**
 * \ingroup blueprint
 * \brief A sweep file, read and checked (but not yet expanded against its scenario).
 */
struct SweepSpec
{
    std::string file;                          //!< the sweep file, as given
    std::string name;                          //!< `name:`, or the file name without extension
    std::string description;                   //!< `description:`
    std::string scenarioFile;                  //!< scenario path, relative to the working folder
    SourceMark scenarioMark;                   //!< where `scenario:` is written
    std::vector<std::string> alternatives;     //!< configurations to run; "all" expands later
    std::vector<SourceMark> alternativeMarks;  //!< where each is written
    std::vector<SweepAxis> axes;               //!< in file order
    std::vector<std::vector<std::size_t>> zip; //!< groups of axis indices that vary together
    std::vector<SweepConstraint> constraints;  //!< every one must hold for a point to run
    std::vector<uint64_t> seeds;               //!< replications
};

/**
 * \ingroup blueprint
 * \brief Reads a sweep file.
 *
 * Keys: `scenario` (path relative to the sweep file, required), `name`, `description`,
 * `alternatives` (list of configuration names, or `all`; default [base]), `axes` (map of key path
 * to a non-empty list of values), `zip` (list of lists of axis names), `constraints` (list of
 * expressions, see SweepConstraint), and `replications: N` (seeds 1..N) or `seeds: [..]`
 * (default: seed 1). Every problem is an InputError at its FILE:LINE:COL.
 *
 * \param path the sweep file
 * \return the sweep
 */
SweepSpec ReadSweepFile(const std::string& path);

/**
 * \ingroup blueprint
 * \brief Reads a sweep from text (for tests); `scenario:` is relative to fileName's folder.
 * \param text YAML text
 * \param fileName the name used in marks
 * \return the sweep
 */
SweepSpec ReadSweepString(const std::string& text, const std::string& fileName);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_SPEC_H
