/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-reader.h"

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/scenario-changes.h"
#include "helper/scenario/scenario-checks.h"
#include "model/lte/lte-band-profile.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-tdd-pattern.h"
#include "model/wired/equipment-profile.h"
#include "model/wired/wired-link-profile.h"

#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace ns3
{

namespace
{

const std::vector<std::string> kTopKeys = {"blueprint",
                                           "name",
                                           "description",
                                           "duration",
                                           "drain",
                                           "seed",
                                           "economics",
                                           "defaults",
                                           "sites",
                                           "nodes",
                                           "links",
                                           "flows",
                                           "alternatives"};
const std::vector<std::string> kSiteKeys = {"position", "pue", "description"};
const std::vector<std::string> kNodeKeys =
    {"site", "equipment", "count", "placement", "mobility", "power", "cost", "description"};
const std::vector<std::string> kNrLinkKeys = {"technology",
                                              "between",
                                              "band",
                                              "cell",
                                              "ue",
                                              "numerology",
                                              "bandwidth",
                                              "tdd",
                                              "special_slot",
                                              "scheduler",
                                              "ul_access",
                                              "mini_slot",
                                              "propagation",
                                              "handover",
                                              "sleep",
                                              "ssb_period",
                                              "attributes",
                                              "cost",
                                              "description"};
const std::vector<std::string> kWifiLinkKeys =
    {"technology", "between", "standard", "band", "channel_width", "cost", "description"};
const std::vector<std::string> kLteLinkKeys = {"technology",
                                               "between",
                                               "band",
                                               "carrier",
                                               "bandwidth",
                                               "cell",
                                               "ue",
                                               "scheduler",
                                               "propagation",
                                               "enb_power",
                                               "ue_power",
                                               "core",
                                               "sleep",
                                               "attributes",
                                               "cost",
                                               "description"};
/// The FF MAC schedulers of ns-3's lte module, by their short names.
const std::vector<std::string> kLteSchedulers =
    {"pf", "rr", "pss", "cqa", "fdmt", "tdmt", "tta", "fdbet", "tdbet", "fdtbfq", "tdtbfq"};
const std::vector<std::string> kLinkKeys = {"technology",
                                            "between",
                                            "profile",
                                            "rate",
                                            "rate_down",
                                            "rate_up",
                                            "length",
                                            "route_factor",
                                            "latency",
                                            "queue",
                                            "mtu",
                                            "power",
                                            "cost",
                                            "attributes",
                                            "description"};
const std::vector<std::string> kFlowKeys =
    {"from", "to", "traffic", "start", "stop", "requirements", "description"};
const std::vector<std::string> kTrafficKeys = {"pattern",
                                               "protocol",
                                               "interval",
                                               "size",
                                               "response_size",
                                               "rate",
                                               "arrivals",
                                               "frame_rate",
                                               "frame_size_variation",
                                               "max_packet_size"};
const std::vector<std::string> kRequirementKeys = {"latency",
                                                   "reliability",
                                                   "rtt",
                                                   "throughput",
                                                   "loss"};
const std::vector<std::string> kPatterns = {"periodic",
                                            "constant_rate",
                                            "video",
                                            "request_response",
                                            "bulk"};
const std::vector<std::string> kPowerKeys = {"idle", "max", "capacity"};
const std::vector<std::string> kCostKeys = {"capex", "opex_per_year", "lifetime_years"};

/// Largest queue, in packets or bytes: ns-3's QueueSize counts in 32 bits.
constexpr uint64_t kMaxQueueUnits = 4000000000;

/**
 * Shortest window a scenario or a flow may run for. An LTE TTI and an NR slot at 15 kHz last
 * 1 ms (TS 36.211 clause 4, TS 38.211 clause 4.3.2), so a shorter window cannot hold one
 * scheduling period of the radio technologies, and the figures of such a window say nothing.
 */
constexpr double kMinWindowSeconds = 1e-3;

/// Largest mean video frame, in bytes: the traffic model counts a frame's bytes in 32 bits.
constexpr double kMaxFrameBytes = 4294967295.0;

/// Fail at `node` unless `value` is strictly positive.
void
RequirePositive(const ConfigNode& node, double value, const std::string& what)
{
    if (!(value > 0))
    {
        throw InputError(node.GetMark(), what + " must be greater than zero");
    }
}

/// `message`, followed by a did-you-mean when one of `candidates` is close to `word`.
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

/// A value from a fixed set, with a did-you-mean on a typo.
std::string
ReadChoice(const ConfigNode& node, const std::vector<std::string>& choices, const std::string& what)
{
    std::string value = node.AsString();
    for (const auto& c : choices)
    {
        if (c == value)
        {
            return value;
        }
    }
    std::string message = "unknown " + what + " '" + value + "'";
    if (!SuggestClosest(value, choices).empty())
    {
        message = WithSuggestion(message, value, choices);
    }
    else
    {
        message += "; expected one of:";
        for (const auto& c : choices)
        {
            message += " " + c;
        }
    }
    throw InputError(node.GetMark(), message);
}

PowerSpec
ReadPower(const ConfigNode& node, const std::string& context)
{
    node.CheckKeys(kPowerKeys, context);
    PowerSpec p;
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
    node.CheckKeys(kCostKeys, context);
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

/// Check `name` = "ns3::TypeName::Attribute" and that `value` is valid for it, without setting it.
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

/// A position coordinate: a length that may be negative (west or south of the origin).
double
ReadCoordinate(const ConfigNode& node)
{
    const std::string& text = node.GetScalar();
    if (!text.empty() && text[0] == '-')
    {
        return -ConfigNode::MakeScalar(text.substr(1), node.GetMark()).AsLength();
    }
    return node.AsLength();
}

void
ReadSites(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode& sites = root.Get("sites", "scenario");
    for (const auto& [name, site] : sites.GetEntries())
    {
        std::string context = "site '" + name + "'";
        site.CheckKeys(kSiteKeys, context);
        SiteSpec s;
        s.name = name;
        s.mark = sites.GetKeyMark(name);
        const ConfigNode& pos = site.Get("position", context);
        const auto& items = pos.GetItems();
        if (items.size() != 2)
        {
            throw InputError(pos.GetMark(),
                             context + ": position must be [east, north], e.g. [2km, 500m]");
        }
        s.x = ReadCoordinate(items[0]);
        s.y = ReadCoordinate(items[1]);
        if (const ConfigNode* pue = site.Find("pue"))
        {
            s.pue = pue->AsDouble();
            if (*s.pue < 1.0)
            {
                throw InputError(pue->GetMark(),
                                 context + ": pue must be at least 1 (total power / IT power)");
            }
        }
        spec.sites.push_back(s);
    }
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
            placement->CheckKeys({"radius"}, context + " placement");
            n.placementRadius = placement->Get("radius", context + " placement").AsLength();
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
        spec.nodes.push_back(n);
    }
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

/// A queue size, "100p" or a data size such as "64kB", turned into the form ns-3's QueueSize
/// parses ("100p", "64000B") so that nothing the reader accepts can be refused later.
std::string
ReadQueueSize(const ConfigNode& node, const std::string& context)
{
    const std::string& q = node.GetScalar();
    const char* hint = ": queue must be a packet count such as 100p or a size such as 64kB";
    if (q.size() > 1 && q.back() == 'p')
    {
        // ns-3's QueueSize holds a 32-bit count; the byte form below has the same limit.
        const std::string count = q.substr(0, q.size() - 1);
        uint64_t packets = 0;
        const auto parsed = std::from_chars(count.data(), count.data() + count.size(), packets);
        if (parsed.ptr != count.data() + count.size() ||
            (parsed.ec != std::errc() && parsed.ec != std::errc::result_out_of_range))
        {
            throw InputError(node.GetMark(), context + hint);
        }
        if (parsed.ec == std::errc::result_out_of_range || packets < 1 || packets > kMaxQueueUnits)
        {
            throw InputError(node.GetMark(), context + ": queue must hold 1p to 4000000000p");
        }
        return std::to_string(packets) + "p";
    }
    double bytes = 0;
    try
    {
        bytes = units::ParseDataSize(q);
    }
    catch (const UnitError& e)
    {
        throw InputError(node.GetMark(), context + hint + " (" + e.what() + ")");
    }
    if (bytes < 1 || bytes > kMaxQueueUnits)
    {
        throw InputError(node.GetMark(), context + ": queue must hold 1 B to 4 GB");
    }
    return std::to_string(static_cast<uint64_t>(bytes)) + "B";
}

/// A level in decibels, written "3dB" or as a bare number, within [low, high].
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

/// The radio part of an NR link: band, cell class, frame structure, scheduler, propagation.
NrLinkSpec
ReadNrCell(const ConfigNode& link, const std::string& context)
{
    NrLinkSpec nr;
    const ConfigNode& bandNode = link.Get("band", context);
    nr.band = ReadChoice(bandNode, NrBandProfile::Names(), "NR band");
    const NrBandProfile* band = NrBandProfile::Find(nr.band);
    nr.numerology = band->numerology;
    nr.bandwidth = band->bandwidthHz;
    nr.tdd = band->tdd ? band->tddPattern : "FDD";
    nr.specialSlot = band->specialSlot.empty() ? "10D+2G+2U" : band->specialSlot;
    if (const ConfigNode* cell = link.Find("cell"))
    {
        nr.cell = ReadChoice(*cell, NrCellClass::Names(), "NR cell class");
    }
    nr.scenario = NrCellClass::Find(nr.cell)->scenario;
    if (const ConfigNode* ue = link.Find("ue"))
    {
        nr.ue = ReadChoice(*ue, NrUeClass::Names(), "NR UE class");
    }
    if (const ConfigNode* mu = link.Find("numerology"))
    {
        int64_t m = mu->AsInteger();
        if (m < 0 || m > 3)
        {
            throw InputError(mu->GetMark(), context + ": numerology must be 0 to 3 for data");
        }
        nr.numerology = static_cast<uint8_t>(m);
    }
    const ConfigNode* bw = link.Find("bandwidth");
    if (bw)
    {
        nr.bandwidth = bw->AsFrequency();
    }
    try
    {
        NrMaxResourceBlocks(nr.bandwidth, nr.numerology, band->fr2);
    }
    catch (const std::invalid_argument& e)
    {
        throw InputError(bw ? bw->GetMark() : bandNode.GetMark(), context + ": " + e.what());
    }
    const ConfigNode* tdd = link.Find("tdd");
    const ConfigNode* special = link.Find("special_slot");
    if (tdd)
    {
        nr.tdd = tdd->AsString();
    }
    if (special)
    {
        nr.specialSlot = special->AsString();
    }
    if (nr.tdd != "FDD" && nr.tdd != "fdd")
    {
        try
        {
            NrTddPattern::Parse(nr.tdd, nr.specialSlot);
        }
        catch (const std::invalid_argument& e)
        {
            const ConfigNode* at = special ? special : tdd;
            throw InputError(at ? at->GetMark() : bandNode.GetMark(), context + ": " + e.what());
        }
    }
    else
    {
        nr.tdd = "FDD";
    }
    if (const ConfigNode* sched = link.Find("scheduler"))
    {
        nr.scheduler = ReadChoice(*sched, {"rr", "pf"}, "scheduler");
    }
    if (const ConfigNode* ul = link.Find("ul_access"))
    {
        nr.ulAccess = ReadChoice(*ul, {"grant", "configured"}, "uplink access");
    }
    if (const ConfigNode* ms = link.Find("mini_slot"))
    {
        int64_t symbols = ms->AsInteger();
        if (symbols != 0 && symbols != 2 && symbols != 4 && symbols != 7)
        {
            throw InputError(ms->GetMark(),
                             context + ": mini_slot is 0 (full slots), 2, 4 or 7 symbols");
        }
        nr.miniSlotSymbols = static_cast<uint32_t>(symbols);
    }
    if (const ConfigNode* prop = link.Find("propagation"))
    {
        prop->CheckKeys({"scenario", "condition", "shadowing"}, context + " propagation");
        if (const ConfigNode* sc = prop->Find("scenario"))
        {
            nr.scenario = ReadChoice(*sc, {"RMa", "UMa", "UMi"}, "propagation scenario");
        }
        if (const ConfigNode* cond = prop->Find("condition"))
        {
            nr.condition = ReadChoice(*cond, {"Auto", "LOS", "NLOS"}, "channel condition");
        }
        if (const ConfigNode* sh = prop->Find("shadowing"))
        {
            nr.shadowing = sh->AsBool();
        }
    }
    if (const ConfigNode* sleep = link.Find("sleep"))
    {
        nr.sleep = ReadChoice(*sleep, {"micro", "light", "deep"}, "sleep state");
    }
    if (const ConfigNode* ssb = link.Find("ssb_period"))
    {
        // TS 38.331 ssb-periodicityServingCell: ms5, ms10, ms20, ms40, ms80, ms160.
        const double period = ssb->AsDuration();
        bool allowed = false;
        for (double ms : {5.0, 10.0, 20.0, 40.0, 80.0, 160.0})
        {
            allowed = allowed || std::abs(period - ms * 1e-3) < 1e-9;
        }
        if (!allowed)
        {
            throw InputError(ssb->GetMark(),
                             context + ": ssb_period is 5ms, 10ms, 20ms, 40ms, 80ms or 160ms "
                                       "(TS 38.331 ssb-periodicityServingCell)");
        }
        nr.ssbPeriod = period;
    }
    if (const ConfigNode* ho = link.Find("handover"))
    {
        const std::string hoContext = context + " handover";
        ho->CheckKeys(
            {"hysteresis", "offset", "time_to_trigger", "interruption", "measurement_period"},
            hoContext);
        if (const ConfigNode* h = ho->Find("hysteresis"))
        {
            nr.handover.hysteresisDb = ReadDecibels(*h, 0, 15, hoContext + " hysteresis");
        }
        if (const ConfigNode* o = ho->Find("offset"))
        {
            nr.handover.offsetDb = ReadDecibels(*o, -15, 15, hoContext + " offset");
        }
        if (const ConfigNode* t = ho->Find("time_to_trigger"))
        {
            nr.handover.timeToTrigger = t->AsDuration();
        }
        if (const ConfigNode* i = ho->Find("interruption"))
        {
            nr.handover.interruption = i->AsDuration();
        }
        if (const ConfigNode* p = ho->Find("measurement_period"))
        {
            nr.handover.measurementPeriod = p->AsDuration();
            if (nr.handover.measurementPeriod < 1e-3)
            {
                throw InputError(p->GetMark(), hoContext + ": measurement_period is at least 1ms");
            }
        }
    }
    return nr;
}

/**
 * Asks the gNB model whether the cell the scenario describes can run, with the attributes the
 * runner will give it (its own keys first, then `attributes:`), so that a frame with no uplink
 * TTI or configured grants that do not fit are input errors here instead of aborts in the run.
 */
void
CheckNrCellRuns(const ConfigNode& link, const LinkSpec& l, uint32_t ues)
{
    const NrLinkSpec& nr = *l.nr;
    Ptr<NrGnbNetDevice> gnb = CreateObject<NrGnbNetDevice>();
    gnb->SetAttribute("Mu", UintegerValue(nr.numerology));
    gnb->SetAttribute("TddPattern", StringValue(nr.tdd));
    gnb->SetAttribute("SpecialSlot", StringValue(nr.specialSlot));
    gnb->SetAttribute("MiniSlotSymbols", UintegerValue(nr.miniSlotSymbols));
    gnb->SetAttribute("UlAccess", StringValue(nr.ulAccess));
    for (const auto& [attribute, value] : l.deviceAttributes)
    {
        gnb->SetAttribute(attribute, StringValue(value));
    }
    try
    {
        gnb->CheckConfiguration(nr.bandwidth, NrBandProfile::Find(nr.band)->fr2, ues);
    }
    catch (const std::invalid_argument& e)
    {
        const ConfigNode* at = nullptr;
        for (const char* key : {"tdd", "special_slot", "mini_slot", "ul_access", "attributes"})
        {
            at = at ? at : link.Find(key);
        }
        throw InputError(at ? at->GetMark() : l.mark, "link '" + l.name + "': " + e.what());
    }
}

/**
 * NR cells that serve the same UEs form one radio network: each UE has one NR device on one
 * carrier and hands over between the cells, so they must agree on everything the UE sees.
 */
void
CheckSameRadioNetwork(const NrLinkSpec& first,
                      const NrLinkSpec& cell,
                      const std::string& firstName,
                      const LinkSpec& link,
                      const std::string& context)
{
    auto text = [](auto v) {
        std::ostringstream o;
        o << v;
        return o.str();
    };
    const std::vector<std::tuple<std::string, std::string, std::string>> fields = {
        {"band", first.band, cell.band},
        {"bandwidth", text(first.bandwidth), text(cell.bandwidth)},
        {"numerology", text(+first.numerology), text(+cell.numerology)},
        {"tdd", first.tdd, cell.tdd},
        {"special_slot", first.specialSlot, cell.specialSlot},
        {"mini_slot", text(first.miniSlotSymbols), text(cell.miniSlotSymbols)},
        {"ue", first.ue, cell.ue},
        {"propagation scenario", first.scenario, cell.scenario},
        {"propagation condition", first.condition, cell.condition},
        {"propagation shadowing", text(first.shadowing), text(cell.shadowing)},
    };
    for (const auto& [what, a, b] : fields)
    {
        if (a != b)
        {
            throw InputError(link.mark,
                             context + ": its UEs '" + link.b + "' are also served by link '" +
                                 firstName +
                                 "', so both cells must share one carrier and UE "
                                 "class; " +
                                 what + " differs ('" + a + "' there, '" + b + "' here)");
        }
    }
    if (!(first.handover == cell.handover))
    {
        throw InputError(link.mark,
                         context + ": its UEs '" + link.b + "' are also served by link '" +
                             firstName + "', so both cells need the same handover settings");
    }
}

/// A transmit power written in dBm ("46dBm") or in watts ("40W"), in dBm.
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

/// The radio part of an LTE link: band and carrier, bandwidth, cell and UE classes, scheduler,
/// propagation, powers, the core node of the EPC and ns-3 attributes.
LteLinkSpec
ReadLteCell(const ConfigNode& link, const ScenarioSpec& spec, const std::string& context)
{
    LteLinkSpec lte;
    const ConfigNode& bandNode = link.Get("band", context);
    lte.bandMark = bandNode.GetMark();
    std::string bandText = ReadChoice(bandNode, LteBandProfile::Names(), "LTE band");
    lte.band = static_cast<uint16_t>(std::stoi(bandText));
    const LteBandProfile* band = LteBandProfile::Find(lte.band);
    lte.dlMhz = band->defaultDlMhz;
    lte.bandwidth = band->defaultBandwidthMhz * 1e6;
    const ConfigNode* carrier = link.Find("carrier");
    if (carrier)
    {
        lte.dlMhz = carrier->AsFrequency() / 1e6;
    }
    const ConfigNode* bw = link.Find("bandwidth");
    if (bw)
    {
        lte.bandwidth = bw->AsFrequency();
        try
        {
            LteResourceBlocks(lte.bandwidth);
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(bw->GetMark(), context + ": " + e.what());
        }
    }
    // A carrier sits on the 100 kHz channel raster (TS 36.101 clause 5.7.2) and its channel
    // inside the band.
    double raster = lte.dlMhz * 10;
    if (std::abs(raster - std::round(raster)) > 1e-6 || !band->Fits(lte.dlMhz, lte.bandwidth / 1e6))
    {
        char buffer[200];
        std::snprintf(buffer,
                      sizeof(buffer),
                      ": a %g MHz channel at %g MHz does not fit band %u's downlink "
                      "(%g-%g MHz) on the 100 kHz raster",
                      lte.bandwidth / 1e6,
                      lte.dlMhz,
                      lte.band,
                      band->dlLowMhz,
                      band->GetDlHighMhz());
        throw InputError(carrier ? carrier->GetMark()
                         : bw    ? bw->GetMark()
                                 : bandNode.GetMark(),
                         context + buffer);
    }
    if (const ConfigNode* cell = link.Find("cell"))
    {
        lte.cell = ReadChoice(*cell, NrCellClass::Names(), "cell class");
    }
    lte.scenario = NrCellClass::Find(lte.cell)->scenario;
    if (const ConfigNode* ue = link.Find("ue"))
    {
        lte.ue = ReadChoice(*ue, NrUeClass::Names(), "UE class");
    }
    if (const ConfigNode* sched = link.Find("scheduler"))
    {
        lte.scheduler = ReadChoice(*sched, kLteSchedulers, "LTE scheduler");
    }
    lte.propagationMark = link.GetMark();
    if (const ConfigNode* prop = link.Find("propagation"))
    {
        lte.propagationMark = prop->GetMark();
        prop->CheckKeys({"scenario", "condition", "shadowing"}, context + " propagation");
        if (const ConfigNode* sc = prop->Find("scenario"))
        {
            lte.scenario = ReadChoice(*sc, {"RMa", "UMa", "UMi"}, "propagation scenario");
        }
        if (const ConfigNode* cond = prop->Find("condition"))
        {
            lte.condition = ReadChoice(*cond, {"Auto", "LOS", "NLOS"}, "channel condition");
        }
        if (const ConfigNode* sh = prop->Find("shadowing"))
        {
            lte.shadowing = sh->AsBool();
        }
    }
    if (const ConfigNode* p = link.Find("enb_power"))
    {
        lte.enbPowerDbm = ReadTxPowerDbm(*p, context + " enb_power");
    }
    if (const ConfigNode* sleep = link.Find("sleep"))
    {
        lte.sleep = ReadChoice(*sleep, {"micro", "light", "deep"}, "sleep state");
        if (lte.sleep != "micro")
        {
            throw InputError(sleep->GetMark(),
                             context + ": an LTE cell sends its cell-specific reference signals "
                                       "in every 1 ms subframe (TS 36.211 clause 6.10.1), "
                                       "shorter than the 6 ms a light sleep takes (TR 38.864 "
                                       "Table 5.1-4): it can only micro-sleep (sleep: micro)");
        }
    }
    if (const ConfigNode* p = link.Find("ue_power"))
    {
        lte.uePowerDbm = ReadTxPowerDbm(*p, context + " ue_power");
    }
    const ConfigNode& core = link.Get("core", context);
    lte.core = RequireNode(spec, core, context + " core").name;
    lte.coreMark = core.GetMark();
    if (const ConfigNode* attrs = link.Find("attributes"))
    {
        for (const auto& [key, value] : attrs->GetEntries())
        {
            auto pos = key.rfind("::");
            if (pos == std::string::npos || pos == 0)
            {
                throw InputError(attrs->GetKeyMark(key),
                                 context + ": LTE attributes are written ns3::TypeName::Attribute, "
                                           "e.g. ns3::LteEnbRrc::SrsPeriodicity");
            }
            CheckAttribute(key.substr(0, pos), key.substr(pos + 2), value, attrs->GetKeyMark(key));
        }
        lte.attributes = ReadStringMap(*attrs);
    }
    return lte;
}

/// The LTE links of a scenario share one EPC and one ns-3 LteHelper: one core node for the
/// PGW, one propagation model, and one value per ns-3 attribute default.
void
CheckLteCellsShareOneCore(const ScenarioSpec& spec)
{
    const LinkSpec* first = nullptr;
    std::map<std::string, std::pair<std::string, const LinkSpec*>> attributes;
    for (const auto& l : spec.links)
    {
        if (!l.lte)
        {
            continue;
        }
        const LteLinkSpec& c = *l.lte;
        std::string context = "link '" + l.name + "'";
        if (c.core == l.a || c.core == l.b)
        {
            throw InputError(c.coreMark,
                             context + ": the core node must be another node than the eNB and "
                                       "its UEs");
        }
        if (first && c.core != first->lte->core)
        {
            throw InputError(c.coreMark,
                             context + ": all LTE links share one EPC, whose PGW attaches to '" +
                                 first->lte->core + "' (link '" + first->name + "')");
        }
        if (first && (c.scenario != first->lte->scenario || c.condition != first->lte->condition ||
                      c.shadowing != first->lte->shadowing || c.band != first->lte->band))
        {
            throw InputError(c.band != first->lte->band ? c.bandMark : c.propagationMark,
                             context +
                                 ": ns-3's LteHelper has one channel and path loss model "
                                 "for all LTE cells; use the band and propagation of link '" +
                                 first->name + "'");
        }
        for (const auto& [key, value] : c.attributes)
        {
            auto [it, inserted] = attributes.emplace(key, std::make_pair(value, &l));
            if (!inserted && it->second.first != value)
            {
                throw InputError(l.mark,
                                 context + ": " + key + " is " + value + " here but " +
                                     it->second.first + " on link '" + it->second.second->name +
                                     "'; LTE attributes are ns-3 defaults for the whole run");
            }
        }
        if (!first)
        {
            first = &l;
        }
    }
}

void
ReadLinks(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode& links = root.Get("links", "scenario");
    std::unordered_map<std::string, std::size_t> firstNrCellOfUes;
    for (const auto& [name, link] : links.GetEntries())
    {
        std::string context = "link '" + name + "'";
        LinkSpec l;
        if (const ConfigNode* tech = link.Find("technology"))
        {
            l.technology = ReadChoice(*tech, {"wired", "nr", "wifi", "lte"}, "link technology");
        }
        link.CheckKeys(l.technology == "nr"     ? kNrLinkKeys
                       : l.technology == "wifi" ? kWifiLinkKeys
                       : l.technology == "lte"  ? kLteLinkKeys
                                                : kLinkKeys,
                       context);
        l.name = name;
        l.mark = links.GetKeyMark(name);
        l.lengthMark = l.mark;
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
        if (l.technology == "wifi")
        {
            if (a.count != 1)
            {
                throw InputError(ends[0].GetMark(),
                                 context +
                                     ": the first node of a Wi-Fi link is its access point, "
                                     "a single node; '" +
                                     a.name + "' is a group of " + std::to_string(a.count));
            }
            // IEEE 802.11-2020 clause 9.4.1.8: association IDs run from 1 to 2007; ns-3's access
            // point ends the run when it has none left for a station (ApWifiMac).
            if (b.count > 2007)
            {
                throw InputError(ends[1].GetMark(),
                                 context +
                                     ": an access point associates at most 2007 stations "
                                     "(IEEE 802.11 association IDs 1-2007); '" +
                                     b.name + "' is a group of " + std::to_string(b.count));
            }
            WifiLinkSpec w;
            if (const ConfigNode* st = link.Find("standard"))
            {
                w.standard = ReadChoice(*st, {"802.11n", "802.11ac", "802.11ax"}, "Wi-Fi standard");
            }
            const ConfigNode* bandNode = link.Find("band");
            if (bandNode)
            {
                w.band = ReadChoice(*bandNode, {"2.4GHz", "5GHz"}, "Wi-Fi band");
            }
            if (w.standard == "802.11ac" && w.band != "5GHz")
            {
                throw InputError(bandNode->GetMark(), context + ": 802.11ac works in 5GHz only");
            }
            if (const ConfigNode* width = link.Find("channel_width"))
            {
                int64_t mhz = width->AsInteger();
                bool ok =
                    mhz == 20 || mhz == 40 ||
                    (w.band == "5GHz" && w.standard != "802.11n" && (mhz == 80 || mhz == 160));
                if (!ok)
                {
                    throw InputError(width->GetMark(),
                                     context + ": channel_width must be 20 or 40 (MHz), or 80 or "
                                               "160 for 802.11ac/ax in 5GHz");
                }
                w.channelWidth = static_cast<uint32_t>(mhz);
            }
            l.wifi = w;
            if (const ConfigNode* cost = link.Find("cost"))
            {
                l.cost = ReadCost(*cost, context + " cost");
            }
            spec.links.push_back(l);
            continue;
        }
        if (l.technology == "lte")
        {
            if (a.count != 1)
            {
                throw InputError(ends[0].GetMark(),
                                 context +
                                     ": the first node of an LTE link is its eNB, a single "
                                     "node; '" +
                                     a.name + "' is a group of " + std::to_string(a.count));
            }
            l.lte = ReadLteCell(link, spec, context);
            if (const ConfigNode* cost = link.Find("cost"))
            {
                l.cost = ReadCost(*cost, context + " cost");
            }
            spec.links.push_back(l);
            continue;
        }
        if (l.technology == "nr")
        {
            if (a.count != 1)
            {
                throw InputError(ends[0].GetMark(),
                                 context +
                                     ": the first node of an NR link is its gNB, a single "
                                     "node; '" +
                                     a.name + "' is a group of " + std::to_string(a.count));
            }
            l.nr = ReadNrCell(link, context);
            // The first NR link that serves the same UEs; the others were checked against it.
            auto [first, isFirst] = firstNrCellOfUes.emplace(l.b, spec.links.size());
            if (!isFirst)
            {
                const LinkSpec& other = spec.links[first->second];
                CheckSameRadioNetwork(*other.nr, *l.nr, other.name, l, context);
            }
            if (const ConfigNode* cost = link.Find("cost"))
            {
                l.cost = ReadCost(*cost, context + " cost");
            }
            if (const ConfigNode* attrs = link.Find("attributes"))
            {
                for (const auto& [key, value] : attrs->GetEntries())
                {
                    CheckAttribute("ns3::NrGnbNetDevice", key, value, attrs->GetKeyMark(key));
                }
                l.deviceAttributes = ReadStringMap(*attrs);
            }
            CheckNrCellRuns(link, l, b.count);
            spec.links.push_back(l);
            continue;
        }
        const ConfigNode& profileNode = link.Get("profile", context);
        l.profile = ReadChoice(profileNode, WiredLinkProfile::Names(), "link profile");
        const WiredLinkProfile* profile = WiredLinkProfile::Find(l.profile);
        if (const ConfigNode* rate = link.Find("rate"))
        {
            if (link.Find("rate_down") || link.Find("rate_up"))
            {
                throw InputError(rate->GetMark(),
                                 context + ": give either rate or rate_down/rate_up, not both");
            }
            l.rateDown = rate->AsDataRate();
            RequirePositive(*rate, l.rateDown, context + " rate");
            l.rateUp = l.rateDown;
        }
        if (const ConfigNode* down = link.Find("rate_down"))
        {
            l.rateDown = down->AsDataRate();
            RequirePositive(*down, l.rateDown, context + " rate_down");
        }
        if (const ConfigNode* up = link.Find("rate_up"))
        {
            l.rateUp = up->AsDataRate();
            RequirePositive(*up, l.rateUp, context + " rate_up");
        }
        if (profile->downstreamRate <= 0 && l.rateDown <= 0)
        {
            throw InputError(profileNode.GetMark(),
                             context + ": profile '" + l.profile +
                                 "' has no fixed rate; give the link a rate, e.g. rate: 1Gbps");
        }
        if (const ConfigNode* length = link.Find("length"))
        {
            l.length = length->AsLength();
            l.lengthMark = length->GetMark();
        }
        if (const ConfigNode* rf = link.Find("route_factor"))
        {
            l.routeFactor = rf->AsDouble();
            if (l.routeFactor < 1.0)
            {
                throw InputError(rf->GetMark(),
                                 context + ": route_factor must be at least 1 (a cable is never "
                                           "shorter than the straight line)");
            }
        }
        if (!l.length)
        {
            const SiteSpec* sa = spec.FindSite(a.site);
            const SiteSpec* sb = spec.FindSite(b.site);
            l.length = std::hypot(sa->x - sb->x, sa->y - sb->y) * l.routeFactor;
            if (*l.length > units::kMaxMetres)
            {
                const ConfigNode* rf = link.Find("route_factor");
                std::ostringstream message;
                message << context << ": the cable between its sites would be " << *l.length / 1000
                        << " km long, beyond the 1,000,000km a length may be";
                throw InputError(rf ? rf->GetMark() : l.mark, message.str());
            }
        }
        if (profile->maxLength > 0 && *l.length > profile->maxLength)
        {
            throw InputError(l.lengthMark,
                             context + ": length " + std::to_string(*l.length / 1000.0) +
                                 " km exceeds the reach of profile '" + l.profile + "' (" +
                                 std::to_string(profile->maxLength / 1000.0) + " km)");
        }
        if (const ConfigNode* lat = link.Find("latency"))
        {
            l.extraLatency = lat->AsDuration();
        }
        if (const ConfigNode* queue = link.Find("queue"))
        {
            l.queue = ReadQueueSize(*queue, context);
        }
        if (const ConfigNode* mtu = link.Find("mtu"))
        {
            int64_t m = mtu->AsInteger();
            if (m < 576 || m > 65535)
            {
                throw InputError(mtu->GetMark(), context + ": mtu must be 576 to 65535 bytes");
            }
            l.mtu = static_cast<uint16_t>(m);
        }
        if (const ConfigNode* power = link.Find("power"))
        {
            l.power = ReadPower(*power, context + " power");
        }
        if (const ConfigNode* cost = link.Find("cost"))
        {
            l.cost = ReadCost(*cost, context + " cost");
        }
        if (const ConfigNode* attrs = link.Find("attributes"))
        {
            for (const auto& [key, value] : attrs->GetEntries())
            {
                CheckAttribute("ns3::PointToPointNetDevice", key, value, attrs->GetKeyMark(key));
            }
            l.deviceAttributes = ReadStringMap(*attrs);
        }
        spec.links.push_back(l);
    }
}

TrafficSpec
ReadTraffic(const ConfigNode& node, const std::string& context)
{
    node.CheckKeys(kTrafficKeys, context);
    TrafficSpec t;
    t.pattern = ReadChoice(node.Get("pattern", context), kPatterns, "traffic pattern");
    auto forbid = [&](const std::string& key) {
        if (const ConfigNode* n = node.Find(key))
        {
            throw InputError(n->GetMark(),
                             context + ": '" + key + "' does not apply to pattern " + t.pattern);
        }
    };
    if (const ConfigNode* p = node.Find("protocol"))
    {
        t.protocol = ReadChoice(*p, {"udp", "tcp"}, "protocol");
    }
    if (t.pattern == "bulk")
    {
        t.protocol = "tcp";
    }
    if (const ConfigNode* size = node.Find("size"))
    {
        t.size = size->AsDataSize();
        if (t.pattern != "bulk" && (t.size < 28 || t.size > 65000))
        {
            throw InputError(size->GetMark(),
                             context + ": packet size must be 28 B (the timestamp header) to "
                                       "65000 B");
        }
    }
    if (t.pattern == "periodic" || t.pattern == "request_response")
    {
        const ConfigNode& interval = node.Get("interval", context);
        t.interval = interval.AsDuration();
        RequirePositive(interval, t.interval, context + " interval");
        if (const ConfigNode* arr = node.Find("arrivals"))
        {
            t.exponential = ReadChoice(*arr, {"fixed", "poisson"}, "arrivals") == "poisson";
        }
    }
    else
    {
        forbid("interval");
        forbid("arrivals");
    }
    if (t.pattern == "request_response")
    {
        if (const ConfigNode* rs = node.Find("response_size"))
        {
            t.responseSize = rs->AsDataSize();
            if (t.responseSize < 28 || t.responseSize > 65000)
            {
                throw InputError(rs->GetMark(),
                                 context + ": response_size must be 28 B to 65000 B");
            }
        }
    }
    else
    {
        forbid("response_size");
    }
    if (t.pattern == "constant_rate" || t.pattern == "video")
    {
        const ConfigNode& rate = node.Get("rate", context);
        t.rate = rate.AsDataRate();
        RequirePositive(rate, t.rate, context + " rate");
        t.rateMark = rate.GetMark();
    }
    else
    {
        forbid("rate");
    }
    if (t.pattern == "video")
    {
        if (const ConfigNode* fr = node.Find("frame_rate"))
        {
            t.frameRate = fr->AsDouble();
            // A frame at least every 10^6 s and at most every millisecond: the frame interval is a
            // time like any other and must fit ns-3's clock.
            if (!(t.frameRate >= 1e-6 && t.frameRate <= 1000))
            {
                throw InputError(fr->GetMark(),
                                 context + ": frame_rate must be 0.000001 to 1000 frames per "
                                           "second");
            }
        }
        if (const ConfigNode* v = node.Find("frame_size_variation"))
        {
            t.frameSizeVariation = v->AsRatio();
        }
        if (const ConfigNode* mp = node.Find("max_packet_size"))
        {
            t.maxPacketSize = mp->AsDataSize();
            // A burst's last packet may borrow bytes from the one before so that no packet is
            // smaller than its header: two headers (56 B) is the least that always works.
            if (t.maxPacketSize < 56 || t.maxPacketSize > 65000)
            {
                throw InputError(mp->GetMark(),
                                 context + ": max_packet_size must be 56 B to 65000 B");
            }
        }
        forbid("size");
    }
    else
    {
        forbid("frame_rate");
        forbid("frame_size_variation");
        forbid("max_packet_size");
    }
    if (t.pattern == "video" && t.rate / 8 / t.frameRate > kMaxFrameBytes)
    {
        throw InputError(t.rateMark,
                         context + ": rate / frame_rate gives frames larger than 4 GB; lower the "
                                   "rate or raise the frame rate");
    }
    if (t.pattern == "video" && t.rate / 8 / t.frameRate < 28)
    {
        throw InputError(t.rateMark,
                         context + ": rate / frame_rate gives frames smaller than the 28 B "
                                   "timestamp header; raise the rate or lower the frame rate");
    }
    if (t.pattern == "constant_rate" && t.size * 8 / t.rate < 1e-9)
    {
        throw InputError(t.rateMark,
                         context + ": rate asks for more than one packet per nanosecond; raise "
                                   "the packet size");
    }
    if (t.pattern == "bulk")
    {
        const ConfigNode* size = node.Find("size");
        if (size && t.size < 28)
        {
            throw InputError(size->GetMark(),
                             context + ": a bulk transfer carries at least one 28 B timestamp "
                                       "header");
        }
        t.totalBytes = size ? t.size : 0;
        t.size = 1400;
    }
    return t;
}

RequirementSpec
ReadRequirements(const ConfigNode& node, const std::string& context, const TrafficSpec& traffic)
{
    node.CheckKeys(kRequirementKeys, context);
    RequirementSpec r;
    if (const ConfigNode* lat = node.Find("latency"))
    {
        r.latency = lat->AsDuration();
        RequirePositive(*lat, *r.latency, context + " latency");
    }
    if (const ConfigNode* rel = node.Find("reliability"))
    {
        r.reliability = rel->AsRatio();
        if (!(r.reliability > 0) || r.reliability >= 1.0)
        {
            throw InputError(rel->GetMark(),
                             context + ": reliability must be above 0 % and below 100 % (no finite "
                                       "run can show 100 %)");
        }
        if (!r.latency && !node.Find("rtt"))
        {
            throw InputError(rel->GetMark(),
                             context + ": reliability needs a latency or rtt deadline to apply to");
        }
    }
    if (const ConfigNode* rtt = node.Find("rtt"))
    {
        if (traffic.pattern != "request_response")
        {
            throw InputError(rtt->GetMark(),
                             context + ": rtt applies only to request_response traffic");
        }
        r.rtt = rtt->AsDuration();
        RequirePositive(*rtt, *r.rtt, context + " rtt");
    }
    if (const ConfigNode* tp = node.Find("throughput"))
    {
        r.throughput = tp->AsDataRate();
    }
    if (const ConfigNode* loss = node.Find("loss"))
    {
        r.loss = loss->AsRatio();
    }
    return r;
}

void
ReadFlows(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode& flows = root.Get("flows", "scenario");
    for (const auto& [name, flow] : flows.GetEntries())
    {
        std::string context = "flow '" + name + "'";
        flow.CheckKeys(kFlowKeys, context);
        FlowSpec f;
        f.name = name;
        f.mark = flows.GetKeyMark(name);
        const ConfigNode& from = flow.Get("from", context);
        const ConfigNode& to = flow.Get("to", context);
        const NodeSpec& src = RequireNode(spec, from, context);
        const NodeSpec& dst = RequireNode(spec, to, context);
        if (src.name == dst.name)
        {
            throw InputError(to.GetMark(), context + " sends from '" + src.name + "' to itself");
        }
        CheckPairing(src, dst, from.GetMark(), context);
        f.from = src.name;
        f.to = dst.name;
        f.traffic = ReadTraffic(flow.Get("traffic", context), context + " traffic");
        if (const ConfigNode* start = flow.Find("start"))
        {
            f.start = start->AsDuration();
        }
        if (const ConfigNode* stop = flow.Find("stop"))
        {
            f.stop = stop->AsDuration();
            if (*f.stop <= f.start)
            {
                throw InputError(stop->GetMark(), context + ": stop must be after start");
            }
            if (*f.stop > spec.duration)
            {
                throw InputError(stop->GetMark(),
                                 context + ": stop is after the scenario's duration");
            }
        }
        if (f.start >= spec.duration)
        {
            throw InputError(flow.Get("start", context).GetMark(),
                             context + ": start is not before the scenario's duration");
        }
        if (f.stop.value_or(spec.duration) - f.start < kMinWindowSeconds)
        {
            const ConfigNode* at = flow.Find("stop") ? flow.Find("stop") : flow.Find("start");
            throw InputError(at->GetMark(),
                             context + ": the flow runs for less than 1ms between its start and " +
                                 (f.stop ? "stop" : "the scenario's end") +
                                 "; 1ms (one LTE TTI or NR slot at 15 kHz) is the shortest window");
        }
        if (const ConfigNode* req = flow.Find("requirements"))
        {
            f.requirements = ReadRequirements(*req, context + " requirements", f.traffic);
        }
        spec.flows.push_back(f);
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

/// The equipment and link catalogues price everything in JPY. Another currency is fine only when
/// the scenario prices every element itself; mixing would label yen as something else.
void
CheckCostsInCurrency(const ScenarioSpec& spec, const SourceMark& currencyMark)
{
    if (spec.currency == "JPY")
    {
        return;
    }
    auto refuse = [&](const std::string& what) {
        throw InputError(currencyMark,
                         "the catalogue costs are in JPY, but " + what +
                             " has no cost of its own in " + spec.currency +
                             "; give it one (cost: {capex: ..., opex_per_year: ..., "
                             "lifetime_years: ...}) or use currency JPY");
    };
    for (const auto& n : spec.nodes)
    {
        const EquipmentProfile* eq = EquipmentProfile::Find(n.equipment);
        if (!n.cost && (eq->capex > 0 || eq->opexPerYear > 0))
        {
            refuse("node '" + n.name + "'");
        }
    }
    // Every link technology has catalogue costs in JPY: wired profiles, NR and LTE cell classes
    // (NrCellClass), Wi-Fi access points (WifiProfile).
    for (const auto& l : spec.links)
    {
        if (!l.cost)
        {
            refuse("link '" + l.name + "'");
        }
    }
}

/// Every flow's ends must be joined by links; found here so `validate` reports it too.
/// Only the UEs of NR cells and the stations of Wi-Fi cells follow a node's mobility; anything
/// else would silently stay where it was placed.
void
CheckMovingNodesAreRadioTerminals(const ScenarioSpec& spec)
{
    std::unordered_set<std::string> terminals;
    for (const auto& l : spec.links)
    {
        if (l.technology == "nr" || l.technology == "wifi")
        {
            terminals.insert(l.b);
        }
    }
    for (const auto& n : spec.nodes)
    {
        if (n.mobility && terminals.count(n.name) == 0)
        {
            throw InputError(n.mobility->mark,
                             "node '" + n.name +
                                 "' mobility: only the UEs of nr links and the stations of wifi "
                                 "links move (the second node of such a link); LTE UEs, base "
                                 "stations and wired nodes stay where they are placed");
        }
    }
}

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
        // An LTE cell's UEs reach the network through the EPC's PGW at the core node; the
        // eNB's own node is not on their path.
        parent[root(l.lte ? l.lte->core : l.a)] = root(l.b);
    }
    for (const auto& f : spec.flows)
    {
        if (root(f.from) != root(f.to))
        {
            throw InputError(f.mark,
                             "flow '" + f.name + "': no route from '" + f.from + "' to '" + f.to +
                                 "'; connect them with links");
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
    ReadLinks(root, spec);
    CheckLteCellsShareOneCore(spec);
    ReadFlows(root, spec);
    CheckScenarioFitsTheSimulator(spec);
    CheckMovingNodesAreRadioTerminals(spec);
    CheckFlowsConnected(spec);
    CheckCostsInCurrency(spec, currencyMark);
    spec.resolvedYaml = root.ToYaml();
    return spec;
}

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
        if (changes || !overrides.empty())
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

} // namespace ns3
