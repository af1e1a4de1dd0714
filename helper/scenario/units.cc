/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/units.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <system_error>
#include <vector>

namespace ns3
{
namespace blueprint
{

namespace units
{
namespace
{

/// The kinds of quantity a scenario can contain.
enum class Quantity
{
    Duration,
    DataRate,
    DataSize,
    Length,
    Ratio,
    Power,
    Frequency,
    Money,
    Speed,
    Energy,
    Volume,
    VolumeFlow
};

/**
 * A unit symbol and how to convert a value in it to the base unit of its quantity. Decimal prefixes
 * are applied by shifting the decimal exponent of the number as written, before it is converted to
 * binary, so "99.999%" becomes the double nearest to 0.99999 and "10ms" the one nearest to 0.01
 * (multiplying by 0.01 or 0.001 afterwards would round twice). Other factors (60 s, 8 bit, 1024 B)
 * are integers, exact in a double, applied with one multiplication or division.
 */
struct Unit
{
    const char* symbol;  //!< As the user writes it, case-sensitive.
    int decimalExponent; //!< Power of ten of the prefix: -3 for milli, 6 for mega.
    double factor;       //!< Remaining integer factor, 1 when the prefix says it all.
    bool divide;         //!< True: divide by factor (bits to bytes); false: multiply.
};

/// Everything the parser needs to know about one kind of quantity, including how to talk about it.
struct QuantityKind
{
    Quantity quantity;        //!< Which kind this is.
    const char* noun;         //!< "duration", as in "unknown duration unit".
    const char* withArticle;  //!< "a duration", as in "which is a duration".
    const char* example;      //!< "10ms or 2s", as in "expected a duration such as 10ms or 2s".
    const char* firstHint;    //!< Unit proposed first for a bare number.
    const char* secondHint;   //!< Unit proposed second for a bare number.
    std::vector<Unit> units;  //!< Accepted units.
    double largest;           //!< Largest value accepted, in the base unit.
    const char* largestText;  //!< largest as people read it, for messages.
    double smallest;          //!< Smallest non-zero value accepted (0: any), in the base unit.
    const char* smallestText; //!< smallest as people read it, and why, for messages.
    const char* limitReason;  //!< Why the limits are what they are, for messages.
};

// Prefix factors are the SI prefixes of the SI Brochure (BIPM, 9th edition 2019, Table 7) and the
// binary prefixes of IEC 80000-13:2008 clause 4; 1 byte = 8 bit (IEC 80000-13:2008, item 13-9.c).
// min, h and d are the non-SI units accepted for use with the SI (SI Brochure, Table 8).
const std::vector<QuantityKind>&
Kinds()
{
    static const std::vector<QuantityKind> kinds = {
        {Quantity::Duration,
         "duration",
         "a duration",
         "10ms or 2s",
         "ms",
         "s",
         {{"ns", -9, 1, false},
          {"us", -6, 1, false},
          {"\xC2\xB5s", -6, 1, false}, // U+00B5 MICRO SIGN
          {"\xCE\xBCs", -6, 1, false}, // U+03BC GREEK SMALL LETTER MU, which editors often insert
          {"ms", -3, 1, false},
          {"s", 0, 1, false},
          {"min", 0, 60, false},
          {"h", 0, 3600, false},
          {"d", 0, 86400, false}},
         kMaxSeconds,
         "1e9s, about 31 years",
         kMinSeconds,
         "1ns: ns-3 counts time in whole nanoseconds",
         "ns-3 counts time in 64-bit nanoseconds, about 292 years, and a run adds times up"},
        {Quantity::DataRate,
         "data rate",
         "a data rate",
         "100Mbps or 1Gbps",
         "Mbps",
         "Gbps",
         {{"bps", 0, 1, false},
          {"kbps", 3, 1, false},
          {"Mbps", 6, 1, false},
          {"Gbps", 9, 1, false},
          {"Tbps", 12, 1, false},
          {"bit/s", 0, 1, false},
          {"kbit/s", 3, 1, false},
          {"Mbit/s", 6, 1, false},
          {"Gbit/s", 9, 1, false},
          {"Tbit/s", 12, 1, false},
          {"B/s", 0, 8, false},
          {"kB/s", 3, 8, false},
          {"MB/s", 6, 8, false},
          {"GB/s", 9, 8, false},
          {"TB/s", 12, 8, false}},
         kMaxBitsPerSecond,
         "1000Tbps",
         kMinBitsPerSecond,
         "1bps: ns-3 counts whole bits per second",
         "no link carries more"},
        {Quantity::DataSize,
         "data size",
         "a data size",
         "1500B or 64kB",
         "B",
         "kB",
         {{"B", 0, 1, false},
          {"kB", 3, 1, false},
          {"MB", 6, 1, false},
          {"GB", 9, 1, false},
          {"TB", 12, 1, false},
          {"KiB", 0, 1024.0, false},
          {"MiB", 0, 1048576.0, false},
          {"GiB", 0, 1073741824.0, false},
          {"TiB", 0, 1099511627776.0, false},
          {"bit", 0, 8, true},
          {"kbit", 3, 8, true},
          {"Mbit", 6, 8, true},
          {"Gbit", 9, 8, true}},
         kMaxBytes,
         "1000TB",
         0,
         "",
         "sizes are counted in 64 bits"},
        {Quantity::Length,
         "length",
         "a length",
         "500m or 12km",
         "m",
         "km",
         {{"mm", -3, 1, false}, {"cm", -2, 1, false}, {"m", 0, 1, false}, {"km", 3, 1, false}},
         kMaxMetres,
         "1,000,000km",
         0,
         "",
         "lengths become propagation delays and travel times, which must fit ns-3's clock"},
        {Quantity::Ratio,
         "ratio",
         "a ratio",
         "20% or 0.2",
         "%",
         "%",
         {{"%", -2, 1, false}},
         1,
         "100%",
         0,
         "",
         "a ratio is a fraction"},
        {Quantity::Power,
         "power",
         "a power",
         "15W or 2kW",
         "W",
         "kW",
         {{"mW", -3, 1, false},
          {"W", 0, 1, false},
          {"kW", 3, 1, false},
          {"MW", 6, 1, false},
          {"GW", 9, 1, false}},
         kMaxWatts,
         "1000GW",
         0,
         "",
         "a larger figure is a typo"},
        {Quantity::Frequency,
         "frequency",
         "a frequency",
         "3.5GHz or 700MHz",
         "MHz",
         "GHz",
         {{"Hz", 0, 1, false},
          {"kHz", 3, 1, false},
          {"MHz", 6, 1, false},
          {"GHz", 9, 1, false},
          {"THz", 12, 1, false}},
         kMaxHertz,
         "1000THz",
         0,
         "",
         "a larger figure is a typo"},
        // km/h: 10^3 m per 3600 s (SI Brochure Table 8: h is accepted for use with the SI).
        {Quantity::Speed,
         "speed",
         "a speed",
         "60km/h or 15m/s",
         "km/h",
         "m/s",
         {{"m/s", 0, 1, false}, {"km/h", 3, 3600, true}},
         kMaxMetresPerSecond,
         "299,792,458m/s, the speed of light",
         0,
         "",
         "nothing moves faster"},
        {Quantity::Money,
         "money",
         "an amount of money",
         "1200000 or 1.2M",
         "k",
         "M",
         {{"k", 3, 1, false}, {"M", 6, 1, false}},
         kMaxMoney,
         "1e15",
         0,
         "",
         "a larger figure is a typo"},
        // Wh: 1 W for 3600 s (SI Brochure Table 8: h is accepted for use with the SI); the litre
        // (L or l) is 10^-3 m3 (SI Brochure Table 8).
        {Quantity::Energy,
         "energy",
         "an energy",
         "4.8kWh or 500Wh",
         "Wh",
         "kWh",
         {{"J", 0, 1, false},
          {"kJ", 3, 1, false},
          {"MJ", 6, 1, false},
          {"GJ", 9, 1, false},
          {"Wh", 0, 3600, false},
          {"kWh", 3, 3600, false},
          {"MWh", 6, 3600, false},
          {"GWh", 9, 3600, false}},
         kMaxJoules,
         "1TWh",
         0,
         "",
         "a larger figure is a typo"},
        {Quantity::Volume,
         "volume",
         "a volume",
         "200L or 1.5kL",
         "L",
         "kL",
         {{"mL", -3, 1, false},
          {"L", 0, 1, false},
          {"l", 0, 1, false},
          {"kL", 3, 1, false},
          {"m3", 3, 1, false}},
         kMaxLitres,
         "1e9L",
         0,
         "",
         "a larger figure is a typo"},
        {Quantity::VolumeFlow,
         "volume flow",
         "a volume flow",
         "2.5L/h or 40mL/s",
         "L/h",
         "L/min",
         {{"mL/s", -3, 1, false},
          {"L/s", 0, 1, false},
          {"l/s", 0, 1, false},
          {"L/min", 0, 60, true},
          {"l/min", 0, 60, true},
          {"L/h", 0, 3600, true},
          {"l/h", 0, 3600, true}},
         kMaxLitresPerSecond,
         "1e6L/s",
         0,
         "",
         "a larger figure is a typo"},
    };
    return kinds;
}

const QuantityKind&
KindOf(Quantity quantity)
{
    for (const auto& kind : Kinds())
    {
        if (kind.quantity == quantity)
        {
            return kind;
        }
    }
    throw std::logic_error("units: no table for a quantity kind");
}

std::string
Trim(const std::string& text)
{
    const char* blanks = " \t\r\n";
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string::npos)
    {
        return "";
    }
    const std::size_t last = text.find_last_not_of(blanks);
    return text.substr(first, last - first + 1);
}

std::string
ToLowerAscii(std::string text)
{
    for (auto& c : text)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

bool
IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// "nan", "inf", "infinity", and YAML's ".nan"/".inf", with or without sign, in any case.
bool
LooksNonFinite(const std::string& text)
{
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
    {
        ++i;
    }
    if (i < text.size() && text[i] == '.')
    {
        ++i;
    }
    const std::string rest = ToLowerAscii(text.substr(i, 3));
    return rest == "nan" || rest == "inf";
}

/// The number at the start of a text, as found by ScanNumber.
struct LeadingNumber
{
    bool found = false;      //!< Whether the text starts with a number at all.
    std::size_t length = 0;  //!< Characters taken by the number, sign included.
    std::string mantissa;    //!< Digits and decimal point, without sign, separators or exponent.
    long exponent = 0;       //!< The written decimal exponent (clamped to +-100000).
    bool negative = false;   //!< Whether a '-' sign was written.
    bool misgrouped = false; //!< Thousands separators not in groups of three.
};

/**
 * Reads [+-] digits [. digits] [(e|E) [+-] digits] from the start of text. With allowGrouping the
 * integer digits may be split by ',' into groups of three. An 'e' not followed by digits is left
 * for the unit, so no unit beginning with 'e' is swallowed.
 */
LeadingNumber
ScanNumber(const std::string& text, bool allowGrouping)
{
    LeadingNumber number;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
    {
        number.negative = (text[i] == '-');
        ++i;
    }
    std::string& plain = number.mantissa;
    std::size_t groupLength = 0;
    std::size_t groupCount = 1;
    bool grouped = false;
    std::size_t firstGroupLength = 0;
    while (i < text.size() && (IsDigit(text[i]) || (allowGrouping && text[i] == ',')))
    {
        if (text[i] == ',')
        {
            // Every group after a separator must have exactly three digits; the first one 1 to 3.
            if (groupCount == 1)
            {
                firstGroupLength = groupLength;
            }
            else if (groupLength != 3)
            {
                number.misgrouped = true;
            }
            grouped = true;
            ++groupCount;
            groupLength = 0;
        }
        else
        {
            plain += text[i];
            ++groupLength;
        }
        ++i;
    }
    if (grouped && (firstGroupLength < 1 || firstGroupLength > 3 || groupLength != 3))
    {
        number.misgrouped = true;
    }
    const std::size_t integerDigits = plain.size();
    std::size_t fractionDigits = 0;
    if (i < text.size() && text[i] == '.')
    {
        plain += '.';
        ++i;
        while (i < text.size() && IsDigit(text[i]))
        {
            plain += text[i];
            ++fractionDigits;
            ++i;
        }
    }
    if (integerDigits == 0 && fractionDigits == 0)
    {
        return number;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E'))
    {
        std::size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-'))
        {
            ++j;
        }
        if (j < text.size() && IsDigit(text[j]))
        {
            const bool negativeExponent = (text[j - 1] == '-');
            long exponent = 0;
            while (j < text.size() && IsDigit(text[j]))
            {
                // Clamping keeps the arithmetic safe; anything this large is out of range anyway.
                exponent = std::min(100000L, exponent * 10 + (text[j] - '0'));
                ++j;
            }
            number.exponent = negativeExponent ? -exponent : exponent;
            i = j;
        }
    }
    number.found = true;
    number.length = i;
    return number;
}

/**
 * Converts mantissa x 10^exponent to the nearest double.
 * \return false if the value does not fit a double (or underflows to zero from a non-zero value)
 */
bool
DecimalAsDouble(const std::string& mantissa, long exponent, double& value)
{
    const std::string decimal = mantissa + "e" + std::to_string(exponent);
    // from_chars is locale-independent, unlike strtod, so "1.5" means the same on every machine.
    const auto result = std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
    return result.ec == std::errc() && result.ptr == decimal.data() + decimal.size();
}

const Unit*
FindUnit(const QuantityKind& kind, const std::string& symbol)
{
    for (const auto& unit : kind.units)
    {
        if (symbol == unit.symbol)
        {
            return &unit;
        }
    }
    return nullptr;
}

std::string
JoinSymbols(const std::vector<std::string>& symbols, const std::string& separator)
{
    std::string joined;
    for (std::size_t i = 0; i < symbols.size(); ++i)
    {
        joined += (i > 0 ? separator : "") + symbols[i];
    }
    return joined;
}

std::string
ExpectedPhrase(const QuantityKind& kind)
{
    return std::string("expected ") + kind.withArticle + " such as " + kind.example;
}

/// The message for a unit that is not one of kind's units, saying as precisely as possible why.
std::string
DescribeBadUnit(const QuantityKind& kind, const std::string& symbol, const std::string& text)
{
    std::vector<std::string> accepted;
    std::vector<std::string> sameLetters;
    for (const auto& unit : kind.units)
    {
        accepted.emplace_back(unit.symbol);
        if (ToLowerAscii(unit.symbol) == ToLowerAscii(symbol))
        {
            sameLetters.emplace_back(unit.symbol);
        }
    }
    const std::string what = (kind.quantity == Quantity::Money)
                                 ? std::string("unknown suffix '")
                                 : std::string("unknown ") + kind.noun + " unit '";
    // 1. Right letters, wrong case: "mbps" for Mbps, "mw" for mW or MW.
    if (!sameLetters.empty())
    {
        return what + symbol + "' in '" + text + "'; units are case-sensitive: did you mean " +
               JoinSymbols(sameLetters, " or ") + "?";
    }
    // 2. A unit of another quantity: say which quantity it measures. Money's k/M suffixes are
    // plain multipliers and say nothing about the quantity, so they are not used here.
    for (const auto& other : Kinds())
    {
        if (other.quantity == kind.quantity || other.quantity == Quantity::Money)
        {
            continue;
        }
        if (FindUnit(other, symbol) != nullptr)
        {
            std::string message =
                ExpectedPhrase(kind) + ", got '" + text + "', which is " + other.withArticle;
            if (kind.quantity == Quantity::Duration && symbol == "m")
            {
                message += " (for minutes write min)";
            }
            return message;
        }
    }
    if (kind.quantity == Quantity::Money)
    {
        return what + symbol + "' in '" + text +
               "'; write amounts as plain numbers, optionally followed by k (thousand) or M "
               "(million), without a currency (the scenario names its currency once)";
    }
    // 3. Unknown: a near miss if there is one, and always the full list.
    std::string message = what + symbol + "' in '" + text + "'; ";
    const std::string suggestion = SuggestClosest(symbol, accepted);
    if (!suggestion.empty())
    {
        message += "did you mean " + suggestion + "? ";
    }
    return message + "accepted units: " + JoinSymbols(accepted, ", ");
}

double
Parse(Quantity quantity, const std::string& original)
{
    const QuantityKind& kind = KindOf(quantity);
    const std::string text = Trim(original);
    if (text.empty())
    {
        throw UnitError(ExpectedPhrase(kind) + ", got an empty value");
    }
    if (LooksNonFinite(text))
    {
        throw UnitError("'" + text + "' is not a finite number; " + ExpectedPhrase(kind));
    }
    const bool isMoney = (quantity == Quantity::Money);
    const LeadingNumber number = ScanNumber(text, isMoney);
    if (!number.found)
    {
        if (isMoney)
        {
            throw UnitError(ExpectedPhrase(kind) + ", got '" + text +
                            "'; write amounts without a currency symbol (the scenario names its "
                            "currency once)");
        }
        throw UnitError(ExpectedPhrase(kind) + ", got '" + text +
                        "', which does not start with a number");
    }
    if (number.misgrouped)
    {
        throw UnitError("'" + text +
                        "' has misplaced thousands separators; group digits by three, as in "
                        "1,200,000, and use '.' for decimals");
    }
    const std::string symbol = Trim(text.substr(number.length));
    const Unit* unit = nullptr;
    if (symbol.empty())
    {
        if (quantity != Quantity::Ratio && !isMoney)
        {
            const std::string written = text.substr(0, number.length);
            throw UnitError("'" + text + "' has no unit; write it as " + written + kind.firstHint +
                            " or " + written + kind.secondHint);
        }
    }
    else
    {
        unit = FindUnit(kind, symbol);
        if (unit == nullptr)
        {
            throw UnitError(DescribeBadUnit(kind, symbol, text));
        }
    }
    double value = 0;
    const long shift = (unit != nullptr) ? unit->decimalExponent : 0;
    if (!DecimalAsDouble(number.mantissa, number.exponent + shift, value))
    {
        throw UnitError("'" + text + "' is out of range");
    }
    if (unit != nullptr && unit->factor != 1)
    {
        value = unit->divide ? value / unit->factor : value * unit->factor;
    }
    if (!std::isfinite(value))
    {
        throw UnitError("'" + text + "' is out of range");
    }
    if (number.negative && value > 0)
    {
        throw UnitError(std::string(kind.noun) + " '" + text + "' must not be negative");
    }
    if (quantity == Quantity::Ratio && value > 1)
    {
        throw UnitError(unit != nullptr
                            ? "ratio '" + text + "' must be at most 100%"
                            : "ratio '" + text +
                                  "' must be at most 1 (write percentages with %, as in 20%)");
    }
    if (value > kind.largest)
    {
        throw UnitError(std::string(kind.noun) + " '" + text + "' is too large (at most " +
                        kind.largestText + ": " + kind.limitReason + ")");
    }
    if (value > 0 && value < kind.smallest)
    {
        throw UnitError(std::string(kind.noun) + " '" + text + "' is too small (0, or at least " +
                        kind.smallestText + ")");
    }
    // "-0ms" is zero, not negative; return +0 so that it prints as 0.
    return number.negative ? 0.0 : value;
}

} // namespace

double
ParseDuration(const std::string& text)
{
    return Parse(Quantity::Duration, text);
}

double
ParseDataRate(const std::string& text)
{
    return Parse(Quantity::DataRate, text);
}

double
ParseDataSize(const std::string& text)
{
    return Parse(Quantity::DataSize, text);
}

double
ParseLength(const std::string& text)
{
    return Parse(Quantity::Length, text);
}

double
ParseRatio(const std::string& text)
{
    return Parse(Quantity::Ratio, text);
}

double
ParsePower(const std::string& text)
{
    return Parse(Quantity::Power, text);
}

double
ParseFrequency(const std::string& text)
{
    return Parse(Quantity::Frequency, text);
}

double
ParseMoney(const std::string& text)
{
    return Parse(Quantity::Money, text);
}

double
ParseSpeed(const std::string& text)
{
    return Parse(Quantity::Speed, text);
}

double
ParseEnergy(const std::string& text)
{
    return Parse(Quantity::Energy, text);
}

double
ParseVolume(const std::string& text)
{
    return Parse(Quantity::Volume, text);
}

double
ParseVolumeFlow(const std::string& text)
{
    return Parse(Quantity::VolumeFlow, text);
}

} // namespace units
} // namespace blueprint
} // namespace ns3
