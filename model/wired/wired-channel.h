/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIRED_CHANNEL_H
#define BLUEPRINT_WIRED_CHANNEL_H

#include "ns3/nstime.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/ptr.h"

#include <array>

namespace ns3
{

class PointToPointNetDevice;

namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A point-to-point wire whose receiving ends may add a fixed processing delay.
 *
 * A packet sent by one end arrives at the other end txTime + Delay + the receiving end's
 * processing delay after transmission starts. Delay (inherited Attribute) holds everything the
 * wire itself adds per direction: propagation over the length plus line equipment latency such as
 * DSL interleaving or FEC. The receive processing delay models an IP router's per-hop forwarding
 * latency (lookup and switching). Forwarding engines are pipelined, so this latency delays every
 * packet but does not serialise them: packets keep the order and spacing the sender's transmitter
 * gave them. The real queues remain the sender's device queue and traffic-control queue disc.
 *
 * Everything else is PointToPointChannel's behaviour: the receive event is scheduled in the
 * receiving node's context and the receiver gets its own copy of the packet.
 */
class WiredChannel : public PointToPointChannel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a channel with zero delay and no receive processing at either end.
    WiredChannel();

    /**
     * \brief Set the processing delay a packet incurs when \p end receives it.
     * \param end a device already attached to this channel.
     * \param delay the per-packet receive processing delay (not negative).
     */
    void SetReceiveProcessingDelay(Ptr<PointToPointNetDevice> end, Time delay);

    /**
     * \brief Get the processing delay of a receiving end.
     * \param end a device already attached to this channel.
     * \return the receive processing delay of \p end (zero unless set).
     */
    Time GetReceiveProcessingDelay(Ptr<PointToPointNetDevice> end) const;

    /**
     * \brief Transmit a packet over this channel.
     * \param p the packet to transmit.
     * \param src the device transmitting it.
     * \param txTime the time the transmitter takes to put the packet on the wire.
     * \return true (the transmission always succeeds, as in PointToPointChannel).
     */
    bool TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime) override;

  private:
    /**
     * \brief Find the attachment index of a device.
     * \param end the device to look for.
     * \return its index (0 or 1); aborts if \p end is not attached to this channel.
     */
    std::size_t IndexOf(Ptr<PointToPointNetDevice> end) const;

    /// Receive processing delay of the device attached at index 0 and 1.
    std::array<Time, 2> m_receiveProcessing;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_WIRED_CHANNEL_H */
