/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-tdd-pattern.h"

#include "ns3/log.h"

#include <cctype>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrTddPattern");

namespace
{

/// Symbols per slot with normal cyclic prefix (TS 38.211 Table 4.3.2-1).
constexpr uint32_t SYMBOLS = NrNumerology::SYMBOLS_PER_SLOT;

/// Longest period accepted, in slots. TS 38.331 TDD-UL-DL-Pattern allows periods up to 10 ms, two
/// patterns make 20 ms, which is 160 slots at 120 kHz; the limit only stops runaway counts.
constexpr uint32_t MAX_PERIOD_SLOTS = 1000;

/**
 * \brief Describe a position in a string for an error message, 1-based.
 * \param text the whole string.
 * \param index the 0-based index.
 * \return e.g. "position 3 of \"DDXSU\"".
 */
std::string
Where(const std::string& text, std::size_t index)
{
    return "position " + std::to_string(index + 1) + " of \"" + text + "\"";
}

/**
 * \brief Read a decimal number starting at \p pos.
 * \param text the string.
 * \param pos the index of the first digit; advanced past the last digit.
 * \param limit the largest value accepted.
 * \param what what the number counts, for the error message.
 * \return the number.
 */
uint32_t
ReadNumber(const std::string& text, std::size_t& pos, uint32_t limit, const std::string& what)
{
    const std::size_t start = pos;
    uint64_t value = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
    {
        value = value * 10 + static_cast<uint64_t>(text[pos] - '0');
        if (value > limit)
        {
            throw std::invalid_argument("NR TDD: " + what + " at " + Where(text, start) +
                                        " exceeds " + std::to_string(limit));
        }
        ++pos;
    }
    return static_cast<uint32_t>(value);
}

} // namespace

NrTddPattern::NrTddPattern()
    : m_fdd(true)
{
}

NrTddPattern
NrTddPattern::Fdd()
{
    return NrTddPattern();
}

NrTddPattern
NrTddPattern::Parse(const std::string& pattern, const std::string& special)
{
    NS_LOG_FUNCTION(pattern << special);
    NrTddPattern result;
    result.m_fdd = false;
    if (pattern.empty())
    {
        throw std::invalid_argument("NR TDD pattern is empty; write one letter per slot, e.g. "
                                    "\"DDDSU\" (use FDD for a paired carrier)");
    }
    std::size_t pos = 0;
    while (pos < pattern.size())
    {
        uint32_t count = 1;
        const std::size_t countPos = pos;
        if (std::isdigit(static_cast<unsigned char>(pattern[pos])))
        {
            count = ReadNumber(pattern, pos, MAX_PERIOD_SLOTS, "slot count");
            if (count < 2)
            {
                throw std::invalid_argument(
                    "NR TDD pattern: count " + std::to_string(count) + " at " +
                    Where(pattern, countPos) +
                    " repeats nothing; a count must be 2 or more (S1/S2 notation for two kinds "
                    "of special slot is not supported)");
            }
            if (pos == pattern.size())
            {
                throw std::invalid_argument("NR TDD pattern: count at " + Where(pattern, countPos) +
                                            " is not followed by a slot letter D, S or U");
            }
        }
        const char letter =
            static_cast<char>(std::toupper(static_cast<unsigned char>(pattern[pos])));
        if (letter != 'D' && letter != 'S' && letter != 'U')
        {
            throw std::invalid_argument(
                "NR TDD pattern: unexpected '" + std::string(1, pattern[pos]) + "' at " +
                Where(pattern, pos) + "; expected D, S, U or a repeat count");
        }
        if (result.m_slots.size() + count > MAX_PERIOD_SLOTS)
        {
            throw std::invalid_argument("NR TDD pattern \"" + pattern + "\" is longer than " +
                                        std::to_string(MAX_PERIOD_SLOTS) + " slots");
        }
        result.m_slots.append(count, letter);
        ++pos;
    }
    result.ParseSpecial(special);
    if (result.m_slots.find('S') == std::string::npos)
    {
        // The split is checked either way, but a pattern without S slots has no special symbols.
        result.m_specialDl = 0;
        result.m_specialGuard = 0;
        result.m_specialUl = 0;
    }
    return result;
}

void
NrTddPattern::ParseSpecial(const std::string& special)
{
    std::size_t pos = 0;
    if (special.size() >= 2 && (special[0] == 'S' || special[0] == 's') && special[1] == '=')
    {
        pos = 2;
    }
    if (pos == special.size())
    {
        throw std::invalid_argument("NR TDD special slot \"" + special +
                                    "\" is empty; write e.g. \"10D+2G+2U\" or \"S=10:2:2\"");
    }
    uint32_t parts[3] = {0, 0, 0}; // D, G, U
    if (special.find(':') != std::string::npos)
    {
        // "D:G:U", three counts.
        for (uint32_t part = 0; part < 3; ++part)
        {
            if (pos >= special.size() || !std::isdigit(static_cast<unsigned char>(special[pos])))
            {
                throw std::invalid_argument("NR TDD special slot: expected a symbol count at " +
                                            Where(special, pos) +
                                            " (format D:G:U, e.g. \"S=10:2:2\")");
            }
            parts[part] = ReadNumber(special, pos, SYMBOLS, "symbol count");
            if (part == 2)
            {
                break;
            }
            if (pos >= special.size() || special[pos] != ':')
            {
                throw std::invalid_argument("NR TDD special slot: expected ':' at " +
                                            Where(special, pos) +
                                            " (format D:G:U, e.g. \"S=10:2:2\")");
            }
            ++pos;
        }
        if (pos != special.size())
        {
            throw std::invalid_argument("NR TDD special slot: unexpected '" +
                                        std::string(1, special[pos]) + "' at " +
                                        Where(special, pos) + " after D:G:U");
        }
    }
    else
    {
        // "10D+2G+2U": terms in the order D, G, U, each at most once.
        int lastPart = -1;
        while (true)
        {
            if (pos >= special.size() || !std::isdigit(static_cast<unsigned char>(special[pos])))
            {
                throw std::invalid_argument("NR TDD special slot: expected a symbol count at " +
                                            Where(special, pos) + " (e.g. \"10D+2G+2U\")");
            }
            const uint32_t value = ReadNumber(special, pos, SYMBOLS, "symbol count");
            if (pos >= special.size())
            {
                throw std::invalid_argument("NR TDD special slot: count at end of \"" + special +
                                            "\" has no letter D, G or U");
            }
            const char kind =
                static_cast<char>(std::toupper(static_cast<unsigned char>(special[pos])));
            const int part = kind == 'D' ? 0 : (kind == 'G' ? 1 : (kind == 'U' ? 2 : -1));
            if (part < 0)
            {
                throw std::invalid_argument("NR TDD special slot: unexpected '" +
                                            std::string(1, special[pos]) + "' at " +
                                            Where(special, pos) + "; expected D, G or U");
            }
            if (part <= lastPart)
            {
                throw std::invalid_argument(
                    "NR TDD special slot: '" + std::string(1, special[pos]) + "' at " +
                    Where(special, pos) +
                    " is out of order; an S slot is downlink, then guard, then uplink (TS 38.213 "
                    "clause 11.1), written D, G, U each at most once");
            }
            parts[part] = value;
            lastPart = part;
            ++pos;
            if (pos == special.size())
            {
                break;
            }
            if (special[pos] != '+')
            {
                throw std::invalid_argument("NR TDD special slot: unexpected '" +
                                            std::string(1, special[pos]) + "' at " +
                                            Where(special, pos) + "; expected '+'");
            }
            ++pos;
        }
    }
    const uint32_t total = parts[0] + parts[1] + parts[2];
    if (total != SYMBOLS)
    {
        throw std::invalid_argument("NR TDD special slot \"" + special + "\" has " +
                                    std::to_string(total) +
                                    " symbols; a slot has 14 (normal cyclic prefix)");
    }
    m_specialDl = parts[0];
    m_specialGuard = parts[1];
    m_specialUl = parts[2];
}

bool
NrTddPattern::IsFdd() const
{
    return m_fdd;
}

uint32_t
NrTddPattern::GetPeriodSlots() const
{
    return m_fdd ? 1 : static_cast<uint32_t>(m_slots.size());
}

Time
NrTddPattern::GetPeriod(const NrNumerology& numerology) const
{
    return numerology.GetSlotDuration() * static_cast<int64_t>(GetPeriodSlots());
}

char
NrTddPattern::GetSlotType(uint64_t slot) const
{
    return m_fdd ? 'F' : m_slots[slot % m_slots.size()];
}

uint32_t
NrTddPattern::GetDlSymbols(uint64_t slot) const
{
    switch (GetSlotType(slot))
    {
    case 'F':
    case 'D':
        return SYMBOLS;
    case 'S':
        return m_specialDl;
    default:
        return 0;
    }
}

uint32_t
NrTddPattern::GetUlSymbols(uint64_t slot) const
{
    switch (GetSlotType(slot))
    {
    case 'F':
    case 'U':
        return SYMBOLS;
    case 'S':
        return m_specialUl;
    default:
        return 0;
    }
}

double
NrTddPattern::GetDlFraction() const
{
    uint64_t symbols = 0;
    for (uint32_t slot = 0; slot < GetPeriodSlots(); ++slot)
    {
        symbols += GetDlSymbols(slot);
    }
    return static_cast<double>(symbols) / (SYMBOLS * GetPeriodSlots());
}

double
NrTddPattern::GetUlFraction() const
{
    uint64_t symbols = 0;
    for (uint32_t slot = 0; slot < GetPeriodSlots(); ++slot)
    {
        symbols += GetUlSymbols(slot);
    }
    return static_cast<double>(symbols) / (SYMBOLS * GetPeriodSlots());
}

uint64_t
NrTddPattern::NextSlot(uint64_t slot, uint32_t symbols, bool downlink) const
{
    const char* direction = downlink ? "downlink" : "uplink";
    if (symbols > SYMBOLS)
    {
        throw std::invalid_argument("NR TDD: a slot has at most 14 " + std::string(direction) +
                                    " symbols, not " + std::to_string(symbols));
    }
    // Every slot kind recurs within one period, so looking one period ahead is enough.
    for (uint64_t candidate = slot; candidate < slot + GetPeriodSlots(); ++candidate)
    {
        const uint32_t available = downlink ? GetDlSymbols(candidate) : GetUlSymbols(candidate);
        if (available >= symbols)
        {
            return candidate;
        }
    }
    throw std::invalid_argument("NR TDD pattern " + ToString() + " has no slot with " +
                                std::to_string(symbols) + " " + direction + " symbols");
}

uint64_t
NrTddPattern::NextDlSlot(uint64_t slot, uint32_t symbols) const
{
    return NextSlot(slot, symbols, true);
}

uint64_t
NrTddPattern::NextUlSlot(uint64_t slot, uint32_t symbols) const
{
    return NextSlot(slot, symbols, false);
}

uint32_t
NrTddPattern::GetSpecialDlSymbols() const
{
    return m_specialDl;
}

uint32_t
NrTddPattern::GetSpecialGuardSymbols() const
{
    return m_specialGuard;
}

uint32_t
NrTddPattern::GetSpecialUlSymbols() const
{
    return m_specialUl;
}

std::string
NrTddPattern::ToString() const
{
    if (m_fdd)
    {
        return "FDD";
    }
    if (m_slots.find('S') == std::string::npos)
    {
        return m_slots;
    }
    std::string split;
    const uint32_t parts[3] = {m_specialDl, m_specialGuard, m_specialUl};
    const char letters[3] = {'D', 'G', 'U'};
    for (int i = 0; i < 3; ++i)
    {
        if (parts[i] > 0)
        {
            split += (split.empty() ? "" : "+") + std::to_string(parts[i]) + letters[i];
        }
    }
    return m_slots + " S=" + split;
}

} // namespace blueprint
} // namespace ns3
