/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR radio environment: received power against the TR 38.901 Table 7.4.1-1 RMa formulas
 * computed here independently, SINR against distance and against a second cell's activity, the
 * path gain cache, and the band, cell and UE catalogues.
 */

#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-shannon-error-model.h"
#include "model/nr/nr-tdd-pattern.h"

#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// The TypeIds of the TR 38.901 scenarios by their short names.
const std::map<std::string, std::string> kScenarioType = {
    {"RMa", "ns3::blueprint::NrRmaScenario"},
    {"UMa", "ns3::blueprint::NrUmaScenario"},
    {"UMi", "ns3::blueprint::NrUmiStreetCanyonScenario"}};

/// Speed of light as ns-3's TR 38.901 models take it for the breakpoint distance, m/s.
constexpr double C = 3.0e8;
/// RMa default average building height h, m (TR 38.901 Table 7.4.1-1).
constexpr double RMA_H = 5.0;
/// RMa default average street width W, m (TR 38.901 Table 7.4.1-1).
constexpr double RMA_W = 20.0;

/// gNB radio used throughout: powers and gains chosen to be distinguishable.
const NrGnbRadio GNB_RADIO{49.0, 17.0, 5.0, 35.0};
/// UE radio used throughout.
const NrUeRadio UE_RADIO{23.0, 2.0, 7.0, 1.5};

/**
 * \brief TR 38.901 Table 7.4.1-1 RMa LOS PL1.
 * \param d3d 3D distance, m.
 * \param fcGhz carrier frequency, GHz.
 * \return path loss, dB.
 */
double
RmaPl1(double d3d, double fcGhz)
{
    const double h172 = std::pow(RMA_H, 1.72);
    return 20.0 * std::log10(40.0 * M_PI * d3d * fcGhz / 3.0) +
           std::min(0.03 * h172, 10.0) * std::log10(d3d) - std::min(0.044 * h172, 14.77) +
           0.002 * std::log10(RMA_H) * d3d;
}

/**
 * \brief TR 38.901 Table 7.4.1-1 RMa NLOS: max(PL_RMa-LOS, PL'_RMa-NLOS), below the LOS
 * breakpoint.
 * \param d3d 3D distance, m.
 * \param fcGhz carrier frequency, GHz.
 * \param hBs BS height, m.
 * \param hUt UT height, m.
 * \return path loss, dB.
 */
double
RmaNlos(double d3d, double fcGhz, double hBs, double hUt)
{
    const double plPrime = 161.04 - 7.1 * std::log10(RMA_W) + 7.5 * std::log10(RMA_H) -
                           (24.37 - 3.7 * std::pow(RMA_H / hBs, 2)) * std::log10(hBs) +
                           (43.42 - 3.1 * std::log10(hBs)) * (std::log10(d3d) - 3.0) +
                           20.0 * std::log10(fcGhz) -
                           (3.2 * std::pow(std::log10(11.75 * hUt), 2) - 4.97);
    return std::max(RmaPl1(d3d, fcGhz), plPrime);
}

/// dB to linear.
double
FromDb(double db)
{
    return std::pow(10.0, db / 10.0);
}

/// Linear to dB.
double
ToDb(double linear)
{
    return 10.0 * std::log10(linear);
}

/// Noise power over bandwidth B with noise figure NF: -174 dBm/Hz + 10 log10 B + NF.
double
NoiseDbm(double bandwidthHz, double noiseFigureDb)
{
    return -174.0 + 10.0 * std::log10(bandwidthHz) + noiseFigureDb;
}

/// A still mobility model that counts how often its position is read.
class CountingMobility : public MobilityModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrChannelTestCountingMobility")
                                .SetParent<MobilityModel>()
                                .SetGroupName("Blueprint");
        return tid;
    }

    /// \return the position reads so far.
    uint32_t GetReads() const
    {
        return m_reads;
    }

  private:
    Vector DoGetPosition() const override
    {
        ++m_reads;
        return m_position;
    }

    void DoSetPosition(const Vector& position) override
    {
        m_position = position;
        NotifyCourseChange();
    }

    Vector DoGetVelocity() const override
    {
        return Vector(0, 0, 0);
    }

    Vector m_position;           //!< where it stands
    mutable uint32_t m_reads{0}; //!< DoGetPosition() calls
};

/// Builds nodes with a fixed position and a device each, and attaches them to one NrChannel.
class NrChannelTest : public ::testing::Test
{
  public:
    /// Counts PathGainUpdate firings (public: a test body takes its address).
    void CountUpdate(uint32_t, uint32_t, double)
    {
        ++m_updates;
    }

  protected:
    void SetUp() override
    {
        m_channel = CreateObject<NrChannel>();
        m_channel->SetAttribute("Frequency", DoubleValue(3.5e9));
        m_channel->SetAttribute("Bandwidth", DoubleValue(100e6));
        m_channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));
        m_channel->SetAttribute("ChannelCondition", StringValue("LOS"));
        m_channel->SetAttribute("Shadowing", BooleanValue(false));
    }

    void TearDown() override
    {
        m_channel->Dispose();
        Simulator::Destroy();
    }

    /**
     * Create a node at a position with a device on it.
     * \param position where.
     * \return the device.
     */
    Ptr<NetDevice> MakeDevice(const Vector& position)
    {
        Ptr<Node> node = CreateObject<Node>();
        Ptr<ConstantPositionMobilityModel> mobility = CreateObject<ConstantPositionMobilityModel>();
        mobility->SetPosition(position);
        node->AggregateObject(mobility);
        Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
        node->AddDevice(device);
        return device;
    }

    /**
     * Move the node of a device.
     * \param device the device.
     * \param position the new position.
     */
    static void Move(Ptr<NetDevice> device, const Vector& position)
    {
        device->GetNode()->GetObject<MobilityModel>()->SetPosition(position);
    }

    Ptr<NrChannel> m_channel; //!< the channel under test
    uint32_t m_updates = 0;   //!< PathGainUpdate firings seen
};

TEST_F(NrChannelTest, RmaLosReceivedPowerIsTr38901Pl1BelowTheBreakpoint)
{
    const double fc = 3.5e9;
    const double hBs = 35.0;
    const double hUt = 1.5;
    // d_BP = 2 pi h_BS h_UT f_c / c (TR 38.901 Table 7.4.1-1 note 5): about 3848 m here.
    const double breakpoint = 2.0 * M_PI * hBs * hUt * fc / C;
    const uint32_t gnb = m_channel->AddGnb(MakeDevice(Vector(0, 0, hBs)), GNB_RADIO);
    Ptr<NetDevice> ueDevice = MakeDevice(Vector(100, 0, hUt));
    const uint32_t ue = m_channel->AddUe(ueDevice, UE_RADIO);
    for (double d2d : {100.0, 400.0, 1000.0, 3000.0})
    {
        ASSERT_LT(d2d, breakpoint);
        Move(ueDevice, Vector(d2d * 0.6, d2d * 0.8, hUt));
        const double d3d = std::sqrt(d2d * d2d + (hBs - hUt) * (hBs - hUt));
        const double pl = RmaPl1(d3d, fc / 1e9);
        EXPECT_NEAR(m_channel->GetPathGainDb(ue, gnb), -pl, 0.01) << "d2D " << d2d;
        EXPECT_NEAR(m_channel->GetDlRxPowerDbm(ue, gnb),
                    GNB_RADIO.txPowerDbm + GNB_RADIO.antennaGainDbi + UE_RADIO.antennaGainDbi - pl,
                    0.01)
            << "d2D " << d2d;
        EXPECT_NEAR(m_channel->GetUlRxPowerDbm(ue, gnb),
                    UE_RADIO.txPowerDbm + UE_RADIO.antennaGainDbi + GNB_RADIO.antennaGainDbi - pl,
                    0.01)
            << "d2D " << d2d;
    }
}

TEST_F(NrChannelTest, RmaNlosReceivedPowerIsTr38901Formula)
{
    m_channel->SetAttribute("ChannelCondition", StringValue("NLOS"));
    const uint32_t gnb = m_channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    const uint32_t ue = m_channel->AddUe(MakeDevice(Vector(1200, 0, 1.5)), UE_RADIO);
    const double d3d = std::sqrt(1200.0 * 1200.0 + 33.5 * 33.5);
    EXPECT_NEAR(m_channel->GetPathGainDb(ue, gnb), -RmaNlos(d3d, 3.5, 35.0, 1.5), 0.01);
}

TEST_F(NrChannelTest, NoiseSnrAndRsrpFollowTheirDefinitions)
{
    const uint32_t gnb = m_channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    const uint32_t ue = m_channel->AddUe(MakeDevice(Vector(800, 0, 1.5)), UE_RADIO);
    EXPECT_NEAR(m_channel->GetUeNoisePowerDbm(ue), -87.0, 1e-9);   // -174 + 80 + 7
    EXPECT_NEAR(m_channel->GetGnbNoisePowerDbm(gnb), -89.0, 1e-9); // -174 + 80 + 5
    const double dl = m_channel->GetDlRxPowerDbm(ue, gnb);
    const double ul = m_channel->GetUlRxPowerDbm(ue, gnb);
    EXPECT_NEAR(ToDb(m_channel->GetDlSinr(ue, gnb)), dl + 87.0, 1e-6);
    EXPECT_NEAR(ToDb(m_channel->GetUlSinr(ue, gnb)), ul + 89.0, 1e-6);
    // A UE on a quarter of the PRBs at full power faces a quarter of the noise.
    EXPECT_NEAR(ToDb(m_channel->GetUlSinr(ue, gnb, 0.25)), ul + 89.0 + ToDb(4.0), 1e-6);
    // 100 MHz at 30 kHz is 273 RB (TS 38.101-1 Table 5.3.2-1): RSRP is one of 12 x 273 REs.
    EXPECT_NEAR(m_channel->GetRsrpDbm(ue, gnb), dl - ToDb(12.0 * 273.0), 1e-9);

    // Bandwidth sets the noise: 20 MHz is 7 dB less than 100 MHz.
    m_channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    EXPECT_NEAR(m_channel->GetUeNoisePowerDbm(ue), NoiseDbm(20e6, UE_RADIO.noiseFigureDb), 1e-9);
    EXPECT_NEAR(m_channel->GetRsrpDbm(ue, gnb), dl - ToDb(12.0 * 51.0), 1e-9);
}

TEST_F(NrChannelTest, AddRejectsABandwidthNrDoesNotHaveAtTheNumerology)
{
    m_channel->SetAttribute("Frequency", DoubleValue(28e9));
    m_channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrUmiStreetCanyonScenario"));
    m_channel->SetAttribute("Bandwidth", DoubleValue(400e6));
    // FR2 has no 30 kHz data numerology, so 400 MHz at mu = 1 is no NR carrier.
    EXPECT_THROW(m_channel->AddGnb(MakeDevice(Vector(0, 0, 10)), GNB_RADIO), std::invalid_argument);
    m_channel->SetAttribute("Numerology", UintegerValue(3));
    EXPECT_NO_THROW(m_channel->AddGnb(MakeDevice(Vector(0, 0, 10)), GNB_RADIO));
}

TEST_F(NrChannelTest, DlSinrFallsMonotonicallyWithDistance)
{
    for (const std::string scenario : {"RMa", "UMa", "UMi"})
    {
        for (const std::string condition : {"LOS", "NLOS"})
        {
            Ptr<NrChannel> channel = CreateObject<NrChannel>();
            channel->SetAttribute("Scenario", StringValue(kScenarioType.at(scenario)));
            channel->SetAttribute("ChannelCondition", StringValue(condition));
            channel->SetAttribute("Shadowing", BooleanValue(false));
            const double hBs = scenario == "RMa" ? 35.0 : (scenario == "UMa" ? 25.0 : 10.0);
            const uint32_t gnb = channel->AddGnb(MakeDevice(Vector(0, 0, hBs)), GNB_RADIO);
            Ptr<NetDevice> ueDevice = MakeDevice(Vector(20, 0, 1.5));
            const uint32_t ue = channel->AddUe(ueDevice, UE_RADIO);
            double previous = channel->GetDlSinr(ue, gnb);
            for (double d = 30.0; d <= 5000.0; d *= 1.15)
            {
                Move(ueDevice, Vector(d, 0, 1.5));
                const double sinr = channel->GetDlSinr(ue, gnb);
                EXPECT_LT(sinr, previous) << scenario << " " << condition << " at " << d << " m";
                previous = sinr;
            }
            channel->Dispose();
        }
    }
}

/// Link adaptation on the channel's SINR (TS 38.214 5.2.2.1 CQI at 10 % BLER, then the highest
/// MCS of Table 5.1.3.1-1 at or below the CQI's efficiency): the MCS never rises as a UE walks away
/// from an RMa NLOS mast, starts at the top of the table close in and ends at the bottom far out.
TEST_F(NrChannelTest, McsFallsAsDistanceGrows)
{
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrRmaScenario"));
    channel->SetAttribute("ChannelCondition", StringValue("NLOS"));
    channel->SetAttribute("Shadowing", BooleanValue(false));
    const uint32_t gnb = channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    Ptr<NetDevice> ueDevice = MakeDevice(Vector(50, 0, 1.5));
    const uint32_t ue = channel->AddUe(ueDevice, UE_RADIO);
    std::vector<uint32_t> mcs;
    for (double d = 50.0; d <= 20000.0; d *= 1.2)
    {
        Move(ueDevice, Vector(d, 0, 1.5));
        mcs.push_back(NrLinkAdaptation::SinrToMcs(channel->GetDlSinr(ue, gnb),
                                                  NrMcsTableId::Qam64,
                                                  *CreateObject<NrShannonErrorModel>()));
    }
    for (std::size_t i = 1; i < mcs.size(); ++i)
    {
        EXPECT_LE(mcs[i], mcs[i - 1]) << "step " << i;
    }
    EXPECT_EQ(mcs.front(), NrMaxMcs(NrMcsTableId::Qam64));
    EXPECT_EQ(mcs.back(), 0u);
    // And it passes through the middle of the table on the way, not in one jump.
    std::set<uint32_t> distinct(mcs.begin(), mcs.end());
    EXPECT_GE(distinct.size(), 10u);
    channel->Dispose();
}

TEST_F(NrChannelTest, SecondCellInterferesInProportionToItsActivity)
{
    const double fc = 3.5;
    const uint32_t a = m_channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    const uint32_t b = m_channel->AddGnb(MakeDevice(Vector(2000, 0, 35)), GNB_RADIO);
    Ptr<NetDevice> ueDevice = MakeDevice(Vector(500, 0, 1.5));
    const uint32_t ue = m_channel->AddUe(ueDevice, UE_RADIO);

    // By hand: both links are LOS below the 3848 m breakpoint, so PL1 applies to each.
    const double dA = std::sqrt(500.0 * 500.0 + 33.5 * 33.5);
    const double dB = std::sqrt(1500.0 * 1500.0 + 33.5 * 33.5);
    const double eirpPlusRxGain =
        GNB_RADIO.txPowerDbm + GNB_RADIO.antennaGainDbi + UE_RADIO.antennaGainDbi;
    const double s = FromDb(eirpPlusRxGain - RmaPl1(dA, fc));
    const double i = FromDb(eirpPlusRxGain - RmaPl1(dB, fc));
    const double n = FromDb(NoiseDbm(100e6, UE_RADIO.noiseFigureDb));

    m_channel->SetDlActivity(b, 0.0);
    EXPECT_NEAR(ToDb(m_channel->GetDlSinr(ue, a)), ToDb(s / n), 0.01);
    m_channel->SetDlActivity(b, 1.0);
    EXPECT_NEAR(ToDb(m_channel->GetDlSinr(ue, a)), ToDb(s / (n + i)), 0.01);
    m_channel->SetDlActivity(b, 0.5);
    EXPECT_NEAR(ToDb(m_channel->GetDlSinr(ue, a)), ToDb(s / (n + 0.5 * i)), 0.01);

    // The loss at full activity is what the interference adds to the noise; at this geometry
    // the second cell dominates the noise, so it is tens of dB.
    m_channel->SetDlActivity(b, 0.0);
    const double quiet = ToDb(m_channel->GetDlSinr(ue, a));
    m_channel->SetDlActivity(b, 1.0);
    const double loaded = ToDb(m_channel->GetDlSinr(ue, a));
    EXPECT_NEAR(quiet - loaded, ToDb((n + i) / n), 0.01);
    EXPECT_GT(quiet - loaded, 10.0);

    // The serving cell's own activity does not interfere with it; the uplink ignores others.
    m_channel->SetDlActivity(a, 0.0);
    EXPECT_NEAR(ToDb(m_channel->GetDlSinr(ue, a)), loaded, 1e-9);
    EXPECT_EQ(m_channel->GetBestGnb(ue), a);
    Move(ueDevice, Vector(1400, 0, 1.5));
    EXPECT_EQ(m_channel->GetBestGnb(ue), b);
}

TEST_F(NrChannelTest, CachedGainsAreRecomputedOnlyWhenSomethingMoved)
{
    m_channel->TraceConnectWithoutContext("PathGainUpdate",
                                          MakeCallback(&NrChannelTest::CountUpdate, this));
    Ptr<NetDevice> gnbDevice = MakeDevice(Vector(0, 0, 35));
    m_channel->AddGnb(gnbDevice, GNB_RADIO);
    m_channel->AddGnb(MakeDevice(Vector(3000, 0, 35)), GNB_RADIO);
    Ptr<NetDevice> ueDevice = MakeDevice(Vector(700, 0, 1.5));
    const uint32_t ue = m_channel->AddUe(ueDevice, UE_RADIO);

    // Per-slot calls on a UE that stands still: computed once per pair, then only read.
    const double first = m_channel->GetDlSinr(ue, 0);
    const double other = m_channel->GetDlSinr(ue, 1);
    EXPECT_EQ(m_updates, 2u);
    for (int slot = 0; slot < 1000; ++slot)
    {
        EXPECT_EQ(m_channel->GetDlSinr(ue, 0), first);
        EXPECT_EQ(m_channel->GetDlSinr(ue, 1), other);
    }
    EXPECT_EQ(m_updates, 2u);

    // Half a metre is within MovementThreshold: the cached value stands.
    Move(ueDevice, Vector(700.5, 0, 1.5));
    EXPECT_EQ(m_channel->GetDlSinr(ue, 0), first);
    EXPECT_EQ(m_updates, 2u);

    // 1.1 m from where the gains were computed: both pairs are recomputed and the SINR moves.
    Move(ueDevice, Vector(701.1, 0, 1.5));
    const double moved = m_channel->GetDlSinr(ue, 0);
    EXPECT_EQ(m_updates, 4u);
    EXPECT_LT(moved, first);

    // A gNB that moves invalidates only its own pairs.
    Move(gnbDevice, Vector(0, 50, 35));
    m_channel->GetDlSinr(ue, 0);
    EXPECT_EQ(m_updates, 5u);
}

TEST_F(NrChannelTest, CachedGainsExpireAfterUpdatePeriod)
{
    m_channel->SetAttribute("UpdatePeriod", TimeValue(MilliSeconds(100)));
    m_channel->TraceConnectWithoutContext("PathGainUpdate",
                                          MakeCallback(&NrChannelTest::CountUpdate, this));
    m_channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    const uint32_t ue = m_channel->AddUe(MakeDevice(Vector(300, 0, 1.5)), UE_RADIO);
    std::vector<uint32_t> seen;
    auto ask = [this, ue, &seen]() {
        m_channel->GetDlSinr(ue, 0);
        seen.push_back(m_updates);
    };
    for (double ms : {0.0, 50.0, 99.0, 100.0, 150.0, 250.0})
    {
        Simulator::Schedule(MilliSeconds(ms), ask);
    }
    Simulator::Run();
    // Computed at 0, kept at 50 and 99, expired at 100 (recomputed), kept at 150, expired at 250.
    EXPECT_EQ(seen, (std::vector<uint32_t>{1, 1, 1, 2, 2, 3}));
}

TEST_F(NrChannelTest, ShadowingIsStableForAStillUeAndReproducibleBySeed)
{
    auto draw = [this](int64_t stream) {
        Ptr<NrChannel> channel = CreateObject<NrChannel>();
        channel->SetAttribute("ChannelCondition", StringValue("Auto"));
        channel->AssignStreams(stream);
        const uint32_t gnb = channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
        const uint32_t ue = channel->AddUe(MakeDevice(Vector(900, 0, 1.5)), UE_RADIO);
        const double gain = channel->GetPathGainDb(ue, gnb);
        EXPECT_EQ(channel->GetPathGainDb(ue, gnb), gain);
        channel->Dispose();
        return gain;
    };
    const double a = draw(7);
    EXPECT_EQ(draw(7), a);
    // Another stream draws another shadow fading value (or LOS state).
    EXPECT_NE(draw(1000), a);
}

TEST_F(NrChannelTest, APairDrawsFromItsOwnStreamsWhateverElseSharesTheCarrier)
{
    // Common random numbers on a shared carrier: with streams named after its two ends, a gNB-UE
    // pair draws the same LOS state and shadow fading (TR 38.901 Tables 7.4.2-1, 7.4.1-1)
    // whether it is alone on the carrier or a second gNB and another UE, evaluated first, share
    // it. From one stream for the carrier, the other pairs' draws came first and this pair's
    // were others.
    auto gain = [this](bool crowded, bool ownStreams) {
        Ptr<NrChannel> channel = CreateObject<NrChannel>();
        channel->SetAttribute("ChannelCondition", StringValue("Auto"));
        channel->SetAttribute("Shadowing", BooleanValue(true));
        channel->AssignStreams(7);
        Ptr<NetDevice> mast = MakeDevice(Vector(0, 0, 35));
        Ptr<NetDevice> phone = MakeDevice(Vector(900, 0, 1.5));
        if (ownStreams)
        {
            // Every pair is named (an unnamed one would end the run); the others' streams lie
            // elsewhere.
            channel->SetPairStreams([mast, phone](Ptr<Node> gnb, Ptr<Node> ue) -> int64_t {
                return gnb == mast->GetNode() && ue == phone->GetNode() ? 5000 : 9000;
            });
        }
        uint32_t other = 0;
        if (crowded)
        {
            channel->AddGnb(MakeDevice(Vector(2000, 0, 35)), GNB_RADIO);
            other = channel->AddUe(MakeDevice(Vector(1500, 300, 1.5)), UE_RADIO);
        }
        const uint32_t gnb = channel->AddGnb(mast, GNB_RADIO);
        const uint32_t ue = channel->AddUe(phone, UE_RADIO);
        if (crowded)
        {
            channel->GetPathGainDb(other, gnb);
        }
        const double g = channel->GetPathGainDb(ue, gnb);
        channel->Dispose();
        return g;
    };
    EXPECT_EQ(gain(true, true), gain(false, true));
    // Without streams of its own, the pair takes the carrier's next ones: the crowd moves them.
    EXPECT_NE(gain(true, false), gain(false, false));
}

TEST_F(NrChannelTest, APairTheNamesMissEndsTheRunInsteadOfTakingTheCarriersNextStreams)
{
    // Whoever names a carrier's pairs names them all (the NR plug-in registers every gNB and UE
    // group): a pair left to the carrier's streams in evaluation order would give up common
    // random numbers without a sign.
    auto gain = [this](int64_t named) {
        Ptr<NrChannel> channel = CreateObject<NrChannel>();
        channel->AssignStreams(7);
        channel->SetPairStreams([named](Ptr<Node>, Ptr<Node>) { return named; });
        const uint32_t gnb = channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
        const uint32_t ue = channel->AddUe(MakeDevice(Vector(900, 0, 1.5)), UE_RADIO);
        return channel->GetPathGainDb(ue, gnb);
    };
    EXPECT_LT(gain(5000), 0.0);
    EXPECT_DEATH(gain(-1), "has no random streams of its own");
}

TEST_F(NrChannelTest, ShadowFadingStaysCorrelatedOverSmallMoves)
{
    // RMa LOS shadow fading: sigma 4 dB below the breakpoint (TR 38.901 Table 7.4.1-1),
    // decorrelation distance 37 m (Table 7.5-6). After a 2 m move the new value is
    // R x old + sqrt(1 - R^2) x N(0, sigma^2) with R = exp(-2/37) = 0.947 (clause 7.4.4), so the
    // mean squared change is about 2 (1 - R) sigma^2 = 1.7 dB^2; an independent redraw would
    // give 2 sigma^2 = 32 dB^2.
    m_channel->SetAttribute("Shadowing", BooleanValue(true));
    m_channel->AssignStreams(42);
    const uint32_t gnb = m_channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    const uint32_t ues = 60;
    std::vector<Ptr<NetDevice>> devices;
    for (uint32_t u = 0; u < ues; ++u)
    {
        devices.push_back(MakeDevice(Vector(400.0 + 20.0 * u, 0, 1.5)));
        m_channel->AddUe(devices.back(), UE_RADIO);
    }
    auto shadowing = [this, gnb](uint32_t ue, double x, double y) {
        const double d3d = std::sqrt(x * x + y * y + 33.5 * 33.5);
        return -m_channel->GetPathGainDb(ue, gnb) - RmaPl1(d3d, 3.5);
    };
    double sumSquaredChange = 0.0;
    double sumSquared = 0.0;
    for (uint32_t u = 0; u < ues; ++u)
    {
        const double x = 400.0 + 20.0 * u;
        const double before = shadowing(u, x, 0.0);
        Move(devices[u], Vector(x, 2.0, 1.5));
        const double after = shadowing(u, x, 2.0);
        sumSquaredChange += (after - before) * (after - before);
        sumSquared += before * before;
    }
    EXPECT_LT(sumSquaredChange / ues, 8.0);
    // The values themselves have the model's spread (16 dB^2), so the small change is not a
    // missing shadow fading.
    EXPECT_GT(sumSquared / ues, 6.0);
    EXPECT_LT(sumSquared / ues, 40.0);
}

TEST_F(NrChannelTest, ManyStillUesCostNoRecomputation)
{
    m_channel->TraceConnectWithoutContext("PathGainUpdate",
                                          MakeCallback(&NrChannelTest::CountUpdate, this));
    const uint32_t gnbs = 3;
    const uint32_t ues = 300;
    for (uint32_t g = 0; g < gnbs; ++g)
    {
        m_channel->AddGnb(MakeDevice(Vector(2000.0 * g, 0, 35)), GNB_RADIO);
    }
    for (uint32_t u = 0; u < ues; ++u)
    {
        m_channel->AddUe(MakeDevice(Vector(10.0 * u + 25.0, 100, 1.5)), UE_RADIO);
    }
    for (int slot = 0; slot < 20; ++slot)
    {
        for (uint32_t u = 0; u < ues; ++u)
        {
            const uint32_t serving = m_channel->GetBestGnb(u);
            EXPECT_GT(m_channel->GetDlSinr(u, serving), 0.0);
        }
    }
    EXPECT_EQ(m_updates, gnbs * ues);
}

TEST_F(NrChannelTest, AUePositionIsReadOncePerSimulationTimeUnlessItReportsAMove)
{
    m_channel->TraceConnectWithoutContext("PathGainUpdate",
                                          MakeCallback(&NrChannelTest::CountUpdate, this));
    m_channel->AddGnb(MakeDevice(Vector(0, 0, 35)), GNB_RADIO);
    Ptr<CountingMobility> mobility = CreateObject<CountingMobility>();
    mobility->SetPosition(Vector(300, 0, 1.5));
    Ptr<Node> node = CreateObject<Node>();
    node->AggregateObject(mobility);
    Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
    node->AddDevice(device);
    const uint32_t ue = m_channel->AddUe(device, UE_RADIO);

    // The MAC asks for one UE's SINRs several times in a slot: after the first call (which
    // reads the position and computes the gains), the others read nothing.
    const double dl = m_channel->GetDlSinr(ue, 0);
    const uint32_t computed = mobility->GetReads();
    for (int call = 0; call < 5; ++call)
    {
        EXPECT_EQ(m_channel->GetDlSinr(ue, 0), dl);
        m_channel->GetUlSinr(ue, 0, 0.5);
    }
    EXPECT_EQ(mobility->GetReads(), computed);
    EXPECT_EQ(m_updates, 1u);

    // Moved by hand at the same time: the course change makes the next call read it again.
    mobility->SetPosition(Vector(600, 0, 1.5));
    EXPECT_LT(m_channel->GetDlSinr(ue, 0), dl);
    EXPECT_EQ(m_updates, 2u);
    const uint32_t moved = mobility->GetReads();

    // A later time reads it again, once (a model moving with time may be elsewhere); it stood
    // still, so nothing is recomputed.
    Simulator::Schedule(MilliSeconds(1), [this, ue]() {
        m_channel->GetDlSinr(ue, 0);
        m_channel->GetDlSinr(ue, 0);
    });
    Simulator::Run();
    EXPECT_EQ(mobility->GetReads(), moved + 1);
    EXPECT_EQ(m_updates, 2u);
}

TEST(NrBandProfileTest, CatalogueHoldsTheJapaneseBands)
{
    EXPECT_EQ(
        NrBandProfile::Names(),
        (std::vector<std::string>{"n77", "n78", "n79", "n257", "local5g-sub6", "local5g-mmwave"}));
    EXPECT_EQ(NrBandProfile::Find("n1"), nullptr);
    for (const std::string& name : NrBandProfile::Names())
    {
        const NrBandProfile* p = NrBandProfile::Find(name);
        ASSERT_NE(p, nullptr) << name;
        EXPECT_EQ(p->name, name);
        // The carrier lies inside its 3GPP band and inside the Japanese assignment.
        EXPECT_GE(p->frequencyHz - p->bandwidthHz / 2, p->bandLowHz) << name;
        EXPECT_LE(p->frequencyHz + p->bandwidthHz / 2, p->bandHighHz) << name;
        EXPECT_GE(p->frequencyHz - p->bandwidthHz / 2, p->allocationLowHz) << name;
        EXPECT_LE(p->frequencyHz + p->bandwidthHz / 2, p->allocationHighHz) << name;
        // The carrier is a valid NR channel and its frame parses.
        EXPECT_NO_THROW(NrMaxResourceBlocks(p->bandwidthHz, p->numerology, p->fr2)) << name;
        EXPECT_TRUE(p->tdd) << name;
        EXPECT_NO_THROW(NrTddPattern::Parse(p->tddPattern, p->specialSlot)) << name;
        EXPECT_FALSE(p->source.empty()) << name;
        EXPECT_EQ(p->fr2, p->frequencyHz > 24e9) << name;
    }
    const NrBandProfile* n78 = NrBandProfile::Find("n78");
    EXPECT_EQ(NrMaxResourceBlocks(n78->bandwidthHz, n78->numerology, n78->fr2), 273u);
    const NrBandProfile* n257 = NrBandProfile::Find("n257");
    EXPECT_EQ(n257->numerology, 3);
    EXPECT_EQ(NrMaxResourceBlocks(n257->bandwidthHz, n257->numerology, n257->fr2), 264u);
    // MIC's local 5G allocations.
    const NrBandProfile* sub6 = NrBandProfile::Find("local5g-sub6");
    EXPECT_EQ(sub6->allocationLowHz, 4.6e9);
    EXPECT_EQ(sub6->allocationHighHz, 4.9e9);
    EXPECT_EQ(sub6->operatingBand, "n79");
    const NrBandProfile* mmwave = NrBandProfile::Find("local5g-mmwave");
    EXPECT_EQ(mmwave->allocationLowHz, 28.2e9);
    EXPECT_EQ(mmwave->allocationHighHz, 29.1e9);
    EXPECT_EQ(mmwave->operatingBand, "n257");
}

TEST(NrBandProfileTest, CellClassesScalePowerWithBandwidth)
{
    EXPECT_EQ(NrCellClass::Names(), (std::vector<std::string>{"macro", "macro-urban", "small"}));
    EXPECT_EQ(NrCellClass::Find("pico"), nullptr);
    const NrCellClass* macro = NrCellClass::Find("macro");
    ASSERT_NE(macro, nullptr);
    // 46 dBm per 20 MHz on a 100 MHz carrier: 46 + 10 log10(5) = 52.99 dBm.
    EXPECT_NEAR(macro->GetTxPowerDbm(100e6, false), 52.99, 0.005);
    const NrGnbRadio sub6 = macro->MakeRadio(*NrBandProfile::Find("n78"), 100e6);
    EXPECT_NEAR(sub6.txPowerDbm, 52.99, 0.005);
    EXPECT_EQ(sub6.noiseFigureDb, 5.0);
    EXPECT_EQ(sub6.heightM, 35.0);
    // 40 dBm per 80 MHz on a 400 MHz carrier: 46.99 dBm; NF 7 dB at 30 GHz.
    const NrGnbRadio mmwave = macro->MakeRadio(*NrBandProfile::Find("n257"), 400e6);
    EXPECT_NEAR(mmwave.txPowerDbm, 46.99, 0.005);
    EXPECT_EQ(mmwave.noiseFigureDb, 7.0);
    // The configured bandwidth, not the band's default, sets the total: the same PSD over
    // 20 MHz of n78 is the class's reference 46 dBm.
    EXPECT_NEAR(macro->MakeRadio(*NrBandProfile::Find("n78"), 20e6).txPowerDbm, 46.0, 1e-12);
    const NrCellClass* small = NrCellClass::Find("small");
    ASSERT_NE(small, nullptr);
    EXPECT_EQ(small->heightM, 10.0);
    EXPECT_EQ(small->scenario, "UMi");
    EXPECT_NEAR(small->GetTxPowerDbm(20e6, false), 33.0, 1e-12);
    EXPECT_EQ(NrCellClass::Find("macro-urban")->heightM, 25.0);
}

TEST(NrBandProfileTest, UeClassesPickTheirFrequencyRangeFigures)
{
    EXPECT_EQ(NrUeClass::Names(), (std::vector<std::string>{"handset", "fwa-cpe"}));
    EXPECT_EQ(NrUeClass::Find("tablet"), nullptr);
    const NrUeClass* handset = NrUeClass::Find("handset");
    ASSERT_NE(handset, nullptr);
    const NrUeRadio fr1 = handset->MakeRadio(*NrBandProfile::Find("local5g-sub6"));
    EXPECT_EQ(fr1.txPowerDbm, 23.0);
    EXPECT_EQ(fr1.antennaGainDbi, 0.0);
    EXPECT_EQ(fr1.noiseFigureDb, 7.0);
    EXPECT_EQ(fr1.heightM, 1.5);
    const NrUeRadio fr2 = handset->MakeRadio(*NrBandProfile::Find("local5g-mmwave"));
    EXPECT_EQ(fr2.antennaGainDbi, 5.0);
    EXPECT_EQ(fr2.noiseFigureDb, 10.0);
    const NrUeRadio cpe = NrUeClass::Find("fwa-cpe")->MakeRadio(*NrBandProfile::Find("n257"));
    // Power class 1 minimum peak EIRP in n257: 40 dBm.
    EXPECT_EQ(cpe.txPowerDbm + cpe.antennaGainDbi, 40.0);
}

} // namespace

/// Site costs per cell class: a macro site with its own tower (Oughton et al.'s cost table:
/// 63.5 k USD, 10 % of the 33.5 k USD of equipment a year plus rural 2 k or urban 9.6 k USD
/// rental, 10 years) costs more than a small cell (EURASIP JWCN 2015 Table 3: 33 k EUR, 1.5 k
/// EUR a year, 7 years); exchange rates 150 JPY/USD and 160 JPY/EUR are assumptions.
TEST(NrBandProfileTest, SiteCostsPerCellClass)
{
    const NrCellClass* macro = NrCellClass::Find("macro");
    const NrCellClass* urban = NrCellClass::Find("macro-urban");
    const NrCellClass* small = NrCellClass::Find("small");
    ASSERT_TRUE(macro && urban && small);
    EXPECT_DOUBLE_EQ(macro->capex, 63500.0 * 150);
    EXPECT_DOUBLE_EQ(macro->opexPerYear, (3350.0 + 2000.0) * 150);
    EXPECT_DOUBLE_EQ(macro->lifetimeYears, 10.0);
    EXPECT_DOUBLE_EQ(urban->capex, macro->capex);
    EXPECT_DOUBLE_EQ(urban->opexPerYear, (3350.0 + 9600.0) * 150);
    EXPECT_DOUBLE_EQ(small->capex, 33000.0 * 160);
    EXPECT_DOUBLE_EQ(small->opexPerYear, 1500.0 * 160);
    EXPECT_DOUBLE_EQ(small->lifetimeYears, 7.0);
    for (const auto* c : {macro, urban, small})
    {
        EXPECT_FALSE(c->costSource.empty());
    }
}
