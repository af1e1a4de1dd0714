/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/requirement-verdict.h"

#include <cmath>
#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/**
 * \param n trials.
 * \param k successes.
 * \param p success probability.
 * \return P(X >= k) for X ~ Binomial(n, p), summed term by term in long double (independent of
 *         Boost's incomplete beta functions).
 */
long double
UpperTail(int n, int k, long double p)
{
    long double sum = 0;
    for (int j = k; j <= n; ++j)
    {
        const long double logTerm = std::lgamma(n + 1.0L) - std::lgamma(j + 1.0L) -
                                    std::lgamma(n - j + 1.0L) + j * std::log(p) +
                                    (n - j) * std::log1p(-p);
        sum += std::exp(logTerm);
    }
    return sum;
}

} // namespace

TEST(RequirementVerdictTest, VerdictNamesAndOrder)
{
    EXPECT_EQ(ToString(Verdict::Pass), "pass");
    EXPECT_EQ(ToString(Verdict::Fail), "fail");
    EXPECT_EQ(ToString(Verdict::Inconclusive), "inconclusive");
    EXPECT_EQ(Worst(Verdict::Pass, Verdict::Pass), Verdict::Pass);
    EXPECT_EQ(Worst(Verdict::Pass, Verdict::Inconclusive), Verdict::Inconclusive);
    EXPECT_EQ(Worst(Verdict::Inconclusive, Verdict::Pass), Verdict::Inconclusive);
    EXPECT_EQ(Worst(Verdict::Inconclusive, Verdict::Fail), Verdict::Fail);
    EXPECT_EQ(Worst(Verdict::Fail, Verdict::Inconclusive), Verdict::Fail);
    EXPECT_EQ(Worst(Verdict::Pass, Verdict::Fail), Verdict::Fail);
    EXPECT_EQ(Worst(Verdict::Fail, Verdict::Pass), Verdict::Fail);
}

TEST(RequirementVerdictTest, ClopperPearsonWithoutFailures)
{
    // No failure in n trials: P(X >= n | p) = p^n = 1 - c gives lower = (1 - c)^(1/n).
    for (std::uint64_t n : {1u, 10u, 1000u, 299572u})
    {
        const ProportionBounds bounds = ClopperPearsonBounds(n, n, 0.95);
        EXPECT_NEAR(bounds.lower, std::pow(0.05, 1.0 / n), 1e-13) << "n=" << n;
        EXPECT_EQ(bounds.upper, 1.0);
    }
    // n = 10 at 95 %: 0.05^(1/10) = 0.741134449106948.
    EXPECT_NEAR(ClopperPearsonBounds(10, 10, 0.95).lower, 0.741134449106948, 1e-12);
    // No success in 10: by symmetry upper = 1 - 0.05^(1/10).
    const ProportionBounds none = ClopperPearsonBounds(0, 10, 0.95);
    EXPECT_EQ(none.lower, 0.0);
    EXPECT_NEAR(none.upper, 0.258865550893052, 1e-12);
}

TEST(RequirementVerdictTest, ClopperPearsonEightOfTen)
{
    // 8 successes in 10 trials. Reference values from bisection on the regularised incomplete
    // beta function at 30 significant digits (mpmath), independent of Boost.
    // One-sided 95 % bounds (equal to the two-sided 90 % interval):
    const ProportionBounds oneSided = ClopperPearsonBounds(8, 10, 0.95);
    EXPECT_NEAR(oneSided.lower, 0.493098698936798, 1e-12);
    EXPECT_NEAR(oneSided.upper, 0.963228562112535, 1e-12);
    // One-sided 97.5 % bounds: the textbook two-sided 95 % exact interval (0.4439, 0.9748).
    const ProportionBounds twoSided95 = ClopperPearsonBounds(8, 10, 0.975);
    EXPECT_NEAR(twoSided95.lower, 0.443904537692359, 1e-12);
    EXPECT_NEAR(twoSided95.upper, 0.974789273673167, 1e-12);

    // The defining property, checked with a plain binomial sum: at the lower bound the chance of
    // 8 or more successes is 1 - c; at the upper bound the chance of 8 or fewer is 1 - c.
    EXPECT_NEAR(static_cast<double>(UpperTail(10, 8, oneSided.lower)), 0.05, 1e-12);
    EXPECT_NEAR(static_cast<double>(1 - UpperTail(10, 9, oneSided.upper)), 0.05, 1e-12);
}

TEST(RequirementVerdictTest, ClopperPearsonMoreCases)
{
    // 99 of 100 at 95 % and 999 of 1000 at 99 %, same mpmath reference.
    const ProportionBounds a = ClopperPearsonBounds(99, 100, 0.95);
    EXPECT_NEAR(a.lower, 0.953440188546461, 1e-12);
    EXPECT_NEAR(a.upper, 0.999487198583738, 1e-12);
    const ProportionBounds b = ClopperPearsonBounds(999, 1000, 0.99);
    EXPECT_NEAR(b.lower, 0.993380331604351, 1e-12);
    EXPECT_NEAR(b.upper, 0.999989949714651, 1e-12);
}

TEST(RequirementVerdictTest, ClopperPearsonRejectsInvalidInput)
{
    const ProportionBounds empty = ClopperPearsonBounds(0, 0, 0.95);
    EXPECT_EQ(empty.lower, 0.0);
    EXPECT_EQ(empty.upper, 1.0);
    EXPECT_THROW(ClopperPearsonBounds(11, 10, 0.95), std::invalid_argument);
    EXPECT_THROW(ClopperPearsonBounds(5, 10, 1.0), std::invalid_argument);
    EXPECT_THROW(ClopperPearsonBounds(5, 10, 0.0), std::invalid_argument);
}

TEST(RequirementVerdictTest, JudgeReliability)
{
    // 100 of 100 against 90 %: lower = 0.05^(1/100) = 0.9705 >= 0.9.
    EXPECT_EQ(JudgeReliability(100, 100, 0.90), Verdict::Pass);
    // 90 of 100 against 99 %: upper is about 0.945 < 0.99.
    EXPECT_EQ(JudgeReliability(90, 100, 0.99), Verdict::Fail);
    // 8 of 10 against 90 %: the one-sided interval [0.493, 0.963] straddles 0.9.
    EXPECT_EQ(JudgeReliability(8, 10, 0.90), Verdict::Inconclusive);
    // 10,000 packets without a failure cannot prove 99.999 %, nor disprove it.
    EXPECT_EQ(JudgeReliability(10000, 10000, 0.99999), Verdict::Inconclusive);
    // 10 late or lost packets out of 299,572 disprove 99.999 % (upper bound about 0.99998).
    EXPECT_EQ(JudgeReliability(299562, 299572, 0.99999), Verdict::Fail);
    EXPECT_EQ(JudgeReliability(0, 0, 0.9), Verdict::Inconclusive);
    EXPECT_EQ(JudgeReliability(0, 5, 0.0), Verdict::Pass);
    EXPECT_THROW(JudgeReliability(1, 2, 1.5), std::invalid_argument);
    EXPECT_THROW(JudgeReliability(3, 2, 0.9), std::invalid_argument);
}

TEST(RequirementVerdictTest, SamplesNeeded)
{
    // ceil(ln 0.05 / ln 0.99999) = ceil(299571.729...) = 299572.
    EXPECT_EQ(SamplesNeeded(0.99999), 299572u);
    // ceil(ln 0.05 / ln 0.999) = ceil(2994.23) and ceil(ln 0.05 / ln 0.9) = ceil(28.43).
    EXPECT_EQ(SamplesNeeded(0.999), 2995u);
    EXPECT_EQ(SamplesNeeded(0.9), 29u);
    // ceil(ln 0.01 / ln 0.99) = ceil(458.21).
    EXPECT_EQ(SamplesNeeded(0.99, 0.99), 459u);
    EXPECT_THROW(SamplesNeeded(1.0), std::invalid_argument);
    EXPECT_THROW(SamplesNeeded(0.0), std::invalid_argument);
    EXPECT_THROW(SamplesNeeded(0.9, 1.0), std::invalid_argument);
}

TEST(RequirementVerdictTest, SamplesNeededIsTheThresholdOfJudgeReliability)
{
    for (double required : {0.9, 0.99, 0.999, 0.9999, 0.99999})
    {
        for (double confidence : {0.9, 0.95, 0.99})
        {
            const std::uint64_t n = SamplesNeeded(required, confidence);
            EXPECT_EQ(JudgeReliability(n, n, required, confidence), Verdict::Pass)
                << required << " at " << confidence << ", n=" << n;
            EXPECT_EQ(JudgeReliability(n - 1, n - 1, required, confidence), Verdict::Inconclusive)
                << required << " at " << confidence << ", n-1=" << n - 1;
        }
    }
}
