/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The terminal tables of `blueprint run` and `compare` say what was judged: the round trip of a
 * request-response flow (labelled), "none" for a flow nothing was required of, and names, paths
 * and summary lines whole however long they are.
 */

#include "helper/results/result-writer.h"

#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// A run of two flows: a request-response flow judged on its round trip (one-way 5 ms, round
/// trip 100 ms at p99) and a periodic flow with no requirement.
RunResult
TwoFlowRun()
{
    RunResult r;
    r.scenario = "town";
    r.configuration = "base";
    r.currency = "JPY";
    FlowResult rr;
    rr.name = "records";
    rr.technologyPath = {"copper", "fiber", "ethernet"};
    rr.pattern = "request_response";
    rr.latency.mean = 4;
    rr.latency.p99 = 5;
    rr.latency.max = 6;
    rr.rtt = DelaySummary{};
    rr.rtt->mean = 90;
    rr.rtt->p99 = 100;
    rr.rtt->max = 110;
    rr.verdict = Verdict::Pass;
    FlowResult plain;
    plain.name = "sensors";
    plain.technologyPath = {"ethernet"};
    plain.latency.mean = 1;
    plain.latency.p99 = 2;
    plain.latency.max = 3;
    plain.verdict = Verdict::None;
    r.flows = {rr, plain};
    r.verdict = Verdict::Pass;
    return r;
}

/// The lines of a text.
std::vector<std::string>
Lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
    {
        lines.push_back(line);
    }
    return lines;
}

/// The line that starts with `prefix`, or an empty string.
std::string
LineStartingWith(const std::string& text, const std::string& prefix)
{
    for (const auto& line : Lines(text))
    {
        if (line.rfind(prefix, 0) == 0)
        {
            return line;
        }
    }
    return "";
}

TEST(ResultWriterTest, RequestResponseRowsShowTheRoundTripTheRequirementJudges)
{
    const RunResult r = TwoFlowRun();
    const std::string table = ResultWriter::SummaryTable(r);
    const std::string header = LineStartingWith(table, "flow");
    const std::string records = LineStartingWith(table, "records");
    const std::string sensors = LineStartingWith(table, "sensors");
    ASSERT_NE(header.find("delay"), std::string::npos) << table;
    // The delay column says which delay the row shows; a request-response row shows the round
    // trip, not the requests' one-way latency.
    EXPECT_EQ(records.substr(header.find("delay"), 3), "rtt") << table;
    EXPECT_EQ(sensors.substr(header.find("delay"), 7), "one-way") << table;
    EXPECT_NE(records.find("100.000"), std::string::npos) << records;
    EXPECT_EQ(records.find("  5.000"), std::string::npos) << records;

    const std::string compare = ResultWriter::CompareTable({r});
    const std::string row = LineStartingWith(compare, "base");
    EXPECT_NE(row.find(" rtt "), std::string::npos) << compare;
    EXPECT_NE(row.find("100.000"), std::string::npos) << compare;
}

TEST(ResultWriterTest, FlowWithoutRequirementSaysNoneAndDoesNotPassTheRun)
{
    RunResult r = TwoFlowRun();
    const std::string table = ResultWriter::SummaryTable(r);
    const std::string sensors = LineStartingWith(table, "sensors");
    EXPECT_EQ(sensors.substr(sensors.size() - 4), "none") << table;
    EXPECT_NE(table.find("verdict: pass "), std::string::npos) << table;

    // Nothing required of any flow: the run has no verdict, and says so.
    r.flows.erase(r.flows.begin());
    r.verdict = Verdict::None;
    const std::string alone = ResultWriter::SummaryTable(r);
    EXPECT_NE(alone.find("verdict: none (no flow has a requirement)"), std::string::npos) << alone;
    EXPECT_EQ(alone.find("pass"), std::string::npos) << alone;
    EXPECT_NE(ResultWriter::ToJson(r).find("\"verdict\": \"none\""), std::string::npos);
    EXPECT_EQ(Worst(Verdict::None, Verdict::None), Verdict::None);
    EXPECT_EQ(Worst(Verdict::None, Verdict::Pass), Verdict::Pass);
    EXPECT_EQ(Worst(Verdict::Inconclusive, Verdict::None), Verdict::Inconclusive);
}

TEST(ResultWriterTest, LongNamesPathsAndLinesAreNeverCut)
{
    RunResult r = TwoFlowRun();
    r.configuration = "fiber-to-every-building-and-a-modern-router";
    r.flows[0].name = "records-look-ups-from-the-town-office-counter";
    r.flows[0].technologyPath = {"adsl2plus", "fiber-leased-relay", "ethernet", "nr", "wifi"};
    r.currency = std::string(600, 'X'); // longer than any fixed line buffer
    const std::string path = "adsl2plus+fiber-leased-relay+ethernet+nr+wifi";
    for (const std::string& table :
         {ResultWriter::SummaryTable(r), ResultWriter::CompareTable({r})})
    {
        EXPECT_NE(table.find(r.flows[0].name + " "), std::string::npos) << table;
        EXPECT_NE(table.find(path + " "), std::string::npos) << table;
        EXPECT_NE(table.find(r.configuration + " "), std::string::npos) << table;
        // Columns stay aligned: every flow row's delay column starts where the header's does.
        std::vector<std::string> lines = Lines(table);
        std::size_t column = std::string::npos;
        int rows = 0;
        for (const auto& line : lines)
        {
            if (column == std::string::npos)
            {
                std::size_t at = line.find(" delay ");
                column = at == std::string::npos ? at : at + 1;
                continue;
            }
            if (line.empty() || line.rfind("    ", 0) == 0)
            {
                if (line.empty())
                {
                    break;
                }
                continue; // a requirement's detail line
            }
            if (line.rfind("energy", 0) == 0)
            {
                break;
            }
            ++rows;
            const std::string cell = line.substr(column, 8);
            EXPECT_TRUE(cell == "rtt     " || cell == "one-way ") << "'" << cell << "' in\n"
                                                                  << table;
        }
        EXPECT_EQ(rows, 2) << table;
        EXPECT_NE(column, std::string::npos) << table;
    }
    const std::string summary = ResultWriter::SummaryTable(r);
    EXPECT_NE(summary.find(r.currency + " (capex 0, opex 0/yr)"), std::string::npos) << summary;
    const std::string compare = ResultWriter::CompareTable({r});
    EXPECT_NE(compare.find("annualised " + r.currency + " verdict"), std::string::npos) << compare;
}

/// Elements without figures are listed once for all configurations, each marked with the
/// configurations it is missing in when some have a figure for it, not repeated per configuration.
TEST(ResultWriterTest, CompareListsEachUnaccountedElementOnceWithWhereItIsMissing)
{
    RunResult local = TwoFlowRun();
    local.configuration = "local";
    local.unmetered = {{"tractors", "tractors", "host", "an end device"}};
    RunResult lte = local;
    lte.configuration = "lte";
    lte.unmetered.push_back({"epc", "core", "lte", "the carrier's core, shared"});
    lte.uncosted = {{"epc", "core", "lte", "the carrier's core, shared"}};
    const std::string compare = ResultWriter::CompareTable({local, lte});
    EXPECT_NE(compare.find("not metered (0 J counted): tractors (host: an end device); epc (lte: "
                           "the carrier's core, shared; only in lte)\n"),
              std::string::npos)
        << compare;
    EXPECT_NE(compare.find("not costed: epc (lte: the carrier's core, shared; only in lte)\n"),
              std::string::npos)
        << compare;
    EXPECT_EQ(compare.find("local: "), std::string::npos) << compare;
}

} // namespace
