/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint-pon
 * \brief Benchmark: one PON of --onus ONUs under load for --duration simulated seconds.
 *
 * A 1:128 tree (feeder 3 km, drops 0.5-1.5 km) of the given --flavour and --dba. Every ONU sends
 * Poisson upstream traffic and receives Poisson downstream traffic of 1,000-byte UDP payloads at
 * --up and --down bit/s each; the OLT node is the far end of both. Prints one line of key=value
 * pairs: ONUs, simulated seconds, wall seconds, events, packets delivered each way, mean
 * upstream and downstream latency, and the bandwidth maps the DBA computed. Peak memory is
 * measured by the calling script (GNU time).
 */

#include "helper/routing/address-plan.h"
#include "helper/technology/pon/pon-helper.h"
#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-upstream-scheduler.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/timestamp-sink.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <chrono>
#include <cstdio>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Packets and summed delay of one direction.
struct Direction
{
    uint64_t packets = 0; //!< delivered
    double delay = 0.0;   //!< summed one-way delay, s
};

Direction g_up;   //!< upstream
Direction g_down; //!< downstream

/// Upstream sink.
void
Up(const TimestampHeader&, uint32_t, Time delay)
{
    ++g_up.packets;
    g_up.delay += delay.GetSeconds();
}

/// Downstream sink.
void
Down(const TimestampHeader&, uint32_t, Time delay)
{
    ++g_down.packets;
    g_down.delay += delay.GetSeconds();
}

/// A Poisson source of 1,000-byte payloads at `rate` bit/s.
void
Source(Ptr<Node> from, Ipv4Address to, uint32_t flow, double rate, Time stop)
{
    Ptr<PeriodicSource> app = CreateObject<PeriodicSource>();
    app->SetAttribute("Remote", AddressValue(InetSocketAddress(to, 9000)));
    app->SetAttribute("FlowId", UintegerValue(flow));
    app->SetAttribute("PacketSize", UintegerValue(1000));
    app->SetAttribute("Interval", TimeValue(Seconds(8000.0 / rate)));
    app->SetAttribute("Distribution", StringValue("Exponential"));
    app->SetStartTime(Seconds(0.0));
    app->SetStopTime(stop);
    from->AddApplication(app);
    app->AssignStreams(flow);
}

/// A sink on port 9000 calling `rx`.
void
Sink(Ptr<Node> node, void (*rx)(const TimestampHeader&, uint32_t, Time))
{
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 9000)));
    node->AddApplication(sink);
    sink->TraceConnectWithoutContext("Rx", MakeCallback(rx));
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t onus = 128;
    double duration = 10.0;
    std::string flavour = "gpon";
    std::string dba = "status-reporting";
    double up = 4e6;
    double down = 6e6;
    double budget = 0.0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("onus", "ONUs on the tree (at most 128)", onus);
    cmd.AddValue("duration", "simulated seconds of traffic", duration);
    cmd.AddValue("flavour", "gpon, xgs-pon, ge-pon or 10g-epon", flavour);
    cmd.AddValue("dba", "status-reporting, fixed or cooperative", dba);
    cmd.AddValue("up", "upstream bit/s per ONU", up);
    cmd.AddValue("down", "downstream bit/s per ONU", down);
    cmd.AddValue("budget", "optical budget, dB (0: the flavour's default class)", budget);
    cmd.Parse(argc, argv);

    const auto start = std::chrono::steady_clock::now();
    PonLinkSpec spec;
    spec.olt = "olt";
    spec.flavour = flavour;
    spec.dba = dba;
    spec.split = 128;
    spec.feederKm = 3.0;
    if (budget > 0.0)
    {
        spec.budgetDb = budget;
    }
    NodeContainer nodes;
    nodes.Create(onus + 1);
    std::map<std::string, Ptr<Node>> byName{{"olt", nodes.Get(0)}};
    for (uint32_t i = 0; i < onus; ++i)
    {
        const std::string name = "onu" + std::to_string(i);
        byName[name] = nodes.Get(i + 1);
        spec.onus.push_back({name, 0.5 + (i % 11) * 0.1, {}});
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
    Sink(olt, &Up);
    const Time stop = Seconds(duration);
    for (uint32_t i = 0; i < onus; ++i)
    {
        Ptr<Node> onu = nodes.Get(i + 1);
        Sink(onu, &Down);
        Source(onu, oltAddress, 1 + i, up, stop);
        Source(olt, onu->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal(), 1 + onus + i, down, stop);
    }
    Ptr<PonUpstreamScheduler> scheduler =
        DynamicCast<PonOltNetDevice>(inst.devices.Get(0))->GetScheduler();
    Simulator::Stop(stop + MilliSeconds(100));
    Simulator::Run();
    const uint64_t events = Simulator::GetEventCount();
    const uint64_t maps = scheduler->GetMapsComputed();
    Simulator::Destroy();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("flavour=%s dba=%s onus=%u simulated_s=%g wall_s=%.3f events=%llu up_packets=%llu "
                "down_packets=%llu up_mean_us=%.1f down_mean_us=%.1f maps=%llu\n",
                flavour.c_str(),
                dba.c_str(),
                onus,
                duration,
                wall,
                static_cast<unsigned long long>(events),
                static_cast<unsigned long long>(g_up.packets),
                static_cast<unsigned long long>(g_down.packets),
                g_up.packets ? g_up.delay / g_up.packets * 1e6 : 0.0,
                g_down.packets ? g_down.delay / g_down.packets * 1e6 : 0.0,
                static_cast<unsigned long long>(maps));
    return 0;
}
