/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_NUMEROLOGY_H
#define BLUEPRINT_NR_NUMEROLOGY_H

#include "ns3/nstime.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/// NR basic time units per second, 1/Tc = delta_f_max * N_f = 480e3 * 4096 (TS 38.211 clause 4.1).
constexpr uint64_t NR_TC_PER_SECOND = 480000ULL * 4096ULL;

/// kappa = Ts / Tc = 64, with Ts = 1 / (15e3 * 2048) the LTE basic time unit (TS 38.211
/// clause 4.1).
constexpr uint32_t NR_KAPPA = 64;

/// Tc units in one 1 ms subframe (TS 38.211 clause 4.3.1: T_sf = delta_f_max * N_f / 1000 * Tc).
constexpr uint64_t NR_TC_PER_SUBFRAME = NR_TC_PER_SECOND / 1000;

/**
 * \ingroup blueprint
 * \brief Convert a duration given in NR basic time units Tc to an ns-3 Time.
 *
 * Tc = 1/1.96608e9 s is about 0.509 ns, finer than ns-3's default nanosecond resolution, so the
 * result is rounded to the nearest step of the current Time resolution (half a step at most; the
 * arithmetic is integer and exact before that single rounding).
 *
 * \param tcNumerator the duration in Tc, times \p denominator (lets callers pass half-symbol and
 *        average-symbol durations without rounding first).
 * \param denominator the divisor of \p tcNumerator, > 0.
 * \return tcNumerator / denominator * Tc, rounded to the Time resolution.
 * \throws std::invalid_argument if denominator is 0.
 */
Time NrTcToTime(uint64_t tcNumerator, uint64_t denominator = 1);

/**
 * \ingroup blueprint
 * \brief The NR OFDM numerology mu with normal cyclic prefix: subcarrier spacing, slots and exact
 * symbol timing.
 *
 * TS 38.211 clause 4.2 (Table 4.2-1): subcarrier spacing 15 * 2^mu kHz. Clause 4.3.2 (Table
 * 4.3.2-1): 14 symbols per slot with normal CP and 2^mu slots per 1 ms subframe. Clause 5.3.1:
 * symbol l of a subframe lasts (N_u + N_CP,l) Tc with N_u = 2048 kappa 2^-mu and, for normal CP,
 * N_CP,l = 144 kappa 2^-mu + 16 kappa when l = 0 or l = 7 * 2^mu (the first symbol of every 0.5 ms)
 * and 144 kappa 2^-mu otherwise. So slots are not all equally long: at mu = 2 slot 0 of each
 * subframe is 16 kappa Tc (about 0.52 us) longer than slot 1. GetSlotDuration() and
 * GetSymbolDuration() give the nominal (average) lengths; GetSymbolStart() and GetSymbolEnd() give
 * the exact positions, so a mini-slot's end time is exact to the Time resolution.
 *
 * Only mu 0..3 carry data: mu = 4 (240 kHz) is for SS/PBCH blocks only (TS 38.300 Table 5.1-1,
 * "Supported for data: No"), and extended CP (mu = 2 only) is not modelled.
 */
class NrNumerology
{
  public:
    /// OFDM symbols per slot with normal cyclic prefix (TS 38.211 Table 4.3.2-1).
    static constexpr uint32_t SYMBOLS_PER_SLOT = 14;
    /// The largest numerology that carries data channels (TS 38.300 Table 5.1-1).
    static constexpr uint8_t MAX_DATA_MU = 3;

    /**
     * \brief Whether a numerology may carry data (PDSCH/PUSCH).
     * \param mu the numerology.
     * \return true for mu 0..3 (TS 38.300 Table 5.1-1).
     */
    static bool IsSupportedForData(uint8_t mu);

    /**
     * \brief Create a data numerology.
     * \param mu the numerology, 0..3.
     * \throws std::invalid_argument for mu 4 (SS/PBCH only) and for any larger mu.
     */
    explicit NrNumerology(uint8_t mu);

    /// \return the numerology mu.
    uint8_t GetMu() const;

    /// \return the subcarrier spacing 15e3 * 2^mu, Hz (TS 38.211 Table 4.2-1).
    double GetSubcarrierSpacing() const;

    /// \return the slots per 1 ms subframe, 2^mu (TS 38.211 Table 4.3.2-1).
    uint32_t GetSlotsPerSubframe() const;

    /// \return the slots per 10 ms frame, 10 * 2^mu (TS 38.211 Table 4.3.2-1).
    uint32_t GetSlotsPerFrame() const;

    /// \return the nominal slot duration, exactly 1 ms / 2^mu (the average over a subframe).
    Time GetSlotDuration() const;

    /// \return the average symbol duration including CP, slot / 14, rounded to the Time resolution.
    Time GetSymbolDuration() const;

    /**
     * \brief Get the exact length of one symbol including its cyclic prefix.
     * \param symbolInSubframe the symbol index l within the subframe, 0..14*2^mu-1.
     * \return (N_u + N_CP,l) in Tc units (TS 38.211 clause 5.3.1).
     * \throws std::out_of_range if the index is outside the subframe.
     */
    uint64_t GetSymbolLengthInTc(uint32_t symbolInSubframe) const;

    /**
     * \brief Get the exact start of a symbol from the start of its subframe.
     * \param symbol the symbol index within the slot, 0..13.
     * \param slotInSubframe the slot index within the subframe, 0..2^mu-1.
     * \return t_start,l of TS 38.211 clause 5.3.1 in Tc units.
     * \throws std::out_of_range for an index outside the slot or subframe.
     */
    uint64_t GetSymbolStartInTc(uint32_t symbol, uint32_t slotInSubframe) const;

    /**
     * \brief Get the exact start of a symbol from the start of its subframe.
     * \param symbol the symbol index within the slot, 0..13.
     * \param slotInSubframe the slot index within the subframe, 0..2^mu-1.
     * \return t_start,l of TS 38.211 clause 5.3.1, rounded to the Time resolution.
     * \throws std::out_of_range for an index outside the slot or subframe.
     */
    Time GetSymbolStart(uint32_t symbol, uint32_t slotInSubframe) const;

    /**
     * \brief Get the exact end of a symbol (the start of the next one) from the start of its
     * subframe; the end of symbol 13 of the last slot is 1 ms.
     * \param symbol the symbol index within the slot, 0..13.
     * \param slotInSubframe the slot index within the subframe, 0..2^mu-1.
     * \return t_start,l + T_symb,l of TS 38.211 clause 5.3.1, rounded to the Time resolution.
     * \throws std::out_of_range for an index outside the slot or subframe.
     */
    Time GetSymbolEnd(uint32_t symbol, uint32_t slotInSubframe) const;

    /**
     * \brief Get the exact start of a symbol counted from time 0 (the start of subframe 0).
     * \param symbol the symbol index within the slot, 0..13.
     * \param absoluteSlot the slot index counted from slot 0 of subframe 0.
     * \return whole subframes of 1 ms plus GetSymbolStart() within the subframe.
     * \throws std::out_of_range if symbol > 13.
     */
    Time GetAbsoluteSymbolStart(uint32_t symbol, uint64_t absoluteSlot) const;

    /**
     * \brief Get the exact end of a symbol counted from time 0 (the start of subframe 0).
     * \param symbol the symbol index within the slot, 0..13.
     * \param absoluteSlot the slot index counted from slot 0 of subframe 0.
     * \return whole subframes of 1 ms plus GetSymbolEnd() within the subframe.
     * \throws std::out_of_range if symbol > 13.
     */
    Time GetAbsoluteSymbolEnd(uint32_t symbol, uint64_t absoluteSlot) const;

  private:
    /**
     * \brief Check a symbol/slot pair and give its symbol index l within the subframe.
     * \param symbol the symbol index within the slot.
     * \param slotInSubframe the slot index within the subframe.
     * \return l = slotInSubframe * 14 + symbol.
     */
    uint32_t SymbolInSubframe(uint32_t symbol, uint32_t slotInSubframe) const;

    uint8_t m_mu; //!< the numerology
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_NUMEROLOGY_H
