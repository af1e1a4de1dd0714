/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/nr/nr-helper.h"

#include "helper/scenario/attribute-text.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-mac-scheduler-rr.h"
#include "model/nr/nr-ue-net-device.h"
#include "model/routing/framed-route-sink.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"

#include <set>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrHelper");

/// Upper edge of FR1 (TS 38.104 Table 5.1-1: 410-7125 MHz); carriers above it are FR2.
static constexpr double FR1_MAX_HZ = 7.125e9;

/**
 * \brief Describe a channel's carrier as a band profile, for the cell and UE class catalogues.
 * \param channel the channel.
 * \return a profile with its frequency, bandwidth and frequency range.
 */
static NrBandProfile
CarrierOf(Ptr<NrChannel> channel)
{
    DoubleValue frequency;
    DoubleValue bandwidth;
    channel->GetAttribute("Frequency", frequency);
    channel->GetAttribute("Bandwidth", bandwidth);
    NrBandProfile band;
    band.frequencyHz = frequency.Get();
    band.bandwidthHz = bandwidth.Get();
    band.fr2 = band.frequencyHz > FR1_MAX_HZ;
    return band;
}

NrHelper::NrHelper()
    : m_hasGnbRadio(false),
      m_hasUeRadio(false)
{
    m_gnbFactory.SetTypeId(NrGnbNetDevice::GetTypeId());
    m_ueFactory.SetTypeId(NrUeNetDevice::GetTypeId());
    m_schedulerFactory.SetTypeId(NrMacSchedulerRr::GetTypeId());
}

void
NrHelper::SetGnbAttribute(const std::string& name, const AttributeValue& value)
{
    m_gnbFactory.Set(name, value);
}

void
NrHelper::SetUeAttribute(const std::string& name, const AttributeValue& value)
{
    m_ueFactory.Set(name, value);
}

void
NrHelper::SetSchedulerType(TypeId type)
{
    // Tested on a built object: a TypeId's declared parent need not be its C++ base.
    NS_ABORT_MSG_IF(!BuildsA<NrMacScheduler>(type),
                    "NrHelper: " << type.GetName() << " is not an NrMacScheduler");
    m_schedulerFactory.SetTypeId(type);
}

void
NrHelper::SetSchedulerAttribute(const std::string& name, const AttributeValue& value)
{
    m_schedulerFactory.Set(name, value);
}

void
NrHelper::SetGnbRadio(const NrGnbRadio& radio)
{
    m_hasGnbRadio = true;
    m_gnbRadio = radio;
}

void
NrHelper::SetUeRadio(const NrUeRadio& radio)
{
    m_hasUeRadio = true;
    m_ueRadio = radio;
}

NetDeviceContainer
NrHelper::InstallGnb(Ptr<Node> node, Ptr<NrChannel> channel)
{
    NS_ABORT_MSG_IF(!node || !channel, "NrHelper::InstallGnb: null node or channel");
    Ptr<NrGnbNetDevice> dev = m_gnbFactory.Create<NrGnbNetDevice>();
    node->AddDevice(dev);
    UintegerValue mu;
    dev->GetAttribute("Mu", mu);
    channel->SetAttribute("Numerology", mu);
    const NrBandProfile carrier = CarrierOf(channel);
    const NrGnbRadio radio =
        m_hasGnbRadio ? m_gnbRadio
                      : NrCellClass::Find("macro")->MakeRadio(carrier, carrier.bandwidthHz);
    const uint32_t index = channel->AddGnb(dev, radio);
    dev->SetNrChannel(channel, index);
    dev->SetDlScheduler(m_schedulerFactory.Create<NrMacScheduler>());
    dev->SetUlScheduler(m_schedulerFactory.Create<NrMacScheduler>());
    // Routes the node installs towards addresses behind a UE reach the device as framed routes.
    // The sink is aggregated to the device, so it lives exactly as long: a plain pointer.
    Ptr<FramedRouteSink> framed = CreateObject<FramedRouteSink>();
    framed->SetCallbacks(MakeCallback(&NrGnbNetDevice::AddFramedRoute, PeekPointer(dev)),
                         MakeCallback(&NrGnbNetDevice::RemoveFramedRoute, PeekPointer(dev)));
    dev->AggregateObject(framed);
    return NetDeviceContainer(dev);
}

NetDeviceContainer
NrHelper::InstallUe(NodeContainer ues, Ptr<NetDevice> gnbDevice)
{
    return InstallUe(ues, NetDeviceContainer(gnbDevice));
}

NetDeviceContainer
NrHelper::InstallUe(NodeContainer ues, NetDeviceContainer gnbDevices)
{
    NS_ABORT_MSG_IF(gnbDevices.GetN() == 0, "NrHelper::InstallUe: no cell to attach to");
    std::vector<Ptr<NrGnbNetDevice>> gnbs;
    for (auto it = gnbDevices.Begin(); it != gnbDevices.End(); ++it)
    {
        gnbs.push_back(DynamicCast<NrGnbNetDevice>(*it));
        NS_ABORT_MSG_IF(!gnbs.back(), "NrHelper::InstallUe: a device is not an NrGnbNetDevice");
        NS_ABORT_MSG_IF(gnbs.back()->GetNrChannel() != gnbs[0]->GetNrChannel(),
                        "NrHelper::InstallUe: the cells are on different channels");
    }
    Ptr<NrChannel> channel = gnbs[0]->GetNrChannel();
    const NrUeRadio radio =
        m_hasUeRadio ? m_ueRadio : NrUeClass::Find("handset")->MakeRadio(CarrierOf(channel));
    NetDeviceContainer devices;
    for (auto it = ues.Begin(); it != ues.End(); ++it)
    {
        Ptr<NrUeNetDevice> dev = m_ueFactory.Create<NrUeNetDevice>();
        (*it)->AddDevice(dev);
        const uint32_t index = channel->AddUe(dev, radio);
        dev->SetNrChannel(channel, index);
        // With one cell there is nothing to compare, and no path gain is computed before the
        // caller fixes the channel's random streams.
        Ptr<NrGnbNetDevice> best = gnbs[0];
        double bestDbm =
            gnbs.size() > 1 ? channel->GetDlRxPowerDbm(index, best->GetChannelIndex()) : 0.0;
        for (std::size_t g = 1; g < gnbs.size(); ++g)
        {
            const double dbm = channel->GetDlRxPowerDbm(index, gnbs[g]->GetChannelIndex());
            if (dbm > bestDbm)
            {
                best = gnbs[g];
                bestDbm = dbm;
            }
        }
        best->AttachUe(dev);
        devices.Add(dev);
    }
    return devices;
}

void
NrHelper::AttachUeAddresses(Ptr<NetDevice> gnbDevice)
{
    Ptr<NrGnbNetDevice> gnb = DynamicCast<NrGnbNetDevice>(gnbDevice);
    NS_ABORT_MSG_IF(!gnb, "NrHelper::AttachUeAddresses: the device is not an NrGnbNetDevice");
    for (uint32_t i = 0; i < gnb->GetNUes(); ++i)
    {
        Ptr<NrUeNetDevice> ue = gnb->GetUe(i);
        Ptr<Ipv4> ipv4 = ue->GetNode()->GetObject<Ipv4>();
        NS_ABORT_MSG_IF(!ipv4,
                        "NrHelper::AttachUeAddresses: UE node " << ue->GetNode()->GetId()
                                                                << " has no IPv4 stack");
        const int32_t interface = ipv4->GetInterfaceForDevice(ue);
        NS_ABORT_MSG_IF(interface < 0 || ipv4->GetNAddresses(interface) == 0,
                        "NrHelper::AttachUeAddresses: UE node "
                            << ue->GetNode()->GetId() << " has no address on its NR device");
        gnb->AddUe(ue, ipv4->GetAddress(interface, 0).GetLocal());
    }
}

int64_t
NrHelper::AssignStreams(NetDeviceContainer devices, int64_t stream)
{
    int64_t used = 0;
    std::set<Ptr<NrChannel>> channels;
    for (auto it = devices.Begin(); it != devices.End(); ++it)
    {
        Ptr<NrGnbNetDevice> gnb = DynamicCast<NrGnbNetDevice>(*it);
        if (!gnb)
        {
            continue;
        }
        used += gnb->AssignStreams(stream + used);
        // A carrier's models get their streams once: assigning again would rebuild them and
        // throw away the gains and LOS states other cells' UEs already drew on it.
        if (gnb->GetNrChannel() && !gnb->GetNrChannel()->HasAssignedStreams() &&
            channels.insert(gnb->GetNrChannel()).second)
        {
            used += gnb->GetNrChannel()->AssignStreams(stream + used);
        }
    }
    return used;
}

} // namespace blueprint
} // namespace ns3
