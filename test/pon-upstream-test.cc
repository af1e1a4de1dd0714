/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PON upstream: latency under status-reporting DBA on the order of the DBA cycle, the
 * cooperative (G.Sup71) mode under 250 us, fixed grants bounded by the frame, saturated
 * throughput equal to the line rate less framing, guard and report overhead computed from the
 * standards' frame structures, queueing delay rising with the ONUs on a split, and scheduling
 * cost growing with the ONUs that have data.
 */

#include "pon-testbed.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;
using namespace ns3::blueprint::test;

namespace
{

/// UDP port of the upstream sinks.
constexpr uint16_t PORT = 9000;

/// A spec of a flavour and DBA policy with a 1 ms DBA cycle.
PonLinkSpec
Spec(const std::string& flavour, const std::string& dba)
{
    PonLinkSpec spec;
    spec.flavour = flavour;
    spec.dba = dba;
    spec.split = 32;
    return spec;
}

/// Run until `stop`, then tear down.
void
RunUntil(Time stop)
{
    Simulator::Stop(stop);
    Simulator::Run();
    Simulator::Destroy();
}

} // namespace

// Status-reporting DBA, GPON, 8 ONUs 5 km out, light traffic (200 B every 2 ms each, Poisson).
// A packet waits for its ONU's next polling slot (once per 1 ms cycle, ~C/2 on average), its
// report waits for the next cycle's map (about C), then the grant: about 1.5 C in all. The mean
// lies between C and 2 C, and no packet waits more than 3 C.
TEST(PonUpstreamTest, StatusReportingLatencyIsOnTheOrderOfTheDbaCycle)
{
    for (const std::string flavour : {"gpon", "xgs-pon", "ge-pon", "10g-epon"})
    {
        auto bed = BuildPonTestbed(Spec(flavour, "status-reporting"), 8, 4.0, 1.0);
        DelayRecorder delays;
        InstallSink(bed->olt, PORT, &delays);
        for (uint32_t i = 0; i < 8; ++i)
        {
            InstallSource(bed->onus.Get(i),
                          bed->OltAddress(),
                          PORT,
                          i + 1,
                          200,
                          MilliSeconds(2),
                          true,
                          MilliSeconds(10),
                          MilliSeconds(510));
        }
        RunUntil(Seconds(0.6));
        ASSERT_GT(delays.delays.size(), 1500u) << flavour;
        const Time cycle = MilliSeconds(1);
        EXPECT_GT(delays.Mean(), cycle) << flavour << ": " << delays.Mean().As(Time::US);
        EXPECT_LT(delays.Mean(), 2 * cycle) << flavour << ": " << delays.Mean().As(Time::US);
        EXPECT_LT(delays.Max(), 3 * cycle) << flavour << ": " << delays.Max().As(Time::US);
    }
}

namespace
{

/// Bytes a sink has received, sampled at two times: the rate between them.
struct RateProbe
{
    Ptr<TimestampSink> sink; //!< the sink
    uint64_t first = 0;      //!< bytes at the first sample
    uint64_t second = 0;     //!< bytes at the second

    /// Sample at `from` and `to`.
    void Schedule(Time from, Time to)
    {
        Simulator::Schedule(from, [this]() { first = sink->GetReceivedBytes(); });
        Simulator::Schedule(to, [this]() { second = sink->GetReceivedBytes(); });
    }
};

/// UDP payload of the saturating packets: IP packets of 1,500 bytes.
constexpr uint32_t SATURATING_PAYLOAD = 1472;

/// Offer 1.3 x `capacityBps` from one ONU and return the payload rate the OLT receives over the
/// 50 ms after a 20 ms warm-up.
double
SaturatedRate(const std::string& flavour, double capacityBps)
{
    auto bed = BuildPonTestbed(Spec(flavour, "status-reporting"), 1, 4.0, 1.0);
    RateProbe probe;
    probe.sink = InstallSink(bed->olt, PORT, nullptr);
    InstallSource(bed->onus.Get(0),
                  bed->OltAddress(),
                  PORT,
                  1,
                  SATURATING_PAYLOAD,
                  Seconds((SATURATING_PAYLOAD + 28) * 8 / (1.3 * capacityBps)),
                  false,
                  Seconds(0),
                  MilliSeconds(80));
    probe.Schedule(MilliSeconds(20), MilliSeconds(70));
    RunUntil(MilliSeconds(90));
    return (probe.second - probe.first) * 8.0 / 0.05;
}

} // namespace

// GPON upstream saturated by one ONU, computed from G.984.3's frame structure: 19,440 bytes per
// 125 us frame; each burst costs 12 bytes of guard, preamble and delimiter (32 + 44 + 20 bits,
// G.984.2 Amd.1), a 3-byte PLOu and a 2-byte DBRu; the polling frame (one in 8 of a 1 ms cycle)
// also holds the ONU's 17-byte polling burst; a 1,500-byte IP packet is a 1,523-byte GEM frame
// (5 + 14 + 1,500 + 4), and each burst resumes a fragmented packet with one more 5-byte GEM
// header. So 12.748 packets a frame: 1.2010 Gbit/s of UDP payload from the 1.24416 Gbit/s line.
TEST(PonUpstreamTest, GponSaturatesAtTheLineRateLessFramingGuardAndReports)
{
    const double frame = 1.24416e9 * 125e-6 / 8; // 19,440
    const double burst = 96 / 8.0 + 3 + 2;       // overhead + PLOu + DBRu = 17
    const double resumedHeader = 5;
    const double perFrame = frame - burst - resumedHeader;
    const double average = (8 * perFrame - burst) / 8; // one polling burst per 8 frames
    const double gem = 5 + 14 + 1500 + 4;
    const double expected = average / gem * SATURATING_PAYLOAD * 8 / 125e-6;
    const double measured = SaturatedRate("gpon", 1.24416e9);
    EXPECT_NEAR(measured, expected, 0.003 * expected) << measured / 1e9 << " Gbit/s";
    EXPECT_NEAR(expected, 1.2010e9, 0.0005e9);
}

// GE-PON saturated by one ONU, from IEEE 802.3's structure: a 1 ms cycle at 1 Gbit/s holds the
// ONU's polling burst and its data burst, each costing laser on + sync + laser off (512 + 832 +
// 512 ns) and an 84-byte REPORT (64-byte MPCPDU + preamble + gap); a 1,500-byte IP packet takes
// 1,538 bytes (8 preamble + 1,518 frame + 12 gap), and EPON does not fragment, so only whole
// frames fit: 80 a cycle, 942.08 Mbit/s of UDP payload.
TEST(PonUpstreamTest, GePonSaturatesAtTheLineRateLessFramingGuardAndReports)
{
    const double cycle = 1e-3;
    const double byteTime = 8 / 1e9;
    const double burst = (512 + 832 + 512) * 1e-9 + 84 * byteTime;
    const double frameTime = (8 + 1518 + 12) * byteTime;
    const double frames = std::floor((cycle - 2 * burst) / frameTime);
    const double expected = frames * SATURATING_PAYLOAD * 8 / cycle;
    EXPECT_DOUBLE_EQ(frames, 80.0);
    const double measured = SaturatedRate("ge-pon", 1e9);
    EXPECT_NEAR(measured, expected, 0.003 * expected) << measured / 1e6 << " Mbit/s";
}

// ITU-T G.Sup71 cooperative DBA for mobile fronthaul/backhaul: the mobile scheduler announces
// that 1,028-byte packets reach ONU 0 every 500 us; the OLT grants each right after it can arrive,
// so its upstream latency is propagation (10 km, 49 us) + overhead + serialisation, under 250 us
// for every packet, while seven other ONUs send status-reported traffic. The same flow under the
// status-reporting DBA waits about 1.5 cycles.
TEST(PonUpstreamTest, CooperativeModeStaysUnder250Microseconds)
{
    for (const std::string dba : {"cooperative", "status-reporting"})
    {
        PonLinkSpec spec = Spec("gpon", dba);
        if (dba == "cooperative")
        {
            spec.cti.push_back({"onu0", MilliSeconds(10), MicroSeconds(500), 1000 + 28, 1, {}});
        }
        auto bed = BuildPonTestbed(spec, 8, 9.0, 1.0);
        DelayRecorder fronthaul;
        InstallSink(bed->olt, PORT, &fronthaul);
        InstallSink(bed->olt, PORT + 1, nullptr);
        InstallSource(bed->onus.Get(0),
                      bed->OltAddress(),
                      PORT,
                      1,
                      1000,
                      MicroSeconds(500),
                      false,
                      MilliSeconds(10),
                      MilliSeconds(210));
        for (uint32_t i = 1; i < 8; ++i)
        {
            InstallSource(bed->onus.Get(i),
                          bed->OltAddress(),
                          PORT + 1,
                          i + 1,
                          400,
                          MicroSeconds(400),
                          true,
                          MilliSeconds(5),
                          MilliSeconds(210));
        }
        RunUntil(MilliSeconds(250));
        ASSERT_EQ(fronthaul.delays.size(), 400u) << dba;
        if (dba == "cooperative")
        {
            EXPECT_LT(fronthaul.Max(), MicroSeconds(250)) << fronthaul.Max().As(Time::US);
            EXPECT_GT(fronthaul.Mean(), MicroSeconds(49)) << "never below propagation";
        }
        else
        {
            EXPECT_GT(fronthaul.Mean(), MilliSeconds(1)) << fronthaul.Mean().As(Time::US);
        }
    }
}

// Fixed grants (T-CONT type 1): 8 ONUs share each 125 us GPON frame equally, 2,415 payload bytes
// each. A packet waits at most one frame for its ONU's standing grant, then its burst and the
// fibre: never more than 125 us + burst + 24.5 us of propagation, whatever the other ONUs do.
TEST(PonUpstreamTest, FixedGrantsBoundLatencyByTheFrame)
{
    auto bed = BuildPonTestbed(Spec("gpon", "fixed"), 8, 4.0, 1.0);
    DelayRecorder delays;
    InstallSink(bed->olt, PORT, &delays);
    InstallSink(bed->olt, PORT + 1, nullptr);
    InstallSource(bed->onus.Get(3),
                  bed->OltAddress(),
                  PORT,
                  1,
                  200,
                  MicroSeconds(730),
                  true,
                  MilliSeconds(1),
                  MilliSeconds(101));
    for (uint32_t i = 0; i < 8; ++i)
    {
        if (i != 3)
        {
            InstallSource(bed->onus.Get(i),
                          bed->OltAddress(),
                          PORT + 1,
                          i + 2,
                          1400,
                          MicroSeconds(100),
                          false,
                          MilliSeconds(1),
                          MilliSeconds(101));
        }
    }
    Ptr<PonUpstreamScheduler> scheduler = bed->Scheduler();
    RunUntil(MilliSeconds(120));
    EXPECT_EQ(scheduler->GetFixedGrantBytes(), static_cast<uint32_t>(19440 / 8 - 12 - 3));
    EXPECT_EQ(scheduler->GetGrantsIssued(), 0u) << "no dynamic grants under fixed allocation";
    ASSERT_GT(delays.delays.size(), 100u);
    const Time bound = MicroSeconds(125) + Seconds(19440 / 8 / 155.52e6) + MicroSeconds(25);
    EXPECT_LT(delays.Max(), bound) << delays.Max().As(Time::US);
}

// More ONUs on a split raise queueing delay: with status reporting, 4, 16 and 32 ONUs each
// offering 31 Mbit/s (123 Mbit/s to about 1 Gbit/s in all) wait longer the more ONUs share the
// tree: more bursts, polls and reports in each frame, and grants queued behind each other. The
// mean rises with every step and the 95th percentile by more than 10 % from 4 to 32 ONUs.
TEST(PonUpstreamTest, MoreOnusOnASplitRaiseQueueingDelay)
{
    std::vector<Time> means;
    std::vector<Time> p95;
    for (uint32_t n : {4u, 16u, 32u})
    {
        auto bed = BuildPonTestbed(Spec("gpon", "status-reporting"), n, 4.0, 1.0);
        DelayRecorder delays;
        InstallSink(bed->olt, PORT, &delays);
        for (uint32_t i = 0; i < n; ++i)
        {
            InstallSource(bed->onus.Get(i),
                          bed->OltAddress(),
                          PORT,
                          i + 1,
                          1000,
                          MicroSeconds(260),
                          true,
                          MilliSeconds(5),
                          MilliSeconds(105));
        }
        RunUntil(MilliSeconds(130));
        ASSERT_GT(delays.delays.size(), 300u * n);
        means.push_back(delays.Mean());
        std::vector<Time> sorted = delays.delays;
        std::sort(sorted.begin(), sorted.end());
        p95.push_back(sorted[sorted.size() * 95 / 100]);
    }
    EXPECT_LT(means[0], means[1]);
    EXPECT_LT(means[1], means[2]);
    EXPECT_GT(p95[2], 1.1 * p95[0]) << p95[0].As(Time::US) << " vs " << p95[2].As(Time::US);
}

// The scheduler's work grows with the ONUs that have data, not with the ONUs on the tree: a
// 1:128 tree where 4 ONUs send costs about the events of a tree of just those 4.
TEST(PonUpstreamTest, SchedulingCostGrowsWithOnusThatHaveData)
{
    std::vector<uint64_t> events;
    for (uint32_t n : {4u, 128u})
    {
        PonLinkSpec spec = Spec("gpon", "status-reporting");
        spec.split = 128;
        auto bed = BuildPonTestbed(spec, n, 3.0, 1.0);
        InstallSink(bed->olt, PORT, nullptr);
        for (uint32_t i = 0; i < 4; ++i)
        {
            InstallSource(bed->onus.Get(i),
                          bed->OltAddress(),
                          PORT,
                          i + 1,
                          500,
                          MicroSeconds(200),
                          true,
                          MilliSeconds(5),
                          MilliSeconds(205));
        }
        Simulator::Stop(MilliSeconds(210));
        Simulator::Run();
        events.push_back(Simulator::GetEventCount());
        Simulator::Destroy();
    }
    EXPECT_LT(static_cast<double>(events[1]), 1.05 * events[0])
        << events[0] << " events with 4 ONUs, " << events[1] << " with 128";
}
