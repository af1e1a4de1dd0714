/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint
 * \brief Two nodes on a 100 km fibre link: measured one-way delay against the predicted budget.
 *
 * Node A sends a 1000-byte timestamped UDP packet every 100 ms to node B over one
 * WiredLinkHelper link of profile "fiber". B is router-class equipment, so its per-hop forwarding
 * latency is added to every packet it receives. For each packet the program prints the one-way
 * delay the TimestampSink measured, application to application, next to the budget
 * WiredLinkHelper::OneWayDelay predicts:
 *
 *     propagation (4.897 us/km) + equipment latency + serialisation at the line rate
 *     + the receiver's processing delay
 *
 * The difference is queueing, which the budget leaves out: zero while the packets are spaced
 * apart, growing once they arrive faster than the link drains them. Try
 *
 *     wired-fiber-example --rate=10Mbps --interval=500us --count=8
 *
 * to see the queue build, or --equipment=server for an end host with no forwarding latency.
 */

#include "helper/technology/wired/wired-link-helper.h"
#include "model/equipment/equipment-profile.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cstdio>

using namespace ns3;
using namespace ns3::blueprint;

NS_LOG_COMPONENT_DEFINE("BlueprintWiredFiberExample");

namespace
{

/// Bytes the stack adds to an application payload on a point-to-point wire: UDP header 8 (RFC
/// 768), IPv4 header 20 (RFC 791), PPP protocol field 2 (RFC 1661), which ns-3's
/// PointToPointNetDevice adds.
constexpr uint32_t UDP_IPV4_PPP_OVERHEAD = 8 + 20 + 2;

/// UDP port the sink listens on.
constexpr uint16_t SINK_PORT = 9000;

/**
 * \brief Print one received packet's measured delay next to the predicted budget.
 * \param predicted the budget from WiredLinkHelper::OneWayDelay.
 * \param header the packet's timestamp header.
 * \param bytes the packet's size.
 * \param delay the measured one-way delay.
 */
void
PrintDelay(Time predicted, const TimestampHeader& header, uint32_t bytes, Time delay)
{
    std::printf("%5llu %12.6f %14.3f %14.3f %14.3f\n",
                static_cast<unsigned long long>(header.GetSeq()),
                header.GetTxTime().GetSeconds(),
                delay.GetNanoSeconds() / 1e3,
                predicted.GetNanoSeconds() / 1e3,
                (delay - predicted).GetNanoSeconds() / 1e3);
}

} // namespace

int
main(int argc, char* argv[])
{
    double lengthKm = 100.0;
    DataRate rate("1Gbps");
    uint32_t packetSize = 1000;
    Time interval = MilliSeconds(100);
    uint32_t count = 10;
    std::string equipment = "router";

    CommandLine cmd(__FILE__);
    cmd.AddValue("length", "fibre length in km", lengthKm);
    cmd.AddValue("rate", "line rate, both directions (e.g. 1Gbps, 10Mbps)", rate);
    cmd.AddValue("size", "packet size in bytes, timestamp header included", packetSize);
    cmd.AddValue("interval", "gap between packets (e.g. 100ms, 500us)", interval);
    cmd.AddValue("count", "number of packets to send", count);
    cmd.AddValue("equipment", "equipment profile of the receiving node", equipment);
    cmd.Parse(argc, argv);

    const EquipmentProfile* receiver = EquipmentProfile::Find(equipment);
    if (!receiver)
    {
        std::fprintf(stderr, "unknown equipment profile '%s'\n", equipment.c_str());
        return 1;
    }

    // The link: fibre from A (the network side, sending "down") to B.
    WiredLinkSettings link;
    link.profile = "fiber";
    link.rateDown = static_cast<double>(rate.GetBitRate());
    link.lengthMetres = lengthKm * 1000.0;
    link.processingB = receiver->processingDelay;
    link.capB = receiver->capacityCap;

    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper internet;
    internet.Install(nodes);
    WiredLinkHelper wired;
    NetDeviceContainer devices = wired.Install(nodes.Get(0), nodes.Get(1), link);
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.252");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    // B listens; A sends count packets, one every interval, from t = 1 s.
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), SINK_PORT)));
    nodes.Get(1)->AddApplication(sink);
    sink->SetStartTime(Seconds(0));

    Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
    source->SetAttribute("Remote",
                         AddressValue(InetSocketAddress(interfaces.GetAddress(1), SINK_PORT)));
    source->SetAttribute("Interval", TimeValue(interval));
    source->SetAttribute("PacketSize", UintegerValue(packetSize));
    nodes.Get(0)->AddApplication(source);
    const Time start = Seconds(1);
    // Fixed gaps send at start, start + interval, ...: exactly count instants before the stop.
    const Time stop = start + interval * static_cast<int64_t>(count);
    source->SetStartTime(start);
    source->SetStopTime(stop);

    // The budget of one packet, and its parts.
    const uint32_t bytesOnWire = packetSize + UDP_IPV4_PPP_OVERHEAD;
    const Time predicted = WiredLinkHelper::OneWayDelay(link, bytesOnWire, true);
    const Time propagation = WiredLinkHelper::PropagationDelay(link);
    const Time wire = WiredLinkHelper::ChannelDelay(link);
    const WiredLinkRates rates = WiredLinkHelper::EffectiveRates(link);
    const Time serialisation =
        DataRate(static_cast<uint64_t>(rates.aToB)).CalculateBytesTxTime(bytesOnWire);
    std::printf("%.3f km of fiber at %.6g Mbit/s, receiver '%s'\n",
                lengthKm,
                rates.aToB / 1e6,
                equipment.c_str());
    std::printf("  propagation        %12.3f us\n", propagation.GetNanoSeconds() / 1e3);
    std::printf("  equipment latency  %12.3f us\n", (wire - propagation).GetNanoSeconds() / 1e3);
    std::printf("  serialisation      %12.3f us  (%u bytes on the wire)\n",
                serialisation.GetNanoSeconds() / 1e3,
                bytesOnWire);
    std::printf("  processing at B    %12.3f us\n",
                receiver->processingDelay.GetNanoSeconds() / 1e3);
    std::printf("  predicted one-way  %12.3f us\n\n", predicted.GetNanoSeconds() / 1e3);
    std::printf("%5s %12s %14s %14s %14s\n",
                "seq",
                "sent (s)",
                "measured (us)",
                "predicted (us)",
                "queueing (us)");

    sink->TraceConnectWithoutContext("Rx", MakeBoundCallback(&PrintDelay, predicted));

    Simulator::Stop(stop + Seconds(1));
    Simulator::Run();
    std::printf("\n%llu sent, %llu received\n",
                static_cast<unsigned long long>(source->GetSentPackets()),
                static_cast<unsigned long long>(sink->GetReceivedPackets()));
    Simulator::Destroy();
    return 0;
}
