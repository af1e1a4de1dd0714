/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic for the optical and PON tests: blueprint's timestamped sources and sinks, with the
 * one-way delays and bytes a sink receives recorded.
 */

#ifndef BLUEPRINT_TEST_TRAFFIC_PROBES_H
#define BLUEPRINT_TEST_TRAFFIC_PROBES_H

#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace ns3
{
namespace blueprint
{

namespace test
{

/// One-way delays recorded by a TimestampSink, with the bytes received.
struct DelayRecorder
{
    std::vector<Time> delays; //!< in arrival order
    uint64_t bytes = 0;       //!< message bytes received

    /// TimestampSink "Rx" sink.
    void OnRx(const TimestampHeader&, uint32_t size, Time delay)
    {
        delays.push_back(delay);
        bytes += size;
    }

    /// \return the mean delay
    Time Mean() const
    {
        return std::accumulate(delays.begin(), delays.end(), Time(0)) / delays.size();
    }

    /// \return the largest delay
    Time Max() const
    {
        return *std::max_element(delays.begin(), delays.end());
    }
};

/// A UDP sink on `port` recording delays (if `recorder` is given).
inline Ptr<TimestampSink>
InstallSink(Ptr<Node> node, uint16_t port, DelayRecorder* recorder)
{
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
    node->AddApplication(sink);
    if (recorder)
    {
        sink->TraceConnectWithoutContext("Rx", MakeCallback(&DelayRecorder::OnRx, recorder));
    }
    return sink;
}

/// A periodic UDP source of `size`-byte packets every `interval` (exponential gaps if asked).
inline Ptr<PeriodicSource>
InstallSource(Ptr<Node> node,
              Ipv4Address to,
              uint16_t port,
              uint32_t flow,
              uint32_t size,
              Time interval,
              bool exponential,
              Time start,
              Time stop)
{
    Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
    source->SetAttribute("Remote", AddressValue(InetSocketAddress(to, port)));
    source->SetAttribute("FlowId", UintegerValue(flow));
    source->SetAttribute("PacketSize", UintegerValue(size));
    source->SetAttribute("Interval", TimeValue(interval));
    if (exponential)
    {
        source->SetAttribute("Distribution", StringValue("Exponential"));
    }
    source->SetStartTime(start);
    source->SetStopTime(stop);
    node->AddApplication(source);
    source->AssignStreams(flow);
    return source;
}

} // namespace test
} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TEST_TRAFFIC_PROBES_H */
