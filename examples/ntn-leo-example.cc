/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A Starlink-like terminal on the Noto peninsula pings a server in Tokyo through a gateway in
 * Ibaraki. Every second the example prints the serving satellite, its elevation, the link's
 * MODCOD and the propagation delay; at the end, the round trips the pings saw.
 *
 *   ./build/examples/ntn-leo-example [--seconds=60] [--rain=0] [--load=0]
 */

#include "helper/technology/ntn/ntn-helper.h"
#include "model/ntn/ntn-channel.h"
#include "model/traffic/request-response-client.h"
#include "model/traffic/request-response-server.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>

using namespace ns3;
using namespace ns3::blueprint;

/// A node at a latitude and longitude on the scenario's plane.
static Ptr<Node>
NodeAt(const GeographicFrame& frame, double lat, double lon)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(frame.GeographicToLocal(lat, lon, 0.0));
    node->AggregateObject(m);
    return node;
}

/// Print where the terminal's link stands.
static void
Report(Ptr<NtnChannel> channel)
{
    const int64_t sat = channel->GetServingPlatform(0);
    PointerValue pv;
    channel->GetAttribute("Platform", pv);
    Ptr<NtnPlatform> platform = pv.Get<NtnPlatform>();
    const NtnLinkResult down = channel->GetLinkResult(0, true);
    std::cout << std::fixed << std::setprecision(1) << std::setw(5) << Simulator::Now().GetSeconds()
              << " s  ";
    if (sat < 0)
    {
        std::cout << "no satellite in view\n";
    }
    else
    {
        const NtnLookAngles look =
            NtnLook(channel->GetTerminalPoint(0), platform->GetPosition(sat, Simulator::Now()));
        std::cout << std::setw(18) << platform->GetPlatformName(sat) << "  elevation "
                  << std::setw(4) << look.elevationDeg << " deg  "
                  << (down.modcod ? down.modcod->name : "link down") << "  one-way "
                  << std::setprecision(3)
                  << channel->GetPropagationDelay(0, true, Simulator::Now()).GetSeconds() * 1e3
                  << " ms\n";
    }
    Simulator::Schedule(Seconds(1), &Report, channel);
}

int
main(int argc, char* argv[])
{
    double seconds = 60;
    double rain = 0;
    double load = 0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("seconds", "Simulated time, s", seconds);
    cmd.AddValue("rain", "Rain rate at the terminal, mm/h", rain);
    cmd.AddValue("load", "Share of the beam taken by other subscribers", load);
    cmd.Parse(argc, argv);

    // 1. The link: the "leo" preset (Starlink-like shell, TR 38.821 Ka beams, standard dish).
    NtnLinkSpec spec;
    NtnLinkSpec::ForTechnology("leo", spec);
    spec.backgroundLoad = load;

    // 2. Places: the scenario's plane is anchored in Tokyo.
    const GeographicFrame frame(35.68, 139.77, 0.0);
    Ptr<Node> terminal = NodeAt(frame, 37.39, 136.90); // Wajima
    Ptr<Node> gateway = NodeAt(frame, 36.40, 140.55);  // Ibaraki (assumed gateway site)
    Ptr<Node> server = NodeAt(frame, 35.68, 139.77);   // Tokyo

    // 3. Devices: the satellite system, and fibre from the gateway to the server.
    NtnHelper ntn;
    Ptr<NtnChannel> channel = ntn.CreateChannel(spec, frame);
    NetDeviceContainer gw = ntn.InstallGateway(gateway, channel);
    NetDeviceContainer ut = ntn.InstallTerminals(NodeContainer(terminal), channel, spec.terminal);
    ntn.AssignStreams(channel, 1);
    PointToPointHelper fibre;
    fibre.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    fibre.SetChannelAttribute("Delay", TimeValue(MicroSeconds(650))); // about 130 km
    NetDeviceContainer wire = fibre.Install(gateway, server);

    // 4. IP: one subnet on the satellite system, routes through the gateway.
    InternetStackHelper internet;
    internet.Install(NodeContainer(terminal, gateway, server));
    Ipv4AddressHelper ip("10.7.0.0", "255.255.0.0");
    Ipv4Address gwAddress = ip.Assign(gw).GetAddress(0);
    ip.Assign(ut);
    Ipv4AddressHelper ip2("10.8.0.0", "255.255.255.252");
    Ipv4InterfaceContainer wireAddresses = ip2.Assign(wire);
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(terminal->GetObject<Ipv4>())->SetDefaultRoute(gwAddress, 1);
    routing.GetStaticRouting(server->GetObject<Ipv4>())
        ->SetDefaultRoute(wireAddresses.GetAddress(0), 1);

    // 5. Traffic: a ping every 200 ms.
    Ptr<RequestResponseServer> echo = CreateObject<RequestResponseServer>();
    echo->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 7)));
    server->AddApplication(echo);
    Ptr<RequestResponseClient> ping = CreateObject<RequestResponseClient>();
    ping->SetAttribute("Remote", AddressValue(InetSocketAddress(wireAddresses.GetAddress(1), 7)));
    ping->SetAttribute("Interval", TimeValue(MilliSeconds(200)));
    ping->SetStartTime(Seconds(0.5));
    terminal->AddApplication(ping);
    Ptr<MinMaxAvgTotalCalculator<double>> rtt = CreateObject<MinMaxAvgTotalCalculator<double>>();
    ping->TraceConnectWithoutContext(
        "Rtt",
        MakeBoundCallback(
            +[](Ptr<MinMaxAvgTotalCalculator<double>> c, uint32_t, uint64_t, Time t) {
                c->Update(t.GetSeconds() * 1e3);
            },
            rtt));

    // 6. Weather and run.
    Simulator::Schedule(Seconds(0), [&]() {
        channel->SetRainRate(0, rain);
        Report(channel);
    });
    Simulator::Stop(Seconds(seconds));
    Simulator::Run();
    std::cout << "RTT over " << rtt->getCount() << " pings: min " << rtt->getMin() << " ms, mean "
              << rtt->getMean() << " ms, max " << rtt->getMax() << " ms\n";
    Simulator::Destroy();
    return 0;
}
