/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/spec-reading.h"

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/type-choice.h"
#include "model/energy/element-power-model.h"

#include "ns3/queue-size.h"
#include "ns3/type-id.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace specreading
{

std::string
ReadChoice(const ConfigNode& node, const std::vector<std::string>& choices, const std::string& what)
{
    const std::string value = node.AsString();
    for (const std::string& c : choices)
    {
        if (c == value)
        {
            return value;
        }
    }
    std::string message = "unknown " + what + " '" + value + "'";
    const std::string suggestion = SuggestClosest(value, choices);
    if (!suggestion.empty())
    {
        message += "; did you mean '" + suggestion + "'?";
    }
    else
    {
        message += "; expected one of:";
        for (const std::string& c : choices)
        {
            message += " " + c;
        }
    }
    throw InputError(node.GetMark(), message);
}

double
ReadDoubleIn(const ConfigNode& node, double low, double high, const std::string& what)
{
    const double value = node.AsDouble();
    if (value < low || value > high)
    {
        std::ostringstream message;
        message << what << " must lie between " << low << " and " << high << ", not " << value;
        throw InputError(node.GetMark(), message.str());
    }
    return value;
}

int64_t
ReadIntegerIn(const ConfigNode& node, int64_t low, int64_t high, const std::string& what)
{
    const int64_t value = node.AsInteger();
    if (value < low || value > high)
    {
        throw InputError(node.GetMark(),
                         what + " must lie between " + std::to_string(low) + " and " +
                             std::to_string(high) + ", not " + std::to_string(value));
    }
    return value;
}

double
ReadPositive(const ConfigNode& node, double (ConfigNode::*read)() const, const std::string& what)
{
    const double value = (node.*read)();
    if (!(value > 0.0))
    {
        throw InputError(node.GetMark(), what + " must be positive");
    }
    return value;
}

std::string
ReadQueueSize(const ConfigNode& node, const std::string& what)
{
    const std::string text = node.AsString();
    std::istringstream in(text);
    QueueSize size;
    in >> size;
    std::string rest;
    if (in.fail() || (in >> rest) || size.GetValue() == 0)
    {
        throw InputError(node.GetMark(),
                         what + " '" + text +
                             "' is not a positive number of packets or bytes (e.g. \"100p\", "
                             "\"1MB\")");
    }
    return text;
}

std::string
WithSuggestion(std::string message,
               const std::string& word,
               const std::vector<std::string>& candidates)
{
    std::string suggestion = SuggestClosest(word, candidates);
    if (!suggestion.empty())
    {
        message += "; did you mean '" + suggestion + "'?";
    }
    return message;
}

void
RequirePositive(const ConfigNode& node, double value, const std::string& what)
{
    if (!(value > 0))
    {
        throw InputError(node.GetMark(), what + " must be greater than zero");
    }
}

const TypeChoice&
PowerModels()
{
    static const TypeChoice choice{"power model",
                                   "ns3::blueprint::ElementPowerModel",
                                   &BuildsA<ElementPowerModel>,
                                   {{"linear", "ns3::blueprint::ElementPowerModel"}}};
    return choice;
}

PowerSpec
ReadPower(const ConfigNode& node, const std::string& context)
{
    node.CheckKeys({"idle", "max", "capacity", "model"}, context);
    PowerSpec p;
    if (const ConfigNode* model = node.Find("model"))
    {
        p.model = ReadTypeChoice(*model, PowerModels());
    }
    p.idleWatts = node.Get("idle", context).AsPower();
    p.maxWatts = p.idleWatts;
    if (const ConfigNode* max = node.Find("max"))
    {
        p.maxWatts = max->AsPower();
        if (p.maxWatts < p.idleWatts)
        {
            throw InputError(max->GetMark(), context + ": max power is below idle power");
        }
    }
    if (const ConfigNode* cap = node.Find("capacity"))
    {
        p.capacityBps = cap->AsDataRate();
        RequirePositive(*cap, p.capacityBps, context + " capacity");
    }
    return p;
}

CostSpec
ReadCost(const ConfigNode& node, const std::string& context)
{
    node.CheckKeys({"capex", "opex_per_year", "lifetime_years"}, context);
    CostSpec c;
    if (const ConfigNode* capex = node.Find("capex"))
    {
        c.capex = capex->AsMoney();
    }
    if (const ConfigNode* opex = node.Find("opex_per_year"))
    {
        c.opexPerYear = opex->AsMoney();
    }
    if (const ConfigNode* life = node.Find("lifetime_years"))
    {
        c.lifetimeYears = life->AsDouble();
        RequirePositive(*life, c.lifetimeYears, context + " lifetime_years");
    }
    return c;
}

void
CheckAttribute(const std::string& typeName,
               const std::string& attribute,
               const ConfigNode& value,
               const SourceMark& keyMark)
{
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(typeName, &tid))
    {
        throw InputError(keyMark, "unknown ns-3 type '" + typeName + "'");
    }
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(attribute, &info))
    {
        std::vector<std::string> names;
        for (TypeId t = tid;; t = t.GetParent())
        {
            for (uint32_t i = 0; i < t.GetAttributeN(); ++i)
            {
                names.push_back(t.GetAttribute(i).name);
            }
            if (t == t.GetParent())
            {
                break;
            }
        }
        throw InputError(
            keyMark,
            WithSuggestion("ns-3 type " + typeName + " has no attribute '" + attribute + "'",
                           attribute,
                           names));
    }
    const std::string problem = CheckAttributeText(tid, info, value.AsString());
    if (!problem.empty())
    {
        throw InputError(value.GetMark(),
                         "'" + value.AsString() + "' is not a valid value for " + typeName +
                             "::" + attribute + ": " + problem);
    }
}

std::map<std::string, std::string>
ReadAttributesOf(const ConfigNode& node, const std::string& typeName)
{
    for (const auto& [key, value] : node.GetEntries())
    {
        CheckAttribute(typeName, key, value, node.GetKeyMark(key));
    }
    return ReadStringMap(node);
}

std::map<std::string, std::string>
ReadStringMap(const ConfigNode& node)
{
    std::map<std::string, std::string> result;
    for (const auto& [key, value] : node.GetEntries())
    {
        result[key] = value.AsString();
    }
    return result;
}

const NodeSpec&
RequireNode(const ScenarioSpec& spec, const ConfigNode& ref, const std::string& context)
{
    std::string name = ref.AsString();
    if (const NodeSpec* n = spec.FindNode(name))
    {
        return *n;
    }
    std::vector<std::string> names;
    for (const auto& n : spec.nodes)
    {
        names.push_back(n.name);
    }
    throw InputError(ref.GetMark(),
                     WithSuggestion(context + " names unknown node '" + name + "'", name, names));
}

double
ReadDecibels(const ConfigNode& node, double low, double high, const std::string& context)
{
    std::string text = node.AsString();
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "dB") == 0)
    {
        text.resize(text.size() - 2);
    }
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(value))
    {
        throw InputError(node.GetMark(),
                         context + ": expected a level in dB such as 3dB, got '" + node.AsString() +
                             "'");
    }
    if (value < low || value > high)
    {
        std::ostringstream range;
        range << context << " must be " << low << "dB to " << high << "dB";
        throw InputError(node.GetMark(), range.str());
    }
    return value;
}

double
ReadTxPowerDbm(const ConfigNode& node, const std::string& context)
{
    std::string text = node.AsString();
    const std::string dbm = "dBm";
    if (text.size() > dbm.size() && text.compare(text.size() - dbm.size(), dbm.size(), dbm) == 0)
    {
        try
        {
            std::size_t used = 0;
            std::string number = text.substr(0, text.size() - dbm.size());
            double value = std::stod(number, &used);
            if (used == number.size() || number.find_first_not_of(' ', used) == std::string::npos)
            {
                return value;
            }
        }
        catch (const std::exception&)
        {
        }
        throw InputError(node.GetMark(), context + ": '" + text + "' is not a power in dBm");
    }
    double watts = node.AsPower();
    RequirePositive(node, watts, context);
    return 10 * std::log10(watts * 1e3);
}

/// Group ends pair member by member (equal counts) or fan in to a single node.
void
CheckPairing(const NodeSpec& a, const NodeSpec& b, const SourceMark& mark, const std::string& what)
{
    uint32_t larger = std::max(a.count, b.count);
    uint32_t smaller = std::min(a.count, b.count);
    if (larger % smaller != 0)
    {
        throw InputError(mark,
                         what + " joins groups of different sizes (" + a.name + ": " +
                             std::to_string(a.count) + ", " + b.name + ": " +
                             std::to_string(b.count) +
                             "); the larger group must be a whole multiple of the smaller, so "
                             "that each member of the smaller serves the same number of members");
    }
}

} // namespace specreading
} // namespace blueprint
} // namespace ns3
