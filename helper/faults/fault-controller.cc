/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/faults/fault-controller.h"

#include "helper/faults/interface-switch.h"
#include "helper/technology/link-technology.h"

#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintFaultController");

namespace
{

/// FNV-1a, 64 bits: a hash of a name that is the same on every platform and every run (std::hash
/// is neither), so a partial cut picks the same member pairs wherever it runs.
uint64_t
StableHash(const std::string& text)
{
    uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text)
    {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace

FaultController::FaultController(ScenarioBuild& run, std::vector<FlowRecord*> records)
    : m_run(run),
      m_records(std::move(records))
{
    for (const NodeSpec& n : run.GetSpec().nodes)
    {
        const NodeGroup& g = run.GetGroup(n.name);
        for (std::size_t i = 0; i < g.members.size(); ++i)
        {
            m_at[g.members[i]->GetId()] = g.positions[i];
            if (n.mobility)
            {
                m_moving.insert(g.members[i]->GetId());
            }
        }
    }
}

void
FaultController::SetMainsHandler(MainsHandler handler)
{
    m_mainsHandler = std::move(handler);
}

std::vector<uint32_t>
FaultController::EdgesOf(const std::string& link, double fraction) const
{
    const ScenarioSpec& spec = m_run.GetSpec();
    const auto it = std::find_if(spec.links.begin(), spec.links.end(), [&](const LinkSpec& l) {
        return l.name == link;
    });
    NS_ABORT_MSG_IF(it == spec.links.end(), "FaultController: no link " << link);
    std::vector<uint32_t> edges =
        LinkTechnologyRegistry::Get(it->technology).GetEdgesCut(m_run, *it);
    return ChoosePairs(std::move(edges), fraction, link, spec.seed);
}

std::vector<uint32_t>
FaultController::ChoosePairs(std::vector<uint32_t> edges,
                             double fraction,
                             const std::string& link,
                             uint64_t seed)
{
    if (fraction >= 1 || edges.empty())
    {
        return edges;
    }
    // A Fisher-Yates shuffle driven by a generator seeded with the link's name and the run's
    // seed: at one seed the same pairs fail in every alternative, so configurations compare like
    // with like (common random numbers), while over seeds the failing pairs vary as everything
    // else drawn does; and a smaller fraction of the same link is a subset of a larger one (a
    // prefix of one order). std::shuffle's draws are implementation-defined; mt19937_64's are not.
    std::mt19937_64 stream(StableHash(link) ^ (seed * 0x9e3779b97f4a7c15ULL));
    for (std::size_t i = edges.size() - 1; i > 0; --i)
    {
        std::swap(edges[i], edges[stream() % (i + 1)]);
    }
    const std::size_t count = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::llround(fraction * static_cast<double>(edges.size()))),
        1,
        edges.size());
    edges.resize(count);
    std::sort(edges.begin(), edges.end());
    return edges;
}

std::vector<std::pair<std::string, uint32_t>>
FaultController::MembersOf(const std::string& name) const
{
    const ScenarioSpec& spec = m_run.GetSpec();
    std::vector<std::pair<std::string, uint32_t>> members;
    auto addGroup = [&](const NodeSpec& n) {
        for (uint32_t i = 0; i < n.count; ++i)
        {
            members.emplace_back(n.name, i);
        }
    };
    // A node's name first: a site may share it, and the node is the narrower reading.
    if (const NodeSpec* n = spec.FindNode(name))
    {
        addGroup(*n);
        return members;
    }
    for (const NodeSpec& n : spec.nodes)
    {
        if (n.site == name)
        {
            addGroup(n);
        }
    }
    return members;
}

void
FaultController::AddWithEnd(const Action& action, std::optional<double> until, Action::Kind undo)
{
    m_actions.push_back(action);
    if (until)
    {
        Action end = action;
        end.kind = undo;
        end.time = *until;
        m_actions.push_back(end);
    }
}

void
FaultController::Expand()
{
    const ScenarioSpec& spec = m_run.GetSpec();
    constexpr double kBeforeEverything = -std::numeric_limits<double>::infinity();
    for (const FaultEvent& e : spec.faults.events)
    {
        switch (e.kind)
        {
        case FaultEvent::Kind::Cut:
        case FaultEvent::Kind::Restore: {
            Action down;
            down.kind =
                e.kind == FaultEvent::Kind::Cut ? Action::Kind::EdgesDown : Action::Kind::EdgesUp;
            down.time = e.at;
            for (const std::string& link : e.targets)
            {
                for (uint32_t edge : EdgesOf(link, e.fraction.value_or(1)))
                {
                    down.edges.push_back(edge);
                }
            }
            AddWithEnd(down, e.until, Action::Kind::EdgesUp);
            break;
        }
        case FaultEvent::Kind::PowerLoss:
        case FaultEvent::Kind::PowerRestore: {
            Action mains;
            mains.kind = e.kind == FaultEvent::Kind::PowerLoss ? Action::Kind::MainsLost
                                                               : Action::Kind::MainsBack;
            mains.time = e.at;
            for (const std::string& target : e.targets)
            {
                for (const auto& member : MembersOf(target))
                {
                    mains.members.push_back(member);
                }
            }
            AddWithEnd(mains, e.until, Action::Kind::MainsBack);
            break;
        }
        case FaultEvent::Kind::Storm: {
            Action on;
            on.kind = Action::Kind::StormOn;
            on.time = e.at;
            on.storm = m_storms.size();
            m_storms.push_back(e.storm);
            AddWithEnd(on, e.until, Action::Kind::StormOff);
            break;
        }
        case FaultEvent::Kind::BringIn: {
            // Absent from before the timeline begins until `at`.
            Action links;
            Action nodes;
            links.kind = Action::Kind::EdgesDown;
            nodes.kind = Action::Kind::NodesDark;
            for (const std::string& target : e.targets)
            {
                if (spec.FindNode(target))
                {
                    const auto members = MembersOf(target);
                    nodes.members.insert(nodes.members.end(), members.begin(), members.end());
                }
                else
                {
                    const auto edges = EdgesOf(target, 1);
                    links.edges.insert(links.edges.end(), edges.begin(), edges.end());
                }
            }
            for (Action* absent : {&links, &nodes})
            {
                if (!absent->edges.empty() || !absent->members.empty())
                {
                    absent->time = kBeforeEverything;
                    AddWithEnd(*absent,
                               e.at,
                               absent == &links ? Action::Kind::EdgesUp : Action::Kind::NodesLit);
                }
            }
            break;
        }
        }
    }
    std::stable_sort(m_actions.begin(), m_actions.end(), [](const Action& x, const Action& y) {
        return x.time < y.time;
    });
}

void
FaultController::Start()
{
    NS_ABORT_MSG_IF(m_started, "FaultController::Start called twice");
    m_started = true;
    Expand();
    const ScenarioSpec& spec = m_run.GetSpec();
    const double windowEnd = spec.windowStart + spec.duration + spec.drain;
    m_converging = true;
    for (const Action& a : m_actions)
    {
        if (a.time < spec.windowStart)
        {
            Apply(a, true);
        }
    }
    m_converging = false;
    // What the faults before the window left cut off is cut off from the window's start (or the
    // flow's): an outage that stays open until something restores it. Scheduled at 0, so that
    // supplies that ran dry before the window (PowerPlant::Start, just before the run) count too.
    Simulator::Schedule(Seconds(0), &FaultController::OpenOutages, this, true);
    for (const Action& a : m_actions)
    {
        if (a.time >= spec.windowStart && a.time < windowEnd)
        {
            Simulator::Schedule(Seconds(a.time - spec.windowStart),
                                &FaultController::Apply,
                                this,
                                a,
                                false);
        }
    }
}

void
FaultController::Apply(const Action& action, bool converged)
{
    NS_LOG_INFO("t=" << Simulator::Now().GetSeconds() << " s: action " << int(action.kind)
                     << (converged ? " (before the window)" : ""));
    switch (action.kind)
    {
    case Action::Kind::EdgesDown:
        m_cut.insert(action.edges.begin(), action.edges.end());
        SetEdges(action.edges, false, converged);
        break;
    case Action::Kind::EdgesUp:
        for (uint32_t edge : action.edges)
        {
            m_cut.erase(edge);
        }
        SetEdges(action.edges, true, converged);
        break;
    case Action::Kind::NodesDark:
    case Action::Kind::NodesLit:
        SetMembers(action.members, action.kind == Action::Kind::NodesLit, converged);
        break;
    case Action::Kind::MainsLost:
    case Action::Kind::MainsBack:
        if (!m_mainsHandler)
        {
            // No power supply of their own: dark at once, all of them in one pass.
            SetMembers(action.members, action.kind == Action::Kind::MainsBack, converged);
            break;
        }
        for (const auto& [node, member] : action.members)
        {
            m_mainsHandler(node, member, action.kind == Action::Kind::MainsBack, action.time);
        }
        break;
    case Action::Kind::StormOn:
        m_activeStorms.insert(action.storm);
        ApplyStorms();
        break;
    case Action::Kind::StormOff:
        m_activeStorms.erase(action.storm);
        ApplyStorms();
        break;
    }
}

bool
FaultController::Usable(uint32_t edge) const
{
    const RoutingEdge& e = m_run.GetEdge(edge);
    return !m_cut.count(edge) && !m_dark.count(e.devA->GetNode()->GetId()) &&
           !m_dark.count(e.devB->GetNode()->GetId());
}

void
FaultController::SetEdges(const std::vector<uint32_t>& edges, bool up, bool converged)
{
    // The interfaces change now, link by link through each link's technology.
    std::map<const LinkSpec*, std::vector<uint32_t>> byLink;
    for (uint32_t edge : edges)
    {
        byLink[&m_run.GetEdgeLink(edge)].push_back(edge);
    }
    for (const auto& [link, mine] : byLink)
    {
        LinkTechnologyRegistry::Get(link->technology).SetEdgesUp(m_run, *link, mine, up);
    }
    React(edges, up, converged);
}

void
FaultController::React(const std::vector<uint32_t>& edges, bool up, bool converged)
{
    std::vector<uint32_t> out;
    std::vector<uint32_t> back;
    for (uint32_t edge : edges)
    {
        if (!up)
        {
            out.push_back(edge);
        }
        else if (Usable(edge))
        {
            back.push_back(edge); // a link restored at a dark node waits for its power
        }
    }
    if (converged)
    {
        Reroute(out, back);
        return;
    }
    if (!up)
    {
        OpenOutages();
    }
    const FailoverSpec& f = m_run.GetSpec().faults.failover;
    Simulator::Schedule(Seconds(f.detectionSeconds + f.reconvergenceSeconds),
                        &FaultController::Reroute,
                        this,
                        out,
                        back);
}

void
FaultController::SetNodePowered(const std::string& node, uint32_t member, bool powered)
{
    SetMembers({{node, member}}, powered, m_converging);
}

void
FaultController::SetNodePoweredBeforeWindow(const std::string& node, uint32_t member, bool powered)
{
    const bool converging = m_converging;
    m_converging = true;
    SetMembers({{node, member}}, powered, true);
    m_converging = converging;
}

void
FaultController::SetMembers(const std::vector<std::pair<std::string, uint32_t>>& members,
                            bool powered,
                            bool converged)
{
    std::set<uint32_t> nodes;
    std::vector<Ptr<Node>> switched;
    for (const auto& [name, member] : members)
    {
        Ptr<Node> node = m_run.GetGroup(name).members.at(member);
        nodes.insert(node->GetId());
        switched.push_back(node);
        if (powered)
        {
            m_dark.erase(node->GetId());
        }
        else
        {
            m_dark.insert(node->GetId());
        }
    }
    m_run.GetState<InterfaceSwitch>().SetNodesPowered(m_run, switched, powered);
    std::vector<uint32_t> touched;
    for (uint32_t e = 0; e < m_run.GetEdgeCount(); ++e)
    {
        const RoutingEdge& edge = m_run.GetEdge(e);
        if (nodes.count(edge.devA->GetNode()->GetId()) ||
            nodes.count(edge.devB->GetNode()->GetId()))
        {
            touched.push_back(e);
        }
    }
    React(touched, powered, converged);
}

void
FaultController::Reroute(std::vector<uint32_t> out, std::vector<uint32_t> back)
{
    StaticRoutePlanner& planner = m_run.GetPlanner();
    // Only what is still as the fault left it: an edge cut and restored within the delay comes
    // back with its own restoration.
    out.erase(std::remove_if(out.begin(), out.end(), [&](uint32_t e) { return Usable(e); }),
              out.end());
    back.erase(std::remove_if(back.begin(), back.end(), [&](uint32_t e) { return !Usable(e); }),
               back.end());
    planner.SetLinksUp(out, false);
    planner.SetLinksUp(back, true, m_converging || m_run.GetSpec().faults.failover.revert);
    // A flow that moves keeps the least propagation bound of the paths it took (the runner's
    // check that no packet beats light holds on every path).
    auto& ends = m_run.GetFlowEnds();
    auto& results = m_run.GetFlowResults();
    for (std::size_t fi = 0; fi < ends.size() && fi < results.size(); ++fi)
    {
        const auto path = planner.GetPath(ends[fi].first, ends[fi].second);
        if (!path)
        {
            continue;
        }
        double bound = 0;
        for (uint32_t e : *path)
        {
            bound += m_run.GetEdge(e).propagationBoundSeconds;
        }
        results[fi].propagationBoundMs = std::min(results[fi].propagationBoundMs, bound * 1e3);
    }
}

void
FaultController::OpenOutages(bool unreachableIsCut)
{
    const ScenarioSpec& spec = m_run.GetSpec();
    StaticRoutePlanner& planner = m_run.GetPlanner();
    const double now = Simulator::Now().GetSeconds();
    for (std::size_t fi = 0; fi < spec.flows.size() && fi < m_records.size(); ++fi)
    {
        const FlowSpec& f = spec.flows[fi];
        if (now >= std::min(f.stop.value_or(spec.duration), spec.duration))
        {
            continue; // it sends no more: nothing to be cut off from
        }
        // A fault before the flow starts cuts it off from its start.
        const double since = std::max(now, f.start);
        const NodeGroup& src = m_run.GetGroup(f.from);
        const NodeGroup& dst = m_run.GetGroup(f.to);
        const uint32_t members = std::max(src.members.size(), dst.members.size());
        for (uint32_t i = 0; i < members; ++i)
        {
            Ptr<Node> from = src.members[PairedMember(i, members, src.members.size())];
            Ptr<Node> to = dst.members[PairedMember(i, members, dst.members.size())];
            // The path the installed routes take now: routing has not reacted yet.
            const auto path = planner.GetPath(from, to);
            const bool cut = m_dark.count(from->GetId()) || m_dark.count(to->GetId()) ||
                             (!path && unreachableIsCut) ||
                             (path && std::any_of(path->begin(), path->end(), [&](uint32_t e) {
                                  return !Usable(e);
                              }));
            if (cut)
            {
                m_records[fi]->OpenOutage(i, since);
            }
        }
    }
}

std::pair<double, double>
FaultController::PositionOf(Ptr<Node> node) const
{
    // A moving member is where its mobility has taken it (on the site plane); the others stay
    // where they were placed (some technologies give their nodes positions in other frames).
    const auto placed = m_at.find(node->GetId());
    Ptr<MobilityModel> mobility = node->GetObject<MobilityModel>();
    if (mobility && m_moving.count(node->GetId()))
    {
        const Vector p = mobility->GetPosition();
        return {p.x, p.y};
    }
    return placed == m_at.end() ? std::make_pair(0.0, 0.0) : placed->second;
}

void
FaultController::ApplyStorms()
{
    const ScenarioSpec& spec = m_run.GetSpec();
    auto rainAt = [&](Ptr<Node> node) {
        double rain = 0;
        const auto [x, y] = PositionOf(node);
        for (uint32_t s : m_activeStorms)
        {
            const StormSpec& storm = m_storms[s];
            const SiteSpec* centre = spec.FindSite(storm.center);
            if (std::hypot(x - centre->x, y - centre->y) <= storm.radiusMetres)
            {
                rain = std::max(rain, storm.rainRateMmH);
            }
        }
        return rain;
    };
    for (uint32_t e = 0; e < m_run.GetEdgeCount(); ++e)
    {
        const RoutingEdge& edge = m_run.GetEdge(e);
        RainExposure rain;
        rain.atAMmH = rainAt(edge.devA->GetNode());
        rain.atBMmH = rainAt(edge.devB->GetNode());
        const std::pair<double, double> now{rain.atAMmH, rain.atBMmH};
        auto it = m_rainOf.find(e);
        if (now == (it == m_rainOf.end() ? std::make_pair(0.0, 0.0) : it->second))
        {
            continue; // no change for this edge
        }
        m_rainOf[e] = now;
        const LinkSpec& link = m_run.GetEdgeLink(e);
        NS_LOG_INFO("edge " << e << " of " << link.name << ": rain " << rain.atAMmH << " / "
                            << rain.atBMmH << " mm/h");
        LinkTechnologyRegistry::Get(link.technology).SetRainRate(m_run, link, e, rain);
    }
}

void
FaultController::Finish(std::vector<FlowResult>& results) const
{
    const ScenarioSpec& spec = m_run.GetSpec();
    for (std::size_t fi = 0; fi < results.size() && fi < m_records.size(); ++fi)
    {
        const FlowSpec& f = spec.flows[fi];
        const FlowRecord& rec = *m_records[fi];
        FlowOutage o;
        // An outage still open counts until the flow stops sending: no later packet could end it.
        const double end = std::min(f.stop.value_or(spec.duration), spec.duration);
        std::map<uint32_t, double> perMember;
        for (const FlowRecord::Outage& outage : rec.GetOutages(end))
        {
            perMember[outage.member] += outage.seconds;
            o.unrestored = o.unrestored || !outage.ended;
            ++o.outages;
        }
        for (const auto& [member, seconds] : perMember)
        {
            o.seconds = std::max(o.seconds, seconds);
        }
        if (std::isfinite(rec.GetFirstFaultTime()))
        {
            o.firstFaultAt = rec.GetFirstFaultTime();
            o.sentBefore = rec.GetTxBeforeFault();
            o.lostBefore = o.sentBefore - std::min(o.sentBefore, rec.GetRxBeforeFault());
            o.sentAfter = rec.GetTxPackets() - o.sentBefore;
            const uint64_t rxAfter = rec.GetRxPackets() - rec.GetRxBeforeFault();
            o.lostAfter = o.sentAfter - std::min(o.sentAfter, rxAfter);
        }
        results[fi].outage = o;
    }
}

} // namespace blueprint
} // namespace ns3
