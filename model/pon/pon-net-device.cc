/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-net-device.h"

#include "model/pon/pon-channel.h"

#include "ns3/log.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PonNetDevice);

TypeId
PonNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PonNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Blueprint")
            .AddAttribute("Mtu",
                          "The largest IP packet the device accepts, bytes (Ethernet's 1500).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&PonNetDevice::SetMtu, &PonNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68))
            .AddTraceSource("MacTx",
                            "A packet was accepted for sending.",
                            MakeTraceSourceAccessor(&PonNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A packet was refused (no destination) or dropped (queue full).",
                            MakeTraceSourceAccessor(&PonNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A packet was received and handed up.",
                            MakeTraceSourceAccessor(&PonNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyTxEnd",
                            "A packet finished its transmission on the fibre.",
                            MakeTraceSourceAccessor(&PonNetDevice::m_phyTxEndTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

PonNetDevice::PonNetDevice()
    : m_ifIndex(0),
      m_address(Mac48Address::Allocate()),
      m_mtu(1500)
{
    NS_LOG_FUNCTION(this);
}

void
PonNetDevice::DoDispose()
{
    m_node = nullptr;
    m_channel = nullptr;
    m_rxCallback =
        MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscCallback = MakeNullCallback<bool,
                                         Ptr<NetDevice>,
                                         Ptr<const Packet>,
                                         uint16_t,
                                         const Address&,
                                         const Address&,
                                         NetDevice::PacketType>();
    NetDevice::DoDispose();
}

Ptr<PonChannel>
PonNetDevice::GetPonChannel() const
{
    return m_channel;
}

void
PonNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
PonNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
PonNetDevice::GetChannel() const
{
    return m_channel;
}

void
PonNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
PonNetDevice::GetAddress() const
{
    return m_address;
}

bool
PonNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
PonNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
PonNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

void
PonNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    // The tree and its registered ONUs stay up for the whole run.
}

bool
PonNetDevice::IsBroadcast() const
{
    return true;
}

Address
PonNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
PonNetDevice::IsMulticast() const
{
    return false;
}

Address
PonNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
PonNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
PonNetDevice::IsBridge() const
{
    return false;
}

bool
PonNetDevice::IsPointToPoint() const
{
    return false;
}

bool
PonNetDevice::SendFrom(Ptr<Packet> packet,
                       const Address& source,
                       const Address& dest,
                       uint16_t protocolNumber)
{
    return false;
}

Ptr<Node>
PonNetDevice::GetNode() const
{
    return m_node;
}

void
PonNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
PonNetDevice::NeedsArp() const
{
    return false;
}

void
PonNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
PonNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscCallback = cb;
}

bool
PonNetDevice::SupportsSendFrom() const
{
    return false;
}

void
PonNetDevice::DeliverUp(Ptr<Packet> packet, const Address& from)
{
    m_macRxTrace(packet);
    if (!m_promiscCallback.IsNull())
    {
        m_promiscCallback(this, packet, IPV4_PROTOCOL, from, m_address, NetDevice::PACKET_HOST);
    }
    m_rxCallback(this, packet, IPV4_PROTOCOL, from);
}

} // namespace blueprint
} // namespace ns3
