/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"
#include "helper/scenario/site-reader.h"
#include "helper/scenario/spec-reading.h"
#include "helper/scenario/units.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/wired/wired-link-config.h"
#include "helper/technology/wired/wired-link-helper.h"
#include "model/equipment/equipment-profile.h"
#include "model/wired/wired-link-profile.h"

#include "ns3/string.h"

#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// Largest queue, in packets or bytes: ns-3's QueueSize counts in 32 bits.
constexpr uint64_t kMaxQueueUnits = 4000000000;

/// A queue size, "100p" or a data size such as "64kB", turned into the form ns-3's QueueSize
/// parses ("100p", "64000B") so that nothing the reader accepts can be refused later.
std::string
ReadDeviceQueue(const ConfigNode& node, const std::string& context)
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

/**
 * \ingroup blueprint
 * \brief The wired link technology, the default: copper, fibre and Ethernet links between two
 * nodes (or each member pair of two groups), from the WiredLinkProfile catalogue, built by
 * WiredLinkHelper as point-to-point devices on a WiredChannel.
 */
class WiredTechnology : public LinkTechnology
{
  public:
    std::string GetName() const override
    {
        return "wired";
    }

    std::vector<std::string> GetKeys() const override
    {
        return {"profile",
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
                "attributes"};
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        const std::string& context = ctx.context;
        auto c = std::make_shared<WiredLinkConfig>();
        const ConfigNode& profileNode = link.Get("profile", context);
        c->profile = ReadChoice(profileNode, WiredLinkProfile::Names(), "link profile");
        const WiredLinkProfile* profile = WiredLinkProfile::Find(c->profile);
        if (const ConfigNode* rate = link.Find("rate"))
        {
            if (link.Find("rate_down") || link.Find("rate_up"))
            {
                throw InputError(rate->GetMark(),
                                 context + ": give either rate or rate_down/rate_up, not both");
            }
            c->rateDown = rate->AsDataRate();
            RequirePositive(*rate, c->rateDown, context + " rate");
            c->rateUp = c->rateDown;
        }
        if (const ConfigNode* down = link.Find("rate_down"))
        {
            c->rateDown = down->AsDataRate();
            RequirePositive(*down, c->rateDown, context + " rate_down");
        }
        if (const ConfigNode* up = link.Find("rate_up"))
        {
            c->rateUp = up->AsDataRate();
            RequirePositive(*up, c->rateUp, context + " rate_up");
        }
        if (profile->downstreamRate <= 0 && c->rateDown <= 0)
        {
            throw InputError(profileNode.GetMark(),
                             context + ": profile '" + c->profile +
                                 "' has no fixed rate; give the link a rate, e.g. rate: 1Gbps");
        }
        SourceMark lengthMark = ctx.link.mark;
        if (const ConfigNode* length = link.Find("length"))
        {
            c->length = length->AsLength();
            c->lengthWritten = true;
            lengthMark = length->GetMark();
        }
        if (const ConfigNode* rf = link.Find("route_factor"))
        {
            c->routeFactor = rf->AsDouble();
            if (c->routeFactor < 1.0)
            {
                throw InputError(rf->GetMark(),
                                 context + ": route_factor must be at least 1 (a cable is never "
                                           "shorter than the straight line)");
            }
        }
        if (!c->lengthWritten)
        {
            const SiteSpec* sa = ctx.spec.FindSite(ctx.a.site);
            const SiteSpec* sb = ctx.spec.FindSite(ctx.b.site);
            c->length = SiteDistance(ctx.spec, *sa, *sb) * c->routeFactor;
            if (c->length > units::kMaxMetres)
            {
                const ConfigNode* rf = link.Find("route_factor");
                std::ostringstream message;
                message << context << ": the cable between its sites would be " << c->length / 1000
                        << " km long, beyond the 1,000,000km a length may be";
                throw InputError(rf ? rf->GetMark() : ctx.link.mark, message.str());
            }
        }
        if (profile->maxLength > 0 && c->length > profile->maxLength)
        {
            throw InputError(lengthMark,
                             context + ": length " + std::to_string(c->length / 1000.0) +
                                 " km exceeds the reach of profile '" + c->profile + "' (" +
                                 std::to_string(profile->maxLength / 1000.0) + " km)");
        }
        if (const ConfigNode* lat = link.Find("latency"))
        {
            c->extraLatency = lat->AsDuration();
        }
        if (const ConfigNode* queue = link.Find("queue"))
        {
            c->queue = ReadDeviceQueue(*queue, context);
        }
        if (const ConfigNode* mtu = link.Find("mtu"))
        {
            int64_t m = mtu->AsInteger();
            if (m < 576 || m > 65535)
            {
                throw InputError(mtu->GetMark(), context + ": mtu must be 576 to 65535 bytes");
            }
            c->mtu = static_cast<uint16_t>(m);
        }
        if (const ConfigNode* attrs = link.Find("attributes"))
        {
            c->deviceAttributes = ReadAttributesOf(*attrs, "ns3::PointToPointNetDevice");
        }
        return c;
    }

    uint64_t GetSetupSteps(const ScenarioSpec& spec, const LinkSpec& link) const override
    {
        return std::max(spec.FindNode(link.a)->count, spec.FindNode(link.b)->count);
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;
};

void
WiredTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    WiredLinkHelper wired;
    const LinkSpec& l = *unit.front();
    const WiredLinkConfig& c = l.Config<WiredLinkConfig>();
    const NodeGroup& ga = run.GetGroup(l.a);
    const NodeGroup& gb = run.GetGroup(l.b);
    uint32_t members = std::max(ga.members.size(), gb.members.size());
    for (uint32_t i = 0; i < members; ++i)
    {
        run.Step();
        uint32_t ia = PairedMember(i, members, ga.members.size());
        uint32_t ib = PairedMember(i, members, gb.members.size());
        WiredLinkSettings s;
        s.profile = c.profile;
        s.rateDown = c.rateDown;
        s.rateUp = c.rateUp;
        s.lengthMetres = c.length;
        if (ga.spec->placementRadius > 0 || gb.spec->placementRadius > 0)
        {
            // Group members sit at their own positions; a link without an explicit length
            // follows them (the spec's length is the site-to-site default).
            if (!c.lengthWritten)
            {
                const ScenarioSpec& spec = run.GetSpec();
                s.lengthMetres = GroundDistance(spec,
                                                *spec.FindSite(ga.spec->site),
                                                ga.positions[ia],
                                                *spec.FindSite(gb.spec->site),
                                                gb.positions[ib]) *
                                 c.routeFactor;
            }
        }
        s.extraLatency = Seconds(c.extraLatency);
        s.processingA = ga.equipment->processingDelay;
        s.processingB = gb.equipment->processingDelay;
        s.capA = ga.equipment->capacityCap;
        s.capB = gb.equipment->capacityCap;
        s.queueSize = c.queue;
        s.mtu = c.mtu;
        NetDeviceContainer devices;
        try
        {
            devices = wired.Install(ga.members[ia], gb.members[ib], s);
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(l.mark, "link '" + l.name + "': " + e.what());
        }
        for (const auto& [attribute, value] : c.deviceAttributes)
        {
            devices.Get(0)->SetAttribute(attribute, StringValue(value));
            devices.Get(1)->SetAttribute(attribute, StringValue(value));
        }
        run.GetAddresses().AssignPointToPoint(devices);
        RoutingEdge edge;
        edge.devA = devices.Get(0);
        edge.devB = devices.Get(1);
        // Route on the latency of a full-size packet, like a latency-metric IGP: slow copper
        // costs its serialisation time, long fiber its propagation.
        edge.weightSeconds = (WiredLinkHelper::OneWayDelay(s, 1500, true) +
                              WiredLinkHelper::OneWayDelay(s, 1500, false))
                                 .GetSeconds() /
                             2;
        edge.propagationBoundSeconds = WiredLinkHelper::PropagationDelay(s).GetSeconds();
        edge.lengthMetres = s.lengthMetres;
        edge.pathLabel = WiredLinkProfile::Find(c.profile)->technology;
        // Fibre is optical whatever technology lights it; copper and Ethernet are wired.
        edge.segmentKind = edge.pathLabel == "fiber" ? "optical" : "wired";
        WiredLinkRates rates = WiredLinkHelper::EffectiveRates(s);
        edge.rateDown = rates.aToB;
        edge.rateUp = rates.bToA;
        // Wired devices report what they carry through PhyTxEnd, which loads their nodes.
        edge.loadsNodes = true;
        run.AddEdge(l, edge);
    }
}

void
WiredTechnology::AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const LinkSpec& l = *unit.front();
    const WiredLinkProfile& p = *WiredLinkProfile::Find(l.Config<WiredLinkConfig>().profile);
    bool costOverridden = false;
    std::set<uint32_t> endsUnmetered; // ends reported
    for (uint32_t edgeIndex : run.GetEdgesOf(l))
    {
        const RoutingEdge& b = run.GetEdge(edgeIndex);
        const std::string* ends[2] = {&l.a, &l.b};
        const Ptr<NetDevice> devices[2] = {b.devA, b.devB};
        for (uint32_t e = 0; e < 2; ++e)
        {
            double pue = run.GetGroup(*ends[e]).pue;
            double lineRate = e == 0 ? b.rateDown : b.rateUp;
            Ptr<ElementPowerModel> power = l.power ? MakePowerModel(*l.power, pue)
                                                   : p.CreateEndPowerModel(e == 0, lineRate, pue);
            if (power->GetMaxPower() > 0)
            {
                run.GetMeter()->AddElement(l.name,
                                           *ends[e],
                                           p.technology,
                                           power,
                                           NetDeviceContainer(devices[e]));
            }
            else if ((l.power || !p.powerInEquipment) && endsUnmetered.insert(e).second)
            {
                run.ReportUnmetered({l.name,
                                     *ends[e],
                                     p.technology,
                                     l.power ? "power given as 0 W" : p.powerSource});
            }
        }
        if (l.cost)
        {
            // A cost written on the link is for the whole link (all its members together).
            if (!costOverridden)
            {
                costOverridden = true;
                AddCostOverride(run, l, p.technology);
            }
            continue;
        }
        bool costed = false;
        for (const CostItem& item : p.GetCostItems(l.name, l.a, l.b, b.lengthMetres))
        {
            if (item.capex > 0 || item.opexPerYear > 0)
            {
                run.GetLedger().Add(item);
                costed = true;
            }
        }
        if (!costed && !costOverridden)
        {
            costOverridden = true;
            run.ReportUncosted({l.name, l.a, p.technology, p.costSource});
        }
    }
}

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(WiredTechnology, /* default */ true);

} // namespace blueprint
} // namespace ns3
