/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A clinic on a remote island (Hachijojima) reaches a Tokyo data centre over a GEO VSAT. The
 * gateway sends a steady 20 Mbit/s download; a storm (rain rate chosen on the command line)
 * passes over the island from 10 s to 20 s. The example prints the MODCOD and the delivered
 * throughput every second, then the round trip of a ping.
 *
 *   ./build/examples/ntn-geo-example [--rain=15] [--seconds=30]
 */

#include "helper/technology/ntn/ntn-helper.h"
#include "model/ntn/ntn-channel.h"
#include "model/ntn/ntn-terminal-net-device.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;
using namespace ns3::blueprint;

int
main(int argc, char* argv[])
{
    double rain = 15;
    double seconds = 30;
    CommandLine cmd(__FILE__);
    cmd.AddValue("rain", "Rain rate of the storm at the clinic, mm/h", rain);
    cmd.AddValue("seconds", "Simulated time, s", seconds);
    cmd.Parse(argc, argv);

    // The "geo" preset: a satellite at 140E, TR 38.821 GEO Ka beams, a 60 cm VSAT. A 50 MHz
    // carrier keeps the example quick.
    NtnLinkSpec spec;
    NtnLinkSpec::ForTechnology("geo", spec);
    spec.beam.forwardBandwidthHz = 50e6;

    // Places: gateway in Tokyo (the plane's origin), clinic on Hachijojima.
    const GeographicFrame frame(35.68, 139.77, 0.0);
    NodeContainer nodes(2);
    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, 0));
    positions->Add(frame.GeographicToLocal(33.11, 139.79, 0.0));
    mobility.SetPositionAllocator(positions);
    mobility.Install(nodes);
    Ptr<Node> gateway = nodes.Get(0);
    Ptr<Node> clinic = nodes.Get(1);

    NtnHelper ntn;
    Ptr<NtnChannel> channel = ntn.CreateChannel(spec, frame);
    NetDeviceContainer devices = ntn.InstallGateway(gateway, channel);
    devices.Add(ntn.InstallTerminals(NodeContainer(clinic), channel, spec.terminal));
    ntn.AssignStreams(channel, 1);
    InternetStackHelper().Install(nodes);
    Ipv4InterfaceContainer ip = Ipv4AddressHelper("10.7.0.0", "255.255.0.0").Assign(devices);

    // A steady download to the clinic and a ping from it.
    PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), 9));
    Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkHelper.Install(clinic).Get(0));
    OnOffHelper download("ns3::UdpSocketFactory", InetSocketAddress(ip.GetAddress(1), 9));
    download.SetConstantRate(DataRate("20Mbps"), 1400);
    download.Install(gateway).Start(Seconds(1));
    UdpEchoServerHelper(7).Install(gateway);
    UdpEchoClientHelper echo(ip.GetAddress(0), 7);
    echo.SetAttribute("Interval", TimeValue(Seconds(1)));
    ApplicationContainer pinger = echo.Install(clinic);
    pinger.Start(Seconds(1.5));
    std::map<uint64_t, Time> sent;
    pinger.Get(0)->TraceConnectWithoutContext(
        "Tx",
        MakeBoundCallback(
            +[](std::map<uint64_t, Time>* m, Ptr<const Packet>) {
                (*m)[m->size()] = Simulator::Now();
            },
            &sent));
    uint64_t echoes = 0;
    pinger.Get(0)->TraceConnectWithoutContext(
        "Rx",
        MakeBoundCallback(
            +[](std::map<uint64_t, Time>* m, uint64_t* n, Ptr<const Packet>) {
                std::cout << "  ping RTT " << (Simulator::Now() - (*m)[(*n)++]).GetMilliSeconds()
                          << " ms\n";
            },
            &sent,
            &echoes));

    // The storm, and a report every second.
    Ptr<NtnTerminalNetDevice> vsat = DynamicCast<NtnTerminalNetDevice>(devices.Get(1));
    Simulator::Schedule(Seconds(10), [vsat, rain]() { vsat->SetRainRate(rain); });
    Simulator::Schedule(Seconds(20), [vsat]() { vsat->SetRainRate(0); });
    auto last = std::make_shared<uint64_t>(0);
    for (double t = 1; t <= seconds; t += 1)
    {
        Simulator::Schedule(Seconds(t), [channel, sink, last]() {
            const NtnLinkResult down = channel->GetLinkResult(0, true);
            const uint64_t rx = sink->GetTotalRx();
            std::cout << std::setw(4) << Simulator::Now().GetSeconds() << " s  Es/N0 " << std::fixed
                      << std::setprecision(1) << down.esN0Db << " dB  " << std::setw(14)
                      << (down.modcod ? down.modcod->name : "link down") << "  delivered "
                      << (rx - *last) * 8 / 1e6 << " Mbit/s\n";
            *last = rx;
        });
    }
    Simulator::Stop(Seconds(seconds));
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
