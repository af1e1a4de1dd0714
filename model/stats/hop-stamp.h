/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_HOP_STAMP_H
#define BLUEPRINT_HOP_STAMP_H

#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/tag.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A time stamp that a packet picks up at one point of its path, from which the delay of
 * the packet is split into the segments it crossed (doc/metrics.rst, Where the milliseconds go).
 *
 * A stamp is a byte tag, not a packet tag: ns-3 keeps byte tags on the bytes they were added to
 * through everything its models do to a packet on the way (IPv4 fragmentation and reassembly,
 * TCP segmentation and reassembly, LTE RLC segmentation and concatenation, GTP tunnels), where
 * packet tags are lost. Tags are metadata: they add nothing to a packet's size on the wire and
 * change no timing.
 *
 * What `where` names depends on the point: for the points of the IPv4 layer and the devices, an
 * index in the table of the probes that added it (LatencySegments); for the application points,
 * the node's id.
 *
 * Serialized: point (1) | where (4) | time in nanoseconds, signed (8).
 */
class HopStampTag : public Tag
{
  public:
    /// Where on the path a stamp was added.
    enum Point : uint8_t
    {
        IP_SEND = 0,         //!< the IPv4 layer handed the packet to an interface (sent, forwarded)
        DEVICE_TX_START = 1, //!< the interface's device began to transmit it (left its queues)
        IP_RECEIVE = 2,      //!< the IPv4 layer received it from an interface
        APP_RECEIVE = 3,     //!< a server application received the request it answers
        APP_SEND = 4,        //!< the server application handed its response to its socket
        SERVICE_START = 5,   //!< a compute node's server began to serve it (it waited till now)
        SERVICE_END = 6,     //!< that service ended: the node answers or sends it on
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// An empty stamp (point IP_SEND, where 0, time 0), for reading one back.
    HopStampTag();

    /**
     * \param point where on the path
     * \param where a probe's device index (IPv4 and device points) or a node id (application)
     * \param time when
     */
    HopStampTag(Point point, uint32_t where, Time time);

    /// \return where on the path the stamp was added
    Point GetPoint() const;

    /// \return the probe's device index, or the node id of an application point
    uint32_t GetWhere() const;

    /// \return when the stamp was added
    Time GetTime() const;

    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(TagBuffer buffer) const override;
    void Deserialize(TagBuffer buffer) override;
    void Print(std::ostream& os) const override;

  private:
    Point m_point;    //!< where on the path
    uint32_t m_where; //!< device index or node id
    int64_t m_timeNs; //!< when, ns
};

/**
 * \ingroup blueprint
 * \brief Stamp the bytes of a packet now, from `fromByte` to its end.
 * \param packet the packet
 * \param point where on the path
 * \param where a probe's device index or a node id (HopStampTag)
 * \param fromByte the first byte stamped (its headers' bytes need none: only the payload's last
 * byte is ever read)
 */
void AddHopStamp(Ptr<const Packet> packet,
                 HopStampTag::Point point,
                 uint32_t where,
                 uint32_t fromByte = 0);

/**
 * \ingroup blueprint
 * \brief Stamp the whole packet with a time already past: a compute node learns when a service
 * began only when it ends (ComputeServer::JobTimes).
 * \param packet the packet
 * \param point where on the path
 * \param where the node id (an application point)
 * \param at when, not after now
 */
void AddHopStampAt(Ptr<const Packet> packet, HopStampTag::Point point, uint32_t where, Time at);

/**
 * \ingroup blueprint
 * \brief The stamps on a packet's last byte, in the order they were added: the path of the
 * packet that completed it (a TCP chunk's last segment, a datagram's last fragment).
 * \param packet the packet (empty: no stamps)
 * \return the stamps
 */
std::vector<HopStampTag> GetLastByteStamps(Ptr<const Packet> packet);

/**
 * \ingroup blueprint
 * \brief A server answers a request: its response carries the request's path (the stamps on the
 * request's last byte, the last of them APP_RECEIVE from when the server took the request), then
 * APP_SEND now, so the client's round trip can be split over both legs and the server.
 * \param request the request as the server received it, stamped APP_RECEIVE on receipt
 * \param response the response, before it is handed to the socket
 * \param nodeId the server's node
 */
void CarryHopStamps(Ptr<const Packet> request, Ptr<const Packet> response, uint32_t nodeId);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_HOP_STAMP_H
