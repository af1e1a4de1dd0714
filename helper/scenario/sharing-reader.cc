/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/sharing-reader.h"

#include "helper/scenario/spec-reading.h"
#include "model/cost/cost-split.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <sstream>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

const std::vector<std::string> kSharingKeys =
    {"rule", "use_cases", "subsidies", "peak_interval", "horizon_years", "description"};
const std::vector<std::string> kUseCaseKeys = {"description", "flows", "owns", "share"};
const std::vector<std::string> kSubsidyKeys = {"to", "from", "description", "capex", "opex"};

/// Longest opex support and horizon, in years: a century is beyond any appraisal.
constexpr double kMaxYears = 100;

/// A number of years in (0, kMaxYears].
double
ReadYears(const ConfigNode& node, const std::string& what)
{
    const double years = node.AsDouble();
    if (!(years > 0) || years > kMaxYears)
    {
        std::ostringstream message;
        message << what << " must be more than 0 and at most " << kMaxYears << " years, not "
                << years;
        throw InputError(node.GetMark(), message.str());
    }
    return years;
}

std::vector<std::string>
FlowNames(const ScenarioSpec& spec)
{
    std::vector<std::string> names;
    for (const auto& f : spec.flows)
    {
        names.push_back(f.name);
    }
    return names;
}

/// The names a use case may own: every node and link.
std::vector<std::string>
ElementNames(const ScenarioSpec& spec)
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
    return names;
}

/// A list of names, each one of `known` and in no other use case (`taken`: name -> use case).
std::vector<std::string>
ReadNames(const ConfigNode& list,
          const std::vector<std::string>& known,
          std::map<std::string, std::string>& taken,
          const std::string& useCase,
          const std::string& kind,
          const std::string& rule)
{
    std::vector<std::string> names;
    for (const ConfigNode& item : list.GetItems())
    {
        const std::string name = item.AsString();
        if (std::find(known.begin(), known.end(), name) == known.end())
        {
            throw InputError(
                item.GetMark(),
                WithSuggestion("use case '" + useCase + "': unknown " + kind + " '" + name + "'",
                               name,
                               known));
        }
        const auto [it, inserted] = taken.emplace(name, useCase);
        if (!inserted)
        {
            throw InputError(item.GetMark(),
                             "use case '" + useCase + "': " + kind + " '" + name +
                                 "' is already in use case '" + it->second + "'; " + rule);
        }
        names.push_back(name);
    }
    return names;
}

UseCaseSpec
ReadUseCase(const std::string& name,
            const ConfigNode& node,
            const SourceMark& mark,
            const ScenarioSpec& spec,
            std::map<std::string, std::string>& flowOwner,
            std::map<std::string, std::string>& elementOwner)
{
    const std::string context = "use case '" + name + "'";
    node.CheckKeys(kUseCaseKeys, context);
    UseCaseSpec u;
    u.name = name;
    u.mark = mark;
    if (const ConfigNode* d = node.Find("description"))
    {
        u.description = d->AsString();
    }
    const ConfigNode& flows = node.Get("flows", context);
    if (flows.GetItems().empty())
    {
        throw InputError(flows.GetMark(), context + ": flows lists at least one flow");
    }
    u.flows = ReadNames(flows,
                        FlowNames(spec),
                        flowOwner,
                        name,
                        "flow",
                        "a flow belongs to one use case");
    if (const ConfigNode* owns = node.Find("owns"))
    {
        u.owns = ReadNames(*owns,
                           ElementNames(spec),
                           elementOwner,
                           name,
                           "node or link",
                           "an element is owned by one use case at most");
    }
    if (const ConfigNode* share = node.Find("share"))
    {
        u.share = share->AsRatio(); // 0 to 100 %
        u.shareMark = share->GetMark();
    }
    return u;
}

SubsidySpec
ReadSubsidy(const ConfigNode& node, const std::vector<UseCaseSpec>& useCases)
{
    const std::string context = "subsidy";
    node.CheckKeys(kSubsidyKeys, context);
    SubsidySpec s;
    s.mark = node.GetMark();
    const ConfigNode& to = node.Get("to", context);
    s.to = to.AsString();
    std::vector<std::string> names;
    for (const auto& u : useCases)
    {
        names.push_back(u.name);
    }
    if (std::find(names.begin(), names.end(), s.to) == names.end())
    {
        throw InputError(to.GetMark(),
                         WithSuggestion("subsidy to unknown use case '" + s.to + "'", s.to, names));
    }
    const std::string of = "subsidy to '" + s.to + "'";
    s.from = node.Find("from") ? node.Find("from")->AsString() : "subsidy";
    if (const ConfigNode* d = node.Find("description"))
    {
        s.description = d->AsString();
    }
    const ConfigNode* capex = node.Find("capex");
    const ConfigNode* opex = node.Find("opex");
    if (!capex && !opex)
    {
        throw InputError(s.mark, of + ": give a capex grant, opex support, or both");
    }
    if (capex)
    {
        capex->CheckKeys({"share", "cap"}, of + " capex");
        s.capexShare = capex->Get("share", of + " capex").AsRatio();
        if (const ConfigNode* cap = capex->Find("cap"))
        {
            s.capexCap = cap->AsMoney();
        }
    }
    if (opex)
    {
        opex->CheckKeys({"share", "per_year", "years"}, of + " opex");
        const ConfigNode* share = opex->Find("share");
        const ConfigNode* perYear = opex->Find("per_year");
        if (share && perYear)
        {
            throw InputError(perYear->GetMark(), of + " opex: give share or per_year, not both");
        }
        if (!share && !perYear)
        {
            throw InputError(opex->GetMark(),
                             of + " opex: give its share of the opex or an amount per_year");
        }
        if (share)
        {
            s.opexShare = share->AsRatio();
        }
        else
        {
            s.opexPerYear = perYear->AsMoney();
        }
        s.opexYears = ReadYears(opex->Get("years", of + " opex"), of + " opex years");
    }
    return s;
}

} // namespace

void
ReadSharing(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode* node = root.Find("sharing");
    if (!node)
    {
        return;
    }
    node->CheckKeys(kSharingKeys, "sharing");
    SharingSpec sharing;
    sharing.mark = root.GetKeyMark("sharing");
    const ConfigNode& rule = node->Get("rule", "sharing");
    sharing.rule = ReadChoice(rule, SplitRuleNames(), "cost-sharing rule");

    const ConfigNode& useCases = node->Get("use_cases", "sharing");
    if (useCases.GetEntries().empty())
    {
        throw InputError(useCases.GetMark(),
                         "sharing: use_cases names at least one use case and its flows");
    }
    std::map<std::string, std::string> flowOwner;
    std::map<std::string, std::string> elementOwner;
    for (const auto& [name, u] : useCases.GetEntries())
    {
        sharing.useCases.push_back(
            ReadUseCase(name, u, useCases.GetKeyMark(name), spec, flowOwner, elementOwner));
    }
    // Every flow's traffic is some use case's: a flow left out would use shared elements free.
    for (const auto& f : spec.flows)
    {
        if (!flowOwner.count(f.name))
        {
            throw InputError(node->GetKeyMark("use_cases"),
                             "sharing: flow '" + f.name +
                                 "' is in no use case; every flow belongs to one");
        }
    }
    // Agreed shares are the use cases' own: given for all or none, adding up to 100 %, whatever
    // the rule (an alternative may change the rule alone; every rule's division is reported).
    const auto shared = std::find_if(sharing.useCases.begin(),
                                     sharing.useCases.end(),
                                     [](const UseCaseSpec& u) { return u.share.has_value(); });
    if (sharing.rule == ToString(SplitRule::Agreed) || shared != sharing.useCases.end())
    {
        double sum = 0;
        for (const auto& u : sharing.useCases)
        {
            if (!u.share)
            {
                throw InputError(u.mark,
                                 "use case '" + u.name +
                                     "' has no share; give every use case a share or none (rule "
                                     "agreed needs them)");
            }
            sum += *u.share;
        }
        if (std::abs(sum - 1) > 1e-9)
        {
            std::ostringstream message;
            message << "the use cases' shares add up to " << sum * 100 << " %, not 100 %";
            throw InputError(shared->shareMark, message.str());
        }
    }

    if (const ConfigNode* subsidies = node->Find("subsidies"))
    {
        std::map<std::string, double> capexShares;
        for (const ConfigNode& s : subsidies->GetItems())
        {
            SubsidySpec subsidy = ReadSubsidy(s, sharing.useCases);
            double& granted = capexShares[subsidy.to];
            granted += subsidy.capexShare;
            if (granted > 1 + 1e-9)
            {
                std::ostringstream message;
                message << "subsidies to '" << subsidy.to << "' grant " << granted * 100
                        << " % of its capex, more than all of it";
                throw InputError(s.Find("capex")->Get("share", "").GetMark(), message.str());
            }
            sharing.subsidies.push_back(subsidy);
        }
    }
    // Each flow counts its bytes per interval of the run (8 B a counter): at most a million
    // intervals, and 50 million counters (400 MB) over all flows.
    const double window = spec.duration + spec.drain;
    const double flows = std::max<double>(1, spec.flows.size());
    constexpr double kMaxIntervals = 1e6;
    constexpr double kMaxCounters = 5e7;
    const double shortest = std::max(window / kMaxIntervals, flows * window / kMaxCounters);
    if (const ConfigNode* interval = node->Find("peak_interval"))
    {
        sharing.peakIntervalSeconds = interval->AsDuration();
        // At least one LTE TTI or NR slot, at most the run.
        if (sharing.peakIntervalSeconds < 1e-3 || sharing.peakIntervalSeconds > spec.duration ||
            sharing.peakIntervalSeconds < shortest)
        {
            std::ostringstream message;
            message << std::setprecision(12)
                    << "sharing: peak_interval must be at least 1ms, at most the duration ("
                    << spec.duration << " s), and at least " << shortest
                    << " s here (a million intervals of the run, or 50 million counters over its "
                    << spec.flows.size() << " flows)";
            throw InputError(interval->GetMark(), message.str());
        }
    }
    else
    {
        // A second (or the run, when shorter), longer only where the counters would not fit.
        sharing.peakIntervalSeconds = std::max(std::min(1.0, spec.duration), shortest);
    }
    if (const ConfigNode* horizon = node->Find("horizon_years"))
    {
        sharing.horizonYears = ReadYears(*horizon, "sharing: horizon_years");
    }
    spec.sharing = sharing;
}

} // namespace blueprint
} // namespace ns3
