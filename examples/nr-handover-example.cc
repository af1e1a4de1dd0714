/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint
 * \brief A car drives past two NR cells: where the A3 event hands it over, and what the
 * hysteresis and time-to-trigger change.
 *
 *     gNB west (0 m) )))         car -> --speed          ((( gNB east (--spacing)
 *
 * Two n78 macro cells on one carrier (RMa, line of sight, no shadowing, so the signals cross
 * half way). The car starts next to the west mast and drives to the east one. Every second the
 * program prints the car's position and both cells' RSRP; at each handover it prints where the
 * car was and by how much the target's RSRP led.
 *
 * Try
 *
 *     nr-handover-example
 *     nr-handover-example --hysteresis=0 --ttt=0ms   (hands over right at the midpoint)
 *     nr-handover-example --hysteresis=6 --ttt=640ms (later: less ping-pong, longer at the edge)
 */

#include "helper/technology/nr/nr-helper.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-handover-manager.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/boolean.h"
#include "ns3/command-line.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/waypoint-mobility-model.h"

#include <cstdio>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

Ptr<NrChannel> g_channel;
Ptr<NrGnbNetDevice> g_west;
Ptr<NrGnbNetDevice> g_east;

double
Rsrp(Ptr<NrUeNetDevice> ue, Ptr<NrGnbNetDevice> gnb)
{
    return g_channel->GetRsrpDbm(ue->GetChannelIndex(), gnb->GetChannelIndex());
}

void
Report(Ptr<NrUeNetDevice> ue)
{
    const Vector p = ue->GetNode()->GetObject<MobilityModel>()->GetPosition();
    const char* serving = ue->GetGnb() == g_west ? "west" : ue->GetGnb() ? "east" : "-";
    std::printf("%6.1f s  x = %6.1f m  RSRP west %7.2f dBm  east %7.2f dBm  serving %s\n",
                Simulator::Now().GetSeconds(),
                p.x,
                Rsrp(ue, g_west),
                Rsrp(ue, g_east),
                serving);
}

void
OnHandover(Ptr<NrUeNetDevice> ue, Ptr<NrGnbNetDevice> source, Ptr<NrGnbNetDevice> target)
{
    const Vector p = ue->GetNode()->GetObject<MobilityModel>()->GetPosition();
    std::printf("%6.3f s  handover %s -> %s at x = %.1f m, target ahead by %.2f dB\n",
                Simulator::Now().GetSeconds(),
                source == g_west ? "west" : "east",
                target == g_west ? "west" : "east",
                p.x,
                Rsrp(ue, target) - Rsrp(ue, source));
}

} // namespace

int
main(int argc, char** argv)
{
    double spacing = 800;
    double speedKmh = 60;
    double hysteresis = 3;
    Time ttt = MilliSeconds(256);
    CommandLine cmd(__FILE__);
    cmd.AddValue("spacing", "distance between the masts, m", spacing);
    cmd.AddValue("speed", "car speed, km/h", speedKmh);
    cmd.AddValue("hysteresis", "A3 hysteresis, dB", hysteresis);
    cmd.AddValue("ttt", "A3 time-to-trigger", ttt);
    cmd.Parse(argc, argv);

    g_channel = CreateObject<NrChannel>();
    g_channel->SetAttribute("Frequency", DoubleValue(3.65e9));
    g_channel->SetAttribute("Bandwidth", DoubleValue(100e6));
    g_channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));
    g_channel->SetAttribute("ChannelCondition", StringValue("LOS"));
    g_channel->SetAttribute("Shadowing", BooleanValue(false));

    NodeContainer gnbs(2);
    NodeContainer cars(1);
    InternetStackHelper internet;
    internet.Install(gnbs);
    internet.Install(cars);
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(Vector(spacing * i, 0, 35)); // macro class: 35 m masts
        gnbs.Get(i)->AggregateObject(m);
    }
    const double speed = speedKmh / 3.6;
    const double trip = (spacing - 100) / speed;
    Ptr<WaypointMobilityModel> drive = CreateObject<WaypointMobilityModel>();
    drive->AddWaypoint(Waypoint(Seconds(0), Vector(50, 10, 1.5)));
    drive->AddWaypoint(Waypoint(Seconds(trip), Vector(spacing - 50, 10, 1.5)));
    cars.Get(0)->AggregateObject(drive);

    NrHelper nr;
    NetDeviceContainer cells(nr.InstallGnb(gnbs.Get(0), g_channel));
    cells.Add(nr.InstallGnb(gnbs.Get(1), g_channel));
    nr.AssignStreams(cells, 1);
    NetDeviceContainer ues = nr.InstallUe(cars, cells); // the car starts in the stronger cell
    NetDeviceContainer all(cells);
    all.Add(ues);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
    addresses.Assign(all);
    nr.AttachUeAddresses(cells.Get(0));
    nr.AttachUeAddresses(cells.Get(1));
    g_west = DynamicCast<NrGnbNetDevice>(cells.Get(0));
    g_east = DynamicCast<NrGnbNetDevice>(cells.Get(1));
    Ptr<NrUeNetDevice> car = DynamicCast<NrUeNetDevice>(ues.Get(0));

    Ptr<NrHandoverManager> handover = CreateObject<NrHandoverManager>();
    handover->SetAttribute("Hysteresis", DoubleValue(hysteresis));
    handover->SetAttribute("TimeToTrigger", TimeValue(ttt));
    handover->AddCell(g_west);
    handover->AddCell(g_east);
    handover->AddUe(car);
    handover->TraceConnectWithoutContext("HandoverStart", MakeCallback(&OnHandover));

    for (double t = 0; t <= trip; t += 1)
    {
        Simulator::Schedule(Seconds(t), &Report, car);
    }
    Simulator::Stop(Seconds(trip));
    Simulator::Run();
    std::printf("%lu handover(s); midpoint at x = %.1f m\n",
                static_cast<unsigned long>(handover->GetHandovers()),
                spacing / 2);
    Simulator::Destroy();
    return 0;
}
