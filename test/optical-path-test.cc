/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * All-optical paths carrying real packets: latency is propagation + amplifiers + endpoint
 * processing, jitter stays below 1 us under cross traffic on the same fibres while the IP-routed
 * path's latency and delay variation grow with load, and the NTT APN demonstrations (89 km,
 * about 3,000 km) are reproduced.
 */

#include "model/optical/optical-path-channel.h"
#include "model/traffic/request-response-client.h"
#include "model/traffic/request-response-server.h"
#include "optical-testbed.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <numeric>

using namespace ns3;
using namespace ns3::blueprint;
using namespace ns3::blueprint::test;

namespace
{

/// UDP payload of every probe packet.
constexpr uint32_t PROBE_BYTES = 1000;
/// Its size on a point-to-point wire: payload + UDP 8 + IPv4 20 + PPP 2.
constexpr uint32_t PROBE_ON_WIRE = PROBE_BYTES + 8 + 20 + 2;

/// Peak-to-peak variation of a set of delays.
Time
PeakToPeak(const std::vector<Time>& delays)
{
    const auto [lo, hi] = std::minmax_element(delays.begin(), delays.end());
    return *hi - *lo;
}

/// Mean of a set of delays.
Time
Mean(const std::vector<Time>& delays)
{
    return std::accumulate(delays.begin(), delays.end(), Time(0)) / delays.size();
}

/// Records request-response round-trip times.
struct RttRecorder
{
    std::vector<Time> rtts; //!< in arrival order

    /// RequestResponseClient "Rtt" sink.
    void OnRtt(uint32_t, uint64_t, Time rtt)
    {
        rtts.push_back(rtt);
    }
};

} // namespace

// A lightpath over 100 km + 150 km of fibre (2 + 2 spans, so 4 amplifiers) between two 100G
// transponders: every packet takes 250 km x 4.897 us/km = 1,224.25 us of propagation, 4 x 0.1 us
// of amplifiers, 10 us of framing/FEC/DSP at the ends and 1,030 B at 100 Gbit/s = 82.4 ns of
// serialisation; nothing else, and the same for every packet.
TEST(OpticalPathTest, LightpathLatencyIsPropagationPlusAmplifiersPlusEndpointProcessing)
{
    OpticalNetworkSpec spec = LineSpec({100.0, 150.0});
    auto bed = BuildOpticalTestbed(spec, true, false);
    ASSERT_TRUE(bed->inst.lightpaths[0].IsAllOptical());
    EXPECT_EQ(bed->inst.lightpaths[0].segments[0].amplifiers, 4u);
    DelayRecorder delays;
    InstallSink(bed->byName["S2"], 9000, &delays);
    InstallSource(bed->byName["S0"],
                  bed->AddressOf("S2"),
                  9000,
                  1,
                  PROBE_BYTES,
                  MilliSeconds(1),
                  false,
                  Seconds(0.1),
                  Seconds(0.11));
    Simulator::Stop(Seconds(0.2));
    Simulator::Run();
    Simulator::Destroy();

    const Time expected = NanoSeconds(1224250 + 400 + 10000 + 82);
    ASSERT_EQ(delays.delays.size(), 10u);
    for (const Time& d : delays.delays)
    {
        EXPECT_LE(std::abs((d - expected).GetNanoSeconds()), 1) << d.As(Time::US);
    }
}

// NTT DATA / NTT, UK demo (press release, 12 Apr 2024): over 89 km the APN gave a round-trip
// time of about 0.9 ms (under 1 ms) with delay variation under 0.1 ms. Here 89 km (2 spans) of
// 100G lightpath join two data-centre hosts, HA and HB, at the two sites, and carry
// request-response probes while the sites' routers load a routed 1 Gbit/s link on another
// wavelength of the same fibre to 90 %: RTT = 2 x (435.8 + 0.2 + 10 + serialisation) us.
TEST(OpticalPathTest, ApnDemo89KmGivesAnRttOfAbout09MsWithDelayVariationUnder01Ms)
{
    OpticalNetworkSpec spec = LineSpec({89.0});
    spec.demands[0].fromNode = "HA";
    spec.demands[0].toNode = "HB";
    spec.ipLayer.rate = 1e9;
    auto bed = BuildOpticalTestbed(spec, true, true);
    Ptr<Node> a = bed->byName["HA"];
    Ptr<Node> b = bed->byName["HB"];
    const Ipv4Address bOnLightpath = bed->AddressOf("HB");
    Ptr<RequestResponseServer> server = CreateObject<RequestResponseServer>();
    server->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 7)));
    b->AddApplication(server);
    Ptr<RequestResponseClient> client = CreateObject<RequestResponseClient>();
    client->SetAttribute("Remote", AddressValue(InetSocketAddress(bOnLightpath, 7)));
    client->SetAttribute("Interval", TimeValue(MilliSeconds(2)));
    client->SetStartTime(Seconds(0.01));
    client->SetStopTime(Seconds(0.2));
    a->AddApplication(client);
    RttRecorder rtts;
    client->TraceConnectWithoutContext("Rtt", MakeCallback(&RttRecorder::OnRtt, &rtts));
    // Cross traffic at 90 % of the routed link between the sites' routers.
    InstallSink(bed->byName["S1"], 9001, nullptr);
    Ptr<PeriodicSource> cross = InstallSource(bed->byName["S0"],
                                              bed->AddressOf("S1"),
                                              9001,
                                              2,
                                              PROBE_BYTES,
                                              NanoSeconds(PROBE_ON_WIRE * 8 / 0.9),
                                              true,
                                              Seconds(0.0),
                                              Seconds(0.2));
    Simulator::Stop(Seconds(0.3));
    Simulator::Run();
    Simulator::Destroy();

    ASSERT_GE(rtts.rtts.size(), 90u);
    EXPECT_GT(cross->GetSentPackets(), 20000u) << "the routed link was loaded";
    for (const Time& rtt : rtts.rtts)
    {
        EXPECT_GT(rtt, MicroSeconds(850));
        EXPECT_LT(rtt, MicroSeconds(950)) << "about 0.9 ms";
        EXPECT_LT(rtt, MilliSeconds(1));
    }
    EXPECT_LT(PeakToPeak(rtts.rtts), MicroSeconds(100)) << "delay variation under 0.1 ms";
    EXPECT_LT(PeakToPeak(rtts.rtts), MicroSeconds(1)) << "in fact none: no queue between the ends";
}

// NTT / Chunghwa Telecom (Focus Taiwan, CNA, 30 Aug 2024; Chunghwa Telecom press release, 15 Dec
// 2025): 100 Gbit/s over about 3,000 km between Japan and Taiwan, about 17 ms one way. On a
// submarine-grade line (60 km spans of 0.17 dB/km fibre, 1 dB margin: OSNR 41.7 dB per span, 24.8
// dB after 50 spans) a 100G lightpath needs no regenerator and takes 3,000 x 4.897 us + 50 x 0.1 us
// + 10 us = 14.71 ms. That is the physical floor of "about 3,000 km"; the demo's 17 ms lies 13.5 %
// above it, which the press figures leave unexplained (a longer cable route, or equipment the
// reports do not describe). The model must not exceed the measurement and must lie within 15 % of
// it. On a land-grade line (80 km spans, 22 dB) the same 3,000 km exceeds 100G reach (2,480 km)
// and the result says a regenerator is needed.
TEST(OpticalPathTest, ApnDemo3000KmGivesAbout17MsOneWay)
{
    OpticalNetworkSpec spec = LineSpec({3000.0});
    spec.line.maxSpanKm = 60.0;
    spec.line.attenuationDbPerKm = 0.17;
    spec.line.spanMarginDb = 1.0;
    auto bed = BuildOpticalTestbed(spec, true, false);
    const OpticalLightpath& lp = bed->inst.lightpaths[0];
    ASSERT_TRUE(lp.IsAllOptical()) << "no regenerator on the submarine-grade line";
    EXPECT_EQ(lp.segments[0].amplifiers, 50u);
    DelayRecorder delays;
    InstallSink(bed->byName["S1"], 9000, &delays);
    InstallSource(bed->byName["S0"],
                  bed->AddressOf("S1"),
                  9000,
                  1,
                  PROBE_BYTES,
                  MilliSeconds(5),
                  false,
                  Seconds(0.0),
                  Seconds(0.05));
    Simulator::Stop(Seconds(0.2));
    Simulator::Run();
    Simulator::Destroy();
    ASSERT_EQ(delays.delays.size(), 10u);
    const double oneWayMs = Mean(delays.delays).GetSeconds() * 1e3;
    EXPECT_NEAR(oneWayMs, 3000 * 4.897e-3 + 50 * 1e-4 + 1e-2, 1e-4);
    EXPECT_LE(oneWayMs, 17.0);
    EXPECT_LT(std::abs(oneWayMs - 17.0) / 17.0, 0.15) << oneWayMs << " ms";

    OpticalNetworkSpec land = LineSpec({3000.0});
    land.fibres[0].lengthKm = 1500.0;
    OpticalFibreSpec second = land.fibres[0];
    second.a = "S1";
    second.b = "S2";
    land.fibres.push_back(second);
    land.demands[0].to = "S2";
    OpticalHelper helper;
    const OpticalInstallation inst = helper.Provision(land);
    ASSERT_TRUE(inst.lightpaths[0].established);
    EXPECT_EQ(inst.lightpaths[0].remedy, OpticalReachRemedy::REGENERATOR);
    EXPECT_EQ(inst.lightpaths[0].GetRegeneratorSites().size(), 1u);
    Simulator::Destroy();
}

namespace
{

/// Latencies of probes S0 -> S3 over three 100 km fibres while cross traffic loads the routed
/// S1 -> S2 link (1 Gbit/s) to `load`: over the lightpath (all-optical design) or through the
/// routers (IP-routed design).
std::vector<Time>
ProbeUnderCrossTraffic(bool allOptical, double load)
{
    OpticalNetworkSpec spec = LineSpec({100.0, 100.0, 100.0});
    spec.ipLayer.rate = 1e9;
    spec.ipLayer.queue = "1000p";
    auto bed = BuildOpticalTestbed(spec, allOptical, true);
    DelayRecorder delays;
    InstallSink(bed->byName["S3"], 9000, &delays);
    InstallSource(bed->byName["S0"],
                  bed->AddressOf("S3"),
                  9000,
                  1,
                  PROBE_BYTES,
                  MicroSeconds(200),
                  false,
                  Seconds(0.01),
                  Seconds(0.11));
    if (load > 0.0)
    {
        InstallSink(bed->byName["S2"], 9001, nullptr);
        const Ipv4Address s2 = bed->byName["S2"]->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
        InstallSource(bed->byName["S1"],
                      s2,
                      9001,
                      2,
                      PROBE_BYTES,
                      NanoSeconds(PROBE_ON_WIRE * 8 / load),
                      true,
                      Seconds(0.0),
                      Seconds(0.12));
    }
    Simulator::Stop(Seconds(0.2));
    Simulator::Run();
    Simulator::Destroy();
    return delays.delays;
}

} // namespace

// The all-optical path keeps its latency and a delay variation under 1 us whatever the load on
// the same fibres; the IP-routed path's mean latency and delay variation grow with the load of
// the link it shares (queueing at S1), and its floor is higher (O-E-O and router processing at
// every site).
TEST(OpticalPathTest, LightpathJitterStaysUnderOneMicrosecondWhileTheRoutedPathGrowsWithLoad)
{
    std::vector<Time> opticalMeans;
    std::vector<Time> routedMeans;
    std::vector<Time> routedJitter;
    for (double load : {0.0, 0.5, 0.9})
    {
        const std::vector<Time> optical = ProbeUnderCrossTraffic(true, load);
        const std::vector<Time> routed = ProbeUnderCrossTraffic(false, load);
        ASSERT_EQ(optical.size(), 500u) << "load " << load;
        ASSERT_EQ(routed.size(), 500u) << "load " << load;
        EXPECT_LT(PeakToPeak(optical), MicroSeconds(1)) << "load " << load;
        opticalMeans.push_back(Mean(optical));
        routedMeans.push_back(Mean(routed));
        routedJitter.push_back(PeakToPeak(routed));
    }
    EXPECT_EQ(opticalMeans[0], opticalMeans[2]) << "the lightpath does not see the load";
    EXPECT_LT(opticalMeans[0], routedMeans[0]) << "the routed path adds O-E-O and routers";
    EXPECT_LT(routedMeans[0], routedMeans[1]);
    EXPECT_LT(routedMeans[1], routedMeans[2]);
    EXPECT_LT(routedJitter[0], MicroSeconds(1)) << "no load, no queue";
    EXPECT_LT(routedJitter[0], routedJitter[1]);
    EXPECT_LT(routedJitter[1], routedJitter[2]);
    EXPECT_GT(routedJitter[2], MicroSeconds(10)) << "queueing behind cross traffic";
}

// The lightpath channel's Delay is the documented sum for every segment; a regenerated path adds
// one more transponder pair latency per regenerator.
TEST(OpticalPathTest, RegeneratorAddsOneTransponderPairLatency)
{
    OpticalNetworkSpec spec = LineSpec({150, 150, 150, 150, 150}, "400G");
    spec.channels = 64;
    OpticalHelper helper;
    const OpticalInstallation inst = helper.Provision(spec);
    const OpticalLightpath& lp = inst.lightpaths[0];
    ASSERT_EQ(lp.segments.size(), 2u);
    const OpticalTransponderClass& cls = *OpticalTransponderClass::Find("400G");
    const Time latency = OpticalPathChannel::GetPathLatency(lp, inst.network->GetLineSystem(), cls);
    const Time fibre = Seconds(750 * 4.897e-6);
    const Time amplifiers = 10 * NanoSeconds(100);
    EXPECT_EQ(latency, fibre + amplifiers + 2 * cls.pairLatency);
    Simulator::Destroy();
}
