/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/breakdown-table.h"

#include "helper/results/text-table.h"

#include <array>
#include <cstdio>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/// One row: configuration, flow, segment, kind, then the figures already formatted.
using Row = std::array<std::string, 6>;

/// A number with a fixed count of decimals.
std::string
Fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof(text), "%.*f", decimals, value);
    return text;
}

} // namespace

std::string
BreakdownTable(const std::vector<RunResult>& runs, bool showConfiguration)
{
    std::vector<Row> rows;
    std::vector<std::string> memberLines; // after the row of the same index, when not empty
    for (const RunResult& r : runs)
    {
        for (const FlowResult& f : r.flows)
        {
            if (f.segments.empty() && !f.groupMembers)
            {
                continue;
            }
            const double total = f.rtt ? f.rtt->mean : f.latency.mean;
            bool first = true;
            if (f.segments.empty())
            {
                // A group flow whose members all got nothing: its starved members are the news.
                rows.push_back({r.configuration, f.name, "nothing delivered", "", "-", ""});
                memberLines.emplace_back();
                first = false;
            }
            for (const LatencySegment& s : f.segments)
            {
                rows.push_back({first ? r.configuration : "",
                                first ? f.name : "",
                                s.segment,
                                s.kind,
                                Fixed(s.meanMs, 3),
                                total > 0 ? Fixed(100 * s.meanMs / total, 1) + " %" : "-"});
                memberLines.emplace_back();
                first = false;
            }
            if (!f.segments.empty())
            {
                rows.push_back({"",
                                "",
                                f.rtt ? "round trip, mean" : "one-way, mean",
                                "",
                                Fixed(total, 3),
                                ""});
                memberLines.emplace_back();
            }
            if (f.groupMembers)
            {
                const GroupMembers& g = *f.groupMembers;
                std::string line = std::to_string(g.sending) + " of " + std::to_string(f.members) +
                                   " members sent";
                if (g.worst)
                {
                    line += "; worst " + *g.worst + ": " +
                            (g.worstP99Ms ? "p99 " + Fixed(*g.worstP99Ms, 3) + " ms"
                                          : "nothing delivered") +
                            ", " + Fixed(g.worstThroughputBps / 1e6, 3) + " Mbit/s, loss " +
                            Fixed(g.worstLossRatio * 100, 3) + " %";
                }
                line += "; Jain's index " + (g.jainIndex ? Fixed(*g.jainIndex, 3) : "-");
                memberLines.back() = line;
            }
        }
    }
    if (rows.empty())
    {
        return "where the milliseconds go: no flow delivered anything\n";
    }
    // Text to the left, figures to the right; the configuration only when there are several.
    const std::size_t first = showConfiguration ? 0 : 1;
    std::vector<std::vector<std::string>> table{
        {"configuration", "flow", "segment", "kind", "mean ms", "share"}};
    for (const Row& row : rows)
    {
        table.emplace_back(row.begin(), row.end());
    }
    for (auto& row : table)
    {
        row.erase(row.begin(), row.begin() + first);
    }
    std::istringstream lines(AlignColumns(table, 4 - first));
    std::string header;
    std::getline(lines, header);
    // A flow's members line goes under its segments, where the segment column starts.
    const std::string indent(header.find("segment"), ' ');
    std::string out = "where the milliseconds go (request_response flows: the round trip)\n";
    out += header + "\n";
    std::string line;
    for (std::size_t i = 0; std::getline(lines, line); ++i)
    {
        out += line + "\n";
        if (!memberLines[i].empty())
        {
            out += indent + memberLines[i] + "\n";
        }
    }
    return out;
}

} // namespace blueprint
} // namespace ns3
