/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_TDD_PATTERN_H
#define BLUEPRINT_NR_TDD_PATTERN_H

#include "model/nr/nr-numerology.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Which slots and symbols of an NR carrier carry downlink and uplink: a TDD pattern, or
 * FDD.
 *
 * A TDD pattern is written the way operators and TS 38.521-4 Annex A.1.2 write it: one letter per
 * slot, D (all 14 symbols downlink), U (all uplink) or S (special: downlink symbols first, then
 * guard symbols, then uplink symbols, as TS 38.213 clause 11.1 orders them), repeated with the
 * pattern's period. A decimal count of 2 or more before a letter repeats it, so "7DS2U" is
 * "DDDDDDDSUU" (TS 38.521-4 Table A.1.2-2, FR1.30-1). Counts 0 and 1 are rejected, so the "S1"/"S2"
 * notation of patterns with two different special slots (FR1.30-6 "DS1S2U") is not misread.
 * Every S slot of a pattern has the same split, written "10D+2G+2U" (terms in the order D, G, U,
 * any may be left out, e.g. "12D+2G") or "S=10:2:2" / "10:2:2" (D:G:U); the symbols add up to 14.
 *
 * FDD is a separate carrier per direction, so every slot has 14 downlink and 14 uplink symbols.
 * Slots are absolute indices counted from slot 0 of frame 0, where the pattern starts.
 */
class NrTddPattern
{
  public:
    /**
     * \brief Parse a TDD pattern.
     * \param pattern the slots, e.g. "DDDSU", "DDDDDDDSUU", "7DS2U", "DSUU", "DDDSUDDSUU";
     *        lower-case letters are accepted.
     * \param special the split of every S slot, e.g. "10D+2G+2U" or "S=10:2:2".
     * \return the pattern.
     * \throws std::invalid_argument naming the bad character and its position, or the symbol
     *         count, when either string is malformed.
     */
    static NrTddPattern Parse(const std::string& pattern, const std::string& special = "10D+2G+2U");

    /// \return an FDD carrier: every slot is downlink and uplink.
    static NrTddPattern Fdd();

    /// Create an FDD carrier (the same as Fdd()), so a pattern can be a default member.
    NrTddPattern();

    /// \return true for FDD.
    bool IsFdd() const;

    /// \return the slots in one period of the pattern; 1 for FDD.
    uint32_t GetPeriodSlots() const;

    /**
     * \brief Get the period as a time.
     * \param numerology the carrier's numerology.
     * \return GetPeriodSlots() nominal slots.
     */
    Time GetPeriod(const NrNumerology& numerology) const;

    /**
     * \brief Get the downlink symbols of one slot.
     * \param slot the absolute slot index.
     * \return 14 for D (and FDD), the special split's D symbols for S, 0 for U.
     */
    uint32_t GetDlSymbols(uint64_t slot) const;

    /**
     * \brief Get the uplink symbols of one slot.
     * \param slot the absolute slot index.
     * \return 14 for U (and FDD), the special split's U symbols for S, 0 for D.
     */
    uint32_t GetUlSymbols(uint64_t slot) const;

    /**
     * \brief Get the kind of one slot.
     * \param slot the absolute slot index.
     * \return 'D', 'U' or 'S'; 'F' for FDD.
     */
    char GetSlotType(uint64_t slot) const;

    /// \return the share of symbols in a period that are downlink (1 for FDD).
    double GetDlFraction() const;

    /// \return the share of symbols in a period that are uplink (1 for FDD).
    double GetUlFraction() const;

    /**
     * \brief Find the first slot at or after \p slot with enough downlink symbols.
     * \param slot the absolute slot index to start from.
     * \param symbols the downlink symbols the slot must have, 0..14.
     * \return the absolute index of that slot.
     * \throws std::invalid_argument if symbols > 14 or no slot of the pattern has that many.
     */
    uint64_t NextDlSlot(uint64_t slot, uint32_t symbols = 1) const;

    /**
     * \brief Find the first slot at or after \p slot with enough uplink symbols.
     * \param slot the absolute slot index to start from.
     * \param symbols the uplink symbols the slot must have, 0..14.
     * \return the absolute index of that slot.
     * \throws std::invalid_argument if symbols > 14 or no slot of the pattern has that many.
     */
    uint64_t NextUlSlot(uint64_t slot, uint32_t symbols = 1) const;

    /// \return the D symbols of an S slot (0 if the pattern has none).
    uint32_t GetSpecialDlSymbols() const;

    /// \return the guard symbols of an S slot (0 if the pattern has none).
    uint32_t GetSpecialGuardSymbols() const;

    /// \return the U symbols of an S slot (0 if the pattern has none).
    uint32_t GetSpecialUlSymbols() const;

    /**
     * \return "FDD", the expanded slot letters ("DDDSU"), or the letters and the special split,
     *         "DDDSU S=10D+2G+2U", when the pattern has S slots; Parse() accepts both parts back.
     */
    std::string ToString() const;

  private:
    /**
     * \brief Find the first slot at or after \p slot whose symbol count passes a test.
     * \param slot the absolute slot index to start from.
     * \param symbols the symbols the slot must have, 0..14.
     * \param downlink true to count downlink symbols, false uplink ones.
     * \return the absolute index of that slot.
     */
    uint64_t NextSlot(uint64_t slot, uint32_t symbols, bool downlink) const;

    /**
     * \brief Parse the split of the S slots into m_special*.
     * \param special the split, "10D+2G+2U" or "S=10:2:2".
     */
    void ParseSpecial(const std::string& special);

    bool m_fdd;                 //!< FDD carrier: every slot both directions
    std::string m_slots;        //!< one letter per slot of a period, D, S or U
    uint32_t m_specialDl{0};    //!< downlink symbols of an S slot
    uint32_t m_specialGuard{0}; //!< guard symbols of an S slot
    uint32_t m_specialUl{0};    //!< uplink symbols of an S slot
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_TDD_PATTERN_H
