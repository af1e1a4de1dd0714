/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_TERMINAL_NET_DEVICE_H
#define BLUEPRINT_NTN_TERMINAL_NET_DEVICE_H

#include "model/ntn/ntn-net-device.h"

#include "ns3/queue.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief A user terminal (dish, VSAT, handset, CPE) on an NtnChannel.
 *
 * Everything the node sends goes to the terminal's gateway: packets wait in the terminal's
 * transmit queue (QueueSize) until the return carrier of its beam serves it, and the channel
 * carries them over the path of the moment. Its rain rate (SetRainRate) is the rain at its
 * site, which attenuates both directions of its service link.
 */
class NtnTerminalNetDevice : public NtnNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnTerminalNetDevice();

    /**
     * \brief Attach to a channel (NtnChannel::AttachTerminal calls this).
     * \param channel the channel.
     * \param id the terminal's id on it.
     */
    void Attach(Ptr<NtnChannel> channel, uint32_t id);

    /// \return the terminal's id on its channel.
    uint32_t GetTerminalId() const;

    /// \return the transmit queue (created with QueueSize on first use).
    Ptr<Queue<Packet>> GetQueue();

    /**
     * \brief Set the rain rate at the terminal's site from now on (a storm starts or ends).
     * \param mmPerHour the rain rate, mm/h (0 = clear sky).
     */
    void SetRainRate(double mmPerHour);

    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  protected:
    void DoInitialize() override;
    void DoDispose() override;

  private:
    uint32_t m_id;              //!< id on the channel
    Ptr<Queue<Packet>> m_queue; //!< transmit queue
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_TERMINAL_NET_DEVICE_H */
