/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/radio-power-model.h"

namespace ns3
{
namespace blueprint
{

NS_OBJECT_ENSURE_REGISTERED(RadioPowerModel);

TypeId
RadioPowerModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::RadioPowerModel").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

bool
RadioPowerModel::IncludesSiteOverhead() const
{
    return false;
}

std::optional<double>
RadioPowerModel::GetIdlePower() const
{
    return std::nullopt;
}

} // namespace blueprint
} // namespace ns3
