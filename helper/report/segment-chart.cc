/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The report's delay-segment charts: where each flow's mean delay goes, per configuration.
 */

#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"
#include "helper/report/report-chart.h"

#include <algorithm>
#include <sstream>

namespace ns3
{
namespace blueprint
{

std::vector<ReportChart>
SegmentCharts(const CompareFolder& folder)
{
    std::vector<std::string> flows;
    for (const auto& c : folder.configurations)
    {
        for (const auto& r : c.runs)
        {
            for (const auto& f : r.flows)
            {
                if (!f.segments.empty() &&
                    std::find(flows.begin(), flows.end(), f.name) == flows.end())
                {
                    flows.push_back(f.name);
                }
            }
        }
    }
    std::vector<ReportChart> charts;
    for (std::size_t fi = 0; fi < flows.size(); ++fi)
    {
        const std::string& name = flows[fi];
        StackedBars bars;
        std::vector<std::string> categories;
        std::vector<std::pair<double, std::string>> deadlines;
        bool roundTrips = false;
        for (const auto& c : folder.configurations)
        {
            std::map<std::string, double> mean;
            double total = 0;
            std::size_t runs = 0;
            for (const auto& r : c.runs)
            {
                auto f = std::find_if(r.flows.begin(), r.flows.end(), [&](const auto& x) {
                    return x.name == name;
                });
                if (f == r.flows.end() || f->segments.empty())
                {
                    continue;
                }
                ++runs;
                roundTrips = roundTrips || f->rtt.has_value();
                for (const auto& s : f->segments)
                {
                    mean[s.segment + " (" + s.kind + ")"] += s.meanMs;
                    total += s.meanMs;
                }
                for (const auto& q : f->requirements)
                {
                    const bool delay = q.metric == (f->rtt ? "rtt" : "latency");
                    if (delay && q.limit &&
                        std::none_of(deadlines.begin(), deadlines.end(), [&](const auto& d) {
                            return d.first == *q.limit;
                        }))
                    {
                        deadlines.emplace_back(*q.limit, q.target);
                    }
                }
            }
            if (runs == 0)
            {
                continue; // the flow has no segments (or does not run) in this configuration
            }
            for (auto& [segment, ms] : mean)
            {
                ms /= runs;
            }
            categories.push_back(c.name);
            bars.values.push_back(mean);
            bars.totals.push_back(total / runs);
        }
        bars.OrderParts();
        double top = *std::max_element(bars.totals.begin(), bars.totals.end());
        std::ostringstream gp;
        const std::string delay = roundTrips ? "round trip" : "one-way delay";
        gp << "set title " << GnuplotString(name + ": where the mean " + delay + " goes") << "\n"
           << "set ylabel " << GnuplotString("mean " + delay + " (ms)") << "\n";
        for (const auto& [limit, target] : deadlines)
        {
            top = std::max(top, limit);
            gp << "set arrow from graph 0, first " << PlotNumber(limit) << " to graph 1, first "
               << PlotNumber(limit)
               << " nohead dashtype 2 linewidth 3 linecolor rgb '#444444' front\n"
               << "set label " << GnuplotString("deadline of the requirement " + target)
               << " at graph 0.99, first " << PlotNumber(limit) << " right offset 0,0.7 front\n";
        }
        // The y range holds the deadline too.
        std::string commands = StackedBarCommands(categories, bars, DisplayUnit{"ms", 1, 1}, top);
        ReportChart chart;
        chart.id = "segments-" + std::to_string(fi);
        chart.section = "segments";
        chart.title = name + ": delay by segment";
        chart.caption =
            "The flow's mean " + delay +
            " split into the parts of its path (radio access with its scheduling and "
            "retransmissions, each wired or optical hop, satellite legs, queueing, server "
            "processing), so the part worth changing stands out; the parts add up to the mean. " +
            (deadlines.empty()
                 ? std::string("The flow has no delay requirement.")
                 : std::string("The dashed line is the requirement's deadline, which judges a "
                               "share of packets (the tail), not the mean: a bar near it fails.")) +
            (folder.seeded ? " Means over the seeds." : "");
        chart.commands = gp.str() + commands;
        charts.push_back(chart);
    }
    return charts;
}

} // namespace blueprint
} // namespace ns3
