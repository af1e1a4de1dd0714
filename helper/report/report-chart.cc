/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/report/report-chart.h"

#include "helper/report/gnuplot.h"
#include "helper/results/result-writer.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Seconds in a year of 365 days (8,760 h), the year energy is annualised over.
constexpr double kSecondsPerYear = 365 * 86400.0;

/// Colours of the parts a bar is stacked from (distinct from each other, muted so that the
/// configurations' own colours stay the loud ones).
std::string
PartColour(std::size_t index)
{
    static const char* const palette[] = {"#4E79A7",
                                          "#F28E2B",
                                          "#59A14F",
                                          "#E15759",
                                          "#76B7B2",
                                          "#EDC948",
                                          "#B07AA1",
                                          "#FF9DA7",
                                          "#9C755F",
                                          "#BAB0AC"};
    return palette[index % (sizeof(palette) / sizeof(palette[0]))];
}

} // namespace

std::string
StackedBarCommands(const std::vector<std::string>& categories,
                   const StackedBars& bars,
                   const DisplayUnit& unit,
                   double atLeast)
{
    std::ostringstream gp;
    std::vector<std::string> lines;
    std::string head = DataString("configuration");
    for (const auto& p : bars.parts)
    {
        head += " " + DataString(p);
    }
    lines.push_back(head);
    for (std::size_t ci = 0; ci < categories.size(); ++ci)
    {
        std::string line = DataString(categories[ci]);
        for (const auto& p : bars.parts)
        {
            auto it = bars.values[ci].find(p);
            line += " " + PlotNumber(it == bars.values[ci].end() ? 0 : unit.Of(it->second));
        }
        lines.push_back(line);
    }
    gp << Datablock("bars", lines);
    double top = unit.Of(atLeast);
    for (std::size_t ci = 0; ci < bars.totals.size(); ++ci)
    {
        top = std::max(top, unit.Of(bars.totals[ci]));
        const std::string mark = ci < bars.marks.size() ? bars.marks[ci] : "";
        gp << "set label " << GnuplotString(mark + PlannerNumber(unit.Of(bars.totals[ci]), 4))
           << " at " << ci << ", " << PlotNumber(unit.Of(bars.totals[ci]))
           << " center offset 0,0.8 front\n";
    }
    bool longNames = categories.size() > 5;
    for (const auto& c : categories)
    {
        longNames = longNames || c.size() > 14;
    }
    gp << "set style data histograms\nset style histogram rowstacked\n"
          "set style fill solid 0.9 border rgb '#ffffff'\nset boxwidth 0.6\n"
          "set key outside right top vertical\nset grid ytics\n"
          "set yrange [0:"
       << PlotNumber(top > 0 ? top * 1.15 : 1) << "]\n"
       << (longNames ? "set xtics rotate by 30 right nomirror\n" : "set xtics nomirror\n");
    gp << "plot ";
    for (std::size_t k = 0; k < bars.parts.size(); ++k)
    {
        gp << (k ? ", \\\n     " : "") << "$bars using " << k + 2 << (k ? "" : ":xtic(1)")
           << " title columnheader linecolor rgb '" << PartColour(k) << "'";
    }
    gp << "\n";
    return gp.str();
}

void
StackedBars::OrderParts()
{
    std::map<std::string, double> weight;
    for (const auto& v : values)
    {
        for (const auto& [part, value] : v)
        {
            weight[part] = std::max(weight[part], std::abs(value));
            if (std::find(parts.begin(), parts.end(), part) == parts.end())
            {
                parts.push_back(part);
            }
        }
    }
    std::stable_sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
        return weight[a] > weight[b];
    });
    if (parts.empty())
    {
        parts.push_back("total");
        for (std::size_t ci = 0; ci < values.size(); ++ci)
        {
            values[ci]["total"] = totals[ci];
        }
    }
}

EnergyBasis
EnergyBasis::Of(const CompareFolder& folder)
{
    bool horizon = true;
    bool metered = true;
    for (const auto& c : folder.configurations)
    {
        for (const auto& r : c.runs)
        {
            horizon = horizon && r.horizonSeconds.has_value();
            metered = metered && r.meteredSeconds.has_value() && *r.meteredSeconds > 0;
        }
    }
    EnergyBasis b;
    b.kind = horizon ? Kind::Horizon : metered ? Kind::PerYear : Kind::Simulated;
    return b;
}

double
EnergyBasis::Shown(const ReportRun& run, double joules) const
{
    return kind == Kind::PerYear ? joules * kSecondsPerYear / *run.meteredSeconds : joules;
}

std::string
EnergyBasis::Words() const
{
    return kind == Kind::PerYear   ? "per year"
           : kind == Kind::Horizon ? "over the timeline"
                                   : "over the simulated time";
}

std::string
KeyBoxes(const std::vector<std::pair<std::string, std::string>>& entries)
{
    std::string out;
    for (const auto& [fill, title] : entries)
    {
        out += ", \\\n     NaN with boxes fillstyle solid linecolor rgb '#" + fill.substr(2) +
               "' title " + GnuplotString(title);
    }
    return out;
}

std::string
Datablock(const std::string& name, const std::vector<std::string>& lines)
{
    std::string out = "$" + name + " << EOD\n";
    for (const auto& line : lines)
    {
        out += line + "\n";
    }
    return out + "EOD\n";
}

std::string
DataString(const std::string& s)
{
    std::string out = "\"";
    for (char c : s)
    {
        out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    }
    return out + "\"";
}

std::string
PlotNumber(double v)
{
    return nlohmann::json(v).dump();
}

std::map<std::string, std::string>
DrawCharts(const std::vector<ReportChart>& charts, const std::string& workDir)
{
    std::ostringstream script;
    script << "# Written by blueprint report: every chart of the report, one PNG each.\n";
    for (const ReportChart& c : charts)
    {
        script << "\nreset\n"
               << GnuplotTerminal(kChartWidthPx, c.heightPx, kChartFontPoints) << "set output "
               << GnuplotString(workDir + "/" + c.id + ".png") << "\n"
               << c.commands << "unset output\n";
    }
    const std::string scriptPath = workDir + "/report.gp";
    WriteFilesAtomically({{scriptPath, script.str()}});
    if (auto problem = RunGnuplot(scriptPath))
    {
        throw std::runtime_error(*problem);
    }
    std::map<std::string, std::string> images;
    for (const ReportChart& c : charts)
    {
        const std::string path = workDir + "/" + c.id + ".png";
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in || bytes.str().empty())
        {
            throw std::runtime_error("gnuplot drew no image for the chart '" + c.title + "' (" +
                                     path + ")");
        }
        images[c.id] = bytes.str();
    }
    return images;
}

} // namespace blueprint
} // namespace ns3
