/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Reading an optical network from YAML: every key into OpticalNetworkSpec, and every bad input
 * an InputError at its FILE:LINE:COL.
 */

#include "helper/technology/optical/optical-spec-reader.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Read a spec from YAML text.
OpticalNetworkSpec
Read(const std::string& yaml)
{
    return ReadOpticalNetworkSpec(ConfigNode::LoadString(yaml, "net.yaml"), "link 'backbone'");
}

/// The message of the InputError reading `yaml` throws ("" if none).
std::string
ErrorOf(const std::string& yaml)
{
    try
    {
        Read(yaml);
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}

} // namespace

TEST(OpticalReaderTest, ReadsEveryKeyIntoTheSpec)
{
    const OpticalNetworkSpec spec = Read(R"(
channels: 64
amplifier_spacing: 70 km
attenuation_db_per_km: 0.2
span_margin_db: 1.5
launch_power_dbm: 1
noise_figure_db: 4.5
amplifier_latency: 200 ns
transponder: 400G
candidate_paths: 5
regenerators: false
slower_transponder: no
queue: 500p
fibres:
  - {between: [edge, core], length: 120 km, plant: aerial}
  - {between: [core, dc]}
demands:
  - {name: dci, from: edge, to: dc, rate: 100 Gbps, transponder: 100G, to_node: dc-server}
ip_layer: {router: router-2012, rate: 10 Gbps, queue: 200p}
equipment: {roadm_power_per_degree: 90 W, pue: 1.5, amplifier_site_capex: 1000000}
)");
    EXPECT_EQ(spec.channels, 64u);
    EXPECT_DOUBLE_EQ(spec.line.maxSpanKm, 70.0);
    EXPECT_DOUBLE_EQ(spec.line.attenuationDbPerKm, 0.2);
    EXPECT_DOUBLE_EQ(spec.line.spanMarginDb, 1.5);
    EXPECT_DOUBLE_EQ(spec.line.launchPowerDbm, 1.0);
    EXPECT_DOUBLE_EQ(spec.line.noiseFigureDb, 4.5);
    EXPECT_EQ(spec.line.amplifierLatency, NanoSeconds(200));
    EXPECT_EQ(spec.transponderClass, "400G");
    EXPECT_EQ(spec.candidatePaths, 5u);
    EXPECT_FALSE(spec.allowRegenerators);
    EXPECT_FALSE(spec.allowSlowerTransponder);
    EXPECT_EQ(spec.queue, "500p");
    ASSERT_EQ(spec.fibres.size(), 2u);
    EXPECT_EQ(spec.fibres[0].a, "edge");
    EXPECT_DOUBLE_EQ(*spec.fibres[0].lengthKm, 120.0);
    EXPECT_TRUE(spec.fibres[0].aerial);
    EXPECT_FALSE(spec.fibres[1].lengthKm.has_value()) << "left to the sites' positions";
    EXPECT_EQ(spec.fibres[1].mark.line, 16);
    ASSERT_EQ(spec.demands.size(), 1u);
    EXPECT_EQ(spec.demands[0].transponderClass, "100G");
    EXPECT_DOUBLE_EQ(spec.demands[0].rate, 100e9);
    EXPECT_EQ(spec.demands[0].GetFromNode(), "edge");
    EXPECT_EQ(spec.demands[0].GetToNode(), "dc-server");
    EXPECT_EQ(spec.ipLayer.routerProfile, "router-2012");
    EXPECT_DOUBLE_EQ(spec.ipLayer.rate, 10e9);
    EXPECT_EQ(spec.ipLayer.queue, "200p");
    EXPECT_DOUBLE_EQ(spec.equipment.roadmWattsPerDegree, 90.0);
    EXPECT_DOUBLE_EQ(spec.equipment.pue, 1.5);
    EXPECT_DOUBLE_EQ(spec.equipment.amplifierSiteCapex, 1e6);
    EXPECT_EQ(spec.GetRoadmNames(), (std::vector<std::string>{"edge", "core", "dc"}));
}

TEST(OpticalReaderTest, BadInputIsAnErrorAtItsPlace)
{
    EXPECT_EQ(ErrorOf("chanels: 40\nfibres: [{between: [a, b]}]\n"),
              "net.yaml:1:1: unknown key 'chanels' in link 'backbone'; did you mean 'channels'?");
    EXPECT_EQ(ErrorOf("channels: 80\nfibres: [{between: [a, b]}]\n"),
              "net.yaml:1:11: link 'backbone': channels is 40 (100 GHz), 64 (75 GHz) or 96 "
              "(50 GHz), not 80");
    EXPECT_EQ(ErrorOf("transponder: 400g\nfibres: [{between: [a, b]}]\n"),
              "net.yaml:1:14: unknown transponder class '400g'; did you mean '400G'?");
    EXPECT_EQ(ErrorOf("transponder: 400G\nfibres: [{between: [a, b]}]\n"),
              "net.yaml:1:14: link 'backbone': a 400G signal needs 75 GHz slots, but 96 channels "
              "are 50 GHz apart");
    EXPECT_EQ(ErrorOf("fibres: [{between: [a, a]}]\n"),
              "net.yaml:1:20: link 'backbone' fibre 1: a fibre joins two different sites");
    EXPECT_EQ(ErrorOf("fibres: [{between: [a, b], length: 0 km}]\n"),
              "net.yaml:1:36: link 'backbone' fibre 1 length must be positive");
    EXPECT_EQ(ErrorOf("fibres:\n  - {between: [a, b]}\ndemands:\n  - {name: d, from: a, to: c}\n"),
              "net.yaml:4:28: unknown ROADM site 'c'; expected one of: a b");
    EXPECT_EQ(ErrorOf("fibres: [{between: [a, b]}]\ndemands:\n  - {name: d, from: a, to: b}\n"
                      "  - {name: d, from: b, to: a}\n"),
              "net.yaml:4:12: link 'backbone': demand 'd' is defined twice");
    EXPECT_EQ(ErrorOf("fibres: [{between: [a, b]}]\n"
                      "demands: [{name: d, from: a, to: b, rate: 200 Gbps}]\n"),
              "net.yaml:2:43: link 'backbone' demand 'd': rate exceeds one 100G wavelength");
    EXPECT_EQ(ErrorOf("fibres: [{between: [a, b]}]\nqueue: 0p\n"),
              "net.yaml:2:8: link 'backbone' queue '0p' is not a positive number of packets or "
              "bytes (e.g. \"100p\", \"1MB\")");
    EXPECT_EQ(ErrorOf("fibres: [{between: [a, b]}]\nip_layer: {router: ruter}\n"),
              "net.yaml:2:20: unknown equipment 'ruter'; did you mean 'router'?");
    EXPECT_EQ(ErrorOf("channels: 40\n"),
              "net.yaml:1:1: link 'backbone': missing required key "
              "'fibres'");
}
