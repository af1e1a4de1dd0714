/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-document.h"

#include "helper/scenario/scenario-changes.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/spec-reading.h"

namespace ns3
{
namespace blueprint
{

using specreading::WithSuggestion;

ScenarioDocument
ScenarioDocument::Load(const std::string& path)
{
    return FromRoot(ConfigNode::LoadFile(path), path);
}

ScenarioDocument
ScenarioDocument::FromString(const std::string& text, const std::string& fileName)
{
    return FromRoot(ConfigNode::LoadString(text, fileName), fileName);
}

ScenarioDocument
ScenarioDocument::FromRoot(ConfigNode root, const std::string& file)
{
    ScenarioDocument doc;
    doc.m_file = file;
    if (!root.IsMap())
    {
        throw InputError(root.GetMark(),
                         "a scenario must be a map with keys such as name, sites, "
                         "nodes, links and flows");
    }
    if (const ConfigNode* alts = root.Find("alternatives"))
    {
        for (const auto& [name, alt] : alts->GetEntries())
        {
            std::string context = "alternative '" + name + "'";
            alt.CheckKeys({"description", "changes"}, context);
            if (name == "base")
            {
                throw InputError(alts->GetKeyMark(name),
                                 "'base' is the name of the unchanged scenario; give the "
                                 "alternative another name");
            }
            if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos)
            {
                // compare writes each configuration into a folder of that name.
                throw InputError(alts->GetKeyMark(name),
                                 "an alternative's name names its output folder: it must not be "
                                 "empty, contain '/' or start with '.'");
            }
            doc.m_alternatives.emplace_back(name, alt);
        }
        root.Remove("alternatives");
    }
    doc.m_base = std::move(root);
    return doc;
}

std::vector<std::string>
ScenarioDocument::GetAlternativeNames() const
{
    std::vector<std::string> names;
    for (const auto& [name, alt] : m_alternatives)
    {
        names.push_back(name);
    }
    return names;
}

void
ScenarioDocument::SetYear(int year, const SourceMark& mark)
{
    m_year = year;
    m_yearMark = mark;
}

ScenarioSpec
ScenarioDocument::Resolve(const std::string& configuration,
                          const std::vector<std::string>& overrides,
                          std::optional<uint64_t> seed) const
{
    std::string description;
    const ConfigNode* changes = nullptr;
    if (configuration != "base")
    {
        const ConfigNode* alt = nullptr;
        for (const auto& [name, node] : m_alternatives)
        {
            if (name == configuration)
            {
                alt = &node;
            }
        }
        if (!alt)
        {
            throw InputError(SourceMark{m_file, 0, 0},
                             WithSuggestion("no alternative named '" + configuration + "'",
                                            configuration,
                                            GetAlternativeNames()));
        }
        if (const ConfigNode* d = alt->Find("description"))
        {
            description = d->AsString();
        }
        changes = alt->Find("changes");
        if (changes && !changes->IsMap())
        {
            throw InputError(changes->GetMark(),
                             "alternative '" + configuration +
                                 "': changes must be a map of the keys it overrides");
        }
    }
    ScenarioSpec spec;
    std::vector<std::string> hints;
    try
    {
        // The base is read as it is; a copy is made only when something changes it.
        std::optional<ConfigNode> changed;
        if (changes || !overrides.empty() || m_year)
        {
            changed = m_base;
            if (changes)
            {
                hints = ApplyAlternative(*changed, *changes);
            }
            for (const auto& o : overrides)
            {
                ApplyOverride(*changed, o);
            }
            if (m_year)
            {
                if (!changed->Find("demand"))
                {
                    throw InputError(m_yearMark,
                                     m_file + " has no top-level demand:, so the year changes "
                                              "nothing; add one, as in demand: {base_year: "
                                              "2025} (doc/growth.rst)");
                }
                changed->SetPath("demand.year", std::to_string(*m_year), m_yearMark, 0);
            }
        }
        spec = ReadScenario(changed ? *changed : m_base);
    }
    catch (const InputError& e)
    {
        if (configuration == "base")
        {
            throw;
        }
        // The place may be the base's text: say which configuration it is wrong in.
        std::string message = "alternative '" + configuration + "': " + e.GetMessage();
        for (const auto& hint : hints)
        {
            message += " (" + hint + ")";
        }
        throw InputError(e.GetMark(), message);
    }
    spec.configuration = configuration;
    spec.configurationDescription = description;
    spec.sourceFile = m_file;
    if (seed)
    {
        spec.seed = *seed;
    }
    return spec;
}

} // namespace blueprint
} // namespace ns3
