/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/platform-markers.h"

#include "helper/scenario/scenario-build.h"

#include "ns3/animation-interface.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <limits>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPlatformMarkers");

namespace
{

/// A marker's colour: blue, where NetAnim draws nodes red.
constexpr uint8_t kRed = 30;
constexpr uint8_t kGreen = 110; //!< see kRed
constexpr uint8_t kBlue = 230;  //!< see kRed
/// A marker's size as a share of the drawing's larger extent: NetAnim's default node (1 m) is
/// lost on a map of hundreds of kilometres.
constexpr double kSizeShare = 0.02;

} // namespace

PlatformMarkers::PlatformMarkers(ScenarioBuild& run)
{
    for (const auto& [technology, links] : LinksByTechnology(run.GetSpec()))
    {
        for (AnimatedPlatform& platform : technology->GetAnimatedPlatforms(run, links))
        {
            Marker marker;
            marker.platform = std::move(platform);
            marker.node = CreateObject<Node>();
            marker.mobility = CreateObject<ConstantPositionMobilityModel>();
            marker.mobility->SetPosition(marker.platform.position());
            marker.node->AggregateObject(marker.mobility);
            m_markers.push_back(std::move(marker));
        }
    }
    NS_LOG_INFO(m_markers.size() << " platform markers");
}

std::size_t
PlatformMarkers::GetN() const
{
    return m_markers.size();
}

void
PlatformMarkers::Follow(AnimationInterface& animation, Time end)
{
    m_animation = &animation;
    m_end = end;
    if (m_markers.empty())
    {
        return;
    }
    // The extent of everything drawn at the start, markers included.
    double minX = std::numeric_limits<double>::max();
    double minY = minX;
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = maxX;
    for (uint32_t i = 0; i < NodeList::GetNNodes(); ++i)
    {
        const Ptr<MobilityModel> mobility = NodeList::GetNode(i)->GetObject<MobilityModel>();
        if (mobility)
        {
            const Vector p = mobility->GetPosition();
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
    }
    const double size = std::max(1.0, kSizeShare * std::max(maxX - minX, maxY - minY));
    for (Marker& marker : m_markers)
    {
        animation.UpdateNodeColor(marker.node, kRed, kGreen, kBlue);
        animation.UpdateNodeSize(marker.node->GetId(), size, size);
        marker.description = marker.platform.description();
        animation.UpdateNodeDescription(marker.node, marker.description);
    }
    // At 0 s, after the nodes are initialised (their events were planned as they were made),
    // so that the platforms serving from the start are known.
    Simulator::Schedule(Seconds(0), &PlatformMarkers::Sample, this);
}

void
PlatformMarkers::Sample()
{
    for (Marker& marker : m_markers)
    {
        const Vector position = marker.platform.position();
        if (position != marker.mobility->GetPosition())
        {
            // The mobility model's course change is what NetAnim writes as a move.
            marker.mobility->SetPosition(position);
        }
        std::string description = marker.platform.description();
        if (description != marker.description)
        {
            marker.description = std::move(description);
            m_animation->UpdateNodeDescription(marker.node, marker.description);
        }
    }
    const Time next = Simulator::Now() + Seconds(SAMPLE_INTERVAL_S);
    if (next <= m_end)
    {
        Simulator::Schedule(Seconds(SAMPLE_INTERVAL_S), &PlatformMarkers::Sample, this);
    }
}

} // namespace blueprint
} // namespace ns3
