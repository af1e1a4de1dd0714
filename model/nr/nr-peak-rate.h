/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_PEAK_RATE_H
#define BLUEPRINT_NR_PEAK_RATE_H

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One component carrier of the TS 38.306 clause 4.1.2 approximate peak data rate.
 */
struct NrPeakRateInput
{
    uint32_t layers;            //!< v_Layers, MIMO layers: 1..8 downlink, 1..4 uplink
    uint8_t modulationOrder;    //!< Q_m, bits per symbol: 2, 4, 6, 8 or 10 (QPSK..1024QAM)
    double scalingFactor = 1.0; //!< f, one of 1, 0.8, 0.75, 0.4 (TS 38.306 clause 4.1.2)
    uint8_t mu;                 //!< numerology, 0..2 in FR1, 2..3 in FR2
    uint32_t prbs;              //!< N_PRB, the maximum RB allocation (see NrMaxResourceBlocks)
    bool fr2;                   //!< frequency range 2
    bool downlink;              //!< downlink (else uplink)
    double tddFraction = 1.0;   //!< share of symbols in the direction, (0, 1]; 1 for FDD
};

/**
 * \ingroup blueprint
 * \brief The overhead OH of TS 38.306 clause 4.1.2.
 * \param fr2 true for FR2.
 * \param downlink true for downlink.
 * \return 0.14 (FR1 DL), 0.18 (FR2 DL), 0.08 (FR1 UL) or 0.10 (FR2 UL).
 */
double NrPeakRateOverhead(bool fr2, bool downlink);

/**
 * \ingroup blueprint
 * \brief Approximate peak data rate of one carrier (TS 38.306 clause 4.1.2).
 *
 * rate = v_Layers Q_m f R_max (N_PRB 12 / T_s^mu)(1 - OH) tddFraction, with R_max = 948/1024 and
 * T_s^mu = 1e-3 / (14 2^mu) s, the average symbol duration with normal CP. TS 38.306 states the
 * formula as the UE's capability and has no duplex term; its figure for a TDD carrier counts every
 * symbol in the one direction. To get the rate a TDD carrier delivers, the result is multiplied by
 * the share of the period's symbols that are in that direction (NrTddPattern::GetDlFraction() or
 * GetUlFraction(): the D or U symbols of D, U and S slots over 14 per slot; guard symbols count
 * for neither). This is the alpha factor, "the normalized scalar considering the downlink/uplink
 * ratio", of the IMT-2020 peak data rate evaluation (TR 37.910, ITU-R M.2412) and how operators
 * quote TDD peak rates.
 *
 * \param in the carrier.
 * \return the rate, bit/s.
 * \throws std::invalid_argument when a field is outside the ranges TS 38.306 and TS 38.101
 *         define (see NrPeakRateInput).
 */
double NrPeakRate(const NrPeakRateInput& in);

/**
 * \ingroup blueprint
 * \brief Approximate peak data rate of aggregated carriers: the sum over the carriers j of
 * TS 38.306 clause 4.1.2.
 * \param carriers the component carriers, at least one.
 * \return the rate, bit/s.
 * \throws std::invalid_argument for an empty list or an invalid carrier.
 */
double NrPeakRate(const std::vector<NrPeakRateInput>& carriers);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_PEAK_RATE_H
