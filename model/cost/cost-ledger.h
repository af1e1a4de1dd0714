/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COST_LEDGER_H
#define BLUEPRINT_COST_LEDGER_H

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The cost of one element: what it takes to buy it and to keep it running.
 *
 * Amounts are in one currency throughout a ledger (blueprint's catalogues use JPY).
 */
struct CostItem
{
    std::string element;        //!< element name (a link, a node's equipment, ...)
    std::string node;           //!< node the element belongs to ("" for links between nodes)
    std::string technology;     //!< technology it is counted under
    double capex = 0.0;         //!< up-front investment
    double lifetimeYears = 1.0; //!< years over which the investment is recovered (> 0)
    double opexPerYear = 0.0;   //!< running cost per year (maintenance, leases, ...)
};

/**
 * \brief Sums the capital and running costs of a configuration and annualises them.
 *
 * Annualised cost = sum over items of capex * CRF(r, n) + opexPerYear, where the capital recovery
 * factor CRF(r, n) = r (1+r)^n / ((1+r)^n - 1) turns an investment into the equal yearly payment
 * that repays it with interest r over n years, and CRF(0, n) = 1/n (standard engineering economics,
 * e.g. Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, the (A/P, i, n) factor).
 */
class CostLedger
{
  public:
    /**
     * \brief Add one element's cost.
     * \param item the cost; capex and opex must not be negative and the lifetime must be > 0.
     * \throws std::invalid_argument otherwise.
     */
    void Add(const CostItem& item);

    /// \return the items added so far, in order.
    const std::vector<CostItem>& GetItems() const;

    /// \return the sum of all capex.
    double GetCapex() const;

    /// \return the sum of all yearly opex.
    double GetOpexPerYear() const;

    /**
     * \brief Get the total annualised cost.
     * \param discountRate the yearly discount (interest) rate r as a fraction, > -1 (0.05 = 5 %).
     * \return sum of capex * CRF(r, lifetime) + opexPerYear.
     * \throws std::invalid_argument if discountRate <= -1.
     */
    double GetAnnualised(double discountRate) const;

    /**
     * \brief Get the annualised cost split by technology.
     * \param discountRate as for GetAnnualised().
     * \return annualised cost per technology name.
     */
    std::map<std::string, double> GetAnnualisedByTechnology(double discountRate) const;

    /**
     * \brief Get the capital recovery factor.
     * \param discountRate the yearly rate r (> -1).
     * \param years the recovery period n (> 0).
     * \return r (1+r)^n / ((1+r)^n - 1), or 1/n when r is 0.
     * \throws std::invalid_argument for r <= -1 or n <= 0.
     */
    static double CapitalRecoveryFactor(double discountRate, double years);

  private:
    /**
     * \brief Annualise one item.
     * \param item the item.
     * \param discountRate the yearly rate.
     * \return capex * CRF + opex of \p item.
     */
    static double Annualise(const CostItem& item, double discountRate);

    std::vector<CostItem> m_items; //!< items in insertion order
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_COST_LEDGER_H */
