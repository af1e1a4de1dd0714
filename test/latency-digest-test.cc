/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/stats/latency-digest.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Default relative accuracy of the sketch, as in LatencyDigest's constructor.
constexpr double kAlpha = 0.001;

/**
 * Extra relative slack on top of alpha for floating-point rounding: a value within a few ulps of a
 * bucket boundary gamma^i may be filed one bucket off, which moves its relative error by about
 * 1e-16 beyond alpha, far below this slack and far below any real latency resolution.
 */
constexpr double kRoundingSlack = 1e-12;

/**
 * \param sorted samples in ascending order.
 * \param q the quantile level.
 * \return the nearest-rank quantile, computed independently of LatencyDigest: the ceil(q*n)-th
 *         smallest sample, rank 1 for q = 0. The rank is computed in long double so that levels
 *         such as 0.95 times 10^6 come out as the integers they denote.
 */
double
NearestRankQuantile(const std::vector<double>& sorted, double q)
{
    const long double scaled = static_cast<long double>(q) * sorted.size();
    auto rank = static_cast<std::size_t>(std::ceil(scaled - 1e-9L * scaled));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

/**
 * \param samples the samples.
 * \return their mean, summed in long double.
 */
double
MeanOf(const std::vector<double>& samples)
{
    long double sum = 0;
    for (double s : samples)
    {
        sum += s;
    }
    return static_cast<double>(sum / samples.size());
}

/**
 * \brief Check a sketch against the exact nearest-rank quantiles of the same samples, on a grid of
 *        levels from 0 to 1 in steps of 0.001.
 * \param digest the digest (in sketch mode).
 * \param sorted the same samples, sorted.
 */
void
ExpectWithinAlphaOfExact(const LatencyDigest& digest, const std::vector<double>& sorted)
{
    const double alpha = digest.GetRelativeAccuracy();
    double worst = 0;
    for (int permille = 0; permille <= 1000; ++permille)
    {
        const double q = permille / 1000.0;
        const double exact = NearestRankQuantile(sorted, q);
        const double estimate = digest.GetQuantile(q);
        ASSERT_GT(exact, 0.0);
        const double relativeError = std::abs(estimate - exact) / exact;
        worst = std::max(worst, relativeError);
        EXPECT_LE(relativeError, alpha + kRoundingSlack)
            << "q=" << q << " exact=" << exact << " estimate=" << estimate;
    }
    // A sketch that reported the exact values would pass trivially; make sure it is the sketch
    // being tested, with errors of the order of alpha.
    EXPECT_GT(worst, alpha / 10);
}

/**
 * \brief Check that a digest's memory is bounded by the logarithmic bucket span and not by the
 *        number of samples (Masson et al. 2019, section 2: about ln(max/min)/ln(gamma) buckets).
 * \param digest the digest (in sketch mode).
 */
void
ExpectBoundedMemory(const LatencyDigest& digest)
{
    const double alpha = digest.GetRelativeAccuracy();
    const double logGamma = std::log((1 + alpha) / (1 - alpha));
    const double lowest = std::max(digest.GetMin(), 1e-9);
    const double span = std::log(digest.GetMax() / lowest) / logGamma;
    EXPECT_LE(static_cast<double>(digest.GetBucketCount()), std::ceil(span) + 2);
    EXPECT_LT(digest.GetBucketCount(), digest.GetCount() / 50);
}

} // namespace

TEST(LatencyDigestTest, EmptyDigestReportsZero)
{
    LatencyDigest digest;
    EXPECT_EQ(digest.GetCount(), 0u);
    EXPECT_EQ(digest.GetMean(), 0.0);
    EXPECT_EQ(digest.GetMin(), 0.0);
    EXPECT_EQ(digest.GetMax(), 0.0);
    EXPECT_EQ(digest.GetQuantile(0.5), 0.0);
    EXPECT_TRUE(digest.IsExact());
    EXPECT_EQ(digest.GetRelativeAccuracy(), 0.0);
}

TEST(LatencyDigestTest, ExactNearestRankOneToThousandMilliseconds)
{
    // 1, 2, ..., 1000 ms in a shuffled order, so the digest must sort them itself.
    std::vector<double> samples;
    for (int ms = 1; ms <= 1000; ++ms)
    {
        samples.push_back(ms * 1e-3);
    }
    std::mt19937_64 rng(2024);
    std::shuffle(samples.begin(), samples.end(), rng);
    LatencyDigest digest;
    for (double s : samples)
    {
        digest.Add(s);
    }
    ASSERT_TRUE(digest.IsExact());
    EXPECT_EQ(digest.GetRelativeAccuracy(), 0.0);
    EXPECT_EQ(digest.GetCount(), 1000u);
    // Nearest rank: the ceil(q * 1000)-th smallest, i.e. q * 1000 ms for these levels.
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.5), 0.500);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.95), 0.950);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.99), 0.990);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.07), 0.070);
    // Between ranks the next one up is taken: ceil(0.9991 * 1000) = 1000, ceil(1.1) = 2.
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.9991), 1.000);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.0011), 0.002);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.0), 0.001);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(1.0), 1.000);
    EXPECT_DOUBLE_EQ(digest.GetMin(), 0.001);
    EXPECT_DOUBLE_EQ(digest.GetMax(), 1.000);
    EXPECT_NEAR(digest.GetMean(), 0.5005, 1e-15);
}

TEST(LatencyDigestTest, NearestRankIgnoresRepresentationErrorOfLevel)
{
    // In doubles 0.07 * 100 = 7.000000000000001 and 0.55 * 100 = 55.00000000000001; the levels
    // still denote ranks 7 and 55, not 8 and 56.
    LatencyDigest digest;
    for (int ms = 100; ms >= 1; --ms)
    {
        digest.Add(ms * 1e-3);
    }
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.07), 0.007);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.55), 0.055);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.575), 0.058);
}

TEST(LatencyDigestTest, RejectsInvalidInput)
{
    LatencyDigest digest;
    EXPECT_THROW(digest.Add(-1e-6), std::invalid_argument);
    EXPECT_THROW(digest.Add(std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
    EXPECT_THROW(digest.Add(std::numeric_limits<double>::infinity()), std::invalid_argument);
    EXPECT_EQ(digest.GetCount(), 0u);
    digest.Add(0.0);
    EXPECT_THROW(digest.GetQuantile(-0.01), std::invalid_argument);
    EXPECT_THROW(digest.GetQuantile(1.01), std::invalid_argument);
    EXPECT_THROW(LatencyDigest(10, 0.0), std::invalid_argument);
    EXPECT_THROW(LatencyDigest(10, 1.0), std::invalid_argument);
}

TEST(LatencyDigestTest, SwitchesToSketchOnceBeyondExactLimit)
{
    LatencyDigest digest(10, 0.01);
    for (int i = 1; i <= 10; ++i)
    {
        digest.Add(i * 1e-3);
    }
    EXPECT_TRUE(digest.IsExact());
    EXPECT_EQ(digest.GetBucketCount(), 0u);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.5), 5e-3);

    digest.Add(11e-3);
    EXPECT_FALSE(digest.IsExact());
    EXPECT_DOUBLE_EQ(digest.GetRelativeAccuracy(), 0.01);
    EXPECT_GT(digest.GetBucketCount(), 0u);
    // Count, mean, min and max stay exact after the switch.
    EXPECT_EQ(digest.GetCount(), 11u);
    EXPECT_DOUBLE_EQ(digest.GetMean(), 6e-3);
    EXPECT_DOUBLE_EQ(digest.GetMin(), 1e-3);
    EXPECT_DOUBLE_EQ(digest.GetMax(), 11e-3);
    // p50 of 1..11 ms is the 6th smallest, 6 ms, now within 1 %.
    EXPECT_NEAR(digest.GetQuantile(0.5), 6e-3, 6e-3 * 0.01);
    EXPECT_NE(digest.GetQuantile(0.5), 6e-3);
}

TEST(LatencyDigestTest, SketchKeepsSubNanosecondValuesInZeroBucket)
{
    LatencyDigest digest(0, 0.01);
    for (int i = 0; i < 30; ++i)
    {
        digest.Add(0.0);
    }
    for (int i = 1; i <= 70; ++i)
    {
        digest.Add(i * 1e-3);
    }
    EXPECT_FALSE(digest.IsExact());
    // Ranks 1..30 are the zeros; rank 31 is 1 ms.
    EXPECT_EQ(digest.GetQuantile(0.2), 0.0);
    EXPECT_EQ(digest.GetQuantile(0.3), 0.0);
    EXPECT_NEAR(digest.GetQuantile(0.31), 1e-3, 1e-3 * 0.01);
    EXPECT_NEAR(digest.GetQuantile(0.65), 35e-3, 35e-3 * 0.01);
    // Zeros do not widen the bucket vector: 1..70 ms span ln(70)/ln(gamma) ~ 213 buckets.
    EXPECT_LE(digest.GetBucketCount(), 215u);
}

TEST(LatencyDigestTest, SketchQuantilesStayWithinMinAndMax)
{
    // A path with a constant delay (e.g. pure propagation) must report that delay, never less:
    // the bucket estimate is clamped to the exact [min, max].
    LatencyDigest constant(0, 0.01);
    for (int i = 0; i < 1000; ++i)
    {
        constant.Add(4.897e-3);
    }
    ASSERT_FALSE(constant.IsExact());
    for (double q : {0.01, 0.5, 0.99})
    {
        EXPECT_EQ(constant.GetQuantile(q), 4.897e-3) << "q=" << q;
    }
}

TEST(LatencyDigestTest, UniformMillionSamplesMatchAnalyticAndExactQuantiles)
{
    // 10^6 samples of U(0, 1 s) from a fixed seed: beyond the default exact limit of 10^5, so the
    // sketch is in use.
    constexpr std::size_t n = 1000000;
    std::mt19937_64 rng(12345);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    LatencyDigest digest;
    std::vector<double> samples;
    samples.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const double s = uniform(rng);
        samples.push_back(s);
        digest.Add(s);
    }
    ASSERT_FALSE(digest.IsExact());
    ASSERT_DOUBLE_EQ(digest.GetRelativeAccuracy(), kAlpha);
    EXPECT_EQ(digest.GetCount(), n);
    EXPECT_NEAR(digest.GetMean(), MeanOf(samples), 1e-15);
    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(digest.GetMin(), sorted.front());
    EXPECT_EQ(digest.GetMax(), sorted.back());

    // Against the analytic quantile of U(0, 1), x_q = q. The empirical q-quantile of n samples has
    // standard deviation sqrt(q (1 - q) / n) / f(x_q) with density f = 1 (asymptotic normality of
    // sample quantiles, e.g. Serfling 1980, section 2.3.3); allow alpha (the sketch) plus 5 such
    // standard deviations (sampling), a false alarm with probability below 1e-6 for any seed.
    for (double q : {0.5, 0.95, 0.99})
    {
        const double analytic = q;
        const double samplingSd = std::sqrt(q * (1 - q) / n);
        const double tolerance = kAlpha * analytic + 5 * samplingSd;
        EXPECT_NEAR(digest.GetQuantile(q), analytic, tolerance) << "q=" << q;
    }
    ExpectWithinAlphaOfExact(digest, sorted);
    ExpectBoundedMemory(digest);
}

TEST(LatencyDigestTest, ExponentialMillionSamplesMatchAnalyticAndExactQuantiles)
{
    // 10^6 samples of an exponential delay with rate 100 /s (mean 10 ms).
    constexpr std::size_t n = 1000000;
    constexpr double lambda = 100.0;
    std::mt19937_64 rng(777);
    std::exponential_distribution<double> exponential(lambda);
    LatencyDigest digest;
    std::vector<double> samples;
    samples.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        const double s = exponential(rng);
        samples.push_back(s);
        digest.Add(s);
    }
    ASSERT_FALSE(digest.IsExact());
    EXPECT_NEAR(digest.GetMean(), MeanOf(samples), 1e-15);
    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());

    // Analytic quantile -ln(1 - q) / lambda. The sample quantile's standard deviation is
    // sqrt(q (1 - q) / n) / f(x_q) with f(x_q) = lambda (1 - q); tolerance alpha plus 5 standard
    // deviations, as for the uniform case (at q = 0.99 that is about 1.1 % of the quantile).
    for (double q : {0.5, 0.95, 0.99})
    {
        const double analytic = -std::log(1 - q) / lambda;
        const double samplingSd = std::sqrt(q * (1 - q) / n) / (lambda * (1 - q));
        const double tolerance = kAlpha * analytic + 5 * samplingSd;
        EXPECT_NEAR(digest.GetQuantile(q), analytic, tolerance) << "q=" << q;
    }
    ExpectWithinAlphaOfExact(digest, sorted);
    ExpectBoundedMemory(digest);
}

TEST(LatencyDigestTest, MergeOfExactDigestsEqualsDigestOfAllSamples)
{
    std::mt19937_64 rng(1);
    std::lognormal_distribution<double> delay(std::log(5e-3), 0.5);
    LatencyDigest first;
    LatencyDigest second;
    LatencyDigest all;
    for (int i = 0; i < 3000; ++i)
    {
        const double s = delay(rng);
        (i % 3 == 0 ? first : second).Add(s);
        all.Add(s);
    }
    first.Merge(second);
    ASSERT_TRUE(first.IsExact());
    EXPECT_EQ(first.GetCount(), all.GetCount());
    EXPECT_DOUBLE_EQ(first.GetMean(), all.GetMean());
    EXPECT_EQ(first.GetMin(), all.GetMin());
    EXPECT_EQ(first.GetMax(), all.GetMax());
    for (int percent = 0; percent <= 100; ++percent)
    {
        EXPECT_EQ(first.GetQuantile(percent / 100.0), all.GetQuantile(percent / 100.0));
    }
}

TEST(LatencyDigestTest, MergeOfSketchesEqualsSketchOfAllSamples)
{
    // Small exact limits force the sketch; DDSketch is fully mergeable, so the merged counters
    // equal those of one sketch fed every sample, and every quantile is identical.
    std::mt19937_64 rng(2);
    std::lognormal_distribution<double> delay(std::log(5e-3), 1.0);
    LatencyDigest first(100);
    LatencyDigest second(100);
    LatencyDigest all(100);
    for (int i = 0; i < 20000; ++i)
    {
        // Second member is ten times slower, so the bucket ranges only partly overlap.
        const double s = (i % 2 == 0) ? delay(rng) : 10 * delay(rng);
        (i % 2 == 0 ? first : second).Add(s);
        all.Add(s);
    }
    ASSERT_FALSE(first.IsExact());
    ASSERT_FALSE(second.IsExact());
    first.Merge(second);
    EXPECT_FALSE(first.IsExact());
    EXPECT_EQ(first.GetCount(), all.GetCount());
    EXPECT_NEAR(first.GetMean(), all.GetMean(), 1e-15);
    EXPECT_EQ(first.GetMin(), all.GetMin());
    EXPECT_EQ(first.GetMax(), all.GetMax());
    EXPECT_EQ(first.GetBucketCount(), all.GetBucketCount());
    for (int permille = 0; permille <= 1000; ++permille)
    {
        EXPECT_EQ(first.GetQuantile(permille / 1000.0), all.GetQuantile(permille / 1000.0));
    }
}

TEST(LatencyDigestTest, MergeBeyondLimitSwitchesToSketch)
{
    // Two exact digests of 60 samples each with a limit of 100: the union no longer fits.
    LatencyDigest first(100, 0.01);
    LatencyDigest second(100, 0.01);
    LatencyDigest sketchOfAll(0, 0.01);
    std::vector<double> samples;
    for (int i = 1; i <= 120; ++i)
    {
        const double s = i * 1e-4;
        (i <= 60 ? first : second).Add(s);
        sketchOfAll.Add(s);
        samples.push_back(s);
    }
    ASSERT_TRUE(first.IsExact());
    first.Merge(second);
    EXPECT_FALSE(first.IsExact());
    EXPECT_EQ(first.GetCount(), 120u);
    for (int percent = 0; percent <= 100; ++percent)
    {
        const double q = percent / 100.0;
        EXPECT_EQ(first.GetQuantile(q), sketchOfAll.GetQuantile(q));
        const double exact = NearestRankQuantile(samples, q);
        EXPECT_LE(std::abs(first.GetQuantile(q) - exact), 0.01 * exact + 1e-18);
    }

    // An exact digest merged into a sketch is counted sample by sample.
    LatencyDigest exact(100, 0.01);
    exact.Add(0.5);
    first.Merge(exact);
    EXPECT_EQ(first.GetCount(), 121u);
    EXPECT_DOUBLE_EQ(first.GetMax(), 0.5);
}

TEST(LatencyDigestTest, MergeTakesExtremesFromEitherSide)
{
    for (std::size_t limit : {std::size_t{100}, std::size_t{0}})
    {
        LatencyDigest middle(limit);
        middle.Add(5e-3);
        middle.Add(6e-3);
        LatencyDigest outer(limit);
        outer.Add(1e-3);
        outer.Add(9e-3);
        middle.Merge(outer);
        EXPECT_EQ(middle.GetMin(), 1e-3) << "limit " << limit;
        EXPECT_EQ(middle.GetMax(), 9e-3) << "limit " << limit;
        EXPECT_DOUBLE_EQ(middle.GetMean(), 5.25e-3) << "limit " << limit;

        LatencyDigest empty(limit);
        empty.Merge(outer);
        EXPECT_EQ(empty.GetCount(), 2u);
        EXPECT_EQ(empty.GetMin(), 1e-3);
        EXPECT_EQ(empty.GetMax(), 9e-3);
    }
}

TEST(LatencyDigestTest, MergeWithItselfDoublesEverySample)
{
    LatencyDigest digest;
    for (int i = 1; i <= 4; ++i)
    {
        digest.Add(i * 1e-3);
    }
    digest.Merge(digest);
    EXPECT_EQ(digest.GetCount(), 8u);
    EXPECT_DOUBLE_EQ(digest.GetMean(), 2.5e-3);
    // 1,1,2,2,3,3,4,4 ms: the 4th smallest is 2 ms, the 5th is 3 ms.
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.5), 2e-3);
    EXPECT_DOUBLE_EQ(digest.GetQuantile(0.51), 3e-3);
}

TEST(LatencyDigestTest, MergeRejectsSketchesOfDifferentAccuracy)
{
    LatencyDigest coarse(0, 0.01);
    LatencyDigest fine(0, 0.001);
    coarse.Add(1e-3);
    fine.Add(2e-3);
    EXPECT_THROW(coarse.Merge(fine), std::invalid_argument);
    EXPECT_EQ(coarse.GetCount(), 1u);
    // An exact digest has no buckets to line up, so it merges into any sketch.
    LatencyDigest exact(10, 0.001);
    exact.Add(3e-3);
    coarse.Merge(exact);
    EXPECT_EQ(coarse.GetCount(), 2u);
}
