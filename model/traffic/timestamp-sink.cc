/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/timestamp-sink.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintTimestampSink");

NS_OBJECT_ENSURE_REGISTERED(TimestampSink);

TypeId
TimestampSink::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::TimestampSink")
            .SetParent<Application>()
            .SetGroupName("Blueprint")
            .AddConstructor<TimestampSink>()
            .AddAttribute("Local",
                          "The address to listen on, e.g. InetSocketAddress(Ipv4Address::GetAny(), "
                          "port).",
                          AddressValue(),
                          MakeAddressAccessor(&TimestampSink::m_local),
                          MakeAddressChecker())
            .AddAttribute("Protocol",
                          "The socket factory to use, e.g. ns3::UdpSocketFactory or "
                          "ns3::TcpSocketFactory.",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&TimestampSink::m_protocol),
                          MakeTypeIdChecker())
            .AddTraceSource("Rx",
                            "A timestamped message was received; delay is its one-way latency.",
                            MakeTraceSourceAccessor(&TimestampSink::m_rxTrace),
                            "ns3::blueprint::TimestampHeader::RxTracedCallback")
            .AddTraceSource("RxMessage",
                            "A timestamped message was received: its header and the message.",
                            MakeTraceSourceAccessor(&TimestampSink::m_rxMessageTrace),
                            "ns3::blueprint::TimestampSink::MessageTracedCallback");
    return tid;
}

TimestampSink::TimestampSink()
    : m_socket(nullptr),
      m_rxPackets(0),
      m_rxBytes(0)
{
    NS_LOG_FUNCTION(this);
}

TimestampSink::~TimestampSink()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
TimestampSink::GetReceivedPackets() const
{
    return m_rxPackets;
}

uint64_t
TimestampSink::GetReceivedBytes() const
{
    return m_rxBytes;
}

void
TimestampSink::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    m_connections.clear();
    Application::DoDispose();
}

void
TimestampSink::DoHandleMessage(Ptr<Socket> socket,
                               const Address& from,
                               const TimestampHeader& header,
                               Ptr<Packet> message)
{
}

void
TimestampSink::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_socket = Socket::CreateSocket(GetNode(), m_protocol);
    NS_ABORT_MSG_IF(m_socket->Bind(m_local) != 0,
                    "TimestampSink: cannot bind to " << m_local << ", errno "
                                                     << m_socket->GetErrno());
    if (m_socket->GetSocketType() == Socket::NS3_SOCK_STREAM ||
        m_socket->GetSocketType() == Socket::NS3_SOCK_SEQPACKET)
    {
        m_socket->Listen();
        m_socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeCallback(&TimestampSink::HandleAccept, this));
    }
    else
    {
        m_socket->SetRecvCallback(MakeCallback(&TimestampSink::HandleDatagramRead, this));
    }
}

void
TimestampSink::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (auto& connection : m_connections)
    {
        connection->socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        connection->socket->Close();
    }
    m_connections.clear();
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeNullCallback<void, Ptr<Socket>, const Address&>());
        m_socket->Close();
        m_socket = nullptr;
    }
}

void
TimestampSink::HandleDatagramRead(Ptr<Socket> socket)
{
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        if (packet->GetSize() < TimestampHeader::SERIALIZED_SIZE)
        {
            NS_LOG_WARN("dropping a " << packet->GetSize() << "-byte datagram from " << from
                                      << ": too short for a timestamp header");
            continue;
        }
        Deliver(socket, from, packet);
    }
}

void
TimestampSink::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    auto connection = std::make_unique<StreamConnection>();
    connection->socket = socket;
    connection->peer = from;
    socket->SetRecvCallback(MakeCallback(&TimestampSink::HandleStreamRead, this, connection.get()));
    m_connections.push_back(std::move(connection));
}

void
TimestampSink::HandleStreamRead(StreamConnection* connection, Ptr<Socket> socket)
{
    while (Ptr<Packet> bytes = socket->Recv())
    {
        if (bytes->GetSize() == 0)
        {
            break;
        }
        connection->reassembler.Append(bytes);
        while (Ptr<Packet> chunk = connection->reassembler.PopChunk())
        {
            Deliver(socket, connection->peer, chunk);
        }
    }
}

void
TimestampSink::Deliver(Ptr<Socket> socket, const Address& from, Ptr<Packet> message)
{
    TimestampHeader header;
    message->PeekHeader(header);
    const uint32_t bytes = message->GetSize();
    const Time delay = Simulator::Now() - header.GetTxTime();
    ++m_rxPackets;
    m_rxBytes += bytes;
    NS_LOG_LOGIC("flow " << header.GetFlowId() << " member " << header.GetMemberId() << " seq "
                         << header.GetSeq() << " delay " << delay);
    m_rxTrace(header, bytes, delay);
    m_rxMessageTrace(header, message);
    DoHandleMessage(socket, from, header, message);
}

} // namespace blueprint
} // namespace ns3
