/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR energy: the EARTH base station model (Auer et al. 2011 eq. (1), Table II), the 3GPP
 * TR 38.864 base station model (Tables 5.1-3 to 5.1-5 and the clause 5.1 activity scaling), the
 * 3GPP TR 38.840 UE model (clause 8.1), each integrated over per-TTI activity; the derived
 * totals are worked by hand from the sources' tables in the tests below.
 */

#include "helper/technology/nr/nr-helper.h"
#include "model/nr/nr-cell-ue-energy-model.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-energy-model.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-tdd-pattern.h"
#include "model/nr/nr-tti-grid.h"
#include "model/nr/nr-ue-energy-model.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// NR basic time unit Tc = 1 / (480 kHz x 4096) in s (TS 38.211 clause 4.1).
constexpr double TC_S = 1.0 / (480e3 * 4096);
/// Normal-CP symbol at mu = 1: (2048 + 144) kappa 2^-1 Tc with kappa = 64 (TS 38.211 5.3.1).
constexpr double SYMBOL_TC = 2192.0 * 64 / 2;
/// The first symbol of each half subframe (every slot at mu = 1) is 16 kappa Tc longer.
constexpr double FIRST_SYMBOL_TC = SYMBOL_TC + 16.0 * 64;
/// 10 downlink symbols of a "10D+2G+2U" special slot, in ms.
constexpr double S_DL_MS = (FIRST_SYMBOL_TC + 9 * SYMBOL_TC) * TC_S * 1e3;
/// Its 2 guard symbols, in ms.
constexpr double S_GUARD_MS = 2 * SYMBOL_TC * TC_S * 1e3;
/// Its 2 uplink symbols, in ms.
constexpr double S_UL_MS = 2 * SYMBOL_TC * TC_S * 1e3;
/// A slot at mu = 1, in ms.
constexpr double SLOT_MS = 0.5;

/// The grid of a mu = 1 DDDSU carrier (TS 38.521-4 Table A.1.2-1 FR1.30-2).
NrTtiGrid
DdddsuGrid()
{
    return NrTtiGrid(1, NrTddPattern::Parse("DDDSU", "10D+2G+2U"), 0);
}

/// A TR 38.864 model of a BS category and reference set, without SSB bursts (SsbPeriod 0), so
/// an idle gap is one sleep period and the formulas can be checked alone.
Ptr<NrGnbEnergyModel>
Tr38864Model(uint32_t category, uint32_t set, const std::string& maxSleep = "deep")
{
    Ptr<NrGnbEnergyModel> m = CreateObject<NrGnbEnergyModel>();
    m->SetAttribute("Model", StringValue("TR38864"));
    m->SetAttribute("BsCategory", UintegerValue(category));
    m->SetAttribute("ReferenceSet", UintegerValue(set));
    m->SetAttribute("MaxSleepState", StringValue(maxSleep));
    m->SetAttribute("SsbPeriod", TimeValue(Time(0)));
    m->SetTtiGrid(DdddsuGrid());
    m->Start(Seconds(0));
    return m;
}

/// An EARTH model of a BS type, never sleeping (the default) unless told.
Ptr<NrGnbEnergyModel>
EarthModel(const std::string& type, const std::string& maxSleep = "micro")
{
    Ptr<NrGnbEnergyModel> m = CreateObject<NrGnbEnergyModel>();
    m->SetAttribute("Model", StringValue("EARTH"));
    m->SetAttribute("BsType", StringValue(type));
    m->SetAttribute("MaxSleepState", StringValue(maxSleep));
    m->SetTtiGrid(DdddsuGrid());
    m->Start(Seconds(0));
    return m;
}

/// The same five TTIs of activity: full, none, half DL load; an S slot; a U slot with PUSCH.
void
FeedBusyCell(Ptr<NrGnbEnergyModel> m)
{
    m->NotifyDlTti(0, 100, 100);
    m->NotifyDlTti(1, 0, 100);
    m->NotifyDlTti(2, 50, 100);
    m->NotifyDlTti(3, 100, 100);
    m->NotifyUlTti(3, 10, 100);
    m->NotifyDlTti(4, 0, 100);
    m->NotifyUlTti(4, 20, 100);
}

/// DlTti sink of the device test: counts reports and PDSCH PRBs.
void
CountDlTti(uint64_t* reports, uint64_t* prbs, uint64_t /* tti */, uint32_t used, uint32_t)
{
    ++*reports;
    *prbs += used;
}

} // namespace

// Auer et al. 2011 eq. (1) with Table II; totals worked from them (full / 50 % / P_out -> 0+ /
// sleep).
TEST(NrEnergyTest, EarthTableIIReproducesTheDerivedTotals)
{
    struct Row
    {
        const char* type;
        double full, half, zero, sleep;
    };

    const Row rows[] = {{"macro", 1344, 1062, 780, 450},
                        {"rrh", 840, 672, 504, 336},
                        {"micro", 144.8, 128.4, 112, 78},
                        {"pico", 14.6, 14.1, 13.6, 8.6},
                        {"femto", 10.4, 10.0, 9.6, 5.8}};
    for (const Row& r : rows)
    {
        Ptr<NrGnbEnergyModel> m = EarthModel(r.type);
        // The totals are given to 0.1 W (micro full load is 144.76 W).
        EXPECT_NEAR(m->GetEarthPower(1.0), r.full, 0.05) << r.type;
        EXPECT_NEAR(m->GetEarthPower(0.5), r.half, 0.05) << r.type;
        EXPECT_NEAR(m->GetEarthPower(0.0), r.zero, 1e-9) << r.type;
        EXPECT_NEAR(m->GetEarthSleepPower(), r.sleep, 1e-9) << r.type;
    }
    // The selected-model accessors agree for EARTH: DL at load, awake otherwise.
    Ptr<NrGnbEnergyModel> macro = EarthModel("macro");
    EXPECT_DOUBLE_EQ(macro->GetEarthPower(1.0), 1344.0); // exact for the macro row
    EXPECT_DOUBLE_EQ(macro->GetEarthPower(0.5), 1062.0);
    EXPECT_DOUBLE_EQ(macro->GetDlPower(1.0), 1344.0);
    EXPECT_DOUBLE_EQ(macro->GetUlPower(), 780.0);
    EXPECT_DOUBLE_EQ(macro->GetAwakeIdlePower(), 780.0);
}

// TR 38.864 Table 5.1-3 (Cat 1 / Set 1) and the clause 5.1 activity scaling with A = 0.4:
// The clause 5.1 formula gives 280, 212.5 and 158.5 for s_f = 1, 0.5 and 0.1.
TEST(NrEnergyTest, Tr38864Cat1Set1RelativePowersAndScaling)
{
    const auto p = NrGnbEnergyModel::GetTr38864Parameters(1, 1);
    EXPECT_DOUBLE_EQ(p.deepSleep, 1);
    EXPECT_DOUBLE_EQ(p.lightSleep, 25);
    EXPECT_DOUBLE_EQ(p.microSleep, 55);
    EXPECT_DOUBLE_EQ(p.activeDl, 280);
    EXPECT_DOUBLE_EQ(p.activeUl, 110);
    EXPECT_EQ(p.lightSleepTransition, MilliSeconds(6));
    EXPECT_DOUBLE_EQ(p.lightSleepEnergy, 90);
    EXPECT_EQ(p.deepSleepTransition, MilliSeconds(50));
    EXPECT_DOUBLE_EQ(p.deepSleepEnergy, 1000);

    Ptr<NrGnbEnergyModel> m = Tr38864Model(1, 1);
    EXPECT_NEAR(m->GetRelativeDlPower(1.0), 280.0, 1e-9);
    EXPECT_NEAR(m->GetRelativeDlPower(0.5), 212.5, 1e-9);
    EXPECT_NEAR(m->GetRelativeDlPower(0.1), 158.5, 1e-9);
    EXPECT_NEAR(m->GetRelativeUlPower(), 110.0, 1e-9);
    // Half the TxRUs halve the dynamic part: 55 + 0.5 x 225 = 167.5 at full load.
    m->SetAttribute("ActiveTxruRatio", DoubleValue(0.5));
    EXPECT_NEAR(m->GetRelativeDlPower(1.0), 167.5, 1e-9);
    // The default PowerUnit makes P4 the EARTH macro full-load power.
    m->SetAttribute("ActiveTxruRatio", DoubleValue(1.0));
    EXPECT_NEAR(m->GetDlPower(1.0), 1344.0, 1e-9);
}

// The other rows of Table 5.1-3 and the Cat 2 transitions (Table 5.1-5).
TEST(NrEnergyTest, Tr38864OtherRowsAndCategory2Transitions)
{
    EXPECT_DOUBLE_EQ(NrGnbEnergyModel::GetTr38864Parameters(1, 2).activeDl, 200);
    EXPECT_DOUBLE_EQ(NrGnbEnergyModel::GetTr38864Parameters(1, 3).microSleep, 38);
    EXPECT_DOUBLE_EQ(NrGnbEnergyModel::GetTr38864Parameters(2, 1).activeDl, 32);
    EXPECT_DOUBLE_EQ(NrGnbEnergyModel::GetTr38864Parameters(2, 2).activeUl, 5.8);
    const auto c2 = NrGnbEnergyModel::GetTr38864Parameters(2, 3);
    EXPECT_DOUBLE_EQ(c2.lightSleep, 2.1);
    EXPECT_DOUBLE_EQ(c2.activeDl, 17.6);
    EXPECT_EQ(c2.lightSleepTransition, MilliSeconds(640));
    EXPECT_DOUBLE_EQ(c2.lightSleepEnergy, 1088);
    EXPECT_EQ(c2.deepSleepTransition, Seconds(10));
    EXPECT_DOUBLE_EQ(c2.deepSleepEnergy, 17000);
    EXPECT_THROW(NrGnbEnergyModel::GetTr38864Parameters(3, 1), std::invalid_argument);
    EXPECT_THROW(NrGnbEnergyModel::GetTr38864Parameters(1, 4), std::invalid_argument);
}

// An idle cell is one sleep period: P_state x T + the Table 5.1-4 transition energy.
TEST(NrEnergyTest, IdleCellSleepsWithTransitionEnergy)
{
    const double unit = 1344.0 / 280.0; // W per relative unit (default PowerUnit)
    // Light sleep allowed: 25 x 1000 ms + 90, relative power x ms.
    Ptr<NrGnbEnergyModel> light = Tr38864Model(1, 1, "light");
    EXPECT_EQ(light->ChooseSleepState(Seconds(1)), NrGnbEnergyModel::LIGHT_SLEEP);
    EXPECT_NEAR(light->GetEnergy(Seconds(1)), (25 * 1000.0 + 90) * unit * 1e-3, 1e-9);
    // Deep sleep allowed: 1 x 1000 + 1000.
    Ptr<NrGnbEnergyModel> deep = Tr38864Model(1, 1, "deep");
    EXPECT_NEAR(deep->GetEnergy(Seconds(1)), (1000.0 + 1000) * unit * 1e-3, 1e-9);
    // Never sleeping: micro sleep P3 throughout, no transition.
    Ptr<NrGnbEnergyModel> micro = Tr38864Model(1, 1, "micro");
    EXPECT_NEAR(micro->GetEnergy(Seconds(1)), 55 * 1000.0 * unit * 1e-3, 1e-9);
    // A gap shorter than the 6 ms light-sleep transition can only be micro sleep.
    EXPECT_EQ(deep->ChooseSleepState(MilliSeconds(5)), NrGnbEnergyModel::MICRO_SLEEP);
    EXPECT_NEAR(deep->GetSleepPeriodEnergy(MilliSeconds(5)), 55 * 5.0 * unit * 1e-3, 1e-12);
    // 6 to 50 ms: light sleep.
    EXPECT_EQ(deep->ChooseSleepState(MilliSeconds(30)), NrGnbEnergyModel::LIGHT_SLEEP);
    // Cat 2 at 12 s: deep sleep fits (10 s) but costs 12000 + 17000 > 2.1 x 12000 + 1088.
    Ptr<NrGnbEnergyModel> cat2 = Tr38864Model(2, 1, "deep");
    EXPECT_EQ(cat2->ChooseSleepState(Seconds(12)), NrGnbEnergyModel::LIGHT_SLEEP);
    EXPECT_EQ(cat2->ChooseSleepState(Seconds(20)), NrGnbEnergyModel::DEEP_SLEEP);
    EXPECT_EQ(cat2->ChooseSleepState(MilliSeconds(600)), NrGnbEnergyModel::MICRO_SLEEP);
    // EARTH: an idle cell that may not sleep (the default) stays at the awake floor, 780 W for
    // the macro cell, like an LTE eNB; EARTH's own 450 W sleep mode is not used.
    Ptr<NrGnbEnergyModel> earth = EarthModel("macro");
    EXPECT_NEAR(earth->GetEnergy(Seconds(1)), 780.0, 1e-9);
}

// An idle NR cell still sends its SS/PBCH burst every SsbPeriod (TS 38.213 clause 4.1), awake at
// the floor for SsbBurstDuration; only the stretches between bursts can sleep, in the states
// whose TR 38.864 transition fits (Cat 1: light 6 ms, deep 50 ms), at TR 38.864 Table 5.1-3's
// depths relative to the awake floor (EARTH macro: 780 W; light 25/55, deep 1/55 of it;
// transitions 90/55 and 1000/55 of it x ms).
TEST(NrEnergyTest, IdleNrCellSleepsOnlyBetweenItsSsbBursts)
{
    const double floorW = 780.0;
    const double lightW = 25.0 / 55.0 * floorW;
    const double deepW = 1.0 / 55.0 * floorW;
    const double lightJ = 90.0 / 55.0 * floorW * 1e-3;
    const double deepJ = 1000.0 / 55.0 * floorW * 1e-3;
    Ptr<NrGnbEnergyModel> m = EarthModel("macro", "deep");
    EXPECT_NEAR(m->GetSleepPower(NrGnbEnergyModel::LIGHT_SLEEP), 354.545, 0.001);
    EXPECT_NEAR(m->GetSleepPower(NrGnbEnergyModel::DEEP_SLEEP), 14.182, 0.001);
    // SSB every 20 ms: 2 ms awake, 18 ms in light sleep (deep sleep's 50 ms do not fit).
    const double period20 = floorW * 2e-3 + lightW * 18e-3 + lightJ;
    EXPECT_NEAR(m->GetEnergy(Seconds(1)), 50 * period20, 1e-9);
    EXPECT_NEAR(m->GetEnergy(Seconds(1)) / 1.0, 460.9, 0.05); // W on average, vs 780 awake
    // A gap from 5 to 45 ms: light sleep to the burst at 20 ms, the burst, light sleep to the
    // burst at 40 ms, the burst, then 3 ms too short for any transition (micro sleep).
    EXPECT_NEAR(m->GetIdleGapEnergy(MilliSeconds(5), MilliSeconds(45)),
                lightW * 15e-3 + lightJ + floorW * 2e-3 + lightW * 18e-3 + lightJ + floorW * 2e-3 +
                    floorW * 3e-3,
                1e-9);
    // A gap inside a burst is awake throughout.
    EXPECT_NEAR(m->GetIdleGapEnergy(MilliSeconds(20.5), MilliSeconds(21.5)), floorW * 1e-3, 1e-9);
    // SSB every 160 ms (TS 38.331's longest): 158 ms stretches, where deep sleep fits and wins.
    m->SetAttribute("SsbPeriod", TimeValue(MilliSeconds(160)));
    EXPECT_EQ(m->ChooseSleepState(MilliSeconds(158)), NrGnbEnergyModel::DEEP_SLEEP);
    EXPECT_NEAR(m->GetEnergy(Seconds(1.6)), 10 * (floorW * 2e-3 + deepW * 158e-3 + deepJ), 1e-9);
    // Light sleep only: the same bursts, light sleep between them.
    Ptr<NrGnbEnergyModel> light = EarthModel("macro", "light");
    EXPECT_NEAR(light->GetEnergy(Seconds(1)), 50 * period20, 1e-9);
    // Sleep not allowed (the default): the awake floor throughout, bursts or not.
    EXPECT_NEAR(EarthModel("macro")->GetEnergy(Seconds(1)), floorW, 1e-9);
}

// Five TTIs of a DDDSU carrier, hand-computed with TR 38.864 clause 5.1/5.2 (per-symbol sum).
TEST(NrEnergyTest, Tr38864BusyCellMatchesHandComputedEnergy)
{
    const double unit = 1344.0 / 280.0;
    Ptr<NrGnbEnergyModel> m = Tr38864Model(1, 1, "deep");
    m->NotifyDlTti(0, 100, 100);
    // Half of TTI 0 at full load: 280 x 0.25 ms.
    EXPECT_NEAR(m->GetEnergy(MicroSeconds(250)), 280 * 0.25 * unit * 1e-3, 1e-9);
    m->Start(Seconds(0));
    FeedBusyCell(m);
    const double relMs = 280 * SLOT_MS                                     // full load
                         + 55 * SLOT_MS                                    // awake, no data
                         + 212.5 * SLOT_MS                                 // s_f = 0.5
                         + 280 * S_DL_MS + 55 * S_GUARD_MS + 110 * S_UL_MS // S slot
                         + 110 * SLOT_MS;                                  // U slot with PUSCH
    EXPECT_NEAR(m->GetEnergy(MicroSeconds(2500)), relMs * unit * 1e-3, 1e-6);
    EXPECT_EQ(m->GetActiveTtis(), 5u);
    // Then idle to 10 ms: a 7.5 ms gap, light sleep (6 ms <= gap < 50 ms).
    EXPECT_NEAR(m->GetEnergy(MilliSeconds(10)), (relMs + 25 * 7.5 + 90) * unit * 1e-3, 1e-6);
    // A TTI at 5 ms closes a 2.5 ms gap: micro sleep (shorter than the light-sleep transition).
    m->NotifyDlTti(10, 100, 100);
    EXPECT_NEAR(m->GetEnergy(MicroSeconds(5500)),
                (relMs + 55 * 2.5 + 280 * SLOT_MS) * unit * 1e-3,
                1e-6);
}

// The same five TTIs with EARTH macro (eq. (1)): PDSCH symbols at their load, the rest awake.
TEST(NrEnergyTest, EarthBusyCellMatchesHandComputedEnergy)
{
    Ptr<NrGnbEnergyModel> m = EarthModel("macro");
    FeedBusyCell(m);
    const double joules = (1344 * SLOT_MS + 780 * SLOT_MS + 1062 * SLOT_MS + 1344 * S_DL_MS +
                           780 * (SLOT_MS - S_DL_MS) + 780 * SLOT_MS) *
                          1e-3;
    EXPECT_NEAR(m->GetEnergy(MicroSeconds(2500)), joules, 1e-6);
    // Idle after the five TTIs: the awake floor (MaxSleepState micro, the default).
    EXPECT_NEAR(m->GetEnergy(MilliSeconds(10)), joules + 780 * 7.5e-3, 1e-6);
}

// TR 38.840 clause 8.1 relative powers (FR1, FR2) and UE transitions.
TEST(NrEnergyTest, Tr38840UeRelativeStates)
{
    using U = NrUeEnergyModel;
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_23_DBM, U::DEEP_SLEEP), 1);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_23_DBM, U::LIGHT_SLEEP), 20);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_23_DBM, U::MICRO_SLEEP), 45);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_23_DBM, U::PDCCH_ONLY), 100);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_23_DBM, U::PDCCH_PDSCH), 300);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_23_DBM, U::UL_TX), 700);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR1, U::UL_0_DBM, U::UL_TX), 250);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR2, U::UL_0_DBM, U::PDCCH_ONLY), 175);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR2, U::UL_0_DBM, U::PDCCH_PDSCH), 350);
    EXPECT_DOUBLE_EQ(U::GetRelativePower(U::FR2, U::UL_23_DBM, U::UL_TX), 350);

    Ptr<U> ue = CreateObject<U>();
    const double unit = 0.182 * 4.2 / 92.5;
    EXPECT_NEAR(ue->GetPower(U::PDCCH_ONLY), 100 * unit, 1e-12);
    ue->SetTtiGrid(DdddsuGrid());
    ue->Start(Seconds(0));
    // Idle 1 s: deep sleep, 1 x 1000 + 450 (relative power x ms).
    EXPECT_EQ(ue->ChooseSleepState(Seconds(1)), U::DEEP_SLEEP);
    EXPECT_NEAR(ue->GetEnergy(Seconds(1)), (1000.0 + 450) * unit * 1e-3, 1e-12);
    // Light sleep only: 20 x 1000 + 100.
    ue->SetAttribute("MaxSleepState", StringValue("light"));
    EXPECT_NEAR(ue->GetEnergy(Seconds(1)), (20 * 1000.0 + 100) * unit * 1e-3, 1e-12);
    // Light sleep needs 6 ms, deep sleep 20 ms.
    ue->SetAttribute("MaxSleepState", StringValue("deep"));
    EXPECT_EQ(ue->ChooseSleepState(MilliSeconds(4)), U::MICRO_SLEEP);
    EXPECT_EQ(ue->ChooseSleepState(MilliSeconds(10)), U::LIGHT_SLEEP);
    EXPECT_EQ(ue->ChooseSleepState(MilliSeconds(25)), U::DEEP_SLEEP);
}

// A UE's TTIs on a DDDSU carrier, hand-computed from TR 38.840 clause 8.1 states.
TEST(NrEnergyTest, Tr38840UeBusyTtisMatchHandComputedEnergy)
{
    using U = NrUeEnergyModel;
    Ptr<U> ue = CreateObject<U>();
    const double unit = 0.182 * 4.2 / 92.5;
    ue->SetTtiGrid(DdddsuGrid());
    ue->Start(Seconds(0));
    ue->NotifyDl(0, true);  // PDCCH + PDSCH
    ue->NotifyDl(1, false); // PDCCH only
    ue->NotifyDl(3, false); // S slot: PDCCH only, guard micro sleep, PUSCH at 23 dBm
    ue->NotifyUl(3, true);
    ue->NotifyDl(4, false); // U slot without PUSCH: micro sleep
    ue->NotifyUl(4, false);
    const double relMs = 300 * SLOT_MS + 100 * SLOT_MS + 45 * SLOT_MS // gap 1 -> 1.5 ms
                         + 100 * S_DL_MS + 45 * S_GUARD_MS + 700 * S_UL_MS + 45 * SLOT_MS;
    EXPECT_NEAR(ue->GetEnergy(MicroSeconds(2500)), relMs * unit * 1e-3, 1e-9);
    EXPECT_EQ(ue->GetActiveTtis(), 4u);
}

// The device hooks: a real cell reports each TTI it runs, the models follow it, and energy
// lies between the all-asleep and the all-full-load bounds.
TEST(NrEnergyTest, AttachedModelsFollowTheSlotEngine)
{
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(3.5e9));
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrUmaScenario"));
    channel->SetAttribute("ChannelCondition", EnumValue(NrChannel::LOS));
    channel->SetAttribute("Shadowing", BooleanValue(false));
    Ptr<Node> gnbNode = CreateObject<Node>();
    NodeContainer ueNodes;
    ueNodes.Create(1);
    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, 25));
    positions->Add(Vector(50, 0, 1.5));
    mobility.SetPositionAllocator(positions);
    mobility.Install(gnbNode);
    mobility.Install(ueNodes);
    NrHelper nr;
    nr.SetGnbAttribute("TddPattern", StringValue("DDDSU"));
    nr.SetGnbAttribute("FixedBler", DoubleValue(0.0));
    NetDeviceContainer gnbDevs = nr.InstallGnb(gnbNode, channel);
    NetDeviceContainer ueDevs = nr.InstallUe(ueNodes, gnbDevs.Get(0));
    Ptr<NrGnbNetDevice> gnb = DynamicCast<NrGnbNetDevice>(gnbDevs.Get(0));
    Ptr<NrUeNetDevice> ueDev = DynamicCast<NrUeNetDevice>(ueDevs.Get(0));
    InternetStackHelper internet;
    internet.Install(gnbNode);
    internet.Install(ueNodes);
    Ipv4AddressHelper ip("10.1.0.0", "255.255.0.0");
    ip.Assign(gnbDevs);
    const Ipv4Address ueAddress = ip.Assign(ueDevs).GetAddress(0);
    nr.AttachUeAddresses(gnb);
    nr.AssignStreams(gnbDevs, 1);

    Ptr<NrGnbEnergyModel> gnbEnergy = CreateObject<NrGnbEnergyModel>();
    gnbEnergy->SetAttribute("Model", StringValue("TR38864"));
    gnbEnergy->Attach(gnb);
    Ptr<NrUeEnergyModel> ueEnergy = CreateObject<NrUeEnergyModel>();
    ueEnergy->Attach(ueDev);
    uint64_t dlTtis = 0;
    uint64_t pdschPrbs = 0;
    gnb->TraceConnectWithoutContext("DlTti", MakeBoundCallback(&CountDlTti, &dlTtis, &pdschPrbs));

    // Downlink UDP and uplink UDP bursts: 20 packets each, 1 ms apart, from 100 ms.
    Ptr<Socket> dlSink = Socket::CreateSocket(ueNodes.Get(0), UdpSocketFactory::GetTypeId());
    dlSink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9000));
    Ptr<Socket> dlSource = Socket::CreateSocket(gnbNode, UdpSocketFactory::GetTypeId());
    Ptr<Socket> ulSink = Socket::CreateSocket(gnbNode, UdpSocketFactory::GetTypeId());
    ulSink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9001));
    Ptr<Socket> ulSource = Socket::CreateSocket(ueNodes.Get(0), UdpSocketFactory::GetTypeId());
    const Ipv4Address gnbAddress("10.1.0.1");
    for (int i = 0; i < 20; ++i)
    {
        Simulator::Schedule(MilliSeconds(100 + i), [dlSource, ueAddress]() {
            dlSource->SendTo(Create<Packet>(1000), 0, InetSocketAddress(ueAddress, 9000));
        });
        Simulator::Schedule(MilliSeconds(300 + i), [ulSource, gnbAddress]() {
            ulSource->SendTo(Create<Packet>(500), 0, InetSocketAddress(gnbAddress, 9001));
        });
    }
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    const Time end = Seconds(1);

    EXPECT_GT(gnb->GetDlStats().decodedBlocks, 0u);
    EXPECT_GT(gnb->GetUlStats().decodedBlocks, 0u);
    // One DlTti per TTI event; UlTti never names a TTI without one here, so the model's TTIs
    // are the engine's.
    EXPECT_EQ(dlTtis, gnb->GetTtiEvents());
    EXPECT_EQ(gnbEnergy->GetActiveTtis(), gnb->GetTtiEvents());
    EXPECT_EQ(ueEnergy->GetActiveTtis(), gnb->GetTtiEvents());
    EXPECT_GT(pdschPrbs, 0u);

    // Bounds: never below deep sleep all the time, never above full-load DL all the time.
    const double unit = 1344.0 / 280.0;
    const double e = gnbEnergy->GetEnergy(end);
    EXPECT_GT(e, 1.0 * unit * 1.0);
    EXPECT_LT(e, 280.0 * unit * 1.0);
    // More than an idle cell: the active TTIs cost more than the sleep they replace.
    EXPECT_GT(e, gnbEnergy->GetIdleGapEnergy(Seconds(0), end));
    const double ueJ = ueEnergy->GetEnergy(end);
    const double ueUnit = 0.182 * 4.2 / 92.5;
    EXPECT_GT(ueJ, ueEnergy->GetIdleGapEnergy(end));
    EXPECT_LT(ueJ, 700.0 * ueUnit * 1.0);
    Simulator::Destroy();
}

namespace
{

/// A cell of four UEs with staggered downlink and uplink bursts; returns the sum of four per-UE
/// models and the cell aggregate's energy at the end.
std::pair<double, double>
RunPerUeAndAggregate(const std::string& tdd)
{
    Ptr<NrChannel> channel = CreateObject<NrChannel>();
    channel->SetAttribute("Frequency", DoubleValue(3.5e9));
    channel->SetAttribute("Bandwidth", DoubleValue(20e6));
    channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrUmaScenario"));
    channel->SetAttribute("ChannelCondition", EnumValue(NrChannel::LOS));
    channel->SetAttribute("Shadowing", BooleanValue(false));
    Ptr<Node> gnbNode = CreateObject<Node>();
    NodeContainer ueNodes;
    ueNodes.Create(4);
    MobilityHelper mobility;
    Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
    positions->Add(Vector(0, 0, 25));
    for (int i = 0; i < 4; ++i)
    {
        positions->Add(Vector(50 + 100 * i, 0, 1.5));
    }
    mobility.SetPositionAllocator(positions);
    mobility.Install(gnbNode);
    mobility.Install(ueNodes);
    NrHelper nr;
    nr.SetGnbAttribute("TddPattern", StringValue(tdd));
    NetDeviceContainer gnbDevs = nr.InstallGnb(gnbNode, channel);
    NetDeviceContainer ueDevs = nr.InstallUe(ueNodes, gnbDevs.Get(0));
    Ptr<NrGnbNetDevice> gnb = DynamicCast<NrGnbNetDevice>(gnbDevs.Get(0));
    InternetStackHelper internet;
    internet.Install(gnbNode);
    internet.Install(ueNodes);
    Ipv4AddressHelper ip("10.1.0.0", "255.255.0.0");
    ip.Assign(gnbDevs);
    Ipv4InterfaceContainer ueIfs = ip.Assign(ueDevs);
    nr.AttachUeAddresses(gnb);
    nr.AssignStreams(gnbDevs, 1);

    std::vector<Ptr<NrUeEnergyModel>> perUe;
    for (uint32_t i = 0; i < 4; ++i)
    {
        perUe.push_back(CreateObject<NrUeEnergyModel>());
        perUe.back()->Attach(DynamicCast<NrUeNetDevice>(ueDevs.Get(i)));
    }
    Ptr<NrCellUeEnergyModel> aggregate = CreateObject<NrCellUeEnergyModel>();
    aggregate->Attach(gnb);

    const Ipv4Address gnbAddress("10.1.0.1");
    Ptr<Socket> gnbSocket = Socket::CreateSocket(gnbNode, UdpSocketFactory::GetTypeId());
    gnbSocket->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9001));
    for (uint32_t u = 0; u < 4; ++u)
    {
        Ptr<Socket> sink = Socket::CreateSocket(ueNodes.Get(u), UdpSocketFactory::GetTypeId());
        sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9000));
        Ptr<Socket> up = Socket::CreateSocket(ueNodes.Get(u), UdpSocketFactory::GetTypeId());
        const Ipv4Address ueAddress = ueIfs.GetAddress(u);
        for (int i = 0; i < 30; ++i)
        {
            // Bursts that overlap between UEs and between directions, then long idle gaps.
            Simulator::Schedule(MilliSeconds(50 + 7 * u + 3 * i), [gnbSocket, ueAddress]() {
                gnbSocket->SendTo(Create<Packet>(1200), 0, InetSocketAddress(ueAddress, 9000));
            });
            Simulator::Schedule(MilliSeconds(60 + 11 * u + 2 * i), [up, gnbAddress]() {
                up->SendTo(Create<Packet>(400), 0, InetSocketAddress(gnbAddress, 9001));
            });
        }
    }
    const Time end = Seconds(0.8);
    Simulator::Stop(end);
    Simulator::Run();
    double sum = 0;
    for (const auto& m : perUe)
    {
        sum += m->GetEnergy(end);
    }
    const double cell = aggregate->GetEnergy(end);
    EXPECT_GT(gnb->GetDlStats().decodedBlocks, 100u);
    EXPECT_GT(gnb->GetUlStats().decodedBlocks, 100u);
    Simulator::Destroy();
    return {sum, cell};
}

} // namespace

/// One aggregate per cell gives exactly the sum of one TR 38.840 model per UE (FDD, where DL
/// and UL share each TTI, and TDD), at one trace call per TTI instead of one per UE and TTI.
TEST(NrEnergyTest, CellAggregateEqualsTheSumOfPerUeModels)
{
    for (const std::string tdd : {"FDD", "DDDSU"})
    {
        SCOPED_TRACE(tdd);
        const auto [sum, cell] = RunPerUeAndAggregate(tdd);
        EXPECT_GT(sum, 0.0);
        EXPECT_NEAR(cell, sum, 1e-12 * sum + 1e-15);
    }
}
