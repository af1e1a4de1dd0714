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

/**
 * \ingroup blueprint
 * \brief An IPv4 routing protocol that holds only host routes, looked up in a hash table.
 *
 * ns-3's Ipv4StaticRouting walks every route, including one connected-network route per
 * interface, for every packet it forwards, so a router with a hundred links pays a hundred
 * comparisons per packet and a large scenario's run time grows faster than its size. A scenario's
 * traffic only ever goes to the addresses of its flow endpoints, for which StaticRoutePlanner
 * installs one host route each; this table finds them in constant time. Packets addressed to the
 * node itself are delivered locally; anything else has no route and is dropped, as a router
 * without a matching route drops it.
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
     * \param destination a host address
     * \return the route towards it, or nullptr
     */
    Ptr<Ipv4Route> Lookup(Ipv4Address destination) const;

    /** \return the number of host routes */
    uint32_t GetNRoutes() const;

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
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    Ptr<Ipv4> m_ipv4;                                      //!< the node's IPv4
    std::unordered_map<uint32_t, Ptr<Ipv4Route>> m_routes; //!< destination -> route
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

} // namespace ns3

#endif // BLUEPRINT_HOST_ROUTE_TABLE_H
