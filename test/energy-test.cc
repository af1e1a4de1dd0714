/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Energy: the load-proportional element model (Restrepo et al. 2009's linear-with-idle profile)
 * integrated exactly, and the meter counting the bits real devices transmit.
 */

#include "helper/technology/wired/wired-link-helper.h"
#include "model/energy/element-power-model.h"
#include "model/energy/energy-meter.h"
#include "model/equipment/equipment-profile.h"
#include "model/wired/wired-link-profile.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;

namespace
{

/// A power model with the given attributes.
Ptr<ElementPowerModel>
MakeModel(double idle, double max, double capacity, double pue)
{
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(idle));
    model->SetAttribute("MaxPower", DoubleValue(max));
    model->SetAttribute("Capacity", DoubleValue(capacity));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

} // namespace

// Capacity 0: the element draws Pue x IdlePower whatever it carries; over 100 s at 50 W and
// PUE 1.5 that is 7500 J.
TEST(EnergyTest, ConstantPowerElementIsPowerTimesTime)
{
    Ptr<ElementPowerModel> model = MakeModel(50.0, 80.0, 0.0, 1.5);
    EXPECT_DOUBLE_EQ(model->GetEnergy(100.0, 0.0), 7500.0);
    EXPECT_DOUBLE_EQ(model->GetEnergy(100.0, 5e9), 7500.0);
    EXPECT_DOUBLE_EQ(model->GetPower(1e9), 75.0);
    EXPECT_DOUBLE_EQ(model->GetEnergy(0.0, 0.0), 0.0);
}

// P(u) = Pidle + (Pmax - Pidle) u: 100 W idle, 200 W at 1 Gbit/s, PUE 2. Over 10 s carrying
// 4 Gbit the element spends the equivalent of 4 s at full load:
// E = 2 x (100 x 10 + 100 x 4) = 2800 J. Carrying 20 Gbit in 10 s would need more than full load
// all the time, so the integral clips at 10 s: E = 2 x (1000 + 1000) = 4000 J.
TEST(EnergyTest, LoadProportionalElementFollowsTheFormula)
{
    Ptr<ElementPowerModel> model = MakeModel(100.0, 200.0, 1e9, 2.0);
    EXPECT_DOUBLE_EQ(model->GetEnergy(10.0, 4e9), 2800.0);
    EXPECT_DOUBLE_EQ(model->GetEnergy(10.0, 2e10), 4000.0);
    EXPECT_DOUBLE_EQ(model->GetEnergy(10.0, 0.0), 2000.0);
    EXPECT_DOUBLE_EQ(model->GetPower(5e8), 300.0);
    EXPECT_DOUBLE_EQ(model->GetPower(2e9), 400.0);
}

// Equipment and link-end models built from the catalogues: a 2024 router at 100 Gbit/s draws
// 150 W flat out and 85 % of that idle, times the telecom-site PUE of 2; fibre optics draw
// 0.09 W per Gbit/s of line rate at each end, constantly.
TEST(EnergyTest, CatalogueModels)
{
    Ptr<ElementPowerModel> router = EquipmentProfile::Find("router")->CreatePowerModel();
    EXPECT_DOUBLE_EQ(router->GetPower(0.0), 2.0 * 0.85 * 150.0);
    EXPECT_DOUBLE_EQ(router->GetPower(100e9), 2.0 * 150.0);
    Ptr<ElementPowerModel> optics =
        WiredLinkProfile::Find("fiber")->CreateEndPowerModel(true, 10e9, 1.0);
    EXPECT_DOUBLE_EQ(optics->GetCapacity(), 0.0);
    EXPECT_DOUBLE_EQ(optics->GetEnergy(10.0, 1e9), 0.9 * 10.0);
    // ADSL2+: 1.5 W at the exchange port, 10 W at the modem.
    const WiredLinkProfile* adsl = WiredLinkProfile::Find("adsl2plus");
    EXPECT_DOUBLE_EQ(adsl->CreateEndPowerModel(true, 24e6, 2.0)->GetPower(0.0), 3.0);
    EXPECT_DOUBLE_EQ(adsl->CreateEndPowerModel(false, 24e6, 1.0)->GetPower(0.0), 10.0);
}

// A real 1 Gbit/s fibre link. Node A has two elements counting A's device: its optics (constant
// 2 W) and a router (100 W idle, 200 W at 1 Mbit/s). Node B has its optics (constant 3 W).
// One packet is sent before Start() and one after Finish(), and neither counts; ten 1000-byte
// UDP payloads (1030 bytes on the wire each, 82,400 bits in all) are sent inside the window
// [0.5 s, 3.0 s]. a-optics 2 x 2.5 = 5 J; a-router 100 x 2.5 + 100 x 82400 / 1e6 = 258.24 J;
// b-optics 3 x 2.5 = 7.5 J. A "trunk" element registered at both ends under one name (1 W each)
// is reported twice, 2.5 J per end.
TEST(EnergyTest, MeterCountsBitsOnARealLinkAndSplitsByNodeAndTechnology)
{
    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper internet;
    internet.Install(nodes);
    WiredLinkSettings s;
    s.profile = "fiber";
    s.rateDown = 1e9;
    s.lengthMetres = 1000;
    WiredLinkHelper helper;
    NetDeviceContainer devices = helper.Install(nodes.Get(0), nodes.Get(1), s);
    Ipv4AddressHelper addresses("10.2.1.0", "255.255.255.0");
    Ipv4InterfaceContainer interfaces = addresses.Assign(devices);

    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();
    meter->AddElement("a-optics", "a", "fiber", MakeModel(2.0, 2.0, 0.0, 1.0), devices.Get(0));
    meter->AddElement("a-router", "a", "router", MakeModel(100.0, 200.0, 1e6, 1.0), devices.Get(0));
    meter->AddElement("b-optics", "b", "fiber", MakeModel(3.0, 3.0, 0.0, 1.0), devices.Get(1));
    // A link's two ends may share one element name; each is reported on its own.
    meter->AddElement("trunk", "a", "copper", MakeModel(1.0, 1.0, 0.0, 1.0), devices.Get(0));
    meter->AddElement("trunk", "b", "copper", MakeModel(1.0, 1.0, 0.0, 1.0), devices.Get(1));
    EXPECT_THROW(meter->AddElement("null", "a", "x", nullptr, devices.Get(0)),
                 std::invalid_argument);
    Ptr<SimpleNetDevice> noTrace = CreateObject<SimpleNetDevice>();
    EXPECT_THROW(
        meter->AddElement("odd", "a", "x", MakeModel(1, 1, 0, 1), NetDeviceContainer(noTrace)),
        std::invalid_argument);
    EXPECT_THROW(meter->Finish(), std::logic_error);

    // The receiver needs a socket, or B would answer with ICMP port-unreachable and transmit.
    Ptr<Socket> sink = Socket::CreateSocket(nodes.Get(1), UdpSocketFactory::GetTypeId());
    sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
    Ptr<Socket> source = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
    const InetSocketAddress to(interfaces.GetAddress(1), 9);
    auto send = [source, to]() { source->SendTo(Create<Packet>(1000), 0, to); };
    Simulator::Schedule(Seconds(0.2), send);
    Simulator::Schedule(Seconds(0.5), &EnergyMeter::Start, meter);
    for (int i = 0; i < 10; ++i)
    {
        Simulator::Schedule(Seconds(1.0 + 0.1 * i), send);
    }
    EnergyReport report;
    Simulator::Schedule(Seconds(3.0), [&report, meter]() { report = meter->Finish(); });
    Simulator::Schedule(Seconds(3.5), send); // after Finish: not counted either
    Simulator::Run();

    EXPECT_EQ(meter->GetBitsCarried("a-router"), 82400u);
    EXPECT_EQ(meter->GetBitsCarried("a-optics"), 82400u);
    EXPECT_EQ(meter->GetBitsCarried("b-optics"), 0u);
    EXPECT_EQ(meter->GetBitsCarried("trunk"), 82400u);
    EXPECT_THROW(meter->GetBitsCarried("nothing"), std::invalid_argument);
    ASSERT_EQ(report.byElement.size(), 5u);
    EXPECT_EQ(std::get<0>(report.byElement[1]), "a-router");
    EXPECT_NEAR(std::get<3>(report.byElement[0]), 5.0, 1e-9);
    EXPECT_NEAR(std::get<3>(report.byElement[1]), 258.24, 1e-9);
    EXPECT_NEAR(std::get<3>(report.byElement[2]), 7.5, 1e-9);
    EXPECT_EQ(std::get<1>(report.byElement[3]), "a");
    EXPECT_EQ(std::get<1>(report.byElement[4]), "b");
    EXPECT_NEAR(std::get<3>(report.byElement[3]), 2.5, 1e-9);
    EXPECT_NEAR(std::get<3>(report.byElement[4]), 2.5, 1e-9);
    EXPECT_NEAR(report.byNode.at("a"), 5.0 + 258.24 + 2.5, 1e-9);
    EXPECT_NEAR(report.byNode.at("b"), 7.5 + 2.5, 1e-9);
    EXPECT_NEAR(report.byTechnology.at("fiber"), 12.5, 1e-9);
    EXPECT_NEAR(report.byTechnology.at("router"), 258.24, 1e-9);
    EXPECT_NEAR(report.byTechnology.at("copper"), 5.0, 1e-9);
    EXPECT_NEAR(report.totalJoules, 275.74, 1e-9);

    meter->Dispose();
    Simulator::Destroy();
}
