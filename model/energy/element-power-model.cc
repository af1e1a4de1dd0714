/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/element-power-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintElementPowerModel");

NS_OBJECT_ENSURE_REGISTERED(ElementPowerModel);

TypeId
ElementPowerModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::ElementPowerModel")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<ElementPowerModel>()
            .AddAttribute("IdlePower",
                          "Power drawn at zero load, in W, excluding the site PUE.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ElementPowerModel::m_idlePower),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("MaxPower",
                          "Power drawn at full load (carried rate = Capacity), in W, excluding "
                          "the site PUE. Not below IdlePower.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ElementPowerModel::m_maxPower),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("Capacity",
                          "Carried bit rate, in bit/s, at which MaxPower is reached; 0 makes the "
                          "element draw IdlePower whatever it carries.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ElementPowerModel::m_capacity),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("Pue",
                          "Power usage effectiveness of the element's site: grid power over "
                          "equipment power (1 = no overhead).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&ElementPowerModel::m_pue),
                          MakeDoubleChecker<double>(1.0));
    return tid;
}

ElementPowerModel::ElementPowerModel()
    : m_idlePower(0.0),
      m_maxPower(0.0),
      m_capacity(0.0),
      m_pue(1.0)
{
    NS_LOG_FUNCTION(this);
}

void
ElementPowerModel::CheckConsistent() const
{
    // A constant-power element ignores MaxPower, so the ordering only matters with a capacity.
    NS_ABORT_MSG_IF(m_capacity > 0.0 && m_maxPower < m_idlePower,
                    "ElementPowerModel: MaxPower (" << m_maxPower << " W) is below IdlePower ("
                                                    << m_idlePower << " W)");
}

double
ElementPowerModel::GetPower(double bitRate) const
{
    NS_LOG_FUNCTION(this << bitRate);
    NS_ABORT_MSG_IF(bitRate < 0.0, "ElementPowerModel: negative bit rate " << bitRate);
    CheckConsistent();
    if (m_capacity <= 0.0)
    {
        return m_pue * m_idlePower;
    }
    const double load = std::min(bitRate / m_capacity, 1.0);
    return m_pue * (m_idlePower + (m_maxPower - m_idlePower) * load);
}

double
ElementPowerModel::GetEnergy(double seconds, double bitsCarried) const
{
    NS_LOG_FUNCTION(this << seconds << bitsCarried);
    NS_ABORT_MSG_IF(seconds < 0.0, "ElementPowerModel: negative duration " << seconds);
    NS_ABORT_MSG_IF(bitsCarried < 0.0, "ElementPowerModel: negative bit count " << bitsCarried);
    CheckConsistent();
    if (m_capacity <= 0.0)
    {
        return m_pue * m_idlePower * seconds;
    }
    // Integral of u(t) dt = bits / Capacity: the time the element would have spent at full load.
    const double fullLoadSeconds = std::min(bitsCarried / m_capacity, seconds);
    return m_pue * (m_idlePower * seconds + (m_maxPower - m_idlePower) * fullLoadSeconds);
}

double
ElementPowerModel::GetIdlePower() const
{
    return m_idlePower;
}

double
ElementPowerModel::GetMaxPower() const
{
    return m_maxPower;
}

double
ElementPowerModel::GetCapacity() const
{
    return m_capacity;
}

double
ElementPowerModel::GetPue() const
{
    return m_pue;
}

} // namespace blueprint
} // namespace ns3
