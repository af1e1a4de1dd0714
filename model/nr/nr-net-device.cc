/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-net-device.h"

#include "ns3/log.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrNetDevice);

TypeId
NrNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("Blueprint")
            .AddAttribute("Mtu",
                          "The largest IP packet the device accepts, bytes (RLC segments larger "
                          "ones; 1500 matches the Ethernet backhaul).",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&NrNetDevice::SetMtu, &NrNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68));
    return tid;
}

NrNetDevice::NrNetDevice()
    : m_ifIndex(0),
      m_address(Mac48Address::Allocate()),
      m_mtu(1500)
{
    NS_LOG_FUNCTION(this);
}

void
NrNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
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
NrNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
NrNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
NrNetDevice::GetChannel() const
{
    return m_channel;
}

void
NrNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
NrNetDevice::GetAddress() const
{
    return m_address;
}

bool
NrNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
NrNetDevice::GetMtu() const
{
    return m_mtu;
}

void
NrNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    // A cell and its attached UEs stay up for the whole run; the link never changes.
}

bool
NrNetDevice::IsBroadcast() const
{
    return true;
}

Address
NrNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
NrNetDevice::IsMulticast() const
{
    return false;
}

Address
NrNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
NrNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
NrNetDevice::IsBridge() const
{
    return false;
}

bool
NrNetDevice::IsPointToPoint() const
{
    return false;
}

bool
NrNetDevice::SendFrom(Ptr<Packet> packet,
                      const Address& source,
                      const Address& dest,
                      uint16_t protocolNumber)
{
    return false;
}

Ptr<Node>
NrNetDevice::GetNode() const
{
    return m_node;
}

void
NrNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
NrNetDevice::NeedsArp() const
{
    return false;
}

void
NrNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
NrNetDevice::SetPromiscReceiveCallback(PromiscReceiveCallback cb)
{
    m_promiscCallback = cb;
}

bool
NrNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace blueprint
} // namespace ns3
