/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIRED_LINK_HELPER_H
#define BLUEPRINT_WIRED_LINK_HELPER_H

#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

struct WiredLinkProfile;

/**
 * \ingroup blueprint
 * \brief What one wired link between a first node A and a second node B should be.
 */
struct WiredLinkSettings
{
    std::string profile; //!< WiredLinkProfile catalogue name
    /// Rate A->B ("downstream": from the first node to the second), bit/s; 0 = the profile's
    /// rate at this length.
    double rateDown = 0.0;
    /// Rate B->A, bit/s; 0 = the profile's upstream rate, or rateDown for symmetric profiles.
    double rateUp = 0.0;
    double lengthMetres = 0.0; //!< cable length
    Time extraLatency;         //!< user-added equipment latency per direction
    Time processingA;          //!< receive-side processing delay of node A (its EquipmentProfile)
    Time processingB;          //!< receive-side processing delay of node B (its EquipmentProfile)
    /// Capacity caps of the end equipment, bit/s (0 = none); each direction's rate becomes
    /// min(rate, capA, capB).
    double capA = 0.0;
    double capB = 0.0;              //!< see capA
    std::string queueSize = "100p"; //!< device TxQueue MaxSize, e.g. "100p" or "1MB"
    uint16_t mtu = 1500;            //!< device MTU, bytes
};

/**
 * \brief The line rate of each direction of a wired link, bit/s.
 */
struct WiredLinkRates
{
    double aToB; //!< A->B (downstream)
    double bToA; //!< B->A (upstream)
};

/**
 * \brief Builds wired links: two PointToPointNetDevices joined by a WiredChannel.
 *
 * The channel's Delay is propagation over the length plus the profile's equipment latency plus
 * the user's extra latency; each end adds its node's receive processing delay. Each device sends
 * at its direction's rate from a DropTail queue of the given size, and, as PointToPointHelper
 * does, exposes that queue to traffic control so the queue disc above it is flow-controlled.
 */
class WiredLinkHelper
{
  public:
    /**
     * \brief Create the link.
     * \param a the first node (network side; its device sends downstream).
     * \param b the second node.
     * \param s the link settings.
     * \return the two devices, A's first.
     * \throws std::invalid_argument with a clear message on impossible settings: unknown profile,
     *         negative length or length over the profile's reach, a rate that is zero or above
     *         the profile's highest, a negative latency or cap, a bad queue size or MTU.
     */
    NetDeviceContainer Install(Ptr<Node> a, Ptr<Node> b, const WiredLinkSettings& s);

    /**
     * \brief The one-way delay the link adds in one direction for one packet.
     *
     * Propagation + equipment latency + extra latency + serialisation of \p bytesOnWire at the
     * direction's rate + the receiving end's processing delay. Queueing is not included.
     *
     * \param s the link settings.
     * \param bytesOnWire the packet size on the wire (IP packet + 2-byte PPP header).
     * \param aToB true for A->B, false for B->A.
     * \return the delay; \throws std::invalid_argument as Install does.
     */
    static Time OneWayDelay(const WiredLinkSettings& s, uint32_t bytesOnWire, bool aToB);

    /**
     * \brief Propagation delay over the link's length.
     * \param s the link settings.
     * \return length times the profile's delay per metre; \throws std::invalid_argument as
     *         Install does.
     */
    static Time PropagationDelay(const WiredLinkSettings& s);

    /**
     * \brief The per-direction delay of the wire itself: propagation + equipment + extra latency.
     * \param s the link settings.
     * \return the WiredChannel Delay; \throws std::invalid_argument as Install does.
     */
    static Time ChannelDelay(const WiredLinkSettings& s);

    /**
     * \brief The rates the link runs at, after profile defaults, the profile's limits and caps.
     * \param s the link settings.
     * \return both directions' rates; \throws std::invalid_argument as Install does.
     */
    static WiredLinkRates EffectiveRates(const WiredLinkSettings& s);

  private:
    /**
     * \brief Check every setting and look the profile up.
     * \param s the link settings.
     * \return the profile; \throws std::invalid_argument on an impossible setting.
     */
    static const WiredLinkProfile& Validate(const WiredLinkSettings& s);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_WIRED_LINK_HELPER_H */
