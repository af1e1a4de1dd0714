/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RADIO_POWER_MODEL_H
#define BLUEPRINT_RADIO_POWER_MODEL_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <optional>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The power of one radio station (a gNB, an eNB, an access point) over a run, integrated
 * by the model itself from what its device does: what a cell technology registers with the run's
 * energy meter (EnergyMeter::AddIntegratedElement).
 *
 * Each kind of station has its own base, which adds how the model connects to its device
 * (NrGnbPowerModel, LteEnbPowerModel, WifiPowerModel), and a cell's `power: {model: ...}` names
 * any subclass of its kind by TypeId. The plug-in gives the model the cell's settings through
 * the attributes of those names the model has (as ns-3's LteHelper gives a path loss model its
 * Frequency), then the scenario's own `attributes`.
 */
class RadioPowerModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Get the energy since the model was attached to its device.
     * \param now the end of the measurement (normally Simulator::Now()).
     * \return the energy in J, before any site PUE.
     */
    virtual double GetEnergy(Time now) const = 0;

    /// \return whether the model's power already includes the site's power supply and cooling
    /// losses, so that a site PUE must not multiply it. Default: false.
    virtual bool IncludesSiteOverhead() const;

    /**
     * \brief What the station draws with nothing to send or receive, over a long stretch: the
     * power a timeline counts between its windows (doc/phases.rst).
     * \return the mean power in W, before any site PUE; none (the default) when the model has no
     *         such figure, and the energy meter then uses the window's mean power, flagged.
     */
    virtual std::optional<double> GetIdlePower() const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_RADIO_POWER_MODEL_H */
