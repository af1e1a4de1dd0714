/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// `power_supply:` as written in a scenario: what is read, and every bad input refused at its
// FILE:LINE:COL with exit status 2 (MalformedScenarioTest runs the command line).

#include "helper/scenario/units.h"
#include "scenario-run-support.h"

#include <gtest/gtest.h>

using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

/// A relay at a mast site between a server and a sensor, with the given supplies.
std::string
Supplied(const std::string& supplies)
{
    return R"(blueprint: 1
name: supplied
duration: 1s
sites:
  dc: {position: [0m, 0m]}
  mast: {position: [1km, 0m]}
  field: {position: [1.05km, 0m]}
nodes:
  server: {site: dc, equipment: server}
  relay: {site: mast, equipment: router}
  sensor: {site: field, count: 2}
links:
  backhaul: {between: [server, relay], profile: fiber, rate: 1Gbps}
  access: {between: [relay, sensor], profile: ethernet, rate: 100Mbps}
flows:
  ping: {from: server, to: sensor, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
power_supply:
)" + supplies;
}

const std::string kSupplied = Supplied("  relay: {battery: 4.8kWh}\n");

} // namespace

/// Energy, volume and volume flow in the units planners write them in.
TEST(PowerSupplyReaderTest, EnergyVolumeAndFuelFlowReadInTheirUnits)
{
    EXPECT_DOUBLE_EQ(units::ParseEnergy("4.8kWh"), 4.8 * 3.6e6);
    EXPECT_DOUBLE_EQ(units::ParseEnergy("500 Wh"), 1.8e6);
    EXPECT_DOUBLE_EQ(units::ParseEnergy("2MJ"), 2e6);
    EXPECT_DOUBLE_EQ(units::ParseVolume("200L"), 200);
    EXPECT_DOUBLE_EQ(units::ParseVolume("1.5m3"), 1500);
    EXPECT_DOUBLE_EQ(units::ParseVolume("250mL"), 0.25);
    EXPECT_DOUBLE_EQ(units::ParseVolumeFlow("3.6L/h"), 0.001);
    EXPECT_DOUBLE_EQ(units::ParseVolumeFlow("6l/min"), 0.1);
    EXPECT_THROW(units::ParseEnergy("4.8kW"), UnitError);
    EXPECT_THROW(units::ParseEnergy("100"), UnitError);
    EXPECT_THROW(units::ParseVolume("-1L"), UnitError);
    EXPECT_THROW(units::ParseVolumeFlow("2L"), UnitError);
}

/// Every form of each supply is read into the spec: a site's entry covers its nodes, a node's own
/// wins; fuel in hours or in litres at a consumption; solar by sun hours or by the site's place.
TEST(PowerSupplyReaderTest, EachFormOfASupplyIsReadIntoTheSpec)
{
    const ScenarioSpec spec = ReadYaml(Supplied(
        "  mast: {generator: {fuel: 200L, consumption: 2.5L/h}, battery: {capacity: 2kWh, "
        "recharge: 5h}}\n"
        "  relay: {generator: {fuel: 72h}}\n"
        "  sensor: {mains: false, battery: 500Wh, solar: {peak: 400W, sun_hours: 3.5h, start: "
        "\"2024-01-01T16:10+09:00\"}}\n"));
    ASSERT_EQ(spec.powerSupplies.size(), 3u);
    const PowerSupplySpec& mast = spec.powerSupplies[0];
    EXPECT_TRUE(mast.site);
    EXPECT_TRUE(mast.mains);
    EXPECT_DOUBLE_EQ(mast.generator->fuelSeconds, 80 * 3600.0);
    EXPECT_DOUBLE_EQ(*mast.generator->litres, 200);
    EXPECT_DOUBLE_EQ(mast.battery->capacityJoules, 2 * 3.6e6);
    EXPECT_DOUBLE_EQ(mast.battery->rechargeSeconds, 5 * 3600.0);
    const PowerSupplySpec& relay = spec.powerSupplies[1];
    EXPECT_FALSE(relay.site);
    EXPECT_DOUBLE_EQ(relay.generator->fuelSeconds, 72 * 3600.0);
    EXPECT_FALSE(relay.battery);
    const PowerSupplySpec& sensor = spec.powerSupplies[2];
    EXPECT_FALSE(sensor.mains);
    EXPECT_DOUBLE_EQ(*sensor.solar->sunHours, 3.5);
    EXPECT_DOUBLE_EQ(sensor.solar->startUnixSeconds, 1704093000.0);
    EXPECT_DOUBLE_EQ(sensor.battery->rechargeSeconds, 36000.0); // default: 10 h
}

/// A node's own entry wins over its site's; a group's members each have a supply of their own;
/// nodes with no entry (the server) are not reported.
TEST(PowerSupplyReaderTest, ANodesOwnSupplyWinsOverItsSitesAndEachMemberHasItsOwn)
{
    const RunResult r = RunYaml(Supplied("  field: {battery: 1kWh}\n"
                                         "  mast: {battery: 2kWh}\n"
                                         "  relay: {generator: {fuel: 1h}}\n"));
    ASSERT_EQ(r.power.size(), 3u);
    EXPECT_EQ(r.power[0].node, "relay");
    EXPECT_EQ(r.power[0].supply, "mains + generator 1 h");
    EXPECT_EQ(r.power[1].node, "sensor");
    EXPECT_EQ(r.power[1].member, 0u);
    EXPECT_EQ(r.power[2].member, 1u);
    EXPECT_EQ(r.power[2].supply, "mains + battery 1 kWh");
    // On mains nothing is drawn from the backup, and the battery stays full.
    EXPECT_EQ(r.power[2].drawnJoules, 0.0);
    EXPECT_DOUBLE_EQ(*r.power[2].batteryLeftJoules, 3.6e6);
}

INSTANTIATE_TEST_SUITE_P(
    PowerSupply,
    MalformedScenarioTest,
    ::testing::Values(
        ChangedCase(kSupplied,
                    "PowerSupplyTopKeyMisspelt",
                    {{"power_supply:", "power_suply:"}},
                    "power_suply",
                    "did you mean 'power_supply'?"),
        ChangedCase(kSupplied,
                    "PowerSupplyNotAMap",
                    {{"power_supply:\n  relay: {battery: 4.8kWh}", "power_supply: [relay]"}},
                    "[relay]",
                    "power_supply must be a map from site or node names"),
        ChangedCase(kSupplied,
                    "PowerSupplyForAnUnknownName",
                    {{"  relay: {battery", "  relya: {battery"}},
                    "relya",
                    "neither a site nor a node; did you mean 'relay'?"),
        ChangedCase(kSupplied,
                    "PowerSupplyEntryNotAMap",
                    {{"{battery: 4.8kWh}", "4.8kWh"}},
                    "4.8kWh",
                    "power_supply 'relay' must be a map"),
        ChangedCase(kSupplied,
                    "PowerSupplyUnknownKey",
                    {{"{battery:", "{batery:"}},
                    "batery",
                    "did you mean 'battery'?"),
        ChangedCase(kSupplied,
                    "PowerSupplyMainsNotABoolean",
                    {{"{battery:", "{mains: maybe, battery:"}},
                    "maybe",
                    "expected true or false"),
        ChangedCase(kSupplied,
                    "PowerSupplyWithNothingToRunOn",
                    {{"{battery: 4.8kWh}", "{mains: false}"}},
                    "mains",
                    "no mains and no battery or generator"),
        ChangedCase(kSupplied,
                    "BatteryWithoutUnit",
                    {{"4.8kWh", "4800"}},
                    "4800",
                    "'4800' has no unit; write it as 4800Wh or 4800kWh"),
        ChangedCase(kSupplied, "BatteryInWatts", {{"4.8kWh", "4.8kW"}}, "4.8kW", "energy"),
        ChangedCase(kSupplied,
                    "BatteryOfNoCapacity",
                    {{"4.8kWh", "0Wh"}},
                    "0Wh",
                    "battery capacity must be greater than zero"),
        ChangedCase(kSupplied,
                    "BatteryKeyMisspelt",
                    {{"4.8kWh", "{capacity: 4.8kWh, recharg: 8h}"}},
                    "recharg",
                    "did you mean 'recharge'?"),
        ChangedCase(kSupplied,
                    "BatteryWithoutCapacity",
                    {{"4.8kWh", "{recharge: 8h}"}},
                    "{recharge",
                    "capacity"),
        ChangedCase(kSupplied,
                    "BatteryRechargeOfNoTime",
                    {{"4.8kWh", "{capacity: 4.8kWh, recharge: 0s}"}},
                    "0s",
                    "battery recharge time must be greater than zero"),
        ChangedCase(kSupplied,
                    "GeneratorNotAMap",
                    {{"battery: 4.8kWh", "generator: 72h"}},
                    "72h",
                    "generator: expected a map"),
        ChangedCase(kSupplied,
                    "GeneratorWithoutFuel",
                    {{"battery: 4.8kWh", "generator: {consumption: 2L/h}"}},
                    "{consumption",
                    "fuel"),
        ChangedCase(kSupplied,
                    "GeneratorFuelNeitherTimeNorVolume",
                    {{"battery: 4.8kWh", "generator: {fuel: lots}"}},
                    "lots",
                    "a running time (such as 72h) or a volume (such as 200L)"),
        ChangedCase(kSupplied,
                    "GeneratorFuelOfNoTime",
                    {{"battery: 4.8kWh", "generator: {fuel: 0h}"}},
                    "0h",
                    "generator fuel must be greater than zero"),
        ChangedCase(kSupplied,
                    "GeneratorFuelInLitresWithoutConsumption",
                    {{"battery: 4.8kWh", "generator: {fuel: 200L}"}},
                    "200L",
                    "needs its consumption"),
        ChangedCase(kSupplied,
                    "GeneratorConsumptionWithFuelInHours",
                    {{"battery: 4.8kWh", "generator: {fuel: 72h, consumption: 2L/h}"}},
                    "consumption",
                    "consumption is for fuel given in litres"),
        ChangedCase(kSupplied,
                    "GeneratorConsumptionNotAFlow",
                    {{"battery: 4.8kWh", "generator: {fuel: 200L, consumption: 2L}"}},
                    "2L}",
                    "volume flow"),
        ChangedCase(kSupplied,
                    "GeneratorConsumptionOfNothing",
                    {{"battery: 4.8kWh", "generator: {fuel: 200L, consumption: 0L/h}"}},
                    "0L/h",
                    "generator consumption must be greater than zero"),
        ChangedCase(kSupplied,
                    "SolarWithoutBattery",
                    {{"battery: 4.8kWh", "solar: {peak: 400W, sun_hours: 4h}"}},
                    "solar",
                    "solar needs a battery"),
        ChangedCase(kSupplied,
                    "SolarKeyMisspelt",
                    {{"4.8kWh", "4.8kWh, solar: {peek: 400W}"}},
                    "peek",
                    "did you mean 'peak'?"),
        ChangedCase(kSupplied,
                    "SolarOfNoPeak",
                    {{"4.8kWh", "4.8kWh, solar: {peak: 0W, sun_hours: 4h}"}},
                    "0W",
                    "solar peak must be greater than zero"),
        ChangedCase(kSupplied,
                    "SolarWithNowhereForTheSun",
                    {{"4.8kWh", "4.8kWh, solar: {peak: 400W}"}},
                    "{peak",
                    "solar needs sun_hours, or a latitude and longitude for site 'mast'"),
        ChangedCase(kSupplied,
                    "SolarWithMoreSunThanADay",
                    {{"4.8kWh", "4.8kWh, solar: {peak: 400W, sun_hours: 16h}"}},
                    "16h",
                    "solar sun_hours must be at most 15h"),
        ChangedCase(kSupplied,
                    "SolarStartWithoutOffset",
                    {{"4.8kWh",
                      "4.8kWh, solar: {peak: 400W, sun_hours: 4h, start: "
                      "\"2024-01-01T16:10\"}"}},
                    "\"2024",
                    "with its offset from UTC"),
        ChangedCase(kSupplied,
                    "SolarStartOnADayThatIsNot",
                    {{"4.8kWh",
                      "4.8kWh, solar: {peak: 400W, sun_hours: 4h, start: "
                      "\"2023-02-29T12:00+09:00\"}"}},
                    "\"2023",
                    "such as 2024-01-01T16:10+09:00")));
