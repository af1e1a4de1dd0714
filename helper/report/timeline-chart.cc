/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The report's timeline charts: for a configuration with a timeline, each flow's verdict phase
 * by phase; for one with fault events, each flow's outage over the run with the events marked.
 */

#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"
#include "helper/report/report-chart.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/// The shade of the time an event is in force.
constexpr const char* kEventFill = "0xCFE2F3";

/// The fill of a verdict's box.
std::string
VerdictColour(const std::string& verdict)
{
    return verdict == "pass"           ? kPassFill
           : verdict == "fail"         ? kFailFill
           : verdict == "inconclusive" ? kInconclusiveFill
                                       : kNoRequirementFill;
}

/// A place on a timeline as a planner reads it: "10 min", "4 h", "1.5 d".
std::string
TimelineText(double seconds)
{
    if (seconds == 0)
    {
        return "0";
    }
    const DisplayUnit u = ChooseDisplayUnit("duration", seconds);
    return PlannerNumber(u.Of(seconds), 3, true) + " " + u.unit;
}

/// The figure a flow's box shows: what its first failed requirement (else its first) measures.
std::string
KeyFigure(const ReportFlow& f)
{
    const ReportRequirement* shown = nullptr;
    for (const auto& q : f.requirements)
    {
        if (!shown || (q.verdict == "fail" && shown->verdict != "fail"))
        {
            shown = &q;
        }
    }
    const std::string metric = shown ? shown->metric : "latency";
    if (metric == "throughput")
    {
        return PlannerNumber(f.throughputBps / f.members * 1e-6, 3) + " Mbit/s each";
    }
    if (metric == "loss")
    {
        return "loss " + PlannerNumber(f.lossRatio * 100, 3) + " %";
    }
    const DelaySummary& d = metric == "rtt" && f.rtt ? *f.rtt : f.latency;
    if (d.samples == 0)
    {
        return "none delivered";
    }
    return "p99 " + PlannerNumber(d.p99, 3) + " ms" + (metric == "rtt" ? " RTT" : "");
}

/// The events of a run as one sentence.
std::string
EventsText(const std::vector<ReportEvent>& events)
{
    std::string text;
    for (const auto& e : events)
    {
        text += (text.empty() ? "" : "; ") + e.action + " " + e.targets + " at " +
                TimelineText(e.atSeconds) +
                (e.untilSeconds ? " until " + TimelineText(*e.untilSeconds) : "");
    }
    return text;
}

/// The flows of a run's phases, in the order first seen.
std::vector<std::string>
PhaseFlows(const ReportRun& run)
{
    std::vector<std::string> flows;
    for (const auto& p : run.phases)
    {
        for (const auto& f : p.flows)
        {
            if (std::find(flows.begin(), flows.end(), f.name) == flows.end())
            {
                flows.push_back(f.name);
            }
        }
    }
    return flows;
}

ReportChart
PhaseChart(const ReportConfiguration& c, const ReportRun& run)
{
    const std::vector<std::string> flows = PhaseFlows(run);
    std::vector<std::string> boxes;
    std::ostringstream labels;
    std::ostringstream xtics;
    std::ostringstream ytics;
    for (std::size_t k = 0; k < run.phases.size(); ++k)
    {
        const ReportPhase& p = run.phases[k];
        // The phase's name over the stretch it stands for, so that columns stay narrow.
        xtics << (k ? ", " : "")
              << GnuplotTicLines(
                     {p.name, TimelineText(p.atSeconds) + " to " + TimelineText(p.untilSeconds)})
              << " " << k;
        for (const auto& f : p.flows)
        {
            const std::size_t row = std::find(flows.begin(), flows.end(), f.name) - flows.begin();
            const double y = static_cast<double>(flows.size() - 1 - row);
            boxes.push_back(std::to_string(k) + " " + PlotNumber(y) + " " +
                            VerdictColour(f.verdict));
            // Smaller text in narrower columns, so a figure stays inside its box.
            labels << "set label " << GnuplotString(KeyFigure(f)) << " at " << k << ", "
                   << PlotNumber(y) << " center front font '," << (run.phases.size() > 3 ? 11 : 14)
                   << "'\n";
        }
    }
    for (std::size_t row = 0; row < flows.size(); ++row)
    {
        ytics << (row ? ", " : "") << GnuplotTicLabel(flows[row]) << " " << flows.size() - 1 - row;
    }
    std::ostringstream gp;
    gp << Datablock("boxes", boxes) << "set title "
       << GnuplotString(c.name + ": each flow phase by phase") << "\n"
       << "set xrange [-0.5:" << PlotNumber(run.phases.size() - 0.5) << "]\n"
       << "set yrange [-0.6:" << PlotNumber(flows.size() - 0.4) << "]\n"
       << "set xtics (" << xtics.str() << ")"
       << "\nset ytics (" << ytics.str()
       << ")\nset key above horizontal\nset bmargin 5\nset style fill solid 1.0 border rgb "
          "'#ffffff'\n"
       << labels.str()
       << "plot $boxes using 1:2:(0.47):(0.42):3 with boxxyerror linecolor rgb variable notitle"
       << KeyBoxes({{kPassFill, "meets its requirements"},
                    {kFailFill, "fails one"},
                    {kInconclusiveFill, "inconclusive"},
                    {kNoRequirementFill, "no requirement"}})
       << "\n";
    ReportChart chart;
    chart.section = "timeline";
    chart.title = c.name + ": timeline";
    chart.caption =
        "Each phase is a packet-level window standing for the stretch of the timeline under its "
        "name (doc/phases.rst); a box is the flow's verdict in that window, with the figure of "
        "the requirement it failed (or its first). A missing box: the flow does not run in that "
        "phase." +
        (run.events.empty() ? std::string() : " Events: " + EventsText(run.events) + ".");
    chart.heightPx = static_cast<unsigned>(260 + 70 * flows.size());
    chart.commands = gp.str();
    return chart;
}

ReportChart
FaultChart(const ReportConfiguration& c, const ReportRun& run)
{
    const double end = run.durationSeconds;
    std::vector<std::string> spans;
    std::ostringstream ytics;
    std::ostringstream labels;
    for (std::size_t row = 0; row < run.flows.size(); ++row)
    {
        const ReportFlow& f = run.flows[row];
        const double y = static_cast<double>(run.flows.size() - 1 - row);
        ytics << (row ? ", " : "") << GnuplotTicLabel(f.name) << " " << PlotNumber(y);
        spans.push_back("0 " + PlotNumber(end) + " " + PlotNumber(y) + " " + kPassFill);
        if (f.outageSeconds && *f.outageSeconds > 0)
        {
            const double from = f.faultAtSeconds.value_or(0);
            const double to = f.outageUnrestored ? end : std::min(end, from + *f.outageSeconds);
            spans.push_back(PlotNumber(from) + " " + PlotNumber(to) + " " + PlotNumber(y) + " " +
                            kFailFill);
            labels << "set label "
                   << GnuplotString("cut off " + PlannerNumber(*f.outageSeconds, 3, true) + " s" +
                                    (f.outageUnrestored ? ", not restored" : ""))
                   << " at " << PlotNumber((from + to) / 2) << ", " << PlotNumber(y + 0.3)
                   << " center offset 0,0.8 front\n";
        }
        const std::string verdict = f.verdict == "pass"   ? "meets"
                                    : f.verdict == "fail" ? "fails"
                                    : f.verdict == "none" ? ""
                                                          : f.verdict;
        labels << "set label " << GnuplotString(verdict) << " at " << PlotNumber(end) << ", "
               << PlotNumber(y) << " left offset 1,0\n";
    }
    std::ostringstream events;
    for (std::size_t k = 0; k < run.events.size(); ++k)
    {
        const ReportEvent& e = run.events[k];
        if (e.atSeconds > end)
        {
            continue;
        }
        const double at = std::max(0.0, e.atSeconds);
        if (e.untilSeconds)
        {
            events << "set object rectangle from " << PlotNumber(at) << ", graph 0 to "
                   << PlotNumber(std::min(end, *e.untilSeconds))
                   << ", graph 1 behind fillcolor rgb '#" << std::string(kEventFill).substr(2)
                   << "' fillstyle solid 0.5 noborder\n";
        }
        events << "set arrow from " << PlotNumber(at) << ", graph 0 to " << PlotNumber(at)
               << ", graph 1 nohead dashtype 2 linewidth 2 linecolor rgb '#1F3A93' front\n"
               << "set label " << GnuplotString(e.action + " " + e.targets) << " at "
               << PlotNumber(at) << ", graph 1 left offset 0.4," << -1.0 - 1.1 * (k % 3)
               << " front textcolor rgb '#1F3A93'\n";
    }
    std::ostringstream gp;
    gp << Datablock("spans", spans) << "set title "
       << GnuplotString(c.name + ": faults and outages over the run") << "\n"
       << "set xlabel 'time of the run (s)'\nset xrange [0:" << PlotNumber(end * 1.12) << "]\n"
       << "set yrange [-0.6:" << PlotNumber(run.flows.size() + 0.9) << "]\n"
       << "set ytics (" << ytics.str() << ")\nset grid xtics\nset key below horizontal title ' '\n"
       << "set style fill solid 1.0 noborder\n"
       << events.str() << labels.str()
       << "plot $spans using (($1 + $2) / 2):3:(($2 - $1) / 2):(0.3):4 with boxxyerror "
          "linecolor rgb variable notitle"
       << KeyBoxes({{kPassFill, "delivering"},
                    {kFailFill, "cut off (worst member)"},
                    {kEventFill, "event in force"}})
       << "\n";
    ReportChart chart;
    chart.section = "timeline";
    chart.title = c.name + ": faults";
    chart.caption =
        "The run's fault events (dashed, with the span an event lasts shaded) and each flow's "
        "outage: the longest time a member was cut off, from the first fault that cut it to the "
        "first packet delivered after it (doc/faults.rst); an outage of several faults is drawn "
        "as one span from the first. On the right, the flow's verdict over the whole run." +
        (run.events.empty() ? std::string() : " Events: " + EventsText(run.events) + ".");
    chart.heightPx = static_cast<unsigned>(300 + 70 * run.flows.size());
    chart.commands = gp.str();
    return chart;
}

} // namespace

std::vector<ReportChart>
TimelineCharts(const CompareFolder& folder)
{
    std::vector<ReportChart> charts;
    for (std::size_t ci = 0; ci < folder.configurations.size(); ++ci)
    {
        const ReportConfiguration& c = folder.configurations[ci];
        const ReportRun& run = c.runs.front();
        const bool faults = !run.events.empty() ||
                            std::any_of(run.flows.begin(), run.flows.end(), [](const auto& f) {
                                return f.outageSeconds.has_value();
                            });
        if (run.phases.empty() && !faults)
        {
            continue;
        }
        ReportChart chart = run.phases.empty() ? FaultChart(c, run) : PhaseChart(c, run);
        chart.id = "timeline-" + std::to_string(ci);
        if (folder.seeded)
        {
            chart.caption += " Seed " + std::to_string(run.seed) + ", the first of the comparison.";
        }
        charts.push_back(chart);
    }
    return charts;
}

} // namespace blueprint
} // namespace ns3
