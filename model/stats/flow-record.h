/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FLOW_RECORD_H
#define BLUEPRINT_FLOW_RECORD_H

#include "model/stats/latency-digest.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Everything measured for one flow of a scenario.
 *
 * A flow spec may have many member sender/receiver pairs (e.g. 50 sensors reporting to one server);
 * one FlowRecord aggregates them, keyed by a member number. It is fed by the traffic applications'
 * traces: every packet sent (RecordTx), every packet received with its one-way delay from the
 * timestamp header (RecordRx) and, for request-response traffic, every answered request with its
 * round trip (RecordRtt).
 *
 * Sequence numbers start at 0 and grow by 1 per packet per member, so duplicates are detected with
 * one bit per sequence number and member, not with a set of packets.
 *
 * Times are plain doubles in seconds so the record can be used and tested without a simulator.
 */
class FlowRecord
{
  public:
    /**
     * \brief Create an empty record.
     * \param exactLimit the number of delays kept exactly by the latency digests.
     * \param relativeAccuracy the relative accuracy of their quantiles beyond that.
     */
    FlowRecord(std::size_t exactLimit = 100000, double relativeAccuracy = 0.001);

    /**
     * \brief Set the per-packet deadline used for reliability (TS 22.261 clause 3.1: delivered
     *        "within the time constraint required by the targeted service").
     * \param seconds the largest one-way delay that counts as on time; <= 0 means no deadline.
     */
    void SetDeadline(double seconds);

    /**
     * \return the per-packet deadline in seconds, or 0 if there is none.
     */
    double GetDeadline() const;

    /**
     * \brief Set the round-trip deadline of request-response traffic: a request counts as answered
     *        in time if its response arrives at most this long after it was sent.
     * \param seconds the largest round trip that counts as on time; <= 0 means no deadline.
     */
    void SetRttDeadline(double seconds);

    /**
     * \brief Record a packet sent.
     * \param member the member (sender/receiver pair) of the flow.
     * \param seq the packet's sequence number within the member.
     * \param bytes the application payload size.
     * \param txTime the send time in seconds.
     */
    void RecordTx(std::uint32_t member, std::uint64_t seq, std::uint32_t bytes, double txTime);

    /**
     * \brief Record a packet received; `rxTime - txTime` is its one-way delay.
     *
     * Duplicates (same member and sequence number already received) are counted in
     * GetDuplicates() and otherwise ignored.
     * \param member the member (sender/receiver pair) of the flow.
     * \param seq the packet's sequence number within the member.
     * \param bytes the application payload size.
     * \param txTime the send time carried in the packet's timestamp header, in seconds.
     * \param rxTime the receive time in seconds.
     * \return true for a packet not received before (false: a duplicate, ignored).
     * \throws std::invalid_argument if rxTime is earlier than txTime or either is not finite.
     */
    bool RecordRx(std::uint32_t member,
                  std::uint64_t seq,
                  std::uint32_t bytes,
                  double txTime,
                  double rxTime);

    /**
     * \brief Record the response to a request, measured at the client: the request (member, seq)
     *        is answered, after a round trip of `rtt`.
     *
     * A second response to the same request is ignored (counted in GetDuplicates()): a request is
     * answered once.
     * \param member the member (client/server pair) of the flow.
     * \param seq the sequence number of the request.
     * \param rtt the round-trip time in seconds.
     * \return true for a request not answered before (false: a duplicate, ignored).
     * \throws std::invalid_argument if rtt is negative or not finite.
     */
    bool RecordRtt(std::uint32_t member, std::uint64_t seq, double rtt);

    /**
     * \return the number of packets sent.
     */
    std::uint64_t GetTxPackets() const;

    /**
     * \return the number of distinct packets received (duplicates excluded).
     */
    std::uint64_t GetRxPackets() const;

    /**
     * \return the number of duplicate receptions (packets, or responses to a request already
     *         answered) that were ignored.
     */
    std::uint64_t GetDuplicates() const;

    /**
     * \return the application bytes sent.
     */
    std::uint64_t GetTxBytes() const;

    /**
     * \return the application bytes received (duplicates excluded).
     */
    std::uint64_t GetRxBytes() const;

    /**
     * \return the fraction of sent packets never received, (tx - rx) / tx, or 0 when none was sent.
     */
    double GetLossRatio() const;

    /**
     * \return the number of distinct requests answered (RecordRtt), duplicates excluded.
     */
    std::uint64_t GetAnsweredRequests() const;

    /**
     * \return the number of requests answered within the round-trip deadline (all answered
     *         requests if there is none).
     */
    std::uint64_t GetRttOnTimeRequests() const;

    /**
     * \brief The loss of request-response traffic, judged on the round trip: a request whose
     *        response never arrived failed, wherever it was lost.
     * \return (requests sent - requests answered) / requests sent, or 0 when none was sent.
     */
    double GetRoundTripLossRatio() const;

    /**
     * \return the earliest send time in seconds, or -1 if nothing was sent.
     */
    double GetFirstTxTime() const;

    /**
     * \return the latest time a distinct packet was received, in seconds, or -1 if none was.
     */
    double GetLastRxTime() const;

    /**
     * \brief The window over which the throughput of a flow active from `start` to `stop` is
     *        measured: from `start` to `stop`, or to the last reception when that is later.
     *
     * Packets that arrive after the stop (sent before it, delivered during the drain) are counted
     * in the received bytes, so the time they took must be counted too: every byte received was
     * carried by the path between the first send (at or after `start`) and the last reception, so
     * bytes * 8 / window can never exceed the path's capacity.
     * \param start the flow's start time in seconds.
     * \param stop the flow's stop time in seconds, after start.
     * \return the window length in seconds: max(stop, last reception) - start.
     * \throws std::invalid_argument if stop is not after start or either is not finite.
     */
    double GetMeasurementWindow(double start, double stop) const;

    /**
     * \brief Application throughput: received bytes * 8 over a window.
     * \param windowSeconds the measurement window in seconds (GetMeasurementWindow, or for a
     *        finite transfer its first send to its last reception).
     * \return the throughput in bit/s.
     * \throws std::invalid_argument if windowSeconds is not positive.
     */
    double GetThroughput(double windowSeconds) const;

    /**
     * \return the digest of the one-way delays of the distinct packets received.
     */
    const LatencyDigest& GetLatency() const;

    /**
     * \return the digest of the round trips (empty unless the traffic is request-response).
     */
    const LatencyDigest& GetRtt() const;

    /**
     * \brief Jitter: the mean absolute difference between the one-way delays of consecutive
     *        received packets of the same member, in arrival order: the mean of |IPDV| with the
     *        consecutive-packets selection of RFC 3393 (ITU-T Y.1540 style), not the smoothed
     *        interarrival jitter of RFC 3550.
     * \return the jitter in seconds, or 0 with fewer than two packets from any member.
     */
    double GetJitter() const;

    /**
     * \return the number of distinct packets whose one-way delay is at most the deadline (all
     *         distinct packets received if there is no deadline).
     */
    std::uint64_t GetOnTimePackets() const;

    /**
     * \brief One member's outage: from a fault that cut its path to the send time of the first
     * packet sent at or after the fault that was received (doc/faults.rst).
     */
    struct Outage
    {
        std::uint32_t member = 0; //!< the member
        double start = 0;         //!< the fault's time, s
        double seconds = 0;       //!< its length, s
        bool ended = false;       //!< a packet sent after it was received (else open at the end)
    };

    /**
     * \brief A fault cut a member's path at `faultTime`: open an outage for it (unless one is
     * open already: the earlier fault is where it began), and split the loss counts there if
     * no fault did before (GetTxBeforeFault).
     * \param member the member.
     * \param faultTime the fault's time, s.
     */
    void OpenOutage(std::uint32_t member, double faultTime);

    /**
     * \param end the time an outage still open counts until, s (the end of the flow's sending).
     * \return every outage, ended or still open (then `end - start` long), in the order opened
     */
    std::vector<Outage> GetOutages(double end) const;

    /**
     * \return the time of the first fault that cut one of the flow's members, s, or infinity
     */
    double GetFirstFaultTime() const;

    /** \return the packets sent before the first fault (all of them if none cut the flow) */
    std::uint64_t GetTxBeforeFault() const;

    /** \return the distinct packets received that were sent before the first fault */
    std::uint64_t GetRxBeforeFault() const;

  private:
    /**
     * \brief What the record keeps per member: the sequence numbers received and the previous
     *        delay for the jitter.
     */
    struct MemberState
    {
        std::vector<std::uint64_t> received; //!< bit s set if sequence number s was received
        std::vector<std::uint64_t> answered; //!< bit s set if request s was answered
        double lastDelay = 0;                //!< one-way delay of the previous packet received
        bool hasLastDelay = false;           //!< true once a packet of this member was received
        int64_t openOutage = -1;             //!< index in m_outages of its open outage, or -1
    };

    /**
     * \brief Mark a sequence number in a bitset.
     * \param bits the bitset (a member's received or answered sequence numbers).
     * \param seq the sequence number.
     * \return false if it was already marked (a duplicate).
     */
    static bool Mark(std::vector<std::uint64_t>& bits, std::uint64_t seq);

    double m_deadline;           //!< per-packet deadline in seconds; <= 0: none
    double m_rttDeadline;        //!< round-trip deadline in seconds; <= 0: none
    std::uint64_t m_txPackets;   //!< packets sent
    std::uint64_t m_rxPackets;   //!< distinct packets received
    std::uint64_t m_duplicates;  //!< duplicate receptions ignored
    std::uint64_t m_txBytes;     //!< bytes sent
    std::uint64_t m_rxBytes;     //!< distinct bytes received
    std::uint64_t m_onTime;      //!< distinct packets received within the deadline
    std::uint64_t m_answered;    //!< distinct requests answered
    std::uint64_t m_rttOnTime;   //!< distinct requests answered within the round-trip deadline
    double m_firstTxTime;        //!< earliest send time, -1 if none
    double m_lastRxTime;         //!< latest receive time, -1 if none
    double m_jitterSum;          //!< sum of |delay difference| over consecutive packets per member
    std::uint64_t m_jitterPairs; //!< number of consecutive packet pairs in m_jitterSum
    LatencyDigest m_latency;     //!< one-way delays
    LatencyDigest m_rtt;         //!< round trips
    std::vector<Outage> m_outages;     //!< every outage, in the order opened
    std::uint64_t m_openOutages = 0;   //!< outages not ended yet
    double m_firstFaultTime;           //!< the first fault that cut a member, s (inf: none)
    std::uint64_t m_txBeforeFault = 0; //!< packets sent before it
    std::uint64_t m_rxBeforeFault = 0; //!< of those, distinct packets received
    /// Per-member state, by member number: looked up for every packet received and never
    /// walked, so hashed (a 10,000-member flow's ordered map cost 14 steps per packet).
    std::unordered_map<std::uint32_t, MemberState> m_members;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_FLOW_RECORD_H */
