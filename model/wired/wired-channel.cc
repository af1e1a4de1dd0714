/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/wired/wired-channel.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintWiredChannel");

NS_OBJECT_ENSURE_REGISTERED(WiredChannel);

TypeId
WiredChannel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::WiredChannel")
                            .SetParent<PointToPointChannel>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<WiredChannel>();
    return tid;
}

WiredChannel::WiredChannel()
    : m_receiveProcessing{Time(0), Time(0)}
{
    NS_LOG_FUNCTION(this);
}

std::size_t
WiredChannel::IndexOf(Ptr<PointToPointNetDevice> end) const
{
    for (std::size_t i = 0; i < GetNDevices(); ++i)
    {
        if (GetPointToPointDevice(i) == end)
        {
            return i;
        }
    }
    NS_ABORT_MSG("WiredChannel: device is not attached to this channel");
    return 0;
}

void
WiredChannel::SetReceiveProcessingDelay(Ptr<PointToPointNetDevice> end, Time delay)
{
    NS_LOG_FUNCTION(this << end << delay);
    NS_ABORT_MSG_IF(delay.IsStrictlyNegative(),
                    "WiredChannel: receive processing delay must not be negative");
    m_receiveProcessing[IndexOf(end)] = delay;
}

Time
WiredChannel::GetReceiveProcessingDelay(Ptr<PointToPointNetDevice> end) const
{
    return m_receiveProcessing[IndexOf(end)];
}

bool
WiredChannel::TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime)
{
    NS_LOG_FUNCTION(this << p << src << txTime);
    NS_ASSERT(IsInitialized());

    // Same wire selection as PointToPointChannel: wire i carries what device i sends.
    const uint32_t wire = (src == GetSource(0)) ? 0 : 1;
    Ptr<PointToPointNetDevice> dst = GetDestination(wire);
    const Time arrival = txTime + GetDelay() + m_receiveProcessing[IndexOf(dst)];
    NS_LOG_LOGIC("UID " << p->GetUid() << " arrives after " << arrival.As(Time::US));

    Simulator::ScheduleWithContext(dst->GetNode()->GetId(),
                                   arrival,
                                   &PointToPointNetDevice::Receive,
                                   dst,
                                   p->Copy());
    return true;
}

} // namespace blueprint
} // namespace ns3
