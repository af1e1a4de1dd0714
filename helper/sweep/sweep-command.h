/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_COMMAND_H
#define BLUEPRINT_SWEEP_COMMAND_H

#include "helper/sweep/slurm-executor.h"
#include "helper/sweep/sweep-spec.h"

#include <optional>
#include <ostream>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What `blueprint sweep FILE ...` was asked to do.
 */
struct SweepCommandOptions
{
    /// The action.
    enum class Mode
    {
        Local,         //!< run what is not done on this machine
        Plan,          //!< list the runs and their state, run nothing, write nothing
        Slurm,         //!< submit what is neither done nor queued as Slurm job arrays
        ResubmitSlurm, //!< submit only the runs that failed
        Collect        //!< report what became of a Slurm sweep
    };

    std::string file;               //!< the sweep file
    Mode mode = Mode::Local;        //!< the action
    std::optional<std::string> out; //!< output folder (default `out/<sweep name>`)
    unsigned jobs = 0;              //!< local processes at a time, 0 for the core count
    bool progress = false;          //!< draw a progress line (stderr is a terminal)
    SlurmOptions slurm;             //!< Slurm submission options
    bool force = false;             //!< use an output folder holding files blueprint did not write
    /// The command that runs the failed runs again, as told after a Slurm collection (empty:
    /// `blueprint sweep FILE --slurm --resubmit-failed`; `compare --seeds` gives its own)
    std::string retryCommand;
};

/**
 * \ingroup blueprint
 * \brief Runs `blueprint sweep`: reads and expands the sweep file (every point is checked before
 * anything runs), then plans, runs locally, submits to Slurm or collects.
 * \param options the command line
 * \param out where the report goes (stdout)
 * \param err where progress and failures go (stderr)
 * \return 0 when every run of the sweep is done (or, for --plan and a Slurm submission without
 *         --wait, when nothing went wrong), 1 when runs failed or are missing
 * \throws InputError for bad sweep files, scenarios, values, and Slurm being unavailable
 */
int RunSweepCommand(const SweepCommandOptions& options, std::ostream& out, std::ostream& err);

/**
 * \ingroup blueprint
 * \brief RunSweepCommand for a sweep already read (or made by another command: `compare
 * --seeds` runs its configurations and seeds as a sweep).
 * \param spec the sweep
 * \param options the command line (options.file names the sweep in messages)
 * \param out where the report goes
 * \param err where progress and failures go
 * \return as RunSweepCommand
 * \throws InputError as RunSweepCommand
 */
int RunSweepSpec(const SweepSpec& spec,
                 const SweepCommandOptions& options,
                 std::ostream& out,
                 std::ostream& err);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_COMMAND_H
