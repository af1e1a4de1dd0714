/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/request-response-client.h"

#include "model/traffic/timestamp-echo-header.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintRequestResponseClient");

NS_OBJECT_ENSURE_REGISTERED(RequestResponseClient);

TypeId
RequestResponseClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::RequestResponseClient")
            .SetParent<TimestampedSource>()
            .SetGroupName("Blueprint")
            .AddConstructor<RequestResponseClient>()
            // Defaults follow ns3::UdpEchoClient (a 100-byte request every second).
            .AddAttribute("Interval",
                          "The gap between requests (Fixed) or its mean (Exponential).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&RequestResponseClient::m_interval),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("Distribution",
                          "How the gap between requests is drawn: Fixed or Exponential.",
                          EnumValue(ArrivalProcess::FIXED),
                          MakeEnumAccessor(&RequestResponseClient::m_distribution),
                          ArrivalProcess::MakeDistributionChecker())
            .AddAttribute("RequestSize",
                          "The size of every request in bytes, timestamp header included.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&RequestResponseClient::m_requestSize),
                          MakeUintegerChecker<uint32_t>(TimestampHeader::SERIALIZED_SIZE))
            .AddTraceSource("Rx",
                            "A response was received; delay is its one-way latency.",
                            MakeTraceSourceAccessor(&RequestResponseClient::m_rxTrace),
                            "ns3::blueprint::TimestampHeader::RxTracedCallback")
            .AddTraceSource("Rtt",
                            "A response was received; rtt is the round trip of its request.",
                            MakeTraceSourceAccessor(&RequestResponseClient::m_rttTrace),
                            "ns3::blueprint::RequestResponseClient::RttTracedCallback")
            .AddTraceSource("Response",
                            "A response was received: its header, the response and the round "
                            "trip of its request.",
                            MakeTraceSourceAccessor(&RequestResponseClient::m_responseTrace),
                            "ns3::blueprint::RequestResponseClient::ResponseTracedCallback");
    return tid;
}

RequestResponseClient::RequestResponseClient()
    : m_distribution(ArrivalProcess::FIXED),
      m_requestSize(100),
      m_receivedResponses(0)
{
    NS_LOG_FUNCTION(this);
}

RequestResponseClient::~RequestResponseClient()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
RequestResponseClient::GetReceivedResponses() const
{
    return m_receivedResponses;
}

int64_t
RequestResponseClient::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    return m_arrivals.AssignStreams(stream);
}

void
RequestResponseClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_sendEvent);
    TimestampedSource::DoDispose();
}

void
RequestResponseClient::StartSending()
{
    NS_LOG_FUNCTION(this);
    GetSocket()->SetRecvCallback(MakeCallback(&RequestResponseClient::HandleRead, this));
    m_sendEvent = Simulator::Schedule(m_arrivals.FirstGap(m_interval, m_distribution),
                                      &RequestResponseClient::SendRequestAndScheduleNext,
                                      this);
}

void
RequestResponseClient::StopSending()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_sendEvent);
}

bool
RequestResponseClient::KeepsReceivingAfterStop() const
{
    return true; // responses to the last requests are still on their way back
}

void
RequestResponseClient::SendRequestAndScheduleNext()
{
    SendPacket(m_requestSize);
    m_sendEvent = Simulator::Schedule(m_arrivals.NextGap(m_interval, m_distribution),
                                      &RequestResponseClient::SendRequestAndScheduleNext,
                                      this);
}

void
RequestResponseClient::HandleRead(Ptr<Socket> socket)
{
    const bool stream = socket->GetSocketType() == Socket::NS3_SOCK_STREAM;
    while (Ptr<Packet> packet = socket->Recv())
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        if (!stream)
        {
            if (packet->GetSize() <
                TimestampHeader::SERIALIZED_SIZE + TimestampEchoHeader::SERIALIZED_SIZE)
            {
                NS_LOG_WARN("dropping a " << packet->GetSize()
                                          << "-byte datagram: too short for a response");
                continue;
            }
            HandleResponse(packet);
            continue;
        }
        m_reassembler.Append(packet);
        while (Ptr<Packet> response = m_reassembler.PopChunk())
        {
            HandleResponse(response);
        }
    }
}

void
RequestResponseClient::HandleResponse(Ptr<Packet> response)
{
    const Time now = Simulator::Now();
    const uint32_t bytes = response->GetSize();
    TimestampHeader header;
    response->RemoveHeader(header);
    TimestampEchoHeader echo;
    response->PeekHeader(echo);
    const Time rtt = now - echo.GetRequestTxTime();
    ++m_receivedResponses;
    NS_LOG_LOGIC("response to seq " << header.GetSeq() << " rtt " << rtt);
    m_rxTrace(header, bytes, now - header.GetTxTime());
    m_rttTrace(header.GetMemberId(), header.GetSeq(), rtt);
    m_responseTrace(header, response, rtt);
}

} // namespace blueprint
} // namespace ns3
