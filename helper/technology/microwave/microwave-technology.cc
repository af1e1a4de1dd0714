/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"
#include "helper/scenario/site-reader.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/microwave/microwave-accounting.h"
#include "helper/technology/microwave/microwave-helper.h"
#include "helper/technology/microwave/microwave-link-reader.h"
#include "model/microwave/microwave-channel.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintMicrowaveTechnology");

namespace
{

/// A microwave link's own keys, as ReadMicrowaveLink reads them.
struct MicrowaveLinkSpec : public LinkConfig
{
    MicrowaveLinkConfig hop; //!< the radio of every hop of the link
};

/**
 * \ingroup blueprint-microwave
 * \brief The microwave technology: point-to-point licensed (6-42 GHz) and E-band hops between two
 * nodes (or each member pair of two groups), built by MicrowaveHelper on a MicrowaveChannel whose
 * adaptive modulation follows the rain, metered and priced from the MicrowaveEquipment catalogue.
 * doc/architecture.rst walks through this file as the worked example of adding a technology.
 */
class MicrowaveTechnology : public LinkTechnology
{
  public:
    std::string GetName() const override
    {
        return "microwave";
    }

    std::vector<std::string> GetKeys() const override
    {
        std::vector<std::string> keys = MicrowaveLinkKeys();
        keys.push_back("power");
        return keys;
    }

    /// The hop's keys (ReadMicrowaveLink), then its plan: a hop whose slowest modulation does not
    /// run in clear sky, or that is longer than its band reaches at the link's availability
    /// target, is refused here, so that `validate` says so.
    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        auto spec = std::make_shared<MicrowaveLinkSpec>();
        spec->hop = ReadMicrowaveLink(link,
                                      ctx.context,
                                      {"technology", "between", "cost", "description", "power"});
        const SiteSpec* sa = ctx.spec.FindSite(ctx.a.site);
        const SiteSpec* sb = ctx.spec.FindSite(ctx.b.site);
        const double length = spec->hop.lengthM.value_or(SiteDistance(ctx.spec, *sa, *sb));
        const ConfigNode* lengthNode = link.Find("length");
        const SourceMark at = lengthNode ? lengthNode->GetMark() : ctx.link.mark;
        if (!(length >= 1))
        {
            throw InputError(at,
                             ctx.context + ": its two sites are at the same place; give the hop "
                                           "its length (length: 2km)");
        }
        if (length > 200e3)
        {
            std::ostringstream message;
            message << ctx.context << ": the hop between its sites would be " << length / 1e3
                    << " km long, beyond the 200 km a microwave hop may be";
            throw InputError(at, message.str());
        }
        const MicrowaveHopReport plan = MicrowaveHelper::Evaluate(spec->hop, length);
        if (!plan.works || !plan.meetsAvailability)
        {
            throw InputError(at,
                             ctx.context + ": " + plan.problem +
                                 (plan.works ? "; lower the availability target, use larger "
                                               "dishes or a lower band, or add a relay"
                                             : ""));
        }
        return spec;
    }

    uint64_t GetSetupSteps(const ScenarioSpec& spec, const LinkSpec& link) const override
    {
        return std::max(spec.FindNode(link.a)->count, spec.FindNode(link.b)->count);
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    /// A storm over either end rains along the whole hop (an approximation that overstates the
    /// fade of a hop half under a storm's edge; doc/faults.rst): the channel's link budget turns
    /// the rate into ITU-R P.838 attenuation and adapts the modulation at once.
    void SetRainRate(ScenarioBuild& run,
                     const LinkSpec& link,
                     uint32_t edge,
                     const RainExposure& rain) const override
    {
        const MicrowaveLinkConfig& hop = link.Config<MicrowaveLinkSpec>().hop;
        Ptr<MicrowaveChannel> channel =
            DynamicCast<MicrowaveChannel>(run.GetEdge(edge).devA->GetChannel());
        NS_ABORT_MSG_UNLESS(channel, "microwave link '" << link.name << "' without its channel");
        channel->SetRainRate(std::max({hop.rainRateMmH, rain.atAMmH, rain.atBMmH}));
    }
};

void
MicrowaveTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const LinkSpec& l = *unit.front();
    const MicrowaveLinkConfig& hop = l.Config<MicrowaveLinkSpec>().hop;
    const NodeGroup& ga = run.GetGroup(l.a);
    const NodeGroup& gb = run.GetGroup(l.b);
    MicrowaveHelper microwave;
    const uint32_t members = std::max(ga.members.size(), gb.members.size());
    for (uint32_t i = 0; i < members; ++i)
    {
        run.Step();
        const uint32_t ia = PairedMember(i, members, ga.members.size());
        const uint32_t ib = PairedMember(i, members, gb.members.size());
        // Line of sight: the distance between the members (the great circle between places given
        // by latitude and longitude), unless the hop's length is given.
        const ScenarioSpec& spec = run.GetSpec();
        const double length = hop.lengthM.value_or(GroundDistance(spec,
                                                                  *spec.FindSite(ga.spec->site),
                                                                  ga.positions[ia],
                                                                  *spec.FindSite(gb.spec->site),
                                                                  gb.positions[ib]));
        NetDeviceContainer devices;
        try
        {
            devices = microwave.Install(ga.members[ia], gb.members[ib], hop, length);
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(l.mark, "link '" + l.name + "': " + e.what());
        }
        run.GetAddresses().AssignPointToPoint(devices);
        const MicrowaveRoutingEdge e = MicrowaveHelper::GetRoutingEdge(devices, hop, length);
        RoutingEdge edge;
        edge.devA = e.devA;
        edge.devB = e.devB;
        edge.weightSeconds = e.weightSeconds;
        edge.propagationBoundSeconds = e.propagationBoundSeconds;
        edge.lengthMetres = e.lengthMetres;
        edge.pathLabel = e.pathLabel;
        edge.segmentKind = "microwave";
        edge.rateDown = e.rateDown;
        edge.rateUp = e.rateUp;
        // Point-to-point devices report what they send, which loads their nodes' routers.
        edge.loadsNodes = true;
        run.AddEdge(l, edge);
    }
}

void
MicrowaveTechnology::AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const LinkSpec& l = *unit.front();
    const MicrowaveLinkConfig& hop = l.Config<MicrowaveLinkSpec>().hop;
    const double pueA = run.GetGroup(l.a).pue;
    const double pueB = run.GetGroup(l.b).pue;
    for (uint32_t index : run.GetEdgesOf(l))
    {
        const RoutingEdge& edge = run.GetEdge(index);
        const NetDeviceContainer devices(edge.devA, edge.devB);
        if (!l.power)
        {
            // Each end's ODU (and IDU) from the catalogue, full load at the clear-sky rate.
            RegisterMicrowaveEnergy(*run.GetMeter(),
                                    l.name,
                                    l.a,
                                    l.b,
                                    hop,
                                    devices,
                                    edge.lengthMetres,
                                    pueA,
                                    pueB);
        }
        else
        {
            // The scenario's per-end figures; full load at the clear-sky rate unless it says.
            PowerSpec power = *l.power;
            if (power.capacityBps <= 0 && power.maxWatts > power.idleWatts)
            {
                power.capacityBps = edge.rateDown;
            }
            const std::string* ends[2] = {&l.a, &l.b};
            const double pues[2] = {pueA, pueB};
            for (uint32_t end = 0; end < 2; ++end)
            {
                Ptr<ElementPowerModel> model = MakePowerModel(power, pues[end]);
                if (model->GetMaxPower() > 0)
                {
                    run.GetMeter()->AddElement(l.name,
                                               *ends[end],
                                               GetName(),
                                               model,
                                               NetDeviceContainer(devices.Get(end)));
                }
                else if (index == run.GetEdgesOf(l).front())
                {
                    run.ReportUnmetered({l.name, *ends[end], GetName(), "power given as 0 W"});
                }
            }
        }
        if (!l.cost)
        {
            // One radio pair, its dishes, installation, licence and upkeep per hop.
            CostItem item = GetMicrowaveCostItem(l.name, hop);
            item.node = l.a;
            run.GetLedger().Add(item);
        }
    }
    if (l.cost)
    {
        AddCostOverride(run, l, GetName());
    }
}

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(MicrowaveTechnology, false);

} // namespace blueprint
} // namespace ns3
