/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/rate-series.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

void
RateSeries::Configure(double intervalSeconds, double endSeconds)
{
    if (!(intervalSeconds > 0) || !(endSeconds > 0))
    {
        throw std::invalid_argument("RateSeries: the interval and the end must be positive");
    }
    const double intervals = std::ceil(endSeconds / intervalSeconds);
    if (intervals > 1e7)
    {
        throw std::invalid_argument("RateSeries: more than 10 million intervals");
    }
    m_interval = intervalSeconds;
    m_bytes.assign(static_cast<std::size_t>(intervals), 0);
}

bool
RateSeries::IsOn() const
{
    return m_interval > 0;
}

void
RateSeries::Add(uint64_t bytes, double atSeconds)
{
    if (!IsOn())
    {
        return;
    }
    const double k = std::floor(atSeconds / m_interval);
    const std::size_t last = m_bytes.size() - 1;
    // !(k < last) also sends NaN to the last interval rather than out of range.
    const std::size_t i = k <= 0 ? 0 : !(k < last) ? last : static_cast<std::size_t>(k);
    m_bytes[i] += bytes;
}

double
RateSeries::GetIntervalSeconds() const
{
    return m_interval;
}

const std::vector<uint64_t>&
RateSeries::GetBytes() const
{
    return m_bytes;
}

} // namespace blueprint
} // namespace ns3
