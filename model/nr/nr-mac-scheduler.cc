/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-mac-scheduler.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrMacScheduler");

NS_OBJECT_ENSURE_REGISTERED(NrMacScheduler);

TypeId
NrMacScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::NrMacScheduler").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

std::vector<uint32_t>
NrMacScheduler::Allocate(const std::vector<NrUeDemand>& demands, uint32_t prbs, uint64_t tti)
{
    return Allocate(demands, prbs, tti, [](std::size_t) { return true; });
}

} // namespace ns3
