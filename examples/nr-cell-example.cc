/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint
 * \brief One 5G NR cell: per-UE one-way latency and throughput, downlink and uplink.
 *
 *     server ---- 10 km fibre ---- gNB node ))) NR cell ((( UE 0 ... UE N-1
 *
 * A server sends each UE a timestamped UDP packet every --interval (downlink), and each UE sends
 * the server the same (uplink). The UEs stand in a line away from the gNB, UE i at
 * (i + 1) / N x --distance, so they see different SINRs, hence different MCSs. The program prints
 * what the link adaptation picks for each UE, then each flow's mean one-way delay (application to
 * application, from TimestampSink's Rx trace) and its throughput.
 *
 * Try
 *
 *     nr-cell-example --ues=4 --mu=1 --tdd=DDDSU
 *     nr-cell-example --tdd=FDD              (both directions in every slot: lower latency)
 *     nr-cell-example --mu=2                 (shorter slots: lower latency)
 *     nr-cell-example --ues=8 --size=1400 --interval=200us --scheduler=pf --distance=3000
 *
 * The carrier is the n78 profile of the band catalogue (3.65 GHz, 100 MHz) for mu 1 and 2, the
 * same at 50 MHz for mu 0 (15 kHz stops at 50 MHz, TS 38.101-1 Table 5.3.2-1), and the n257
 * profile (28 GHz, 400 MHz) for mu 3, which exists only in FR2.
 */

#include "helper/technology/nr/nr-helper.h"
#include "helper/technology/wired/wired-link-helper.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-mac-scheduler-pf.h"
#include "model/nr/nr-mac-scheduler-rr.h"
#include "model/nr/nr-ue-net-device.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <cmath>
#include <cstdio>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

NS_LOG_COMPONENT_DEFINE("BlueprintNrCellExample");

namespace
{

/// UDP port of the downlink sinks on the UEs; the uplink sink of UE i listens on UL_PORT + i.
constexpr uint16_t DL_PORT = 9000;
/// First UDP port of the uplink sinks on the server.
constexpr uint16_t UL_PORT = 10000;

/// What one flow's sink has seen.
struct FlowStats
{
    uint64_t packets = 0; //!< packets received
    uint64_t bytes = 0;   //!< application bytes received
    Time delaySum;        //!< sum of their one-way delays
};

/**
 * \brief Count one received packet (TimestampSink "Rx" trace).
 * \param stats the flow's counters.
 * \param header the packet's timestamp header.
 * \param bytes the packet's size.
 * \param delay its one-way delay.
 */
void
OnRx(FlowStats* stats, const TimestampHeader& header, uint32_t bytes, Time delay)
{
    ++stats->packets;
    stats->bytes += bytes;
    stats->delaySum += delay;
}

/**
 * \brief Install a sink on a node and count what it receives.
 * \param node the node.
 * \param port the UDP port.
 * \param stats the counters its Rx trace fills.
 */
void
InstallSink(Ptr<Node> node, uint16_t port, FlowStats* stats)
{
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
    sink->TraceConnectWithoutContext("Rx", MakeBoundCallback(&OnRx, stats));
    node->AddApplication(sink);
}

/**
 * \brief Install a periodic timestamped UDP source on a node.
 * \param node the sending node.
 * \param to the receiver's address.
 * \param port the receiver's port.
 * \param interval the gap between packets.
 * \param size the packet size, bytes.
 * \param start when it starts.
 * \param stop when it stops.
 */
void
InstallSource(Ptr<Node> node,
              Ipv4Address to,
              uint16_t port,
              Time interval,
              uint32_t size,
              Time start,
              Time stop)
{
    Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
    source->SetAttribute("Remote", AddressValue(InetSocketAddress(to, port)));
    source->SetAttribute("Interval", TimeValue(interval));
    source->SetAttribute("PacketSize", UintegerValue(size));
    node->AddApplication(source);
    source->SetStartTime(start);
    source->SetStopTime(stop);
}

/**
 * \brief Print one flow's mean delay and throughput.
 * \param name the flow's name.
 * \param stats its counters.
 * \param seconds the time it was sending.
 */
void
PrintFlow(const char* name, const FlowStats& stats, double seconds)
{
    if (stats.packets == 0)
    {
        std::printf("  %s: nothing received\n", name);
        return;
    }
    std::printf("  %s %9.3f ms %9.2f Mbit/s",
                name,
                (stats.delaySum / static_cast<int64_t>(stats.packets)).GetSeconds() * 1e3,
                stats.bytes * 8.0 / seconds / 1e6);
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t ues = 4;
    uint32_t mu = 1;
    std::string tdd = "DDDSU";
    std::string special = "10D+2G+2U";
    double distance = 1000.0;
    std::string scheduler = "rr";
    double seconds = 1.0;
    Time interval = MilliSeconds(1);
    uint32_t size = 1000;

    CommandLine cmd(__FILE__);
    cmd.AddValue("ues", "number of UEs", ues);
    cmd.AddValue("mu", "numerology 0..3 (subcarrier spacing 15 * 2^mu kHz)", mu);
    cmd.AddValue("tdd", "TDD slot pattern, e.g. DDDSU or 7DS2U, or FDD", tdd);
    cmd.AddValue("special", "symbol split of the S slots, e.g. 10D+2G+2U", special);
    cmd.AddValue("distance", "distance of the farthest UE from the gNB, m", distance);
    cmd.AddValue("scheduler",
                 "MAC scheduler: rr (round robin) or pf (proportional fair)",
                 scheduler);
    cmd.AddValue("seconds", "how long the sources send, s", seconds);
    cmd.AddValue("interval", "gap between the packets of each flow (e.g. 1ms, 200us)", interval);
    cmd.AddValue("size", "packet size in bytes, timestamp header included", size);
    cmd.Parse(argc, argv);
    if (ues == 0 || mu > 3 || (scheduler != "rr" && scheduler != "pf"))
    {
        std::fprintf(stderr, "need --ues >= 1, --mu 0..3 and --scheduler rr or pf\n");
        return 1;
    }

    // The carrier, from the band catalogue.
    NrBandProfile band = *NrBandProfile::Find(mu == 3 ? "n257" : "n78");
    if (mu == 0)
    {
        band.bandwidthHz = 50e6;
    }
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(band.frequencyHz));
    channel->SetAttribute("Bandwidth", DoubleValue(band.bandwidthHz));
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));

    // Nodes: the server, the gNB site and the UEs. The radio nodes need positions; the gNB mast
    // and the UE heights are those of the "macro" cell and "handset" UE classes.
    Ptr<Node> server = CreateObject<Node>();
    Ptr<Node> gnbNode = CreateObject<Node>();
    NodeContainer ueNodes;
    ueNodes.Create(ues);
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, NrCellClass::Find("macro")->heightM));
    for (uint32_t i = 0; i < ues; ++i)
    {
        positions->Add(Vector(distance * (i + 1) / ues, 0, NrUeClass::Find("handset")->heightM));
    }
    MobilityHelper mobility;
    mobility.SetPositionAllocator(positions);
    mobility.Install(NodeContainer(NodeContainer(gnbNode), ueNodes));

    // The cell.
    NrHelper nr;
    nr.SetGnbAttribute("Mu", UintegerValue(mu));
    nr.SetGnbAttribute("TddPattern", StringValue(tdd));
    nr.SetGnbAttribute("SpecialSlot", StringValue(special));
    nr.SetSchedulerType(scheduler == "pf" ? NrMacSchedulerPf::GetTypeId()
                                          : NrMacSchedulerRr::GetTypeId());
    NetDeviceContainer gnbDev = nr.InstallGnb(gnbNode, channel);
    NetDeviceContainer ueDevs = nr.InstallUe(ueNodes, gnbDev.Get(0));
    nr.AssignStreams(gnbDev, 1);

    // The backhaul: 10 Gbit/s over 10 km of fibre from the server (A) to the gNB site (B).
    WiredLinkSettings fibre;
    fibre.profile = "fiber";
    fibre.rateDown = 10e9;
    fibre.lengthMetres = 10e3;
    WiredLinkHelper wired;
    NetDeviceContainer fibreDevs = wired.Install(server, gnbNode, fibre);

    // IPv4: one subnet for the fibre, one for the cell.
    InternetStackHelper internet;
    internet.Install(server);
    internet.Install(gnbNode);
    internet.Install(ueNodes);
    Ipv4AddressHelper fibreAddresses("10.0.0.0", "255.255.255.252");
    Ipv4InterfaceContainer fibreIfs = fibreAddresses.Assign(fibreDevs);
    Ipv4AddressHelper cellAddresses("10.1.0.0", "255.255.0.0");
    Ipv4InterfaceContainer gnbIfs = cellAddresses.Assign(gnbDev);
    Ipv4InterfaceContainer ueIfs = cellAddresses.Assign(ueDevs);
    nr.AttachUeAddresses(gnbDev.Get(0));

    // Routes: the gNB node is a router between its two subnets; the server reaches the cell
    // through it, and every UE sends everything to it (NrHelper adds no route).
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(server->GetObject<Ipv4>())->SetDefaultRoute(fibreIfs.GetAddress(1), 1);
    for (uint32_t i = 0; i < ues; ++i)
    {
        Ptr<Ipv4> ipv4 = ueNodes.Get(i)->GetObject<Ipv4>();
        routing.GetStaticRouting(ipv4)->SetDefaultRoute(gnbIfs.GetAddress(0),
                                                        ipv4->GetInterfaceForDevice(ueDevs.Get(i)));
    }

    // Traffic: one downlink and one uplink flow per UE.
    const Time start = Seconds(0.1);
    const Time stop = start + Seconds(seconds);
    std::vector<FlowStats> down(ues);
    std::vector<FlowStats> up(ues);
    for (uint32_t i = 0; i < ues; ++i)
    {
        InstallSink(ueNodes.Get(i), DL_PORT, &down[i]);
        InstallSource(server, ueIfs.GetAddress(i), DL_PORT, interval, size, start, stop);
        InstallSink(server, UL_PORT + i, &up[i]);
        InstallSource(ueNodes.Get(i),
                      fibreIfs.GetAddress(0),
                      UL_PORT + i,
                      interval,
                      size,
                      start,
                      stop);
    }

    // What the cell looks like, and what each UE's channel allows (MCS table 1, 64QAM).
    Ptr<NrGnbNetDevice> gnb = DynamicCast<NrGnbNetDevice>(gnbDev.Get(0));
    std::printf("%s carrier %.2f GHz, %.0f MHz, mu %u: %u PRBs, %s, %s scheduler\n",
                band.name.c_str(),
                band.frequencyHz / 1e9,
                band.bandwidthHz / 1e6,
                mu,
                gnb->GetPrbs(),
                gnb->GetTtiGrid().GetPattern().ToString().c_str(),
                scheduler.c_str());
    for (uint32_t i = 0; i < ues; ++i)
    {
        const uint32_t ue = DynamicCast<NrUeNetDevice>(ueDevs.Get(i))->GetChannelIndex();
        const double dlSinr = channel->GetDlSinr(ue, gnb->GetChannelIndex());
        const double ulSinr = channel->GetUlSinr(ue, gnb->GetChannelIndex());
        std::printf(
            "  UE %u at %6.0f m: DL SINR %6.1f dB (MCS %2u), UL SINR %6.1f dB over the "
            "carrier (MCS %2u)\n",
            i,
            distance * (i + 1) / ues,
            10 * std::log10(dlSinr),
            NrLinkAdaptation::SinrToMcs(dlSinr, NrMcsTableId::Qam64, *gnb->GetErrorModel()),
            10 * std::log10(ulSinr),
            NrLinkAdaptation::SinrToMcs(ulSinr, NrMcsTableId::Qam64, *gnb->GetErrorModel()));
    }

    Simulator::Stop(stop + Seconds(0.1));
    Simulator::Run();

    std::printf("\n%u-byte packets every %.3f ms each way, %.1f s; mean one-way delay and "
                "throughput:\n",
                size,
                interval.GetSeconds() * 1e3,
                seconds);
    for (uint32_t i = 0; i < ues; ++i)
    {
        std::printf("  UE %u:", i);
        PrintFlow("DL", down[i], seconds);
        PrintFlow("UL", up[i], seconds);
        std::printf("\n");
    }
    const NrMacStats dl = gnb->GetDlStats();
    const NrMacStats ul = gnb->GetUlStats();
    std::printf(
        "transport blocks: DL %llu (%llu retransmissions), UL %llu (%llu retransmissions)\n",
        static_cast<unsigned long long>(dl.transmissions),
        static_cast<unsigned long long>(dl.retransmissions),
        static_cast<unsigned long long>(ul.transmissions),
        static_cast<unsigned long long>(ul.retransmissions));
    Simulator::Destroy();
    return 0;
}
