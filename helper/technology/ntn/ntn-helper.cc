/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/ntn/ntn-helper.h"

#include "model/energy/energy-meter.h"
#include "model/ntn/ntn-gateway-net-device.h"
#include "model/ntn/ntn-geo-platform.h"
#include "model/ntn/ntn-terminal-net-device.h"
#include "model/ntn/ntn-walker-constellation.h"
#include "model/routing/framed-route-sink.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/pointer.h"
#include "ns3/queue-size.h"
#include "ns3/uinteger.h"

#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnHelper");

NtnHelper::NtnHelper()
    : m_hapsOverFirstTerminal(false),
      m_initialRainRate(0.0)
{
    m_channelFactory.SetTypeId(NtnChannel::GetTypeId());
    m_terminalFactory.SetTypeId(NtnTerminalNetDevice::GetTypeId());
    m_gatewayFactory.SetTypeId(NtnGatewayNetDevice::GetTypeId());
}

void
NtnHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_channelFactory.Set(name, value);
}

void
NtnHelper::SetTerminalAttribute(const std::string& name, const AttributeValue& value)
{
    m_terminalFactory.Set(name, value);
}

void
NtnHelper::SetGatewayAttribute(const std::string& name, const AttributeValue& value)
{
    m_gatewayFactory.Set(name, value);
}

Ptr<NtnPlatform>
NtnHelper::CreatePlatform(const NtnPlatformSpec& spec)
{
    if (spec.kind == "walker")
    {
        Ptr<NtnWalkerConstellation> shell = CreateObject<NtnWalkerConstellation>();
        shell->SetAttribute("Altitude", DoubleValue(spec.altitudeM));
        shell->SetAttribute("Inclination", DoubleValue(spec.inclinationDeg));
        shell->SetAttribute("Planes", UintegerValue(spec.planes));
        shell->SetAttribute("SatellitesPerPlane", UintegerValue(spec.perPlane));
        shell->SetAttribute("Phasing", UintegerValue(spec.phasing));
        shell->SetAttribute("ReassignmentPeriod", TimeValue(Seconds(spec.reassignmentPeriodS)));
        return shell;
    }
    if (spec.kind == "geo")
    {
        Ptr<NtnGeoPlatform> geo = CreateObject<NtnGeoPlatform>();
        geo->SetAttribute("Longitude", DoubleValue(spec.longitudeDeg));
        geo->SetAttribute("Altitude", DoubleValue(spec.altitudeM));
        return geo;
    }
    if (spec.kind == "haps")
    {
        Ptr<NtnHapsPlatform> haps = CreateObject<NtnHapsPlatform>();
        haps->SetAttribute("Latitude", DoubleValue(spec.latitudeDeg));
        haps->SetAttribute("Longitude", DoubleValue(spec.longitudeDeg));
        haps->SetAttribute("Altitude", DoubleValue(spec.altitudeM));
        return haps;
    }
    throw std::invalid_argument("unknown platform kind '" + spec.kind + "'");
}

Ptr<NtnChannel>
NtnHelper::CreateChannel(Ptr<NtnPlatform> platform,
                         const NtnBeamParameters& beam,
                         const GeographicFrame& frame)
{
    Ptr<NtnChannel> channel = m_channelFactory.Create<NtnChannel>();
    channel->SetAttribute("Platform", PointerValue(platform));
    channel->SetGeoFrame(frame);
    channel->SetBeamParameters(beam);
    return channel;
}

Ptr<NtnChannel>
NtnHelper::CreateChannel(const NtnLinkSpec& spec, const GeographicFrame& frame)
{
    Ptr<NtnChannel> channel = CreateChannel(CreatePlatform(spec.platform), spec.beam, frame);
    std::string pathLoss = spec.scenario;
    if (pathLoss == "dense-urban")
    {
        pathLoss = "ns3::blueprint::NtnDenseUrbanPathLoss";
    }
    else if (pathLoss == "urban")
    {
        pathLoss = "ns3::blueprint::NtnUrbanPathLoss";
    }
    else if (pathLoss == "suburban-rural" || pathLoss == "suburban" || pathLoss == "rural")
    {
        pathLoss = "ns3::blueprint::NtnSuburbanRuralPathLoss";
    }
    std::string scheduler = spec.scheduler;
    if (scheduler == "rr")
    {
        scheduler = "ns3::blueprint::NtnRoundRobinBeamScheduler";
    }
    else if (scheduler == "pf")
    {
        scheduler = "ns3::blueprint::NtnProportionalFairBeamScheduler";
    }
    TypeId pathLossType;
    TypeId schedulerType;
    if (!TypeId::LookupByNameFailSafe(pathLoss, &pathLossType) ||
        !pathLossType.IsChildOf(NtnPathLoss::GetTypeId()))
    {
        throw std::invalid_argument(
            "'" + spec.scenario +
            "' is not a TR 38.811 scenario nor an ns3::blueprint::NtnPathLoss type");
    }
    if (!TypeId::LookupByNameFailSafe(scheduler, &schedulerType) ||
        !schedulerType.IsChildOf(NtnBeamScheduler::GetTypeId()))
    {
        throw std::invalid_argument("'" + spec.scheduler +
                                    "' is not rr, pf nor an ns3::blueprint::NtnBeamScheduler type");
    }
    ObjectFactory pathLossFactory(pathLoss);
    channel->SetAttribute("PathLoss", PointerValue(pathLossFactory.Create<NtnPathLoss>()));
    channel->SetAttribute("SchedulerType", TypeIdValue(schedulerType));
    Ptr<NtnLinkBudget> budget = CreateObject<NtnLinkBudget>();
    budget->SetAttribute("Margin", DoubleValue(spec.marginDb));
    budget->SetAttribute("RollOff", DoubleValue(spec.rollOff));
    channel->SetAttribute("LinkBudget", PointerValue(budget));
    channel->SetAttribute("Payload",
                          EnumValue(spec.payload == "regenerative" ? NtnChannel::REGENERATIVE
                                                                   : NtnChannel::TRANSPARENT));
    channel->SetAttribute("InterSatelliteLinks", BooleanValue(spec.interSatelliteLinks));
    channel->SetAttribute("BackgroundLoad", DoubleValue(spec.backgroundLoad));
    channel->SetAttribute("BackgroundBurst", TimeValue(Seconds(spec.backgroundBurstS)));
    channel->SetAttribute("Interruption", TimeValue(Seconds(spec.interruptionS)));
    channel->SetAttribute(
        "InterruptionMode",
        EnumValue(spec.interruptionMode == "drop" ? NtnChannel::DROP : NtnChannel::HOLD));
    channel->SetAttribute("ReassignmentOffset", TimeValue(Seconds(spec.reassignmentOffsetS)));
    channel->SetAttribute("GatewayMinElevation", DoubleValue(spec.gatewayMinElevationDeg));
    channel->SetAttribute("ReturnAccess",
                          EnumValue(spec.returnAccess == "request-grant" ? NtnChannel::REQUEST_GRANT
                                                                         : NtnChannel::CONTINUOUS));
    channel->SetAttribute("MaxConsecutiveSlots", UintegerValue(spec.maxConsecutiveSlots));
    channel->SetAttribute("GrantAtGateway", BooleanValue(spec.grantAtGateway));
    channel->SetAttribute("GrantHold", TimeValue(Seconds(spec.grantHoldS)));
    channel->SetAttribute("ReturnConstantRate", DoubleValue(spec.constantRateBps));
    channel->SetAttribute("FrameDuration", TimeValue(Seconds(spec.frameS)));
    channel->SetAttribute("ReturnFrameDuration", TimeValue(Seconds(spec.returnFrameS)));
    channel->SetAttribute("SchedulingLead", UintegerValue(spec.schedulingLead));
    channel->SetAttribute("ReturnSchedulingLead", UintegerValue(spec.returnSchedulingLead));
    channel->SetAttribute("ProcessingDelay", TimeValue(Seconds(spec.processingS)));
    channel->SetAttribute("RainHeight", DoubleValue(spec.rainHeightM));
    m_initialRainRate = spec.rainRateMmH;
    m_hapsOverFirstTerminal = spec.platform.kind == "haps" && spec.platform.overFirstTerminal;
    m_terminalFactory.Set("QueueSize", QueueSizeValue(QueueSize(spec.queueSize)));
    m_gatewayFactory.Set("QueueSize", QueueSizeValue(QueueSize(spec.queueSize)));
    return channel;
}

NetDeviceContainer
NtnHelper::InstallGateway(Ptr<Node> node, Ptr<NtnChannel> channel)
{
    Ptr<MobilityModel> mobility = node->GetObject<MobilityModel>();
    NS_ABORT_MSG_UNLESS(mobility, "NtnHelper: a gateway node needs a MobilityModel");
    return InstallGateway(node, channel, channel->GetGeoFrame().MakePoint(mobility->GetPosition()));
}

NetDeviceContainer
NtnHelper::InstallGateway(Ptr<Node> node, Ptr<NtnChannel> channel, const GroundPoint& point)
{
    Ptr<NtnGatewayNetDevice> device = m_gatewayFactory.Create<NtnGatewayNetDevice>();
    node->AddDevice(device);
    channel->AttachGateway(device, point);
    // The node's routing tells the device which terminal reaches an address behind it.
    Ptr<FramedRouteSink> framed = CreateObject<FramedRouteSink>();
    framed->SetCallbacks(
        MakeCallback(&NtnGatewayNetDevice::AddFramedRoute, PeekPointer(device)),
        MakeCallback(&NtnGatewayNetDevice::RemoveFramedRoute, PeekPointer(device)));
    device->AggregateObject(framed);
    return NetDeviceContainer(device);
}

NetDeviceContainer
NtnHelper::InstallTerminals(NodeContainer nodes,
                            Ptr<NtnChannel> channel,
                            const NtnTerminalParameters& terminal,
                            uint32_t gateway)
{
    std::vector<GroundPoint> points;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        Ptr<MobilityModel> mobility = nodes.Get(i)->GetObject<MobilityModel>();
        NS_ABORT_MSG_UNLESS(mobility, "NtnHelper: a terminal node needs a MobilityModel");
        points.push_back(channel->GetGeoFrame().MakePoint(mobility->GetPosition()));
    }
    return InstallTerminals(nodes, channel, terminal, gateway, points);
}

NetDeviceContainer
NtnHelper::InstallTerminals(NodeContainer nodes,
                            Ptr<NtnChannel> channel,
                            const NtnTerminalParameters& terminal,
                            uint32_t gateway,
                            const std::vector<GroundPoint>& points)
{
    NS_ABORT_MSG_UNLESS(points.size() == nodes.GetN(), "NtnHelper: one point per terminal");
    NetDeviceContainer devices;
    for (uint32_t i = 0; i < nodes.GetN(); ++i)
    {
        Ptr<NtnTerminalNetDevice> device = m_terminalFactory.Create<NtnTerminalNetDevice>();
        nodes.Get(i)->AddDevice(device);
        const uint32_t id = channel->AttachTerminal(device, terminal, gateway, points[i]);
        devices.Add(device);
        if (m_initialRainRate > 0)
        {
            channel->SetRainRate(id, m_initialRainRate);
        }
        // A HAPS made "over the first terminal" holds station above it.
        PointerValue platform;
        channel->GetAttribute("Platform", platform);
        Ptr<NtnHapsPlatform> haps = DynamicCast<NtnHapsPlatform>(platform.Get<NtnPlatform>());
        if (id == 0 && haps && m_hapsOverFirstTerminal)
        {
            const GroundPoint& p = channel->GetTerminalPoint(0);
            haps->SetAttribute("Latitude", DoubleValue(p.latitudeDeg));
            haps->SetAttribute("Longitude", DoubleValue(p.longitudeDeg));
        }
    }
    return devices;
}

int64_t
NtnHelper::AssignStreams(Ptr<NtnChannel> channel, int64_t stream)
{
    return channel->AssignStreams(stream);
}

void
NtnHelper::RegisterEnergy(Ptr<EnergyMeter> meter,
                          Ptr<NtnChannel> channel,
                          const NtnLinkSpec& spec,
                          std::function<std::string(Ptr<NetDevice>)> name,
                          double pue)
{
    for (uint32_t t = 0; t < channel->GetNTerminals(); ++t)
    {
        Ptr<NtnTerminalNetDevice> device = channel->GetTerminal(t);
        // The model's own PUE is 1: the meter applies the site's.
        Ptr<ElementPowerModel> model = spec.terminal.CreatePowerModel(1.0);
        const std::string n = name(device);
        meter->AddIntegratedElement(
            n,
            n,
            spec.technology,
            [model, device](Time now) {
                return model->GetEnergy(now.GetSeconds(),
                                        static_cast<double>(device->GetBitsCarried()));
            },
            pue,
            model->GetPower(0));
    }
    for (uint32_t g = 0; g < channel->GetNGateways(); ++g)
    {
        const std::string n = name(channel->GetGateway(g));
        const double watts = spec.gateway.powerW;
        meter->AddIntegratedElement(
            n + "-gateway",
            n,
            spec.technology,
            [watts](Time now) { return watts * now.GetSeconds(); },
            pue,
            watts);
    }
}

std::vector<CostItem>
NtnHelper::GetCostItems(Ptr<NtnChannel> channel,
                        const NtnLinkSpec& spec,
                        std::function<std::string(Ptr<NetDevice>)> name)
{
    std::vector<CostItem> items;
    for (uint32_t t = 0; t < channel->GetNTerminals(); ++t)
    {
        const std::string n = name(channel->GetTerminal(t));
        items.push_back(spec.terminal.GetCostItem(n, n, spec.technology));
    }
    for (uint32_t g = 0; g < channel->GetNGateways(); ++g)
    {
        const std::string n = name(channel->GetGateway(g));
        items.push_back(CostItem{n + "-gateway",
                                 n,
                                 spec.technology,
                                 spec.gateway.capex,
                                 spec.gateway.lifetimeYears,
                                 spec.gateway.opexPerYear});
    }
    return items;
}

} // namespace blueprint
} // namespace ns3
