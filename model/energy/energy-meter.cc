/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/energy-meter.h"

#include "ns3/callback.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintEnergyMeter");

NS_OBJECT_ENSURE_REGISTERED(EnergyMeter);

TypeId
EnergyMeter::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::EnergyMeter")
                            .SetParent<Object>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<EnergyMeter>();
    return tid;
}

EnergyMeter::EnergyMeter()
    : m_running(false),
      m_started(false),
      m_start(Time(0))
{
    NS_LOG_FUNCTION(this);
}

void
EnergyMeter::AddElement(const std::string& element,
                        const std::string& node,
                        const std::string& technology,
                        Ptr<ElementPowerModel> model,
                        NetDeviceContainer loadDevices,
                        Ptr<Node> owner)
{
    NS_LOG_FUNCTION(this << element << node << technology);
    if (!model)
    {
        throw std::invalid_argument("energy element '" + element + "' has no power model");
    }
    const std::size_t index = m_elements.size();
    for (auto it = loadDevices.Begin(); it != loadDevices.End(); ++it)
    {
        // The element index is bound into the sink; on failure the sinks already connected are
        // removed again so a rejected element leaves the meter unchanged.
        if (!(*it)->TraceConnectWithoutContext(
                "PhyTxEnd",
                MakeCallback(&EnergyMeter::CountTransmission, this, index)))
        {
            for (auto done = loadDevices.Begin(); done != it; ++done)
            {
                (*done)->TraceDisconnectWithoutContext(
                    "PhyTxEnd",
                    MakeCallback(&EnergyMeter::CountTransmission, this, index));
            }
            throw std::invalid_argument("energy element '" + element + "': device of type " +
                                        (*it)->GetInstanceTypeId().GetName() +
                                        " has no PhyTxEnd trace source to count its load");
        }
    }
    Element e;
    e.name = element;
    e.node = node;
    e.technology = technology;
    e.model = model;
    e.devices = loadDevices;
    for (auto it = loadDevices.Begin(); it != loadDevices.End(); ++it)
    {
        e.nodeIds.push_back((*it)->GetNode()->GetId());
    }
    if (owner)
    {
        e.nodeIds.push_back(owner->GetId());
    }
    m_elements.push_back(e);
}

void
EnergyMeter::CountTransmission(std::size_t index, Ptr<const Packet> packet)
{
    if (m_running && m_elements[index].powered)
    {
        m_elements[index].bits += static_cast<uint64_t>(packet->GetSize()) * 8;
    }
}

void
EnergyMeter::Start()
{
    NS_LOG_FUNCTION(this);
    m_start = Simulator::Now();
    for (auto& e : m_elements)
    {
        e.bits = 0;
        e.powered = true;
        e.onSeconds = 0;
        e.onSince = m_start;
    }
    for (auto& e : m_integrated)
    {
        e.powered = true;
        e.offJoules = 0;
    }
    m_running = true;
    m_started = true;
}

EnergyReport
EnergyMeter::Finish()
{
    NS_LOG_FUNCTION(this);
    if (!m_started)
    {
        throw std::logic_error("EnergyMeter::Finish called before Start");
    }
    m_running = false;
    const double seconds = (Simulator::Now() - m_start).GetSeconds();
    EnergyReport report;
    for (const auto& e : m_elements)
    {
        // A dark element draws nothing: its model integrates over its powered time only.
        const double joules =
            e.model->GetEnergy(PoweredSeconds(e, Simulator::Now()), static_cast<double>(e.bits));
        report.totalJoules += joules;
        report.byTechnology[e.technology] += joules;
        report.byNode[e.node] += joules;
        report.byElement.emplace_back(e.name, e.node, e.technology, joules);
        // GetPower(0): what a subclass (a sleeping router) draws unloaded, PUE included.
        report.idle.push_back(
            IdleDraw(e.name, e.node, e.technology, e.model->GetPower(0), true, e.powered));
        NS_LOG_INFO(e.name << " on " << e.node << ": " << e.bits << " bits, " << joules << " J");
    }
    for (const auto& e : m_integrated)
    {
        const double joules = e.pue * PoweredJoules(e, Simulator::Now());
        report.totalJoules += joules;
        report.byTechnology[e.technology] += joules;
        report.byNode[e.node] += joules;
        report.byElement.emplace_back(e.name, e.node, e.technology, joules);
        report.idle.push_back(
            e.idleWatts
                ? IdleDraw(e.name, e.node, e.technology, e.pue * *e.idleWatts, true, e.powered)
                : IdleDraw(e.name,
                           e.node,
                           e.technology,
                           seconds > 0 ? joules / seconds : 0.0,
                           false,
                           e.powered));
        NS_LOG_INFO(e.name << " on " << e.node << ": " << joules << " J (integrated)");
    }
    return report;
}

void
EnergyMeter::AddIntegratedElement(const std::string& element,
                                  const std::string& node,
                                  const std::string& technology,
                                  std::function<double(Time)> energy,
                                  double pue,
                                  std::optional<double> idleWatts,
                                  Ptr<Node> owner)
{
    NS_LOG_FUNCTION(this << element << node << technology << pue);
    if (!energy || pue < 1.0)
    {
        throw std::invalid_argument("EnergyMeter: integrated element '" + element +
                                    "' needs an energy function and a PUE of at least 1");
    }
    if (idleWatts && !(*idleWatts >= 0))
    {
        throw std::invalid_argument("EnergyMeter: integrated element '" + element +
                                    "' has a negative idle power");
    }
    // Member by member: the powered state keeps its defaults (on, no dark time yet).
    IntegratedElement e;
    e.name = element;
    e.node = node;
    e.technology = technology;
    e.energy = std::move(energy);
    e.pue = pue;
    e.idleWatts = idleWatts;
    if (owner)
    {
        e.nodeIds.push_back(owner->GetId());
    }
    m_integrated.push_back(std::move(e));
}

void
EnergyMeter::SetNodePowered(const std::string& node, bool powered)
{
    NS_LOG_FUNCTION(this << node << powered);
    if (powered)
    {
        m_darkNodes.erase(node);
    }
    else
    {
        m_darkNodes.insert(node);
    }
}

ElementIdleDraw
EnergyMeter::IdleDraw(const std::string& element,
                      const std::string& node,
                      const std::string& technology,
                      double watts,
                      bool modelled,
                      bool elementPowered) const
{
    const bool powered = elementPowered && !m_darkNodes.count(node);
    return ElementIdleDraw{element, node, technology, powered ? watts : 0.0, modelled, powered};
}

uint64_t
EnergyMeter::GetBitsCarried(const std::string& element) const
{
    uint64_t bits = 0;
    bool found = false;
    for (const auto& e : m_elements)
    {
        if (e.name == element)
        {
            bits += e.bits;
            found = true;
        }
    }
    if (!found)
    {
        throw std::invalid_argument("unknown energy element '" + element + "'");
    }
    return bits;
}

double
EnergyMeter::PoweredSeconds(const Element& e, Time now) const
{
    return e.onSeconds + (e.powered ? (now - e.onSince).GetSeconds() : 0.0);
}

double
EnergyMeter::PoweredJoules(const IntegratedElement& e, Time now) const
{
    const double total = e.energy(now);
    return total - e.offJoules - (e.powered ? 0.0 : total - e.energy(e.offSince));
}

bool
EnergyMeter::Selects(const Selection& which,
                     const std::string& name,
                     const std::vector<uint32_t>& ids)
{
    if (name != which.node)
    {
        return false;
    }
    if (ids.empty())
    {
        return which.unplaced;
    }
    return std::find(ids.begin(), ids.end(), which.nodeId) != ids.end();
}

void
EnergyMeter::SetPowered(const Selection& which, bool powered)
{
    NS_LOG_FUNCTION(this << which.node << which.nodeId << which.unplaced << powered);
    const Time now = Simulator::Now();
    for (auto& e : m_elements)
    {
        if (e.powered == powered || !Selects(which, e.node, e.nodeIds))
        {
            continue;
        }
        if (powered)
        {
            e.onSince = now;
        }
        else
        {
            e.onSeconds += (now - e.onSince).GetSeconds();
        }
        e.powered = powered;
    }
    for (auto& e : m_integrated)
    {
        if (e.powered == powered || !Selects(which, e.node, e.nodeIds))
        {
            continue;
        }
        if (powered)
        {
            e.offJoules += e.energy(now) - e.energy(e.offSince);
        }
        else
        {
            e.offSince = now;
        }
        e.powered = powered;
    }
}

double
EnergyMeter::GetJoules(const Selection& which) const
{
    if (!m_started)
    {
        return 0;
    }
    const Time now = Simulator::Now();
    double joules = 0;
    for (const auto& e : m_elements)
    {
        if (Selects(which, e.node, e.nodeIds))
        {
            joules += e.model->GetEnergy(PoweredSeconds(e, now), static_cast<double>(e.bits));
        }
    }
    for (const auto& e : m_integrated)
    {
        if (Selects(which, e.node, e.nodeIds))
        {
            joules += e.pue * PoweredJoules(e, now);
        }
    }
    return joules;
}

double
EnergyMeter::GetIdlePower(const Selection& which) const
{
    const Time now = Simulator::Now();
    double watts = 0;
    for (const auto& e : m_elements)
    {
        if (Selects(which, e.node, e.nodeIds))
        {
            watts += e.model->GetPower(0);
        }
    }
    for (const auto& e : m_integrated)
    {
        if (Selects(which, e.node, e.nodeIds))
        {
            watts += e.pue * (e.energy(now + Seconds(1)) - e.energy(now));
        }
    }
    return watts;
}

void
EnergyMeter::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // The trace sinks point at this meter: detach them so a device that outlives it cannot call
    // into freed memory.
    for (std::size_t i = 0; i < m_elements.size(); ++i)
    {
        for (auto it = m_elements[i].devices.Begin(); it != m_elements[i].devices.End(); ++it)
        {
            (*it)->TraceDisconnectWithoutContext(
                "PhyTxEnd",
                MakeCallback(&EnergyMeter::CountTransmission, this, i));
        }
    }
    m_elements.clear();
    Object::DoDispose();
}

} // namespace blueprint
} // namespace ns3
