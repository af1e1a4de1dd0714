/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/microwave/microwave-helper.h"

#include "model/microwave/microwave-acm-table.h"
#include "model/microwave/microwave-channel.h"
#include "model/microwave/microwave-link-budget.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/queue-size.h"
#include "ns3/string.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintMicrowaveHelper");

namespace
{

constexpr double SPEED_OF_LIGHT = 299792458.0; // m/s
/// PPP header the PointToPointNetDevice adds to every IP packet, bytes.
constexpr uint32_t PPP_HEADER_BYTES = 2;

/**
 * \param config a hop.
 * \param lengthM its length.
 * \throws std::invalid_argument if the config or the length is impossible.
 */
void
Require(const MicrowaveLinkConfig& config, double lengthM)
{
    const std::string why = config.Check();
    if (!why.empty())
    {
        throw std::invalid_argument("microwave hop: " + why);
    }
    if (!(lengthM > 0) || !std::isfinite(lengthM))
    {
        throw std::invalid_argument("microwave hop: length must be a number of metres > 0");
    }
}

} // namespace

Ptr<MicrowaveLinkBudget>
MicrowaveHelper::MakeLinkBudget(const MicrowaveLinkConfig& config, double lengthM)
{
    Require(config, lengthM);
    Ptr<MicrowaveLinkBudget> budget = CreateObject<MicrowaveLinkBudget>();
    budget->SetAttribute("Frequency", DoubleValue(config.frequencyHz));
    budget->SetAttribute("ChannelWidth", DoubleValue(config.channelWidthHz));
    budget->SetAttribute("Length", DoubleValue(lengthM));
    budget->SetAttribute("TxPower", DoubleValue(config.txPowerDbm));
    budget->SetAttribute("AntennaADiameter", DoubleValue(config.antennaADiameterM));
    budget->SetAttribute("AntennaBDiameter", DoubleValue(config.antennaBDiameterM));
    budget->SetAttribute("NoiseFigure", DoubleValue(config.noiseFigureDb));
    budget->SetAttribute("OtherLosses", DoubleValue(config.otherLossesDb));
    budget->SetAttribute("PolarizationTilt", DoubleValue(config.GetPolarizationTiltDeg()));
    return budget;
}

MicrowaveHopReport
MicrowaveHelper::Evaluate(const MicrowaveLinkConfig& config, double lengthM)
{
    Ptr<MicrowaveLinkBudget> budget = MakeLinkBudget(config, lengthM);
    const auto& table = MicrowaveAcmTable::GetModulations();
    const std::size_t lowest = MicrowaveAcmTable::IndexOf(config.minModulation);
    const std::size_t highest = MicrowaveAcmTable::IndexOf(config.maxModulation);
    const MicrowaveModulation& slowest = table[config.adaptiveModulation ? lowest : highest];

    MicrowaveHopReport r;
    r.lengthM = lengthM;
    r.snrClearSkyDb = budget->GetSnrDb(0.0);
    const MicrowaveModulation* m =
        MicrowaveAcmTable::Select(r.snrClearSkyDb,
                                  config.adaptiveModulation ? lowest : highest,
                                  highest,
                                  config.acmMarginDb);
    r.clearSkyModulation = m ? m->name : "outage";
    r.clearSkyRateBps = m ? MicrowaveAcmTable::GetRateBps(*m, config.channelWidthHz) : 0.0;
    r.fadeMarginDb = budget->GetFadeMarginDb(slowest, 0.0) - config.acmMarginDb;
    r.works = m != nullptr;
    r.maxHopLengthM =
        budget->GetMaxHopLengthM(slowest, config.rainRate001MmH, config.availabilityPercent);
    r.meetsAvailability = r.works && lengthM <= r.maxHopLengthM;
    std::ostringstream why;
    why.precision(4);
    if (!r.works)
    {
        why << "a " << lengthM / 1e3 << " km hop at " << config.frequencyHz / 1e9 << " GHz has "
            << r.snrClearSkyDb << " dB SNR in clear sky, below the " << slowest.requiredSnrDb
            << " dB that " << slowest.name << " needs";
    }
    else if (!r.meetsAvailability)
    {
        why << "a " << lengthM / 1e3 << " km hop is beyond the " << r.maxHopLengthM / 1e3
            << " km reach of this " << config.band << " radio at " << config.frequencyHz / 1e9
            << " GHz for " << config.availabilityPercent
            << " % availability with R0.01 = " << config.rainRate001MmH
            << " mm/h (ITU-R P.530 rain fade exceeds the " << r.fadeMarginDb
            << " dB fade margin of " << slowest.name << ")";
    }
    r.problem = why.str();
    return r;
}

double
MicrowaveHelper::GetChannelDelaySeconds(const MicrowaveLinkConfig& config, double lengthM)
{
    Require(config, lengthM);
    return lengthM / SPEED_OF_LIGHT + config.equipmentLatencyS;
}

NetDeviceContainer
MicrowaveHelper::Install(Ptr<Node> a,
                         Ptr<Node> b,
                         const MicrowaveLinkConfig& config,
                         double lengthM) const
{
    NS_LOG_FUNCTION(this << a << b << config.preset << lengthM);
    if (!a || !b || a == b)
    {
        throw std::invalid_argument("microwave hop: needs two distinct nodes");
    }
    const MicrowaveHopReport report = Evaluate(config, lengthM);
    if (!report.works)
    {
        throw std::invalid_argument("microwave hop: " + report.problem);
    }
    if (!report.meetsAvailability)
    {
        NS_LOG_WARN(report.problem);
    }
    QueueSize queueSize;
    std::istringstream in(config.queueSize);
    in >> queueSize;
    if (in.fail() || queueSize.GetValue() == 0)
    {
        throw std::invalid_argument("microwave hop: queue size '" + config.queueSize +
                                    "' is not a positive number of packets or bytes");
    }

    auto makeDevice = [&](Ptr<Node> node) {
        Ptr<PointToPointNetDevice> dev = CreateObject<PointToPointNetDevice>();
        dev->SetAddress(Mac48Address::Allocate());
        node->AddDevice(dev);
        Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
        queue->SetAttribute("MaxSize", QueueSizeValue(queueSize));
        dev->SetQueue(queue);
        // As PointToPointHelper does: traffic control sees the device queue (flow control).
        Ptr<NetDeviceQueueInterface> ndqi = CreateObject<NetDeviceQueueInterface>();
        ndqi->GetTxQueue(0)->ConnectQueueTraces(queue);
        dev->AggregateObject(ndqi);
        return dev;
    };
    Ptr<PointToPointNetDevice> devA = makeDevice(a);
    Ptr<PointToPointNetDevice> devB = makeDevice(b);

    Ptr<MicrowaveChannel> channel = CreateObject<MicrowaveChannel>();
    channel->SetAttribute("Delay", TimeValue(Seconds(GetChannelDelaySeconds(config, lengthM))));
    channel->SetAttribute("AdaptiveModulation", BooleanValue(config.adaptiveModulation));
    channel->SetAttribute("MinModulation", StringValue(config.minModulation));
    channel->SetAttribute("MaxModulation", StringValue(config.maxModulation));
    channel->SetAttribute("AcmMargin", DoubleValue(config.acmMarginDb));
    devA->Attach(channel);
    devB->Attach(channel);
    channel->SetRainRate(config.rainRateMmH);
    channel->SetLinkBudget(MakeLinkBudget(config, lengthM)); // sets both devices' rates

    NS_LOG_INFO(config.preset << " " << lengthM / 1e3 << " km: " << report.clearSkyModulation << " "
                              << report.clearSkyRateBps / 1e6 << " Mbit/s clear sky, "
                              << report.fadeMarginDb << " dB fade margin");
    NetDeviceContainer devices;
    devices.Add(devA);
    devices.Add(devB);
    return devices;
}

Ptr<MicrowaveChannel>
MicrowaveHelper::GetChannel(const NetDeviceContainer& devices)
{
    Ptr<MicrowaveChannel> channel =
        devices.GetN() ? DynamicCast<MicrowaveChannel>(devices.Get(0)->GetChannel()) : nullptr;
    if (!channel)
    {
        throw std::invalid_argument("microwave hop: these devices are not on a MicrowaveChannel");
    }
    return channel;
}

MicrowaveRoutingEdge
MicrowaveHelper::GetRoutingEdge(const NetDeviceContainer& devices,
                                const MicrowaveLinkConfig& config,
                                double lengthM,
                                uint32_t fullPacketBytes)
{
    const MicrowaveHopReport report = Evaluate(config, lengthM);
    MicrowaveRoutingEdge edge;
    edge.devA = devices.Get(0);
    edge.devB = devices.Get(1);
    edge.lengthMetres = lengthM;
    edge.propagationBoundSeconds = lengthM / SPEED_OF_LIGHT;
    edge.rateDown = report.clearSkyRateBps;
    edge.rateUp = report.clearSkyRateBps;
    // The same DataRate arithmetic the transmitting PointToPointNetDevice uses.
    const DataRate rate(static_cast<uint64_t>(std::llround(report.clearSkyRateBps)));
    edge.weightSeconds =
        rate.CalculateBytesTxTime(fullPacketBytes + PPP_HEADER_BYTES).GetSeconds() +
        GetChannelDelaySeconds(config, lengthM);
    return edge;
}

} // namespace blueprint
} // namespace ns3
