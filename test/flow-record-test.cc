/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/flow-record.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::blueprint;

TEST(FlowRecordTest, EmptyRecord)
{
    FlowRecord record;
    EXPECT_EQ(record.GetTxPackets(), 0u);
    EXPECT_EQ(record.GetRxPackets(), 0u);
    EXPECT_EQ(record.GetLossRatio(), 0.0);
    EXPECT_EQ(record.GetFirstTxTime(), -1.0);
    EXPECT_EQ(record.GetLastRxTime(), -1.0);
    EXPECT_EQ(record.GetJitter(), 0.0);
    EXPECT_EQ(record.GetLatency().GetCount(), 0u);
    EXPECT_EQ(record.GetRtt().GetCount(), 0u);
    EXPECT_EQ(record.GetThroughput(1.0), 0.0);
}

TEST(FlowRecordTest, LossRatioCountsPacketsNeverReceived)
{
    FlowRecord record;
    // Two members, 5 packets each; member 0 loses seq 1 and 4, member 1 loses seq 2.
    for (std::uint64_t seq = 0; seq < 5; ++seq)
    {
        record.RecordTx(0, seq, 100, 1.0 + seq * 0.1);
        record.RecordTx(1, seq, 100, 1.05 + seq * 0.1);
    }
    for (std::uint64_t seq : {0, 2, 3})
    {
        record.RecordRx(0, seq, 100, 1.0 + seq * 0.1, 1.0 + seq * 0.1 + 0.002);
    }
    for (std::uint64_t seq : {0, 1, 3, 4})
    {
        record.RecordRx(1, seq, 100, 1.05 + seq * 0.1, 1.05 + seq * 0.1 + 0.003);
    }
    EXPECT_EQ(record.GetTxPackets(), 10u);
    EXPECT_EQ(record.GetRxPackets(), 7u);
    EXPECT_EQ(record.GetTxBytes(), 1000u);
    EXPECT_EQ(record.GetRxBytes(), 700u);
    EXPECT_DOUBLE_EQ(record.GetLossRatio(), 0.3);
    EXPECT_DOUBLE_EQ(record.GetFirstTxTime(), 1.0);
    EXPECT_DOUBLE_EQ(record.GetLastRxTime(), 1.05 + 0.4 + 0.003);
    EXPECT_EQ(record.GetLatency().GetCount(), 7u);
}

TEST(FlowRecordTest, DuplicatesAreCountedAndOtherwiseIgnored)
{
    FlowRecord record;
    for (std::uint64_t seq = 0; seq < 4; ++seq)
    {
        record.RecordTx(0, seq, 200, seq * 1.0);
    }
    record.RecordRx(0, 0, 200, 0.0, 0.010);
    record.RecordRx(0, 1, 200, 1.0, 1.010);
    // A retransmitted copy of seq 1 arriving much later: must not count, nor enter the delays.
    record.RecordRx(0, 1, 200, 1.0, 1.900);
    record.RecordRx(0, 2, 200, 2.0, 2.010);
    record.RecordRx(0, 2, 200, 2.0, 2.011);
    // The same sequence number of another member is a different packet.
    record.RecordTx(7, 1, 200, 1.0);
    record.RecordRx(7, 1, 200, 1.0, 1.010);

    EXPECT_EQ(record.GetDuplicates(), 2u);
    EXPECT_EQ(record.GetRxPackets(), 4u);
    EXPECT_EQ(record.GetRxBytes(), 800u);
    EXPECT_DOUBLE_EQ(record.GetLossRatio(), 0.2);
    EXPECT_EQ(record.GetLatency().GetCount(), 4u);
    EXPECT_NEAR(record.GetLatency().GetMax(), 0.010, 1e-12);
    EXPECT_DOUBLE_EQ(record.GetLastRxTime(), 2.010);
    // All delays were 10 ms: the duplicates' 900 ms and 11 ms must not show up as jitter.
    EXPECT_NEAR(record.GetJitter(), 0.0, 1e-12);
}

TEST(FlowRecordTest, DuplicateDetectionHandlesLargeAndSparseSequenceNumbers)
{
    FlowRecord record;
    record.RecordRx(3, 1000000, 10, 0.0, 0.001);
    record.RecordRx(3, 63, 10, 0.0, 0.001);
    record.RecordRx(3, 64, 10, 0.0, 0.001);
    record.RecordRx(3, 1000000, 10, 0.0, 0.001);
    record.RecordRx(3, 64, 10, 0.0, 0.001);
    record.RecordRx(3, 65, 10, 0.0, 0.001);
    EXPECT_EQ(record.GetRxPackets(), 4u);
    EXPECT_EQ(record.GetDuplicates(), 2u);
}

TEST(FlowRecordTest, JitterIsMeanAbsoluteDelayDifferencePerMemberInArrivalOrder)
{
    FlowRecord record;
    // Member 0 one-way delays in arrival order: 10, 12, 11, 15 ms (seq 1 overtaken by seq 2).
    // Member 1: 20, 20 ms, interleaved with member 0.
    // Per member in arrival order: |12-10| + |11-12| + |15-11| = 7 ms over 3 pairs, plus
    // |20-20| = 0 over 1 pair: jitter = 7 / 4 = 1.75 ms.
    // (Member 0 in sequence order would give (1 + 1 + 3 + 0) / 4 = 1.25 ms; both members mixed in
    // one arrival stream would give (10 + 8 + 1 + 9 + 5) / 5 = 6.6 ms.)
    record.RecordRx(0, 0, 100, 0.000, 0.010);
    record.RecordRx(1, 0, 100, 0.000, 0.020);
    record.RecordRx(0, 2, 100, 0.200, 0.212);
    record.RecordRx(0, 1, 100, 0.202, 0.213);
    record.RecordRx(1, 1, 100, 0.100, 0.120);
    record.RecordRx(0, 3, 100, 0.300, 0.315);
    EXPECT_NEAR(record.GetJitter(), 1.75e-3, 1e-12);
    EXPECT_NEAR(record.GetLatency().GetMean(), (10 + 12 + 11 + 15 + 20 + 20) * 1e-3 / 6, 1e-12);

    FlowRecord single;
    single.RecordRx(0, 0, 100, 0.0, 0.010);
    EXPECT_EQ(single.GetJitter(), 0.0);
}

TEST(FlowRecordTest, ThroughputIsReceivedBitsOverActiveTime)
{
    FlowRecord record;
    // 1000 packets of 1250 B (10,000 bit) over 10 s: 1 Mbit/s; 100 of them lost: 0.9 Mbit/s.
    for (std::uint64_t seq = 0; seq < 1000; ++seq)
    {
        const double tx = seq * 0.01;
        record.RecordTx(0, seq, 1250, tx);
        if (seq % 10 != 9)
        {
            record.RecordRx(0, seq, 1250, tx, tx + 0.005);
        }
    }
    EXPECT_DOUBLE_EQ(record.GetThroughput(10.0), 900000.0);
    EXPECT_DOUBLE_EQ(record.GetThroughput(5.0), 1800000.0);
    EXPECT_DOUBLE_EQ(record.GetLossRatio(), 0.1);
    EXPECT_THROW(record.GetThroughput(0.0), std::invalid_argument);
    EXPECT_THROW(record.GetThroughput(-1.0), std::invalid_argument);
}

TEST(FlowRecordTest, OnTimePacketsRespectTheDeadline)
{
    // Dyadic times so the delays are exact in binary and the boundary case is exactly 0.25 s.
    FlowRecord record;
    record.SetDeadline(0.25);
    EXPECT_EQ(record.GetDeadline(), 0.25);
    record.RecordRx(0, 0, 100, 1.0, 1.125);  // 0.125 s: on time
    record.RecordRx(0, 1, 100, 2.0, 2.25);   // exactly the deadline: on time
    record.RecordRx(0, 2, 100, 3.0, 3.375);  // 0.375 s: late
    record.RecordRx(0, 3, 100, 4.0, 4.5);    // 0.5 s: late
    record.RecordRx(0, 1, 100, 2.0, 2.0625); // duplicate, ignored even though it is faster
    EXPECT_EQ(record.GetRxPackets(), 4u);
    EXPECT_EQ(record.GetOnTimePackets(), 2u);

    FlowRecord noDeadline;
    noDeadline.SetDeadline(0);
    EXPECT_EQ(noDeadline.GetDeadline(), 0.0);
    noDeadline.RecordRx(0, 0, 100, 1.0, 1.125);
    noDeadline.RecordRx(0, 1, 100, 1.0, 101.0);
    EXPECT_EQ(noDeadline.GetOnTimePackets(), 2u);
}

TEST(FlowRecordTest, RoundTripsGoToTheirOwnDigest)
{
    FlowRecord record;
    record.RecordRtt(0, 0, 0.040);
    record.RecordRtt(1, 0, 0.060);
    EXPECT_EQ(record.GetRtt().GetCount(), 2u);
    EXPECT_DOUBLE_EQ(record.GetRtt().GetMean(), 0.050);
    EXPECT_EQ(record.GetLatency().GetCount(), 0u);
    EXPECT_THROW(record.RecordRtt(0, 1, -0.001), std::invalid_argument);
    EXPECT_EQ(record.GetAnsweredRequests(), 2u);
}

TEST(FlowRecordTest, UnansweredRequestsAreLostAndLateOnTheRoundTrip)
{
    // Ten requests that all reach the server; six responses come back (one of them twice), one
    // after the 0.25 s round-trip deadline. The one-way loss of the requests is 0, but four
    // requests were never answered: the round trip lost 40 %.
    FlowRecord record;
    record.SetRttDeadline(0.25);
    for (std::uint64_t seq = 0; seq < 10; ++seq)
    {
        record.RecordTx(0, seq, 100, seq * 1.0);
        record.RecordRx(0, seq, 100, seq * 1.0, seq * 1.0 + 0.0625);
    }
    for (std::uint64_t seq : {0, 1, 2, 4, 7})
    {
        record.RecordRtt(0, seq, 0.125);
    }
    record.RecordRtt(0, 8, 0.5);   // answered, late
    record.RecordRtt(0, 1, 0.125); // a second response to request 1: ignored
    EXPECT_EQ(record.GetLossRatio(), 0.0);
    EXPECT_EQ(record.GetAnsweredRequests(), 6u);
    EXPECT_EQ(record.GetDuplicates(), 1u);
    EXPECT_DOUBLE_EQ(record.GetRoundTripLossRatio(), 0.4);
    EXPECT_EQ(record.GetRttOnTimeRequests(), 5u);
    EXPECT_EQ(record.GetRtt().GetCount(), 6u);

    FlowRecord silent;
    for (std::uint64_t seq = 0; seq < 3; ++seq)
    {
        silent.RecordTx(0, seq, 100, seq * 1.0);
    }
    EXPECT_EQ(silent.GetRoundTripLossRatio(), 1.0);
    EXPECT_EQ(FlowRecord().GetRoundTripLossRatio(), 0.0);
}

TEST(FlowRecordTest, ThroughputWindowRunsToTheLastReceptionSoASaturatedLinkIsNotExceeded)
{
    // A 1.28 Mbit/s link fed twice that: 10,000-bit packets every 2^-8 s for 7.8125 s, each
    // taking 2^-7 s on the link (binary fractions, so the sums are exact). The queue grows and the
    // last packet arrives at 15.625 s; every packet is delivered. Over the sending time that would
    // be 2.56 Mbit/s, twice the line; over the window to the last reception it is the line rate.
    FlowRecord record;
    double linkFree = 0;
    for (std::uint64_t seq = 0; seq < 2000; ++seq)
    {
        const double tx = seq / 256.0;
        linkFree = std::max(linkFree, tx) + 1 / 128.0;
        record.RecordTx(0, seq, 1250, tx);
        record.RecordRx(0, seq, 1250, tx, linkFree);
    }
    EXPECT_EQ(record.GetLastRxTime(), 15.625);
    EXPECT_EQ(record.GetMeasurementWindow(0.0, 7.8125), 15.625);
    EXPECT_DOUBLE_EQ(record.GetThroughput(record.GetMeasurementWindow(0.0, 7.8125)), 1.28e6);

    // Below the line rate the window is the flow's own: 1 Mbit/s offered, 1 Mbit/s reported.
    FlowRecord light;
    for (std::uint64_t seq = 0; seq < 1000; ++seq)
    {
        const double tx = 2.0 + seq * 0.01;
        light.RecordTx(0, seq, 1250, tx);
        light.RecordRx(0, seq, 1250, tx, tx + 0.004);
    }
    EXPECT_DOUBLE_EQ(light.GetMeasurementWindow(2.0, 12.0), 10.0);
    EXPECT_DOUBLE_EQ(light.GetThroughput(light.GetMeasurementWindow(2.0, 12.0)), 1e6);
    EXPECT_THROW(light.GetMeasurementWindow(3.0, 3.0), std::invalid_argument);
}

TEST(FlowRecordTest, RejectsReceptionBeforeTransmission)
{
    FlowRecord record;
    EXPECT_THROW(record.RecordRx(0, 0, 100, 2.0, 1.0), std::invalid_argument);
    EXPECT_EQ(record.GetRxPackets(), 0u);
    // The rejected packet was not marked received, so its real reception still counts.
    record.RecordRx(0, 0, 100, 1.0, 1.5);
    EXPECT_EQ(record.GetRxPackets(), 1u);
    EXPECT_EQ(record.GetDuplicates(), 0u);
}

TEST(FlowRecordTest, LatencyDigestUsesTheGivenAccuracy)
{
    FlowRecord record(2, 0.01);
    for (std::uint64_t seq = 0; seq < 3; ++seq)
    {
        record.RecordRx(0, seq, 100, 0.0, 0.001 * (seq + 1));
    }
    EXPECT_FALSE(record.GetLatency().IsExact());
    EXPECT_DOUBLE_EQ(record.GetLatency().GetRelativeAccuracy(), 0.01);
}
