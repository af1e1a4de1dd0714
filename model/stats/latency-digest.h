/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LATENCY_DIGEST_H
#define BLUEPRINT_LATENCY_DIGEST_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Summary of latency samples: count, mean, min, max and quantiles.
 *
 * Quantiles follow the nearest-rank definition: the q-quantile of n samples is the ceil(q*n)-th
 * smallest sample, and q = 0 gives the minimum. While the number of samples is at most the exact
 * limit every sample is kept and quantiles are exact. When a sample would exceed the limit the
 * digest switches, once, to a logarithmic-bucket sketch (DDSketch: C. Masson, J. E. Rim, H. K. Lee,
 * "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", PVLDB
 * 12(12), 2019) and moves the kept samples into it. With gamma = (1 + alpha) / (1 - alpha), a value
 * x goes to bucket i = ceil(log_gamma(x)), i.e. gamma^(i-1) < x <= gamma^i, and a quantile that
 * falls into bucket i is reported as 2 gamma^i / (gamma + 1), which is within relative error alpha
 * of every value of that bucket, hence of the exact nearest-rank quantile (Masson et al.,
 * Proposition 3). Values below 1 ns go to a separate zero bucket.
 *
 * The buckets are one contiguous vector of counters addressed with an index offset, so the memory
 * is about ln(max/min)/ln(gamma) counters whatever the number of samples. Count, mean, min and max
 * are exact in both modes.
 *
 * Times are plain doubles in seconds so the digest can be used and tested without a simulator.
 */
class LatencyDigest
{
  public:
    /**
     * \brief Create an empty digest.
     * \param exactLimit the largest number of samples kept exactly; beyond it the sketch is used.
     * \param relativeAccuracy the relative accuracy alpha of the sketch, in (0, 1).
     * \throws std::invalid_argument if relativeAccuracy is not in (0, 1).
     */
    explicit LatencyDigest(std::size_t exactLimit = 100000, double relativeAccuracy = 0.001);

    /**
     * \brief Add one sample.
     * \param seconds the latency in seconds.
     * \throws std::invalid_argument if seconds is negative, infinite or NaN.
     */
    void Add(double seconds);

    /**
     * \brief Add all samples of another digest to this one (e.g. the members of one flow).
     *
     * The result stays exact only if both digests are exact and the total count does not exceed
     * this digest's exact limit; otherwise it is a sketch with this digest's relative accuracy.
     * \param other the digest to merge in; it may be this digest itself.
     * \throws std::invalid_argument if both digests must be combined as sketches and their
     *         relative accuracies differ (their buckets would not line up).
     */
    void Merge(const LatencyDigest& other);

    /**
     * \return the number of samples added.
     */
    std::uint64_t GetCount() const;

    /**
     * \return the arithmetic mean of the samples in seconds, or 0 when empty.
     */
    double GetMean() const;

    /**
     * \return the smallest sample in seconds, or 0 when empty.
     */
    double GetMin() const;

    /**
     * \return the largest sample in seconds, or 0 when empty.
     */
    double GetMax() const;

    /**
     * \brief Nearest-rank quantile: the ceil(q*n)-th smallest sample (q = 0 gives the minimum).
     * \param q the quantile level in [0, 1].
     * \return the quantile in seconds (exact, or within relative error alpha once the sketch is in
     *         use; q = 0 and q = 1 are always the exact minimum and maximum), or 0 when empty.
     * \throws std::invalid_argument if q is not in [0, 1].
     */
    double GetQuantile(double q) const;

    /**
     * \return true while every sample is kept and quantiles are exact.
     */
    bool IsExact() const;

    /**
     * \return the relative accuracy alpha of the quantiles currently reported: 0 while exact,
     *         the configured alpha once the sketch is in use.
     */
    double GetRelativeAccuracy() const;

    /**
     * \return the relative accuracy alpha the sketch uses (or will use) whether or not it is in
     * use.
     */
    double GetConfiguredRelativeAccuracy() const;

    /**
     * \return the largest number of samples kept exactly.
     */
    std::size_t GetExactLimit() const;

    /**
     * \return the number of logarithmic bucket counters allocated (0 while exact); a measure of the
     *         sketch's memory, which grows with ln(max/min) and not with the number of samples.
     */
    std::size_t GetBucketCount() const;

  private:
    /**
     * \brief Move the kept samples into the sketch and stop keeping samples.
     */
    void SwitchToSketch();

    /**
     * \brief Count a value in the sketch (min, max, mean and count are updated by the caller).
     * \param seconds the value, non-negative.
     * \param times how many times to count it.
     */
    void AddToSketch(double seconds, std::uint64_t times);

    /**
     * \brief Add to the bucket counter of a given bucket index, growing the vector if needed.
     * \param index the bucket index i, such that gamma^(i-1) < x <= gamma^i.
     * \param times how many values to count.
     */
    void AddToBucket(std::int64_t index, std::uint64_t times);

    /**
     * \brief Add to the running sum with Neumaier's compensated summation, so the mean stays
     *        accurate to the last bits over millions of samples.
     * \param value the term to add.
     */
    void AddToSum(double value);

    /**
     * \param q the quantile level in [0, 1].
     * \return the exact nearest-rank quantile of the kept samples.
     */
    double ExactQuantile(double q) const;

    /**
     * \param q the quantile level in [0, 1].
     * \return the sketch estimate of the nearest-rank quantile.
     */
    double SketchQuantile(double q) const;

    /**
     * \param q the quantile level in [0, 1].
     * \return the 1-based nearest rank ceil(q*n), at least 1 and at most n.
     */
    std::uint64_t NearestRank(double q) const;

    std::size_t m_exactLimit; //!< largest number of samples kept exactly
    double m_alpha;           //!< relative accuracy of the sketch
    double m_gamma;           //!< bucket growth factor (1 + alpha) / (1 - alpha)
    double m_logGamma;        //!< ln(gamma)

    std::uint64_t m_count; //!< number of samples
    double m_sum;          //!< running sum of the samples
    double m_sumError;     //!< Neumaier compensation term of m_sum
    double m_min;          //!< smallest sample
    double m_max;          //!< largest sample

    bool m_exact;                          //!< true while all samples are kept
    mutable std::vector<double> m_samples; //!< kept samples (exact mode)
    mutable bool m_sorted;                 //!< true if m_samples is sorted

    std::vector<std::uint64_t> m_buckets; //!< sketch counters; m_buckets[k] is bucket m_offset + k
    std::int64_t m_offset;                //!< bucket index of m_buckets[0]
    std::uint64_t m_zeroCount;            //!< number of sketch values below 1 ns
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_LATENCY_DIGEST_H */
