/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/optical/optical-spec-reader.h"

#include "helper/scenario/spec-reading.h"
#include "model/equipment/equipment-profile.h"
#include "model/optical/optical-transponder-class.h"

#include <algorithm>
#include <set>

namespace ns3
{
namespace blueprint
{

namespace
{

using namespace specreading;

/// Keys of a network's settings: grid, line, class, RWA, queue and equipment.
const std::vector<std::string> kSettingKeys = {"channels",
                                               "line",
                                               "amplifier_spacing",
                                               "attenuation_db_per_km",
                                               "span_margin_db",
                                               "launch_power_dbm",
                                               "noise_figure_db",
                                               "amplifier_latency",
                                               "transponder",
                                               "candidate_paths",
                                               "regenerators",
                                               "slower_transponder",
                                               "queue",
                                               "equipment"};

/// Keys of the whole network's map: its settings, then its sites, fibres, demands and IP layer.
std::vector<std::string>
NetworkKeys()
{
    std::vector<std::string> keys = kSettingKeys;
    for (const char* key : {"roadms", "fibres", "demands", "ip_layer"})
    {
        keys.emplace_back(key);
    }
    return keys;
}

/// Keys of one fibre.
const std::vector<std::string> kFibreKeys = {"between", "length", "plant"};
/// Keys of one demand.
const std::vector<std::string> kDemandKeys =
    {"name", "from", "to", "from_node", "to_node", "rate", "transponder"};
/// Keys of the IP layer.
const std::vector<std::string> kIpLayerKeys = {"router", "rate", "queue"};
/// Keys of the equipment overrides.
const std::vector<std::string> kEquipmentKeys = {"roadm_base_power",
                                                 "roadm_power_per_degree",
                                                 "roadm_power_per_add_drop_port",
                                                 "amplifier_site_power",
                                                 "pue",
                                                 "roadm_base_capex",
                                                 "roadm_capex_per_degree",
                                                 "roadm_capex_per_add_drop_port",
                                                 "amplifier_site_capex",
                                                 "lifetime_years",
                                                 "support_per_year"};

/// Reads a transponder class name.
std::string
ReadClass(const ConfigNode& node)
{
    return ReadChoice(node, OpticalTransponderClass::Names(), "transponder class");
}

/// Reads the line-system figures into spec.line: a preset, then the figures written.
void
ReadLine(const ConfigNode& node, const std::string& context, OpticalLineSystem& line)
{
    if (const ConfigNode* n = node.Find("line"))
    {
        line = OpticalLineSystem::FromPreset(
            ReadChoice(*n, OpticalLineSystem::PresetNames(), "optical line preset"));
    }
    if (const ConfigNode* n = node.Find("amplifier_spacing"))
    {
        line.maxSpanKm =
            ReadPositive(*n, &ConfigNode::AsLength, context + " amplifier_spacing") / 1000.0;
    }
    if (const ConfigNode* n = node.Find("attenuation_db_per_km"))
    {
        line.attenuationDbPerKm = ReadDoubleIn(*n, 0.0, 10.0, context + " attenuation_db_per_km");
    }
    if (const ConfigNode* n = node.Find("span_margin_db"))
    {
        line.spanMarginDb = ReadDoubleIn(*n, 0.0, 50.0, context + " span_margin_db");
    }
    if (const ConfigNode* n = node.Find("launch_power_dbm"))
    {
        line.launchPowerDbm = ReadDoubleIn(*n, -30.0, 30.0, context + " launch_power_dbm");
    }
    if (const ConfigNode* n = node.Find("noise_figure_db"))
    {
        line.noiseFigureDb = ReadDoubleIn(*n, 0.0, 30.0, context + " noise_figure_db");
    }
    if (const ConfigNode* n = node.Find("amplifier_latency"))
    {
        line.amplifierLatency = Seconds(n->AsDuration());
        if (line.amplifierLatency.IsStrictlyNegative())
        {
            throw InputError(n->GetMark(), context + " amplifier_latency must not be negative");
        }
    }
}

/// Reads one fibre.
OpticalFibreSpec
ReadFibre(const ConfigNode& node, const std::string& context)
{
    node.CheckKeys(kFibreKeys, context);
    OpticalFibreSpec f;
    f.mark = node.GetMark();
    const ConfigNode& between = node.Get("between", context);
    if (!between.IsSequence() || between.GetItems().size() != 2)
    {
        throw InputError(between.GetMark(), context + ": 'between' lists the two sites, [a, b]");
    }
    f.a = between.GetItems()[0].AsString();
    f.b = between.GetItems()[1].AsString();
    if (f.a == f.b)
    {
        throw InputError(between.GetMark(), context + ": a fibre joins two different sites");
    }
    if (const ConfigNode* length = node.Find("length"))
    {
        f.lengthKm = ReadPositive(*length, &ConfigNode::AsLength, context + " length") / 1000.0;
    }
    if (const ConfigNode* plant = node.Find("plant"))
    {
        f.aerial = ReadChoice(*plant, {"underground", "aerial"}, "fibre plant") == "aerial";
    }
    return f;
}

/// Reads the equipment overrides into spec.equipment.
void
ReadEquipment(const ConfigNode& node, const std::string& context, OpticalEquipment& eq)
{
    node.CheckKeys(kEquipmentKeys, context);

    struct Power
    {
        const char* key;
        double OpticalEquipment::*field;
    };

    for (const Power& p :
         {Power{"roadm_base_power", &OpticalEquipment::roadmBaseWatts},
          Power{"roadm_power_per_degree", &OpticalEquipment::roadmWattsPerDegree},
          Power{"roadm_power_per_add_drop_port", &OpticalEquipment::roadmWattsPerAddDropPort},
          Power{"amplifier_site_power", &OpticalEquipment::amplifierSiteWatts}})
    {
        if (const ConfigNode* n = node.Find(p.key))
        {
            eq.*p.field = n->AsPower();
            if (eq.*p.field < 0.0)
            {
                throw InputError(n->GetMark(), context + " " + p.key + " must not be negative");
            }
        }
    }
    for (const Power& m :
         {Power{"roadm_base_capex", &OpticalEquipment::roadmBaseCapex},
          Power{"roadm_capex_per_degree", &OpticalEquipment::roadmCapexPerDegree},
          Power{"roadm_capex_per_add_drop_port", &OpticalEquipment::roadmCapexPerAddDropPort},
          Power{"amplifier_site_capex", &OpticalEquipment::amplifierSiteCapex}})
    {
        if (const ConfigNode* n = node.Find(m.key))
        {
            eq.*m.field = n->AsMoney();
            if (eq.*m.field < 0.0)
            {
                throw InputError(n->GetMark(), context + " " + m.key + " must not be negative");
            }
        }
    }
    if (const ConfigNode* n = node.Find("pue"))
    {
        eq.pue = ReadDoubleIn(*n, 1.0, 10.0, context + " pue");
    }
    if (const ConfigNode* n = node.Find("lifetime_years"))
    {
        eq.lifetimeYears = ReadPositive(*n, &ConfigNode::AsDouble, context + " lifetime_years");
    }
    if (const ConfigNode* n = node.Find("support_per_year"))
    {
        eq.supportFractionPerYear = n->AsRatio();
    }
}

} // namespace

std::vector<std::string>
OpticalNetworkSettingKeys()
{
    return kSettingKeys;
}

void
CheckOpticalClassFitsGrid(const SourceMark& where,
                          const std::string& context,
                          const OpticalNetworkSpec& spec,
                          const std::string& name)
{
    const OpticalWavelengthGrid grid = OpticalWavelengthGrid::ForChannelCount(spec.channels);
    const OpticalTransponderClass* cls = OpticalTransponderClass::Find(name);
    if (cls->minChannelSpacingHz > grid.spacingHz)
    {
        throw InputError(where,
                         context + ": a " + name + " signal needs " +
                             std::to_string(static_cast<int>(cls->minChannelSpacingHz / 1e9)) +
                             " GHz slots, but " + std::to_string(spec.channels) + " channels are " +
                             std::to_string(static_cast<int>(grid.spacingHz / 1e9)) + " GHz apart");
    }
}

std::string
ReadOpticalTransponderClass(const ConfigNode& node)
{
    return ReadClass(node);
}

void
ReadOpticalNetworkSettings(const ConfigNode& node,
                           const std::string& context,
                           OpticalNetworkSpec& spec)
{
    if (const ConfigNode* n = node.Find("channels"))
    {
        const int64_t channels = n->AsInteger();
        if (channels != 40 && channels != 64 && channels != 96)
        {
            throw InputError(n->GetMark(),
                             context +
                                 ": channels is 40 (100 GHz), 64 (75 GHz) or 96 (50 GHz), "
                                 "not " +
                                 std::to_string(channels));
        }
        spec.channels = static_cast<uint32_t>(channels);
    }
    ReadLine(node, context, spec.line);
    // A class is only usable if its signal fits the grid's slots.
    if (const ConfigNode* n = node.Find("transponder"))
    {
        spec.transponderClass = ReadClass(*n);
        CheckOpticalClassFitsGrid(n->GetMark(), context, spec, spec.transponderClass);
    }
    else
    {
        CheckOpticalClassFitsGrid(node.Find("channels") ? node.Find("channels")->GetMark()
                                                        : node.GetMark(),
                                  context,
                                  spec,
                                  spec.transponderClass);
    }
    if (const ConfigNode* n = node.Find("candidate_paths"))
    {
        spec.candidatePaths =
            static_cast<uint32_t>(ReadIntegerIn(*n, 1, 100, context + " candidate_paths"));
    }
    if (const ConfigNode* n = node.Find("regenerators"))
    {
        spec.allowRegenerators = n->AsBool();
    }
    if (const ConfigNode* n = node.Find("slower_transponder"))
    {
        spec.allowSlowerTransponder = n->AsBool();
    }
    if (const ConfigNode* n = node.Find("queue"))
    {
        spec.queue = ReadQueueSize(*n, context + " queue");
    }
    if (const ConfigNode* eq = node.Find("equipment"))
    {
        ReadEquipment(*eq, context + " equipment", spec.equipment);
    }
}

OpticalNetworkSpec
ReadOpticalNetworkSpec(const ConfigNode& node, const std::string& context)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + ": an optical network is a map, found " +
                             DescribeKind(node.GetKind()));
    }
    node.CheckKeys(NetworkKeys(), context);
    OpticalNetworkSpec spec;
    spec.mark = node.GetMark();
    ReadOpticalNetworkSettings(node, context, spec);
    auto checkFits = [&](const ConfigNode& where, const std::string& name) {
        CheckOpticalClassFitsGrid(where.GetMark(), context, spec, name);
    };
    if (const ConfigNode* n = node.Find("roadms"))
    {
        std::set<std::string> seen;
        for (const ConfigNode& item : n->GetItems())
        {
            const std::string name = item.AsString();
            if (!seen.insert(name).second)
            {
                throw InputError(item.GetMark(),
                                 context + ": ROADM site '" + name + "' is listed twice");
            }
            spec.roadms.push_back(name);
        }
    }
    const ConfigNode& fibres = node.Get("fibres", context);
    if (!fibres.IsSequence() || fibres.GetItems().empty())
    {
        throw InputError(fibres.GetMark(), context + ": 'fibres' lists at least one fibre");
    }
    for (std::size_t i = 0; i < fibres.GetItems().size(); ++i)
    {
        spec.fibres.push_back(
            ReadFibre(fibres.GetItems()[i], context + " fibre " + std::to_string(i + 1)));
    }
    const std::vector<std::string> sites = spec.GetRoadmNames();
    auto checkSite = [&](const ConfigNode& where, const std::string& site) {
        if (std::find(sites.begin(), sites.end(), site) == sites.end())
        {
            ReadChoice(where, sites, "ROADM site");
        }
    };
    for (std::size_t i = 0; i < spec.fibres.size(); ++i)
    {
        const ConfigNode& between = fibres.GetItems()[i].Get("between", context);
        checkSite(between.GetItems()[0], spec.fibres[i].a);
        checkSite(between.GetItems()[1], spec.fibres[i].b);
    }
    if (const ConfigNode* demands = node.Find("demands"))
    {
        std::set<std::string> names;
        for (const ConfigNode& item : demands->GetItems())
        {
            const std::string where = context + " demand";
            item.CheckKeys(kDemandKeys, where);
            OpticalDemandSpec d;
            d.mark = item.GetMark();
            d.name = item.Get("name", where).AsString();
            if (!names.insert(d.name).second)
            {
                throw InputError(item.Get("name", where).GetMark(),
                                 context + ": demand '" + d.name + "' is defined twice");
            }
            const std::string ctx = context + " demand '" + d.name + "'";
            d.from = item.Get("from", ctx).AsString();
            d.to = item.Get("to", ctx).AsString();
            checkSite(item.Get("from", ctx), d.from);
            checkSite(item.Get("to", ctx), d.to);
            if (d.from == d.to)
            {
                throw InputError(item.Get("to", ctx).GetMark(),
                                 ctx + ": a demand joins two different sites");
            }
            if (const ConfigNode* n = item.Find("from_node"))
            {
                d.fromNode = n->AsString();
            }
            if (const ConfigNode* n = item.Find("to_node"))
            {
                d.toNode = n->AsString();
            }
            const ConfigNode* cls = item.Find("transponder");
            if (cls)
            {
                d.transponderClass = ReadClass(*cls);
                checkFits(*cls, d.transponderClass);
            }
            const std::string used =
                d.transponderClass.empty() ? spec.transponderClass : d.transponderClass;
            if (const ConfigNode* rate = item.Find("rate"))
            {
                d.rate = ReadPositive(*rate, &ConfigNode::AsDataRate, ctx + " rate");
                if (d.rate > OpticalTransponderClass::Find(used)->lineRate)
                {
                    throw InputError(rate->GetMark(),
                                     ctx + ": rate exceeds one " + used + " wavelength");
                }
            }
            spec.demands.push_back(d);
        }
    }
    if (const ConfigNode* ip = node.Find("ip_layer"))
    {
        const std::string where = context + " ip_layer";
        ip->CheckKeys(kIpLayerKeys, where);
        if (const ConfigNode* n = ip->Find("router"))
        {
            spec.ipLayer.routerProfile = ReadChoice(*n, EquipmentProfile::Names(), "equipment");
        }
        if (const ConfigNode* n = ip->Find("rate"))
        {
            spec.ipLayer.rate = ReadPositive(*n, &ConfigNode::AsDataRate, where + " rate");
        }
        if (const ConfigNode* n = ip->Find("queue"))
        {
            spec.ipLayer.queue = ReadQueueSize(*n, where + " queue");
        }
    }
    return spec;
}

} // namespace blueprint
} // namespace ns3
