/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_GATEWAY_NET_DEVICE_H
#define BLUEPRINT_NTN_GATEWAY_NET_DEVICE_H

#include "model/ntn/ntn-net-device.h"

#include "ns3/queue.h"

#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief A gateway (ground station, with its point of presence behind it) on an NtnChannel.
 *
 * A packet the node sends goes to the terminal whose IPv4 address is its destination (a
 * broadcast goes to every terminal); it waits in that terminal's forward queue at the gateway
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

    uint32_t m_index;                         //!< index on the channel
    std::vector<Ptr<Queue<Packet>>> m_queues; //!< per terminal id
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_GATEWAY_NET_DEVICE_H */
