/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The report's energy and cost charts: bars per configuration stacked by technology, and cost
 * against the worst p99 latency with the Pareto set.
 */

#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"
#include "helper/report/report-chart.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/// The configurations' names, in order.
std::vector<std::string>
Names(const CompareFolder& folder)
{
    std::vector<std::string> names;
    for (const auto& c : folder.configurations)
    {
        names.push_back(c.name);
    }
    return names;
}

/**
 * A bar per configuration of the mean over its seeds of a run's figure by technology (`parts`)
 * and in total, each value passed through `shown` (the energy basis, or as it is).
 */
template <typename Shown>
StackedBars
MeanBars(const CompareFolder& folder,
         Shown shown,
         std::map<std::string, double> ReportRun::*parts,
         double ReportRun::*total)
{
    StackedBars bars;
    for (const auto& c : folder.configurations)
    {
        std::map<std::string, double> mean;
        double sum = 0;
        for (const auto& r : c.runs)
        {
            for (const auto& [technology, value] : r.*parts)
            {
                mean[technology] += shown(r, value) / c.runs.size();
            }
            sum += shown(r, r.*total) / c.runs.size();
        }
        bars.values.push_back(mean);
        bars.totals.push_back(sum);
    }
    return bars;
}

ReportChart
EnergyChart(const CompareFolder& folder)
{
    const EnergyBasis basis = EnergyBasis::Of(folder);
    StackedBars bars = MeanBars(
        folder,
        [&](const ReportRun& r, double joules) { return basis.Shown(r, joules); },
        &ReportRun::energyByTechnology,
        &ReportRun::energyJoules);
    bars.OrderParts();
    const double largest = *std::max_element(bars.totals.begin(), bars.totals.end());
    DisplayUnit unit = ChooseDisplayUnit("energy", largest);
    std::string caption;
    switch (basis.kind)
    {
    case EnergyBasis::Kind::Horizon:
        caption = "Energy over the whole timeline of each configuration (its windows and the "
                  "idle gaps between them, doc/phases.rst), stacked by technology.";
        break;
    case EnergyBasis::Kind::PerYear:
        unit.unit += " per year";
        caption = "Energy a year at the simulated load: the mean power over the simulated time "
                  "(traffic and drain) times 8,760 h, stacked by technology. It is the energy of "
                  "the equipment the scenario meters; end devices owned by their users are not "
                  "counted.";
        break;
    case EnergyBasis::Kind::Simulated:
        caption = "Energy over the simulated time, stacked by technology (these results do not "
                  "say how long the meter ran, so the report cannot annualise them).";
        break;
    }
    if (folder.seeded)
    {
        caption += " Means over the seeds.";
    }
    std::string words = basis.Words();
    if (basis.kind == EnergyBasis::Kind::Horizon)
    {
        // Every configuration's timeline is as long, unless an alternative changed it.
        std::set<double> horizons;
        for (const auto& c : folder.configurations)
        {
            horizons.insert(*c.runs.front().horizonSeconds);
        }
        if (horizons.size() == 1)
        {
            const DisplayUnit d = ChooseDisplayUnit("duration", *horizons.begin());
            words = "over the timeline of " + PlannerNumber(d.Of(*horizons.begin()), 3, true) +
                    " " + d.unit;
        }
    }
    ReportChart chart;
    chart.id = "energy";
    chart.section = "energy-cost";
    chart.title = "Energy " + words;
    chart.caption = caption;
    std::ostringstream gp;
    gp << "set title " << GnuplotString("Energy " + words + ", by technology") << "\n"
       << "set ylabel " << GnuplotString("energy (" + unit.unit + ")") << "\n"
       << StackedBarCommands(Names(folder), bars, unit);
    chart.commands = gp.str();
    return chart;
}

ReportChart
CostChart(const CompareFolder& folder)
{
    StackedBars bars = MeanBars(
        folder,
        [](const ReportRun&, double cost) { return cost; },
        &ReportRun::annualisedByTechnology,
        &ReportRun::annualisedCost);
    bars.OrderParts();
    const double largest = *std::max_element(bars.totals.begin(), bars.totals.end());
    const DisplayUnit unit = ChooseDisplayUnit("money", largest, folder.Currency());
    std::ostringstream gp;
    gp << "set title 'Annualised cost, by technology'\n"
       << "set ylabel " << GnuplotString("annualised cost (" + unit.unit + " per year)") << "\n";
    for (const auto& c : folder.configurations)
    {
        bars.marks.push_back(folder.recommendation.cheapest == c.name ? "\u2605 "
                             : c.meetsEveryRequirement                ? "\u2713 "
                                                                      : "");
    }
    gp << StackedBarCommands(Names(folder), bars, unit);
    ReportChart chart;
    chart.id = "cost";
    chart.section = "energy-cost";
    chart.title = "Annualised cost";
    chart.caption = "The investment annuity (capex over each item's life at the scenario's "
                    "discount rate) plus the running cost per year, stacked by technology "
                    "(doc/energy-cost.rst). \u2713: meets every requirement; \u2605: the "
                    "recommendation, the cheapest that does." +
                    std::string(folder.seeded ? " Means over the seeds." : "");
    chart.commands = gp.str();
    return chart;
}

ReportChart
ParetoChart(const CompareFolder& folder)
{
    double lowMs = INFINITY;
    double highMs = 0;
    double top = 0;
    std::vector<std::string> silent;
    std::vector<std::size_t> drawn;
    for (std::size_t ci = 0; ci < folder.configurations.size(); ++ci)
    {
        const ReportConfiguration& c = folder.configurations[ci];
        if (!c.worstP99Ms || *c.worstP99Ms <= 0)
        {
            silent.push_back(c.name);
            continue;
        }
        drawn.push_back(ci);
        lowMs = std::min(lowMs, *c.worstP99Ms);
        highMs = std::max(highMs, *c.worstP99Ms);
        top = std::max(top, c.annualisedCost);
    }
    const DisplayUnit unit = ChooseDisplayUnit("money", top, folder.Currency());
    const bool logX = !drawn.empty() && highMs / lowMs > 30;
    const double xLow = logX ? lowMs / 1.6 : 0;
    const double xHigh = logX ? highMs * 1.6 : (highMs > 0 ? highMs * 1.25 : 1);
    const double yHigh = top > 0 ? unit.Of(top) * 1.2 : 1;
    // Where a point sits in the frame, 0 to 1 on each axis, to find the labels that would
    // overlap: configurations at (nearly) one place share one label.
    auto place = [&](const ReportConfiguration& c) {
        const double u = logX ? std::log(*c.worstP99Ms / xLow) / std::log(xHigh / xLow)
                              : (*c.worstP99Ms - xLow) / (xHigh - xLow);
        return std::make_pair(u, unit.Of(c.annualisedCost) / yHigh);
    };
    std::vector<std::vector<std::size_t>> clusters;
    for (std::size_t ci : drawn)
    {
        // Named copies, not a structured binding: C++17 lambdas cannot capture bindings.
        const std::pair<double, double> at = place(folder.configurations[ci]);
        const double u = at.first;
        const double v = at.second;
        auto near = std::find_if(clusters.begin(), clusters.end(), [&](const auto& cluster) {
            const auto [cu, cv] = place(folder.configurations[cluster.front()]);
            return std::abs(cu - u) < 0.03 && std::abs(cv - v) < 0.04;
        });
        if (near == clusters.end())
        {
            clusters.push_back({ci});
        }
        else
        {
            near->push_back(ci);
        }
    }
    // Points are numbered, the key names them: numbers stay legible where names would run into
    // each other, and configurations at one place share a label ("1, 3, 4").
    std::ostringstream gp;
    for (const auto& cluster : clusters)
    {
        std::string numbers;
        for (std::size_t ci : cluster)
        {
            numbers += (numbers.empty() ? "" : ", ") + std::to_string(ci + 1);
        }
        const ReportConfiguration& first = folder.configurations[cluster.front()];
        gp << "set label " << GnuplotString(numbers) << " at " << PlotNumber(*first.worstP99Ms)
           << ", " << PlotNumber(unit.Of(first.annualisedCost))
           << (place(first).first > 0.8 ? " right offset -1.5,0" : " left offset 1.5,0")
           << " front\n";
    }
    std::vector<std::pair<double, double>> frontPoints;
    for (std::size_t ci : drawn)
    {
        const ReportConfiguration& c = folder.configurations[ci];
        gp << Datablock("p" + std::to_string(ci),
                        {PlotNumber(*c.worstP99Ms) + " " + PlotNumber(unit.Of(c.annualisedCost))});
        if (std::find(folder.recommendation.pareto.begin(),
                      folder.recommendation.pareto.end(),
                      c.name) != folder.recommendation.pareto.end())
        {
            frontPoints.emplace_back(*c.worstP99Ms, unit.Of(c.annualisedCost));
        }
    }
    std::sort(frontPoints.begin(), frontPoints.end());
    std::vector<std::string> front;
    for (const auto& [x, y] : frontPoints)
    {
        front.push_back(PlotNumber(x) + " " + PlotNumber(y));
    }
    gp << Datablock("front", front.empty() ? std::vector<std::string>{"NaN NaN"} : front)
       << "set title 'Annualised cost against the worst p99 latency'\n"
       << "set xlabel "
       << GnuplotString(std::string("worst p99 latency of a flow with a deadline (ms") +
                        (logX ? ", log scale)" : ")"))
       << "\n"
       << "set ylabel " << GnuplotString("annualised cost (" + unit.unit + " per year)") << "\n"
       << "set grid\nset key below horizontal maxcols 3 left title ' '\nset format x '%g'\n"
       << "set yrange [0:" << PlotNumber(yHigh) << "]\n"
       << (logX ? "set logscale x\n" : "") << "set xrange [" << PlotNumber(xLow) << ":"
       << PlotNumber(xHigh) << "]\n"
       << "plot $front using 1:2 with lines linewidth 3 dashtype 2 linecolor rgb '#006400' "
          "title 'Pareto set'";
    for (std::size_t ci : drawn)
    {
        const ReportConfiguration& c = folder.configurations[ci];
        gp << ", \\\n     $p" << ci << " using 1:2 with points pointtype "
           << (c.meetsEveryRequirement ? 7 : 6) << " pointsize 2.5 linewidth 2 linecolor rgb '"
           << ConfigurationColour(ci) << "' title "
           << GnuplotString(std::to_string(ci + 1) + " " + c.name +
                            (c.meetsEveryRequirement   ? ""
                             : c.dropsFromBase.empty() ? " (fails)"
                                                       : " (drops part of the base)"));
    }
    gp << "\n";
    ReportChart chart;
    chart.id = "pareto";
    chart.section = "pareto";
    chart.title = "Cost against latency";
    chart.caption =
        "Each configuration's annualised cost against the worst p99 latency of its flows with a "
        "latency or round-trip requirement (of every flow when none has one; one-way, or the "
        "round trip for request-response flows)" +
        std::string(folder.seeded ? ", means over the seeds" : "") +
        ". Points are numbered as in the key; filled: meets every requirement, open: fails one; "
        "configurations at nearly the same place share a label. The dashed line joins the Pareto "
        "set: the qualifying "
        "configurations that no other beats in cost, energy and latency at once, latency being "
        "each flow's p99 as a share of its own deadline, so a member may look beaten here by one "
        "that uses more energy or whose worst flow has less room to its deadline. Requirements "
        "are per flow, so their "
        "lines are in the latency charts." +
        (silent.empty() ? std::string() : " Not drawn (no flow delivered a packet): " + [&] {
            std::string s;
            for (const auto& n : silent)
            {
                s += (s.empty() ? "" : ", ") + n;
            }
            return s + ".";
        }());
    chart.heightPx = static_cast<unsigned>(640 + 28 * ((drawn.size() + 2) / 3));
    chart.commands = gp.str();
    return chart;
}

} // namespace

std::vector<ReportChart>
EnergyCostCharts(const CompareFolder& folder)
{
    return {EnergyChart(folder), CostChart(folder), ParetoChart(folder)};
}

} // namespace blueprint
} // namespace ns3
