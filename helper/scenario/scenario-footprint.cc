/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-footprint.h"

#include "helper/technology/link-technology.h"

#include "ns3/log.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintScenarioFootprint");

namespace
{

// Resident memory per element, measured with /usr/bin/time -f %M on `blueprint run` (ns-3 3.37,
// Debian 12, x86-64; doc/cli.rst lists the runs), each the largest seen:
/// The program with ns-3's libraries loaded and a two-node scenario built: 74 MB.
constexpr double kBaseBytes = 80e6;
/// A node with its internet stack and mobility (8,000 NR UEs: 14 KB each with their device).
constexpr double kNodeBytes = 12e3;
/// A point-to-point device with its queues and its half of the channel (16,000 hosts on their
/// own links to one router: 24.5 KB per host with its node and two devices).
constexpr double kPointToPointDeviceBytes = 7e3;
/// A device on a shared radio channel (a cell's station or terminal).
constexpr double kRadioDeviceBytes = 4e3;
/// A flow member: its source and sink applications, sockets and probe (16,000 flows between two
/// hosts: 10.1 KB each).
constexpr double kFlowMemberBytes = 10.5e3;
/// A host route (2,000 NR UEs each receiving a flow: 4 million routes, 87 B each).
constexpr double kRouteBytes = 100;

/// 1234567 as "1,234,567".
std::string
Grouped(uint64_t n)
{
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

std::string
Gigabytes(double bytes)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.1f GB", bytes / 1e9);
    return text;
}

/// A number from a file holding one ("max" or unreadable: none).
std::optional<uint64_t>
ReadNumber(const std::string& path)
{
    std::ifstream in(path);
    uint64_t value = 0;
    if (in >> value)
    {
        return value;
    }
    return std::nullopt;
}

} // namespace

std::string
ScenarioFootprint::Describe() const
{
    return Grouped(nodes) + " nodes, " + Grouped(pointToPointDevices) + " wired and " +
           Grouped(radioDevices) + " radio devices, " +
           (radioPairs > 0 ? Grouped(radioPairs) + " station-terminal pairs, " : "") +
           Grouped(flowMembers) + " flow members, " + Grouped(routeEntries) + " routes";
}

ScenarioFootprint
EstimateFootprint(const ScenarioSpec& spec)
{
    ScenarioFootprint f;
    for (const auto& n : spec.nodes)
    {
        f.nodes += n.count;
    }
    // What the links add: their devices, the nodes some technologies add (an EPC's), and how
    // many routing edges each member has.
    FootprintTally tally;
    for (const auto& [technology, links] : LinksByTechnology(spec))
    {
        technology->AddFootprint(spec, links, tally);
    }
    f.nodes += tally.extraNodes;
    f.pointToPointDevices = tally.pointToPointDevices;
    f.radioDevices = tally.radioDevices;
    f.radioPairs = tally.radioPairs;
    // Routes go towards every node a flow sends to, and back to senders that get replies
    // (ScenarioRunner's BuildRoutes).
    std::set<std::string> destinations;
    for (const auto& flow : spec.flows)
    {
        f.flowMembers += std::max(spec.FindNode(flow.from)->count, spec.FindNode(flow.to)->count);
        destinations.insert(flow.to);
        if (flow.traffic.protocol == "tcp" || flow.traffic.pattern == "request_response")
        {
            destinations.insert(flow.from);
        }
    }
    uint64_t destinationNodes = 0;
    for (const auto& name : destinations)
    {
        destinationNodes += spec.FindNode(name)->count;
    }
    // StaticRoutePlanner gives a node with one link (a host, a UE) one default route and a node
    // with more (a router, a base station) one host route per destination address.
    uint64_t transitNodes = tally.extraTransit;
    uint64_t stubNodes = 0;
    for (const auto& n : spec.nodes)
    {
        (tally.edgesPerMember[n.name] > 1.0 ? transitNodes : stubNodes) += n.count;
    }
    f.routeEntries = transitNodes * destinationNodes + stubNodes;
    f.bytes = kBaseBytes + kNodeBytes * f.nodes + kPointToPointDeviceBytes * f.pointToPointDevices +
              kRadioDeviceBytes * f.radioDevices + kFlowMemberBytes * f.flowMembers +
              kRouteBytes * f.routeEntries + tally.radioPairBytes + tally.fixedBytes;
    NS_LOG_INFO(spec.configuration << ": " << f.Describe() << ", about " << f.bytes << " B");
    return f;
}

uint64_t
AvailableMemoryBytes()
{
    uint64_t available = 0;
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line))
    {
        std::istringstream fields(line);
        std::string key;
        uint64_t kilobytes = 0;
        if (fields >> key >> kilobytes && key == "MemAvailable:")
        {
            available = kilobytes * 1024;
        }
    }
    // A container's limit, when it has one (cgroup v2).
    const auto limit = ReadNumber("/sys/fs/cgroup/memory.max");
    const auto used = ReadNumber("/sys/fs/cgroup/memory.current");
    if (limit && used && *limit > *used)
    {
        available = available == 0 ? *limit - *used : std::min(available, *limit - *used);
    }
    return available;
}

void
CheckFootprintFits(const ScenarioSpec& spec, uint64_t available)
{
    const ScenarioFootprint f = EstimateFootprint(spec);
    if (available == 0 || f.bytes <= static_cast<double>(available))
    {
        return;
    }
    throw InputError(SourceMark{spec.sourceFile, 0, 0},
                     "configuration '" + spec.configuration + "' needs about " +
                         Gigabytes(f.bytes) + " of memory (" + f.Describe() + "), more than the " +
                         Gigabytes(static_cast<double>(available)) +
                         " this machine has available; make the scenario smaller, or run it "
                         "anyway with --no-memory-check");
}

} // namespace blueprint
} // namespace ns3
