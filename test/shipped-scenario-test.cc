/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The shipped scenarios give what they are recorded to give. Every configuration of every file in
 * scenarios/ is run with `blueprint compare`, as a user runs it, and compared with
 * test/reference/results/<scenario>/<configuration>.json (all of result.json but the wall time and
 * the scenario's path), and the table `compare` prints with doc/generated/<scenario>.txt, which
 * README.md and doc/scenarios.rst quote. A change meant to move results regenerates both with
 * scripts/update-reference-results.sh, so `git diff` shows every figure that moved; any other
 * change (a refactoring, a new technology) must leave them as they are.
 */

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace
{

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = BLUEPRINT_SOURCE_DIR;

std::string
ReadFile(const fs::path& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Every place where two JSON documents differ, as "path: expected -> actual", at most `limit`.
void
Differences(const json& expected,
            const json& actual,
            const std::string& path,
            std::vector<std::string>& out,
            std::size_t limit)
{
    if (out.size() >= limit)
    {
        return;
    }
    if (expected.type() != actual.type() || (!expected.is_object() && !expected.is_array()))
    {
        if (expected != actual)
        {
            out.push_back(path + ": " + expected.dump() + " -> " + actual.dump());
        }
        return;
    }
    if (expected.is_array())
    {
        if (expected.size() != actual.size())
        {
            out.push_back(path + ": " + std::to_string(expected.size()) + " elements -> " +
                          std::to_string(actual.size()));
            return;
        }
        for (std::size_t i = 0; i < expected.size(); ++i)
        {
            Differences(expected[i], actual[i], path + "[" + std::to_string(i) + "]", out, limit);
        }
        return;
    }
    for (const auto& [key, value] : expected.items())
    {
        if (!actual.contains(key))
        {
            out.push_back(path + "." + key + ": missing");
            continue;
        }
        Differences(value, actual[key], path + "." + key, out, limit);
    }
    for (const auto& [key, value] : actual.items())
    {
        if (!expected.contains(key))
        {
            out.push_back(path + "." + key + ": new");
        }
    }
}

class ShippedScenarioTest : public testing::TestWithParam<std::string>
{
  protected:
    void SetUp() override
    {
        char pattern[] = "/tmp/blueprint-shipped-XXXXXX";
        m_dir = mkdtemp(pattern);
    }

    void TearDown() override
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    fs::path m_dir;
};

TEST_P(ShippedScenarioTest, GivesItsRecordedResultsAndTable)
{
    const std::string name = GetParam();
    const fs::path reference = kSource / "test/reference/results" / name;
    ASSERT_TRUE(fs::is_directory(reference))
        << "no recorded results for scenarios/" << name
        << ".yaml: run scripts/update-reference-results.sh BUILD " << name;

    // Run from the source folder with the path a user types, as the script records it.
    const fs::path out = m_dir / "out";
    const std::string command = "cd '" + kSource.string() + "' && '" + BLUEPRINT_CLI +
                                "' compare scenarios/" + name + ".yaml --out '" + out.string() +
                                "' > '" + (m_dir / "stdout.txt").string() + "' 2> '" +
                                (m_dir / "stderr.txt").string() + "'";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command << "\n"
                                                               << ReadFile(m_dir / "stderr.txt");

    std::set<std::string> recorded;
    for (const auto& entry : fs::directory_iterator(reference))
    {
        recorded.insert(entry.path().stem().string());
    }
    std::set<std::string> ran;
    for (const auto& entry : fs::directory_iterator(out))
    {
        if (entry.is_directory())
        {
            ran.insert(entry.path().filename().string());
        }
    }
    EXPECT_EQ(ran, recorded) << "the scenario's configurations differ from the recorded ones";

    for (const std::string& configuration : ran)
    {
        if (!recorded.count(configuration))
        {
            continue;
        }
        json actual = json::parse(ReadFile(out / configuration / "result.json"));
        actual["runtime"].erase("wall_s");
        actual.erase("source_file");
        const json expected = json::parse(ReadFile(reference / (configuration + ".json")));
        std::vector<std::string> differences;
        Differences(expected, actual, configuration, differences, 20);
        EXPECT_TRUE(differences.empty())
            << name << ": " << differences.size() << (differences.size() >= 20 ? "+" : "")
            << " figures differ from test/reference/results/" << name << "/" << configuration
            << ".json (if the change is meant to move them, run "
               "scripts/update-reference-results.sh and commit the new files):\n  "
            << [&]() {
                   std::string text;
                   for (const auto& d : differences)
                   {
                       text += d + "\n  ";
                   }
                   return text;
               }();
    }

    // The table the documentation quotes.
    std::string printed;
    std::istringstream lines(ReadFile(m_dir / "stdout.txt"));
    for (std::string line; std::getline(lines, line);)
    {
        if (line.rfind("results: ", 0) != 0)
        {
            printed += line + "\n";
        }
    }
    EXPECT_EQ(printed, ReadFile(kSource / "doc/generated" / (name + ".txt")))
        << "doc/generated/" << name << ".txt is not what `compare` prints";
}

std::vector<std::string>
ShippedScenarios()
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(kSource / "scenarios"))
    {
        if (entry.path().extension() == ".yaml")
        {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Scenarios,
                         ShippedScenarioTest,
                         testing::ValuesIn(ShippedScenarios()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             for (char& c : name)
                             {
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });

/// Every line of a table README.md quotes from a shipped scenario is a line of that scenario's
/// generated table: the README cannot show figures the program no longer gives.
TEST(ShippedScenarioDocs, ReadmeQuotesTheGeneratedTable)
{
    const std::string readme = ReadFile(kSource / "README.md");
    const std::string table = ReadFile(kSource / "doc/generated/regional-public-services.txt");
    const std::string start = "```\n";
    std::size_t at = readme.find("prints a table like this");
    ASSERT_NE(at, std::string::npos);
    at = readme.find(start, at);
    ASSERT_NE(at, std::string::npos);
    const std::size_t end = readme.find("```", at + start.size());
    ASSERT_NE(end, std::string::npos);
    std::istringstream block(readme.substr(at + start.size(), end - at - start.size()));
    int quoted = 0;
    for (std::string line; std::getline(block, line);)
    {
        if (line == "..." || line.empty())
        {
            continue;
        }
        ++quoted;
        EXPECT_NE(table.find(line + "\n"), std::string::npos)
            << "README.md quotes a line that `blueprint compare "
               "scenarios/regional-public-services.yaml` does not print:\n"
            << line;
    }
    EXPECT_GE(quoted, 5);
}

} // namespace
