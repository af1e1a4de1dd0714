/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Wired links: timing of a fibre link measured in simulation, DSL rates and interleaving per
 * ITU-T G.992.5 and the reference figures, equipment caps, reach checks and the catalogues.
 */

#include "helper/technology/wired/wired-link-helper.h"
#include "model/equipment/equipment-profile.h"
#include "model/wired/wired-channel.h"
#include "model/wired/wired-link-profile.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <stdexcept>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// UDP payload of every probe packet; on the wire it is 1000 + 8 (UDP) + 20 (IPv4) + 2 (PPP).
constexpr uint32_t PAYLOAD = 1000;
/// Bytes the probe packet occupies on a point-to-point wire.
constexpr uint32_t BYTES_ON_WIRE = PAYLOAD + 8 + 20 + 2;
/// UDP port of the probe receiver.
constexpr uint16_t PORT = 9000;

/**
 * Measures one-way latency over an installed link: from the moment the sending device starts
 * transmitting a packet (PhyTxBegin) to the moment the receiving node's UDP socket gets it.
 */
class LatencyProbe
{
  public:
    /**
     * \param devices the link's two devices, A's first; both nodes have an IPv4 stack.
     * \param aToB the direction to probe.
     */
    LatencyProbe(NetDeviceContainer devices, bool aToB)
    {
        Ptr<NetDevice> tx = devices.Get(aToB ? 0 : 1);
        Ptr<NetDevice> rx = devices.Get(aToB ? 1 : 0);
        tx->TraceConnectWithoutContext("PhyTxBegin", MakeCallback(&LatencyProbe::OnTxBegin, this));
        m_sink = Socket::CreateSocket(rx->GetNode(), UdpSocketFactory::GetTypeId());
        m_sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        m_sink->SetRecvCallback(MakeCallback(&LatencyProbe::OnReceive, this));
        m_source = Socket::CreateSocket(tx->GetNode(), UdpSocketFactory::GetTypeId());
        Ptr<Ipv4> ipv4 = rx->GetNode()->GetObject<Ipv4>();
        m_destination = ipv4->GetAddress(ipv4->GetInterfaceForDevice(rx), 0).GetLocal();
    }

    /// Send one probe packet \p at the given time.
    void SendAt(Time at)
    {
        Simulator::Schedule(at, [this]() {
            m_source->SendTo(Create<Packet>(PAYLOAD), 0, InetSocketAddress(m_destination, PORT));
        });
    }

    /// \return the latencies of the packets received so far.
    const std::vector<Time>& GetLatencies() const
    {
        return m_latencies;
    }

  private:
    void OnTxBegin(Ptr<const Packet> p)
    {
        m_txBegin[p->GetUid()] = Simulator::Now();
    }

    void OnReceive(Ptr<Socket> socket)
    {
        while (Ptr<Packet> p = socket->Recv())
        {
            auto it = m_txBegin.find(p->GetUid());
            ASSERT_NE(it, m_txBegin.end()) << "received a packet that was never transmitted";
            m_latencies.push_back(Simulator::Now() - it->second);
        }
    }

    Ptr<Socket> m_sink;                 //!< receiving socket
    Ptr<Socket> m_source;               //!< sending socket
    Ipv4Address m_destination;          //!< receiver's address on the link
    std::map<uint64_t, Time> m_txBegin; //!< transmission start per packet UID
    std::vector<Time> m_latencies;      //!< measured one-way latencies
};

/// Two nodes with IPv4, joined by one wired link built from \p s.
NetDeviceContainer
BuildLink(const WiredLinkSettings& s)
{
    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper internet;
    internet.Install(nodes);
    WiredLinkHelper helper;
    NetDeviceContainer devices = helper.Install(nodes.Get(0), nodes.Get(1), s);
    Ipv4AddressHelper addresses("10.1.1.0", "255.255.255.0");
    addresses.Assign(devices);
    return devices;
}

/// Send \p count probes each way, 10 ms apart, and return the latencies (A->B, B->A).
std::pair<std::vector<Time>, std::vector<Time>>
MeasureBothWays(const WiredLinkSettings& s, int count)
{
    NetDeviceContainer devices = BuildLink(s);
    LatencyProbe down(devices, true);
    LatencyProbe up(devices, false);
    for (int i = 0; i < count; ++i)
    {
        down.SendAt(Seconds(1.0) + MilliSeconds(100 * i));
        up.SendAt(Seconds(1.05) + MilliSeconds(100 * i));
    }
    Simulator::Run();
    auto result = std::make_pair(down.GetLatencies(), up.GetLatencies());
    Simulator::Destroy();
    return result;
}

/// The DataRate attribute of a device, bit/s.
uint64_t
RateOf(Ptr<NetDevice> device)
{
    DataRateValue rate;
    device->GetAttribute("DataRate", rate);
    return rate.Get().GetBitRate();
}

} // namespace

// 100 km of fibre at 1 Gbit/s with 20 us of receive processing at B: the measured one-way latency
// is 100 x 4.897 us of propagation + 1030 B at 1 Gbit/s (8.24 us) + 20 us = 517.94 us, never below
// the 489.7 us propagation bound, and OneWayDelay predicts it. B->A has no processing at A.
TEST(WiredTest, FiberLatencyMatchesPropagationSerialisationAndProcessing)
{
    WiredLinkSettings s;
    s.profile = "fiber";
    s.rateDown = 1e9;
    s.lengthMetres = 100e3;
    s.processingB = MicroSeconds(20);

    const Time propagationBound = NanoSeconds(489700);
    const Time expectedDown = NanoSeconds(489700 + 8240 + 20000);
    const Time expectedUp = NanoSeconds(489700 + 8240);
    EXPECT_EQ(WiredLinkHelper::PropagationDelay(s), propagationBound);
    EXPECT_LE(
        std::abs(
            (WiredLinkHelper::OneWayDelay(s, BYTES_ON_WIRE, true) - expectedDown).GetNanoSeconds()),
        1);
    EXPECT_LE(
        std::abs(
            (WiredLinkHelper::OneWayDelay(s, BYTES_ON_WIRE, false) - expectedUp).GetNanoSeconds()),
        1);

    const auto [down, up] = MeasureBothWays(s, 5);
    ASSERT_EQ(down.size(), 5u);
    ASSERT_EQ(up.size(), 5u);
    for (const Time& latency : down)
    {
        EXPECT_GE(latency, propagationBound);
        EXPECT_LT(std::abs((latency - expectedDown).GetNanoSeconds()), 1000)
            << "measured " << latency.As(Time::US);
        EXPECT_EQ(latency, WiredLinkHelper::OneWayDelay(s, BYTES_ON_WIRE, true));
    }
    for (const Time& latency : up)
    {
        EXPECT_GE(latency, propagationBound);
        EXPECT_LT(std::abs((latency - expectedUp).GetNanoSeconds()), 1000)
            << "measured " << latency.As(Time::US);
    }
}

// The channel keeps the order and spacing of back-to-back packets: processing delays them but is
// pipelined, so a burst leaves at line rate and arrives at line rate.
TEST(WiredTest, ReceiveProcessingIsPipelined)
{
    WiredLinkSettings s;
    s.profile = "fiber";
    s.rateDown = 1e9;
    s.lengthMetres = 1000;
    s.processingB = MicroSeconds(50);
    NetDeviceContainer devices = BuildLink(s);
    std::vector<Time> arrivals;
    devices.Get(1)->TraceConnectWithoutContext(
        "MacRx",
        MakeCallback(+[](std::vector<Time>* out, Ptr<const Packet>) {
            out->push_back(Simulator::Now());
        }).Bind(&arrivals));
    LatencyProbe probe(devices, true);
    for (int i = 0; i < 3; ++i)
    {
        probe.SendAt(Seconds(1.0)); // all three at once: they queue at the sender
    }
    Simulator::Run();
    Simulator::Destroy();
    ASSERT_EQ(arrivals.size(), 3u);
    // 1030 B at 1 Gbit/s = 8.24 us between arrivals, not 50 us.
    EXPECT_EQ(arrivals[1] - arrivals[0], NanoSeconds(8240));
    EXPECT_EQ(arrivals[2] - arrivals[1], NanoSeconds(8240));
}

// ADSL2+ Annex A: 24 Mbit/s downstream and 1 Mbit/s upstream on a short (600 m) loop, each device
// sending at its own direction's rate, with 8 ms of interleaving each way.
// Down: 8 ms + 1030 B at 24 Mbit/s (343.333 us) + 600 m at 0.67 c (2.987 us) = 8346.320 us.
// Up:   8 ms + 1030 B at 1 Mbit/s (8240 us) + 2.987 us = 16242.987 us.
TEST(WiredTest, AdslRatesArePerDirectionAndInterleavingIsAdded)
{
    WiredLinkSettings s;
    s.profile = "adsl2plus";
    s.lengthMetres = 600;
    const WiredLinkRates rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_DOUBLE_EQ(rates.aToB, 24e6);
    EXPECT_DOUBLE_EQ(rates.bToA, 1e6);
    {
        NetDeviceContainer devices = BuildLink(s);
        EXPECT_EQ(RateOf(devices.Get(0)), 24000000u);
        EXPECT_EQ(RateOf(devices.Get(1)), 1000000u);
        Simulator::Destroy();
    }

    const auto [down, up] = MeasureBothWays(s, 3);
    ASSERT_EQ(down.size(), 3u);
    ASSERT_EQ(up.size(), 3u);
    for (const Time& latency : down)
    {
        EXPECT_NEAR(latency.GetMicroSeconds(), 8346.320, 1.0);
    }
    for (const Time& latency : up)
    {
        EXPECT_NEAR(latency.GetMicroSeconds(), 16242.987, 1.0);
    }

    // The fast path differs only by its latency: 0.5 ms instead of 8 ms each way.
    WiredLinkSettings fast = s;
    fast.profile = "adsl2plus-fastpath";
    const auto [fastDown, fastUp] = MeasureBothWays(fast, 1);
    ASSERT_EQ(fastDown.size(), 1u);
    EXPECT_NEAR(fastDown[0].GetMicroSeconds(), 846.320, 1.0);
    EXPECT_NEAR(fastUp[0].GetMicroSeconds(), 8742.987, 1.0);
}

// Longer loops attain less (ADSL2+ rough guide, 0.4 mm copper): 8 Mbit/s at 10,000 ft, and
// linear interpolation in between: at 4000 m, 8 - 5 x (4000 - 3048) / 1524 Mbit/s.
TEST(WiredTest, AdslRateFallsWithLoopLength)
{
    WiredLinkSettings s;
    s.profile = "adsl2plus";
    s.lengthMetres = 3048;
    WiredLinkRates rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_NEAR(rates.aToB, 8e6, 1.0);
    EXPECT_NEAR(rates.bToA, 1e6, 1.0);
    s.lengthMetres = 4000;
    rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_NEAR(rates.aToB, 4.876640420e6, 1.0);

    // Past the end of the table (17,000 ft) but inside the 5.5 km reach, the user must say
    // what the line syncs at.
    s.lengthMetres = 5300;
    EXPECT_THROW(WiredLinkHelper::EffectiveRates(s), std::invalid_argument);
    s.rateDown = 1e6;
    EXPECT_THROW(WiredLinkHelper::EffectiveRates(s), std::invalid_argument);
    s.rateUp = 0.5e6;
    rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_DOUBLE_EQ(rates.aToB, 1e6);
    EXPECT_DOUBLE_EQ(rates.bToA, 0.5e6);
}

// An ageing router's Fast Ethernet interfaces cap a 1 Gbit/s fibre to 100 Mbit/s both ways, and
// its 100 us forwarding latency is added to what it receives.
TEST(WiredTest, AgeingRouterCapsTheLinkRate)
{
    const EquipmentProfile* ageing = EquipmentProfile::Find("ageing-router");
    ASSERT_NE(ageing, nullptr);
    WiredLinkSettings s;
    s.profile = "fiber";
    s.rateDown = 1e9;
    s.lengthMetres = 10e3;
    s.capA = ageing->capacityCap;
    s.processingA = ageing->processingDelay;
    const WiredLinkRates rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_DOUBLE_EQ(rates.aToB, 100e6);
    EXPECT_DOUBLE_EQ(rates.bToA, 100e6);

    // B->A: 10 km x 4.897 us + 1030 B at 100 Mbit/s (82.4 us) + 100 us = 231.37 us.
    const auto [down, up] = MeasureBothWays(s, 1);
    ASSERT_EQ(up.size(), 1u);
    EXPECT_NEAR(up[0].GetMicroSeconds(), 48.97 + 82.4 + 100.0, 1.0);
    // A->B: no processing at B.
    EXPECT_NEAR(down[0].GetMicroSeconds(), 48.97 + 82.4, 1.0);

    // A modern router has no cap.
    WiredLinkSettings modern = s;
    modern.capA = EquipmentProfile::Find("router")->capacityCap;
    EXPECT_DOUBLE_EQ(WiredLinkHelper::EffectiveRates(modern).aToB, 1e9);
}

// Impossible settings are rejected with std::invalid_argument.
TEST(WiredTest, ImpossibleSettingsAreRejected)
{
    Ptr<Node> a = CreateObject<Node>();
    Ptr<Node> b = CreateObject<Node>();
    WiredLinkHelper helper;

    WiredLinkSettings overReach;
    overReach.profile = "adsl2plus";
    overReach.lengthMetres = 6000; // reach 5.5 km
    EXPECT_THROW(helper.Install(a, b, overReach), std::invalid_argument);
    WiredLinkSettings longPatch;
    longPatch.profile = "ethernet";
    longPatch.rateDown = 1e9;
    longPatch.lengthMetres = 150; // 1000BASE-T reach 100 m
    EXPECT_THROW(helper.Install(a, b, longPatch), std::invalid_argument);

    WiredLinkSettings noRate;
    noRate.profile = "fiber";
    noRate.lengthMetres = 1000;
    EXPECT_THROW(helper.Install(a, b, noRate), std::invalid_argument);

    WiredLinkSettings unknown;
    unknown.profile = "carrier-pigeon";
    unknown.rateDown = 1e6;
    EXPECT_THROW(helper.Install(a, b, unknown), std::invalid_argument);

    WiredLinkSettings tooFast;
    tooFast.profile = "adsl2plus";
    tooFast.lengthMetres = 300;
    tooFast.rateDown = 50e6; // G.992.5 tops out at 24 Mbit/s
    EXPECT_THROW(helper.Install(a, b, tooFast), std::invalid_argument);

    WiredLinkSettings badQueue;
    badQueue.profile = "fiber";
    badQueue.rateDown = 1e9;
    badQueue.queueSize = "lots";
    EXPECT_THROW(helper.Install(a, b, badQueue), std::invalid_argument);

    WiredLinkSettings negative;
    negative.profile = "fiber";
    negative.rateDown = 1e9;
    negative.lengthMetres = -5;
    EXPECT_THROW(helper.Install(a, b, negative), std::invalid_argument);

    // Nothing was half-built.
    EXPECT_EQ(a->GetNDevices(), 0u);
    EXPECT_EQ(b->GetNDevices(), 0u);

    WiredLinkSettings ok;
    ok.profile = "fiber";
    ok.rateDown = 1e9;
    ok.queueSize = "1MB";
    NetDeviceContainer devices = helper.Install(a, b, ok);
    ASSERT_EQ(devices.GetN(), 2u);
    EXPECT_NE(DynamicCast<WiredChannel>(devices.Get(0)->GetChannel()), nullptr);
    Simulator::Destroy();
}

// The catalogues hold the profiles the scenarios name, with the reference's figures.
TEST(WiredTest, CataloguesHoldTheReferenceFigures)
{
    for (const std::string name : {"fiber", "adsl2plus", "adsl2plus-fastpath", "vdsl2", "ethernet"})
    {
        EXPECT_NE(WiredLinkProfile::Find(name), nullptr) << name;
    }
    for (const std::string name :
         {"router", "router-2012", "ageing-router", "switch", "host", "server"})
    {
        EXPECT_NE(EquipmentProfile::Find(name), nullptr) << name;
    }
    EXPECT_EQ(WiredLinkProfile::Find("nothing"), nullptr);
    EXPECT_EQ(EquipmentProfile::Find("nothing"), nullptr);
    const auto names = WiredLinkProfile::Names();
    EXPECT_NE(std::find(names.begin(), names.end(), "vdsl2"), names.end());

    EXPECT_DOUBLE_EQ(WiredLinkProfile::Find("fiber")->propagationDelayPerMetre, 4.897e-9);
    EXPECT_EQ(WiredLinkProfile::Find("adsl2plus")->equipmentLatency, MilliSeconds(8));
    // Router energy per Gbit/s: 1-2 W (2024) against 10 W (2012).
    EXPECT_DOUBLE_EQ(EquipmentProfile::Find("router")->GetPowerPerGbps(), 1.5);
    EXPECT_DOUBLE_EQ(EquipmentProfile::Find("router-2012")->GetPowerPerGbps(), 10.0);
    const EquipmentProfile* router = EquipmentProfile::Find("router");
    EXPECT_GE(router->processingDelay, MicroSeconds(10));
    EXPECT_LE(router->processingDelay, MicroSeconds(50));
    const EquipmentProfile* host = EquipmentProfile::Find("host");
    EXPECT_EQ(host->CreatePowerModel()->GetEnergy(3600, 1e12), 0.0);
    EXPECT_EQ(host->capex, 0.0);
    EXPECT_EQ(host->opexPerYear, 0.0);
}

// VDSL2 17a: 80/20 Mbit/s on short loops; beyond 500 m the user gives the rates; 2 km reach.
TEST(WiredTest, Vdsl2RatesAndReach)
{
    WiredLinkSettings s;
    s.profile = "vdsl2";
    s.lengthMetres = 300;
    WiredLinkRates rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_DOUBLE_EQ(rates.aToB, 80e6);
    EXPECT_DOUBLE_EQ(rates.bToA, 20e6);
    s.lengthMetres = 1200;
    EXPECT_THROW(WiredLinkHelper::EffectiveRates(s), std::invalid_argument);
    s.rateDown = 30e6;
    s.rateUp = 5e6;
    rates = WiredLinkHelper::EffectiveRates(s);
    EXPECT_DOUBLE_EQ(rates.aToB, 30e6);
    EXPECT_DOUBLE_EQ(rates.bToA, 5e6);
    s.lengthMetres = 2500;
    EXPECT_THROW(WiredLinkHelper::EffectiveRates(s), std::invalid_argument);
}
