/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-gnb-power-model.h"

namespace ns3
{
namespace blueprint
{

NS_OBJECT_ENSURE_REGISTERED(NrGnbPowerModel);

TypeId
NrGnbPowerModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrGnbPowerModel")
                            .SetParent<RadioPowerModel>()
                            .SetGroupName("Blueprint");
    return tid;
}

} // namespace blueprint
} // namespace ns3
