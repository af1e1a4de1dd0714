/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PHASE_RUNNER_H
#define BLUEPRINT_PHASE_RUNNER_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/scenario/scenario-spec.h"

#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One phase's run, as PhaseRunner merges it.
 */
struct PhaseRun
{
    const PhaseSpec* phase = nullptr;             //!< the phase (of the timeline's spec)
    RunResult result;                             //!< its window's result
    std::vector<FlowDistributions> distributions; //!< per flow of result.flows
    std::vector<ElementIdleDraw> idle;            //!< per energy element, at the window's end
};

/**
 * \ingroup blueprint
 * \brief Runs a scenario over its timeline (doc/phases.rst): one ScenarioRunner run per phase,
 * each with windowStart = the phase's `at` and duration = its length, merged into one RunResult
 * with the phases' own results in RunResult::phases. A scenario without `timeline:` runs once,
 * exactly as ScenarioRunner runs it.
 *
 * Nothing is carried from one window to the next but what the scenario states as of the window's
 * start (cuts, power, satellites' places): each window is built afresh, with empty queues, no
 * TCP or HARQ state, moving nodes at the start of their trips.
 */
class PhaseRunner
{
  public:
    /// \param spec the resolved scenario
    explicit PhaseRunner(const ScenarioSpec& spec);

    /// \param enabled print each run's progress line (ScenarioRunner::SetProgress)
    void SetProgress(bool enabled);

    /// \param enabled refuse runs that cannot fit in memory (ScenarioRunner::SetMemoryCheck)
    void SetMemoryCheck(bool enabled);

    /**
     * \brief Run every phase (or the one window) and merge.
     * \return the result; for a timeline, with phases and timeline filled
     */
    RunResult Run();

  private:
    ScenarioSpec m_spec;       //!< what to run
    bool m_progress = false;   //!< progress lines
    bool m_memoryCheck = true; //!< memory check
};

/**
 * \ingroup blueprint
 * \brief Merge the runs of a timeline's phases into one result (doc/phases.rst): each phase's
 * own flows and energy; flows pooled over the windows (counts summed, latency digests merged,
 * ratios and rates weighted by what they are ratios of, requirements judged again on the pooled
 * figures, a flow's verdict the worst of that and of every phase's); energy over the horizon as
 * the windows' plus each element's idle draw times the timeline time outside the windows; cost
 * prorated over the horizon.
 * \param spec the scenario, with its timeline
 * \param runs one run per phase, in the timeline's order
 * \return the merged result
 */
RunResult MergePhases(const ScenarioSpec& spec, const std::vector<PhaseRun>& runs);

/**
 * \ingroup blueprint
 * \brief The seconds of the timeline each phase stands for: from its start (0 for the first) to
 * the next phase's start (the horizon for the last). Cost is prorated by these.
 * \param timeline the timeline
 * \return one span per phase
 */
std::vector<double> PhaseSpans(const TimelineSpec& timeline);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_PHASE_RUNNER_H
