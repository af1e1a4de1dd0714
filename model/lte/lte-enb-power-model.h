/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LTE_ENB_POWER_MODEL_H
#define BLUEPRINT_LTE_ENB_POWER_MODEL_H

#include "model/energy/radio-power-model.h"

#include "ns3/ptr.h"

namespace ns3
{

class LteEnbNetDevice;

namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The power of one LTE eNB (an LTE cell's station) over a run: the kind an LTE cell's
 * `power: {model: ...}` names (`earth`, the default, is LteEnbEnergyModel).
 *
 * The LTE plug-in gives the model the cell class's EARTH row through its attribute BsType,
 * where it has one.
 */
class LteEnbPowerModel : public RadioPowerModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Meter an eNB from now on: ns-3's LteEnbNetDevice and its MAC's traces. The model
     * must outlive the simulation run.
     * \param enb the eNB device, installed (its MAC and PHY exist).
     */
    virtual void Attach(Ptr<LteEnbNetDevice> enb) = 0;
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LTE_ENB_POWER_MODEL_H
