/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-ue-net-device.h"

#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrUeNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrUeNetDevice);

/// EtherType of IPv4, the only protocol the NR devices carry (IANA ieee-802-numbers).
static constexpr uint16_t IPV4_PROTOCOL = 0x0800;

TypeId
NrUeNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrUeNetDevice")
            .SetParent<NrNetDevice>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrUeNetDevice>()
            .AddAttribute("Capability",
                          "UE processing capability, 1 or 2: selects N1 (TS 38.214 Tables "
                          "5.3-1/5.3-2) and N2 (Tables 6.4-1/6.4-2); 2 exists for mu 0..2 only.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrUeNetDevice::m_capability),
                          MakeUintegerChecker<uint8_t>(1, 2))
            .AddAttribute("UlQueueMaxPackets",
                          "The most packets the uplink buffer holds; more are dropped.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&NrUeNetDevice::SetUlQueueMaxPackets,
                                               &NrUeNetDevice::GetUlQueueMaxPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("MacTx",
                            "A packet was accepted into the uplink buffer.",
                            MakeTraceSourceAccessor(&NrUeNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A packet was dropped before it could be sent (full buffer, not "
                            "attached, or not IPv4).",
                            MakeTraceSourceAccessor(&NrUeNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A complete downlink packet was delivered up.",
                            MakeTraceSourceAccessor(&NrUeNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

NrUeNetDevice::NrUeNetDevice()
    : m_capability(1),
      m_ueIndex(0),
      m_channelIndex(0),
      m_ulQueueDrops(0),
      m_inHandover(false)
{
    NS_LOG_FUNCTION(this);
}

NrUeNetDevice::~NrUeNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
NrUeNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_gnb = nullptr;
    NrNetDevice::DoDispose();
}

void
NrUeNetDevice::Attach(Ptr<NrGnbNetDevice> gnb, uint32_t ueIndex)
{
    NS_LOG_FUNCTION(this << gnb << ueIndex);
    m_gnb = gnb;
    m_ueIndex = ueIndex;
}

Ptr<NrGnbNetDevice>
NrUeNetDevice::GetGnb() const
{
    return m_gnb;
}

void
NrUeNetDevice::StartHandover()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_gnb, "NrUeNetDevice: a handover needs a serving cell");
    m_inHandover = true;
    m_gnb = nullptr;
    m_ulBuffer.RestartPartial();
}

void
NrUeNetDevice::CompleteHandover(Ptr<NrGnbNetDevice> gnb, uint32_t ueIndex)
{
    NS_LOG_FUNCTION(this << gnb << ueIndex);
    NS_ABORT_MSG_UNLESS(m_inHandover, "NrUeNetDevice: no handover under way");
    m_inHandover = false;
    m_gnb = gnb;
    m_ueIndex = ueIndex;
    m_dlRx.DiscardPartial(); // segments from the source cell will not be completed
    m_dataPreparation = m_gnb->GetUeDataPreparation(m_ueIndex);
    if (m_ulBuffer.GetNPackets() > 0)
    {
        m_gnb->NotifyUlData(m_ueIndex);
    }
}

bool
NrUeNetDevice::IsInHandover() const
{
    return m_inHandover;
}

uint32_t
NrUeNetDevice::GetUeIndex() const
{
    return m_ueIndex;
}

void
NrUeNetDevice::SetNrChannel(Ptr<NrChannel> channel, uint32_t channelIndex)
{
    m_channel = channel;
    m_channelIndex = channelIndex;
}

Ptr<NrChannel>
NrUeNetDevice::GetNrChannel() const
{
    return m_channel;
}

uint32_t
NrUeNetDevice::GetChannelIndex() const
{
    return m_channelIndex;
}

uint8_t
NrUeNetDevice::GetCapability() const
{
    return m_capability;
}

void
NrUeNetDevice::SetUlQueueMaxPackets(uint32_t maxPackets)
{
    m_ulBuffer.SetMaxPackets(maxPackets);
}

uint32_t
NrUeNetDevice::GetUlQueueMaxPackets() const
{
    return m_ulBuffer.GetMaxPackets();
}

uint64_t
NrUeNetDevice::GetUlPendingBytes() const
{
    return m_ulBuffer.GetPendingBytes();
}

uint64_t
NrUeNetDevice::GetUlReadyBytes(Time now) const
{
    return m_ulBuffer.GetReadyBytes(now);
}

bool
NrUeNetDevice::HasUlData() const
{
    return !m_ulBuffer.IsEmpty();
}

std::vector<NrTbSegment>
NrUeNetDevice::FillUlTransportBlock(uint32_t capacityBytes, Time now)
{
    return m_ulBuffer.Fill(capacityBytes, now);
}

void
NrUeNetDevice::ReceiveDlTransportBlock(std::vector<NrTbSegment> segments, bool decoded)
{
    NS_LOG_FUNCTION(this << segments.size() << decoded);
    if (!decoded)
    {
        m_dlRx.Discard(segments);
        return;
    }
    const Address from = m_gnb ? m_gnb->GetAddress() : Address();
    for (Ptr<Packet> packet : m_dlRx.Receive(segments))
    {
        m_macRxTrace(packet);
        if (!m_promiscCallback.IsNull())
        {
            m_promiscCallback(this, packet, IPV4_PROTOCOL, from, m_address, NetDevice::PACKET_HOST);
        }
        m_rxCallback(this, packet, IPV4_PROTOCOL, from);
    }
}

uint64_t
NrUeNetDevice::GetDeliveredPackets() const
{
    return m_dlRx.GetDeliveredSdus();
}

uint64_t
NrUeNetDevice::GetLostPackets() const
{
    return m_dlRx.GetLostSdus();
}

uint64_t
NrUeNetDevice::GetUlQueueDrops() const
{
    return m_ulQueueDrops;
}

bool
NrUeNetDevice::IsLinkUp() const
{
    return m_gnb != nullptr || m_inHandover;
}

bool
NrUeNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    // Whatever the destination, the packet goes to the serving gNB: the UE has one link. During
    // a handover it waits for the target cell.
    if (protocolNumber != IPV4_PROTOCOL || (!m_gnb && !m_inHandover))
    {
        m_macTxDropTrace(packet);
        ++m_ulQueueDrops;
        return false;
    }
    if (m_gnb)
    {
        m_dataPreparation = m_gnb->GetUeDataPreparation(m_ueIndex);
    }
    const Time ready = Simulator::Now() + m_dataPreparation;
    if (!m_ulBuffer.Enqueue(packet, ready))
    {
        NS_LOG_LOGIC("uplink buffer full, dropping " << packet->GetUid());
        m_macTxDropTrace(packet);
        ++m_ulQueueDrops;
        return false;
    }
    m_macTxTrace(packet);
    if (m_gnb)
    {
        m_gnb->NotifyUlData(m_ueIndex);
    }
    return true;
}

} // namespace blueprint
} // namespace ns3
