/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_REQUIREMENT_VERDICT_H
#define BLUEPRINT_REQUIREMENT_VERDICT_H

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Outcome of checking a requirement against measurements.
 *
 * Inconclusive means the measurements are too few to decide either way at the stated confidence
 * (e.g. a 99.999 % reliability claim checked with a few thousand packets).
 */
enum class Verdict
{
    None,         //!< nothing was required, so nothing was judged
    Pass,         //!< the requirement is met at the stated confidence
    Fail,         //!< the requirement is missed at the stated confidence
    Inconclusive, //!< too few samples to tell
};

/**
 * \param v a verdict.
 * \return "none", "pass", "fail" or "inconclusive".
 */
std::string ToString(Verdict v);

/**
 * \brief Combine two verdicts, e.g. of several requirements of one flow.
 * \param a a verdict.
 * \param b another verdict.
 * \return the worse of the two, ordering Fail > Inconclusive > Pass > None: a verdict of None
 *         (no requirement) never hides another, and only None and None give None.
 */
Verdict Worst(Verdict a, Verdict b);

/**
 * \ingroup blueprint
 * \brief One-sided confidence bounds on a success probability.
 */
struct ProportionBounds
{
    double lower; //!< the probability is >= lower at the stated confidence
    double upper; //!< the probability is <= upper at the stated confidence
};

/**
 * \brief One-sided Clopper-Pearson ("exact" binomial) bounds, each at the given confidence
 *        (C. J. Clopper, E. S. Pearson, Biometrika 26(4), 1934).
 *
 * lower solves P(X >= successes | p) = 1 - confidence (0 when successes == 0), upper solves
 * P(X <= successes | p) = 1 - confidence (1 when successes == trials). With no failures the lower
 * bound is (1 - confidence)^(1 / trials).
 * \param successes the number of successes.
 * \param trials the number of trials.
 * \param confidence the one-sided confidence level, in (0, 1).
 * \return the bounds; {0, 1} when trials == 0.
 * \throws std::invalid_argument if successes > trials or confidence is not in (0, 1).
 */
ProportionBounds ClopperPearsonBounds(std::uint64_t successes,
                                      std::uint64_t trials,
                                      double confidence = 0.95);

/**
 * \brief Judge a reliability requirement (3GPP TS 22.261 clause 3.1: "percentage value of the
 *        amount of sent network layer packets successfully delivered to a given system entity
 *        within the time constraint required by the targeted service, divided by the total number
 *        of sent network layer packets").
 *
 * Pass if the Clopper-Pearson lower bound is at least the requirement, Fail if the upper bound is
 * below it, Inconclusive otherwise (with zero failures, 99.999 % needs 299,572 packets at 95 %
 * confidence, see SamplesNeeded).
 * \param successes packets delivered within the deadline.
 * \param trials packets sent.
 * \param required the required reliability as a fraction in [0, 1] (0.99999 for 99.999 %).
 * \param confidence the one-sided confidence level, in (0, 1).
 * \return the verdict; Inconclusive when trials == 0.
 * \throws std::invalid_argument if successes > trials, required is not in [0, 1] or confidence
 *         is not in (0, 1).
 */
Verdict JudgeReliability(std::uint64_t successes,
                         std::uint64_t trials,
                         double required,
                         double confidence = 0.95);

/**
 * \brief The smallest number n of consecutive successes (no failure) that proves `required` at
 *        `confidence`, i.e. the smallest n with required^n <= 1 - confidence:
 *        ceil(ln(1 - confidence) / ln(required)).
 * \param required the required success probability, in (0, 1).
 * \param confidence the one-sided confidence level, in (0, 1).
 * \return n; JudgeReliability(n, n, required, confidence) is Pass and
 *         JudgeReliability(n - 1, n - 1, required, confidence) is not.
 * \throws std::invalid_argument if required or confidence is not in (0, 1).
 */
std::uint64_t SamplesNeeded(double required, double confidence = 0.95);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_REQUIREMENT_VERDICT_H */
