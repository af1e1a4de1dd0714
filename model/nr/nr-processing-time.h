/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_PROCESSING_TIME_H
#define BLUEPRINT_NR_PROCESSING_TIME_H

#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief UE minimum processing times of TS 38.214: PDSCH decoding N1 (clause 5.3) and PUSCH
 * preparation N2 (clause 6.4), in symbols, and the times Tproc,1 and Tproc,2 they give.
 *
 * Tproc,1 = (N1 + d1,1 + d2)(2048 + 144) kappa 2^-mu Tc is the least time from the end of a PDSCH
 * to the first uplink symbol of the PUCCH carrying its HARQ-ACK. Tproc,2 = max((N2 + d2,1 + d2)
 * (2048 + 144) kappa 2^-mu Tc, d2,2) is the least time from the end of the PDCCH carrying an
 * uplink grant to the first symbol of the PUSCH it schedules. Tc = 1/(480e3 * 4096) s and
 * kappa = 64 (TS 38.211 clause 4.1). The terms for shared spectrum (T_ext), uplink switching
 * (T_switch), d3 and d4 (multi-panel and two-TB features) are 0 for the licensed single-panel
 * carriers modelled here.
 *
 * Capability 2 (Tables 5.3-2 and 6.4-2) exists for mu 0..2 only, at mu = 2 for FR1 only, and for
 * PDSCH only with front-loaded DM-RS (dmrs-AdditionalPosition = pos0). A capability-2 UE at
 * mu = 1 falls back to capability 1 for PDSCH allocations over 136 RBs (clause 5.3); callers
 * that allocate more must ask for capability 1.
 */
struct NrProcessingTime
{
    /**
     * \brief PDSCH decoding time N1.
     *
     * Table 5.3-1 (capability 1), pos0 / other: mu 0: 8 / N1,0; mu 1: 10 / 13; mu 2: 17 / 20;
     * mu 3: 20 / 24, with N1,0 = 14 if the additional DM-RS is at l1 = 12, else 13.
     * Table 5.3-2 (capability 2, pos0 only): mu 0: 3; mu 1: 4.5; mu 2: 9 (FR1).
     *
     * \param mu the numerology (the one of PDCCH, PDSCH and PUCCH giving the largest Tproc,1).
     * \param capability the UE PDSCH processing capability, 1 or 2.
     * \param additionalDmrs true if dmrs-AdditionalPosition is not pos0.
     * \param fr2 true for FR2.
     * \param additionalDmrsAtSymbol12 true if the additional DM-RS is at l1 = 12 (mu = 0 only).
     * \return N1 in symbols.
     * \throws std::invalid_argument for a combination the tables do not define.
     */
    static double N1(uint8_t mu,
                     uint8_t capability,
                     bool additionalDmrs = false,
                     bool fr2 = false,
                     bool additionalDmrsAtSymbol12 = false);

    /**
     * \brief PUSCH preparation time N2.
     *
     * Table 6.4-1 (capability 1): mu 0: 10; mu 1: 12; mu 2: 23; mu 3: 36.
     * Table 6.4-2 (capability 2): mu 0: 5; mu 1: 5.5; mu 2: 11 (FR1).
     *
     * \param mu the numerology (the one of the PDCCH and the PUSCH giving the largest Tproc,2).
     * \param capability the UE PUSCH timing capability, 1 or 2.
     * \param fr2 true for FR2.
     * \return N2 in symbols.
     * \throws std::invalid_argument for a combination the tables do not define.
     */
    static double N2(uint8_t mu, uint8_t capability, bool fr2 = false);

    /**
     * \brief Convert a processing time in symbols to a time: symbols (2048 + 144) kappa 2^-mu Tc.
     *
     * This is the symbol length with the ordinary cyclic prefix (TS 38.214 uses it for normal and
     * extended CP alike), about 71.35 us at mu = 0.
     *
     * \param symbols the symbols, a multiple of 0.5 (N1 and N2 have halves).
     * \param mu the numerology, 0..3.
     * \return the time, rounded to the Time resolution.
     * \throws std::invalid_argument for a negative or non-half-integer count or mu > 3.
     */
    static Time SymbolsToTime(double symbols, uint8_t mu);

    /**
     * \brief Tproc,1 with front-loaded DM-RS in FR1 (FR2 for mu = 3).
     * \param mu the numerology.
     * \param capability 1 or 2.
     * \param d11 d1,1 in symbols (clause 5.3: PDSCH mapping type and length).
     * \param d2 d2 in symbols (clause 5.3: overlapping PUCCH of a larger priority).
     * \return (N1 + d1,1 + d2)(2048 + 144) kappa 2^-mu Tc.
     * \throws std::invalid_argument as N1().
     */
    static Time Tproc1(uint8_t mu, uint8_t capability, uint32_t d11 = 0, uint32_t d2 = 0);

    /**
     * \brief Tproc,2 in FR1 (FR2 for mu = 3).
     * \param mu the numerology.
     * \param capability 1 or 2.
     * \param d21 d2,1 in symbols (clause 6.4: 0 if the first PUSCH symbol is DM-RS only, else 1).
     * \param d2 d2 in symbols (clause 6.4: overlapping PUCCH of a smaller priority).
     * \param d22 d2,2, the BWP switching time if the grant switches BWP (TS 38.133), else 0.
     * \return max((N2 + d2,1 + d2)(2048 + 144) kappa 2^-mu Tc, d2,2).
     * \throws std::invalid_argument as N2().
     */
    static Time Tproc2(uint8_t mu,
                       uint8_t capability,
                       uint32_t d21 = 0,
                       uint32_t d2 = 0,
                       Time d22 = Time(0));
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_PROCESSING_TIME_H
