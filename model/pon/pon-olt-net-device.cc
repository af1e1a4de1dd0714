/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-olt-net-device.h"

#include "model/pon/pon-channel.h"
#include "model/pon/pon-dba.h"
#include "model/pon/pon-flavour.h"
#include "model/pon/pon-onu-net-device.h"
#include "model/pon/pon-upstream-scheduler.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonOltNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PonOltNetDevice);

TypeId
PonOltNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PonOltNetDevice")
            .SetParent<PonNetDevice>()
            .SetGroupName("Blueprint")
            .AddConstructor<PonOltNetDevice>()
            .AddAttribute(
                "Flavour",
                "The PON standard: any class inheriting from ns3::blueprint::PonFlavour (unset: "
                "ns3::blueprint::GponFlavour when the port is attached).",
                PointerValue(),
                MakePointerAccessor(&PonOltNetDevice::m_flavour),
                MakePointerChecker<PonFlavour>())
            .AddAttribute("Dba",
                          "The upstream bandwidth assignment policy: any class inheriting from "
                          "ns3::blueprint::PonDba (unset: ns3::blueprint::PonStatusReportingDba "
                          "when attached).",
                          PointerValue(),
                          MakePointerAccessor(&PonOltNetDevice::m_dba),
                          MakePointerChecker<PonDba>())
            .AddAttribute("QueueSize",
                          "Downstream queue of the PON port, packets.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&PonOltNetDevice::m_queueLimit),
                          MakeUintegerChecker<uint32_t>(1));
    return tid;
}

PonOltNetDevice::PonOltNetDevice()
    : m_queueLimit(1000),
      m_busy(false),
      m_freeAt(0),
      m_standingFraction(0.0)
{
    NS_LOG_FUNCTION(this);
    m_scheduler = CreateObject<PonUpstreamScheduler>();
}

void
PonOltNetDevice::DoInitialize()
{
    // Every ONU is attached by now: fix the upstream layout (and the downstream share of the
    // standing grant messages) before the first packet.
    if (m_channel)
    {
        m_scheduler->Configure();
    }
    PonNetDevice::DoInitialize();
}

void
PonOltNetDevice::DoDispose()
{
    m_queue.clear();
    if (m_scheduler)
    {
        m_scheduler->Dispose();
    }
    m_scheduler = nullptr;
    m_flavour = nullptr;
    m_dba = nullptr;
    PonNetDevice::DoDispose();
}

void
PonOltNetDevice::Attach(Ptr<PonChannel> channel)
{
    NS_ABORT_MSG_IF(m_channel, "PonOltNetDevice: already attached");
    m_channel = channel;
    channel->AttachOlt(this);
    // The attributes' initial values are null pointers: unless the user chose otherwise, a GPON
    // under status-reporting DBA.
    if (!m_flavour)
    {
        m_flavour = CreateObject<GponFlavour>();
    }
    if (!m_dba)
    {
        m_dba = CreateObject<PonStatusReportingDba>();
    }
    // Set Flavour and Dba before attaching: the scheduler binds them now.
    m_scheduler->Bind(this, m_channel, m_flavour, m_dba);
}

Ptr<PonFlavour>
PonOltNetDevice::GetFlavour() const
{
    return m_flavour;
}

Ptr<PonDba>
PonOltNetDevice::GetDba() const
{
    return m_dba;
}

Ptr<PonUpstreamScheduler>
PonOltNetDevice::GetScheduler() const
{
    return m_scheduler;
}

void
PonOltNetDevice::AddOnuAddress(uint32_t onu, Ipv4Address address)
{
    m_onuByAddress[address.Get()] = onu;
}

void
PonOltNetDevice::AddFramedRoute(Ipv4Address destination, Ipv4Address terminal)
{
    m_framedRoutes[destination.Get()] = terminal.Get();
}

void
PonOltNetDevice::RemoveFramedRoute(Ipv4Address destination)
{
    m_framedRoutes.erase(destination.Get());
}

bool
PonOltNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << protocolNumber);
    if (protocolNumber != IPV4_PROTOCOL || !m_channel)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    Ipv4Header header;
    packet->PeekHeader(header);
    const Ipv4Address destination = header.GetDestination();
    bool broadcast = destination.IsBroadcast() || destination.IsMulticast();
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    const int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(this) : -1;
    for (uint32_t i = 0; !broadcast && interface >= 0 && i < ipv4->GetNAddresses(interface); ++i)
    {
        broadcast = destination == ipv4->GetAddress(interface, i).GetBroadcast();
    }
    int64_t onu = -1;
    if (!broadcast)
    {
        auto it = m_onuByAddress.find(destination.Get());
        if (it == m_onuByAddress.end())
        {
            // An address behind an ONU: its framed route, or the default one.
            auto framed = m_framedRoutes.find(destination.Get());
            if (framed == m_framedRoutes.end())
            {
                framed = m_framedRoutes.find(Ipv4Address::GetAny().Get());
            }
            if (framed != m_framedRoutes.end())
            {
                it = m_onuByAddress.find(framed->second);
            }
        }
        if (it == m_onuByAddress.end())
        {
            NS_LOG_LOGIC("no ONU has address " << destination << " or a route to it");
            m_macTxDropTrace(packet);
            return false;
        }
        onu = it->second;
    }
    if (m_queue.size() >= m_queueLimit)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    m_macTxTrace(packet);
    m_queue.emplace_back(packet, onu);
    StartDownstream();
    return true;
}

void
PonOltNetDevice::StartDownstream()
{
    if (m_busy || m_queue.empty())
    {
        return;
    }
    const Time now = Simulator::Now();
    const uint32_t bytes = m_flavour->GetEncapsulatedBytes(m_queue.front().first->GetSize());
    const Time start = std::max(now, m_freeAt);
    m_freeAt = start + m_flavour->DownstreamTime(bytes) / (1.0 - m_standingFraction);
    m_busy = true;
    Simulator::Schedule(m_freeAt - now, &PonOltNetDevice::DownstreamDone, this);
}

void
PonOltNetDevice::DownstreamDone()
{
    auto [packet, onu] = m_queue.front();
    m_queue.pop_front();
    m_busy = false;
    m_phyTxEndTrace(packet);
    m_channel->SendDownstream(packet, onu, m_flavour->GetEncapsulatedBytes(packet->GetSize()));
    StartDownstream();
}

void
PonOltNetDevice::AddDownstreamControlBytes(double bytes)
{
    m_freeAt = std::max(Simulator::Now(), m_freeAt) +
               m_flavour->DownstreamTime(bytes) / (1.0 - m_standingFraction);
}

void
PonOltNetDevice::SetStandingControlFraction(double fraction)
{
    NS_ABORT_MSG_IF(fraction < 0.0 || fraction >= 1.0,
                    "PonOltNetDevice: standing grant messages fill the downstream");
    m_standingFraction = fraction;
}

uint32_t
PonOltNetDevice::GetDownstreamQueueLength() const
{
    return static_cast<uint32_t>(m_queue.size());
}

void
PonOltNetDevice::ReceiveUpstream(Ptr<Packet> packet, uint32_t onu)
{
    NS_LOG_FUNCTION(this << packet << onu);
    DeliverUp(packet, m_channel->GetOnu(onu)->GetAddress());
}

} // namespace blueprint
} // namespace ns3
