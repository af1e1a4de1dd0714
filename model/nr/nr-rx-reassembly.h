/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_RX_REASSEMBLY_H
#define BLUEPRINT_NR_RX_REASSEMBLY_H

#include "model/nr/nr-transport-block.h"

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The receive side of one radio bearer: reassembles RLC SDUs from the segments of decoded
 * transport blocks and hands complete IP packets up.
 *
 * An SDU is complete when the bytes of its decoded segments add up to its size; it is then
 * delivered at once, without waiting for SDUs sent before it (RLC UM delivers complete SDUs
 * without reordering, TS 38.322 clause 5.2.2.2). So when HARQ retransmits one block, packets in
 * later blocks may overtake the packets in it: in-order delivery per UE is not kept across HARQ
 * retransmissions. A segment whose transport block failed its last HARQ attempt is discarded,
 * and its SDU is counted lost once all its bytes are accounted for.
 */
class NrRxReassembly
{
  public:
    /**
     * \brief Take the segments of a correctly decoded transport block.
     * \param segments the block's segments.
     * \return the IP packets they complete (copies), in the block's order.
     */
    std::vector<Ptr<Packet>> Receive(const std::vector<NrTbSegment>& segments);

    /**
     * \brief Take the segments of a transport block that HARQ gave up on.
     * \param segments the block's segments.
     */
    void Discard(const std::vector<NrTbSegment>& segments);

    /**
     * \brief Give up every partly received SDU, counting it lost.
     *
     * Called when the bearer's RLC entity is re-established at a handover (TS 38.322 clause
     * 5.1.2: a receiving UM entity discards its SDU segments): the missing segments will never
     * come, and SDU numbers restart in the new cell.
     */
    void DiscardPartial();

    /// \return the SDUs lost so far (a segment of each was discarded).
    uint64_t GetLostSdus() const;

    /// \return the SDUs delivered so far.
    uint64_t GetDeliveredSdus() const;

    /// \return the SDUs of which some but not all bytes have arrived.
    std::size_t GetPartialSdus() const;

  private:
    /// An SDU of which some bytes are accounted for.
    struct Partial
    {
        uint32_t received = 0; //!< bytes decoded
        uint32_t lost = 0;     //!< bytes discarded
    };

    /**
     * \brief Account for one segment.
     * \param segment the segment.
     * \param ok true if decoded, false if discarded.
     * \return true if the SDU is now complete and intact.
     */
    bool Account(const NrTbSegment& segment, bool ok);

    std::unordered_map<uint64_t, Partial> m_partial; //!< SDUs by id
    uint64_t m_lost{0};                              //!< SDUs lost
    uint64_t m_delivered{0};                         //!< SDUs delivered
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_RX_REASSEMBLY_H */
