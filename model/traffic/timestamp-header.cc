/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/timestamp-header.h"

#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintTimestampHeader");

NS_OBJECT_ENSURE_REGISTERED(TimestampHeader);

TypeId
TimestampHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::TimestampHeader")
                            .SetParent<Header>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<TimestampHeader>();
    return tid;
}

TimestampHeader::TimestampHeader()
    : m_flowId(0),
      m_memberId(0),
      m_seq(0),
      m_txTime(Time(0)),
      m_size(SERIALIZED_SIZE)
{
}

void
TimestampHeader::SetFlowId(uint32_t flowId)
{
    m_flowId = flowId;
}

uint32_t
TimestampHeader::GetFlowId() const
{
    return m_flowId;
}

void
TimestampHeader::SetMemberId(uint32_t memberId)
{
    m_memberId = memberId;
}

uint32_t
TimestampHeader::GetMemberId() const
{
    return m_memberId;
}

void
TimestampHeader::SetSeq(uint64_t seq)
{
    m_seq = seq;
}

uint64_t
TimestampHeader::GetSeq() const
{
    return m_seq;
}

void
TimestampHeader::SetTxTime(Time txTime)
{
    m_txTime = txTime;
}

Time
TimestampHeader::GetTxTime() const
{
    return m_txTime;
}

void
TimestampHeader::SetSize(uint32_t size)
{
    m_size = size;
}

uint32_t
TimestampHeader::GetSize() const
{
    return m_size;
}

TypeId
TimestampHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
TimestampHeader::Print(std::ostream& os) const
{
    os << "flow=" << m_flowId << " member=" << m_memberId << " seq=" << m_seq
       << " txTime=" << m_txTime.As(Time::NS) << " size=" << m_size;
}

uint32_t
TimestampHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
TimestampHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU32(m_flowId);
    start.WriteHtonU32(m_memberId);
    start.WriteHtonU64(m_seq);
    // Nanoseconds as a signed 64-bit count: exact at ns-3's default resolution and enough for
    // 292 years of simulated time.
    start.WriteHtonU64(static_cast<uint64_t>(m_txTime.GetNanoSeconds()));
    start.WriteHtonU32(m_size);
}

uint32_t
TimestampHeader::Deserialize(Buffer::Iterator start)
{
    m_flowId = start.ReadNtohU32();
    m_memberId = start.ReadNtohU32();
    m_seq = start.ReadNtohU64();
    m_txTime = NanoSeconds(static_cast<int64_t>(start.ReadNtohU64()));
    m_size = start.ReadNtohU32();
    return SERIALIZED_SIZE;
}

} // namespace blueprint
} // namespace ns3
