/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TIMESTAMP_ECHO_HEADER_H
#define BLUEPRINT_TIMESTAMP_ECHO_HEADER_H

#include "ns3/header.h"
#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Carries a request's transmit time back to the client inside a response.
 *
 * A response starts with its own TimestampHeader, whose txTime is the server's send time so the
 * client can measure the response's one-way latency; this header follows it and echoes the
 * request's txTime so the client can also measure the round-trip time. Keeping both times lets
 * one exchange yield the uplink, downlink and round-trip delays.
 *
 * Wire format (network byte order), SERIALIZED_SIZE = 8 bytes: request txTime in nanoseconds,
 * signed.
 */
class TimestampEchoHeader : public Header
{
  public:
    /// Bytes this header occupies on the wire.
    static constexpr uint32_t SERIALIZED_SIZE = 8;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a header echoing time zero.
    TimestampEchoHeader();

    /**
     * \param requestTxTime the transmit time of the request this response answers.
     */
    void SetRequestTxTime(Time requestTxTime);

    /**
     * \return the transmit time of the request this response answers.
     */
    Time GetRequestTxTime() const;

    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

  private:
    Time m_requestTxTime; //!< transmit time of the request being answered
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TIMESTAMP_ECHO_HEADER_H */
