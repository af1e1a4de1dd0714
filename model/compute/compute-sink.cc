/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/compute/compute-sink.h"

#include "model/stats/hop-stamp.h"
#include "model/traffic/request-response-server.h"
#include "model/traffic/timestamp-echo-header.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintComputeSink");

NS_OBJECT_ENSURE_REGISTERED(ComputeSink);

TypeId
ComputeSink::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::ComputeSink")
            .SetParent<TimestampSink>()
            .SetGroupName("Blueprint")
            .AddConstructor<ComputeSink>()
            .AddAttribute(
                "ResponseSize",
                "The size of the response sent back after each service, both timestamp headers "
                "included; 0 sends none.",
                UintegerValue(0),
                MakeUintegerAccessor(&ComputeSink::m_responseSize),
                MakeUintegerChecker<uint32_t>())
            .AddAttribute("ForwardProtocol",
                          "The socket factory forwarded messages leave by, e.g. "
                          "ns3::UdpSocketFactory or ns3::TcpSocketFactory.",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&ComputeSink::m_forwardProtocol),
                          MakeTypeIdChecker())
            .AddTraceSource("Served",
                            "A message's service ended: its header, its size and its delay since "
                            "its original send time.",
                            MakeTraceSourceAccessor(&ComputeSink::m_servedTrace),
                            "ns3::blueprint::TimestampHeader::RxTracedCallback")
            .AddTraceSource("ServedMessage",
                            "A message's service ended: its header and the message, with the "
                            "node's hop stamps for its wait and service.",
                            MakeTraceSourceAccessor(&ComputeSink::m_servedMessageTrace),
                            "ns3::blueprint::TimestampSink::MessageTracedCallback")
            .AddTraceSource("Dropped",
                            "The node's servers refused a message (waiting room full).",
                            MakeTraceSourceAccessor(&ComputeSink::m_droppedTrace),
                            "ns3::blueprint::TimestampHeader::TxTracedCallback");
    return tid;
}

ComputeSink::ComputeSink()
    : m_responseSize(0),
      m_served(0),
      m_dropped(0),
      m_waitSeconds(0),
      m_serviceSeconds(0)
{
    NS_LOG_FUNCTION(this);
}

ComputeSink::~ComputeSink()
{
    NS_LOG_FUNCTION(this);
}

void
ComputeSink::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_server = nullptr;
    m_udpOut = nullptr;
    // The connections' callbacks are bound to their outputs: unbind them before the outputs go.
    for (auto& output : m_outputs)
    {
        if (output->socket)
        {
            output->socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                               MakeNullCallback<void, Ptr<Socket>>());
        }
    }
    m_outputs.clear();
    TimestampSink::DoDispose();
}

void
ComputeSink::AddForward(uint32_t member, const Address& remote)
{
    for (std::size_t i = 0; i < m_outputs.size(); ++i)
    {
        if (m_outputs[i]->remote == remote)
        {
            m_forwardOfMember[member] = i;
            return;
        }
    }
    auto output = std::make_unique<Output>();
    output->remote = remote;
    m_forwardOfMember[member] = m_outputs.size();
    m_outputs.push_back(std::move(output));
}

uint64_t
ComputeSink::GetServed() const
{
    return m_served;
}

uint64_t
ComputeSink::GetDropped() const
{
    return m_dropped;
}

double
ComputeSink::GetTotalWaitSeconds() const
{
    return m_waitSeconds;
}

double
ComputeSink::GetTotalServiceSeconds() const
{
    return m_serviceSeconds;
}

void
ComputeSink::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_server = GetNode()->GetObject<ComputeServer>();
    NS_ABORT_MSG_IF(!m_server, "ComputeSink: node " << GetNode()->GetId() << " has no servers");
    TimestampSink::StartApplication();
    if (m_outputs.empty())
    {
        return;
    }
    if (m_forwardProtocol == UdpSocketFactory::GetTypeId())
    {
        m_udpOut = Socket::CreateSocket(GetNode(), m_forwardProtocol);
        NS_ABORT_MSG_IF(m_udpOut->Bind() != 0, "ComputeSink: cannot bind a local port");
        for (auto& output : m_outputs)
        {
            output->socket = m_udpOut;
            output->connected = true;
        }
        return;
    }
    // A stream per destination, connected now, so that the first served message need not wait
    // for a handshake that could have happened before it.
    for (auto& output : m_outputs)
    {
        output->socket = Socket::CreateSocket(GetNode(), m_forwardProtocol);
        NS_ABORT_MSG_IF(output->socket->Bind() != 0, "ComputeSink: cannot bind a local port");
        output->socket->SetConnectCallback(
            MakeCallback(&ComputeSink::Connected, this, output.get()),
            MakeNullCallback<void, Ptr<Socket>>());
        output->socket->Connect(output->remote);
    }
}

void
ComputeSink::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& output : m_outputs)
    {
        if (output->socket && output->socket != m_udpOut)
        {
            output->socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                               MakeNullCallback<void, Ptr<Socket>>());
            output->socket->Close();
        }
        output->socket = nullptr;
        output->connected = false;
    }
    if (m_udpOut)
    {
        m_udpOut->Close();
        m_udpOut = nullptr;
    }
    TimestampSink::StopApplication();
}

void
ComputeSink::Connected(Output* output, Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    output->connected = true;
    while (!output->pending.empty())
    {
        Ptr<Packet> message = output->pending.front();
        output->pending.pop_front();
        Send(*output, message);
    }
}

void
ComputeSink::Send(Output& output, Ptr<Packet> message)
{
    if (!output.socket)
    {
        return; // stopped
    }
    if (!output.connected)
    {
        output.pending.push_back(message);
        return;
    }
    // A send the socket refuses (a full TCP buffer, no route during a fault) loses the message,
    // as a source's would: the next node never sees it and the flow counts it lost.
    const int sent = output.socket == m_udpOut ? m_udpOut->SendTo(message, 0, output.remote)
                                               : output.socket->Send(message);
    NS_LOG_LOGIC("forwarded " << message->GetSize() << " B to " << output.remote << ", accepted "
                              << (sent >= 0));
}

void
ComputeSink::DoHandleMessage(Ptr<Socket> socket,
                             const Address& from,
                             const TimestampHeader& header,
                             Ptr<Packet> message)
{
    Ptr<ComputeSink> self = this;
    AddHopStamp(message, HopStampTag::APP_RECEIVE, GetNode()->GetId());
    Ptr<Packet> copy = message->Copy();
    const bool accepted =
        m_server->Submit([self, socket, from, header, copy](const ComputeServer::JobTimes& t) {
            self->Finish(socket, from, header, copy, t);
        });
    if (!accepted)
    {
        ++m_dropped;
        m_droppedTrace(header, message->GetSize());
    }
}

void
ComputeSink::Finish(Ptr<Socket> socket,
                    const Address& from,
                    const TimestampHeader& header,
                    Ptr<Packet> message,
                    const ComputeServer::JobTimes& times)
{
    ++m_served;
    m_waitSeconds += times.wait.GetSeconds();
    m_serviceSeconds += times.service.GetSeconds();
    const uint32_t node = GetNode()->GetId();
    const Time now = Simulator::Now();
    AddHopStampAt(message, HopStampTag::SERVICE_START, node, now - times.service);
    AddHopStamp(message, HopStampTag::SERVICE_END, node);
    m_servedTrace(header, message->GetSize(), now - header.GetTxTime());
    m_servedMessageTrace(header, message);
    if (m_responseSize > 0)
    {
        Ptr<Packet> response = RequestResponseServer::MakeResponse(header, m_responseSize);
        CarryHopStamps(message, response, node);
        // SendTo reaches the requester for UDP; a TCP socket is connected and ignores the address.
        socket->SendTo(response, 0, from);
        return;
    }
    const auto it = m_forwardOfMember.find(header.GetMemberId());
    if (it != m_forwardOfMember.end())
    {
        Send(*m_outputs[it->second], message);
    }
}

} // namespace blueprint
} // namespace ns3
