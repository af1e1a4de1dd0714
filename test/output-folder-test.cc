/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Where and how `blueprint run` and `compare` write: the output folder appears only when there is
 * something whole to put in it, a write error leaves nothing behind and names its real cause, a
 * folder holding other files is refused unless forced, and a folder blueprint wrote can be
 * written again. The command runs as a child process, as a user runs it.
 */

#include "helper/sweep/child-process.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
namespace fs = std::filesystem;

/// Two hosts on fiber, one periodic flow; an alternative moves the far host.
const std::string kScenario = R"(blueprint: 1
name: two-hosts
duration: 1s
sites:
  a: {position: [0km, 0km]}
  b: {position: [100km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 1Gbps}
flows:
  f1: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
alternatives:
  closer:
    changes:
      sites:
        b: {position: [10km, 0km]}
)";

class OutputFolderTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/blueprint-out-XXXXXX";
        m_dir = mkdtemp(pattern);
        m_scenario = Write("s.yaml", kScenario);
    }

    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    std::string Write(const std::string& name, const std::string& text) const
    {
        fs::create_directories(fs::path(m_dir + "/" + name).parent_path());
        std::ofstream(m_dir + "/" + name) << text;
        return m_dir + "/" + name;
    }

    /// Runs blueprint; `limits` is shell text run first (ulimit), the arguments are never shell.
    CommandOutput Blueprint(std::vector<std::string> args, const std::string& limits = "") const
    {
        args.insert(args.begin(),
                    {"/bin/sh", "-c", limits + "\nexec \"$0\" \"$@\"", BLUEPRINT_CLI});
        return RunCommand(args);
    }

    /// Entries of a folder, sorted, hidden ones included.
    static std::vector<std::string> Entries(const std::string& dir)
    {
        std::vector<std::string> names;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec))
        {
            names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    static int Status(const CommandOutput& r)
    {
        return WIFEXITED(r.waitStatus) ? WEXITSTATUS(r.waitStatus) : -1;
    }

    std::string m_dir;
    std::string m_scenario;
};

TEST_F(OutputFolderTest, FolderHoldingOtherFilesIsRefusedByNameUnlessForced)
{
    const std::string out = m_dir + "/home";
    Write("home/notes.txt", "mine");
    fs::create_directories(out + "/photos");
    CommandOutput r = Blueprint({"run", m_scenario, "--out", out});
    EXPECT_EQ(Status(r), 2);
    EXPECT_EQ(r.err.rfind(out + ": the output folder holds files blueprint did not write "
                                "(notes.txt, photos/); choose another folder, or give --force",
                          0),
              0u)
        << r.err;
    EXPECT_EQ(Entries(out), (std::vector<std::string>{"notes.txt", "photos"}));
    // compare and sweep refuse it too.
    EXPECT_EQ(Status(Blueprint({"compare", m_scenario, "--out", out})), 2);
    Write("sweep.yaml", "scenario: s.yaml\naxes:\n  duration: [1s, 2s]\n");
    CommandOutput sweep = Blueprint({"sweep", m_dir + "/sweep.yaml", "--out", out});
    EXPECT_EQ(Status(sweep), 2);
    EXPECT_NE(sweep.err.find("(notes.txt, photos/)"), std::string::npos) << sweep.err;
    EXPECT_EQ(Entries(out), (std::vector<std::string>{"notes.txt", "photos"}));

    // Forced, blueprint writes its files beside the others and leaves them alone.
    r = Blueprint({"run", m_scenario, "--out", out, "--force"});
    EXPECT_EQ(Status(r), 0) << r.err;
    EXPECT_EQ(Entries(out),
              (std::vector<std::string>{"flows.csv",
                                        "notes.txt",
                                        "photos",
                                        "result.json",
                                        "scenario.resolved.yaml"}));
}

TEST_F(OutputFolderTest, RootIsRefused)
{
    // As root, `--out /` once wrote result.json, flows.csv and scenario.resolved.yaml into /.
    std::vector<std::string> before = Entries("/");
    CommandOutput r = Blueprint({"run", m_scenario, "--out", "/"});
    EXPECT_EQ(Status(r), 2);
    EXPECT_EQ(r.err.rfind("/: the output folder holds files blueprint did not write (", 0), 0u)
        << r.err;
    EXPECT_EQ(Entries("/"), before);
    // Should that ever fail, leave / as it was.
    for (const char* name : {"result.json", "flows.csv", "scenario.resolved.yaml"})
    {
        if (std::find(before.begin(), before.end(), name) == before.end())
        {
            std::error_code ec;
            fs::remove(std::string("/") + name, ec);
        }
    }
}

TEST_F(OutputFolderTest, RerunReplacesItsOwnFolderWhole)
{
    const std::string out = m_dir + "/cmp";
    ASSERT_EQ(Status(Blueprint({"compare", m_scenario, "--out", out})), 0);
    EXPECT_EQ(Entries(out),
              (std::vector<std::string>{"base", "closer", "compare.csv", "compare.json"}));
    // The alternative is renamed: the new folder holds this run's configurations only.
    std::string renamed = kScenario;
    renamed.replace(renamed.find("closer:"), 7, "nearer:");
    std::ofstream(m_scenario) << renamed;
    CommandOutput r = Blueprint({"compare", m_scenario, "--out", out});
    EXPECT_EQ(Status(r), 0) << r.err;
    EXPECT_EQ(Entries(out),
              (std::vector<std::string>{"base", "compare.csv", "compare.json", "nearer"}));
    EXPECT_EQ(Entries(m_dir), (std::vector<std::string>{"cmp", "s.yaml"})) << "no temporaries";
    // A run into one of compare's configuration folders, and into its own folder again.
    EXPECT_EQ(Status(Blueprint({"run", m_scenario, "--out", out + "/base"})), 0);
    EXPECT_EQ(Status(Blueprint({"run", m_scenario, "--out", out + "/base/"})), 0);
    EXPECT_EQ(Entries(out + "/base"),
              (std::vector<std::string>{"flows.csv", "result.json", "scenario.resolved.yaml"}));
}

TEST_F(OutputFolderTest, NothingAppearsBeforeTheResultsAreWhole)
{
    // A run killed half-way (by its CPU-time limit: SIGKILL after SIGXCPU) leaves no folder.
    std::string slow = kScenario;
    slow.replace(slow.find("duration: 1s"), 12, "duration: 600s");
    slow.replace(slow.find("interval: 10ms"), 14, "interval: 1us");
    const std::string file = Write("slow.yaml", slow);
    const std::string out = m_dir + "/new/out";
    CommandOutput r = Blueprint({"run", file, "--out", out}, "ulimit -t 1");
    EXPECT_TRUE(WIFSIGNALED(r.waitStatus)) << r.err;
    EXPECT_FALSE(fs::exists(m_dir + "/new"));

    // A write error (files may not exceed 1 KiB here) is reported with its own reason, and
    // leaves neither the folder nor a temporary file.
    for (const std::string command : {"run", "compare"})
    {
        r = Blueprint({command, m_scenario, "--out", out}, "ulimit -f 2; trap '' XFSZ");
        EXPECT_EQ(Status(r), 2) << command;
        EXPECT_NE(r.err.find(": cannot write: File too large"), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(m_dir + "/new/out")) << command;
        EXPECT_TRUE(Entries(m_dir + "/new").empty()) << command;
    }
}

TEST_F(OutputFolderTest, FolderInTheWayOfAFileIsReportedWithTheRealReason)
{
    // A folder named flows.csv once left result.json behind and reported "No such file or
    // directory" (the clean-up's errno).
    const std::string out = m_dir + "/o";
    fs::create_directories(out + "/flows.csv");
    CommandOutput r = Blueprint({"run", m_scenario, "--out", out});
    EXPECT_EQ(Status(r), 2);
    EXPECT_NE(r.err.find("(flows.csv/)"), std::string::npos) << r.err;
    r = Blueprint({"run", m_scenario, "--out", out, "--force"});
    EXPECT_EQ(Status(r), 2);
    EXPECT_EQ(r.err, out + "/flows.csv: cannot write: Is a directory\n");
    EXPECT_EQ(Entries(out), (std::vector<std::string>{"flows.csv"}));
}

TEST_F(OutputFolderTest, AlternativeNameThatIsNotAFolderNameIsAnInputError)
{
    // compare writes each configuration into a folder of its name: "../x" would write outside.
    std::string text = kScenario;
    text.replace(text.find("closer:"), 7, "\"../escape\":");
    const std::string file = Write("bad.yaml", text);
    CommandOutput r = Blueprint({"compare", file, "--out", m_dir + "/cmp"});
    EXPECT_EQ(Status(r), 2);
    EXPECT_EQ(r.err.rfind(file + ":15:3: an alternative's name names its output folder", 0), 0u)
        << r.err;
    EXPECT_EQ(Entries(m_dir), (std::vector<std::string>{"bad.yaml", "s.yaml"}));
}

} // namespace
