/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PLATFORM_MARKERS_H
#define BLUEPRINT_PLATFORM_MARKERS_H

#include "helper/technology/link-technology.h"

#include "ns3/constant-position-mobility-model.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <string>
#include <vector>

namespace ns3
{

class AnimationInterface;

namespace blueprint
{

class ScenarioBuild;

/**
 * \ingroup blueprint
 * \brief The NetAnim trace's markers of the platforms that serve a run without being its nodes
 * (satellites, HAPS): one node each, placed, labelled and moved as its technology says
 * (LinkTechnology::GetAnimatedPlatforms).
 *
 * A marker is a bare node with a mobility model: no stack, no device, no random variable. The
 * markers are made once the run is built, so every node of the scenario keeps its id, and
 * nothing of the model looks at them: the run's results do not change.
 */
class PlatformMarkers
{
  public:
    /// NetAnim's own interval for polling mobility models (AnimationInterface's default).
    static constexpr double SAMPLE_INTERVAL_S = 0.25;

    /**
     * \brief Ask every technology of a built run for its platforms and make a marker node for
     * each, where the platform is now.
     * \param run the built run
     */
    explicit PlatformMarkers(ScenarioBuild& run);

    /// \return the number of markers
    std::size_t GetN() const;

    /**
     * \brief Colour, size and label the markers in a trace that has just been opened (after
     * the markers were made, so that it holds them), and follow the platforms every
     * SAMPLE_INTERVAL_S until the end: a new position when it moves, a new label when it
     * changes.
     * \param animation the trace; it must outlive the run
     * \param end when the run ends
     */
    void Follow(AnimationInterface& animation, Time end);

  private:
    /// Move and relabel the markers whose platform moved or changed, and plan the next sample.
    void Sample();

    /// A marker and what it shows.
    struct Marker
    {
        AnimatedPlatform platform;                   //!< where it is and what it is
        Ptr<Node> node;                              //!< the marker node
        Ptr<ConstantPositionMobilityModel> mobility; //!< its position
        std::string description;                     //!< its label in the trace
    };

    std::vector<Marker> m_markers;             //!< in the order of the technologies' links
    AnimationInterface* m_animation = nullptr; //!< the trace
    Time m_end;                                //!< the run's end
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_PLATFORM_MARKERS_H
