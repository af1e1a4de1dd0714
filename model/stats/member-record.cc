/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/member-record.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

namespace ns3
{
namespace blueprint
{

MemberRecord::MemberRecord(std::size_t exactLimit, double relativeAccuracy)
    : m_exactLimit(exactLimit),
      m_relativeAccuracy(relativeAccuracy)
{
    // Fail here, not at the first member, on an accuracy the digests refuse.
    LatencyDigest check(exactLimit, relativeAccuracy);
}

MemberRecord::Member&
MemberRecord::At(std::uint32_t member)
{
    while (m_members.size() <= member)
    {
        m_members.push_back(
            Member{0, 0, 0, 0, -1, -1, LatencyDigest(m_exactLimit, m_relativeAccuracy)});
    }
    return m_members[member];
}

void
MemberRecord::RecordTx(std::uint32_t member, std::uint32_t bytes, double time)
{
    Member& m = At(member);
    ++m.txPackets;
    m.txBytes += bytes;
    m.firstTx = m.firstTx < 0 ? time : std::min(m.firstTx, time);
}

void
MemberRecord::RecordRxBytes(std::uint32_t member, std::uint32_t bytes, double time)
{
    Member& m = At(member);
    m.rxBytes += bytes;
    m.lastRx = std::max(m.lastRx, time);
}

void
MemberRecord::RecordDelivered(std::uint32_t member, double delaySeconds)
{
    Member& m = At(member);
    m.delays.Add(delaySeconds); // throws on a negative or non-finite delay
    ++m.delivered;
}

void
MemberRecord::Merge(const MemberRecord& other)
{
    for (std::uint32_t i = 0; i < other.m_members.size(); ++i)
    {
        const Member& o = other.m_members[i];
        Member& m = At(i);
        // Both windows are kept as a sum: the two records' clocks are not the same timeline.
        m.pooledSeconds = m.FiniteWindow() + o.FiniteWindow();
        m.firstTx = -1;
        m.lastRx = -1;
        m.txPackets += o.txPackets;
        m.txBytes += o.txBytes;
        m.delivered += o.delivered;
        m.rxBytes += o.rxBytes;
        m.delays.Merge(o.delays);
    }
}

const std::vector<MemberRecord::Member>&
MemberRecord::GetMembers() const
{
    return m_members;
}

MemberSummary
SummariseMembers(const MemberRecord& record, double windowSeconds, MemberDemand demand)
{
    MemberSummary summary;
    double sum = 0;
    double sumOfSquares = 0;
    // The worst so far as (loss, p99, -throughput): the largest tuple is the worst.
    std::tuple<double, double, double> worst{-1, 0, 0};
    const auto& members = record.GetMembers();
    for (std::uint32_t i = 0; i < members.size(); ++i)
    {
        const MemberRecord::Member& m = members[i];
        if (m.txPackets == 0)
        {
            continue; // offered nothing in the window (its start fell after the flow's stop)
        }
        ++summary.offering;
        double window = windowSeconds;
        if (demand == MemberDemand::FINITE)
        {
            window = m.FiniteWindow();
        }
        const double throughput = window > 0 ? m.rxBytes * 8.0 / window : 0;
        const double loss =
            static_cast<double>(m.txPackets - std::min(m.delivered, m.txPackets)) / m.txPackets;
        // A member that delivered nothing is later than any that did.
        const double p99 = m.delays.GetCount() ? m.delays.GetQuantile(0.99)
                                               : std::numeric_limits<double>::infinity();
        const std::tuple<double, double, double> rank{loss, p99, -throughput};
        if (rank > worst)
        {
            worst = rank;
            summary.worst = i;
            summary.worstP99Seconds =
                m.delays.GetCount() ? std::optional<double>(p99) : std::nullopt;
            summary.worstThroughputBps = throughput;
            summary.worstLossRatio = loss;
        }
        const double x = demand == MemberDemand::PACED ? 1 - loss : throughput;
        sum += x;
        sumOfSquares += x * x;
    }
    if (sumOfSquares > 0)
    {
        summary.jainIndex = sum * sum / (summary.offering * sumOfSquares);
    }
    return summary;
}

} // namespace blueprint
} // namespace ns3
