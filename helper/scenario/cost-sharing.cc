/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/cost-sharing.h"

#include "ns3/log.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintCostSharing");

namespace
{

/// What a cost item is for: links (a flow crossing any of them uses it), or a node.
struct Scope
{
    std::vector<std::string> links; //!< the link it is named after, if any
    std::string node;               //!< else the node, if any (neither: common)
};

/// The scenario's links and nodes, and which links meet at each node.
struct Topology
{
    std::unordered_set<std::string> links;                             //!< link names
    std::unordered_map<std::string, std::vector<std::string>> linksAt; //!< node -> its links
};

Scope
ScopeOf(const CostItem& item, const Topology& topology)
{
    if (topology.links.count(item.element))
    {
        return {{item.element}, ""};
    }
    if (topology.linksAt.count(item.element))
    {
        return {{}, item.element};
    }
    // "dish terminals", "backhaul/hub-router": a part of a link, named after it.
    for (std::size_t pos = item.element.find_first_of(" /"); pos != std::string::npos;
         pos = item.element.find_first_of(" /", pos + 1))
    {
        const std::string prefix = item.element.substr(0, pos);
        if (topology.links.count(prefix))
        {
            return {{prefix}, ""};
        }
    }
    if (topology.linksAt.count(item.node))
    {
        return {{}, item.node};
    }
    return {};
}

/// The share of a flow's members whose paths cross one of `links`.
double
CrossingShare(const FlowUse& use, const std::unordered_set<std::string>& links)
{
    uint64_t crossing = 0;
    uint64_t all = 0;
    for (const auto& [path, members] : use.memberPaths)
    {
        all += members;
        const bool crosses = std::any_of(path.begin(), path.end(), [&](const std::string& l) {
            return links.count(l) > 0;
        });
        crossing += crosses ? members : 0;
    }
    return all > 0 ? static_cast<double>(crossing) / all : 0;
}

/// A flow's offered and carried bytes, responses of request-response flows included.
PartyUse
BytesOf(const FlowSpec& spec, const FlowResult& flow)
{
    PartyUse use;
    use.offeredBytes = static_cast<double>(flow.txBytes);
    use.carriedBytes = static_cast<double>(flow.rxBytes);
    if (spec.traffic.pattern == "request_response")
    {
        // The server answers every request that reaches it.
        use.offeredBytes += static_cast<double>(flow.rxPackets) * spec.traffic.responseSize;
        use.carriedBytes +=
            static_cast<double>(flow.answeredRequests.value_or(0)) * spec.traffic.responseSize;
    }
    return use;
}

} // namespace

std::vector<UseCaseResult>
JudgeUseCases(const SharingSpec& sharing, const std::vector<FlowResult>& flows)
{
    std::vector<UseCaseResult> results;
    for (const UseCaseSpec& u : sharing.useCases)
    {
        UseCaseResult r;
        r.name = u.name;
        r.description = u.description;
        r.flows = u.flows;
        for (const FlowResult& f : flows)
        {
            if (std::find(u.flows.begin(), u.flows.end(), f.name) == u.flows.end())
            {
                continue;
            }
            r.verdict = Worst(r.verdict, f.verdict);
            for (const RequirementResult& q : f.requirements)
            {
                if (q.verdict != Verdict::Pass)
                {
                    r.failed.push_back(f.name + " " + q.metric);
                }
            }
        }
        results.push_back(r);
    }
    return results;
}

CostShare
ShareCosts(const ScenarioSpec& spec,
           const std::vector<CostItem>& items,
           const std::vector<FlowResult>& flows,
           const std::vector<FlowUse>& uses)
{
    const SharingSpec& sharing = spec.sharing.value();
    std::vector<std::string> parties;
    std::map<std::string, double> agreed;
    std::unordered_map<std::string, std::string> partyOfFlow;
    std::unordered_map<std::string, std::string> ownerOf;
    for (const UseCaseSpec& u : sharing.useCases)
    {
        parties.push_back(u.name);
        agreed[u.name] = u.share.value_or(0);
        for (const auto& f : u.flows)
        {
            partyOfFlow[f] = u.name;
        }
        for (const auto& e : u.owns)
        {
            ownerOf[e] = u.name;
        }
    }
    CostSplit split(SplitRuleFromName(sharing.rule), parties);
    if (sharing.useCases.front().share)
    {
        split.SetAgreedShares(agreed); // the reader saw to it that every use case has one
    }
    split.SetDiscountRate(spec.discountRate);
    split.SetHorizonYears(sharing.horizonYears);
    for (const SubsidySpec& s : sharing.subsidies)
    {
        Subsidy subsidy;
        subsidy.party = s.to;
        subsidy.funder = s.from;
        subsidy.capexShare = s.capexShare;
        subsidy.capexCap = s.capexCap;
        subsidy.opexShare = s.opexShare;
        subsidy.opexPerYear = s.opexPerYear;
        subsidy.opexYears = s.opexYears;
        split.AddSubsidy(subsidy);
    }

    Topology topology;
    for (const LinkSpec& l : spec.links)
    {
        topology.links.insert(l.name);
        topology.linksAt[l.a].push_back(l.name);
        topology.linksAt[l.b].push_back(l.name);
    }
    for (const NodeSpec& n : spec.nodes)
    {
        topology.linksAt[n.name]; // a node without links still names its items
    }
    // Which flows cross each link and end at each node, so an item looks only at those.
    std::unordered_map<std::string, std::set<std::size_t>> flowsOn;
    std::unordered_map<std::string, std::set<std::size_t>> flowsEndingAt;
    std::vector<PartyUse> bytes(flows.size());
    for (std::size_t fi = 0; fi < flows.size(); ++fi)
    {
        bytes[fi] = BytesOf(spec.flows[fi], flows[fi]);
        flowsEndingAt[flows[fi].from].insert(fi);
        flowsEndingAt[flows[fi].to].insert(fi);
        for (const auto& [path, members] : uses[fi].memberPaths)
        {
            for (const auto& l : path)
            {
                flowsOn[l].insert(fi);
            }
        }
    }

    for (const CostItem& item : items)
    {
        const Scope scope = ScopeOf(item, topology);
        SharedCostItem shared;
        shared.cost = item;
        std::vector<std::string> links = scope.links;
        if (!scope.node.empty())
        {
            links = topology.linksAt.at(scope.node);
        }
        for (const auto& name : scope.node.empty() ? scope.links : std::vector{scope.node})
        {
            const auto owner = ownerOf.find(name);
            if (owner != ownerOf.end())
            {
                shared.owner = owner->second;
            }
        }
        std::set<std::size_t> candidates;
        for (const auto& l : links)
        {
            const auto on = flowsOn.find(l);
            if (on != flowsOn.end())
            {
                candidates.insert(on->second.begin(), on->second.end());
            }
        }
        const std::set<std::size_t> none;
        const auto ending =
            scope.node.empty() ? flowsEndingAt.end() : flowsEndingAt.find(scope.node);
        const std::set<std::size_t>& endpoints =
            ending == flowsEndingAt.end() ? none : ending->second;
        candidates.insert(endpoints.begin(), endpoints.end());
        const std::unordered_set<std::string> crossed(links.begin(), links.end());
        std::map<std::string, std::vector<double>> series; // party -> bytes per interval
        for (const std::size_t fi : candidates)
        {
            const bool endpoint = endpoints.count(fi) > 0;
            const double share = endpoint ? 1.0 : CrossingShare(uses[fi], crossed);
            if (share <= 0)
            {
                continue;
            }
            const std::string& party = partyOfFlow.at(flows[fi].name);
            PartyUse& use = shared.users[party];
            use.offeredBytes += bytes[fi].offeredBytes * share;
            use.carriedBytes += bytes[fi].carriedBytes * share;
            const TrafficSpec& t = spec.flows[fi].traffic;
            const double scale =
                t.pattern == "request_response" ? (t.size + t.responseSize) / t.size : 1.0;
            std::vector<double>& sum = series[party];
            const auto& offered = uses[fi].offeredPerInterval;
            sum.resize(std::max(sum.size(), offered.size()), 0.0);
            for (std::size_t k = 0; k < offered.size(); ++k)
            {
                sum[k] += static_cast<double>(offered[k]) * share * scale;
            }
        }
        for (auto& [party, use] : shared.users)
        {
            const auto& sum = series[party];
            const double most = sum.empty() ? 0 : *std::max_element(sum.begin(), sum.end());
            use.peakBitsPerSecond = most * 8 / sharing.peakIntervalSeconds;
        }
        NS_LOG_DEBUG("cost item " << item.element << " at " << item.node << ": "
                                  << shared.users.size() << " users, owner '" << shared.owner
                                  << "'");
        split.Add(shared);
    }
    CostShare share = split.Split();
    share.peakIntervalSeconds = sharing.peakIntervalSeconds;
    return share;
}

} // namespace blueprint
} // namespace ns3
