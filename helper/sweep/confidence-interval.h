/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CONFIDENCE_INTERVAL_H
#define BLUEPRINT_CONFIDENCE_INTERVAL_H

#include <cstddef>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The mean of a sample and its two-sided confidence interval.
 */
struct ConfidenceInterval
{
    std::size_t samples = 0; //!< number of values
    double mean = 0;         //!< sample mean
    double halfWidth = 0;    //!< t * s / sqrt(n); 0 for a single value (undefined, see defined)
    bool defined = false;    //!< false with fewer than two values: no spread to estimate

    /// \return mean - halfWidth
    double Low() const;
    /// \return mean + halfWidth
    double High() const;
};

/**
 * \ingroup blueprint
 * \brief Student-t confidence interval of the mean of independent replications.
 *
 * mean +- t(1 - (1 - level) / 2, n - 1) * s / sqrt(n), with s the sample standard deviation
 * (n - 1 in the denominator) and t the Student-t quantile from Boost.Math. This is the interval
 * for the mean of i.i.d. normal observations (e.g. Law, "Simulation Modeling and Analysis", 5th
 * ed., section 9.4.1); with independent seeds it is the usual interval for simulation output.
 *
 * \param values one value per replication
 * \param level confidence level in (0, 1), 0.95 by default
 * \return the interval; `defined` is false for fewer than two values
 */
ConfidenceInterval StudentTInterval(const std::vector<double>& values, double level = 0.95);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_CONFIDENCE_INTERVAL_H
