/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_STATIC_ROUTE_PLANNER_H
#define BLUEPRINT_STATIC_ROUTE_PLANNER_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace ns3
{

/**
 * \ingroup blueprint
 * \brief Shortest-path static routing over the whole topology, computed with Boost.Graph.
 *
 * ns-3's global routing installs a route to every network on every node, which is quadratic in the
 * size of the topology (10,000 nodes would need about 10^8 routes). A scenario only needs routes
 * towards the nodes its flows talk to, so this planner runs one Dijkstra per destination node
 * (on the undirected link graph, weighted by each link's one-way latency) and installs one host
 * route per destination address on each node of that shortest-path tree: the cost is
 * O(D (E + V log V)) time and O(D V) routes for D destinations, linear in the topology.
 *
 * Nodes must have a HostRouteTable as their routing protocol (InternetStackHelper with a
 * HostRouteTableHelper), which finds each route in constant time, and addresses on every link
 * before RouteTo is called.
 */
class StaticRoutePlanner
{
  public:
    /**
     * \brief Declare a link.
     * \param devA the device at one end
     * \param devB the device at the other end
     * \param weight the routing metric, in seconds of one-way latency
     * \return the link's index, in the order links were added
     */
    uint32_t AddLink(Ptr<NetDevice> devA, Ptr<NetDevice> devB, double weight);

    /**
     * \brief Install host routes towards every IPv4 address of `destination` on every node that
     * can reach it.
     * \param destination the destination node
     */
    void RouteTo(Ptr<Node> destination);

    /**
     * \brief Move one end of a link to another device (a UE handing over to another cell) and
     * update the routes that change.
     *
     * When the end that stays has no other link (a UE), no other node's shortest path passes
     * through it: the tree towards it is computed again,
     * and in every other tree only its own route changes next hop, rewritten in place; a
     * handover costs one Dijkstra, not one per destination. Otherwise every installed tree is
     * computed again.
     * \param link the link's index (from AddLink)
     * \param newDevA the device that replaces the link's first end (devA of AddLink)
     */
    void MoveLinkEnd(uint32_t link, Ptr<NetDevice> newDevA);

    /**
     * \brief The links of the shortest path from `source` to `destination`.
     * \param source the first node
     * \param destination the last node (RouteTo must have been called for it)
     * \return link indices from source to destination, or nullopt if unreachable
     */
    std::optional<std::vector<uint32_t>> GetPath(Ptr<Node> source, Ptr<Node> destination) const;

    /// \return the shortest-path trees computed so far (RouteTo and MoveLinkEnd), for tests.
    uint64_t GetTreesComputed() const;

  private:
    /** \brief One declared link. */
    struct Link
    {
        Ptr<NetDevice> devA; //!< one end
        Ptr<NetDevice> devB; //!< other end
        double weight;       //!< metric
    };

    /** \param node a node \return its graph vertex, creating it on first use */
    uint32_t Vertex(Ptr<Node> node);

    /**
     * \brief Every IPv4 address of a node's interfaces but the loopback.
     * \param node the node
     * \return its addresses
     */
    static std::vector<Ipv4Address> AddressesOf(Ptr<Node> node);

    /**
     * \brief Install (or overwrite) one vertex's host routes towards some addresses, through
     * one of its links.
     * \param vertex the vertex whose node gets the routes
     * \param link the link the routes leave by (the vertex's node is one of its ends)
     * \param destinations the addresses
     */
    void InstallRoutes(uint32_t vertex,
                       uint32_t link,
                       const std::vector<Ipv4Address>& destinations) const;

    std::vector<Link> m_links;                   //!< every link
    std::map<uint32_t, uint32_t> m_vertexOfNode; //!< ns-3 node id -> vertex
    std::vector<Ptr<Node>> m_nodes;              //!< vertex -> node
    uint64_t m_treesComputed = 0;                //!< Dijkstra runs
    std::map<uint32_t, std::vector<int64_t>>
        m_trees; //!< destination vertex -> link towards it per vertex (-1: none)
};

} // namespace ns3

#endif // BLUEPRINT_STATIC_ROUTE_PLANNER_H
