/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/pon/pon-helper.h"

#include "model/cost/cost-ledger.h"
#include "model/energy/energy-meter.h"
#include "model/pon/pon-channel.h"
#include "model/pon/pon-dba.h"
#include "model/pon/pon-flavour.h"
#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-onu-net-device.h"
#include "model/pon/pon-upstream-scheduler.h"
#include "model/routing/framed-route-sink.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonHelper");

namespace
{

/// Flavour short names and their TypeIds.
const std::vector<std::pair<std::string, std::string>> kFlavours = {
    {"gpon", "ns3::blueprint::GponFlavour"},
    {"xgs-pon", "ns3::blueprint::XgsPonFlavour"},
    {"ge-pon", "ns3::blueprint::GePonFlavour"},
    {"10g-epon", "ns3::blueprint::TenGEponFlavour"}};

/// DBA aliases and their TypeIds.
const std::vector<std::pair<std::string, std::string>> kDbas = {
    {"status-reporting", "ns3::blueprint::PonStatusReportingDba"},
    {"fixed", "ns3::blueprint::PonFixedGrantDba"},
    {"cooperative", "ns3::blueprint::PonCooperativeDba"}};

/**
 * \brief The TypeId an alias or a TypeId name stands for.
 * \param name the alias or TypeId name.
 * \param aliases the aliases.
 * \param base the base every accepted type inherits from.
 * \param what what it names, for messages.
 * \return the TypeId; \throws std::invalid_argument for neither.
 */
TypeId
Resolve(const std::string& name,
        const std::vector<std::pair<std::string, std::string>>& aliases,
        TypeId base,
        const std::string& what)
{
    std::string typeName = name;
    for (const auto& [alias, type] : aliases)
    {
        if (alias == name)
        {
            typeName = type;
        }
    }
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(typeName, &tid) || !tid.IsChildOf(base) ||
        !tid.HasConstructor())
    {
        std::string known;
        for (const auto& [alias, type] : aliases)
        {
            known += (known.empty() ? "" : ", ") + alias;
        }
        throw std::invalid_argument("unknown " + what + " '" + name + "' (known: " + known +
                                    ", or any class inheriting from " + base.GetName() + ")");
    }
    return tid;
}

} // namespace

PonHelper::PonHelper()
{
    m_flavourFactory.SetTypeId(GponFlavour::GetTypeId());
    m_dbaFactory.SetTypeId(PonStatusReportingDba::GetTypeId());
    m_oltFactory.SetTypeId(PonOltNetDevice::GetTypeId());
    m_onuFactory.SetTypeId(PonOnuNetDevice::GetTypeId());
}

bool
PonHelper::IsCooperative(const std::string& dba)
{
    try
    {
        // TypeId::IsChildOf is false for the type itself.
        const TypeId tid = Resolve(dba, kDbas, PonDba::GetTypeId(), "DBA policy");
        return tid == PonCooperativeDba::GetTypeId() ||
               tid.IsChildOf(PonCooperativeDba::GetTypeId());
    }
    catch (const std::invalid_argument&)
    {
        return false;
    }
}

std::vector<std::string>
PonHelper::DbaNames()
{
    std::vector<std::string> names;
    for (const auto& [alias, type] : kDbas)
    {
        names.push_back(alias);
    }
    return names;
}

void
PonHelper::SetFlavour(const std::string& name)
{
    m_flavourFactory.SetTypeId(Resolve(name, kFlavours, PonFlavour::GetTypeId(), "PON flavour"));
}

void
PonHelper::SetFlavourAttribute(const std::string& name, const AttributeValue& value)
{
    m_flavourFactory.Set(name, value);
}

void
PonHelper::SetDba(const std::string& name)
{
    m_dbaFactory.SetTypeId(Resolve(name, kDbas, PonDba::GetTypeId(), "DBA policy"));
}

void
PonHelper::SetDbaAttribute(const std::string& name, const AttributeValue& value)
{
    m_dbaFactory.Set(name, value);
}

void
PonHelper::SetOltAttribute(const std::string& name, const AttributeValue& value)
{
    m_oltFactory.Set(name, value);
}

void
PonHelper::SetOnuAttribute(const std::string& name, const AttributeValue& value)
{
    m_onuFactory.Set(name, value);
}

NetDeviceContainer
PonHelper::Install(Ptr<Node> olt, NodeContainer onus, std::vector<double> distancesKm)
{
    NS_LOG_FUNCTION(this << olt << onus.GetN());
    NS_ABORT_MSG_IF(distancesKm.size() != onus.GetN(), "PonHelper::Install: one distance per ONU");
    Ptr<PonChannel> channel = CreateObject<PonChannel>();
    Ptr<PonOltNetDevice> oltDev = m_oltFactory.Create<PonOltNetDevice>();
    oltDev->SetAttribute("Flavour", PointerValue(m_flavourFactory.Create<PonFlavour>()));
    oltDev->SetAttribute("Dba", PointerValue(m_dbaFactory.Create<PonDba>()));
    olt->AddDevice(oltDev);
    oltDev->Attach(channel);
    // Routes the node installs towards addresses behind an ONU reach the OLT as framed routes.
    Ptr<FramedRouteSink> framed = CreateObject<FramedRouteSink>();
    framed->SetCallbacks(MakeCallback(&PonOltNetDevice::AddFramedRoute, PeekPointer(oltDev)),
                         MakeCallback(&PonOltNetDevice::RemoveFramedRoute, PeekPointer(oltDev)));
    oltDev->AggregateObject(framed);
    NetDeviceContainer devices(oltDev);
    for (uint32_t i = 0; i < onus.GetN(); ++i)
    {
        Ptr<PonOnuNetDevice> dev = m_onuFactory.Create<PonOnuNetDevice>();
        onus.Get(i)->AddDevice(dev);
        dev->Attach(channel, distancesKm[i]);
        devices.Add(dev);
    }
    return devices;
}

std::string
PonHelper::Check(const PonLinkSpec& spec)
{
    std::ostringstream problem;
    Ptr<PonFlavour> flavour;
    try
    {
        TypeId tid = Resolve(spec.flavour, kFlavours, PonFlavour::GetTypeId(), "PON flavour");
        ObjectFactory factory(tid.GetName());
        flavour = factory.Create<PonFlavour>();
        Resolve(spec.dba, kDbas, PonDba::GetTypeId(), "DBA policy");
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    if (spec.split < 2 || spec.split > 128 || (spec.split & (spec.split - 1)) != 0)
    {
        problem << "split ratio 1:" << spec.split << " is not a power of two from 1:2 to 1:128";
        return problem.str();
    }
    if (spec.onus.empty() || spec.onus.size() > spec.split)
    {
        problem << spec.onus.size() << " ONUs do not fit a 1:" << spec.split << " splitter";
        return problem.str();
    }
    const double budget = spec.budgetDb.value_or(flavour->GetPowerBudgetDb());
    const double reach =
        std::min(flavour->GetMaxReachKm(), PonChannel::GetBudgetReachKm(budget, spec.split));
    for (std::size_t i = 0; i < spec.onus.size(); ++i)
    {
        const double km = spec.GetDistanceKm(i);
        if (!(km >= 0.0) || spec.onus[i].dropKm < 0.0 || spec.feederKm < 0.0)
        {
            return "fibre lengths must not be negative";
        }
        if (km > reach + 1e-9)
        {
            problem << "ONU " << spec.onus[i].node << " is " << km
                    << " km from the OLT, beyond the " << flavour->GetName() << " reach of "
                    << std::floor(reach * 10) / 10 << " km with a 1:" << spec.split << " splitter ("
                    << budget << " dB budget, physical limit " << flavour->GetMaxReachKm()
                    << " km)";
            return problem.str();
        }
    }
    if (!spec.cti.empty() && !IsCooperative(spec.dba))
    {
        return "announced arrivals (cti) need the cooperative DBA";
    }
    return "";
}

PonInstallation
PonHelper::Install(const PonLinkSpec& spec, const std::map<std::string, Ptr<Node>>& nodes)
{
    NS_LOG_FUNCTION(this << spec.olt);
    auto nodeOf = [&nodes, &spec](const std::string& name) {
        auto it = nodes.find(name);
        if (it == nodes.end() || !it->second)
        {
            throw std::invalid_argument("PON of OLT " + spec.olt + ": no node '" + name + "'");
        }
        return it->second;
    };
    NodeContainer onus;
    for (const PonOnuSpec& onu : spec.onus)
    {
        onus.Add(nodeOf(onu.node));
    }
    return Install(spec, nodeOf(spec.olt), onus);
}

PonInstallation
PonHelper::Install(const PonLinkSpec& spec, Ptr<Node> oltNode, const NodeContainer& onuNodes)
{
    NS_LOG_FUNCTION(this << spec.olt);
    const std::string problem = Check(spec);
    if (!problem.empty())
    {
        throw std::invalid_argument("PON of OLT " + spec.olt + ": " + problem);
    }
    NS_ABORT_MSG_IF(onuNodes.GetN() != spec.onus.size(),
                    "PonHelper::Install: one node per ONU of the spec");
    PonHelper h = ForSpec(spec);
    std::vector<double> distances;
    for (std::size_t i = 0; i < spec.onus.size(); ++i)
    {
        distances.push_back(spec.GetDistanceKm(i));
    }
    PonInstallation inst;
    inst.devices = h.Install(oltNode, onuNodes, distances);
    Ptr<PonOltNetDevice> olt = DynamicCast<PonOltNetDevice>(inst.devices.Get(0));
    inst.channel = olt->GetPonChannel();
    for (std::size_t i = 0; i < spec.onus.size(); ++i)
    {
        inst.edges.push_back({spec.onus[i].node,
                              olt,
                              inst.devices.Get(i + 1),
                              inst.channel->GetPropagationDelay(i)});
    }
    try
    {
        olt->GetScheduler()->Configure(); // the layout must fit the frame: say so now
    }
    catch (const std::logic_error& e)
    {
        throw std::invalid_argument("PON of OLT " + spec.olt + ": " + e.what());
    }
    if (Ptr<PonCooperativeDba> cooperative = DynamicCast<PonCooperativeDba>(olt->GetDba()))
    {
        for (const PonCtiSpec& c : spec.cti)
        {
            uint32_t index = 0;
            while (index < spec.onus.size() && spec.onus[index].GetLabel() != c.onu)
            {
                ++index;
            }
            if (index == spec.onus.size())
            {
                throw std::invalid_argument("PON of OLT " + spec.olt + ": announced arrivals at '" +
                                            c.onu + "', which is not one of its ONUs");
            }
            cooperative->AddSchedule(index, c.first, c.period, c.packetBytes, c.packets);
        }
        if (!spec.cti.empty())
        {
            olt->GetScheduler()->NotifyArrivalsAnnounced();
        }
    }
    return inst;
}

PonHelper
PonHelper::ForSpec(const PonLinkSpec& spec) const
{
    PonHelper h = *this;
    h.SetFlavour(spec.flavour);
    h.SetDba(spec.dba);
    h.SetDbaAttribute("Cycle", TimeValue(spec.cycle));
    h.SetDbaAttribute("MaxGrant", UintegerValue(spec.maxGrantBytes));
    if (h.m_dbaFactory.GetTypeId() == PonFixedGrantDba::GetTypeId())
    {
        h.SetDbaAttribute("GrantRate", DoubleValue(spec.fixedRate));
    }
    if (h.m_dbaFactory.GetTypeId() == PonCooperativeDba::GetTypeId())
    {
        h.SetDbaAttribute("Margin", TimeValue(spec.cooperativeMargin));
    }
    h.SetOltAttribute("QueueSize", UintegerValue(spec.oltQueuePackets));
    h.SetOnuAttribute("QueueSize", UintegerValue(spec.onuQueuePackets));
    return h;
}

std::string
PonHelper::CheckFrameLayout(const PonLinkSpec& spec, uint32_t onus)
{
    const PonHelper h = PonHelper().ForSpec(spec);
    Ptr<PonFlavour> flavour = h.m_flavourFactory.Create<PonFlavour>();
    Ptr<PonDba> dba = h.m_dbaFactory.Create<PonDba>();
    return PonUpstreamScheduler::GetFrameLayout(*flavour, *dba, onus).problem;
}

void
PonHelper::AttachOnuAddresses(Ptr<NetDevice> oltDevice) const
{
    Ptr<PonOltNetDevice> olt = DynamicCast<PonOltNetDevice>(oltDevice);
    NS_ABORT_MSG_IF(!olt, "PonHelper::AttachOnuAddresses: the device is not a PonOltNetDevice");
    Ptr<PonChannel> channel = olt->GetPonChannel();
    for (uint32_t i = 0; i < channel->GetNOnus(); ++i)
    {
        Ptr<PonOnuNetDevice> onu = channel->GetOnu(i);
        Ptr<Ipv4> ipv4 = onu->GetNode()->GetObject<Ipv4>();
        NS_ABORT_MSG_IF(!ipv4, "PonHelper::AttachOnuAddresses: ONU node has no IPv4 stack");
        const int32_t interface = ipv4->GetInterfaceForDevice(onu);
        NS_ABORT_MSG_IF(interface < 0 || ipv4->GetNAddresses(interface) == 0,
                        "PonHelper::AttachOnuAddresses: ONU has no address on its PON device");
        olt->AddOnuAddress(i, ipv4->GetAddress(interface, 0).GetLocal());
    }
}

void
PonHelper::RegisterEnergy(const PonInstallation& inst,
                          const PonLinkSpec& spec,
                          Ptr<EnergyMeter> meter) const
{
    meter->AddElement("olt/" + spec.olt,
                      spec.olt,
                      "pon",
                      spec.equipment.CreateOltPowerModel(),
                      NetDeviceContainer(inst.devices.Get(0)));
    for (std::size_t i = 0; i < spec.onus.size(); ++i)
    {
        const std::string& node = spec.onus[i].node;
        meter->AddElement("onu/" + spec.onus[i].GetLabel(),
                          node,
                          "pon",
                          spec.equipment.CreateOnuPowerModel(),
                          NetDeviceContainer(inst.devices.Get(i + 1)));
    }
}

void
PonHelper::RegisterCost(const PonInstallation& inst,
                        const PonLinkSpec& spec,
                        CostLedger& ledger) const
{
    const PonEquipment& eq = spec.equipment;
    ledger.Add(eq.GetOltCost("olt/" + spec.olt, spec.olt));
    ledger.Add(eq.GetSplitterCost("splitter/" + spec.olt));
    if (spec.feederKm > 0.0)
    {
        ledger.Add(eq.GetFibreCost("fibre/" + spec.olt + "/feeder", spec.feederKm, false));
    }
    for (const PonOnuSpec& onu : spec.onus)
    {
        ledger.Add(eq.GetOnuCost("onu/" + onu.GetLabel(), onu.node));
        if (onu.dropKm > 0.0)
        {
            ledger.Add(
                eq.GetFibreCost("fibre/" + spec.olt + "/drop/" + onu.GetLabel(), onu.dropKm, true));
        }
    }
}

int64_t
PonHelper::AssignStreams(NetDeviceContainer devices, int64_t stream) const
{
    return 0;
}

} // namespace blueprint
} // namespace ns3
