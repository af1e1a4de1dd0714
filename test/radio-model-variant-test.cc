/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The radio models are ns-3 types too (issue 9 item 6, after ModelVariantTest's schedulers,
 * sources and element power models): an NR cell's error model (`error_model:`), its TR 38.901
 * propagation scenario (`propagation: {scenario:}`) and the power models of NR, LTE and Wi-Fi
 * stations (`power: {model:, attributes:}`). A researcher's own subclass, registered by the
 * program that links blueprint (here the test binary, in the researcher's own namespace), is
 * chosen from YAML by TypeId and used; a wrong name gets a did-you-mean among its kind.
 */

#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/technology/lte/lte-link-config.h"
#include "helper/technology/nr/nr-helper.h"
#include "helper/technology/nr/nr-link-config.h"
#include "helper/technology/wifi/wifi-link-config.h"
#include "input-error-support.h"
#include "model/lte/lte-enb-power-model.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-gnb-power-model.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-propagation-scenario.h"
#include "model/nr/nr-shannon-error-model.h"
#include "model/wifi/wifi-power-model.h"

#include "ns3/boolean.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/three-gpp-propagation-loss-model.h"

#include <cmath>
#include <gtest/gtest.h>
#include <string>

namespace ns3
{

using namespace blueprint;

/// A researcher's NR error model: the default thresholds, but every block is lost with
/// probability one half whatever its SINR. It counts the outcomes it was asked for.
class CoinFlipNrErrorModel : public NrShannonErrorModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestCoinFlipNrErrorModel")
                                .SetParent<NrShannonErrorModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<CoinFlipNrErrorModel>();
        return tid;
    }

    double GetBler(double sinrLinear, const NrMcsEntry& mcs, uint32_t tbsBits) const override
    {
        ++s_calls;
        return 0.5;
    }

    static uint64_t s_calls; //!< GetBler calls, all instances together
};

uint64_t CoinFlipNrErrorModel::s_calls = 0;
NS_OBJECT_ENSURE_REGISTERED(CoinFlipNrErrorModel);

/// A researcher's NR error model whose decoder needs 10 dB more than the default's for every
/// modulation and code rate: link adaptation must pick lower MCSs, and the draws follow the same
/// curve moved by 10 dB.
class DeafNrErrorModel : public NrShannonErrorModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestDeafNrErrorModel")
                                .SetParent<NrShannonErrorModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<DeafNrErrorModel>();
        return tid;
    }

    double GetSinrThreshold(const NrMcsEntry& mcs) const override
    {
        return NrShannonErrorModel::GetSinrThreshold(mcs) * kPenalty;
    }

    double GetBler(double sinrLinear, const NrMcsEntry& mcs, uint32_t tbsBits) const override
    {
        return NrShannonErrorModel::GetBler(sinrLinear / kPenalty, mcs, tbsBits);
    }

    static constexpr double kPenalty = 10.0; //!< 10 dB
};

NS_OBJECT_ENSURE_REGISTERED(DeafNrErrorModel);

/// A path loss model of 120 dB at every distance, in ns-3's TR 38.901 framework (shadowing as
/// RMa's, which the tests switch off).
class FixedLossPropagationModel : public ThreeGppRmaPropagationLossModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestFixedLossPropagationModel")
                                .SetParent<ThreeGppRmaPropagationLossModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<FixedLossPropagationModel>();
        return tid;
    }

    static constexpr double kLossDb = 120.0; //!< the loss at every distance

  private:
    double GetLossLos(double distance2D, double distance3D, double hUt, double hBs) const override
    {
        return kLossDb;
    }

    double GetLossNlos(double distance2D, double distance3D, double hUt, double hBs) const override
    {
        return kLossDb;
    }
};

NS_OBJECT_ENSURE_REGISTERED(FixedLossPropagationModel);

/// A researcher's deployment scenario: RMa, but a fixed 120 dB path loss.
class FixedLossScenario : public NrRmaScenario
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestFixedLossScenario")
                                .SetParent<NrRmaScenario>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<FixedLossScenario>();
        return tid;
    }

    TypeId GetPropagationLossModelType() const override
    {
        return FixedLossPropagationModel::GetTypeId();
    }
};

NS_OBJECT_ENSURE_REGISTERED(FixedLossScenario);

/// A scenario whose path loss model the researcher validated up to 6 GHz only.
class SubSixScenario : public NrUmaScenario
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestSubSixScenario")
                                .SetParent<NrUmaScenario>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<SubSixScenario>();
        return tid;
    }

    double GetMaxFrequency() const override
    {
        return 6e9;
    }
};

NS_OBJECT_ENSURE_REGISTERED(SubSixScenario);

/// What the constant-power station models below share: Power watts from Attach() on.
struct ConstantDraw
{
    double watts = 0; //!< attribute Power
    Time from;        //!< when the model was attached

    /// \return the energy from the attachment to now, J.
    double Energy(Time now) const
    {
        return watts * (now - from).GetSeconds();
    }
};

/// A researcher's gNB power model: a constant draw, whatever the cell does.
class ConstantGnbPower : public NrGnbPowerModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestConstantGnbPower")
                                .SetParent<NrGnbPowerModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<ConstantGnbPower>()
                                .AddAttribute("Power",
                                              "The draw, W.",
                                              DoubleValue(0),
                                              MakeDoubleAccessor(&ConstantGnbPower::SetWatts),
                                              MakeDoubleChecker<double>(0));
        return tid;
    }

    void SetWatts(double watts)
    {
        m_draw.watts = watts;
    }

    void Attach(Ptr<NrGnbNetDevice> gnb) override
    {
        m_draw.from = Simulator::Now();
    }

    double GetEnergy(Time now) const override
    {
        return m_draw.Energy(now);
    }

  private:
    ConstantDraw m_draw; //!< the draw
};

NS_OBJECT_ENSURE_REGISTERED(ConstantGnbPower);

/// The same for an LTE eNB.
class ConstantEnbPower : public LteEnbPowerModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestConstantEnbPower")
                                .SetParent<LteEnbPowerModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<ConstantEnbPower>()
                                .AddAttribute("Power",
                                              "The draw, W.",
                                              DoubleValue(0),
                                              MakeDoubleAccessor(&ConstantEnbPower::SetWatts),
                                              MakeDoubleChecker<double>(0));
        return tid;
    }

    void SetWatts(double watts)
    {
        m_draw.watts = watts;
    }

    void Attach(Ptr<LteEnbNetDevice> enb) override
    {
        m_draw.from = Simulator::Now();
    }

    double GetEnergy(Time now) const override
    {
        return m_draw.Energy(now);
    }

  private:
    ConstantDraw m_draw; //!< the draw
};

NS_OBJECT_ENSURE_REGISTERED(ConstantEnbPower);

/// The same for a Wi-Fi access point.
class ConstantApPower : public WifiPowerModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestConstantApPower")
                                .SetParent<WifiPowerModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<ConstantApPower>()
                                .AddAttribute("Power",
                                              "The draw, W.",
                                              DoubleValue(0),
                                              MakeDoubleAccessor(&ConstantApPower::SetWatts),
                                              MakeDoubleChecker<double>(0));
        return tid;
    }

    void SetWatts(double watts)
    {
        m_draw.watts = watts;
    }

    void Attach(Ptr<WifiNetDevice> device) override
    {
        m_draw.from = Simulator::Now();
    }

    double GetEnergy(Time now) const override
    {
        return m_draw.Energy(now);
    }

  private:
    ConstantDraw m_draw; //!< the draw
};

NS_OBJECT_ENSURE_REGISTERED(ConstantApPower);

namespace
{

/// A gNB with two UEs 200 m away and a server behind it; CELL is replaced by the cell's extra
/// keys, TRAFFIC by the downlink flow's traffic.
const std::string kNrCell = R"(blueprint: 1
name: radio-variants
duration: 1s
sites:
  mast: {position: [0m, 0m]}
  field: {position: [200m, 0m]}
  dc: {position: [5km, 0km]}
nodes:
  gnb: {site: mast}
  ues: {site: field, count: 2}
  server: {site: dc, equipment: server}
links:
  cell: {technology: nr, between: [gnb, ues], band: n78CELL}
  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}
flows:
  down: {from: server, to: ues, traffic: {TRAFFIC}}
)";

const std::string kPeriodic = "pattern: periodic, interval: 10ms, size: 500B";
/// More than the cell carries: 560 Mbit/s of UDP to each UE.
const std::string kSaturating = "pattern: periodic, interval: 20us, size: 1400B";

/// \return kNrCell with its cell's extra keys and its traffic.
std::string
NrCell(const std::string& cell, const std::string& traffic = kPeriodic)
{
    std::string text = kNrCell;
    text.replace(text.find("CELL"), 4, cell);
    text.replace(text.find("TRAFFIC"), 7, traffic);
    return text;
}

ScenarioSpec
Read(const std::string& text)
{
    return ScenarioDocument::FromString(text, "variants.yaml").Resolve("base");
}

RunResult
RunText(const std::string& text)
{
    return ScenarioRunner(Read(text)).Run();
}

std::string
ErrorOf(const std::string& text)
{
    return ErrorFrom([&]() { Read(text); }).what();
}

// ---------------------------------------------------------------------------------------------
// Error models

TEST(RadioModelVariantTest, AResearchersOwnErrorModelDrawsEveryOutcomeOfTheCell)
{
    // One transmission per block, so every lost block loses its packet.
    const std::string oneShot = ", attributes: {MaxTransmissions: 1}";
    const ScenarioSpec spec =
        Read(NrCell(", error_model: ns3::TestCoinFlipNrErrorModel" + oneShot));
    EXPECT_EQ(spec.links[0].Config<NrLinkConfig>().errorModel, "ns3::TestCoinFlipNrErrorModel");
    CoinFlipNrErrorModel::s_calls = 0;
    const RunResult coin = ScenarioRunner(spec).Run();
    EXPECT_GT(CoinFlipNrErrorModel::s_calls, 0u);
    // 200 packets, each lost with probability 1/2: 100 +- 7 arrive.
    ASSERT_EQ(coin.flows[0].txPackets, 200u);
    EXPECT_GT(coin.flows[0].rxPackets, 65u);
    EXPECT_LT(coin.flows[0].rxPackets, 135u);

    // The default, at 200 m from a macro cell, loses nothing; the short name is the same type.
    CoinFlipNrErrorModel::s_calls = 0;
    const RunResult shannon = RunText(NrCell(", error_model: shannon" + oneShot));
    EXPECT_EQ(CoinFlipNrErrorModel::s_calls, 0u);
    EXPECT_EQ(shannon.flows[0].rxPackets, shannon.flows[0].txPackets);
    EXPECT_EQ(Read(NrCell(", error_model: shannon")).links[0].Config<NrLinkConfig>().errorModel,
              "ns3::blueprint::NrShannonErrorModel");
}

TEST(RadioModelVariantTest, LinkAdaptationFollowsTheCellsOwnErrorModel)
{
    // A decoder 10 dB worse: link adaptation picks lower MCSs for the same SINR, so a saturated
    // cell carries less; and it still carries (blocks at the MCS it picks still decode), which it
    // could not if it chose by another model than the one that draws the outcomes. The UEs are
    // 2 km out, where the default's MCS is below the table's top (at 200 m both would use
    // MCS 28), out of sight (NLOS) without shadow fading: the SINR, and so how much the worse
    // decoder costs (the deaf cell carries 0.50 of the default's), is the geometry's and not a
    // draw's; with drawn states and shadowing the ratio moved with the draws (0.61 on one).
    auto farCell = [](const std::string& cell) {
        std::string text =
            NrCell(cell + ", propagation: {condition: NLOS, shadowing: false}", kSaturating);
        text.replace(text.find("[200m, 0m]"), 10, "[2km, 0m]");
        return RunText(text).flows[0].rxBytes;
    };
    const uint64_t shannonBytes = farCell("");
    const uint64_t deafBytes = farCell(", error_model: ns3::TestDeafNrErrorModel");
    EXPECT_LT(deafBytes, 0.6 * shannonBytes) << deafBytes << " vs " << shannonBytes;
    EXPECT_GT(deafBytes, 0.1 * shannonBytes);
}

TEST(RadioModelVariantTest, EachCellHoldsItsOwnErrorModelInstance)
{
    // Two cells installed by one helper with the ErrorModel attribute set by type name: the
    // PointerValue is built from its text once per device, so a stateful model (one counting
    // blocks, say) is never shared between cells.
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    NrHelper nr;
    nr.SetGnbAttribute("ErrorModel", StringValue("ns3::TestCoinFlipNrErrorModel"));
    Ptr<NrGnbNetDevice> gnbs[2];
    for (auto& gnb : gnbs)
    {
        Ptr<Node> node = CreateObject<Node>();
        node->AggregateObject(CreateObject<ConstantPositionMobilityModel>());
        gnb = DynamicCast<NrGnbNetDevice>(nr.InstallGnb(node, channel).Get(0));
        EXPECT_EQ(gnb->GetErrorModel()->GetInstanceTypeId(), CoinFlipNrErrorModel::GetTypeId());
    }
    EXPECT_NE(gnbs[0]->GetErrorModel(), gnbs[1]->GetErrorModel());
    // Without the attribute a cell gets the default, its own one too.
    EXPECT_EQ(CreateObject<NrGnbNetDevice>()->GetErrorModel()->GetInstanceTypeId(),
              NrShannonErrorModel::GetTypeId());
    Simulator::Destroy();
}

TEST(RadioModelVariantTest, ThresholdsFollowTheShannonAttenuation)
{
    // TR 36.942 Annex A.2: SINR = 2^(SE / alpha) - 1. Link adaptation reads the thresholds from
    // the model, and a later change of alpha moves them.
    Ptr<NrShannonErrorModel> model = CreateObject<NrShannonErrorModel>();
    const double se7 = NrGetCqi(NrCqiTableId::Table1, 7).spectralEfficiency; // 16QAM, 1.4766
    EXPECT_NEAR(model->GetCqiThresholds(NrCqiTableId::Table1)[7], std::exp2(se7 / 0.6) - 1, 1e-9);
    // The SINR at which a decoder with alpha 0.75 reaches CQI 7 is short of it with 0.6.
    const double at075 = std::exp2(se7 / 0.75) - 1;
    EXPECT_LT(NrLinkAdaptation::SinrToCqi(at075, NrCqiTableId::Table1, *model), 7);
    model->SetAttribute("ShannonAttenuation", DoubleValue(0.75));
    EXPECT_NEAR(model->GetCqiThresholds(NrCqiTableId::Table1)[7], at075, 1e-9);
    EXPECT_EQ(NrLinkAdaptation::SinrToCqi(at075, NrCqiTableId::Table1, *model), 7);
}

TEST(RadioModelVariantTest, AWrongErrorModelGetsADidYouMeanAmongErrorModels)
{
    EXPECT_EQ(ErrorOf(NrCell(", error_model: shanon")),
              "variants.yaml:13:71: unknown error model 'shanon'; did you mean 'shannon'?");
    EXPECT_EQ(ErrorOf(NrCell(", error_model: ns3::NrShannonErrorModel")),
              "variants.yaml:13:71: unknown ns-3 type 'ns3::NrShannonErrorModel'; expected an "
              "ns-3 type derived from ns3::blueprint::NrErrorModel; did you mean "
              "'ns3::blueprint::NrShannonErrorModel'?");
    EXPECT_EQ(ErrorOf(NrCell(", error_model: ns3::blueprint::NrMacSchedulerPf")),
              "variants.yaml:13:71: 'ns3::blueprint::NrMacSchedulerPf' is not an ns-3 type "
              "derived from ns3::blueprint::NrErrorModel");
}

// ---------------------------------------------------------------------------------------------
// Propagation scenarios

TEST(RadioModelVariantTest, AResearchersOwnScenarioSetsTheChannelsPathLoss)
{
    // RSRP = P_tx + G_tx + G_rx - 120 dB - 10 log10(12 N_RB) at any distance (TS 38.215 5.1.1).
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(3.5e9));
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    channel->SetAttribute("Scenario", StringValue("ns3::TestFixedLossScenario"));
    channel->SetAttribute("Shadowing", BooleanValue(false));
    const NrBandProfile* band = NrBandProfile::Find("n78");
    const NrGnbRadio gnbRadio = NrCellClass::Find("macro")->MakeRadio(*band, 20e6);
    const NrUeRadio ueRadio = NrUeClass::Find("handset")->MakeRadio(*band);
    auto deviceAt = [](double x, double z) {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
        m->SetPosition(Vector(x, 0, z));
        node->AggregateObject(m);
        Ptr<NrGnbNetDevice> device = CreateObject<NrGnbNetDevice>();
        node->AddDevice(device);
        return device;
    };
    const uint32_t gnb = channel->AddGnb(deviceAt(0, 35), gnbRadio);
    const uint32_t near = channel->AddUe(deviceAt(100, 1.5), ueRadio);
    const uint32_t far = channel->AddUe(deviceAt(9000, 1.5), ueRadio);
    const double expected = gnbRadio.txPowerDbm + gnbRadio.antennaGainDbi + ueRadio.antennaGainDbi -
                            FixedLossPropagationModel::kLossDb -
                            10 * std::log10(12.0 * NrMaxResourceBlocks(20e6, 1, false));
    EXPECT_NEAR(channel->GetRsrpDbm(near, gnb), expected, 1e-9);
    EXPECT_NEAR(channel->GetRsrpDbm(far, gnb), expected, 1e-9);
    Simulator::Destroy();
}

TEST(RadioModelVariantTest, AResearchersOwnScenarioIsChosenFromYaml)
{
    // 60 km from the mast RMa's path loss leaves nothing to decode; the fixed 120 dB of the
    // researcher's scenario carries every packet.
    auto far = [](const std::string& scenario) {
        std::string text = NrCell(", propagation: {scenario: " + scenario + ", shadowing: false}");
        text.replace(text.find("[200m, 0m]"), 10, "[60km, 0m]");
        return text;
    };
    const ScenarioSpec spec = Read(far("ns3::TestFixedLossScenario"));
    EXPECT_EQ(spec.links[0].Config<NrLinkConfig>().scenario, "ns3::TestFixedLossScenario");
    const RunResult fixed = ScenarioRunner(spec).Run();
    EXPECT_EQ(fixed.flows[0].rxPackets, fixed.flows[0].txPackets);
    EXPECT_GT(fixed.flows[0].txPackets, 0u);
    const RunResult rma = RunText(far("RMa"));
    EXPECT_EQ(rma.flows[0].rxPackets, 0u);
    // The short names alias the three TR 38.901 scenarios; the cell class gives the default.
    EXPECT_EQ(
        Read(NrCell(", propagation: {scenario: UMi}")).links[0].Config<NrLinkConfig>().scenario,
        "ns3::blueprint::NrUmiStreetCanyonScenario");
    EXPECT_EQ(Read(NrCell(", cell: macro-urban")).links[0].Config<NrLinkConfig>().scenario,
              "ns3::blueprint::NrUmaScenario");
}

TEST(RadioModelVariantTest, AWrongScenarioGetsADidYouMeanAndItsFrequencyRangeIsChecked)
{
    EXPECT_EQ(ErrorOf(NrCell(", propagation: {scenario: UMA}")),
              "variants.yaml:13:82: unknown propagation scenario 'UMA'; did you mean 'UMa'?");
    EXPECT_EQ(ErrorOf(NrCell(", propagation: {scenario: ns3::NrUmaScenario}")),
              "variants.yaml:13:82: unknown ns-3 type 'ns3::NrUmaScenario'; expected an ns-3 type "
              "derived from ns3::blueprint::NrPropagationScenario; did you mean "
              "'ns3::blueprint::NrUmaScenario'?");
    EXPECT_EQ(ErrorOf(NrCell(", propagation: {scenario: ns3::blueprint::NrShannonErrorModel}")),
              "variants.yaml:13:82: 'ns3::blueprint::NrShannonErrorModel' is not an ns-3 type "
              "derived from ns3::blueprint::NrPropagationScenario");
    // A scenario says up to which frequency its path loss model holds; the reader refuses a band
    // above it where the scenario is written instead of the channel aborting in the run.
    std::string mmWave = NrCell(", propagation: {scenario: ns3::TestSubSixScenario}");
    mmWave.replace(mmWave.find("n78"), 3, "n257");
    EXPECT_EQ(ErrorOf(mmWave),
              "variants.yaml:13:83: link 'cell': band n257 (28 GHz) is above the 6 GHz that "
              "the path loss model of propagation scenario ns3::TestSubSixScenario covers");
}

// ---------------------------------------------------------------------------------------------
// Station power models

/// A mast site with PUE 1.5 holding an idle NR cell, an idle LTE cell and a Wi-Fi access point;
/// NR, LTE and WIFI are replaced by each cell's extra keys.
const std::string kMast = R"(blueprint: 1
name: station-power
duration: 2s
drain: 0s
sites:
  mast: {position: [0m, 0m], pue: 1.5}
  field: {position: [30m, 0m]}
  dc: {position: [2km, 0m]}
nodes:
  gnb: {site: mast}
  enb: {site: mast}
  ap: {site: mast}
  mast-router: {site: mast, equipment: router}
  phones: {site: field}
  handsets: {site: field}
  laptops: {site: field}
  server: {site: dc, equipment: server}
links:
  nr-cell: {technology: nr, between: [gnb, phones], band: n78NR}
  lte-cell: {technology: lte, between: [enb, handsets], band: 1, core: mast-routerLTE}
  wifi-cell: {technology: wifi, between: [ap, laptops]WIFI}
  uplink: {between: [mast-router, server], profile: fiber, rate: 10Gbps}
flows:
  ping: {from: server, to: mast-router, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
)";

/// \return kMast with the cells' extra keys.
std::string
Mast(const std::string& nr, const std::string& lte = "", const std::string& wifi = "")
{
    std::string text = kMast;
    text.replace(text.find("NR}"), 2, nr);
    text.replace(text.find("LTE}"), 3, lte);
    text.replace(text.find("WIFI}"), 4, wifi);
    return text;
}

TEST(RadioModelVariantTest, AResearchersOwnStationPowerModelsAreChosenFromYaml)
{
    const RunResult r =
        RunText(Mast(", power: {model: ns3::TestConstantGnbPower, attributes: {Power: 500}}",
                     ", power: {model: ns3::TestConstantEnbPower, attributes: {Power: 300}}",
                     ", power: {model: ns3::TestConstantApPower, attributes: {Power: 20}}"));
    // Their power for the 2 s run, times the site's PUE 1.5: the models do not say their figures
    // include the site's overhead (RadioPowerModel::IncludesSiteOverhead).
    EXPECT_NEAR(r.energyByNode.at("gnb"), 500 * 2 * 1.5, 1e-9);
    EXPECT_NEAR(r.energyByNode.at("enb"), 300 * 2 * 1.5, 1e-9);
    EXPECT_NEAR(r.energyByNode.at("ap"), 20 * 2 * 1.5, 1e-9);
    // The defaults by their short names: the idle NR and LTE macro cells at EARTH's awake floor
    // (6 x 130 W, Auer et al. 2011 Table II) with no PUE, as EnergyAttributionTest has them.
    const RunResult d = RunText(Mast(", power: {model: earth}", ", power: {model: earth}"));
    EXPECT_NEAR(d.energyByNode.at("gnb"), 780.0 * 2, 1e-6);
    EXPECT_NEAR(d.energyByNode.at("enb"), 780.0 * 2, 1.0);
    EXPECT_EQ(Read(Mast("", "", ", power: {model: airtime}"))
                  .links[2]
                  .Config<WifiLinkConfig>()
                  .power.model,
              "ns3::blueprint::WifiRadioPowerModel");
}

TEST(RadioModelVariantTest, APowerModelsAttributesComeAfterTheCellsSettings)
{
    // The NR plug-in gives the default model the cell class's EARTH row (BsType macro); the
    // scenario's attributes come after it: an idle pico row is N_TRX P0 = 2 x 6.8 W (Table II).
    const RunResult pico = RunText(Mast(", power: {attributes: {BsType: pico}}"));
    EXPECT_NEAR(pico.energyByNode.at("gnb"), 2 * 6.8 * 2, 1e-6);
    // The attributes are checked against the chosen type when the scenario is read.
    EXPECT_EQ(ErrorOf(Mast(", power: {attributes: {BsType: nano}}")),
              "variants.yaml:19:93: 'nano' is not a valid value for "
              "ns3::blueprint::NrGnbEnergyModel::BsType: expected one of "
              "macro|rrh|micro|pico|femto");
}

TEST(RadioModelVariantTest, AWrongPowerModelGetsADidYouMeanAmongItsKind)
{
    EXPECT_EQ(ErrorOf(Mast(", power: {model: eart}")),
              "variants.yaml:19:79: unknown gNB power model 'eart'; did you mean 'earth'?");
    EXPECT_EQ(ErrorOf(Mast(", power: {model: ns3::TestConstantEnbPower}")),
              "variants.yaml:19:79: 'ns3::TestConstantEnbPower' is not an ns-3 type derived from "
              "ns3::blueprint::NrGnbPowerModel");
    EXPECT_EQ(ErrorOf(Mast("", ", power: {model: ns3::LteEnbEnergyModel}")),
              "variants.yaml:20:100: unknown ns-3 type 'ns3::LteEnbEnergyModel'; expected an ns-3 "
              "type derived from ns3::blueprint::LteEnbPowerModel; did you mean "
              "'ns3::blueprint::LteEnbEnergyModel'?");
    EXPECT_EQ(ErrorOf(Mast("", "", ", power: {model: ns3::TestConstantGnbPower}")),
              "variants.yaml:21:72: 'ns3::TestConstantGnbPower' is not an ns-3 type derived from "
              "ns3::blueprint::WifiPowerModel");
    // A cell's power is its station's model, not the idle/max override of nodes and wires.
    EXPECT_EQ(ErrorOf(Mast(", power: {idle: 100W}")),
              "variants.yaml:19:72: unknown key 'idle' in link 'nr-cell' power; allowed keys: "
              "model, attributes");
    // sleep and ssb_period configure the power model; one without them would ignore them.
    EXPECT_EQ(ErrorOf(Mast(", power: {model: ns3::TestConstantGnbPower}, sleep: deep")),
              "variants.yaml:19:114: link 'nr-cell': sleep sets the power model's MaxSleepState, "
              "and power model ns3::TestConstantGnbPower has none");
}

} // namespace
} // namespace ns3
