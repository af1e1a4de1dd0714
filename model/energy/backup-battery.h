/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_BACKUP_BATTERY_H
#define BLUEPRINT_BACKUP_BATTERY_H

#include "ns3/energy-source.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A site's backup battery as an ns-3 energy source: its device energy models
 * (EquipmentEnergyModel) draw from it, its harvesters (SolarEnergyHarvester) charge it, and the
 * mains charges it while they are on.
 *
 * The bookkeeping is BasicEnergySource's (ns-3.37): at each update the charge changes by
 * (harvested power - device current x voltage) x time since the last update, and the device
 * models are told when it is empty and when it has recharged. Three things differ, each because a
 * backup battery over hours and days needs it: the charge stays within [0, capacity] (a charge
 * controller curtails surplus solar; BasicEnergySource has no upper bound and lets the charge go
 * below zero until its next periodic update); the next update is scheduled at the moment the
 * present draw would empty the battery (or fill it), not only every UpdateInterval, so that a
 * constant load runs it dry at the exact time; and while the mains are on (SetCharging) it takes
 * ChargePower from them until full.
 */
class BackupBattery : public EnergySource
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a 1 J battery, full, on a 48 V plant.
    BackupBattery();

    /// \return the supply voltage in V
    double GetSupplyVoltage() const override;

    /// \return the charge at the start of the run, in J
    double GetInitialEnergy() const override;

    /// \return the charge now, in J (updates first)
    double GetRemainingEnergy() override;

    /// \return the charge now as a fraction of the capacity (updates first)
    double GetEnergyFraction() override;

    /// Settle the charge up to now, tell the device models if it ran dry or recharged, and
    /// schedule the next update.
    void UpdateEnergySource() override;

    /// \return the capacity in J
    double GetCapacity() const;

    /**
     * \brief Set the capacity and the charge the run starts with.
     * \param capacityJ the capacity in J (> 0)
     * \param chargeJ the charge at the start, in J, within [0, capacityJ]
     */
    void SetCharge(double capacityJ, double chargeJ);

    /**
     * \brief Start or stop charging from the mains (settles the charge first).
     * \param charging whether the mains are on
     */
    void SetCharging(bool charging);

    /// \return whether the battery is empty (it stays so until it has recharged to
    /// RestartFraction of its capacity)
    bool IsDepleted() const;

    /**
     * \brief Connect a harvester that charges the battery (EnergySource::ConnectEnergyHarvester,
     * and the harvester told its source and node).
     * \param harvester the harvester
     */
    void AddHarvester(Ptr<EnergyHarvester> harvester);

  private:
    void DoInitialize() override;
    void DoDispose() override;

    double m_capacityJ;       //!< capacity, J
    double m_initialJ;        //!< charge at the start of the run, J
    double m_chargeJ;         //!< charge now, J
    double m_volts;           //!< supply voltage, V
    double m_chargeWatts;     //!< power taken from the mains while charging, W
    double m_restartFraction; //!< charge fraction at which an empty battery feeds again
    Time m_interval;          //!< longest time between updates
    Time m_lastUpdate;        //!< time of the last update
    bool m_charging;          //!< whether the mains charge it
    bool m_depleted;          //!< whether it is empty (until recharged past the restart level)
    bool m_harvested;         //!< whether a harvester charges it
    EventId m_next;           //!< the next scheduled update
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_BACKUP_BATTERY_H */
