/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_BULK_SOURCE_H
#define BLUEPRINT_BULK_SOURCE_H

#include "model/traffic/timestamped-source.h"

#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Transfers a file (or an endless stream) over TCP as fast as the connection allows.
 *
 * The byte stream is a sequence of chunks of ChunkSize bytes, each starting with a
 * TimestampHeader stamped when the chunk is handed to the socket, so the receiving
 * TimestampSink measures per-chunk one-way latency including the time a chunk waits in TCP's
 * send buffer. The source keeps the send buffer full: it writes whole chunks while the buffer has
 * room and resumes from the socket's send callback. If the last chunk would be smaller than a
 * header, the chunk before it gives it the missing bytes, so exactly TotalBytes are sent.
 *
 * The "Protocol" attribute is ignored: the socket is always an ns3::TcpSocketFactory socket.
 * "Completed" fires when the last of TotalBytes has been handed to the socket; when the receiver
 * has it is only known at the receiver.
 */
class BulkSource : public TimestampedSource
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    BulkSource();
    ~BulkSource() override;

    /**
     * \return the number of bytes handed to the socket so far.
     */
    uint64_t GetHandedBytes() const;

  protected:
    TypeId GetSocketFactoryType() const override;
    void StartSending() override;
    void StopSending() override;

  private:
    /**
     * \brief Write whole chunks while the send buffer has room.
     * \param socket the connected socket.
     * \param available free bytes in the send buffer (re-read from the socket).
     */
    void FillSendBuffer(Ptr<Socket> socket, uint32_t available);

    /**
     * \return the size of the next chunk, or 0 if TotalBytes have all been handed over.
     */
    uint32_t NextChunkSize() const;

    uint64_t m_totalBytes; //!< bytes to transfer, 0 for unlimited
    uint32_t m_chunkSize;  //!< bytes per chunk, header included
    uint64_t m_handed;     //!< bytes handed to the socket so far
    bool m_completed;      //!< all of m_totalBytes handed over

    /// Fired once when the last of TotalBytes has been handed to the socket.
    TracedCallback<Time> m_completedTrace;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_BULK_SOURCE_H */
