/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-net-device.h"

#include "model/ntn/ntn-channel.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NtnNetDevice);

TypeId
NtnNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Blueprint")
            .AddAttribute("Mtu",
                          "The largest IP packet the device accepts, bytes.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&NtnNetDevice::SetMtu, &NtnNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68))
            .AddAttribute("QueueSize",
                          "Size of each transmit queue (a terminal has one, a gateway one per "
                          "terminal). 100 packets as ns-3's point-to-point device (assumption).",
                          QueueSizeValue(QueueSize("100p")),
                          MakeQueueSizeAccessor(&NtnNetDevice::m_queueSize),
                          MakeQueueSizeChecker())
            .AddTraceSource("MacTx",
                            "A packet was accepted for sending.",
                            MakeTraceSourceAccessor(&NtnNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A packet was dropped before it reached the air (full queue, no "
                            "satellite in view, or an interruption that drops).",
                            MakeTraceSourceAccessor(&NtnNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyTxBegin",
                            "A packet left its queue and began its transmission on the beam's "
                            "carrier (the same trace point as ns-3's point-to-point device's).",
                            MakeTraceSourceAccessor(&NtnNetDevice::m_phyTxBeginTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("PhyTxEnd",
                            "A packet finished its transmission on the beam's carrier.",
                            MakeTraceSourceAccessor(&NtnNetDevice::m_phyTxEndTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A packet arrived and was handed up.",
                            MakeTraceSourceAccessor(&NtnNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

NtnNetDevice::NtnNetDevice()
    : m_queueSize("100p"),
      m_ifIndex(0),
      m_address(Mac48Address::Allocate()),
      m_mtu(1500),
      m_bitsCarried(0)
{
}

void
NtnNetDevice::DoDispose()
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

void
NtnNetDevice::SetNtnChannel(Ptr<NtnChannel> channel)
{
    m_channel = channel;
}

Ptr<NtnChannel>
NtnNetDevice::GetNtnChannel() const
{
    return m_channel;
}

void
NtnNetDevice::Receive(Ptr<Packet> packet, Address from)
{
    NS_LOG_FUNCTION(this << packet);
    m_bitsCarried += packet->GetSize() * 8ULL;
    m_macRxTrace(packet);
    if (!m_promiscCallback.IsNull())
    {
        m_promiscCallback(this, packet, IPV4_PROTOCOL, from, m_address, NetDevice::PACKET_HOST);
    }
    m_rxCallback(this, packet, IPV4_PROTOCOL, from);
}

void
NtnNetDevice::NotifyTransmitStart(Ptr<const Packet> packet)
{
    m_phyTxBeginTrace(packet);
}

void
NtnNetDevice::NotifyTransmitted(Ptr<const Packet> packet)
{
    m_bitsCarried += packet->GetSize() * 8ULL;
    m_phyTxEndTrace(packet);
}

void
NtnNetDevice::NotifyDropped(Ptr<const Packet> packet)
{
    m_macTxDropTrace(packet);
}

uint64_t
NtnNetDevice::GetBitsCarried() const
{
    return m_bitsCarried;
}

void
NtnNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
NtnNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
NtnNetDevice::GetChannel() const
{
    return m_channel;
}

void
NtnNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
NtnNetDevice::GetAddress() const
{
    return m_address;
}

bool
NtnNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
NtnNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
NtnNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

void
NtnNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    // The IP link stays up through reassignments and interruptions (the queues hold or drop
    // packets); no link change is ever signalled.
}

bool
NtnNetDevice::IsBroadcast() const
{
    return true;
}

Address
NtnNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
NtnNetDevice::IsMulticast() const
{
    return false;
}

Address
NtnNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
NtnNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
NtnNetDevice::IsBridge() const
{
    return false;
}

bool
NtnNetDevice::IsPointToPoint() const
{
    return false;
}

bool
NtnNetDevice::SendFrom(Ptr<Packet> packet,
                       const Address& source,
                       const Address& dest,
                       uint16_t protocolNumber)
{
    return false;
}

Ptr<Node>
NtnNetDevice::GetNode() const
{
    return m_node;
}

void
NtnNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
NtnNetDevice::NeedsArp() const
{
    return false;
}

void
NtnNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
NtnNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscCallback = cb;
}

bool
NtnNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace blueprint
} // namespace ns3
