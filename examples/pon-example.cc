/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint-pon
 * \brief An FTTH tree that also backhauls a small cell: upstream latency under the three DBA
 * policies.
 *
 * One OLT port, a 1:32 splitter 4 km out, 16 ONUs 0.5-2 km behind it. Fifteen homes send web-like
 * upstream traffic (Poisson, 800 bytes, 2 Mbit/s each); ONU 0 backhauls a small cell whose
 * uplink delivers 1,200 bytes every 500 us (a TDD uplink slot pattern). The program runs the same
 * traffic under each DBA policy and prints the small cell's and the homes' upstream latency:
 *
 *     status-reporting  report, wait for the DBA cycle, then the grant: about 1.5 cycles
 *     fixed             a standing grant every 125 us frame: under a frame plus the burst
 *     cooperative       the cell's scheduler announces its uplink (G.Sup71 CTI); the OLT grants
 *                       right after each arrival: little more than the fibre
 *
 * Try --flavour=xgs-pon, --flavour=ge-pon (EPON: the DBA cycle is also the schedule's frame) or
 * --cycle=2ms.
 */

#include "helper/routing/address-plan.h"
#include "helper/technology/pon/pon-helper.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cstdio>
#include <numeric>

using namespace ns3;
using namespace ns3::blueprint;

NS_LOG_COMPONENT_DEFINE("BlueprintPonExample");

namespace
{

/// Upstream delays: index 0 the small cell, 1 the homes.
std::vector<Time> g_delays[2];

/// TimestampSink "Rx" sink; the flow id says who sent it.
void
Record(const TimestampHeader& header, uint32_t, Time delay)
{
    g_delays[header.GetFlowId() == 1 ? 0 : 1].push_back(delay);
}

/// Mean of some delays, us.
double
MeanUs(const std::vector<Time>& delays)
{
    return std::accumulate(delays.begin(), delays.end(), Time(0)).GetSeconds() * 1e6 /
           delays.size();
}

/// Max of some delays, us.
double
MaxUs(const std::vector<Time>& delays)
{
    return std::max_element(delays.begin(), delays.end())->GetSeconds() * 1e6;
}

/// Run the tree under one DBA policy.
void
Run(const std::string& flavour, const std::string& dba, Time cycle)
{
    const uint32_t n = 16;
    PonLinkSpec spec;
    spec.olt = "olt";
    spec.flavour = flavour;
    spec.dba = dba;
    spec.cycle = cycle;
    spec.feederKm = 4.0;
    NodeContainer nodes;
    nodes.Create(n + 1);
    std::map<std::string, Ptr<Node>> byName{{"olt", nodes.Get(0)}};
    for (uint32_t i = 0; i < n; ++i)
    {
        const std::string name = "onu" + std::to_string(i);
        byName[name] = nodes.Get(i + 1);
        spec.onus.push_back({name, 0.5 + 0.1 * i, {}});
    }
    // The small cell's uplink: 1,200-byte UDP payloads (1,228-byte IP packets) every 500 us.
    const Time first = MilliSeconds(10);
    if (dba == "cooperative")
    {
        spec.cti.push_back({"onu0", first, MicroSeconds(500), 1200 + 28, 1, {}});
    }
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false);
    internet.Install(nodes);
    PonHelper pon;
    PonInstallation inst = pon.Install(spec, byName);
    AddressPlan().AssignSubnet(inst.devices);
    pon.AttachOnuAddresses(inst.devices.Get(0));

    Ptr<Node> olt = nodes.Get(0);
    const Ipv4Address oltAddress = olt->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 9000)));
    olt->AddApplication(sink);
    sink->TraceConnectWithoutContext("Rx", MakeCallback(&Record));
    for (uint32_t i = 0; i < n; ++i)
    {
        const bool cell = i == 0;
        Ptr<PeriodicSource> app = CreateObject<PeriodicSource>();
        app->SetAttribute("Remote", AddressValue(InetSocketAddress(oltAddress, 9000)));
        app->SetAttribute("FlowId", UintegerValue(cell ? 1 : 2 + i));
        app->SetAttribute("PacketSize", UintegerValue(cell ? 1200 : 800));
        app->SetAttribute("Interval", TimeValue(cell ? MicroSeconds(500) : MicroSeconds(3200)));
        app->SetAttribute("Distribution", StringValue(cell ? "Fixed" : "Exponential"));
        app->SetStartTime(first);
        app->SetStopTime(first + MilliSeconds(500));
        nodes.Get(i + 1)->AddApplication(app);
        app->AssignStreams(i + 1);
    }
    g_delays[0].clear();
    g_delays[1].clear();
    Simulator::Stop(first + MilliSeconds(520));
    Simulator::Run();
    Simulator::Destroy();
    std::printf("%-8s %-17s small cell: mean %8.1f us max %8.1f us | homes: mean %8.1f us "
                "max %8.1f us\n",
                flavour.c_str(),
                dba.c_str(),
                MeanUs(g_delays[0]),
                MaxUs(g_delays[0]),
                MeanUs(g_delays[1]),
                MaxUs(g_delays[1]));
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string flavour = "gpon";
    Time cycle = MilliSeconds(1);
    CommandLine cmd(__FILE__);
    cmd.AddValue("flavour", "gpon, xgs-pon, ge-pon or 10g-epon", flavour);
    cmd.AddValue("cycle", "DBA cycle", cycle);
    cmd.Parse(argc, argv);
    for (const std::string dba : {"status-reporting", "fixed", "cooperative"})
    {
        Run(flavour, dba, cycle);
    }
    return 0;
}
