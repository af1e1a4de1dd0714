/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/cost/cost-ledger.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

void
CostLedger::Add(const CostItem& item)
{
    // !(x >= 0) also rejects NaN.
    if (!(item.capex >= 0.0))
    {
        throw std::invalid_argument("cost of '" + item.element + "': capex must not be negative");
    }
    if (!(item.opexPerYear >= 0.0))
    {
        throw std::invalid_argument("cost of '" + item.element +
                                    "': opex per year must not be negative");
    }
    if (!(item.lifetimeYears > 0.0))
    {
        throw std::invalid_argument("cost of '" + item.element +
                                    "': lifetime must be more than 0 years");
    }
    m_items.push_back(item);
}

const std::vector<CostItem>&
CostLedger::GetItems() const
{
    return m_items;
}

double
CostLedger::GetCapex() const
{
    double sum = 0.0;
    for (const auto& item : m_items)
    {
        sum += item.capex;
    }
    return sum;
}

double
CostLedger::GetOpexPerYear() const
{
    double sum = 0.0;
    for (const auto& item : m_items)
    {
        sum += item.opexPerYear;
    }
    return sum;
}

double
CostLedger::CapitalRecoveryFactor(double discountRate, double years)
{
    if (!(discountRate > -1.0))
    {
        throw std::invalid_argument("discount rate must be more than -100 %");
    }
    if (!(years > 0.0))
    {
        throw std::invalid_argument("recovery period must be more than 0 years");
    }
    if (discountRate == 0.0)
    {
        return 1.0 / years;
    }
    // (1+r)^n - 1 computed as expm1(n log1p(r)) keeps its precision for rates close to 0, where
    // the direct form cancels catastrophically.
    const double growthMinusOne = std::expm1(years * std::log1p(discountRate));
    return discountRate * (growthMinusOne + 1.0) / growthMinusOne;
}

double
CostLedger::Annualise(const CostItem& item, double discountRate)
{
    return item.capex * CapitalRecoveryFactor(discountRate, item.lifetimeYears) + item.opexPerYear;
}

double
CostLedger::GetAnnualised(double discountRate) const
{
    // Validate the rate even for an empty ledger so a bad input never passes silently.
    CapitalRecoveryFactor(discountRate, 1.0);
    double sum = 0.0;
    for (const auto& item : m_items)
    {
        sum += Annualise(item, discountRate);
    }
    return sum;
}

std::map<std::string, double>
CostLedger::GetAnnualisedByTechnology(double discountRate) const
{
    CapitalRecoveryFactor(discountRate, 1.0);
    std::map<std::string, double> byTechnology;
    for (const auto& item : m_items)
    {
        byTechnology[item.technology] += Annualise(item, discountRate);
    }
    return byTechnology;
}

} // namespace blueprint
} // namespace ns3
