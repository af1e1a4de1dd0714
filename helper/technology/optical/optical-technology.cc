/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/optical/optical-helper.h"
#include "helper/technology/optical/optical-link-reader.h"
#include "helper/technology/optical/optical-network-plan.h"
#include "model/optical/optical-path-channel.h"
#include "model/optical/optical-transponder-class.h"

#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/log.h"

#include <algorithm>
#include <map>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalTechnology");

namespace
{

/// Bytes of the full-size packet whose serialisation routing weighs a hop at (as wired links).
constexpr double kFullPacketBits = 1500 * 8;

/// One optical network as built in a run.
struct BuiltOpticalNetwork
{
    OpticalNetworkPlan plan;  //!< its links and spec
    OpticalInstallation inst; //!< what was provisioned and installed
};

/// What the optical technology remembers during one run.
struct OpticalRunState : public TechnologyRunState
{
    std::vector<BuiltOpticalNetwork> networks; //!< in the order of their first link
};

/// The fibre or lightpath a link is in its network: (network, fibre or demand index).
struct LinkPlace
{
    std::size_t network = 0; //!< index into OpticalRunState::networks
    std::size_t index = 0;   //!< fibre index, or demand index for a lightpath
    bool lightpath = false;  //!< which of the two
};

/// A link's config.
const OpticalLinkConfig&
ConfigOf(const LinkSpec& link)
{
    return link.Config<OpticalLinkConfig>();
}

/// Whether a link has devices and a routing edge: a lightpath, or a fibre with an IP link.
bool
HasEdge(const LinkSpec& link)
{
    const OpticalLinkConfig& c = ConfigOf(link);
    return c.lightpath || c.ipLink;
}

/**
 * \ingroup blueprint-optical
 * \brief The optical technology: fibre pairs between ROADM nodes with amplifiers placed
 * automatically, the IP-routed layer's wavelength on each (O-E-O at the routers of its ends), and
 * lightpaths between two nodes over them, routed and assigned wavelengths when the scenario is
 * read (OpticalNetworkPlan, OpticalRwa), built by OpticalHelper, metered and priced per element
 * (OpticalEquipment, OpticalTransponderClass). doc/optical.rst describes the model and the keys.
 *
 * All optical links of a scenario are one build unit: a lightpath is built with the fibres it
 * runs over, whatever their order in the file.
 */
class OpticalTechnology : public LinkTechnology
{
  public:
    std::string GetName() const override
    {
        return "optical";
    }

    std::vector<std::string> GetKeys() const override
    {
        return OpticalLinkKeys();
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        return ReadOpticalLink(link, ctx);
    }

    /// Plan every network and route its lightpaths now, so that `validate` reports a blocked
    /// lightpath, settings that disagree, or a wavelength beyond reach.
    void Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const override
    {
        for (const OpticalNetworkPlan& plan : PlanOpticalNetworks(spec, mine))
        {
            ProvisionOpticalNetwork(plan);
        }
    }

    std::vector<std::pair<std::string, std::string>> GetRoutedPairs(
        const LinkSpec& link) const override
    {
        if (!HasEdge(link))
        {
            return {};
        }
        return {{link.a, link.b}};
    }

    /// A fibre's ends are ROADMs, metered and priced here; a ROADM-only site's node has no
    /// equipment of its own to report.
    bool CarriesNodeEquipment(const LinkSpec& link, const std::string& node) const override
    {
        return !ConfigOf(link).lightpath && (node == link.a || node == link.b);
    }

    void AddAddressDemand(const ScenarioSpec& spec,
                          const LinkSpec& link,
                          AddressDemand& demand) const override
    {
        demand.pointToPoint += HasEdge(link) ? 1 : 0;
    }

    void AddFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& mine,
                      FootprintTally& tally) const override
    {
        for (const LinkSpec* l : mine)
        {
            if (HasEdge(*l))
            {
                tally.pointToPointDevices += 2;
                tally.edgesPerMember[l->a] += 1;
                tally.edgesPerMember[l->b] += 1;
            }
        }
    }

    std::vector<std::vector<const LinkSpec*>> GroupForBuild(
        const std::vector<const LinkSpec*>& mine) const override
    {
        return {mine};
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    /// A cut fibre takes down its IP link and every lightpath routed over it (no optical
    /// restoration: the lightpaths stay on their planned routes; doc/faults.rst).
    std::vector<uint32_t> GetEdgesCut(ScenarioBuild& run, const LinkSpec& link) const override
    {
        std::vector<uint32_t> edges = run.GetEdgesOf(link);
        if (ConfigOf(link).lightpath)
        {
            return edges;
        }
        for (const BuiltOpticalNetwork& built : run.GetState<OpticalRunState>().networks)
        {
            const OpticalNetworkPlan& p = built.plan;
            const auto fibre = std::find(p.fibreLinks.begin(), p.fibreLinks.end(), &link);
            if (fibre == p.fibreLinks.end())
            {
                continue;
            }
            const auto f = static_cast<uint32_t>(fibre - p.fibreLinks.begin());
            for (std::size_t d = 0; d < built.inst.lightpaths.size(); ++d)
            {
                const OpticalLightpath& lp = built.inst.lightpaths[d];
                if (lp.established &&
                    std::find(lp.route.fibres.begin(), lp.route.fibres.end(), f) !=
                        lp.route.fibres.end())
                {
                    const std::vector<uint32_t>& carried = run.GetEdgesOf(*p.lightpathLinks[d]);
                    edges.insert(edges.end(), carried.begin(), carried.end());
                }
            }
        }
        return edges;
    }
};

void
OpticalTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    OpticalRunState& state = run.GetState<OpticalRunState>();
    OpticalHelper helper;
    std::map<const LinkSpec*, LinkPlace> places;
    for (OpticalNetworkPlan& plan : PlanOpticalNetworks(run.GetSpec(), unit))
    {
        BuiltOpticalNetwork built;
        built.inst = ProvisionOpticalNetwork(plan);
        built.plan = std::move(plan);
        const OpticalNetworkPlan& p = built.plan;
        std::map<std::string, Ptr<Node>> nodes;
        for (const LinkSpec* l : p.links)
        {
            nodes[l->a] = run.GetGroup(l->a).members.front();
            nodes[l->b] = run.GetGroup(l->b).members.front();
        }
        helper.InstallIpLayer(built.inst, p.spec, nodes);
        helper.InstallLightpaths(built.inst, p.spec, nodes);
        const std::size_t network = state.networks.size();
        for (std::size_t f = 0; f < p.fibreLinks.size(); ++f)
        {
            places[p.fibreLinks[f]] = {network, f, false};
        }
        for (std::size_t d = 0; d < p.lightpathLinks.size(); ++d)
        {
            places[p.lightpathLinks[d]] = {network, d, true};
        }
        state.networks.push_back(std::move(built));
    }
    // The one-way latency of every link the helper installed, by its first device.
    std::map<Ptr<NetDevice>, Time> latencyOf;
    for (const BuiltOpticalNetwork& built : state.networks)
    {
        for (const OpticalRoutingEdge& e : built.inst.edges)
        {
            latencyOf[e.devA] = e.latency;
        }
    }
    // Addresses and routing edges link by link, in file order.
    for (const LinkSpec* l : unit)
    {
        run.Step();
        const LinkPlace& place = places.at(l);
        const BuiltOpticalNetwork& built = state.networks[place.network];
        const OpticalNetworkSpec& net = built.plan.spec;
        const OpticalLineSystem& line = built.inst.network->GetLineSystem();
        RoutingEdge edge;
        NetDeviceContainer devices;
        if (place.lightpath)
        {
            const OpticalLightpath& lp = built.inst.lightpaths[place.index];
            const OpticalDemandSpec& d = net.demands[place.index];
            const OpticalTransponderClass& cls =
                *OpticalTransponderClass::Find(lp.transponderClass);
            devices = built.inst.lightpathDevices[place.index];
            // No queue between its ends: routing weighs it at its fixed latency plus one
            // full-size packet's serialisation.
            edge.weightSeconds = OpticalPathChannel::GetPathLatency(lp, line, cls).GetSeconds() +
                                 kFullPacketBits / cls.lineRate;
            edge.propagationBoundSeconds = lp.route.lengthKm * line.delayPerKm;
            edge.lengthMetres = lp.route.lengthKm * 1000.0;
            edge.pathLabel = GetLightpathLabel(lp,
                                               d.transponderClass.empty() ? net.transponderClass
                                                                          : d.transponderClass);
            edge.rateDown = cls.lineRate;
        }
        else
        {
            const OpticalFibreSpec& f = net.fibres[place.index];
            if (!f.ipLink)
            {
                continue; // dark to the IP layer: no devices, no edge
            }
            devices = built.inst.ipLinkDevices[place.index];
            DataRateValue rate;
            devices.Get(0)->GetAttribute("DataRate", rate);
            edge.rateDown = static_cast<double>(rate.Get().GetBitRate());
            edge.weightSeconds =
                latencyOf.at(devices.Get(0)).GetSeconds() + kFullPacketBits / edge.rateDown;
            edge.propagationBoundSeconds = *f.lengthKm * line.delayPerKm;
            edge.lengthMetres = *f.lengthKm * 1000.0;
            edge.pathLabel = "ip-over-wdm";
        }
        run.GetAddresses().AssignPointToPoint(devices);
        edge.segmentKind = "optical";
        edge.devA = devices.Get(0);
        edge.devB = devices.Get(1);
        edge.rateUp = edge.rateDown;
        // The ends forward what the link carries: a router of the IP layer, or the switch or
        // router a lightpath's transponder plugs into.
        edge.loadsNodes = true;
        run.AddEdge(*l, edge);
    }
}

void
OpticalTechnology::AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const ScenarioSpec& spec = run.GetSpec();
    OpticalHelper helper;
    for (const BuiltOpticalNetwork& built : run.GetState<OpticalRunState>().networks)
    {
        const OpticalNetworkPlan& p = built.plan;
        for (const OpticalElement& e : helper.GetElements(built.inst, p.spec))
        {
            const LinkSpec* owner = e.fibre >= 0    ? p.fibreLinks[e.fibre]
                                    : e.demand >= 0 ? p.lightpathLinks[e.demand]
                                                    : nullptr;
            if (e.power)
            {
                // Equipment at a node draws at its site's PUE when the site gives one.
                if (const NodeSpec* node = spec.FindNode(e.node))
                {
                    if (const auto pue = spec.FindSite(node->site)->pue)
                    {
                        e.power->SetAttribute("Pue", DoubleValue(*pue));
                    }
                }
                if (e.power->GetMaxPower() > 0)
                {
                    run.GetMeter()->AddElement(e.name, e.node, GetName(), e.power, e.devices);
                }
                else
                {
                    run.ReportUnmetered({e.name, e.node, GetName(), "power given as 0 W"});
                }
            }
            if (owner && owner->cost)
            {
                continue; // the link's own cost stands for it
            }
            if (e.cost.capex > 0 || e.cost.opexPerYear > 0)
            {
                run.GetLedger().Add(e.cost);
            }
            else
            {
                run.ReportUncosted({e.name, e.node, GetName(), "cost given as 0"});
            }
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

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(OpticalTechnology, false);

} // namespace blueprint
} // namespace ns3
