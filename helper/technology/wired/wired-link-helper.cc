/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/wired/wired-link-helper.h"

#include "model/wired/wired-channel.h"
#include "model/wired/wired-link-profile.h"

#include "ns3/data-rate.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/queue-size.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintWiredLinkHelper");

namespace
{

/// Smallest MTU every IPv4 link must carry (RFC 791: "Every internet module must be able to
/// forward a datagram of 68 octets without further fragmentation").
constexpr uint16_t MIN_IPV4_MTU = 68;

/// Prefix for error messages about one link.
std::string
Where(const WiredLinkSettings& s)
{
    return "wired link (profile '" + s.profile + "'): ";
}

/// Parse a queue size such as "100p" or "1MB"; throws on anything else or on zero.
QueueSize
ParseQueueSize(const WiredLinkSettings& s)
{
    std::istringstream in(s.queueSize);
    QueueSize size;
    in >> size;
    std::string rest;
    if (in.fail() || (in >> rest) || size.GetValue() == 0)
    {
        throw std::invalid_argument(Where(s) + "queue size '" + s.queueSize +
                                    "' is not a positive number of packets or bytes (e.g. "
                                    "\"100p\", \"1MB\")");
    }
    return size;
}

/// Format a rate for messages, in Mbit/s.
std::string
Mbps(double bps)
{
    std::ostringstream out;
    out << bps / 1e6 << " Mbit/s";
    return out.str();
}

} // namespace

const WiredLinkProfile&
WiredLinkHelper::Validate(const WiredLinkSettings& s)
{
    const WiredLinkProfile* profile = WiredLinkProfile::Find(s.profile);
    if (!profile)
    {
        std::string known;
        for (const auto& name : WiredLinkProfile::Names())
        {
            known += (known.empty() ? "" : ", ") + name;
        }
        throw std::invalid_argument("unknown wired link profile '" + s.profile +
                                    "' (known: " + known + ")");
    }
    if (!(s.lengthMetres >= 0.0) || !std::isfinite(s.lengthMetres))
    {
        throw std::invalid_argument(Where(s) + "length must be a finite number of metres >= 0");
    }
    if (profile->maxLength > 0.0 && s.lengthMetres > profile->maxLength)
    {
        std::ostringstream msg;
        msg << Where(s) << "length " << s.lengthMetres << " m exceeds the profile's reach of "
            << profile->maxLength << " m";
        throw std::invalid_argument(msg.str());
    }
    if (s.rateDown < 0.0 || s.rateUp < 0.0 || std::isnan(s.rateDown) || std::isnan(s.rateUp))
    {
        throw std::invalid_argument(Where(s) + "rates must not be negative");
    }
    if (s.capA < 0.0 || s.capB < 0.0 || std::isnan(s.capA) || std::isnan(s.capB))
    {
        throw std::invalid_argument(Where(s) + "equipment capacity caps must not be negative");
    }
    if (s.extraLatency.IsStrictlyNegative() || s.processingA.IsStrictlyNegative() ||
        s.processingB.IsStrictlyNegative())
    {
        throw std::invalid_argument(Where(s) + "latencies must not be negative");
    }
    if (s.mtu < MIN_IPV4_MTU)
    {
        throw std::invalid_argument(Where(s) + "MTU " + std::to_string(s.mtu) +
                                    " is below the IPv4 minimum of 68 bytes");
    }
    ParseQueueSize(s);
    return *profile;
}

WiredLinkRates
WiredLinkHelper::EffectiveRates(const WiredLinkSettings& s)
{
    const WiredLinkProfile& profile = Validate(s);
    double defaultDown = 0.0;
    double defaultUp = 0.0;
    const bool hasDefault = profile.GetDefaultRates(s.lengthMetres, defaultDown, defaultUp);

    double down = s.rateDown > 0.0 ? s.rateDown : defaultDown;
    if (!(down > 0.0))
    {
        std::ostringstream msg;
        msg << Where(s) << "no rate given and the profile ";
        if (profile.rateByLength.empty())
        {
            msg << "has no default rate: give the link's rate";
        }
        else
        {
            msg << "gives no attainable rate for " << s.lengthMetres
                << " m (its rate table ends at " << profile.rateByLength.back().lengthMetres
                << " m): give the rates the line syncs at";
        }
        throw std::invalid_argument(msg.str());
    }
    double up = 0.0;
    if (s.rateUp > 0.0)
    {
        up = s.rateUp;
    }
    else if (hasDefault && defaultUp > 0.0)
    {
        up = defaultUp;
    }
    else if (profile.symmetric)
    {
        up = down;
    }
    else
    {
        throw std::invalid_argument(Where(s) + "asymmetric profile with no upstream rate at this "
                                               "length: give rateUp too");
    }
    // A line cannot run faster than its standard allows.
    if (profile.downstreamRate > 0.0 && down > profile.downstreamRate)
    {
        throw std::invalid_argument(Where(s) + "downstream rate " + Mbps(down) +
                                    " exceeds the profile's highest, " +
                                    Mbps(profile.downstreamRate));
    }
    if (profile.upstreamRate > 0.0 && up > profile.upstreamRate)
    {
        throw std::invalid_argument(Where(s) + "upstream rate " + Mbps(up) +
                                    " exceeds the profile's highest, " +
                                    Mbps(profile.upstreamRate));
    }
    // Old interfaces at either end limit both directions.
    for (double cap : {s.capA, s.capB})
    {
        if (cap > 0.0)
        {
            down = std::min(down, cap);
            up = std::min(up, cap);
        }
    }
    return {down, up};
}

Time
WiredLinkHelper::PropagationDelay(const WiredLinkSettings& s)
{
    const WiredLinkProfile& profile = Validate(s);
    return Seconds(s.lengthMetres * profile.propagationDelayPerMetre);
}

Time
WiredLinkHelper::ChannelDelay(const WiredLinkSettings& s)
{
    const WiredLinkProfile& profile = Validate(s);
    return PropagationDelay(s) + profile.equipmentLatency + s.extraLatency;
}

Time
WiredLinkHelper::OneWayDelay(const WiredLinkSettings& s, uint32_t bytesOnWire, bool aToB)
{
    const WiredLinkRates rates = EffectiveRates(s);
    // The same DataRate arithmetic the transmitting PointToPointNetDevice uses.
    const DataRate rate(static_cast<uint64_t>(std::llround(aToB ? rates.aToB : rates.bToA)));
    const Time serialisation = rate.CalculateBytesTxTime(bytesOnWire);
    return ChannelDelay(s) + serialisation + (aToB ? s.processingB : s.processingA);
}

NetDeviceContainer
WiredLinkHelper::Install(Ptr<Node> a, Ptr<Node> b, const WiredLinkSettings& s)
{
    NS_LOG_FUNCTION(this << a << b << s.profile << s.lengthMetres);
    if (!a || !b || a == b)
    {
        throw std::invalid_argument(Where(s) + "needs two distinct nodes");
    }
    const WiredLinkRates rates = EffectiveRates(s);
    const QueueSize queueSize = ParseQueueSize(s);
    const Time delay = ChannelDelay(s);

    auto makeDevice = [&](Ptr<Node> node, double rate) {
        Ptr<PointToPointNetDevice> dev = CreateObject<PointToPointNetDevice>();
        dev->SetAddress(Mac48Address::Allocate());
        dev->SetDataRate(DataRate(static_cast<uint64_t>(std::llround(rate))));
        dev->SetMtu(s.mtu);
        node->AddDevice(dev);
        Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
        queue->SetAttribute("MaxSize", QueueSizeValue(queueSize));
        dev->SetQueue(queue);
        // As PointToPointHelper does with flow control on: traffic control sees the device queue,
        // so packets wait in the queue disc (where AQM can act) rather than overflow the device.
        Ptr<NetDeviceQueueInterface> ndqi = CreateObject<NetDeviceQueueInterface>();
        ndqi->GetTxQueue(0)->ConnectQueueTraces(queue);
        dev->AggregateObject(ndqi);
        return dev;
    };
    Ptr<PointToPointNetDevice> devA = makeDevice(a, rates.aToB);
    Ptr<PointToPointNetDevice> devB = makeDevice(b, rates.bToA);

    Ptr<WiredChannel> channel = CreateObject<WiredChannel>();
    channel->SetAttribute("Delay", TimeValue(delay));
    devA->Attach(channel);
    devB->Attach(channel);
    channel->SetReceiveProcessingDelay(devA, s.processingA);
    channel->SetReceiveProcessingDelay(devB, s.processingB);

    NS_LOG_INFO(s.profile << " " << s.lengthMetres << " m: " << Mbps(rates.aToB) << " / "
                          << Mbps(rates.bToA) << ", wire delay " << delay.As(Time::US));
    NetDeviceContainer devices;
    devices.Add(devA);
    devices.Add(devB);
    return devices;
}

} // namespace blueprint
} // namespace ns3
