/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_UE_NET_DEVICE_H
#define BLUEPRINT_NR_UE_NET_DEVICE_H

#include "model/nr/nr-net-device.h"
#include "model/nr/nr-rx-reassembly.h"
#include "model/nr/nr-transport-block.h"
#include "model/nr/nr-tx-buffer.h"

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrChannel;
class NrGnbNetDevice;

/**
 * \ingroup blueprint
 * \brief The NR device of one UE: carries IPv4 packets to and from its serving gNB.
 *
 * Everything the UE sends goes to its serving gNB (IPv4 only, no ARP: NeedsArp() is false). A
 * packet given to Send() waits in the UE's uplink buffer (NrTxBuffer) until a PUSCH of the
 * serving gNB's slot engine takes it; the uplink access procedure (scheduling request and
 * buffer status reports, or configured grant) is run by NrGnbNetDevice on the UE's behalf, so
 * all timing lives in one place. Downlink transport blocks decoded by the UE are reassembled
 * (NrRxReassembly) and complete packets go up with protocol 0x0800 the moment their last byte is
 * decoded (t_UE,rx after the end of the PDSCH, TR 37.910 clause 5.7.1).
 *
 * The device belongs to one gNB for its lifetime (no handover).
 */
class NrUeNetDevice : public NrNetDevice
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a device that is not attached to a gNB.
    NrUeNetDevice();

    /// Destroy the device.
    ~NrUeNetDevice() override;

    /**
     * \brief Attach the device to its serving gNB (called by NrGnbNetDevice::AttachUe()).
     * \param gnb the serving gNB's device.
     * \param ueIndex the UE's index in that cell.
     */
    void Attach(Ptr<NrGnbNetDevice> gnb, uint32_t ueIndex);

    /// \return the serving gNB's device (null before Attach() and during a handover).
    Ptr<NrGnbNetDevice> GetGnb() const;

    /**
     * \brief Leave the serving cell at the start of a handover's interruption.
     *
     * Uplink packets sent from now on wait in the UE's buffer; a partly sent SDU will be sent
     * again whole in the target cell (RLC re-establishment, TS 38.322 clause 5.1.2).
     */
    void StartHandover();

    /**
     * \brief Join the target cell at the end of the interruption (random access done) and tell
     * it about uplink data that waited.
     * \param gnb the target gNB; it must have connected the UE (NrGnbNetDevice::ConnectUe()).
     * \param ueIndex the UE's index in the target cell.
     */
    void CompleteHandover(Ptr<NrGnbNetDevice> gnb, uint32_t ueIndex);

    /// \return true between StartHandover() and CompleteHandover().
    bool IsInHandover() const;

    /// \return the UE's index in its cell.
    uint32_t GetUeIndex() const;

    /**
     * \brief Set the radio channel and this UE's index on it (NrChannel::AddUe()).
     * \param channel the channel.
     * \param channelIndex the index AddUe() returned.
     */
    void SetNrChannel(Ptr<NrChannel> channel, uint32_t channelIndex);

    /// \return the radio channel.
    Ptr<NrChannel> GetNrChannel() const;

    /// \return the UE's index on the channel.
    uint32_t GetChannelIndex() const;

    /// \return the UE's PDSCH/PUSCH processing capability, 1 or 2 (TS 38.214 clauses 5.3, 6.4).
    uint8_t GetCapability() const;

    /**
     * \brief Get the bytes the uplink buffer needs to send everything, MAC/RLC/PDCP headers
     * included (what a buffer status report announces).
     * \return the bytes.
     */
    uint64_t GetUlPendingBytes() const;

    /**
     * \brief Get the bytes of the uplink buffer that are ready to go at a time.
     * \param now the time a transport block would be built.
     * \return the bytes, headers included.
     */
    uint64_t GetUlReadyBytes(Time now) const;

    /// \return true if the uplink buffer holds data.
    bool HasUlData() const;

    /**
     * \brief Fill an uplink transport block from the buffer (called by the gNB's slot engine at
     * the start of the PUSCH).
     * \param capacityBytes the room for MAC SDUs in the block.
     * \param now the PUSCH start; packets not ready by then stay.
     * \return the SDUs and segments in the block.
     */
    std::vector<NrTbSegment> FillUlTransportBlock(uint32_t capacityBytes, Time now);

    /**
     * \brief Take a downlink transport block the UE finished decoding, or that HARQ gave up on.
     * \param segments the block's segments.
     * \param decoded true if decoded (complete packets go up), false if its data is lost.
     */
    void ReceiveDlTransportBlock(std::vector<NrTbSegment> segments, bool decoded);

    /// \return the IP packets delivered up so far.
    uint64_t GetDeliveredPackets() const;

    /// \return the downlink packets lost to HARQ failure so far.
    uint64_t GetLostPackets() const;

    /**
     * \brief Set the most packets the uplink buffer holds.
     * \param maxPackets the limit, > 0.
     */
    void SetUlQueueMaxPackets(uint32_t maxPackets);

    /// \return the most packets the uplink buffer holds.
    uint32_t GetUlQueueMaxPackets() const;

    /// \return the uplink packets dropped at a full buffer so far.
    uint64_t GetUlQueueDrops() const;

    // NetDevice
    bool IsLinkUp() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  protected:
    void DoDispose() override;

  private:
    uint8_t m_capability;                               //!< UE processing capability
    Ptr<NrGnbNetDevice> m_gnb;                          //!< serving gNB
    uint32_t m_ueIndex;                                 //!< index in the serving cell
    uint32_t m_channelIndex;                            //!< index on the channel
    NrTxBuffer m_ulBuffer;                              //!< uplink buffer
    NrRxReassembly m_dlRx;                              //!< downlink reassembly
    uint64_t m_ulQueueDrops;                            //!< packets dropped at the full buffer
    bool m_inHandover;                                  //!< between cells
    Time m_dataPreparation;                             //!< t_UE,tx in the latest cell
    TracedCallback<Ptr<const Packet>> m_macTxTrace;     //!< packet accepted for sending
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace; //!< packet dropped before sending
    TracedCallback<Ptr<const Packet>> m_macRxTrace;     //!< packet delivered up
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_UE_NET_DEVICE_H */
