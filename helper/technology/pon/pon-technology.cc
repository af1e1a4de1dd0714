/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"
#include "helper/technology/cell-technology.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/pon/pon-helper.h"
#include "helper/technology/pon/pon-tree-plan.h"
#include "model/pon/pon-dba.h"
#include "model/pon/pon-flavour.h"
#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-upstream-scheduler.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simple-ref-count.h"
#include "ns3/simulator.h"

#include <cmath>
#include <map>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonTechnology");

namespace
{

/**
 * Announces a cooperative DBA's periodic arrivals at one ONU in phase with the first packet the
 * ONU queues. A scenario's flows start at random offsets within their period, which a real O-DU
 * knows (it schedules them) and announces over CTI; the simulated announcement takes that phase
 * from the first packet, which itself waits for status reporting.
 */
struct CtiLearner : public SimpleRefCount<CtiLearner>
{
    Ptr<PonCooperativeDba> dba;         //!< the tree's policy
    Ptr<PonUpstreamScheduler> schedule; //!< the tree's scheduler
    uint32_t onu = 0;                   //!< the ONU's index on the tree
    PonCtiSpec arrival;                 //!< period and packets (size 0: the first packet's)
    bool announced = false;             //!< whether the first packet came

    /// MacTx of the ONU's device: the first packet sets the phase (and size) of the schedule.
    void OnQueued(Ptr<const Packet> packet)
    {
        if (announced)
        {
            return;
        }
        announced = true;
        dba->AddSchedule(onu,
                         Simulator::Now() + arrival.period,
                         arrival.period,
                         arrival.packetBytes > 0 ? arrival.packetBytes : packet->GetSize(),
                         arrival.packets);
        schedule->NotifyArrivalsAnnounced();
    }
};

/// One tree as built in a run.
struct BuiltPonTree
{
    PonTreePlan plan;                      //!< its links and settings
    PonLinkSpec spec;                      //!< the settings with every ONU
    PonInstallation inst;                  //!< the devices
    std::vector<const LinkSpec*> linkOf;   //!< per ONU, its link
    std::vector<Ptr<CtiLearner>> learners; //!< announcements in phase with first packets
};

/// What the PON technology remembers during one run.
struct PonRunState : public TechnologyRunState
{
    std::map<const LinkSpec*, BuiltPonTree> trees; //!< by the tree's first link
};

/**
 * \ingroup blueprint-pon
 * \brief The PON technology: an OLT port (the link's first node) and ONUs (the second: a node,
 * or a group whose every member has one) on a passive tree, in the four flavours and three DBA
 * policies of model/pon, built by PonHelper, metered and priced from PonEquipment.
 * doc/pon.rst describes the model and the keys.
 *
 * A tree behaves as a cell of the contract: subnet addresses, the OLT's node carried by the tree,
 * an edge per ONU. Links on one OLT node and port share a splitter: one build unit.
 */
class PonTechnology : public LinkTechnology
{
  public:
    std::string GetName() const override
    {
        return "pon";
    }

    std::vector<std::string> GetKeys() const override
    {
        return PonLinkKeys();
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        return ReadPonLink(link, ctx);
    }

    /// Merge and check every tree now, so that `validate` reports a tree that does not fit.
    void Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const override
    {
        for (const auto& links : GroupPonTrees(mine))
        {
            PlanPonTree(spec, links);
        }
    }

    bool CarriesFirstNodeEquipment() const override
    {
        return true;
    }

    void AddAddressDemand(const ScenarioSpec& spec,
                          const LinkSpec& link,
                          AddressDemand& demand) const override
    {
        demand.subnetDevices += spec.FindNode(link.a)->count + spec.FindNode(link.b)->count;
    }

    void AddFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& mine,
                      FootprintTally& tally) const override
    {
        AddCellFootprint(spec, mine, tally);
    }

    std::vector<std::vector<const LinkSpec*>> GroupForBuild(
        const std::vector<const LinkSpec*>& mine) const override
    {
        return GroupPonTrees(mine);
    }

    uint64_t GetSetupSteps(const ScenarioSpec& spec, const LinkSpec& link) const override
    {
        return spec.FindNode(link.b)->count;
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;
};

void
PonTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const ScenarioSpec& scenario = run.GetSpec();
    BuiltPonTree& built = run.GetState<PonRunState>().trees[unit.front()];
    built.plan = PlanPonTree(scenario, unit);
    built.spec = built.plan.spec;
    PonLinkSpec& spec = built.spec;
    const SiteSpec& splitter = *scenario.FindSite(built.plan.splitterSite);
    NodeContainer onuNodes;
    for (const LinkSpec* l : unit)
    {
        const PonLinkConfig& c = l->Config<PonLinkConfig>();
        const NodeGroup& group = run.GetGroup(l->b);
        for (uint32_t i = 0; i < group.members.size(); ++i)
        {
            run.Step();
            PonOnuSpec onu;
            onu.node = l->b;
            onu.label = group.members.size() > 1 ? l->b + "/" + std::to_string(i) : "";
            // The drop as written, or the straight line from the splitter to where the member
            // stands, along the fibre's route.
            const auto [x, y] = group.positions[i];
            onu.dropKm = c.dropKm.value_or(std::hypot(x - splitter.x, y - splitter.y) *
                                           built.plan.routeFactor / 1000.0);
            onu.mark = l->mark;
            spec.onus.push_back(onu);
            onuNodes.Add(group.members[i]);
            built.linkOf.push_back(l);
            for (PonCtiSpec cti : c.cti)
            {
                cti.onu = onu.GetLabel();
                if (cti.first.IsNegative())
                {
                    Ptr<CtiLearner> learner = Create<CtiLearner>();
                    learner->onu = spec.onus.size() - 1;
                    learner->arrival = cti;
                    built.learners.push_back(learner);
                    continue;
                }
                spec.cti.push_back(cti);
            }
        }
    }
    PonHelper helper;
    try
    {
        built.inst = helper.Install(spec, run.GetGroup(spec.olt).members.front(), onuNodes);
    }
    catch (const std::invalid_argument& e)
    {
        // What only the built scheduler shows: fixed grants that do not fit the frame.
        throw InputError(unit.front()->mark, "link '" + unit.front()->name + "': " + e.what());
    }
    Ptr<PonOltNetDevice> oltDevice = DynamicCast<PonOltNetDevice>(built.inst.devices.Get(0));
    for (const Ptr<CtiLearner>& learner : built.learners)
    {
        learner->dba = DynamicCast<PonCooperativeDba>(oltDevice->GetDba());
        learner->schedule = oltDevice->GetScheduler();
        built.inst.devices.Get(learner->onu + 1)
            ->TraceConnectWithoutContext("MacTx", MakeCallback(&CtiLearner::OnQueued, learner));
    }
    run.GetAddresses().AssignSubnet(built.inst.devices);
    helper.AttachOnuAddresses(built.inst.devices.Get(0));
    Ptr<PonFlavour> flavour = PonFlavour::Create(spec.flavour);
    for (std::size_t i = 0; i < built.inst.edges.size(); ++i)
    {
        const PonRoutingEdge& e = built.inst.edges[i];
        RoutingEdge edge;
        edge.devA = e.olt;
        edge.devB = e.device;
        // Routing weighs a hop at its light time plus one DBA cycle, the order of an upstream
        // packet's wait for its grant.
        edge.weightSeconds = (e.latency + spec.cycle).GetSeconds();
        edge.propagationBoundSeconds = e.latency.GetSeconds();
        edge.lengthMetres = spec.GetDistanceKm(i) * 1000.0;
        edge.pathLabel = spec.flavour;
        edge.segmentKind = "optical";
        edge.rateDown =
            flavour->GetDownstreamByteRate() * 8 * flavour->GetDownstreamPayloadFraction();
        edge.rateUp = flavour->GetUpstreamByteRate() * 8;
        // The OLT's node forwards what the tree carries (its router's load); an ONU's node what
        // it sends upstream.
        edge.loadsNodes = true;
        run.AddEdge(*built.linkOf[i], edge);
    }
}

void
PonTechnology::AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const ScenarioSpec& scenario = run.GetSpec();
    const BuiltPonTree& built = run.GetState<PonRunState>().trees.at(unit.front());
    const PonLinkSpec& spec = built.spec;
    const PonEquipment& eq = spec.equipment;
    const LinkSpec& first = *unit.front();
    const std::string port = spec.olt + "/" + std::to_string(first.Config<PonLinkConfig>().port);
    auto meter = [&](const std::string& element,
                     const std::string& node,
                     Ptr<ElementPowerModel> power,
                     Ptr<NetDevice> device) {
        if (power->GetMaxPower() > 0)
        {
            run.GetMeter()->AddElement(element, node, GetName(), power, NetDeviceContainer(device));
        }
        else
        {
            run.ReportUnmetered({element, node, GetName(), "power given as 0 W"});
        }
    };
    auto price = [&](const CostItem& item) {
        if (item.capex > 0 || item.opexPerYear > 0)
        {
            run.GetLedger().Add(item);
        }
        else
        {
            run.ReportUncosted({item.element, item.node, GetName(), "cost given as 0"});
        }
    };
    // The OLT port at its office's PUE (the site's, when it gives one).
    Ptr<ElementPowerModel> olt = eq.CreateOltPowerModel();
    if (const auto pue = scenario.FindSite(scenario.FindNode(spec.olt)->site)->pue)
    {
        olt->SetAttribute("Pue", DoubleValue(*pue));
    }
    meter("olt/" + port, spec.olt, olt, built.inst.devices.Get(0));
    for (std::size_t i = 0; i < spec.onus.size(); ++i)
    {
        meter("onu/" + spec.onus[i].GetLabel(),
              spec.onus[i].node,
              eq.CreateOnuPowerModel(),
              built.inst.devices.Get(i + 1));
    }
    // The OLT port, splitter and feeder are the tree's, priced with its first link; each link
    // prices its ONUs and drops, or stands for all of it with its own cost.
    if (!first.cost)
    {
        price(eq.GetOltCost("olt/" + port, spec.olt));
        CostItem splitter = eq.GetSplitterCost("splitter/" + port);
        splitter.node = spec.olt;
        price(splitter);
        if (spec.feederKm > 0.0)
        {
            price(eq.GetFibreCost("fibre/" + port + "/feeder", spec.feederKm, false));
        }
    }
    for (std::size_t i = 0; i < spec.onus.size(); ++i)
    {
        if (built.linkOf[i]->cost)
        {
            continue;
        }
        const PonOnuSpec& onu = spec.onus[i];
        price(eq.GetOnuCost("onu/" + onu.GetLabel(), onu.node));
        if (onu.dropKm > 0.0)
        {
            price(eq.GetFibreCost("fibre/" + port + "/drop/" + onu.GetLabel(), onu.dropKm, true));
        }
    }
    for (const LinkSpec* l : unit)
    {
        if (l->cost)
        {
            AddCostOverride(run, *l, GetName());
        }
    }
}

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(PonTechnology, false);

} // namespace blueprint
} // namespace ns3
