/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"

#include "model/equipment/equipment-profile.h"
#include "model/routing/host-route-table.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"
#include "ns3/waypoint-mobility-model.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintScenarioBuild");

ScenarioBuild::ScenarioBuild(const ScenarioSpec& spec,
                             std::chrono::steady_clock::time_point wallStart,
                             bool progress)
    : m_spec(spec),
      m_wallStart(wallStart),
      m_progress(progress),
      m_setup(spec.configuration, wallStart, progress),
      m_meter(CreateObject<EnergyMeter>())
{
}

ScenarioBuild::~ScenarioBuild() = default;

const ScenarioSpec&
ScenarioBuild::GetSpec() const
{
    return m_spec;
}

const NodeGroup&
ScenarioBuild::GetGroup(const std::string& node) const
{
    return m_groups.at(node);
}

void
ScenarioBuild::Place(const NodeGroup& g, uint32_t i, double height)
{
    Ptr<Node> node = g.members[i];
    if (node->GetObject<MobilityModel>())
    {
        return;
    }
    const auto [x, y] = g.positions[i];
    if (!g.spec->mobility)
    {
        Ptr<ConstantPositionMobilityModel> mobility = CreateObject<ConstantPositionMobilityModel>();
        mobility->SetPosition(Vector(x, y, height));
        node->AggregateObject(mobility);
        return;
    }
    const MobilitySpec& m = *g.spec->mobility;
    const SiteSpec* home = m_spec.FindSite(g.spec->site);
    const double dx = x - home->x;
    const double dy = y - home->y;
    Ptr<WaypointMobilityModel> mobility = CreateObject<WaypointMobilityModel>();
    Vector here(x, y, height);
    double t = m.start;
    mobility->AddWaypoint(Waypoint(Seconds(0), here));
    if (t > 0)
    {
        mobility->AddWaypoint(Waypoint(Seconds(t), here));
    }
    for (const auto& name : m.waypoints)
    {
        const SiteSpec* site = m_spec.FindSite(name);
        const Vector next(site->x + dx, site->y + dy, height);
        const double leg = CalculateDistance(here, next) / m.speed;
        if (leg <= 0)
        {
            continue;
        }
        t += leg;
        mobility->AddWaypoint(Waypoint(Seconds(t), next));
        here = next;
    }
    node->AggregateObject(mobility);
}

AddressPlan&
ScenarioBuild::GetAddresses()
{
    return m_addresses;
}

RandomStreamPlan&
ScenarioBuild::GetStreams()
{
    return m_streams;
}

uint32_t
ScenarioBuild::AddEdge(const LinkSpec& link, const RoutingEdge& edge)
{
    const uint32_t index = m_planner.AddLink(edge.devA, edge.devB, edge.weightSeconds);
    if (index != m_edges.size())
    {
        throw std::logic_error("ScenarioBuild: the routing graph and the edges are out of step");
    }
    m_edges.push_back(Edge{&link, edge});
    m_edgesOfLink[&link].push_back(index);
    return index;
}

uint32_t
ScenarioBuild::GetEdgeCount() const
{
    return static_cast<uint32_t>(m_edges.size());
}

const RoutingEdge&
ScenarioBuild::GetEdge(uint32_t edge) const
{
    return m_edges.at(edge).edge;
}

const LinkSpec&
ScenarioBuild::GetEdgeLink(uint32_t edge) const
{
    return *m_edges.at(edge).link;
}

const std::vector<uint32_t>&
ScenarioBuild::GetEdgesOf(const LinkSpec& link) const
{
    static const std::vector<uint32_t> none;
    const auto it = m_edgesOfLink.find(&link);
    return it == m_edgesOfLink.end() ? none : it->second;
}

void
ScenarioBuild::MoveEdgeEnd(uint32_t edge, Ptr<NetDevice> newDevA, const LinkSpec& newLink)
{
    NS_LOG_FUNCTION(this << edge << newDevA << newLink.name);
    m_planner.MoveLinkEnd(edge, newDevA);
    Edge& e = m_edges.at(edge);
    e.edge.devA = newDevA;
    e.link = &newLink;
    Ptr<Node> terminal = e.edge.devB->GetNode();
    // A flow's propagation bound is the least over the paths it took.
    for (uint32_t fi = 0; fi < m_flowEnds.size(); ++fi)
    {
        const auto& [from, to] = m_flowEnds[fi];
        if (from != terminal && to != terminal)
        {
            continue;
        }
        double bound = 0;
        for (uint32_t li : m_planner.GetPath(from, to).value_or(std::vector<uint32_t>{}))
        {
            bound += m_edges[li].edge.propagationBoundSeconds;
        }
        m_flowResults[fi].propagationBoundMs =
            std::min(m_flowResults[fi].propagationBoundMs, bound * 1e3);
    }
    for (const auto& listener : m_edgeMoveListeners)
    {
        listener(edge);
    }
}

void
ScenarioBuild::AddEdgeMoveListener(std::function<void(uint32_t)> listener)
{
    m_edgeMoveListeners.push_back(std::move(listener));
}

void
ScenarioBuild::CountHandover(Ptr<Node> node)
{
    ++m_handoversOfNode[node->GetId()];
}

Ptr<EnergyMeter>
ScenarioBuild::GetMeter() const
{
    return m_meter;
}

CostLedger&
ScenarioBuild::GetLedger()
{
    return m_ledger;
}

void
ScenarioBuild::ReportUnmetered(const UnaccountedElement& element)
{
    m_unmetered.push_back(element);
}

void
ScenarioBuild::ReportUncosted(const UnaccountedElement& element)
{
    m_uncosted.push_back(element);
}

void
ScenarioBuild::Step()
{
    m_setup.Step();
}

void
ScenarioBuild::BuildNodes()
{
    for (const auto& n : m_spec.nodes)
    {
        // Each group's own stream: member i lands where it did whatever other groups hold.
        Ptr<UniformRandomVariable> placement = CreateObject<UniformRandomVariable>();
        placement->SetStream(m_streams.Reserve("node:" + n.name + "/placement", n.mark));
        NodeGroup g;
        g.spec = &n;
        g.equipment = EquipmentProfile::Find(n.equipment);
        const SiteSpec* site = m_spec.FindSite(n.site);
        // The site's own PUE when the scenario gives one, else the equipment's usual site class.
        g.pue = site->pue.value_or(g.equipment->pue);
        for (uint32_t i = 0; i < n.count; ++i)
        {
            m_setup.Step();
            Ptr<Node> node = CreateObject<Node>();
            m_allNodes.Add(node);
            g.members.push_back(node);
            double x = site->x;
            double y = site->y;
            if (!n.placementOffsets.empty())
            {
                x += n.placementOffsets[i].first;
                y += n.placementOffsets[i].second;
            }
            else if (n.placementRadius > 0)
            {
                // Uniform in a disc: radius ~ R sqrt(U), angle ~ U(0, 2 pi).
                double r = n.placementRadius * std::sqrt(placement->GetValue());
                double angle = placement->GetValue(0, 2 * M_PI);
                x += r * std::cos(angle);
                y += r * std::sin(angle);
            }
            g.positions.emplace_back(x, y);
        }
        m_groups.emplace(n.name, std::move(g));
    }

    m_setup.Phase("internet stacks", 0);
    InternetStackHelper internet;
    HostRouteTableHelper hostRoutes;
    internet.SetRoutingHelper(hostRoutes);
    internet.SetIpv6StackInstall(false);
    internet.Install(m_allNodes);
    // ARP's request jitter (ns-3's ArpL3Protocol RequestJitter) on devices that need ARP.
    for (const auto& n : m_spec.nodes)
    {
        const NodeGroup& g = m_groups.at(n.name);
        for (uint32_t i = 0; i < g.members.size(); ++i)
        {
            m_streams.Assign("node:" + n.name + "/member:" + std::to_string(i) + "/internet",
                             n.mark,
                             [&](int64_t first) {
                                 return internet.AssignStreams(NodeContainer(g.members[i]), first);
                             });
        }
    }
}

const NodeContainer&
ScenarioBuild::GetAllNodes() const
{
    return m_allNodes;
}

StaticRoutePlanner&
ScenarioBuild::GetPlanner()
{
    return m_planner;
}

SetupProgress&
ScenarioBuild::GetSetup()
{
    return m_setup;
}

std::chrono::steady_clock::time_point
ScenarioBuild::GetWallStart() const
{
    return m_wallStart;
}

bool
ScenarioBuild::GetProgress() const
{
    return m_progress;
}

std::vector<FlowResult>&
ScenarioBuild::GetFlowResults()
{
    return m_flowResults;
}

std::vector<std::pair<Ptr<Node>, Ptr<Node>>>&
ScenarioBuild::GetFlowEnds()
{
    return m_flowEnds;
}

uint64_t
ScenarioBuild::GetHandovers(Ptr<Node> node) const
{
    const auto it = m_handoversOfNode.find(node->GetId());
    return it == m_handoversOfNode.end() ? 0 : it->second;
}

const std::vector<UnaccountedElement>&
ScenarioBuild::GetUnmetered() const
{
    return m_unmetered;
}

const std::vector<UnaccountedElement>&
ScenarioBuild::GetUncosted() const
{
    return m_uncosted;
}

Ptr<ElementPowerModel>
MakePowerModel(const PowerSpec& p, double pue)
{
    ObjectFactory factory;
    factory.SetTypeId(p.model);
    factory.Set("IdlePower", DoubleValue(p.idleWatts));
    factory.Set("MaxPower", DoubleValue(p.maxWatts));
    factory.Set("Capacity", DoubleValue(p.capacityBps));
    factory.Set("Pue", DoubleValue(pue));
    return factory.Create<ElementPowerModel>();
}

} // namespace blueprint
} // namespace ns3
