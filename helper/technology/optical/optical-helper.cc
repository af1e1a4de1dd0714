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

/// The name of a fibre: its two sites.
std::string
FibreName(const OpticalInstallation& inst, uint32_t fibre)
{
    const OpticalNetwork::Fibre& f = inst.network->GetFibre(fibre);
    return inst.roadmNodes[f.a] + "-" + inst.roadmNodes[f.b];
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
    const QueueSize queue = ParseQueue(spec.queue, "optical network");
    for (std::size_t i = 0; i < inst.lightpaths.size(); ++i)
    {
        const OpticalLightpath& lp = inst.lightpaths[i];
        if (!lp.established)
        {
            continue;
        }
        const OpticalDemandSpec& d = spec.demands.at(i);
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
        const OpticalNetwork::Fibre& fibre = inst.network->GetFibre(f);
        const std::string& siteA = inst.roadmNodes[fibre.a];
        const std::string& siteB = inst.roadmNodes[fibre.b];
        WiredLinkSettings s;
        s.profile = "fiber";
        s.rateDown = spec.ipLayer.rate > 0.0 ? spec.ipLayer.rate : cls.lineRate;
        s.lengthMetres = fibre.lengthKm * 1000.0;
        // The wire is one wavelength between the two routers: the fibre's amplifiers and a
        // transponder pair (framing, FEC, DSP), O-E-O at both sites.
        s.extraLatency =
            line.GetSpanCount(fibre.lengthKm) * line.amplifierLatency + cls.pairLatency;
        s.processingA = router->processingDelay;
        s.processingB = router->processingDelay;
        s.queueSize = spec.ipLayer.queue;
        const std::string what = "IP link " + siteA + "-" + siteB;
        NetDeviceContainer devices =
            wired.Install(NodeOf(nodes, siteA, what), NodeOf(nodes, siteB, what), s);
        inst.ipLinkDevices[f] = devices;
        ++inst.addDropPorts[fibre.a];
        ++inst.addDropPorts[fibre.b];
        inst.edges.push_back({"ip/" + siteA + "-" + siteB,
                              siteA,
                              siteB,
                              devices.Get(0),
                              devices.Get(1),
                              WiredLinkHelper::ChannelDelay(s) + router->processingDelay});
    }
}

std::vector<std::tuple<std::string, std::string, std::string>>
OpticalHelper::Transponders(const OpticalInstallation& inst, const OpticalNetworkSpec& spec) const
{
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (std::size_t i = 0; i < inst.lightpaths.size(); ++i)
    {
        const OpticalLightpath& lp = inst.lightpaths[i];
        if (!lp.established || inst.lightpathDevices[i].GetN() == 0)
        {
            continue;
        }
        const OpticalDemandSpec& d = spec.demands.at(i);
        out.emplace_back("transponder/" + d.name + "/" + d.GetFromNode(),
                         d.GetFromNode(),
                         lp.transponderClass);
        out.emplace_back("transponder/" + d.name + "/" + d.GetToNode(),
                         d.GetToNode(),
                         lp.transponderClass);
        for (uint32_t site : lp.GetRegeneratorSites())
        {
            const std::string& node = inst.roadmNodes[site];
            out.emplace_back("regenerator/" + d.name + "/" + node + "/rx",
                             node,
                             lp.transponderClass);
            out.emplace_back("regenerator/" + d.name + "/" + node + "/tx",
                             node,
                             lp.transponderClass);
        }
    }
    for (uint32_t f = 0; f < inst.ipLinkDevices.size(); ++f)
    {
        if (inst.ipLinkDevices[f].GetN() == 0)
        {
            continue;
        }
        const OpticalNetwork::Fibre& fibre = inst.network->GetFibre(f);
        const std::string name = "transponder/ip/" + FibreName(inst, f);
        out.emplace_back(name + "/" + inst.roadmNodes[fibre.a],
                         inst.roadmNodes[fibre.a],
                         spec.transponderClass);
        out.emplace_back(name + "/" + inst.roadmNodes[fibre.b],
                         inst.roadmNodes[fibre.b],
                         spec.transponderClass);
    }
    return out;
}

void
OpticalHelper::RegisterEnergy(const OpticalInstallation& inst,
                              const OpticalNetworkSpec& spec,
                              Ptr<EnergyMeter> meter) const
{
    NS_LOG_FUNCTION(this);
    const OpticalEquipment& eq = spec.equipment;
    for (uint32_t r = 0; r < inst.network->GetNRoadms(); ++r)
    {
        const std::string& node = inst.roadmNodes[r];
        meter->AddElement(
            "roadm/" + node,
            node,
            "optical",
            eq.CreateRoadmPowerModel(inst.network->GetDegree(r), inst.addDropPorts[r]),
            NetDeviceContainer());
    }
    for (uint32_t f = 0; f < inst.network->GetNFibres(); ++f)
    {
        // In-line amplifier sites stand on the fibre's route, not at a node: the fibre's name
        // stands for their site.
        const std::string fibre = FibreName(inst, f);
        for (uint32_t k = 1; k <= inst.network->GetInlineAmplifierCount(f); ++k)
        {
            meter->AddElement("ila/" + fibre + "/" + std::to_string(k),
                              fibre,
                              "optical",
                              eq.CreateAmplifierSitePowerModel(),
                              NetDeviceContainer());
        }
    }
    for (const auto& [element, node, cls] : Transponders(inst, spec))
    {
        meter->AddElement(element,
                          node,
                          "optical",
                          eq.CreateTransponderPowerModel(ClassOf(cls, element)),
                          NetDeviceContainer());
    }
}

void
OpticalHelper::RegisterCost(const OpticalInstallation& inst,
                            const OpticalNetworkSpec& spec,
                            CostLedger& ledger) const
{
    NS_LOG_FUNCTION(this);
    const OpticalEquipment& eq = spec.equipment;
    for (uint32_t r = 0; r < inst.network->GetNRoadms(); ++r)
    {
        const std::string& node = inst.roadmNodes[r];
        ledger.Add(eq.GetRoadmCost("roadm/" + node,
                                   node,
                                   inst.network->GetDegree(r),
                                   inst.addDropPorts[r]));
    }
    for (uint32_t f = 0; f < inst.network->GetNFibres(); ++f)
    {
        const std::string fibre = FibreName(inst, f);
        const OpticalNetwork::Fibre& spanned = inst.network->GetFibre(f);
        ledger.Add(eq.GetFibreCost("fibre/" + fibre, spanned.lengthKm, spanned.aerial));
        for (uint32_t k = 1; k <= inst.network->GetInlineAmplifierCount(f); ++k)
        {
            ledger.Add(eq.GetAmplifierSiteCost("ila/" + fibre + "/" + std::to_string(k)));
        }
    }
    for (const auto& [element, node, cls] : Transponders(inst, spec))
    {
        ledger.Add(eq.GetTransponderCost(element, node, ClassOf(cls, element)));
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
