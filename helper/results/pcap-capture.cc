/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/pcap-capture.h"

#include "helper/scenario/input-error.h"
#include "helper/scenario/scenario-build.h"
#include "helper/scenario/spec-reading.h"

#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/trace-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/yans-wifi-helper.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPcapCapture");

namespace
{

/// Where --pcap errors point: the option, no file position.
const SourceMark kPcapMark{"--pcap", 0, 0};

/// ns-3's WifiPhyHelper writes its monitor traces with radiotap through two protected static
/// functions; this subclass only makes them reachable, so a Wi-Fi device built by any helper is
/// captured exactly as ns-3's own EnablePcap would capture it.
class WifiPcapSinks : public YansWifiPhyHelper
{
  public:
    using WifiPhyHelper::PcapSniffRxEvent;
    using WifiPhyHelper::PcapSniffTxEvent;
};

/// Write a packet as it is (its first byte is the data link type's first byte).
void
WritePacket(Ptr<PcapFileWrapper> file, Ptr<const Packet> packet)
{
    file->Write(Simulator::Now(), packet);
}

/// Write an IPv4 datagram that IPv4 sent or received on one interface.
void
WriteOnInterface(Ptr<PcapFileWrapper> file,
                 uint32_t interface,
                 Ptr<const Packet> packet,
                 Ptr<Ipv4> /* ipv4 */,
                 uint32_t on)
{
    if (on == interface)
    {
        file->Write(Simulator::Now(), packet);
    }
}

/// \return true if the device's type has a trace source `name` of packets alone.
bool
HasPacketTrace(Ptr<NetDevice> device, const std::string& name)
{
    const TypeId::TraceSourceInformation* found = nullptr;
    TypeId::TraceSourceInformation info;
    if (device->GetInstanceTypeId().LookupTraceSourceByName(name, &info))
    {
        found = &info;
    }
    return found && found->callback == "ns3::Packet::TracedCallback";
}

/// A name that is safe as a file name: characters other than letters, digits and "_.+-" become
/// '_'.
std::string
FileSafe(std::string name)
{
    for (char& c : name)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)) &&
            std::string("_.+-").find(c) == std::string::npos)
        {
            c = '_';
        }
    }
    return name;
}

} // namespace

std::vector<PcapTarget>
ResolvePcapTargets(const ScenarioSpec& spec, const std::vector<std::string>& texts)
{
    std::vector<std::string> names;
    for (const auto& n : spec.nodes)
    {
        names.push_back(n.name);
    }
    for (const auto& l : spec.links)
    {
        names.push_back(l.name);
    }
    std::vector<PcapTarget> targets;
    for (const std::string& text : texts)
    {
        PcapTarget t;
        t.text = text;
        std::string name = text;
        const auto open = text.find('[');
        if (open != std::string::npos)
        {
            const std::string index = text.substr(open + 1, text.size() - open - 2);
            char* end = nullptr;
            errno = 0;
            const unsigned long n = std::strtoul(index.c_str(), &end, 10);
            if (text.back() != ']' || index.empty() || *end != '\0' || errno != 0 ||
                index[0] == '-' || index[0] == '+' || n > UINT32_MAX)
            {
                throw InputError(kPcapMark,
                                 "'" + text +
                                     "' is neither a node, a link nor a group member "
                                     "NAME[I] (I counted from 0)");
            }
            name = text.substr(0, open);
            t.member = static_cast<uint32_t>(n);
        }
        const auto node = std::find_if(spec.nodes.begin(),
                                       spec.nodes.end(),
                                       [&](const NodeSpec& n) { return n.name == name; });
        const auto link = std::find_if(spec.links.begin(),
                                       spec.links.end(),
                                       [&](const LinkSpec& l) { return l.name == name; });
        if (node != spec.nodes.end())
        {
            t.node = name;
            if (t.member && *t.member >= node->count)
            {
                throw InputError(kPcapMark,
                                 "'" + text + "': node '" + name + "' has " +
                                     std::to_string(node->count) + " member" +
                                     (node->count == 1 ? "" : "s") + ", " + name + "[0] to " +
                                     name + "[" + std::to_string(node->count - 1) + "]");
            }
        }
        else if (link != spec.links.end() && !t.member)
        {
            t.link = name;
        }
        else if (link != spec.links.end())
        {
            throw InputError(kPcapMark,
                             "'" + text + "': '" + name +
                                 "' is a link, which has no members; write '" + name +
                                 "' for the devices at both its ends");
        }
        else
        {
            throw InputError(
                kPcapMark,
                specreading::WithSuggestion("no node or link '" + name + "' in " + spec.sourceFile,
                                            name,
                                            names));
        }
        targets.push_back(t);
    }
    return targets;
}

PcapCapture::PcapCapture(std::vector<PcapTarget> targets)
    : m_targets(std::move(targets))
{
    char pattern[] = "/tmp/blueprint-pcap-XXXXXX";
    if (!mkdtemp(pattern))
    {
        throw std::runtime_error("cannot create a temporary folder for the pcap files");
    }
    m_folder = pattern;
}

PcapCapture::~PcapCapture()
{
    for (auto& c : m_captures)
    {
        if (c.file)
        {
            c.file->Close();
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(m_folder, ec);
}

void
PcapCapture::BeginUnit(const ScenarioBuild& sb, const std::vector<const LinkSpec*>& unit)
{
    m_before.clear();
    for (const LinkSpec* l : unit)
    {
        for (const std::string* end : {&l->a, &l->b})
        {
            for (const auto& node : sb.GetGroup(*end).members)
            {
                m_before.emplace(node->GetId(), node->GetNDevices());
            }
        }
    }
}

void
PcapCapture::EndUnit(const ScenarioBuild& sb, const std::vector<const LinkSpec*>& unit)
{
    for (const LinkSpec* l : unit)
    {
        for (const std::string* end : {&l->a, &l->b})
        {
            for (const auto& node : sb.GetGroup(*end).members)
            {
                for (uint32_t i = m_before.at(node->GetId()); i < node->GetNDevices(); ++i)
                {
                    auto& links = m_linksOf[node->GetDevice(i)];
                    if (links.empty())
                    {
                        m_unitDevices.push_back(node->GetDevice(i));
                    }
                    if (std::find(links.begin(), links.end(), l) == links.end())
                    {
                        links.push_back(l);
                    }
                }
            }
        }
    }
}

Ptr<PcapFileWrapper>
PcapCapture::Connect(Ptr<NetDevice> device, const std::string& path)
{
    PcapHelper helper;
    if (Ptr<PointToPointNetDevice> p2p = DynamicCast<PointToPointNetDevice>(device))
    {
        Ptr<PcapFileWrapper> file = helper.CreateFile(path, std::ios::out, PcapHelper::DLT_PPP);
        p2p->TraceConnectWithoutContext("PromiscSniffer", MakeBoundCallback(&WritePacket, file));
        return file;
    }
    if (Ptr<WifiNetDevice> wifi = DynamicCast<WifiNetDevice>(device))
    {
        Ptr<PcapFileWrapper> file =
            helper.CreateFile(path, std::ios::out, PcapHelper::DLT_IEEE802_11_RADIO);
        wifi->GetPhy()->TraceConnectWithoutContext(
            "MonitorSnifferTx",
            MakeBoundCallback(&WifiPcapSinks::PcapSniffTxEvent, file));
        wifi->GetPhy()->TraceConnectWithoutContext(
            "MonitorSnifferRx",
            MakeBoundCallback(&WifiPcapSinks::PcapSniffRxEvent, file));
        return file;
    }
    if (HasPacketTrace(device, "MacTx") && HasPacketTrace(device, "MacRx"))
    {
        Ptr<PcapFileWrapper> file = helper.CreateFile(path, std::ios::out, PcapHelper::DLT_RAW);
        device->TraceConnectWithoutContext("MacTx", MakeBoundCallback(&WritePacket, file));
        device->TraceConnectWithoutContext("MacRx", MakeBoundCallback(&WritePacket, file));
        return file;
    }
    Ptr<Ipv4L3Protocol> ipv4 = device->GetNode()->GetObject<Ipv4L3Protocol>();
    const int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(device) : -1;
    if (interface >= 0)
    {
        Ptr<PcapFileWrapper> file = helper.CreateFile(path, std::ios::out, PcapHelper::DLT_RAW);
        const auto sink = MakeBoundCallback(&WriteOnInterface, file, uint32_t(interface));
        ipv4->TraceConnectWithoutContext("Tx", sink);
        ipv4->TraceConnectWithoutContext("Rx", sink);
        return file;
    }
    return nullptr;
}

void
PcapCapture::Attach(const ScenarioBuild& sb)
{
    const ScenarioSpec& spec = sb.GetSpec();
    // Devices on routing edges belong to the edges' links, before any unit's own.
    std::map<Ptr<NetDevice>, std::vector<const LinkSpec*>> linksOf;
    std::vector<Ptr<NetDevice>> devices;
    auto add = [&](Ptr<NetDevice> device, const LinkSpec* link) {
        auto& links = linksOf[device];
        if (links.empty())
        {
            devices.push_back(device);
        }
        if (std::find(links.begin(), links.end(), link) == links.end())
        {
            links.push_back(link);
        }
    };
    for (uint32_t e = 0; e < sb.GetEdgeCount(); ++e)
    {
        add(sb.GetEdge(e).devA, &sb.GetEdgeLink(e));
        add(sb.GetEdge(e).devB, &sb.GetEdgeLink(e));
    }
    for (const auto& device : m_unitDevices)
    {
        if (!linksOf.count(device))
        {
            for (const LinkSpec* l : m_linksOf.at(device))
            {
                add(device, l);
            }
        }
    }
    // What each member is called in file names: the node, or GROUP.I for a group's members.
    std::map<uint32_t, std::string> memberName;
    for (const NodeSpec& n : spec.nodes)
    {
        const NodeGroup& g = sb.GetGroup(n.name);
        for (std::size_t i = 0; i < g.members.size(); ++i)
        {
            memberName[g.members[i]->GetId()] =
                n.count == 1 ? n.name : n.name + "." + std::to_string(i);
        }
    }
    std::set<Ptr<NetDevice>> chosen;
    std::set<std::string> fileNames;
    for (const PcapTarget& t : m_targets)
    {
        std::set<uint32_t> nodes;
        if (!t.node.empty())
        {
            const NodeGroup& g = sb.GetGroup(t.node);
            for (std::size_t i = 0; i < g.members.size(); ++i)
            {
                if (!t.member || *t.member == i)
                {
                    nodes.insert(g.members[i]->GetId());
                }
            }
        }
        bool any = false;
        const std::size_t skippedBefore = m_skipped.size();
        for (const auto& device : devices)
        {
            const auto& links = linksOf.at(device);
            const bool mine =
                t.node.empty() ? std::any_of(links.begin(),
                                             links.end(),
                                             [&](const LinkSpec* l) { return l->name == t.link; })
                               : nodes.count(device->GetNode()->GetId()) > 0;
            if (!mine)
            {
                continue;
            }
            const std::string member = memberName.count(device->GetNode()->GetId())
                                           ? memberName[device->GetNode()->GetId()]
                                           : "node" + std::to_string(device->GetNode()->GetId());
            if (chosen.count(device))
            {
                any = true;
                continue;
            }
            // The file is named after the first link the device belongs to (a link's own when
            // a link is the target).
            const std::string link = t.node.empty() ? t.link : links.front()->name;
            std::string name = FileSafe(member + "-" + link);
            for (int k = 2; fileNames.count(name + ".pcap"); ++k)
            {
                name = FileSafe(member + "-" + link) + "-" + std::to_string(k);
            }
            const std::string path = m_folder + "/" + name + ".pcap";
            Ptr<PcapFileWrapper> file = Connect(device, path);
            if (!file)
            {
                m_skipped.push_back(t.text + ": " + member + "'s " +
                                    device->GetInstanceTypeId().GetName() + " on link '" + link +
                                    "' has no packet trace to capture it at; not captured");
                continue;
            }
            chosen.insert(device);
            fileNames.insert(name + ".pcap");
            m_captures.push_back({name + ".pcap", file, path});
            any = true;
        }
        if (!any && m_skipped.size() > skippedBefore)
        {
            throw InputError(kPcapMark,
                             "'" + t.text + "' has no device that can be captured (" +
                                 m_skipped.back() + ")");
        }
        if (!any)
        {
            // An optical span without an IP layer, a node that only holds a ROADM: what they
            // carry is in the devices at the ends of the lightpaths or links through them.
            throw InputError(kPcapMark,
                             "'" + t.text + "' has no network device in configuration '" +
                                 spec.configuration +
                                 "': nothing is sent or received there, only carried through "
                                 "(name the nodes or links at the ends of what it carries)");
        }
    }
}

std::vector<std::pair<std::string, std::string>>
PcapCapture::Collect()
{
    std::vector<std::pair<std::string, std::string>> files;
    for (auto& c : m_captures)
    {
        c.file->Close();
        c.file = nullptr;
        std::ifstream in(c.path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in)
        {
            throw std::runtime_error("cannot read back the pcap file " + c.path);
        }
        files.emplace_back("pcap/" + c.name, bytes.str());
    }
    return files;
}

const std::vector<std::string>&
PcapCapture::GetSkipped() const
{
    return m_skipped;
}

} // namespace blueprint
} // namespace ns3
