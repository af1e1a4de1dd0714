/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_OLT_NET_DEVICE_H
#define BLUEPRINT_PON_OLT_NET_DEVICE_H

#include "model/pon/pon-net-device.h"

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>

namespace ns3
{
namespace blueprint
{

class PonDba;
class PonFlavour;
class PonUpstreamScheduler;

/**
 * \ingroup blueprint-pon
 * \brief The OLT's PON port: sends downstream to every ONU of the tree and receives the
 * upstream bursts its PonUpstreamScheduler grants.
 *
 * **Downstream** is one serial transmitter at the flavour's TC rate less its per-frame overhead:
 * each packet takes its encapsulated size (GEM/XGEM header or Ethernet preamble and gap) at that
 * rate, grant messages (BWmap allocations, GATEs) take their bytes in between, and the tree
 * delivers it after the ONU's propagation delay. Downstream packets wait in a drop-tail queue of
 * QueueSize packets. A packet goes to the ONU whose address is its destination, or that a framed
 * route names for it (a LAN behind the ONU), or to every ONU when it is broadcast.
 *
 * **Upstream** packets arrive whole, when their last bit reaches the OLT; the OLT hands them up.
 */
class PonOltNetDevice : public PonNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PonOltNetDevice();

    /**
     * \brief Attach the OLT port to a tree (once), after setting Flavour and Dba.
     * \param channel the tree.
     */
    void Attach(Ptr<PonChannel> channel);

    /// \return the flavour (attribute Flavour).
    Ptr<PonFlavour> GetFlavour() const;
    /// \return the DBA policy (attribute Dba).
    Ptr<PonDba> GetDba() const;
    /// \return the upstream scheduler.
    Ptr<PonUpstreamScheduler> GetScheduler() const;

    /**
     * \brief Bind an ONU's IPv4 address to it (after addresses are assigned).
     * \param onu the ONU's index on the tree.
     * \param address its address on the PON subnet.
     */
    void AddOnuAddress(uint32_t onu, Ipv4Address address);

    /**
     * \brief Reach `destination` through the ONU whose address is `terminal` (FramedRouteSink).
     * \param destination a host address, or 0.0.0.0 for a default route.
     * \param terminal the ONU's address on the PON subnet.
     */
    void AddFramedRoute(Ipv4Address destination, Ipv4Address terminal);

    /**
     * \brief Forget a framed route.
     * \param destination the destination.
     */
    void RemoveFramedRoute(Ipv4Address destination);

    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

    /**
     * \brief An upstream packet's last bit reached the OLT (called by the tree).
     * \param packet the packet.
     * \param onu the sending ONU.
     */
    void ReceiveUpstream(Ptr<Packet> packet, uint32_t onu);

    /**
     * \brief Send control bytes downstream (grant messages), ahead of the next data.
     * \param bytes TC bytes.
     */
    void AddDownstreamControlBytes(double bytes);

    /**
     * \brief The share of downstream time standing grant messages take every frame.
     * \param fraction in [0, 1).
     */
    void SetStandingControlFraction(double fraction);

    /// \return packets waiting downstream.
    uint32_t GetDownstreamQueueLength() const;

  protected:
    void DoInitialize() override;
    void DoDispose() override;

  private:
    /// Start the next downstream transmission if the transmitter is free.
    void StartDownstream();
    /// The transmission in progress has ended.
    void DownstreamDone();

    Ptr<PonFlavour> m_flavour;                           //!< the standard
    Ptr<PonDba> m_dba;                                   //!< the policy
    Ptr<PonUpstreamScheduler> m_scheduler;               //!< the upstream engine
    uint32_t m_queueLimit;                               //!< downstream queue, packets
    std::deque<std::pair<Ptr<Packet>, int64_t>> m_queue; //!< (packet, ONU or -1 for all)
    bool m_busy;                                         //!< a transmission is in progress
    Time m_freeAt;                                       //!< when control bytes sent so far end
    double m_standingFraction; //!< downstream share of standing grant messages
    std::unordered_map<uint32_t, uint32_t> m_onuByAddress; //!< ONU address -> index
    std::unordered_map<uint32_t, uint32_t> m_framedRoutes; //!< destination -> ONU address
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_OLT_NET_DEVICE_H */
