/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TIMESTAMP_SINK_H
#define BLUEPRINT_TIMESTAMP_SINK_H

#include "model/traffic/timestamp-chunk-reassembler.h"
#include "model/traffic/timestamp-header.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Receives timestamped traffic from any number of sources on one port.
 *
 * Listens on "Local" with a socket of the "Protocol" factory. For a datagram socket (UDP) every
 * packet is one message starting with a TimestampHeader. For a stream socket (TCP) every accepted
 * connection gets its own TimestampChunkReassembler, bound into the connection's receive callback
 * so no lookup is needed per read, which cuts the byte stream back into the sender's chunks.
 * Each message fires "Rx" with its one-way delay, now minus the header's transmit time, and
 * "RxMessage" with the message itself (whose hop stamps, HopStampTag, tell the path it took),
 * then DoHandleMessage(), the hook through which a subclass (RequestResponseServer) answers.
 */
class TimestampSink : public Application
{
  public:
    /**
     * \brief Signature of the "RxMessage" trace source.
     * \param header the message's TimestampHeader.
     * \param message the whole message, header included.
     */
    typedef void (*MessageTracedCallback)(const TimestampHeader& header, Ptr<const Packet> message);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TimestampSink();
    ~TimestampSink() override;

    /**
     * \return the number of messages (datagrams or chunks) received so far.
     */
    uint64_t GetReceivedPackets() const;

    /**
     * \return the number of message bytes received so far, headers included.
     */
    uint64_t GetReceivedBytes() const;

  protected:
    void DoDispose() override;

    /**
     * \brief Hook called for every message after the "Rx" and "RxMessage" traces; does nothing
     * here.
     * \param socket the socket the message arrived on (the connection's, for TCP).
     * \param from the address of the sender.
     * \param header the message's TimestampHeader.
     * \param message the whole message, header included.
     */
    virtual void DoHandleMessage(Ptr<Socket> socket,
                                 const Address& from,
                                 const TimestampHeader& header,
                                 Ptr<Packet> message);

    // Protected so that a subclass opening sockets of its own (ComputeSink) can extend them.
    void StartApplication() override;
    void StopApplication() override;

  private:
    /// One accepted TCP connection and the state of its byte stream.
    struct StreamConnection
    {
        Ptr<Socket> socket;                    //!< the accepted socket
        Address peer;                          //!< the sender's address
        TimestampChunkReassembler reassembler; //!< cuts the stream into chunks
    };

    /**
     * \brief Read every waiting datagram.
     * \param socket the datagram socket.
     */
    void HandleDatagramRead(Ptr<Socket> socket);

    /**
     * \brief A TCP connection was accepted.
     * \param socket the new connection's socket.
     * \param from the sender's address.
     */
    void HandleAccept(Ptr<Socket> socket, const Address& from);

    /**
     * \brief Read every waiting byte of one TCP connection and deliver the complete chunks.
     * \param connection the connection, bound when it was accepted.
     * \param socket the connection's socket.
     */
    void HandleStreamRead(StreamConnection* connection, Ptr<Socket> socket);

    /**
     * \brief Account for one message, fire "Rx" and "RxMessage" and call the hook.
     * \param socket the socket the message arrived on.
     * \param from the sender's address.
     * \param message the message, starting with its TimestampHeader.
     */
    void Deliver(Ptr<Socket> socket, const Address& from, Ptr<Packet> message);

    Address m_local;      //!< address to listen on
    TypeId m_protocol;    //!< socket factory type
    Ptr<Socket> m_socket; //!< the listening (TCP) or receiving (UDP) socket
    /// Accepted TCP connections; unique_ptr keeps each address stable for its bound callback.
    std::vector<std::unique_ptr<StreamConnection>> m_connections;
    uint64_t m_rxPackets; //!< messages received
    uint64_t m_rxBytes;   //!< message bytes received

    /// Fired for every message received.
    TracedCallback<const TimestampHeader&, uint32_t, Time> m_rxTrace;
    /// Fired for every message received, with the message.
    TracedCallback<const TimestampHeader&, Ptr<const Packet>> m_rxMessageTrace;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TIMESTAMP_SINK_H */
