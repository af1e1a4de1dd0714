/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint-optical
 * \brief An edge data centre joined to a central one across four ROADM sites: an all-optical
 * wavelength path against the same traffic routed through a router at every site.
 *
 * Sites: edge - a - b - central, fibres of 60, 90 and 120 km (amplifiers placed every 80 km at
 * most). The demand "dci" asks for a 100G wavelength from edge to central; routing and
 * wavelength assignment (k shortest paths, first fit) finds it and checks its OSNR. Beside it the
 * routers of the four sites are joined by one routed 10 Gbit/s wavelength per fibre, and cross
 * traffic loads the a-b link.
 *
 * The program runs twice, once per design, with the same probe (1,000 bytes every 100 us) and
 * the same cross traffic, and prints what each probe packet saw:
 *
 *     all-optical: propagation + amplifiers + transponder framing/FEC, nothing else
 *     IP-routed:   the same fibre, plus O-E-O and router processing at each site, plus the
 *                  queue behind the cross traffic
 *
 * Try --load=0.95 for a busier a-b link, --km=2480 for a path beyond 100G reach that gets a
 * regenerator (O-E-O at b), or --km=3000 for a fibre no transponder class reaches (blocked).
 */

#include "helper/routing/address-plan.h"
#include "helper/routing/static-route-planner.h"
#include "helper/technology/optical/optical-helper.h"
#include "model/routing/host-route-table.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

using namespace ns3;
using namespace ns3::blueprint;

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalPathExample");

namespace
{

/// Delays a sink measured.
std::vector<Time> g_delays;

/// TimestampSink "Rx" sink.
void
Record(const TimestampHeader&, uint32_t, Time delay)
{
    g_delays.push_back(delay);
}

/// Run one design and return the probe's delays.
std::vector<Time>
Run(const OpticalNetworkSpec& spec, bool allOptical, double load)
{
    // One node per site, each a router with an internet stack.
    NodeContainer nodes;
    nodes.Create(4);
    InternetStackHelper internet;
    internet.SetRoutingHelper(HostRouteTableHelper());
    internet.SetIpv6StackInstall(false);
    internet.Install(nodes);
    std::map<std::string, Ptr<Node>> byName;
    const std::vector<std::string> sites = spec.GetRoadmNames();
    for (uint32_t i = 0; i < sites.size(); ++i)
    {
        byName[sites[i]] = nodes.Get(i);
    }

    // The optical layer: RWA, the routed layer on every fibre, and the lightpath if asked.
    OpticalHelper optical;
    OpticalInstallation inst = optical.Provision(spec);
    optical.InstallIpLayer(inst, spec, byName);
    if (allOptical)
    {
        optical.InstallLightpaths(inst, spec, byName);
    }
    AddressPlan addresses;
    StaticRoutePlanner routes;
    for (const OpticalRoutingEdge& e : inst.edges)
    {
        NetDeviceContainer pair(e.devA, e.devB);
        addresses.AssignPointToPoint(pair);
        routes.AddLink(e.devA, e.devB, e.latency.GetSeconds()); // least latency wins
    }
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        routes.RouteTo(nodes.Get(i));
    }

    // Probe edge -> central, cross traffic a -> b.
    Ptr<Node> central = byName["central"];
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 9000)));
    central->AddApplication(sink);
    sink->TraceConnectWithoutContext("Rx", MakeCallback(&Record));
    auto source = [](Ptr<Node> from, Ipv4Address to, uint32_t flow, Time interval, bool random) {
        Ptr<PeriodicSource> app = CreateObject<PeriodicSource>();
        app->SetAttribute("Remote", AddressValue(InetSocketAddress(to, 9000)));
        app->SetAttribute("FlowId", UintegerValue(flow));
        app->SetAttribute("PacketSize", UintegerValue(1000));
        app->SetAttribute("Interval", TimeValue(interval));
        app->SetAttribute("Distribution", StringValue(random ? "Exponential" : "Fixed"));
        app->SetStartTime(MilliSeconds(10));
        app->SetStopTime(MilliSeconds(60));
        from->AddApplication(app);
        app->AssignStreams(flow);
    };
    source(byName["edge"],
           central->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal(),
           1,
           MicroSeconds(100),
           false);
    Ptr<Node> b = byName["b"];
    Ptr<TimestampSink> crossSink = CreateObject<TimestampSink>();
    crossSink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 9000)));
    b->AddApplication(crossSink);
    if (load > 0)
    {
        // 1,030 bytes on the wire per packet at `load` of the 10 Gbit/s a-b link.
        source(byName["a"],
               b->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal(),
               2,
               NanoSeconds(1030 * 8 / (10.0 * load)),
               true);
    }
    g_delays.clear();
    Simulator::Stop(MilliSeconds(100));
    Simulator::Run();
    Simulator::Destroy();

    const OpticalLightpath& lp = inst.lightpaths[0];
    if (allOptical && !lp.established)
    {
        std::printf("lightpath %s blocked: %s\n", lp.demand.c_str(), lp.blockedReason.c_str());
    }
    else if (allOptical)
    {
        std::printf("lightpath %s: %.0f km, %zu segment(s), class %s, remedy %s, OSNR %.1f dB "
                    "(needs %.1f), channel %u\n",
                    lp.demand.c_str(),
                    lp.route.lengthKm,
                    lp.segments.size(),
                    lp.transponderClass.c_str(),
                    ToString(lp.remedy).c_str(),
                    lp.segments[0].osnrDb,
                    lp.requiredOsnrDb,
                    lp.segments[0].channel);
    }
    return g_delays;
}

/// Print the mean and spread of a design's delays.
void
Print(const char* design, const std::vector<Time>& delays)
{
    if (delays.empty())
    {
        std::printf("%-12s no packet arrived\n", design);
        return;
    }
    const auto [lo, hi] = std::minmax_element(delays.begin(), delays.end());
    const Time mean = std::accumulate(delays.begin(), delays.end(), Time(0)) / delays.size();
    std::printf("%-12s %5zu packets  mean %9.3f us  min %9.3f us  max %9.3f us  spread %8.3f us\n",
                design,
                delays.size(),
                mean.GetSeconds() * 1e6,
                lo->GetSeconds() * 1e6,
                hi->GetSeconds() * 1e6,
                (*hi - *lo).GetSeconds() * 1e6);
}

} // namespace

int
main(int argc, char* argv[])
{
    double load = 0.8;
    double km = 120.0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("load", "Cross traffic on the a-b link, as a share of its 10 Gbit/s", load);
    cmd.AddValue("km", "Length of the b-central fibre, km", km);
    cmd.Parse(argc, argv);

    OpticalNetworkSpec spec;
    const std::vector<std::tuple<std::string, std::string, double>> fibres = {{"edge", "a", 60.0},
                                                                              {"a", "b", 90.0},
                                                                              {"b", "central", km}};
    for (const auto& [a, b, length] : fibres)
    {
        OpticalFibreSpec f;
        f.a = a;
        f.b = b;
        f.lengthKm = length;
        spec.fibres.push_back(f);
    }
    OpticalDemandSpec dci;
    dci.name = "dci";
    dci.from = "edge";
    dci.to = "central";
    spec.demands.push_back(dci);
    spec.ipLayer.rate = 10e9;

    const std::vector<Time> optical = Run(spec, true, load);
    const std::vector<Time> routed = Run(spec, false, load);
    Print("all-optical", optical);
    Print("IP-routed", routed);
    return 0;
}
