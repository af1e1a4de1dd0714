/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-platform.h"

#include "ns3/log.h"
#include "ns3/nstime.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnPlatform");

NS_OBJECT_ENSURE_REGISTERED(NtnPlatform);

NtnLookAngles
NtnLook(const GroundPoint& ground, const Eigen::Vector3d& target)
{
    const Eigen::Vector3d d = target - ground.ecef;
    NtnLookAngles look;
    look.rangeM = d.norm();
    if (look.rangeM <= 0.0)
    {
        look.elevationDeg = 90.0;
        return look;
    }
    const double up = d.dot(ground.up) / look.rangeM;
    look.elevationDeg = std::asin(std::max(-1.0, std::min(1.0, up))) * 180.0 / M_PI;
    double az = std::atan2(d.dot(ground.east), d.dot(ground.north)) * 180.0 / M_PI;
    look.azimuthDeg = az < 0 ? az + 360.0 : az;
    return look;
}

TypeId
NtnPlatform::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnPlatform")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddAttribute("Epoch",
                          "The time on the scenario's timeline at simulation time 0: platforms "
                          "that move are where they are at simulation time + Epoch, so a "
                          "window of a timeline sees the sky of its own hour (doc/phases.rst).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnPlatform::m_epoch),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

Time
NtnPlatform::GetEpoch() const
{
    return m_epoch;
}

std::string
NtnPlatform::GetPlatformName(uint32_t index) const
{
    return "platform " + std::to_string(index);
}

Time
NtnPlatform::GetReassignmentPeriod() const
{
    return Time(0);
}

void
NtnPlatform::FindVisible(const GroundPoint& ground,
                         Time t,
                         double minElevationDeg,
                         std::vector<uint32_t>& visible) const
{
    FindVisibleExhaustive(ground, t, minElevationDeg, visible);
}

void
NtnPlatform::FindVisibleExhaustive(const GroundPoint& ground,
                                   Time t,
                                   double minElevationDeg,
                                   std::vector<uint32_t>& visible) const
{
    visible.clear();
    for (uint32_t i = 0; i < GetN(); ++i)
    {
        if (NtnLook(ground, GetPosition(i, t)).elevationDeg >= minElevationDeg)
        {
            visible.push_back(i);
        }
    }
}

bool
NtnPlatform::HasInterSatelliteLink(uint32_t i, uint32_t j) const
{
    return false;
}

std::vector<uint32_t>
NtnPlatform::RouteInterSatellite(uint32_t from, uint32_t to, Time t) const
{
    if (from == to)
    {
        return {from};
    }
    return {};
}

} // namespace blueprint
} // namespace ns3
