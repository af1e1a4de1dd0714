/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_SHANNON_ERROR_MODEL_H
#define BLUEPRINT_NR_SHANNON_ERROR_MODEL_H

#include "model/nr/nr-error-model.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief The default NR error model ("shannon"): an attenuated Shannon threshold with a
 *        finite-blocklength curve around it, and chase combining. A deterministic link
 *        abstraction with no link-level lookup tables.
 *
 * **Threshold.** Each modulation and code rate gets the SINR at which its transport block error
 * rate is 10 % (the CQI definition point of TS 38.214 clause 5.2.2.1) from the attenuated Shannon
 * bound of 3GPP TR 36.942 Annex A.2, SE = alpha log2(1 + SINR), solved for the SINR:
 * SINR_10% = 2^(SE / alpha) - 1, with SE = Q_m R as the MCS table prints it. The default alpha
 * (attribute ShannonAttenuation) is the annex's 0.6. That value was fitted to LTE (turbo codes,
 * link adaptation over a fading channel with implementation losses). It is kept for NR rather
 * than replaced by a "calibrated" value because this project has no NR link-level data to
 * calibrate against, and NR reuses LTE's modulations and most of its code rates. Since alpha
 * scales the whole bound, the SINR gap to Shannon's bound grows with SE (2.5 dB at MCS 1-0,
 * SE 0.23; 11.2 dB at MCS 1-28, SE 5.55), so results lean towards lower rates at high SINR. A
 * researcher with calibrated data sets another alpha. The annex's truncation (SINR_MIN = -10 dB,
 * Thr_MAX = 4.4 bit/s/Hz) is LTE-specific and is not applied: in NR the lowest and highest
 * entries of the CQI and MCS tables truncate the curve, and a 4.4 bit/s/Hz cap would make every
 * 256QAM entry unreachable.
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
 * **HARQ.** Chase combining, NrErrorModel's default CombineSinr.
 *
 * The maths are also static functions of an explicit alpha (CalcSinrThreshold, CalcBlerSpreadDb,
 * CalcBler), which the tests check against hand-worked values.
 */
class NrShannonErrorModel : public NrErrorModel
{
  public:
    /// alpha of TR 36.942 Annex A.2 (downlink), the default Shannon attenuation.
    static constexpr double DEFAULT_SHANNON_ATTENUATION = 0.6;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a model with alpha DEFAULT_SHANNON_ATTENUATION.
    NrShannonErrorModel();

    // NrErrorModel
    double GetSinrThreshold(const NrMcsEntry& mcs) const override;
    double GetBler(double sinrLinear, const NrMcsEntry& mcs, uint32_t tbsBits) const override;

    /**
     * \brief The attenuated Shannon threshold of TR 36.942 Annex A.2.
     * \param mcs the table row (Q_m, R, SE).
     * \param alpha the Shannon attenuation, in (0, 1].
     * \return 2^(SE / alpha) - 1, linear.
     * \throws std::invalid_argument if the row's SE is not positive or alpha is outside (0, 1].
     */
    static double CalcSinrThreshold(const NrMcsEntry& mcs,
                                    double alpha = DEFAULT_SHANNON_ATTENUATION);

    /**
     * \brief The width of the BLER curve of one transport block.
     * \param mcs the table row.
     * \param tbsBits the transport block size in bits (sets the code block length).
     * \param alpha the Shannon attenuation, in (0, 1].
     * \return sigma in dB, (10 / ln 10) sqrt((1 + 2 / SINR_10%) / n).
     * \throws std::invalid_argument if tbsBits is 0 or the row or alpha is invalid.
     */
    static double CalcBlerSpreadDb(const NrMcsEntry& mcs,
                                   uint32_t tbsBits,
                                   double alpha = DEFAULT_SHANNON_ATTENUATION);

    /**
     * \brief The error rate of one transport block.
     * \param sinrLinear the effective SINR, linear, >= 0.
     * \param mcs the table row used.
     * \param tbsBits the transport block size in bits.
     * \param alpha the Shannon attenuation, in (0, 1].
     * \return the BLER in [0, 1]; exactly 0.1 at CalcSinrThreshold(mcs, alpha); 1 at SINR 0.
     * \throws std::invalid_argument if sinrLinear is negative or NaN, tbsBits is 0 or the row or
     *         alpha is invalid.
     */
    static double CalcBler(double sinrLinear,
                           const NrMcsEntry& mcs,
                           uint32_t tbsBits,
                           double alpha = DEFAULT_SHANNON_ATTENUATION);

  private:
    /**
     * \brief Set alpha (attribute ShannonAttenuation); the remembered thresholds move with it.
     * \param alpha the Shannon attenuation, in (0, 1].
     */
    void SetShannonAttenuation(double alpha);
    /// \return alpha.
    double GetShannonAttenuation() const;

    double m_alpha; //!< the Shannon attenuation alpha
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_SHANNON_ERROR_MODEL_H
