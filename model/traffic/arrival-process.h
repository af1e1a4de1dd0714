/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ARRIVAL_PROCESS_H
#define BLUEPRINT_ARRIVAL_PROCESS_H

#include "ns3/attribute.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The gaps between the packets of a source: fixed, or exponential (Poisson arrivals).
 *
 * Shared by the sources that send at an interval (PeriodicSource, RequestResponseClient), which
 * expose it through their "Interval" and "Distribution" attributes. With FIXED the first packet
 * leaves at the start and the next ones exactly every interval. With EXPONENTIAL the packets form a
 * Poisson process of mean gap interval started at the application's start, so the first packet
 * also waits one random gap; this is the usual model of many independent event-driven devices
 * (memoryless arrivals).
 */
class ArrivalProcess
{
  public:
    /// How the gap between two packets is drawn.
    enum Distribution
    {
        FIXED,      //!< every gap equals the interval
        EXPONENTIAL //!< gaps are exponential with the interval as mean
    };

    /**
     * \return the checker of a "Distribution" attribute, with the names "Fixed" and "Exponential".
     */
    static Ptr<const AttributeChecker> MakeDistributionChecker();

    /// Create a process whose random variable uses an automatically numbered stream.
    ArrivalProcess();

    /**
     * \return the gap between the start and the first packet: 0 for FIXED, one draw for
     *         EXPONENTIAL.
     * \param interval the fixed gap or mean gap.
     * \param distribution how gaps are drawn.
     */
    Time FirstGap(Time interval, Distribution distribution);

    /**
     * \return the gap until the next packet.
     * \param interval the fixed gap or mean gap.
     * \param distribution how gaps are drawn.
     */
    Time NextGap(Time interval, Distribution distribution);

    /**
     * \brief Fix the random stream of the gap variable (for reproducible runs).
     * \param stream the stream index to use.
     * \return the number of streams used (1).
     */
    int64_t AssignStreams(int64_t stream);

  private:
    Ptr<ExponentialRandomVariable> m_gap; //!< draws exponential gaps in seconds
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_ARRIVAL_PROCESS_H */
