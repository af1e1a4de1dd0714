/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NR MAC: the TTI grid (TS 38.211 clause 4.3.2, TS 38.213 clause 11.1), PDCP/RLC/MAC framing
 * (TS 38.323 clause 6.2.2.1, TS 38.322 clause 6.2.2.3, TS 38.321 clause 6.1.2), HARQ process
 * book-keeping (TS 38.321 clause 5.3.2), the RR and PF schedulers, and saturated throughput of
 * real IP packets through NrGnbNetDevice/NrUeNetDevice against TBS x TTIs per second computed
 * from TS 38.214 Tables 5.1.3.1-1 and 5.1.3.2-1.
 */

#include "helper/technology/nr/nr-helper.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-error-model.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-harq-entity.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-mac-scheduler-pf.h"
#include "model/nr/nr-mac-scheduler-rr.h"
#include "model/nr/nr-mcs-table.h"
#include "model/nr/nr-peak-rate.h"
#include "model/nr/nr-rx-reassembly.h"
#include "model/nr/nr-tbs.h"
#include "model/nr/nr-tti-grid.h"
#include "model/nr/nr-tx-buffer.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <vector>

using namespace ns3;

namespace
{

/// UDP port of the test sinks.
constexpr uint16_t PORT = 9000;

/// What one test cell looks like.
struct CellConfig
{
    double frequencyHz = 3.5e9;                       //!< carrier frequency
    double bandwidthHz = 20e6;                        //!< carrier bandwidth
    uint8_t mu = 1;                                   //!< numerology
    std::string pattern = "FDD";                      //!< TDD pattern or FDD
    std::vector<double> ueDistances{30.0};            //!< UE ground distances from the gNB, m
    TypeId scheduler = NrMacSchedulerRr::GetTypeId(); //!< scheduler type
    double fixedBler = 0.0;                           //!< FixedBler attribute
    uint32_t queuePackets = 1000;                     //!< buffer limits
    bool los = true;                                  //!< LOS (else NLOS) links
    uint32_t overheadRePerPrb = 0;                    //!< xOverhead (TS 38.214 5.1.3.2)
};

/// One gNB with its UEs, IPv4 on top, in UMa line of sight without shadowing.
struct TestCell
{
    explicit TestCell(const CellConfig& c)
    {
        channel = CreateObject<NrChannel>();
        channel->SetAttribute("Frequency", DoubleValue(c.frequencyHz));
        channel->SetAttribute("Bandwidth", DoubleValue(c.bandwidthHz));
        channel->SetAttribute("Scenario", EnumValue(NrChannel::UMA));
        channel->SetAttribute("ChannelCondition",
                              EnumValue(c.los ? NrChannel::LOS : NrChannel::NLOS));
        channel->SetAttribute("Shadowing", BooleanValue(false));

        gnbNode = CreateObject<Node>();
        ueNodes.Create(c.ueDistances.size());
        MobilityHelper mobility;
        Ptr<ListPositionAllocator> positions = CreateObject<ListPositionAllocator>();
        positions->Add(Vector(0, 0, 25));
        for (std::size_t i = 0; i < c.ueDistances.size(); ++i)
        {
            // Same distance, different bearing: identical radio conditions.
            const double angle = 2 * M_PI * i / c.ueDistances.size();
            positions->Add(Vector(c.ueDistances[i] * std::cos(angle),
                                  c.ueDistances[i] * std::sin(angle),
                                  1.5));
        }
        mobility.SetPositionAllocator(positions);
        mobility.Install(gnbNode);
        mobility.Install(ueNodes);

        NrHelper nr;
        nr.SetGnbAttribute("Mu", UintegerValue(c.mu));
        nr.SetGnbAttribute("TddPattern", StringValue(c.pattern));
        nr.SetGnbAttribute("FixedBler", DoubleValue(c.fixedBler));
        nr.SetGnbAttribute("OverheadRePerPrb", UintegerValue(c.overheadRePerPrb));
        nr.SetGnbAttribute("DlQueueMaxPackets", UintegerValue(c.queuePackets));
        nr.SetUeAttribute("UlQueueMaxPackets", UintegerValue(c.queuePackets));
        nr.SetSchedulerType(c.scheduler);
        NetDeviceContainer gnbDevs = nr.InstallGnb(gnbNode, channel);
        NetDeviceContainer ueDevs = nr.InstallUe(ueNodes, gnbDevs.Get(0));
        gnb = DynamicCast<NrGnbNetDevice>(gnbDevs.Get(0));
        for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
        {
            ues.push_back(DynamicCast<NrUeNetDevice>(ueDevs.Get(i)));
        }
        InternetStackHelper internet;
        internet.Install(gnbNode);
        internet.Install(ueNodes);
        Ipv4AddressHelper ip("10.1.0.0", "255.255.0.0");
        gnbAddress = ip.Assign(gnbDevs).GetAddress(0);
        Ipv4InterfaceContainer ueIfs = ip.Assign(ueDevs);
        for (uint32_t i = 0; i < ueIfs.GetN(); ++i)
        {
            ueAddresses.push_back(ueIfs.GetAddress(i));
        }
        nr.AttachUeAddresses(gnb);
        nr.AssignStreams(gnbDevs, 1);
    }

    Ptr<NrChannel> channel;               //!< the carrier
    Ptr<Node> gnbNode;                    //!< the gNB node
    NodeContainer ueNodes;                //!< the UE nodes
    Ptr<NrGnbNetDevice> gnb;              //!< the gNB device
    std::vector<Ptr<NrUeNetDevice>> ues;  //!< the UE devices
    Ipv4Address gnbAddress;               //!< the gNB's address
    std::vector<Ipv4Address> ueAddresses; //!< the UEs' addresses
};

/// A UDP flow that keeps a device's buffer full: one packet every interval, counted at the sink.
class SaturatingFlow
{
  public:
    /**
     * \param from the sending node.
     * \param to the receiving node.
     * \param destination the receiver's address.
     * \param payload UDP payload per packet, bytes.
     * \param interval time between packets.
     */
    SaturatingFlow(Ptr<Node> from,
                   Ptr<Node> to,
                   Ipv4Address destination,
                   uint32_t payload,
                   Time interval)
        : m_destination(destination),
          m_payload(payload),
          m_interval(interval)
    {
        m_sink = Socket::CreateSocket(to, UdpSocketFactory::GetTypeId());
        m_sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), PORT));
        m_sink->SetRecvCallback(MakeCallback(&SaturatingFlow::OnReceive, this));
        m_source = Socket::CreateSocket(from, UdpSocketFactory::GetTypeId());
    }

    /// Send from \p start until \p stop.
    void Run(Time start, Time stop)
    {
        m_stop = stop;
        Simulator::Schedule(start, &SaturatingFlow::SendOne, this);
    }

    /// \return IP bytes (payload + 28) received in [from, to).
    uint64_t IpBytesIn(Time from, Time to) const
    {
        uint64_t bytes = 0;
        for (const auto& [at, size] : m_received)
        {
            bytes += (at >= from && at < to) ? size + 28 : 0;
        }
        return bytes;
    }

  private:
    void SendOne()
    {
        m_source->SendTo(Create<Packet>(m_payload), 0, InetSocketAddress(m_destination, PORT));
        if (Simulator::Now() + m_interval < m_stop)
        {
            Simulator::Schedule(m_interval, &SaturatingFlow::SendOne, this);
        }
    }

    void OnReceive(Ptr<Socket> socket)
    {
        while (Ptr<Packet> p = socket->Recv())
        {
            m_received.emplace_back(Simulator::Now(), p->GetSize());
        }
    }

    Ptr<Socket> m_sink;                                //!< receiver
    Ptr<Socket> m_source;                              //!< sender
    Ipv4Address m_destination;                         //!< receiver's address
    uint32_t m_payload;                                //!< payload bytes
    Time m_interval;                                   //!< time between packets
    Time m_stop;                                       //!< last send before this
    std::vector<std::pair<Time, uint32_t>> m_received; //!< (time, payload) per packet
};

/// One traced transport block transmission.
struct TbRecord
{
    Time at;         //!< the TTI it was sent in (trace time)
    uint32_t ue;     //!< UE index
    uint8_t mcs;     //!< MCS
    uint32_t prbs;   //!< PRBs
    uint32_t tbs;    //!< size, bits
    uint8_t attempt; //!< HARQ attempt
    bool ok;         //!< decoded
};

/// Collects DlTb or UlTb traces.
class TbLog
{
  public:
    /// Connect to \p source ("DlTb" or "UlTb") of \p gnb.
    TbLog(Ptr<NrGnbNetDevice> gnb, const std::string& source)
    {
        gnb->TraceConnectWithoutContext(source, MakeCallback(&TbLog::OnTb, this));
    }

    /// \return decoded bits of \p ue (any UE if negative) sent in [from, to).
    uint64_t DecodedBits(Time from, Time to, int64_t ue = -1) const
    {
        uint64_t bits = 0;
        for (const auto& r : records)
        {
            if (r.ok && r.at >= from && r.at < to && (ue < 0 || r.ue == ue))
            {
                bits += r.tbs;
            }
        }
        return bits;
    }

    std::vector<TbRecord> records; //!< every transmission, in order

  private:
    void OnTb(uint32_t ue, uint8_t mcs, uint32_t prbs, uint32_t tbs, uint8_t attempt, bool ok)
    {
        records.push_back({Simulator::Now(), ue, mcs, prbs, tbs, attempt, ok});
    }
};

/// TBS of an allocation with the defaults the gNB uses: 12 DM-RS RE/PRB, no xOverhead, 1 layer.
uint32_t
Tbs(uint32_t symbols, uint32_t prbs, uint8_t mcs, NrMcsTableId table = NrMcsTableId::Qam64)
{
    const NrMcsEntry& e = NrGetMcs(table, mcs);
    return NrTransportBlockSize({symbols, 12, 0, e.modulationOrder, e.codeRateX1024, 1, 1.0, prbs});
}

} // namespace

// ------------------------------------------------------------------------------------------
// Building blocks

TEST(NrMacTest, TtiGridFullSlotsFollowTheTddPattern)
{
    // DDDSU at mu = 1 with S = 10D+2G+2U (TS 38.521-4 Table A.1.2-2 FR1.30-2).
    NrTtiGrid grid(1, NrTddPattern::Parse("DDDSU", "10D+2G+2U"), 0);
    NrNumerology num(1);
    EXPECT_EQ(grid.GetTtisPerSlot(), 1u);
    EXPECT_EQ(grid.GetDlSymbols(0), 14u);
    EXPECT_EQ(grid.GetUlSymbols(0), 0u);
    EXPECT_EQ(grid.GetDlSymbols(3), 10u);
    EXPECT_EQ(grid.GetUlSymbols(3), 2u);
    EXPECT_EQ(grid.GetDlSymbols(4), 0u);
    EXPECT_EQ(grid.GetUlSymbols(9), 14u);
    EXPECT_EQ(grid.GetStart(3), MicroSeconds(1500));
    EXPECT_EQ(grid.GetEnd(3), MicroSeconds(2000));
    // Downlink ends after symbol 9, uplink starts at symbol 12 (TS 38.213 clause 11.1 order).
    EXPECT_EQ(grid.GetDlEnd(3), num.GetAbsoluteSymbolEnd(9, 3));
    EXPECT_EQ(grid.GetUlStart(3), num.GetAbsoluteSymbolStart(12, 3));
    EXPECT_EQ(grid.GetLastSymbolStart(3), num.GetAbsoluteSymbolStart(13, 3));
    EXPECT_EQ(grid.GetFirstSymbolEnd(3), num.GetAbsoluteSymbolEnd(0, 3));
    EXPECT_EQ(grid.GetTtiAtOrAfter(MicroSeconds(1500)), 3u);
    EXPECT_EQ(grid.GetTtiAtOrAfter(MicroSeconds(1501)), 4u);
    EXPECT_EQ(grid.GetTtiAtOrAfter(Time(0)), 0u);
    EXPECT_EQ(grid.GetPeriodTtis(), 5u);
}

TEST(NrMacTest, TtiGridMiniSlotsTileTheSlot)
{
    // 2-symbol mini-slots in the special slot: 5 downlink (symbols 0-9), 1 in the guard, 1 uplink.
    NrTtiGrid two(1, NrTddPattern::Parse("DDDSU", "10D+2G+2U"), 2);
    EXPECT_EQ(two.GetTtisPerSlot(), 7u);
    const uint64_t s = 3 * 7;
    for (uint64_t k = 0; k < 5; ++k)
    {
        EXPECT_EQ(two.GetDlSymbols(s + k), 2u) << k;
        EXPECT_EQ(two.GetUlSymbols(s + k), 0u) << k;
    }
    EXPECT_EQ(two.GetDlSymbols(s + 5), 0u);
    EXPECT_EQ(two.GetUlSymbols(s + 5), 0u);
    EXPECT_EQ(two.GetUlSymbols(s + 6), 2u);
    // 4-symbol mini-slots leave the last 2 symbols of a slot unused.
    NrTtiGrid four(2, NrTddPattern::Fdd(), 4);
    NrNumerology num(2);
    EXPECT_EQ(four.GetTtisPerSlot(), 3u);
    EXPECT_EQ(four.GetEnd(2), num.GetAbsoluteSymbolEnd(11, 0));
    EXPECT_EQ(four.GetStart(3), num.GetAbsoluteSymbolStart(0, 1));
    EXPECT_EQ(four.GetTtiAtOrAfter(num.GetAbsoluteSymbolStart(12, 0)), 3u);
    // 7-symbol mini-slots at mu = 2: the second starts after the longer CP of symbol 0.
    NrTtiGrid seven(2, NrTddPattern::Fdd(), 7);
    EXPECT_EQ(seven.GetStart(1), num.GetAbsoluteSymbolStart(7, 0));
    EXPECT_THROW(NrTtiGrid(1, NrTddPattern::Fdd(), 3), std::invalid_argument);
}

TEST(NrMacTest, TxBufferFramesAndSegmentsPackets)
{
    NrTxBuffer buffer(10);
    // A 1000-byte IP packet is a 1002-byte SDU (2-byte PDCP header, TS 38.323 6.2.2.1); sent
    // whole it needs RLC 1 + MAC 3 bytes (L > 255, TS 38.321 6.1.2).
    ASSERT_TRUE(buffer.Enqueue(Create<Packet>(1000), Seconds(0)));
    EXPECT_EQ(buffer.GetPendingBytes(), 1002u + 1 + 3);
    // Not ready yet: nothing to send.
    ASSERT_TRUE(buffer.Enqueue(Create<Packet>(100), Seconds(2)));
    EXPECT_EQ(buffer.GetReadyBytes(Seconds(1)), 1006u);
    EXPECT_EQ(buffer.GetPendingBytes(), 1006u + 102 + 1 + 2);
    // A 500-byte block: first segment with a 2-byte RLC header and a 3-byte MAC subheader.
    std::vector<NrTbSegment> first = buffer.Fill(500, Seconds(1));
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].bytes, 495u);
    EXPECT_EQ(first[0].sduBytes, 1002u);
    // The rest: 507 bytes + 4-byte RLC header (SN + SO) + 3-byte MAC subheader.
    EXPECT_EQ(buffer.GetReadyBytes(Seconds(1)), 507u + 4 + 3);
    std::vector<NrTbSegment> second = buffer.Fill(514, Seconds(1));
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].bytes, 507u);
    // Too little room for a byte of data is padding.
    EXPECT_TRUE(buffer.Fill(4, Seconds(3)).empty());
    std::vector<NrTbSegment> third = buffer.Fill(105, Seconds(3));
    ASSERT_EQ(third.size(), 1u);
    EXPECT_EQ(third[0].bytes, 102u);
    EXPECT_TRUE(buffer.IsEmpty());
    EXPECT_EQ(buffer.GetPendingBytes(), 0u);

    NrRxReassembly rx;
    EXPECT_TRUE(rx.Receive(second).empty());
    EXPECT_EQ(rx.GetPartialSdus(), 1u);
    std::vector<Ptr<Packet>> done = rx.Receive(first);
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0]->GetSize(), 1000u);
    EXPECT_EQ(rx.GetPartialSdus(), 0u);

    // The buffer drops at its limit.
    NrTxBuffer small(1);
    EXPECT_TRUE(small.Enqueue(Create<Packet>(10), Seconds(0)));
    EXPECT_FALSE(small.Enqueue(Create<Packet>(10), Seconds(0)));
}

TEST(NrMacTest, ReassemblyCountsSdusWithLostSegmentsAsLost)
{
    // RLC UM delivers complete SDUs and discards SDUs with a missing segment (TS 38.322 5.2.2.2).
    NrTxBuffer buffer;
    buffer.Enqueue(Create<Packet>(300), Seconds(0));
    buffer.Enqueue(Create<Packet>(50), Seconds(0));
    std::vector<NrTbSegment> a = buffer.Fill(200, Seconds(0));
    std::vector<NrTbSegment> b = buffer.Fill(1000, Seconds(0));
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 2u);
    NrRxReassembly rx;
    rx.Discard(a);
    std::vector<Ptr<Packet>> done = rx.Receive(b);
    ASSERT_EQ(done.size(), 1u); // only the 50-byte packet
    EXPECT_EQ(done[0]->GetSize(), 50u);
    EXPECT_EQ(rx.GetLostSdus(), 1u);
    EXPECT_EQ(rx.GetDeliveredSdus(), 1u);
    EXPECT_EQ(rx.GetPartialSdus(), 0u);
}

TEST(NrMacTest, HarqProcessesRetransmitThenDrop)
{
    // TS 38.321 clause 5.3.2: a process holds its block until ACK or the last transmission.
    NrHarqEntity harq(2, 3);
    NrTransportBlock tb;
    tb.tbsBits = 1000;
    EXPECT_EQ(harq.CountFreeProcesses(Seconds(0)), 2u);
    const uint32_t p = harq.Start(tb, Seconds(0));
    EXPECT_EQ(harq.CountFreeProcesses(Seconds(0)), 1u);
    EXPECT_DOUBLE_EQ(harq.AddTransmission(p, 2.0), 2.0);
    EXPECT_EQ(harq.Conclude(p, false, Seconds(1), Seconds(2)), NrHarqEntity::Outcome::RETRANSMIT);
    EXPECT_TRUE(harq.HasPendingRetransmission());
    std::vector<uint32_t> due;
    harq.GetRetransmissionsDue(Seconds(1.5), due);
    EXPECT_TRUE(due.empty());
    harq.GetRetransmissionsDue(Seconds(2), due);
    ASSERT_EQ(due.size(), 1u);
    harq.MarkScheduled(p);
    // Chase combining adds the SINRs (NrErrorModel::CombineSinr).
    EXPECT_DOUBLE_EQ(harq.AddTransmission(p, 3.0), 5.0);
    EXPECT_EQ(harq.Conclude(p, false, Seconds(3), Seconds(4)), NrHarqEntity::Outcome::RETRANSMIT);
    harq.MarkScheduled(p);
    harq.AddTransmission(p, 1.0);
    EXPECT_EQ(harq.GetTransmissions(p), 3);
    EXPECT_EQ(harq.Conclude(p, false, Seconds(5), Seconds(6)), NrHarqEntity::Outcome::DROPPED);
    EXPECT_FALSE(harq.HasPendingRetransmission());
    // Not reusable before its feedback time.
    EXPECT_EQ(harq.CountFreeProcesses(Seconds(4.9)), 1u);
    EXPECT_EQ(harq.CountFreeProcesses(Seconds(5)), 2u);
}

TEST(NrMacTest, RoundRobinSharesPrbsEquallyInTurn)
{
    // Round robin over PRBs (the discipline of ns-3 RrFfMacScheduler).
    NrMacSchedulerRr rr;
    // Water-filling: the small demand is met, the rest is split.
    std::vector<uint32_t> g = rr.Allocate({{0, 2, 10}, {1, 100, 10}, {2, 100, 10}}, 10, 0);
    EXPECT_EQ(g, (std::vector<uint32_t>{2, 4, 4}));
    // 10 PRBs over 3 UEs: the spare PRB goes round.
    std::vector<uint32_t> total(3, 0);
    for (uint64_t tti = 1; tti <= 3; ++tti)
    {
        g = rr.Allocate({{0, 100, 10}, {1, 100, 1}, {2, 100, 5}}, 10, tti);
        EXPECT_EQ(g[0] + g[1] + g[2], 10u);
        for (int i = 0; i < 3; ++i)
        {
            total[i] += g[i];
        }
    }
    EXPECT_EQ(total, (std::vector<uint32_t>{10, 10, 10}));
    // More UEs than PRBs: one each, in turn.
    g = rr.Allocate({{0, 5, 1}, {1, 5, 1}, {2, 5, 1}}, 2, 4);
    EXPECT_EQ(g[0] + g[1] + g[2], 2u);
}

TEST(NrMacTest, ProportionalFairBalancesRateAgainstHistory)
{
    // Proportional fair metric r/T (Kushner and Whiting 2004; ns-3 PfFfMacScheduler).
    NrMacSchedulerPf pf;
    // Saturated UEs with a 2:1 rate ratio: each gets about half of the TTIs.
    uint32_t wins[2] = {0, 0};
    for (uint64_t tti = 0; tti < 1000; ++tti)
    {
        std::vector<uint32_t> g = pf.Allocate({{0, 50, 20}, {1, 50, 10}}, 50, tti);
        ASSERT_EQ(g[0] + g[1], 50u);
        wins[0] += g[0] == 50;
        wins[1] += g[1] == 50;
    }
    EXPECT_NEAR(wins[0] / 1000.0, 0.5, 0.05);
    EXPECT_NEAR(wins[1] / 1000.0, 0.5, 0.05);
    EXPECT_GT(pf.GetAverageThroughput(0, 1000), pf.GetAverageThroughput(1, 1000));
    // A UE that needs little leaves the rest to the next in order.
    std::vector<uint32_t> g = pf.Allocate({{5, 3, 100}, {6, 50, 1}}, 20, 1000);
    EXPECT_EQ(g, (std::vector<uint32_t>{3, 17}));
}

// ------------------------------------------------------------------------------------------
// Saturated cells: real UDP/IPv4 packets through the devices

TEST(NrMacTest, SaturatedDownlinkTdd100MHzCarriesTbsTimesDlSlots)
{
    // 100 MHz at 30 kHz: 273 PRBs (TS 38.101-1 Table 5.3.2-1); DDDSU, S = 10D+2G+2U. A UE 30 m
    // from the gNB is far above the MCS 28 threshold, so every D slot carries
    // TBS(13 symbols) and every S slot TBS(9 symbols) (one PDCCH symbol each).
    CellConfig c;
    c.bandwidthHz = 100e6;
    c.pattern = "DDDSU";
    TestCell cell(c);
    ASSERT_EQ(cell.gnb->GetPrbs(), 273u);
    TbLog log(cell.gnb, "DlTb");
    // 1400-byte payloads every 20 us: 560 Mbit/s, above the carrier's rate.
    SaturatingFlow flow(cell.gnbNode,
                        cell.ueNodes.Get(0),
                        cell.ueAddresses[0],
                        1400,
                        MicroSeconds(20));
    flow.Run(Seconds(0), MilliSeconds(130));
    Simulator::Stop(MilliSeconds(135));
    Simulator::Run();

    // 40 periods of 2.5 ms after a 10 ms warm-up.
    const Time from = MilliSeconds(10);
    const Time to = MilliSeconds(110);
    const uint64_t perPeriod = 3 * uint64_t(Tbs(13, 273, 28)) + Tbs(9, 273, 28);
    EXPECT_EQ(log.DecodedBits(from, to), 40 * perPeriod);
    for (const auto& r : log.records)
    {
        if (r.at >= from && r.at < to)
        {
            EXPECT_EQ(r.mcs, 28);
            EXPECT_EQ(r.prbs, 273u);
            EXPECT_TRUE(r.ok);
        }
    }
    // One layer and MCS table 1 (the 4-layer 256QAM case of this allocation gives about 1753
    // Mbit/s).
    const double mbps = log.DecodedBits(from, to) / 0.1 / 1e6;
    std::cout << "TDD 100 MHz mu=1 DDDSU, 1 layer, MCS 28: " << mbps << " Mbit/s at the MAC\n";
    // IP bytes delivered: the TBs less PDCP/RLC/MAC headers (under 1 %) and window edges.
    const double ipBits = flow.IpBytesIn(from, to) * 8.0;
    EXPECT_GT(ipBits / log.DecodedBits(from, to), 0.98);
    EXPECT_LT(ipBits / log.DecodedBits(from, to), 1.005);
    EXPECT_EQ(cell.gnb->GetDlStats().retransmissions, 0u);
    Simulator::Destroy();
}

/**
 * Saturated single-UE downlink against the TS 38.306 4.1.2 peak-rate formula, one layer,
 * MCS table 1 (Q_m = 6, R_max = 948/1024). The model spends one PDCCH symbol and 12 DMRS RE per
 * PRB (144 of 168 RE, 14.3 %), close to the formula's FR1 overhead of 14 %; in FR2 the formula
 * assumes 18 %, which the model matches with TS 38.214's xOverhead of 6 RE/PRB (138 of 168,
 * 17.9 %). Each case must agree within 2 %.
 */
TEST(NrMacTest, SaturatedThroughputAgreesWithTs38306PeakRate)
{
    struct Case
    {
        const char* name;
        CellConfig cell;
        uint32_t prbs;
        bool fr2;
        double tddFraction; // DL symbols over all symbols of the pattern
        uint32_t payload;
        Time interval;
    };

    CellConfig fdd;
    fdd.mu = 0; // 20 MHz at 15 kHz: 106 PRB
    CellConfig tdd;
    tdd.bandwidthHz = 100e6; // 100 MHz at 30 kHz: 273 PRB, DDDSU with S = 10D+2G+2U
    tdd.pattern = "DDDSU";
    CellConfig fr2;
    fr2.frequencyHz = 28e9; // 100 MHz at 120 kHz: 66 PRB (TS 38.101-2)
    fr2.bandwidthHz = 100e6;
    fr2.mu = 3;
    fr2.ueDistances = {10.0};
    fr2.overheadRePerPrb = 6;
    const std::vector<Case> cases{
        {"FR1 FDD 20 MHz mu=0", fdd, 106, false, 1.0, 1400, MicroSeconds(100)},
        {"FR1 TDD DDDSU 100 MHz mu=1", tdd, 273, false, 52.0 / 70.0, 1400, MicroSeconds(20)},
        {"FR2 FDD 100 MHz mu=3", fr2, 66, true, 1.0, 1400, MicroSeconds(20)},
    };
    for (const auto& c : cases)
    {
        TestCell cell(c.cell);
        ASSERT_EQ(cell.gnb->GetPrbs(), c.prbs) << c.name;
        TbLog log(cell.gnb, "DlTb");
        SaturatingFlow flow(cell.gnbNode,
                            cell.ueNodes.Get(0),
                            cell.ueAddresses[0],
                            c.payload,
                            c.interval);
        flow.Run(Seconds(0), MilliSeconds(130));
        Simulator::Stop(MilliSeconds(135));
        Simulator::Run();
        const double measured = log.DecodedBits(MilliSeconds(10), MilliSeconds(110)) / 0.1;
        NrPeakRateInput in;
        in.layers = 1;
        in.modulationOrder = 6;
        in.mu = c.cell.mu;
        in.prbs = c.prbs;
        in.fr2 = c.fr2;
        in.downlink = true;
        in.tddFraction = c.tddFraction;
        const double formula = NrPeakRate(in);
        std::cout << c.name << ": model " << measured / 1e6 << " Mbit/s, TS 38.306 "
                  << formula / 1e6 << " Mbit/s\n";
        EXPECT_NEAR(measured / formula, 1.0, 0.02) << c.name;
        Simulator::Destroy();
    }
}

TEST(NrMacTest, SaturatedDownlinkFdd20MHzCarriesTbsEverySlot)
{
    // 20 MHz at 15 kHz: 106 PRBs; FDD: every 1 ms slot carries TBS(13 symbols).
    CellConfig c;
    c.mu = 0;
    TestCell cell(c);
    ASSERT_EQ(cell.gnb->GetPrbs(), 106u);
    TbLog log(cell.gnb, "DlTb");
    SaturatingFlow flow(cell.gnbNode,
                        cell.ueNodes.Get(0),
                        cell.ueAddresses[0],
                        1400,
                        MicroSeconds(100));
    flow.Run(Seconds(0), MilliSeconds(230));
    Simulator::Stop(MilliSeconds(235));
    Simulator::Run();
    const Time from = MilliSeconds(20);
    const Time to = MilliSeconds(220);
    EXPECT_EQ(log.DecodedBits(from, to), 200 * uint64_t(Tbs(13, 106, 28)));
    const double ipBits = flow.IpBytesIn(from, to) * 8.0;
    EXPECT_GT(ipBits / log.DecodedBits(from, to), 0.98);
    EXPECT_LT(ipBits / log.DecodedBits(from, to), 1.01);
    Simulator::Destroy();
}

TEST(NrMacTest, SaturatedUplinkKeepsGrantsFlowingOnBufferReports)
{
    // FDD mu = 1, 20 MHz (51 PRBs): after the first SR, buffer status reports keep a backlogged
    // UE granted every slot (TS 38.321 clause 5.4.5), so the uplink carries TBS(14) per slot.
    CellConfig c;
    TestCell cell(c);
    TbLog log(cell.gnb, "UlTb");
    SaturatingFlow flow(cell.ueNodes.Get(0),
                        cell.gnbNode,
                        cell.gnbAddress,
                        1400,
                        MicroSeconds(100));
    flow.Run(Seconds(0), MilliSeconds(130));
    Simulator::Stop(MilliSeconds(135));
    Simulator::Run();
    const Time from = MilliSeconds(10);
    const Time to = MilliSeconds(110);
    const double ulSinr = cell.channel->GetUlSinr(cell.ues[0]->GetChannelIndex(), 0);
    const uint8_t mcs = NrLinkAdaptation::SinrToMcs(ulSinr, NrMcsTableId::Qam64);
    EXPECT_EQ(mcs, 28);
    EXPECT_EQ(log.DecodedBits(from, to), 200 * uint64_t(Tbs(14, 51, mcs)));
    const double ipBits = flow.IpBytesIn(from, to) * 8.0;
    EXPECT_GT(ipBits / log.DecodedBits(from, to), 0.98);
    EXPECT_LT(ipBits / log.DecodedBits(from, to), 1.01);
    Simulator::Destroy();
}

TEST(NrMacTest, PowerLimitedUplinkGetsOnlyThePrbsItsPowerCanClose)
{
    // A handset 1.5 km from a UMa mast in NLOS: over the whole 100 MHz carrier its uplink SINR is
    // far below MCS 0's 10 % BLER point, so a grant of the whole carrier could never decode.
    // Without power control it concentrates its 23 dBm in the PRBs it gets (SINR ~ 1/PRBs), so
    // the scheduler must cap the grant at the PRBs that keep the SINR at that point or above.
    CellConfig c;
    c.bandwidthHz = 100e6;
    c.los = false;
    c.ueDistances = {1500.0};
    c.scheduler = NrMacSchedulerPf::GetTypeId();
    TestCell cell(c);
    TbLog log(cell.gnb, "UlTb");
    SaturatingFlow flow(cell.ueNodes.Get(0),
                        cell.gnbNode,
                        cell.gnbAddress,
                        1400,
                        MicroSeconds(500));
    flow.Run(Seconds(0), MilliSeconds(230));
    Simulator::Stop(MilliSeconds(235));
    Simulator::Run();
    const double fullCarrierSinr = cell.channel->GetUlSinr(cell.ues[0]->GetChannelIndex(), 0);
    const double mcs0 = NrErrorModel::GetSinrThreshold(NrGetMcs(NrMcsTableId::Qam64, 0));
    ASSERT_LT(fullCarrierSinr, mcs0); // the premise: the whole carrier cannot be closed
    const uint32_t closable = static_cast<uint32_t>(std::floor(273 * fullCarrierSinr / mcs0));
    ASSERT_GE(closable, 1u);
    uint64_t sent = 0;
    uint64_t decoded = 0;
    for (const auto& r : log.records)
    {
        EXPECT_LE(r.prbs, closable);
        ++sent;
        decoded += r.ok ? 1 : 0;
    }
    ASSERT_GT(sent, 20u);
    // Link adaptation aims at 10 % BLER; allow for the draw.
    EXPECT_GT(static_cast<double>(decoded) / sent, 0.8) << decoded << " of " << sent;
    EXPECT_GT(log.DecodedBits(MilliSeconds(10), MilliSeconds(210)), 0u);
    Simulator::Destroy();
}

TEST(NrMacTest, SaturatedUplinkTddMu2GrantsBothUplinkTtisOfThePattern)
{
    // 100 MHz at 60 kHz: 135 PRBs (TS 38.101-1 Table 5.3.2-1); DDDSU with S = 10D+2G+2U, so
    // each 1.25 ms period offers two PUSCH TTIs: the S slot's 2 uplink symbols and the U slot's
    // 14. With N2 = 23 symbols (TS 38.214 Table 6.4-1) the first PUSCH any PDCCH of the period
    // reaches is an S slot, so the U slot is only used if grants may target later reachable
    // TTIs (K2 up to 32 slots, TS 38.214 clause 6.1.2.1). A backlogged UE must get every
    // uplink PRB of both: TBS(14) + TBS(2) per period.
    CellConfig c;
    c.bandwidthHz = 100e6;
    c.mu = 2;
    c.pattern = "DDDSU";
    TestCell cell(c);
    ASSERT_EQ(cell.gnb->GetPrbs(), 135u);
    TbLog log(cell.gnb, "UlTb");
    // 1400-byte payloads every 20 us: 560 Mbit/s, above the carrier's uplink rate.
    SaturatingFlow flow(cell.ueNodes.Get(0), cell.gnbNode, cell.gnbAddress, 1400, MicroSeconds(20));
    flow.Run(Seconds(0), MilliSeconds(130));
    Simulator::Stop(MilliSeconds(135));
    Simulator::Run();
    // 80 periods of 1.25 ms after a 10 ms warm-up.
    const Time from = MilliSeconds(10);
    const Time to = MilliSeconds(110);
    const double ulSinr = cell.channel->GetUlSinr(cell.ues[0]->GetChannelIndex(), 0);
    const uint8_t mcs = NrLinkAdaptation::SinrToMcs(ulSinr, NrMcsTableId::Qam64);
    EXPECT_EQ(mcs, 28);
    const uint64_t perPeriod = uint64_t(Tbs(14, 135, mcs)) + Tbs(2, 135, mcs);
    const uint64_t decoded = log.DecodedBits(from, to);
    std::cout << "UL TDD 100 MHz mu=2 DDDSU, MCS " << +mcs << ": " << decoded / 0.1 / 1e6
              << " Mbit/s at the MAC, expected " << 80 * perPeriod / 0.1 / 1e6 << "\n";
    EXPECT_EQ(decoded, 80 * perPeriod);
    uint32_t uSlotBlocks = 0;
    for (const auto& r : log.records)
    {
        if (r.at >= from && r.at < to)
        {
            EXPECT_EQ(r.prbs, 135u);
            uSlotBlocks += r.tbs == Tbs(14, 135, mcs) ? 1 : 0;
        }
    }
    EXPECT_EQ(uSlotBlocks, 80u);
    const double ipBits = flow.IpBytesIn(from, to) * 8.0;
    EXPECT_GT(ipBits / decoded, 0.98);
    EXPECT_LT(ipBits / decoded, 1.01);
    Simulator::Destroy();
}

TEST(NrMacTest, RoundRobinGivesIdenticalUesEqualThroughput)
{
    // Four saturated UEs at the same distance: round robin gives each the same PRBs, hence
    // the same throughput.
    CellConfig c;
    c.ueDistances = {100, 100, 100, 100};
    TestCell cell(c);
    TbLog log(cell.gnb, "DlTb");
    std::vector<std::unique_ptr<SaturatingFlow>> flows;
    for (uint32_t i = 0; i < 4; ++i)
    {
        flows.push_back(std::make_unique<SaturatingFlow>(cell.gnbNode,
                                                         cell.ueNodes.Get(i),
                                                         cell.ueAddresses[i],
                                                         1400,
                                                         MicroSeconds(80)));
        flows.back()->Run(Seconds(0), MilliSeconds(110));
    }
    Simulator::Stop(MilliSeconds(115));
    Simulator::Run();
    std::vector<double> bits;
    for (uint32_t i = 0; i < 4; ++i)
    {
        bits.push_back(flows[i]->IpBytesIn(MilliSeconds(10), MilliSeconds(110)) * 8.0);
    }
    const auto [lo, hi] = std::minmax_element(bits.begin(), bits.end());
    EXPECT_GT(*lo, 0.0);
    EXPECT_LT(*hi / *lo, 1.03) << "RR throughputs differ by more than 3 %";
    Simulator::Destroy();
}

TEST(NrMacTest, ProportionalFairFavoursTheBetterChannelButServesBoth)
{
    // Two saturated UEs, one near (MCS 28) and one far (NLOS): PF shares time about equally,
    // so the near UE gets more throughput and the far one still a fair share.
    CellConfig c;
    c.ueDistances = {50, 1500};
    c.los = false;
    c.scheduler = NrMacSchedulerPf::GetTypeId();
    TestCell cell(c);
    const uint8_t nearMcs =
        NrLinkAdaptation::SinrToMcs(cell.channel->GetDlSinr(cell.ues[0]->GetChannelIndex(), 0),
                                    NrMcsTableId::Qam64);
    const uint8_t farMcs =
        NrLinkAdaptation::SinrToMcs(cell.channel->GetDlSinr(cell.ues[1]->GetChannelIndex(), 0),
                                    NrMcsTableId::Qam64);
    std::cout << "PF: near MCS " << +nearMcs << ", far MCS " << +farMcs << "\n";
    ASSERT_GT(nearMcs, farMcs + 5u) << "the two UEs must see clearly different channels";
    TbLog log(cell.gnb, "DlTb");
    SaturatingFlow nearFlow(cell.gnbNode,
                            cell.ueNodes.Get(0),
                            cell.ueAddresses[0],
                            1400,
                            MicroSeconds(40));
    SaturatingFlow farFlow(cell.gnbNode,
                           cell.ueNodes.Get(1),
                           cell.ueAddresses[1],
                           1400,
                           MicroSeconds(40));
    nearFlow.Run(Seconds(0), MilliSeconds(210));
    farFlow.Run(Seconds(0), MilliSeconds(210));
    Simulator::Stop(MilliSeconds(215));
    Simulator::Run();
    const Time from = MilliSeconds(10);
    const Time to = MilliSeconds(210);
    const double nearBits = log.DecodedBits(from, to, 0);
    const double farBits = log.DecodedBits(from, to, 1);
    EXPECT_GT(nearBits, 1.5 * farBits);
    // Time-fair: each saturated UE gets about half of the PRB-TTIs.
    double prbTtis[2] = {0, 0};
    for (const auto& r : log.records)
    {
        if (r.at >= from && r.at < to)
        {
            prbTtis[r.ue] += r.prbs;
        }
    }
    const double nearShare = prbTtis[0] / (prbTtis[0] + prbTtis[1]);
    EXPECT_GT(nearShare, 0.35);
    EXPECT_LT(nearShare, 0.65);
    std::cout << "PF: near MCS " << +nearMcs << " " << nearBits / 0.2e6 << " Mbit/s, far MCS "
              << +farMcs << " " << farBits / 0.2e6 << " Mbit/s, near PRB share " << nearShare
              << "\n";
    Simulator::Destroy();
}

TEST(NrMacTest, IdleCellRunsNoTtiEventsAndWakesAlignedToTheSlotGrid)
{
    // No queue, grant or HARQ process: the slot engine stops; an arrival restarts it at the next
    // TTI boundary and it stops again once the block is out.
    CellConfig c;
    TestCell cell(c);
    SaturatingFlow one(cell.gnbNode, cell.ueNodes.Get(0), cell.ueAddresses[0], 100, Seconds(10));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    EXPECT_EQ(cell.gnb->GetTtiEvents(), 0u);
    // One packet, at a time that is not on the slot grid.
    one.Run(MicroSeconds(1234), MicroSeconds(1235));
    Simulator::Stop(Seconds(1));
    Simulator::Run();
    EXPECT_EQ(one.IpBytesIn(Seconds(0), Seconds(3)), 128u);
    // From the next slot boundary to the slot t_BS,tx = Tproc,2/2 (214 us) later: 2 TTIs.
    EXPECT_LE(cell.gnb->GetTtiEvents(), 2u);
    EXPECT_GE(cell.gnb->GetTtiEvents(), 1u);
    Simulator::Destroy();
}
