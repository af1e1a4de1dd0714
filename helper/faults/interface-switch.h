/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_INTERFACE_SWITCH_H
#define BLUEPRINT_INTERFACE_SWITCH_H

#include "helper/scenario/scenario-build.h"

#include "ns3/net-device.h"
#include "ns3/node.h"

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The technology-independent way a link or a node goes down: the IPv4 interfaces of its
 * devices go down, so ns-3's IPv4 layer drops what is sent on them or arrives on them, whatever
 * the device. One per run (ScenarioBuild::GetState).
 *
 * A device's interface is up when its node is powered and at least one routing edge through the
 * device is up (or no edge goes through it): a base station's shared radio device stays up while
 * one of its terminals' edges does, and a link restored while its node is dark stays down.
 */
class InterfaceSwitch : public TechnologyRunState
{
  public:
    /**
     * \brief Take edges down or bring them back, and set their devices' interfaces.
     * \param run the run
     * \param edges the edges' indices
     * \param up their new state
     */
    void SetEdgesUp(ScenarioBuild& run, const std::vector<uint32_t>& edges, bool up);

    /**
     * \brief Power nodes off (every interface down) or on (each interface as its edges are), in
     * one pass over the run's edges however many they are.
     * \param run the run
     * \param nodes the nodes
     * \param powered their new state
     */
    void SetNodesPowered(ScenarioBuild& run, const std::vector<Ptr<Node>>& nodes, bool powered);

    /** \param edge an edge's index \return whether it is up */
    bool IsEdgeUp(uint32_t edge) const;

    /** \param node a node \return whether it is powered */
    bool IsNodePowered(Ptr<Node> node) const;

  private:
    /**
     * \brief Set each device's interface as its node and its edges say.
     * \param run the run
     * \param devices the devices to look at
     */
    void Apply(ScenarioBuild& run, const std::vector<Ptr<NetDevice>>& devices) const;

    std::unordered_set<uint32_t> m_downEdges; //!< edges taken down
    std::unordered_set<uint32_t> m_darkNodes; //!< ids of nodes without power
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_INTERFACE_SWITCH_H
