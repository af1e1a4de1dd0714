/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/bulk-source.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintBulkSource");

NS_OBJECT_ENSURE_REGISTERED(BulkSource);

TypeId
BulkSource::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::BulkSource")
            .SetParent<TimestampedSource>()
            .SetGroupName("Blueprint")
            .AddConstructor<BulkSource>()
            .AddAttribute("TotalBytes",
                          "The number of bytes to send, headers included; 0 sends until the "
                          "application stops. Otherwise at least one timestamp header.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&BulkSource::m_totalBytes),
                          MakeUintegerChecker<uint64_t>())
            // At least two headers, so a final remainder smaller than a header can always
            // borrow from the chunk before it.
            .AddAttribute("ChunkSize",
                          "The size of each timestamped chunk in bytes, header included.",
                          UintegerValue(1400),
                          MakeUintegerAccessor(&BulkSource::m_chunkSize),
                          MakeUintegerChecker<uint32_t>(2 * TimestampHeader::SERIALIZED_SIZE))
            .AddTraceSource("Completed",
                            "The last of TotalBytes was handed to the socket.",
                            MakeTraceSourceAccessor(&BulkSource::m_completedTrace),
                            "ns3::Time::TracedCallback");
    return tid;
}

BulkSource::BulkSource()
    : m_totalBytes(0),
      m_chunkSize(1400),
      m_handed(0),
      m_completed(false)
{
    NS_LOG_FUNCTION(this);
}

BulkSource::~BulkSource()
{
    NS_LOG_FUNCTION(this);
}

uint64_t
BulkSource::GetHandedBytes() const
{
    return m_handed;
}

TypeId
BulkSource::GetSocketFactoryType() const
{
    return TcpSocketFactory::GetTypeId();
}

void
BulkSource::StartSending()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_totalBytes > 0 && m_totalBytes < TimestampHeader::SERIALIZED_SIZE,
                    "BulkSource: TotalBytes must be 0 or at least "
                        << TimestampHeader::SERIALIZED_SIZE);
    Ptr<Socket> socket = GetSocket();
    socket->SetSendCallback(MakeCallback(&BulkSource::FillSendBuffer, this));
    FillSendBuffer(socket, socket->GetTxAvailable());
}

void
BulkSource::StopSending()
{
    NS_LOG_FUNCTION(this);
    // Nothing is scheduled: sending is driven by the socket's send callback, which the base
    // removes before closing the socket.
}

uint32_t
BulkSource::NextChunkSize() const
{
    if (m_totalBytes == 0)
    {
        return m_chunkSize;
    }
    const uint64_t remaining = m_totalBytes - m_handed;
    uint64_t size = std::min<uint64_t>(remaining, m_chunkSize);
    const uint64_t after = remaining - size;
    if (after > 0 && after < TimestampHeader::SERIALIZED_SIZE)
    {
        size = remaining - TimestampHeader::SERIALIZED_SIZE;
    }
    return static_cast<uint32_t>(size);
}

void
BulkSource::FillSendBuffer(Ptr<Socket> socket, uint32_t available)
{
    // The callback's argument is the room at notification time; the socket's own count is the
    // truth while this loop writes.
    uint32_t size = NextChunkSize();
    while (size > 0 && socket->GetTxAvailable() >= size)
    {
        if (!SendPacket(size))
        {
            NS_LOG_WARN("flow " << GetFlowId() << " member " << GetMemberId()
                                << ": TCP socket refused a chunk, errno " << socket->GetErrno());
            return;
        }
        m_handed += size;
        size = NextChunkSize();
    }
    if (size == 0 && !m_completed)
    {
        m_completed = true;
        NS_LOG_INFO("flow " << GetFlowId() << " member " << GetMemberId() << ": all "
                            << m_totalBytes << " bytes handed to TCP");
        m_completedTrace(Simulator::Now());
    }
}

} // namespace blueprint
} // namespace ns3
