/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_REQUEST_RESPONSE_SERVER_H
#define BLUEPRINT_REQUEST_RESPONSE_SERVER_H

#include "model/traffic/timestamp-sink.h"

#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Answers every timestamped request at once with a response of ResponseSize bytes.
 *
 * A TimestampSink (so "Local", "Protocol" and the "Rx" trace of the requests' one-way latency are
 * inherited) that replies to each request on the socket it came from, with no processing delay:
 * an application's compute time belongs to the scenario (a compute node's ComputeSink answers
 * after the request's queueing and service, with MakeResponse), not to the transport. The
 * response starts with a TimestampHeader that copies the request's flow, member and sequence
 * number and carries the server's own send time, followed by a TimestampEchoHeader holding the
 * request's send time, then zero padding. The response carries the request's hop stamps and one
 * of its own for when it was sent (CarryHopStamps), so that the client's round trip splits over
 * the request's path, the server and the response's path.
 */
class RequestResponseServer : public TimestampSink
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RequestResponseServer();
    ~RequestResponseServer() override;

    /**
     * \return the number of responses sent so far.
     */
    uint64_t GetSentResponses() const;

    /**
     * \brief Build the response to a request: a TimestampHeader copying the request's flow,
     * member and sequence number with Simulator::Now() as its send time, a TimestampEchoHeader
     * holding the request's send time, then zero padding to \p size bytes.
     * \param request the request's header
     * \param size the response's size in bytes, both headers included (at least 36)
     * \return the response
     */
    static Ptr<Packet> MakeResponse(const TimestampHeader& request, uint32_t size);

  protected:
    void DoHandleMessage(Ptr<Socket> socket,
                         const Address& from,
                         const TimestampHeader& header,
                         Ptr<Packet> message) override;

  private:
    uint32_t m_responseSize;  //!< response size in bytes, both headers included
    uint64_t m_sentResponses; //!< responses sent so far

    /// Fired for every response sent.
    TracedCallback<const TimestampHeader&, uint32_t> m_txTrace;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_REQUEST_RESPONSE_SERVER_H */
