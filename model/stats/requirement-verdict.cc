/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/requirement-verdict.h"

#include "ns3/log.h"

#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintRequirementVerdict");

namespace
{

/**
 * \param confidence a confidence level.
 * \throws std::invalid_argument unless it is in (0, 1).
 */
void
CheckConfidence(double confidence)
{
    if (!(confidence > 0 && confidence < 1))
    {
        throw std::invalid_argument("confidence must be in (0, 1), got " +
                                    std::to_string(confidence));
    }
}

/**
 * \param verdict a verdict.
 * \return its severity: None -1, Pass 0, Inconclusive 1, Fail 2.
 */
int
Severity(Verdict verdict)
{
    switch (verdict)
    {
    case Verdict::None:
        return -1;
    case Verdict::Pass:
        return 0;
    case Verdict::Inconclusive:
        return 1;
    case Verdict::Fail:
        return 2;
    }
    throw std::invalid_argument("unknown verdict");
}

} // namespace

std::string
ToString(Verdict v)
{
    switch (v)
    {
    case Verdict::None:
        return "none";
    case Verdict::Pass:
        return "pass";
    case Verdict::Fail:
        return "fail";
    case Verdict::Inconclusive:
        return "inconclusive";
    }
    throw std::invalid_argument("unknown verdict");
}

Verdict
Worst(Verdict a, Verdict b)
{
    return Severity(a) >= Severity(b) ? a : b;
}

ProportionBounds
ClopperPearsonBounds(std::uint64_t successes, std::uint64_t trials, double confidence)
{
    CheckConfidence(confidence);
    if (successes > trials)
    {
        throw std::invalid_argument("Clopper-Pearson: " + std::to_string(successes) +
                                    " successes out of only " + std::to_string(trials) + " trials");
    }
    if (trials == 0)
    {
        // No evidence: the probability may be anything.
        return ProportionBounds{0.0, 1.0};
    }
    // Boost.Math's binomial_distribution bounds use the Clopper-Pearson exact interval by default
    // and take the one-sided tail probability alpha = 1 - confidence: lower is
    // ibeta_inv(k, n - k + 1, alpha) (0 for k = 0), upper is ibetac_inv(k + 1, n - k, alpha)
    // (1 for k = n).
    using Binomial = boost::math::binomial_distribution<double>;
    const auto n = static_cast<double>(trials);
    const auto k = static_cast<double>(successes);
    const double alpha = 1 - confidence;
    ProportionBounds bounds{Binomial::find_lower_bound_on_p(n, k, alpha),
                            Binomial::find_upper_bound_on_p(n, k, alpha)};
    NS_LOG_LOGIC(successes << "/" << trials << " at " << confidence << ": [" << bounds.lower << ", "
                           << bounds.upper << "]");
    return bounds;
}

Verdict
JudgeReliability(std::uint64_t successes, std::uint64_t trials, double required, double confidence)
{
    CheckConfidence(confidence);
    if (!(required >= 0 && required <= 1))
    {
        throw std::invalid_argument("reliability requirement must be in [0, 1], got " +
                                    std::to_string(required));
    }
    if (successes > trials)
    {
        throw std::invalid_argument("reliability: " + std::to_string(successes) +
                                    " successes out of only " + std::to_string(trials) + " trials");
    }
    if (trials == 0)
    {
        return Verdict::Inconclusive;
    }
    const ProportionBounds bounds = ClopperPearsonBounds(successes, trials, confidence);
    if (bounds.lower >= required)
    {
        return Verdict::Pass;
    }
    if (bounds.upper < required)
    {
        return Verdict::Fail;
    }
    return Verdict::Inconclusive;
}

std::uint64_t
SamplesNeeded(double required, double confidence)
{
    CheckConfidence(confidence);
    if (!(required > 0 && required < 1))
    {
        throw std::invalid_argument("required success probability must be in (0, 1), got " +
                                    std::to_string(required));
    }
    // n consecutive successes prove `required` when P(all n succeed | p = required) = required^n
    // is at most 1 - confidence, i.e. n >= ln(1 - confidence) / ln(required).
    const double logAlpha = std::log(1 - confidence);
    const double logRequired = std::log(required);
    auto n = static_cast<std::uint64_t>(std::ceil(logAlpha / logRequired));
    // The ceil of a quotient that is within rounding of an integer may land one off; settle on the
    // smallest n that satisfies the defining inequality itself.
    while (n > 1 && static_cast<double>(n - 1) * logRequired <= logAlpha)
    {
        --n;
    }
    while (static_cast<double>(n) * logRequired > logAlpha)
    {
        ++n;
    }
    return n;
}

} // namespace blueprint
} // namespace ns3
