/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/traffic/latency-segments.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/ppp-header.h"

#include <algorithm>
#include <map>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintLatencySegments");

namespace
{

/// The IPv4 layer of a node sent a packet of its own to an interface: stamp it if the interface's
/// device is probed.
void
StampSend(const LatencySegmentsNodeProbes* probes,
          const Ipv4Header& header,
          Ptr<const Packet> packet,
          uint32_t interface)
{
    if (interface < probes->deviceOfInterface.size() && probes->deviceOfInterface[interface] >= 0)
    {
        AddHopStamp(packet, HopStampTag::IP_SEND, probes->deviceOfInterface[interface]);
    }
}

/// The IPv4 layer forwarded a packet to an interface: stamp it, unless the device stamps the start
/// of its transmission, which then also says where the packet left from (a forward takes no
/// time in ns-3, so the packet left when it arrived: one stamp fewer per hop).
void
StampForward(const LatencySegmentsNodeProbes* probes,
             const Ipv4Header& header,
             Ptr<const Packet> packet,
             uint32_t interface)
{
    if (interface < probes->deviceOfInterface.size() && probes->deviceOfInterface[interface] >= 0 &&
        !probes->stampsTxStart[interface])
    {
        AddHopStamp(packet, HopStampTag::IP_SEND, probes->deviceOfInterface[interface]);
    }
}

/**
 * \param packet a packet
 * \param at where its IPv4 header begins
 * \return where the IPv4 header's payload begins: stamps start there, since a stamp on header
 * bytes that a router takes off and puts back makes ns-3 rebuild the packet's whole byte tag list
 * (ByteTagList::AddAtStart rebuilds it whenever a tag begins before the bytes prepended)
 */
uint32_t
IpPayloadStart(Ptr<const Packet> packet, uint32_t at)
{
    uint8_t bytes[64];
    if (packet->GetSize() <= at || at >= sizeof(bytes))
    {
        return 0;
    }
    packet->CopyData(bytes, at + 1);
    // Version 4, then the Internet Header Length in 32-bit words (RFC 791, section 3.1).
    return (bytes[at] >> 4) == 4 ? at + (bytes[at] & 0x0f) * 4 : at;
}

/// The IPv4 layer received a packet from an interface: stamp it if the device is probed.
void
StampReceive(const LatencySegmentsNodeProbes* probes,
             Ptr<const Packet> packet,
             Ptr<Ipv4> ipv4,
             uint32_t interface)
{
    if (interface < probes->deviceOfInterface.size() && probes->deviceOfInterface[interface] >= 0)
    {
        AddHopStamp(packet,
                    HopStampTag::IP_RECEIVE,
                    probes->deviceOfInterface[interface],
                    IpPayloadStart(packet, 0));
    }
}

/// \param type an ns-3 type \param name one of its trace sources \return its accessor, or null
Ptr<const TraceSourceAccessor>
TraceSourceOf(TypeId type, const std::string& name)
{
    TypeId::TraceSourceInformation info;
    return type.LookupTraceSourceByName(name, &info) ? info.accessor : nullptr;
}

/// A probed device began to transmit a packet, an IPv4 packet behind a link-layer header of
/// `headerBytes`.
void
StampTransmitStart(uint32_t device, uint32_t headerBytes, Ptr<const Packet> packet)
{
    AddHopStamp(packet, HopStampTag::DEVICE_TX_START, device, IpPayloadStart(packet, headerBytes));
}

} // namespace

LatencySegments::LatencySegments(ScenarioBuild& run, std::size_t flows)
    : m_run(run),
      m_flows(flows)
{
}

void
LatencySegments::Install()
{
    const ScenarioSpec& spec = m_run.GetSpec();
    for (uint32_t g = 0; g < spec.nodes.size(); ++g)
    {
        for (const auto& member : m_run.GetGroup(spec.nodes[g].name).members)
        {
            m_groupOfNode.emplace(member->GetId(), g);
        }
    }
    // Trace sources looked up once: by name, each lookup costs a walk of the type's sources.
    const TypeId ipv4 = Ipv4L3Protocol::GetTypeId();
    m_sendOutgoing = TraceSourceOf(ipv4, "SendOutgoing");
    m_unicastForward = TraceSourceOf(ipv4, "UnicastForward");
    m_ipv4Rx = TraceSourceOf(ipv4, "Rx");
    for (uint32_t e = 0; e < m_run.GetEdgeCount(); ++e)
    {
        const RoutingEdge& edge = m_run.GetEdge(e);
        Probe(edge.devA, e);
        Probe(edge.devB, e);
    }
    // A handover moves a terminal's edge to the new cell's device, perhaps one that served no
    // terminal when the probes went on.
    m_run.AddEdgeMoveListener([this](uint32_t e) { Probe(m_run.GetEdge(e).devA, e); });
    NS_LOG_INFO("probes on " << m_devices.size() << " devices of " << m_nodes.size() << " nodes");
}

void
LatencySegments::Probe(const Ptr<NetDevice>& device, uint32_t edge)
{
    auto [known, added] = m_indexOf.emplace(PeekPointer(device), m_devices.size());
    const uint32_t d = known->second;
    if (!added)
    {
        std::vector<uint32_t>& edges = m_devices[d].edges;
        if (std::find(edges.begin(), edges.end(), edge) == edges.end())
        {
            edges.push_back(edge);
        }
        return;
    }
    Ptr<Node> node = device->GetNode();
    m_devices.push_back(Device{device, node->GetId(), GroupOf(node->GetId()), {edge}});
    Ptr<Ipv4L3Protocol> ip = node->GetObject<Ipv4L3Protocol>();
    const int32_t interface = ip ? ip->GetInterfaceForDevice(device) : -1;
    if (interface < 0)
    {
        return; // no IPv4 on it: nothing to stamp
    }
    // One set of IPv4 probes per node, however many of its devices are probed.
    std::unique_ptr<NodeProbes>& probes = m_nodes[node->GetId()];
    if (!probes)
    {
        probes = std::make_unique<NodeProbes>();
        const NodeProbes* table = probes.get();
        m_sendOutgoing->ConnectWithoutContext(PeekPointer(ip),
                                              MakeBoundCallback(&StampSend, table));
        m_unicastForward->ConnectWithoutContext(PeekPointer(ip),
                                                MakeBoundCallback(&StampForward, table));
        m_ipv4Rx->ConnectWithoutContext(PeekPointer(ip), MakeBoundCallback(&StampReceive, table));
    }
    if (probes->deviceOfInterface.size() <= static_cast<uint32_t>(interface))
    {
        probes->deviceOfInterface.resize(interface + 1, -1);
        probes->stampsTxStart.resize(interface + 1, false);
    }
    probes->deviceOfInterface[interface] = static_cast<int32_t>(d);
    // Devices that say when a transmission starts split their queue from the hop.
    const TypeId type = device->GetInstanceTypeId();
    auto [txStart, firstOfType] = m_txStartOfType.emplace(type.GetUid(), nullptr);
    if (firstOfType)
    {
        txStart->second = TraceSourceOf(type, "PhyTxBegin");
    }
    if (txStart->second)
    {
        // ns-3's point-to-point device sends its packets behind a PPP header; NTN devices send
        // IPv4 packets as they are. Stamped header bytes would cost time, not correctness.
        const uint32_t header =
            DynamicCast<PointToPointNetDevice>(device) ? PppHeader().GetSerializedSize() : 0;
        txStart->second->ConnectWithoutContext(PeekPointer(device),
                                               MakeBoundCallback(&StampTransmitStart, d, header));
        probes->stampsTxStart[interface] = true;
    }
}

int32_t
LatencySegments::GroupOf(uint32_t nodeId) const
{
    const auto it = m_groupOfNode.find(nodeId);
    return it == m_groupOfNode.end() ? -1 : it->second;
}

int64_t
LatencySegments::EdgeBetween(uint32_t from, uint32_t to)
{
    const Ptr<NetDevice>& a = m_devices[from].device;
    const Ptr<NetDevice>& b = m_devices[to].device;
    auto joins = [&](uint32_t e) {
        const RoutingEdge& edge = m_run.GetEdge(e);
        return (edge.devA == a && edge.devB == b) || (edge.devA == b && edge.devB == a);
    };
    // Most devices hear from one peer: the last hop into this device, then a table of pairs.
    Device& receiver = m_devices[to];
    if (receiver.lastFrom == from && receiver.lastEdge >= 0 && joins(receiver.lastEdge))
    {
        return receiver.lastEdge;
    }
    const uint64_t key = (static_cast<uint64_t>(from) << 32) | to;
    const auto cached = m_edgeCache.find(key);
    if (cached != m_edgeCache.end() && cached->second >= 0 && joins(cached->second))
    {
        receiver.lastFrom = from;
        receiver.lastEdge = cached->second;
        return cached->second;
    }
    // The end with fewer edges (a terminal, not its cell) has the edge on its list: a handover
    // moves a terminal's edge to another cell's device, never to another terminal.
    const auto& fewer = m_devices[from].edges.size() <= m_devices[to].edges.size()
                            ? m_devices[from].edges
                            : m_devices[to].edges;
    int64_t found = -1;
    for (uint32_t e : fewer)
    {
        if (joins(e))
        {
            found = e;
            break;
        }
    }
    // A terminal's packet still in flight over the cell it left: its one edge, now elsewhere.
    if (found < 0 && fewer.size() == 1)
    {
        found = fewer.front();
    }
    m_edgeCache[key] = found;
    receiver.lastFrom = from;
    receiver.lastEdge = found;
    return found;
}

void
LatencySegments::Add(FlowSegments& flow,
                     Piece piece,
                     uint8_t leg,
                     const LinkSpec* link,
                     int32_t group,
                     const std::string& kind,
                     int64_t nanoseconds)
{
    for (Segment& s : flow.segments)
    {
        if (s.piece == piece && s.leg == leg && s.link == link && s.group == group)
        {
            s.nanoseconds += nanoseconds;
            return;
        }
    }
    flow.segments.push_back(Segment{piece, leg, link, group, kind, nanoseconds});
}

void
LatencySegments::Commit(uint32_t flow, Ptr<const Packet> message, Time sent, Time now)
{
    FlowSegments& f = m_flows.at(flow);
    ++f.messages;
    const std::vector<HopStampTag> stamps = GetLastByteStamps(message);
    static const std::string other = "other";
    static const std::string queueing = "queueing";
    static const std::string transport = "transport";
    static const std::string processing = "processing";
    int64_t previous = sent.GetNanoSeconds();
    // The stamp before the one at hand, and the device a hop under way left from.
    const HopStampTag* last = nullptr;
    int64_t sendDevice = -1;
    int64_t queueNs = -1; // the queue into the hop under way, once the device began to send
    uint8_t leg = 0;
    auto groupOfDevice = [this](uint32_t d) { return m_devices[d].group; };
    for (const HopStampTag& stamp : stamps)
    {
        const int64_t at = stamp.GetTime().GetNanoSeconds();
        int64_t piece = at - previous;
        const uint32_t where = stamp.GetWhere();
        const HopStampTag::Point point = stamp.GetPoint();
        if (point <= HopStampTag::IP_RECEIVE && where >= m_devices.size())
        {
            continue; // not this run's probes
        }
        // A queue whose hop never ended at a probe (a stamp lost on the way) explains nothing.
        if (queueNs >= 0 && point != HopStampTag::IP_RECEIVE)
        {
            piece += queueNs;
            queueNs = -1;
            if (point == HopStampTag::DEVICE_TX_START)
            {
                Add(f, OTHER, leg, nullptr, -1, other, piece);
                previous = at;
                last = &stamp;
                continue;
            }
        }
        switch (point)
        {
        case HopStampTag::IP_SEND:
            if (!last || last->GetPoint() == HopStampTag::APP_SEND ||
                last->GetPoint() == HopStampTag::SERVICE_END)
            {
                // The sender's transport, or a compute node's sending a served message on.
                Add(f, TRANSPORT, leg, nullptr, groupOfDevice(where), transport, piece);
            }
            else if (last->GetPoint() == HopStampTag::IP_RECEIVE &&
                     m_devices[last->GetWhere()].node == m_devices[where].node)
            {
                Add(f, FORWARDING, leg, nullptr, groupOfDevice(where), processing, piece);
            }
            else
            {
                Add(f, OTHER, leg, nullptr, -1, other, piece);
            }
            sendDevice = where;
            break;
        case HopStampTag::DEVICE_TX_START:
            if (sendDevice == where)
            {
                queueNs = piece; // named once the hop's far end says which link it was
            }
            else if (sendDevice < 0 && last && last->GetPoint() == HopStampTag::IP_RECEIVE &&
                     m_devices[last->GetWhere()].node == m_devices[where].node)
            {
                // Forwarded onto a device that stamps its transmissions: the forward (no time in
                // ns-3) is not stamped, the queue runs from the packet's arrival.
                sendDevice = where;
                queueNs = piece;
            }
            else
            {
                Add(f, OTHER, leg, nullptr, -1, other, piece);
            }
            break;
        case HopStampTag::IP_RECEIVE: {
            const int64_t edge = sendDevice >= 0 ? EdgeBetween(sendDevice, where) : -1;
            if (edge < 0)
            {
                Add(f, OTHER, leg, nullptr, -1, other, piece + std::max<int64_t>(queueNs, 0));
            }
            else
            {
                const LinkSpec* link = &m_run.GetEdgeLink(edge);
                const std::string& kind = m_run.GetEdge(edge).segmentKind;
                if (queueNs >= 0)
                {
                    Add(f, QUEUE, leg, link, groupOfDevice(sendDevice), queueing, queueNs);
                }
                Add(f, HOP, leg, link, -1, kind.empty() ? other : kind, piece);
            }
            sendDevice = -1;
            queueNs = -1;
            break;
        }
        case HopStampTag::APP_RECEIVE:
            if (last && last->GetPoint() == HopStampTag::IP_RECEIVE)
            {
                Add(f, TRANSPORT, leg, nullptr, GroupOf(where), transport, piece);
            }
            else
            {
                Add(f, OTHER, leg, nullptr, -1, other, piece);
            }
            break;
        case HopStampTag::SERVICE_START:
            Add(f, WAITING, leg, nullptr, GroupOf(where), queueing, piece);
            break;
        case HopStampTag::SERVICE_END:
            Add(f, PROCESSING, leg, nullptr, GroupOf(where), processing, piece);
            break;
        case HopStampTag::APP_SEND:
            Add(f, PROCESSING, leg, nullptr, GroupOf(where), processing, piece);
            leg = 1;
            f.roundTrip = true;
            sendDevice = -1;
            break;
        }
        previous = at;
        last = &stamp;
    }
    const int64_t rest = now.GetNanoSeconds() - previous + std::max<int64_t>(queueNs, 0);
    if (last && last->GetPoint() == HopStampTag::IP_RECEIVE && queueNs < 0)
    {
        Add(f, TRANSPORT, leg, nullptr, groupOfDevice(last->GetWhere()), transport, rest);
    }
    else
    {
        Add(f, OTHER, leg, nullptr, -1, other, rest);
    }
}

std::string
LatencySegments::NameOf(const Segment& s, bool roundTrip) const
{
    const ScenarioSpec& spec = m_run.GetSpec();
    const std::string node = s.group >= 0 ? spec.nodes[s.group].name : "a node of no group";
    std::string name;
    switch (s.piece)
    {
    case HOP:
        name = s.link->name;
        break;
    case QUEUE:
        name = s.link->name + " queue at " + node;
        break;
    case FORWARDING:
        name = "forwarding at " + node;
        break;
    case TRANSPORT:
        name = "transport at " + node;
        break;
    case WAITING:
        return "waiting at " + node; // for a server: a compute node answers or sends on after it
    case PROCESSING:
        return "processing at " + node; // between the legs
    case OTHER:
        name = "unattributed";
        break;
    }
    return roundTrip ? name + (s.leg == 0 ? " (request)" : " (response)") : name;
}

std::vector<LatencySegment>
LatencySegments::GetSegments(uint32_t flow) const
{
    const FlowSegments& f = m_flows.at(flow);
    std::vector<LatencySegment> out;
    if (f.messages == 0)
    {
        return out;
    }
    for (const Segment& s : f.segments)
    {
        // Layers a packet crossed in no time (a UDP socket, IPv4 forwarding) say nothing; a hop,
        // its queue and a server's processing are worth seeing at zero.
        const bool alwaysShown =
            s.piece == HOP || s.piece == QUEUE || s.piece == WAITING || s.piece == PROCESSING;
        if (s.nanoseconds == 0 && !alwaysShown)
        {
            continue;
        }
        out.push_back(LatencySegment{NameOf(s, f.roundTrip),
                                     s.kind,
                                     static_cast<double>(s.nanoseconds) / 1e6 / f.messages});
    }
    return out;
}

} // namespace blueprint
} // namespace ns3
