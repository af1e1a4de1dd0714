/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LATENCY_SEGMENTS_H
#define BLUEPRINT_LATENCY_SEGMENTS_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-build.h"
#include "model/stats/hop-stamp.h"

#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/trace-source-accessor.h"

#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What the IPv4 probes of one node need (LatencySegments).
 */
struct LatencySegmentsNodeProbes
{
    std::vector<int32_t> deviceOfInterface; //!< the probed device behind an interface, or -1
    std::vector<bool> stampsTxStart;        //!< whether that device stamps its transmissions
};

/**
 * \ingroup blueprint
 * \brief Where each flow's milliseconds go: its mean delay split into the segments its packets
 * crossed (doc/metrics.rst, Where the milliseconds go).
 *
 * Install() puts probes on the devices of every edge of the routing graph, so that a packet
 * rerouted around a fault or handed over to another cell is followed too: on each of their nodes,
 * the IPv4 layer stamps a packet it hands to one of those devices (sent or forwarded, IP_SEND;
 * a forward onto a device that stamps its transmissions is left to the device, since a forward
 * takes no time)
 * and one it receives from one (IP_RECEIVE), and each device that reports the start of a
 * transmission (a "PhyTxBegin" trace source, as ns-3's point-to-point device has) stamps the
 * packet as it leaves the device's queues (DEVICE_TX_START). The stamps are byte tags
 * (HopStampTag): they change no packet's size or timing and add no event.
 *
 * When a flow's message is delivered (each distinct one, exactly those FlowRecord counts), Commit()
 * reads the stamps on its last byte and cuts the time from its send to now at each stamp:
 *
 * - IP_SEND then DEVICE_TX_START on one device: the queue into the hop (traffic control and the
 *   device queue), kind "queueing";
 * - then IP_RECEIVE on the other end's device: the hop itself, named after its link, of the kind
 *   its technology gives its edge (RoutingEdge::segmentKind); without DEVICE_TX_START the hop
 *   holds its queue too (a cell's buffer, scheduling and HARQ are radio access);
 * - the send to the first IP_SEND, and the last IP_RECEIVE to the delivery: the transport layer
 *   at the sender and the receiver (TCP's buffers, retransmissions and reordering; zero for UDP);
 * - a server's APP_RECEIVE to APP_SEND (CarryHopStamps): processing at the server; at a compute
 *   node (ComputeSink), APP_RECEIVE to SERVICE_START is the wait for a server, "waiting at NODE"
 *   (kind "queueing"), and SERVICE_START to SERVICE_END its service, "processing at NODE".
 *
 * Every piece of every packet lands in one segment, so a flow's segment means add up to its mean
 * delay exactly (to the nanosecond per packet). Segments are summed in integer nanoseconds.
 */
class LatencySegments
{
  public:
    /**
     * \param run the run, with its links built (outlives this)
     * \param flows the number of flows
     */
    LatencySegments(ScenarioBuild& run, std::size_t flows);

    /// Put probes on the devices of every edge of the routing graph and on their nodes, and on
    /// each device an edge moves to later (a terminal's handover to a cell not yet serving any).
    void Install();

    /**
     * \brief A flow's message was delivered (the first time): split its delay.
     * \param flow the flow's index
     * \param message the message as the receiving application got it
     * \param sent when its sender sent it (for a round trip: when the request was sent)
     * \param now the delivery
     */
    void Commit(uint32_t flow, Ptr<const Packet> message, Time sent, Time now);

    /**
     * \param flow the flow's index
     * \return its segments, in the order they were first crossed, each with its mean over the
     *         messages committed; segments that only ever held zero time and are no link (a UDP
     *         flow's transport layers) are left out
     */
    std::vector<LatencySegment> GetSegments(uint32_t flow) const;

  private:
    /**
     * \brief Probe a device (once) as an end of an edge: its interface on its node's IPv4
     * probes, its start of transmission if it reports one.
     * \param device the device
     * \param edge the edge it is an end of
     */
    void Probe(const Ptr<NetDevice>& device, uint32_t edge);

    /// A probed device: an end of at least one edge.
    struct Device
    {
        Ptr<NetDevice> device;       //!< the device
        uint32_t node = 0;           //!< its node's id
        int32_t group = -1;          //!< its node's group in the spec's nodes (-1: none)
        std::vector<uint32_t> edges; //!< the edges it was an end of when probes were installed
        int64_t lastFrom = -1;       //!< the device the last hop into this one came from
        int64_t lastEdge = -1;       //!< that hop's edge: most devices have one peer
    };

    /// What one node's IPv4 probes need.
    using NodeProbes = LatencySegmentsNodeProbes;

    /// What a piece of a packet's delay is.
    enum Piece : uint8_t
    {
        HOP,        //!< a hop of a link
        QUEUE,      //!< the queue into a hop
        FORWARDING, //!< a node between two hops
        TRANSPORT,  //!< the transport layer of a sender or receiver
        WAITING,    //!< a message waiting for a compute node's server
        PROCESSING, //!< a server between a request and its response, or a compute node's service
        OTHER,      //!< time between stamps no edge explains
    };

    /// One segment of one flow.
    struct Segment
    {
        Piece piece = OTHER;            //!< what it is
        uint8_t leg = 0;                //!< 0: one-way or the request, 1: the response
        const LinkSpec* link = nullptr; //!< its link (HOP, QUEUE)
        int32_t group = -1;             //!< its node's group in the spec's nodes (-1: none)
        std::string kind;               //!< its kind in results
        int64_t nanoseconds = 0;        //!< summed over the messages committed
    };

    /// One flow's segments.
    struct FlowSegments
    {
        std::vector<Segment> segments; //!< in the order first crossed
        uint64_t messages = 0;         //!< messages committed
        bool roundTrip = false;        //!< a response leg was seen
    };

    /**
     * \param from the device that sent a packet
     * \param to the device that received it
     * \return the edge joining them now, or -1
     */
    int64_t EdgeBetween(uint32_t from, uint32_t to);

    /**
     * \param nodeId a node
     * \return its group's index in the spec's nodes, or -1 for a node no group holds
     */
    int32_t GroupOf(uint32_t nodeId) const;

    /**
     * \brief Add time to one of a flow's segments, making it on first use.
     */
    void Add(FlowSegments& flow,
             Piece piece,
             uint8_t leg,
             const LinkSpec* link,
             int32_t group,
             const std::string& kind,
             int64_t nanoseconds);

    /**
     * \return a segment's name in results
     */
    std::string NameOf(const Segment& segment, bool roundTrip) const;

    ScenarioBuild& m_run;                                    //!< the run
    std::vector<Device> m_devices;                           //!< probed devices
    std::map<NetDevice*, uint32_t> m_indexOf;                //!< device -> index in m_devices
    std::map<uint32_t, std::unique_ptr<NodeProbes>> m_nodes; //!< by node id (stable addresses)
    std::unordered_map<uint32_t, int32_t> m_groupOfNode;     //!< node id -> group index
    std::unordered_map<uint64_t, int64_t> m_edgeCache;       //!< (from << 32 | to) -> edge
    std::vector<FlowSegments> m_flows;                       //!< per flow
    Ptr<const TraceSourceAccessor> m_sendOutgoing;           //!< Ipv4L3Protocol's "SendOutgoing"
    Ptr<const TraceSourceAccessor> m_unicastForward;         //!< Ipv4L3Protocol's "UnicastForward"
    Ptr<const TraceSourceAccessor> m_ipv4Rx;                 //!< Ipv4L3Protocol's "Rx"
    /// A device type's "PhyTxBegin", or null, by TypeId uid
    std::map<uint16_t, Ptr<const TraceSourceAccessor>> m_txStartOfType;
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LATENCY_SEGMENTS_H
