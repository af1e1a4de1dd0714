/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/flow-reader.h"

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/spec-reading.h"
#include "model/traffic/timestamped-source.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

const std::vector<std::string> kFlowKeys =
    {"from", "to", "via", "traffic", "start", "stop", "requirements", "demand", "description"};
const std::vector<std::string> kTrafficKeys = {"pattern",
                                               "protocol",
                                               "interval",
                                               "size",
                                               "response_size",
                                               "rate",
                                               "arrivals",
                                               "frame_rate",
                                               "frame_size_variation",
                                               "max_packet_size",
                                               "attributes"};
const std::vector<std::string> kRequirementKeys = {"latency",
                                                   "reliability",
                                                   "rtt",
                                                   "throughput",
                                                   "loss"};

/// Largest mean video frame, in bytes: the traffic model counts a frame's bytes in 32 bits.
constexpr double kMaxFrameBytes = 4294967295.0;

TrafficSpec
ReadTraffic(const ConfigNode& node, const std::string& context)
{
    node.CheckKeys(kTrafficKeys, context);
    TrafficSpec t;
    const ConfigNode& pattern = node.Get("pattern", context);
    t.sourceType = ReadTypeChoice(pattern, TrafficPatterns());
    t.pattern = pattern.AsString();
    auto forbid = [&](const std::string& key) {
        if (const ConfigNode* n = node.Find(key))
        {
            throw InputError(n->GetMark(),
                             context + ": '" + key + "' does not apply to pattern " + t.pattern);
        }
    };
    if (const ConfigNode* p = node.Find("protocol"))
    {
        t.protocol = ReadChoice(*p, {"udp", "tcp"}, "protocol");
    }
    if (t.pattern == t.sourceType)
    {
        // A source type named by its TypeId: its own attributes say what it sends.
        for (const auto& key : kTrafficKeys)
        {
            if (key != "pattern" && key != "protocol" && key != "attributes")
            {
                forbid(key);
            }
        }
        if (const ConfigNode* attrs = node.Find("attributes"))
        {
            t.attributes = ReadAttributesOf(*attrs, t.sourceType);
        }
        return t;
    }
    forbid("attributes");
    if (t.pattern == "bulk")
    {
        t.protocol = "tcp";
    }
    if (const ConfigNode* size = node.Find("size"))
    {
        t.size = size->AsDataSize();
        if (t.pattern != "bulk" && (t.size < 28 || t.size > 65000))
        {
            throw InputError(size->GetMark(),
                             context + ": packet size must be 28 B (the timestamp header) to "
                                       "65000 B");
        }
    }
    if (t.pattern == "periodic" || t.pattern == "request_response")
    {
        const ConfigNode& interval = node.Get("interval", context);
        t.interval = interval.AsDuration();
        RequirePositive(interval, t.interval, context + " interval");
        if (const ConfigNode* arr = node.Find("arrivals"))
        {
            t.exponential = ReadChoice(*arr, {"fixed", "poisson"}, "arrivals") == "poisson";
        }
    }
    else
    {
        forbid("interval");
        forbid("arrivals");
    }
    if (t.pattern == "request_response")
    {
        if (const ConfigNode* rs = node.Find("response_size"))
        {
            t.responseSize = rs->AsDataSize();
            if (t.responseSize < 28 || t.responseSize > 65000)
            {
                throw InputError(rs->GetMark(),
                                 context + ": response_size must be 28 B to 65000 B");
            }
        }
    }
    else
    {
        forbid("response_size");
    }
    if (t.pattern == "constant_rate" || t.pattern == "video")
    {
        const ConfigNode& rate = node.Get("rate", context);
        t.rate = rate.AsDataRate();
        RequirePositive(rate, t.rate, context + " rate");
        t.rateMark = rate.GetMark();
    }
    else
    {
        forbid("rate");
    }
    if (t.pattern == "video")
    {
        if (const ConfigNode* fr = node.Find("frame_rate"))
        {
            t.frameRate = fr->AsDouble();
            // A frame at least every 10^6 s and at most every millisecond: the frame interval is a
            // time like any other and must fit ns-3's clock.
            if (!(t.frameRate >= 1e-6 && t.frameRate <= 1000))
            {
                throw InputError(fr->GetMark(),
                                 context + ": frame_rate must be 0.000001 to 1000 frames per "
                                           "second");
            }
        }
        if (const ConfigNode* v = node.Find("frame_size_variation"))
        {
            t.frameSizeVariation = v->AsRatio();
        }
        if (const ConfigNode* mp = node.Find("max_packet_size"))
        {
            t.maxPacketSize = mp->AsDataSize();
            // A burst's last packet may borrow bytes from the one before so that no packet is
            // smaller than its header: two headers (56 B) is the least that always works.
            if (t.maxPacketSize < 56 || t.maxPacketSize > 65000)
            {
                throw InputError(mp->GetMark(),
                                 context + ": max_packet_size must be 56 B to 65000 B");
            }
        }
        forbid("size");
    }
    else
    {
        forbid("frame_rate");
        forbid("frame_size_variation");
        forbid("max_packet_size");
    }
    if (t.pattern == "video" && t.rate / 8 / t.frameRate > kMaxFrameBytes)
    {
        throw InputError(t.rateMark,
                         context + ": rate / frame_rate gives frames larger than 4 GB; lower the "
                                   "rate or raise the frame rate");
    }
    if (t.pattern == "video" && t.rate / 8 / t.frameRate < 28)
    {
        throw InputError(t.rateMark,
                         context + ": rate / frame_rate gives frames smaller than the 28 B "
                                   "timestamp header; raise the rate or lower the frame rate");
    }
    if (t.pattern == "constant_rate" && t.size * 8 / t.rate < 1e-9)
    {
        throw InputError(t.rateMark,
                         context + ": rate asks for more than one packet per nanosecond; raise "
                                   "the packet size");
    }
    if (t.pattern == "bulk")
    {
        const ConfigNode* size = node.Find("size");
        if (size && t.size < 28)
        {
            throw InputError(size->GetMark(),
                             context + ": a bulk transfer carries at least one 28 B timestamp "
                                       "header");
        }
        t.totalBytes = size ? t.size : 0;
        t.size = 1400;
    }
    return t;
}

RequirementSpec
ReadRequirements(const ConfigNode& node, const std::string& context, const TrafficSpec& traffic)
{
    node.CheckKeys(kRequirementKeys, context);
    RequirementSpec r;
    if (const ConfigNode* lat = node.Find("latency"))
    {
        r.latency = lat->AsDuration();
        RequirePositive(*lat, *r.latency, context + " latency");
    }
    if (const ConfigNode* rel = node.Find("reliability"))
    {
        r.reliability = rel->AsRatio();
        if (!(r.reliability > 0) || r.reliability >= 1.0)
        {
            throw InputError(rel->GetMark(),
                             context + ": reliability must be above 0 % and below 100 % (no finite "
                                       "run can show 100 %)");
        }
        if (!r.latency && !node.Find("rtt"))
        {
            throw InputError(rel->GetMark(),
                             context + ": reliability needs a latency or rtt deadline to apply to");
        }
    }
    if (const ConfigNode* rtt = node.Find("rtt"))
    {
        if (traffic.pattern != "request_response")
        {
            throw InputError(rtt->GetMark(),
                             context + ": rtt applies only to request_response traffic");
        }
        r.rtt = rtt->AsDuration();
        RequirePositive(*rtt, *r.rtt, context + " rtt");
    }
    if (const ConfigNode* tp = node.Find("throughput"))
    {
        r.throughput = tp->AsDataRate();
    }
    if (const ConfigNode* loss = node.Find("loss"))
    {
        r.loss = loss->AsRatio();
    }
    return r;
}

/**
 * `via:`: the compute nodes a flow's messages are served at on their way, one name or a list;
 * each must have a compute block, differ from the flow's ends and the others, and pair with the
 * flow's members (its count divides theirs).
 */
void
ReadVia(const ConfigNode& via, const ScenarioSpec& spec, const std::string& context, FlowSpec& f)
{
    const std::vector<ConfigNode> one{via};
    const std::vector<ConfigNode>& items = via.IsSequence() ? via.GetItems() : one;
    if (items.empty())
    {
        throw InputError(via.GetMark(), context + ": via names at least one compute node");
    }
    const uint32_t members = std::max(spec.FindNode(f.from)->count, spec.FindNode(f.to)->count);
    for (const ConfigNode& item : items)
    {
        const NodeSpec& node = RequireNode(spec, item, context + " via");
        if (!node.compute)
        {
            throw InputError(item.GetMark(),
                             context + " via '" + node.name +
                                 "': the node has no compute: block (servers and a service "
                                 "time) to serve the flow's messages");
        }
        if (node.name == f.from || node.name == f.to ||
            std::find(f.via.begin(), f.via.end(), node.name) != f.via.end())
        {
            throw InputError(item.GetMark(),
                             context + " via '" + node.name +
                                 "': a node the flow already starts at, ends at or passes through");
        }
        if (members % node.count != 0)
        {
            throw InputError(item.GetMark(),
                             context + " via '" + node.name + "': its " +
                                 std::to_string(node.count) + " members do not divide the flow's " +
                                 std::to_string(members) +
                                 " evenly, so they cannot each serve the same number");
        }
        f.via.push_back(node.name);
        f.viaMarks.push_back(item.GetMark());
    }
}

} // namespace

const TypeChoice&
TrafficPatterns()
{
    static const TypeChoice choice{"traffic pattern",
                                   "ns3::blueprint::TimestampedSource",
                                   &BuildsA<TimestampedSource>,
                                   {{"periodic", "ns3::blueprint::PeriodicSource"},
                                    {"constant_rate", "ns3::blueprint::PeriodicSource"},
                                    {"video", "ns3::blueprint::VideoSource"},
                                    {"request_response", "ns3::blueprint::RequestResponseClient"},
                                    {"bulk", "ns3::blueprint::BulkSource"}}};
    return choice;
}

void
ReadFlows(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode& flows = root.Get("flows", "scenario");
    for (const auto& [name, flow] : flows.GetEntries())
    {
        std::string context = "flow '" + name + "'";
        flow.CheckKeys(kFlowKeys, context);
        FlowSpec f;
        f.name = name;
        f.mark = flows.GetKeyMark(name);
        const ConfigNode& from = flow.Get("from", context);
        const ConfigNode& to = flow.Get("to", context);
        const NodeSpec& src = RequireNode(spec, from, context);
        const NodeSpec& dst = RequireNode(spec, to, context);
        if (src.name == dst.name)
        {
            throw InputError(to.GetMark(), context + " sends from '" + src.name + "' to itself");
        }
        CheckPairing(src, dst, from.GetMark(), context);
        f.from = src.name;
        f.to = dst.name;
        f.traffic = ReadTraffic(flow.Get("traffic", context), context + " traffic");
        if (const ConfigNode* via = flow.Find("via"))
        {
            // A request is answered by the node it is sent to: a chain of servers on the way
            // would have no one to answer it.
            if (f.traffic.pattern == "request_response")
            {
                throw InputError(via->GetMark(),
                                 context + ": a request_response flow is answered by its 'to' "
                                           "node; send it to the compute node instead of via");
            }
            ReadVia(*via, spec, context, f);
        }
        if (const ConfigNode* start = flow.Find("start"))
        {
            f.start = start->AsDuration();
        }
        if (const ConfigNode* stop = flow.Find("stop"))
        {
            f.stop = stop->AsDuration();
            if (*f.stop <= f.start)
            {
                throw InputError(stop->GetMark(), context + ": stop must be after start");
            }
            if (*f.stop > spec.duration)
            {
                throw InputError(stop->GetMark(),
                                 context + ": stop is after the scenario's duration");
            }
        }
        if (f.start >= spec.duration)
        {
            throw InputError(flow.Get("start", context).GetMark(),
                             context + ": start is not before the scenario's duration");
        }
        if (f.stop.value_or(spec.duration) - f.start < kMinWindowSeconds)
        {
            const ConfigNode* at = flow.Find("stop") ? flow.Find("stop") : flow.Find("start");
            throw InputError(at->GetMark(),
                             context + ": the flow runs for less than 1ms between its start and " +
                                 (f.stop ? "stop" : "the scenario's end") +
                                 "; 1ms (one LTE TTI or NR slot at 15 kHz) is the shortest window");
        }
        if (const ConfigNode* req = flow.Find("requirements"))
        {
            f.requirements = ReadRequirements(*req, context + " requirements", f.traffic);
        }
        spec.flows.push_back(f);
    }
}

} // namespace blueprint
} // namespace ns3
