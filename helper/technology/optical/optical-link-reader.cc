/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/optical/optical-link-reader.h"

#include "helper/scenario/spec-reading.h"
#include "helper/scenario/units.h"
#include "helper/technology/optical/optical-spec-reader.h"
#include "model/equipment/equipment-profile.h"
#include "model/optical/optical-transponder-class.h"

#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// The keys only a fibre has.
const std::vector<std::string> kFibreOnlyKeys = {"length",
                                                 "route_factor",
                                                 "plant",
                                                 "ip",
                                                 "network"};
/// The keys of `lightpath:`.
const std::vector<std::string> kLightpathKeys = {"add", "drop", "transponder", "rate", "queue"};
/// The keys of `ip:`.
const std::vector<std::string> kIpKeys = {"rate", "queue"};

/// Refuse a group: every end of an optical link is one node (a ROADM site's router, a data
/// centre's switch).
void
RequireSingle(const NodeSpec& node, const SourceMark& mark, const std::string& context)
{
    if (node.count != 1)
    {
        throw InputError(mark,
                         context + ": the ends of an optical link are single nodes; '" + node.name +
                             "' is a group of " + std::to_string(node.count));
    }
}

/// An IP-layer wavelength ends at routers: refuse it at a node that does not forward.
void
RequireForwarding(const NodeSpec& node,
                  const SourceMark& mark,
                  const std::string& context,
                  const std::string& ipKey)
{
    const EquipmentProfile* eq = EquipmentProfile::Find(node.equipment);
    if (eq->role != "router" && eq->role != "switch")
    {
        throw InputError(mark,
                         context +
                             ": the IP-routed layer's wavelength on this fibre ends at the "
                             "routers of its sites, but node '" +
                             node.name + "' is a " + eq->role + " (equipment '" + node.equipment +
                             "'); give the fibre " + ipKey +
                             " for a ROADM-only site, or the node a router");
    }
}

/// Read the fibre's own keys.
void
ReadFibre(const ConfigNode& link, const LinkReadContext& ctx, OpticalLinkConfig& c)
{
    const std::string& context = ctx.context;
    double routeFactor = 1.0;
    if (const ConfigNode* rf = link.Find("route_factor"))
    {
        routeFactor = rf->AsDouble();
        if (!(routeFactor >= 1.0) || routeFactor > 100.0)
        {
            throw InputError(rf->GetMark(),
                             context + ": route_factor must be 1 to 100 (a fibre is never "
                                       "shorter than the straight line)");
        }
    }
    if (const ConfigNode* length = link.Find("length"))
    {
        if (link.Find("route_factor"))
        {
            throw InputError(link.Find("route_factor")->GetMark(),
                             context + ": give either length or route_factor, not both");
        }
        c.lengthKm = ReadPositive(*length, &ConfigNode::AsLength, context + " length") / 1000.0;
    }
    else
    {
        const SiteSpec* sa = ctx.spec.FindSite(ctx.a.site);
        const SiteSpec* sb = ctx.spec.FindSite(ctx.b.site);
        const double metres = std::hypot(sa->x - sb->x, sa->y - sb->y) * routeFactor;
        if (!(metres >= 1.0))
        {
            throw InputError(ctx.link.mark,
                             context + ": its two nodes are at the same place; give the fibre "
                                       "its route length (length: 40km)");
        }
        if (metres > units::kMaxMetres)
        {
            std::ostringstream message;
            message << context << ": the fibre between its sites would be " << metres / 1000.0
                    << " km long, beyond the 1,000,000 km a length may be";
            throw InputError(ctx.link.mark, message.str());
        }
        c.lengthKm = metres / 1000.0;
    }
    if (const ConfigNode* plant = link.Find("plant"))
    {
        c.aerial = ReadChoice(*plant, {"underground", "aerial"}, "fibre plant") == "aerial";
    }
    if (const ConfigNode* ip = link.Find("ip"))
    {
        if (ip->IsScalar())
        {
            c.ipLink = ip->AsBool();
        }
        else
        {
            ip->CheckKeys(kIpKeys, context + " ip");
            if (const ConfigNode* rate = ip->Find("rate"))
            {
                c.ipRate = ReadPositive(*rate, &ConfigNode::AsDataRate, context + " ip rate");
            }
            if (const ConfigNode* queue = ip->Find("queue"))
            {
                c.ipQueue = ReadQueueSize(*queue, context + " ip queue");
            }
        }
    }
    if (c.ipLink)
    {
        RequireForwarding(ctx.a, ctx.aMark, context, "ip: false");
        RequireForwarding(ctx.b, ctx.bMark, context, "ip: false");
    }
    if (const ConfigNode* network = link.Find("network"))
    {
        if (!network->IsMap())
        {
            throw InputError(network->GetMark(),
                             context + ": network is a map of the optical network's settings, "
                                       "e.g. {channels: 40, transponder: 100G}");
        }
        network->CheckKeys(OpticalNetworkSettingKeys(), context + " network");
        OpticalNetworkSpec settings;
        ReadOpticalNetworkSettings(*network, context + " network", settings);
        c.settings = settings;
        c.settingsText = network->ToYaml();
        c.settingsMark = network->GetMark();
    }
}

/// Read the lightpath's own keys.
void
ReadLightpath(const ConfigNode& node, const std::string& context, OpticalLinkConfig& c)
{
    c.lightpath = true;
    c.lightpathMark = node.GetMark();
    c.addMark = node.GetMark();
    c.dropMark = node.GetMark();
    if (node.IsNull() || (node.IsScalar() && node.GetScalar().empty()))
    {
        return;
    }
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + ": lightpath is a map, {} or {add, drop, transponder, rate, "
                                   "queue}");
    }
    node.CheckKeys(kLightpathKeys, context + " lightpath");
    if (const ConfigNode* add = node.Find("add"))
    {
        c.add = add->AsString();
        c.addMark = add->GetMark();
    }
    if (const ConfigNode* drop = node.Find("drop"))
    {
        c.drop = drop->AsString();
        c.dropMark = drop->GetMark();
    }
    if (const ConfigNode* cls = node.Find("transponder"))
    {
        c.transponder = ReadOpticalTransponderClass(*cls);
        c.transponderMark = cls->GetMark();
    }
    if (const ConfigNode* rate = node.Find("rate"))
    {
        c.rate = ReadPositive(*rate, &ConfigNode::AsDataRate, context + " lightpath rate");
        c.rateMark = rate->GetMark();
    }
    if (const ConfigNode* queue = node.Find("queue"))
    {
        c.queue = ReadQueueSize(*queue, context + " lightpath queue");
    }
}

} // namespace

std::vector<std::string>
OpticalLinkKeys()
{
    std::vector<std::string> keys = kFibreOnlyKeys;
    keys.emplace_back("lightpath");
    return keys;
}

std::shared_ptr<const OpticalLinkConfig>
ReadOpticalLink(const ConfigNode& link, const LinkReadContext& ctx)
{
    auto c = std::make_shared<OpticalLinkConfig>();
    RequireSingle(ctx.a, ctx.aMark, ctx.context);
    RequireSingle(ctx.b, ctx.bMark, ctx.context);
    if (const ConfigNode* lightpath = link.Find("lightpath"))
    {
        for (const std::string& key : kFibreOnlyKeys)
        {
            if (link.Find(key))
            {
                throw InputError(link.GetKeyMark(key),
                                 ctx.context + ": '" + key +
                                     "' belongs to a fibre; a lightpath takes its route, and "
                                     "its length, from the fibres of its network");
            }
        }
        ReadLightpath(*lightpath, ctx.context, *c);
        return c;
    }
    ReadFibre(link, ctx, *c);
    return c;
}

} // namespace blueprint
} // namespace ns3
