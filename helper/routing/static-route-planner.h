/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_STATIC_ROUTE_PLANNER_H
#define BLUEPRINT_STATIC_ROUTE_PLANNER_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Least-latency static routing over the whole topology, computed with Boost.Graph, at a
 * cost linear in the size of the scenario.
 *
 * ns-3's global routing installs a route to every network on every node, which is quadratic in
 * the size of the topology (10,000 nodes would need about 10^8 routes). A scenario only needs
 * routes towards the nodes its flows talk to (RouteTo), and most of its nodes are stubs, so:
 *
 * - **Stubs.** A node with a single link (a host, a UE, a server on one LAN) reaches everything
 *   through it: it gets one default route and no host route. (Unless that link leaves through a
 *   device that learns framed routes, such as the core's SGi link to an LTE PGW: such a device
 *   binds whole addresses to terminals, so the node gets host routes.)
 * - **Transit nodes** (two links or more) get one host route per address of every destination.
 *   Host routes that share a next hop and interface share one route object (HostRouteTable).
 * - **Trees.** The next hops towards a destination come from one Dijkstra (the shortest-path
 *   tree rooted at it, on the undirected link graph weighted by each link's one-way latency).
 *   A stub destination is reached through its only neighbour, so it reuses that neighbour's
 *   tree: the 10,000 UEs of a cell need the gNB's one tree, not 10,000. Trees are computed
 *   once per root and kept.
 *
 * D destinations on a graph of V nodes, E links, T transit nodes and R tree roots cost
 * O(R (E + V log V) + D T) time and O(V + D T) routes, linear in the number of UEs of a cell
 * (R and T do not grow with them).
 *
 * **Which path.** The least total latency. Latencies are rounded to whole picoseconds and added
 * exactly, so the choice does not depend on which node a tree is rooted at or on the order of
 * floating-point additions. Where several neighbours of a node lie on least-latency paths, the
 * node uses the link declared first (lowest AddLink index): a documented, stable rule.
 *
 * **Terminals that route.** When a route leaves a node through a point-to-multipoint device
 * towards an address behind one of its terminals (a LAN behind a fixed-wireless CPE), the
 * node's HostRouteTable tells the device's FramedRouteSink, so the gNB or the PGW knows which
 * terminal to send it to.
 *
 * Nodes must have a HostRouteTable as their routing protocol (InternetStackHelper with a
 * HostRouteTableHelper), and addresses on every link before RouteTo is called.
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
     * \brief Route towards every IPv4 address of `destination` from every node that can reach
     * it: host routes on the transit nodes, default routes on the stubs.
     * \param destination the destination node
     */
    void RouteTo(Ptr<Node> destination);

    /**
     * \brief Move one end of a link to another device (a UE handing over to another cell) and
     * update the routes that change.
     *
     * When the end that stays is a stub (a UE), no other node's shortest path passes through
     * it: its default route turns to the new neighbour, the routes towards it follow the new
     * neighbour's tree (one Dijkstra if that tree is not known yet), and the two nodes whose
     * number of links changed become stubs or transit nodes as they now are. When it has other
     * links (a CPE with a LAN behind it), every tree is computed again and every route
     * re-installed, so the routes to the addresses behind it follow the move.
     * \param link the link's index (from AddLink)
     * \param newDevA the device that replaces the link's first end (devA of AddLink)
     */
    void MoveLinkEnd(uint32_t link, Ptr<NetDevice> newDevA);

    /**
     * \brief Take links out of the graph (a cut, a node without power) or put them back, and
     * move the routes that change, recomputing only what the change touches.
     *
     * Taking links out: a tree is computed again only if one of the links is on it (the next
     * hop of one of the link's ends); trees that do not use them stay shortest-path trees, since
     * removing a link lengthens no path that avoids it. Putting links back: a tree is computed
     * again only if one of the links would give one of its ends a path at most as long as the
     * one the tree has (a link that offers no shorter or equally short path changes no next hop).
     * Then the host routes towards the destinations whose tree was computed again (or whose
     * tree root changed: a stub whose only link went) are installed again on every transit
     * node. Each check is O(1) per tree and link, so a fault costs the Dijkstras it needs and
     * O(T) per destination it touches, linear as RouteTo is.
     *
     * Nodes keep their role (stub, transit) while links are out: a stub whose only link is out
     * keeps its default route over it, which carries nothing until the link is back.
     *
     * \param links the links' indices (from AddLink)
     * \param up false: take them out; true: put them back
     * \param reroute when putting links back, whether routes move onto them now (revertive
     *        failover); false leaves every tree as it is, so routes move onto the links only when
     *        a later change makes routing compute a tree again
     */
    void SetLinksUp(const std::vector<uint32_t>& links, bool up, bool reroute = true);

    /**
     * \param link a link's index
     * \return whether it is in the graph (not taken out by SetLinksUp)
     */
    bool IsLinkUp(uint32_t link) const;

    /**
     * \brief The links of the path a packet from `source` to `destination` takes.
     * \param source the first node
     * \param destination the last node (RouteTo must have been called for it)
     * \return link indices from source to destination, or nullopt if unreachable
     */
    std::optional<std::vector<uint32_t>> GetPath(Ptr<Node> source, Ptr<Node> destination) const;

    /// \return the shortest-path trees computed so far (one Dijkstra each), for tests.
    uint64_t GetTreesComputed() const;

  private:
    /** \brief One declared link. */
    struct Link
    {
        Ptr<NetDevice> devA;    //!< one end
        Ptr<NetDevice> devB;    //!< other end
        uint32_t a = 0;         //!< devA's vertex
        uint32_t b = 0;         //!< devB's vertex
        double picoseconds = 1; //!< metric: one-way latency in whole picoseconds (at least 1)
        uint32_t slotA = 0;     //!< position in a's list of links
        uint32_t slotB = 0;     //!< position in b's list of links
        bool up = true;         //!< in the graph (SetLinksUp)

        /** \param v one end's vertex \return the other end's vertex */
        uint32_t Other(uint32_t v) const;
    };

    /** \brief What the planner installed on a node's routing table. */
    enum class Role : uint8_t
    {
        None,    //!< nothing (no link, or not planned yet)
        Stub,    //!< one default route
        Transit, //!< host routes towards every destination
    };

    /** \brief One node of the graph. */
    struct Vertex
    {
        Ptr<Node> node;              //!< the node
        std::vector<uint32_t> links; //!< its links (indices into m_links), in no order
        Role role = Role::None;      //!< what is installed on it
        uint32_t transitSlot = 0;    //!< position in m_transit while a transit node
        bool destination = false;    //!< RouteTo was called for it
    };

    /** \brief A shortest-path tree. */
    struct Tree
    {
        std::vector<int32_t> next;    //!< per vertex, the link towards the root (-1: root, none)
        std::vector<double> distance; //!< per vertex, ps to the root (infinity: unreachable)

        /** \param v a vertex \return its link towards the root, -1 for none or a new vertex */
        int32_t NextOf(uint32_t v) const;

        /** \param v a vertex \return its distance to the root, infinity for a new vertex */
        double DistanceOf(uint32_t v) const;
    };

    /** \param node a node \return its vertex, creating it on first use */
    uint32_t VertexOf(Ptr<Node> node);

    /**
     * \brief Add a link to the list of one of its ends.
     * \param link the link
     * \param v one of its ends
     */
    void Attach(uint32_t link, uint32_t v);

    /**
     * \brief Take a link out of the list of one of its ends, in constant time.
     * \param link the link
     * \param v one of its ends
     */
    void Detach(uint32_t link, uint32_t v);

    /**
     * \param d a destination vertex
     * \return the root of the tree that gives the next hops towards d: d itself, or for a stub
     *         without a tree of its own, its only neighbour
     */
    uint32_t RootOf(uint32_t d) const;

    /**
     * \param root a vertex
     * \return the shortest-path tree rooted at it, computed on first use
     */
    const Tree& TreeOf(uint32_t root) const;

    /**
     * \param d a destination vertex
     * \param v another vertex
     * \return the link v forwards packets for d on, or -1 if d is unreachable from v
     */
    int32_t NextLink(uint32_t d, uint32_t v) const;

    /**
     * \brief Install what a vertex's number of links calls for (Role), if that changed: a
     * default route, or host routes towards every destination, or nothing.
     * \param v the vertex
     */
    void UpdateRole(uint32_t v);

    /**
     * \brief Install (or remove, if d is unreachable) the host routes towards d on one vertex.
     * \param d a destination vertex
     * \param v a transit vertex
     * \param addresses d's addresses
     */
    void InstallTowards(uint32_t d, uint32_t v, const std::vector<Ipv4Address>& addresses) const;

    /**
     * \brief Install the host routes towards d on every transit vertex.
     * \param d a destination vertex
     */
    void InstallDestination(uint32_t d) const;

    /**
     * \param link a link
     * \param v one of its ends
     * \return whether v's device on the link learns framed routes (FramedRouteSink): a node
     *         whose only link leaves through such a device gets host routes, not a default
     *         route, because the device can bind addresses to terminals but not everything
     */
    bool LearnsFramedRoutes(uint32_t link, uint32_t v) const;

    /**
     * \brief Install a vertex's routes again for its role (its link moved).
     * \param v the vertex
     */
    void Refresh(uint32_t v) const;

    /**
     * \brief Point a stub's default route at its only link.
     * \param v the stub's vertex
     */
    void InstallDefault(uint32_t v) const;

    /**
     * \param tree a tree
     * \param link a link's index
     * \param up whether the link is being put back (else taken out)
     * \return whether the change of that link can change the tree's next hops
     */
    bool Touches(const Tree& tree, uint32_t link, bool up) const;

    /** \brief Compute every role and every destination's routes afresh (after AddLink). */
    void Replan();

    /**
     * \brief Every IPv4 address of a node's interfaces but the loopback.
     * \param node the node
     * \return its addresses
     */
    static std::vector<Ipv4Address> AddressesOf(Ptr<Node> node);

    std::vector<Link> m_links;                          //!< every link
    std::vector<Vertex> m_vertices;                     //!< every node seen in a link
    std::unordered_map<uint32_t, uint32_t> m_vertexOf;  //!< ns-3 node id -> vertex
    std::vector<uint32_t> m_transit;                    //!< the transit vertices, in no order
    std::vector<uint32_t> m_destinations;               //!< RouteTo's vertices, in call order
    bool m_planned = false;                             //!< roles installed for the current links
    mutable std::unordered_map<uint32_t, Tree> m_trees; //!< root vertex -> its tree
    mutable uint64_t m_treesComputed = 0;               //!< Dijkstra runs
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_STATIC_ROUTE_PLANNER_H
