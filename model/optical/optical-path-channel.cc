/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/optical/optical-path-channel.h"

#include "model/optical/optical-line-system.h"
#include "model/optical/optical-transponder-class.h"

#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalPathChannel");

NS_OBJECT_ENSURE_REGISTERED(OpticalPathChannel);
NS_OBJECT_ENSURE_REGISTERED(OpticalTransponderNetDevice);

TypeId
OpticalPathChannel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::OpticalPathChannel")
                            .SetParent<PointToPointChannel>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<OpticalPathChannel>();
    return tid;
}

OpticalPathChannel::OpticalPathChannel()
{
    NS_LOG_FUNCTION(this);
}

Time
OpticalPathChannel::GetPathLatency(const OpticalLightpath& lightpath,
                                   const OpticalLineSystem& line,
                                   const OpticalTransponderClass& cls)
{
    Time latency(0);
    for (const OpticalSegment& segment : lightpath.segments)
    {
        latency += Seconds(segment.route.lengthKm * line.delayPerKm) +
                   segment.amplifiers * line.amplifierLatency + cls.pairLatency;
    }
    return latency;
}

void
OpticalPathChannel::Configure(const OpticalLightpath& lightpath,
                              const OpticalLineSystem& line,
                              const OpticalTransponderClass& cls)
{
    NS_LOG_FUNCTION(this << lightpath.demand);
    NS_ABORT_MSG_IF(!lightpath.established,
                    "OpticalPathChannel: demand " << lightpath.demand << " was blocked");
    m_lightpath = lightpath;
    const Time delay = GetPathLatency(lightpath, line, cls);
    SetAttribute("Delay", TimeValue(delay));
    NS_LOG_INFO("lightpath " << lightpath.demand << ": " << lightpath.route.lengthKm << " km, "
                             << delay.As(Time::US));
}

const OpticalLightpath&
OpticalPathChannel::GetLightpath() const
{
    return m_lightpath;
}

TypeId
OpticalTransponderNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::OpticalTransponderNetDevice")
            .SetParent<PointToPointNetDevice>()
            .SetGroupName("Blueprint")
            .AddConstructor<OpticalTransponderNetDevice>()
            .AddAttribute("TransponderClass",
                          "The OpticalTransponderClass catalogue name of this transponder.",
                          StringValue("100G"),
                          MakeStringAccessor(&OpticalTransponderNetDevice::m_class),
                          MakeStringChecker());
    return tid;
}

OpticalTransponderNetDevice::OpticalTransponderNetDevice()
{
    NS_LOG_FUNCTION(this);
}

std::string
OpticalTransponderNetDevice::GetTransponderClass() const
{
    return m_class;
}

} // namespace blueprint
} // namespace ns3
