/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/lte/lte-enb-power-model.h"

namespace ns3
{
namespace blueprint
{

NS_OBJECT_ENSURE_REGISTERED(LteEnbPowerModel);

TypeId
LteEnbPowerModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::LteEnbPowerModel")
                            .SetParent<RadioPowerModel>()
                            .SetGroupName("Blueprint");
    return tid;
}

} // namespace blueprint
} // namespace ns3
