/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_ERROR_MODEL_H
#define BLUEPRINT_NR_ERROR_MODEL_H

#include "model/nr/nr-mcs-table.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Transport block error rate of an NR transmission at a given effective SINR: a
 *        deterministic link abstraction with no link-level lookup tables.
 *
 * **Threshold.** Each modulation and code rate gets the SINR at which its transport block error
 * rate is 10 % (the CQI definition point of TS 38.214 clause 5.2.2.1) from the attenuated Shannon
 * bound of 3GPP TR 36.942 Annex A.2, SE = alpha log2(1 + SINR), solved for the SINR:
 * SINR_10% = 2^(SE / alpha) - 1, with SE = Q_m R as the MCS table prints it. The default alpha is
 * the annex's 0.6. That value was fitted to LTE (turbo codes, link adaptation over a fading channel
 * with implementation losses). It is kept for NR rather than replaced by a "calibrated" value
 * because this project has no NR link-level data to calibrate against, and NR reuses LTE's
 * modulations and most of its code rates. Since alpha scales the whole bound, the SINR gap to
 * Shannon's bound grows with SE (2.5 dB at MCS 1-0, SE 0.23; 11.2 dB at MCS 1-28, SE 5.55), so
 * results lean towards lower rates at high SINR. A caller with calibrated data passes another
 * alpha. The annex's truncation (SINR_MIN = -10 dB, Thr_MAX = 4.4 bit/s/Hz) is LTE-specific and
 * is not applied: in NR the lowest and highest entries of the CQI and MCS tables truncate the
 * curve, and a 4.4 bit/s/Hz cap would make every 256QAM entry unreachable.
 *
 * **Curve.** Around the threshold, in dB (x = 10 log10 SINR):
 * BLER(x) = 0.5 erfc((x - x_10% + offset) / (sqrt(2) sigma)), offset = sqrt(2) sigma erfcinv(0.2),
 * i.e. BLER = Q((x - x_10%) / sigma + Q^-1(0.1)), which is exactly 0.1 at x = x_10%, smooth, and
 * strictly decreasing in x. The width sigma (dB) comes from the normal approximation of the
 * finite-blocklength coding rate (Y. Polyanskiy, H. V. Poor, S. Verdu, "Channel coding rate in
 * the finite blocklength regime", IEEE Trans. Inf. Theory 56(5), 2307-2359, 2010, Sec. IV):
 * a code of n complex channel uses at SNR g fails with probability about
 * Q((n C(g) - k) / sqrt(n V(g))), C = log2(1 + g), V = g (g + 2) / (g + 1)^2 log2(e)^2 (the
 * AWGN dispersion of two real dimensions). Linearising the argument in x around the threshold
 * gives the standard deviation in dB:
 * sigma = (10 / ln 10) sqrt((1 + 2 / g) / n), with g = SINR_10% and n = K' / (Q_m R) the
 * modulation symbols of one code block of K' bits (TS 38.212 segmentation,
 * NrSegmentTransportBlock). Longer code blocks give steeper curves (sigma ~ 1/sqrt(n)); low-rate
 * entries, operating at low SINR, get wider curves. Assumptions: the effective SINR already folds
 * frequency selectivity and fading into one AWGN-equivalent value (e.g. EESM/MIESM done by the
 * caller); the practical LDPC decoder has the slope of an ideal code (its gap is in alpha); the
 * transport block curve takes the code block's width (its 10 % point is the threshold by
 * definition).
 *
 * **HARQ.** Retransmissions are combined by chase combining: every retransmission repeats the same
 * coded bits and the receiver adds them with maximum-ratio combining, so the effective SINR of the
 * combined block is the sum of the transmissions' SINRs (D. Chase, "Code combining - a
 * maximum-likelihood decoding approach for combining an arbitrary number of noisy packets", IEEE
 * Trans. Commun. 33(5), 385-393, 1985; P. Frenger et al., "Performance comparison of HARQ with
 * Chase combining and incremental redundancy for HSDPA", IEEE VTC 2001-Fall). Incremental
 * redundancy gains more at high rates; chase combining is the conservative choice.
 */
class NrErrorModel
{
  public:
    /// alpha of TR 36.942 Annex A.2 (downlink), the default Shannon attenuation.
    static constexpr double DEFAULT_SHANNON_ATTENUATION = 0.6;

    /// Transport block error rate at the threshold SINR (TS 38.214 clause 5.2.2.1 CQI target).
    static constexpr double THRESHOLD_BLER = 0.1;

    /**
     * \brief Get the SINR at which a modulation and code rate has a 10 % transport block error
     *        rate.
     * \param mcs the table row (Q_m, R, SE); a CQI row converted to NrMcsEntry works the same.
     * \param alpha the Shannon attenuation, in (0, 1].
     * \return 2^(SE / alpha) - 1, linear.
     * \throws std::invalid_argument if the row's SE is not positive or alpha is outside (0, 1].
     */
    static double GetSinrThreshold(const NrMcsEntry& mcs,
                                   double alpha = DEFAULT_SHANNON_ATTENUATION);

    /**
     * \brief Get the width of the BLER curve of one transport block.
     * \param mcs the table row.
     * \param tbs the transport block size in bits (sets the code block length).
     * \param alpha the Shannon attenuation, in (0, 1].
     * \return sigma in dB, (10 / ln 10) sqrt((1 + 2 / SINR_10%) / n).
     * \throws std::invalid_argument if tbs is 0 or the row or alpha is invalid.
     */
    static double GetBlerSpreadDb(const NrMcsEntry& mcs,
                                  uint32_t tbs,
                                  double alpha = DEFAULT_SHANNON_ATTENUATION);

    /**
     * \brief Get the error rate of one transport block.
     * \param sinrLinear the effective SINR of the (combined) transmission, linear, >= 0.
     * \param mcs the table row used.
     * \param tbs the transport block size in bits.
     * \param alpha the Shannon attenuation, in (0, 1].
     * \return the BLER in [0, 1]; exactly 0.1 at GetSinrThreshold(mcs, alpha); 1 at SINR 0.
     * \throws std::invalid_argument if sinrLinear is negative or NaN, tbs is 0 or the row or
     *         alpha is invalid.
     */
    static double GetBler(double sinrLinear,
                          const NrMcsEntry& mcs,
                          uint32_t tbs,
                          double alpha = DEFAULT_SHANNON_ATTENUATION);

    /**
     * \brief Combine the transmissions of one HARQ process by chase combining.
     * \param sinrsLinear the effective SINR of each transmission, linear.
     * \return their sum, the effective SINR of the combined block.
     * \throws std::invalid_argument if the list is empty or a value is negative, infinite or NaN.
     */
    static double CombineSinr(const std::vector<double>& sinrsLinear);
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_ERROR_MODEL_H
