/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/phase-runner.h"

#include "helper/scenario/cost-sharing.h"
#include "helper/scenario/demand-reader.h"
#include "helper/scenario/flow-judgement.h"
#include "helper/traffic/traffic-builder.h"

#include "ns3/log.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPhaseRunner");

namespace
{

/// Seconds in a year for prorating annual costs: the Julian year (365.25 days).
constexpr double kSecondsPerYear = 365.25 * 86400;

/// A flow pooled over the phases it runs in.
struct PooledFlow
{
    FlowResult flow;                        //!< the pooled figures
    const FlowSpec* spec = nullptr;         //!< its spec in the first phase it runs in
    LatencyDigest latency;                  //!< merged one-way delays
    LatencyDigest rtt;                      //!< merged round trips
    bool roundTrips = false;                //!< whether any phase measured round trips
    uint64_t rttOnTime = 0;                 //!< summed over phases
    double lostPackets = 0;                 //!< sum of loss ratio x sent
    double deliveredBits = 0;               //!< sum of throughput x active seconds
    double jitterWeighted = 0;              //!< sum of jitter x packets received
    std::vector<Verdict> phaseVerdicts;     //!< the flow's verdict in each phase it runs in
    const ScenarioSpec* scenario = nullptr; //!< the first phase's scenario (its groups' sizes)
    std::vector<LatencySegment> segments;   //!< segments, meanMs summed x messages delivered
    uint64_t segmentMessages = 0;           //!< messages over which segments were measured
    std::unique_ptr<MemberRecord> members;  //!< a group flow's members over the phases
};

/// The entry of `list` whose node is `node`, or nullptr.
template <class T>
T*
FindNode(std::vector<T>& list, const std::string& node)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const T& e) { return e.node == node; });
    return it == list.end() ? nullptr : &*it;
}

/// Adds one phase's counts at a compute node to the pooled ones (by node name).
void
AddComputeStage(std::vector<FlowComputeStage>& into, const FlowComputeStage& stage)
{
    FlowComputeStage* pooled = FindNode(into, stage.node);
    if (!pooled)
    {
        into.push_back(stage);
        return;
    }
    pooled->served += stage.served;
    pooled->dropped += stage.dropped;
    pooled->waitSeconds += stage.waitSeconds;
    pooled->serviceSeconds += stage.serviceSeconds;
}

/// Adds one phase's compute node figures to the timeline's (by node name): counts and times
/// add up, utilisation is then over the windows together.
void
AddComputeResult(std::vector<ComputeResult>& into, const ComputeResult& r)
{
    ComputeResult* pooled = FindNode(into, r.node);
    if (!pooled)
    {
        into.push_back(r);
        return;
    }
    pooled->arrivals += r.arrivals;
    pooled->served += r.served;
    pooled->dropped += r.dropped;
    pooled->maxQueue = std::max(pooled->maxQueue, r.maxQueue);
    pooled->waitSeconds += r.waitSeconds;
    pooled->serviceSeconds += r.serviceSeconds;
    // Capacity is servers x members x window: a phase that changes the servers weighs its
    // window by its own.
    const double capacity =
        static_cast<double>(pooled->servers) * pooled->members * pooled->windowSeconds +
        static_cast<double>(r.servers) * r.members * r.windowSeconds;
    pooled->busySeconds += r.busySeconds;
    pooled->windowSeconds = capacity / (static_cast<double>(pooled->servers) * pooled->members);
    pooled->energyJoules += r.energyJoules;
}

/// Adds one phase's figures of a flow to its pool.
void
Pool(PooledFlow& p, const FlowResult& f, const FlowDistributions& d)
{
    FlowResult& m = p.flow;
    m.txPackets += f.txPackets;
    m.rxPackets += f.rxPackets;
    m.txBytes += f.txBytes;
    m.rxBytes += f.rxBytes;
    m.activeSeconds += f.activeSeconds;
    m.handovers += f.handovers;
    m.onTimePackets += f.onTimePackets;
    m.propagationBoundMs = std::min(m.propagationBoundMs, f.propagationBoundMs);
    if (f.answeredRequests)
    {
        m.answeredRequests = m.answeredRequests.value_or(0) + *f.answeredRequests;
    }
    p.lostPackets += f.lossRatio * static_cast<double>(f.txPackets);
    p.deliveredBits += f.throughputBps * f.activeSeconds;
    p.jitterWeighted += f.jitterMs * static_cast<double>(f.rxPackets);
    p.latency.Merge(d.latency);
    if (f.rtt)
    {
        p.roundTrips = true;
        p.rtt.Merge(d.rtt);
    }
    p.rttOnTime += d.rttOnTime;
    p.phaseVerdicts.push_back(f.verdict);
    // Segments pool as the mean delay does: weighted by the messages each phase delivered.
    const uint64_t messages = f.rtt ? f.rtt->samples : f.latency.samples;
    for (const LatencySegment& s : f.segments)
    {
        auto it = std::find_if(p.segments.begin(), p.segments.end(), [&](const auto& known) {
            return known.segment == s.segment && known.kind == s.kind;
        });
        if (it == p.segments.end())
        {
            it = p.segments.insert(p.segments.end(), LatencySegment{s.segment, s.kind, 0});
        }
        it->meanMs += s.meanMs * static_cast<double>(messages);
    }
    p.segmentMessages += f.segments.empty() ? 0 : messages;
    if (d.members)
    {
        if (!p.members)
        {
            p.members = std::make_unique<MemberRecord>();
        }
        p.members->Merge(*d.members);
    }
    // Outage over the timeline's windows: the time cut off in each window added up (what the
    // windows saw, not the time between them), restored only if every window's was. The
    // before/after split belongs to one run's first fault and stays in the phases.
    if (f.outage)
    {
        FlowOutage& o = m.outage ? *m.outage : m.outage.emplace();
        o.seconds += f.outage->seconds;
        o.unrestored = o.unrestored || f.outage->unrestored;
        o.outages += f.outage->outages;
        o.firstFaultAt = -1;
    }
    for (const FlowComputeStage& stage : f.compute)
    {
        AddComputeStage(m.compute, stage);
    }
}

/// The pooled figures that are ratios, and the verdicts on them.
FlowResult
Finish(PooledFlow& p)
{
    FlowResult m = p.flow;
    m.lossRatio = m.txPackets ? p.lostPackets / static_cast<double>(m.txPackets) : 0;
    m.throughputBps = m.activeSeconds > 0 ? p.deliveredBits / m.activeSeconds : 0;
    m.throughputPerMemberBps = m.throughputBps / m.members;
    m.jitterMs = m.rxPackets ? p.jitterWeighted / static_cast<double>(m.rxPackets) : 0;
    m.latency = SummariseDelays(p.latency);
    if (p.roundTrips)
    {
        m.rtt = SummariseDelays(p.rtt);
    }
    m.segments = p.segments;
    for (LatencySegment& s : m.segments)
    {
        s.meanMs /= static_cast<double>(p.segmentMessages);
    }
    m.groupMembers.reset();
    if (p.members)
    {
        m.groupMembers = SummariseGroup(*p.scenario, *p.spec, *p.members, m.activeSeconds);
    }
    JudgeRequirements(p.spec->requirements, p.rttOnTime, m);
    // A requirement missed in one phase is missed on the timeline, whatever the pool says.
    for (Verdict v : p.phaseVerdicts)
    {
        m.verdict = Worst(m.verdict, v);
    }
    return m;
}

/// Adds the elements of `from` to `into`, each (element, technology, reason) once.
void
AddUnaccounted(std::vector<UnaccountedElement>& into, const std::vector<UnaccountedElement>& from)
{
    for (const auto& e : from)
    {
        const bool known = std::any_of(into.begin(), into.end(), [&](const auto& k) {
            return k.element == e.element && k.technology == e.technology && k.reason == e.reason;
        });
        if (!known)
        {
            into.push_back(e);
        }
    }
}

} // namespace

std::vector<double>
PhaseSpans(const TimelineSpec& timeline)
{
    std::vector<double> spans;
    for (std::size_t k = 0; k < timeline.phases.size(); ++k)
    {
        const double from = k == 0 ? 0 : timeline.phases[k].at;
        const double to =
            k + 1 < timeline.phases.size() ? timeline.phases[k + 1].at : timeline.horizon;
        spans.push_back(to - from);
    }
    return spans;
}

RunResult
MergePhases(const ScenarioSpec& spec, const std::vector<PhaseRun>& runs)
{
    const TimelineSpec& timeline = *spec.timeline;
    if (runs.size() != timeline.phases.size() || runs.empty())
    {
        throw std::logic_error("MergePhases: one run per phase expected");
    }
    RunResult merged;
    const RunResult& first = runs.front().result;
    merged.version = first.version;
    merged.scenario = spec.name;
    merged.sourceFile = spec.sourceFile;
    merged.configuration = spec.configuration;
    merged.configurationDescription = spec.configurationDescription;
    merged.seed = spec.seed;
    merged.currency = spec.currency;
    merged.discountRate = spec.discountRate;
    merged.resolvedYaml = spec.resolvedYaml;
    merged.demand = DemandOfRun(spec);

    TimelineResult t;
    t.horizonSeconds = timeline.horizon;
    const std::vector<double> spans = PhaseSpans(timeline);
    std::vector<std::string> order; // flows in the order first seen
    std::map<std::string, PooledFlow> pools;
    std::set<std::string> estimated;
    double deliveredBits = 0;
    const RunResult* costliest = &first;
    for (std::size_t k = 0; k < runs.size(); ++k)
    {
        const PhaseSpec& phase = timeline.phases[k];
        const RunResult& r = runs[k].result;
        PhaseResult p;
        p.name = phase.name;
        p.atSeconds = phase.at;
        p.lengthSeconds = phase.length;
        p.untilSeconds = k + 1 < runs.size() ? timeline.phases[k + 1].at : timeline.horizon;
        p.flows = r.flows;
        p.energyJoules = r.energyJoules;
        p.energyByTechnology = r.energyByTechnology;
        p.energyByNode = r.energyByNode;
        p.annualisedCost = r.annualisedCost;
        p.verdict = r.verdict;
        p.events = r.events;
        merged.phases.push_back(p);

        merged.durationSeconds += phase.length;
        merged.nodes = std::max(merged.nodes, r.nodes);
        merged.links = std::max(merged.links, r.links);
        merged.events += r.events;
        merged.wallSeconds += r.wallSeconds;
        t.windowsJoules += r.energyJoules;
        for (const auto& [technology, joules] : r.energyByTechnology)
        {
            merged.energyByTechnology[technology] += joules;
        }
        for (const auto& [node, joules] : r.energyByNode)
        {
            merged.energyByNode[node] += joules;
        }
        for (const ComputeResult& c : r.compute)
        {
            AddComputeResult(merged.compute, c);
        }
        AddUnaccounted(merged.unmetered, r.unmetered);
        AddUnaccounted(merged.uncosted, r.uncosted);
        if (r.annualisedCost > costliest->annualisedCost)
        {
            costliest = &r;
        }
        t.costOverHorizon += r.annualisedCost * spans[k] / kSecondsPerYear;

        // Idle time after this window (and before it, for the first): the draw as the window
        // left it, so an element dark at its end draws nothing until the next window.
        const double windowEnd = phase.at + phase.length + phase.spec->drain;
        const double next = k + 1 < runs.size() ? timeline.phases[k + 1].at : timeline.horizon;
        const double idleSeconds = (next - windowEnd) + (k == 0 ? phase.at : 0);
        t.gapsSeconds += idleSeconds;
        for (const ElementIdleDraw& e : runs[k].idle)
        {
            const double joules = e.watts * idleSeconds;
            t.gapsJoules += joules;
            merged.energyByTechnology[e.technology] += joules;
            merged.energyByNode[e.node] += joules;
            if (!e.modelled && idleSeconds > 0)
            {
                estimated.insert(e.element);
            }
        }

        for (std::size_t i = 0; i < r.flows.size(); ++i)
        {
            const FlowResult& f = r.flows[i];
            auto it = pools.find(f.name);
            if (it == pools.end())
            {
                const auto spec = std::find_if(phase.spec->flows.begin(),
                                               phase.spec->flows.end(),
                                               [&](const FlowSpec& s) { return s.name == f.name; });
                // Pooled digests keep the runs' own settings, so merging them is exact while
                // the samples fit (LatencyDigest::Merge).
                const FlowDistributions& d = runs[k].distributions.at(i);
                PooledFlow pool;
                pool.flow = f;
                pool.spec = &*spec;
                pool.scenario = phase.spec.get();
                pool.latency = LatencyDigest(d.latency.GetExactLimit(),
                                             d.latency.GetConfiguredRelativeAccuracy());
                pool.rtt =
                    LatencyDigest(d.rtt.GetExactLimit(), d.rtt.GetConfiguredRelativeAccuracy());
                FlowResult& m = pool.flow;
                m.txPackets = m.rxPackets = m.txBytes = m.rxBytes = 0;
                m.activeSeconds = 0;
                m.handovers = m.onTimePackets = 0;
                m.answeredRequests.reset();
                m.outage.reset();
                m.compute.clear();
                it = pools.emplace(f.name, std::move(pool)).first;
                order.push_back(f.name);
            }
            Pool(it->second, f, runs[k].distributions.at(i));
            deliveredBits += static_cast<double>(f.rxBytes) * 8;
        }
    }
    for (const auto& name : order)
    {
        merged.flows.push_back(Finish(pools.at(name)));
        merged.verdict = Worst(merged.verdict, merged.flows.back().verdict);
    }
    t.gapPowerFromWindowMean.assign(estimated.begin(), estimated.end());
    merged.energyJoules = t.windowsJoules + t.gapsJoules;
    merged.meteredSeconds = timeline.horizon;
    // Per bit of what the windows delivered, over the windows' energy: the gaps carry no
    // simulated traffic.
    merged.joulesPerBit = deliveredBits > 0 ? t.windowsJoules / deliveredBits : 0;
    merged.capex = costliest->capex;
    merged.opexPerYear = costliest->opexPerYear;
    merged.annualisedCost = costliest->annualisedCost;
    merged.annualisedByTechnology = costliest->annualisedByTechnology;
    // Cost is the costliest phase's set-up, and so is its division; each use case is judged on
    // its flows pooled over the phases.
    merged.costShare = costliest->costShare;
    if (spec.sharing)
    {
        merged.useCases = JudgeUseCases(*spec.sharing, merged.flows);
    }
    merged.timeline = t;
    return merged;
}

PhaseRunner::PhaseRunner(const ScenarioSpec& spec)
    : m_spec(spec)
{
}

void
PhaseRunner::SetProgress(bool enabled)
{
    m_progress = enabled;
}

void
PhaseRunner::SetMemoryCheck(bool enabled)
{
    m_memoryCheck = enabled;
}

RunResult
PhaseRunner::Run()
{
    if (!m_spec.timeline)
    {
        ScenarioRunner runner(m_spec);
        runner.SetProgress(m_progress);
        runner.SetMemoryCheck(m_memoryCheck);
        return runner.Run();
    }
    std::vector<PhaseRun> runs;
    for (const PhaseSpec& phase : m_spec.timeline->phases)
    {
        // The phase's scenario, under the run's own identity: its configuration, seed (the
        // command line's --seed is set on the timeline's spec after reading) and file.
        ScenarioSpec window = *phase.spec;
        window.configuration = m_spec.configuration + "/" + phase.name;
        window.configurationDescription = m_spec.configurationDescription;
        window.sourceFile = m_spec.sourceFile;
        window.seed = m_spec.seed;
        window.windowStart = phase.at;
        NS_LOG_INFO("phase " << phase.name << ": " << phase.length << " s at " << phase.at);
        ScenarioRunner runner(window);
        runner.SetProgress(m_progress);
        runner.SetMemoryCheck(m_memoryCheck);
        runner.SetKeepDistributions(true);
        PhaseRun run;
        run.phase = &phase;
        run.result = runner.Run();
        run.distributions = runner.GetFlowDistributions();
        run.idle = runner.GetIdleDraws();
        runs.push_back(std::move(run));
    }
    return MergePhases(m_spec, runs);
}

} // namespace blueprint
} // namespace ns3
