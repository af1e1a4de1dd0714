/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TIMESTAMP_HEADER_H
#define BLUEPRINT_TIMESTAMP_HEADER_H

#include "ns3/header.h"
#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The header every blueprint traffic packet (or TCP chunk) starts with.
 *
 * It carries what the receiver needs to measure one-way latency application to application and to
 * attribute the packet to a flow: the flow and member (sender/receiver pair) numbers, a per-member
 * sequence number starting at 0, the sender's transmit time, and the total size of the packet or
 * chunk it heads. The size lets a receiver cut a TCP byte stream back into the chunks the sender
 * handed to its socket.
 *
 * Wire format (network byte order), SERIALIZED_SIZE = 28 bytes:
 * flowId (4) | memberId (4) | seq (8) | txTime in nanoseconds, signed (8) | size (4).
 */
class TimestampHeader : public Header
{
  public:
    /// Bytes this header occupies on the wire; the smallest packet a timestamped source can send.
    static constexpr uint32_t SERIALIZED_SIZE = 28;

    /**
     * \brief Signature of the trace sources fired when a timestamped packet is sent.
     * \param header the header of the packet.
     * \param bytes the size of the packet (header included).
     */
    typedef void (*TxTracedCallback)(const TimestampHeader& header, uint32_t bytes);

    /**
     * \brief Signature of the trace sources fired when a timestamped packet is received.
     * \param header the header of the packet.
     * \param bytes the size of the packet (header included).
     * \param delay the one-way delay, receive time minus the header's transmit time.
     */
    typedef void (*RxTracedCallback)(const TimestampHeader& header, uint32_t bytes, Time delay);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a header with all fields zero.
    TimestampHeader();

    /**
     * \param flowId the number of the flow the packet belongs to.
     */
    void SetFlowId(uint32_t flowId);

    /**
     * \return the number of the flow the packet belongs to.
     */
    uint32_t GetFlowId() const;

    /**
     * \param memberId the number of the sender/receiver pair within the flow.
     */
    void SetMemberId(uint32_t memberId);

    /**
     * \return the number of the sender/receiver pair within the flow.
     */
    uint32_t GetMemberId() const;

    /**
     * \param seq the sequence number of the packet within its member, starting at 0.
     */
    void SetSeq(uint64_t seq);

    /**
     * \return the sequence number of the packet within its member.
     */
    uint64_t GetSeq() const;

    /**
     * \param txTime the time the sender handed the packet to its socket.
     */
    void SetTxTime(Time txTime);

    /**
     * \return the time the sender handed the packet to its socket.
     */
    Time GetTxTime() const;

    /**
     * \param size the total size in bytes of the packet or chunk this header starts, header
     *        included; at least SERIALIZED_SIZE.
     */
    void SetSize(uint32_t size);

    /**
     * \return the total size in bytes of the packet or chunk this header starts.
     */
    uint32_t GetSize() const;

    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

  private:
    uint32_t m_flowId;   //!< flow number
    uint32_t m_memberId; //!< member (sender/receiver pair) number within the flow
    uint64_t m_seq;      //!< sequence number within the member
    Time m_txTime;       //!< time the sender handed the packet to its socket
    uint32_t m_size;     //!< total bytes of the packet or chunk, header included
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TIMESTAMP_HEADER_H */
