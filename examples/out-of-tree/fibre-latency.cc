/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \brief A researcher's own ns-3 program using blueprint's models from the installed module.
 *
 * Built outside the blueprint tree with its own CMakeLists.txt (find_package(blueprint), target
 * blueprint::blueprint), as doc/building-on.rst shows; test/install/ builds and runs it against
 * the installed module. A town's server sends to a data centre 60 km away over ns-3's own
 * point-to-point link, whose delay comes from blueprint's "fiber" profile (4.897 us/km);
 * blueprint's PeriodicSource sends timestamped packets, its TimestampSink measures their one-way
 * latency and its LatencyDigest summarises it. The packets are spaced apart, so no packet queues
 * and each one's delay must be exactly propagation plus serialisation. The program says so and
 * exits with status 0, or prints the packet that disagrees and exits with status 1.
 *
 *     fibre-latency [--length=60] [--count=10]
 */

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <blueprint/model/stats/latency-digest.h>
#include <blueprint/model/traffic/periodic-source.h>
#include <blueprint/model/traffic/timestamp-header.h>
#include <blueprint/model/traffic/timestamp-sink.h>
#include <blueprint/model/wired/wired-link-profile.h>
#include <cmath>
#include <cstdio>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Bytes the stack adds to a UDP payload on a point-to-point link: UDP header 8 (RFC 768), IPv4
/// header 20 (RFC 791), PPP protocol field 2 (RFC 1661).
constexpr uint32_t UDP_IPV4_PPP_OVERHEAD = 8 + 20 + 2;

/// UDP port the sink listens on.
constexpr uint16_t SINK_PORT = 9000;

/// What the sink saw.
struct Measurement
{
    LatencyDigest latency;   //!< one-way delays, s
    uint64_t mismatches = 0; //!< packets whose delay differs from the prediction
    Time predicted;          //!< propagation plus serialisation
};

/**
 * \brief Record one received packet's one-way delay and compare it with the prediction.
 * \param m where the measurement goes.
 * \param header the packet's timestamp header.
 * \param bytes the packet's size.
 * \param delay the one-way delay the sink measured.
 */
void
Received(Measurement* m, const TimestampHeader& header, uint32_t bytes, Time delay)
{
    m->latency.Add(delay.GetSeconds());
    if (delay != m->predicted)
    {
        ++m->mismatches;
        std::printf("packet %llu: measured %lld ns, predicted %lld ns\n",
                    static_cast<unsigned long long>(header.GetSeq()),
                    static_cast<long long>(delay.GetNanoSeconds()),
                    static_cast<long long>(m->predicted.GetNanoSeconds()));
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    double lengthKm = 60.0;
    uint32_t count = 10;
    CommandLine cmd(__FILE__);
    cmd.AddValue("length", "fibre length, km", lengthKm);
    cmd.AddValue("count", "packets to send, one every 10 ms", count);
    cmd.Parse(argc, argv);

    const WiredLinkProfile* fibre = WiredLinkProfile::Find("fiber");
    NS_ABORT_MSG_IF(fibre == nullptr, "blueprint has no \"fiber\" profile");
    const Time propagation =
        NanoSeconds(std::llround(lengthKm * 1000.0 * fibre->propagationDelayPerMetre * 1e9));

    // Two nodes on ns-3's point-to-point link at 1 Gbit/s with the fibre's propagation delay.
    NodeContainer nodes;
    nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", TimeValue(propagation + fibre->equipmentLatency));
    NetDeviceContainer devices = p2p.Install(nodes);
    InternetStackHelper internet;
    internet.Install(nodes);
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.252");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    // blueprint's traffic: 1000-byte timestamped packets every 10 ms from node 0 to node 1.
    const uint32_t packetSize = 1000;
    const Time interval = MilliSeconds(10);
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT)));
    nodes.Get(1)->AddApplication(sink);
    Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
    source->SetAttribute("Remote",
                         AddressValue(InetSocketAddress(interfaces.GetAddress(1), SINK_PORT)));
    source->SetAttribute("Interval", TimeValue(interval));
    source->SetAttribute("PacketSize", UintegerValue(packetSize));
    nodes.Get(0)->AddApplication(source);
    const Time start = Seconds(1);
    source->SetStartTime(start);
    source->SetStopTime(start + interval * static_cast<int64_t>(count));

    Measurement m;
    m.predicted = propagation + fibre->equipmentLatency +
                  DataRate("1Gbps").CalculateBytesTxTime(packetSize + UDP_IPV4_PPP_OVERHEAD);
    sink->TraceConnectWithoutContext("Rx", MakeBoundCallback(&Received, &m));

    Simulator::Stop(start + interval * static_cast<int64_t>(count) + Seconds(1));
    Simulator::Run();
    const uint64_t sent = source->GetSentPackets();
    const uint64_t received = sink->GetReceivedPackets();
    Simulator::Destroy();

    std::printf("blueprint %s, %.1f km of fibre at %.3f us/km\n",
                BLUEPRINT_VERSION,
                lengthKm,
                fibre->propagationDelayPerMetre * 1e9);
    std::printf("predicted one-way delay %.3f us\n", m.predicted.GetNanoSeconds() / 1e3);
    if (received > 0)
    {
        std::printf("received %llu of %llu, one-way min %.3f us, median %.3f us, max %.3f us\n",
                    static_cast<unsigned long long>(received),
                    static_cast<unsigned long long>(sent),
                    m.latency.GetMin() * 1e6,
                    m.latency.GetQuantile(0.5) * 1e6,
                    m.latency.GetMax() * 1e6);
    }
    const bool ok = sent == count && received == sent && m.mismatches == 0;
    std::printf("%s\n", ok ? "every packet took exactly the predicted time" : "MISMATCH");
    return ok ? 0 : 1;
}
