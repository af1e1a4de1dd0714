/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The disaster standard model's family (issue 12; doc/scenarios.rst): every shipped scenario with
 * a fault timeline runs at its default settings (`blueprint run FILE`) in under 60 s of wall
 * time, as a planner's first run of it should, and its result keeps the phases apart.
 */

#include "cli-support.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace
{

using namespace blueprint_test;
namespace fs = std::filesystem;

const fs::path kSource = BLUEPRINT_SOURCE_DIR;

/// The shipped scenarios with a fault timeline (`events:` at the top level).
std::vector<fs::path>
DisasterScenarios()
{
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(kSource / "scenarios"))
    {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        if (std::regex_search(text.str(), std::regex("(^|\n)events:")))
        {
            found.push_back(entry.path());
        }
    }
    return found;
}

TEST(DisasterScenarioTest, EveryShippedDisasterScenarioRunsUnderAMinuteAtItsDefaults)
{
    const std::vector<fs::path> scenarios = DisasterScenarios();
    ASSERT_FALSE(scenarios.empty()) << "the disaster family is shipped in scenarios/";
    for (const auto& scenario : scenarios)
    {
        TempDir dir;
        const auto start = std::chrono::steady_clock::now();
        const CommandResult r =
            Blueprint("run " + scenario.string() + " --out " + dir.Path() + "/out", dir);
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ASSERT_EQ(r.status, 0) << scenario << "\n" << r.err;
        EXPECT_LT(wall, 60.0) << scenario;
        // The result keeps each phase's window apart and integrates the whole timeline.
        const std::string json = ReadFile(dir.Path() + "/out/result.json");
        EXPECT_NE(json.find("\"phases\""), std::string::npos) << scenario;
        EXPECT_NE(json.find("\"timeline\""), std::string::npos) << scenario;
        EXPECT_NE(json.find("\"outage_s\""), std::string::npos) << scenario;
    }
}

} // namespace
