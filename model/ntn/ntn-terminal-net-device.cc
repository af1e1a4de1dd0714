/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-terminal-net-device.h"

#include "model/ntn/ntn-channel.h"

#include "ns3/drop-tail-queue.h"
#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnTerminalNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NtnTerminalNetDevice);

TypeId
NtnTerminalNetDevice::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NtnTerminalNetDevice")
                            .SetParent<NtnNetDevice>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NtnTerminalNetDevice>();
    return tid;
}

NtnTerminalNetDevice::NtnTerminalNetDevice()
    : m_id(0)
{
}

void
NtnTerminalNetDevice::DoInitialize()
{
    // The first device to start starts the channel: serving platforms are chosen at that time.
    if (GetNtnChannel())
    {
        GetNtnChannel()->Start();
    }
    NtnNetDevice::DoInitialize();
}

void
NtnTerminalNetDevice::DoDispose()
{
    m_queue = nullptr;
    NtnNetDevice::DoDispose();
}

void
NtnTerminalNetDevice::Attach(Ptr<NtnChannel> channel, uint32_t id)
{
    SetNtnChannel(channel);
    m_id = id;
}

uint32_t
NtnTerminalNetDevice::GetTerminalId() const
{
    return m_id;
}

Ptr<Queue<Packet>>
NtnTerminalNetDevice::GetQueue()
{
    if (!m_queue)
    {
        m_queue = CreateObject<DropTailQueue<Packet>>();
        m_queue->SetMaxSize(m_queueSize);
    }
    return m_queue;
}

void
NtnTerminalNetDevice::SetRainRate(double mmPerHour)
{
    NS_ASSERT_MSG(GetNtnChannel(), "NtnTerminalNetDevice: not attached to a channel");
    GetNtnChannel()->SetRainRate(m_id, mmPerHour);
}

bool
NtnTerminalNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    Ptr<NtnChannel> channel = GetNtnChannel();
    if (protocolNumber != IPV4_PROTOCOL || !channel || channel->IsDropping(m_id) ||
        !GetQueue()->Enqueue(packet))
    {
        m_macTxDropTrace(packet);
        return false;
    }
    m_macTxTrace(packet);
    channel->NotifyBacklog(m_id, false);
    return true;
}

} // namespace blueprint
} // namespace ns3
