/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * After an earthquake cuts the fibre, a HAPS at 20 km over Wajima serves shelters with outdoor
 * CPEs; its backhaul lands at a gateway in Kanazawa. The example prints each shelter's
 * elevation to the platform, its MODCOD both ways and the one-way delay, then the throughput
 * each shelter gets when all download at once through the shared cell.
 *
 *   ./build/examples/ntn-haps-example [--shelters=4] [--scheduler=pf]
 */

#include "helper/technology/ntn/ntn-helper.h"
#include "model/ntn/ntn-channel.h"

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
    uint32_t shelters = 4;
    std::string scheduler = "rr";
    CommandLine cmd(__FILE__);
    cmd.AddValue("shelters", "Number of shelters, spread 3 km apart going east", shelters);
    cmd.AddValue("scheduler", "Cell scheduler: rr or pf", scheduler);
    cmd.Parse(argc, argv);

    // The "haps" preset: a 20 km platform over the first shelter, S-band cell, outdoor CPEs.
    NtnLinkSpec spec;
    NtnLinkSpec::ForTechnology("haps", spec);
    spec.scheduler = scheduler;

    // Places: the plane's origin in Wajima; the gateway in Kanazawa, about 95 km south.
    const GeographicFrame frame(37.39, 136.90, 0.0);
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(frame.GeographicToLocal(36.56, 136.66, 0.0));
    for (uint32_t i = 0; i < shelters; ++i)
    {
        positions->Add(Vector(3000.0 * i, 0, 0));
    }
    NodeContainer nodes(1 + shelters);
    MobilityHelper mobility;
    mobility.SetPositionAllocator(positions);
    mobility.Install(nodes);
    NodeContainer cpes;
    for (uint32_t i = 1; i <= shelters; ++i)
    {
        cpes.Add(nodes.Get(i));
    }

    NtnHelper ntn;
    Ptr<NtnChannel> channel = ntn.CreateChannel(spec, frame);
    NetDeviceContainer devices = ntn.InstallGateway(nodes.Get(0), channel);
    devices.Add(ntn.InstallTerminals(cpes, channel, spec.terminal));
    ntn.AssignStreams(channel, 1);
    InternetStackHelper().Install(nodes);
    Ipv4InterfaceContainer ip = Ipv4AddressHelper("10.7.0.0", "255.255.0.0").Assign(devices);

    // Every shelter downloads as fast as the cell lets it, from 1 s on.
    std::vector<Ptr<PacketSink>> sinks;
    for (uint32_t i = 0; i < shelters; ++i)
    {
        PacketSinkHelper sink("ns3::UdpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 9));
        sinks.push_back(DynamicCast<PacketSink>(sink.Install(cpes.Get(i)).Get(0)));
        OnOffHelper download("ns3::UdpSocketFactory", InetSocketAddress(ip.GetAddress(1 + i), 9));
        download.SetConstantRate(DataRate("60Mbps"), 1400);
        download.Install(nodes.Get(0)).Start(Seconds(1));
    }

    Simulator::Schedule(Seconds(0.5), [channel, shelters]() {
        PointerValue pv;
        channel->GetAttribute("Platform", pv);
        Ptr<NtnPlatform> haps = pv.Get<NtnPlatform>();
        for (uint32_t i = 0; i < shelters; ++i)
        {
            const NtnLookAngles look =
                NtnLook(channel->GetTerminalPoint(i), haps->GetPosition(0, Simulator::Now()));
            const NtnLinkResult down = channel->GetLinkResult(i, true);
            const NtnLinkResult up = channel->GetLinkResult(i, false);
            std::cout << "shelter " << i << ": elevation " << std::fixed << std::setprecision(1)
                      << look.elevationDeg << " deg, down "
                      << (down.modcod ? down.modcod->name : "-") << ", up "
                      << (up.modcod ? up.modcod->name : "-") << ", one-way to the gateway "
                      << std::setprecision(3)
                      << channel->GetPropagationDelay(i, true, Simulator::Now()).GetSeconds() * 1e3
                      << " ms\n";
        }
    });
    Simulator::Stop(Seconds(6));
    Simulator::Run();
    for (uint32_t i = 0; i < shelters; ++i)
    {
        std::cout << "shelter " << i << " received " << std::setprecision(1)
                  << sinks[i]->GetTotalRx() * 8 / 5.0 / 1e6 << " Mbit/s\n";
    }
    Simulator::Destroy();
    return 0;
}
