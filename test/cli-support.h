/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the tests that run the blueprint command share: a scratch folder, running the command as a
 * user does, a small valid scenario to mutate, and the fixture of the malformed-scenario cases
 * (defined in cli-test.cc; other files add cases with their own INSTANTIATE_TEST_SUITE_P).
 */

#ifndef BLUEPRINT_TEST_CLI_SUPPORT_H
#define BLUEPRINT_TEST_CLI_SUPPORT_H

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace blueprint_test
{

namespace fs = std::filesystem;

struct CommandResult
{
    int status;
    std::string out;
    std::string err;
};

/// A fresh folder per test, removed afterwards.
class TempDir
{
  public:
    TempDir()
    {
        char pattern[] = "/tmp/blueprint-test-XXXXXX";
        m_path = mkdtemp(pattern);
    }

    ~TempDir()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }

    std::string Write(const std::string& name, const std::string& text) const
    {
        std::string path = m_path + "/" + name;
        std::ofstream(path) << text;
        return path;
    }

    const std::string& Path() const
    {
        return m_path;
    }

  private:
    std::string m_path;
};

inline std::string
ReadFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Run the blueprint binary with `args` (already shell-quoted where needed), after `prefix` (a
/// command such as "timeout 60 " that runs it).
inline CommandResult
Blueprint(const std::string& args, const TempDir& dir, const std::string& prefix = "")
{
    std::string out = dir.Path() + "/stdout.txt";
    std::string err = dir.Path() + "/stderr.txt";
    std::string cmd = prefix + std::string(BLUEPRINT_CLI) + " " + args + " >" + out + " 2>" + err;
    int raw = std::system(cmd.c_str());
    CommandResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
}

/// A small valid scenario: two hosts 100 km apart on fiber, one periodic flow.
inline const std::string kValid = R"(blueprint: 1
name: two-hosts
duration: 1s
seed: 3
sites:
  a: {position: [0km, 0km]}
  b: {position: [100km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 1Gbps}
flows:
  f1: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 100B, arrivals: poisson}}
)";

/// Replace the first occurrence of `from` in kValid.
inline std::string
Mutate(const std::string& from, const std::string& to)
{
    std::string s = kValid;
    auto pos = s.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return s.replace(pos, from.size(), to);
}

struct MalformedCase
{
    std::string name;
    std::string text;
    int line;
    int column;
    std::string message; //!< a part of the message
};

/// Name the case in test output instead of dumping its bytes.
inline void
PrintTo(const MalformedCase& c, std::ostream* os)
{
    *os << c.name;
}

class MalformedScenarioTest : public ::testing::TestWithParam<MalformedCase>
{
};

} // namespace blueprint_test

#endif // BLUEPRINT_TEST_CLI_SUPPORT_H
