/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/periodic-source.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPeriodicSource");

NS_OBJECT_ENSURE_REGISTERED(PeriodicSource);

TypeId
PeriodicSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PeriodicSource")
            .SetParent<TimestampedSource>()
            .SetGroupName("Blueprint")
            .AddConstructor<PeriodicSource>()
            // Defaults follow ns3::UdpClient (1 s, 1024 bytes) so an unconfigured source behaves
            // like the stock one; scenarios always set both.
            .AddAttribute("Interval",
                          "The gap between packets (Fixed) or its mean (Exponential).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeriodicSource::m_interval),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("PacketSize",
                          "The size of every packet in bytes, timestamp header included.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeriodicSource::m_packetSize),
                          MakeUintegerChecker<uint32_t>(TimestampHeader::SERIALIZED_SIZE))
            .AddAttribute("Distribution",
                          "How the gap between packets is drawn: Fixed or Exponential.",
                          EnumValue(ArrivalProcess::FIXED),
                          MakeEnumAccessor(&PeriodicSource::m_distribution),
                          ArrivalProcess::MakeDistributionChecker());
    return tid;
}

PeriodicSource::PeriodicSource()
    : m_packetSize(1024),
      m_distribution(ArrivalProcess::FIXED)
{
    NS_LOG_FUNCTION(this);
}

PeriodicSource::~PeriodicSource()
{
    NS_LOG_FUNCTION(this);
}

int64_t
PeriodicSource::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    return m_arrivals.AssignStreams(stream);
}

void
PeriodicSource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_sendEvent);
    TimestampedSource::DoDispose();
}

void
PeriodicSource::StartSending()
{
    NS_LOG_FUNCTION(this);
    m_sendEvent = Simulator::Schedule(m_arrivals.FirstGap(m_interval, m_distribution),
                                      &PeriodicSource::SendAndScheduleNext,
                                      this);
}

void
PeriodicSource::StopSending()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_sendEvent);
}

void
PeriodicSource::SendAndScheduleNext()
{
    SendPacket(m_packetSize);
    m_sendEvent = Simulator::Schedule(m_arrivals.NextGap(m_interval, m_distribution),
                                      &PeriodicSource::SendAndScheduleNext,
                                      this);
}

} // namespace blueprint
} // namespace ns3
