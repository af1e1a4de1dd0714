/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PERIODIC_SOURCE_H
#define BLUEPRINT_PERIODIC_SOURCE_H

#include "model/traffic/arrival-process.h"
#include "model/traffic/timestamped-source.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Sends packets of one size at a fixed or exponentially distributed interval.
 *
 * Models telemetry (a sensor reporting every Interval) and constant-rate streams (Interval =
 * PacketSize * 8 / rate, computed by the scenario builder). "Distribution" chooses Fixed gaps
 * (first packet at the start, then exactly every Interval) or Exponential ones (Poisson arrivals
 * of mean gap Interval); see ArrivalProcess.
 */
class PeriodicSource : public TimestampedSource
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeriodicSource();
    ~PeriodicSource() override;

    /**
     * \brief Fix the random stream of the inter-arrival variable (for reproducible runs).
     * \param stream the first stream index to use.
     * \return the number of streams used (1).
     */
    int64_t AssignStreams(int64_t stream) override;

  protected:
    void DoDispose() override;
    void StartSending() override;
    void StopSending() override;

  private:
    /// Send one packet and schedule the next.
    void SendAndScheduleNext();

    Time m_interval;                             //!< fixed gap or mean gap
    uint32_t m_packetSize;                       //!< packet size, header included
    ArrivalProcess::Distribution m_distribution; //!< how gaps are drawn
    ArrivalProcess m_arrivals;                   //!< draws the gaps
    EventId m_sendEvent;                         //!< the next send
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PERIODIC_SOURCE_H */
