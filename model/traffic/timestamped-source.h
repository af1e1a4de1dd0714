/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TIMESTAMPED_SOURCE_H
#define BLUEPRINT_TIMESTAMPED_SOURCE_H

#include "model/traffic/timestamp-header.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Base of every blueprint traffic source: one socket, one sequence counter, one send path.
 *
 * The base opens a socket of the "Protocol" factory when the application starts, connects it to
 * "Remote", and calls StartSending() once the connection is up (immediately for UDP, after the
 * handshake for TCP). Subclasses only decide when and how big: they call SendPacket(), which
 * stamps a TimestampHeader with the flow, member, next sequence number and Simulator::Now() and
 * pads the packet with zeros to the requested size. At stop the base calls StopSending() and
 * closes the socket.
 *
 * The "Tx" trace fires for every packet the application generates, whether or not the socket
 * accepts it, so a packet the stack refuses (for example no route during a link fault) is counted
 * as sent and, never arriving, as lost: loss is judged from the application's point of view.
 */
class TimestampedSource : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TimestampedSource();
    ~TimestampedSource() override;

    /**
     * \return the number of packets generated so far, which is also the next sequence number.
     */
    uint64_t GetSentPackets() const;

    /**
     * \return the number of bytes generated so far, headers included.
     */
    uint64_t GetSentBytes() const;

    /**
     * \brief Fix the random streams this source draws from (for reproducible runs).
     *
     * Automatically numbered streams depend on how many random variables were created before,
     * so a scenario builder numbers the streams of every source explicitly.
     *
     * \param stream the first stream index to use.
     * \return the number of streams used; 0 here, for sources without randomness.
     */
    virtual int64_t AssignStreams(int64_t stream);

    /**
     * \return the flow number stamped on every packet.
     */
    uint32_t GetFlowId() const;

    /**
     * \return the member number stamped on every packet.
     */
    uint32_t GetMemberId() const;

  protected:
    void DoDispose() override;

    /**
     * \brief Generate one packet of exactly \p size bytes and hand it to the socket.
     * \param size the packet size, TimestampHeader included; at least
     *        TimestampHeader::SERIALIZED_SIZE.
     * \return true if the socket accepted the packet.
     */
    bool SendPacket(uint32_t size);

    /**
     * \return the socket, or nullptr outside the running interval.
     */
    Ptr<Socket> GetSocket() const;

    /**
     * \brief The socket factory to use; the "Protocol" attribute unless a subclass fixes it.
     * \return the TypeId of a SocketFactory.
     */
    virtual TypeId GetSocketFactoryType() const;

    /**
     * \brief Called once the socket is connected: schedule the first packet here.
     */
    virtual void StartSending() = 0;

    /**
     * \brief Called when the application stops, before the socket closes: cancel pending events.
     */
    virtual void StopSending() = 0;

    /**
     * \brief Whether the socket stays open after the application stops sending.
     *
     * A source that waits for replies (request-response) keeps its socket until the simulation
     * ends, so answers to the last requests still count instead of being dropped by a closed
     * socket and reported as lost.
     *
     * A source that reads its socket must return true: the others send only, and the UDP
     * sources among them share one socket per node and flow (see StartApplication()).
     *
     * \return true to keep receiving after stop; the default closes the socket at stop
     */
    virtual bool KeepsReceivingAfterStop() const;

  private:
    /**
     * \brief Open the socket and start sending.
     *
     * A UDP source that only sends takes its node's socket for its flow (FlowId), shared with
     * the other members of the flow that send from the same node, and sends each packet to
     * Remote with SendTo. A server that sends to 10,000 UEs would otherwise open 10,000
     * sockets, and ns-3's Ipv4EndPointDemux scans every socket of the node for each new one
     * (ephemeral port search), each close and each packet received: quadratic in the members,
     * and aborting beyond the 16,384 ephemeral ports. Other sources get a socket of their own.
     */
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief Give the socket back: close it, or leave it to the flow's other members.
     * \param close whether to close a socket of its own; not when it is disposed of at
     *        Simulator::Destroy, where closing a TCP socket would send a FIN through a network
     *        being taken apart, into trace sinks (NetAnim's) that look up nodes in the node list
     *        being disposed of
     */
    void ReleaseSocket(bool close = true);

    /**
     * \brief Connection to Remote is up.
     * \param socket the connected socket.
     */
    void ConnectionSucceeded(Ptr<Socket> socket);

    /**
     * \brief Connection to Remote could not be made.
     * \param socket the socket.
     */
    void ConnectionFailed(Ptr<Socket> socket);

    Address m_remote;     //!< destination of every packet
    TypeId m_protocol;    //!< socket factory type
    uint32_t m_flowId;    //!< flow number stamped on every packet
    uint32_t m_memberId;  //!< member number stamped on every packet
    Ptr<Socket> m_socket; //!< the connected socket while running
    bool m_sharedSocket;  //!< m_socket is the node's socket for the flow (sent to with SendTo)
    bool m_sending;       //!< StartSending() was called and StopSending() not yet
    uint64_t m_nextSeq;   //!< sequence number of the next packet
    uint64_t m_sentBytes; //!< bytes generated so far

    /// Fired for every generated packet.
    TracedCallback<const TimestampHeader&, uint32_t> m_txTrace;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TIMESTAMPED_SOURCE_H */
