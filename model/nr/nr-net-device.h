/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_NET_DEVICE_H
#define BLUEPRINT_NR_NET_DEVICE_H

#include "model/nr/nr-channel.h"

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What the NR gNB and UE devices share as ns-3 NetDevices: a point-to-multipoint device
 * on an NrChannel, with a MAC-48 address, an MTU, no ARP and no SendFrom. The subclasses carry
 * the MAC (NrGnbNetDevice, NrUeNetDevice).
 */
class NrNetDevice : public NetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NrNetDevice();

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
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

    Ptr<Node> m_node;                                    //!< the node
    uint32_t m_ifIndex;                                  //!< interface index
    Mac48Address m_address;                              //!< MAC address
    uint16_t m_mtu;                                      //!< MTU
    Ptr<NrChannel> m_channel;                            //!< radio channel
    NetDevice::ReceiveCallback m_rxCallback;             //!< protocol handler
    NetDevice::PromiscReceiveCallback m_promiscCallback; //!< promiscuous handler
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_NET_DEVICE_H
