/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/backup-battery.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/energy-harvester.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintBackupBattery");

NS_OBJECT_ENSURE_REGISTERED(BackupBattery);

TypeId
BackupBattery::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::BackupBattery")
            .SetParent<EnergySource>()
            .SetGroupName("Blueprint")
            .AddConstructor<BackupBattery>()
            // Telecom equipment runs on a nominal -48 V DC plant (ETSI EN 300 132-2, clause 4);
            // the voltage only converts between the framework's currents and watts.
            .AddAttribute("SupplyVoltage",
                          "Nominal voltage of the DC plant the battery feeds, in V.",
                          DoubleValue(48.0),
                          MakeDoubleAccessor(&BackupBattery::m_volts),
                          MakeDoubleChecker<double>(1e-3))
            .AddAttribute("ChargePower",
                          "Power taken from the mains to charge the battery while they are on, "
                          "in W (0: no charging).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&BackupBattery::m_chargeWatts),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("RestartFraction",
                          "Charge, as a fraction of the capacity, an empty battery must regain "
                          "before it feeds the equipment again (ns-3's BasicEnergySource calls "
                          "this its HighBatteryThreshold and defaults it to 0.15).",
                          DoubleValue(0.15),
                          MakeDoubleAccessor(&BackupBattery::m_restartFraction),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("UpdateInterval",
                          "Longest time between two updates of the charge while it changes.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&BackupBattery::m_interval),
                          MakeTimeChecker(NanoSeconds(1)));
    return tid;
}

BackupBattery::BackupBattery()
    : m_capacityJ(1),
      m_initialJ(1),
      m_chargeJ(1),
      m_volts(48),
      m_chargeWatts(0),
      m_restartFraction(0.15),
      m_interval(Seconds(1)),
      m_lastUpdate(Time(0)),
      m_charging(false),
      m_depleted(false),
      m_harvested(false)
{
    NS_LOG_FUNCTION(this);
}

double
BackupBattery::GetSupplyVoltage() const
{
    return m_volts;
}

double
BackupBattery::GetInitialEnergy() const
{
    return m_initialJ;
}

double
BackupBattery::GetRemainingEnergy()
{
    UpdateEnergySource();
    return m_chargeJ;
}

double
BackupBattery::GetEnergyFraction()
{
    UpdateEnergySource();
    return m_chargeJ / m_capacityJ;
}

double
BackupBattery::GetCapacity() const
{
    return m_capacityJ;
}

void
BackupBattery::SetCharge(double capacityJ, double chargeJ)
{
    NS_LOG_FUNCTION(this << capacityJ << chargeJ);
    NS_ABORT_MSG_UNLESS(capacityJ > 0 && chargeJ >= 0 && chargeJ <= capacityJ,
                        "BackupBattery: charge " << chargeJ << " J outside [0, " << capacityJ
                                                 << " J]");
    m_capacityJ = capacityJ;
    m_initialJ = chargeJ;
    m_chargeJ = chargeJ;
    m_depleted = chargeJ <= 0;
    m_lastUpdate = Simulator::Now();
}

void
BackupBattery::SetCharging(bool charging)
{
    NS_LOG_FUNCTION(this << charging);
    UpdateEnergySource();
    m_charging = charging;
    UpdateEnergySource(); // reschedules for the new state
}

bool
BackupBattery::IsDepleted() const
{
    return m_depleted;
}

void
BackupBattery::AddHarvester(Ptr<EnergyHarvester> harvester)
{
    NS_LOG_FUNCTION(this << harvester);
    ConnectEnergyHarvester(harvester);
    harvester->SetEnergySource(this);
    harvester->SetNode(GetNode());
    m_harvested = true;
}

void
BackupBattery::UpdateEnergySource()
{
    NS_LOG_FUNCTION(this);
    const Time now = Simulator::Now();
    const double seconds = (now - m_lastUpdate).GetSeconds();
    // Net current out of the battery over [last update, now]: the devices' draw less the
    // harvesters' (EnergySource::CalculateTotalCurrent), each a mean over that interval. With no
    // time elapsed it is the present rate, used below to predict the next event.
    const double netWatts = CalculateTotalCurrent() * m_volts - (m_charging ? m_chargeWatts : 0);
    m_chargeJ = std::clamp(m_chargeJ - netWatts * seconds, 0.0, m_capacityJ);
    m_lastUpdate = now;
    // Within a nanosecond of empty is empty: the scheduler cannot land closer.
    const double epsilonJ = std::max(1e-12 * m_capacityJ, std::fabs(netWatts) * 1e-9);
    if (!m_depleted && m_chargeJ <= epsilonJ && netWatts > 0)
    {
        m_chargeJ = 0;
        m_depleted = true;
        NS_LOG_INFO("battery empty at " << now.As(Time::S));
        NotifyEnergyDrained();
    }
    else if (m_depleted && m_chargeJ >= m_restartFraction * m_capacityJ && m_chargeJ > 0)
    {
        m_depleted = false;
        NS_LOG_INFO("battery recharged at " << now.As(Time::S));
        NotifyEnergyRecharged();
    }
    // The next update: when the present rate would empty or fill the battery, or after one
    // interval while anything changes it; none while nothing does (full on mains, idle).
    m_next.Cancel();
    const double rate = CalculateTotalCurrent() * m_volts - (m_charging ? m_chargeWatts : 0);
    Time next = Time::Max();
    if (rate > 0 && m_chargeJ > 0)
    {
        // The rate is the mean over the last interval; a load that varies (a cell's TTIs) can
        // empty the battery before it said. Closing in by halves keeps the last interval, and so
        // the error of the prediction, short: within 2 us of empty the update lands on it.
        const double toEmpty = m_chargeJ / rate;
        const double step = toEmpty <= 2e-6 ? toEmpty : toEmpty / 2;
        next = std::min(m_interval, NanoSeconds(static_cast<int64_t>(std::ceil(step * 1e9))));
    }
    else if (rate < 0 && m_chargeJ < m_capacityJ)
    {
        // Full, or for an empty battery the restart level, whichever it reaches first.
        const double target = m_depleted ? m_restartFraction * m_capacityJ : m_capacityJ;
        const double toFull = std::max(0.0, target - m_chargeJ) / -rate;
        next = std::min(m_interval, NanoSeconds(static_cast<int64_t>(std::ceil(toFull * 1e9))));
    }
    else if (m_harvested)
    {
        // The sun may rise: look again.
        next = m_interval;
    }
    // Scheduled even when the simulator has nothing else to do (Simulator::IsFinished() is then
    // true, before the run as after it): an update left over at the end never runs.
    if (next != Time::Max())
    {
        m_next = Simulator::Schedule(std::max(next, NanoSeconds(1)),
                                     &BackupBattery::UpdateEnergySource,
                                     this);
    }
}

void
BackupBattery::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    UpdateEnergySource();
}

void
BackupBattery::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_next.Cancel();
    BreakDeviceEnergyModelRefCycle();
}

} // namespace blueprint
} // namespace ns3
