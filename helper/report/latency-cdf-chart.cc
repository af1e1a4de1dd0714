/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The report's latency charts: per flow, the distribution of each configuration's delays.
 */

#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"
#include "helper/report/report-chart.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/**
 * The y axis counts nines: a share s is drawn at -log10(1 - s), so 90 %, 99 % and 99.9 % are
 * equally far apart and the tail a reliability requirement judges is as visible as the median
 * (the usual way of drawing latency percentiles, e.g. HdrHistogram's percentile plots). The top
 * edge, past 99.99 %, stands for the slowest packet.
 */
constexpr double kTopNines = 4.3;

double
Nines(double share)
{
    share = std::clamp(share, 0.0, 1.0);
    const double tail = 1 - share;
    return tail < std::pow(10.0, -kTopNines) ? kTopNines : -std::log10(tail);
}

/// One line of a chart: a configuration's delays at one seed.
struct Curve
{
    std::size_t configuration = 0; //!< index of its configuration
    bool titled = false;           //!< the first of its configuration, named in the key
    bool fromPercentiles = false;  //!< drawn through the stored percentiles only
    double delivered = 1;          //!< share of what was sent that arrived
    std::vector<std::pair<double, double>> points; //!< (ms, share of sent)
};

/// A requirement drawn on a chart.
struct Line
{
    double limitMs = 0;     //!< the deadline
    double reliability = 0; //!< the share required within it
    std::string target;     //!< as written
};

/// A curve's name in the key: the configuration, and what share arrived when some did not (a
/// lossy curve stays low on the scale, and the key says why), over its seeds.
std::string
Title(const std::string& configuration, double delivered, bool roundTrips)
{
    if (delivered > 0.9995)
    {
        return configuration;
    }
    return configuration + " (" + PlannerNumber(delivered * 100, 3, true) +
           (roundTrips ? " % answered)" : " % delivered)");
}

/// Whether the flow's chart shows round trips: its requirement judges them, or it has no
/// one-way requirement and is request-response.
bool
ShowsRoundTrips(const CompareFolder& folder, const std::string& flow)
{
    bool rtt = false;
    bool oneWay = false;
    bool roundTrips = false;
    for (const auto& c : folder.configurations)
    {
        for (const auto& run : c.runs)
        {
            for (const auto& f : run.flows)
            {
                if (f.name != flow)
                {
                    continue;
                }
                roundTrips = roundTrips || f.rtt.has_value();
                for (const auto& q : f.requirements)
                {
                    rtt = rtt || q.metric == "rtt";
                    oneWay = oneWay || q.metric == "latency";
                }
            }
        }
    }
    return rtt || (roundTrips && !oneWay);
}

} // namespace

std::vector<ReportChart>
LatencyCdfCharts(const CompareFolder& folder)
{
    std::vector<std::string> flows;
    for (const auto& c : folder.configurations)
    {
        for (const auto& f : c.runs.front().flows)
        {
            if (std::find(flows.begin(), flows.end(), f.name) == flows.end())
            {
                flows.push_back(f.name);
            }
        }
    }
    std::vector<ReportChart> charts;
    for (std::size_t fi = 0; fi < flows.size(); ++fi)
    {
        const std::string& name = flows[fi];
        const bool roundTrips = ShowsRoundTrips(folder, name);
        std::vector<Curve> curves;
        std::vector<Line> lines;
        std::vector<std::string> silent; // configurations that delivered nothing
        bool percentilesOnly = false;
        for (std::size_t ci = 0; ci < folder.configurations.size(); ++ci)
        {
            const ReportConfiguration& c = folder.configurations[ci];
            bool titled = false;
            for (const ReportRun& run : c.runs)
            {
                auto f = std::find_if(run.flows.begin(), run.flows.end(), [&](const auto& x) {
                    return x.name == name;
                });
                if (f == run.flows.end())
                {
                    continue;
                }
                for (const auto& q : f->requirements)
                {
                    if (q.metric == (roundTrips ? "rtt" : "latency") && q.limit &&
                        std::none_of(lines.begin(), lines.end(), [&](const Line& l) {
                            return l.limitMs == *q.limit && l.reliability == q.reliability;
                        }))
                    {
                        lines.push_back(Line{*q.limit, q.reliability, q.target});
                    }
                }
                const DelaySummary* d = roundTrips ? (f->rtt ? &*f->rtt : nullptr) : &f->latency;
                if (!d || d->samples == 0 || f->txPackets == 0)
                {
                    if (std::find(silent.begin(), silent.end(), c.name) == silent.end())
                    {
                        silent.push_back(c.name);
                    }
                    continue;
                }
                // Shares of what was sent, so that a curve levels off at the share delivered
                // and its height at the deadline is the share a requirement judges.
                const double delivered =
                    static_cast<double>(roundTrips ? f->answeredRequests.value_or(d->samples)
                                                   : f->rxPackets) /
                    static_cast<double>(f->txPackets);
                Curve curve;
                curve.delivered = delivered;
                curve.configuration = ci;
                curve.titled = !titled;
                titled = true;
                if (!d->cdf.empty())
                {
                    for (const auto& [share, ms] : d->cdf)
                    {
                        curve.points.emplace_back(ms, share * delivered);
                    }
                }
                else
                {
                    curve.fromPercentiles = true;
                    percentilesOnly = true;
                    for (const auto& [share, ms] :
                         std::vector<std::pair<double, double>>{{0, d->min},
                                                                {0.5, d->p50},
                                                                {0.95, d->p95},
                                                                {0.99, d->p99},
                                                                {1, d->max}})
                    {
                        curve.points.emplace_back(ms, share * delivered);
                    }
                }
                curves.push_back(curve);
            }
        }
        if (curves.empty())
        {
            continue;
        }
        double low = INFINITY;
        double high = 0;
        for (const auto& curve : curves)
        {
            for (const auto& [ms, share] : curve.points)
            {
                low = ms > 0 ? std::min(low, ms) : low;
                high = std::max(high, ms);
            }
        }
        for (const auto& l : lines)
        {
            low = std::min(low, l.limitMs);
            high = std::max(high, l.limitMs);
        }
        low = std::isfinite(low) ? low : 0.001;
        // A wide spread (a satellite hop beside a fibre) needs a log axis to show both.
        const bool logX = high / low > 30;

        const double xLow = logX ? low / 1.3 : 0;
        const double xHigh = logX ? high * 1.3 : high * 1.08;
        // Where a delay sits across the plot, 0 to 1.
        auto Across = [&](double ms) {
            return logX ? std::log(ms / xLow) / std::log(xHigh / xLow) : ms / xHigh;
        };
        // The share delivered the key gives: a configuration's mean over its seeds.
        std::map<std::size_t, std::pair<double, std::size_t>> delivered;
        for (const Curve& curve : curves)
        {
            delivered[curve.configuration].first += curve.delivered;
            ++delivered[curve.configuration].second;
        }
        std::ostringstream gp;
        for (std::size_t k = 0; k < curves.size(); ++k)
        {
            std::vector<std::string> data;
            for (const auto& [ms, share] : curves[k].points)
            {
                if (!logX || ms > 0)
                {
                    data.push_back(PlotNumber(ms) + " " + PlotNumber(Nines(share)));
                }
            }
            gp << Datablock("c" + std::to_string(k), data);
        }
        const std::string delay = roundTrips ? "round trip" : "one-way delay";
        gp << "set title "
           << GnuplotString(name + ": " + delay +
                            (roundTrips ? " of every request" : " of every packet"))
           << "\n"
           << "set xlabel "
           << GnuplotString(delay + " (ms" + std::string(logX ? ", log scale)" : ")")) << "\n"
           << "set ylabel "
           << GnuplotString(roundTrips ? "requests answered within it"
                                       : "sent packets delivered "
                                         "within it")
           << "\n"
           << "set yrange [0:" << kTopNines << "]\n"
           << "set ytics ('0 %%' 0, '50 %%' " << -std::log10(0.5)
           << ", '90 %%' 1, '99 %%' 2, '99.9 %%' 3, '99.99 %%' 4)\n"
           << "set grid xtics ytics mxtics\nset key below horizontal title ' '\n"
           << "set format x '%g'\n";
        gp << (logX ? "set logscale x\n" : "") << "set xrange [" << PlotNumber(xLow) << ":"
           << PlotNumber(xHigh) << "]\n";
        for (std::size_t k = 0; k < lines.size(); ++k)
        {
            const Line& l = lines[k];
            const double y = Nines(l.reliability);
            gp << "set arrow from " << PlotNumber(l.limitMs) << ", graph 0 to "
               << PlotNumber(l.limitMs)
               << ", graph 1 nohead dashtype 2 linewidth 3 linecolor rgb '#444444' front\n"
               << "set arrow from graph 0, first " << PlotNumber(y) << " to graph 1, first "
               << PlotNumber(y) << " nohead dashtype 3 linewidth 3 linecolor rgb '#444444' front\n"
               << "set label " << GnuplotString("requirement: " + l.target) << " at "
               << PlotNumber(l.limitMs) << ", first "
               << PlotNumber(y)
               // Right of the x, or left of it in the right part of the plot, where the text
               // would run out of the frame.
               << (Across(l.limitMs) > 0.55 ? " right offset -1," : " left offset 1,")
               << (0.9 + 1.2 * k)
               << " front textcolor rgb '#222222' point pointtype 2 pointsize 3 linewidth 3\n";
        }
        gp << "plot ";
        for (std::size_t k = 0; k < curves.size(); ++k)
        {
            const Curve& curve = curves[k];
            const ReportConfiguration& c = folder.configurations[curve.configuration];
            gp << (k ? ", \\\n     " : "") << "$c" << k << " using 1:2 with "
               << (curve.fromPercentiles ? "linespoints pointtype 7" : "lines") << " linewidth "
               << (folder.seeded ? 2 : 3) << " linecolor rgb '"
               << ConfigurationColour(curve.configuration) << "' "
               << (curve.titled
                       ? "title " + GnuplotString(Title(c.name,
                                                        delivered[curve.configuration].first /
                                                            delivered[curve.configuration].second,
                                                        roundTrips))
                       : std::string("notitle"));
        }
        gp << "\n";

        ReportChart chart;
        chart.id = "latency-" + std::to_string(fi);
        chart.section = "latency";
        chart.title = name + ": " + delay + " distribution";
        chart.caption =
            std::string("How many of the ") + (roundTrips ? "requests sent" : "packets sent") +
            " arrived within a given " + delay + ", one curve per configuration" +
            (folder.seeded ? " and seed" : "") +
            ". The vertical scale counts nines (90 %, 99 %, 99.9 %) so that the tail a "
            "requirement judges is visible; packets never delivered keep a curve below the top "
            "(the key gives the share delivered where some were lost). Identical configurations "
            "draw one curve over another. " +
            (lines.empty() ? std::string("The flow has no delay requirement. ")
                           : std::string("Dashed lines: the requirement's deadline and share; a "
                                         "curve passing above their crossing (x) meets it. ")) +
            (percentilesOnly
                 ? "Some results hold only the percentiles p50, p95, p99 and the extremes (written "
                   "before result.json kept the whole distribution): those curves join these "
                   "points. "
                 : "Curves join the quantiles result.json keeps for every 1 % of packets and at "
                   "99.5, 99.9 and 99.99 %, taken from all of the flow's delays. ") +
            (silent.empty() ? std::string() : "Delivered nothing, so no curve: " + [&] {
                std::string s;
                for (const auto& n : silent)
                {
                    s += (s.empty() ? "" : ", ") + n;
                }
                return s + ".";
            }());
        chart.heightPx = 680;
        chart.commands = gp.str();
        charts.push_back(chart);
    }
    return charts;
}

} // namespace blueprint
} // namespace ns3
