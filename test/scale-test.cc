/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Scale (issue 8, item B.14): what grows with the number of flow endpoints must grow linearly,
 * and what ns-3 cannot hold is said up front. Timings live in bench/ (doc/benchmarks.rst); these
 * tests check structure, not time.
 */

#include "helper/scenario/input-error.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"

#include <algorithm>
#include <cstdio>
#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// The benchmark's cell (bench/nr-downlink-scenario.sh): one NR cell whose `ues` handsets
/// each receive a 100 B packet a second from a server behind a core, for 3 s.
std::string
DownlinkCell(uint32_t ues)
{
    const std::string command = std::string("bash ") + BLUEPRINT_SOURCE_DIR +
                                "/bench/nr-downlink-scenario.sh " + std::to_string(ues);
    FILE* pipe = popen(command.c_str(), "r");
    std::string yaml;
    char buffer[4096];
    for (size_t n; pipe && (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;)
    {
        yaml.append(buffer, n);
    }
    EXPECT_TRUE(pipe && pclose(pipe) == 0) << command;
    return yaml;
}

RunResult
RunYaml(const std::string& yaml)
{
    return ScenarioRunner(ScenarioDocument::FromString(yaml, "cell.yaml").Resolve("base")).Run();
}

} // namespace

/// The B.14 benchmark's cell at 300 UEs: every UE is a destination, reached through the gNB's
/// one tree, and every packet arrives (the routing's structure is checked in
/// StaticRoutePlannerTest.StubsGetOneDefaultRouteAndACellItsOneTree).
TEST(Scale, EveryUeOfAManyUeCellReceivesItsDownlink)
{
    const RunResult r = RunYaml(DownlinkCell(300));
    ASSERT_EQ(r.flows.size(), 1u);
    EXPECT_EQ(r.flows[0].members, 300u);
    EXPECT_EQ(r.flows[0].txPackets, 900u);
    EXPECT_EQ(r.flows[0].rxPackets, 900u);
}

/// A request-response client has a socket of its own, and ns-3 gives a node 16,384 ephemeral
/// ports: a server asking 16,385 UEs would abort the run (SIGABRT) at the 16,385th bind, after
/// building everything. It is an input error at the flow's line, before anything is built.
TEST(Scale, MoreSendingSocketsThanEphemeralPortsIsAnInputError)
{
    std::string yaml = DownlinkCell(16385);
    yaml.replace(yaml.find("pattern: periodic"), 17, "pattern: request_response");
    const auto flowLine =
        1 + std::count(yaml.begin(), yaml.begin() + yaml.find("  downlink:"), '\n');
    try
    {
        RunYaml(yaml);
        FAIL() << "16,385 request-response clients on one node ran";
    }
    catch (const InputError& e)
    {
        EXPECT_EQ(e.GetMark().line, flowLine);
        EXPECT_NE(e.GetMessage().find("would open 16385 sending sockets"), std::string::npos)
            << e.GetMessage();
    }
}
