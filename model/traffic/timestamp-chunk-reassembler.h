/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TIMESTAMP_CHUNK_REASSEMBLER_H
#define BLUEPRINT_TIMESTAMP_CHUNK_REASSEMBLER_H

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Cuts one TCP byte stream back into the timestamped chunks its sender wrote.
 *
 * TCP delivers bytes, not the packets the sender handed to its socket: a read may hold part of a
 * chunk or several chunks. Every chunk starts with a TimestampHeader whose size field gives the
 * chunk's total length, so the next boundary is always known once the header has arrived. One
 * reassembler serves one connection.
 */
class TimestampChunkReassembler
{
  public:
    /// Create an empty reassembler.
    TimestampChunkReassembler();

    /**
     * \brief Append bytes read from the connection.
     * \param bytes the bytes, in stream order; the reassembler takes ownership.
     */
    void Append(Ptr<Packet> bytes);

    /**
     * \brief Take the next complete chunk, if all of it has arrived.
     *
     * Aborts if a header announces a chunk smaller than the header itself, which means the stream
     * was not written by a timestamped source.
     *
     * \return the chunk, starting with its TimestampHeader, or nullptr if it is not complete yet.
     */
    Ptr<Packet> PopChunk();

    /**
     * \return the number of bytes received but not yet returned as chunks.
     */
    uint32_t GetBufferedBytes() const;

  private:
    Ptr<Packet> m_buffer; //!< bytes received and not yet returned, in stream order
    uint32_t m_nextSize;  //!< size of the chunk at the head of m_buffer, 0 until its header arrived
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TIMESTAMP_CHUNK_REASSEMBLER_H */
