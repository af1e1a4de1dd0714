/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_TTI_GRID_H
#define BLUEPRINT_NR_TTI_GRID_H

#include "model/nr/nr-numerology.h"
#include "model/nr/nr-tdd-pattern.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The transmission time intervals (TTIs) of one NR carrier: where each slot or mini-slot
 * starts and ends and which of its symbols carry downlink and uplink.
 *
 * With full slots a TTI is a slot of 14 symbols (TS 38.211 clause 4.3.2): its downlink symbols
 * come first and its uplink symbols last, as TS 38.213 clause 11.1 orders the symbols of a special
 * slot, so a special slot "10D+2G+2U" is one TTI with 10 downlink and 2 uplink symbols. With
 * mini-slots of L = 2, 4 or 7 symbols (PDSCH/PUSCH mapping type B, TS 38.214 Tables 5.1.2.1-1 and
 * 6.1.2.1-1) each slot holds floor(14 / L) TTIs starting at symbols 0, L, 2L, ...; the 14 mod L
 * symbols left at the end of the slot (2 when L = 4) carry no mini-slot. A mini-slot is downlink
 * (uplink) only if all its L symbols are downlink (uplink) symbols of the slot; a mini-slot that
 * straddles a guard period carries nothing.
 *
 * TTIs are numbered from 0 at time 0 (slot 0 of frame 0). All times are exact to the Time
 * resolution: the symbol positions come from NrNumerology (TS 38.211 clause 5.3.1, including the
 * longer cyclic prefix of the first symbol of every half subframe).
 */
class NrTtiGrid
{
  public:
    /**
     * \brief Build the grid.
     * \param mu the numerology, 0..3.
     * \param pattern the TDD pattern, or FDD.
     * \param miniSlotSymbols 0 for full slots, else the mini-slot length 2, 4 or 7.
     * \throws std::invalid_argument for another mini-slot length or a numerology NrNumerology
     *         rejects.
     */
    NrTtiGrid(uint8_t mu, const NrTddPattern& pattern, uint32_t miniSlotSymbols);

    /// \return the numerology.
    const NrNumerology& GetNumerology() const;

    /// \return the TDD pattern (or FDD).
    const NrTddPattern& GetPattern() const;

    /// \return true when TTIs are mini-slots.
    bool IsMiniSlot() const;

    /// \return the TTIs per slot: 1 for full slots, floor(14 / L) for mini-slots.
    uint32_t GetTtisPerSlot() const;

    /// \return the symbols of one TTI: 14, or the mini-slot length L.
    uint32_t GetTtiSymbols() const;

    /**
     * \brief Get the slot a TTI lies in.
     * \param tti the TTI index.
     * \return the absolute slot index.
     */
    uint64_t GetSlot(uint64_t tti) const;

    /**
     * \brief Get the first symbol of a TTI within its slot.
     * \param tti the TTI index.
     * \return 0 for full slots, k L for mini-slot k of its slot.
     */
    uint32_t GetFirstSymbol(uint64_t tti) const;

    /**
     * \brief Get the start of a TTI.
     * \param tti the TTI index.
     * \return the start of its first symbol.
     */
    Time GetStart(uint64_t tti) const;

    /**
     * \brief Get the end of a TTI.
     * \param tti the TTI index.
     * \return the end of its last symbol.
     */
    Time GetEnd(uint64_t tti) const;

    /**
     * \brief Get the downlink symbols of a TTI (they start at its first symbol).
     * \param tti the TTI index.
     * \return full slot: the slot's downlink symbols; mini-slot: L if all its symbols are
     *         downlink, else 0.
     */
    uint32_t GetDlSymbols(uint64_t tti) const;

    /**
     * \brief Get the uplink symbols of a TTI (they end at its last symbol).
     * \param tti the TTI index.
     * \return full slot: the slot's uplink symbols; mini-slot: L if all its symbols are uplink,
     *         else 0.
     */
    uint32_t GetUlSymbols(uint64_t tti) const;

    /**
     * \brief Get the end of a TTI's last downlink symbol.
     * \param tti the TTI index; it must have downlink symbols.
     * \return the time the TTI's downlink part ends.
     */
    Time GetDlEnd(uint64_t tti) const;

    /**
     * \brief Get the start of a TTI's first uplink symbol.
     * \param tti the TTI index; it must have uplink symbols.
     * \return the time the TTI's uplink part starts.
     */
    Time GetUlStart(uint64_t tti) const;

    /**
     * \brief Get the start of a TTI's last symbol (where a 1-symbol PUCCH sits in an uplink TTI).
     * \param tti the TTI index.
     * \return the start of its last symbol.
     */
    Time GetLastSymbolStart(uint64_t tti) const;

    /**
     * \brief Get the end of a TTI's first symbol (where the PDCCH sits in a downlink TTI).
     * \param tti the TTI index.
     * \return the end of its first symbol.
     */
    Time GetFirstSymbolEnd(uint64_t tti) const;

    /**
     * \brief Find the first TTI that starts at or after a time.
     * \param t the time, >= 0.
     * \return the TTI index.
     */
    uint64_t GetTtiAtOrAfter(Time t) const;

    /**
     * \brief Get the TTIs in one period of the TDD pattern (1 slot for FDD).
     * \return GetTtisPerSlot() times the pattern's period in slots.
     */
    uint64_t GetPeriodTtis() const;

  private:
    /**
     * \brief Get the start of a symbol counted from time 0.
     * \param slot the absolute slot.
     * \param symbol the symbol within the slot, 0..14 (14 = the end of the slot).
     * \return its start (for 14: the end of symbol 13).
     */
    Time SymbolStart(uint64_t slot, uint32_t symbol) const;

    NrNumerology m_numerology; //!< the numerology
    NrTddPattern m_pattern;    //!< the TDD pattern or FDD
    uint32_t m_ttiSymbols;     //!< 14, or the mini-slot length
    uint32_t m_ttisPerSlot;    //!< TTIs per slot
    /// Symbol starts within one subframe, slot * 15 + symbol (symbol 14 = end of that slot),
    /// cached from NrNumerology so that per-TTI look-ups need no Tc arithmetic.
    std::vector<Time> m_symbolStartInSubframe;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_TTI_GRID_H */
