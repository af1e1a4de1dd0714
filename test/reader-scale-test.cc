/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Reading a scenario costs time in proportion to its size (issue 8, B.15): the duplicate-key
 * check, name lookups, did-you-mean lists and connectivity checks each touch an element a bounded
 * number of times.
 */

#include "helper/scenario/scenario-reader.h"

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <string>

namespace ns3
{
namespace blueprint
{

namespace
{

/// A chain of n sites, each with a node linked to the previous one, and a flow per node.
std::string
Chain(int n)
{
    std::string text = "blueprint: 1\nname: chain\nduration: 1s\nsites:\n";
    for (int i = 0; i < n; ++i)
    {
        text += "  s" + std::to_string(i) + ": {position: [" + std::to_string(i) + "m, 0m]}\n";
    }
    text += "nodes:\n";
    for (int i = 0; i < n; ++i)
    {
        text += "  n" + std::to_string(i) + ": {site: s" + std::to_string(i) + "}\n";
    }
    text += "links:\n";
    for (int i = 1; i < n; ++i)
    {
        text += "  l" + std::to_string(i) + ": {between: [n" + std::to_string(i - 1) + ", n" +
                std::to_string(i) + "], profile: fiber, rate: 1Gbps}\n";
    }
    text += "flows:\n";
    for (int i = 1; i < n; ++i)
    {
        text += "  f" + std::to_string(i) + ": {from: n0, to: n" + std::to_string(i) +
                ", traffic: {pattern: periodic, interval: 1s, size: 100B}}\n";
    }
    return text;
}

/// The fastest of three reads of text, in seconds.
double
ReadSeconds(const std::string& text)
{
    double best = 1e9;
    for (int run = 0; run < 3; ++run)
    {
        const auto start = std::chrono::steady_clock::now();
        const ScenarioSpec spec = ScenarioDocument::FromString(text, "chain.yaml").Resolve("base");
        best = std::min(
            best,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        EXPECT_EQ(spec.flows.size() + 1, spec.nodes.size());
    }
    return best;
}

TEST(ReaderScaleTest, ReadingTimeGrowsLinearlyWithTheScenario)
{
    // Four times the elements: four times the time when linear, sixteen when quadratic (the
    // duplicate-key check alone made 100,000 keys take 24 s). A chain is the worst case for the
    // connectivity check, whose recursion overflowed the stack at 100,000 links.
    const double small = ReadSeconds(Chain(2500));
    const double large = ReadSeconds(Chain(10000));
    EXPECT_LT(large / small, 8.0) << small << " s, then " << large << " s";
}

} // namespace
} // namespace blueprint
} // namespace ns3
