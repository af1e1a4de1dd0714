/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COST_SPLIT_H
#define BLUEPRINT_COST_SPLIT_H

#include "model/cost/cost-ledger.h"

#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief How the cost of an element that several parties use is divided among them.
 */
enum class SplitRule
{
    OfferedTraffic, //!< in proportion to the bytes each party offers across the element
    CarriedTraffic, //!< in proportion to the bytes of each party the element delivers
    PeakRate,       //!< in proportion to each party's peak offered rate on the element
    Equal,          //!< in equal parts among the parties that use it
    Agreed,         //!< in proportion to shares the parties agreed on
};

/**
 * \param rule a rule
 * \return its name as a scenario writes it ("offered-traffic", "carried-traffic", "peak-rate",
 *         "equal", "agreed")
 */
std::string ToString(SplitRule rule);

/// \return every rule's name, in the order of SplitRule
const std::vector<std::string>& SplitRuleNames();

/**
 * \param name a rule's name (SplitRuleNames)
 * \return the rule
 * \throws std::invalid_argument for another name
 */
SplitRule SplitRuleFromName(const std::string& name);

/**
 * \ingroup blueprint
 * \brief What one party's traffic asks of one element over a run.
 */
struct PartyUse
{
    double offeredBytes = 0;      //!< application bytes its flows sent across the element
    double carriedBytes = 0;      //!< of those, the bytes delivered
    double peakBitsPerSecond = 0; //!< the highest rate its flows together offered to it
};

/**
 * \ingroup blueprint
 * \brief One cost item and who uses it.
 */
struct SharedCostItem
{
    CostItem cost;                         //!< the element's cost
    std::string owner;                     //!< the party it belongs to alone, or "" for none
    std::map<std::string, PartyUse> users; //!< the parties whose flows cross it, and how much
};

/**
 * \ingroup blueprint
 * \brief Money a party gets towards its share: a part of its capex as a one-off grant, and
 * support towards its opex for some years.
 */
struct Subsidy
{
    std::string party;     //!< who receives it
    std::string funder;    //!< who gives it (a label: "MIC", "prefecture")
    double capexShare = 0; //!< fraction (0 to 1) of the party's capex granted
    double capexCap = std::numeric_limits<double>::infinity(); //!< the grant's most
    double opexShare = 0;   //!< fraction (0 to 1) of the party's opex supported each year
    double opexPerYear = 0; //!< or a fixed amount of support each year
    double opexYears = 0;   //!< years of opex support, from the first year
};

/**
 * \ingroup blueprint
 * \brief One party's part of one cost item.
 */
struct ItemShare
{
    std::string element;            //!< the item's element
    std::string node;               //!< the item's node
    std::string technology;         //!< the item's technology
    std::vector<std::string> users; //!< parties whose flows cross it
    /// Why the party has this part: "owned", "sole user", the rule's name, "equal (no use
    /// measured)" when its users' measures are all zero, "common (no flow crosses it)".
    std::string basis;
    std::string party;      //!< who pays this part
    double fraction = 0;    //!< of the item
    double capex = 0;       //!< fraction x the item's capex
    double opexPerYear = 0; //!< fraction x the item's opex
    double annualised = 0;  //!< fraction x the item's annualised cost
};

/**
 * \ingroup blueprint
 * \brief What one subsidy is worth.
 */
struct SubsidyResult
{
    std::string party;             //!< who receives it
    std::string funder;            //!< who gives it
    double capexGrant = 0;         //!< one-off grant towards the party's capex
    double opexSupportPerYear = 0; //!< support towards its opex in each supported year
    double opexYears = 0;          //!< supported years
    double annualised = 0;         //!< the grant and the support as an equal yearly amount
};

/**
 * \ingroup blueprint
 * \brief One party's cost.
 */
struct PartyCost
{
    std::string name;       //!< the party
    double capex = 0;       //!< its share of the capex
    double opexPerYear = 0; //!< its share of the opex
    double annualised = 0;  //!< its share of the annualised cost
    double capexGrant = 0;  //!< grants towards its capex
    double subsidy = 0;     //!< its subsidies, annualised
    double pays = 0;        //!< annualised - subsidy
};

/**
 * \ingroup blueprint
 * \brief A configuration's cost divided among its parties.
 */
struct CostShare
{
    SplitRule rule = SplitRule::Equal;    //!< the rule for shared elements
    double discountRate = 0;              //!< r of the annuities
    double horizonYears = 0;              //!< over which opex support is annualised
    double peakIntervalSeconds = 0;       //!< of the users' peak rates (the caller's, 0: unknown)
    double capex = 0;                     //!< the configuration's capex
    double opexPerYear = 0;               //!< its opex
    double annualised = 0;                //!< its annualised cost
    std::vector<PartyCost> parties;       //!< in the order given
    std::vector<ItemShare> items;         //!< per item, per party with a part, item order
    std::vector<SubsidyResult> subsidies; //!< in the order given
    /// What the parties would pay under each rule (the rule applied among them; `agreed` only
    /// when the parties have shares), subsidies included, so that a planner sees the choice.
    std::vector<std::pair<SplitRule, std::vector<PartyCost>>> byRule;
};

/**
 * \ingroup blueprint
 * \brief Divides a configuration's cost items among parties and applies their subsidies.
 *
 * Each item goes whole to its owner when it has one, and whole to its one user when a single
 * party's flows cross it. An item several parties use is divided by the rule (the parties'
 * offered or carried bytes, peak rates, equal parts or agreed shares, each among its users
 * only); equally among them when their measures are all zero; and an item no flow crosses is
 * common, divided equally among all parties. Every item's parts add up to it, so the parties'
 * costs add up to the configuration's.
 *
 * A party's annualised cost is the sum of its parts of the items' annualised costs,
 * capex x CRF(r, lifetime) + opex (CostLedger). Subsidies are worth, as an equal yearly amount
 * at the same rate r:
 *  - a capex grant G = min(share x the party's capex, cap) lowers every item's capex part by the
 *    same fraction G / capex, so it is annualised over each item's own lifetime: G / capex x the
 *    capex part of the party's annualised cost;
 *  - opex support of A a year for Y years is worth A x PVAF(r, min(Y, H)) x CRF(r, H) a year
 *    over the horizon H, where PVAF(r, n) = (1 - (1+r)^-n) / r is the present value of 1 a year
 *    for n years (n at r = 0); A is at most what the party's opex leaves after earlier support.
 */
class CostSplit
{
  public:
    /**
     * \param rule the rule for shared items
     * \param parties the parties, in the order to report them (at least one, distinct)
     * \throws std::invalid_argument otherwise
     */
    CostSplit(SplitRule rule, const std::vector<std::string>& parties);

    /**
     * \brief Set the shares of rule Agreed.
     * \param shares a fraction (0 to 1) for every party, adding up to 1
     * \throws std::invalid_argument for an unknown or missing party, a share outside 0 to 1, or
     *         shares that do not add up to 1 (within 1e-9)
     */
    void SetAgreedShares(const std::map<std::string, double>& shares);

    /**
     * \param rate the yearly rate r of the annuities (> -1), as CostLedger
     * \throws std::invalid_argument for r <= -1
     */
    void SetDiscountRate(double rate);

    /**
     * \param years the horizon over which opex support is annualised (> 0), or 0 for the mean
     *        lifetime of the items weighted by their capex (1 year when nothing has a capex)
     * \throws std::invalid_argument for a negative horizon
     */
    void SetHorizonYears(double years);

    /**
     * \param item an item, its owner and users among the parties (CostLedger::Add's checks)
     * \throws std::invalid_argument for an unknown party or a negative measure
     */
    void Add(const SharedCostItem& item);

    /**
     * \param subsidy a subsidy to one of the parties
     * \throws std::invalid_argument for an unknown party, a share outside 0 to 1, a negative
     *         amount, cap or number of years, or capex shares to one party adding up to more
     *         than 1
     */
    void AddSubsidy(const Subsidy& subsidy);

    /**
     * \return the division of every item under the rule, what each party pays, and what each
     *         would pay under every rule (CostShare::byRule)
     * \throws std::invalid_argument under rule Agreed without shares
     */
    CostShare Split() const;

    /**
     * \brief The equal yearly amount over a horizon worth as much as a support for some years.
     * \param perYear the support each year
     * \param years the years it is paid (>= 0)
     * \param horizonYears the horizon H (> 0)
     * \param rate the yearly rate r (> -1)
     * \return perYear x PVAF(r, min(years, H)) x CRF(r, H)
     */
    static double AnnualisedSupport(double perYear, double years, double horizonYears, double rate);

  private:
    /// \param party a name \return whether it is one of the parties
    bool IsParty(const std::string& party) const;

    /**
     * \param rule the rule for shared items
     * \return the division under that rule (byRule left empty)
     */
    CostShare SplitBy(SplitRule rule) const;

    SplitRule m_rule;                       //!< rule for shared items
    std::vector<std::string> m_parties;     //!< in report order
    std::map<std::string, double> m_agreed; //!< rule Agreed's shares
    double m_rate = 0;                      //!< r
    double m_horizonYears = 0;              //!< H, 0 for the capex-weighted mean lifetime
    std::vector<SharedCostItem> m_items;    //!< in order added
    std::vector<Subsidy> m_subsidies;       //!< in order added
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_COST_SPLIT_H */
