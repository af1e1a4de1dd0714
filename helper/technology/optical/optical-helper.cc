/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/optical/optical-helper.h"

#include "helper/technology/wired/wired-link-helper.h"
#include "model/cost/cost-ledger.h"
#include "model/energy/energy-meter.h"
#include "model/equipment/equipment-profile.h"
#include "model/optical/optical-path-channel.h"
#include "model/optical/optical-transponder-class.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/drop-tail-queue.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/queue-size.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalHelper");

namespace
{

/// The node of a name, or an error naming what needs it.
Ptr<Node>
NodeOf(const std::map<std::string, Ptr<Node>>& nodes,
       const std::string& name,
       const std::string& what)
{
    auto it = nodes.find(name);
    if (it == nodes.end() || !it->second)
    {
        throw std::invalid_argument(what + ": no node '" + name + "'");
    }
    return it->second;
}

/// The class a demand uses by default.
const OpticalTransponderClass&
ClassOf(const std::string& name, const std::string& what)
{
    const OpticalTransponderClass* cls = OpticalTransponderClass::Find(name);
    if (!cls)
    {
        throw std::invalid_argument(what + ": unknown transponder class '" + name + "'");
    }
    return *cls;
}

/// Parse a device queue size such as "100p" or "1MB".
QueueSize
ParseQueue(const std::string& text, const std::string& what)
{
    std::istringstream in(text);
    QueueSize size;
    in >> size;
    std::string rest;
    if (in.fail() || (in >> rest) || size.GetValue() == 0)
    {
        throw std::invalid_argument(what + ": queue size '" + text +
                                    "' is not a positive number of packets or bytes");
    }
    return size;
}

/// One end transponder of a lightpath on a node.
Ptr<OpticalTransponderNetDevice>
MakeTransponder(Ptr<Node> node, const OpticalTransponderClass& cls, QueueSize queueSize)
{
    Ptr<OpticalTransponderNetDevice> dev = CreateObject<OpticalTransponderNetDevice>();
    dev->SetAttribute("TransponderClass", StringValue(cls.name));
    dev->SetAddress(Mac48Address::Allocate());
    dev->SetDataRate(DataRate(static_cast<uint64_t>(std::llround(cls.lineRate))));
    node->AddDevice(dev);
    Ptr<Queue<Packet>> queue = CreateObject<DropTailQueue<Packet>>();
    queue->SetAttribute("MaxSize", QueueSizeValue(queueSize));
    dev->SetQueue(queue);
    // Flow control as PointToPointHelper sets it up: traffic control sees the device queue.
    Ptr<NetDeviceQueueInterface> ndqi = CreateObject<NetDeviceQueueInterface>();
    ndqi->GetTxQueue(0)->ConnectQueueTraces(queue);
    dev->AggregateObject(ndqi);
    return dev;
}

} // namespace

std::vector<const OpticalLightpath*>
OpticalInstallation::GetBlocked() const
{
    std::vector<const OpticalLightpath*> blocked;
    for (const OpticalLightpath& lp : lightpaths)
    {
        if (!lp.established)
        {
            blocked.push_back(&lp);
        }
    }
    return blocked;
}

OpticalHelper::OpticalHelper()
{
    m_rwaFactory.SetTypeId(OpticalRwa::GetTypeId());
}

void
OpticalHelper::SetRwaAttribute(const std::string& name, const AttributeValue& value)
{
    m_rwaFactory.Set(name, value);
}

Ptr<OpticalNetwork>
OpticalHelper::BuildNetwork(const OpticalNetworkSpec& spec) const
{
    NS_LOG_FUNCTION(this);
    Ptr<OpticalNetwork> network = CreateObject<OpticalNetwork>();
    network->SetGrid(OpticalWavelengthGrid::ForChannelCount(spec.channels));
    network->SetLineSystem(spec.line);
    for (const std::string& name : spec.GetRoadmNames())
    {
        network->AddRoadm(name);
    }
    for (const OpticalFibreSpec& f : spec.fibres)
    {
        const auto a = network->FindRoadm(f.a);
        const auto b = network->FindRoadm(f.b);
        const std::string what = "fibre " + f.a + "-" + f.b;
        if (!a || !b)
        {
            throw std::invalid_argument(what + ": both ends must be ROADM sites");
        }
        if (!f.lengthKm)
        {
            throw std::invalid_argument(what + ": no length (give one, or derive it from the "
                                               "sites before building)");
        }
        network->AddFibre(*a, *b, *f.lengthKm, f.aerial);
    }
    return network;
}

OpticalInstallation
OpticalHelper::Provision(const OpticalNetworkSpec& spec) const
{
    NS_LOG_FUNCTION(this);
    OpticalInstallation inst;
    inst.network = BuildNetwork(spec);
    inst.roadmNodes = spec.GetRoadmNames();
    inst.addDropPorts.assign(inst.network->GetNRoadms(), 0);
    inst.ipLinkDevices.resize(inst.network->GetNFibres());
    inst.ipChannels.resize(inst.network->GetNFibres());
    const uint32_t channels = inst.network->GetGrid().channels;
    for (uint32_t f = 0; f < spec.fibres.size(); ++f)
    {
        inst.fibreNames.push_back(spec.fibres[f].GetName());
        if (!spec.fibres[f].ipLink)
        {
            continue;
        }
        // The routed layer's wavelength is a wavelength like any other: it takes the first
        // free channel before the demands are routed, so they see one channel fewer.
        for (uint32_t c = 0; c < channels && !inst.ipChannels[f]; ++c)
        {
            if (inst.network->IsChannelFree(f, c))
            {
                inst.network->OccupyChannel(f, c);
                inst.ipChannels[f] = c;
            }
        }
    }
    Ptr<OpticalRwa> rwa = m_rwaFactory.Create<OpticalRwa>();
    rwa->SetAttribute("CandidatePaths", UintegerValue(spec.candidatePaths));
    rwa->SetAttribute("AllowRegenerators", BooleanValue(spec.allowRegenerators));
    rwa->SetAttribute("AllowSlowerTransponder", BooleanValue(spec.allowSlowerTransponder));
    rwa->SetNetwork(inst.network);
    for (const OpticalDemandSpec& d : spec.demands)
    {
        const auto from = inst.network->FindRoadm(d.from);
        const auto to = inst.network->FindRoadm(d.to);
        if (!from || !to)
        {
            throw std::invalid_argument("demand '" + d.name + "': both ends must be ROADM sites");
        }
        OpticalDemand demand;
        demand.name = d.name;
        demand.from = *from;
        demand.to = *to;
        demand.rate = d.rate;
        demand.transponderClass =
            d.transponderClass.empty() ? spec.transponderClass : d.transponderClass;
        inst.lightpaths.push_back(rwa->Provision(demand));
    }
    inst.lightpathDevices.resize(inst.lightpaths.size());
    return inst;
}

void
OpticalHelper::InstallLightpaths(OpticalInstallation& inst,
                                 const OpticalNetworkSpec& spec,
                                 const std::map<std::string, Ptr<Node>>& nodes) const
{
    NS_LOG_FUNCTION(this);
    for (std::size_t i = 0; i < inst.lightpaths.size(); ++i)
    {
        const OpticalLightpath& lp = inst.lightpaths[i];
        if (!lp.established)
        {
            continue;
        }
        const OpticalDemandSpec& d = spec.demands.at(i);
        const QueueSize queue =
            ParseQueue(d.queue.empty() ? spec.queue : d.queue, "demand " + d.name);
        const OpticalTransponderClass& cls = ClassOf(lp.transponderClass, "demand " + d.name);
        Ptr<Node> a = NodeOf(nodes, d.GetFromNode(), "demand " + d.name);
        Ptr<Node> b = NodeOf(nodes, d.GetToNode(), "demand " + d.name);
        Ptr<OpticalTransponderNetDevice> devA = MakeTransponder(a, cls, queue);
        Ptr<OpticalTransponderNetDevice> devB = MakeTransponder(b, cls, queue);
        Ptr<OpticalPathChannel> channel = CreateObject<OpticalPathChannel>();
        channel->Configure(lp, inst.network->GetLineSystem(), cls);
        devA->Attach(channel);
        devB->Attach(channel);
        inst.lightpathDevices[i].Add(devA);
        inst.lightpathDevices[i].Add(devB);
        ++inst.addDropPorts[lp.route.roadms.front()];
        ++inst.addDropPorts[lp.route.roadms.back()];
        for (uint32_t site : lp.GetRegeneratorSites())
        {
            inst.addDropPorts[site] += 2; // the regenerator's receiver and transmitter
        }
        TimeValue delay;
        channel->GetAttribute("Delay", delay);
        inst.edges.push_back(
            {"lightpath/" + d.name, d.GetFromNode(), d.GetToNode(), devA, devB, delay.Get()});
    }
}

void
OpticalHelper::InstallIpLayer(OpticalInstallation& inst,
                              const OpticalNetworkSpec& spec,
                              const std::map<std::string, Ptr<Node>>& nodes) const
{
    NS_LOG_FUNCTION(this);
    const EquipmentProfile* router = EquipmentProfile::Find(spec.ipLayer.routerProfile);
    if (!router)
    {
        throw std::invalid_argument("optical IP layer: unknown equipment profile '" +
                                    spec.ipLayer.routerProfile + "'");
    }
    const OpticalTransponderClass& cls = ClassOf(spec.transponderClass, "optical IP layer");
    const OpticalLineSystem& line = inst.network->GetLineSystem();
    WiredLinkHelper wired;
    for (uint32_t f = 0; f < inst.network->GetNFibres(); ++f)
    {
        const OpticalFibreSpec& written = spec.fibres.at(f);
        if (!written.ipLink)
        {
            continue;
        }
        const OpticalNetwork::Fibre& fibre = inst.network->GetFibre(f);
        const std::string& siteA = inst.roadmNodes[fibre.a];
        const std::string& siteB = inst.roadmNodes[fibre.b];
        WiredLinkSettings s;
        s.profile = "fiber";
        s.rateDown = written.ipRate > 0.0      ? written.ipRate
                     : spec.ipLayer.rate > 0.0 ? spec.ipLayer.rate
                                               : cls.lineRate;
        s.lengthMetres = fibre.lengthKm * 1000.0;
        // The wire is one wavelength between the two routers: the fibre's amplifiers and a
        // transponder pair (framing, FEC, DSP), O-E-O at both sites.
        s.extraLatency =
            line.GetSpanCount(fibre.lengthKm) * line.amplifierLatency + cls.pairLatency;
        s.processingA = written.processingA.value_or(router->processingDelay);
        s.processingB = written.processingB.value_or(router->processingDelay);
        s.queueSize = written.ipQueue.empty() ? spec.ipLayer.queue : written.ipQueue;
        const std::string what = "IP link " + siteA + "-" + siteB;
        NetDeviceContainer devices =
            wired.Install(NodeOf(nodes, siteA, what), NodeOf(nodes, siteB, what), s);
        inst.ipLinkDevices[f] = devices;
        ++inst.addDropPorts[fibre.a];
        ++inst.addDropPorts[fibre.b];
        // One-way latency without serialisation or queueing: the wire and the receiving
        // router's processing (the sender's is spent before the packet is on the wire).
        inst.edges.push_back({"ip/" + inst.fibreNames[f],
                              siteA,
                              siteB,
                              devices.Get(0),
                              devices.Get(1),
                              WiredLinkHelper::ChannelDelay(s) + s.processingB});
    }
}

std::vector<OpticalElement>
OpticalHelper::GetElements(const OpticalInstallation& inst, const OpticalNetworkSpec& spec) const
{
    const OpticalEquipment& eq = spec.equipment;
    std::vector<OpticalElement> out;
    for (uint32_t r = 0; r < inst.network->GetNRoadms(); ++r)
    {
        OpticalElement e;
        e.kind = OpticalElement::Kind::ROADM;
        e.node = inst.roadmNodes[r];
        e.name = "roadm/" + e.node;
        e.roadm = static_cast<int32_t>(r);
        e.power = eq.CreateRoadmPowerModel(inst.network->GetDegree(r), inst.addDropPorts[r]);
        e.cost = eq.GetRoadmCost(e.name, e.node, inst.network->GetDegree(r), inst.addDropPorts[r]);
        out.push_back(e);
    }
    for (uint32_t f = 0; f < inst.network->GetNFibres(); ++f)
    {
        // In-line amplifier sites stand on the fibre's route, not at a node: the fibre's name
        // stands for their site.
        const std::string& fibre = inst.fibreNames[f];
        const OpticalNetwork::Fibre& spanned = inst.network->GetFibre(f);
        OpticalElement plant;
        plant.kind = OpticalElement::Kind::FIBRE_PLANT;
        plant.name = "fibre/" + fibre;
        plant.node = fibre;
        plant.fibre = static_cast<int32_t>(f);
        plant.cost = eq.GetFibreCost(plant.name, spanned.lengthKm, spanned.aerial);
        out.push_back(plant);
        for (uint32_t k = 1; k <= inst.network->GetInlineAmplifierCount(f); ++k)
        {
            OpticalElement ila;
            ila.kind = OpticalElement::Kind::AMPLIFIER_SITE;
            ila.name = "ila/" + fibre + "/" + std::to_string(k);
            ila.node = fibre;
            ila.fibre = static_cast<int32_t>(f);
            ila.power = eq.CreateAmplifierSitePowerModel();
            ila.cost = eq.GetAmplifierSiteCost(ila.name);
            out.push_back(ila);
        }
    }
    auto transponder = [&](const std::string& name,
                           const std::string& node,
                           const std::string& cls,
                           int32_t roadm,
                           int32_t fibre,
                           int32_t demand,
                           Ptr<NetDevice> device) {
        OpticalElement e;
        e.kind = OpticalElement::Kind::TRANSPONDER;
        e.name = name;
        e.node = node;
        e.roadm = roadm;
        e.fibre = fibre;
        e.demand = demand;
        e.power = eq.CreateTransponderPowerModel(ClassOf(cls, name));
        e.cost = eq.GetTransponderCost(name, node, ClassOf(cls, name));
        if (device)
        {
            e.devices.Add(device);
        }
        out.push_back(e);
    };
    for (std::size_t i = 0; i < inst.lightpaths.size(); ++i)
    {
        const OpticalLightpath& lp = inst.lightpaths[i];
        if (!lp.established || inst.lightpathDevices[i].GetN() == 0)
        {
            continue;
        }
        const OpticalDemandSpec& d = spec.demands.at(i);
        const int32_t demand = static_cast<int32_t>(i);
        const std::string* ends[2] = {&d.GetFromNode(), &d.GetToNode()};
        const uint32_t roadms[2] = {lp.route.roadms.front(), lp.route.roadms.back()};
        for (uint32_t end = 0; end < 2; ++end)
        {
            transponder("transponder/" + d.name + "/" + *ends[end],
                        *ends[end],
                        lp.transponderClass,
                        static_cast<int32_t>(roadms[end]),
                        -1,
                        demand,
                        inst.lightpathDevices[i].Get(end));
        }
        for (uint32_t site : lp.GetRegeneratorSites())
        {
            const std::string& node = inst.roadmNodes[site];
            for (const char* side : {"/rx", "/tx"})
            {
                transponder("regenerator/" + d.name + "/" + node + side,
                            node,
                            lp.transponderClass,
                            static_cast<int32_t>(site),
                            -1,
                            demand,
                            nullptr);
            }
        }
    }
    for (uint32_t f = 0; f < inst.ipLinkDevices.size(); ++f)
    {
        if (inst.ipLinkDevices[f].GetN() == 0)
        {
            continue;
        }
        const OpticalNetwork::Fibre& fibre = inst.network->GetFibre(f);
        const std::string name = "transponder/ip/" + inst.fibreNames[f];
        const uint32_t ends[2] = {fibre.a, fibre.b};
        for (uint32_t end = 0; end < 2; ++end)
        {
            transponder(name + "/" + inst.roadmNodes[ends[end]],
                        inst.roadmNodes[ends[end]],
                        spec.transponderClass,
                        static_cast<int32_t>(ends[end]),
                        static_cast<int32_t>(f),
                        -1,
                        inst.ipLinkDevices[f].Get(end));
        }
    }
    return out;
}

void
OpticalHelper::RegisterEnergy(const OpticalInstallation& inst,
                              const OpticalNetworkSpec& spec,
                              Ptr<EnergyMeter> meter) const
{
    NS_LOG_FUNCTION(this);
    for (const OpticalElement& e : GetElements(inst, spec))
    {
        if (e.power)
        {
            meter->AddElement(e.name, e.node, "optical", e.power, NetDeviceContainer());
        }
    }
}

void
OpticalHelper::RegisterCost(const OpticalInstallation& inst,
                            const OpticalNetworkSpec& spec,
                            CostLedger& ledger) const
{
    NS_LOG_FUNCTION(this);
    for (const OpticalElement& e : GetElements(inst, spec))
    {
        ledger.Add(e.cost);
    }
}

int64_t
OpticalHelper::AssignStreams(NetDeviceContainer devices, int64_t stream) const
{
    NS_LOG_FUNCTION(this << stream);
    return 0;
}

} // namespace blueprint
} // namespace ns3
