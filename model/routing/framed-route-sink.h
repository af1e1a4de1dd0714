/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FRAMED_ROUTE_SINK_H
#define BLUEPRINT_FRAMED_ROUTE_SINK_H

#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What a point-to-multipoint device without address resolution must know about the
 * addresses it reaches through one of its terminals: framed routes.
 *
 * IPv4 hands a device the packet and a MAC destination, never the next hop's IP address: a
 * device that needs ARP gets the next hop's hardware address from it, one that does not (an NR
 * gNB, an LTE PGW's SGi side) gets its broadcast address and must find the terminal from the
 * packet's destination. For a terminal's own address it knows the answer (the address was
 * bound to the terminal when it attached). For an address *behind* a terminal, such as the LAN
 * of a fixed-wireless CPE that routes, it needs the routes: 3GPP calls them framed routes, IPv4
 * prefixes behind a UE bound to its PDU session (TS 23.501 clause 5.6.14; TS 29.061 clause 11.3,
 * Framed-Route, for the EPC's PGW).
 *
 * This object is aggregated to such a device by whoever builds it (NrHelper for a gNB,
 * LteCellBuilder for the core node's SGi link to the PGW). HostRouteTable tells it about every
 * route out of the device whose destination is not the next hop itself: Add() when a route
 * appears or changes to go through a terminal, Remove() when it goes away or leaves the device.
 * The device's table therefore always follows the routes the node holds, including after a
 * handover moves them. A default route out of the device is bound as destination 0.0.0.0.
 */
class FramedRouteSink : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Called with (destination, terminal): the terminal's address on the device's subnet.
    using AddCallback = Callback<void, Ipv4Address, Ipv4Address>;
    /// Called with the destination whose framed route goes away.
    using RemoveCallback = Callback<void, Ipv4Address>;

    /**
     * \brief Set what to do when routes appear and go.
     * \param add called by Add()
     * \param remove called by Remove()
     */
    void SetCallbacks(AddCallback add, RemoveCallback remove);

    /**
     * \brief A route to `destination` now leaves through the terminal `terminal`.
     * \param destination the destination (host) address, or 0.0.0.0 for a default route
     * \param terminal the terminal's address on the device's subnet (the route's next hop)
     */
    void Add(Ipv4Address destination, Ipv4Address terminal);

    /**
     * \brief The route to `destination` no longer leaves through this device.
     * \param destination the destination address, or 0.0.0.0 for a default route
     */
    void Remove(Ipv4Address destination);

  protected:
    void DoDispose() override;

  private:
    AddCallback m_add;       //!< Add()'s action
    RemoveCallback m_remove; //!< Remove()'s action
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FRAMED_ROUTE_SINK_H
