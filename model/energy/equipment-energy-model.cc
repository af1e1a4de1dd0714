/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/equipment-energy-model.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintEquipmentEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(EquipmentEnergyModel);

TypeId
EquipmentEnergyModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::EquipmentEnergyModel")
                            .SetParent<DeviceEnergyModel>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<EquipmentEnergyModel>();
    return tid;
}

EquipmentEnergyModel::EquipmentEnergyModel()
    : m_drawing(false),
      m_lastQuery(Time(0)),
      m_lastJoules(0),
      m_lastWatts(0),
      m_drawnJoules(0)
{
    NS_LOG_FUNCTION(this);
}

void
EquipmentEnergyModel::SetEnergySource(Ptr<EnergySource> source)
{
    NS_LOG_FUNCTION(this << source);
    m_source = source;
}

double
EquipmentEnergyModel::GetTotalEnergyConsumption() const
{
    return m_drawnJoules;
}

void
EquipmentEnergyModel::ChangeState(int newState)
{
    NS_LOG_FUNCTION(this << newState);
}

void
EquipmentEnergyModel::HandleEnergyDepletion()
{
    NS_LOG_FUNCTION(this);
    if (m_depleted)
    {
        m_depleted();
    }
}

void
EquipmentEnergyModel::HandleEnergyRecharged()
{
    NS_LOG_FUNCTION(this);
    if (m_recharged)
    {
        m_recharged();
    }
}

void
EquipmentEnergyModel::HandleEnergyChanged()
{
}

void
EquipmentEnergyModel::SetJoulesFunction(std::function<double()> joules)
{
    m_joules = std::move(joules);
}

void
EquipmentEnergyModel::SetDrawing(bool drawing)
{
    NS_LOG_FUNCTION(this << drawing);
    m_drawing = drawing;
    // The interval starts afresh: energy the meter counted while another source (or the mains)
    // fed the node is not this source's.
    m_lastQuery = Simulator::Now();
    m_lastJoules = m_joules ? m_joules() : 0;
}

bool
EquipmentEnergyModel::IsDrawing() const
{
    return m_drawing;
}

void
EquipmentEnergyModel::SetExpectedPower(double watts)
{
    m_lastWatts = watts;
}

void
EquipmentEnergyModel::SetCallbacks(std::function<void()> depleted, std::function<void()> recharged)
{
    m_depleted = std::move(depleted);
    m_recharged = std::move(recharged);
}

double
EquipmentEnergyModel::DoGetCurrentA() const
{
    if (!m_drawing || !m_joules || !m_source)
    {
        return 0;
    }
    const Time now = Simulator::Now();
    const double volts = m_source->GetSupplyVoltage();
    if (now > m_lastQuery)
    {
        const double joules = m_joules();
        const double seconds = (now - m_lastQuery).GetSeconds();
        m_lastWatts = std::max(0.0, joules - m_lastJoules) / seconds;
        m_drawnJoules += std::max(0.0, joules - m_lastJoules);
        m_lastJoules = joules;
        m_lastQuery = now;
    }
    return m_lastWatts / volts;
}

} // namespace blueprint
} // namespace ns3
