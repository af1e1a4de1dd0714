/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The report's growth chart: until which year each configuration meets every requirement as
 * demand grows (growth.json of `compare --years`).
 */

#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"
#include "helper/report/report-chart.h"

#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

std::string
Years(int from, int to)
{
    return from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to);
}

} // namespace

std::vector<ReportChart>
GrowthCharts(const CompareFolder& folder)
{
    if (!folder.growth || folder.growth->configurations.empty())
    {
        return {};
    }
    const GrowthStudy& g = *folder.growth;
    const std::size_t rows = g.configurations.size();
    std::vector<std::string> spans;
    std::vector<std::string> passed;
    std::vector<std::string> failed;
    std::ostringstream labels;
    std::ostringstream ytics;
    for (std::size_t i = 0; i < rows; ++i)
    {
        const GrowthConfiguration& c = g.configurations[i];
        // The first configuration on top, as in the tables.
        const double y = static_cast<double>(rows - 1 - i);
        const int failsFrom =
            c.failingAtStart ? g.fromYear : c.firstFailingYear.value_or(g.toYear + 1);
        // Year Y is the box [Y, Y + 1): a configuration holding through 2040 fills 2040's box.
        if (failsFrom > g.fromYear)
        {
            spans.push_back(std::to_string(g.fromYear) + " " + PlotNumber(y) + " " +
                            std::to_string(g.fromYear) + " " + std::to_string(failsFrom) + " " +
                            PlotNumber(y - 0.3) + " " + PlotNumber(y + 0.3) + " " + kPassFill);
        }
        if (failsFrom <= g.toYear)
        {
            spans.push_back(std::to_string(failsFrom) + " " + PlotNumber(y) + " " +
                            std::to_string(failsFrom) + " " + std::to_string(g.toYear + 1) + " " +
                            PlotNumber(y - 0.3) + " " + PlotNumber(y + 0.3) + " " + kFailFill);
        }
        for (const GrowthChartProbe& p : c.probes)
        {
            (p.pass ? passed : failed).push_back(PlotNumber(p.year + 0.5) + " " + PlotNumber(y));
        }
        const std::string verdict =
            c.failingAtStart     ? "fails in " + std::to_string(g.fromYear) + " already"
            : c.firstFailingYear ? "fails from " + std::to_string(*c.firstFailingYear)
                                 : "holds through " + std::to_string(g.toYear);
        labels << "set label " << GnuplotString(verdict) << " at " << g.toYear + 1 << ", "
               << PlotNumber(y) << " left offset 1,0\n";
        ytics << (i ? ", " : "") << GnuplotTicLabel(c.name) << " " << PlotNumber(y);
    }
    const std::string growth =
        g.model == "compound" && g.rate
            ? "compound growth of " + PlannerNumber(*g.rate * 100, 3, true) + " % a year"
            : "the study group's demand scenario (" + g.model + ")";
    std::ostringstream gp;
    gp << Datablock("spans", spans)
       << Datablock("passed", passed.empty() ? std::vector<std::string>{"NaN NaN"} : passed)
       << Datablock("failed", failed.empty() ? std::vector<std::string>{"NaN NaN"} : failed)
       << "set title " << GnuplotString("Until when each configuration holds: " + growth) << "\n"
       << "set xlabel 'year'\nset xrange [" << g.fromYear << ":"
       << g.toYear + 1 + (g.toYear - g.fromYear + 1) * 0.45
       << "]\nset yrange [-0.8:" << PlotNumber(rows - 0.2) << "]\n"
       << "set ytics (" << ytics.str() << ")\nset xtics " << g.fromYear << ", "
       << ((g.toYear - g.fromYear) > 12 ? 5 : 1) << ", " << g.toYear + 1
       << "\nset grid xtics\nset key below horizontal title ' '\nset style fill solid 1.0 "
          "noborder\n"
       << labels.str();
    // The base year is marked where it is inside the years studied (at their start, the axis
    // says it).
    if (g.baseYear > g.fromYear && g.baseYear <= g.toYear)
    {
        gp << "set arrow from " << g.baseYear << ", graph 0 to " << g.baseYear
           << ", graph 1 nohead dashtype 2 linewidth 2 linecolor rgb '#444444' front\n"
           << "set label " << GnuplotString("base year " + std::to_string(g.baseYear)) << " at "
           << g.baseYear << ", graph 1 left offset 0.5,-1 front\n";
    }
    gp << "plot $spans using 1:2:3:4:5:6:7 with boxxyerror linecolor rgb variable notitle"
       << KeyBoxes({{kPassFill, "meets every requirement"}, {kFailFill, "fails a requirement"}})
       << ", \\\n"
       << "     $passed using 1:2 with points pointtype 7 pointsize 1.8 linecolor rgb '#006400' "
          "title 'year simulated: passed', \\\n"
       << "     $failed using 1:2 with points pointtype 2 pointsize 2.2 linewidth 3 "
          "linecolor rgb '#B00000' title 'year simulated: failed'\n";
    ReportChart chart;
    chart.id = "growth";
    chart.section = "growth";
    chart.title = "Demand growth: until when each configuration holds";
    chart.caption =
        "Offered load grows by " + growth + " from the base year " + std::to_string(g.baseYear) +
        "; each configuration is judged on every requirement over " + Years(g.fromYear, g.toYear) +
        ". Green years meet every requirement, red years fail one. Marks are the years "
        "simulated: the first failing year is found by bisection, so the years between marks "
        "follow from them (a configuration that holds at a higher load holds at a lower one).";
    chart.heightPx = static_cast<unsigned>(220 + 70 * rows);
    chart.commands = gp.str();
    return {chart};
}

} // namespace blueprint
} // namespace ns3
