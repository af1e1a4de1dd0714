/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-changes.h"

#include "helper/technology/link-technology.h"

#include "ns3/log.h"

#include <utility>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintScenarioChanges");

namespace
{

/// The sections whose keys name elements, and what one element is called in messages.
const std::vector<std::pair<std::string, std::string>> kNamedSections = {{"sites", "site"},
                                                                         {"nodes", "node"},
                                                                         {"links", "link"},
                                                                         {"flows", "flow"}};

/// A link's technology as the reader sees it: its `technology`, or the default technology's
/// when it has none.
std::string
TechnologyOf(const ConfigNode& link)
{
    const ConfigNode* technology = link.Find("technology");
    return technology && technology->IsScalar() ? technology->GetScalar()
                                                : LinkTechnologyRegistry::GetDefault().GetName();
}

/**
 * If the base has link `name` with another technology than `technology`, replaces it by what
 * outlives a change of technology: its `between` and `description`.
 */
void
StartLinkAfresh(ConfigNode& root, const std::string& name, const std::string& technology)
{
    const ConfigNode* links = root.Find("links");
    const ConfigNode* link = links ? links->Find(name) : nullptr;
    if (!link || !link->IsMap() || TechnologyOf(*link) == technology)
    {
        return;
    }
    ConfigNode fresh = ConfigNode::MakeMap(link->GetMark());
    for (const char* key : {"between", "description"})
    {
        if (const ConfigNode* value = link->Find(key))
        {
            fresh.Set(key, *value, link->GetKeyMark(key));
        }
    }
    NS_LOG_INFO("link " << name << " changes technology to " << technology << ": starts afresh");
    ConfigNode changedLinks = *links;
    changedLinks.Set(name, fresh, links->GetKeyMark(name));
    root.Set("links", changedLinks, root.GetKeyMark("links"));
}

} // namespace

std::vector<std::string>
ApplyAlternative(ConfigNode& root, const ConfigNode& changes)
{
    NS_LOG_FUNCTION(&root);
    std::vector<std::string> hints;
    for (const auto& [section, noun] : kNamedSections)
    {
        const ConfigNode* changed = changes.Find(section);
        const ConfigNode* base = root.Find(section);
        if (!changed || !changed->IsMap() || !base || !base->IsMap())
        {
            continue;
        }
        std::vector<std::string> names;
        for (const auto& entry : base->GetEntries())
        {
            names.push_back(entry.first);
        }
        for (const auto& [name, element] : changed->GetEntries())
        {
            if (base->Find(name) || element.IsNull())
            {
                continue;
            }
            const std::string suggestion = SuggestClosest(name, names);
            if (!suggestion.empty())
            {
                hints.push_back("it adds " + noun + " '" + name +
                                "', which the base does not have; did you mean '" + suggestion +
                                "'?");
            }
        }
    }
    if (const ConfigNode* links = changes.Find("links"); links && links->IsMap())
    {
        for (const auto& [name, link] : links->GetEntries())
        {
            const ConfigNode* technology = link.IsMap() ? link.Find("technology") : nullptr;
            if (technology && technology->IsScalar())
            {
                StartLinkAfresh(root, name, technology->GetScalar());
            }
        }
    }
    root.Merge(changes);
    return hints;
}

void
ApplyOverride(ConfigNode& root, const std::string& setting)
{
    NS_LOG_FUNCTION(&root << setting);
    const SourceMark mark{"--set " + setting, 0, 0};
    const std::size_t eq = setting.find('=');
    if (eq == std::string::npos || eq == 0)
    {
        throw InputError(mark, "expected key.path=value");
    }
    const std::string path = setting.substr(0, eq);
    const std::string value = setting.substr(eq + 1);
    const std::string section = path.substr(0, path.find('.'));
    std::size_t existing = 0;
    for (const auto& named : kNamedSections)
    {
        existing = named.first == section ? 2 : existing;
    }
    // "links.NAME.technology=nr" changes a link's technology: it starts afresh.
    const std::string prefix = "links.";
    const std::string suffix = ".technology";
    if (path.size() > prefix.size() + suffix.size() && path.rfind(prefix, 0) == 0 &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
    {
        const std::string name =
            path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
        ConfigNode parsed;
        try
        {
            parsed = ConfigNode::LoadString(value, mark.file);
        }
        catch (const InputError&)
        {
            // SetPath reports it below.
        }
        if (name.find('.') == std::string::npos && parsed.IsScalar())
        {
            StartLinkAfresh(root, name, parsed.GetScalar());
        }
    }
    root.SetPath(path, value, mark, existing);
}

} // namespace blueprint
} // namespace ns3
