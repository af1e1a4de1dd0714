/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Energy and cost of the optical layer: an all-optical path uses less power than the IP-routed
 * path for the same demand, by exactly the margin the per-element figures give; the per-element
 * catalogue (ROADM degrees and add/drop ports, amplifier sites, transponders, fibre plant).
 */

#include "model/cost/cost-ledger.h"
#include "model/energy/energy-meter.h"
#include "model/equipment/equipment-profile.h"
#include "model/optical/optical-transponder-class.h"
#include "model/wired/wired-link-profile.h"
#include "optical-testbed.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;
using namespace ns3::blueprint::test;

namespace
{

/// Length of the metered run.
const double RUN_SECONDS = 0.05;

/// Energy of one design carrying the same 0.8 Gbit/s demand S0 -> S3 over three 100 km fibres.
struct DesignEnergy
{
    EnergyReport report;    //!< the meter's report
    uint64_t routerBits[4]; //!< bits each site's router transmitted
};

/**
 * Run one design. The routers at the sites the design uses (the demand's ends in the all-optical
 * design, every site in the routed one) are metered as the runner meters a node's equipment: an
 * EquipmentProfile "router" whose load is what its devices transmit.
 */
DesignEnergy
RunDesign(bool allOptical)
{
    OpticalNetworkSpec spec = LineSpec({100.0, 100.0, 100.0});
    auto bed = BuildOpticalTestbed(spec, allOptical, !allOptical);
    InstallSink(bed->byName["S3"], 9000, nullptr);
    InstallSource(bed->byName["S0"],
                  bed->AddressOf("S3"),
                  9000,
                  1,
                  1000,
                  MicroSeconds(10),
                  false,
                  Seconds(0.0),
                  Seconds(RUN_SECONDS));
    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();
    OpticalHelper().RegisterEnergy(bed->inst, spec, meter);
    const EquipmentProfile& router = *EquipmentProfile::Find("router");
    for (uint32_t i = 0; i < 4; ++i)
    {
        const std::string site = "S" + std::to_string(i);
        if (allOptical && (i == 1 || i == 2))
        {
            continue; // bypassed: no router on the path
        }
        NetDeviceContainer devices;
        Ptr<Node> node = bed->byName[site];
        for (uint32_t d = 0; d < node->GetNDevices(); ++d)
        {
            if (!DynamicCast<LoopbackNetDevice>(node->GetDevice(d)))
            {
                devices.Add(node->GetDevice(d));
            }
        }
        meter->AddElement("router/" + site, site, "router", router.CreatePowerModel(), devices);
    }
    meter->Start();
    DesignEnergy out{};
    Simulator::Schedule(Seconds(RUN_SECONDS), [&]() {
        out.report = meter->Finish();
        for (uint32_t i = 0; i < 4; ++i)
        {
            if (!(allOptical && (i == 1 || i == 2)))
            {
                out.routerBits[i] = meter->GetBitsCarried("router/S" + std::to_string(i));
            }
        }
    });
    Simulator::Stop(Seconds(RUN_SECONDS + 0.01));
    Simulator::Run();
    Simulator::Destroy();
    return out;
}

} // namespace

// The same demand, two designs. Both share the ROADMs' chassis and degrees and the in-line
// amplifiers. The routed design adds, by the per-element figures: four transponders (two per
// extra hop), four ROADM add/drop ports, and the routers at S1 and S2 (idle power plus W/Gbit/s
// of what they forward), all at the telecom site PUE of 2.0. The meter's difference between the
// designs is exactly that margin.
TEST(OpticalEnergyTest, AllOpticalPathUsesLessPowerThanTheRoutedPathByTheElementMargin)
{
    const DesignEnergy optical = RunDesign(true);
    const DesignEnergy routed = RunDesign(false);
    ASSERT_GT(optical.routerBits[0], 0u) << "the demand ran";
    EXPECT_EQ(optical.routerBits[0], routed.routerBits[0]) << "the same demand in both";

    const OpticalEquipment eq = OpticalEquipment::Defaults();
    const OpticalTransponderClass& cls = *OpticalTransponderClass::Find("100G");
    const double T = RUN_SECONDS;
    const double transponders = 4 * cls.powerWatts * eq.pue * T;
    const double ports = 4 * eq.roadmWattsPerAddDropPort * eq.pue * T;
    Ptr<ElementPowerModel> router = EquipmentProfile::Find("router")->CreatePowerModel();
    const double routers =
        router->GetEnergy(T, routed.routerBits[1]) + router->GetEnergy(T, routed.routerBits[2]);
    const double margin = transponders + ports + routers;

    EXPECT_LT(optical.report.totalJoules, routed.report.totalJoules);
    EXPECT_NEAR(routed.report.totalJoules - optical.report.totalJoules, margin, 1e-9 * margin);
    // The optical layer's own share: transponders and add/drop ports only differ.
    EXPECT_NEAR(routed.report.byTechnology.at("optical") -
                    optical.report.byTechnology.at("optical"),
                transponders + ports,
                1e-9 * margin);
    // With these figures the routers dominate the margin: 2 x 127.5 W idle x PUE 2.
    EXPECT_GT(routers, transponders + ports);
}

// Per-element power: a ROADM of degree 2 with 3 add/drop ports draws 150 + 2 x 85 + 3 x 20 W;
// an in-line amplifier site 200 W; a transponder its class's figure; all at PUE 2.0 and constant
// whatever they carry. The installation counts one in-line site per 80 km exceeded per fibre.
TEST(OpticalEnergyTest, ElementPowerFollowsTheCatalogue)
{
    const OpticalEquipment eq = OpticalEquipment::Defaults();
    EXPECT_DOUBLE_EQ(eq.CreateRoadmPowerModel(2, 3)->GetPower(0.0), 2.0 * (150 + 170 + 60));
    EXPECT_DOUBLE_EQ(eq.CreateRoadmPowerModel(2, 3)->GetPower(1e12), 2.0 * (150 + 170 + 60));
    EXPECT_DOUBLE_EQ(eq.CreateAmplifierSitePowerModel()->GetPower(0.0), 400.0);
    EXPECT_DOUBLE_EQ(
        eq.CreateTransponderPowerModel(*OpticalTransponderClass::Find("400G"))->GetPower(0.0),
        2.0 * OpticalTransponderClass::Find("400G")->powerWatts);
    EXPECT_TRUE(eq.Check().empty());

    OpticalNetworkSpec spec = LineSpec({250.0, 80.0});
    OpticalHelper helper;
    OpticalInstallation inst = helper.Provision(spec);
    EXPECT_EQ(inst.network->GetInlineAmplifierCount(0), 3u);
    EXPECT_EQ(inst.network->GetInlineAmplifierCount(1), 0u);
    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();
    std::map<std::string, Ptr<Node>> nodes;
    NodeContainer c;
    c.Create(3);
    for (uint32_t i = 0; i < 3; ++i)
    {
        nodes["S" + std::to_string(i)] = c.Get(i);
    }
    helper.InstallLightpaths(inst, spec, nodes);
    helper.RegisterEnergy(inst, spec, meter);
    meter->Start();
    const EnergyReport report = meter->Finish();
    std::size_t ila = 0;
    std::size_t transponders = 0;
    for (const auto& [element, node, technology, joules] : report.byElement)
    {
        ila += element.rfind("ila/", 0) == 0;
        transponders += element.rfind("transponder/", 0) == 0;
        EXPECT_EQ(technology, "optical");
    }
    EXPECT_EQ(ila, 3u);
    EXPECT_EQ(transponders, 2u);
    Simulator::Destroy();
}

// Cost per element: a ROADM's capex grows with degree and add/drop ports; the fibre plant costs
// its wired profile's capex per km (underground or aerial, Cartesian/FBA 2023 medians); every
// in-line site and transponder is an item.
TEST(OpticalEnergyTest, CostItemsFollowTheCatalogue)
{
    OpticalNetworkSpec spec = LineSpec({100.0});
    spec.fibres[0].aerial = true;
    OpticalHelper helper;
    OpticalInstallation inst = helper.Provision(spec);
    NodeContainer c;
    c.Create(2);
    helper.InstallLightpaths(inst, spec, {{"S0", c.Get(0)}, {"S1", c.Get(1)}});
    CostLedger ledger;
    helper.RegisterCost(inst, spec, ledger);
    const OpticalEquipment& eq = spec.equipment;
    const double aerialPerKm = WiredLinkProfile::Find("fiber-aerial")->capexPerKm;
    double roadms = 0.0;
    double fibre = 0.0;
    double ilas = 0.0;
    double transponders = 0.0;
    for (const CostItem& item : ledger.GetItems())
    {
        EXPECT_EQ(item.technology, "optical");
        if (item.element.rfind("roadm/", 0) == 0)
        {
            roadms += item.capex;
        }
        else if (item.element.rfind("fibre/", 0) == 0)
        {
            fibre += item.capex;
        }
        else if (item.element.rfind("ila/", 0) == 0)
        {
            ilas += item.capex;
        }
        else if (item.element.rfind("transponder/", 0) == 0)
        {
            transponders += item.capex;
        }
    }
    EXPECT_DOUBLE_EQ(
        roadms,
        2 * (eq.roadmBaseCapex + eq.roadmCapexPerDegree + eq.roadmCapexPerAddDropPort));
    EXPECT_DOUBLE_EQ(fibre, 100.0 * aerialPerKm);
    EXPECT_DOUBLE_EQ(ilas, eq.amplifierSiteCapex);
    EXPECT_DOUBLE_EQ(transponders, 2 * OpticalTransponderClass::Find("100G")->capex);
    Simulator::Destroy();
}
