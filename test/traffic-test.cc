/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/bulk-source.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/request-response-client.h"
#include "model/traffic/request-response-server.h"
#include "model/traffic/timestamp-chunk-reassembler.h"
#include "model/traffic/timestamp-echo-header.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamp-sink.h"
#include "model/traffic/video-source.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>
#include <map>
#include <numeric>
#include <set>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// PPP (2) + IPv4 (20) + UDP (8) bytes added to an application payload on a point-to-point link.
constexpr uint32_t UDP_PPP_OVERHEAD = 2 + 20 + 8;

/// Two nodes joined by one point-to-point link, addressed and routed.
struct TwoNodes
{
    NodeContainer nodes;              //!< node 0 sends, node 1 receives
    Ipv4InterfaceContainer addresses; //!< one address per node
};

/**
 * Build node 0 -- node 1 over a PointToPointHelper link.
 * \param rate the link rate, e.g. "10Mbps".
 * \param delay the propagation delay, e.g. "5ms".
 * \return the nodes and their addresses.
 */
TwoNodes
BuildLink(const std::string& rate, const std::string& delay)
{
    // Addresses are allocated globally per process; start every test from a clean allocator.
    Ipv4AddressGenerator::Reset();
    TwoNodes net;
    net.nodes.Create(2);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(rate));
    p2p.SetChannelAttribute("Delay", StringValue(delay));
    NetDeviceContainer devices = p2p.Install(net.nodes);
    InternetStackHelper internet;
    internet.Install(net.nodes);
    Ipv4AddressHelper ipv4;
    ipv4.SetBase("10.1.1.0", "255.255.255.0");
    net.addresses = ipv4.Assign(devices);
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    return net;
}

/// Serialisation time of \p bytes on a link of \p bitsPerSecond, as PointToPointNetDevice uses.
Time
TxTime(uint32_t bytes, double bitsPerSecond)
{
    return Seconds(bytes * 8.0 / bitsPerSecond);
}

/// One packet seen by a trace.
struct Seen
{
    TimestampHeader header; //!< its header
    uint32_t bytes;         //!< its size
    Time delay;             //!< one-way delay (receive traces only)
    Time at;                //!< simulation time of the trace
};

/// Collects "Tx" and "Rx" traces.
struct Recorder
{
    std::vector<Seen> tx; //!< sent packets
    std::vector<Seen> rx; //!< received packets

    /**
     * \param source an application with a "Tx" trace of TimestampHeader::TxTracedCallback type.
     */
    void WatchTx(Ptr<Application> source)
    {
        source->TraceConnectWithoutContext(
            "Tx",
            Callback<void, const TimestampHeader&, uint32_t>(
                [this](const TimestampHeader& header, uint32_t bytes) {
                    tx.push_back({header, bytes, Time(0), Simulator::Now()});
                }));
    }

    /**
     * \param sink an application with an "Rx" trace of TimestampHeader::RxTracedCallback type.
     */
    void WatchRx(Ptr<Application> sink)
    {
        sink->TraceConnectWithoutContext(
            "Rx",
            Callback<void, const TimestampHeader&, uint32_t, Time>(
                [this](const TimestampHeader& header, uint32_t bytes, Time delay) {
                    rx.push_back({header, bytes, delay, Simulator::Now()});
                }));
    }
};

/**
 * Install a UDP TimestampSink on \p node listening on \p port.
 */
Ptr<TimestampSink>
InstallSink(Ptr<Node> node, uint16_t port, TypeId protocol)
{
    Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
    sink->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
    sink->SetAttribute("Protocol", TypeIdValue(protocol));
    node->AddApplication(sink);
    return sink;
}

/**
 * The transmit instants of an exponential periodic source started at 1 s with the given run
 * number. The source's stream is fixed: automatically numbered streams keep counting across the
 * simulations of one process, so only a fixed stream makes two simulations comparable.
 */
std::vector<Time>
ExponentialTxTimes(uint32_t run, Time interval, Time duration)
{
    RngSeedManager::SetRun(run);
    TwoNodes net = BuildLink("100Mbps", "1ms");
    Ptr<TimestampSink> sink = InstallSink(net.nodes.Get(1), 9, UdpSocketFactory::GetTypeId());
    Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
    source->SetAttribute("Remote", AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 9)));
    source->SetAttribute("Interval", TimeValue(interval));
    source->SetAttribute("PacketSize", UintegerValue(64));
    source->SetAttribute("Distribution", StringValue("Exponential"));
    source->AssignStreams(5);
    net.nodes.Get(0)->AddApplication(source);
    source->SetStartTime(Seconds(1));
    source->SetStopTime(Seconds(1) + duration);
    Recorder recorder;
    recorder.WatchTx(source);
    Simulator::Stop(Seconds(2) + duration);
    Simulator::Run();
    std::vector<Time> times;
    for (const auto& seen : recorder.tx)
    {
        times.push_back(seen.at);
    }
    Simulator::Destroy();
    return times;
}

} // namespace

TEST(TrafficTest, TimestampHeaderRoundTrip)
{
    TimestampHeader header;
    header.SetFlowId(7);
    header.SetMemberId(0xdeadbeef);
    header.SetSeq(0x0123456789abcdefULL);
    header.SetTxTime(NanoSeconds(1234567890123LL));
    header.SetSize(1400);
    EXPECT_EQ(header.GetSerializedSize(), 28u);

    Ptr<Packet> packet = Create<Packet>(1400 - 28);
    packet->AddHeader(header);
    EXPECT_EQ(packet->GetSize(), 1400u);
    TimestampHeader read;
    EXPECT_EQ(packet->RemoveHeader(read), 28u);
    EXPECT_EQ(read.GetFlowId(), 7u);
    EXPECT_EQ(read.GetMemberId(), 0xdeadbeefu);
    EXPECT_EQ(read.GetSeq(), 0x0123456789abcdefULL);
    EXPECT_EQ(read.GetTxTime(), NanoSeconds(1234567890123LL));
    EXPECT_EQ(read.GetSize(), 1400u);

    TimestampEchoHeader echo;
    echo.SetRequestTxTime(NanoSeconds(987654321));
    Ptr<Packet> response = Create<Packet>(0);
    response->AddHeader(echo);
    EXPECT_EQ(response->GetSize(), 8u);
    TimestampEchoHeader echoRead;
    response->RemoveHeader(echoRead);
    EXPECT_EQ(echoRead.GetRequestTxTime(), NanoSeconds(987654321));
}

TEST(TrafficTest, ReassemblerCutsStreamAtChunkBoundaries)
{
    // Five chunks written back to back, then read in pieces that ignore their boundaries.
    const std::vector<uint32_t> sizes = {28, 100, 1400, 57, 300};
    Ptr<Packet> stream = Create<Packet>();
    for (uint32_t i = 0; i < sizes.size(); ++i)
    {
        TimestampHeader header;
        header.SetSeq(i);
        header.SetSize(sizes[i]);
        Ptr<Packet> chunk = Create<Packet>(sizes[i] - 28);
        chunk->AddHeader(header);
        stream->AddAtEnd(chunk);
    }
    const uint32_t total = stream->GetSize();
    ASSERT_EQ(total, std::accumulate(sizes.begin(), sizes.end(), 0u));

    TimestampChunkReassembler reassembler;
    std::vector<Ptr<Packet>> chunks;
    const std::vector<uint32_t> reads = {1, 26, 2, 99, 500, 1000, 10};
    uint32_t offset = 0;
    for (uint32_t i = 0; offset < total; ++i)
    {
        const uint32_t length = std::min(reads[i % reads.size()], total - offset);
        reassembler.Append(stream->CreateFragment(offset, length));
        offset += length;
        while (Ptr<Packet> chunk = reassembler.PopChunk())
        {
            chunks.push_back(chunk);
        }
    }
    ASSERT_EQ(chunks.size(), sizes.size());
    for (uint32_t i = 0; i < sizes.size(); ++i)
    {
        TimestampHeader header;
        chunks[i]->PeekHeader(header);
        EXPECT_EQ(header.GetSeq(), i);
        EXPECT_EQ(chunks[i]->GetSize(), sizes[i]);
    }
    EXPECT_EQ(reassembler.GetBufferedBytes(), 0u);
    EXPECT_EQ(reassembler.PopChunk(), nullptr);
}

TEST(TrafficTest, PeriodicUdpExactCountAndDelays)
{
    const double rate = 10e6;
    const uint32_t size = 200;
    TwoNodes net = BuildLink("10Mbps", "5ms");
    Ptr<TimestampSink> sink = InstallSink(net.nodes.Get(1), 9, UdpSocketFactory::GetTypeId());
    Recorder recorder;
    recorder.WatchRx(sink);

    // Two members of one flow share the sink's port, offset by half an interval so their packets
    // never queue behind each other.
    std::vector<Ptr<PeriodicSource>> sources;
    for (uint32_t member = 0; member < 2; ++member)
    {
        Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
        source->SetAttribute("Remote",
                             AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 9)));
        source->SetAttribute("Interval", TimeValue(MilliSeconds(10)));
        source->SetAttribute("PacketSize", UintegerValue(size));
        source->SetAttribute("FlowId", UintegerValue(3));
        source->SetAttribute("MemberId", UintegerValue(member));
        net.nodes.Get(0)->AddApplication(source);
        // The window [start, start + 1 s) holds exactly 100 instants 10 ms apart.
        source->SetStartTime(Seconds(1) + MilliSeconds(5 * member));
        source->SetStopTime(Seconds(2) + MilliSeconds(5 * member));
        recorder.WatchTx(source);
        sources.push_back(source);
    }
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    const Time expectedDelay = MilliSeconds(5) + TxTime(size + UDP_PPP_OVERHEAD, rate);
    EXPECT_EQ(expectedDelay, MicroSeconds(5184));
    EXPECT_EQ(sources[0]->GetSentPackets(), 100u);
    EXPECT_EQ(sources[1]->GetSentPackets(), 100u);
    EXPECT_EQ(recorder.tx.size(), 200u);
    ASSERT_EQ(recorder.rx.size(), 200u);
    EXPECT_EQ(sink->GetReceivedPackets(), 200u);
    EXPECT_EQ(sink->GetReceivedBytes(), 200u * size);
    std::vector<uint64_t> nextSeq(2, 0);
    for (const auto& seen : recorder.rx)
    {
        EXPECT_EQ(seen.header.GetFlowId(), 3u);
        ASSERT_LT(seen.header.GetMemberId(), 2u);
        EXPECT_EQ(seen.header.GetSeq(), nextSeq[seen.header.GetMemberId()]++);
        EXPECT_EQ(seen.bytes, size);
        EXPECT_EQ(seen.header.GetSize(), size);
        EXPECT_LE(std::abs((seen.delay - expectedDelay).GetNanoSeconds()), 1);
        EXPECT_EQ(seen.header.GetTxTime() + seen.delay, seen.at);
    }
    EXPECT_EQ(nextSeq[0], 100u);
    EXPECT_EQ(nextSeq[1], 100u);
    // First packet at the start instant, then exactly every interval.
    for (const auto& seen : recorder.tx)
    {
        const uint32_t member = seen.header.GetMemberId();
        EXPECT_EQ(seen.at,
                  Seconds(1) + MilliSeconds(5 * member) +
                      MilliSeconds(10) * static_cast<int64_t>(seen.header.GetSeq()));
        EXPECT_EQ(seen.header.GetTxTime(), seen.at);
    }
    Simulator::Destroy();
}

TEST(TrafficTest, VideoConstantFramesBurstIntoPackets)
{
    // 2810 = 2 x 1400 + 10: the 10-byte remainder borrows 18 bytes to make a whole header.
    const uint32_t frameSize = 2810;
    const double fps = 25;
    TwoNodes net = BuildLink("10Mbps", "2ms");
    Ptr<TimestampSink> sink = InstallSink(net.nodes.Get(1), 5000, UdpSocketFactory::GetTypeId());
    Ptr<VideoSource> video = CreateObject<VideoSource>();
    video->SetAttribute("Remote",
                        AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 5000)));
    video->SetAttribute("FrameRate", DoubleValue(fps));
    video->SetAttribute("MeanFrameSize", UintegerValue(frameSize));
    video->SetAttribute("FrameSizeVariation", DoubleValue(0.0));
    video->SetAttribute("MaxPacketSize", UintegerValue(1400));
    net.nodes.Get(0)->AddApplication(video);
    video->SetStartTime(Seconds(1));
    video->SetStopTime(Seconds(3));
    Recorder recorder;
    recorder.WatchTx(video);
    recorder.WatchRx(sink);
    Simulator::Stop(Seconds(4));
    Simulator::Run();

    // Frames at 1 s + k * 40 ms for k = 0..49.
    EXPECT_EQ(video->GetSentFrames(), 50u);
    std::map<int64_t, std::vector<uint32_t>> frames;
    for (const auto& seen : recorder.tx)
    {
        frames[seen.at.GetNanoSeconds()].push_back(seen.bytes);
    }
    ASSERT_EQ(frames.size(), 50u);
    int64_t k = 0;
    for (const auto& [at, packets] : frames)
    {
        EXPECT_EQ(at, (Seconds(1) + MilliSeconds(40 * k++)).GetNanoSeconds());
        EXPECT_EQ(packets, (std::vector<uint32_t>{1400, 1382, 28}));
    }
    EXPECT_EQ(sink->GetReceivedPackets(), 150u);
    EXPECT_EQ(sink->GetReceivedBytes(), 50u * frameSize);
    EXPECT_DOUBLE_EQ(sink->GetReceivedBytes() / 2.0, fps * frameSize);
    for (const auto& seen : recorder.rx)
    {
        EXPECT_GE(seen.delay, MilliSeconds(2));
    }
    Simulator::Destroy();
}

TEST(TrafficTest, VideoVariableFramesKeepMeanRate)
{
    struct Case
    {
        std::string distribution; //!< FrameSizeDistribution name
        double fps;               //!< frame rate
        uint32_t meanSize;        //!< mean frame size
        double variation;         //!< coefficient of variation
        double tolerance;         //!< allowed relative error of the byte rate
    };

    // Tolerances are about 4 standard errors of the mean frame size over the frames sent.
    for (const Case& c : {Case{"TruncatedNormal", 30, 20000, 0.105, 0.02},
                          Case{"LogNormal", 100, 5000, 0.5, 0.045}})
    {
        SCOPED_TRACE(c.distribution);
        const double seconds = 20;
        TwoNodes net = BuildLink("100Mbps", "1ms");
        Ptr<TimestampSink> sink =
            InstallSink(net.nodes.Get(1), 5000, UdpSocketFactory::GetTypeId());
        Ptr<VideoSource> video = CreateObject<VideoSource>();
        video->SetAttribute("Remote",
                            AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 5000)));
        video->SetAttribute("FrameRate", DoubleValue(c.fps));
        video->SetAttribute("MeanFrameSize", UintegerValue(c.meanSize));
        video->SetAttribute("FrameSizeVariation", DoubleValue(c.variation));
        video->SetAttribute("FrameSizeDistribution", StringValue(c.distribution));
        video->AssignStreams(10);
        net.nodes.Get(0)->AddApplication(video);
        video->SetStartTime(Seconds(1));
        video->SetStopTime(Seconds(1 + seconds));
        Recorder recorder;
        recorder.WatchTx(video);
        Simulator::Stop(Seconds(2 + seconds));
        Simulator::Run();

        const uint64_t frameCount = video->GetSentFrames();
        EXPECT_EQ(frameCount, static_cast<uint64_t>(c.fps * seconds));
        std::map<int64_t, std::vector<uint32_t>> frames;
        for (const auto& seen : recorder.tx)
        {
            frames[seen.at.GetNanoSeconds()].push_back(seen.bytes);
        }
        ASSERT_EQ(frames.size(), frameCount);
        std::vector<double> frameBytes;
        for (const auto& [at, packets] : frames)
        {
            const uint32_t bytes = std::accumulate(packets.begin(), packets.end(), 0u);
            frameBytes.push_back(bytes);
            EXPECT_EQ(packets.size(), (bytes + 1399) / 1400);
            for (uint32_t packet : packets)
            {
                EXPECT_GE(packet, 28u);
                EXPECT_LE(packet, 1400u);
            }
            if (c.distribution == "TruncatedNormal")
            {
                EXPECT_GE(bytes, c.meanSize / 2);
                EXPECT_LE(bytes, c.meanSize * 3 / 2);
            }
        }
        // Everything sent arrives on an uncongested link, at fps x mean bytes per second.
        EXPECT_EQ(sink->GetReceivedBytes(), video->GetSentBytes());
        const double bytesPerSecond = sink->GetReceivedBytes() / seconds;
        EXPECT_NEAR(bytesPerSecond / (c.fps * c.meanSize), 1.0, c.tolerance);
        // The spread of frame sizes follows the requested coefficient of variation.
        const double mean =
            std::accumulate(frameBytes.begin(), frameBytes.end(), 0.0) / frameBytes.size();
        double sumSquares = 0;
        for (double bytes : frameBytes)
        {
            sumSquares += (bytes - mean) * (bytes - mean);
        }
        const double cv = std::sqrt(sumSquares / (frameBytes.size() - 1)) / mean;
        EXPECT_NEAR(cv / c.variation, 1.0, 0.15);
        Simulator::Destroy();
    }
}

TEST(TrafficTest, BulkTcpDeliversTotalBytesExactly)
{
    const Time propagation = MilliSeconds(5);
    TwoNodes net = BuildLink("10Mbps", "5ms");
    Ptr<TimestampSink> sink = InstallSink(net.nodes.Get(1), 8080, TcpSocketFactory::GetTypeId());
    Recorder recorder;
    recorder.WatchRx(sink);

    // 140005 = 100 x 1400 + 5: the last chunk borrows 23 bytes from the one before it.
    const std::vector<uint64_t> totals = {140005, 500000};
    std::vector<Ptr<BulkSource>> sources;
    std::vector<Time> completed(totals.size(), Time(-1));
    for (uint32_t i = 0; i < totals.size(); ++i)
    {
        Ptr<BulkSource> bulk = CreateObject<BulkSource>();
        bulk->SetAttribute("Remote",
                           AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 8080)));
        bulk->SetAttribute("TotalBytes", UintegerValue(totals[i]));
        bulk->SetAttribute("FlowId", UintegerValue(i));
        net.nodes.Get(0)->AddApplication(bulk);
        bulk->SetStartTime(Seconds(1));
        bulk->SetStopTime(Seconds(20));
        bulk->TraceConnectWithoutContext(
            "Completed",
            Callback<void, Time>([&completed, i](Time at) { completed[i] = at; }));
        sources.push_back(bulk);
    }
    Simulator::Stop(Seconds(21));
    Simulator::Run();

    std::vector<uint64_t> bytes(totals.size(), 0);
    std::vector<uint64_t> nextSeq(totals.size(), 0);
    for (const auto& seen : recorder.rx)
    {
        const uint32_t flow = seen.header.GetFlowId();
        ASSERT_LT(flow, totals.size());
        EXPECT_EQ(seen.header.GetSeq(), nextSeq[flow]++);
        EXPECT_EQ(seen.bytes, seen.header.GetSize());
        EXPECT_GE(seen.bytes, 28u);
        EXPECT_LE(seen.bytes, 1400u);
        EXPECT_GE(seen.delay, propagation);
        bytes[flow] += seen.bytes;
    }
    for (uint32_t i = 0; i < totals.size(); ++i)
    {
        SCOPED_TRACE(i);
        EXPECT_EQ(bytes[i], totals[i]);
        EXPECT_EQ(sources[i]->GetHandedBytes(), totals[i]);
        EXPECT_EQ(nextSeq[i], sources[i]->GetSentPackets());
        EXPECT_GE(completed[i], Seconds(1));
    }
    // 100 full chunks, one shortened to 1377 and a 28-byte tail.
    EXPECT_EQ(sources[0]->GetSentPackets(), 101u);
    EXPECT_EQ(sink->GetReceivedBytes(), totals[0] + totals[1]);
    Simulator::Destroy();
}

TEST(TrafficTest, RequestResponseUdpRttIsTwoOneWayDelays)
{
    const double rate = 10e6;
    const uint32_t requestSize = 100;
    const uint32_t responseSize = 500;
    TwoNodes net = BuildLink("10Mbps", "5ms");
    Ptr<RequestResponseServer> server = CreateObject<RequestResponseServer>();
    server->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 7)));
    server->SetAttribute("ResponseSize", UintegerValue(responseSize));
    net.nodes.Get(1)->AddApplication(server);
    Ptr<RequestResponseClient> client = CreateObject<RequestResponseClient>();
    client->SetAttribute("Remote", AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 7)));
    client->SetAttribute("Interval", TimeValue(MilliSeconds(100)));
    client->SetAttribute("RequestSize", UintegerValue(requestSize));
    client->SetAttribute("MemberId", UintegerValue(4));
    net.nodes.Get(0)->AddApplication(client);
    client->SetStartTime(Seconds(1));
    client->SetStopTime(Seconds(2));

    Recorder requests;
    requests.WatchRx(server);
    Recorder responses;
    responses.WatchRx(client);
    std::vector<std::pair<uint64_t, Time>> rtts;
    client->TraceConnectWithoutContext(
        "Rtt",
        Callback<void, uint32_t, uint64_t, Time>([&rtts](uint32_t member, uint64_t seq, Time rtt) {
            EXPECT_EQ(member, 4u);
            rtts.emplace_back(seq, rtt);
        }));
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    const Time up = MilliSeconds(5) + TxTime(requestSize + UDP_PPP_OVERHEAD, rate);
    const Time down = MilliSeconds(5) + TxTime(responseSize + UDP_PPP_OVERHEAD, rate);
    EXPECT_EQ(up + down, MicroSeconds(10528));
    EXPECT_EQ(client->GetSentPackets(), 10u);
    EXPECT_EQ(server->GetSentResponses(), 10u);
    EXPECT_EQ(client->GetReceivedResponses(), 10u);
    ASSERT_EQ(rtts.size(), 10u);
    for (uint64_t i = 0; i < rtts.size(); ++i)
    {
        EXPECT_EQ(rtts[i].first, i);
        EXPECT_LE(std::abs((rtts[i].second - (up + down)).GetNanoSeconds()), 1);
    }
    ASSERT_EQ(requests.rx.size(), 10u);
    ASSERT_EQ(responses.rx.size(), 10u);
    for (uint32_t i = 0; i < 10; ++i)
    {
        EXPECT_LE(std::abs((requests.rx[i].delay - up).GetNanoSeconds()), 1);
        EXPECT_EQ(requests.rx[i].bytes, requestSize);
        EXPECT_LE(std::abs((responses.rx[i].delay - down).GetNanoSeconds()), 1);
        EXPECT_EQ(responses.rx[i].bytes, responseSize);
        EXPECT_EQ(responses.rx[i].header.GetSeq(), i);
    }
    Simulator::Destroy();
}

TEST(TrafficTest, RequestResponseTcpRttIsSumOfOneWayDelays)
{
    TwoNodes net = BuildLink("10Mbps", "5ms");
    Ptr<RequestResponseServer> server = CreateObject<RequestResponseServer>();
    server->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 7)));
    server->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
    server->SetAttribute("ResponseSize", UintegerValue(3000));
    net.nodes.Get(1)->AddApplication(server);
    Ptr<RequestResponseClient> client = CreateObject<RequestResponseClient>();
    client->SetAttribute("Remote", AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 7)));
    client->SetAttribute("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
    client->SetAttribute("Interval", TimeValue(MilliSeconds(50)));
    client->SetAttribute("RequestSize", UintegerValue(200));
    net.nodes.Get(0)->AddApplication(client);
    client->SetStartTime(Seconds(1));
    client->SetStopTime(Seconds(2));

    Recorder requests;
    requests.WatchRx(server);
    Recorder responses;
    responses.WatchRx(client);
    std::vector<Time> rtts;
    client->TraceConnectWithoutContext(
        "Rtt",
        Callback<void, uint32_t, uint64_t, Time>(
            [&rtts](uint32_t, uint64_t, Time rtt) { rtts.push_back(rtt); }));
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    // The first request waits for the handshake; 20 requests in [1 s + handshake, 2 s).
    EXPECT_EQ(client->GetSentPackets(), 20u);
    ASSERT_EQ(rtts.size(), client->GetSentPackets());
    ASSERT_EQ(requests.rx.size(), rtts.size());
    ASSERT_EQ(responses.rx.size(), rtts.size());
    for (uint32_t i = 0; i < rtts.size(); ++i)
    {
        // The server answers at once, so a round trip is exactly the two one-way delays.
        EXPECT_EQ(rtts[i], requests.rx[i].delay + responses.rx[i].delay);
        EXPECT_GE(rtts[i], MilliSeconds(10));
        EXPECT_EQ(responses.rx[i].bytes, 3000u);
        EXPECT_EQ(responses.rx[i].header.GetSeq(), i);
    }
    Simulator::Destroy();
}

TEST(TrafficTest, RequestResponseExponentialRequests)
{
    TwoNodes net = BuildLink("100Mbps", "1ms");
    Ptr<RequestResponseServer> server = CreateObject<RequestResponseServer>();
    server->SetAttribute("Local", AddressValue(InetSocketAddress(Ipv4Address::GetAny(), 7)));
    net.nodes.Get(1)->AddApplication(server);
    Ptr<RequestResponseClient> client = CreateObject<RequestResponseClient>();
    client->SetAttribute("Remote", AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 7)));
    client->SetAttribute("Interval", TimeValue(MilliSeconds(10)));
    client->SetAttribute("Distribution", StringValue("Exponential"));
    EXPECT_EQ(client->AssignStreams(3), 1);
    net.nodes.Get(0)->AddApplication(client);
    client->SetStartTime(Seconds(1));
    client->SetStopTime(Seconds(21));
    Recorder recorder;
    recorder.WatchTx(client);
    Simulator::Stop(Seconds(22));
    Simulator::Run();

    // About 2000 Poisson requests; their mean gap has a relative standard error of 2.2 %.
    ASSERT_GT(recorder.tx.size(), 1800u);
    EXPECT_GT(recorder.tx.front().at, Seconds(1));
    const double meanGap = (recorder.tx.back().at - Seconds(1)).GetSeconds() / recorder.tx.size();
    EXPECT_NEAR(meanGap / 0.010, 1.0, 0.07);
    // Every gap is random, not only the first: exponential gaps have a coefficient of variation
    // of 1.
    double sumSquares = 0;
    Time previous = Seconds(1);
    for (const auto& seen : recorder.tx)
    {
        const double gap = (seen.at - previous).GetSeconds();
        sumSquares += (gap - meanGap) * (gap - meanGap);
        previous = seen.at;
    }
    EXPECT_NEAR(std::sqrt(sumSquares / (recorder.tx.size() - 1)) / meanGap, 1.0, 0.1);
    EXPECT_EQ(client->GetReceivedResponses(), client->GetSentPackets());
    EXPECT_EQ(server->GetReceivedPackets(), client->GetSentPackets());
    Simulator::Destroy();
}

TEST(TrafficTest, ExponentialPeriodicSourceMeanAndRunDependence)
{
    const uint32_t originalRun = RngSeedManager::GetRun();
    const Time interval = MilliSeconds(10);
    const Time duration = Seconds(100);
    const std::vector<Time> run1 = ExponentialTxTimes(1, interval, duration);
    const std::vector<Time> run1Again = ExponentialTxTimes(1, interval, duration);
    const std::vector<Time> run2 = ExponentialTxTimes(2, interval, duration);
    RngSeedManager::SetRun(originalRun);

    // About duration / interval = 10000 packets; the count of a Poisson process has standard
    // deviation sqrt(10000) = 100.
    ASSERT_GT(run1.size(), 9500u);
    ASSERT_LT(run1.size(), 10500u);
    // Gaps measured from the start: the first packet also waits one exponential gap. The mean of
    // 10000 exponential gaps has a relative standard error of 1 %.
    const double meanGap = (run1.back() - Seconds(1)).GetSeconds() / run1.size();
    EXPECT_NEAR(meanGap / interval.GetSeconds(), 1.0, 0.03);
    EXPECT_GT(run1.front(), Seconds(1));
    // Exponential gaps: the coefficient of variation is 1.
    double sumSquares = 0;
    Time previous = Seconds(1);
    for (Time at : run1)
    {
        const double gap = (at - previous).GetSeconds();
        sumSquares += (gap - meanGap) * (gap - meanGap);
        previous = at;
    }
    EXPECT_NEAR(std::sqrt(sumSquares / (run1.size() - 1)) / meanGap, 1.0, 0.05);

    EXPECT_EQ(run1, run1Again);
    ASSERT_GE(run2.size(), 10u);
    EXPECT_NE(std::vector<Time>(run1.begin(), run1.begin() + 10),
              std::vector<Time>(run2.begin(), run2.begin() + 10));
}

/// The members of a UDP flow that send from one node share one socket (issue 8, B.14): a server
/// sending to 10,000 UEs opened 10,000 sockets, and ns-3's Ipv4EndPointDemux scans all of a
/// node's sockets for every new one, every close and every packet received, so the cost grew
/// with the square of the members; past its 16,384 ephemeral ports a source aborted the run.
/// Here 17,000 members of one flow send from one node, and a second flow keeps its own socket.
TEST(TrafficTest, UdpSourcesOfOneFlowShareTheirNodesSocket)
{
    constexpr uint32_t kMembers = 17000; // more than the 16,384 ephemeral ports
    TwoNodes net = BuildLink("1Gbps", "1ms");
    Ptr<TimestampSink> sink = InstallSink(net.nodes.Get(1), 9, UdpSocketFactory::GetTypeId());
    std::map<uint32_t, std::set<uint16_t>> portsOfFlow;
    net.nodes.Get(1)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
        "LocalDeliver",
        Callback<void, const Ipv4Header&, Ptr<const Packet>, uint32_t>(
            [&portsOfFlow](const Ipv4Header&, Ptr<const Packet> packet, uint32_t) {
                Ptr<Packet> copy = packet->Copy();
                UdpHeader udp;
                copy->RemoveHeader(udp);
                TimestampHeader header;
                copy->PeekHeader(header);
                portsOfFlow[header.GetFlowId()].insert(udp.GetSourcePort());
            }));
    for (uint32_t member = 0; member <= kMembers; ++member)
    {
        Ptr<PeriodicSource> source = CreateObject<PeriodicSource>();
        source->SetAttribute("Remote",
                             AddressValue(InetSocketAddress(net.addresses.GetAddress(1), 9)));
        source->SetAttribute("Interval", TimeValue(Seconds(10)));
        source->SetAttribute("PacketSize", UintegerValue(64));
        source->SetAttribute("FlowId", UintegerValue(member < kMembers ? 7 : 8));
        source->SetAttribute("MemberId", UintegerValue(member));
        net.nodes.Get(0)->AddApplication(source);
        source->SetStartTime(Seconds(1) + MicroSeconds(member));
        source->SetStopTime(Seconds(2));
    }
    Simulator::Stop(Seconds(3));
    Simulator::Run();
    EXPECT_EQ(sink->GetReceivedPackets(), kMembers + 1);
    ASSERT_EQ(portsOfFlow.size(), 2u);
    EXPECT_EQ(portsOfFlow[7].size(), 1u) << "one socket for the flow's members";
    EXPECT_EQ(portsOfFlow[8].size(), 1u);
    EXPECT_NE(*portsOfFlow[7].begin(), *portsOfFlow[8].begin()) << "a socket per flow";
    Simulator::Destroy();
}
