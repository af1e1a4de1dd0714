/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-onu-net-device.h"

#include "model/pon/pon-channel.h"
#include "model/pon/pon-flavour.h"
#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-upstream-scheduler.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonOnuNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PonOnuNetDevice);

TypeId
PonOnuNetDevice::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::PonOnuNetDevice")
                            .SetParent<PonNetDevice>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<PonOnuNetDevice>()
                            .AddAttribute("QueueSize",
                                          "Upstream queue of the ONU, packets.",
                                          UintegerValue(1000),
                                          MakeUintegerAccessor(&PonOnuNetDevice::m_queueLimit),
                                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

PonOnuNetDevice::PonOnuNetDevice()
    : m_index(0),
      m_queueLimit(1000),
      m_encapsulatedBytes(0.0),
      m_headSent(0)
{
    NS_LOG_FUNCTION(this);
}

void
PonOnuNetDevice::DoDispose()
{
    m_queue.clear();
    PonNetDevice::DoDispose();
}

void
PonOnuNetDevice::Attach(Ptr<PonChannel> channel, double distanceKm)
{
    NS_ABORT_MSG_IF(m_channel, "PonOnuNetDevice: already attached");
    NS_ABORT_MSG_IF(!channel->GetOlt(), "PonOnuNetDevice: attach the OLT first");
    m_channel = channel;
    m_index = channel->AttachOnu(this, distanceKm);
}

uint32_t
PonOnuNetDevice::GetOnuIndex() const
{
    return m_index;
}

Ptr<PonOltNetDevice>
PonOnuNetDevice::GetOlt() const
{
    return m_channel ? m_channel->GetOlt() : nullptr;
}

double
PonOnuNetDevice::GetQueuedBytes() const
{
    if (m_queue.empty())
    {
        return 0.0;
    }
    const double fragmentHeader =
        m_headSent > 0 ? GetOlt()->GetFlavour()->GetFragmentHeaderBytes() : 0.0;
    return m_encapsulatedBytes - m_headSent + fragmentHeader;
}

uint32_t
PonOnuNetDevice::GetQueuedPackets() const
{
    return static_cast<uint32_t>(m_queue.size());
}

bool
PonOnuNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    if (protocolNumber != IPV4_PROTOCOL || !m_channel || m_queue.size() >= m_queueLimit)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    m_macTxTrace(packet);
    m_queue.push_back(packet);
    m_encapsulatedBytes += GetOlt()->GetFlavour()->GetEncapsulatedBytes(packet->GetSize());
    GetOlt()->GetScheduler()->NotifyEnqueue(m_index);
    return true;
}

void
PonOnuNetDevice::ReceiveDownstream(Ptr<Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    DeliverUp(packet, GetOlt()->GetAddress());
}

void
PonOnuNetDevice::TransmitBurst(uint32_t payloadBytes, bool report, Time startAtOlt, bool standing)
{
    NS_LOG_FUNCTION(this << payloadBytes << report << startAtOlt << standing);
    Ptr<PonOltNetDevice> olt = GetOlt();
    Ptr<PonFlavour> flavour = olt->GetFlavour();
    // From now to the OLT receiving the burst's first TC byte.
    const Time firstByte = m_channel->GetPropagationDelay(m_index) + flavour->GetBurstOverhead();
    const double reportBytes = report ? flavour->GetReportBytes() : 0.0;
    double offset = flavour->GetBurstHeaderBytes() + reportBytes;
    double space = payloadBytes;
    while (space > 0.0 && !m_queue.empty())
    {
        Ptr<Packet> head = m_queue.front();
        const uint32_t encapsulated = flavour->GetEncapsulatedBytes(head->GetSize());
        const double header = m_headSent > 0 ? flavour->GetFragmentHeaderBytes() : 0.0;
        const double need = header + encapsulated - m_headSent;
        if (need <= space)
        {
            offset += need;
            space -= need;
            m_queue.pop_front();
            m_encapsulatedBytes -= encapsulated;
            m_headSent = 0;
            m_phyTxEndTrace(head);
            m_channel->SendUpstream(m_index, head, firstByte + flavour->UpstreamTime(offset));
        }
        else if (flavour->SupportsFragmentation() && space > header)
        {
            m_headSent += static_cast<uint32_t>(space - header);
            offset += space;
            space = 0.0;
        }
        else
        {
            break; // the next frame does not fit (EPON does not fragment)
        }
    }
    if (report)
    {
        Ptr<PonUpstreamScheduler> scheduler = olt->GetScheduler();
        Simulator::ScheduleWithContext(
            olt->GetNode()->GetId(),
            firstByte + flavour->UpstreamTime(flavour->GetBurstHeaderBytes() + reportBytes),
            &PonUpstreamScheduler::ReceiveReport,
            scheduler,
            m_index,
            GetQueuedBytes(),
            startAtOlt);
    }
    olt->GetScheduler()->NotifyBurstDone(m_index, standing, !m_queue.empty());
}

void
PonOnuNetDevice::TransmitPoll(Time startAtOlt)
{
    NS_LOG_FUNCTION(this << startAtOlt);
    Ptr<PonOltNetDevice> olt = GetOlt();
    Ptr<PonFlavour> flavour = olt->GetFlavour();
    Ptr<PonUpstreamScheduler> scheduler = olt->GetScheduler();
    scheduler->NotifyPollDone(m_index);
    const double queued = GetQueuedBytes();
    if (queued <= 0.0)
    {
        return; // nothing to report: the OLT learns nothing new
    }
    const Time arrival =
        m_channel->GetPropagationDelay(m_index) + flavour->GetBurstOverhead() +
        flavour->UpstreamTime(flavour->GetBurstHeaderBytes() + flavour->GetReportBytes());
    Simulator::ScheduleWithContext(olt->GetNode()->GetId(),
                                   arrival,
                                   &PonUpstreamScheduler::ReceiveReport,
                                   scheduler,
                                   m_index,
                                   queued,
                                   startAtOlt);
}

} // namespace blueprint
} // namespace ns3
