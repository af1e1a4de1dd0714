/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `timeline:` read with FILE:LINE:COL errors (doc/phases.rst): every malformed timeline is
 * refused at the offending text with exit status 2 and nothing written, by run and validate
 * alike (MalformedScenarioTest); a valid one gives each phase a scenario of its own.
 */

#include "cli-support.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>

namespace
{

using namespace blueprint_test;

/// kValid (two hosts on fibre, duration 1s, drain 1s) on a day's timeline of two phases.
const std::string kTimeline = kValid + R"(timeline:
  horizon: 1d
  phases:
    - {name: first-hour, at: 0s, length: 1s}
    - {name: day-2, at: 86390s, length: 2s}
)";

/// `count` one-second phases a minute apart, as list items.
std::string
ManyPhases(int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
    {
        out += "    - {name: p" + std::to_string(i) + ", at: " + std::to_string(60 * i) + "s}\n";
    }
    return out;
}

/// kTimeline with (from, to) replaced, refused where `marker` is, saying `message`.
MalformedCase
Broken(const std::string& name,
       const std::string& from,
       const std::string& to,
       const std::string& marker,
       const std::string& message,
       const std::string& after = "timeline:")
{
    return ChangedCase(kTimeline, name, {{from, to}}, marker, message, after);
}

TEST(TimelineReaderTest, EachPhaseIsAScenarioOfItsOwnLength)
{
    const std::string text = kValid + R"(timeline:
  horizon: 1d
  phases:
    - {name: first-hour, at: 0s, length: 20s}
    - {name: day-2, at: 82800s, changes: {flows: {f1: {traffic: {size: 200B}}}}}
)";
    const ns3::blueprint::ScenarioSpec spec = ReadYaml(text);
    ASSERT_TRUE(spec.timeline);
    EXPECT_DOUBLE_EQ(spec.timeline->horizon, 86400);
    ASSERT_EQ(spec.timeline->phases.size(), 2u);
    const auto& first = spec.timeline->phases[0];
    const auto& second = spec.timeline->phases[1];
    EXPECT_EQ(first.name, "first-hour");
    EXPECT_DOUBLE_EQ(first.length, 20);
    EXPECT_DOUBLE_EQ(first.spec->duration, 20);
    EXPECT_FALSE(first.spec->timeline);
    // Without a length, a phase lasts the scenario's duration; its changes are its own.
    EXPECT_DOUBLE_EQ(second.at, 86400 - 3600);
    EXPECT_DOUBLE_EQ(second.length, 1);
    EXPECT_DOUBLE_EQ(second.spec->flows.at(0).traffic.size, 200);
    EXPECT_DOUBLE_EQ(first.spec->flows.at(0).traffic.size, 100);
    EXPECT_DOUBLE_EQ(spec.windowStart, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Timeline,
    MalformedScenarioTest,
    ::testing::Values(
        ChangedCase(kValid + "timeline: 3d\n",
                    "TimelineNotAMap",
                    {},
                    "3d",
                    "timeline must be a map",
                    "timeline:"),
        Broken("MisspeltHorizon",
               "horizon: 1d",
               "horizn: 1d",
               "horizn",
               "unknown key 'horizn' in timeline; did you mean 'horizon'?"),
        Broken("NoHorizon", "  horizon: 1d\n", "", "phases", "horizon"),
        Broken("ZeroHorizon", "horizon: 1d", "horizon: 0s", "0s", "greater than zero"),
        Broken("HorizonNotATime", "horizon: 1d", "horizon: 3km", "3km", "duration"),
        Broken("NoPhases",
               "  phases:\n    - {name: first-hour, at: 0s, length: 1s}\n    - {name: day-2, at: "
               "86390s, length: 2s}\n",
               "  phases: []\n",
               "[]",
               "at least one phase"),
        Broken("PhaseNotAMap",
               "- {name: first-hour, at: 0s, length: 1s}",
               "- first-hour",
               "first-hour",
               "a phase is a map"),
        Broken("MisspeltLength",
               "length: 1s",
               "lenght: 1s",
               "lenght",
               "unknown key 'lenght' in phase; did you mean 'length'?"),
        Broken("PhaseWithoutName", "name: first-hour, ", "", "{at: 0s", "name"),
        Broken("DuplicateName",
               "name: day-2",
               "name: first-hour",
               "first-hour",
               "named twice",
               "length: 1s}"),
        Broken("NegativeAt", "at: 0s", "at: -1s", "-1s", "negative"),
        Broken("ZeroLength", "length: 1s", "length: 0s", "0s", "at least 1ms", "length: "),
        Broken("OverlappingPhases",
               "at: 86390s",
               "at: 1500ms",
               "1500ms",
               "inside phase 'first-hour', which runs until 2 s"),
        Broken("PhasesOutOfOrder",
               "{name: first-hour, at: 0s, length: 1s}\n    - {name: day-2, at: 86390s",
               "{name: first-hour, at: 1h, length: 1s}\n    - {name: day-2, at: 10s",
               "10s",
               "write the phases in time order",
               "day-2"),
        Broken("PhaseBeyondTheHorizon",
               "length: 2s",
               "length: 10s",
               "10s",
               "beyond the timeline's horizon",
               "day-2"),
        Broken("PhaseDrainBeyondTheHorizon",
               "length: 2s",
               "length: 9.5s",
               "9.5s",
               "runs until 86400.5 s",
               "day-2"),
        Broken("PhaseChangesTheTimeline",
               "length: 2s}",
               "length: 2s, changes: {timeline: {horizon: 2d}}}",
               "timeline: {",
               "cannot change the timeline",
               "changes"),
        Broken("PhaseChangesTheDuration",
               "length: 2s}",
               "length: 2s, changes: {duration: 5s}}",
               "duration: 5s",
               "write length: instead",
               "changes"),
        Broken("PhaseChangesNotAMap",
               "length: 2s}",
               "length: 2s, changes: [f1]}",
               "[f1]",
               "changes must be a map",
               "changes"),
        Broken("PhaseRemovesAMisspeltFlow",
               "length: 2s}",
               "length: 2s, changes: {flows: {f2: ~}}}",
               "f2",
               "phase 'day-2': ",
               "changes"),
        ChangedCase(kValid + "timeline:\n  horizon: 1d\n  phases:\n" + ManyPhases(101),
                    "MorePhasesThanAreKept",
                    {},
                    "- {name: p0,",
                    "at most 100 phases",
                    "phases:"),
        // A flow starting after a phase's end would send nothing in it: refused at the flow,
        // in the phase's name.
        ChangedCase(kTimeline,
                    "FlowStartsAfterAPhaseEnds",
                    {{"arrivals: poisson}", "arrivals: poisson}, start: 1500ms"},
                     {"duration: 1s", "duration: 2s"}},
                    "1500ms",
                    "phase 'first-hour': flow 'f1': start is not before")));

} // namespace
