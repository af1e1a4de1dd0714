/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_AGGREGATOR_H
#define BLUEPRINT_SWEEP_AGGREGATOR_H

#include "helper/sweep/confidence-interval.h"
#include "helper/sweep/sweep-plan.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The metrics a sweep aggregates, read from one result.json.
 *
 * Per flow F: `F.latency_mean_ms`, `F.latency_p99_ms`, `F.throughput_bps`, `F.loss_ratio` (and
 * `F.rtt_p99_ms` for request-response flows; the latency and round-trip metrics only when the
 * flow delivered a packet, since a summary of no packets is no measurement); per run: `energy_j`,
 * `annualised_cost` and
 * `verdict_pass` (1 when the run's verdict is pass, else 0, so its mean is the pass fraction).
 *
 * \param resultJson the text of a result.json
 * \return (metric, value) pairs in result order
 * \throws std::exception when the text is not a result
 */
std::vector<std::pair<std::string, double>> ExtractRunMetrics(const std::string& resultJson);

/**
 * \ingroup blueprint
 * \brief A requirement's threshold on a metric of ExtractRunMetrics, for a plot's line.
 */
struct MetricThreshold
{
    std::string metric; //!< e.g. `F.latency_p99_ms`
    double value = 0;   //!< in the metric's unit
    std::string label;  //!< what the line stands for: "requirement: 99 % within 150 ms"
};

/**
 * \ingroup blueprint
 * \brief The requirements of a result.json as thresholds on its metrics: a latency (rtt)
 * deadline on `F.latency_p99_ms` (`F.rtt_p99_ms`), a throughput per member times the members on
 * `F.throughput_bps`, a loss ratio on `F.loss_ratio`. A deadline judges the share of sent packets
 * in time, so the p99 line is exact for a 99 % requirement without loss and a guide otherwise;
 * the label states the requirement as written.
 * \param resultJson the text of a result.json
 * \return the thresholds; none for results written before result.json stated limits
 * \throws std::exception when the text is not a result
 */
std::vector<MetricThreshold> ExtractRunThresholds(const std::string& resultJson);

/**
 * \ingroup blueprint
 * \brief Turns a sweep's result folders into one row per parameter point: mean and 95 %
 * Student-t confidence interval of each metric over the seeds, and plots against each axis.
 */
class SweepAggregator
{
  public:
    /// One parameter point and its statistics.
    struct Row
    {
        SweepPoint point;                                  //!< the point
        std::size_t planned = 0;                           //!< runs (seeds) planned
        std::size_t results = 0;                           //!< of which have a result
        std::map<std::string, ConfidenceInterval> stats;   //!< by metric
        std::map<std::string, MetricThreshold> thresholds; //!< by metric, from its first result
    };

    /**
     * \brief Reads OUT/plan.json and every finished run's result.json; a run whose result folder
     * fails ResultStore::Verify is left out and listed by GetDamaged().
     * \param outDir the sweep's output folder
     * \return the aggregator
     * \throws InputError when there is no plan or a result cannot be read
     */
    static SweepAggregator Load(const std::string& outDir);

    /**
     * \brief Aggregates given per-run metrics (for tests and other front ends).
     * \param plan the plan
     * \param metricsByRun per plan run, its metrics; an empty list is a run without a result
     * \param thresholdsByRun per plan run, its requirements' thresholds (may be shorter)
     * \param currency the results' cost currency (ISO 4217), for the cost plots' unit
     * \return the aggregator
     */
    static SweepAggregator FromMetrics(
        const SweepPlan& plan,
        const std::vector<std::vector<std::pair<std::string, double>>>& metricsByRun,
        const std::vector<std::vector<MetricThreshold>>& thresholdsByRun = {},
        const std::string& currency = "");

    /// \return one row per point, in plan order
    const std::vector<Row>& GetRows() const;

    /// \return the metric names, in first-seen order
    const std::vector<std::string>& GetMetrics() const;

    /// \return the runs Load left out because their result folders failed ResultStore::Verify,
    ///         each as "run N <hash prefix>: what is wrong"
    const std::vector<std::string>& GetDamaged() const;

    /**
     * \return summary.csv: alternative, one column per axis, runs, results, then
     *         `<metric>.mean`, `<metric>.ci95_low`, `<metric>.ci95_high` for each metric (the
     *         interval is empty with fewer than two results)
     */
    std::string SummaryCsv() const;

    /**
     * \brief A gnuplot script drawing one PNG per metric and axis: the metric's mean with its
     * 95 % interval as error bars, one line per combination of the other axes and alternative,
     * and the requirement on the metric as a dashed line (one per series where it differs).
     * Values with units go on a numeric axis, others are categories; axes and metrics are shown
     * in the units a planner reads (km, Mbit/s, ms, %, Wh or kWh, yen per year: plot-units.h).
     * \param plotDir the folder the PNGs go to (absolute)
     * \return the script
     */
    std::string GnuplotScript(const std::string& plotDir) const;

    /// \return the number of plots GnuplotScript draws
    std::size_t PlotCount() const;

  private:
    /// \return the dimensions to plot against: the axes, and "alternative" when there are several
    std::vector<std::string> PlotDimensions() const;

    /**
     * \param row a row
     * \param dimension an axis path or "alternative"
     * \return the row's value on it
     */
    std::string ValueOf(const Row& row, const std::string& dimension) const;

    /**
     * \param a a dimension
     * \param b another
     * \return true if their values correspond one to one over all rows (zipped axes, or an
     *         axis with a single value against another single-valued one)
     */
    bool Tied(const std::string& a, const std::string& b) const;

    SweepPlan m_plan;                   //!< the plan
    std::vector<Row> m_rows;            //!< one per point
    std::vector<std::string> m_metrics; //!< metric names in first-seen order
    std::vector<std::string> m_damaged; //!< runs left out for damaged results
    std::string m_currency;             //!< the results' cost currency
};

/**
 * \ingroup blueprint
 * \brief `blueprint aggregate DIR`: writes DIR/summary.csv, DIR/plots/plots.gp and, when gnuplot
 * is installed, the PNGs.
 * \param outDir the sweep's output folder
 * \param log where to say what was written (and warn when gnuplot is missing or fails)
 * \return true if everything was written and plotted
 */
bool WriteSweepAggregate(const std::string& outDir, std::ostream& log);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_AGGREGATOR_H
