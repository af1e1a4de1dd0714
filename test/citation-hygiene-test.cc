/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The project stands alone: every figure cites its primary source (standard and table, paper,
 * datasheet), never a team notes folder that users of the project do not have, and no file names a
 * path on some developer's machine.
 */

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace
{

namespace fs = std::filesystem;

/// Text that only a developer's machine or the team's private notes can resolve.
const std::vector<std::string> kForbidden = {"shared/reference",
                                             "wired-optical.md",
                                             "nr.md section",
                                             "ntn.md",
                                             "sweeps-requirements.md",
                                             "/work/",
                                             "/home/",
                                             "/root/"};

TEST(CitationHygiene, NoFileCitesPrivateNotesOrAMachinePath)
{
    const fs::path source = BLUEPRINT_SOURCE_DIR;
    const std::vector<std::string> folders = {"model",
                                              "helper",
                                              "cli",
                                              "examples",
                                              "doc",
                                              "scenarios",
                                              "sweeps",
                                              "scripts",
                                              "bench",
                                              "test"};
    const std::vector<std::string> extensions =
        {".cc", ".h", ".rst", ".md", ".yaml", ".sh", ".awk", ".txt", ".py"};
    std::vector<fs::path> files = {source / "README.md",
                                   source / "CMakeLists.txt",
                                   source / "Makefile"};
    for (const auto& folder : folders)
    {
        for (const auto& entry : fs::recursive_directory_iterator(source / folder))
        {
            const fs::path& p = entry.path();
            if (!entry.is_regular_file() || p.filename() == "citation-hygiene-test.cc")
            {
                continue;
            }
            for (const auto& ext : extensions)
            {
                if (p.extension() == ext)
                {
                    files.push_back(p);
                }
            }
        }
    }
    ASSERT_GT(files.size(), 100u);
    for (const auto& file : files)
    {
        std::ifstream in(file);
        std::string line;
        for (int number = 1; std::getline(in, line); ++number)
        {
            for (const auto& text : kForbidden)
            {
                EXPECT_EQ(line.find(text), std::string::npos)
                    << fs::relative(file, source).string() << ":" << number << ": '" << text
                    << "': cite the primary source instead\n  " << line;
            }
        }
    }
}

} // namespace
