/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/generator-source.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintGeneratorSource");

NS_OBJECT_ENSURE_REGISTERED(GeneratorSource);

TypeId
GeneratorSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::GeneratorSource")
            .SetParent<EnergySource>()
            .SetGroupName("Blueprint")
            .AddConstructor<GeneratorSource>()
            // A generator feeds the site's rectifiers, which feed the -48 V DC plant
            // (ETSI EN 300 132-2); the voltage only converts between currents and watts.
            .AddAttribute("SupplyVoltage",
                          "Nominal voltage of the DC plant the generator feeds, in V.",
                          DoubleValue(48.0),
                          MakeDoubleAccessor(&GeneratorSource::m_volts),
                          MakeDoubleChecker<double>(1e-3))
            .AddAttribute("NominalPower",
                          "Load, in W, at which the fuel's running time is turned into energy "
                          "for GetInitialEnergy and GetRemainingEnergy.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&GeneratorSource::m_nominalWatts),
                          MakeDoubleChecker<double>(0.0));
    return tid;
}

GeneratorSource::GeneratorSource()
    : m_volts(48),
      m_nominalWatts(0),
      m_initialFuel(Hours(1)),
      m_fuel(Hours(1)),
      m_lastUpdate(Time(0)),
      m_running(false),
      m_depleted(false)
{
    NS_LOG_FUNCTION(this);
}

double
GeneratorSource::GetSupplyVoltage() const
{
    return m_volts;
}

double
GeneratorSource::GetInitialEnergy() const
{
    return m_nominalWatts * m_initialFuel.GetSeconds();
}

double
GeneratorSource::GetRemainingEnergy()
{
    UpdateEnergySource();
    return m_nominalWatts * m_fuel.GetSeconds();
}

double
GeneratorSource::GetEnergyFraction()
{
    UpdateEnergySource();
    return m_initialFuel.IsZero() ? 0 : m_fuel.GetSeconds() / m_initialFuel.GetSeconds();
}

void
GeneratorSource::SetFuel(Time fuel)
{
    NS_LOG_FUNCTION(this << fuel);
    m_initialFuel = fuel;
    m_fuel = fuel;
    m_depleted = !fuel.IsStrictlyPositive();
    m_lastUpdate = Simulator::Now();
}

Time
GeneratorSource::GetFuelLeft()
{
    UpdateEnergySource();
    return m_fuel;
}

void
GeneratorSource::UpdateEnergySource()
{
    NS_LOG_FUNCTION(this);
    const Time now = Simulator::Now();
    // The device models settle what they drew over the interval (EquipmentEnergyModel counts
    // it); the generator only counts its fuel.
    CalculateTotalCurrent();
    if (m_running)
    {
        m_fuel = std::max(Time(0), m_fuel - (now - m_lastUpdate));
    }
    m_lastUpdate = now;
    if (m_running && m_fuel.IsZero())
    {
        m_running = false;
        m_depleted = true;
        m_dry.Cancel();
        NS_LOG_INFO("generator out of fuel at " << now.As(Time::S));
        NotifyEnergyDrained();
    }
}

void
GeneratorSource::Start()
{
    NS_LOG_FUNCTION(this);
    UpdateEnergySource();
    if (m_running || m_depleted)
    {
        return;
    }
    m_running = true;
    m_dry = Simulator::Schedule(m_fuel, &GeneratorSource::UpdateEnergySource, this);
}

void
GeneratorSource::Stop()
{
    NS_LOG_FUNCTION(this);
    UpdateEnergySource();
    m_running = false;
    m_dry.Cancel();
}

bool
GeneratorSource::IsRunning() const
{
    return m_running;
}

bool
GeneratorSource::IsDepleted() const
{
    return m_depleted;
}

void
GeneratorSource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_dry.Cancel();
    BreakDeviceEnergyModelRefCycle();
}

} // namespace blueprint
} // namespace ns3
