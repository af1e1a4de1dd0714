/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * `make test` says why a test was skipped (the Slurm test, where no cluster runs): ctest prints
 * only "Skipped" for it, even with --output-on-failure, so the Makefile runs
 * scripts/skip-reasons.awk over ctest's log afterwards.
 */

#include "helper/sweep/child-process.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <unistd.h>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// Two tests as ctest 3.25 logs them in Testing/Temporary/LastTest.log: one passed, one skipped
/// with a two-line reason (GoogleTest's "FILE:LINE: Skipped", the message, "[  SKIPPED ]").
const std::string kLog = R"(Start testing: Dec 04 20:49 UTC
----------------------------------------------------------
1/2 Testing: A.Passes
1/2 Test: A.Passes
Output:
----------------------------------------------------------
[ RUN      ] A.Passes
[       OK ] A.Passes (0 ms)
<end of output>
Test Passed.
2/2 Testing: SweepCliTest.SlurmJobArrayRuns
2/2 Test: SweepCliTest.SlurmJobArrayRuns
Output:
----------------------------------------------------------
[ RUN      ] SweepCliTest.SlurmJobArrayRuns
../test/sweep-cli-test.cc:319: Skipped
no Slurm cluster here (sbatch is not installed);
.ci/run starts one with scripts/start-slurm.sh
[  SKIPPED ] SweepCliTest.SlurmJobArrayRuns (0 ms)
[  SKIPPED ] 1 test, listed below:
[  SKIPPED ] SweepCliTest.SlurmJobArrayRuns
<end of output>
Test Pass Reason:
Skip regular expression found in output. Regex=[\[  SKIPPED \]]
End testing: Dec 04 20:49 UTC
)";

std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(SkipReasonTest, MakeTestPrintsWhyEachSkippedTestWasSkipped)
{
    const std::string source = BLUEPRINT_SOURCE_DIR;
    char pattern[] = "/tmp/blueprint-skip-XXXXXX";
    const int fd = mkstemp(pattern);
    ASSERT_GE(fd, 0);
    close(fd);
    std::ofstream(pattern) << kLog;
    CommandOutput r = RunCommand({"awk", "-f", source + "/scripts/skip-reasons.awk", pattern});
    std::remove(pattern);
    ASSERT_TRUE(r.Succeeded()) << r.err;
    EXPECT_EQ(r.out,
              "skipped SweepCliTest.SlurmJobArrayRuns: no Slurm cluster here (sbatch is not "
              "installed); .ci/run starts one with scripts/start-slurm.sh\n");
    // The test target runs it over ctest's log after ctest, and keeps ctest's exit status.
    const std::string makefile = ReadFile(source + "/Makefile");
    const std::string recipe = makefile.substr(makefile.find("\ntest:"));
    EXPECT_NE(recipe.find("ctest --output-on-failure"), std::string::npos) << recipe;
    EXPECT_NE(recipe.find("awk -f $(CURDIR)/scripts/skip-reasons.awk "
                          "Testing/Temporary/LastTest.log; exit $$status"),
              std::string::npos)
        << recipe;
}

} // namespace
