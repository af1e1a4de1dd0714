/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_TX_BUFFER_H
#define BLUEPRINT_NR_TX_BUFFER_H

#include "model/nr/nr-transport-block.h"

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The transmit side of one radio bearer: IP packets waiting for a transport block, and
 * the PDCP/RLC/MAC framing that fills a block of a given size with them.
 *
 * Each IP packet becomes one PDCP PDU (2-byte header for a 12-bit SN, TS 38.323 clause 6.2.2.1),
 * which is one RLC UM SDU. A transport block is filled in arrival order with whole SDUs and, when
 * the next one does not fit, with a segment of it (TS 38.322 clause 5.2.2.1), so packet
 * boundaries are kept and the receiver can reassemble. Per SDU or segment the block carries an
 * RLC UMD header (TS 38.322 clause 6.2.2.3, 12-bit SN: 1 byte for a complete SDU, 2 bytes for a
 * first segment, 4 bytes with the 16-bit segment offset for later segments) and a MAC subheader
 * (TS 38.321 clause 6.1.2: 2 bytes with an 8-bit L field, 3 bytes when the subPDU exceeds 255
 * bytes). Room too small for one more byte of data is padding.
 *
 * Every packet carries a ready time: the sender's processing (t_BS,tx or t_UE,tx of TR 37.910
 * clause 5.7.1) must be over before it can go into a block built at time now.
 */
class NrTxBuffer
{
  public:
    /// PDCP data PDU header with a 12-bit SN, TS 38.323 clause 6.2.2.1.
    static constexpr uint32_t PDCP_HEADER_BYTES = 2;
    /// RLC UMD PDU header for a complete SDU (SI = 00), TS 38.322 clause 6.2.2.3.
    static constexpr uint32_t RLC_COMPLETE_HEADER_BYTES = 1;
    /// RLC UMD PDU header for a first segment, 12-bit SN (SI = 01), TS 38.322 clause 6.2.2.3.
    static constexpr uint32_t RLC_FIRST_SEGMENT_HEADER_BYTES = 2;
    /// RLC UMD PDU header for a middle or last segment: 12-bit SN + 16-bit SO.
    static constexpr uint32_t RLC_LATER_SEGMENT_HEADER_BYTES = 4;

    /**
     * \brief Get the MAC subheader size for a MAC SDU (TS 38.321 clause 6.1.2).
     * \param macSduBytes the RLC PDU (header + data) the subheader announces.
     * \return 2 with an 8-bit L field (up to 255 bytes), else 3 (16-bit L).
     */
    static uint32_t MacSubheaderBytes(uint32_t macSduBytes);

    /**
     * \brief Create an empty buffer.
     * \param maxPackets the most packets it holds; more are dropped on arrival.
     */
    explicit NrTxBuffer(uint32_t maxPackets = 1000);

    /**
     * \brief Set the most packets the buffer holds.
     * \param maxPackets the limit, > 0.
     */
    void SetMaxPackets(uint32_t maxPackets);

    /// \return the most packets the buffer holds.
    uint32_t GetMaxPackets() const;

    /**
     * \brief Queue an IP packet.
     * \param packet the packet, IP header included.
     * \param ready the earliest time it may be put into a transport block.
     * \return false (and the packet is not queued) when the buffer is full.
     */
    bool Enqueue(Ptr<Packet> packet, Time ready);

    /// \return true when no SDU byte is waiting.
    bool IsEmpty() const;

    /// \return the SDUs waiting (a partly sent one counts).
    uint32_t GetNPackets() const;

    /**
     * \brief Get the transport block bytes needed to carry everything queued, headers included.
     * \return the bytes, whether or not the packets are ready.
     */
    uint64_t GetPendingBytes() const;

    /**
     * \brief Get the transport block bytes needed to carry every packet that is ready.
     * \param now the time the block would be built.
     * \return the bytes, headers included.
     */
    uint64_t GetReadyBytes(Time now) const;

    /**
     * \brief Get when the first packet may be sent: ready times grow with arrival, so no byte
     * is ready before.
     * \return the first packet's ready time; Time::Max() when the buffer is empty.
     */
    Time GetFirstReadyTime() const;

    /**
     * \brief Fill a transport block.
     * \param capacityBytes the block's size, bytes (TBS / 8, less any MAC CE the caller adds).
     * \param now the time it is built; packets not yet ready stay.
     * \return the SDUs and segments it carries, in order.
     */
    std::vector<NrTbSegment> Fill(uint32_t capacityBytes, Time now);

    /// \return the SDUs put into transport blocks completely so far.
    uint64_t GetSentSdus() const;

    /**
     * \brief Empty the buffer and hand back its IP packets, a partly sent one whole.
     *
     * At a handover the source gNB forwards the downlink SDUs it still holds to the target
     * (TS 38.300 clause 9.2.3.2.1, data forwarding); the bytes of a partly sent SDU that went out
     * in the source cell are lost with the source's RLC entity, so the SDU is sent again whole.
     * \return the packets, in queue order.
     */
    std::vector<Ptr<Packet>> TakePackets();

    /**
     * \brief Make a partly sent SDU at the head of the queue whole again, under a new number.
     *
     * At a handover the UE re-establishes RLC (TS 38.322 clause 5.1.2): the segments already sent
     * to the source are lost, and PDCP sends the SDU again in the target cell.
     */
    void RestartPartial();

  private:
    /// One waiting SDU.
    struct Sdu
    {
        Ptr<Packet> packet; //!< the IP packet
        uint64_t id;        //!< its number in this buffer
        uint32_t sduBytes;  //!< IP packet + PDCP header
        uint32_t offset;    //!< SDU bytes already sent in earlier blocks
        Time ready;         //!< earliest time it may be sent
    };

    /**
     * \brief Get the bytes an SDU's remainder needs in a block as one subPDU.
     * \param sdu the SDU.
     * \return MAC subheader + RLC header + the remaining bytes.
     */
    static uint32_t WireBytes(const Sdu& sdu);

    std::deque<Sdu> m_sdus;  //!< waiting SDUs in arrival order
    uint32_t m_maxPackets;   //!< the limit
    uint64_t m_wireBytes{0}; //!< sum of WireBytes over m_sdus
    uint64_t m_nextId{0};    //!< number of the next SDU
    uint64_t m_sentSdus{0};  //!< SDUs completely sent
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_TX_BUFFER_H */
