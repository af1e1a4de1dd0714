/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_NET_DEVICE_H
#define BLUEPRINT_NTN_NET_DEVICE_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/queue-size.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

class NtnChannel;

/**
 * \ingroup blueprint-ntn
 * \brief What terminal and gateway devices of an NtnChannel share: the NetDevice plumbing,
 * the traces and the bit counters.
 *
 * The devices carry IPv4 packets as they are (no link-layer header, no ARP): a terminal sends
 * everything to its gateway, and a gateway finds the terminal of a packet by its IPv4
 * destination. Traces: "MacTx" (accepted for sending), "MacTxDrop" (refused or dropped before the
 * air), "PhyTxEnd" (its transmission ended; what an EnergyMeter counts), "MacRx" (delivered up).
 */
class NtnNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnNetDevice();

    /**
     * \brief Hand a packet that arrived over the channel up to the node.
     * \param packet the packet (the IPv4 datagram).
     * \param from the link address of the sending device.
     */
    void Receive(Ptr<Packet> packet, Address from);

    /**
     * \brief Called by the channel when a packet this device sends leaves its queue for the air
     * interface (its beam's carrier chose it): fires "PhyTxBegin".
     * \param packet the packet.
     */
    void NotifyTransmitStart(Ptr<const Packet> packet);

    /**
     * \brief Called by the channel when a packet this device sends has left the air interface.
     * \param packet the packet.
     */
    void NotifyTransmitted(Ptr<const Packet> packet);

    /**
     * \brief Called by the channel when a packet of this device is dropped before the air.
     * \param packet the packet.
     */
    void NotifyDropped(Ptr<const Packet> packet);

    /// \return bits this device sent and received since the start (an energy model's load).
    uint64_t GetBitsCarried() const;

    /// \return the channel, typed.
    Ptr<NtnChannel> GetNtnChannel() const;

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsBridge() const override;
    bool IsPointToPoint() const override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

    /**
     * \brief Attach to a channel (by the channel's Attach functions).
     * \param channel the channel.
     */
    void SetNtnChannel(Ptr<NtnChannel> channel);

    /// IPv4's EtherType, the only protocol the devices carry.
    static constexpr uint16_t IPV4_PROTOCOL = 0x0800;

    TracedCallback<Ptr<const Packet>> m_macTxTrace;     //!< accepted for sending
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace; //!< dropped before the air
    QueueSize m_queueSize;                              //!< size of each transmit queue

  private:
    Ptr<Node> m_node;                                    //!< owner
    Ptr<NtnChannel> m_channel;                           //!< the channel
    uint32_t m_ifIndex;                                  //!< interface index
    Mac48Address m_address;                              //!< link address
    uint16_t m_mtu;                                      //!< MTU, bytes
    NetDevice::ReceiveCallback m_rxCallback;             //!< up to the node
    NetDevice::PromiscReceiveCallback m_promiscCallback; //!< promiscuous sniffers
    TracedCallback<Ptr<const Packet>> m_phyTxBeginTrace; //!< left its queue for the air
    TracedCallback<Ptr<const Packet>> m_phyTxEndTrace;   //!< left the air interface
    TracedCallback<Ptr<const Packet>> m_macRxTrace;      //!< delivered up
    uint64_t m_bitsCarried;                              //!< sent plus received bits
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_NET_DEVICE_H */
