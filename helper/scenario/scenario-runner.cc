/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-runner.h"

#include "helper/compute/compute-builder.h"
#include "helper/faults/fault-controller.h"
#include "helper/power/power-plant.h"
#include "helper/results/pcap-capture.h"
#include "helper/results/platform-markers.h"
#include "helper/scenario/cost-sharing.h"
#include "helper/scenario/demand-reader.h"
#include "helper/scenario/flow-judgement.h"
#include "helper/scenario/scenario-build.h"
#include "helper/scenario/scenario-footprint.h"
#include "helper/technology/link-technology.h"
#include "helper/traffic/traffic-builder.h"
#include "model/equipment/equipment-profile.h"
#include "model/stats/flow-record.h"

#include "ns3/animation-interface.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintScenarioRunner");

namespace
{

/// Sets ns-3 attribute defaults for one run and puts the previous values back afterwards.
class AttributeDefaultsGuard
{
  public:
    explicit AttributeDefaultsGuard(const std::map<std::string, std::string>& defaults)
    {
        for (const auto& [name, value] : defaults)
        {
            std::string previous;
            auto pos = name.rfind("::");
            TypeId tid;
            TypeId::AttributeInformation info;
            if (pos != std::string::npos &&
                TypeId::LookupByNameFailSafe(name.substr(0, pos), &tid) &&
                tid.LookupAttributeByName(name.substr(pos + 2), &info))
            {
                m_previous.emplace_back(name, info.initialValue->SerializeToString(info.checker));
            }
            Config::SetDefault(name, StringValue(value));
        }
    }

    ~AttributeDefaultsGuard()
    {
        for (const auto& [name, value] : m_previous)
        {
            Config::SetDefault(name, StringValue(value));
        }
    }

  private:
    std::vector<std::pair<std::string, std::string>> m_previous;
};

/// A progress line on stderr while a run takes longer than two seconds of wall time.
class ProgressLine
{
  public:
    ProgressLine(std::string name, double end, std::chrono::steady_clock::time_point wallStart)
        : m_name(std::move(name)),
          m_end(end),
          m_wallStart(wallStart)
    {
    }

    /// One check, every 0.5 % of the simulated time; prints at most twice a wall second.
    void Tick()
    {
        ++m_ticks;
        double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wallStart).count();
        double now = Simulator::Now().GetSeconds();
        if (wall > 2.0 && wall - m_lastPrint >= 0.5)
        {
            m_lastPrint = wall;
            m_printed = true;
            std::fprintf(stderr,
                         "\r%s: %3.0f %% (%.1f of %.1f simulated s, %.1f s wall)  ",
                         m_name.c_str(),
                         100 * now / m_end,
                         now,
                         m_end,
                         wall);
        }
        Simulator::Schedule(Seconds(m_end / 200), &ProgressLine::Tick, this);
    }

    /// Clear the line. \return the number of ticks that ran (simulator events of its own)
    uint64_t Finish()
    {
        if (m_printed)
        {
            std::fprintf(stderr, "\r%70s\r", "");
        }
        return m_ticks;
    }

  private:
    std::string m_name;
    double m_end;
    std::chrono::steady_clock::time_point m_wallStart;
    double m_lastPrint = 0;
    bool m_printed = false;
    uint64_t m_ticks = 0;
};

/// One build unit: a technology and the links it builds together (LinkTechnology::GroupForBuild).
struct BuildUnit
{
    const LinkTechnology* technology;   //!< the plug-in
    std::vector<const LinkSpec*> links; //!< its links, in file order
};

/**
 * Build every link through its technology, unit by unit in the order of each unit's first link
 * in the file, so that random streams, addresses and routing edges are handed out in file order.
 * \param pcap what --pcap captures, told which devices each unit made, or nullptr
 * \return the units, in build order
 */
std::vector<BuildUnit>
BuildLinks(ScenarioBuild& sb, PcapCapture* pcap)
{
    const ScenarioSpec& spec = sb.GetSpec();
    std::map<const LinkSpec*, std::size_t> unitOfFirstLink;
    std::vector<BuildUnit> grouped;
    for (const auto& [technology, links] : LinksByTechnology(spec))
    {
        std::size_t grouping = 0;
        for (auto& unit : technology->GroupForBuild(links))
        {
            grouping += unit.size();
            unitOfFirstLink.emplace(unit.front(), grouped.size());
            grouped.push_back({technology, std::move(unit)});
        }
        // A plug-in that left a link out of its units would leave it unbuilt, silently.
        if (grouping != links.size())
        {
            throw std::logic_error("link technology " + technology->GetName() + " grouped " +
                                   std::to_string(grouping) + " of its " +
                                   std::to_string(links.size()) + " links into build units");
        }
    }
    std::vector<BuildUnit> units;
    units.reserve(grouped.size());
    for (const auto& l : spec.links)
    {
        const auto it = unitOfFirstLink.find(&l);
        if (it == unitOfFirstLink.end())
        {
            continue; // built with its unit's first link
        }
        BuildUnit& unit = grouped[it->second];
        if (pcap)
        {
            pcap->BeginUnit(sb, unit.links);
        }
        unit.technology->Build(sb, unit.links);
        if (pcap)
        {
            pcap->EndUnit(sb, unit.links);
        }
        units.push_back(std::move(unit));
    }
    return units;
}

/// Install routes towards flow endpoints; transit nodes use the strong end-system model.
void
BuildRoutes(ScenarioBuild& sb)
{
    const ScenarioSpec& spec = sb.GetSpec();
    // Routes towards every node a flow sends to, and back to senders that get replies.
    for (const auto& f : spec.flows)
    {
        bool replies = f.traffic.protocol == "tcp" || f.traffic.pattern == "request_response";
        for (const auto& node : sb.GetGroup(f.to).members)
        {
            sb.Step();
            sb.GetPlanner().RouteTo(node);
        }
        // A via node receives the flow's messages and forwards them (with TCP, it gets the
        // next node's acknowledgements too).
        for (const auto& via : f.via)
        {
            for (const auto& node : sb.GetGroup(via).members)
            {
                sb.GetPlanner().RouteTo(node);
            }
        }
        if (replies)
        {
            for (const auto& node : sb.GetGroup(f.from).members)
            {
                sb.Step();
                sb.GetPlanner().RouteTo(node);
            }
        }
    }

    // Nodes that no flow ends at only forward: the strong end-system model (RFC 1122) makes
    // ns-3 check a packet's destination against the arrival interface only, instead of against
    // every interface of the node, which is what a router with hundreds of links would pay per
    // packet.
    std::set<uint32_t> endpoints;
    for (const auto& f : spec.flows)
    {
        std::vector<const std::string*> ends{&f.from, &f.to};
        for (const auto& via : f.via)
        {
            ends.push_back(&via);
        }
        for (const auto* name : ends)
        {
            for (const auto& node : sb.GetGroup(*name).members)
            {
                endpoints.insert(node->GetId());
            }
        }
    }
    for (uint32_t i = 0; i < sb.GetAllNodes().GetN(); ++i)
    {
        if (!endpoints.count(sb.GetAllNodes().Get(i)->GetId()))
        {
            sb.GetAllNodes().Get(i)->GetObject<Ipv4>()->SetAttribute("WeakEsModel",
                                                                     BooleanValue(false));
        }
    }
}

/**
 * Register every element with the energy meter and the cost ledger: the nodes' equipment here,
 * then each link as a whole in file order (LinkTechnology::AccountLink), then what each unit
 * built, in build order (LinkTechnology::AccountUnit).
 */
void
BuildLedgers(ScenarioBuild& sb, const std::vector<BuildUnit>& units)
{
    const ScenarioSpec& spec = sb.GetSpec();
    // A node at an end of a link whose technology carries it (a base station, an access point,
    // a ROADM) has its power and cost in that link's accounting: the node's equipment class says
    // nothing about it.
    std::set<std::string> stations;
    for (const auto& l : spec.links)
    {
        const LinkTechnology& technology = LinkTechnologyRegistry::Get(l.technology);
        for (const std::string* end : {&l.a, &l.b})
        {
            if (technology.CarriesNodeEquipment(l, *end))
            {
                stations.insert(*end);
            }
        }
    }
    // What the devices of a node send loads its equipment (RoutingEdge::loadsNodes).
    std::map<uint32_t, NetDeviceContainer> devicesOfNode;
    for (uint32_t i = 0; i < sb.GetEdgeCount(); ++i)
    {
        const RoutingEdge& edge = sb.GetEdge(i);
        if (edge.loadsNodes)
        {
            devicesOfNode[edge.devA->GetNode()->GetId()].Add(edge.devA);
            devicesOfNode[edge.devB->GetNode()->GetId()].Add(edge.devB);
        }
    }
    for (const auto& n : spec.nodes)
    {
        const NodeGroup& g = sb.GetGroup(n.name);
        const EquipmentProfile& eq = *g.equipment;
        // A compute node's only equipment may be its servers, metered and priced with them
        // (ComputeNodes::Account): its end-device profile then has nothing left to report.
        const bool onlyServers = n.compute && eq.role == "host";
        for (const auto& node : g.members)
        {
            Ptr<ElementPowerModel> power =
                n.power ? MakePowerModel(*n.power, g.pue) : eq.CreatePowerModel();
            power->SetAttribute("Pue", DoubleValue(g.pue));
            if (power->GetMaxPower() > 0)
            {
                sb.GetMeter()->AddElement(n.name,
                                          n.name,
                                          eq.role,
                                          power,
                                          devicesOfNode[node->GetId()],
                                          node);
            }
        }
        if (!(n.power ? n.power->maxWatts > 0 : eq.maxPower > 0) && !stations.count(n.name) &&
            !onlyServers)
        {
            sb.ReportUnmetered(
                {n.name, n.name, eq.role, n.power ? "power given as 0 W" : eq.powerSource});
        }
        CostItem item = eq.GetCostItem(n.name, n.name);
        if (n.cost)
        {
            item.capex = n.cost->capex;
            item.opexPerYear = n.cost->opexPerYear;
            item.lifetimeYears = n.cost->lifetimeYears;
        }
        item.capex *= n.count;
        item.opexPerYear *= n.count;
        if (item.capex > 0 || item.opexPerYear > 0)
        {
            sb.GetLedger().Add(item);
        }
        else if ((!stations.count(n.name) && !onlyServers) || n.cost)
        {
            sb.ReportUncosted(
                {n.name, n.name, eq.role, n.cost ? "cost given as 0" : eq.costSource});
        }
    }
    for (const auto& l : spec.links)
    {
        LinkTechnologyRegistry::Get(l.technology).AccountLink(sb, l);
    }
    for (const auto& unit : units)
    {
        unit.technology->AccountUnit(sb, unit.links);
    }
}

/// What the simulation measured besides the flows' probes.
struct Measured
{
    EnergyReport energy;                  //!< the meter's reading at the end
    std::vector<PowerSupplyResult> power; //!< the supplies at the end
    uint64_t events = 0;                  //!< simulator events of the model
};

/// Run the simulation for duration + drain and read the meter.
/**
 * Runs the built scenario to its end and measures it.
 * \param plant the run's power supplies.
 * \param flowMonitorXml where FlowMonitor's XML goes, or nullptr for no monitor.
 * \param netAnimXml where the NetAnim trace goes, or nullptr for none.
 * \param pcap the --pcap capture (attached), collected after the run, or nullptr.
 * \param pcapFiles where the pcap files go.
 */
Measured
Simulate(ScenarioBuild& sb,
         PowerPlant& plant,
         std::string* flowMonitorXml,
         std::string* netAnimXml,
         PcapCapture* pcap,
         std::vector<std::pair<std::string, std::string>>& pcapFiles)
{
    const ScenarioSpec& spec = sb.GetSpec();
    Measured measured;
    double end = spec.duration + spec.drain;
    sb.GetMeter()->Start();
    plant.Start();
    std::unique_ptr<ProgressLine> progress;
    if (sb.GetProgress())
    {
        progress = std::make_unique<ProgressLine>(spec.configuration, end, sb.GetWallStart());
        Simulator::Schedule(Seconds(0), &ProgressLine::Tick, progress.get());
    }
    // ns-3's own FlowMonitor on request: it watches every node's IPv4 layer and leaves the
    // model's packets alone.
    FlowMonitorHelper flowMonitorHelper;
    Ptr<FlowMonitor> flowMonitor = flowMonitorXml ? flowMonitorHelper.InstallAll() : nullptr;
    // NetAnim writes to a file as the run goes: a private temporary one, read back at the end,
    // so the output folder receives it with the other files, whole or not at all.
    std::unique_ptr<PlatformMarkers> markers;
    std::unique_ptr<AnimationInterface> animation;
    std::string animationPath;
    if (netAnimXml)
    {
        char pattern[] = "/tmp/blueprint-netanim-XXXXXX";
        const int fd = mkstemp(pattern);
        if (fd < 0)
        {
            throw std::runtime_error("cannot create a temporary file for the NetAnim trace");
        }
        close(fd);
        animationPath = pattern;
        // Nodes no technology placed (wired ends) stand at their sites; NetAnim reads a
        // node's position from its mobility model and would otherwise draw them at random.
        for (const NodeSpec& node : spec.nodes)
        {
            const NodeGroup& group = sb.GetGroup(node.name);
            for (std::size_t i = 0; i < group.members.size(); ++i)
            {
                if (!group.members[i]->GetObject<MobilityModel>())
                {
                    AnimationInterface::SetConstantPosition(group.members[i],
                                                            group.positions[i].first,
                                                            group.positions[i].second);
                }
            }
        }
        // Satellites and HAPS serve from inside their channels: marker nodes follow them, made
        // now, after every node of the scenario, so that none of theirs changes.
        markers = std::make_unique<PlatformMarkers>(sb);
        animation = std::make_unique<AnimationInterface>(animationPath);
        // One file, however many packets (NetAnim's default starts a new file every 100,000).
        animation->SetMaxPktsPerTraceFile(std::numeric_limits<uint64_t>::max());
        markers->Follow(*animation, Seconds(end));
    }
    Simulator::Stop(Seconds(end));
    Simulator::Run();
    if (pcap)
    {
        pcapFiles = pcap->Collect();
    }
    if (flowMonitor)
    {
        flowMonitor->CheckForLostPackets();
        *flowMonitorXml = flowMonitor->SerializeToXmlString(2, false, false);
    }
    measured.power = plant.Finish();
    measured.energy = sb.GetMeter()->Finish();
    // The progress line's own ticks are not part of the model: leave them out, so a run on a
    // terminal counts the same events as one in a pipe.
    measured.events = Simulator::GetEventCount() - (progress ? progress->Finish() : 0);
    Simulator::Destroy();
    // Closed only now: ns-3's AnimationInterface never disconnects its trace sinks, so it must
    // outlive whatever disposing of the nodes still fires.
    if (animation)
    {
        animation.reset(); // closes the trace
        std::ifstream in(animationPath);
        std::ostringstream text;
        text << in.rdbuf();
        *netAnimXml = text.str();
        std::error_code ec;
        std::filesystem::remove(animationPath, ec);
    }
    return measured;
}

} // namespace

ScenarioRunner::ScenarioRunner(const ScenarioSpec& spec)
    : m_spec(spec)
{
}

void
ScenarioRunner::SetProgress(bool enabled)
{
    m_progress = enabled;
}

void
ScenarioRunner::SetMemoryCheck(bool enabled)
{
    m_memoryCheck = enabled;
}

void
ScenarioRunner::SetFlowMonitor(bool enabled)
{
    m_flowMonitor = enabled;
}

const std::string&
ScenarioRunner::GetFlowMonitorXml() const
{
    return m_flowMonitorXml;
}

void
ScenarioRunner::SetNetAnim(bool enabled)
{
    m_netAnim = enabled;
}

const std::string&
ScenarioRunner::GetNetAnimXml() const
{
    return m_netAnimXml;
}

void
ScenarioRunner::SetPcap(const std::vector<std::string>& targets)
{
    m_pcap = targets;
}

const std::vector<std::pair<std::string, std::string>>&
ScenarioRunner::GetPcapFiles() const
{
    return m_pcapFiles;
}

const std::vector<std::string>&
ScenarioRunner::GetPcapSkipped() const
{
    return m_pcapSkipped;
}

void
ScenarioRunner::SetPowerPlantHook(std::function<void(PowerPlant&)> hook)
{
    m_powerPlantHook = std::move(hook);
}

void
ScenarioRunner::SetKeepDistributions(bool enabled)
{
    m_keepDistributions = enabled;
}

const std::vector<FlowDistributions>&
ScenarioRunner::GetFlowDistributions() const
{
    return m_distributions;
}

const std::vector<ElementIdleDraw>&
ScenarioRunner::GetIdleDraws() const
{
    return m_idleDraws;
}

RunResult
ScenarioRunner::Run()
{
    if (m_memoryCheck)
    {
        CheckFootprintFits(m_spec, AvailableMemoryBytes());
    }
    ScenarioBuild sb(m_spec, std::chrono::steady_clock::now(), m_progress);
    const ScenarioSpec& spec = m_spec;
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(spec.seed);
    // Several configurations run in one process (compare): restore every attribute default this
    // one changes when it ends.
    // TCP segments fill a 1500-byte MTU: 1500 - 20 (IPv4) - 32 (TCP with the timestamp option,
    // on by default in ns-3) = 1448 B, instead of ns-3's 536-byte default (RFC 879's minimum).
    // The scenario's own defaults win.
    std::map<std::string, std::string> defaults{{"ns3::TcpSocket::SegmentSize", "1448"}};
    for (const auto& [name, value] : spec.defaults)
    {
        defaults[name] = value;
    }
    // Defaults a technology needs for the whole run (LinkTechnology::AddDefaults).
    for (const auto& l : spec.links)
    {
        LinkTechnologyRegistry::Get(l.technology).AddDefaults(l, defaults);
    }
    AttributeDefaultsGuard defaultsGuard(defaults);

    // Setting up a large scenario takes long before the simulation's own progress line starts.
    uint64_t members = 0;
    for (const auto& n : spec.nodes)
    {
        members += n.count;
    }
    // Links count the steps their technologies report (a wired link one per member pair).
    uint64_t linkSteps = 0;
    for (const auto& l : spec.links)
    {
        linkSteps += LinkTechnologyRegistry::Get(l.technology).GetSetupSteps(spec, l);
    }
    sb.GetSetup().Phase("nodes", members);
    sb.BuildNodes();
    // The servers of compute nodes (helper/compute/), which the flows' applications there use.
    ComputeNodes compute(sb);
    sb.GetSetup().Phase("links", linkSteps);
    // The capture's temporary files are removed when the run ends, however it ends.
    std::unique_ptr<PcapCapture> pcap =
        m_pcap.empty() ? nullptr : std::make_unique<PcapCapture>(ResolvePcapTargets(spec, m_pcap));
    const std::vector<BuildUnit> units = BuildLinks(sb, pcap.get());
    sb.GetSetup().Phase("routes", 0);
    BuildRoutes(sb);
    sb.GetSetup().Phase("traffic", 0);
    const std::vector<std::unique_ptr<FlowProbe>> probes = BuildTraffic(sb);
    if (spec.sharing)
    {
        // Each flow's offered bytes per interval, for the peak-rate cost split.
        for (const auto& probe : probes)
        {
            probe->offered.Configure(spec.sharing->peakIntervalSeconds, spec.duration + spec.drain);
        }
    }
    sb.GetSetup().Phase("energy and cost", 0);
    BuildLedgers(sb, units);
    compute.Account(sb);
    compute.ScheduleWindowEnd(spec.duration);
    if (pcap)
    {
        pcap->Attach(sb);
    }
    // The power supplies (helper/power/) and the fault timeline (helper/faults/): what happened
    // before the window is applied now, the rest is scheduled. Built last, so that flows' paths
    // and results show the intact network. Mains losses go to the plant, which feeds each member
    // from its battery or generator, or lets it go dark at once if it has none; a member going
    // dark or coming back goes to the controller, which takes its interfaces down or up and
    // routes around it after detection and reconvergence.
    PowerPlant plant(sb);
    std::unique_ptr<FaultController> faults;
    if (!spec.faults.events.empty())
    {
        std::vector<FlowRecord*> records;
        for (const auto& probe : probes)
        {
            records.push_back(&probe->record);
        }
        faults = std::make_unique<FaultController>(sb, records);
        FaultController* controller = faults.get();
        const double windowStart = spec.windowStart;
        faults->SetMainsHandler(
            [&plant,
             windowStart](const std::string& node, uint32_t member, bool mainsOn, double at) {
                if (at < windowStart)
                {
                    mainsOn ? plant.SetMainsRestoredAt(node, member, at)
                            : plant.SetMainsLostAt(node, member, at);
                }
                else
                {
                    mainsOn ? plant.MainsRestored(node, member) : plant.MainsLost(node, member);
                }
            });
        plant.SetPoweredCallback(
            [controller, &plant](const std::string& node, uint32_t member, bool powered) {
                // A supply that ran dry before the window is the state the window starts in.
                plant.IsSettingUp() ? controller->SetNodePoweredBeforeWindow(node, member, powered)
                                    : controller->SetNodePowered(node, member, powered);
            });
        faults->Start();
    }
    sb.GetSetup().Finish();
    if (m_powerPlantHook)
    {
        m_powerPlantHook(plant);
    }
    m_flowMonitorXml.clear();
    m_netAnimXml.clear();
    m_pcapFiles.clear();
    const Measured measured = Simulate(sb,
                                       plant,
                                       m_flowMonitor ? &m_flowMonitorXml : nullptr,
                                       m_netAnim ? &m_netAnimXml : nullptr,
                                       pcap.get(),
                                       m_pcapFiles);
    m_pcapSkipped = pcap ? pcap->GetSkipped() : std::vector<std::string>{};
    if (faults)
    {
        faults->Finish(sb.GetFlowResults());
    }

    // Measure.
    RunResult result;
    result.version = BLUEPRINT_VERSION;
    result.scenario = spec.name;
    result.sourceFile = spec.sourceFile;
    result.configuration = spec.configuration;
    result.configurationDescription = spec.configurationDescription;
    result.seed = spec.seed;
    result.durationSeconds = spec.duration;
    result.nodes = sb.GetAllNodes().GetN();
    result.links = sb.GetEdgeCount();
    result.resolvedYaml = spec.resolvedYaml;
    result.demand = DemandOfRun(spec);
    uint64_t deliveredBits = 0;
    for (uint32_t fi = 0; fi < spec.flows.size(); ++fi)
    {
        const FlowSpec& f = spec.flows[fi];
        const FlowRecord& rec = probes[fi]->record;
        FlowResult& fr = sb.GetFlowResults()[fi];
        fr.txPackets = rec.GetTxPackets();
        fr.rxPackets = rec.GetRxPackets();
        fr.txBytes = rec.GetTxBytes();
        fr.rxBytes = rec.GetRxBytes();
        const bool roundTrips = f.traffic.pattern == "request_response";
        // A request whose response never came back failed, wherever it was lost (doc/metrics.rst).
        fr.lossRatio = roundTrips ? rec.GetRoundTripLossRatio() : rec.GetLossRatio();
        double stop = f.stop.value_or(spec.duration);
        // Bytes received during the drain are counted, so is the time they took: the window ends
        // at the last reception when that is after the stop (doc/metrics.rst).
        fr.activeSeconds = rec.GetMeasurementWindow(f.start, stop);
        if (f.traffic.pattern == "bulk" && f.traffic.totalBytes > 0 && rec.GetLastRxTime() > 0)
        {
            // A finite transfer is active until its last byte arrives.
            fr.activeSeconds = rec.GetLastRxTime() - rec.GetFirstTxTime();
        }
        fr.throughputBps = rec.GetThroughput(fr.activeSeconds);
        fr.throughputPerMemberBps = fr.throughputBps / fr.members;
        fr.latency = SummariseDelays(rec.GetLatency());
        if (roundTrips)
        {
            fr.rtt = SummariseDelays(rec.GetRtt());
            fr.answeredRequests = rec.GetAnsweredRequests();
        }
        fr.jitterMs = rec.GetJitter() * 1e3;
        fr.onTimePackets = rec.GetOnTimePackets();
        if (result.demand)
        {
            fr.loadFactor = f.loadFactor;
        }
        fr.compute = SummariseCompute(*probes[fi]);
        MeasureSplits(spec, f, *probes[fi], fr);
        for (const auto* group : {&f.from, &f.to})
        {
            for (const auto& node : sb.GetGroup(*group).members)
            {
                fr.handovers += sb.GetHandovers(node);
            }
        }
        deliveredBits += rec.GetRxBytes() * 8;
        // Honesty check: no packet may arrive faster than light in its medium allows.
        if (fr.rxPackets > 0 && fr.latency.min < fr.propagationBoundMs - 1e-6)
        {
            throw std::logic_error("flow '" + f.name + "': a packet arrived in " +
                                   std::to_string(fr.latency.min) +
                                   " ms, below the path's propagation bound of " +
                                   std::to_string(fr.propagationBoundMs) + " ms");
        }

        JudgeRequirements(f.requirements, rec.GetRttOnTimeRequests(), fr);
        result.verdict = Worst(result.verdict, fr.verdict);
    }
    result.flows = sb.GetFlowResults();
    m_distributions.clear();
    for (uint32_t fi = 0; m_keepDistributions && fi < probes.size(); ++fi)
    {
        const FlowRecord& rec = probes[fi]->record;
        const auto& members = probes[fi]->members;
        m_distributions.push_back({rec.GetLatency(),
                                   rec.GetRtt(),
                                   rec.GetRttOnTimeRequests(),
                                   members ? std::make_shared<MemberRecord>(*members) : nullptr});
    }
    result.compute = compute.Collect(measured.energy);
    result.energyJoules = measured.energy.totalJoules;
    result.meteredSeconds = spec.duration + spec.drain;
    m_idleDraws = measured.energy.idle;
    result.energyByTechnology = measured.energy.byTechnology;
    result.energyByNode = measured.energy.byNode;
    result.joulesPerBit = deliveredBits ? measured.energy.totalJoules / deliveredBits : 0;
    result.power = measured.power;
    result.unmetered = sb.GetUnmetered();
    result.uncosted = sb.GetUncosted();
    result.currency = spec.currency;
    result.discountRate = spec.discountRate;
    result.capex = sb.GetLedger().GetCapex();
    result.opexPerYear = sb.GetLedger().GetOpexPerYear();
    result.annualisedCost = sb.GetLedger().GetAnnualised(spec.discountRate);
    result.annualisedByTechnology = sb.GetLedger().GetAnnualisedByTechnology(spec.discountRate);
    if (spec.sharing)
    {
        std::vector<FlowUse> uses;
        for (const auto& probe : probes)
        {
            uses.push_back({probe->memberPaths, probe->offered.GetBytes()});
        }
        result.useCases = JudgeUseCases(*spec.sharing, result.flows);
        result.costShare = ShareCosts(spec, sb.GetLedger().GetItems(), result.flows, uses);
    }
    result.events = measured.events;
    result.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - sb.GetWallStart()).count();
    return result;
}

} // namespace blueprint
} // namespace ns3
