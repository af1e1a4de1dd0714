/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/timestamped-source.h"

#include "ns3/abort.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/type-id.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <map>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintTimestampedSource");

NS_OBJECT_ENSURE_REGISTERED(TimestampedSource);

/**
 * \ingroup blueprint
 * \brief The UDP sockets a node's sending-only sources share, one per flow and address family
 * (aggregated to the node by the first source that needs one).
 */
class TimestampedSourceSockets : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::blueprint::TimestampedSourceSockets")
                                .SetParent<Object>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<TimestampedSourceSockets>();
        return tid;
    }

    /**
     * \param node the node
     * \param flowId the flow
     * \param ipv6 whether the flow's remote address is IPv6
     * \return the flow's bound socket on the node, opened on first use
     */
    Ptr<Socket> Acquire(Ptr<Node> node, uint32_t flowId, bool ipv6)
    {
        Entry& entry = m_sockets[Key(flowId, ipv6)];
        if (!entry.socket)
        {
            entry.socket = Socket::CreateSocket(node, UdpSocketFactory::GetTypeId());
            const int bound = ipv6 ? entry.socket->Bind6() : entry.socket->Bind();
            NS_ABORT_MSG_IF(bound != 0, "TimestampedSource: cannot bind a local port");
        }
        ++entry.users;
        return entry.socket;
    }

    /**
     * \brief One source of the flow stopped: close the socket when it was the last one.
     * \param flowId the flow
     * \param ipv6 whether the flow's remote address is IPv6
     */
    void Release(uint32_t flowId, bool ipv6)
    {
        auto it = m_sockets.find(Key(flowId, ipv6));
        if (it != m_sockets.end() && --it->second.users == 0)
        {
            it->second.socket->Close();
            m_sockets.erase(it);
        }
    }

  protected:
    void DoDispose() override
    {
        m_sockets.clear();
        Object::DoDispose();
    }

  private:
    /// One shared socket.
    struct Entry
    {
        Ptr<Socket> socket; //!< the socket
        uint32_t users = 0; //!< sources holding it
    };

    /** \param flowId a flow \param ipv6 its family \return the map key */
    static uint64_t Key(uint32_t flowId, bool ipv6)
    {
        return (static_cast<uint64_t>(flowId) << 1) | (ipv6 ? 1 : 0);
    }

    std::map<uint64_t, Entry> m_sockets; //!< (flow, family) -> socket
};

NS_OBJECT_ENSURE_REGISTERED(TimestampedSourceSockets);

TypeId
TimestampedSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::TimestampedSource")
            .SetParent<Application>()
            .SetGroupName("Blueprint")
            .AddAttribute("Remote",
                          "The address (InetSocketAddress or Inet6SocketAddress) packets go to.",
                          AddressValue(),
                          MakeAddressAccessor(&TimestampedSource::m_remote),
                          MakeAddressChecker())
            .AddAttribute("Protocol",
                          "The socket factory to use, e.g. ns3::UdpSocketFactory or "
                          "ns3::TcpSocketFactory.",
                          TypeIdValue(UdpSocketFactory::GetTypeId()),
                          MakeTypeIdAccessor(&TimestampedSource::m_protocol),
                          MakeTypeIdChecker())
            .AddAttribute("FlowId",
                          "The flow number stamped on every packet.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TimestampedSource::m_flowId),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MemberId",
                          "The member (sender/receiver pair) number stamped on every packet.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&TimestampedSource::m_memberId),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Tx",
                            "A timestamped packet was generated and handed to the socket.",
                            MakeTraceSourceAccessor(&TimestampedSource::m_txTrace),
                            "ns3::blueprint::TimestampHeader::TxTracedCallback");
    return tid;
}

TimestampedSource::TimestampedSource()
    : m_flowId(0),
      m_memberId(0),
      m_socket(nullptr),
      m_sharedSocket(false),
      m_sending(false),
      m_nextSeq(0),
      m_sentBytes(0)
{
    NS_LOG_FUNCTION(this);
}

TimestampedSource::~TimestampedSource()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
TimestampedSource::GetSentPackets() const
{
    return m_nextSeq;
}

uint64_t
TimestampedSource::GetSentBytes() const
{
    return m_sentBytes;
}

int64_t
TimestampedSource::AssignStreams(int64_t stream)
{
    return 0;
}

uint32_t
TimestampedSource::GetFlowId() const
{
    return m_flowId;
}

uint32_t
TimestampedSource::GetMemberId() const
{
    return m_memberId;
}

void
TimestampedSource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    ReleaseSocket(false); // the run is over: nothing more to send
    Application::DoDispose();
}

TypeId
TimestampedSource::GetSocketFactoryType() const
{
    return m_protocol;
}

bool
TimestampedSource::KeepsReceivingAfterStop() const
{
    return false;
}

Ptr<Socket>
TimestampedSource::GetSocket() const
{
    return m_socket;
}

void
TimestampedSource::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!InetSocketAddress::IsMatchingType(m_remote) &&
                        !Inet6SocketAddress::IsMatchingType(m_remote),
                    "TimestampedSource: Remote must be an InetSocketAddress or "
                    "Inet6SocketAddress");
    const bool ipv6 = !InetSocketAddress::IsMatchingType(m_remote);
    if (GetSocketFactoryType() == UdpSocketFactory::GetTypeId() && !KeepsReceivingAfterStop())
    {
        Ptr<TimestampedSourceSockets> sockets = GetNode()->GetObject<TimestampedSourceSockets>();
        if (!sockets)
        {
            sockets = CreateObject<TimestampedSourceSockets>();
            GetNode()->AggregateObject(sockets);
        }
        m_socket = sockets->Acquire(GetNode(), m_flowId, ipv6);
        m_sharedSocket = true;
        // UDP has no handshake: Connect would report success at once, from inside the call.
        ConnectionSucceeded(m_socket);
        return;
    }
    m_socket = Socket::CreateSocket(GetNode(), GetSocketFactoryType());
    const int bound = ipv6 ? m_socket->Bind6() : m_socket->Bind();
    NS_ABORT_MSG_IF(bound != 0, "TimestampedSource: cannot bind a local port");
    // The callback must be in place before Connect: a UDP socket reports success from inside it.
    m_socket->SetConnectCallback(MakeCallback(&TimestampedSource::ConnectionSucceeded, this),
                                 MakeCallback(&TimestampedSource::ConnectionFailed, this));
    m_socket->Connect(m_remote);
}

void
TimestampedSource::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_sending)
    {
        StopSending();
        m_sending = false;
    }
    if (m_socket && !KeepsReceivingAfterStop())
    {
        ReleaseSocket();
    }
}

void
TimestampedSource::ReleaseSocket(bool close)
{
    if (!m_socket)
    {
        return;
    }
    if (m_sharedSocket)
    {
        // At Simulator::Destroy the node may have disposed of its sockets first.
        Ptr<TimestampedSourceSockets> sockets =
            GetNode() ? GetNode()->GetObject<TimestampedSourceSockets>() : nullptr;
        if (sockets)
        {
            sockets->Release(m_flowId, !InetSocketAddress::IsMatchingType(m_remote));
        }
    }
    else
    {
        m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                     MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        if (close)
        {
            m_socket->Close();
        }
    }
    m_socket = nullptr;
    m_sharedSocket = false;
}

void
TimestampedSource::ConnectionSucceeded(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    m_sending = true;
    StartSending();
}

void
TimestampedSource::ConnectionFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    NS_LOG_WARN("flow " << m_flowId << " member " << m_memberId << ": connection to remote failed");
}

bool
TimestampedSource::SendPacket(uint32_t size)
{
    NS_ASSERT_MSG(size >= TimestampHeader::SERIALIZED_SIZE,
                  "a timestamped packet needs at least " << TimestampHeader::SERIALIZED_SIZE
                                                         << " bytes");
    TimestampHeader header;
    header.SetFlowId(m_flowId);
    header.SetMemberId(m_memberId);
    header.SetSeq(m_nextSeq);
    header.SetTxTime(Simulator::Now());
    header.SetSize(size);
    // Zero padding costs no memory: ns-3 keeps it as a virtual zero area until serialised.
    Ptr<Packet> packet = Create<Packet>(size - TimestampHeader::SERIALIZED_SIZE);
    packet->AddHeader(header);
    ++m_nextSeq;
    m_sentBytes += size;
    m_txTrace(header, size);
    const bool accepted = m_socket && (m_sharedSocket ? m_socket->SendTo(packet, 0, m_remote)
                                                      : m_socket->Send(packet)) >= 0;
    NS_LOG_LOGIC("seq " << header.GetSeq() << " of " << size << " bytes, accepted " << accepted);
    return accepted;
}

} // namespace blueprint
} // namespace ns3
