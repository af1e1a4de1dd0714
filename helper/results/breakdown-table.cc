/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/breakdown-table.h"

#include <algorithm>
#include <array>
#include <cstdio>

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
    const Row header{"configuration", "flow", "segment", "kind", "mean ms", "share"};
    std::array<std::size_t, 6> width{};
    for (std::size_t c = 0; c < width.size(); ++c)
    {
        width[c] = header[c].size();
        for (const Row& row : rows)
        {
            width[c] = std::max(width[c], row[c].size());
        }
    }
    auto line = [&](const Row& row) {
        std::string out;
        for (std::size_t c = showConfiguration ? 0 : 1; c < row.size(); ++c)
        {
            const std::size_t pad = width[c] - row[c].size();
            // Text to the left, figures to the right.
            out += c < 4 ? row[c] + std::string(pad, ' ') : std::string(pad, ' ') + row[c];
            out += c + 1 < row.size() ? "  " : "";
        }
        while (!out.empty() && out.back() == ' ')
        {
            out.pop_back();
        }
        return out + "\n";
    };
    std::string out = "where the milliseconds go (request_response flows: the round trip)\n";
    out += line(header);
    const std::size_t indent = (showConfiguration ? width[0] + 2 : 0) + width[1] + 2;
    for (std::size_t i = 0; i < rows.size(); ++i)
    {
        out += line(rows[i]);
        if (!memberLines[i].empty())
        {
            out += std::string(indent, ' ') + memberLines[i] + "\n";
        }
    }
    return out;
}

} // namespace blueprint
} // namespace ns3
