/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/routing/address-plan.h"

#include "ns3/ipv4.h"
#include "ns3/loopback-net-device.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/node.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/traffic-control-layer.h"

#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

constexpr uint32_t kPointToPointBase = 0x0A000000; // 10.0.0.0/9
constexpr uint32_t kSubnetBase = 0x0A800000;       // 10.128.0.0/9
constexpr uint32_t kHalfSpace = 1u << 23;          // addresses in a /9

} // namespace

void
AddressPlan::Configure(Ptr<NetDevice> device, Ipv4Address address, Ipv4Mask mask)
{
    Ptr<Node> node = device->GetNode();
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    int32_t interface = ip->GetInterfaceForDevice(device);
    if (interface == -1)
    {
        interface = ip->AddInterface(device);
    }
    ip->AddAddress(interface, Ipv4InterfaceAddress(address, mask));
    ip->SetMetric(interface, 1);
    ip->SetUp(interface);
    // As Ipv4AddressHelper::Assign does: a queue disc only where the device can stop its queue,
    // otherwise the disc never holds a backlog.
    Ptr<TrafficControlLayer> tc = node->GetObject<TrafficControlLayer>();
    if (tc && !DynamicCast<LoopbackNetDevice>(device) && !tc->GetRootQueueDiscOnDevice(device))
    {
        Ptr<NetDeviceQueueInterface> queues = device->GetObject<NetDeviceQueueInterface>();
        if (queues)
        {
            TrafficControlHelper::Default(queues->GetNTxQueues()).Install(device);
        }
    }
}

void
AddressPlan::AssignPointToPoint(const NetDeviceContainer& devices)
{
    if (4ull * (m_nextPointToPoint + 1) > kHalfSpace)
    {
        throw std::length_error("more than 2,097,152 point-to-point links");
    }
    uint32_t network = kPointToPointBase + 4 * m_nextPointToPoint++;
    Ipv4Mask mask("255.255.255.252");
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Configure(devices.Get(i), Ipv4Address(network + 1 + i), mask);
    }
}

void
AddressPlan::AssignSubnet(const NetDeviceContainer& devices)
{
    // The smallest power-of-two block holding the devices plus network and broadcast addresses.
    uint32_t size = 4;
    while (size < devices.GetN() + 2)
    {
        size <<= 1;
    }
    uint32_t offset = (m_nextSubnet + size - 1) / size * size; // aligned
    if (static_cast<uint64_t>(offset) + size > kHalfSpace)
    {
        throw std::length_error("multi-access networks need more than 10.128.0.0/9");
    }
    m_nextSubnet = offset + size;
    Ipv4Mask mask(~(size - 1));
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Configure(devices.Get(i), Ipv4Address(kSubnetBase + offset + 1 + i), mask);
    }
}

} // namespace blueprint
} // namespace ns3
