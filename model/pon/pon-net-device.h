/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_NET_DEVICE_H
#define BLUEPRINT_PON_NET_DEVICE_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/traced-callback.h"

namespace ns3
{
namespace blueprint
{

class PonChannel;

/**
 * \ingroup blueprint-pon
 * \brief What the OLT and ONU devices share as NetDevices: a MAC-48 address, an MTU, IPv4 without
 * ARP (the OLT finds the ONU from the destination address; an ONU sends everything to the OLT),
 * and the traces MacTx, MacTxDrop, MacRx and PhyTxEnd (the last is what EnergyMeter counts).
 */
class PonNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PonNetDevice();

    /// \return the PON channel (the tree) this device is on.
    Ptr<PonChannel> GetPonChannel() const;

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
     * \brief Hand a received IPv4 packet up the stack.
     * \param packet the packet.
     * \param from the sender's MAC address.
     */
    void DeliverUp(Ptr<Packet> packet, const Address& from);

    /// IPv4's EtherType, the only protocol the devices carry.
    static constexpr uint16_t IPV4_PROTOCOL = 0x0800;

    Ptr<Node> m_node;                                    //!< the node
    uint32_t m_ifIndex;                                  //!< interface index
    Mac48Address m_address;                              //!< MAC address
    uint16_t m_mtu;                                      //!< MTU, bytes
    Ptr<PonChannel> m_channel;                           //!< the tree
    NetDevice::ReceiveCallback m_rxCallback;             //!< protocol handler
    NetDevice::PromiscReceiveCallback m_promiscCallback; //!< promiscuous handler

    TracedCallback<Ptr<const Packet>> m_macTxTrace;     //!< accepted for sending
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace; //!< refused or dropped before sending
    TracedCallback<Ptr<const Packet>> m_macRxTrace;     //!< received and handed up
    TracedCallback<Ptr<const Packet>> m_phyTxEndTrace;  //!< finished transmitting
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_NET_DEVICE_H */
