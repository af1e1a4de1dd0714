/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint-microwave
 * \brief A rural cell site's microwave backhaul through a storm.
 *
 * A hub and a cell site 8 km apart are joined by an 18 GHz hop (56 MHz channel, 0.6 m dishes,
 * adaptive modulation QPSK to 4096-QAM). The hub sends a saturating UDP flow to the cell site.
 * A storm passes: the rain rate along the hop steps 0 -> 10 -> 35 -> 90 -> 35 -> 0 mm/h, one
 * step a second. Each second the program prints the rain, the SNR, the modulation adaptive
 * modulation picked, the radio's line rate and the goodput the flow got. Before the run it
 * prints the hop plan: clear-sky modulation, fade margin, and the longest hop that keeps
 * 99.99 % availability in a climate with R0.01 = 80 mm/h (ITU-R P.530).
 *
 *     microwave-hop-example --preset=microwave-e-band --length=1km
 *
 * shows an E-band hop: six times the capacity, and rain takes it down far sooner; --length=12km
 * shows the report of a hop beyond its reach.
 */

#include "helper/technology/microwave/microwave-helper.h"
#include "model/microwave/microwave-channel.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <cstdio>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

int
main(int argc, char* argv[])
{
    std::string preset = "microwave-18ghz";
    std::string length = "8km";
    CommandLine cmd(__FILE__);
    cmd.AddValue("preset", "MicrowaveLinkConfig preset", preset);
    cmd.AddValue("length", "hop length (e.g. 12km)", length);
    cmd.Parse(argc, argv);
    const double lengthM = std::stod(length) * (length.find("km") != std::string::npos ? 1e3 : 1);

    // The hop, as a planner sees it before building it.
    const MicrowaveLinkConfig config = MicrowaveLinkConfig::FromPreset(preset);
    const MicrowaveHopReport plan = MicrowaveHelper::Evaluate(config, lengthM);
    std::printf("%s, %.1f km: %s at %.0f Mbit/s in clear sky, SNR %.1f dB, fade margin %.1f dB\n",
                preset.c_str(),
                lengthM / 1e3,
                plan.clearSkyModulation.c_str(),
                plan.clearSkyRateBps / 1e6,
                plan.snrClearSkyDb,
                plan.fadeMarginDb);
    std::printf("reach for 99.99 %% availability (R0.01 = %.0f mm/h): %.1f km%s%s\n\n",
                config.rainRate001MmH,
                plan.maxHopLengthM / 1e3,
                plan.problem.empty() ? "" : "\n  ",
                plan.problem.c_str());

    // Build it: two nodes, the hop, IPv4, a saturating UDP flow hub -> cell site.
    NodeContainer nodes;
    nodes.Create(2);
    NetDeviceContainer devices =
        MicrowaveHelper().Install(nodes.Get(0), nodes.Get(1), config, lengthM);
    Ptr<MicrowaveChannel> hop = MicrowaveHelper::GetChannel(devices);
    InternetStackHelper().Install(nodes);
    Ipv4InterfaceContainer ifs = Ipv4AddressHelper("10.0.0.0", "255.255.255.252").Assign(devices);
    ApplicationContainer sink =
        PacketSinkHelper("ns3::UdpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 9))
            .Install(nodes.Get(1));
    OnOffHelper source("ns3::UdpSocketFactory", InetSocketAddress(ifs.GetAddress(1), 9));
    source.SetConstantRate(DataRate(static_cast<uint64_t>(1.2 * plan.clearSkyRateBps)), 1472);
    source.Install(nodes.Get(0)).Start(Seconds(0));

    // The storm, and a report at the end of each second.
    const std::vector<double> rain = {0, 10, 35, 90, 35, 0};
    Ptr<PacketSink> rx = DynamicCast<PacketSink>(sink.Get(0));
    uint64_t lastRx = 0;
    std::printf("%4s %10s %8s %9s %12s %14s\n",
                "t/s",
                "rain mm/h",
                "SNR dB",
                "mode",
                "line Mbit/s",
                "goodput Mbit/s");
    for (std::size_t i = 0; i < rain.size(); ++i)
    {
        Simulator::Schedule(Seconds(i), &MicrowaveChannel::SetRainRate, hop, rain[i]);
        Simulator::Schedule(Seconds(i + 1) - NanoSeconds(1), [&, i]() {
            const MicrowaveModulation* m = hop->GetModulation();
            std::printf("%4zu %10.0f %8.1f %9s %12.1f %14.1f\n",
                        i,
                        rain[i],
                        hop->GetSnrDb(),
                        m ? m->name.c_str() : "outage",
                        hop->GetRateBps() / 1e6,
                        (rx->GetTotalRx() - lastRx) * 8 / 1e6);
            lastRx = rx->GetTotalRx();
        });
    }
    Simulator::Stop(Seconds(rain.size()));
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
