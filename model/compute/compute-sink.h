/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COMPUTE_SINK_H
#define BLUEPRINT_COMPUTE_SINK_H

#include "model/compute/compute-server.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/address.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The application of one flow on a compute node: every timestamped message it receives is
 * a request for its node's ComputeServer, and what leaves after the service depends on the flow.
 *
 * A TimestampSink ("Local", "Protocol" and the arrival trace "Rx" are inherited) whose messages
 * wait for and take a server of the ComputeServer aggregated to its node. When a message's service
 * ends, the sink fires "Served" with the delay since the message's original send time and
 * "ServedMessage" with the message, then:
 *
 * - with a ResponseSize, answers the requester as RequestResponseServer does, on the socket the
 *   request came on (a request_response flow served by the node);
 * - with a forward destination for the message's member (AddForward), sends the message on,
 *   unchanged, header and original send time included, so the next node measures the delay from
 *   the first sender (a flow that crosses the node on its way: camera -> inference -> operator);
 * - otherwise the message ends here, and "Served" is its delivery (a flow to the node).
 *
 * Forwarding uses a socket of the "ForwardProtocol" factory: one UDP socket for every destination,
 * or one TCP connection per destination, opened when the application starts; a message served
 * before its connection is up waits for it. A message the ComputeServer refuses (its waiting room
 * full) fires "Dropped" and goes no further.
 *
 * The message carries the node's hop stamps (HopStampTag) on: APP_RECEIVE when it arrived,
 * SERVICE_START and SERVICE_END around its service, so that its delay splits into the wait for a
 * server and the service at this node (doc/metrics.rst, Where the milliseconds go); a response
 * carries them back with APP_SEND (CarryHopStamps).
 */
class ComputeSink : public TimestampSink
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ComputeSink();
    ~ComputeSink() override;

    /**
     * \brief Forward the messages of one member of the flow, after service, to a destination.
     * \param member the member id stamped on the messages
     * \param remote where they go (an InetSocketAddress)
     */
    void AddForward(uint32_t member, const Address& remote);

    /** \return the messages whose service ended */
    uint64_t GetServed() const;
    /** \return the messages the ComputeServer refused */
    uint64_t GetDropped() const;
    /** \return the served messages' waiting times, summed, in seconds */
    double GetTotalWaitSeconds() const;
    /** \return the served messages' service times, summed, in seconds */
    double GetTotalServiceSeconds() const;

  protected:
    void DoDispose() override;
    void DoHandleMessage(Ptr<Socket> socket,
                         const Address& from,
                         const TimestampHeader& header,
                         Ptr<Packet> message) override;

  private:
    /// One destination the sink forwards to.
    struct Output
    {
        Address remote;                  //!< where it goes
        Ptr<Socket> socket;              //!< its TCP connection (UDP: the shared socket)
        bool connected = false;          //!< whether the connection is up
        std::deque<Ptr<Packet>> pending; //!< served before the connection was up
    };

    void StartApplication() override;
    void StopApplication() override;

    /**
     * \brief A message's service ended: trace it, then answer, forward or end it.
     * \param socket the socket it arrived on
     * \param from its sender
     * \param header its header
     * \param message the message, header included
     * \param times what it went through at the server
     */
    void Finish(Ptr<Socket> socket,
                const Address& from,
                const TimestampHeader& header,
                Ptr<Packet> message,
                const ComputeServer::JobTimes& times);

    /**
     * \brief Send a message to a destination, or keep it until its connection is up.
     * \param output the destination
     * \param message the message
     */
    void Send(Output& output, Ptr<Packet> message);

    /**
     * \brief A forwarding connection is up: send what waited for it.
     * \param output the destination
     * \param socket its socket
     */
    void Connected(Output* output, Ptr<Socket> socket);

    uint32_t m_responseSize;     //!< response bytes, 0 for none
    TypeId m_forwardProtocol;    //!< socket factory of forwarded messages
    Ptr<ComputeServer> m_server; //!< the node's servers
    /// member id -> index in m_outputs
    std::map<uint32_t, std::size_t> m_forwardOfMember;
    /// Destinations; unique_ptr keeps each address stable for its bound callback.
    std::vector<std::unique_ptr<Output>> m_outputs;
    Ptr<Socket> m_udpOut;    //!< the UDP socket every forwarded datagram leaves by
    uint64_t m_served;       //!< services ended
    uint64_t m_dropped;      //!< messages refused
    double m_waitSeconds;    //!< summed waits
    double m_serviceSeconds; //!< summed service times

    /// A message's service ended: its header, size and delay since its original send time.
    TracedCallback<const TimestampHeader&, uint32_t, Time> m_servedTrace;
    /// A message's service ended: its header and the message, stamped.
    TracedCallback<const TimestampHeader&, Ptr<const Packet>> m_servedMessageTrace;
    /// The ComputeServer refused a message: its header and size.
    TracedCallback<const TimestampHeader&, uint32_t> m_droppedTrace;
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COMPUTE_SINK_H
