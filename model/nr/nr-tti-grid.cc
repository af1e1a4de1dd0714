/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-tti-grid.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NrTtiGrid::NrTtiGrid(uint8_t mu, const NrTddPattern& pattern, uint32_t miniSlotSymbols)
    : m_numerology(mu),
      m_pattern(pattern)
{
    // TS 38.214 Table 5.1.2.1-1 (PDSCH mapping type B, normal CP) allows lengths 2, 4 and 7;
    // 0 selects full slots (mapping type A over the whole slot).
    if (miniSlotSymbols != 0 && miniSlotSymbols != 2 && miniSlotSymbols != 4 &&
        miniSlotSymbols != 7)
    {
        throw std::invalid_argument("NR mini-slot length " + std::to_string(miniSlotSymbols) +
                                    " is not 2, 4 or 7 symbols (TS 38.214 Table 5.1.2.1-1), "
                                    "nor 0 for full slots");
    }
    m_ttiSymbols = miniSlotSymbols == 0 ? NrNumerology::SYMBOLS_PER_SLOT : miniSlotSymbols;
    m_ttisPerSlot = NrNumerology::SYMBOLS_PER_SLOT / m_ttiSymbols;
    const uint32_t slots = m_numerology.GetSlotsPerSubframe();
    m_symbolStartInSubframe.reserve(slots * (NrNumerology::SYMBOLS_PER_SLOT + 1));
    for (uint32_t slot = 0; slot < slots; ++slot)
    {
        for (uint32_t symbol = 0; symbol < NrNumerology::SYMBOLS_PER_SLOT; ++symbol)
        {
            m_symbolStartInSubframe.push_back(m_numerology.GetSymbolStart(symbol, slot));
        }
        m_symbolStartInSubframe.push_back(
            m_numerology.GetSymbolEnd(NrNumerology::SYMBOLS_PER_SLOT - 1, slot));
    }
}

const NrNumerology&
NrTtiGrid::GetNumerology() const
{
    return m_numerology;
}

const NrTddPattern&
NrTtiGrid::GetPattern() const
{
    return m_pattern;
}

bool
NrTtiGrid::IsMiniSlot() const
{
    return m_ttiSymbols != NrNumerology::SYMBOLS_PER_SLOT;
}

uint32_t
NrTtiGrid::GetTtisPerSlot() const
{
    return m_ttisPerSlot;
}

uint32_t
NrTtiGrid::GetTtiSymbols() const
{
    return m_ttiSymbols;
}

uint64_t
NrTtiGrid::GetSlot(uint64_t tti) const
{
    return tti / m_ttisPerSlot;
}

uint32_t
NrTtiGrid::GetFirstSymbol(uint64_t tti) const
{
    return static_cast<uint32_t>(tti % m_ttisPerSlot) * m_ttiSymbols;
}

Time
NrTtiGrid::SymbolStart(uint64_t slot, uint32_t symbol) const
{
    const uint32_t slotsPerSubframe = m_numerology.GetSlotsPerSubframe();
    const uint64_t subframe = slot / slotsPerSubframe;
    const auto slotInSubframe = static_cast<uint32_t>(slot % slotsPerSubframe);
    // Subframes are exactly 1 ms (TS 38.211 clause 4.3.1); only the offset inside one varies.
    return MilliSeconds(static_cast<int64_t>(subframe)) +
           m_symbolStartInSubframe[slotInSubframe * (NrNumerology::SYMBOLS_PER_SLOT + 1) + symbol];
}

Time
NrTtiGrid::GetStart(uint64_t tti) const
{
    return SymbolStart(GetSlot(tti), GetFirstSymbol(tti));
}

Time
NrTtiGrid::GetEnd(uint64_t tti) const
{
    return SymbolStart(GetSlot(tti), GetFirstSymbol(tti) + m_ttiSymbols);
}

uint32_t
NrTtiGrid::GetDlSymbols(uint64_t tti) const
{
    const uint32_t slotDl = m_pattern.GetDlSymbols(GetSlot(tti));
    if (!IsMiniSlot())
    {
        return slotDl;
    }
    return GetFirstSymbol(tti) + m_ttiSymbols <= slotDl ? m_ttiSymbols : 0;
}

uint32_t
NrTtiGrid::GetUlSymbols(uint64_t tti) const
{
    const uint32_t slotUl = m_pattern.GetUlSymbols(GetSlot(tti));
    if (!IsMiniSlot())
    {
        return slotUl;
    }
    return GetFirstSymbol(tti) >= NrNumerology::SYMBOLS_PER_SLOT - slotUl ? m_ttiSymbols : 0;
}

Time
NrTtiGrid::GetDlEnd(uint64_t tti) const
{
    return SymbolStart(GetSlot(tti), GetFirstSymbol(tti) + GetDlSymbols(tti));
}

Time
NrTtiGrid::GetUlStart(uint64_t tti) const
{
    return SymbolStart(GetSlot(tti), GetFirstSymbol(tti) + m_ttiSymbols - GetUlSymbols(tti));
}

Time
NrTtiGrid::GetLastSymbolStart(uint64_t tti) const
{
    return SymbolStart(GetSlot(tti), GetFirstSymbol(tti) + m_ttiSymbols - 1);
}

Time
NrTtiGrid::GetFirstSymbolEnd(uint64_t tti) const
{
    return SymbolStart(GetSlot(tti), GetFirstSymbol(tti) + 1);
}

uint64_t
NrTtiGrid::GetTtiAtOrAfter(Time t) const
{
    if (t.IsStrictlyNegative())
    {
        return 0;
    }
    // Slots are within a fraction of a microsecond of their nominal grid, so the nominal estimate
    // is at most one slot late; step back once and then forward to the first start >= t.
    const int64_t slotNs = m_numerology.GetSlotDuration().GetTimeStep();
    uint64_t slot = static_cast<uint64_t>(t.GetTimeStep() / slotNs);
    slot = slot > 0 ? slot - 1 : 0;
    uint64_t tti = slot * m_ttisPerSlot;
    while (GetStart(tti) < t)
    {
        ++tti;
    }
    return tti;
}

uint64_t
NrTtiGrid::GetPeriodTtis() const
{
    return static_cast<uint64_t>(m_pattern.GetPeriodSlots()) * m_ttisPerSlot;
}

} // namespace blueprint
} // namespace ns3
