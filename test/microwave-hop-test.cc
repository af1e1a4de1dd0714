/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Microwave hop: the ACM ladder against its datasheet, adaptive modulation under rain in a
 * packet-level run, latency, reach for the band, energy and cost.
 *
 * Reference values: RACOM "RAy Microwave Link" user manual, Technical parameters (RAy11 and
 * RAy17, ACCP): SNR and RSS for BER 1e-6 and user bit rate per modulation, channel spacing
 * 28 MHz and 56 MHz.
 */

#include "helper/technology/microwave/microwave-accounting.h"
#include "helper/technology/microwave/microwave-helper.h"
#include "model/microwave/microwave-acm-table.h"
#include "model/microwave/microwave-channel.h"
#include "model/microwave/microwave-link-budget.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-net-device.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Two nodes joined by a microwave hop, with IPv4 on both.
struct Hop
{
    NodeContainer nodes;           //!< A and B
    NetDeviceContainer devices;    //!< A's device first
    Ipv4InterfaceContainer ifs;    //!< their addresses
    Ptr<MicrowaveChannel> channel; //!< the hop
};

/**
 * \param config the hop.
 * \param lengthM its length.
 * \return the hop, installed.
 */
Hop
MakeHop(const MicrowaveLinkConfig& config, double lengthM)
{
    Hop h;
    h.nodes.Create(2);
    h.devices = MicrowaveHelper().Install(h.nodes.Get(0), h.nodes.Get(1), config, lengthM);
    h.channel = MicrowaveHelper::GetChannel(h.devices);
    InternetStackHelper().Install(h.nodes);
    Ipv4AddressHelper ip("10.9.0.0", "255.255.255.252");
    h.ifs = ip.Assign(h.devices);
    return h;
}

/// An 18 GHz, 28 MHz hop of 10 km with 0.6 m dishes and 10 dBm.
MicrowaveLinkConfig
Hop18Ghz()
{
    MicrowaveLinkConfig c = MicrowaveLinkConfig::FromPreset("microwave-18ghz");
    c.channelWidthHz = 28e6;
    return c;
}

} // namespace

TEST(MicrowaveAcmTable, RatesFollowTheDatasheetAndScaleWithTheChannelWidth)
{
    struct Row
    {
        const char* name;
        double snr, at28, at56;
    };

    // RAy17 tables, 28 MHz and 56 MHz, ACCP: SNR (dB), user bit rate (Mbit/s).
    const std::vector<Row> rows = {{"QPSK", 7.5, 36.8, 72.9},
                                   {"16QAM", 15.0, 80.9, 160.2},
                                   {"32QAM", 18.5, 102.4, 202.7},
                                   {"64QAM", 21.5, 129.8, 256.9},
                                   {"128QAM", 25.0, 155.5, 303.7},
                                   {"256QAM", 26.5, 170.7, 337.7}};
    for (const Row& r : rows)
    {
        const MicrowaveModulation& m =
            MicrowaveAcmTable::GetModulations()[MicrowaveAcmTable::IndexOf(r.name)];
        EXPECT_TRUE(m.fromDatasheet) << r.name;
        EXPECT_DOUBLE_EQ(m.requiredSnrDb, r.snr) << r.name;
        EXPECT_NEAR(MicrowaveAcmTable::GetRateBps(m, 28e6), r.at28 * 1e6, 1.0) << r.name;
        // The 56 MHz column is the 28 MHz one doubled to within 2.5 % (128-QAM is the farthest).
        EXPECT_NEAR(MicrowaveAcmTable::GetRateBps(m, 56e6) / (r.at56 * 1e6), 1.0, 0.025) << r.name;
    }
    // Extrapolated rows: +3 dB and one more bit per symbol each, on 25 Mbaud at 256-QAM's
    // net-to-raw ratio 0.8535: 4096-QAM carries 256.05 Mbit/s in 28 MHz, 1.024 Gbit/s in 112.
    const auto& table = MicrowaveAcmTable::GetModulations();
    ASSERT_EQ(table.size(), 10u);
    for (std::size_t i = 6; i < table.size(); ++i)
    {
        EXPECT_FALSE(table[i].fromDatasheet);
        EXPECT_DOUBLE_EQ(table[i].requiredSnrDb - table[i - 1].requiredSnrDb, 3.0);
        EXPECT_EQ(table[i].bitsPerSymbol, table[i - 1].bitsPerSymbol + 1);
    }
    EXPECT_EQ(table.back().name, "4096QAM");
    EXPECT_NEAR(MicrowaveAcmTable::GetRateBps(table.back(), 28e6), 256.05e6, 1e3);
    EXPECT_NEAR(MicrowaveAcmTable::GetRateBps(table.back(), 112e6), 1024.2e6, 1e3);
}

TEST(MicrowaveAcmTable, SnrPlusThermalNoiseGivesTheDatasheetReceiverThresholds)
{
    // SNR requirement + kTB (28 MHz) + NF 3 dB against the RAy11 28 MHz RSS for BER 1e-6:
    // the SNR model reproduces the datasheet thresholds (whole dBm) to within 1 dB (256-QAM is
    // the farthest, 1.004 dB).
    Ptr<MicrowaveLinkBudget> budget = CreateObject<MicrowaveLinkBudget>();
    budget->SetAttribute("ChannelWidth", DoubleValue(28e6));
    budget->SetAttribute("NoiseFigure", DoubleValue(3.0));
    const double rss[] = {-90, -82, -78, -75, -71, -69};
    for (std::size_t i = 0; i < 6; ++i)
    {
        const MicrowaveModulation& m = MicrowaveAcmTable::GetModulations()[i];
        EXPECT_NEAR(budget->GetNoiseFloorDbm() + m.requiredSnrDb, rss[i], 1.01) << m.name;
    }
}

TEST(MicrowaveAcmTable, SelectTakesTheFastestModulationTheSnrCarries)
{
    const auto& t = MicrowaveAcmTable::GetModulations();
    EXPECT_EQ(MicrowaveAcmTable::Select(21.5, 0, 9, 0.0)->name, "64QAM");
    EXPECT_EQ(MicrowaveAcmTable::Select(21.49, 0, 9, 0.0)->name, "32QAM");
    EXPECT_EQ(MicrowaveAcmTable::Select(22.0, 0, 9, 1.0)->name, "32QAM");  // margin kept
    EXPECT_EQ(MicrowaveAcmTable::Select(60.0, 0, 5, 0.0)->name, "256QAM"); // capped
    EXPECT_EQ(MicrowaveAcmTable::Select(7.5, 0, 9, 0.0), &t[0]);
    EXPECT_EQ(MicrowaveAcmTable::Select(7.4, 0, 9, 0.0), nullptr);  // outage
    EXPECT_EQ(MicrowaveAcmTable::Select(20.0, 4, 9, 0.0), nullptr); // 128QAM floor not met
}

TEST(MicrowaveHop, RainCutsCapacityAndClearSkyRestoresIt)
{
    // A saturating UDP flow A -> B through the hop; rain 0 -> 60 mm/h -> 0 -> 250 mm/h -> 0.
    Hop h = MakeHop(Hop18Ghz(), 10e3);
    ASSERT_NE(h.channel->GetModulation(), nullptr);
    EXPECT_EQ(h.channel->GetModulation()->name, "4096QAM");
    const double clearRate = h.channel->GetRateBps();

    PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sink = sinkHelper.Install(h.nodes.Get(1));
    OnOffHelper source("ns3::UdpSocketFactory", InetSocketAddress(h.ifs.GetAddress(1), 9));
    source.SetConstantRate(DataRate(static_cast<uint64_t>(2 * clearRate)), 1472);
    ApplicationContainer app = source.Install(h.nodes.Get(0));
    app.Start(Seconds(0.0));

    const double window = 0.25;
    const std::vector<double> rain = {0.0, 60.0, 0.0, 250.0, 0.0};
    std::vector<uint64_t> rxAt(rain.size() + 1, 0);
    std::vector<double> rateIn(rain.size(), 0.0);
    uint64_t outageDrops = 0;
    h.channel->TraceConnectWithoutContext(
        "OutageDrop",
        Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) { ++outageDrops; }));
    Ptr<PacketSink> s = DynamicCast<PacketSink>(sink.Get(0));
    for (std::size_t i = 0; i < rain.size(); ++i)
    {
        // Each window starts with its weather; measure from 50 ms in, once queues settle.
        Simulator::Schedule(Seconds(i * window), [&, i]() {
            h.channel->SetRainRate(rain[i]);
            rateIn[i] = h.channel->GetRateBps();
        });
        Simulator::Schedule(Seconds(i * window + 0.05), [&, i]() { rxAt[i] = s->GetTotalRx(); });
        Simulator::Schedule(Seconds((i + 1) * window), [&, i]() {
            rxAt[rain.size()] = s->GetTotalRx();
            const double goodput = (s->GetTotalRx() - rxAt[i]) * 8.0 / (window - 0.05);
            // Payload share of what the radio carries: 1472 of 1472 + 8 UDP + 20 IP + 2 PPP.
            const double expected = rateIn[i] * 1472.0 / 1502.0;
            if (expected > 0)
            {
                EXPECT_NEAR(goodput / expected, 1.0, 0.02) << "window " << i;
            }
            else
            {
                EXPECT_EQ(goodput, 0.0) << "window " << i;
            }
        });
    }
    Simulator::Stop(Seconds(rain.size() * window));
    Simulator::Run();
    Simulator::Destroy();

    EXPECT_DOUBLE_EQ(rateIn[0], clearRate);
    EXPECT_LT(rateIn[1], 0.6 * clearRate); // a heavy shower drops several modulations
    EXPECT_GT(rateIn[1], 0.0);
    EXPECT_DOUBLE_EQ(rateIn[2], clearRate); // clear sky restores it
    EXPECT_EQ(rateIn[3], 0.0);              // a cloudburst cuts the hop
    EXPECT_GT(outageDrops, 0u);
    EXPECT_DOUBLE_EQ(rateIn[4], clearRate);
}

TEST(MicrowaveHop, LatencyIsPropagationPlusEquipmentLatency)
{
    MicrowaveLinkConfig c = Hop18Ghz();
    c.equipmentLatencyS = 120e-6;
    const double lengthM = 23456.0;
    Hop h = MakeHop(c, lengthM);
    Time txBegin;
    Time rxEnd;
    uint32_t bytes = 0;
    h.devices.Get(0)->TraceConnectWithoutContext(
        "PhyTxBegin",
        Callback<void, Ptr<const Packet>>([&](Ptr<const Packet> p) {
            txBegin = Simulator::Now();
            bytes = p->GetSize();
        }));
    h.devices.Get(1)->TraceConnectWithoutContext(
        "PhyRxEnd",
        Callback<void, Ptr<const Packet>>([&](Ptr<const Packet>) { rxEnd = Simulator::Now(); }));
    Ptr<Socket> tx = Socket::CreateSocket(h.nodes.Get(0), UdpSocketFactory::GetTypeId());
    tx->Connect(InetSocketAddress(h.ifs.GetAddress(1), 9));
    Simulator::Schedule(MilliSeconds(1), [&]() { tx->Send(Create<Packet>(1000)); });
    Simulator::Run();
    ASSERT_GT(bytes, 0u);
    const DataRate rate(static_cast<uint64_t>(std::llround(h.channel->GetRateBps())));
    const double oneWay = (rxEnd - txBegin - rate.CalculateBytesTxTime(bytes)).GetSeconds();
    const double expected = lengthM / 299792458.0 + 120e-6;
    EXPECT_NEAR(oneWay, expected, 1e-6);
    // The routing edge: light time is the floor; a full-size packet adds its serialisation.
    const MicrowaveRoutingEdge edge = MicrowaveHelper::GetRoutingEdge(h.devices, c, lengthM);
    EXPECT_NEAR(edge.propagationBoundSeconds, lengthM / 299792458.0, 1e-12);
    EXPECT_NEAR(edge.weightSeconds - expected, 1502 * 8 / h.channel->GetRateBps(), 1e-8);
    Simulator::Destroy();
}

TEST(MicrowaveHop, AHopBeyondItsBandsReachIsReported)
{
    // E-band, 0.3 m dishes, 99.99 % with R0.01 = 80 mm/h: a few km at most.
    MicrowaveLinkConfig e = MicrowaveLinkConfig::FromPreset("microwave-e-band");
    const MicrowaveHopReport near = MicrowaveHelper::Evaluate(e, 1e3);
    EXPECT_TRUE(near.works);
    EXPECT_TRUE(near.meetsAvailability) << near.problem;
    EXPECT_GT(near.maxHopLengthM, 1e3);
    EXPECT_LT(near.maxHopLengthM, 5e3);
    const MicrowaveHopReport far = MicrowaveHelper::Evaluate(e, 8e3);
    EXPECT_TRUE(far.works);              // it runs in clear sky...
    EXPECT_FALSE(far.meetsAvailability); // ...but rain takes it down too often
    EXPECT_NE(far.problem.find("beyond the"), std::string::npos) << far.problem;
    // The 6 GHz preset with 1.2 m dishes reaches tens of km in the same climate.
    const MicrowaveHopReport low =
        MicrowaveHelper::Evaluate(MicrowaveLinkConfig::FromPreset("microwave-6ghz"), 40e3);
    EXPECT_TRUE(low.meetsAvailability) << low.problem;
    // A hop nothing can run over is refused at install.
    NodeContainer n;
    n.Create(2);
    EXPECT_FALSE(MicrowaveHelper::Evaluate(e, 60e3).works);
    EXPECT_THROW(MicrowaveHelper().Install(n.Get(0), n.Get(1), e, 60e3), std::invalid_argument);
    Simulator::Destroy();
}

TEST(MicrowaveAccounting, BothEndsAreMeteredAndTheHopIsCosted)
{
    MicrowaveLinkConfig c = Hop18Ghz();
    Hop h = MakeHop(c, 10e3);
    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();
    RegisterMicrowaveEnergy(*meter, "hop", "a", "b", c, h.devices, 10e3, 1.0, 2.0);
    meter->Start();
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    const EnergyReport report = meter->Finish();
    Simulator::Destroy();
    // Idle hop: 26.5 W per end (RAy3 typical) for 2 s, the B end's site at PUE 2.
    EXPECT_NEAR(report.byTechnology.at("microwave"), 26.5 * 2 * (1.0 + 2.0), 1e-6);
    const CostItem item = GetMicrowaveCostItem("hop", c);
    EXPECT_EQ(item.technology, "microwave");
    EXPECT_GT(item.capex, 0.0);
    EXPECT_GT(item.opexPerYear, 0.0);
    // Overrides win over the catalogue.
    c.cost = MicrowaveCostOverride{5e6, 1e5, 15};
    EXPECT_DOUBLE_EQ(GetMicrowaveCostItem("hop", c).capex, 5e6);
    EXPECT_EQ(GetMicrowaveCostSource(c), "given on the link");
}
