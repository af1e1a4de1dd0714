/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-gateway-net-device.h"

#include "model/ntn/ntn-channel.h"

#include "ns3/drop-tail-queue.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnGatewayNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NtnGatewayNetDevice);

TypeId
NtnGatewayNetDevice::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NtnGatewayNetDevice")
                            .SetParent<NtnNetDevice>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NtnGatewayNetDevice>();
    return tid;
}

NtnGatewayNetDevice::NtnGatewayNetDevice()
    : m_index(0)
{
}

void
NtnGatewayNetDevice::DoInitialize()
{
    if (GetNtnChannel())
    {
        GetNtnChannel()->Start();
    }
    NtnNetDevice::DoInitialize();
}

void
NtnGatewayNetDevice::DoDispose()
{
    m_queues.clear();
    m_framedRoutes.clear();
    NtnNetDevice::DoDispose();
}

void
NtnGatewayNetDevice::Attach(Ptr<NtnChannel> channel, uint32_t index)
{
    SetNtnChannel(channel);
    m_index = index;
}

uint32_t
NtnGatewayNetDevice::GetGatewayIndex() const
{
    return m_index;
}

Ptr<Queue<Packet>>
NtnGatewayNetDevice::GetQueue(uint32_t terminal)
{
    if (terminal >= m_queues.size())
    {
        m_queues.resize(terminal + 1);
    }
    if (!m_queues[terminal])
    {
        m_queues[terminal] = CreateObject<DropTailQueue<Packet>>();
        m_queues[terminal]->SetMaxSize(m_queueSize);
    }
    return m_queues[terminal];
}

bool
NtnGatewayNetDevice::Enqueue(uint32_t terminal, Ptr<Packet> packet)
{
    Ptr<NtnChannel> channel = GetNtnChannel();
    if (channel->IsDropping(terminal) || !GetQueue(terminal)->Enqueue(packet))
    {
        m_macTxDropTrace(packet);
        return false;
    }
    m_macTxTrace(packet);
    channel->NotifyBacklog(terminal, true);
    return true;
}

void
NtnGatewayNetDevice::AddFramedRoute(Ipv4Address destination, Ipv4Address terminal)
{
    NS_LOG_FUNCTION(this << destination << terminal);
    m_framedRoutes[destination.Get()] = terminal.Get();
}

void
NtnGatewayNetDevice::RemoveFramedRoute(Ipv4Address destination)
{
    NS_LOG_FUNCTION(this << destination);
    m_framedRoutes.erase(destination.Get());
}

bool
NtnGatewayNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    Ptr<NtnChannel> channel = GetNtnChannel();
    if (protocolNumber != IPV4_PROTOCOL || !channel)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    Ipv4Header header;
    packet->PeekHeader(header);
    const Ipv4Address destination = header.GetDestination();
    const int64_t terminal = channel->FindTerminal(destination);
    if (terminal >= 0)
    {
        return Enqueue(static_cast<uint32_t>(terminal), packet);
    }
    bool broadcast = destination.IsBroadcast() || destination.IsMulticast();
    Ptr<Ipv4> ipv4 = GetNode() ? GetNode()->GetObject<Ipv4>() : nullptr;
    const int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(this) : -1;
    for (uint32_t i = 0; interface >= 0 && i < ipv4->GetNAddresses(interface); ++i)
    {
        broadcast = broadcast || destination == ipv4->GetAddress(interface, i).GetBroadcast();
    }
    if (broadcast)
    {
        bool any = false;
        for (uint32_t t = 0; t < channel->GetNTerminals(); ++t)
        {
            any = Enqueue(t, packet->Copy()) || any;
        }
        return any;
    }
    // An address behind a terminal: the framed route the node's routing told of.
    auto framed = m_framedRoutes.find(destination.Get());
    if (framed == m_framedRoutes.end())
    {
        framed = m_framedRoutes.find(Ipv4Address::GetAny().Get());
    }
    if (framed != m_framedRoutes.end())
    {
        const int64_t via = channel->FindTerminal(Ipv4Address(framed->second));
        if (via >= 0)
        {
            return Enqueue(static_cast<uint32_t>(via), packet);
        }
    }
    NS_LOG_LOGIC("no terminal has address " << destination);
    m_macTxDropTrace(packet);
    return false;
}

} // namespace blueprint
} // namespace ns3
