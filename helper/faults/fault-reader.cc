/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/faults/fault-reader.h"

#include "helper/scenario/scenario-spec.h"
#include "helper/scenario/spec-reading.h"

#include <cmath>
#include <unordered_set>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// The action keys, one per event, in the order messages list them.
const std::vector<std::pair<std::string, FaultEvent::Kind>> kActions = {
    {"cut", FaultEvent::Kind::Cut},
    {"restore", FaultEvent::Kind::Restore},
    {"power_loss", FaultEvent::Kind::PowerLoss},
    {"power_restore", FaultEvent::Kind::PowerRestore},
    {"storm", FaultEvent::Kind::Storm},
    {"bring_in", FaultEvent::Kind::BringIn},
};

/// The keys an event may have: its time, its end, a cut's fraction, and one action.
std::vector<std::string>
EventKeys()
{
    std::vector<std::string> keys = {"at", "until", "fraction", "description"};
    for (const auto& [key, kind] : kActions)
    {
        keys.push_back(key);
    }
    return keys;
}

/// The heaviest rain the ITU-R rain models are fitted for is well below this (ITU-R P.837-7
/// maps R_0.01 up to about 250 mm/h); the microwave reader takes the same bound.
constexpr double kMaxRainRateMmH = 500;

/// A rain rate written "50mm/h" or as a bare number of mm/h, within [0, kMaxRainRateMmH].
double
ReadRainRate(const ConfigNode& node, const std::string& context)
{
    std::string text = node.AsString();
    const std::string unit = "mm/h";
    if (text.size() > unit.size() &&
        text.compare(text.size() - unit.size(), unit.size(), unit) == 0)
    {
        text.resize(text.size() - unit.size());
    }
    return ReadDoubleIn(ConfigNode::MakeScalar(text, node.GetMark()),
                        0,
                        kMaxRainRateMmH,
                        context + " rain_rate (mm/h)");
}

/// A time on the timeline: a duration, not negative.
double
ReadTime(const ConfigNode& node, const std::string& what)
{
    const double seconds = node.AsDuration();
    if (!(seconds >= 0) || !std::isfinite(seconds))
    {
        throw InputError(node.GetMark(), what + " must be a time at or after 0s");
    }
    return seconds;
}

/// Which kinds of names an action takes.
struct Namespaces
{
    bool links = false; //!< link names
    bool nodes = false; //!< node (group) names
    bool sites = false; //!< site names (every node at the site)
};

Namespaces
NamespacesOf(FaultEvent::Kind kind)
{
    switch (kind)
    {
    case FaultEvent::Kind::Cut:
    case FaultEvent::Kind::Restore:
        return {true, false, false};
    case FaultEvent::Kind::PowerLoss:
    case FaultEvent::Kind::PowerRestore:
        return {false, true, true};
    case FaultEvent::Kind::BringIn:
        return {true, true, false};
    case FaultEvent::Kind::Storm:
        break;
    }
    return {};
}

/// "a link", "a node, group or site", "a node or link": what an action names, for messages.
std::string
WhatItNames(const Namespaces& n)
{
    if (n.links && n.nodes)
    {
        return "node or link";
    }
    return n.links ? "link" : "node, group or site";
}

/// One target name, checked against the names the action takes, with a did-you-mean.
void
ReadTarget(const ConfigNode& ref,
           const ScenarioSpec& spec,
           const std::unordered_set<std::string>& links,
           const Namespaces& n,
           const std::string& context,
           FaultEvent& event)
{
    const std::string name = ref.AsString();
    const bool known = (n.links && links.count(name)) || (n.nodes && spec.FindNode(name)) ||
                       (n.sites && spec.FindSite(name));
    if (!known)
    {
        std::vector<std::string> candidates;
        if (n.links)
        {
            for (const auto& l : spec.links)
            {
                candidates.push_back(l.name);
            }
        }
        if (n.nodes)
        {
            for (const auto& node : spec.nodes)
            {
                candidates.push_back(node.name);
            }
        }
        if (n.sites)
        {
            for (const auto& site : spec.sites)
            {
                candidates.push_back(site.name);
            }
        }
        throw InputError(
            ref.GetMark(),
            WithSuggestion(context + " names unknown " + WhatItNames(n) + " '" + name + "'",
                           name,
                           candidates));
    }
    event.targets.push_back(name);
    event.targetMarks.push_back(ref.GetMark());
}

/// The member pairs of a link: one per member of the larger end (ScenarioBuild's edges).
uint32_t
PairsOf(const ScenarioSpec& spec, const std::string& link)
{
    for (const auto& l : spec.links)
    {
        if (l.name == link)
        {
            return std::max(spec.FindNode(l.a)->count, spec.FindNode(l.b)->count);
        }
    }
    return 1;
}

StormSpec
ReadStorm(const ConfigNode& node, const ScenarioSpec& spec, const std::string& context)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + ": storm must be a map {center: SITE, radius: LENGTH, "
                                   "rain_rate: RATE}");
    }
    node.CheckKeys({"center", "radius", "rain_rate"}, context + " storm");
    StormSpec storm;
    const ConfigNode& center = node.Get("center", context + " storm");
    storm.center = center.AsString();
    if (!spec.FindSite(storm.center))
    {
        std::vector<std::string> sites;
        for (const auto& s : spec.sites)
        {
            sites.push_back(s.name);
        }
        throw InputError(
            center.GetMark(),
            WithSuggestion(context + " storm centred on unknown site '" + storm.center + "'",
                           storm.center,
                           sites));
    }
    storm.radiusMetres =
        ReadPositive(node.Get("radius", context + " storm"), &ConfigNode::AsLength, "radius");
    storm.rainRateMmH = ReadRainRate(node.Get("rain_rate", context + " storm"), context + " storm");
    return storm;
}

FailoverSpec
ReadFailover(const ConfigNode& node)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         "failover must be a map {detection: TIME, reconvergence: TIME, "
                         "revert: true|false}");
    }
    node.CheckKeys({"detection", "reconvergence", "revert"}, "failover");
    FailoverSpec f;
    f.mark = node.GetMark();
    if (const ConfigNode* d = node.Find("detection"))
    {
        f.detectionSeconds = ReadTime(*d, "failover detection");
    }
    if (const ConfigNode* r = node.Find("reconvergence"))
    {
        f.reconvergenceSeconds = ReadTime(*r, "failover reconvergence");
    }
    if (const ConfigNode* r = node.Find("revert"))
    {
        f.revert = r->AsBool();
    }
    return f;
}

FaultEvent
ReadEvent(const ConfigNode& node,
          std::size_t index,
          const ScenarioSpec& spec,
          const std::unordered_set<std::string>& links)
{
    const std::string context = "event " + std::to_string(index + 1);
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(), context + " must be a map such as {at: 2s, cut: LINK}");
    }
    node.CheckKeys(EventKeys(), context);
    FaultEvent event;
    event.mark = node.GetMark();
    const ConfigNode* action = nullptr;
    std::string actionKey;
    for (const auto& [key, kind] : kActions)
    {
        if (const ConfigNode* found = node.Find(key))
        {
            if (action)
            {
                throw InputError(node.GetKeyMark(key),
                                 context + " has both " + actionKey + " and " + key +
                                     "; write one event per action");
            }
            action = found;
            actionKey = key;
            event.kind = kind;
        }
    }
    if (!action)
    {
        throw InputError(node.GetMark(),
                         context + " says nothing happens; give one of cut, restore, "
                                   "power_loss, power_restore, storm, bring_in");
    }
    event.at = ReadTime(node.Get("at", context), context + " at");
    if (const ConfigNode* until = node.Find("until"))
    {
        if (event.kind != FaultEvent::Kind::Cut && event.kind != FaultEvent::Kind::PowerLoss &&
            event.kind != FaultEvent::Kind::Storm)
        {
            throw InputError(node.GetKeyMark("until"),
                             context + ": until ends a cut, a power_loss or a storm, not a " +
                                 actionKey);
        }
        event.until = ReadTime(*until, context + " until");
        if (*event.until <= event.at)
        {
            throw InputError(until->GetMark(),
                             context + ": until must be after at (" + until->AsString() +
                                 " is not after " + node.Get("at", context).AsString() + ")");
        }
    }
    if (event.kind == FaultEvent::Kind::Storm)
    {
        event.storm = ReadStorm(*action, spec, context);
    }
    else
    {
        const Namespaces n = NamespacesOf(event.kind);
        const std::string what = context + " " + actionKey;
        if (action->IsSequence())
        {
            if (action->GetItems().empty())
            {
                throw InputError(action->GetMark(), what + " names nothing");
            }
            for (const ConfigNode& item : action->GetItems())
            {
                ReadTarget(item, spec, links, n, what, event);
            }
        }
        else
        {
            ReadTarget(*action, spec, links, n, what, event);
        }
    }
    if (const ConfigNode* fraction = node.Find("fraction"))
    {
        if (event.kind != FaultEvent::Kind::Cut)
        {
            throw InputError(node.GetKeyMark("fraction"),
                             context + ": fraction is a share of a cut link's member pairs; a " +
                                 actionKey + " has none");
        }
        const double f = fraction->AsRatio();
        if (!(f > 0 && f <= 1))
        {
            throw InputError(fraction->GetMark(),
                             context + ": fraction must be more than 0 % and at most 100 %");
        }
        for (std::size_t i = 0; i < event.targets.size(); ++i)
        {
            if (PairsOf(spec, event.targets[i]) < 2)
            {
                throw InputError(event.targetMarks[i],
                                 context + ": link '" + event.targets[i] +
                                     "' joins one pair of nodes; a fraction of it is all or "
                                     "nothing (cut a link between groups, or drop fraction)");
            }
        }
        event.fraction = f;
    }
    return event;
}

} // namespace

std::string
ToString(FaultEvent::Kind kind)
{
    for (const auto& [key, k] : kActions)
    {
        if (k == kind)
        {
            return key;
        }
    }
    return "?";
}

void
ReadFaults(const ConfigNode& root, ScenarioSpec& spec)
{
    if (const ConfigNode* failover = root.Find("failover"))
    {
        spec.faults.failover = ReadFailover(*failover);
    }
    const ConfigNode* events = root.Find("events");
    if (!events)
    {
        return;
    }
    if (!events->IsSequence())
    {
        throw InputError(events->GetMark(),
                         "events must be a list of events such as - {at: 2s, cut: LINK}");
    }
    std::unordered_set<std::string> links;
    for (const auto& l : spec.links)
    {
        links.insert(l.name);
    }
    const auto& items = events->GetItems();
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        spec.faults.events.push_back(ReadEvent(items[i], i, spec, links));
    }
}

} // namespace blueprint
} // namespace ns3
