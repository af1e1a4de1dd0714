/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-numerology.h"

#include "ns3/log.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrNumerology");

namespace
{

/// Useful part of a symbol at mu = 0, N_u = 2048 kappa Tc (TS 38.211 clause 5.3.1).
constexpr uint64_t USEFUL_TC_MU0 = 2048 * NR_KAPPA;
/// Normal cyclic prefix at mu = 0, 144 kappa Tc (TS 38.211 clause 5.3.1).
constexpr uint64_t NORMAL_CP_TC_MU0 = 144 * NR_KAPPA;
/// Extra cyclic prefix of the first symbol of every 0.5 ms, 16 kappa Tc, independent of mu
/// (TS 38.211 clause 5.3.1).
constexpr uint64_t LONG_CP_EXTRA_TC = 16 * NR_KAPPA;
/// mu = 4 (240 kHz) carries SS/PBCH blocks but no data (TS 38.300 Table 5.1-1).
constexpr uint8_t SSB_ONLY_MU = 4;

} // namespace

Time
NrTcToTime(uint64_t tcNumerator, uint64_t denominator)
{
    if (denominator == 0)
    {
        throw std::invalid_argument("NrTcToTime: the denominator must be positive");
    }
    // Steps of the current Time resolution per second (1e9 at the default nanosecond resolution).
    const auto stepsPerSecond = static_cast<unsigned __int128>(Seconds(1).GetTimeStep());
    // round(tc * steps / (TcPerSecond * den)) in 128-bit integers: no intermediate rounding and no
    // overflow for any duration a simulation can reach.
    const unsigned __int128 divisor =
        static_cast<unsigned __int128>(NR_TC_PER_SECOND) * denominator;
    const unsigned __int128 steps =
        (static_cast<unsigned __int128>(tcNumerator) * stepsPerSecond * 2 + divisor) /
        (divisor * 2);
    return TimeStep(static_cast<uint64_t>(steps));
}

bool
NrNumerology::IsSupportedForData(uint8_t mu)
{
    return mu <= MAX_DATA_MU;
}

NrNumerology::NrNumerology(uint8_t mu)
    : m_mu(mu)
{
    if (mu == SSB_ONLY_MU)
    {
        throw std::invalid_argument(
            "NR numerology 4 (240 kHz) carries SS/PBCH blocks only, not data (TS 38.300 Table "
            "5.1-1); use 0..3 (15, 30, 60, 120 kHz)");
    }
    if (!IsSupportedForData(mu))
    {
        throw std::invalid_argument("NR numerology " + std::to_string(mu) +
                                    " is not supported; use 0..3 (15, 30, 60, 120 kHz)");
    }
}

uint8_t
NrNumerology::GetMu() const
{
    return m_mu;
}

double
NrNumerology::GetSubcarrierSpacing() const
{
    return 15e3 * (1U << m_mu);
}

uint32_t
NrNumerology::GetSlotsPerSubframe() const
{
    return 1U << m_mu;
}

uint32_t
NrNumerology::GetSlotsPerFrame() const
{
    // TS 38.211 clause 4.3.1: a frame is ten 1 ms subframes.
    return 10 * GetSlotsPerSubframe();
}

Time
NrNumerology::GetSlotDuration() const
{
    return NrTcToTime(NR_TC_PER_SUBFRAME, GetSlotsPerSubframe());
}

Time
NrNumerology::GetSymbolDuration() const
{
    return NrTcToTime(NR_TC_PER_SUBFRAME, GetSlotsPerSubframe() * SYMBOLS_PER_SLOT);
}

uint32_t
NrNumerology::SymbolInSubframe(uint32_t symbol, uint32_t slotInSubframe) const
{
    if (symbol >= SYMBOLS_PER_SLOT)
    {
        throw std::out_of_range("NR symbol index " + std::to_string(symbol) +
                                " is outside the slot (0..13)");
    }
    if (slotInSubframe >= GetSlotsPerSubframe())
    {
        throw std::out_of_range("NR slot index " + std::to_string(slotInSubframe) +
                                " is outside the subframe at numerology " + std::to_string(m_mu) +
                                " (0.." + std::to_string(GetSlotsPerSubframe() - 1) + ")");
    }
    return slotInSubframe * SYMBOLS_PER_SLOT + symbol;
}

uint64_t
NrNumerology::GetSymbolLengthInTc(uint32_t symbolInSubframe) const
{
    const uint32_t symbolsPerSubframe = SYMBOLS_PER_SLOT * GetSlotsPerSubframe();
    if (symbolInSubframe >= symbolsPerSubframe)
    {
        throw std::out_of_range("NR symbol " + std::to_string(symbolInSubframe) +
                                " is outside the subframe (0.." +
                                std::to_string(symbolsPerSubframe - 1) + ")");
    }
    const uint64_t length = (USEFUL_TC_MU0 + NORMAL_CP_TC_MU0) >> m_mu;
    // The long CP falls on l = 0 and l = 7 * 2^mu, i.e. every half subframe.
    const bool longCp = symbolInSubframe % (symbolsPerSubframe / 2) == 0;
    return longCp ? length + LONG_CP_EXTRA_TC : length;
}

uint64_t
NrNumerology::GetSymbolStartInTc(uint32_t symbol, uint32_t slotInSubframe) const
{
    const uint32_t l = SymbolInSubframe(symbol, slotInSubframe);
    const uint32_t halfSubframe = SYMBOLS_PER_SLOT * GetSlotsPerSubframe() / 2;
    // Long-CP symbols before l: l = 0 is never before, l = 7 * 2^mu is before any l beyond it.
    const uint64_t longCpBefore = (l > halfSubframe) ? 2 : (l > 0 ? 1 : 0);
    return l * ((USEFUL_TC_MU0 + NORMAL_CP_TC_MU0) >> m_mu) + longCpBefore * LONG_CP_EXTRA_TC;
}

Time
NrNumerology::GetSymbolStart(uint32_t symbol, uint32_t slotInSubframe) const
{
    return NrTcToTime(GetSymbolStartInTc(symbol, slotInSubframe));
}

Time
NrNumerology::GetSymbolEnd(uint32_t symbol, uint32_t slotInSubframe) const
{
    const uint32_t l = SymbolInSubframe(symbol, slotInSubframe);
    return NrTcToTime(GetSymbolStartInTc(symbol, slotInSubframe) + GetSymbolLengthInTc(l));
}

Time
NrNumerology::GetAbsoluteSymbolStart(uint32_t symbol, uint64_t absoluteSlot) const
{
    const uint64_t subframe = absoluteSlot / GetSlotsPerSubframe();
    const auto slot = static_cast<uint32_t>(absoluteSlot % GetSlotsPerSubframe());
    // Subframes are exactly 1 ms (TS 38.211 clause 4.3.1), so only the offset inside one is
    // rounded.
    return MilliSeconds(subframe) + GetSymbolStart(symbol, slot);
}

Time
NrNumerology::GetAbsoluteSymbolEnd(uint32_t symbol, uint64_t absoluteSlot) const
{
    const uint64_t subframe = absoluteSlot / GetSlotsPerSubframe();
    const auto slot = static_cast<uint32_t>(absoluteSlot % GetSlotsPerSubframe());
    return MilliSeconds(subframe) + GetSymbolEnd(symbol, slot);
}

} // namespace blueprint
} // namespace ns3
