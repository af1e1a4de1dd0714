/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint
 * \brief One LTE cell from ns-3's lte module behind blueprint's routing: per-UE one-way latency
 * and throughput, downlink and uplink.
 *
 *     server ---- 10 km fibre ---- core ==SGi== PGW --EPC-- eNB ))) LTE cell ((( UE 0 ... UE N-1
 *
 * LteCellBuilder makes the EPC, attaches its PGW to the core node and builds the cell; the
 * routing graph sees one edge from the core node to each UE. A server sends each UE a
 * timestamped UDP packet every --interval (downlink), and each UE sends the server the same
 * (uplink), from 0.5 s on (after the UEs have attached). UE i stands at (i + 1) / N x --distance
 * from the eNB.
 *
 * Try
 *
 *     lte-cell-example --ues=4 --band=1 --bandwidth=20
 *     lte-cell-example --band=28 --bandwidth=10 --distance=5000
 *     lte-cell-example --ues=50 --interval=20ms    (raises the SRS periodicity to 80 ms)
 */

#include "helper/routing/address-plan.h"
#include "helper/routing/static-route-planner.h"
#include "helper/technology/lte/lte-cell-builder.h"
#include "helper/technology/wired/wired-link-helper.h"
#include "model/lte/lte-band-profile.h"
#include "model/routing/host-route-table.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <cstdio>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

NS_LOG_COMPONENT_DEFINE("BlueprintLteCellExample");

namespace
{

constexpr uint16_t DL_PORT = 9000;  //!< downlink sinks on the UEs
constexpr uint16_t UL_PORT = 10000; //!< uplink sink of UE i on the server: UL_PORT + i

/// What one flow received.
struct FlowStats
{
    uint64_t packets = 0; //!< packets received
    uint64_t bytes = 0;   //!< application bytes received
    Time delaySum;        //!< sum of their one-way delays
};

/// TimestampSink "Rx" trace: count one packet.
void
OnRx(FlowStats* stats, const TimestampHeader& header, uint32_t bytes, Time delay)
{
    ++stats->packets;
    stats->bytes += bytes;
    stats->delaySum += delay;
}

/// A sink on `node` at `port` that counts into `stats`, and a periodic source towards it.
void
InstallFlow(Ptr<Node> from, Ptr<Node> to, uint16_t port, Time interval, FlowStats* stats)
{
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
    sink->TraceConnectWithoutContext("Rx", MakeBoundCallback(&OnRx, stats));
    to->AddApplication(sink);
    Ipv4Address address = to->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
    source->SetAttribute("Remote", AddressValue(InetSocketAddress(address, port)));
    source->SetAttribute("Interval", TimeValue(interval));
    source->SetAttribute("PacketSize", UintegerValue(200));
    from->AddApplication(source);
    source->SetStartTime(Seconds(0.5));
    source->SetStopTime(Seconds(1.5));
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t ues = 4;
    uint32_t band = 1;
    double bandwidthMhz = 20;
    double distance = 1000;
    Time interval = MilliSeconds(10);

    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", ues);
    cmd.AddValue("band", "E-UTRA band: 1, 3, 8, 18, 19, 26 or 28", band);
    cmd.AddValue("bandwidth", "channel bandwidth, MHz: 1.4, 3, 5, 10, 15 or 20", bandwidthMhz);
    cmd.AddValue("distance", "distance of the farthest UE from the eNB, m", distance);
    cmd.AddValue("interval", "gap between the packets of each flow", interval);
    cmd.Parse(argc, argv);
    LteLinkConfig cell;
    cell.band = static_cast<uint16_t>(band);
    cell.bandwidth = bandwidthMhz * 1e6;
    const LteBandProfile* profile = LteBandProfile::Find(cell.band);
    if (ues == 0 || !profile)
    {
        std::fprintf(stderr, "need --ues >= 1 and a band of the catalogue\n");
        return 1;
    }
    cell.dlMhz = profile->defaultDlMhz;
    cell.scenario = "RMa";

    // blueprint's nodes: the server, the core router, the UEs; the eNB's site at the origin.
    Ptr<Node> server = CreateObject<Node>();
    Ptr<Node> core = CreateObject<Node>();
    NodeContainer ueNodes;
    ueNodes.Create(ues);
    NodeContainer ours(server, core);
    ours.Add(ueNodes);
    InternetStackHelper internet;
    internet.SetRoutingHelper(HostRouteTableHelper());
    internet.SetIpv6StackInstall(false);
    internet.Install(ours);

    AddressPlan addresses;
    StaticRoutePlanner planner;
    WiredLinkHelper wired;
    WiredLinkSettings fibre;
    fibre.profile = "fiber";
    fibre.rateDown = 10e9;
    fibre.lengthMetres = 10e3;
    NetDeviceContainer lan = wired.Install(server, core, fibre);
    addresses.AssignPointToPoint(lan);
    planner.AddLink(lan.Get(0), lan.Get(1), WiredLinkHelper::PropagationDelay(fibre).GetSeconds());

    int64_t stream = 1000;
    LteCellBuilder builder(core, cell, addresses, stream);
    std::vector<std::pair<double, double>> positions;
    for (uint32_t i = 0; i < ues; ++i)
    {
        positions.emplace_back(distance * (i + 1) / ues, 0);
    }
    LteCellBuilder::Cell built = builder.Build(cell, {0, 0}, ueNodes, positions, 10e3, stream);
    for (uint32_t i = 0; i < ues; ++i)
    {
        planner.AddLink(builder.GetCoreDevice(), built.ues.Get(i), 2e-3 + built.s1uDelay);
    }
    planner.RouteTo(server);
    std::vector<FlowStats> down(ues);
    std::vector<FlowStats> up(ues);
    for (uint32_t i = 0; i < ues; ++i)
    {
        planner.RouteTo(ueNodes.Get(i));
        InstallFlow(server, ueNodes.Get(i), DL_PORT, interval, &down[i]);
        InstallFlow(ueNodes.Get(i), server, UL_PORT + i, interval, &up[i]);
    }

    Simulator::Stop(Seconds(2));
    Simulator::Run();
    std::printf("band %u (EARFCN %u), %g MHz, SRS period %u ms, S1-U %.1f us\n",
                band,
                built.dlEarfcn,
                bandwidthMhz,
                built.srsPeriodicity,
                built.s1uDelay * 1e6);
    for (uint32_t i = 0; i < ues; ++i)
    {
        std::printf("UE %u at %6.0f m:", i, positions[i].first);
        for (const auto& [name, s] : {std::make_pair("down", down[i]), std::make_pair("up", up[i])})
        {
            double ms =
                s.packets ? (s.delaySum / static_cast<int64_t>(s.packets)).GetSeconds() * 1e3 : 0;
            std::printf("  %s %4lu packets %7.2f ms", name, s.packets, ms);
        }
        std::printf("\n");
    }
    std::printf("eNB energy (EARTH macro): %.1f J over 2 s\n",
                built.energy->GetEnergy(Simulator::Now()));
    Simulator::Destroy();
    return 0;
}
