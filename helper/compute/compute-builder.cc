/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/compute/compute-builder.h"

#include "helper/compute/compute-reader.h"
#include "model/equipment/equipment-profile.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintComputeNodes");

namespace
{

/// What the results and the meter call the servers of a compute node.
const char* const kTechnology = "compute";

} // namespace

ComputeNodes::ComputeNodes(ScenarioBuild& sb)
{
    const ScenarioSpec& spec = sb.GetSpec();
    for (const NodeSpec& n : spec.nodes)
    {
        if (!n.compute)
        {
            continue;
        }
        const ComputeSpec& c = *n.compute;
        Node node;
        node.spec = &n;
        // Servers sit in a data centre unless their site says otherwise: the catalogue server's
        // PUE (EquipmentProfile "server", Uptime Institute 2023).
        const SiteSpec* site = spec.FindSite(n.site);
        node.pue = site->pue.value_or(EquipmentProfile::Find("server")->pue);
        const NodeGroup& group = sb.GetGroup(n.name);
        for (uint32_t i = 0; i < group.members.size(); ++i)
        {
            ObjectFactory distribution;
            distribution.SetTypeId(c.serviceType);
            for (const auto& [attribute, value] : c.serviceAttributes)
            {
                distribution.Set(attribute, StringValue(value));
            }
            Ptr<ComputeServer> server = CreateObject<ComputeServer>();
            server->SetAttribute("Servers", UintegerValue(c.servers));
            server->SetAttribute("QueueLimit", UintegerValue(c.queueLimit));
            server->SetAttribute("ServiceTime",
                                 PointerValue(distribution.Create<RandomVariableStream>()));
            server->SetAttribute("IdlePower", DoubleValue(c.idleWatts));
            server->SetAttribute("MaxPower", DoubleValue(c.maxWatts));
            sb.GetStreams().Assign("node:" + n.name + "/member:" + std::to_string(i) + "/compute",
                                   c.mark,
                                   [&](int64_t first) { return server->AssignStreams(first); });
            group.members[i]->AggregateObject(server);
            node.servers.push_back(server);
        }
        NS_LOG_INFO("compute node " << n.name << ": " << group.members.size() << " x " << c.servers
                                    << " servers, " << ServiceText(c));
        m_nodes.push_back(std::move(node));
    }
}

bool
ComputeNodes::IsEmpty() const
{
    return m_nodes.empty();
}

void
ComputeNodes::Account(ScenarioBuild& sb) const
{
    for (const Node& node : m_nodes)
    {
        const NodeSpec& n = *node.spec;
        const ComputeSpec& c = *n.compute;
        const std::string element = n.name + " servers";
        const NodeGroup& group = sb.GetGroup(n.name);
        for (std::size_t i = 0; i < node.servers.size(); ++i)
        {
            const Ptr<ComputeServer>& server = node.servers[i];
            if (c.maxWatts > 0)
            {
                // Each member's servers stand in its node: its supply (a battery, a generator,
                // the mains) powers them, and they draw nothing while it is dark.
                sb.GetMeter()->AddIntegratedElement(
                    element,
                    n.name,
                    kTechnology,
                    [server](Time now) { return server->GetEnergyJoules(now); },
                    node.pue,
                    c.servers * c.idleWatts,
                    group.members[i]);
            }
        }
        if (!(c.maxWatts > 0))
        {
            sb.ReportUnmetered({element, n.name, kTechnology, "power given as 0 W"});
        }
        CostItem item;
        item.element = element;
        item.node = n.name;
        item.technology = kTechnology;
        const double servers = static_cast<double>(c.servers) * n.count;
        item.capex = c.capex * servers;
        item.opexPerYear = c.opexPerYear * servers;
        item.lifetimeYears = c.lifetimeYears;
        if (item.capex > 0 || item.opexPerYear > 0)
        {
            sb.GetLedger().Add(item);
        }
        else
        {
            sb.ReportUncosted({element, n.name, kTechnology, "cost given as 0"});
        }
    }
}

void
ComputeNodes::ScheduleWindowEnd(double windowSeconds)
{
    m_window = windowSeconds;
    if (!m_nodes.empty())
    {
        Simulator::Schedule(Seconds(windowSeconds), &ComputeNodes::TakeWindowEnd, this);
    }
}

void
ComputeNodes::TakeWindowEnd()
{
    for (Node& node : m_nodes)
    {
        node.windowBusy.clear();
        for (const Ptr<ComputeServer>& server : node.servers)
        {
            node.windowBusy.push_back(server->GetBusyServerSeconds(Simulator::Now()));
        }
    }
}

std::vector<ComputeResult>
ComputeNodes::Collect(const EnergyReport& energy) const
{
    std::vector<ComputeResult> results;
    for (const Node& node : m_nodes)
    {
        const NodeSpec& n = *node.spec;
        const ComputeSpec& c = *n.compute;
        ComputeResult r;
        r.node = n.name;
        r.members = n.count;
        r.servers = c.servers;
        r.queueLimit = c.queueLimit;
        r.service = ServiceText(c);
        r.windowSeconds = m_window;
        for (std::size_t i = 0; i < node.servers.size(); ++i)
        {
            const ComputeServer& s = *node.servers[i];
            r.arrivals += s.GetArrivals();
            r.served += s.GetServed();
            r.dropped += s.GetDropped();
            r.maxQueue = std::max(r.maxQueue, s.GetMaxQueueLength());
            r.waitSeconds += s.GetTotalWaitSeconds();
            r.serviceSeconds += s.GetTotalServiceSeconds();
            r.busySeconds += i < node.windowBusy.size() ? node.windowBusy[i] : 0;
        }
        for (const auto& [element, owner, technology, joules] : energy.byElement)
        {
            if (owner == n.name && technology == kTechnology)
            {
                r.energyJoules += joules;
            }
        }
        results.push_back(r);
    }
    return results;
}

} // namespace blueprint
} // namespace ns3
