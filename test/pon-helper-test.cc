/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PON from a spec and from YAML: flavours, DBA policies by alias or TypeId, the tree's reach
 * and optical budget, energy and cost per element.
 */

#include "helper/technology/pon/pon-link-reader.h"
#include "model/cost/cost-ledger.h"
#include "model/energy/energy-meter.h"
#include "model/wired/wired-link-profile.h"
#include "pon-testbed.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;
using namespace ns3::blueprint::test;

namespace
{

/// The message of the InputError reading `yaml` as a PON throws ("" if none).
std::string
ErrorOf(const std::string& yaml)
{
    try
    {
        ReadPonLinkSpec(ConfigNode::LoadString(yaml, "pon.yaml"), "link 'ftth'");
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}

} // namespace

// Each flavour's rates and frame come from its standard (values in pon-flavour.cc).
TEST(PonHelperTest, FlavoursCarryTheirStandardsFigures)
{
    Ptr<PonFlavour> gpon = PonFlavour::Create("gpon");
    EXPECT_DOUBLE_EQ(gpon->GetUpstreamByteRate() * 125e-6, 19440.0);
    EXPECT_DOUBLE_EQ(gpon->GetDownstreamByteRate() * 125e-6, 38880.0);
    EXPECT_EQ(gpon->GetEncapsulatedBytes(1500), 1523u);
    EXPECT_EQ(gpon->GetUpstreamFrame(), MicroSeconds(125));
    Ptr<PonFlavour> xgs = PonFlavour::Create("xgs-pon");
    EXPECT_NEAR(xgs->GetUpstreamByteRate() * 8, 9.95328e9 * 216 / 248, 1.0);
    EXPECT_EQ(xgs->GetEncapsulatedBytes(1500), 8u + 1520u) << "1,518 bytes padded to 4";
    Ptr<PonFlavour> gepon = PonFlavour::Create("ge-pon");
    EXPECT_DOUBLE_EQ(gepon->GetUpstreamByteRate() * 8, 1e9);
    EXPECT_EQ(gepon->GetEncapsulatedBytes(1500), 1538u);
    EXPECT_EQ(gepon->GetEncapsulatedBytes(20), 84u) << "padded to the 64-byte minimum";
    EXPECT_TRUE(gepon->GetUpstreamFrame().IsZero());
    Ptr<PonFlavour> teng = PonFlavour::Create("10g-epon");
    EXPECT_NEAR(teng->GetUpstreamByteRate() * 8, 10.3125e9 * 64 / 66 * 27 / 31, 1.0);
    EXPECT_FALSE(PonFlavour::Create("bpon"));
}

// Reach: a 1:32 GPON tree (class B+, 28 dB) reaches 20 km (the physical limit); a 1:128 tree
// loses 24.5 dB in the splitter, leaving (28 - 24.5 - 1) / 0.35 = 7.1 km.
TEST(PonHelperTest, ReachComesFromThePhysicalLimitAndTheOpticalBudget)
{
    PonLinkSpec spec;
    spec.olt = "olt";
    spec.onus = {{"a", 19.0, {}}};
    EXPECT_EQ(PonHelper::Check(spec), "");
    spec.onus[0].dropKm = 21.0;
    EXPECT_NE(PonHelper::Check(spec).find("beyond the gpon reach of 20 km"), std::string::npos)
        << PonHelper::Check(spec);
    spec.split = 128;
    spec.onus[0].dropKm = 7.0;
    EXPECT_EQ(PonHelper::Check(spec), "");
    spec.onus[0].dropKm = 7.2;
    EXPECT_NE(PonHelper::Check(spec).find("reach of 7.1 km"), std::string::npos)
        << PonHelper::Check(spec);
    EXPECT_NEAR(PonChannel::GetBudgetReachKm(28.0, 128), 2.5 / 0.35, 1e-9);
    spec.split = 2;
    spec.onus = {{"a", 1, {}}, {"b", 1, {}}, {"c", 1, {}}};
    EXPECT_NE(PonHelper::Check(spec).find("do not fit"), std::string::npos);
}

// DBA policies are ns-3 types: an alias or any PonDba subclass by TypeId name.
TEST(PonHelperTest, DbaPoliciesAreChosenByAliasOrTypeId)
{
    PonHelper pon;
    EXPECT_NO_THROW(pon.SetDba("fixed"));
    EXPECT_NO_THROW(pon.SetDba("ns3::blueprint::PonCooperativeDba"));
    EXPECT_THROW(pon.SetDba("ns3::blueprint::PonChannel"), std::invalid_argument);
    EXPECT_THROW(pon.SetDba("fixd"), std::invalid_argument);
    EXPECT_NO_THROW(pon.SetFlavour("ns3::blueprint::TenGEponFlavour"));
    EXPECT_THROW(pon.SetFlavour("ns3::blueprint::PonStatusReportingDba"), std::invalid_argument);
}

TEST(PonHelperTest, ReadsEveryKeyIntoTheSpec)
{
    const PonLinkSpec spec = ReadPonLinkSpec(ConfigNode::LoadString(R"(
olt: co
flavour: xgs-pon
split: 64
feeder: 4 km
budget_db: 31
dba: cooperative
cycle: 500 us
max_grant: 20 kB
cooperative_margin: 5 us
onus:
  - home1
  - {node: cell-site, drop: 800 m}
cti:
  - {onu: cell-site, first: 10 ms, period: 500 us, packet_size: 1028 B, packets: 4}
olt_queue: 2000
onu_queue: 300
equipment: {onu_power: 6 W, olt_port_capex: 250000}
)",
                                                                    "pon.yaml"),
                                             "link 'ftth'");
    EXPECT_EQ(spec.olt, "co");
    EXPECT_EQ(spec.flavour, "xgs-pon");
    EXPECT_EQ(spec.split, 64u);
    EXPECT_DOUBLE_EQ(spec.feederKm, 4.0);
    EXPECT_DOUBLE_EQ(*spec.budgetDb, 31.0);
    EXPECT_EQ(spec.dba, "cooperative");
    EXPECT_EQ(spec.cycle, MicroSeconds(500));
    EXPECT_EQ(spec.maxGrantBytes, 20000u);
    EXPECT_EQ(spec.cooperativeMargin, MicroSeconds(5));
    ASSERT_EQ(spec.onus.size(), 2u);
    EXPECT_DOUBLE_EQ(spec.GetDistanceKm(1), 4.8);
    EXPECT_EQ(spec.onus[1].mark.line, 13);
    ASSERT_EQ(spec.cti.size(), 1u);
    EXPECT_EQ(spec.cti[0].packets, 4u);
    EXPECT_EQ(spec.cti[0].packetBytes, 1028u);
    EXPECT_EQ(spec.oltQueuePackets, 2000u);
    EXPECT_EQ(spec.onuQueuePackets, 300u);
    EXPECT_DOUBLE_EQ(spec.equipment.onuWatts, 6.0);
    EXPECT_DOUBLE_EQ(spec.equipment.oltPortCapex, 250000.0);
}

TEST(PonHelperTest, BadInputIsAnErrorAtItsPlace)
{
    EXPECT_EQ(ErrorOf("flavor: gpon\nonus: [a]\n"),
              "pon.yaml:1:1: unknown key 'flavor' in link 'ftth'; did you mean 'flavour'?");
    EXPECT_EQ(ErrorOf("flavour: gpom\nonus: [a]\n"),
              "pon.yaml:1:10: unknown PON flavour 'gpom'; did you mean 'gpon'?");
    EXPECT_EQ(ErrorOf("split: 48\nonus: [a]\n"),
              "pon.yaml:1:8: link 'ftth': a splitter divides by a power of two (32, 64, 128), not "
              "48");
    EXPECT_EQ(ErrorOf("split: 2\nonus: [a, b, c]\n"),
              "pon.yaml:2:7: link 'ftth': 3 ONUs do not fit a 1:2 splitter");
    EXPECT_EQ(ErrorOf("split: 128\nfeeder: 5 km\nonus: [a, {node: b, drop: 3 km}]\n"),
              "pon.yaml:3:11: link 'ftth': ONU 'b' is 8 km from the OLT, beyond gpon reach with a "
              "1:128 splitter (7.1 km: 28 dB budget, 20 km physical limit)");
    EXPECT_EQ(ErrorOf("dba: status_reporting\nonus: [a]\n"),
              "pon.yaml:1:6: unknown DBA policy 'status_reporting'; did you mean "
              "'status-reporting'?");
    EXPECT_EQ(
        ErrorOf("dba: ns3::blueprint::PonChannel\nonus: [a]\n"),
        "pon.yaml:1:6: 'ns3::blueprint::PonChannel' is not a registered class inheriting from "
        "ns3::blueprint::PonDba");
    EXPECT_EQ(ErrorOf("onus: [a]\ncti: [{onu: a, first: 0 s, period: 1 ms, packet_size: 100 B}]\n"),
              "pon.yaml:2:6: link 'ftth': announced arrivals (cti) need dba: cooperative");
    EXPECT_EQ(ErrorOf("dba: cooperative\nonus: [a]\n"
                      "cti: [{onu: b, first: 0 s, period: 1 ms, packet_size: 100 B}]\n"),
              "pon.yaml:3:13: unknown ONU 'b'; expected one of: a");
    EXPECT_EQ(ErrorOf("onus: [a, a]\n"), "pon.yaml:1:11: link 'ftth': ONU 'a' is listed twice");
    EXPECT_EQ(ErrorOf("cycle: 100 us\nonus: [a]\n"),
              "pon.yaml:1:8: link 'ftth' cycle must be at least one 125 us frame");
    EXPECT_EQ(ErrorOf("flavour: gpon\n"), "pon.yaml:1:1: link 'ftth': missing required key 'onus'");
}

// Energy: the OLT port draws its figure at the central office's PUE, every ONU its own at the
// customer's (PUE 1), whatever they carry; 4 ONUs for 0.5 s: (15 x 2 + 4 x 5) x 0.5 J.
TEST(PonHelperTest, EnergyIsTheOltPortAndEveryOnu)
{
    PonLinkSpec spec;
    auto bed = BuildPonTestbed(spec, 4, 2.0, 1.0);
    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();
    PonHelper().RegisterEnergy(bed->inst, bed->spec, meter);
    InstallSink(bed->olt, 9000, nullptr);
    InstallSource(bed->onus.Get(0),
                  bed->OltAddress(),
                  9000,
                  1,
                  500,
                  MilliSeconds(1),
                  false,
                  Seconds(0),
                  Seconds(0.4));
    meter->Start();
    EnergyReport report;
    Simulator::Schedule(Seconds(0.5), [&]() { report = meter->Finish(); });
    Simulator::Stop(Seconds(0.6));
    Simulator::Run();
    Simulator::Destroy();
    EXPECT_NEAR(report.totalJoules, (15.0 * 2.0 + 4 * 5.0) * 0.5, 1e-9);
    EXPECT_NEAR(report.byTechnology.at("pon"), report.totalJoules, 1e-12);
    EXPECT_NEAR(report.byNode.at("onu0"), 2.5, 1e-9);
}

// Cost: OLT port, splitter, ONUs, feeder (underground) and drops (aerial), per the catalogue and
// the wired plant profiles (Cartesian/FBA 2023 medians).
TEST(PonHelperTest, CostIsOltSplitterOnusAndFibre)
{
    PonLinkSpec spec;
    auto bed = BuildPonTestbed(spec, 3, 2.0, 0.5);
    CostLedger ledger;
    PonHelper().RegisterCost(bed->inst, bed->spec, ledger);
    const PonEquipment& eq = bed->spec.equipment;
    const double expected = eq.oltPortCapex + eq.splitterCapex + 3 * eq.onuCapex +
                            2.0 * WiredLinkProfile::Find("fiber")->capexPerKm +
                            3 * 0.5 * WiredLinkProfile::Find("fiber-aerial")->capexPerKm;
    EXPECT_NEAR(ledger.GetCapex(), expected, 1e-6 * expected);
    for (const CostItem& item : ledger.GetItems())
    {
        EXPECT_EQ(item.technology, "pon");
    }
    Simulator::Destroy();
}

// A port created without the helper and without Flavour or Dba set is a GPON under
// status-reporting DBA once attached.
TEST(PonHelperTest, AnOltPortWithoutFlavourOrDbaIsAStatusReportingGpon)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<PonOltNetDevice> olt = CreateObject<PonOltNetDevice>();
    node->AddDevice(olt);
    olt->Attach(CreateObject<PonChannel>());
    ASSERT_TRUE(olt->GetFlavour());
    EXPECT_EQ(olt->GetFlavour()->GetName(), "gpon");
    EXPECT_TRUE(DynamicCast<PonStatusReportingDba>(olt->GetDba()));
    Simulator::Destroy();
}

// Standing grants must fit the frame: 8 ONUs at 200 Mbit/s each need more than GPON's 1.24 Gbit/s
// upstream, which Install reports instead of building a schedule that overlaps itself.
TEST(PonHelperTest, FixedGrantsThatDoNotFitAFrameAreRejectedAtInstall)
{
    PonLinkSpec spec;
    spec.dba = "fixed";
    spec.fixedRate = 200e6;
    EXPECT_THROW(BuildPonTestbed(spec, 8, 2.0, 0.5), std::invalid_argument);
    Simulator::Destroy();
    spec.fixedRate = 100e6;
    EXPECT_NO_THROW(BuildPonTestbed(spec, 8, 2.0, 0.5));
    Simulator::Destroy();
}
