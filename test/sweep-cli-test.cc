/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * End-to-end tests of `blueprint sweep` and `blueprint aggregate`, run as child processes as a
 * user runs them: planning writes nothing, a finished sweep runs nothing again, a sweep killed by
 * SIGKILL mid-run resumes without repeating or losing a finished run and leaves no partial one, a
 * crashing run is reported with its signal and stderr, and (where a Slurm cluster is up) a sweep
 * runs as a job array, a failed task is reported and resubmitted alone.
 */

#include "helper/sweep/child-process.h"
#include "helper/sweep/slurm-executor.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// Two hosts on fiber with a 1 ms periodic flow: about 15 ms of wall time per simulated second
/// (assumption, measured on the CI machine), so a run's length is set by its duration.
const std::string kScenario = R"(blueprint: 1
name: two-hosts
description: sweep test
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
  f1: {from: h1, to: h2, traffic: {pattern: periodic, interval: 1ms, size: 100B}}
)";

class SweepCliTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/blueprint-sweep-cli-XXXXXX";
        m_dir = mkdtemp(pattern);
        Write("two.yaml", kScenario);
    }

    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    std::string Write(const std::string& name, const std::string& text) const
    {
        std::ofstream(m_dir + "/" + name) << text;
        return m_dir + "/" + name;
    }

    CommandOutput Blueprint(std::vector<std::string> args) const
    {
        args.insert(args.begin(), BLUEPRINT_CLI);
        return RunCommand(args);
    }

    /// Starts blueprint in its own process group, output to files; returns its pid.
    pid_t Start(std::vector<std::string> args) const
    {
        args.insert(args.begin(), BLUEPRINT_CLI);
        pid_t pid = fork();
        if (pid == 0)
        {
            setpgid(0, 0);
            int out = open((m_dir + "/bg.out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            int err = open((m_dir + "/bg.err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(out, STDOUT_FILENO);
            dup2(err, STDERR_FILENO);
            std::vector<char*> argv;
            for (auto& a : args)
            {
                argv.push_back(a.data());
            }
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        setpgid(pid, pid);
        return pid;
    }

    /// Hash of the runs of one value of the first axis, from OUT/plan.json once it exists.
    static std::vector<std::string> HashesOf(const std::string& out, const std::string& value)
    {
        std::vector<std::string> hashes;
        std::ifstream in(out + "/plan.json");
        nlohmann::json plan = nlohmann::json::parse(in);
        for (const auto& r : plan["runs"])
        {
            if (plan["points"][r["point"].get<std::size_t>()]["values"][0] == value)
            {
                hashes.push_back(r["hash"]);
            }
        }
        return hashes;
    }

    /// How long a test waits for a state of the sweep before giving up: generous, because a
    /// sanitizer build (make test-sanitize) runs each simulation ten times slower on a loaded
    /// machine; a wait ends as soon as its state is seen, so this costs time only on failure.
    static constexpr double kPatience = 300;

    /// Waits until `done` holds, polling every 5 ms; false after `seconds`.
    template <typename F>
    static bool WaitFor(F done, double seconds)
    {
        auto start = Clock::now();
        while (!done())
        {
            if (std::chrono::duration<double>(Clock::now() - start).count() > seconds)
            {
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return true;
    }

    /// Folder names in OUT/runs: finished ones and temporaries (".tmp-...").
    static std::pair<std::vector<std::string>, std::vector<std::string>> RunFolders(
        const std::string& out)
    {
        std::vector<std::string> done;
        std::vector<std::string> temporary;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(out + "/runs", ec))
        {
            std::string name = e.path().filename().string();
            (name.rfind(".tmp-", 0) == 0 ? temporary : done).push_back(name);
        }
        return {done, temporary};
    }

    /**
     * Waits for the run with the given hash to be simulating, then kills its simulation process
     * (the child of the `sweep-task` process whose pid ends the temporary folder's name) with a
     * signal, as a crash would.
     */
    bool CrashRun(const std::string& out, const std::string& hash, int signal) const
    {
        return WaitFor(
            [&]() {
                for (const auto& t : RunFolders(out).second)
                {
                    if (t.rfind(".tmp-" + hash + "-", 0) != 0)
                    {
                        continue;
                    }
                    std::string task = t.substr(t.find_last_of('-') + 1);
                    std::ifstream children("/proc/" + task + "/task/" + task + "/children");
                    pid_t child = 0;
                    if (children >> child && child > 0)
                    {
                        return kill(child, signal) == 0;
                    }
                }
                return false;
            },
            kPatience);
    }

    std::string m_dir;
};

TEST_F(SweepCliTest, PlanListsRunsAndWritesNothing)
{
    std::string sweep = Write("s.yaml",
                              "scenario: two.yaml\naxes:\n  duration: [1s, 2s]\n"
                              "  links.l1.length: [1km, 5km, 9km]\nconstraints:\n"
                              "  - duration > 1s or links.l1.length < 5km\nreplications: 2\n");
    CommandOutput r = Blueprint({"sweep", sweep, "--plan", "--out", m_dir + "/out"});
    EXPECT_EQ(WEXITSTATUS(r.waitStatus), 0) << r.err;
    EXPECT_NE(r.out.find("8 runs = 4 points x 2 seeds (2 points excluded by constraints); "
                         "0 done, 0 failed"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("duration  links.l1.length"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(m_dir + "/out"));
}

TEST_F(SweepCliTest, BadSweepFileExitsTwoAndWritesNothing)
{
    std::string sweep =
        Write("bad.yaml", "scenario: two.yaml\naxes:\n  links.l1.rate: [1Gbps, 1 parsec]\n");
    for (const std::string mode : {"--plan", "--jobs"})
    {
        std::vector<std::string> args{"sweep", sweep, "--out", m_dir + "/out", mode};
        if (mode == "--jobs")
        {
            args.push_back("1");
        }
        CommandOutput r = Blueprint(args);
        EXPECT_EQ(WEXITSTATUS(r.waitStatus), 2);
        EXPECT_EQ(r.err.rfind(sweep + ":3:26: axis 'links.l1.rate' value 1 parsec: ", 0), 0u)
            << r.err;
        EXPECT_FALSE(fs::exists(m_dir + "/out"));
    }
    CommandOutput r = Blueprint({"sweep", sweep, "--wait"});
    EXPECT_EQ(WEXITSTATUS(r.waitStatus), 2);
    EXPECT_NE(r.err.find("--wait go with --slurm"), std::string::npos) << r.err;
}

TEST_F(SweepCliTest, KilledSweepResumesWithoutRepeatingOrLosingRuns)
{
    // Six runs of about 0.2 s on two jobs.
    std::string sweep =
        Write("s.yaml",
              "scenario: two.yaml\naxes:\n  duration: [12s, 13s, 14s]\nreplications: 2\n");
    const std::string out = m_dir + "/out";
    pid_t pid = Start({"sweep", sweep, "--out", out, "--jobs", "2"});
    bool midRun = WaitFor(
        [&]() {
            auto [done, temporary] = RunFolders(out);
            return !done.empty() && !temporary.empty();
        },
        kPatience);
    kill(-pid, SIGKILL); // the sweep and every run process, mid-run
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(midRun) << "the sweep never had a finished and a running run at once";
    ASSERT_TRUE(WIFSIGNALED(status));

    // Whatever was published is whole; record it to check that nothing runs twice.
    auto [finished, partial] = RunFolders(out);
    ASSERT_FALSE(finished.empty());
    ASSERT_LT(finished.size(), 6u);
    std::map<std::string, std::string> before;
    for (const auto& h : finished)
    {
        for (const char* f : {"result.json", "flows.csv", "scenario.resolved.yaml", "point.json"})
        {
            EXPECT_TRUE(fs::is_regular_file(out + "/runs/" + h + "/" + f)) << h << "/" << f;
        }
        std::ifstream in(out + "/runs/" + h + "/result.json");
        std::stringstream s;
        s << in.rdbuf();
        before[h] = s.str(); // includes runtime.wall_s: a rerun would change it
    }

    CommandOutput r = Blueprint({"sweep", sweep, "--out", out, "--jobs", "2"});
    EXPECT_EQ(WEXITSTATUS(r.waitStatus), 0) << r.err;
    EXPECT_NE(r.out.find("6 runs, " + std::to_string(finished.size()) + " already done, " +
                         std::to_string(6 - finished.size()) + " to run"),
              std::string::npos)
        << r.out;
    auto [after, leftovers] = RunFolders(out);
    EXPECT_EQ(after.size(), 6u);
    EXPECT_TRUE(leftovers.empty()) << "stale temporary folders are removed";
    for (const auto& [h, text] : before)
    {
        std::ifstream in(out + "/runs/" + h + "/result.json");
        std::stringstream s;
        s << in.rdbuf();
        EXPECT_EQ(s.str(), text) << "run " << h << " ran again";
    }
    // A third time runs nothing.
    r = Blueprint({"sweep", sweep, "--out", out});
    EXPECT_NE(r.out.find("6 runs, 6 already done, 0 to run"), std::string::npos) << r.out;
}

TEST_F(SweepCliTest, CrashedRunIsListedWithItsSignalAndTheOthersFinish)
{
    std::string sweep =
        Write("s.yaml", "scenario: two.yaml\nname: crash\naxes:\n  duration: [1s, 60s, 2s]\n");
    const std::string out = m_dir + "/out";
    pid_t pid = Start({"sweep", sweep, "--out", out, "--jobs", "2"});
    ASSERT_TRUE(WaitFor([&]() { return fs::exists(out + "/plan.json"); }, kPatience));
    std::string slow = HashesOf(out, "60s").at(0);
    EXPECT_TRUE(CrashRun(out, slow, SIGSEGV));
    int status = 0;
    waitpid(pid, &status, 0);
    std::ifstream errIn(m_dir + "/bg.err");
    std::stringstream err;
    err << errIn.rdbuf();
    EXPECT_EQ(WEXITSTATUS(status), 1) << "a failed run fails the sweep";
    EXPECT_NE(err.str().find("1 run failed:"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("duration=60s, seed 1) " + slow.substr(0, 12)), std::string::npos)
        << err.str();
    EXPECT_NE(err.str().find("killed by signal 11"), std::string::npos) << err.str();
    EXPECT_TRUE(fs::exists(out + "/failed/" + slow + "/failure.txt"));
    EXPECT_FALSE(fs::exists(out + "/runs/" + slow));
    EXPECT_EQ(RunFolders(out).first.size(), 2u) << "the other runs finished";
    // The aggregate covers what finished; the crashed point has no result.
    CommandOutput a = Blueprint({"aggregate", out});
    std::ifstream csv(out + "/summary.csv");
    std::string header;
    std::string row;
    std::getline(csv, header);
    std::getline(csv, row);
    EXPECT_EQ(row.rfind("base,1s,1,1,", 0), 0u) << row;
    std::getline(csv, row);
    EXPECT_EQ(row.rfind("base,60s,1,0,,", 0), 0u) << row;
}

TEST_F(SweepCliTest, DamagedResultsAreSetAsideSaidAndRunAgain)
{
    std::string sweep = Write("s.yaml", "scenario: two.yaml\naxes:\n  duration: [1s, 2s, 3s]\n");
    const std::string out = m_dir + "/out";
    ASSERT_EQ(WEXITSTATUS(Blueprint({"sweep", sweep, "--out", out}).waitStatus), 0);
    const std::string truncated = HashesOf(out, "1s").at(0);
    const std::string emptied = HashesOf(out, "2s").at(0);
    const std::string swapped = HashesOf(out, "3s").at(0);
    // A result.json cut short, one deleted, and one replaced by another run's.
    const std::string json = out + "/runs/" + truncated + "/result.json";
    fs::resize_file(json, fs::file_size(json) / 2);
    fs::remove(out + "/runs/" + emptied + "/result.json");
    fs::copy_file(out + "/runs/" + truncated + "/point.json",
                  out + "/runs/" + swapped + "/point.json",
                  fs::copy_options::overwrite_existing);

    // aggregate leaves them out and says why, instead of refusing the sweep.
    CommandOutput a = Blueprint({"aggregate", out});
    EXPECT_NE(a.out.find("3 damaged results left out"), std::string::npos) << a.out << a.err;
    EXPECT_NE(a.out.find(truncated.substr(0, 12) + ": result.json is not JSON"), std::string::npos)
        << a.out;
    EXPECT_NE(a.out.find(emptied.substr(0, 12) + ": result.json is missing"), std::string::npos)
        << a.out;
    EXPECT_NE(a.out.find(swapped.substr(0, 12) + ": its scenario.resolved.yaml and point.json "
                                                 "are not those of run"),
              std::string::npos)
        << a.out;
    CommandOutput plan = Blueprint({"sweep", sweep, "--out", out, "--plan"});
    EXPECT_NE(plan.out.find("0 done, 0 failed, 3 damaged"), std::string::npos) << plan.out;

    // The next sweep sets them aside, says so, and runs them again.
    CommandOutput r = Blueprint({"sweep", sweep, "--out", out});
    EXPECT_EQ(WEXITSTATUS(r.waitStatus), 0) << r.out << r.err;
    EXPECT_NE(r.out.find("3 runs, 0 already done, 3 to run"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(truncated.substr(0, 12) + ": its result is damaged (result.json is not "
                                                   "JSON"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("ran 3: 3 done, 0 failed"), std::string::npos) << r.out;
    a = Blueprint({"aggregate", out});
    EXPECT_NE(a.out.find("(3 points, 3 results,"), std::string::npos) << a.out << a.err;
    EXPECT_EQ(a.out.find("damaged"), std::string::npos) << a.out;
}

/// A stand-in for Slurm's commands that records sbatch's arguments, one per line.
class FakeSlurm
{
  public:
    explicit FakeSlurm(const std::string& dir)
        : m_bin(dir + "/fake-slurm"),
          m_path(std::getenv("PATH") ? std::getenv("PATH") : "")
    {
        fs::create_directories(m_bin);
        Script("sinfo", "echo idle");
        Script("squeue", "exit 0");
        Script("scontrol", "echo 'MaxArraySize = 1001'");
        Script("sbatch",
               "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + SbatchArgs() + "\necho 4242");
        setenv("PATH", (m_bin + ":" + m_path).c_str(), 1);
    }

    ~FakeSlurm()
    {
        setenv("PATH", m_path.c_str(), 1);
    }

    /// \return the file sbatch's arguments go to
    std::string SbatchArgs() const
    {
        return m_bin + "/sbatch.args";
    }

  private:
    void Script(const std::string& name, const std::string& body) const
    {
        std::ofstream(m_bin + "/" + name) << "#!/bin/sh\n" << body << "\n";
        fs::permissions(m_bin + "/" + name, fs::perms::owner_all);
    }

    std::string m_bin;  //!< where the scripts are
    std::string m_path; //!< PATH before
};

TEST_F(SweepCliTest, PercentInTheSweepFolderReachesSbatchEscaped)
{
    // Slurm expands %j, %A, %a... in --output (sbatch(1), "filename pattern"); a sweep named
    // "50%load" must still log into its own folder, so every % reaches sbatch as %%.
    FakeSlurm slurm(m_dir);
    std::string sweep =
        Write("s.yaml", "scenario: two.yaml\nname: 50%load\naxes:\n  duration: [1s, 2s]\n");
    const std::string out = m_dir + "/50%load";
    CommandOutput r = Blueprint({"sweep", sweep, "--out", out, "--slurm"});
    ASSERT_EQ(WEXITSTATUS(r.waitStatus), 0) << r.out << r.err;
    EXPECT_NE(r.out.find("submitted job array 4242"), std::string::npos) << r.out;
    std::ifstream in(slurm.SbatchArgs());
    std::string line;
    std::vector<std::string> outputs;
    while (std::getline(in, line))
    {
        if (line.rfind("--output=", 0) == 0)
        {
            outputs.push_back(line);
        }
    }
    EXPECT_EQ(outputs,
              std::vector<std::string>{"--output=" + m_dir + "/50%%load/slurm/logs/%A_%a.out"});
}

TEST_F(SweepCliTest, SlurmJobArrayRunsCollectsAndResubmitsAFailedTask)
{
    std::string why;
    if (!SlurmExecutor::Available(&why))
    {
        GTEST_SKIP() << "no Slurm cluster here (" << why
                     << "); .ci/run starts one with scripts/start-slurm.sh";
    }
    // Values with shell syntax: they must reach the scenario as text and never a shell.
    std::string sweep = Write("s.yaml",
                              "scenario: two.yaml\nname: slurm-test\naxes:\n  duration: [1s, 40s]\n"
                              "  description: [\"it's $(touch " +
                                  m_dir + "/pwned)\", \"`touch " + m_dir +
                                  "/pwned`; exit 1\"]\nzip:\n  - [duration, description]\n");
    const std::string out = m_dir + "/out";
    CommandOutput submit = Blueprint({"sweep", sweep, "--out", out, "--slurm"});
    ASSERT_EQ(WEXITSTATUS(submit.waitStatus), 0) << submit.err;
    EXPECT_NE(submit.out.find("submitting 2"), std::string::npos) << submit.out;
    std::string slow = HashesOf(out, "40s").at(0);
    EXPECT_TRUE(CrashRun(out, slow, SIGSEGV));
    CommandOutput collect;
    EXPECT_TRUE(WaitFor(
        [&]() {
            collect = Blueprint({"sweep", sweep, "--out", out, "--collect"});
            return collect.out.find(" 0 queued") != std::string::npos;
        },
        120));
    EXPECT_EQ(WEXITSTATUS(collect.waitStatus), 1);
    EXPECT_NE(collect.out.find("2 runs: 1 done, 1 failed, 0 queued or running, 0 never "
                               "submitted"),
              std::string::npos)
        << collect.out;
    EXPECT_NE(collect.err.find("killed by signal 11"), std::string::npos) << collect.err;
    EXPECT_NE(collect.err.find("--slurm --resubmit-failed"), std::string::npos) << collect.err;

    CommandOutput again =
        Blueprint({"sweep", sweep, "--out", out, "--slurm", "--resubmit-failed", "--wait"});
    EXPECT_EQ(WEXITSTATUS(again.waitStatus), 0) << again.out << again.err;
    EXPECT_NE(again.out.find("1 done, 0 queued or running, submitting 1"), std::string::npos)
        << again.out;
    EXPECT_NE(again.out.find("2 runs: 2 done, 0 failed"), std::string::npos) << again.out;
    EXPECT_FALSE(fs::exists(m_dir + "/pwned"));
    std::ifstream resolved(out + "/runs/" + slow + "/scenario.resolved.yaml");
    std::stringstream text;
    text << resolved.rdbuf();
    EXPECT_NE(text.str().find("`touch " + m_dir + "/pwned`; exit 1"), std::string::npos)
        << text.str();
}

} // namespace
