/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * An NR cell's carrier frequency: the band profile's centre by default, or the link's
 * `carrier`, which must keep the whole carrier inside the 3GPP operating band (TS 38.101-1
 * Table 5.2-1: n78 is 3300-3800 MHz) and reaches the channel's path loss, where TR 38.901 Table
 * 7.4.1-1 has it as a 20 log10(fc) term. And the link's own radio figures (`gnb_radio`,
 * `ue_radio`), which replace its cell and UE classes'.
 */

#include "helper/technology/nr/nr-link-config.h"
#include "input-error-support.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-propagation-scenario.h"
#include "scenario-run-support.h"

#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/three-gpp-propagation-loss-model.h"

#include <cmath>
#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

/// The frequency the last path loss model of FrequencyRecordingScenario computed a loss at.
double g_lastLossFrequencyHz = 0.0;
/// The BS and UT heights it last computed a loss for, m.
double g_lastHbsM = 0.0;
double g_lastHutM = 0.0; //!< (see g_lastHbsM)

/// A fixed path loss in ns-3's TR 38.901 framework that notes the frequency the channel gave it.
class FrequencyRecordingLossModel : public ThreeGppRmaPropagationLossModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestFrequencyRecordingLossModel")
                                .SetParent<ThreeGppRmaPropagationLossModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<FrequencyRecordingLossModel>();
        return tid;
    }

    static constexpr double kLossDb = 100.0; //!< the loss at every distance

  private:
    double GetLossLos(double distance2D, double distance3D, double hUt, double hBs) const override
    {
        g_lastLossFrequencyHz = GetFrequency();
        g_lastHbsM = hBs;
        g_lastHutM = hUt;
        return kLossDb;
    }

    double GetLossNlos(double distance2D, double distance3D, double hUt, double hBs) const override
    {
        g_lastLossFrequencyHz = GetFrequency();
        g_lastHbsM = hBs;
        g_lastHutM = hUt;
        return kLossDb;
    }
};

NS_OBJECT_ENSURE_REGISTERED(FrequencyRecordingLossModel);

/// RMa with the recording path loss model.
class FrequencyRecordingScenario : public NrRmaScenario
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestFrequencyRecordingScenario")
                                .SetParent<NrRmaScenario>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<FrequencyRecordingScenario>();
        return tid;
    }

    TypeId GetPropagationLossModelType() const override
    {
        return FrequencyRecordingLossModel::GetTypeId();
    }
};

NS_OBJECT_ENSURE_REGISTERED(FrequencyRecordingScenario);

/// A gNB and a UE 300 m away, a server behind the gNB; CELL is replaced by the cell's keys.
const std::string kCell = R"(blueprint: 1
name: carrier
duration: 100ms
sites:
  mast: {position: [0m, 0m]}
  field: {position: [300m, 0m]}
  dc: {position: [2km, 0km]}
nodes:
  gnb: {site: mast}
  ue: {site: field}
  server: {site: dc, equipment: server}
links:
  cell: {technology: nr, between: [gnb, ue], band: n78CELL}
  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}
flows:
  down: {from: server, to: ue, traffic: {pattern: periodic, interval: 10ms, size: 500B}}
)";

/// \return kCell with the cell's extra keys.
std::string
Cell(const std::string& keys)
{
    std::string text = kCell;
    text.replace(text.find("CELL"), 4, keys);
    return text;
}

/// \return the carrier frequency the reader gives the scenario's cell, Hz.
double
CarrierOf(const std::string& text)
{
    return ReadYaml(text).links[0].Config<NrLinkConfig>().frequency;
}

/// \return a gNB or UE device on a node at (x, 0, z) metres.
Ptr<NetDevice>
DeviceAt(double x, double z)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, 0, z));
    node->AggregateObject(m);
    Ptr<NrGnbNetDevice> device = CreateObject<NrGnbNetDevice>();
    node->AddDevice(device);
    return device;
}

/// \return the RSRP of a handset 500 m from a rural macro mast in LOS on a 20 MHz carrier at
/// \p frequencyHz, dBm.
double
RsrpAt(double frequencyHz)
{
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(frequencyHz));
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));
    channel->SetAttribute("ChannelCondition", StringValue("LOS"));
    channel->SetAttribute("Shadowing", BooleanValue(false));
    const NrBandProfile* band = NrBandProfile::Find("n78");
    const uint32_t gnb =
        channel->AddGnb(DeviceAt(0, 35), NrCellClass::Find("macro")->MakeRadio(*band, 20e6));
    const uint32_t ue =
        channel->AddUe(DeviceAt(500, 1.5), NrUeClass::Find("handset")->MakeRadio(*band));
    const double rsrp = channel->GetRsrpDbm(ue, gnb);
    Simulator::Destroy();
    return rsrp;
}

} // namespace

TEST(NrCarrierFrequencyTest, ACellTakesItsBandsCentreUnlessItsLinkSetsAFrequency)
{
    EXPECT_DOUBLE_EQ(CarrierOf(Cell("")), 3.65e9); // n78's profile: MIC's 3600-3700 MHz block
    EXPECT_DOUBLE_EQ(CarrierOf(Cell(", carrier: 3.45GHz")), 3.45e9);
    // A carrier may touch the band's edges: 3300-3400 MHz and 3700-3800 MHz.
    EXPECT_DOUBLE_EQ(CarrierOf(Cell(", carrier: 3350MHz")), 3.35e9);
    EXPECT_DOUBLE_EQ(CarrierOf(Cell(", carrier: 3750MHz")), 3.75e9);
    // A narrower carrier may sit nearer the edge: 20 MHz at 3790 MHz spans 3780-3800 MHz.
    EXPECT_DOUBLE_EQ(CarrierOf(Cell(", bandwidth: 20MHz, carrier: 3790MHz")), 3.79e9);
}

/// The RMa LOS path loss (TR 38.901 Table 7.4.1-1, PL1 below the breakpoint distance, which is
/// 2 pi h_BS h_UT fc / c = 3.7 km here) holds fc only in 20 log10(40 pi d fc / 3): moving the
/// carrier from 3.4 to 3.7 GHz lowers the RSRP by 20 log10(3.7 / 3.4) = 0.734 dB.
TEST(NrCarrierFrequencyTest, RsrpFollowsTheTwentyLogTenOfTheCarrierFrequency)
{
    EXPECT_NEAR(RsrpAt(3.4e9) - RsrpAt(3.7e9), 20 * std::log10(3.7 / 3.4), 1e-9);
}

/// The link's frequency is the one the channel's path loss model computes with.
TEST(NrCarrierFrequencyTest, TheLinksFrequencyReachesThePathLossModel)
{
    const std::string keys = ", propagation: {scenario: ns3::TestFrequencyRecordingScenario}";
    for (double frequencyHz : {3.65e9, 3.4e9})
    {
        g_lastLossFrequencyHz = 0.0;
        const std::string extra =
            frequencyHz == 3.65e9
                ? keys
                : keys + ", carrier: " + std::to_string(static_cast<int>(frequencyHz / 1e6)) +
                      "MHz";
        const RunResult r = RunYaml(Cell(extra));
        EXPECT_GT(FlowOf(r, "down").rxPackets, 0u);
        EXPECT_DOUBLE_EQ(g_lastLossFrequencyHz, frequencyHz);
    }
}

TEST(NrCarrierFrequencyTest, AFrequencyOutsideTheOperatingBandIsAnInputErrorAtItsMark)
{
    const InputError above =
        ErrorFrom([]() { ReadYaml(Cell(", carrier: 3.9GHz"), "carrier.yaml"); });
    EXPECT_EQ(std::string(above.what()),
              "carrier.yaml:13:66: link 'cell': a 100 MHz carrier at 3900 MHz spans 3850-3950 "
              "MHz, outside band n78's operating band n78 (3300-3800 MHz, TS 38.101-1 Table "
              "5.2-1)");
    // Centre inside, edge outside: 100 MHz at 3780 MHz reaches 3830 MHz.
    const InputError edge =
        ErrorFrom([]() { ReadYaml(Cell(", carrier: 3780MHz"), "carrier.yaml"); });
    EXPECT_NE(std::string(edge.what()).find("spans 3730-3830 MHz"), std::string::npos)
        << edge.what();
    // An FR2 band is checked against TS 38.101-2's table: n257 starts at 26.5 GHz.
    const InputError fr2 = ErrorFrom([]() {
        std::string text = Cell(", carrier: 26.6GHz");
        text.replace(text.find("n78"), 3, "n257");
        ReadYaml(text, "carrier.yaml");
    });
    EXPECT_NE(std::string(fr2.what()).find("(26500-29500 MHz, TS 38.101-2 Table 5.2-1)"),
              std::string::npos)
        << fr2.what();
}

/// A UE has one NR device on one carrier: cells that serve the same UEs and hand over between
/// each other must agree on its frequency.
TEST(NrCarrierFrequencyTest, CellsServingTheSameUesShareOneCarrierFrequency)
{
    std::string text = Cell(", carrier: 3.45GHz");
    text.replace(text.find("  gnb: {site: mast}"), 0, "  gnb2: {site: mast}\n");
    text.replace(text.find("  backhaul:"),
                 0,
                 "  cell2: {technology: nr, between: [gnb2, ue], band: n78}\n"
                 "  backhaul2: {between: [server, gnb2], profile: fiber, rate: 10Gbps}\n");
    const InputError e = ErrorFrom([&]() { ReadYaml(text, "carrier.yaml"); });
    EXPECT_NE(std::string(e.what()).find("carrier differs ('3.45e+09' there, '3.65e+09' here)"),
              std::string::npos)
        << e.what();
}

INSTANTIATE_TEST_SUITE_P(
    NrCarrier,
    MalformedScenarioTest,
    ::testing::Values(ChangedCase(Cell(""),
                                  "NrCarrierBelowItsBand",
                                  {{"band: n78", "band: n78, carrier: 3.2GHz"}},
                                  "3.2GHz",
                                  "outside band n78's operating band n78 (3300-3800 MHz")));

/// gnb_radio and ue_radio replace the classes' figures one by one; heights reach the path loss.
TEST(NrRadioOverrideTest, ALinksOwnRadioFiguresReplaceItsClassesOneByOne)
{
    const ScenarioSpec spec = ReadYaml(
        Cell(", gnb_radio: {power: 40dBm, antenna_gain: 15dBi, noise_figure: 4dB, height: 30m}"
             ", ue_radio: {power: 0.1W, height: 4m}"
             ", propagation: {scenario: ns3::TestFrequencyRecordingScenario}"));
    const NrLinkConfig& c = spec.links[0].Config<NrLinkConfig>();
    const NrBandProfile& n78 = *NrBandProfile::Find("n78");
    const NrGnbRadio gnb = c.gnbRadio.Apply(NrCellClass::Find("macro")->MakeRadio(n78, 100e6));
    EXPECT_DOUBLE_EQ(gnb.txPowerDbm, 40.0); // the total over the carrier, not a PSD
    EXPECT_DOUBLE_EQ(gnb.antennaGainDbi, 15.0);
    EXPECT_DOUBLE_EQ(gnb.noiseFigureDb, 4.0);
    EXPECT_DOUBLE_EQ(gnb.heightM, 30.0);
    const NrUeRadio ue = c.ueRadio.Apply(NrUeClass::Find("handset")->MakeRadio(n78));
    EXPECT_DOUBLE_EQ(ue.txPowerDbm, 20.0);    // 0.1 W
    EXPECT_DOUBLE_EQ(ue.antennaGainDbi, 0.0); // the handset's (M.2412-0 Table 5), not set
    EXPECT_DOUBLE_EQ(ue.noiseFigureDb, 7.0);  // likewise
    EXPECT_DOUBLE_EQ(ue.heightM, 4.0);
    g_lastHbsM = 0.0;
    const RunResult r = ScenarioRunner(spec).Run();
    EXPECT_GT(FlowOf(r, "down").rxPackets, 0u);
    EXPECT_DOUBLE_EQ(g_lastHbsM, 30.0);
    EXPECT_DOUBLE_EQ(g_lastHutM, 4.0);
}

TEST(NrRadioOverrideTest, WrongRadioFiguresAreInputErrorsAtTheirMarks)
{
    auto error = [](const std::string& keys) {
        return std::string(ErrorFrom([&]() { ReadYaml(Cell(keys), "radio.yaml"); }).what());
    };
    EXPECT_EQ(error(", ue_radio: {height: 12m}"),
              "radio.yaml:13:76: link 'cell' ue_radio height must be 1m to 10m (TR 38.901 "
              "Table 7.4.1-1, the RMa validity range of h_UT)");
    EXPECT_NE(error(", gnb_radio: {noise_figur: 5dB}").find("did you mean 'noise_figure'?"),
              std::string::npos);
    EXPECT_NE(error(", gnb_radio: {antenna_gain: loud}").find("expected a level in dB"),
              std::string::npos);
    // Cells that share UEs share their UEs' figures.
    std::string text = Cell(", ue_radio: {power: 26dBm}");
    text.replace(text.find("  gnb: {site: mast}"), 0, "  gnb2: {site: mast}\n");
    text.replace(text.find("  backhaul:"),
                 0,
                 "  cell2: {technology: nr, between: [gnb2, ue], band: n78}\n"
                 "  backhaul2: {between: [server, gnb2], profile: fiber, rate: 10Gbps}\n");
    EXPECT_NE(std::string(ErrorFrom([&]() { ReadYaml(text); }).what())
                  .find("so both cells need the same ue_radio"),
              std::string::npos);
}
