/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Who is starved (doc/metrics.rst): a group flow's worst member and Jain's fairness index of its
 * members beside the aggregate, since an aggregate over many members can hide one that gets
 * nothing. From a scenario (a phone placed out of the cell's coverage) and from the arithmetic of
 * MemberRecord; and the hop stamps the latency split reads (HopStampTag), on packets cut and
 * joined as TCP and RLC cut and join them.
 */

#include "group-fixtures.h"
#include "model/stats/hop-stamp.h"
#include "model/stats/member-record.h"
#include "scenario-run-support.h"

#include "ns3/simulator.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;
using namespace blueprint_test;

namespace
{

TEST(GroupMembersTest, AMemberOutOfCoverageIsTheWorstAndLowersJainsIndex)
{
    const RunResult r = RunYaml(kOneOutOfCoverage);
    const FlowResult& f = FlowOf(r, "reports");
    ASSERT_TRUE(f.groupMembers);
    const GroupMembers& g = *f.groupMembers;
    EXPECT_EQ(g.sending, 4u);
    ASSERT_TRUE(g.worst);
    EXPECT_EQ(*g.worst, "phones[3]");
    EXPECT_EQ(g.worstLossRatio, 1.0);
    EXPECT_EQ(g.worstThroughputBps, 0.0);
    EXPECT_FALSE(g.worstP99Ms) << "it delivered nothing: no delay, not a zero one";
    // The aggregate hides it: a quarter of the packets lost, spread over the flow.
    EXPECT_NEAR(f.lossRatio, 0.25, 0.02);
    // Three members served in full and one not at all: (1 + 1 + 1 + 0)^2 / (4 x 3) = 3/4.
    ASSERT_TRUE(g.jainIndex);
    EXPECT_LT(*g.jainIndex, 1.0);
    EXPECT_NEAR(*g.jainIndex, 0.75, 0.01);
}

TEST(GroupMembersTest, MembersServedAlikeHaveAFairnessIndexOfOne)
{
    const RunResult r = RunYaml(R"(blueprint: 1
name: served-alike
duration: 0.5s
sites: {town: {position: [0km, 0km]}, dc: {position: [10km, 0km]}}
nodes:
  sensors: {site: town, count: 20, placement: {radius: 2km}}
  gateway: {site: town, equipment: router}
  server: {site: dc, equipment: server}
links:
  field: {between: [gateway, sensors], profile: fiber, rate: 1Gbps}
  uplink: {between: [server, gateway], profile: fiber, rate: 10Gbps}
flows:
  readings: {from: sensors, to: server, traffic: {pattern: periodic, interval: 20ms, size: 100B}}
)");
    const FlowResult& f = FlowOf(r, "readings");
    ASSERT_TRUE(f.groupMembers);
    EXPECT_EQ(f.groupMembers->sending, 20u);
    ASSERT_TRUE(f.groupMembers->jainIndex);
    EXPECT_EQ(*f.groupMembers->jainIndex, 1.0);
    EXPECT_EQ(f.groupMembers->worstLossRatio, 0.0);
    // The worst of equals is the one whose p99 is highest: the farthest from the gateway.
    ASSERT_TRUE(f.groupMembers->worstP99Ms);
    EXPECT_GT(*f.groupMembers->worstP99Ms, 0);
    EXPECT_LE(*f.groupMembers->worstP99Ms, f.latency.max);
}

TEST(GroupMembersTest, AFlowOfOneMemberHasNoGroupFigures)
{
    const RunResult r = RunYaml(R"(blueprint: 1
name: one
duration: 0.2s
sites: {a: {position: [0km, 0km]}, b: {position: [1km, 0km]}}
nodes: {h1: {site: a}, h2: {site: b}}
links: {l: {between: [h1, h2], profile: fiber, rate: 1Gbps}}
flows: {f: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 100B}}}
)");
    EXPECT_FALSE(FlowOf(r, "f").groupMembers);
}

/// A record of `n` paced members that each sent 10 packets and had `delivered[i]` delivered.
MemberRecord
Paced(const std::vector<uint64_t>& delivered)
{
    MemberRecord record;
    for (uint32_t i = 0; i < delivered.size(); ++i)
    {
        for (int k = 0; k < 10; ++k)
        {
            record.RecordTx(i, 100, k * 0.1);
        }
        for (uint64_t k = 0; k < delivered[i]; ++k)
        {
            record.RecordRxBytes(i, 100, k * 0.1 + 0.01);
            record.RecordDelivered(i, 0.01 * (i + 1));
        }
    }
    return record;
}

TEST(MemberRecordTest, OneStarvedMemberOfNGivesAJainIndexOfNMinusOneOverN)
{
    for (uint32_t n : {2u, 4u, 10u})
    {
        std::vector<uint64_t> delivered(n, 10);
        delivered[n / 2] = 0;
        const MemberSummary s = SummariseMembers(Paced(delivered), 1.0, MemberDemand::PACED);
        ASSERT_TRUE(s.jainIndex);
        EXPECT_DOUBLE_EQ(*s.jainIndex, (n - 1.0) / n) << n;
        EXPECT_EQ(s.worst, n / 2);
        EXPECT_EQ(s.worstLossRatio, 1.0);
    }
    // Shares delivered in the ratio 1 : 3 : 5: (1 + 3 + 5)^2 / (3 (1 + 9 + 25)) = 81 / 105.
    EXPECT_NEAR(*SummariseMembers(Paced({1, 3, 5}), 1.0, MemberDemand::PACED).jainIndex,
                81.0 / 105,
                1e-12);
}

TEST(MemberRecordTest, TheWorstIsTheMostLossThenTheHighestP99ThenTheLeastThroughput)
{
    // Equal losses: the member with the longer delays (member 2, 30 ms) is worse.
    MemberSummary s = SummariseMembers(Paced({10, 9, 9}), 1.0, MemberDemand::PACED);
    EXPECT_EQ(s.worst, 2u);
    ASSERT_TRUE(s.worstP99Seconds);
    EXPECT_NEAR(*s.worstP99Seconds, 0.03, 1e-12);
    EXPECT_NEAR(s.worstLossRatio, 0.1, 1e-12);
    EXPECT_NEAR(s.worstThroughputBps, 900 * 8.0, 1e-9);
    // No loss anywhere: the highest p99 decides.
    EXPECT_EQ(SummariseMembers(Paced({10, 10, 10}), 1.0, MemberDemand::PACED).worst, 2u);
}

TEST(MemberRecordTest, GreedyMembersAreComparedByThroughputAndSilentOnesLeftOut)
{
    MemberRecord record;
    // Member 0 moved 3 MB, member 1 1 MB, both lossless; member 2 never sent.
    record.RecordTx(0, 3000000, 0);
    record.RecordRxBytes(0, 3000000, 1);
    record.RecordDelivered(0, 0.5);
    record.RecordTx(1, 1000000, 0);
    record.RecordRxBytes(1, 1000000, 1);
    record.RecordDelivered(1, 0.5);
    record.RecordRxBytes(2, 0, 0);
    const MemberSummary s = SummariseMembers(record, 2.0, MemberDemand::GREEDY);
    EXPECT_EQ(s.offering, 2u);
    EXPECT_EQ(s.worst, 1u);
    EXPECT_DOUBLE_EQ(s.worstThroughputBps, 4e6);
    EXPECT_DOUBLE_EQ(*s.jainIndex, 16.0 / (2 * 10)); // (3 + 1)^2 / (2 (9 + 1))
    // Paced, both got all they sent: fair.
    EXPECT_DOUBLE_EQ(*SummariseMembers(record, 2.0, MemberDemand::PACED).jainIndex, 1.0);
    // Nobody got anything: no index.
    EXPECT_FALSE(SummariseMembers(Paced({0, 0}), 1.0, MemberDemand::PACED).jainIndex);
}

TEST(MemberRecordTest, MergingAddsMemberByMember)
{
    MemberRecord a = Paced({10, 5});
    a.Merge(Paced({0, 5, 10}));
    ASSERT_EQ(a.GetMembers().size(), 3u);
    EXPECT_EQ(a.GetMembers()[0].txPackets, 20u);
    EXPECT_EQ(a.GetMembers()[0].delivered, 10u);
    EXPECT_EQ(a.GetMembers()[1].delivered, 10u);
    EXPECT_EQ(a.GetMembers()[1].delays.GetCount(), 10u);
    EXPECT_EQ(a.GetMembers()[2].rxBytes, 1000u);
}

TEST(MemberRecordTest, MergedPhasesOfAFiniteTransferAddTheirWindowsNotSpanThem)
{
    // Two phases of a timeline, each on its own clock from 0: member 0 moves 1 MB in 2 s in
    // each, member 1 1 MB in 4 s in each. Pooled, each keeps its rate: 4 and 2 Mbit/s.
    MemberRecord pooled;
    for (int phase = 0; phase < 2; ++phase)
    {
        MemberRecord record;
        record.RecordTx(0, 1000000, 0);
        record.RecordRxBytes(0, 1000000, 2);
        record.RecordDelivered(0, 0.1);
        record.RecordTx(1, 1000000, 0);
        record.RecordRxBytes(1, 1000000, 4);
        record.RecordDelivered(1, 0.1);
        pooled.Merge(record);
    }
    EXPECT_DOUBLE_EQ(pooled.GetMembers()[0].FiniteWindow(), 4.0);
    const MemberSummary s = SummariseMembers(pooled, 4.0, MemberDemand::FINITE);
    EXPECT_EQ(s.worst, 1u);
    EXPECT_DOUBLE_EQ(s.worstThroughputBps, 2e6)
        << "2 MB over 8 s, not over the 4 s one phase spans";
    EXPECT_DOUBLE_EQ(*s.jainIndex, 36.0 / (2 * 20)); // (4 + 2)^2 / (2 (16 + 4))
}

TEST(HopStampTest, StampsRideOnBytesAndAddNone)
{
    Ptr<Packet> first = Create<Packet>(100);
    AddHopStamp(first, HopStampTag::IP_SEND, 7);
    EXPECT_EQ(first->GetSize(), 100u);
    Ptr<Packet> second = Create<Packet>(50);
    AddHopStamp(second, HopStampTag::IP_RECEIVE, 9);
    // Joined as TCP's receive buffer and RLC join pieces: the last byte is the second's.
    Ptr<Packet> joined = first->Copy();
    joined->AddAtEnd(second);
    std::vector<HopStampTag> stamps = GetLastByteStamps(joined);
    ASSERT_EQ(stamps.size(), 1u);
    EXPECT_EQ(stamps[0].GetPoint(), HopStampTag::IP_RECEIVE);
    EXPECT_EQ(stamps[0].GetWhere(), 9u);
    // Cut as a TCP segment is cut from a buffer: the fragment keeps the stamps over its bytes.
    stamps = GetLastByteStamps(joined->CreateFragment(0, 100));
    ASSERT_EQ(stamps.size(), 1u);
    EXPECT_EQ(stamps[0].GetWhere(), 7u);
    Simulator::Destroy();
}

TEST(HopStampTest, AResponseCarriesItsRequestsPathThenItsOwnSend)
{
    Ptr<Packet> request = Create<Packet>(100);
    AddHopStamp(request, HopStampTag::IP_SEND, 1);
    AddHopStamp(request, HopStampTag::IP_RECEIVE, 2);
    AddHopStamp(request, HopStampTag::APP_RECEIVE, 5);
    Ptr<Packet> response = Create<Packet>(1000);
    CarryHopStamps(request, response, 5);
    const std::vector<HopStampTag> stamps = GetLastByteStamps(response);
    ASSERT_EQ(stamps.size(), 4u);
    EXPECT_EQ(stamps[0].GetPoint(), HopStampTag::IP_SEND);
    EXPECT_EQ(stamps[2].GetPoint(), HopStampTag::APP_RECEIVE);
    EXPECT_EQ(stamps[3].GetPoint(), HopStampTag::APP_SEND);
    EXPECT_EQ(stamps[3].GetWhere(), 5u);
    Simulator::Destroy();
}

} // namespace
