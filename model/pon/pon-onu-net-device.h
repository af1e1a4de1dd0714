/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_ONU_NET_DEVICE_H
#define BLUEPRINT_PON_ONU_NET_DEVICE_H

#include "model/pon/pon-net-device.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <deque>

namespace ns3
{
namespace blueprint
{

class PonOltNetDevice;

/**
 * \ingroup blueprint-pon
 * \brief An ONU: everything it sends goes upstream to the OLT, in the bursts the OLT grants.
 *
 * Packets wait in a drop-tail queue of QueueSize packets. In a granted burst the ONU sends, in
 * order, the header (and its report, if the burst carries one: the TC bytes still queued after
 * this burst) and then whole packets as long as they fit; a flavour with fragmentation (GEM,
 * XGEM) fills the rest with the first part of the next packet, whose remainder then carries a
 * header of its own. Each packet reaches the OLT when its last bit does. Downstream, the ONU
 * keeps the frames addressed to it (the tree delivers only those, see PonChannel) and every
 * broadcast frame.
 */
class PonOnuNetDevice : public PonNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PonOnuNetDevice();

    /**
     * \brief Attach the ONU to a tree whose OLT is already attached.
     * \param channel the tree.
     * \param distanceKm the fibre distance from the OLT.
     */
    void Attach(Ptr<PonChannel> channel, double distanceKm);

    /// \return the ONU's index on the tree (ONU-ID / LLID less one).
    uint32_t GetOnuIndex() const;

    /// \return the OLT of the tree.
    Ptr<PonOltNetDevice> GetOlt() const;

    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

    /**
     * \brief A downstream frame for this ONU arrived (called by the tree).
     * \param packet the packet.
     */
    void ReceiveDownstream(Ptr<Packet> packet);

    /**
     * \brief Send a granted burst now (scheduled by the OLT's scheduler at the ONU's transmit
     * time: its start at the OLT less the propagation delay).
     * \param payloadBytes payload TC bytes granted.
     * \param report whether the burst carries a report.
     * \param startAtOlt when the burst starts at the OLT.
     * \param standing whether it is a standing (fixed) grant.
     */
    void TransmitBurst(uint32_t payloadBytes, bool report, Time startAtOlt, bool standing);

    /**
     * \brief Send a report-only burst in the ONU's polling slot now.
     * \param startAtOlt when the slot starts at the OLT.
     */
    void TransmitPoll(Time startAtOlt);

    /// \return TC bytes queued (what a report says), fragment headers included.
    double GetQueuedBytes() const;

    /// \return packets queued.
    uint32_t GetQueuedPackets() const;

  protected:
    void DoDispose() override;

  private:
    uint32_t m_index;                //!< index on the tree
    uint32_t m_queueLimit;           //!< queue size, packets (attribute QueueSize)
    std::deque<Ptr<Packet>> m_queue; //!< waiting packets
    double m_encapsulatedBytes;      //!< sum of the queued packets' encapsulated sizes
    uint32_t m_headSent;             //!< bytes of the head packet already sent (fragmented)
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_ONU_NET_DEVICE_H */
