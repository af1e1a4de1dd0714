/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the tests of a technology from YAML share: a malformed case made by changing a valid
 * scenario, marked where a piece of the changed text is; running a scenario text in the process;
 * finding a flow's result by name; and comparing two results of one flow.
 */

#ifndef BLUEPRINT_TEST_SCENARIO_RUN_SUPPORT_H
#define BLUEPRINT_TEST_SCENARIO_RUN_SUPPORT_H

#include "cli-support.h"
#include "helper/results/run-result.h"
#include "helper/scenario/scenario-document.h"
#include "helper/scenario/scenario-runner.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace blueprint_test
{

/**
 * A malformed case: `valid` with each (from, to) replaced (its first occurrence), refused at the
 * first place `marker` appears in the changed text at or after `after` (when given), with a
 * message containing `message`.
 */
inline MalformedCase
ChangedCase(const std::string& valid,
            const std::string& name,
            const std::vector<std::pair<std::string, std::string>>& replacements,
            const std::string& marker,
            const std::string& message,
            const std::string& after = "")
{
    std::string text = valid;
    for (const auto& [from, to] : replacements)
    {
        const std::size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << name << ": " << from;
        text.replace(at, from.size(), to);
    }
    const std::size_t start = after.empty() ? 0 : text.find(after);
    const std::size_t pos = text.find(marker, start);
    EXPECT_NE(pos, std::string::npos) << name << ": " << marker;
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
    const std::size_t lineStart = text.rfind('\n', pos);
    const int column = static_cast<int>(lineStart == std::string::npos ? pos + 1 : pos - lineStart);
    return MalformedCase{name, text, line, column, message};
}

/// Read a scenario text's base configuration.
inline ns3::blueprint::ScenarioSpec
ReadYaml(const std::string& text, const std::string& file = "scenario.yaml")
{
    return ns3::blueprint::ScenarioDocument::FromString(text, file).Resolve("base");
}

/// Run a scenario text's base configuration.
inline ns3::blueprint::RunResult
RunYaml(const std::string& text, const std::string& file = "scenario.yaml")
{
    return ns3::blueprint::ScenarioRunner(ReadYaml(text, file)).Run();
}

/// A flow's result by name; \throws std::logic_error if there is none.
inline const ns3::blueprint::FlowResult&
FlowOf(const ns3::blueprint::RunResult& r, const std::string& name)
{
    for (const ns3::blueprint::FlowResult& f : r.flows)
    {
        if (f.name == name)
        {
            return f;
        }
    }
    throw std::logic_error("no flow " + name);
}

/// Expect two results of one flow to agree in every figure a random draw could move.
inline void
ExpectSameFlow(const ns3::blueprint::FlowResult& a, const ns3::blueprint::FlowResult& b)
{
    SCOPED_TRACE(a.name);
    EXPECT_EQ(a.txPackets, b.txPackets);
    EXPECT_EQ(a.rxPackets, b.rxPackets);
    EXPECT_EQ(a.txBytes, b.txBytes);
    EXPECT_EQ(a.rxBytes, b.rxBytes);
    EXPECT_EQ(a.throughputBps, b.throughputBps);
    EXPECT_EQ(a.latency.mean, b.latency.mean);
    EXPECT_EQ(a.latency.p99, b.latency.p99);
    EXPECT_EQ(a.latency.max, b.latency.max);
    EXPECT_EQ(a.jitterMs, b.jitterMs);
    EXPECT_EQ(a.rtt.has_value(), b.rtt.has_value());
    if (a.rtt && b.rtt)
    {
        EXPECT_EQ(a.rtt->mean, b.rtt->mean);
        EXPECT_EQ(a.rtt->p99, b.rtt->p99);
    }
}

} // namespace blueprint_test

#endif // BLUEPRINT_TEST_SCENARIO_RUN_SUPPORT_H
