/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CONSTANT_POWER_MODEL_H
#define BLUEPRINT_CONSTANT_POWER_MODEL_H

#include "model/energy/element-power-model.h"

#include "ns3/ptr.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief An ElementPowerModel that draws the same power whatever the element carries.
 * \param watts the element's draw, W (site PUE excluded).
 * \param pue its site's power usage effectiveness.
 * \return a model with IdlePower = MaxPower = watts and Capacity 0.
 */
Ptr<ElementPowerModel> CreateConstantPowerModel(double watts, double pue);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_CONSTANT_POWER_MODEL_H */
