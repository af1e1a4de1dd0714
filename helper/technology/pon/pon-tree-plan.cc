/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/pon/pon-tree-plan.h"

#include "helper/scenario/spec-reading.h"
#include "helper/technology/pon/pon-helper.h"
#include "helper/technology/pon/pon-link-reader.h"

#include <cmath>
#include <map>
#include <sstream>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// Keys of a tree besides its settings: the feeder and the route factor of derived lengths.
const std::vector<std::string> kTreeFibreKeys = {"feeder", "route_factor"};

/// "link 'x'".
std::string
ContextOf(const LinkSpec& link)
{
    return "link '" + link.name + "'";
}

/// The straight line between two sites, metres.
double
SiteDistance(const ScenarioSpec& spec, const std::string& a, const std::string& b)
{
    const SiteSpec* sa = spec.FindSite(a);
    const SiteSpec* sb = spec.FindSite(b);
    return std::hypot(sa->x - sb->x, sa->y - sb->y);
}

} // namespace

std::vector<std::string>
PonLinkKeys()
{
    std::vector<std::string> keys = {"port"};
    for (const std::string& key : PonTreeKeys())
    {
        keys.push_back(key);
    }
    keys.insert(keys.end(), kTreeFibreKeys.begin(), kTreeFibreKeys.end());
    keys.emplace_back("drop");
    keys.emplace_back("cti");
    return keys;
}

std::shared_ptr<const PonLinkConfig>
ReadPonLink(const ConfigNode& link, const LinkReadContext& ctx)
{
    const std::string& context = ctx.context;
    auto c = std::make_shared<PonLinkConfig>();
    if (ctx.a.count != 1)
    {
        throw InputError(ctx.aMark,
                         context + ": the first node of a PON link is its OLT, a single node; '" +
                             ctx.a.name + "' is a group of " + std::to_string(ctx.a.count));
    }
    c->portMark = ctx.link.mark;
    if (const ConfigNode* port = link.Find("port"))
    {
        c->port = static_cast<uint32_t>(ReadIntegerIn(*port, 1, 1024, context + " port"));
        c->portMark = port->GetMark();
    }
    // The tree's settings as written, checked now and merged with the tree's other links later.
    c->tree = ConfigNode::MakeMap(ctx.link.mark);
    std::vector<std::string> treeKeys = PonTreeKeys();
    treeKeys.insert(treeKeys.end(), kTreeFibreKeys.begin(), kTreeFibreKeys.end());
    for (const std::string& key : treeKeys)
    {
        if (const ConfigNode* value = link.Find(key))
        {
            c->tree.Set(key, *value, link.GetKeyMark(key));
        }
    }
    PonLinkSpec check;
    ReadPonTreeSettings(c->tree, context, check);
    if (const ConfigNode* feeder = link.Find("feeder"))
    {
        if (feeder->AsLength() < 0.0)
        {
            throw InputError(feeder->GetMark(), context + " feeder must not be negative");
        }
    }
    if (const ConfigNode* rf = link.Find("route_factor"))
    {
        ReadDoubleIn(*rf, 1.0, 100.0, context + " route_factor");
    }
    if (const ConfigNode* drop = link.Find("drop"))
    {
        c->dropKm = drop->AsLength() / 1000.0;
        c->dropMark = drop->GetMark();
        if (*c->dropKm < 0.0)
        {
            throw InputError(drop->GetMark(), context + " drop must not be negative");
        }
    }
    if (const ConfigNode* cti = link.Find("cti"))
    {
        // The tree's DBA may be written on another of its links: checked with the tree.
        c->cti = ReadPonCti(*cti, context, "cooperative", {ctx.b.name}, false);
        c->ctiMark = cti->GetMark();
        for (const PonCtiSpec& arrival : c->cti)
        {
            if (!arrival.first.IsNegative() && arrival.packetBytes == 0)
            {
                throw InputError(arrival.mark,
                                 context + ": an announced arrival with its first time written "
                                           "needs its packet_size (IP bytes); leave both out to "
                                           "take them from the ONU's first packet");
            }
        }
    }
    return c;
}

std::vector<std::vector<const LinkSpec*>>
GroupPonTrees(const std::vector<const LinkSpec*>& mine)
{
    std::vector<std::vector<const LinkSpec*>> trees;
    std::map<std::pair<std::string, uint32_t>, std::size_t> treeOf;
    for (const LinkSpec* l : mine)
    {
        const auto key = std::make_pair(l->a, l->Config<PonLinkConfig>().port);
        const auto [it, added] = treeOf.emplace(key, trees.size());
        if (added)
        {
            trees.emplace_back();
        }
        trees[it->second].push_back(l);
    }
    return trees;
}

PonTreePlan
PlanPonTree(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& links)
{
    PonTreePlan plan;
    plan.links = links;
    const LinkSpec& first = *links.front();
    const std::string tree = "the tree on OLT '" + first.a + "' port " +
                             std::to_string(first.Config<PonLinkConfig>().port);
    // Settings: each key from the first link that writes it; any other link writing it agrees.
    ConfigNode merged = ConfigNode::MakeMap(first.mark);
    std::map<std::string, const LinkSpec*> writer;
    for (const LinkSpec* l : links)
    {
        const ConfigNode& written = l->Config<PonLinkConfig>().tree;
        for (const auto& [key, value] : written.GetEntries())
        {
            const auto [it, firstWriter] = writer.emplace(key, l);
            if (firstWriter)
            {
                merged.Set(key, value, written.GetKeyMark(key));
            }
            else if (merged.Get(key, "").ToYaml() != value.ToYaml())
            {
                throw InputError(written.GetKeyMark(key),
                                 ContextOf(*l) + ": its " + key + " differs from the one link '" +
                                     it->second->name + "' gives at " +
                                     FormatSourceMark(merged.GetKeyMark(key)) + ", and both are " +
                                     tree + "; write it once");
            }
        }
    }
    PonLinkSpec& s = plan.spec;
    ReadPonTreeSettings(merged, ContextOf(first), s);
    s.olt = first.a;
    s.mark = first.mark;
    plan.splitterSite = spec.FindNode(first.b)->site;
    if (const ConfigNode* rf = merged.Find("route_factor"))
    {
        plan.routeFactor = rf->AsDouble();
    }
    if (const ConfigNode* feeder = merged.Find("feeder"))
    {
        s.feederKm = feeder->AsLength() / 1000.0;
    }
    else
    {
        s.feederKm = SiteDistance(spec, spec.FindNode(first.a)->site, plan.splitterSite) *
                     plan.routeFactor / 1000.0;
    }
    const double reach = GetPonReachKm(s);
    uint64_t total = 0;
    for (const LinkSpec* l : links)
    {
        total += spec.FindNode(l->b)->count;
    }
    if (total <= s.split)
    {
        const std::string layout = PonHelper::CheckFrameLayout(s, static_cast<uint32_t>(total));
        if (!layout.empty())
        {
            throw InputError(first.mark, ContextOf(first) + ": " + tree + ": " + layout);
        }
    }
    uint64_t onus = 0;
    for (const LinkSpec* l : links)
    {
        const PonLinkConfig& c = l->Config<PonLinkConfig>();
        const NodeSpec& group = *spec.FindNode(l->b);
        onus += group.count;
        if (onus > s.split)
        {
            throw InputError(l->mark,
                             ContextOf(*l) + ": " + tree + " has " + std::to_string(onus) +
                                 " ONUs with this link's, more than its 1:" +
                                 std::to_string(s.split) + " splitter has ports");
        }
        // The farthest ONU: its written drop, or the farthest a member of the group is placed
        // from the splitter.
        const double dropKm = c.dropKm.value_or(
            (SiteDistance(spec, plan.splitterSite, group.site) + group.placementRadius) *
            plan.routeFactor / 1000.0);
        if (s.feederKm + dropKm > reach + 1e-9)
        {
            std::ostringstream message;
            message << ContextOf(*l) << ": its ONUs may be " << s.feederKm + dropKm
                    << " km from the OLT (feeder " << s.feederKm << " km, drop "
                    << (c.dropKm ? "" : "up to ") << dropKm << " km), beyond "
                    << DescribePonReach(s);
            throw InputError(c.dropKm ? c.dropMark : l->mark, message.str());
        }
        if (!c.cti.empty() && !PonHelper::IsCooperative(s.dba))
        {
            throw InputError(c.ctiMark,
                             ContextOf(*l) +
                                 ": announced arrivals (cti) need dba: cooperative "
                                 "on " +
                                 tree);
        }
    }
    return plan;
}

} // namespace blueprint
} // namespace ns3
