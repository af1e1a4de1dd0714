/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-quantity.h"

#include "helper/scenario/units.h"

#include <cmath>
#include <cstdlib>

namespace ns3
{
namespace blueprint
{

std::optional<SweepQuantity>
ParseSweepQuantity(const std::string& text)
{
    std::size_t first = text.find_first_not_of(" \t");
    std::size_t last = text.find_last_not_of(" \t");
    if (first == std::string::npos)
    {
        return std::nullopt;
    }
    const std::string t = text.substr(first, last - first + 1);
    char* end = nullptr;
    double number = std::strtod(t.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(number))
    {
        return SweepQuantity{"number", "", number};
    }
    if (t.back() == '%')
    {
        try
        {
            return SweepQuantity{"ratio", "", units::ParseRatio(t)};
        }
        catch (const UnitError&)
        {
            return std::nullopt;
        }
    }

    struct Parser
    {
        const char* kind;
        const char* unit;
        double (*parse)(const std::string&);
    };

    static const Parser parsers[] = {{"duration", "s", &units::ParseDuration},
                                     {"data rate", "bit/s", &units::ParseDataRate},
                                     {"data size", "B", &units::ParseDataSize},
                                     {"length", "m", &units::ParseLength},
                                     {"power", "W", &units::ParsePower},
                                     {"frequency", "Hz", &units::ParseFrequency}};
    for (const auto& p : parsers)
    {
        try
        {
            return SweepQuantity{p.kind, p.unit, p.parse(t)};
        }
        catch (const UnitError&)
        {
        }
    }
    return std::nullopt;
}

} // namespace blueprint
} // namespace ns3
