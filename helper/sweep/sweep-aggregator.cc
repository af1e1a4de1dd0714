/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-aggregator.h"

#include "helper/report/gnuplot.h"
#include "helper/report/plot-units.h"
#include "helper/results/csv-text.h"
#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/sweep/result-store.h"
#include "helper/sweep/sweep-quantity.h"

#include "ns3/log.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintSweepAggregator");

namespace
{

using Json = nlohmann::json;

/// Two-sided confidence level of every interval (the issue asks for 95 %).
constexpr double kConfidenceLevel = 0.95;

std::string
Number(double v)
{
    return Json(v).dump();
}

/// A file name made of a metric and an axis, with anything but [A-Za-z0-9._-] replaced.
std::string
FileName(const std::string& s)
{
    std::string out;
    for (char c : s)
    {
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')
                   ? c
                   : '_';
    }
    return out;
}

} // namespace

std::vector<std::pair<std::string, double>>
ExtractRunMetrics(const std::string& resultJson)
{
    Json j = Json::parse(resultJson);
    std::vector<std::pair<std::string, double>> m;
    for (const auto& f : j.at("flows"))
    {
        const std::string name = f.at("name").get<std::string>();
        // A flow that delivered nothing has no latency: its summary's zeros are no measurement,
        // and averaged in they would make a run that lost everything look fast. The metric is
        // left out for that run (its sample count says on how many runs it was measured).
        const auto measured = [&](const char* key) {
            return f.contains(key) && f.at(key).value("samples", uint64_t{0}) > 0;
        };
        if (measured("latency_ms"))
        {
            m.emplace_back(name + ".latency_mean_ms", f.at("latency_ms").at("mean").get<double>());
            m.emplace_back(name + ".latency_p99_ms", f.at("latency_ms").at("p99").get<double>());
        }
        m.emplace_back(name + ".throughput_bps", f.at("throughput_bps").get<double>());
        m.emplace_back(name + ".loss_ratio", f.at("loss_ratio").get<double>());
        if (measured("rtt_ms"))
        {
            m.emplace_back(name + ".rtt_p99_ms", f.at("rtt_ms").at("p99").get<double>());
        }
        // A flow of many members: how its worst member fares and how fairly they are served
        // (doc/metrics.rst, Who is starved), so seeds and sweeps show a starved member too.
        if (f.contains("members") && f.at("members").is_object())
        {
            const Json& members = f.at("members");
            if (members.contains("worst") && members.at("worst").is_object())
            {
                m.emplace_back(name + ".worst_member_loss_ratio",
                               members.at("worst").at("loss_pct").get<double>() / 100);
            }
            if (members.contains("jain_index") && members.at("jain_index").is_number())
            {
                m.emplace_back(name + ".jain_index", members.at("jain_index").get<double>());
            }
        }
    }
    m.emplace_back("energy_j", j.at("energy").at("total_j").get<double>());
    m.emplace_back("annualised_cost", j.at("cost").at("annualised").get<double>());
    // A run with no requirement has no verdict to average ("none"), not a failure.
    const std::string verdict = j.at("verdict").get<std::string>();
    if (verdict != "none")
    {
        m.emplace_back("verdict_pass", verdict == "pass" ? 1.0 : 0.0);
    }
    return m;
}

std::vector<MetricThreshold>
ExtractRunThresholds(const std::string& resultJson)
{
    Json j = Json::parse(resultJson);
    std::vector<MetricThreshold> thresholds;
    for (const auto& f : j.at("flows"))
    {
        const std::string name = f.at("name").get<std::string>();
        // {count, sending, worst, jain_index} since the latency split; a count alone before it.
        const Json count = f.contains("members") && f.at("members").is_object()
                               ? f.at("members").value("count", Json(1))
                               : f.value("members", Json(1));
        const double members = count.get<double>();
        for (const auto& q : f.at("requirements"))
        {
            const std::string metric = q.at("metric").get<std::string>();
            const std::string label = "requirement: " + q.at("target").get<std::string>();
            if ((metric == "latency" || metric == "rtt") && q.contains("limit_ms"))
            {
                thresholds.push_back({name + (metric == "rtt" ? ".rtt_p99_ms" : ".latency_p99_ms"),
                                      q.at("limit_ms").get<double>(),
                                      label});
            }
            else if (metric == "throughput" && q.contains("limit_bps"))
            {
                // The metric is all members together; the requirement is per member.
                thresholds.push_back(
                    {name + ".throughput_bps",
                     q.at("limit_bps").get<double>() * members,
                     members > 1 ? label + " (x " + PlannerNumber(members, 4, true) + " members)"
                                 : label});
            }
            else if (metric == "loss" && q.contains("limit_ratio"))
            {
                thresholds.push_back(
                    {name + ".loss_ratio", q.at("limit_ratio").get<double>(), label});
            }
        }
    }
    return thresholds;
}

SweepAggregator
SweepAggregator::FromMetrics(
    const SweepPlan& plan,
    const std::vector<std::vector<std::pair<std::string, double>>>& metricsByRun,
    const std::vector<std::vector<MetricThreshold>>& thresholdsByRun,
    const std::string& currency)
{
    SweepAggregator a;
    a.m_plan = plan;
    a.m_currency = currency;
    std::vector<std::map<std::string, std::vector<double>>> samples(plan.points.size());
    a.m_rows.resize(plan.points.size());
    std::set<std::string> known;
    for (std::size_t r = 0; r < plan.runs.size() && r < metricsByRun.size(); ++r)
    {
        const SweepRun& run = plan.runs[r];
        Row& row = a.m_rows[run.point];
        if (!metricsByRun[r].empty())
        {
            ++row.results;
        }
        for (std::size_t k = 0; r < thresholdsByRun.size() && k < thresholdsByRun[r].size(); ++k)
        {
            const MetricThreshold& t = thresholdsByRun[r][k];
            row.thresholds.emplace(t.metric, t);
        }
        for (const auto& [name, value] : metricsByRun[r])
        {
            samples[run.point][name].push_back(value);
            if (known.insert(name).second)
            {
                a.m_metrics.push_back(name);
            }
        }
    }
    for (const auto& run : plan.runs)
    {
        ++a.m_rows[run.point].planned;
    }
    for (std::size_t p = 0; p < plan.points.size(); ++p)
    {
        a.m_rows[p].point = plan.points[p];
        for (const auto& [name, values] : samples[p])
        {
            a.m_rows[p].stats[name] = StudentTInterval(values, kConfidenceLevel);
        }
    }
    return a;
}

SweepAggregator
SweepAggregator::Load(const std::string& outDir)
{
    SweepPlan plan = SweepPlan::Load(outDir + "/plan.json");
    ResultStore store(outDir);
    std::vector<std::vector<std::pair<std::string, double>>> metrics(plan.runs.size());
    std::vector<std::vector<MetricThreshold>> thresholds(plan.runs.size());
    std::string currency;
    std::vector<std::string> damaged;
    for (std::size_t r = 0; r < plan.runs.size(); ++r)
    {
        const std::string& hash = plan.runs[r].hash;
        std::optional<std::string> damage = store.Verify(hash);
        if (damage && !damage->empty())
        {
            damaged.push_back("run " + std::to_string(r) + " " + hash.substr(0, 12) + ": " +
                              *damage);
            continue;
        }
        if (!damage)
        {
            continue;
        }
        const std::string path = store.RunDir(hash) + "/result.json";
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        try
        {
            metrics[r] = ExtractRunMetrics(text.str());
            thresholds[r] = ExtractRunThresholds(text.str());
            currency = Json::parse(text.str()).at("cost").value("currency", currency);
        }
        catch (const std::exception& e)
        {
            throw InputError(SourceMark{path, 0, 0}, std::string("not a result: ") + e.what());
        }
    }
    SweepAggregator a = FromMetrics(plan, metrics, thresholds, currency);
    a.m_damaged = damaged;
    return a;
}

const std::vector<std::string>&
SweepAggregator::GetDamaged() const
{
    return m_damaged;
}

const std::vector<SweepAggregator::Row>&
SweepAggregator::GetRows() const
{
    return m_rows;
}

const std::vector<std::string>&
SweepAggregator::GetMetrics() const
{
    return m_metrics;
}

std::string
SweepAggregator::SummaryCsv() const
{
    std::ostringstream out;
    out << "alternative";
    for (const auto& axis : m_plan.axes)
    {
        out << ',' << CsvField(axis);
    }
    out << ",runs,results";
    for (const auto& m : m_metrics)
    {
        out << ',' << CsvField(m + ".mean") << ',' << CsvField(m + ".ci95_low") << ','
            << CsvField(m + ".ci95_high");
    }
    out << '\n';
    for (const auto& row : m_rows)
    {
        out << CsvField(row.point.alternative);
        for (const auto& v : row.point.values)
        {
            out << ',' << CsvField(v);
        }
        out << ',' << row.planned << ',' << row.results;
        for (const auto& m : m_metrics)
        {
            auto it = row.stats.find(m);
            if (it == row.stats.end())
            {
                out << ",,,";
                continue;
            }
            const ConfidenceInterval& ci = it->second;
            out << ',' << Number(ci.mean) << ',' << (ci.defined ? Number(ci.Low()) : "") << ','
                << (ci.defined ? Number(ci.High()) : "");
        }
        out << '\n';
    }
    return out.str();
}

std::vector<std::string>
SweepAggregator::PlotDimensions() const
{
    std::vector<std::string> dims = m_plan.axes;
    if (m_plan.alternativeCount > 1 || dims.empty())
    {
        dims.insert(dims.begin(), "alternative");
    }
    return dims;
}

std::string
SweepAggregator::ValueOf(const Row& row, const std::string& dimension) const
{
    if (dimension == "alternative")
    {
        return row.point.alternative;
    }
    auto it = std::find(m_plan.axes.begin(), m_plan.axes.end(), dimension);
    return row.point.values[it - m_plan.axes.begin()];
}

bool
SweepAggregator::Tied(const std::string& a, const std::string& b) const
{
    std::map<std::string, std::string> forward;
    std::map<std::string, std::string> backward;
    for (const auto& row : m_rows)
    {
        const std::string va = ValueOf(row, a);
        const std::string vb = ValueOf(row, b);
        if (forward.emplace(va, vb).first->second != vb ||
            backward.emplace(vb, va).first->second != va)
        {
            return false;
        }
    }
    return true;
}

std::size_t
SweepAggregator::PlotCount() const
{
    std::size_t dims = 0;
    for (const auto& dim : PlotDimensions())
    {
        std::set<std::string> values;
        for (const auto& row : m_rows)
        {
            values.insert(ValueOf(row, dim));
        }
        dims += values.size() > 1 || PlotDimensions().size() == 1;
    }
    return m_metrics.size() * dims;
}

namespace
{

/// The series' colours: the report's configuration palette (Okabe-Ito, distinct for readers with
/// colour-vision deficiencies) instead of gnuplot's default, whose yellow vanishes on white.
std::string
SeriesColours()
{
    std::string out;
    constexpr int kColours = 12;
    for (int i = 0; i < kColours; ++i)
    {
        out += "set linetype " + std::to_string(i + 1) + " linecolor rgb '" +
               ConfigurationColour(i) + "' linewidth 2\n";
    }
    return out + "set linetype cycle " + std::to_string(kColours) + "\n";
}

/// A requirement's lines on a plot: the plot elements to add and their inline data.
struct ThresholdPlot
{
    std::string elements; //!< ", ..." after the series
    std::string data;     //!< their inline data, after the series'
};

/**
 * The requirement on `metric` as dashed lines, one per requirement as written (label and value):
 * one line across the plot when every point has the same (most sweeps); where each requirement
 * holds at one value of the axis (a sweep of the requirement itself), one line through them all;
 * else a line per requirement through the points it holds at (a requirement zipped with another
 * axis, or a per-member rate times a swept number of members).
 */
template <typename XOf>
ThresholdPlot
ThresholdLines(const std::string& metric,
               const DisplayUnit& unit,
               const std::vector<SweepAggregator::Row>& rows,
               XOf xOf)
{
    std::vector<std::pair<std::string, double>> requirements; // in first-seen order
    std::map<std::pair<std::string, double>, std::set<double>> at;
    for (const auto& row : rows)
    {
        auto it = row.thresholds.find(metric);
        if (it == row.thresholds.end())
        {
            continue;
        }
        const std::pair<std::string, double> r{it->second.label, it->second.value};
        if (!at.count(r))
        {
            requirements.push_back(r);
        }
        at[r].insert(xOf(row));
    }
    ThresholdPlot plot;
    const std::string style = " dashtype 2 linewidth 3 linecolor rgb '#444444' title ";
    if (requirements.empty())
    {
        return plot; // nothing is required of this metric
    }
    if (requirements.size() == 1)
    {
        plot.elements = ", \\\n     " + Number(unit.Of(requirements.front().second)) +
                        " with lines" + style + GnuplotString(requirements.front().first);
        return plot;
    }
    std::set<double> xs;
    bool onePlaceEach = true;
    for (const auto& r : requirements)
    {
        onePlaceEach = onePlaceEach && at[r].size() == 1 && xs.insert(*at[r].begin()).second;
    }
    auto line = [&](const std::vector<std::pair<double, double>>& points,
                    const std::string& title) {
        plot.elements +=
            ", \\\n     '-' using 1:2 with linespoints pointtype 1" + style + GnuplotString(title);
        for (const auto& [x, y] : points)
        {
            plot.data += Number(x) + " " + Number(unit.Of(y)) + "\n";
        }
        plot.data += "e\n";
    };
    if (onePlaceEach)
    {
        std::vector<std::pair<double, double>> points;
        for (const auto& r : requirements)
        {
            points.emplace_back(*at[r].begin(), r.second);
        }
        std::sort(points.begin(), points.end());
        line(points, "requirement (as set at each point)");
        return plot;
    }
    for (const auto& r : requirements)
    {
        std::vector<std::pair<double, double>> points;
        for (double x : at[r])
        {
            points.emplace_back(x, r.second);
        }
        line(points, r.first);
    }
    return plot;
}

} // namespace

std::string
SweepAggregator::GnuplotScript(const std::string& plotDir) const
{
    std::ostringstream gp;
    gp << "# Written by blueprint aggregate: one PNG per metric and axis, mean with its "
          "95 % Student-t\n# confidence interval over the seeds as error bars, and the "
          "requirement on it dashed.\n"
       << GnuplotTerminal(1000, 720, 12) << SeriesColours()
       << "set key below vertical left\n"
          "set grid\n"
          "set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05\n";
    const std::vector<std::string> dims = PlotDimensions();
    for (const auto& dim : dims)
    {
        // Distinct values in first-seen order; numeric when all read as one kind of quantity.
        std::vector<std::string> values;
        for (const auto& row : m_rows)
        {
            std::string v = ValueOf(row, dim);
            if (std::find(values.begin(), values.end(), v) == values.end())
            {
                values.push_back(v);
            }
        }
        if (values.size() < 2 && dims.size() > 1)
        {
            continue; // a constant is no axis to plot against
        }
        std::vector<double> x;
        std::string kind;
        bool numeric = dim != "alternative";
        for (const auto& v : values)
        {
            auto q = ParseSweepQuantity(v);
            if (!q || (!kind.empty() && q->kind != kind))
            {
                numeric = false;
                break;
            }
            kind = q->kind;
            x.push_back(q->value);
        }
        // The axis in the unit a planner reads: km, Mbit/s, % rather than m, bit/s, a ratio.
        DisplayUnit xUnit;
        if (numeric)
        {
            double largest = 0;
            for (double v : x)
            {
                largest = std::max(largest, std::abs(v));
            }
            xUnit = ChooseDisplayUnit(kind, largest);
            for (double& v : x)
            {
                v = xUnit.Of(v);
            }
        }
        if (!numeric)
        {
            x.clear();
            for (std::size_t i = 0; i < values.size(); ++i)
            {
                x.push_back(static_cast<double>(i));
            }
        }
        // Series: rows that agree on every other dimension. A dimension zipped with this one or
        // with one already in the label (in one-to-one correspondence with it) says nothing new,
        // and would split every line into single points or make the key too long to draw.
        std::vector<std::string> seriesDims;
        for (const auto& other : dims)
        {
            std::set<std::string> otherValues;
            for (const auto& row : m_rows)
            {
                otherValues.insert(ValueOf(row, other));
            }
            bool redundant = other == dim || otherValues.size() < 2 || Tied(dim, other);
            for (const auto& kept : seriesDims)
            {
                redundant = redundant || Tied(kept, other);
            }
            if (!redundant)
            {
                seriesDims.push_back(other);
            }
        }
        std::vector<std::string> seriesKeys;
        std::map<std::string, std::vector<const Row*>> series;
        for (const auto& row : m_rows)
        {
            std::string key;
            for (const auto& other : seriesDims)
            {
                {
                    key += (key.empty() ? "" : ", ") + other + "=" + ValueOf(row, other);
                }
            }
            if (!series.count(key))
            {
                seriesKeys.push_back(key);
            }
            series[key].push_back(&row);
        }
        for (const auto& metric : m_metrics)
        {
            double largest = 0;
            for (const auto& row : m_rows)
            {
                auto it = row.stats.find(metric);
                if (it != row.stats.end())
                {
                    largest =
                        std::max({largest, std::abs(it->second.mean), std::abs(it->second.High())});
                }
            }
            const MetricDisplay shown = DescribeMetric(metric, largest, m_currency);
            const DisplayUnit& unit = shown.unit;
            gp << "\nset output "
               << GnuplotString(plotDir + "/" + FileName(metric) + "--" + FileName(dim) + ".png")
               << "\nset title "
               << GnuplotString((shown.flow.empty() ? "" : shown.flow + ": ") + shown.what +
                                " against " + dim)
               << "\nset xlabel "
               << GnuplotString(dim +
                                (numeric && !xUnit.unit.empty() ? " (" + xUnit.unit + ")" : ""))
               << "\nset ylabel " << GnuplotString(shown.Label()) << "\n";
            if (numeric)
            {
                gp << "set xtics autofreq\n";
            }
            else
            {
                gp << "set xtics (";
                for (std::size_t i = 0; i < values.size(); ++i)
                {
                    gp << (i ? ", " : "") << GnuplotTicLabel(values[i]) << " " << i;
                }
                gp << ")\n";
            }
            std::ostringstream data;
            std::vector<std::string> plotted;
            for (const auto& key : seriesKeys)
            {
                std::vector<std::pair<double, const ConfidenceInterval*>> points;
                for (const Row* row : series[key])
                {
                    auto it = row->stats.find(metric);
                    if (it == row->stats.end())
                    {
                        continue;
                    }
                    std::size_t i = std::find(values.begin(), values.end(), ValueOf(*row, dim)) -
                                    values.begin();
                    points.emplace_back(x[i], &it->second);
                }
                if (points.empty())
                {
                    continue;
                }
                std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) {
                    return a.first < b.first;
                });
                plotted.push_back(key.empty() ? metric : key);
                for (const auto& [px, ci] : points)
                {
                    data << Number(px) << ' ' << Number(unit.Of(ci->mean)) << ' '
                         << Number(unit.Of(ci->Low())) << ' ' << Number(unit.Of(ci->High()))
                         << '\n';
                }
                data << "e\n";
            }
            const ThresholdPlot thresholds =
                ThresholdLines(metric, unit, m_rows, [&](const Row& row) {
                    return x[std::find(values.begin(), values.end(), ValueOf(row, dim)) -
                             values.begin()];
                });
            if (plotted.empty())
            {
                gp << "# no results for " << metric << "\nunset output\n";
                continue;
            }
            gp << "plot ";
            for (std::size_t i = 0; i < plotted.size(); ++i)
            {
                gp << (i ? ", \\\n     " : "")
                   << "'-' using 1:2:3:4 with yerrorlines pointtype 7 title "
                   << GnuplotString(plotted[i]);
            }
            gp << thresholds.elements << "\n" << data.str() << thresholds.data;
        }
    }

    return gp.str();
}

bool
WriteSweepAggregate(const std::string& outDir, std::ostream& log)
{
    SweepAggregator a = SweepAggregator::Load(outDir);
    const std::string plotDir =
        std::filesystem::absolute(outDir + "/plots").lexically_normal().string();
    EnsureWritableDirectory(plotDir);
    const std::string script = plotDir + "/plots.gp";
    WriteFilesAtomically(
        {{outDir + "/summary.csv", a.SummaryCsv()}, {script, a.GnuplotScript(plotDir)}});
    std::size_t results = 0;
    for (const auto& row : a.GetRows())
    {
        results += row.results;
    }
    log << "summary: " << outDir << "/summary.csv (" << a.GetRows().size() << " points, " << results
        << " results, " << a.GetMetrics().size() << " metrics)\n";
    if (!a.GetDamaged().empty())
    {
        log << a.GetDamaged().size() << " damaged result" << (a.GetDamaged().size() == 1 ? "" : "s")
            << " left out (blueprint sweep sets them aside and runs them again):\n";
        for (const auto& d : a.GetDamaged())
        {
            log << "  " << d << "\n";
        }
    }
    if (auto problem = RunGnuplot(script))
    {
        log << "plots: " << *problem << "; the script is " << script << "\n";
        return false;
    }
    log << "plots: " << plotDir << "/ (" << a.PlotCount() << " PNG, script plots.gp)\n";
    return true;
}

} // namespace blueprint
} // namespace ns3
