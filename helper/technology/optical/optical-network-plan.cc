/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/optical/optical-network-plan.h"

#include "helper/scenario/spec-reading.h"
#include "helper/technology/optical/optical-link-reader.h"
#include "helper/technology/optical/optical-spec-reader.h"
#include "model/equipment/equipment-profile.h"
#include "model/optical/optical-transponder-class.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalNetworkPlan");

namespace
{

/// Union-find over ROADM node names: which fibres form one network.
class RoadmSets
{
  public:
    /// \param name a ROADM node \return its set's representative
    std::string Find(const std::string& name)
    {
        std::string root = name;
        while (m_parent.count(root) && m_parent[root] != root)
        {
            root = m_parent[root];
        }
        for (std::string n = name; n != root;)
        {
            std::string& up = m_parent[n];
            n = up;
            up = root;
        }
        return root;
    }

    /// Join the sets of two ROADM nodes.
    void Join(const std::string& a, const std::string& b)
    {
        m_parent.emplace(a, a);
        m_parent.emplace(b, b);
        m_parent[Find(a)] = Find(b);
    }

    /// \param name a node \return whether it is a ROADM (a fibre's end)
    bool Has(const std::string& name) const
    {
        return m_parent.count(name) > 0;
    }

  private:
    std::map<std::string, std::string> m_parent; //!< node -> parent
};

/// Where a lightpath is added or dropped: the ROADM written, the end itself if it is a ROADM,
/// or the one ROADM at the end's site.
std::string
ResolveRoadm(const ScenarioSpec& spec,
             const RoadmSets& sets,
             const std::vector<std::string>& roadms,
             const LinkSpec& link,
             const std::string& written,
             const SourceMark& writtenMark,
             const std::string& end,
             const char* key)
{
    const std::string context = "link '" + link.name + "'";
    if (!written.empty())
    {
        if (!sets.Has(written))
        {
            throw InputError(writtenMark,
                             specreading::WithSuggestion(context + ": lightpath " + key + " '" +
                                                             written +
                                                             "' is not a ROADM (the end of an "
                                                             "optical fibre)",
                                                         written,
                                                         roadms));
        }
        return written;
    }
    if (sets.Has(end))
    {
        return end;
    }
    const std::string& site = spec.FindNode(end)->site;
    std::vector<std::string> here;
    for (const std::string& r : roadms)
    {
        if (spec.FindNode(r)->site == site)
        {
            here.push_back(r);
        }
    }
    if (here.size() == 1)
    {
        return here.front();
    }
    std::string message = context + ": node '" + end + "' is at site '" + site + "', where ";
    if (here.empty())
    {
        message += "no optical fibre ends; name the ROADM the lightpath is " +
                   std::string(key == std::string("add") ? "added" : "dropped") + " at (" + key +
                   ": ...)";
    }
    else
    {
        message += std::to_string(here.size()) + " ROADMs are (";
        for (std::size_t i = 0; i < here.size(); ++i)
        {
            message += (i ? ", " : "") + here[i];
        }
        message += "); name one (" + std::string(key) + ": ...)";
    }
    throw InputError(link.mark, message);
}

/// The fibres of a network that have no channel free, as "name (n of n channels)".
std::string
FullFibres(const OpticalInstallation& inst)
{
    std::string full;
    const uint32_t channels = inst.network->GetGrid().channels;
    for (uint32_t f = 0; f < inst.network->GetNFibres(); ++f)
    {
        if (inst.network->GetUsedChannels(f) == channels)
        {
            full += (full.empty() ? "" : ", ") + inst.fibreNames[f];
        }
    }
    return full.empty() ? ""
                        : "; full: " + full + " (" + std::to_string(channels) + " of " +
                              std::to_string(channels) + " channels each)";
}

} // namespace

std::vector<OpticalNetworkPlan>
PlanOpticalNetworks(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine)
{
    RoadmSets sets;
    std::vector<std::string> roadms;
    for (const LinkSpec* l : mine)
    {
        if (!l->Config<OpticalLinkConfig>().lightpath)
        {
            sets.Join(l->a, l->b);
            for (const std::string* end : {&l->a, &l->b})
            {
                if (std::find(roadms.begin(), roadms.end(), *end) == roadms.end())
                {
                    roadms.push_back(*end);
                }
            }
        }
    }
    std::vector<OpticalNetworkPlan> plans;
    std::map<std::string, std::size_t> planOfRoot;
    auto planOf = [&](const std::string& roadm) -> std::size_t {
        const auto [it, added] = planOfRoot.emplace(sets.Find(roadm), plans.size());
        if (added)
        {
            plans.emplace_back();
        }
        return it->second;
    };
    // Per network (by index), the first fibre that writes its settings.
    std::map<std::size_t, const LinkSpec*> settingsOf;
    for (const LinkSpec* l : mine)
    {
        const OpticalLinkConfig& c = l->Config<OpticalLinkConfig>();
        if (c.lightpath)
        {
            if (roadms.empty())
            {
                throw InputError(c.lightpathMark,
                                 "link '" + l->name +
                                     "': a lightpath runs over optical fibres, and the scenario "
                                     "has none (links of technology optical without lightpath)");
            }
            const std::string add =
                ResolveRoadm(spec, sets, roadms, *l, c.add, c.addMark, l->a, "add");
            const std::string drop =
                ResolveRoadm(spec, sets, roadms, *l, c.drop, c.dropMark, l->b, "drop");
            if (sets.Find(add) != sets.Find(drop))
            {
                throw InputError(c.lightpathMark,
                                 "link '" + l->name + "': the lightpath is added at '" + add +
                                     "' and dropped at '" + drop +
                                     "', which no fibres join (two separate optical networks)");
            }
            if (add == drop)
            {
                throw InputError(c.lightpathMark,
                                 "link '" + l->name +
                                     "': the lightpath is added and dropped at "
                                     "the same ROADM '" +
                                     add + "'; join its ends with another link");
            }
            OpticalNetworkPlan& plan = plans[planOf(add)];
            OpticalDemandSpec d;
            d.name = l->name;
            d.from = add;
            d.to = drop;
            d.fromNode = l->a;
            d.toNode = l->b;
            d.rate = c.rate;
            d.transponderClass = c.transponder;
            d.queue = c.queue;
            d.mark = c.lightpathMark;
            plan.spec.demands.push_back(d);
            plan.lightpathLinks.push_back(l);
            plan.links.push_back(l);
            continue;
        }
        const std::size_t index = planOf(l->a);
        OpticalNetworkPlan& plan = plans[index];
        OpticalFibreSpec f;
        f.a = l->a;
        f.b = l->b;
        f.lengthKm = c.lengthKm;
        f.aerial = c.aerial;
        f.name = l->name;
        f.ipLink = c.ipLink;
        f.ipRate = c.ipRate;
        f.ipQueue = c.ipQueue;
        // The routed layer's routers are the fibre's end nodes: their own forwarding latency.
        f.processingA = EquipmentProfile::Find(spec.FindNode(l->a)->equipment)->processingDelay;
        f.processingB = EquipmentProfile::Find(spec.FindNode(l->b)->equipment)->processingDelay;
        f.mark = l->mark;
        plan.spec.fibres.push_back(f);
        plan.fibreLinks.push_back(l);
        plan.links.push_back(l);
        if (!c.settings)
        {
            continue;
        }
        const auto [it, first] = settingsOf.emplace(index, l);
        if (!first)
        {
            const OpticalLinkConfig& earlier = it->second->Config<OpticalLinkConfig>();
            if (earlier.settingsText != c.settingsText)
            {
                throw InputError(
                    c.settingsMark,
                    "link '" + l->name + "': its network settings differ from those link '" +
                        it->second->name + "' gives at " + FormatSourceMark(earlier.settingsMark) +
                        ", and both fibres are in one optical network; write them "
                        "once, on one of its fibres");
            }
        }
    }
    for (std::size_t index = 0; index < plans.size(); ++index)
    {
        OpticalNetworkPlan& plan = plans[index];
        OpticalNetworkSpec& net = plan.spec;
        const auto it = settingsOf.find(index);
        if (it != settingsOf.end())
        {
            const OpticalNetworkSpec& s = *it->second->Config<OpticalLinkConfig>().settings;
            net.channels = s.channels;
            net.line = s.line;
            net.transponderClass = s.transponderClass;
            net.candidatePaths = s.candidatePaths;
            net.allowRegenerators = s.allowRegenerators;
            net.allowSlowerTransponder = s.allowSlowerTransponder;
            net.queue = s.queue;
            net.equipment = s.equipment;
            net.mark = it->second->Config<OpticalLinkConfig>().settingsMark;
        }
        else
        {
            net.mark = plan.links.front()->mark;
        }
        const OpticalTransponderClass& ipClass =
            *OpticalTransponderClass::Find(net.transponderClass);
        for (std::size_t i = 0; i < net.fibres.size(); ++i)
        {
            const OpticalFibreSpec& f = net.fibres[i];
            const double osnr = net.line.GetPathOsnrDb({*f.lengthKm});
            if (f.ipLink && osnr < ipClass.requiredOsnrDb)
            {
                std::ostringstream message;
                message << "link '" << f.name << "': the IP-routed layer's " << ipClass.name
                        << " wavelength on this " << *f.lengthKm
                        << " km fibre is beyond its reach (" << ipClass.GetReachKm(net.line)
                        << " km on this line: OSNR " << std::round(osnr * 10) / 10 << " dB, needs "
                        << ipClass.requiredOsnrDb
                        << " dB); put a ROADM site on its route (two fibres), or give it ip: "
                           "false";
                throw InputError(f.mark, message.str());
            }
            if (f.ipLink && f.ipRate > ipClass.lineRate)
            {
                throw InputError(f.mark,
                                 "link '" + f.name + "': its IP-layer rate exceeds one " +
                                     ipClass.name + " wavelength");
            }
        }
        for (std::size_t i = 0; i < net.demands.size(); ++i)
        {
            const OpticalDemandSpec& d = net.demands[i];
            const OpticalLinkConfig& c = plan.lightpathLinks[i]->Config<OpticalLinkConfig>();
            const std::string context = "link '" + d.name + "'";
            const std::string used =
                d.transponderClass.empty() ? net.transponderClass : d.transponderClass;
            CheckOpticalClassFitsGrid(d.transponderClass.empty() ? c.lightpathMark
                                                                 : c.transponderMark,
                                      context,
                                      net,
                                      used);
            if (d.rate > OpticalTransponderClass::Find(used)->lineRate)
            {
                throw InputError(c.rateMark,
                                 context + ": rate exceeds one " + used + " wavelength");
            }
        }
    }
    return plans;
}

OpticalInstallation
ProvisionOpticalNetwork(const OpticalNetworkPlan& plan)
{
    OpticalHelper helper;
    OpticalInstallation inst;
    try
    {
        inst = helper.Provision(plan.spec);
    }
    catch (const std::invalid_argument& e)
    {
        // Everything Provision refuses is checked while planning: a logic error if it is not.
        throw std::logic_error(std::string("optical network plan: ") + e.what());
    }
    for (std::size_t i = 0; i < inst.lightpaths.size(); ++i)
    {
        const OpticalLightpath& lp = inst.lightpaths[i];
        if (!lp.established)
        {
            throw InputError(plan.spec.demands[i].mark,
                             "link '" + plan.spec.demands[i].name +
                                 "': the lightpath is blocked: " + lp.blockedReason +
                                 FullFibres(inst));
        }
        NS_LOG_INFO("lightpath " << lp.demand << ": " << lp.route.lengthKm << " km, "
                                 << lp.segments.size() << " segment(s), class "
                                 << lp.transponderClass << ", remedy " << ToString(lp.remedy));
    }
    return inst;
}

std::string
GetLightpathLabel(const OpticalLightpath& lightpath, const std::string& requested)
{
    if (lightpath.remedy == OpticalReachRemedy::REGENERATOR)
    {
        return "lightpath-regenerated";
    }
    if (lightpath.transponderClass != requested)
    {
        return "lightpath-" + lightpath.transponderClass;
    }
    return "lightpath";
}

} // namespace blueprint
} // namespace ns3
