/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/hop-stamp.h"

#include "ns3/assert.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_OBJECT_ENSURE_REGISTERED(HopStampTag);

TypeId
HopStampTag::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::HopStampTag")
                            .SetParent<Tag>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<HopStampTag>();
    return tid;
}

HopStampTag::HopStampTag()
    : m_point(IP_SEND),
      m_where(0),
      m_timeNs(0)
{
}

HopStampTag::HopStampTag(Point point, uint32_t where, Time time)
    : m_point(point),
      m_where(where),
      m_timeNs(time.GetNanoSeconds())
{
}

HopStampTag::Point
HopStampTag::GetPoint() const
{
    return m_point;
}

uint32_t
HopStampTag::GetWhere() const
{
    return m_where;
}

Time
HopStampTag::GetTime() const
{
    return NanoSeconds(m_timeNs);
}

TypeId
HopStampTag::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
HopStampTag::GetSerializedSize() const
{
    return 1 + 4 + 8;
}

void
HopStampTag::Serialize(TagBuffer buffer) const
{
    buffer.WriteU8(m_point);
    buffer.WriteU32(m_where);
    buffer.WriteU64(static_cast<uint64_t>(m_timeNs));
}

void
HopStampTag::Deserialize(TagBuffer buffer)
{
    m_point = static_cast<Point>(buffer.ReadU8());
    m_where = buffer.ReadU32();
    m_timeNs = static_cast<int64_t>(buffer.ReadU64());
}

void
HopStampTag::Print(std::ostream& os) const
{
    os << "point=" << static_cast<uint32_t>(m_point) << " where=" << m_where << " time=" << m_timeNs
       << "ns";
}

void
AddHopStamp(Ptr<const Packet> packet, HopStampTag::Point point, uint32_t where, uint32_t fromByte)
{
    const uint32_t size = packet->GetSize();
    packet->AddByteTag(HopStampTag(point, where, Simulator::Now()), std::min(fromByte, size), size);
}

void
AddHopStampAt(Ptr<const Packet> packet, HopStampTag::Point point, uint32_t where, Time at)
{
    NS_ASSERT_MSG(at <= Simulator::Now(), "a hop stamp in the future");
    packet->AddByteTag(HopStampTag(point, where, at), 0, packet->GetSize());
}

std::vector<HopStampTag>
GetLastByteStamps(Ptr<const Packet> packet)
{
    std::vector<HopStampTag> stamps;
    stamps.reserve(12); // a path of four hops, without growing
    const uint32_t size = packet->GetSize();
    if (size == 0)
    {
        return stamps;
    }
    const TypeId stampType = HopStampTag::GetTypeId();
    ByteTagIterator it = packet->GetByteTagIterator();
    while (it.HasNext())
    {
        const ByteTagIterator::Item item = it.Next();
        // Item::GetEnd is one past the last byte tagged.
        if (item.GetTypeId() == stampType && item.GetStart() < size && item.GetEnd() >= size)
        {
            HopStampTag stamp;
            item.GetTag(stamp);
            stamps.push_back(stamp);
        }
    }
    return stamps;
}

void
CarryHopStamps(Ptr<const Packet> request, Ptr<const Packet> response, uint32_t nodeId)
{
    for (const HopStampTag& stamp : GetLastByteStamps(request))
    {
        response->AddByteTag(stamp);
    }
    AddHopStamp(response, HopStampTag::APP_SEND, nodeId);
}

} // namespace blueprint
} // namespace ns3
