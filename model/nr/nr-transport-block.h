/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_TRANSPORT_BLOCK_H
#define BLUEPRINT_NR_TRANSPORT_BLOCK_H

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One piece of one IP packet carried in a transport block: an RLC SDU or SDU segment.
 *
 * The packet itself travels by reference; the receiver counts the bytes of each SDU it has
 * decoded and hands the packet up once they add up to the SDU size (NrRxReassembly).
 */
struct NrTbSegment
{
    uint64_t sduId = 0;    //!< the SDU's number in its sender's buffer, unique per sender
    Ptr<Packet> packet;    //!< the IP packet the SDU carries
    uint32_t sduBytes = 0; //!< the whole SDU: IP packet + PDCP header
    uint32_t bytes = 0;    //!< the SDU bytes this segment carries (headers not counted)
};

/**
 * \ingroup blueprint
 * \brief One transport block (MAC PDU) of one UE, as the slot engine schedules, transmits and,
 * with HARQ, retransmits it.
 */
struct NrTransportBlock
{
    uint32_t ue = 0;                   //!< the UE's index in its cell
    uint8_t mcs = 0;                   //!< MCS index, TS 38.214 Table 5.1.3.1-x
    uint32_t prbs = 0;                 //!< PRBs of the latest transmission
    uint32_t tbsBits = 0;              //!< transport block size A, TS 38.214 clause 5.1.3.2
    uint64_t firstTti = 0;             //!< the TTI of the first transmission
    std::vector<NrTbSegment> segments; //!< the SDUs and SDU segments it carries
    /// Uplink: the buffer status report carried with the data (TS 38.321 clause 5.4.5): bytes
    /// the UE still had to send after building this block. Unused in the downlink.
    uint64_t bufferStatus = 0;
    /// Uplink: whether the block carries a buffer status report (dynamic grants only).
    bool hasBufferStatus = false;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_TRANSPORT_BLOCK_H */
