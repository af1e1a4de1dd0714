/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-checks.h"

#include "helper/routing/address-plan.h"
#include "helper/technology/link-technology.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace ns3
{
namespace blueprint
{

namespace
{

/**
 * A node's senders bind local ports from the 16,384 ns-3 gives a node (49152-65535, RFC 6335's
 * dynamic range): a TCP or request-response member has a socket of its own, the UDP members of one
 * flow on one node share one (TimestampedSource). Every flow a node receives takes a port below
 * that range. Beyond either, ns-3 ends the run when a socket cannot bind.
 */
void
CheckPortsPerNode(const ScenarioSpec& spec)
{
    constexpr uint64_t kSenderPorts = 65536 - kFirstEphemeralPort;
    constexpr uint64_t kReceiverPorts = kFirstEphemeralPort - kFirstFlowPort;
    std::unordered_map<std::string, uint64_t> sending;
    std::unordered_map<std::string, uint64_t> receiving;
    for (const auto& f : spec.flows)
    {
        const uint64_t from = spec.FindNode(f.from)->count;
        const uint64_t to = spec.FindNode(f.to)->count;
        const bool socketPerMember =
            f.traffic.protocol == "tcp" || f.traffic.pattern == "request_response";
        // A smaller sending group serves blocks of the larger receiving one (PairedMember).
        const uint64_t sockets = socketPerMember ? (std::max(from, to) + from - 1) / from : 1;
        if ((sending[f.from] += sockets) > kSenderPorts)
        {
            throw InputError(f.mark,
                             "flow '" + f.name + "': node '" + f.from + "' would open " +
                                 std::to_string(sending[f.from]) +
                                 " sending sockets (one per TCP or request-response member, one "
                                 "per UDP flow), more than the " +
                                 std::to_string(kSenderPorts) +
                                 " local ports ns-3 gives one node's senders (49152-65535); "
                                 "spread the senders over a group");
        }
        if (++receiving[f.to] > kReceiverPorts)
        {
            throw InputError(f.mark,
                             "flow '" + f.name + "': node '" + f.to + "' would receive " +
                                 std::to_string(receiving[f.to]) + " flows, more than the " +
                                 std::to_string(kReceiverPorts) + " ports one node has for them");
        }
    }
}

/// Every point-to-point link member gets a /30 network and every device of a shared subnet an
/// address of the plan's two halves of 10.0.0.0/8 (AddressPlan); beyond them the run stopped
/// with an internal error. What each link takes is its technology's to say.
void
CheckAddressSpace(const ScenarioSpec& spec)
{
    AddressDemand demand;
    for (const auto& l : spec.links)
    {
        LinkTechnologyRegistry::Get(l.technology).AddAddressDemand(spec, l, demand);
        if (demand.pointToPoint > AddressPlan::MAX_POINT_TO_POINT_LINKS ||
            demand.subnetDevices > AddressPlan::MAX_SUBNET_DEVICES)
        {
            throw InputError(l.mark,
                             "link '" + l.name + "': the scenario's links need more than the " +
                                 (demand.pointToPoint > AddressPlan::MAX_POINT_TO_POINT_LINKS
                                      ? std::to_string(AddressPlan::MAX_POINT_TO_POINT_LINKS) +
                                            " point-to-point /30 networks of 10.0.0.0/9"
                                      : std::to_string(AddressPlan::MAX_SUBNET_DEVICES) +
                                            " radio devices that 10.128.0.0/9 surely holds"));
        }
    }
}

} // namespace

void
CheckScenarioFitsTheSimulator(const ScenarioSpec& spec)
{
    CheckPortsPerNode(spec);
    CheckAddressSpace(spec);
}

} // namespace blueprint
} // namespace ns3
