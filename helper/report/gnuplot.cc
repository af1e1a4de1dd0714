/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/report/gnuplot.h"

#include "helper/sweep/child-process.h"

#include <cstdio>

namespace ns3
{
namespace blueprint
{

std::string
GnuplotString(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
    {
        out += c == '\'' ? std::string("''") : std::string(1, c == '\n' ? ' ' : c);
    }
    return out + "'";
}

std::string
GnuplotTicLabel(const std::string& s)
{
    std::string doubled;
    for (char c : s)
    {
        doubled += c == '%' ? std::string("%%") : std::string(1, c);
    }
    return GnuplotString(doubled);
}

std::string
GnuplotTicLines(const std::vector<std::string>& lines)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < lines.size(); ++i)
    {
        out += i ? "\\n" : "";
        for (char c : lines[i])
        {
            out += c == '%'                ? std::string("%%")
                   : c == '"' || c == '\\' ? std::string("\\") + c
                   : c == '\n'             ? std::string(" ")
                                           : std::string(1, c);
        }
    }
    return out + "\"";
}

std::string
GnuplotTerminal(unsigned widthPx, unsigned heightPx, double fontPoints)
{
    char buffer[160];
    std::snprintf(buffer,
                  sizeof(buffer),
                  "set terminal pngcairo size %u,%u font 'DejaVu Sans,%g' noenhanced "
                  "background '#ffffff'\n",
                  widthPx,
                  heightPx,
                  fontPoints);
    return buffer;
}

std::string
ConfigurationColour(std::size_t index)
{
    // Okabe-Ito without its yellow, which vanishes on white, then darker shades of the same.
    static const char* const palette[] = {"#0072B2",
                                          "#D55E00",
                                          "#009E73",
                                          "#CC79A7",
                                          "#E69F00",
                                          "#56B4E9",
                                          "#000000",
                                          "#004466",
                                          "#883300",
                                          "#005A40",
                                          "#7A3D66",
                                          "#8A5E00"};
    return palette[index % (sizeof(palette) / sizeof(palette[0]))];
}

std::optional<std::string>
RunGnuplot(const std::string& scriptPath)
{
    if (!ProgramInPath("gnuplot"))
    {
        return std::string("gnuplot is not installed (Debian: apt-get install gnuplot-nox)");
    }
    CommandOutput out = RunCommand({"gnuplot", scriptPath});
    if (!out.Succeeded())
    {
        return "gnuplot failed (" + DescribeWaitStatus(out.waitStatus) + "): " + out.err;
    }
    return std::nullopt;
}

} // namespace blueprint
} // namespace ns3
