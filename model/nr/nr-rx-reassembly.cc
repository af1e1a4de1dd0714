/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-rx-reassembly.h"

namespace ns3
{
namespace blueprint
{

bool
NrRxReassembly::Account(const NrTbSegment& segment, bool ok)
{
    if (segment.bytes == segment.sduBytes)
    {
        // A complete SDU in one segment needs no book-keeping.
        ok ? ++m_delivered : ++m_lost;
        return ok;
    }
    Partial& p = m_partial[segment.sduId];
    (ok ? p.received : p.lost) += segment.bytes;
    if (p.received + p.lost < segment.sduBytes)
    {
        return false;
    }
    const bool intact = p.lost == 0;
    intact ? ++m_delivered : ++m_lost;
    m_partial.erase(segment.sduId);
    return intact;
}

std::vector<Ptr<Packet>>
NrRxReassembly::Receive(const std::vector<NrTbSegment>& segments)
{
    std::vector<Ptr<Packet>> complete;
    for (const auto& segment : segments)
    {
        if (Account(segment, true))
        {
            complete.push_back(segment.packet->Copy());
        }
    }
    return complete;
}

void
NrRxReassembly::Discard(const std::vector<NrTbSegment>& segments)
{
    for (const auto& segment : segments)
    {
        Account(segment, false);
    }
}

void
NrRxReassembly::DiscardPartial()
{
    m_lost += m_partial.size();
    m_partial.clear();
}

uint64_t
NrRxReassembly::GetLostSdus() const
{
    return m_lost;
}

uint64_t
NrRxReassembly::GetDeliveredSdus() const
{
    return m_delivered;
}

std::size_t
NrRxReassembly::GetPartialSdus() const
{
    return m_partial.size();
}

} // namespace blueprint
} // namespace ns3
