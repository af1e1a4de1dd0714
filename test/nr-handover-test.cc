/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Handover between NR cells: the A3 event with its hysteresis and time-to-trigger (TS 38.331
 * clause 5.5.4.4), the interruption, and the path switch of a scenario's routes.
 */

#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/technology/nr/nr-helper.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-handover-manager.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/boolean.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/node-container.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/waypoint-mobility-model.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Two n78 macro cells 600 m apart on a straight road; RMa, line of sight, no shadowing, so the
/// signals cross exactly half way.
struct TwoCells
{
    Ptr<NrChannel> channel;
    Ptr<NrGnbNetDevice> west;
    Ptr<NrGnbNetDevice> east;
    Ptr<NrUeNetDevice> ue;
    Ptr<NrHandoverManager> manager;
};

TwoCells
BuildTwoCells(double speedMps, double legSeconds)
{
    TwoCells t;
    t.channel = CreateObject<NrChannel>();
    t.channel->SetAttribute("Frequency", DoubleValue(3.5e9));
    t.channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    t.channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));
    t.channel->SetAttribute("ChannelCondition", StringValue("LOS"));
    t.channel->SetAttribute("Shadowing", BooleanValue(false));
    NodeContainer gnbs(2);
    NodeContainer ues(1);
    InternetStackHelper internet;
    internet.Install(gnbs);
    internet.Install(ues);
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(Vector(600.0 * i, 0, 25));
        gnbs.Get(i)->AggregateObject(m);
    }
    // West to east and back: 50 m -> 550 m -> 50 m, 20 m off the line of the masts.
    Ptr<WaypointMobilityModel> drive = CreateObject<WaypointMobilityModel>();
    drive->AddWaypoint(Waypoint(Seconds(0), Vector(50, 20, 1.5)));
    drive->AddWaypoint(Waypoint(Seconds(legSeconds), Vector(50 + speedMps * legSeconds, 20, 1.5)));
    drive->AddWaypoint(Waypoint(Seconds(2 * legSeconds), Vector(50, 20, 1.5)));
    ues.Get(0)->AggregateObject(drive);
    NrHelper nr;
    nr.SetGnbAttribute("Mu", UintegerValue(1));
    nr.SetGnbAttribute("TddPattern", StringValue("FDD"));
    NetDeviceContainer cells(nr.InstallGnb(gnbs.Get(0), t.channel));
    cells.Add(nr.InstallGnb(gnbs.Get(1), t.channel));
    nr.AssignStreams(cells, 1);
    NetDeviceContainer ueDevices = nr.InstallUe(ues, cells);
    NetDeviceContainer all(cells);
    all.Add(ueDevices);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
    addresses.Assign(all);
    nr.AttachUeAddresses(cells.Get(0));
    nr.AttachUeAddresses(cells.Get(1));
    t.west = DynamicCast<NrGnbNetDevice>(cells.Get(0));
    t.east = DynamicCast<NrGnbNetDevice>(cells.Get(1));
    t.ue = DynamicCast<NrUeNetDevice>(ueDevices.Get(0));
    t.manager = CreateObject<NrHandoverManager>();
    t.manager->AddCell(t.west);
    t.manager->AddCell(t.east);
    t.manager->AddUe(t.ue);
    return t;
}

/// What the traces saw.
struct HandoverLog
{
    std::vector<double> startTimes;
    std::vector<double> endTimes;
    std::vector<double> rawMarginDb; //!< target RSRP minus source RSRP at the start
    std::vector<Ptr<NrGnbNetDevice>> targets;
};

void
OnStart(HandoverLog* log,
        Ptr<NrChannel> channel,
        Ptr<NrUeNetDevice> ue,
        Ptr<NrGnbNetDevice> source,
        Ptr<NrGnbNetDevice> target)
{
    log->startTimes.push_back(Simulator::Now().GetSeconds());
    log->rawMarginDb.push_back(
        channel->GetRsrpDbm(ue->GetChannelIndex(), target->GetChannelIndex()) -
        channel->GetRsrpDbm(ue->GetChannelIndex(), source->GetChannelIndex()));
    log->targets.push_back(target);
    EXPECT_EQ(ue->GetGnb(), nullptr) << "the UE has left the source";
    EXPECT_TRUE(ue->IsInHandover());
}

void
OnEnd(HandoverLog* log, Ptr<NrUeNetDevice> ue, Ptr<NrGnbNetDevice>, Ptr<NrGnbNetDevice> target)
{
    log->endTimes.push_back(Simulator::Now().GetSeconds());
    EXPECT_EQ(ue->GetGnb(), target);
}

} // namespace

/// The UE starts in the cell it hears best, and a vehicle driving past the two masts and back
/// changes cell once per crossing, after the crossing point, once the A3 condition held for the
/// time-to-trigger (TS 38.331 clause 5.5.4.4).
TEST(NrHandover, ChangesCellOncePerCrossingAfterA3Holds)
{
    const double speed = 100 / 3.6;
    const double leg = 500 / speed;
    TwoCells t = BuildTwoCells(speed, leg);
    EXPECT_EQ(t.ue->GetGnb(), t.west) << "initial cell selection picks the nearer mast";
    t.manager->SetAttribute("InterruptionTime", TimeValue(MilliSeconds(30)));
    HandoverLog log;
    t.manager->TraceConnectWithoutContext("HandoverStart",
                                          MakeBoundCallback(&OnStart, &log, t.channel));
    t.manager->TraceConnectWithoutContext("HandoverEnd", MakeBoundCallback(&OnEnd, &log));
    Simulator::Stop(Seconds(2 * leg));
    Simulator::Run();
    ASSERT_EQ(log.startTimes.size(), 2u);
    ASSERT_EQ(log.endTimes.size(), 2u);
    EXPECT_EQ(log.targets[0], t.east);
    EXPECT_EQ(log.targets[1], t.west);
    EXPECT_EQ(t.manager->GetHandovers(), 2u);
    EXPECT_EQ(t.ue->GetGnb(), t.west);
    for (std::size_t i = 0; i < 2; ++i)
    {
        EXPECT_NEAR(log.endTimes[i] - log.startTimes[i], 0.030, 1e-9) << "interruption";
        // The filtered margin exceeded Hys = 3 dB for TimeToTrigger; the raw margin, which
        // leads the filter while it grows, is above it too.
        EXPECT_GT(log.rawMarginDb[i], 3.0);
        // The midpoint (x = 300 m) is passed at leg * 250/500 on the way out, and at
        // leg * 1.5 on the way back; the handover comes after it, within a short distance.
        const double crossing = i == 0 ? leg / 2 : 1.5 * leg;
        EXPECT_GT(log.startTimes[i], crossing + 0.256);
        EXPECT_LT(log.startTimes[i], crossing + 6.0) << "less than 170 m past the midpoint";
    }
    Simulator::Destroy();
}

/// A hysteresis larger than the signal difference anywhere on the road keeps the UE in its cell.
TEST(NrHandover, NoHandoverWhileA3NeverHolds)
{
    const double speed = 100 / 3.6;
    TwoCells t = BuildTwoCells(speed, 500 / speed);
    t.manager->SetAttribute("Hysteresis", DoubleValue(15.0));
    t.manager->SetAttribute("A3Offset", DoubleValue(15.0));
    Simulator::Stop(Seconds(500 / speed));
    Simulator::Run();
    EXPECT_EQ(t.manager->GetHandovers(), 0u);
    EXPECT_EQ(t.ue->GetGnb(), t.west);
    Simulator::Destroy();
}

namespace
{

/// A car on a road between two masts, both backhauled to a router in front of a server: UDP
/// every 20 ms each way.
std::string
CorridorScenario(const std::string& interruption)
{
    return R"(blueprint: 1
name: corridor
duration: 31s
drain: 1s
sites:
  west: {position: [0m, 0m]}
  east: {position: [600m, 0m]}
  road-west: {position: [50m, 20m]}
  road-east: {position: [550m, 20m]}
  core: {position: [2km, 0km]}
nodes:
  gnb-west: {site: west}
  gnb-east: {site: east}
  car:
    site: road-west
    mobility: {waypoints: [road-east, road-west], speed: 120km/h}
  upf: {site: core, equipment: router}
  server: {site: core, equipment: server}
links:
  cell-west:
    technology: nr
    between: [gnb-west, car]
    band: n78
    propagation: {scenario: RMa, condition: LOS, shadowing: false}
    handover: {interruption: )" +
           interruption + R"(}
  cell-east:
    technology: nr
    between: [gnb-east, car]
    band: n78
    propagation: {scenario: RMa, condition: LOS, shadowing: false}
    handover: {interruption: )" +
           interruption + R"(}
  bh-west: {between: [upf, gnb-west], profile: fiber, rate: 1Gbps}
  bh-east: {between: [upf, gnb-east], profile: fiber, rate: 1Gbps}
  lan: {between: [upf, server], profile: ethernet, rate: 1Gbps, length: 10m}
flows:
  down:
    from: server
    to: car
    traffic: {pattern: periodic, interval: 20ms, size: 200B}
  up:
    from: car
    to: server
    traffic: {pattern: periodic, interval: 20ms, size: 200B}
)";
}

RunResult
RunCorridor(const std::string& interruption)
{
    ScenarioSpec spec =
        ScenarioDocument::FromString(CorridorScenario(interruption), "corridor.yaml")
            .Resolve("base");
    return ScenarioRunner(spec).Run();
}

} // namespace

/// A car driving past two gNBs and back hands over twice; the core re-routes its downlink to
/// the new cell each time, so traffic continues both ways. Packets wait out the interruption
/// (the source forwards its queue, the UE keeps its uplink buffer): the worst delay grows with
/// the interruption, and at most a few blocks in flight at the source are lost per handover.
TEST(NrHandover, CorridorScenarioLosesNoMoreThanTheInterruptionAllows)
{
    for (const auto& [interruption, seconds] :
         std::vector<std::pair<std::string, double>>{{"30ms", 0.030}, {"100ms", 0.100}})
    {
        RunResult r = RunCorridor(interruption);
        ASSERT_EQ(r.flows.size(), 2u);
        for (const FlowResult& f : r.flows)
        {
            SCOPED_TRACE(f.name + " with " + interruption);
            EXPECT_EQ(f.handovers, 2u);
            // 1,550 packets each way; at most 2 lost per handover (HARQ blocks in flight at
            // the source), never the ~interruption / 20 ms a dropped queue would lose.
            EXPECT_GE(f.txPackets, 1549u);
            EXPECT_LE(f.txPackets - f.rxPackets, 4u);
            // A packet sent as the UE leaves waits the interruption, then the next scheduling
            // opportunity in the target (an SR cycle uplink, a slot or two downlink).
            EXPECT_GE(f.latency.max, seconds * 1e3 - 20.0 - 1e-9);
            EXPECT_LE(f.latency.max, seconds * 1e3 + 20.0);
            // Outside handovers the cells serve the car in a few milliseconds.
            EXPECT_LT(f.latency.p50, 5.0);
        }
    }
}

/// Mobility and handover mistakes are reported at their place in the file, before anything runs.
TEST(NrHandover, InputErrorsNameFileLineAndColumn)
{
    struct Case
    {
        std::string from;
        std::string to;
        std::string where;
        std::string message;
    };

    const std::vector<Case> cases = {
        {"waypoints: [road-east",
         "waypoints: [road-eats",
         "corridor.yaml:16:28: ",
         "unknown waypoint site 'road-eats'; did you mean 'road-east'?"},
        {"speed: 120km/h", "speed: 120kmh", "corridor.yaml:16:58: ", "unknown speed unit"},
        {"speed: 120km/h", "speed: 0m/s", "corridor.yaml:16:58: ", "speed must be"},
        {"speed: 120km/h}",
         "speed: 120km/h, sped: 1m/s}",
         "corridor.yaml:16:67: ",
         "unknown key 'sped'"},
        {"band: n78\n    propagation: {scenario: RMa, condition: LOS, shadowing: false}\n"
         "    handover: {interruption: 30ms}\n  cell-east",
         "band: n78\n    propagation: {scenario: RMa, condition: LOS, shadowing: false}\n"
         "    handover: {interruption: 30ms, hysteresis: 16dB}\n  cell-east",
         "corridor.yaml:25:48: ",
         "hysteresis must be 0dB to 15dB"},
        {"handover: {interruption: 30ms}\n  bh-west",
         "handover: {interruption: 40ms}\n  bh-west",
         "corridor.yaml:26:3: ",
         "also served by link 'cell-west', so both cells need the same handover settings"},
        {"  upf: {site: core, equipment: router}",
         "  upf: {site: core, equipment: router, mobility: {waypoints: [west], speed: 1m/s}}",
         "corridor.yaml:17:50: ",
         "node 'upf' mobility: only the UEs of nr links and the stations of wifi links move"},
        {"band: n78\n    propagation: {scenario: RMa, condition: LOS, shadowing: false}\n"
         "    handover: {interruption: 30ms}\n  bh-west",
         "band: n77\n    propagation: {scenario: RMa, condition: LOS, shadowing: false}\n"
         "    handover: {interruption: 30ms}\n  bh-west",
         "corridor.yaml:26:3: ",
         "band differs ('n78' there, 'n77' here)"},
    };
    for (const auto& c : cases)
    {
        std::string text = CorridorScenario("30ms");
        const auto at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.from;
        text.replace(at, c.from.size(), c.to);
        try
        {
            ScenarioDocument::FromString(text, "corridor.yaml").Resolve("base");
            ADD_FAILURE() << "accepted: " << c.to;
        }
        catch (const InputError& e)
        {
            const std::string what = e.what();
            EXPECT_EQ(what.rfind(c.where, 0), 0u) << what;
            EXPECT_NE(what.find(c.message), std::string::npos) << what;
        }
    }
}

/// Configured grants belong to the UEs a cell serves: UEs that left give theirs back. Three UEs
/// per cell swap sides between two 51-PRB cells whose configured grants (25 PRBs, period 2)
/// fit four UEs; before, every cell kept reserving PRBs for every UE it had ever seen and the
/// run aborted once five had passed through. While the UEs cross, a cell may hold more than
/// four: those without room ask by scheduling request.
TEST(NrHandover, UesThatLeaveGiveBackTheirConfiguredGrants)
{
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(3.5e9));
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));
    channel->SetAttribute("ChannelCondition", StringValue("LOS"));
    channel->SetAttribute("Shadowing", BooleanValue(false));
    NodeContainer gnbs(2);
    NodeContainer ues(6);
    InternetStackHelper internet;
    internet.Install(gnbs);
    internet.Install(ues);
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(Vector(600.0 * i, 0, 25));
        gnbs.Get(i)->AggregateObject(m);
    }
    for (uint32_t i = 0; i < 6; ++i)
    {
        // Three start by the west mast and drive east, three the other way.
        Ptr<WaypointMobilityModel> drive = CreateObject<WaypointMobilityModel>();
        drive->AddWaypoint(Waypoint(Seconds(0), Vector(i < 3 ? 50 + i : 550 - i, 20, 1.5)));
        drive->AddWaypoint(Waypoint(Seconds(20), Vector(i < 3 ? 550 : 50, 20, 1.5)));
        ues.Get(i)->AggregateObject(drive);
    }
    NrHelper nr;
    nr.SetGnbAttribute("Mu", UintegerValue(1));
    nr.SetGnbAttribute("TddPattern", StringValue("FDD"));
    nr.SetGnbAttribute("UlAccess", StringValue("configured"));
    nr.SetGnbAttribute("ConfiguredGrantPeriod", UintegerValue(2));
    nr.SetGnbAttribute("ConfiguredGrantPrbs", UintegerValue(25));
    NetDeviceContainer cells(nr.InstallGnb(gnbs.Get(0), channel));
    cells.Add(nr.InstallGnb(gnbs.Get(1), channel));
    nr.AssignStreams(cells, 1);
    NetDeviceContainer ueDevices = nr.InstallUe(ues, cells);
    NetDeviceContainer all(cells);
    all.Add(ueDevices);
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
    addresses.Assign(all);
    nr.AttachUeAddresses(cells.Get(0));
    nr.AttachUeAddresses(cells.Get(1));
    Ptr<NrHandoverManager> manager = CreateObject<NrHandoverManager>();
    manager->AddCell(DynamicCast<NrGnbNetDevice>(cells.Get(0)));
    manager->AddCell(DynamicCast<NrGnbNetDevice>(cells.Get(1)));
    for (uint32_t i = 0; i < 6; ++i)
    {
        manager->AddUe(DynamicCast<NrUeNetDevice>(ueDevices.Get(i)));
    }
    Simulator::Stop(Seconds(21));
    Simulator::Run(); // aborted before the fix
    EXPECT_EQ(manager->GetHandovers(), 6u);
    for (uint32_t g = 0; g < 2; ++g)
    {
        Ptr<NrGnbNetDevice> cell = DynamicCast<NrGnbNetDevice>(cells.Get(g));
        EXPECT_EQ(cell->GetNUes(), 6u) << "every UE passed through";
        EXPECT_EQ(cell->GetNConnectedUes(), 3u) << "three are served at the end";
        for (uint32_t ue = 0; ue < cell->GetNUes(); ++ue)
        {
            // Four grants of 25 PRBs fit: every UE served holds one, every UE gone none.
            EXPECT_EQ(cell->GetConfiguredGrantPrbs(ue), cell->IsConnected(ue) ? 25u : 0u);
        }
    }
    Simulator::Destroy();
}

/// A carrier's models get their random streams once: a later cell's AssignStreams must not
/// rebuild them and redraw what UEs of other cells already drew (shadowing, LOS state).
TEST(NrHandover, LaterCellsDoNotRedrawTheCarriersChannel)
{
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(3.5e9));
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrUmaScenario"));
    channel->AssignStreams(7);
    NodeContainer gnbs(2);
    NodeContainer ues(1);
    for (uint32_t i = 0; i < 2; ++i)
    {
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(Vector(1000.0 * i, 0, 25));
        gnbs.Get(i)->AggregateObject(m);
    }
    Ptr<ConstantPositionMobilityModel> ueAt = CreateObject<ConstantPositionMobilityModel>();
    ueAt->SetPosition(Vector(400, 30, 1.5));
    ues.Get(0)->AggregateObject(ueAt);
    NrHelper nr;
    NetDeviceContainer first = nr.InstallGnb(gnbs.Get(0), channel);
    NetDeviceContainer ue = nr.InstallUe(ues, first);
    const uint32_t index = DynamicCast<NrUeNetDevice>(ue.Get(0))->GetChannelIndex();
    const double before = channel->GetPathGainDb(index, 0);
    NetDeviceContainer second = nr.InstallGnb(gnbs.Get(1), channel);
    nr.AssignStreams(second, 100);
    EXPECT_TRUE(channel->HasAssignedStreams());
    EXPECT_DOUBLE_EQ(channel->GetPathGainDb(index, 0), before);
    Simulator::Destroy();
}
