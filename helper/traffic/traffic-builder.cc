/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/traffic/traffic-builder.h"

#include "helper/traffic/latency-segments.h"
#include "model/traffic/bulk-source.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/request-response-client.h"
#include "model/traffic/request-response-server.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamp-sink.h"
#include "model/traffic/video-source.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <map>
#include <set>

namespace ns3
{
namespace blueprint
{

namespace
{

constexpr uint16_t kFirstPort = kFirstFlowPort;

void
OnTx(FlowProbe* probe, const TimestampHeader& header, uint32_t bytes)
{
    const double now = Simulator::Now().GetSeconds();
    probe->record.RecordTx(header.GetMemberId(), header.GetSeq(), bytes, now);
    probe->offered.Add(bytes, now);
    if (probe->members)
    {
        probe->members->RecordTx(header.GetMemberId(), bytes, now);
    }
}

/// A message (a one-way packet or TCP chunk, or a request at its server) arrived: counted once,
/// and, when it is what the flow judges, its delay split into segments.
void
OnRx(FlowProbe* probe, const TimestampHeader& header, Ptr<const Packet> message)
{
    const Time now = Simulator::Now();
    const uint32_t bytes = message->GetSize();
    const uint32_t member = header.GetMemberId();
    if (!probe->record.RecordRx(member,
                                header.GetSeq(),
                                bytes,
                                header.GetTxTime().GetSeconds(),
                                now.GetSeconds()))
    {
        return; // a duplicate
    }
    if (probe->members)
    {
        probe->members->RecordRxBytes(member, bytes, now.GetSeconds());
    }
    if (!probe->roundTrips)
    {
        if (probe->members)
        {
            probe->members->RecordDelivered(member, (now - header.GetTxTime()).GetSeconds());
        }
        probe->segments->Commit(probe->flow, message, header.GetTxTime(), now);
    }
}

/// A response arrived: its request's round trip, split over both legs and the server.
void
OnResponse(FlowProbe* probe, const TimestampHeader& header, Ptr<const Packet> response, Time rtt)
{
    const uint32_t member = header.GetMemberId();
    if (!probe->record.RecordRtt(member, header.GetSeq(), rtt.GetSeconds()))
    {
        return; // a second response to one request
    }
    if (probe->members)
    {
        probe->members->RecordDelivered(member, rtt.GetSeconds());
    }
    const Time now = Simulator::Now();
    probe->segments->Commit(probe->flow, response, now - rtt, now);
}

} // namespace

std::vector<FlowComputeStage>
SummariseCompute(const FlowProbe& probe)
{
    std::vector<FlowComputeStage> stages;
    for (const auto& [node, sinks] : probe.compute)
    {
        FlowComputeStage stage;
        stage.node = node;
        for (const Ptr<ComputeSink>& sink : sinks)
        {
            stage.served += sink->GetServed();
            stage.dropped += sink->GetDropped();
            stage.waitSeconds += sink->GetTotalWaitSeconds();
            stage.serviceSeconds += sink->GetTotalServiceSeconds();
        }
        stages.push_back(stage);
    }
    return stages;
}

/// Install the traffic applications and connect their traces to the flow probes.
std::vector<std::unique_ptr<FlowProbe>>
BuildTraffic(ScenarioBuild& sb)
{
    const ScenarioSpec& spec = sb.GetSpec();
    std::vector<std::unique_ptr<FlowProbe>> probes;
    auto segments = std::make_shared<LatencySegments>(sb, spec.flows.size());
    segments->Install();
    // Each receiving node numbers its flows' ports from kFirstPort (node id -> next free port).
    std::map<uint32_t, uint16_t> nextPortOfNode;
    for (uint32_t fi = 0; fi < spec.flows.size(); ++fi)
    {
        const FlowSpec& f = spec.flows[fi];
        // Every random draw of a flow comes from streams named after it (common random numbers:
        // RandomStreamPlan), so another flow's members or pattern never shift its draws.
        const std::string streamKey = "flow:" + f.name;
        Ptr<UniformRandomVariable> offsets = CreateObject<UniformRandomVariable>();
        offsets->SetStream(sb.GetStreams().Reserve(streamKey + "/start-offsets", f.mark));
        const TrafficSpec& t = f.traffic;
        const NodeGroup& src = sb.GetGroup(f.from);
        const NodeGroup& dst = sb.GetGroup(f.to);
        uint32_t members = std::max(src.members.size(), dst.members.size());
        auto probe = std::make_unique<FlowProbe>();
        probe->flow = fi;
        probe->segments = segments;
        probe->roundTrips = t.pattern == "request_response";
        if (members > 1)
        {
            probe->members = std::make_unique<MemberRecord>();
        }
        if (f.requirements.latency)
        {
            probe->record.SetDeadline(*f.requirements.latency);
        }
        if (f.requirements.rtt)
        {
            probe->record.SetRttDeadline(*f.requirements.rtt);
        }
        double stop = f.stop.value_or(spec.duration);
        TypeId protocol =
            t.protocol == "tcp" ? TcpSocketFactory::GetTypeId() : UdpSocketFactory::GetTypeId();

        FlowResult fr;
        fr.name = f.name;
        fr.from = f.from;
        fr.to = f.to;
        fr.pattern = t.pattern;
        fr.protocol = t.protocol;
        fr.members = members;

        // The gap between packets sets the random start offset that keeps members out of step.
        double gap = 0;
        if (t.pattern == "periodic" || t.pattern == "request_response")
        {
            gap = t.interval;
        }
        else if (t.pattern == "constant_rate")
        {
            gap = t.size * 8 / t.rate;
        }
        else if (t.pattern == "video")
        {
            gap = 1 / t.frameRate;
        }

        // Each receiving node numbers its flows' ports from kFirstPort, so that ports stay below
        // the senders' ephemeral range (49152-65535) however many flows a scenario has (the
        // reader bounds the flows per node).
        auto takePort = [&nextPortOfNode](Ptr<Node> node) {
            return nextPortOfNode.try_emplace(node->GetId(), kFirstPort).first->second++;
        };
        auto addressOf = [](Ptr<Node> node, uint16_t port) -> Address {
            return InetSocketAddress(node->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal(), port);
        };
        const NodeSpec& toSpec = *spec.FindNode(f.to);
        // The ComputeSinks of the flow's via nodes, per node and member, and their ports.
        std::vector<std::map<uint32_t, std::pair<Ptr<ComputeSink>, uint16_t>>> relays(f.via.size());
        for (const auto& via : f.via)
        {
            probe->compute.emplace_back(via, std::vector<Ptr<ComputeSink>>());
        }
        if (toSpec.compute)
        {
            probe->compute.emplace_back(f.to, std::vector<Ptr<ComputeSink>>());
        }

        std::set<uint32_t> sinksDone;
        std::map<uint32_t, uint16_t> sinkPorts; // destination member -> its port for this flow
        for (uint32_t i = 0; i < members; ++i)
        {
            sb.Step();
            Ptr<Node> from = src.members[PairedMember(i, members, src.members.size())];
            uint32_t di = PairedMember(i, members, dst.members.size());
            Ptr<Node> to = dst.members[di];
            // The nodes the member's messages go through: its ends and the via nodes between.
            std::vector<Ptr<Node>> hops{from};
            std::vector<uint32_t> viaMembers;
            for (const auto& via : f.via)
            {
                const NodeGroup& group = sb.GetGroup(via);
                viaMembers.push_back(PairedMember(i, members, group.members.size()));
                hops.push_back(group.members[viaMembers.back()]);
            }
            hops.push_back(to);
            std::vector<uint32_t> path;
            for (std::size_t h = 0; h + 1 < hops.size(); ++h)
            {
                const auto leg = sb.GetPlanner().GetPath(hops[h], hops[h + 1]);
                if (!leg)
                {
                    const std::string a = h == 0 ? f.from : f.via[h - 1];
                    const std::string b = h < f.via.size() ? f.via[h] : f.to;
                    throw InputError(f.mark,
                                     "flow '" + f.name + "': no route from '" + a + "' to '" + b +
                                         "'; connect them with links");
                }
                path.insert(path.end(), leg->begin(), leg->end());
            }
            if (spec.sharing)
            {
                // Which links each member crosses: a shared element's cost follows its users.
                std::vector<std::string> links;
                for (uint32_t li : path)
                {
                    const std::string& link = sb.GetEdgeLink(li).name;
                    if (links.empty() || links.back() != link)
                    {
                        links.push_back(link);
                    }
                }
                ++probe->memberPaths[links];
            }
            if (i == 0)
            {
                sb.GetFlowEnds().emplace_back(from, to);
                double bound = 0;
                for (uint32_t li : path)
                {
                    const RoutingEdge& edge = sb.GetEdge(li);
                    bound += edge.propagationBoundSeconds;
                    const std::string& tech = edge.pathLabel;
                    if (fr.technologyPath.empty() || fr.technologyPath.back() != tech)
                    {
                        fr.technologyPath.push_back(tech);
                    }
                    fr.linkPath.push_back(sb.GetEdgeLink(li).name);
                }
                fr.propagationBoundMs = bound * 1e3;
            }
            const auto [sinkPort, newSink] = sinkPorts.emplace(di, 0);
            if (newSink)
            {
                sinkPort->second = takePort(to);
            }
            const uint16_t port = sinkPort->second;
            // Where the member's messages go: the destination, reached through each via node's
            // sink in turn, which forwards them after their service.
            Address remote = addressOf(to, port);
            for (std::size_t k = f.via.size(); k-- > 0;)
            {
                auto [relay, added] = relays[k].try_emplace(viaMembers[k]);
                if (added)
                {
                    Ptr<Node> node = hops[k + 1];
                    relay->second.second = takePort(node);
                    relay->second.first = CreateObject<ComputeSink>();
                    Ptr<ComputeSink> sink = relay->second.first;
                    sink->SetAttribute("Local",
                                       AddressValue(InetSocketAddress(Ipv4Address::GetAny(),
                                                                      relay->second.second)));
                    sink->SetAttribute("Protocol", TypeIdValue(protocol));
                    sink->SetAttribute("ForwardProtocol", TypeIdValue(protocol));
                    node->AddApplication(sink);
                    sink->SetStartTime(Seconds(0));
                    probe->compute[k].second.push_back(sink);
                }
                relay->second.first->AddForward(i, remote);
                remote = addressOf(hops[k + 1], relay->second.second);
            }
            double start = f.start + (gap > 0 ? offsets->GetValue(0, gap) : 0);
            // A member whose offset falls at or after the flow's stop has no packet to send in its
            // window (a flow shorter than its gap sends in a window/gap share of its members, as
            // it should on average); started anyway, it would send until the run ends.
            const bool silent = start >= stop;

            if (t.pattern == "request_response")
            {
                if (sinksDone.insert(di).second)
                {
                    // A compute node answers after the request's service; another at once.
                    Ptr<TimestampSink> server;
                    if (toSpec.compute)
                    {
                        Ptr<ComputeSink> sink = CreateObject<ComputeSink>();
                        sink->SetAttribute("ResponseSize", UintegerValue(t.responseSize));
                        probe->compute.back().second.push_back(sink);
                        server = sink;
                    }
                    else
                    {
                        Ptr<RequestResponseServer> answering =
                            CreateObject<RequestResponseServer>();
                        answering->SetAttribute("ResponseSize", UintegerValue(t.responseSize));
                        server = answering;
                    }
                    server->SetAttribute(
                        "Local",
                        AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
                    server->SetAttribute("Protocol", TypeIdValue(protocol));
                    server->TraceConnectWithoutContext("RxMessage",
                                                       MakeBoundCallback(&OnRx, probe.get()));
                    to->AddApplication(server);
                    server->SetStartTime(Seconds(0));
                }
                if (silent)
                {
                    continue;
                }
                Ptr<RequestResponseClient> client = CreateObject<RequestResponseClient>();
                client->SetAttribute("Remote", AddressValue(remote));
                client->SetAttribute("Protocol", TypeIdValue(protocol));
                client->SetAttribute("FlowId", UintegerValue(fi));
                client->SetAttribute("MemberId", UintegerValue(i));
                client->SetAttribute("Interval", TimeValue(Seconds(t.interval)));
                client->SetAttribute("RequestSize", UintegerValue(t.size));
                client->SetAttribute("Distribution",
                                     StringValue(t.exponential ? "Exponential" : "Fixed"));
                client->TraceConnectWithoutContext("Tx", MakeBoundCallback(&OnTx, probe.get()));
                client->TraceConnectWithoutContext("Response",
                                                   MakeBoundCallback(&OnResponse, probe.get()));
                sb.GetStreams().Assign(streamKey + "/member:" + std::to_string(i) + "/client",
                                       f.mark,
                                       [&](int64_t first) { return client->AssignStreams(first); });
                from->AddApplication(client);
                client->SetStartTime(Seconds(start));
                client->SetStopTime(Seconds(stop));
                continue;
            }

            if (sinksDone.insert(di).second)
            {
                // A message to a compute node is delivered when its service ends.
                Ptr<TimestampSink> sink;
                if (toSpec.compute)
                {
                    Ptr<ComputeSink> served = CreateObject<ComputeSink>();
                    served->TraceConnectWithoutContext("ServedMessage",
                                                       MakeBoundCallback(&OnRx, probe.get()));
                    probe->compute.back().second.push_back(served);
                    sink = served;
                }
                else
                {
                    sink = CreateObject<TimestampSink>();
                    sink->TraceConnectWithoutContext("RxMessage",
                                                     MakeBoundCallback(&OnRx, probe.get()));
                }
                sink->SetAttribute("Local",
                                   AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
                sink->SetAttribute("Protocol", TypeIdValue(protocol));
                to->AddApplication(sink);
                sink->SetStartTime(Seconds(0));
            }
            if (silent)
            {
                continue;
            }
            Ptr<TimestampedSource> source;
            if (t.pattern == "periodic" || t.pattern == "constant_rate")
            {
                Ptr<PeriodicSource> periodic = CreateObject<PeriodicSource>();
                periodic->SetAttribute("Interval", TimeValue(Seconds(gap)));
                periodic->SetAttribute("PacketSize", UintegerValue(t.size));
                periodic->SetAttribute("Distribution",
                                       StringValue(t.exponential ? "Exponential" : "Fixed"));
                source = periodic;
            }
            else if (t.pattern == "video")
            {
                Ptr<VideoSource> video = CreateObject<VideoSource>();
                video->SetAttribute("FrameRate", DoubleValue(t.frameRate));
                video->SetAttribute("MeanFrameSize",
                                    UintegerValue(std::llround(t.rate / 8 / t.frameRate)));
                video->SetAttribute("FrameSizeVariation", DoubleValue(t.frameSizeVariation));
                video->SetAttribute("MaxPacketSize", UintegerValue(t.maxPacketSize));
                source = video;
            }
            else if (t.pattern == t.sourceType)
            {
                // A source named by its TypeId, with the attributes the scenario gives it.
                ObjectFactory factory;
                factory.SetTypeId(t.sourceType);
                for (const auto& [attribute, value] : t.attributes)
                {
                    factory.Set(attribute, StringValue(value));
                }
                source = factory.Create<TimestampedSource>();
            }
            else
            {
                Ptr<BulkSource> bulk = CreateObject<BulkSource>();
                bulk->SetAttribute("TotalBytes", UintegerValue(t.totalBytes));
                source = bulk;
            }
            source->SetAttribute("Remote", AddressValue(remote));
            source->SetAttribute("Protocol", TypeIdValue(protocol));
            source->SetAttribute("FlowId", UintegerValue(fi));
            source->SetAttribute("MemberId", UintegerValue(i));
            source->TraceConnectWithoutContext("Tx", MakeBoundCallback(&OnTx, probe.get()));
            sb.GetStreams().Assign(streamKey + "/member:" + std::to_string(i) + "/source",
                                   f.mark,
                                   [&](int64_t first) { return source->AssignStreams(first); });
            from->AddApplication(source);
            source->SetStartTime(Seconds(start));
            source->SetStopTime(Seconds(stop));
        }
        probes.push_back(std::move(probe));
        sb.GetFlowResults().push_back(fr);
    }
    return probes;
}

GroupMembers
SummariseGroup(const ScenarioSpec& spec,
               const FlowSpec& flow,
               const MemberRecord& members,
               double windowSeconds)
{
    const TrafficSpec& t = flow.traffic;
    MemberDemand demand = MemberDemand::PACED;
    if (t.pattern == "bulk")
    {
        demand = t.totalBytes > 0 ? MemberDemand::FINITE : MemberDemand::GREEDY;
    }
    const MemberSummary summary = SummariseMembers(members, windowSeconds, demand);
    GroupMembers out;
    out.sending = summary.offering;
    out.jainIndex = summary.jainIndex;
    if (summary.worst)
    {
        // Members pair as links pair groups (PairedMember): name the member after the side that
        // is a group, the senders when both are.
        auto countOf = [&](const std::string& name) {
            for (const NodeSpec& n : spec.nodes)
            {
                if (n.name == name)
                {
                    return n.count;
                }
            }
            return 1u;
        };
        const uint32_t from = countOf(flow.from);
        const uint32_t to = countOf(flow.to);
        const uint32_t total = std::max(from, to);
        const bool senders = from > 1;
        out.worst = (senders ? flow.from : flow.to) + "[" +
                    std::to_string(PairedMember(*summary.worst, total, senders ? from : to)) + "]";
        if (summary.worstP99Seconds)
        {
            out.worstP99Ms = *summary.worstP99Seconds * 1e3;
        }
        out.worstThroughputBps = summary.worstThroughputBps;
        out.worstLossRatio = summary.worstLossRatio;
    }
    return out;
}

void
MeasureSplits(const ScenarioSpec& spec,
              const FlowSpec& flow,
              const FlowProbe& probe,
              FlowResult& result)
{
    result.segments = probe.segments->GetSegments(probe.flow);
    if (probe.members)
    {
        result.groupMembers = SummariseGroup(spec, flow, *probe.members, result.activeSeconds);
    }
}

} // namespace blueprint
} // namespace ns3
