/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The program behind bench/ntn-bench.sh: a Starlink-like shell (1,584 satellites) serving N
 * terminals spread over Japan, homed on the nearest of four gateways, each sending a 200 B UDP
 * packet every 100 ms to its gateway for 60 simulated seconds. Prints one line: terminals,
 * simulated seconds, wall seconds of the run, events, packets delivered, beams.
 *
 *   ./build/examples/ntn-scale-example --terminals=100 [--seconds=60] [--perPlane=22]
 */

#include "helper/technology/ntn/ntn-helper.h"
#include "model/ntn/ntn-channel.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <chrono>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    uint32_t terminals = 100;
    double seconds = 60;
    uint32_t perPlane = 22;
    CommandLine cmd(__FILE__);
    cmd.AddValue("perPlane",
                 "Satellites per plane of the 72-plane shell (22: 1,584 in all)",
                 perPlane);
    cmd.AddValue("terminals", "Number of terminals", terminals);
    cmd.AddValue("seconds", "Simulated time, s", seconds);
    cmd.Parse(argc, argv);

    NtnLinkSpec spec;
    NtnLinkSpec::ForTechnology("leo", spec);
    spec.platform.perPlane = perPlane;
    const GeographicFrame frame(35.68, 139.77, 0.0);
    // Gateways near Sapporo, Tokyo, Osaka and Fukuoka (assumed sites).
    const std::vector<std::pair<double, double>> gatewaySites = {{43.06, 141.35},
                                                                 {36.40, 140.55},
                                                                 {34.69, 135.50},
                                                                 {33.59, 130.40}};
    NtnHelper ntn;
    Ptr<NtnChannel> channel = ntn.CreateChannel(spec, frame);
    NodeContainer gateways(gatewaySites.size());
    NetDeviceContainer gatewayDevices;
    for (uint32_t g = 0; g < gatewaySites.size(); ++g)
    {
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(frame.GeographicToLocal(gatewaySites[g].first, gatewaySites[g].second, 0));
        gateways.Get(g)->AggregateObject(m);
        gatewayDevices.Add(ntn.InstallGateway(gateways.Get(g), channel));
    }
    // Terminals on a deterministic pseudo-random spread over the Japanese main islands' span.
    Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
    u->SetStream(7);
    NodeContainer uts(terminals);
    std::vector<NetDeviceContainer> terminalDevices(gatewaySites.size());
    for (uint32_t i = 0; i < terminals; ++i)
    {
        const double lat = u->GetValue(33.0, 43.0);
        const double lon = u->GetValue(130.5, 144.0);
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(frame.GeographicToLocal(lat, lon, 0));
        uts.Get(i)->AggregateObject(m);
        uint32_t nearest = 0;
        for (uint32_t g = 1; g < gatewaySites.size(); ++g)
        {
            if (GeographicFrame::GreatCircleDistance(lat,
                                                 lon,
                                                 gatewaySites[g].first,
                                                 gatewaySites[g].second) <
                GeographicFrame::GreatCircleDistance(lat,
                                                 lon,
                                                 gatewaySites[nearest].first,
                                                 gatewaySites[nearest].second))
            {
                nearest = g;
            }
        }
        terminalDevices[nearest].Add(
            ntn.InstallTerminals(NodeContainer(uts.Get(i)), channel, spec.terminal, nearest));
    }
    ntn.AssignStreams(channel, 1);
    InternetStackHelper internet;
    internet.Install(gateways);
    internet.Install(uts);
    Ipv4AddressHelper ip("10.0.0.0", "255.0.0.0");
    Ipv4InterfaceContainer gatewayAddresses = ip.Assign(gatewayDevices);
    Ipv4StaticRoutingHelper routing;
    UdpServerHelper server(9);
    server.Install(gateways);
    for (uint32_t g = 0; g < gatewaySites.size(); ++g)
    {
        ip.Assign(terminalDevices[g]);
        UdpClientHelper client(gatewayAddresses.GetAddress(g), 9);
        client.SetAttribute("MaxPackets", UintegerValue(1u << 30));
        client.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
        client.SetAttribute("PacketSize", UintegerValue(200));
        for (uint32_t i = 0; i < terminalDevices[g].GetN(); ++i)
        {
            Ptr<Node> node = terminalDevices[g].Get(i)->GetNode();
            routing.GetStaticRouting(node->GetObject<Ipv4>())
                ->SetDefaultRoute(gatewayAddresses.GetAddress(g), 1);
            ApplicationContainer app = client.Install(node);
            app.Start(Seconds(u->GetValue(0.0, 0.1)));
        }
    }
    uint64_t delivered = 0;
    channel->TraceConnectWithoutContext(
        "Delivery",
        MakeBoundCallback(
            +[](uint64_t* n, uint32_t, bool, Ptr<const Packet>, Time, Time, Time, int64_t) {
                ++*n;
            },
            &delivered));
    Simulator::Stop(Seconds(seconds));
    const auto start = std::chrono::steady_clock::now();
    Simulator::Run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "satellites " << 72 * perPlane << " terminals " << terminals << " simulated_s "
              << seconds << " wall_s " << wall << " events " << Simulator::GetEventCount()
              << " delivered " << delivered << " beams " << channel->GetNBeams() << "\n";
    Simulator::Destroy();
    return 0;
}
