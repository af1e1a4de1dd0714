/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The scenario layer (helper/scenario: the reader, the runner and what they use) knows no link
 * technology by name: a technology is a plug-in behind LinkTechnology (doc/architecture.rst), so
 * adding one never means opening the reader or the runner. This test reads their sources and
 * fails on any technology's name in code: a string literal that is one, an identifier with one
 * as a word (NrLinkSpec, l.lte, WIFI_STANDARD), or an include of a technology's own folder.
 * Comments and messages may still speak of technologies (a message explaining the 1 ms minimum
 * names LTE's TTI).
 */

#include "helper/technology/link-technology.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace
{

namespace fs = std::filesystem;

/// A source file split into its code (comments and literals blanked) and its string literals.
struct Lexed
{
    std::string code;                 //!< the code, comments and literals replaced by spaces
    std::vector<std::string> strings; //!< every string literal's text, in order
};

Lexed
Lex(const std::string& text)
{
    Lexed out;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n)
    {
        if (text.compare(i, 2, "//") == 0)
        {
            i = std::min(n, text.find('\n', i));
            continue;
        }
        if (text.compare(i, 2, "/*") == 0)
        {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string::npos ? n : end + 2;
            continue;
        }
        if (text[i] == '"' || text[i] == '\'')
        {
            const char quote = text[i];
            std::string literal;
            std::size_t j = i + 1;
            while (j < n && text[j] != quote)
            {
                if (text[j] == '\\' && j + 1 < n)
                {
                    literal += text.substr(j, 2);
                    j += 2;
                    continue;
                }
                literal += text[j++];
            }
            if (quote == '"')
            {
                out.strings.push_back(literal);
            }
            out.code += ' ';
            i = j + 1;
            continue;
        }
        out.code += text[i++];
    }
    return out;
}

/// The words of an identifier, lower case: NrLinkSpec -> nr link spec, WIFI_STANDARD -> wifi
/// standard, kMaxQueueUnits -> k max queue units.
std::vector<std::string>
Words(const std::string& identifier)
{
    static const std::regex word("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+");
    std::vector<std::string> words;
    for (auto it = std::sregex_iterator(identifier.begin(), identifier.end(), word);
         it != std::sregex_iterator();
         ++it)
    {
        std::string w = it->str();
        std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) {
            return std::tolower(c);
        });
        words.push_back(w);
    }
    return words;
}

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return std::tolower(c);
    });
    return text;
}

/// Every technology name: the registered ones (this binary's test technology among them) and
/// the literals the reader and runner used to branch on.
std::set<std::string>
TechnologyNames()
{
    std::set<std::string> names = {"nr", "lte", "wifi", "wired", "microwave"};
    for (const auto& name : ns3::blueprint::LinkTechnologyRegistry::Names())
    {
        names.insert(Lower(name));
    }
    return names;
}

/// Where a source names a technology, as "file:line: what" (empty when nowhere).
std::vector<std::string>
TechnologyNamesIn(const fs::path& file, const std::set<std::string>& names)
{
    std::ifstream in(file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const Lexed lexed = Lex(text);
    std::vector<std::string> found;
    for (const auto& literal : lexed.strings)
    {
        const std::string lower = Lower(literal);
        if (names.count(lower))
        {
            found.push_back(file.filename().string() + ": the string \"" + literal + "\"");
        }
        // An include or path of a technology's own folder.
        for (const auto& name : names)
        {
            for (const std::string folder :
                 {"helper/technology/" + name + "/", "model/" + name + "/"})
            {
                if (lower.find(folder) != std::string::npos)
                {
                    found.push_back(file.filename().string() + ": the path \"" + literal + "\"");
                }
            }
        }
    }
    static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
    std::set<std::string> seen;
    for (auto it = std::sregex_iterator(lexed.code.begin(), lexed.code.end(), identifier);
         it != std::sregex_iterator();
         ++it)
    {
        const std::string token = it->str();
        if (!seen.insert(token).second)
        {
            continue;
        }
        for (const auto& word : Words(token))
        {
            if (names.count(word))
            {
                found.push_back(file.filename().string() + ": the identifier " + token);
            }
        }
    }
    return found;
}

std::vector<fs::path>
ScenarioLayerSources()
{
    std::vector<fs::path> files;
    for (const auto& entry :
         fs::directory_iterator(fs::path(BLUEPRINT_SOURCE_DIR) / "helper/scenario"))
    {
        const std::string extension = entry.path().extension().string();
        if (extension == ".h" || extension == ".cc")
        {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

TEST(ScenarioLayerTest, ReaderAndRunnerNameNoLinkTechnology)
{
    const std::vector<fs::path> files = ScenarioLayerSources();
    // The reader, the runner and the run they build into are among them.
    for (const char* core : {"scenario-reader.cc", "scenario-runner.cc", "scenario-build.cc"})
    {
        EXPECT_TRUE(std::any_of(files.begin(), files.end(), [core](const fs::path& f) {
            return f.filename() == core;
        })) << core;
    }
    const std::set<std::string> names = TechnologyNames();
    std::vector<std::string> found;
    for (const auto& file : files)
    {
        for (const auto& place : TechnologyNamesIn(file, names))
        {
            found.push_back(place);
        }
    }
    std::string list;
    for (const auto& place : found)
    {
        list += "\n  " + place;
    }
    EXPECT_TRUE(found.empty()) << "helper/scenario names link technologies; move what is "
                                  "technology-specific behind a LinkTechnology hook:"
                               << list;
}

TEST(ScenarioLayerTest, TheNameCheckFindsNamesInStringsIdentifiersAndPaths)
{
    const fs::path file = fs::temp_directory_path() / "blueprint-scenario-layer-probe.cc";
    {
        std::ofstream out(file);
        out << "// nr in a comment is fine\n"
               "#include \"helper/technology/nr/nr-helper.h\"\n"
               "const char* message = \"the LTE TTI\"; // a message is fine\n"
               "if (l.technology == \"wifi\") {}\n"
               "NrLinkSpec spec; int kMaxWiredLinks = 0;\n";
    }
    const std::vector<std::string> found = TechnologyNamesIn(file, TechnologyNames());
    fs::remove(file);
    const std::string all = [&found]() {
        std::string text;
        for (const auto& f : found)
        {
            text += f + "\n";
        }
        return text;
    }();
    EXPECT_EQ(found.size(), 4u) << all;
    EXPECT_NE(all.find("\"wifi\""), std::string::npos) << all;
    EXPECT_NE(all.find("helper/technology/nr/"), std::string::npos) << all;
    EXPECT_NE(all.find("NrLinkSpec"), std::string::npos) << all;
    EXPECT_NE(all.find("kMaxWiredLinks"), std::string::npos) << all;
}

} // namespace
