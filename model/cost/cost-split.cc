/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/cost/cost-split.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintCostSplit");

const std::vector<std::string>&
SplitRuleNames()
{
    static const std::vector<std::string> names = {"offered-traffic",
                                                   "carried-traffic",
                                                   "peak-rate",
                                                   "equal",
                                                   "agreed"};
    return names;
}

std::string
ToString(SplitRule rule)
{
    return SplitRuleNames().at(static_cast<std::size_t>(rule));
}

SplitRule
SplitRuleFromName(const std::string& name)
{
    const auto& names = SplitRuleNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
    {
        throw std::invalid_argument("unknown cost-sharing rule '" + name + "'");
    }
    return static_cast<SplitRule>(it - names.begin());
}

CostSplit::CostSplit(SplitRule rule, const std::vector<std::string>& parties)
    : m_rule(rule),
      m_parties(parties)
{
    if (parties.empty())
    {
        throw std::invalid_argument("a cost split needs at least one party");
    }
    for (std::size_t i = 0; i < parties.size(); ++i)
    {
        if (std::find(parties.begin(), parties.begin() + i, parties[i]) != parties.begin() + i)
        {
            throw std::invalid_argument("party '" + parties[i] + "' is named twice");
        }
    }
}

bool
CostSplit::IsParty(const std::string& party) const
{
    return std::find(m_parties.begin(), m_parties.end(), party) != m_parties.end();
}

void
CostSplit::SetAgreedShares(const std::map<std::string, double>& shares)
{
    double sum = 0;
    for (const auto& [party, share] : shares)
    {
        if (!IsParty(party))
        {
            throw std::invalid_argument("agreed share for unknown party '" + party + "'");
        }
        if (!(share >= 0.0 && share <= 1.0))
        {
            throw std::invalid_argument("agreed share of '" + party + "' must be 0 to 1");
        }
        sum += share;
    }
    for (const auto& party : m_parties)
    {
        if (!shares.count(party))
        {
            throw std::invalid_argument("party '" + party + "' has no agreed share");
        }
    }
    if (std::abs(sum - 1.0) > 1e-9)
    {
        throw std::invalid_argument("agreed shares add up to " + std::to_string(sum) + ", not 1");
    }
    m_agreed = shares;
}

void
CostSplit::SetDiscountRate(double rate)
{
    CostLedger::CapitalRecoveryFactor(rate, 1.0); // checks r > -1
    m_rate = rate;
}

void
CostSplit::SetHorizonYears(double years)
{
    if (!(years >= 0.0))
    {
        throw std::invalid_argument("the horizon must not be negative");
    }
    m_horizonYears = years;
}

void
CostSplit::Add(const SharedCostItem& item)
{
    CostLedger check; // the ledger's own checks on capex, opex and lifetime
    check.Add(item.cost);
    if (!item.owner.empty() && !IsParty(item.owner))
    {
        throw std::invalid_argument("cost of '" + item.cost.element + "': unknown owner '" +
                                    item.owner + "'");
    }
    for (const auto& [party, use] : item.users)
    {
        if (!IsParty(party))
        {
            throw std::invalid_argument("cost of '" + item.cost.element + "': unknown user '" +
                                        party + "'");
        }
        if (!(use.offeredBytes >= 0 && use.carriedBytes >= 0 && use.peakBitsPerSecond >= 0))
        {
            throw std::invalid_argument("cost of '" + item.cost.element + "': '" + party +
                                        "' has a negative measure of use");
        }
    }
    m_items.push_back(item);
}

void
CostSplit::AddSubsidy(const Subsidy& s)
{
    if (!IsParty(s.party))
    {
        throw std::invalid_argument("subsidy to unknown party '" + s.party + "'");
    }
    // !(x >= 0) also rejects NaN.
    if (!(s.capexShare >= 0 && s.capexShare <= 1) || !(s.opexShare >= 0 && s.opexShare <= 1))
    {
        throw std::invalid_argument("subsidy to '" + s.party + "': a share must be 0 to 1");
    }
    if (!(s.capexCap >= 0) || !(s.opexPerYear >= 0) || !(s.opexYears >= 0))
    {
        throw std::invalid_argument("subsidy to '" + s.party +
                                    "': a cap, an amount or a number of years must not be "
                                    "negative");
    }
    double capexShares = s.capexShare;
    for (const auto& other : m_subsidies)
    {
        capexShares += other.party == s.party ? other.capexShare : 0;
    }
    if (capexShares > 1 + 1e-12)
    {
        throw std::invalid_argument("subsidies to '" + s.party +
                                    "' grant more than all of its capex");
    }
    m_subsidies.push_back(s);
}

double
CostSplit::AnnualisedSupport(double perYear, double years, double horizonYears, double rate)
{
    if (!(years >= 0) || !(horizonYears > 0))
    {
        throw std::invalid_argument("support years must not be negative, the horizon positive");
    }
    const double n = std::min(years, horizonYears);
    if (n == 0)
    {
        return 0;
    }
    // PVAF(r, n) x CRF(r, H); at r = 0, n / H. (1+r)^-n - 1 as expm1 keeps precision near r = 0.
    const double pvaf = rate == 0 ? n : -std::expm1(-n * std::log1p(rate)) / rate;
    return perYear * pvaf * CostLedger::CapitalRecoveryFactor(rate, horizonYears);
}

CostShare
CostSplit::Split() const
{
    if (m_rule == SplitRule::Agreed && m_agreed.empty())
    {
        throw std::invalid_argument("rule 'agreed' needs every party's share");
    }
    CostShare share = SplitBy(m_rule);
    for (std::size_t r = 0; r < SplitRuleNames().size(); ++r)
    {
        const auto rule = static_cast<SplitRule>(r);
        if (rule != SplitRule::Agreed || !m_agreed.empty())
        {
            share.byRule.emplace_back(rule, rule == m_rule ? share.parties : SplitBy(rule).parties);
        }
    }
    return share;
}

CostShare
CostSplit::SplitBy(SplitRule rule) const
{
    CostShare share;
    share.rule = rule;
    share.discountRate = m_rate;
    std::map<std::string, PartyCost> parties;
    std::map<std::string, double> capexAnnuity; // the capex part of each party's annualised cost
    for (const auto& p : m_parties)
    {
        parties[p].name = p;
    }
    double lifeYearsTimesCapex = 0;
    for (const SharedCostItem& item : m_items)
    {
        const CostItem& c = item.cost;
        // The investment's mean life sets the horizon: a cheap long-lived part (a cable) must not
        // stretch it, and a lease's "lifetime" recovers nothing.
        lifeYearsTimesCapex += c.capex * c.lifetimeYears;
        const double annuity = c.capex * CostLedger::CapitalRecoveryFactor(m_rate, c.lifetimeYears);
        share.capex += c.capex;
        share.opexPerYear += c.opexPerYear;
        share.annualised += annuity + c.opexPerYear;

        std::vector<std::string> users;
        for (const auto& p : m_parties)
        {
            if (item.users.count(p))
            {
                users.push_back(p);
            }
        }
        // Who pays which fraction, and why.
        std::map<std::string, double> weights;
        std::string basis;
        if (!item.owner.empty())
        {
            weights[item.owner] = 1;
            basis = "owned";
        }
        else if (users.empty())
        {
            for (const auto& p : m_parties)
            {
                weights[p] = 1;
            }
            basis = "common (no flow crosses it)";
        }
        else if (users.size() == 1)
        {
            weights[users.front()] = 1;
            basis = "sole user";
        }
        else
        {
            double sum = 0;
            for (const auto& p : users)
            {
                const PartyUse& use = item.users.at(p);
                const double w = rule == SplitRule::OfferedTraffic   ? use.offeredBytes
                                 : rule == SplitRule::CarriedTraffic ? use.carriedBytes
                                 : rule == SplitRule::PeakRate       ? use.peakBitsPerSecond
                                 : rule == SplitRule::Agreed         ? m_agreed.at(p)
                                                                     : 1.0;
                weights[p] = w;
                sum += w;
            }
            basis = ToString(rule);
            if (!(sum > 0))
            {
                for (auto& [p, w] : weights)
                {
                    w = 1;
                }
                basis = "equal (no use measured)";
            }
        }
        double total = 0;
        for (const auto& [p, w] : weights)
        {
            total += w;
        }
        for (const auto& p : m_parties)
        {
            const auto it = weights.find(p);
            if (it == weights.end() || it->second == 0)
            {
                continue;
            }
            ItemShare part;
            part.element = c.element;
            part.node = c.node;
            part.technology = c.technology;
            part.users = users;
            part.basis = basis;
            part.party = p;
            part.fraction = it->second / total;
            part.capex = part.fraction * c.capex;
            part.opexPerYear = part.fraction * c.opexPerYear;
            part.annualised = part.fraction * (annuity + c.opexPerYear);
            PartyCost& pc = parties[p];
            pc.capex += part.capex;
            pc.opexPerYear += part.opexPerYear;
            pc.annualised += part.annualised;
            capexAnnuity[p] += part.fraction * annuity;
            share.items.push_back(part);
        }
    }
    share.horizonYears = m_horizonYears > 0 ? m_horizonYears
                         : share.capex > 0  ? lifeYearsTimesCapex / share.capex
                                            : 1.0;

    std::map<std::string, double> opexLeft;
    for (const auto& p : m_parties)
    {
        opexLeft[p] = parties[p].opexPerYear;
    }
    for (const Subsidy& s : m_subsidies)
    {
        PartyCost& pc = parties[s.party];
        SubsidyResult r;
        r.party = s.party;
        r.funder = s.funder;
        r.capexGrant = std::min(s.capexShare * pc.capex, s.capexCap);
        // Lowering each item's capex by the same fraction annualises the grant over each item's
        // own lifetime.
        const double capexPart = pc.capex > 0 ? r.capexGrant / pc.capex * capexAnnuity[s.party] : 0;
        r.opexSupportPerYear =
            std::min(s.opexShare * pc.opexPerYear + s.opexPerYear, opexLeft[s.party]);
        opexLeft[s.party] -= r.opexSupportPerYear;
        r.opexYears = s.opexYears;
        r.annualised =
            capexPart +
            AnnualisedSupport(r.opexSupportPerYear, s.opexYears, share.horizonYears, m_rate);
        pc.capexGrant += r.capexGrant;
        pc.subsidy += r.annualised;
        NS_LOG_INFO("subsidy from " << s.funder << " to " << s.party << ": grant " << r.capexGrant
                                    << ", support " << r.opexSupportPerYear << " a year for "
                                    << s.opexYears << " years, annualised " << r.annualised);
        share.subsidies.push_back(r);
    }
    for (const auto& p : m_parties)
    {
        PartyCost& pc = parties[p];
        pc.pays = pc.annualised - pc.subsidy;
        share.parties.push_back(pc);
    }
    return share;
}

} // namespace blueprint
} // namespace ns3
