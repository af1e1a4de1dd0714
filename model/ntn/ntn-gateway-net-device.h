/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_GATEWAY_NET_DEVICE_H
#define BLUEPRINT_NTN_GATEWAY_NET_DEVICE_H

#include "model/ntn/ntn-net-device.h"

#include "ns3/ipv4-address.h"
#include "ns3/queue.h"

#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief A gateway (ground station, with its point of presence behind it) on an NtnChannel.
 *
 * A packet the node sends goes to the terminal whose IPv4 address is its destination, or
 * through which a framed route reaches it (AddFramedRoute; a broadcast goes to every terminal);
 * it waits in that terminal's forward queue at the gateway
 * (QueueSize each) until the forward carrier of the terminal's beam serves it.
 */
class NtnGatewayNetDevice : public NtnNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnGatewayNetDevice();

    /**
     * \brief Attach to a channel (NtnChannel::AttachGateway calls this).
     * \param channel the channel.
     * \param index the gateway's index on it.
     */
    void Attach(Ptr<NtnChannel> channel, uint32_t index);

    /// \return the gateway's index on its channel.
    uint32_t GetGatewayIndex() const;

    /**
     * \param terminal a terminal id on the channel.
     * \return the forward queue towards it (created with QueueSize on first use).
     */
    Ptr<Queue<Packet>> GetQueue(uint32_t terminal);

    /**
     * \brief Reach `destination` through the terminal whose address is `terminal`: a framed
     * route (a LAN behind a terminal that routes), told by the node's routing through the
     * FramedRouteSink NtnHelper aggregates to the device.
     * \param destination the destination (host) address, or 0.0.0.0 for a default route
     * \param terminal the terminal's address on the device's subnet
     */
    void AddFramedRoute(Ipv4Address destination, Ipv4Address terminal);

    /**
     * \param destination a destination whose framed route goes away
     */
    void RemoveFramedRoute(Ipv4Address destination);

    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  protected:
    void DoInitialize() override;
    void DoDispose() override;

  private:
    /**
     * \param terminal the destination terminal.
     * \param packet the packet.
     * \return true if queued.
     */
    bool Enqueue(uint32_t terminal, Ptr<Packet> packet);

    uint32_t m_index;                                      //!< index on the channel
    std::vector<Ptr<Queue<Packet>>> m_queues;              //!< per terminal id
    std::unordered_map<uint32_t, uint32_t> m_framedRoutes; //!< destination -> terminal address
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_GATEWAY_NET_DEVICE_H */
