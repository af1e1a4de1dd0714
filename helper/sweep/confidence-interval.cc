/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/confidence-interval.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

double
ConfidenceInterval::Low() const
{
    return mean - halfWidth;
}

double
ConfidenceInterval::High() const
{
    return mean + halfWidth;
}

ConfidenceInterval
StudentTInterval(const std::vector<double>& values, double level)
{
    if (!(level > 0 && level < 1))
    {
        throw std::invalid_argument("confidence level must be in (0, 1)");
    }
    ConfidenceInterval ci;
    ci.samples = values.size();
    if (values.empty())
    {
        return ci;
    }
    double sum = 0;
    for (double v : values)
    {
        sum += v;
    }
    ci.mean = sum / values.size();
    if (values.size() < 2)
    {
        return ci;
    }
    double squares = 0;
    for (double v : values)
    {
        squares += (v - ci.mean) * (v - ci.mean);
    }
    const double n = static_cast<double>(values.size());
    const double s = std::sqrt(squares / (n - 1));
    boost::math::students_t t(n - 1);
    const double quantile = boost::math::quantile(t, 1 - (1 - level) / 2);
    ci.halfWidth = quantile * s / std::sqrt(n);
    ci.defined = true;
    return ci;
}

} // namespace blueprint
} // namespace ns3
