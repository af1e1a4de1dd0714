/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PON downstream: broadcast on the tree (every ONU sees every byte and keeps its own), latency of
 * serialisation at the TC rate less frame overhead plus propagation, grant messages taking
 * downstream time.
 */

#include "pon-testbed.h"

#include <gtest/gtest.h>

using namespace ns3;
using namespace ns3::blueprint;
using namespace ns3::blueprint::test;

// Three ONUs. A unicast stream to ONU 1 reaches ONU 1's stack only (the others discard it by
// GEM port); a broadcast reaches all three; and every ONU has seen the bytes of both on the fibre.
TEST(PonDownstreamTest, DownstreamIsBroadcastEveryOnuSeesItAndKeepsItsOwn)
{
    PonLinkSpec spec;
    auto bed = BuildPonTestbed(spec, 3, 2.0, 0.5);
    std::vector<Ptr<TimestampSink>> unicast;
    std::vector<Ptr<TimestampSink>> broadcast;
    for (uint32_t i = 0; i < 3; ++i)
    {
        unicast.push_back(InstallSink(bed->onus.Get(i), 9000, nullptr));
        broadcast.push_back(InstallSink(bed->onus.Get(i), 9001, nullptr));
    }
    InstallSource(bed->olt,
                  bed->OnuAddress(1),
                  9000,
                  1,
                  500,
                  MilliSeconds(1),
                  false,
                  MilliSeconds(1),
                  MilliSeconds(11));
    Ptr<Ipv4> ipv4 = bed->olt->GetObject<Ipv4>();
    const Ipv4Address subnetBroadcast = ipv4->GetAddress(1, 0).GetBroadcast();
    // A broadcast needs a socket allowed to send one (SO_BROADCAST).
    Ptr<Socket> socket = Socket::CreateSocket(bed->olt, UdpSocketFactory::GetTypeId());
    socket->SetAllowBroadcast(true);
    for (int i = 0; i < 5; ++i)
    {
        Simulator::Schedule(MilliSeconds(1 + 2 * i), [socket, subnetBroadcast]() {
            TimestampHeader header;
            Ptr<Packet> packet = Create<Packet>(300 - TimestampHeader::SERIALIZED_SIZE);
            packet->AddHeader(header);
            socket->SendTo(packet, 0, InetSocketAddress(subnetBroadcast, 9001));
        });
    }
    Ptr<PonChannel> channel = bed->inst.channel;
    Simulator::Stop(MilliSeconds(20));
    Simulator::Run();
    EXPECT_EQ(unicast[0]->GetReceivedPackets(), 0u);
    EXPECT_EQ(unicast[1]->GetReceivedPackets(), 10u);
    EXPECT_EQ(unicast[2]->GetReceivedPackets(), 0u);
    for (uint32_t i = 0; i < 3; ++i)
    {
        EXPECT_EQ(broadcast[i]->GetReceivedPackets(), 5u) << "ONU " << i;
    }
    // GEM frames: 5 + 14 + (500 + 28) + 4 and 5 + 14 + (300 + 28) + 4 bytes.
    EXPECT_EQ(channel->GetDownstreamBytesSeen(), 10u * 551 + 5u * 351);
    Simulator::Destroy();
}

// A lone GPON downstream packet takes its GEM frame at 2.48832 Gbit/s less the 30-byte PCBd of
// every 38,880-byte frame (and the standing polling allocations' BWmap entries), then the fibre:
// a 1,028-byte IP packet (1,051 bytes in GEM) 6 km out arrives 3.38 us + 29.38 us after it is
// sent.
TEST(PonDownstreamTest, DownstreamLatencyIsSerialisationPlusPropagation)
{
    PonLinkSpec spec;
    auto bed = BuildPonTestbed(spec, 2, 5.0, 1.0);
    DelayRecorder delays;
    InstallSink(bed->onus.Get(1), 9000, &delays);
    InstallSource(bed->olt,
                  bed->OnuAddress(1),
                  9000,
                  1,
                  1000,
                  MilliSeconds(1),
                  false,
                  MilliSeconds(1),
                  MilliSeconds(6));
    Simulator::Stop(MilliSeconds(10));
    Simulator::Run();
    Simulator::Destroy();
    // Standing allocations: 2 polls a 1 ms cycle (8 frames), 8 bytes each, per 38,880-byte frame.
    const double standing = 2.0 / 8 * 8 / 38880;
    const double rate = 2.48832e9 / 8 * (1 - 30.0 / 38880) * (1 - standing);
    const Time expected = Seconds(1051 / rate) + Seconds(6 * 4.897e-6);
    ASSERT_EQ(delays.delays.size(), 5u);
    for (const Time& d : delays.delays)
    {
        EXPECT_LE(std::abs((d - expected).GetNanoSeconds()), 1) << d.As(Time::US);
    }
}
