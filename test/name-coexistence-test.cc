/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * blueprint links into one program with CTTC's 5G-LENA (issue 9, item 7): a researcher
 * validating one NR model against the other needs both. ns-3 keeps three kinds of names in one
 * space per program: C++ symbols, TypeId names (a second registration of a name aborts) and log
 * component names (likewise). blueprint keeps all three apart the way ns-3's own aodv and olsr
 * modules do: its code lives in namespace ns3::blueprint, its TypeIds are named
 * "ns3::blueprint::...", and its log components are prefixed "Blueprint".
 */

#include "ns3/log.h"
#include "ns3/type-id.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace
{

namespace fs = std::filesystem;

/// Every .h and .cc of the library (model/ and helper/).
std::vector<fs::path>
LibrarySources()
{
    const fs::path source = BLUEPRINT_SOURCE_DIR;
    std::vector<fs::path> files;
    for (const char* folder : {"model", "helper"})
    {
        for (const auto& entry : fs::recursive_directory_iterator(source / folder))
        {
            const auto ext = entry.path().extension();
            if (entry.is_regular_file() && (ext == ".h" || ext == ".cc"))
            {
                files.push_back(entry.path());
            }
        }
    }
    return files;
}

std::string
ReadAll(const fs::path& p)
{
    std::ifstream in(p);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Names 5G-LENA registers (its model/ and helper/ sources: nr-gnb-net-device.cc and so on) that
/// blueprint's NR model registered too before item 7.
const std::vector<std::string> kLenaTypeIds = {"ns3::NrGnbNetDevice",
                                               "ns3::NrUeNetDevice",
                                               "ns3::NrNetDevice",
                                               "ns3::NrMacScheduler",
                                               "ns3::NrHelper",
                                               "ns3::NrErrorModel"};
const std::vector<std::string> kLenaLogComponents = {"NrGnbNetDevice",
                                                     "NrUeNetDevice",
                                                     "NrNetDevice",
                                                     "NrMacScheduler",
                                                     "NrHelper",
                                                     "NrErrorModel"};

TEST(NameCoexistence, NoTypeIdOrLogComponentOf5gLenaIsTaken)
{
    ns3::TypeId tid;
    for (const auto& name : kLenaTypeIds)
    {
        EXPECT_FALSE(ns3::TypeId::LookupByNameFailSafe(name, &tid)) << name << " is registered";
    }
    const ns3::LogComponent::ComponentList* components = ns3::LogComponent::GetComponentList();
    for (const auto& name : kLenaLogComponents)
    {
        EXPECT_EQ(components->count(name), 0u) << "log component " << name << " is registered";
    }
    // Ours are where the convention puts them.
    EXPECT_TRUE(ns3::TypeId::LookupByNameFailSafe("ns3::blueprint::NrGnbNetDevice", &tid));
    EXPECT_EQ(components->count("BlueprintNrGnbNetDevice"), 1u);
}

TEST(NameCoexistence, EveryLibraryNameIsInsideBlueprintsOwnSpace)
{
    const std::regex typeId(R"re(TypeId\s*\(\s*"([^"]+)")re");
    const std::regex logComponent(R"re(NS_LOG_COMPONENT_DEFINE\s*\(\s*"([^"]+)")re");
    std::size_t files = 0;
    for (const auto& path : LibrarySources())
    {
        const std::string text = ReadAll(path);
        ++files;
        for (std::sregex_iterator m(text.begin(), text.end(), typeId), end; m != end; ++m)
        {
            EXPECT_EQ((*m)[1].str().rfind("ns3::blueprint::", 0), 0u)
                << path << ": TypeId " << (*m)[1] << " is outside ns3::blueprint::";
        }
        for (std::sregex_iterator m(text.begin(), text.end(), logComponent), end; m != end; ++m)
        {
            EXPECT_EQ((*m)[1].str().rfind("Blueprint", 0), 0u)
                << path << ": log component " << (*m)[1] << " lacks the Blueprint prefix";
        }
        if (text.find("\nnamespace ns3\n") != std::string::npos)
        {
            EXPECT_NE(text.find("\nnamespace blueprint\n"), std::string::npos)
                << path << " declares in namespace ns3 but not in ns3::blueprint";
        }
    }
    EXPECT_GT(files, 300u); // the scan found the library
}

} // namespace
