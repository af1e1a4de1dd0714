/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/constant-power-model.h"

#include "ns3/double.h"

namespace ns3
{
namespace blueprint
{

Ptr<ElementPowerModel>
CreateConstantPowerModel(double watts, double pue)
{
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(watts));
    model->SetAttribute("MaxPower", DoubleValue(watts));
    model->SetAttribute("Capacity", DoubleValue(0.0));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

} // namespace blueprint
} // namespace ns3
