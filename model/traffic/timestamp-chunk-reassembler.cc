/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/timestamp-chunk-reassembler.h"

#include "model/traffic/timestamp-header.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintTimestampChunkReassembler");

TimestampChunkReassembler::TimestampChunkReassembler()
    : m_buffer(nullptr),
      m_nextSize(0)
{
}

void
TimestampChunkReassembler::Append(Ptr<Packet> bytes)
{
    NS_LOG_FUNCTION(this << bytes->GetSize());
    if (!m_buffer || m_buffer->GetSize() == 0)
    {
        m_buffer = bytes;
    }
    else
    {
        m_buffer->AddAtEnd(bytes);
    }
}

Ptr<Packet>
TimestampChunkReassembler::PopChunk()
{
    if (!m_buffer)
    {
        return nullptr;
    }
    const uint32_t buffered = m_buffer->GetSize();
    if (m_nextSize == 0)
    {
        if (buffered < TimestampHeader::SERIALIZED_SIZE)
        {
            return nullptr;
        }
        TimestampHeader header;
        m_buffer->PeekHeader(header);
        m_nextSize = header.GetSize();
        NS_ABORT_MSG_IF(m_nextSize < TimestampHeader::SERIALIZED_SIZE,
                        "stream chunk announces " << m_nextSize
                                                  << " bytes, less than its own header; the "
                                                     "sender is not a timestamped source");
    }
    if (buffered < m_nextSize)
    {
        return nullptr;
    }
    Ptr<Packet> chunk;
    if (buffered == m_nextSize)
    {
        // The common case of a read ending on a chunk boundary: hand the buffer over, no copy.
        chunk = m_buffer;
        m_buffer = nullptr;
    }
    else
    {
        chunk = m_buffer->CreateFragment(0, m_nextSize);
        m_buffer->RemoveAtStart(m_nextSize);
    }
    NS_LOG_LOGIC("chunk of " << m_nextSize << " bytes complete");
    m_nextSize = 0;
    return chunk;
}

uint32_t
TimestampChunkReassembler::GetBufferedBytes() const
{
    return m_buffer ? m_buffer->GetSize() : 0;
}

} // namespace blueprint
} // namespace ns3
