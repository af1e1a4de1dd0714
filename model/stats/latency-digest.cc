/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/latency-digest.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintLatencyDigest");

namespace
{

/**
 * Values below this go to the sketch's zero bucket. Latencies below 1 ns are below the
 * resolution that matters for any network path (ns-3's default time resolution is 1 ns), and the
 * logarithmic buckets cannot hold 0 at all (log 0 is -infinity).
 */
constexpr double kZeroBucketBound = 1e-9;

/**
 * Slack for the nearest rank ceil(q*n): a level such as 0.07 is stored as a double slightly above
 * 0.07, so 0.07 * 100 evaluates to 7.000000000000001 and a plain ceil would give rank 8. A
 * fractional part this small relative to q*n can only come from the representation of q.
 */
constexpr double kRankSlack = 1e-9;

} // namespace

LatencyDigest::LatencyDigest(std::size_t exactLimit, double relativeAccuracy)
    : m_exactLimit(exactLimit),
      m_alpha(relativeAccuracy),
      m_gamma(0),
      m_logGamma(0),
      m_count(0),
      m_sum(0),
      m_sumError(0),
      m_min(0),
      m_max(0),
      m_exact(true),
      m_sorted(true),
      m_offset(0),
      m_zeroCount(0)
{
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1))
    {
        throw std::invalid_argument("LatencyDigest: relative accuracy must be in (0, 1), got " +
                                    std::to_string(relativeAccuracy));
    }
    // Masson et al. 2019, section 2: gamma = (1 + alpha) / (1 - alpha). ln(gamma) via log1p keeps
    // full precision for small alpha, where 1 + alpha loses the low bits of alpha.
    m_gamma = (1 + m_alpha) / (1 - m_alpha);
    m_logGamma = std::log1p(m_alpha) - std::log1p(-m_alpha);
}

void
LatencyDigest::Add(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
    {
        throw std::invalid_argument(
            "LatencyDigest: a latency must be finite and non-negative, got " +
            std::to_string(seconds));
    }
    if (m_exact && m_samples.size() >= m_exactLimit)
    {
        SwitchToSketch();
    }
    if (m_exact)
    {
        m_samples.push_back(seconds);
        m_sorted = false;
    }
    else
    {
        AddToSketch(seconds, 1);
    }
    m_min = (m_count == 0) ? seconds : std::min(m_min, seconds);
    m_max = (m_count == 0) ? seconds : std::max(m_max, seconds);
    ++m_count;
    AddToSum(seconds);
}

void
LatencyDigest::Merge(const LatencyDigest& other)
{
    if (&other == this)
    {
        const LatencyDigest copy(*this);
        Merge(copy);
        return;
    }
    if (other.m_count == 0)
    {
        return;
    }
    const bool stayExact = m_exact && other.m_exact &&
                           m_count + other.m_count <= static_cast<std::uint64_t>(m_exactLimit);
    if (!stayExact && !other.m_exact && other.m_alpha != m_alpha)
    {
        // Buckets of different gamma do not line up; re-bucketing their estimates would add a
        // second error of up to alpha and void the accuracy guarantee.
        throw std::invalid_argument("LatencyDigest::Merge: relative accuracies differ (" +
                                    std::to_string(m_alpha) + " vs " +
                                    std::to_string(other.m_alpha) + ")");
    }
    if (stayExact)
    {
        m_samples.insert(m_samples.end(), other.m_samples.begin(), other.m_samples.end());
        m_sorted = false;
    }
    else
    {
        if (m_exact)
        {
            SwitchToSketch();
        }
        if (other.m_exact)
        {
            for (double sample : other.m_samples)
            {
                AddToSketch(sample, 1);
            }
        }
        else
        {
            // DDSketch is fully mergeable: with equal gamma, adding bucket counters gives exactly
            // the sketch of the union (Masson et al. 2019, section 2.2).
            m_zeroCount += other.m_zeroCount;
            for (std::size_t k = 0; k < other.m_buckets.size(); ++k)
            {
                if (other.m_buckets[k] > 0)
                {
                    AddToBucket(other.m_offset + static_cast<std::int64_t>(k), other.m_buckets[k]);
                }
            }
        }
    }
    m_min = (m_count == 0) ? other.m_min : std::min(m_min, other.m_min);
    m_max = (m_count == 0) ? other.m_max : std::max(m_max, other.m_max);
    m_count += other.m_count;
    AddToSum(other.m_sum);
    AddToSum(other.m_sumError);
}

std::uint64_t
LatencyDigest::GetCount() const
{
    return m_count;
}

double
LatencyDigest::GetMean() const
{
    if (m_count == 0)
    {
        return 0;
    }
    return (m_sum + m_sumError) / static_cast<double>(m_count);
}

double
LatencyDigest::GetMin() const
{
    return m_min;
}

double
LatencyDigest::GetMax() const
{
    return m_max;
}

double
LatencyDigest::GetQuantile(double q) const
{
    if (!(q >= 0 && q <= 1))
    {
        throw std::invalid_argument("LatencyDigest: quantile level must be in [0, 1], got " +
                                    std::to_string(q));
    }
    if (m_count == 0)
    {
        return 0;
    }
    // The 1st and n-th smallest samples are the exact min and max in either mode.
    const std::uint64_t rank = NearestRank(q);
    if (rank == 1)
    {
        return m_min;
    }
    if (rank == m_count)
    {
        return m_max;
    }
    return m_exact ? ExactQuantile(q) : SketchQuantile(q);
}

bool
LatencyDigest::IsExact() const
{
    return m_exact;
}

double
LatencyDigest::GetRelativeAccuracy() const
{
    return m_exact ? 0.0 : m_alpha;
}

double
LatencyDigest::GetConfiguredRelativeAccuracy() const
{
    return m_alpha;
}

std::size_t
LatencyDigest::GetExactLimit() const
{
    return m_exactLimit;
}

std::size_t
LatencyDigest::GetBucketCount() const
{
    return m_buckets.size();
}

void
LatencyDigest::SwitchToSketch()
{
    NS_LOG_INFO("switching to a DDSketch with relative accuracy "
                << m_alpha << " after " << m_samples.size() << " exact samples");
    m_exact = false;
    std::vector<double> samples;
    samples.swap(m_samples); // releases the exact samples' memory once moved into the sketch
    for (double sample : samples)
    {
        AddToSketch(sample, 1);
    }
    m_sorted = true;
}

void
LatencyDigest::AddToSketch(double seconds, std::uint64_t times)
{
    if (seconds < kZeroBucketBound)
    {
        m_zeroCount += times;
        return;
    }
    // Masson et al. 2019, section 2: bucket i holds gamma^(i-1) < x <= gamma^i.
    const auto index = static_cast<std::int64_t>(std::ceil(std::log(seconds) / m_logGamma));
    AddToBucket(index, times);
}

void
LatencyDigest::AddToBucket(std::int64_t index, std::uint64_t times)
{
    if (m_buckets.empty())
    {
        m_offset = index;
        m_buckets.push_back(times);
        return;
    }
    if (index < m_offset)
    {
        // Grow at the front only by what is needed, so the vector spans exactly the occupied
        // index range (about ln(max/min)/ln(gamma) counters).
        m_buckets.insert(m_buckets.begin(), static_cast<std::size_t>(m_offset - index), 0);
        m_offset = index;
    }
    const auto position = static_cast<std::size_t>(index - m_offset);
    if (position >= m_buckets.size())
    {
        m_buckets.resize(position + 1, 0);
    }
    m_buckets[position] += times;
}

void
LatencyDigest::AddToSum(double value)
{
    // Neumaier's improved Kahan summation (A. Neumaier, "Rundungsfehleranalyse einiger Verfahren
    // zur Summation endlicher Summen", ZAMM 54, 1974): keeps the low-order bits that a plain
    // running sum of a million samples would lose, so the mean stays exact to double precision.
    const double total = m_sum + value;
    if (std::abs(m_sum) >= std::abs(value))
    {
        m_sumError += (m_sum - total) + value;
    }
    else
    {
        m_sumError += (value - total) + m_sum;
    }
    m_sum = total;
}

double
LatencyDigest::ExactQuantile(double q) const
{
    if (!m_sorted)
    {
        std::sort(m_samples.begin(), m_samples.end());
        m_sorted = true;
    }
    return m_samples[NearestRank(q) - 1];
}

double
LatencyDigest::SketchQuantile(double q) const
{
    const std::uint64_t rank = NearestRank(q);
    std::uint64_t seen = m_zeroCount;
    if (rank <= seen)
    {
        // The quantile lies in [0, 1 ns); the exact minimum is in that range too.
        return m_min;
    }
    for (std::size_t k = 0; k < m_buckets.size(); ++k)
    {
        seen += m_buckets[k];
        if (seen >= rank)
        {
            const auto index = static_cast<double>(m_offset + static_cast<std::int64_t>(k));
            // Masson et al. 2019, section 2: the estimate 2 gamma^i / (gamma + 1) is within
            // relative error alpha of every x in (gamma^(i-1), gamma^i].
            const double estimate = 2 * std::exp(index * m_logGamma) / (m_gamma + 1);
            // The exact quantile lies in [min, max]; clamping moves the estimate towards it, so
            // the bound still holds.
            return std::clamp(estimate, m_min, m_max);
        }
    }
    // Unreachable while the counters sum to m_count; the largest value is the safe answer.
    return m_max;
}

std::uint64_t
LatencyDigest::NearestRank(double q) const
{
    const double scaled = q * static_cast<double>(m_count);
    const double rank = std::ceil(scaled - kRankSlack * scaled);
    if (rank < 1)
    {
        return 1;
    }
    if (rank >= static_cast<double>(m_count))
    {
        return m_count;
    }
    return static_cast<std::uint64_t>(rank);
}

} // namespace blueprint
} // namespace ns3
