/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/timestamp-echo-header.h"

#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintTimestampEchoHeader");

NS_OBJECT_ENSURE_REGISTERED(TimestampEchoHeader);

TypeId
TimestampEchoHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::TimestampEchoHeader")
                            .SetParent<Header>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<TimestampEchoHeader>();
    return tid;
}

TimestampEchoHeader::TimestampEchoHeader()
    : m_requestTxTime(Time(0))
{
}

void
TimestampEchoHeader::SetRequestTxTime(Time requestTxTime)
{
    m_requestTxTime = requestTxTime;
}

Time
TimestampEchoHeader::GetRequestTxTime() const
{
    return m_requestTxTime;
}

TypeId
TimestampEchoHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
TimestampEchoHeader::Print(std::ostream& os) const
{
    os << "requestTxTime=" << m_requestTxTime.As(Time::NS);
}

uint32_t
TimestampEchoHeader::GetSerializedSize() const
{
    return SERIALIZED_SIZE;
}

void
TimestampEchoHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU64(static_cast<uint64_t>(m_requestTxTime.GetNanoSeconds()));
}

uint32_t
TimestampEchoHeader::Deserialize(Buffer::Iterator start)
{
    m_requestTxTime = NanoSeconds(static_cast<int64_t>(start.ReadNtohU64()));
    return SERIALIZED_SIZE;
}

} // namespace blueprint
} // namespace ns3
