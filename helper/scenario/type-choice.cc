/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/type-choice.h"

#include "helper/scenario/input-error.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

std::string
TypeChoice::GetAlias(const std::string& typeName) const
{
    for (const auto& [alias, type] : aliases)
    {
        if (type == typeName)
        {
            return alias;
        }
    }
    return typeName;
}

std::string
TypeChoice::GetTypeName(const std::string& name) const
{
    for (const auto& [alias, type] : aliases)
    {
        if (alias == name)
        {
            return type;
        }
    }
    return name;
}

namespace
{

/// \return a TypeId name without its namespaces ("ns3::blueprint::SomeScheduler" gives
///         "SomeScheduler").
std::string
ClassNameOf(const std::string& typeName)
{
    const auto colon = typeName.rfind("::");
    return colon == std::string::npos ? typeName : typeName.substr(colon + 2);
}

} // namespace

std::string
ReadTypeChoice(const ConfigNode& node, const TypeChoice& choice)
{
    const std::string value = node.AsString();
    std::vector<std::string> shortNames;
    for (const auto& [alias, type] : choice.aliases)
    {
        if (alias == value)
        {
            return type;
        }
        shortNames.push_back(alias);
    }
    const std::string kind = "an ns-3 type derived from " + choice.base;
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(value, &tid))
    {
        if (value.find("::") == std::string::npos)
        {
            std::string message = "unknown " + choice.what + " '" + value + "'";
            const std::string suggestion = SuggestClosest(value, shortNames);
            if (!suggestion.empty())
            {
                throw InputError(node.GetMark(), message + "; did you mean '" + suggestion + "'?");
            }
            message += "; expected one of:";
            for (const auto& name : shortNames)
            {
                message += " " + name;
            }
            throw InputError(node.GetMark(), message + ", or the name of " + kind);
        }
        // Suggest among the registered types that declare the base as an ancestor (a hint only:
        // the choice itself is tested on a built object).
        TypeId base;
        std::vector<std::string> candidates;
        if (TypeId::LookupByNameFailSafe(choice.base, &base))
        {
            for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
            {
                const TypeId t = TypeId::GetRegistered(i);
                if (t.HasConstructor() && t.IsChildOf(base))
                {
                    candidates.push_back(t.GetName());
                }
            }
        }
        std::string message = "unknown ns-3 type '" + value + "'; expected " + kind;
        // Compare class names without their namespaces, so that a name written with another
        // namespace (ns3::SomeScheduler for ns3::blueprint::SomeScheduler) still finds it.
        std::vector<std::string> classNames;
        for (const auto& candidate : candidates)
        {
            classNames.push_back(ClassNameOf(candidate));
        }
        const std::string suggestion = SuggestClosest(ClassNameOf(value), classNames);
        if (!suggestion.empty())
        {
            const auto at = std::find(classNames.begin(), classNames.end(), suggestion);
            message += "; did you mean '" + candidates[at - classNames.begin()] + "'?";
        }
        throw InputError(node.GetMark(), message);
    }
    if (!tid.HasConstructor())
    {
        throw InputError(node.GetMark(),
                         "ns-3 cannot build a " + value +
                             " (it has no constructor); name a concrete type");
    }
    if (!choice.fits(tid))
    {
        throw InputError(node.GetMark(), "'" + value + "' is not " + kind);
    }
    return value;
}

} // namespace blueprint
} // namespace ns3
