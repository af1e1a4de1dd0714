/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_HOST_ROUTE_TABLE_H
#define BLUEPRINT_HOST_ROUTE_TABLE_H

#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-helper.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"

#include <unordered_map>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief An IPv4 routing protocol that holds host routes, looked up in a hash table, and at most
 * one default route.
 *
 * ns-3's Ipv4StaticRouting walks every route, including one connected-network route per
 * interface, for every packet it forwards, so a router with a hundred links pays a hundred
 * comparisons per packet and a large scenario's run time grows faster than its size. A scenario's
 * traffic only ever goes to the addresses of its flow endpoints, for which StaticRoutePlanner
 * installs one host route each on the nodes that forward; this table finds them in constant
 * time. A node with a single link (a stub: a host, a UE) gets one default route instead. Packets
 * addressed to the node itself are delivered locally; anything else without a route is dropped,
 * as a router without a matching route drops it.
 *
 * **Shared route objects.** Every host route with the same next hop and interface points to one
 * Ipv4Route object (ns-3 reads a route's destination field only to print it, so it is left at
 * 0.0.0.0): a core router that reaches 10,000 UEs through one gNB holds 10,000 hash entries and
 * one route object, not 10,000 objects.
 *
 * **Framed routes.** When a route leaves through a device that has a FramedRouteSink aggregated
 * (a point-to-multipoint device that does not resolve next hops, such as an NR gNB) and its
 * destination is not the next hop itself, the sink is told (FramedRouteSink::Add), and told
 * again when the route changes or goes (FramedRouteSink::Remove): that is how a gNB learns
 * which UE leads to an address behind it.
 */
class HostRouteTable : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Add or replace the route towards one address.
     * \param destination the destination host address
     * \param nextHop the neighbour to hand the packet to (on a point-to-point link, its address)
     * \param interface the outgoing interface
     */
    void AddHostRoute(Ipv4Address destination, Ipv4Address nextHop, uint32_t interface);

    /**
     * \brief Remove the route towards one address, if any.
     * \param destination the destination host address
     * \return whether a route was removed
     */
    bool RemoveHostRoute(Ipv4Address destination);

    /**
     * \brief Add or replace the default route: the route of every address without a host route.
     * \param nextHop the neighbour to hand the packets to
     * \param interface the outgoing interface
     */
    void SetDefaultRoute(Ipv4Address nextHop, uint32_t interface);

    /**
     * \brief Remove the default route, if any.
     * \return whether there was one
     */
    bool RemoveDefaultRoute();

    /// \brief Remove every route, the default route included.
    void Clear();

    /**
     * \param destination a host address
     * \return the route a packet to it takes: its host route, else the default route, else
     *         nullptr
     */
    Ptr<Ipv4Route> Lookup(Ipv4Address destination) const;

    /// \return the default route, or nullptr
    Ptr<Ipv4Route> GetDefaultRoute() const;

    /** \return the number of host routes (the default route not included) */
    uint32_t GetNRoutes() const;

    /**
     * \return the number of distinct route objects the host routes and the default route
     *         point to (one per next hop and interface in use)
     */
    uint32_t GetNRouteObjects() const;

    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    /**
     * \brief Keep every route: a failed interface is routed around by the planner after the
     * failover's detection and reconvergence times, not at once (doc/faults.rst).
     * \param interface the interface that went down
     */
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /**
     * \param nextHop a next hop
     * \param interface an outgoing interface
     * \return the one route object of that next hop and interface, created on first use
     */
    Ptr<Ipv4Route> SharedRoute(Ipv4Address nextHop, uint32_t interface);

    /**
     * \brief Tell the output device's FramedRouteSink, if it has one, that a route to
     * `destination` goes (or no longer goes) through it.
     * \param destination the destination, 0.0.0.0 for the default route
     * \param route the route
     * \param add true when the route appears, false when it goes
     */
    void NotifySink(Ipv4Address destination, Ptr<Ipv4Route> route, bool add) const;

    Ptr<Ipv4> m_ipv4;                                      //!< the node's IPv4
    std::unordered_map<uint32_t, Ptr<Ipv4Route>> m_routes; //!< destination -> route
    Ptr<Ipv4Route> m_default;                              //!< the default route, or nullptr
    std::unordered_map<uint64_t, Ptr<Ipv4Route>> m_shared; //!< (next hop, interface) -> route
};

/**
 * \ingroup blueprint
 * \brief Installs a HostRouteTable on nodes (for InternetStackHelper::SetRoutingHelper).
 */
class HostRouteTableHelper : public Ipv4RoutingHelper
{
  public:
    HostRouteTableHelper* Copy() const override;
    Ptr<Ipv4RoutingProtocol> Create(Ptr<Node> node) const override;

    /**
     * \param ipv4 a node's IPv4
     * \return its HostRouteTable, or nullptr if it has another routing protocol
     */
    static Ptr<HostRouteTable> Get(Ptr<Ipv4> ipv4);
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_HOST_ROUTE_TABLE_H
