/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MEMBER_RECORD_H
#define BLUEPRINT_MEMBER_RECORD_H

#include "model/stats/latency-digest.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What each member of a group flow sent and got, so that the worst member and the fairness
 * between members can be set beside the flow's aggregate (doc/metrics.rst, Who is starved): an
 * aggregate over 200 phones can hide one that receives nothing.
 *
 * Members are numbered from 0 as the flow numbers them (FlowRecord). The record is fed with what
 * FlowRecord counts once: every packet (request) sent, the bytes of every distinct packet
 * received, and every delivery judged (a packet received, or a request answered) with its delay
 * (one-way, or the round trip).
 *
 * Each member keeps its own delay digest: exact up to `exactLimit` samples, then a sketch of
 * relative accuracy `relativeAccuracy` (LatencyDigest); the defaults, 1,000 samples and 1 %, keep
 * a member's digest under about 8 kB, so 10,000 members stay within tens of megabytes.
 *
 * Times are plain doubles in seconds so the record can be used and tested without a simulator.
 */
class MemberRecord
{
  public:
    /// One member's figures.
    struct Member
    {
        std::uint64_t txPackets = 0; //!< packets (requests) sent
        std::uint64_t txBytes = 0;   //!< bytes sent
        std::uint64_t delivered = 0; //!< distinct packets received (requests answered)
        std::uint64_t rxBytes = 0;   //!< distinct bytes received
        double firstTx = -1;         //!< first send, s (-1: none)
        double lastRx = -1;          //!< last distinct reception, s (-1: none)
        LatencyDigest delays;        //!< the delay of every delivery, s
        /// The finite-transfer windows of the records merged into this one (Merge), s: each
        /// phase of a timeline runs on its own clock, so windows add, they do not span.
        double pooledSeconds = 0;

        /// \return a finite transfer's window: its first send to its last reception, summed
        /// over the records merged (0 without a reception after a send)
        double FiniteWindow() const
        {
            return pooledSeconds + (firstTx >= 0 && lastRx > firstTx ? lastRx - firstTx : 0);
        }
    };

    /**
     * \param exactLimit delays each member keeps exactly
     * \param relativeAccuracy the relative accuracy of a member's quantiles beyond that
     */
    explicit MemberRecord(std::size_t exactLimit = 1000, double relativeAccuracy = 0.01);

    /**
     * \brief A member sent a packet (or a request).
     * \param member the member
     * \param bytes its size
     * \param time when, s
     */
    void RecordTx(std::uint32_t member, std::uint32_t bytes, double time);

    /**
     * \brief A distinct packet of a member was received (for request-response flows: a request at
     * the server, which is what the flow's throughput counts).
     * \param member the member
     * \param bytes its size
     * \param time when, s
     */
    void RecordRxBytes(std::uint32_t member, std::uint32_t bytes, double time);

    /**
     * \brief A delivery of a member was judged: a distinct packet received, or a request answered.
     * \param member the member
     * \param delaySeconds its one-way delay, or the round trip
     * \throws std::invalid_argument if the delay is negative or not finite
     */
    void RecordDelivered(std::uint32_t member, double delaySeconds);

    /**
     * \brief Add another record's figures member by member (the phases of a timeline): counts
     * and delays add, and so do finite-transfer windows (Member::FiniteWindow), each measured on
     * its own record's clock.
     * \param other the record to add
     */
    void Merge(const MemberRecord& other);

    /// \return the members, by number (a member that nothing happened to has zero figures)
    const std::vector<Member>& GetMembers() const;

  private:
    /**
     * \param member a member's number
     * \return its figures, made on first use
     */
    Member& At(std::uint32_t member);

    std::size_t m_exactLimit;      //!< delays each member keeps exactly
    double m_relativeAccuracy;     //!< their quantiles' accuracy beyond that
    std::vector<Member> m_members; //!< by number
};

/**
 * \ingroup blueprint
 * \brief The worst member of a group flow and Jain's fairness index of its members.
 */
struct MemberSummary
{
    /// Members that offered traffic (sent at least one packet); the others are left out.
    std::uint32_t offering = 0;
    /// The worst of them: the highest loss; among equal losses the highest p99 delay; among
    /// equal ones the lowest throughput; then the lowest number. Empty when none offered.
    std::optional<std::uint32_t> worst;
    /// Its p99 delay; empty when it delivered nothing (no delay to speak of, not a zero one).
    std::optional<double> worstP99Seconds;
    double worstThroughputBps = 0;   //!< its throughput
    double worstLossRatio = 0;       //!< its loss
    std::optional<double> jainIndex; //!< Jain's index; empty when no member got anything
};

/**
 * \ingroup blueprint
 * \brief How a member's throughput is measured, and what Jain's index compares.
 */
enum class MemberDemand
{
    PACED,  //!< a source with its own rate: x = delivered / sent (Jain's T_i / O_i)
    GREEDY, //!< a bulk source sending as fast as it can until the flow stops: x = throughput
    FINITE, //!< a bulk transfer of a set size: x = throughput over its own first send to last byte
};

/**
 * \ingroup blueprint
 * \brief Find a group flow's worst member and Jain's fairness index of its members.
 *
 * Jain's index of n allocations x_i is (sum x_i)^2 / (n sum x_i^2) (R. Jain, D. Chiu, W. Hawe,
 * "A Quantitative Measure of Fairness and Discrimination for Resource Allocation in Shared
 * Computer Systems", DEC-TR-301, 1984): 1 when all are equal, 1/n when one member gets everything,
 * and (n - 1) / n when one of n otherwise equal members gets nothing. Each member's throughput T_i
 * is normalised by its fair throughput O_i, x_i = T_i / O_i (R. Jain, A. Durresi, G. Babic,
 * "Throughput Fairness Index: An Explanation", ATM Forum contribution 99-0045, 1999): a paced
 * member's fair throughput is what it offered, so x_i is the share of its packets delivered;
 * greedy members share one fair throughput, so x_i is the throughput itself.
 *
 * A member's throughput is its delivered bytes over `windowSeconds` (a finite transfer: over its
 * own first send to its last reception); its loss is (sent - delivered) / sent.
 * \param record the members
 * \param windowSeconds the flow's measurement window (FlowRecord::GetMeasurementWindow)
 * \param demand what the members' sources offer
 * \return the summary
 */
MemberSummary SummariseMembers(const MemberRecord& record,
                               double windowSeconds,
                               MemberDemand demand);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_MEMBER_RECORD_H
