/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_REQUEST_RESPONSE_CLIENT_H
#define BLUEPRINT_REQUEST_RESPONSE_CLIENT_H

#include "model/traffic/arrival-process.h"
#include "model/traffic/timestamp-chunk-reassembler.h"
#include "model/traffic/timestamped-source.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Sends a request every Interval and measures the round trip of each response.
 *
 * Models control loops and remote queries (a controller polling a field device, a vehicle asking
 * an edge server). Requests are timestamped packets of RequestSize bytes ("Tx" trace from the
 * base), sent at Fixed gaps (the first at the application's start) or at Exponential ones
 * (Poisson arrivals), as chosen by "Distribution"; see ArrivalProcess. Each response from a
 * RequestResponseServer carries the request's sequence number and send time, so the client fires
 * "Rtt" with now minus the request's send time, "Rx" with the response's own one-way latency, and
 * "Response" with the response itself, whose hop stamps split the round trip (HopStampTag).
 * Requests do not wait for responses: a lost response costs one RTT sample, not the loop.
 */
class RequestResponseClient : public TimestampedSource
{
  public:
    /**
     * \brief Signature of the "Rtt" trace source.
     * \param memberId the member of the request.
     * \param seq the sequence number of the request.
     * \param rtt the round-trip time, response arrival minus request send time.
     */
    typedef void (*RttTracedCallback)(uint32_t memberId, uint64_t seq, Time rtt);

    /**
     * \brief Signature of the "Response" trace source.
     * \param header the response's TimestampHeader (the request's member and sequence number).
     * \param response the response after its TimestampHeader; its hop stamps (HopStampTag) tell
     * the paths of the request and of the response.
     * \param rtt the round-trip time, response arrival minus request send time.
     */
    typedef void (*ResponseTracedCallback)(const TimestampHeader& header,
                                           Ptr<const Packet> response,
                                           Time rtt);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    RequestResponseClient();
    ~RequestResponseClient() override;

    /**
     * \return the number of responses received so far.
     */
    uint64_t GetReceivedResponses() const;

    /**
     * \brief Fix the random stream of the request inter-arrival variable.
     * \param stream the first stream index to use.
     * \return the number of streams used (1).
     */
    int64_t AssignStreams(int64_t stream) override;

  protected:
    void StartSending() override;
    void StopSending() override;
    bool KeepsReceivingAfterStop() const override;
    void DoDispose() override;

  private:
    /// Send one request and schedule the next.
    void SendRequestAndScheduleNext();

    /**
     * \brief Read every waiting response.
     * \param socket the connected socket.
     */
    void HandleRead(Ptr<Socket> socket);

    /**
     * \brief Measure one response and fire the traces.
     * \param response the response, starting with its TimestampHeader.
     */
    void HandleResponse(Ptr<Packet> response);

    Time m_interval;                             //!< fixed or mean gap between requests
    ArrivalProcess::Distribution m_distribution; //!< how gaps are drawn
    ArrivalProcess m_arrivals;                   //!< draws the gaps
    uint32_t m_requestSize;                      //!< request size in bytes, header included
    EventId m_sendEvent;                         //!< the next request
    TimestampChunkReassembler m_reassembler;     //!< cuts a TCP response stream into responses
    uint64_t m_receivedResponses;                //!< responses received so far

    /// Fired for every response, with its one-way latency.
    TracedCallback<const TimestampHeader&, uint32_t, Time> m_rxTrace;
    /// Fired for every response, with the round-trip time of its request.
    TracedCallback<uint32_t, uint64_t, Time> m_rttTrace;
    /// Fired for every response, with the response and the round-trip time of its request.
    TracedCallback<const TimestampHeader&, Ptr<const Packet>, Time> m_responseTrace;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_REQUEST_RESPONSE_CLIENT_H */
