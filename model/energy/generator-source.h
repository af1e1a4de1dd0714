/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_GENERATOR_SOURCE_H
#define BLUEPRINT_GENERATOR_SOURCE_H

#include "ns3/energy-source.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A standby engine generator as an ns-3 energy source: it feeds its device energy models
 * while it runs and stops when its fuel is gone.
 *
 * The fuel is counted in running time at the site's load (FuelTime), the way generator makers
 * state run time per tank at a given load and the way a planner states "72 h of fuel": fuel burns
 * at a constant rate while the generator runs, whatever the equipment draws from moment to moment
 * (an assumption: a diesel set's consumption falls with load, but a site's load varies little
 * around its idle power). The generator runs from Start() to Stop() (mains lost, mains back) and
 * runs dry at the exact time the fuel ends, when its device models are told
 * (HandleEnergyDepletion). Its energy figures are electrical energy at NominalPower: what the
 * fuel left would deliver at that load.
 */
class GeneratorSource : public EnergySource
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a stopped generator with one hour of fuel.
    GeneratorSource();

    /// \return the supply voltage in V
    double GetSupplyVoltage() const override;

    /// \return the fuel at the start of the run as energy at NominalPower, in J
    double GetInitialEnergy() const override;

    /// \return the fuel left as energy at NominalPower, in J (updates first)
    double GetRemainingEnergy() override;

    /// \return the fuel left as a fraction of the fuel at the start (updates first)
    double GetEnergyFraction() override;

    /// Burn the fuel used since the last update; run dry when none is left.
    void UpdateEnergySource() override;

    /**
     * \brief Set the running time the fuel at the start of the run lasts.
     * \param fuel the running time
     */
    void SetFuel(Time fuel);

    /// \return the running time the fuel left lasts (updates first)
    Time GetFuelLeft();

    /// Start the engine (if it has fuel).
    void Start();

    /// Stop the engine; the fuel left is kept.
    void Stop();

    /// \return whether the engine runs
    bool IsRunning() const;

    /// \return whether the fuel is gone
    bool IsDepleted() const;

  private:
    void DoDispose() override;

    double m_volts;        //!< supply voltage, V
    double m_nominalWatts; //!< the load the fuel figures are converted at, W
    Time m_initialFuel;    //!< running time of the fuel at the start of the run
    Time m_fuel;           //!< running time of the fuel left
    Time m_lastUpdate;     //!< time of the last update
    bool m_running;        //!< whether the engine runs
    bool m_depleted;       //!< whether the fuel is gone
    EventId m_dry;         //!< the moment the fuel ends, while running
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_GENERATOR_SOURCE_H */
