/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/video-source.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintVideoSource");

NS_OBJECT_ENSURE_REGISTERED(VideoSource);

namespace
{
/// Half-width of the frame-size truncation interval as a fraction of the mean: sizes outside
/// [50 %, 150 %] of the mean are redrawn (3GPP TR 38.838 V17.0.0 Table 5.1.1.1-1).
constexpr double TRUNCATION_HALF_WIDTH = 0.5;
} // namespace

TypeId
VideoSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::VideoSource")
            .SetParent<TimestampedSource>()
            .SetGroupName("Blueprint")
            .AddConstructor<VideoSource>()
            // Defaults: the 30 Mbit/s, 60 fps video of 3GPP TR 38.838 V17.0.0 Table 5.1.1.1-1,
            // i.e. 30e6 / 60 / 8 = 62500 bytes per frame with a standard deviation of 10.5 %.
            .AddAttribute("FrameRate",
                          "Frames per second; must be positive.",
                          DoubleValue(60.0),
                          MakeDoubleAccessor(&VideoSource::m_frameRate),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("MeanFrameSize",
                          "The mean size of a frame in bytes.",
                          UintegerValue(62500),
                          MakeUintegerAccessor(&VideoSource::m_meanFrameSize),
                          MakeUintegerChecker<uint32_t>(TimestampHeader::SERIALIZED_SIZE))
            .AddAttribute("FrameSizeVariation",
                          "Coefficient of variation (standard deviation / mean) of the frame "
                          "size; 0 sends every frame at MeanFrameSize.",
                          DoubleValue(0.105),
                          MakeDoubleAccessor(&VideoSource::m_frameSizeVariation),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("FrameSizeDistribution",
                          "The distribution frame sizes are drawn from.",
                          EnumValue(VideoSource::TRUNCATED_NORMAL),
                          MakeEnumAccessor(&VideoSource::m_distribution),
                          MakeEnumChecker(VideoSource::TRUNCATED_NORMAL,
                                          "TruncatedNormal",
                                          VideoSource::LOG_NORMAL,
                                          "LogNormal"))
            // At least two headers, so a remainder smaller than a header can always borrow from
            // the packet before it.
            .AddAttribute("MaxPacketSize",
                          "The largest packet of a frame burst in bytes, timestamp header "
                          "included.",
                          UintegerValue(1400),
                          MakeUintegerAccessor(&VideoSource::m_maxPacketSize),
                          MakeUintegerChecker<uint32_t>(2 * TimestampHeader::SERIALIZED_SIZE));
    return tid;
}

VideoSource::VideoSource()
    : m_frameRate(60.0),
      m_meanFrameSize(62500),
      m_frameSizeVariation(0.105),
      m_distribution(TRUNCATED_NORMAL),
      m_maxPacketSize(1400),
      m_normalFrameSize(CreateObject<NormalRandomVariable>()),
      m_logNormalFrameSize(CreateObject<LogNormalRandomVariable>()),
      m_frameIndex(0)
{
    NS_LOG_FUNCTION(this);
}

VideoSource::~VideoSource()
{
    NS_LOG_FUNCTION(this);
}

int64_t
VideoSource::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_normalFrameSize->SetStream(stream);
    m_logNormalFrameSize->SetStream(stream + 1);
    return 2;
}

uint64_t
VideoSource::GetSentFrames() const
{
    return m_frameIndex;
}

void
VideoSource::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_frameEvent);
    m_normalFrameSize = nullptr;
    m_logNormalFrameSize = nullptr;
    TimestampedSource::DoDispose();
}

void
VideoSource::StartSending()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_frameRate <= 0.0, "VideoSource: FrameRate must be positive");
    m_firstFrameTime = Simulator::Now();
    m_frameIndex = 0;
    m_frameEvent = Simulator::ScheduleNow(&VideoSource::SendFrameAndScheduleNext, this);
}

void
VideoSource::StopSending()
{
    NS_LOG_FUNCTION(this);
    Simulator::Cancel(m_frameEvent);
}

void
VideoSource::SendFrameAndScheduleNext()
{
    uint32_t remaining = NextFrameSize();
    NS_LOG_LOGIC("frame " << m_frameIndex << " of " << remaining << " bytes");
    while (remaining > 0)
    {
        uint32_t size = std::min(remaining, m_maxPacketSize);
        const uint32_t after = remaining - size;
        if (after > 0 && after < TimestampHeader::SERIALIZED_SIZE)
        {
            // Leave exactly one header's worth for the last packet; MaxPacketSize >= 2 headers
            // keeps this packet at least one header long.
            size = remaining - TimestampHeader::SERIALIZED_SIZE;
        }
        SendPacket(size);
        remaining -= size;
    }
    ++m_frameIndex;
    const Time next = m_firstFrameTime + Seconds(static_cast<double>(m_frameIndex) / m_frameRate);
    m_frameEvent =
        Simulator::Schedule(next - Simulator::Now(), &VideoSource::SendFrameAndScheduleNext, this);
}

uint32_t
VideoSource::NextFrameSize()
{
    if (m_frameSizeVariation <= 0.0)
    {
        return m_meanFrameSize;
    }
    const double mean = m_meanFrameSize;
    double draw;
    if (m_distribution == TRUNCATED_NORMAL)
    {
        const double deviation = m_frameSizeVariation * mean;
        // ns-3's Bound redraws values farther than the bound from the mean: the truncation.
        draw =
            m_normalFrameSize->GetValue(mean, deviation * deviation, TRUNCATION_HALF_WIDTH * mean);
    }
    else
    {
        // Lognormal with mean m and coefficient of variation c: sigma^2 = ln(1 + c^2),
        // mu = ln(m) - sigma^2 / 2 (moments of the lognormal distribution).
        const double sigma2 = std::log1p(m_frameSizeVariation * m_frameSizeVariation);
        draw = m_logNormalFrameSize->GetValue(std::log(mean) - sigma2 / 2.0, std::sqrt(sigma2));
    }
    const double bytes = std::max(std::round(draw), double(TimestampHeader::SERIALIZED_SIZE));
    return static_cast<uint32_t>(bytes);
}

} // namespace blueprint
} // namespace ns3
