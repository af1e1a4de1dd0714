/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_PATH_CHANNEL_H
#define BLUEPRINT_OPTICAL_PATH_CHANNEL_H

#include "model/optical/optical-rwa.h"

#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-net-device.h"

#include <string>

namespace ns3
{
namespace blueprint
{

struct OpticalLineSystem;
struct OpticalTransponderClass;

/**
 * \ingroup blueprint-optical
 * \brief An established lightpath as a wire between its two end transponders.
 *
 * The wavelength is dedicated end to end: nothing else is sent on it, nothing between its ends
 * buffers a packet, so the only queue is the sending transponder's. A packet arrives
 *
 *     serialisation at the line rate + Delay,
 *     Delay = fibre length x 4.897 us/km + amplifiers x their latency
 *             + (1 + regenerators) x the transponder pair latency,
 *
 * after its transmission starts: propagation, the amplifiers' flight time, framing/FEC/DSP at
 * the two ends, and a full O-E-O at each regenerator. Configure() computes Delay from the
 * lightpath; everything else is PointToPointChannel's behaviour.
 */
class OpticalPathChannel : public PointToPointChannel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OpticalPathChannel();

    /**
     * \brief Describe the lightpath this channel is and set its Delay.
     * \param lightpath an established lightpath.
     * \param line the line system it runs on.
     * \param cls its transponder class.
     */
    void Configure(const OpticalLightpath& lightpath,
                   const OpticalLineSystem& line,
                   const OpticalTransponderClass& cls);

    /**
     * \brief The one-way latency of a lightpath before serialisation.
     * \param lightpath an established lightpath.
     * \param line the line system it runs on.
     * \param cls its transponder class.
     * \return fibre + amplifiers + (1 + regenerators) x pair latency.
     */
    static Time GetPathLatency(const OpticalLightpath& lightpath,
                               const OpticalLineSystem& line,
                               const OpticalTransponderClass& cls);

    /// \return the lightpath this channel carries.
    const OpticalLightpath& GetLightpath() const;

  private:
    OpticalLightpath m_lightpath; //!< what the channel is
};

/**
 * \ingroup blueprint-optical
 * \brief One end transponder of a lightpath: a point-to-point device whose DataRate is its
 * class's line rate and whose channel is an OpticalPathChannel.
 */
class OpticalTransponderNetDevice : public PointToPointNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OpticalTransponderNetDevice();

    /// \return the transponder class name.
    std::string GetTransponderClass() const;

  private:
    std::string m_class; //!< transponder class name (attribute TransponderClass)
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_PATH_CHANNEL_H */
