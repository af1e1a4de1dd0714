/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PLOT_UNITS_H
#define BLUEPRINT_PLOT_UNITS_H

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The unit a figure is shown in to a planner, and how to get there from the unit it is
 * stored in (result.json, summary.csv and sweep axes store SI units: bit/s, m, J, ratios).
 */
struct DisplayUnit
{
    std::string unit; //!< e.g. "Mbit/s", "km", "kWh", "million yen per year", "%"
    double times = 1; //!< shown value = stored value x times / per
    double per = 1;   //!< the size of the unit in the stored unit (1e6 for Mbit/s)

    /**
     * \param stored a value in the stored unit
     * \return it in this unit; a multiplication or a division by a power of ten, never by its
     *         inexact inverse, so 7.9e6 bit/s reads 7.9 Mbit/s, not 7.8999999999999995
     */
    double Of(double stored) const
    {
        return stored * times / per;
    }
};

/**
 * \ingroup blueprint
 * \brief Chooses the unit a planner reads for a quantity, by its kind and largest value, so a
 * plot's numbers stay between about 0.1 and 1,000 (km rather than 12,000 m, Mbit/s rather than
 * 4e6 bit/s).
 *
 * Kinds and their stored units: "duration" (s), "delay" (ms), "data rate" (bit/s), "data size"
 * (B), "length" (m), "power" (W), "frequency" (Hz), "ratio" (a share, shown in %), "energy" (J),
 * "money" (the currency's unit; `currency` names it) and "number" (no unit). Data rates are shown
 * in Mbit/s from 100 kbit/s to 10 Gbit/s, since planners and operators quote them so; delays stay
 * in ms, the unit every requirement is written in.
 *
 * \param kind the quantity's kind
 * \param largest the largest absolute value to show, in the stored unit
 * \param currency an ISO 4217 code for "money" (JPY is shown as yen)
 * \return the unit; an unknown kind keeps the stored unit ("", shown as stored)
 */
DisplayUnit ChooseDisplayUnit(const std::string& kind,
                              double largest,
                              const std::string& currency = "");

/**
 * \ingroup blueprint
 * \brief How a metric of a sweep or a report is named on a plot: what it is, for which flow,
 * in which unit.
 */
struct MetricDisplay
{
    std::string flow; //!< the flow the metric is of; empty for a run's metric
    std::string what; //!< "p99 latency", "throughput, all members", "annualised cost", ...
    std::string kind; //!< its kind for ChooseDisplayUnit
    DisplayUnit unit; //!< the unit it is shown in

    /// \return "FLOW: WHAT (UNIT)", without the parts that are empty
    std::string Label() const;
};

/**
 * \ingroup blueprint
 * \brief Names a metric of ExtractRunMetrics (`F.latency_p99_ms`, `F.throughput_bps`,
 * `F.loss_ratio`, `energy_j`, `annualised_cost`, `verdict_pass`, ...) for a plot.
 * \param metric the metric's name
 * \param largest the largest absolute value to show, in the metric's stored unit
 * \param currency the results' cost currency (ISO 4217)
 * \return how to show it; an unknown metric is shown under its own name, as stored
 */
MetricDisplay DescribeMetric(const std::string& metric,
                             double largest,
                             const std::string& currency);

/**
 * \ingroup blueprint
 * \param code an ISO 4217 currency code
 * \return the name a reader uses: "yen" for JPY, "US$" for USD, "euro" for EUR, else the code
 */
std::string CurrencyName(const std::string& code);

/**
 * \ingroup blueprint
 * \brief A number for a table or label, with thousands separated and `significant` significant
 * digits (all the digits of the integer part when it has more): 2,406,600, 2.400 and 0.01450,
 * never 2.4066e+06; zero is "0".
 * \param value the number
 * \param significant significant digits kept (at least 1)
 * \param trim drop trailing zeros after the point (for a number in a sentence: "20 %", "3 h");
 *        a table's column keeps them, so its figures line up
 * \return the text
 */
std::string PlannerNumber(double value, int significant = 4, bool trim = false);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_PLOT_UNITS_H
