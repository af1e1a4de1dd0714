/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Issue 12 item 3: sites and nodes on battery, generator or solar; equipment that stops when its
// supply runs dry; mains loss and restoration; the charge at a window's start on the timeline.

#include "helper/power/power-plant.h"
#include "helper/results/result-writer.h"
#include "model/energy/backup-battery.h"
#include "model/energy/equipment-energy-model.h"
#include "model/energy/solar-harvester.h"
#include "scenario-run-support.h"

#include "ns3/double.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

/// The relay's constant draw: its router's 100 W and 1 W at its end of each of its two links,
/// at a site with PUE 1.
constexpr double kRelayWatts = 102;

/**
 * A server sends a 100-byte packet every 100 ms to a sensor behind a relay whose only supply is
 * the one given; every element of the relay draws a constant power.
 */
std::string
Relay(const std::string& supply, const std::string& duration = "10s")
{
    return R"(blueprint: 1
name: relay-on-backup
duration: )" +
           duration + R"(
drain: 0s
sites:
  dc: {position: [0m, 0m], pue: 1}
  mast: {position: [1km, 0m], pue: 1}
  field: {position: [1.05km, 0m], pue: 1}
nodes:
  server: {site: dc, equipment: server}
  relay: {site: mast, equipment: router, power: {idle: 100W}}
  sensor: {site: field}
links:
  backhaul: {between: [server, relay], profile: fiber, rate: 1Gbps, power: {idle: 1W}}
  access: {between: [relay, sensor], profile: ethernet, rate: 100Mbps, power: {idle: 1W}}
flows:
  ping: {from: server, to: sensor, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
power_supply:
  relay: )" +
           supply + "\n";
}

/// Run a scenario with a function that sees its power plant before the simulation starts.
RunResult
RunWithPlant(const std::string& text,
             const std::function<void(PowerPlant&)>& hook,
             double windowStart = 0)
{
    ScenarioSpec spec = ReadYaml(text);
    spec.windowStart = windowStart;
    ScenarioRunner runner(spec);
    runner.SetPowerPlantHook(hook);
    return runner.Run();
}

/// Schedule a mains loss (and a restoration, if restoreAt > 0) at the relay.
std::function<void(PowerPlant&)>
LoseMains(double lostAt, double restoreAt = -1)
{
    return [lostAt, restoreAt](PowerPlant& plant) {
        PowerPlant* p = &plant;
        Simulator::Schedule(Seconds(lostAt), [p]() { p->MainsLost("relay", 0); });
        if (restoreAt > 0)
        {
            Simulator::Schedule(Seconds(restoreAt), [p]() { p->MainsRestored("relay", 0); });
        }
    };
}

const PowerSupplyResult&
SupplyOf(const RunResult& r, const std::string& node)
{
    for (const auto& p : r.power)
    {
        if (p.node == node)
        {
            return p;
        }
    }
    throw std::logic_error("no supply reported for " + node);
}

/**
 * Expect the 100 ms flow to have delivered what was sent while the relay was powered, and
 * nothing else. Its packets leave at a random offset within the first 100 ms (the traffic
 * builder keeps members out of step), so each powered span of s seconds carries floor(s / 0.1)
 * or one more.
 */
void
ExpectDeliveredWhilePowered(const RunResult& r, const std::vector<std::pair<double, double>>& spans)
{
    uint64_t low = 0;
    uint64_t high = 0;
    for (const auto& [from, to] : spans)
    {
        low += static_cast<uint64_t>(std::floor((to - from) / 0.1 + 1e-9));
        high += static_cast<uint64_t>(std::floor((to - from) / 0.1 + 1e-9)) + 1;
    }
    const uint64_t rx = FlowOf(r, "ping").rxPackets;
    EXPECT_GE(rx, low);
    EXPECT_LE(rx, high);
}

} // namespace

/// 0.1 Wh = 360 J at 102 W lasts 360 / 102 = 3.529 s. The battery runs dry then (to within a
/// nanosecond: the load is constant, and the battery schedules its update at the moment its charge
/// would end), the relay delivers nothing sent after it, and its energy stops growing at the
/// battery's 360 J instead of 102 W x 10 s.
TEST(PowerSupplyTest, ABatteryOfKnownCapacityRunsDryAtTheComputedTimeAndTheEquipmentStops)
{
    const RunResult r = RunYaml(Relay("{mains: false, battery: 0.1Wh}"));
    const PowerSupplyResult& p = SupplyOf(r, "relay");
    const double dry = 360.0 / kRelayWatts;
    ASSERT_TRUE(p.ranDrySeconds);
    EXPECT_NEAR(*p.ranDrySeconds, dry, 1e-6);
    EXPECT_FALSE(p.poweredAtEnd);
    EXPECT_NEAR(p.drawnJoules, 360.0, 1e-3);
    EXPECT_NEAR(*p.batteryLeftJoules, 0.0, 1e-6);
    EXPECT_NEAR(r.energyByNode.at("relay"), 360.0, 1e-3);
    EXPECT_EQ(FlowOf(r, "ping").txPackets, 100u);
    ExpectDeliveredWhilePowered(r, {{0, dry}});
}

/// On mains the battery is not touched; the mains lost at 2 s, it carries the relay for 3.529 s.
/// The same happens with a battery written as a map.
TEST(PowerSupplyTest, MainsLossHandsTheLoadToTheBatteryUntilItRunsDry)
{
    const RunResult r =
        RunWithPlant(Relay("{battery: {capacity: 360J, recharge: 10h}}"), LoseMains(2));
    const PowerSupplyResult& p = SupplyOf(r, "relay");
    const double dry = 2 + 360.0 / kRelayWatts;
    ASSERT_TRUE(p.ranDrySeconds);
    EXPECT_NEAR(*p.ranDrySeconds, dry, 1e-6);
    EXPECT_NEAR(p.drawnJoules, 360.0, 1e-3);
    EXPECT_NEAR(r.energyByNode.at("relay"), kRelayWatts * 2 + 360.0, 1e-3);
    ExpectDeliveredWhilePowered(r, {{0, dry}});
    EXPECT_FALSE(p.mainsAtEnd);
    EXPECT_EQ(p.supply, "mains + battery 0.1 Wh");
}

/// A generator with 3 s of fuel, started by the mains loss at 1 s, stops at 4 s; fuel given as
/// 1 mL at 1 L/h is 3.6 s of running.
TEST(PowerSupplyTest, AGeneratorStopsAfterItsFuelHours)
{
    {
        const RunResult r = RunWithPlant(Relay("{generator: {fuel: 3s}}"), LoseMains(1));
        const PowerSupplyResult& p = SupplyOf(r, "relay");
        ASSERT_TRUE(p.ranDrySeconds);
        EXPECT_NEAR(*p.ranDrySeconds, 4.0, 1e-9);
        EXPECT_NEAR(*p.fuelLeftSeconds, 0.0, 1e-9);
        EXPECT_NEAR(p.drawnJoules, kRelayWatts * 3, 1e-3);
        EXPECT_NEAR(r.energyByNode.at("relay"), kRelayWatts * 4, 1e-3);
        ExpectDeliveredWhilePowered(r, {{0, 4}});
    }
    {
        const RunResult r =
            RunWithPlant(Relay("{generator: {fuel: 1mL, consumption: 1L/h}}"), LoseMains(1));
        const PowerSupplyResult& p = SupplyOf(r, "relay");
        ASSERT_TRUE(p.ranDrySeconds);
        EXPECT_NEAR(*p.ranDrySeconds, 4.6, 1e-9);
        EXPECT_NEAR(*p.fuelLeftLitres, 0.0, 1e-12);
    }
}

/// The generator runs first; when its fuel ends the battery takes over, then the relay goes dark.
TEST(PowerSupplyTest, TheBatteryTakesOverWhenTheGeneratorRunsOutOfFuel)
{
    const RunResult r =
        RunWithPlant(Relay("{generator: {fuel: 2s}, battery: 0.1Wh}"), LoseMains(1));
    const PowerSupplyResult& p = SupplyOf(r, "relay");
    ASSERT_TRUE(p.ranDrySeconds);
    EXPECT_NEAR(*p.ranDrySeconds, 3 + 360.0 / kRelayWatts, 1e-6);
    EXPECT_NEAR(p.drawnJoules, kRelayWatts * 2 + 360, 1e-3);
}

/// The mains come back at 6 s, after the battery ran dry at 4.53 s: the relay works again (its
/// interfaces up, its routes as before), and the battery charges at capacity / recharge time,
/// 360 J / 10 s = 36 W, for the 4 s left.
TEST(PowerSupplyTest, MainsRestorationPowersTheNodeAgainAndRechargesItsBattery)
{
    const RunResult r =
        RunWithPlant(Relay("{battery: {capacity: 0.1Wh, recharge: 10s}}"), LoseMains(1, 6));
    const PowerSupplyResult& p = SupplyOf(r, "relay");
    const double dry = 1 + 360.0 / kRelayWatts;
    ASSERT_TRUE(p.ranDrySeconds);
    EXPECT_NEAR(*p.ranDrySeconds, dry, 1e-6);
    EXPECT_TRUE(p.poweredAtEnd);
    EXPECT_TRUE(p.mainsAtEnd);
    EXPECT_NEAR(*p.batteryLeftJoules, 36.0 * 4, 1e-6);
    EXPECT_NEAR(r.energyByNode.at("relay"), kRelayWatts * (10 - (6 - dry)), 1e-3);
    ExpectDeliveredWhilePowered(r, {{0, dry}, {6, 10}});
}

/// The run's window starts 1 h into the timeline; the mains were lost at 0.5 h. A 100 Wh battery
/// has lost 102 W x 0.5 h = 51 Wh by then; a 10 Wh one ran dry at 0.5 h + 36000 J / 102 W, and
/// the relay starts the window dark: nothing delivered, no energy drawn.
TEST(PowerSupplyTest, TheChargeAtTheWindowStartAccountsForTheDrainSinceTheMainsLoss)
{
    auto lostHalfAnHourIn = [](PowerPlant& plant) { plant.SetMainsLostAt("relay", 0, 1800); };
    {
        const RunResult r = RunWithPlant(Relay("{battery: 100Wh}"), lostHalfAnHourIn, 3600);
        const PowerSupplyResult& p = SupplyOf(r, "relay");
        EXPECT_NEAR(*p.batteryStartJoules, (100 - 51) * 3600.0, 1e-3);
        EXPECT_NEAR(*p.batteryLeftJoules, (100 - 51) * 3600.0 - kRelayWatts * 10, 1e-3);
        EXPECT_FALSE(p.ranDrySeconds);
        EXPECT_EQ(FlowOf(r, "ping").rxPackets, 100u);
    }
    {
        const RunResult r = RunWithPlant(Relay("{battery: 10Wh}"), lostHalfAnHourIn, 3600);
        const PowerSupplyResult& p = SupplyOf(r, "relay");
        ASSERT_TRUE(p.ranDryTimelineSeconds);
        EXPECT_NEAR(*p.ranDryTimelineSeconds, 1800 + 36000.0 / kRelayWatts, 1e-6);
        EXPECT_FALSE(p.ranDrySeconds); // before the window
        EXPECT_FALSE(p.poweredAtEnd);
        EXPECT_EQ(FlowOf(r, "ping").rxPackets, 0u);
        EXPECT_NEAR(r.energyByNode.at("relay"), 0.0, 1e-9);
    }
    {
        // A generator's fuel likewise: 1 h of fuel, half of it burnt before the window.
        const RunResult r = RunWithPlant(Relay("{generator: {fuel: 1h}}"), lostHalfAnHourIn, 3600);
        EXPECT_NEAR(*SupplyOf(r, "relay").fuelLeftSeconds, 1800 - 10, 1e-6);
    }
}

/// A solar-only relay (no mains) with a 2 kWh battery and 300 W of panels giving 4 peak sun hours
/// a day, the timeline starting at midnight: by noon the battery holds 2000 Wh - 102 W x 12 h +
/// 300 W x 2 h (the morning half of the day's 4 sun hours) = 1376 Wh, and over 10 s at noon it
/// gains (300 - 102) W x 10 s. At midnight it only loses.
TEST(PowerSupplyTest, SolarRechargesTheBatteryByDay)
{
    const std::string solar = "{mains: false, battery: 2kWh, solar: {peak: 300W, sun_hours: 4h, "
                              "start: \"2024-03-20T00:00+09:00\"}}";
    const RunResult noon = RunWithPlant(Relay(solar), nullptr, 12 * 3600);
    const PowerSupplyResult& p = SupplyOf(noon, "relay");
    // The replay integrates the half-sine in one-minute steps (trapezoidal rule).
    EXPECT_NEAR(*p.batteryStartJoules / 3600, 1376, 0.05);
    EXPECT_GT(*p.batteryLeftJoules, *p.batteryStartJoules);
    EXPECT_NEAR(*p.batteryLeftJoules - *p.batteryStartJoules, (300 - kRelayWatts) * 10, 0.01);
    EXPECT_NEAR(*p.solarJoules, 300 * 10, 0.01);
    EXPECT_EQ(FlowOf(noon, "ping").rxPackets, 100u);

    const RunResult night = RunWithPlant(Relay(solar), nullptr, 0);
    const PowerSupplyResult& n = SupplyOf(night, "relay");
    EXPECT_NEAR(*n.batteryStartJoules, 2000 * 3600.0, 1e-6);
    EXPECT_NEAR(*n.batteryStartJoules - *n.batteryLeftJoules, kRelayWatts * 10, 1e-6);
    EXPECT_NEAR(*n.solarJoules, 0.0, 1e-12);
}

/// A solar relay whose 10 J battery is gone 0.1 s into the night stays dark until the sun has
/// recharged it to the restart level; at noon it runs (the replay of the morning applies the
/// same rule as the run).
TEST(PowerSupplyTest, SolarBringsADarkNodeBackAfterSunrise)
{
    const std::string solar = "{mains: false, battery: 10J, solar: {peak: 2000W, sun_hours: 4h, "
                              "start: \"2024-03-20T00:00+09:00\"}}";
    const RunResult night = RunWithPlant(Relay(solar), nullptr, 0);
    const PowerSupplyResult& p = SupplyOf(night, "relay");
    ASSERT_TRUE(p.ranDrySeconds);
    EXPECT_NEAR(*p.ranDrySeconds, 10.0 / kRelayWatts, 1e-6);
    EXPECT_FALSE(p.poweredAtEnd);
    const RunResult day = RunWithPlant(Relay(solar), nullptr, 12 * 3600);
    EXPECT_TRUE(SupplyOf(day, "relay").poweredAtEnd);
    EXPECT_EQ(FlowOf(day, "ping").rxPackets, 100u);
}

/// In a run, an empty battery charged by a harvester tells its equipment it has recharged at the
/// moment it reaches its restart level: 15 % of 10 J at 100 W of sun (noon on a 4-sun-hour
/// day) is 15 ms.
TEST(PowerSupplyTest, AnEmptyBatteryReportsItsRechargeWhenItReachesTheRestartLevel)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<BackupBattery> battery = CreateObject<BackupBattery>();
    battery->SetNode(node);
    battery->SetCharge(10, 0);
    Ptr<EquipmentEnergyModel> draw = CreateObject<EquipmentEnergyModel>();
    draw->SetEnergySource(battery);
    draw->SetJoulesFunction([]() { return 0.0; });
    double rechargedAt = -1;
    draw->SetCallbacks(nullptr, [&rechargedAt]() { rechargedAt = Simulator::Now().GetSeconds(); });
    battery->AppendDeviceEnergyModel(draw);
    Ptr<SunHoursSolarProfile> sun = CreateObject<SunHoursSolarProfile>();
    sun->SetAttribute("PeakPower", DoubleValue(100));
    sun->SetAttribute("SunHours", DoubleValue(4));
    Ptr<SolarEnergyHarvester> panel = CreateObject<SolarEnergyHarvester>();
    panel->SetProfile(sun, 12 * 3600);
    battery->AddHarvester(panel);
    battery->Initialize();
    Simulator::Stop(Seconds(0.05));
    Simulator::Run();
    EXPECT_NEAR(rechargedAt, 0.015, 1e-6);
    EXPECT_FALSE(battery->IsDepleted());
    battery->Dispose();
    panel->Dispose();
    Simulator::Destroy();
}

/// Without sun_hours the array follows the sun at its site: at Wajima (37.39 N, 136.90 E) on the
/// March equinox the clear sky gives nothing at midnight, most near 12:00 JST (local solar noon:
/// 136.90 E is 7.6 min east of the JST meridian of 135 E, and on 20 March the equation of time is
/// about -7.5 min, the sun late by as much), and a sun at the elevation 90 - 37.39 = 52.6
/// degrees; at 06:00 JST the sun has barely risen.
TEST(PowerSupplyTest, AClearSkyArrayFollowsTheSunAtItsLatitudeAndLongitude)
{
    double start = 0;
    double clock = 0;
    ASSERT_TRUE(ParseDateTime("2024-03-20T00:00+09:00", start, clock));
    Ptr<ClearSkySolarProfile> p = CreateObject<ClearSkySolarProfile>();
    p->SetAttribute("PeakPower", DoubleValue(1000));
    p->SetAttribute("Latitude", DoubleValue(37.39));
    p->SetAttribute("Longitude", DoubleValue(136.90));
    p->SetAttribute("Start", DoubleValue(start));
    EXPECT_EQ(p->GetPower(0), 0.0);
    double best = 0;
    double bestAt = 0;
    for (double t = 10 * 3600; t < 14 * 3600; t += 60)
    {
        if (p->GetPower(t) > best)
        {
            best = p->GetPower(t);
            bestAt = t;
        }
    }
    EXPECT_NEAR(bestAt / 3600, 12.0, 0.05);
    // Meinel: 1.1 x 1353 x 0.7^((1/sin 52.6 deg)^0.678) x sin 52.6 deg W/m2.
    const double s = std::sin(52.6 * M_PI / 180);
    EXPECT_NEAR(best, 1.1 * 1353 * std::pow(0.7, std::pow(1 / s, 0.678)) * s, 10);
    EXPECT_LT(p->GetPower(6 * 3600), 0.05 * best);
}

/// A half-sine day of 4 sun hours delivers peak x 4 h, whatever the clock at timeline 0.
TEST(PowerSupplyTest, ASunHoursDayDeliversPeakTimesSunHours)
{
    Ptr<SunHoursSolarProfile> p = CreateObject<SunHoursSolarProfile>();
    p->SetAttribute("PeakPower", DoubleValue(400));
    p->SetAttribute("SunHours", DoubleValue(4));
    p->SetAttribute("StartClock", DoubleValue(16 * 3600 + 600)); // 16:10
    EXPECT_NEAR(p->GetEnergy(0, 86400) / 3600, 1600, 0.1);
    EXPECT_EQ(p->GetPower(0), 0.0);                           // 16:10: after sunset
    EXPECT_NEAR(p->GetPower(19 * 3600 + 50 * 60), 400, 1e-9); // 12:00 the next day
}

/// ISO 8601 instants with their offset; anything else is refused.
TEST(PowerSupplyTest, DatesAndTimesNeedTheirOffsetFromUtc)
{
    double instant = 0;
    double clock = 0;
    ASSERT_TRUE(ParseDateTime("2024-01-01T16:10+09:00", instant, clock));
    EXPECT_EQ(instant, 1704093000.0); // 2024-01-01T07:10Z
    EXPECT_EQ(clock, 16 * 3600 + 600.0);
    ASSERT_TRUE(ParseDateTime("2024-02-29T00:00:30Z", instant, clock));
    EXPECT_EQ(instant, 1709164830.0);
    for (const char* bad : {"2024-01-01T16:10",
                            "2023-02-29T00:00Z",
                            "2024-13-01T00:00Z",
                            "2024-01-01 16:10+09:00",
                            "2024-01-01T24:00Z",
                            "2024-01-01T16:10+09:00x",
                            "yesterday"})
    {
        EXPECT_FALSE(ParseDateTime(bad, instant, clock)) << bad;
    }
}

/// result.json reports each powered member under energy.supplies, in Wh and hours; a run with
/// no supply and no mains loss has no such key, so every result recorded before stays as it was.
TEST(PowerSupplyTest, ResultJsonReportsEachSupplyAndOnlyWhenThereIsOne)
{
    const RunResult r = RunYaml(Relay("{mains: false, battery: 0.1Wh}"));
    const nlohmann::json j = nlohmann::json::parse(ResultWriter::ToJson(r));
    const nlohmann::json& s = j.at("energy").at("supplies").at(0);
    EXPECT_EQ(s.at("node"), "relay");
    EXPECT_EQ(s.at("supply"), "no mains + battery 0.1 Wh");
    EXPECT_NEAR(s.at("drawn_wh").get<double>(), 0.1, 1e-6);
    EXPECT_NEAR(s.at("ran_dry_s").get<double>(), 360.0 / kRelayWatts, 1e-6);
    EXPECT_NEAR(s.at("battery_left_wh").get<double>(), 0.0, 1e-9);
    EXPECT_TRUE(s.at("fuel_left_h").is_null());
    EXPECT_FALSE(s.at("powered_at_end").get<bool>());
    EXPECT_NE(ResultWriter::SummaryTable(r).find("ran dry at 3.52941 s"), std::string::npos);

    RunResult none = r;
    none.power.clear();
    EXPECT_FALSE(
        nlohmann::json::parse(ResultWriter::ToJson(none)).at("energy").contains("supplies"));
}

/// An NR base station whose battery holds 720 J goes dark when its metered draw (EARTH, per TTI,
/// integrated by the cell's own model) has used them: at 720 J over its mean power on mains, and
/// its energy stops there; the phones behind it get nothing sent after that.
TEST(PowerSupplyTest, ABaseStationOnBatteryGoesDarkWhenItsBatteryIsSpent)
{
    const std::string cell = R"(blueprint: 1
name: bs-on-battery
duration: 2s
drain: 0s
sites:
  mast: {position: [0m, 0m], pue: 1.5}
  field: {position: [300m, 0m]}
  dc: {position: [2km, 0m]}
nodes:
  gnb: {site: mast}
  phones: {site: field}
  server: {site: dc, equipment: server}
links:
  nr-cell: {technology: nr, between: [gnb, phones], band: n78, cell: macro}
  uplink: {between: [gnb, server], profile: fiber, rate: 10Gbps}
flows:
  ping: {from: server, to: phones, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
)";
    const RunResult onMains = RunYaml(cell);
    const double watts = onMains.energyByNode.at("gnb") / 2;
    const RunResult r = RunYaml(cell + "power_supply:\n  gnb: {mains: false, battery: 720J}\n");
    const PowerSupplyResult& p = SupplyOf(r, "gnb");
    ASSERT_TRUE(p.ranDrySeconds);
    // The cell's power varies by TTI with its traffic: within 0.1 % of the mean's prediction.
    EXPECT_NEAR(*p.ranDrySeconds, 720 / watts, 1e-3 * 720 / watts);
    EXPECT_NEAR(r.energyByNode.at("gnb"), 720, 1e-3);
    EXPECT_NEAR(p.drawnJoules, 720, 1e-3);
    const FlowResult& f = FlowOf(r, "ping");
    EXPECT_EQ(f.txPackets, 200u);
    EXPECT_LE(f.rxPackets, static_cast<uint64_t>(*p.ranDrySeconds / 0.01) + 1);
    EXPECT_GE(f.rxPackets, static_cast<uint64_t>(*p.ranDrySeconds / 0.01) - 2);
}

/// A mains loss before the run must be told with its time on the timeline, which decides what the
/// loss has done by the window's start; an unknown node or member is refused.
TEST(PowerSupplyTest, AMainsLossBeforeTheRunIsToldWithItsTimelineTime)
{
    bool checked = false;
    RunWithPlant(Relay("{battery: 1Wh}"), [&checked](PowerPlant& plant) {
        EXPECT_THROW(plant.MainsLost("relay", 0), std::logic_error);
        EXPECT_THROW(plant.MainsRestored("relay", 0), std::logic_error);
        EXPECT_THROW(plant.SetMainsLostAt("relay", 1, 0), std::invalid_argument);
        EXPECT_THROW(plant.SetMainsLostAt("relya", 0, 0), std::invalid_argument);
        checked = true;
    });
    EXPECT_TRUE(checked);
}

/// A battery that is the only thing in the simulator still schedules its own updates and runs dry
/// at capacity / power: 100 J at 40 W, 2.5 s. (ns-3 calls a simulator with no events "finished";
/// the battery once took that as the run's end and never looked again.)
TEST(PowerSupplyTest, ABatteryAloneInTheSimulatorStillRunsDryOnTime)
{
    Ptr<BackupBattery> battery = CreateObject<BackupBattery>();
    battery->SetCharge(100, 100);
    Ptr<EquipmentEnergyModel> draw = CreateObject<EquipmentEnergyModel>();
    draw->SetEnergySource(battery);
    draw->SetJoulesFunction([]() { return 40 * Simulator::Now().GetSeconds(); });
    draw->SetExpectedPower(40);
    double dryAt = -1;
    draw->SetCallbacks([&dryAt]() { dryAt = Simulator::Now().GetSeconds(); }, nullptr);
    battery->AppendDeviceEnergyModel(draw);
    draw->SetDrawing(true);
    battery->Initialize();
    Simulator::Run();
    EXPECT_NEAR(dryAt, 2.5, 2e-9); // ns-3 schedules in whole nanoseconds, rounded up
    EXPECT_TRUE(battery->IsDepleted());
    battery->Dispose();
    Simulator::Destroy();
}
