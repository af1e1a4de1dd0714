/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-reader.h"

#include "helper/compute/compute-reader.h"
#include "helper/faults/fault-reader.h"
#include "helper/power/power-supply-reader.h"
#include "helper/scenario/demand-reader.h"
#include "helper/scenario/flow-reader.h"
#include "helper/scenario/scenario-checks.h"
#include "helper/scenario/sharing-reader.h"
#include "helper/scenario/site-reader.h"
#include "helper/scenario/spec-reading.h"
#include "helper/scenario/timeline-reader.h"
#include "helper/technology/link-technology.h"
#include "model/equipment/equipment-profile.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

const std::vector<std::string> kTopKeys = {
    "blueprint", "name",         "description", "duration", "drain",   "seed",        "economics",
    "defaults",  "origin",       "sites",       "nodes",    "links",   "flows",       "failover",
    "events",    "power_supply", "timeline",    "demand",   "sharing", "alternatives"};
const std::vector<std::string> kNodeKeys = {"site",
                                            "equipment",
                                            "count",
                                            "placement",
                                            "mobility",
                                            "power",
                                            "cost",
                                            "compute",
                                            "description"};
/// The keys every link has, whatever its technology.
const std::vector<std::string> kCommonLinkKeys = {"technology", "between", "cost", "description"};

/**
 * The keys a link of a technology may have, in the order its messages list them: technology and
 * between, the technology's own (GetKeys), cost unless the technology placed it, description.
 */
std::vector<std::string>
LinkKeys(const LinkTechnology& technology)
{
    std::vector<std::string> keys = {"technology", "between"};
    for (const auto& key : technology.GetKeys())
    {
        keys.push_back(key);
    }
    for (const auto& key : kCommonLinkKeys)
    {
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
        {
            keys.push_back(key);
        }
    }
    return keys;
}

/// `defaults:` entries, "ns3::Type::Attribute: value", checked against ns-3's type registry.
std::map<std::string, std::string>
ReadAttributeDefaults(const ConfigNode& node)
{
    std::map<std::string, std::string> result;
    for (const auto& [key, value] : node.GetEntries())
    {
        auto pos = key.rfind("::");
        if (pos == std::string::npos || pos == 0)
        {
            throw InputError(node.GetKeyMark(key),
                             "defaults are written ns3::TypeName::Attribute, e.g. "
                             "ns3::TcpSocket::SegmentSize");
        }
        CheckAttribute(key.substr(0, pos), key.substr(pos + 2), value, node.GetKeyMark(key));
        result[key] = value.AsString();
    }
    return result;
}

/// The names of the sites read so far, for did-you-mean hints (built only when one is needed).
std::vector<std::string>
SiteNames(const ScenarioSpec& spec)
{
    std::vector<std::string> names;
    for (const auto& s : spec.sites)
    {
        names.push_back(s.name);
    }
    return names;
}

/// A node's movement: waypoint sites, speed and start time.
MobilitySpec
ReadMobility(const ConfigNode& node,
             const ScenarioSpec& spec,
             const std::string& home,
             const std::string& context)
{
    node.CheckKeys({"waypoints", "speed", "start"}, context);
    MobilitySpec m;
    m.mark = node.GetMark();
    const ConfigNode& waypoints = node.Get("waypoints", context);
    if (waypoints.GetItems().empty())
    {
        throw InputError(waypoints.GetMark(), context + ": waypoints lists at least one site");
    }
    for (const ConfigNode& w : waypoints.GetItems())
    {
        std::string site = w.AsString();
        if (!spec.FindSite(site))
        {
            throw InputError(w.GetMark(),
                             WithSuggestion(context + ": unknown waypoint site '" + site + "'",
                                            site,
                                            SiteNames(spec)));
        }
        m.waypoints.push_back(site);
        m.marks.push_back(w.GetMark());
    }
    const ConfigNode& speed = node.Get("speed", context);
    m.speed = speed.AsSpeed();
    // 0.1 m/s to 1,000 km/h: walking robots to high-speed trains and drones.
    if (m.speed < 0.1 || m.speed > 1000 / 3.6)
    {
        throw InputError(speed.GetMark(), context + ": speed must be 0.1m/s to 1000km/h");
    }
    if (const ConfigNode* start = node.Find("start"))
    {
        m.start = start->AsDuration();
    }
    // Every leg of the trip is a waypoint time in ns-3; the last must fit its clock like any time.
    double trip = m.start;
    const SiteSpec* from = spec.FindSite(home);
    for (const auto& w : m.waypoints)
    {
        const SiteSpec* to = spec.FindSite(w);
        trip += std::hypot(to->x - from->x, to->y - from->y) / m.speed;
        from = to;
    }
    if (trip > units::kMaxSeconds)
    {
        std::ostringstream message;
        message << context << ": the trip ends " << trip
                << " s after the run starts, beyond the 1e9s (about 31 years) any time may be";
        throw InputError(speed.GetMark(), message.str());
    }
    return m;
}

/// Where a group's members stand: at random in a disc (`radius`), or each at its own place
/// (`positions`, east and north of the site, one per member).
void
ReadPlacement(const ConfigNode& node, NodeSpec& n, const std::string& context)
{
    node.CheckKeys({"radius", "positions"}, context);
    const ConfigNode* radius = node.Find("radius");
    const ConfigNode* positions = node.Find("positions");
    if (radius && positions)
    {
        throw InputError(positions->GetMark(), context + ": give radius or positions, not both");
    }
    if (!positions)
    {
        n.placementRadius = node.Get("radius", context).AsLength();
        return;
    }
    if (!positions->IsSequence())
    {
        throw InputError(positions->GetMark(),
                         context + ": positions is a list of [east, north], one per member");
    }
    if (positions->GetItems().size() != n.count)
    {
        throw InputError(positions->GetMark(),
                         context + ": " + std::to_string(positions->GetItems().size()) +
                             " positions for " +
                             (n.count == 1 ? std::string("a single node")
                                           : "a group of " + std::to_string(n.count)) +
                             "; give one [east, north] per member");
    }
    for (const ConfigNode& p : positions->GetItems())
    {
        if (!p.IsSequence() || p.GetItems().size() != 2)
        {
            throw InputError(p.GetMark(),
                             context + ": a position is [east, north] of the site, e.g. [300m, "
                                       "-1.2km]");
        }
        const double east = ReadSignedLength(p.GetItems()[0]);
        const double north = ReadSignedLength(p.GetItems()[1]);
        n.placementOffsets.emplace_back(east, north);
        // The farthest member bounds what a technology checks of the group's reach.
        n.placementRadius = std::max(n.placementRadius, std::hypot(east, north));
    }
}

void
ReadNodes(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode& nodes = root.Get("nodes", "scenario");
    for (const auto& [name, node] : nodes.GetEntries())
    {
        std::string context = "node '" + name + "'";
        node.CheckKeys(kNodeKeys, context);
        NodeSpec n;
        n.name = name;
        n.mark = nodes.GetKeyMark(name);
        const ConfigNode& site = node.Get("site", context);
        n.site = site.AsString();
        if (!spec.FindSite(n.site))
        {
            throw InputError(site.GetMark(),
                             WithSuggestion(context + " is at unknown site '" + n.site + "'",
                                            n.site,
                                            SiteNames(spec)));
        }
        if (const ConfigNode* eq = node.Find("equipment"))
        {
            n.equipment = ReadChoice(*eq, EquipmentProfile::Names(), "equipment");
        }
        if (const ConfigNode* count = node.Find("count"))
        {
            int64_t c = count->AsInteger();
            if (c < 1 || c > 1000000)
            {
                throw InputError(count->GetMark(), context + ": count must be 1 to 1,000,000");
            }
            n.count = static_cast<uint32_t>(c);
        }
        if (const ConfigNode* placement = node.Find("placement"))
        {
            ReadPlacement(*placement, n, context + " placement");
        }
        if (const ConfigNode* mobility = node.Find("mobility"))
        {
            n.mobility = ReadMobility(*mobility, spec, n.site, context + " mobility");
        }
        if (const ConfigNode* power = node.Find("power"))
        {
            n.power = ReadPower(*power, context + " power");
        }
        if (const ConfigNode* cost = node.Find("cost"))
        {
            n.cost = ReadCost(*cost, context + " cost");
        }
        if (const ConfigNode* compute = node.Find("compute"))
        {
            n.compute = ReadCompute(*compute, context + " compute");
            // The compute block meters and prices the servers: a server profile would count them
            // a second time.
            if (EquipmentProfile::Find(n.equipment)->role == "server")
            {
                throw InputError(node.Get("equipment", context).GetMark(),
                                 context +
                                     ": a node with compute: has its servers' power and "
                                     "cost there; equipment '" +
                                     n.equipment +
                                     "' would count them twice (use host, the default, or the "
                                     "router the servers sit behind)");
            }
        }
        spec.nodes.push_back(n);
    }
}

/// Read every link: the keys all links share here, the rest by the link's technology.
void
ReadLinks(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode& links = root.Get("links", "scenario");
    for (const auto& [name, link] : links.GetEntries())
    {
        std::string context = "link '" + name + "'";
        LinkSpec l;
        const LinkTechnology* technology = &LinkTechnologyRegistry::GetDefault();
        if (const ConfigNode* tech = link.Find("technology"))
        {
            technology = &LinkTechnologyRegistry::Get(
                ReadChoice(*tech, LinkTechnologyRegistry::Names(), "link technology"));
        }
        l.technology = technology->GetName();
        link.CheckKeys(LinkKeys(*technology), context);
        l.name = name;
        l.mark = links.GetKeyMark(name);
        const ConfigNode& between = link.Get("between", context);
        const auto& ends = between.GetItems();
        if (ends.size() != 2)
        {
            throw InputError(between.GetMark(),
                             context + ": between must name exactly two nodes, [network-side, "
                                       "user-side]");
        }
        const NodeSpec& a = RequireNode(spec, ends[0], context);
        const NodeSpec& b = RequireNode(spec, ends[1], context);
        if (a.name == b.name)
        {
            throw InputError(ends[1].GetMark(),
                             context + " connects node '" + a.name + "' to itself");
        }
        CheckPairing(a, b, between.GetMark(), context);
        l.a = a.name;
        l.b = b.name;
        l.config = technology->Read(
            link,
            LinkReadContext{spec, l, a, b, ends[0].GetMark(), ends[1].GetMark(), context});
        const ConfigNode* power = link.Find("power");
        if (power && !technology->ReadsOwnPower())
        {
            l.power = ReadPower(*power, context + " power");
        }
        if (const ConfigNode* cost = link.Find("cost"))
        {
            l.cost = ReadCost(*cost, context + " cost");
        }
        spec.links.push_back(std::move(l));
    }
}

void
CheckUniqueNames(const ConfigNode& root)
{
    // Nodes, sites, links and flows share one namespace in reports; a clash would make
    // `by_node` and the flow tables ambiguous.
    std::map<std::string, std::string> seen;
    for (const char* section : {"sites", "nodes", "links", "flows"})
    {
        const ConfigNode* map = root.Find(section);
        if (!map)
        {
            continue;
        }
        for (const auto& [key, value] : map->GetEntries())
        {
            if (std::string(section) == "sites")
            {
                continue; // sites may share a node's name (a site "school", a node "school")
            }
            auto [it, inserted] = seen.emplace(key, section);
            if (!inserted)
            {
                throw InputError(map->GetKeyMark(key),
                                 "name '" + key + "' is used in both " + it->second + " and " +
                                     section + "; names must be unique");
            }
        }
    }
}

/// The catalogues price everything in their technology's currency (JPY for all so far). Another
/// currency is fine only when the scenario prices every such element itself; mixing would label
/// yen as something else.
void
CheckCostsInCurrency(const ScenarioSpec& spec, const SourceMark& currencyMark)
{
    auto refuse = [&](const std::string& what, const std::string& catalogue) {
        throw InputError(currencyMark,
                         "the catalogue costs are in " + catalogue + ", but " + what +
                             " has no cost of its own in " + spec.currency +
                             "; give it one (cost: {capex: ..., opex_per_year: ..., "
                             "lifetime_years: ...}) or use currency " +
                             catalogue);
    };
    // The equipment catalogue (EquipmentProfile) is in JPY.
    if (spec.currency != "JPY")
    {
        for (const auto& n : spec.nodes)
        {
            const EquipmentProfile* eq = EquipmentProfile::Find(n.equipment);
            if (!n.cost && (eq->capex > 0 || eq->opexPerYear > 0))
            {
                refuse("node '" + n.name + "'", "JPY");
            }
            if (n.compute && !n.compute->costWritten)
            {
                refuse("node '" + n.name + "' compute", "JPY");
            }
        }
    }
    for (const auto& l : spec.links)
    {
        const std::string catalogue =
            LinkTechnologyRegistry::Get(l.technology).GetCatalogueCurrency();
        if (!l.cost && catalogue != spec.currency)
        {
            refuse("link '" + l.name + "'", catalogue);
        }
    }
}

/// Only the terminals of technologies that move them follow a node's mobility (the UEs of a
/// cell, say); anything else would silently stay where it was placed.
void
CheckMovingNodesAreTerminals(const ScenarioSpec& spec)
{
    std::unordered_set<std::string> terminals;
    for (const auto& l : spec.links)
    {
        if (!LinkTechnologyRegistry::Get(l.technology).GetMovingTerminals().empty())
        {
            terminals.insert(l.b);
        }
    }
    for (const auto& n : spec.nodes)
    {
        if (n.mobility && terminals.count(n.name) == 0)
        {
            std::vector<std::string> movers;
            for (const auto& name : LinkTechnologyRegistry::Names())
            {
                const std::string who = LinkTechnologyRegistry::Get(name).GetMovingTerminals();
                if (!who.empty())
                {
                    movers.push_back(who);
                }
            }
            std::string list;
            for (std::size_t i = 0; i < movers.size(); ++i)
            {
                list += (i == 0 ? "" : i + 1 == movers.size() ? " and " : ", ") + movers[i];
            }
            throw InputError(n.mobility->mark,
                             "node '" + n.name + "' mobility: only " + list +
                                 " move (the second node of such a link); the other nodes stay "
                                 "where they are placed");
        }
    }
}

/// Every flow's ends must be joined by links; found here so `validate` reports it too.
void
CheckFlowsConnected(const ScenarioSpec& spec)
{
    // Union-find without recursion: a chain of 100,000 links must not be 100,000 stack frames.
    std::unordered_map<std::string, std::string> parent;
    auto root = [&parent](const std::string& n) {
        std::string r = n;
        for (auto it = parent.find(r); it != parent.end() && it->second != r; it = parent.find(r))
        {
            r = it->second;
        }
        // Path compression: point every node on the way straight at the root.
        for (std::string m = n; m != r;)
        {
            std::string& up = parent[m];
            m = up;
            up = r;
        }
        return r;
    };
    for (const auto& l : spec.links)
    {
        // A technology may route its link through other nodes than its ends (a cell's core).
        for (const auto& [x, y] : LinkTechnologyRegistry::Get(l.technology).GetRoutedPairs(l))
        {
            parent[root(x)] = root(y);
        }
    }
    for (const auto& f : spec.flows)
    {
        if (root(f.from) != root(f.to))
        {
            throw InputError(f.mark,
                             "flow '" + f.name + "': no route from '" + f.from + "' to '" + f.to +
                                 "'; connect them with links");
        }
        for (std::size_t i = 0; i < f.via.size(); ++i)
        {
            if (root(f.via[i]) != root(f.from))
            {
                throw InputError(f.viaMarks[i],
                                 "flow '" + f.name + "': no route from '" + f.from + "' through '" +
                                     f.via[i] + "'; connect it with links");
            }
        }
    }
}

} // namespace

namespace
{

/// The element of list named name, through index (see ScenarioSpec::nodeIndex).
template <typename T>
const T*
FindByName(const std::vector<T>& list,
           std::unordered_map<std::string, std::size_t>& index,
           const std::string& name)
{
    auto it = index.find(name);
    if (it != index.end() && it->second < list.size() && list[it->second].name == name)
    {
        return &list[it->second];
    }
    if (index.size() != list.size())
    {
        index.clear();
        for (std::size_t i = 0; i < list.size(); ++i)
        {
            index.emplace(list[i].name, i);
        }
        it = index.find(name);
        if (it != index.end() && list[it->second].name == name)
        {
            return &list[it->second];
        }
    }
    // Absent, or the list was changed in place: a scan is right either way (and rare).
    for (const auto& element : list)
    {
        if (element.name == name)
        {
            return &element;
        }
    }
    return nullptr;
}

} // namespace

const NodeSpec*
ScenarioSpec::FindNode(const std::string& n) const
{
    return FindByName(nodes, nodeIndex, n);
}

const SiteSpec*
ScenarioSpec::FindSite(const std::string& n) const
{
    return FindByName(sites, siteIndex, n);
}

ScenarioSpec
ReadScenario(const ConfigNode& root)
{
    if (!root.IsMap())
    {
        throw InputError(root.GetMark(),
                         "a scenario must be a map with keys such as name, sites, "
                         "nodes, links and flows");
    }
    root.CheckKeys(kTopKeys, "scenario");
    ScenarioSpec spec;
    spec.sourceFile = root.GetMark().file;
    SourceMark currencyMark;
    const ConfigNode& version = root.Get("blueprint", "scenario");
    if (version.AsInteger() != 1)
    {
        throw InputError(version.GetMark(),
                         "this program reads scenario format 1 (blueprint: 1), not " +
                             version.AsString());
    }
    spec.name = root.Get("name", "scenario").AsString();
    if (const ConfigNode* d = root.Find("description"))
    {
        spec.description = d->AsString();
    }
    const ConfigNode& duration = root.Get("duration", "scenario");
    spec.duration = duration.AsDuration();
    RequirePositive(duration, spec.duration, "duration");
    if (spec.duration < kMinWindowSeconds)
    {
        throw InputError(duration.GetMark(),
                         "duration must be at least 1ms (one LTE TTI or NR slot at 15 kHz; a "
                         "shorter run cannot show what a network does)");
    }
    if (const ConfigNode* drain = root.Find("drain"))
    {
        spec.drain = drain->AsDuration();
    }
    if (const ConfigNode* seed = root.Find("seed"))
    {
        int64_t s = seed->AsInteger();
        if (s < 1)
        {
            throw InputError(seed->GetMark(), "seed must be a positive integer");
        }
        spec.seed = static_cast<uint64_t>(s);
    }
    if (const ConfigNode* eco = root.Find("economics"))
    {
        eco->CheckKeys({"currency", "discount_rate"}, "economics");
        if (const ConfigNode* cur = eco->Find("currency"))
        {
            spec.currency = cur->AsString();
            currencyMark = cur->GetMark();
        }
        if (const ConfigNode* dr = eco->Find("discount_rate"))
        {
            spec.discountRate = dr->AsRatio();
        }
    }
    if (const ConfigNode* defaults = root.Find("defaults"))
    {
        spec.defaults = ReadAttributeDefaults(*defaults);
    }
    CheckUniqueNames(root);
    ReadSites(root, spec);
    ReadNodes(root, spec);
    ReadPowerSupplies(root, spec);
    ReadLinks(root, spec);
    for (const auto& [technology, links] : LinksByTechnology(spec))
    {
        technology->Check(spec, links);
    }
    ReadFlows(root, spec);
    ReadDemand(root, spec);
    ReadFaults(root, spec);
    ReadSharing(root, spec);
    CheckScenarioFitsTheSimulator(spec);
    CheckMovingNodesAreTerminals(spec);
    CheckFlowsConnected(spec);
    CheckCostsInCurrency(spec, currencyMark);
    ReadTimeline(root, spec, ReadScenario);
    spec.resolvedYaml = root.ToYaml();
    return spec;
}

} // namespace blueprint
} // namespace ns3
