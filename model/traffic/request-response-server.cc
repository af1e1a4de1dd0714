/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/request-response-server.h"

#include "model/stats/hop-stamp.h"
#include "model/traffic/timestamp-echo-header.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintRequestResponseServer");

NS_OBJECT_ENSURE_REGISTERED(RequestResponseServer);

TypeId
RequestResponseServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::RequestResponseServer")
            .SetParent<TimestampSink>()
            .SetGroupName("Blueprint")
            .AddConstructor<RequestResponseServer>()
            // Default 100 bytes: the size of ns3::UdpEchoClient's default request, echoed.
            .AddAttribute("ResponseSize",
                          "The size of every response in bytes, timestamp and echo headers "
                          "included.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&RequestResponseServer::m_responseSize),
                          MakeUintegerChecker<uint32_t>(TimestampHeader::SERIALIZED_SIZE +
                                                        TimestampEchoHeader::SERIALIZED_SIZE))
            .AddTraceSource("Tx",
                            "A response was generated and handed to the socket.",
                            MakeTraceSourceAccessor(&RequestResponseServer::m_txTrace),
                            "ns3::blueprint::TimestampHeader::TxTracedCallback");
    return tid;
}

RequestResponseServer::RequestResponseServer()
    : m_responseSize(100),
      m_sentResponses(0)
{
    NS_LOG_FUNCTION(this);
}

RequestResponseServer::~RequestResponseServer()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
RequestResponseServer::GetSentResponses() const
{
    return m_sentResponses;
}

Ptr<Packet>
RequestResponseServer::MakeResponse(const TimestampHeader& request, uint32_t size)
{
    TimestampEchoHeader echo;
    echo.SetRequestTxTime(request.GetTxTime());
    TimestampHeader response = request;
    response.SetTxTime(Simulator::Now());
    response.SetSize(size);
    Ptr<Packet> packet = Create<Packet>(size - TimestampHeader::SERIALIZED_SIZE -
                                        TimestampEchoHeader::SERIALIZED_SIZE);
    packet->AddHeader(echo);
    packet->AddHeader(response);
    return packet;
}

void
RequestResponseServer::DoHandleMessage(Ptr<Socket> socket,
                                       const Address& from,
                                       const TimestampHeader& header,
                                       Ptr<Packet> message)
{
    // The request's path ends here: its stamps go back with the response, so the round trip
    // splits into both legs and the server's own time (doc/metrics.rst).
    const uint32_t node = GetNode()->GetId();
    AddHopStamp(message, HopStampTag::APP_RECEIVE, node);
    Ptr<Packet> packet = MakeResponse(header, m_responseSize);
    CarryHopStamps(message, packet, node);
    TimestampHeader response;
    packet->PeekHeader(response);
    ++m_sentResponses;
    m_txTrace(response, m_responseSize);
    // SendTo reaches the requester for UDP; a TCP socket is connected and ignores the address.
    const int sent = socket->SendTo(packet, 0, from);
    NS_LOG_LOGIC("response to flow " << header.GetFlowId() << " member " << header.GetMemberId()
                                     << " seq " << header.GetSeq() << ", accepted " << (sent >= 0));
}

} // namespace blueprint
} // namespace ns3
