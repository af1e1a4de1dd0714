/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/report/plot-units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace ns3
{
namespace blueprint
{

namespace
{

/// A unit of a ladder: its name, its size in the stored unit, and the value it is used from.
struct Step
{
    const char* unit; //!< name
    double size;      //!< in the stored unit
    double from;      //!< the smallest largest value shown in it (the first step: any)
};

/// The last step of `ladder` (ascending) whose `from` `largest` reaches, or the first.
DisplayUnit
Climb(const std::vector<Step>& ladder, double largest)
{
    const Step* chosen = &ladder.front();
    for (const Step& s : ladder)
    {
        if (std::abs(largest) >= s.from)
        {
            chosen = &s;
        }
    }
    return DisplayUnit{chosen->unit, 1, chosen->size};
}

} // namespace

std::string
CurrencyName(const std::string& code)
{
    if (code == "JPY")
    {
        return "yen";
    }
    if (code == "USD")
    {
        return "US$";
    }
    if (code == "EUR")
    {
        return "euro";
    }
    return code;
}

DisplayUnit
ChooseDisplayUnit(const std::string& kind, double largest, const std::string& currency)
{
    if (kind == "duration")
    {
        // Past two of a unit the next reads better: 90 s, 3 min, 36 h, 3 d.
        return Climb({{"ms", 1e-3, 0},
                      {"s", 1, 1},
                      {"min", 60, 120},
                      {"h", 3600, 7200},
                      {"d", 86400, 172800}},
                     largest);
    }
    if (kind == "delay")
    {
        return DisplayUnit{"ms", 1, 1};
    }
    if (kind == "data rate")
    {
        return Climb({{"kbit/s", 1e3, 0}, {"Mbit/s", 1e6, 1e5}, {"Gbit/s", 1e9, 1e10}}, largest);
    }
    if (kind == "data size")
    {
        return Climb({{"B", 1, 0}, {"kB", 1e3, 1e3}, {"MB", 1e6, 1e6}, {"GB", 1e9, 1e9}}, largest);
    }
    if (kind == "length")
    {
        return Climb({{"m", 1, 0}, {"km", 1e3, 1e3}}, largest);
    }
    if (kind == "power")
    {
        return Climb({{"W", 1, 0}, {"kW", 1e3, 1e3}, {"MW", 1e6, 1e6}}, largest);
    }
    if (kind == "frequency")
    {
        return Climb({{"Hz", 1, 0}, {"kHz", 1e3, 1e3}, {"MHz", 1e6, 1e6}, {"GHz", 1e9, 1e9}},
                     largest);
    }
    if (kind == "ratio")
    {
        return DisplayUnit{"%", 100, 1};
    }
    if (kind == "energy")
    {
        return Climb({{"Wh", 3600, 0}, {"kWh", 3.6e6, 3.6e6}, {"MWh", 3.6e9, 3.6e9}}, largest);
    }
    if (kind == "money")
    {
        DisplayUnit u = Climb(
            {{"", 1, 0}, {"thousand ", 1e3, 1e4}, {"million ", 1e6, 1e6}, {"billion ", 1e9, 1e9}},
            largest);
        u.unit += CurrencyName(currency);
        return u;
    }
    return DisplayUnit{"", 1, 1};
}

std::string
MetricDisplay::Label() const
{
    std::string label = flow.empty() ? what : flow + ": " + what;
    return unit.unit.empty() ? label : label + " (" + unit.unit + ")";
}

MetricDisplay
DescribeMetric(const std::string& metric, double largest, const std::string& currency)
{
    struct Known
    {
        const char* suffix; //!< the metric's name after the flow's
        const char* what;   //!< what it is
        const char* kind;   //!< its kind
    };

    static const std::vector<Known> flowMetrics{
        {"latency_mean_ms", "mean one-way latency", "delay"},
        {"latency_p99_ms", "p99 one-way latency", "delay"},
        {"rtt_p99_ms", "p99 round trip", "delay"},
        {"throughput_bps", "throughput, all members", "data rate"},
        {"loss_ratio", "packet loss", "ratio"},
        {"worst_member_loss_ratio", "packet loss of the worst member", "ratio"},
        {"jain_index", "Jain's fairness index of the members", "index"}};
    MetricDisplay d;
    const std::size_t dot = metric.find_last_of('.');
    if (dot != std::string::npos)
    {
        for (const Known& k : flowMetrics)
        {
            if (metric.compare(dot + 1, std::string::npos, k.suffix) == 0)
            {
                d.flow = metric.substr(0, dot);
                d.what = k.what;
                d.kind = k.kind;
            }
        }
    }
    if (metric == "energy_j")
    {
        d.what = "energy over the simulated time";
        d.kind = "energy";
    }
    else if (metric == "annualised_cost")
    {
        d.what = "annualised cost";
        d.kind = "money";
    }
    else if (metric == "verdict_pass")
    {
        d.what = "share of seeds meeting every requirement";
        d.kind = "ratio";
    }
    if (d.what.empty())
    {
        d.what = metric;
        return d;
    }
    d.unit = ChooseDisplayUnit(d.kind, largest, currency);
    if (d.kind == "money")
    {
        d.unit.unit += " per year";
    }
    return d;
}

std::string
PlannerNumber(double value, int significant, bool trim)
{
    if (!std::isfinite(value))
    {
        return value != value ? "-" : value > 0 ? "inf" : "-inf";
    }
    significant = std::max(significant, 1);
    const double magnitude = std::abs(value);
    int decimals = 0;
    if (magnitude > 0 && magnitude < std::pow(10.0, significant))
    {
        decimals =
            std::max(0, significant - 1 - static_cast<int>(std::floor(std::log10(magnitude))));
    }
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
    std::string text = buffer;
    if (trim && text.find('.') != std::string::npos)
    {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
        {
            text.pop_back();
        }
    }
    if (text.find_first_not_of("-0.") == std::string::npos)
    {
        text = "0";
    }
    if (text == "-0")
    {
        text = "0";
    }
    // Thousands separators in the integer part.
    const std::size_t start = text[0] == '-' ? 1 : 0;
    std::size_t end = text.find('.');
    end = end == std::string::npos ? text.size() : end;
    for (std::size_t i = end; i > start + 3; i -= 3)
    {
        text.insert(i - 3, ",");
    }
    return text;
}

} // namespace blueprint
} // namespace ns3
