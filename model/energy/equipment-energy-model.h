/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_EQUIPMENT_ENERGY_MODEL_H
#define BLUEPRINT_EQUIPMENT_ENERGY_MODEL_H

#include "ns3/device-energy-model.h"
#include "ns3/energy-source.h"
#include "ns3/nstime.h"

#include <functional>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief ns-3 device energy model of a node's equipment: it draws, from one energy source, the
 * power the run's energy meter integrates for that node (its ElementPowerModel elements and its
 * stations' integrated models), so the battery or generator sees exactly the draw result.json
 * reports.
 *
 * The meter gives the node's energy from the start of the run (SetJoulesFunction). ns-3's energy
 * sources ask a device model for its current once per update and multiply it by the time since
 * their last update (EnergySource::CalculateTotalCurrent); this model answers with the mean power
 * over exactly that interval, (E(now) - E(last query)) / (now - last query), divided by the
 * source's voltage, so what the source subtracts is the metered energy, not a sample of it. A
 * query with no time elapsed returns the last mean power: the source uses it to predict when it
 * runs dry.
 *
 * Only one source feeds the equipment at a time (a generator, then a battery): the others' models
 * are not drawing (SetDrawing) and report no current.
 */
class EquipmentEnergyModel : public DeviceEnergyModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a model that draws nothing until it has a source, a function and SetDrawing(true).
    EquipmentEnergyModel();

    /**
     * \brief Attach the source the model draws from (ns-3's DeviceEnergyModel contract).
     * \param source the energy source
     */
    void SetEnergySource(Ptr<EnergySource> source) override;

    /// \return the energy drawn from the source so far, in J.
    double GetTotalEnergyConsumption() const override;

    /**
     * \brief Equipment has no radio states here: its power follows the meter.
     * \param newState ignored
     */
    void ChangeState(int newState) override;

    /// The source ran dry: the callback set by SetDepletionCallback is called.
    void HandleEnergyDepletion() override;

    /// The source recharged past its restart level: the recharge callback is called.
    void HandleEnergyRecharged() override;

    /// Nothing to do: the model has no state to change with the source's level.
    void HandleEnergyChanged() override;

    /**
     * \brief Set where the equipment's energy comes from.
     * \param joules the node's metered energy from the start of the run to now, in J, PUE
     *        included, not counting time the node was dark.
     */
    void SetJoulesFunction(std::function<double()> joules);

    /**
     * \brief Start or stop drawing from the source. Call the source's UpdateEnergySource first,
     * so that the interval before the change is settled at the old state.
     * \param drawing whether the equipment is fed by this source from now on
     */
    void SetDrawing(bool drawing);

    /// \return whether the equipment is fed by this source
    bool IsDrawing() const;

    /**
     * \brief Set the power assumed before any interval has been measured (the node's idle power),
     * used by the source to predict when it runs dry.
     * \param watts the power in W
     */
    void SetExpectedPower(double watts);

    /**
     * \brief Set what to call when the source runs dry and when it has recharged.
     * \param depleted called on depletion
     * \param recharged called when the source is back above its restart level
     */
    void SetCallbacks(std::function<void()> depleted, std::function<void()> recharged);

  private:
    double DoGetCurrentA() const override;

    Ptr<EnergySource> m_source;        //!< the source drawn from
    std::function<double()> m_joules;  //!< the node's metered energy so far, J
    std::function<void()> m_depleted;  //!< called when the source runs dry
    std::function<void()> m_recharged; //!< called when the source has recharged
    bool m_drawing;                    //!< whether the source feeds the equipment
    mutable Time m_lastQuery;          //!< time of the last current query
    mutable double m_lastJoules;       //!< the metered energy at the last query, J
    mutable double m_lastWatts;        //!< the mean power over the last interval, W
    mutable double m_drawnJoules;      //!< energy drawn from the source, J
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_EQUIPMENT_ENERGY_MODEL_H */
