/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RATE_SERIES_H
#define BLUEPRINT_RATE_SERIES_H

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Bytes counted in consecutive intervals of equal length from time 0, so that the peak
 * rate of one source, or of several added interval by interval, can be read afterwards.
 *
 * Off (counting nothing) until Configure(); times are plain seconds, so it is used and tested
 * without a simulator.
 */
class RateSeries
{
  public:
    /**
     * \brief Start counting in intervals of `intervalSeconds` over [0, endSeconds).
     * \param intervalSeconds the interval (> 0)
     * \param endSeconds when counting ends (> 0); bytes at or after it go to the last interval
     * \throws std::invalid_argument for a non-positive interval or end, or more than 10 million
     *         intervals
     */
    void Configure(double intervalSeconds, double endSeconds);

    /// \return whether Configure() was called
    bool IsOn() const;

    /**
     * \brief Count bytes at a time (ignored while off).
     * \param bytes how many
     * \param atSeconds when (before 0: the first interval)
     */
    void Add(uint64_t bytes, double atSeconds);

    /// \return the interval, s (0 while off)
    double GetIntervalSeconds() const;

    /// \return the bytes of each interval, from time 0
    const std::vector<uint64_t>& GetBytes() const;

  private:
    double m_interval = 0;         //!< s, 0 while off
    std::vector<uint64_t> m_bytes; //!< per interval
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_RATE_SERIES_H */
