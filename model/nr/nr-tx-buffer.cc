/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-tx-buffer.h"

#include "ns3/abort.h"

namespace ns3
{
namespace blueprint
{

/// Largest MAC SDU an 8-bit L field can announce (TS 38.321 clause 6.1.2).
static constexpr uint32_t MAX_SHORT_L = 255;

uint32_t
NrTxBuffer::MacSubheaderBytes(uint32_t macSduBytes)
{
    return macSduBytes > MAX_SHORT_L ? 3 : 2;
}

NrTxBuffer::NrTxBuffer(uint32_t maxPackets)
    : m_maxPackets(maxPackets)
{
    NS_ABORT_MSG_IF(maxPackets == 0, "NrTxBuffer: the packet limit must be positive");
}

void
NrTxBuffer::SetMaxPackets(uint32_t maxPackets)
{
    NS_ABORT_MSG_IF(maxPackets == 0, "NrTxBuffer: the packet limit must be positive");
    m_maxPackets = maxPackets;
}

uint32_t
NrTxBuffer::WireBytes(const Sdu& sdu)
{
    const uint32_t rlc =
        sdu.offset == 0 ? RLC_COMPLETE_HEADER_BYTES : RLC_LATER_SEGMENT_HEADER_BYTES;
    const uint32_t macSdu = rlc + sdu.sduBytes - sdu.offset;
    return MacSubheaderBytes(macSdu) + macSdu;
}

uint32_t
NrTxBuffer::GetMaxPackets() const
{
    return m_maxPackets;
}

bool
NrTxBuffer::Enqueue(Ptr<Packet> packet, Time ready)
{
    if (m_sdus.size() >= m_maxPackets)
    {
        return false;
    }
    Sdu sdu{packet, m_nextId++, packet->GetSize() + PDCP_HEADER_BYTES, 0, ready};
    m_wireBytes += WireBytes(sdu);
    m_sdus.push_back(sdu);
    return true;
}

bool
NrTxBuffer::IsEmpty() const
{
    return m_sdus.empty();
}

uint32_t
NrTxBuffer::GetNPackets() const
{
    return static_cast<uint32_t>(m_sdus.size());
}

uint64_t
NrTxBuffer::GetPendingBytes() const
{
    return m_wireBytes;
}

uint64_t
NrTxBuffer::GetReadyBytes(Time now) const
{
    // Ready times grow with arrival, so the packets not yet ready are a suffix of the queue,
    // usually empty or short.
    uint64_t bytes = m_wireBytes;
    for (auto it = m_sdus.rbegin(); it != m_sdus.rend() && it->ready > now; ++it)
    {
        bytes -= WireBytes(*it);
    }
    return bytes;
}

Time
NrTxBuffer::GetFirstReadyTime() const
{
    return m_sdus.empty() ? Time::Max() : m_sdus.front().ready;
}

std::vector<NrTbSegment>
NrTxBuffer::Fill(uint32_t capacityBytes, Time now)
{
    std::vector<NrTbSegment> segments;
    uint32_t used = 0;
    while (!m_sdus.empty() && m_sdus.front().ready <= now)
    {
        Sdu& sdu = m_sdus.front();
        const uint32_t remaining = sdu.sduBytes - sdu.offset;
        const uint32_t whole = WireBytes(sdu);
        if (used + whole <= capacityBytes)
        {
            segments.push_back({sdu.id, sdu.packet, sdu.sduBytes, remaining});
            used += whole;
            m_wireBytes -= whole;
            m_sdus.pop_front();
            ++m_sentSdus;
            continue;
        }
        // Segment the SDU into the room that is left (TS 38.322 clause 5.2.2.1).
        const uint32_t space = capacityBytes - used;
        const uint32_t rlc =
            sdu.offset == 0 ? RLC_FIRST_SEGMENT_HEADER_BYTES : RLC_LATER_SEGMENT_HEADER_BYTES;
        const uint32_t mac = space > 2 + MAX_SHORT_L ? 3 : 2;
        if (space <= mac + rlc)
        {
            break; // padding
        }
        const uint32_t data = space - mac - rlc;
        NS_ABORT_MSG_IF(data >= remaining, "NrTxBuffer: a segment would hold the whole SDU");
        segments.push_back({sdu.id, sdu.packet, sdu.sduBytes, data});
        m_wireBytes -= whole;
        sdu.offset += data;
        m_wireBytes += WireBytes(sdu);
        break;
    }
    return segments;
}

uint64_t
NrTxBuffer::GetSentSdus() const
{
    return m_sentSdus;
}

std::vector<Ptr<Packet>>
NrTxBuffer::TakePackets()
{
    std::vector<Ptr<Packet>> packets;
    packets.reserve(m_sdus.size());
    for (const Sdu& sdu : m_sdus)
    {
        packets.push_back(sdu.packet);
    }
    m_sdus.clear();
    m_wireBytes = 0;
    return packets;
}

void
NrTxBuffer::RestartPartial()
{
    if (m_sdus.empty() || m_sdus.front().offset == 0)
    {
        return;
    }
    Sdu& head = m_sdus.front();
    m_wireBytes -= WireBytes(head);
    head.offset = 0;
    head.id = m_nextId++; // the receiver's partial copy of the old number is discarded
    m_wireBytes += WireBytes(head);
}

} // namespace blueprint
} // namespace ns3
