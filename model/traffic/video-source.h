/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_VIDEO_SOURCE_H
#define BLUEPRINT_VIDEO_SOURCE_H

#include "model/traffic/timestamped-source.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Sends video as one burst of packets per frame at a constant frame rate.
 *
 * An encoder emits a whole frame at each frame instant and the sender packetises it at once, so
 * the network sees back-to-back bursts rather than a smooth stream (3GPP TR 38.838 V17.0.0,
 * clause 5.1.1: one video frame arrives every 1/fps). Frame k leaves at start + k / FrameRate,
 * computed from k so no rounding drift accumulates. A frame of F bytes becomes ceil(F /
 * MaxPacketSize) packets: full packets first and the remainder last, as RTP packetisers fill the
 * MTU; if that remainder would be smaller than a timestamp header, the second-to-last packet gives
 * it the missing bytes, so the frame's byte count is kept exactly.
 *
 * Frame sizes have mean MeanFrameSize and coefficient of variation FrameSizeVariation (0 gives
 * constant frames), drawn from
 * - TruncatedNormal: a normal distribution redrawn outside [50 %, 150 %] of the mean, the XR
 *   video model of TR 38.838 Table 5.1.1.1-1 (which uses a standard deviation of 10.5 % of the
 *   mean); the symmetric truncation keeps the mean.
 * - LogNormal: the heavier-tailed model fitted to frame sizes of VBR MPEG streams (M. Krunz and
 *   S. K. Tripathi, "On the characterization of VBR MPEG streams", ACM SIGMETRICS 1997).
 * Either draw is rounded to whole bytes and raised to at least one timestamp header.
 */
class VideoSource : public TimestampedSource
{
  public:
    /// The distribution frame sizes are drawn from.
    enum FrameSizeDistribution
    {
        TRUNCATED_NORMAL, //!< normal, truncated to [0.5, 1.5] x mean (TR 38.838)
        LOG_NORMAL        //!< lognormal with the given mean and coefficient of variation
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    VideoSource();
    ~VideoSource() override;

    /**
     * \brief Fix the random streams of the frame-size variables (for reproducible runs).
     * \param stream the first stream index to use.
     * \return the number of streams used (2).
     */
    int64_t AssignStreams(int64_t stream) override;

    /**
     * \return the number of frames sent so far.
     */
    uint64_t GetSentFrames() const;

  protected:
    void DoDispose() override;
    void StartSending() override;
    void StopSending() override;

  private:
    /// Send the burst of the current frame and schedule the next frame.
    void SendFrameAndScheduleNext();

    /**
     * \return the size of the next frame in bytes, at least one timestamp header.
     */
    uint32_t NextFrameSize();

    double m_frameRate;                          //!< frames per second
    uint32_t m_meanFrameSize;                    //!< mean frame size in bytes
    double m_frameSizeVariation;                 //!< coefficient of variation of frame size
    FrameSizeDistribution m_distribution;        //!< distribution of frame sizes
    uint32_t m_maxPacketSize;                    //!< largest packet of a burst, header included
    Ptr<NormalRandomVariable> m_normalFrameSize; //!< draws truncated-normal frame sizes
    Ptr<LogNormalRandomVariable> m_logNormalFrameSize; //!< draws lognormal frame sizes
    Time m_firstFrameTime;                             //!< instant of frame 0
    uint64_t m_frameIndex;                             //!< index of the next frame
    EventId m_frameEvent;                              //!< the next frame
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_VIDEO_SOURCE_H */
