/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_REPORT_CHART_H
#define BLUEPRINT_REPORT_CHART_H

#include "helper/report/compare-folder.h"
#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One plot of `blueprint report`: the gnuplot commands that draw it, and what the page
 * says about it.
 *
 * The commands hold their data inline (datablocks), so a chart is drawn from nothing but its
 * text; DrawCharts gives each its terminal and output file.
 */
struct ReportChart
{
    std::string id;          //!< unique file stem, e.g. "latency-camera"
    std::string section;     //!< the report section it belongs to (see ReportSections)
    std::string title;       //!< its heading
    std::string caption;     //!< how to read it, plain text
    unsigned heightPx = 620; //!< the image's height (its width is kChartWidthPx)
    std::string commands;    //!< gnuplot commands drawing it (after `set output`)
};

/// Width of every chart's image, px; the page shows it at two thirds of that, so text and lines
/// stay sharp on high-density screens and in print.
constexpr unsigned kChartWidthPx = 1200;
/// Text size of every chart, points.
constexpr double kChartFontPoints = 15;

/// Fills of verdicts in the growth and timeline charts (as gnuplot rgb integers): green for
/// meets, red for fails, amber for inconclusive, grey for nothing required.
constexpr const char* kPassFill = "0x8FD19E";
constexpr const char* kFailFill = "0xF4A6A6";          //!< see kPassFill
constexpr const char* kInconclusiveFill = "0xF6D28B";  //!< see kPassFill
constexpr const char* kNoRequirementFill = "0xD9D9D9"; //!< see kPassFill

/**
 * \ingroup blueprint
 * \brief Key entries for boxes drawn with `linecolor rgb variable` (which have no key entry of
 * their own): one empty plot element per (fill, title).
 * \param entries (fill as a gnuplot rgb integer "0xRRGGBB", title) pairs
 * \return the plot elements, each starting with ", \" and a new line
 */
std::string KeyBoxes(const std::vector<std::pair<std::string, std::string>>& entries);

/**
 * \ingroup blueprint
 * \brief A datablock definition: `$NAME << EOD`, the lines, `EOD`.
 * \param name the block's name without '$'
 * \param lines its data lines
 * \return the commands
 */
std::string Datablock(const std::string& name, const std::vector<std::string>& lines);

/**
 * \ingroup blueprint
 * \brief A string in gnuplot data (a datablock): double-quoted, with " and \ escaped, so a
 * name with spaces stays one column.
 * \param s the text
 * \return the quoted text
 */
std::string DataString(const std::string& s);

/**
 * \ingroup blueprint
 * \brief A number for gnuplot data: shortest text that reads back to the same double.
 * \param v the number
 * \return its text
 */
std::string PlotNumber(double v);

/**
 * \ingroup blueprint
 * \brief Bars per category (a configuration), each stacked from parts (technologies, delay
 * segments).
 */
struct StackedBars
{
    std::vector<std::string> parts;                    //!< in stacking order, bottom first
    std::vector<std::map<std::string, double>> values; //!< per category, per part
    std::vector<double> totals;                        //!< per category (written on its bar)
    std::vector<std::string> marks; //!< per category, written before its total (may be shorter)

    /**
     * \brief Lists the parts in `values`, the largest first (its largest value over the
     * categories), so the heavy parts sit at the bottom of every bar and the key reads in order
     * of weight; without parts, each bar is one part, "total".
     */
    void OrderParts();
};

/**
 * \ingroup blueprint
 * \brief The commands of a stacked bar chart (after its title and y label): one bar per
 * category, its total written on it, parts coloured from a muted palette distinct from
 * ConfigurationColour.
 * \param categories the bars' names, in order
 * \param bars the values, in the stored unit
 * \param unit the unit they are shown in
 * \param atLeast a value, in the stored unit, the y axis must reach (a line drawn beside the bars)
 * \return the commands
 */
std::string StackedBarCommands(const std::vector<std::string>& categories,
                               const StackedBars& bars,
                               const DisplayUnit& unit,
                               double atLeast = 0);

/**
 * \ingroup blueprint
 * \brief What the report's energy figures stand for, the same for every configuration.
 */
struct EnergyBasis
{
    /// How energy is shown.
    enum class Kind
    {
        PerYear,   //!< mean power over the metered time (traffic and drain) times 8,760 h
        Horizon,   //!< over a timeline's horizon, as result.json gives it
        Simulated, //!< over the simulated time (results without energy.metered_s)
    };

    Kind kind = Kind::Simulated; //!< the basis

    /**
     * \param folder the comparison
     * \return Horizon when every run has a timeline, else PerYear when every run says how long
     *         its meter ran, else Simulated
     */
    static EnergyBasis Of(const CompareFolder& folder);

    /**
     * \param run a run
     * \param joules an energy of that run (its total or a technology's)
     * \return the energy on this basis, J
     */
    double Shown(const ReportRun& run, double joules) const;

    /// \return "per year", "over the timeline" or "over the simulated time"
    std::string Words() const;
};

/**
 * \ingroup blueprint
 * \brief The latency CDF of each flow, one curve per configuration (per seed when seeded), with
 * the deadline and reliability of its requirement drawn.
 * \param folder the comparison
 * \return one chart per flow
 */
std::vector<ReportChart> LatencyCdfCharts(const CompareFolder& folder);

/**
 * \ingroup blueprint
 * \brief Energy and annualised cost per configuration, stacked by technology, and cost against
 * the worst p99 latency with the Pareto set.
 * \param folder the comparison
 * \return the three charts
 */
std::vector<ReportChart> EnergyCostCharts(const CompareFolder& folder);

/**
 * \ingroup blueprint
 * \brief Until which year each configuration holds as demand grows (growth.json).
 * \param folder the comparison
 * \return one chart, none without growth.json
 */
std::vector<ReportChart> GrowthCharts(const CompareFolder& folder);

/**
 * \ingroup blueprint
 * \brief Where each flow's mean delay goes, a stacked bar per configuration (result.json
 * `segments`).
 * \param folder the comparison
 * \return one chart per flow with segments, none without
 */
std::vector<ReportChart> SegmentCharts(const CompareFolder& folder);

/**
 * \ingroup blueprint
 * \brief Per configuration with a timeline or fault events: each flow's verdict phase by phase
 * over the timeline, or its outage over the run, with the events marked.
 * \param folder the comparison
 * \return one chart per such configuration
 */
std::vector<ReportChart> TimelineCharts(const CompareFolder& folder);

/**
 * \ingroup blueprint
 * \brief Draws charts with one gnuplot run into `workDir` and reads the images back.
 * \param charts the charts
 * \param workDir an existing folder for the script and the images
 * \return the PNG bytes per chart id
 * \throws std::runtime_error saying why gnuplot could not draw them, or which image is missing
 */
std::map<std::string, std::string> DrawCharts(const std::vector<ReportChart>& charts,
                                              const std::string& workDir);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_REPORT_CHART_H
