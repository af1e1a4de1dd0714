/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/flow-record.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintFlowRecord");

namespace
{

/// Bits per word of a member's received-sequence bitset.
constexpr std::uint64_t kBitsPerWord = 64;

} // namespace

FlowRecord::FlowRecord(std::size_t exactLimit, double relativeAccuracy)
    : m_deadline(0),
      m_rttDeadline(0),
      m_txPackets(0),
      m_rxPackets(0),
      m_duplicates(0),
      m_txBytes(0),
      m_rxBytes(0),
      m_onTime(0),
      m_answered(0),
      m_rttOnTime(0),
      m_firstTxTime(-1),
      m_lastRxTime(-1),
      m_jitterSum(0),
      m_jitterPairs(0),
      m_latency(exactLimit, relativeAccuracy),
      m_rtt(exactLimit, relativeAccuracy),
      m_firstFaultTime(std::numeric_limits<double>::infinity())
{
}

void
FlowRecord::SetDeadline(double seconds)
{
    if (std::isnan(seconds))
    {
        throw std::invalid_argument("FlowRecord: the deadline must be a number");
    }
    m_deadline = seconds > 0 ? seconds : 0;
}

double
FlowRecord::GetDeadline() const
{
    return m_deadline;
}

void
FlowRecord::SetRttDeadline(double seconds)
{
    if (std::isnan(seconds))
    {
        throw std::invalid_argument("FlowRecord: the round-trip deadline must be a number");
    }
    m_rttDeadline = seconds > 0 ? seconds : 0;
}

void
FlowRecord::RecordTx(std::uint32_t member, std::uint64_t seq, std::uint32_t bytes, double txTime)
{
    if (!std::isfinite(txTime))
    {
        throw std::invalid_argument("FlowRecord: the send time must be finite");
    }
    NS_LOG_LOGIC("tx member " << member << " seq " << seq << " " << bytes << " B at " << txTime);
    ++m_txPackets;
    m_txBytes += bytes;
    m_firstTxTime = (m_firstTxTime < 0) ? txTime : std::min(m_firstTxTime, txTime);
}

bool
FlowRecord::RecordRx(std::uint32_t member,
                     std::uint64_t seq,
                     std::uint32_t bytes,
                     double txTime,
                     double rxTime)
{
    if (!std::isfinite(txTime) || !std::isfinite(rxTime) || rxTime < txTime)
    {
        throw std::invalid_argument("FlowRecord: a packet must be received after it was sent (tx " +
                                    std::to_string(txTime) + " s, rx " + std::to_string(rxTime) +
                                    " s)");
    }
    MemberState& state = m_members[member];
    if (!Mark(state.received, seq))
    {
        NS_LOG_LOGIC("duplicate member " << member << " seq " << seq);
        ++m_duplicates;
        return false;
    }
    const double delay = rxTime - txTime;
    NS_LOG_LOGIC("rx member " << member << " seq " << seq << " " << bytes << " B, delay " << delay);
    ++m_rxPackets;
    m_rxBytes += bytes;
    m_latency.Add(delay);
    // TS 22.261 clause 3.1: a packet counts towards reliability only if delivered within the
    // service's time constraint.
    if (m_deadline <= 0 || delay <= m_deadline)
    {
        ++m_onTime;
    }
    m_lastRxTime = std::max(m_lastRxTime, rxTime);
    if (state.hasLastDelay)
    {
        m_jitterSum += std::abs(delay - state.lastDelay);
        ++m_jitterPairs;
    }
    state.lastDelay = delay;
    state.hasLastDelay = true;
    if (txTime < m_firstFaultTime)
    {
        ++m_rxBeforeFault;
    }
    if (m_openOutages > 0 && state.openOutage >= 0)
    {
        Outage& outage = m_outages[state.openOutage];
        // Packets of one member may arrive out of order: the outage ends at the earliest send
        // time after the fault among those received (a later reception can still lower it).
        if (txTime >= outage.start && (!outage.ended || txTime - outage.start < outage.seconds))
        {
            if (!outage.ended)
            {
                --m_openOutages;
            }
            outage.ended = true;
            outage.seconds = txTime - outage.start;
        }
    }
    return true;
}

void
FlowRecord::OpenOutage(std::uint32_t member, double faultTime)
{
    if (m_firstFaultTime == std::numeric_limits<double>::infinity())
    {
        m_firstFaultTime = faultTime;
        m_txBeforeFault = m_txPackets;
    }
    MemberState& state = m_members[member];
    if (state.openOutage >= 0 && !m_outages[state.openOutage].ended)
    {
        return;
    }
    state.openOutage = static_cast<int64_t>(m_outages.size());
    m_outages.push_back(Outage{member, faultTime, 0, false});
    ++m_openOutages;
}

std::vector<FlowRecord::Outage>
FlowRecord::GetOutages(double end) const
{
    std::vector<Outage> outages = m_outages;
    for (Outage& o : outages)
    {
        if (!o.ended)
        {
            o.seconds = std::max(0.0, end - o.start);
        }
    }
    return outages;
}

double
FlowRecord::GetFirstFaultTime() const
{
    return m_firstFaultTime;
}

std::uint64_t
FlowRecord::GetTxBeforeFault() const
{
    return std::isfinite(m_firstFaultTime) ? m_txBeforeFault : m_txPackets;
}

std::uint64_t
FlowRecord::GetRxBeforeFault() const
{
    return m_rxBeforeFault;
}

bool
FlowRecord::RecordRtt(std::uint32_t member, std::uint64_t seq, double rtt)
{
    if (!std::isfinite(rtt) || rtt < 0)
    {
        throw std::invalid_argument(
            "FlowRecord: a round trip must be finite and not negative, got " + std::to_string(rtt) +
            " s");
    }
    if (!Mark(m_members[member].answered, seq))
    {
        NS_LOG_LOGIC("duplicate response member " << member << " seq " << seq);
        ++m_duplicates;
        return false;
    }
    NS_LOG_LOGIC("rtt member " << member << " seq " << seq << " " << rtt);
    ++m_answered;
    m_rtt.Add(rtt);
    if (m_rttDeadline <= 0 || rtt <= m_rttDeadline)
    {
        ++m_rttOnTime;
    }
    return true;
}

std::uint64_t
FlowRecord::GetTxPackets() const
{
    return m_txPackets;
}

std::uint64_t
FlowRecord::GetRxPackets() const
{
    return m_rxPackets;
}

std::uint64_t
FlowRecord::GetDuplicates() const
{
    return m_duplicates;
}

std::uint64_t
FlowRecord::GetTxBytes() const
{
    return m_txBytes;
}

std::uint64_t
FlowRecord::GetRxBytes() const
{
    return m_rxBytes;
}

double
FlowRecord::GetLossRatio() const
{
    if (m_txPackets == 0)
    {
        return 0;
    }
    // In doubles, so a record fed more distinct receptions than sends (a wiring error upstream)
    // shows up as a negative ratio instead of wrapping around.
    return (static_cast<double>(m_txPackets) - static_cast<double>(m_rxPackets)) /
           static_cast<double>(m_txPackets);
}

std::uint64_t
FlowRecord::GetAnsweredRequests() const
{
    return m_answered;
}

std::uint64_t
FlowRecord::GetRttOnTimeRequests() const
{
    return m_rttOnTime;
}

double
FlowRecord::GetRoundTripLossRatio() const
{
    if (m_txPackets == 0)
    {
        return 0;
    }
    return (static_cast<double>(m_txPackets) - static_cast<double>(m_answered)) /
           static_cast<double>(m_txPackets);
}

double
FlowRecord::GetFirstTxTime() const
{
    return m_firstTxTime;
}

double
FlowRecord::GetLastRxTime() const
{
    return m_lastRxTime;
}

double
FlowRecord::GetMeasurementWindow(double start, double stop) const
{
    if (!std::isfinite(start) || !std::isfinite(stop) || !(stop > start))
    {
        throw std::invalid_argument("FlowRecord: a flow must stop after it starts (start " +
                                    std::to_string(start) + " s, stop " + std::to_string(stop) +
                                    " s)");
    }
    return std::max(stop, m_lastRxTime) - start;
}

double
FlowRecord::GetThroughput(double windowSeconds) const
{
    if (!(windowSeconds > 0) || !std::isfinite(windowSeconds))
    {
        throw std::invalid_argument("FlowRecord: the measurement window must be positive, got " +
                                    std::to_string(windowSeconds));
    }
    return static_cast<double>(m_rxBytes) * 8.0 / windowSeconds;
}

const LatencyDigest&
FlowRecord::GetLatency() const
{
    return m_latency;
}

const LatencyDigest&
FlowRecord::GetRtt() const
{
    return m_rtt;
}

double
FlowRecord::GetJitter() const
{
    if (m_jitterPairs == 0)
    {
        return 0;
    }
    return m_jitterSum / static_cast<double>(m_jitterPairs);
}

std::uint64_t
FlowRecord::GetOnTimePackets() const
{
    return m_onTime;
}

bool
FlowRecord::Mark(std::vector<std::uint64_t>& bits, std::uint64_t seq)
{
    const std::uint64_t word = seq / kBitsPerWord;
    const std::uint64_t bit = std::uint64_t{1} << (seq % kBitsPerWord);
    if (word >= bits.size())
    {
        bits.resize(static_cast<std::size_t>(word) + 1, 0);
    }
    std::uint64_t& w = bits[static_cast<std::size_t>(word)];
    if ((w & bit) != 0)
    {
        return false;
    }
    w |= bit;
    return true;
}

} // namespace blueprint
} // namespace ns3
