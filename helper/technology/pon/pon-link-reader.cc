/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/pon/pon-link-reader.h"

#include "helper/scenario/spec-reading.h"
#include "helper/technology/pon/pon-helper.h"
#include "model/pon/pon-channel.h"
#include "model/pon/pon-dba.h"
#include "model/pon/pon-flavour.h"

#include "ns3/type-id.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

using namespace specreading;

/// Keys of a tree's settings, shared by every ONU on it.
const std::vector<std::string> kTreeKeys = {"flavour",
                                            "split",
                                            "budget_db",
                                            "dba",
                                            "cycle",
                                            "max_grant",
                                            "fixed_rate",
                                            "cooperative_margin",
                                            "olt_queue",
                                            "onu_queue",
                                            "equipment"};

/// Keys of the PON map: the OLT, the ONUs, the feeder, announced arrivals and the tree's
/// settings.
std::vector<std::string>
PonKeys()
{
    std::vector<std::string> keys = {"olt", "onus", "feeder", "cti"};
    keys.insert(keys.end(), kTreeKeys.begin(), kTreeKeys.end());
    return keys;
}

/// Keys of one ONU written as a map.
const std::vector<std::string> kOnuKeys = {"node", "drop"};
/// Keys of one announced arrival.
const std::vector<std::string> kCtiKeys = {"onu", "first", "period", "packet_size", "packets"};
/// Keys of the equipment overrides.
const std::vector<std::string> kEquipmentKeys = {"olt_port_power",
                                                 "onu_power",
                                                 "olt_pue",
                                                 "olt_port_capex",
                                                 "onu_capex",
                                                 "splitter_capex",
                                                 "lifetime_years",
                                                 "support_per_year"};

/// Reads the DBA policy: an alias or a TypeId name of a PonDba subclass.
std::string
ReadDba(const ConfigNode& node)
{
    const std::string name = node.AsString();
    TypeId tid;
    if (name.rfind("ns3::", 0) == 0)
    {
        if (!TypeId::LookupByNameFailSafe(name, &tid) || !tid.IsChildOf(PonDba::GetTypeId()) ||
            !tid.HasConstructor())
        {
            throw InputError(node.GetMark(),
                             "'" + name +
                                 "' is not a registered class inheriting from "
                                 "ns3::blueprint::PonDba");
        }
        return name;
    }
    return ReadChoice(node, PonHelper::DbaNames(), "DBA policy");
}

/// Reads the equipment overrides.
void
ReadEquipment(const ConfigNode& node, const std::string& context, PonEquipment& eq)
{
    node.CheckKeys(kEquipmentKeys, context);
    auto power = [&](const char* key, double& field) {
        if (const ConfigNode* n = node.Find(key))
        {
            field = n->AsPower();
            if (field < 0.0)
            {
                throw InputError(n->GetMark(), context + " " + key + " must not be negative");
            }
        }
    };
    auto money = [&](const char* key, double& field) {
        if (const ConfigNode* n = node.Find(key))
        {
            field = n->AsMoney();
            if (field < 0.0)
            {
                throw InputError(n->GetMark(), context + " " + key + " must not be negative");
            }
        }
    };
    power("olt_port_power", eq.oltPortWatts);
    power("onu_power", eq.onuWatts);
    money("olt_port_capex", eq.oltPortCapex);
    money("onu_capex", eq.onuCapex);
    money("splitter_capex", eq.splitterCapex);
    if (const ConfigNode* n = node.Find("olt_pue"))
    {
        eq.oltPue = ReadDoubleIn(*n, 1.0, 10.0, context + " olt_pue");
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

/// Reads one ONU: a node name, or a map with node and drop.
PonOnuSpec
ReadOnu(const ConfigNode& item, const std::string& context)
{
    PonOnuSpec onu;
    onu.mark = item.GetMark();
    if (item.IsScalar())
    {
        onu.node = item.AsString();
        return onu;
    }
    item.CheckKeys(kOnuKeys, context);
    onu.node = item.Get("node", context).AsString();
    if (const ConfigNode* drop = item.Find("drop"))
    {
        onu.dropKm = drop->AsLength() / 1000.0;
        if (onu.dropKm < 0.0)
        {
            throw InputError(drop->GetMark(), context + " drop must not be negative");
        }
    }
    return onu;
}

} // namespace

std::vector<std::string>
PonTreeKeys()
{
    return kTreeKeys;
}

double
GetPonReachKm(const PonLinkSpec& spec)
{
    Ptr<PonFlavour> flavour = PonFlavour::Create(spec.flavour);
    const double budget = spec.budgetDb.value_or(flavour->GetPowerBudgetDb());
    return std::min(flavour->GetMaxReachKm(), PonChannel::GetBudgetReachKm(budget, spec.split));
}

std::string
DescribePonReach(const PonLinkSpec& spec)
{
    Ptr<PonFlavour> flavour = PonFlavour::Create(spec.flavour);
    const double budget = spec.budgetDb.value_or(flavour->GetPowerBudgetDb());
    std::ostringstream msg;
    msg << spec.flavour << " reach with a 1:" << spec.split << " splitter ("
        << std::floor(GetPonReachKm(spec) * 10) / 10 << " km: " << budget << " dB budget, "
        << flavour->GetMaxReachKm() << " km physical limit)";
    return msg.str();
}

void
ReadPonTreeSettings(const ConfigNode& node, const std::string& context, PonLinkSpec& spec)
{
    if (const ConfigNode* n = node.Find("flavour"))
    {
        spec.flavour = ReadChoice(*n, PonFlavour::Names(), "PON flavour");
    }
    if (const ConfigNode* splitNode = node.Find("split"))
    {
        const int64_t split = ReadIntegerIn(*splitNode, 2, 128, context + " split");
        if ((split & (split - 1)) != 0)
        {
            throw InputError(splitNode->GetMark(),
                             context +
                                 ": a splitter divides by a power of two (32, 64, 128), "
                                 "not " +
                                 std::to_string(split));
        }
        spec.split = static_cast<uint32_t>(split);
    }
    if (const ConfigNode* n = node.Find("budget_db"))
    {
        spec.budgetDb = ReadDoubleIn(*n, 0.0, 60.0, context + " budget_db");
    }
    if (const ConfigNode* n = node.Find("dba"))
    {
        spec.dba = ReadDba(*n);
    }
    if (const ConfigNode* n = node.Find("cycle"))
    {
        spec.cycle = Seconds(n->AsDuration());
        if (spec.cycle < MicroSeconds(125))
        {
            throw InputError(n->GetMark(), context + " cycle must be at least one 125 us frame");
        }
    }
    if (const ConfigNode* n = node.Find("max_grant"))
    {
        spec.maxGrantBytes = static_cast<uint32_t>(n->AsDataSize());
    }
    if (const ConfigNode* n = node.Find("fixed_rate"))
    {
        spec.fixedRate = ReadPositive(*n, &ConfigNode::AsDataRate, context + " fixed_rate");
    }
    if (const ConfigNode* n = node.Find("cooperative_margin"))
    {
        spec.cooperativeMargin = Seconds(n->AsDuration());
        if (spec.cooperativeMargin.IsStrictlyNegative())
        {
            throw InputError(n->GetMark(), context + " cooperative_margin must not be negative");
        }
    }
    if (const ConfigNode* n = node.Find("olt_queue"))
    {
        spec.oltQueuePackets =
            static_cast<uint32_t>(ReadIntegerIn(*n, 1, 1000000, context + " olt_queue"));
    }
    if (const ConfigNode* n = node.Find("onu_queue"))
    {
        spec.onuQueuePackets =
            static_cast<uint32_t>(ReadIntegerIn(*n, 1, 1000000, context + " onu_queue"));
    }
    if (const ConfigNode* n = node.Find("equipment"))
    {
        ReadEquipment(*n, context + " equipment", spec.equipment);
    }
}

std::vector<PonCtiSpec>
ReadPonCti(const ConfigNode& node,
           const std::string& context,
           const std::string& dba,
           const std::vector<std::string>& onus,
           bool onuRequired)
{
    if (!PonHelper::IsCooperative(dba))
    {
        throw InputError(node.GetMark(),
                         context + ": announced arrivals (cti) need dba: cooperative");
    }
    if (!node.IsSequence())
    {
        throw InputError(node.GetMark(),
                         context + ": cti lists announced arrivals, each {first, period, "
                                   "packet_size, packets}");
    }
    std::vector<PonCtiSpec> out;
    for (const ConfigNode& item : node.GetItems())
    {
        const std::string where = context + " cti";
        item.CheckKeys(kCtiKeys, where);
        PonCtiSpec c;
        c.mark = item.GetMark();
        if (onuRequired || item.Find("onu"))
        {
            const ConfigNode& onu = item.Get("onu", where);
            c.onu = onu.AsString();
            if (std::find(onus.begin(), onus.end(), c.onu) == onus.end())
            {
                ReadChoice(onu, onus, "ONU");
            }
        }
        // A link of the scenario format may leave the phase and size to the first packet.
        c.first = onuRequired || item.Find("first") ? Seconds(item.Get("first", where).AsDuration())
                                                    : Seconds(-1);
        c.period = Seconds(
            ReadPositive(item.Get("period", where), &ConfigNode::AsDuration, where + " period"));
        if (onuRequired || item.Find("packet_size"))
        {
            c.packetBytes = static_cast<uint32_t>(ReadPositive(item.Get("packet_size", where),
                                                               &ConfigNode::AsDataSize,
                                                               where + " packet_size"));
        }
        if (const ConfigNode* n = item.Find("packets"))
        {
            c.packets = static_cast<uint32_t>(ReadIntegerIn(*n, 1, 10000, where + " packets"));
        }
        out.push_back(c);
    }
    return out;
}

PonLinkSpec
ReadPonLinkSpec(const ConfigNode& node, const std::string& context)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + ": a PON is a map, found " + DescribeKind(node.GetKind()));
    }
    node.CheckKeys(PonKeys(), context);
    PonLinkSpec spec;
    spec.mark = node.GetMark();
    if (const ConfigNode* n = node.Find("olt"))
    {
        spec.olt = n->AsString();
    }
    ReadPonTreeSettings(node, context, spec);
    if (const ConfigNode* n = node.Find("feeder"))
    {
        spec.feederKm = n->AsLength() / 1000.0;
        if (spec.feederKm < 0.0)
        {
            throw InputError(n->GetMark(), context + " feeder must not be negative");
        }
    }

    // The tree: ONUs within the splitter's ports, the reach and the budget.
    const ConfigNode& onus = node.Get("onus", context);
    if (!onus.IsSequence() || onus.GetItems().empty())
    {
        throw InputError(onus.GetMark(), context + ": 'onus' lists at least one ONU");
    }
    if (onus.GetItems().size() > spec.split)
    {
        throw InputError(onus.GetMark(),
                         context + ": " + std::to_string(onus.GetItems().size()) +
                             " ONUs do not fit a 1:" + std::to_string(spec.split) + " splitter");
    }
    const double reach = GetPonReachKm(spec);
    std::set<std::string> seen;
    for (const ConfigNode& item : onus.GetItems())
    {
        PonOnuSpec onu = ReadOnu(item, context + " ONU");
        if (!seen.insert(onu.node).second)
        {
            throw InputError(item.GetMark(), context + ": ONU '" + onu.node + "' is listed twice");
        }
        const double km = spec.feederKm + onu.dropKm;
        if (km > reach + 1e-9)
        {
            std::ostringstream msg;
            msg << context << ": ONU '" << onu.node << "' is " << km << " km from the OLT, beyond "
                << DescribePonReach(spec);
            throw InputError(item.GetMark(), msg.str());
        }
        spec.onus.push_back(onu);
    }
    if (const ConfigNode* cti = node.Find("cti"))
    {
        spec.cti = ReadPonCti(*cti,
                              context,
                              spec.dba,
                              std::vector<std::string>(seen.begin(), seen.end()),
                              true);
    }
    return spec;
}

} // namespace blueprint
} // namespace ns3
