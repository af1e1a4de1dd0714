/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_GNB_POWER_MODEL_H
#define BLUEPRINT_NR_GNB_POWER_MODEL_H

#include "model/energy/radio-power-model.h"

#include "ns3/ptr.h"

namespace ns3
{
namespace blueprint
{

class NrGnbNetDevice;

/**
 * \ingroup blueprint-nr
 * \brief The power of one gNB (an NR cell's station) over a run: the kind a NR cell's
 * `power: {model: ...}` names (`earth`, the default, is NrGnbEnergyModel).
 *
 * The NR plug-in gives the model the cell's settings through its attributes of these names,
 * where it has them: BsType, BsCategory, ReferenceSet, MaxSleepState (the cell's `sleep`),
 * SsbPeriod (`ssb_period`) and SsbBurstDuration.
 */
class NrGnbPowerModel : public RadioPowerModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Meter a gNB from now on: its traces (DlTti, UlTti, DlTb, ...) say what the cell does
     * slot by slot. The model must outlive the simulation run (traces may hold a plain pointer to
     * it).
     * \param gnb the gNB device (with its NrChannel set and its attributes final).
     */
    virtual void Attach(Ptr<NrGnbNetDevice> gnb) = 0;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_GNB_POWER_MODEL_H */
