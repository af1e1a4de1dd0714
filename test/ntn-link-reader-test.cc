/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Reading a satellite or HAPS link's keys into an NtnLinkSpec: presets, overrides, and
 * FILE:LINE:COL errors.
 */

#include "helper/technology/ntn/ntn-link-reader.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

NtnLinkSpec
Read(const std::string& yaml, const std::string& technology = "leo")
{
    return ReadNtnLinkSpec(ConfigNode::LoadString(yaml, "s.yaml"), technology, "link 'sat'");
}

std::string
ErrorOf(const std::string& yaml, const std::string& technology = "leo")
{
    try
    {
        Read(yaml, technology);
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}

} // namespace

TEST(NtnLinkReader, TechnologyPresetsHoldWhenNothingIsWritten)
{
    const NtnLinkSpec leo = Read("");
    EXPECT_EQ(leo.platform.kind, "walker");
    EXPECT_EQ(leo.platform.planes * leo.platform.perPlane, 1584u);
    EXPECT_EQ(leo.terminal.name, "standard-dish");
    EXPECT_EQ(leo.returnAccess, "request-grant");
    const NtnLinkSpec geo = Read("", "geo");
    EXPECT_EQ(geo.platform.kind, "geo");
    EXPECT_EQ(geo.beam.name, "geo-ka");
    EXPECT_EQ(geo.terminal.name, "vsat");
    const NtnLinkSpec haps = Read("", "haps");
    EXPECT_EQ(haps.platform.kind, "haps");
    EXPECT_EQ(haps.payload, "regenerative");
}

TEST(NtnLinkReader, EveryParameterCanBeOverridden)
{
    const NtnLinkSpec s = Read("platform: {altitude: 1200km, inclination: 87.9, planes: 36,\n"
                               "  satellites_per_plane: 18, phasing: 3, reassignment_period: 30s}\n"
                               "beam: {preset: leo1200-ka, forward_bandwidth: 250MHz,\n"
                               "  eirp_density: 12}\n"
                               "terminal: {preset: mini-dish, min_elevation: 40}\n"
                               "payload: regenerative\n"
                               "inter_satellite_links: true\n"
                               "scheduler: pf\n"
                               "background_load: 60%\n"
                               "interruption: 50ms\n"
                               "interruption_mode: drop\n"
                               "rain_rate: 25\n"
                               "queue_size: 300p\n"
                               "return_access: request-grant\n"
                               "grant_at_gateway: true\n"
                               "constant_rate: 64kbps\n"
                               "frame: 5ms\n"
                               "return_frame: 26.5ms\n"
                               "scheduling_lead: 2\n"
                               "return_scheduling_lead: 3\n"
                               "gateway: {owned: true, power: 3kW, capex: 90M, "
                               "opex_per_year: 9M, lifetime: 12}\n");
    EXPECT_DOUBLE_EQ(s.platform.altitudeM, 1200e3);
    EXPECT_EQ(s.platform.planes, 36u);
    EXPECT_EQ(s.platform.phasing, 3u);
    EXPECT_DOUBLE_EQ(s.platform.reassignmentPeriodS, 30.0);
    EXPECT_EQ(s.beam.name, "leo1200-ka");
    EXPECT_DOUBLE_EQ(s.beam.forwardBandwidthHz, 250e6);
    EXPECT_DOUBLE_EQ(s.beam.eirpDensityDbwPerMhz, 12.0);
    EXPECT_EQ(s.terminal.name, "mini-dish");
    EXPECT_DOUBLE_EQ(s.terminal.minElevationDeg, 40.0);
    EXPECT_TRUE(s.interSatelliteLinks);
    EXPECT_EQ(s.scheduler, "pf");
    EXPECT_DOUBLE_EQ(s.backgroundLoad, 0.6);
    EXPECT_DOUBLE_EQ(s.interruptionS, 0.05);
    EXPECT_EQ(s.interruptionMode, "drop");
    EXPECT_DOUBLE_EQ(s.rainRateMmH, 25.0);
    EXPECT_EQ(s.queueSize, "300p");
    EXPECT_TRUE(s.grantAtGateway);
    EXPECT_DOUBLE_EQ(s.constantRateBps, 64e3);
    EXPECT_DOUBLE_EQ(s.frameS, 5e-3);
    EXPECT_DOUBLE_EQ(s.returnFrameS, 26.5e-3);
    EXPECT_EQ(s.schedulingLead, 2u);
    EXPECT_EQ(s.returnSchedulingLead, 3u);
    EXPECT_TRUE(s.gatewayOwned);
    EXPECT_DOUBLE_EQ(s.gateway.powerW, 3000.0);
    EXPECT_DOUBLE_EQ(s.gateway.capex, 90e6);
    EXPECT_DOUBLE_EQ(s.gateway.opexPerYear, 9e6);
    EXPECT_DOUBLE_EQ(s.gateway.lifetimeYears, 12.0);
}

TEST(NtnLinkReader, ATerminalClassTakesItsOwnPowerAndPrice)
{
    const NtnLinkSpec s = Read("terminal: {preset: mini-dish, idle_power: 25W, max_power: 45W, "
                               "nominal_rate: 200Mbps, capex: 60k, subscription: 6800, "
                               "lifetime: 4}\n");
    EXPECT_EQ(s.terminal.name, "mini-dish");
    EXPECT_DOUBLE_EQ(s.terminal.idlePowerW, 25.0);
    EXPECT_DOUBLE_EQ(s.terminal.maxPowerW, 45.0);
    EXPECT_DOUBLE_EQ(s.terminal.nominalRateBps, 200e6);
    EXPECT_DOUBLE_EQ(s.terminal.capex, 60e3);
    EXPECT_DOUBLE_EQ(s.terminal.opexPerYear, 12 * 6800.0); // written per month
    EXPECT_DOUBLE_EQ(s.terminal.lifetimeYears, 4.0);
    EXPECT_EQ(ErrorOf("terminal: {preset: vsat, idle_power: 80W, max_power: 70W}\n"),
              "s.yaml:1:54: link 'sat' terminal: max_power must be at least idle_power");
}

TEST(NtnLinkReader, MistakesAreReportedWhereTheyAreWritten)
{
    EXPECT_EQ(ErrorOf("backgroud_load: 0.5\n"),
              "s.yaml:1:1: unknown key 'backgroud_load' in link 'sat'; did you mean "
              "'background_load'?");
    EXPECT_EQ(ErrorOf("terminal: standard-dsh\n"),
              "s.yaml:1:11: unknown terminal preset 'standard-dsh'; did you mean "
              "'standard-dish'?");
    EXPECT_EQ(ErrorOf("payload: transparent\ninter_satellite_links: true\n"),
              "s.yaml:2:24: inter_satellite_links need a regenerative payload");
    EXPECT_EQ(ErrorOf("queue_size: lots\n"),
              "s.yaml:1:13: queue_size must be a count of packets or bytes, e.g. 100p or "
              "150000B, not 'lots'");
    EXPECT_EQ(ErrorOf("platform: {planes: 0}\n"), "s.yaml:1:20: planes must be between 1 and 1000");
    EXPECT_EQ(ErrorOf("scheduler: ns3::Object\n"),
              "s.yaml:1:12: 'ns3::Object' is not an ns3::blueprint::NtnBeamScheduler");
    EXPECT_NE(ErrorOf("", "meo").find("unknown satellite technology 'meo'"), std::string::npos);
}
