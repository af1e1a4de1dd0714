/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/report/report-html.h"

#include "helper/report/plot-units.h"
#include "helper/sweep/seed-comparison.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>

namespace ns3
{
namespace blueprint
{

const char* const kReportGenerator = "blueprint report";

namespace
{

/// The page's styles: plain, printable, and never the only carrier of a verdict (every
/// coloured cell also says it in words).
const char* const kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; max-width: 62em;
       margin: 1.5em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #0072B2; padding-bottom: 0.15em; margin-top: 2em; }
h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.subtitle { color: #555; margin-top: 0; }
.answer { border: 2px solid #0072B2; background: #EEF5FB; padding: 0.8em 1.1em; border-radius: 6px; }
.answer.none { border-color: #B00000; background: #FBEEEE; }
.answer .headline { font-size: 1.25em; margin: 0.2em 0 0.5em; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.92em; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.55em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; white-space: nowrap; }
tr.recommended td { background: #E6F3EA; font-weight: bold; }
.pass { background: #DDF2E3; }
.fail { background: #F8DEDE; }
.partly, .inconclusive { background: #FCEFD2; }
figure { margin: 1.2em 0 2em; page-break-inside: avoid; }
figure img { width: 800px; max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { color: #333; font-size: 0.9em; max-width: 800px; }
.notes li { margin-bottom: 0.4em; }
footer { margin-top: 3em; color: #666; font-size: 0.85em; }
code { white-space: nowrap; }
)";

/// The report's sections holding charts, in page order: id, heading, introduction.
struct ChartSection
{
    const char* id;      //!< ReportChart::section
    const char* heading; //!< its heading
};

const ChartSection kChartSections[] = {{"latency", "Latency of every packet"},
                                       {"energy-cost", "Energy and cost"},
                                       {"pareto", "Cost against latency"},
                                       {"growth", "Demand growth"},
                                       {"segments", "Where the delay goes"},
                                       {"timeline", "Timelines and faults"}};

/// A money amount with its unit, to four digits so that close offers stay apart: "2.402
/// million yen".
std::string
Money(double amount, const std::string& currency)
{
    const DisplayUnit u = ChooseDisplayUnit("money", amount, currency);
    return PlannerNumber(u.Of(amount), 4) + " " + u.unit;
}

/// What a configuration is: its description, or for the base the scenario as written.
std::string
Description(const ReportConfiguration& c)
{
    const std::string& d = c.runs.front().description;
    return !d.empty() ? d : c.name == "base" ? "the scenario as written" : "";
}

std::string
Percent(double share)
{
    return PlannerNumber(share * 100, 3, true) + " %";
}

/**
 * A measured figure as result.json writes it ("0.127671 % of 14882", "3.99702 Mbit/s") with its
 * numbers as a table shows them: three significant digits, counts with separators ("0.128 % of
 * 14,882", "4.00 Mbit/s").
 */
std::string
TidyNumbers(const std::string& text)
{
    std::string out;
    std::size_t i = 0;
    while (i < text.size())
    {
        const std::size_t start = i;
        while (i < text.size() &&
               (std::isdigit(static_cast<unsigned char>(text[i])) || (text[i] == '.' && i > start)))
        {
            ++i;
        }
        if (i == start)
        {
            out += text[i++];
            continue;
        }
        // %g writes tiny shares with an exponent: 1.5e-05.
        if (i + 2 < text.size() && text[i] == 'e' && (text[i + 1] == '-' || text[i + 1] == '+') &&
            std::isdigit(static_cast<unsigned char>(text[i + 2])))
        {
            for (i += 2; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
            {
            }
        }
        const std::string number = text.substr(start, i - start);
        const bool count = number.find_first_of(".e") == std::string::npos;
        out += PlannerNumber(std::stod(number), count ? 1 : 3);
    }
    return out;
}

std::string
Join(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
    {
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    }
    return out;
}

const ReportConfiguration*
Find(const CompareFolder& folder, const std::string& name)
{
    for (const auto& c : folder.configurations)
    {
        if (c.name == name)
        {
            return &c;
        }
    }
    return nullptr;
}

/// How sure a seeded comparison is that a configuration meets every requirement.
std::string
Confidence(const CompareFolder& folder, const ReportConfiguration& c)
{
    return "met every requirement at " + std::to_string(c.seedsPassed) + " of " +
           std::to_string(c.seedsJudged) + " seeds; the 95 % Wilson lower bound of that share, " +
           Percent(c.passLow) + ", is at least the " +
           Percent(folder.recommendation.requiredShare) + " required";
}

/// The flows' requirements as (flow, metric) rows in the order first met, with a target.
struct RequirementRow
{
    std::string flow;   //!< the flow
    std::string metric; //!< latency, rtt, throughput, loss
    std::string target; //!< the base's target (or the first seen)
};

std::vector<RequirementRow>
RequirementRows(const CompareFolder& folder)
{
    std::vector<RequirementRow> rows;
    for (const auto& c : folder.configurations)
    {
        for (const auto& f : c.runs.front().flows)
        {
            for (const auto& q : f.requirements)
            {
                if (std::none_of(rows.begin(), rows.end(), [&](const RequirementRow& r) {
                        return r.flow == f.name && r.metric == q.metric;
                    }))
                {
                    rows.push_back(RequirementRow{f.name, q.metric, q.target});
                }
            }
        }
    }
    return rows;
}

/// A configuration's cell of the requirement table: its class and its text.
std::pair<std::string, std::string>
RequirementCell(const CompareFolder& folder,
                const ReportConfiguration& c,
                const RequirementRow& row)
{
    const ReportRequirement* q = nullptr;
    for (const auto& f : c.runs.front().flows)
    {
        for (const auto& r : f.requirements)
        {
            if (f.name == row.flow && r.metric == row.metric)
            {
                q = &r;
            }
        }
    }
    if (!q)
    {
        return {"", "not required"};
    }
    const std::string target = q->target == row.target ? "" : " (target " + q->target + ")";
    if (folder.seeded)
    {
        std::size_t passed = 0;
        for (const auto& run : c.runs)
        {
            for (const auto& f : run.flows)
            {
                for (const auto& r : f.requirements)
                {
                    passed += f.name == row.flow && r.metric == row.metric && r.verdict == "pass";
                }
            }
        }
        const std::string cls = passed == c.runs.size() ? "pass" : passed == 0 ? "fail" : "partly";
        return {cls,
                "met at " + std::to_string(passed) + " of " + std::to_string(c.runs.size()) +
                    " seeds" + target};
    }
    const std::string words = q->verdict == "pass"   ? "meets"
                              : q->verdict == "fail" ? "fails"
                                                     : q->verdict;
    return {q->verdict, words + ": " + TidyNumbers(q->measured) + target};
}

/// The seeds it takes, every one passing, for the 95 % Wilson lower bound of the pass share to
/// reach `share`; 0 beyond 10,000.
std::size_t
SeedsToShow(double share)
{
    for (std::size_t n = 1; n <= 10000; ++n)
    {
        if (WilsonInterval(n, n).low >= share)
        {
            return n;
        }
    }
    return 0;
}

/**
 * When nothing qualifies in a seeded comparison: the configurations that passed at every seed,
 * too few seeds to qualify, with the seeds it would take; else the one that passed most often.
 */
void
WriteNearMisses(std::ostringstream& html, const CompareFolder& folder)
{
    if (!folder.seeded)
    {
        return;
    }
    const ReportConfiguration* best = nullptr;
    for (const auto& c : folder.configurations)
    {
        if (!c.dropsFromBase.empty())
        {
            continue; // no number of seeds makes it qualify
        }
        if (c.seedsJudged > 0 && c.seedsPassed == c.seedsJudged)
        {
            const std::size_t needed = SeedsToShow(folder.recommendation.requiredShare);
            html << "<p><strong>" << HtmlText(c.name) << "</strong> met every requirement at all "
                 << c.seedsJudged << " seeds, but " << c.seedsJudged
                 << " seeds only show its share of passing seeds to be at least "
                 << HtmlText(Percent(c.passLow)) << " (95 % Wilson lower bound), below the "
                 << HtmlText(Percent(folder.recommendation.requiredShare)) << " required"
                 << (needed ? "; " + std::to_string(needed) +
                                  " seeds, all passing, would show it (<code>compare --seeds 1.." +
                                  std::to_string(needed) + "</code>)"
                            : std::string())
                 << ".</p>\n";
            continue;
        }
        if (c.seedsPassed > 0 &&
            (!best || c.seedsPassed * best->seedsJudged > best->seedsPassed * c.seedsJudged))
        {
            best = &c;
        }
    }
    if (best)
    {
        html << "<p>The closest: <strong>" << HtmlText(best->name) << "</strong>, which met every "
             << "requirement at " << best->seedsPassed << " of " << best->seedsJudged
             << " seeds.</p>\n";
    }
}

void
WriteRecommendation(std::ostringstream& html, const CompareFolder& folder)
{
    const ReportRecommendation& r = folder.recommendation;
    const std::string currency = folder.Currency();
    html << "<section id=\"recommendation\"><h2>Recommendation</h2>\n";
    const ReportConfiguration* cheapest = r.cheapest ? Find(folder, *r.cheapest) : nullptr;
    if (cheapest)
    {
        html << "<div class=\"answer\"><p class=\"headline\">Build <strong>"
             << HtmlText(cheapest->name)
             << "</strong>: the cheapest configuration that meets every requirement, at "
             << HtmlText(Money(cheapest->annualisedCost, currency)) << " a year.</p>\n";
        if (!Description(*cheapest).empty())
        {
            const std::string d = Description(*cheapest);
            html << "<p>" << HtmlText(d) << (d.back() == '.' ? "" : ".") << "</p>\n";
        }
    }
    else
    {
        html << "<div class=\"answer none\"><p class=\"headline\">No configuration meets every "
                "requirement"
             << (folder.seeded ? " with the confidence required" : "") << ".</p>\n";
        WriteNearMisses(html, folder);
        html << "<p>The requirement table below shows what each one misses.</p>\n";
    }
    if (!r.qualifying.empty())
    {
        html << "<p>Configurations that meet every requirement:</p>\n<ul>\n";
        for (const auto& name : r.qualifying)
        {
            if (const ReportConfiguration* c = Find(folder, name))
            {
                html << "<li><strong>" << HtmlText(name) << "</strong>, "
                     << HtmlText(Money(c->annualisedCost, currency)) << " a year"
                     << (folder.seeded ? ": " + HtmlText(Confidence(folder, *c)) : std::string())
                     << ".</li>\n";
            }
        }
        html << "</ul>\n";
        if (!folder.seeded)
        {
            html << "<p>Each verdict is from one simulated seed ("
                 << folder.configurations.front().runs.front().seed
                 << "); a result close to a requirement may differ at another. <code>blueprint "
                    "compare --seeds 1..20</code> says how sure each verdict is.</p>\n";
        }
    }
    if (!r.pareto.empty())
    {
        html << "<p>The trade-offs (the Pareto set over annualised cost, energy and latency, "
                "each flow's p99 weighed against its own deadline, among those that qualify): "
                "<strong>"
             << HtmlText(Join(r.pareto))
             << "</strong>. No other qualifying configuration is at least as good in all three "
                "and better in one.</p>\n";
    }
    html << "<p class=\"subtitle\">Rule: a configuration qualifies when "
         << (folder.seeded ? "every requirement passed in a share of the seeds whose 95 % Wilson "
                             "lower bound is at least " +
                                 Percent(r.requiredShare)
                           : std::string("every requirement passed at the seed simulated"))
         << ".</p></div></section>\n";
}

void
WriteComparisonTable(std::ostringstream& html, const CompareFolder& folder)
{
    const std::string currency = folder.Currency();
    const EnergyBasis basis = EnergyBasis::Of(folder);
    double largestEnergy = 0;
    for (const auto& c : folder.configurations)
    {
        for (const auto& r : c.runs)
        {
            largestEnergy = std::max(largestEnergy, basis.Shown(r, r.energyJoules));
        }
    }
    const DisplayUnit energy = ChooseDisplayUnit("energy", largestEnergy);
    html << "<section id=\"comparison\"><h2>Comparison</h2>\n"
         << "<table><tr><th>configuration</th><th>what it changes</th><th>every "
            "requirement</th><th>annualised cost</th><th>investment</th><th>energy "
         << HtmlText(basis.Words()) << "</th><th>worst p99 latency</th></tr>\n";
    for (const auto& c : folder.configurations)
    {
        double capex = 0;
        double joules = 0;
        for (const auto& r : c.runs)
        {
            capex += r.capex / c.runs.size();
            joules += basis.Shown(r, r.energyJoules) / c.runs.size();
        }
        std::string verdict;
        std::string cls;
        if (folder.seeded && c.hasRequirements)
        {
            const bool everySeed = c.seedsJudged > 0 && c.seedsPassed == c.seedsJudged;
            verdict = std::to_string(c.seedsPassed) + " of " + std::to_string(c.seedsJudged) +
                      " seeds" +
                      (c.meetsEveryRequirement                ? ": qualifies"
                       : everySeed && c.dropsFromBase.empty() ? ": too few seeds to qualify"
                                                              : "");
            cls = c.meetsEveryRequirement ? "pass" : c.seedsPassed ? "partly" : "fail";
        }
        else
        {
            verdict = c.runs.front().verdict == "pass"   ? "meets"
                      : c.runs.front().verdict == "fail" ? "fails"
                                                         : c.runs.front().verdict;
            cls = c.runs.front().verdict;
        }
        if (!c.dropsFromBase.empty())
        {
            // Whatever it passed, it was not judged on all the base asks: never recommended.
            verdict += "; drops " + Join(c.dropsFromBase) + " of the base: not recommended";
            cls = "fail";
        }
        html << "<tr" << (folder.recommendation.cheapest == c.name ? " class=\"recommended\"" : "")
             << "><td>" << HtmlText(c.name) << "</td><td>" << HtmlText(Description(c))
             << "</td><td class=\"" << cls << "\">" << HtmlText(verdict)
             << "</td><td class=\"num\">" << HtmlText(Money(c.annualisedCost, currency))
             << "</td><td class=\"num\">" << HtmlText(Money(capex, currency))
             << "</td><td class=\"num\">"
             << HtmlText(PlannerNumber(energy.Of(joules), 3) + " " + energy.unit)
             << "</td><td class=\"num\">"
             << HtmlText(c.worstP99Ms ? PlannerNumber(*c.worstP99Ms, 3) + " ms" : "-")
             << "</td></tr>\n";
    }
    html << "</table>\n";
    if (folder.seeded)
    {
        html << "<p>Figures are means over the " << folder.seeds.size()
             << " seeds; the comparison's compare.csv has their 95 % intervals and the paired "
                "differences from the base.</p>\n";
    }

    const std::vector<RequirementRow> rows = RequirementRows(folder);
    if (!rows.empty())
    {
        html << "<h3>Each requirement in each configuration</h3>\n<table><tr><th>flow</th>"
                "<th>requirement</th>";
        for (const auto& c : folder.configurations)
        {
            html << "<th>" << HtmlText(c.name) << "</th>";
        }
        html << "</tr>\n";
        for (const auto& row : rows)
        {
            html << "<tr><td>" << HtmlText(row.flow) << "</td><td>"
                 << HtmlText(row.metric + ": " + row.target) << "</td>";
            for (const auto& c : folder.configurations)
            {
                const auto [cls, text] = RequirementCell(folder, c, row);
                html << "<td class=\"" << cls << "\">" << HtmlText(text) << "</td>";
            }
            html << "</tr>\n";
        }
        html << "</table>\n";
    }
    html << "</section>\n";
}

void
WriteCostShares(std::ostringstream& html, const CompareFolder& folder)
{
    bool any = false;
    for (const auto& c : folder.configurations)
    {
        const auto& share = c.runs.front().costShare;
        if (!share)
        {
            continue;
        }
        if (!any)
        {
            html << "<section id=\"cost-share\"><h2>Who pays</h2>\n";
            any = true;
        }
        const std::string currency = c.runs.front().currency;
        html << "<h3>" << HtmlText(c.name) << (share->rule.empty() ? "" : ": split " + share->rule)
             << "</h3>\n<table><tr><th>party</th><th>share of the annualised "
                "cost</th><th>share of the investment</th><th>subsidy a year</th><th>pays a "
                "year</th></tr>\n";
        for (const auto& p : share->parties)
        {
            html << "<tr><td>" << HtmlText(p.name) << "</td><td class=\"num\">"
                 << HtmlText(Money(p.annualised, currency)) << "</td><td class=\"num\">"
                 << HtmlText(Money(p.capex, currency)) << "</td><td class=\"num\">"
                 << HtmlText(Money(p.subsidy, currency)) << "</td><td class=\"num\"><strong>"
                 << HtmlText(Money(p.pays, currency)) << "</strong></td></tr>\n";
        }
        html << "</table>\n";
    }
    if (any)
    {
        html << "</section>\n";
    }
}

/// How badly a run treats a group flow's members, the larger the worse: its worst member's loss,
/// then the lack of fairness (a run where nobody got anything worst of all), then the worst
/// member's p99 (nothing delivered latest).
std::tuple<double, double, double>
Starvation(const ReportGroupMembers& g)
{
    return {g.worst ? g.worstLossPct : -1,
            -g.jainIndex.value_or(-1),
            g.worstP99Ms.value_or(std::numeric_limits<double>::infinity())};
}

/// Of a configuration's runs (one per seed), the one whose group flow `flow` starves a member
/// most (Starvation): a seed where one member got nothing shows before one where many lost a
/// little, though the latter's index may be lower. None when no run has the flow's members.
std::optional<std::pair<const ReportRun*, const ReportGroupMembers*>>
WorstSeedOfGroup(const ReportConfiguration& c, const std::string& flow)
{
    std::optional<std::pair<const ReportRun*, const ReportGroupMembers*>> worst;
    for (const ReportRun& run : c.runs)
    {
        for (const ReportFlow& f : run.flows)
        {
            if (f.name == flow && f.group &&
                (!worst || Starvation(*f.group) > Starvation(*worst->second)))
            {
                worst.emplace(&run, &*f.group);
            }
        }
    }
    return worst;
}

/// Who is starved (doc/metrics.rst): each group flow's worst member and Jain's index, per
/// configuration, since an aggregate over many members can hide one that gets nothing.
void
WriteGroupMembers(std::ostringstream& html, const CompareFolder& folder)
{
    std::vector<std::string> flows; // group flows, in the order of the first run that has them
    for (const auto& c : folder.configurations)
    {
        for (const ReportFlow& f : c.runs.front().flows)
        {
            if (f.group && std::find(flows.begin(), flows.end(), f.name) == flows.end())
            {
                flows.push_back(f.name);
            }
        }
    }
    if (flows.empty())
    {
        return;
    }
    html << "<section id=\"members\"><h2>Who is starved</h2>\n<p>A flow of many members "
            "(phones, sensors, homes) is judged on all of them together, which can hide one that "
            "gets nothing. Here is each such flow's worst member (the highest loss, then the "
            "highest p99 delay) and Jain's fairness index of the members: of the shares of their "
            "packets delivered, or of their throughputs for bulk transfers; 1 when every member "
            "is served alike, (n&minus;1)/n when one of n gets nothing.";
    if (folder.seeded)
    {
        html << " Each configuration shows its worst seed: the one whose worst member lost "
                "most, then the one with the lowest index.";
    }
    html << "</p>\n";
    for (const std::string& flow : flows)
    {
        html << "<h3>" << HtmlText(flow) << "</h3>\n<table><tr><th>configuration</th>"
             << (folder.seeded ? "<th>seed</th>" : "")
             << "<th>members sending</th><th>worst member</th><th>its p99</th><th>its "
                "throughput</th><th>its loss</th><th>Jain's index</th></tr>\n";
        for (const auto& c : folder.configurations)
        {
            const auto worst = WorstSeedOfGroup(c, flow);
            if (!worst)
            {
                continue;
            }
            const auto& [run, g] = *worst;
            const ReportFlow* f = nullptr;
            for (const ReportFlow& candidate : run->flows)
            {
                f = candidate.name == flow ? &candidate : f;
            }
            // A member that sent and got nothing through is starved, whatever the aggregate says.
            const bool starved = g->worst && g->worstLossPct >= 100;
            html << "<tr" << (starved ? " class=\"fail\"" : "") << "><td>" << HtmlText(c.name)
                 << "</td>";
            if (folder.seeded)
            {
                html << "<td class=\"num\">" << run->seed << "</td>";
            }
            html << "<td class=\"num\">" << g->sending << " of " << f->members << "</td>";
            if (g->worst)
            {
                html << "<td>" << HtmlText(*g->worst) << "</td><td class=\"num\">"
                     << (g->worstP99Ms ? HtmlText(PlannerNumber(*g->worstP99Ms, 3) + " ms")
                                       : "nothing delivered")
                     << "</td><td class=\"num\">"
                     << HtmlText(PlannerNumber(g->worstThroughputMbps, 3) + " Mbit/s")
                     << "</td><td class=\"num\">"
                     << HtmlText(PlannerNumber(g->worstLossPct, 4, true) + " %") << "</td>";
            }
            else
            {
                html << "<td colspan=\"4\">no member sent</td>";
            }
            html << "<td class=\"num\">"
                 << (g->jainIndex ? HtmlText(PlannerNumber(*g->jainIndex, 4, true))
                                  : "nobody got anything")
                 << "</td></tr>\n";
        }
        html << "</table>\n";
    }
    html << "</section>\n";
}

void
WriteNotes(std::ostringstream& html, const CompareFolder& folder)
{
    html << "<section id=\"notes\"><h2>How these figures were made</h2>\n<ul class=\"notes\">\n"
         << "<li>Every configuration was simulated packet by packet with ns-3 (blueprint "
         << HtmlText(BLUEPRINT_VERSION) << ") from the scenario " << HtmlText(folder.scenario)
         << "; traffic, radio conditions and failures were drawn "
         << "from the same random streams in every configuration, so differences come from the "
         << "designs, not from luck in the draws.</li>\n";
    if (folder.seeded)
    {
        html << "<li>Each configuration ran at " << folder.seeds.size()
             << " seeds. A configuration qualifies when the 95 % Wilson lower bound of its share "
                "of seeds meeting every requirement reaches the required share.</li>\n";
    }
    else
    {
        html << "<li>One seed: a verdict close to a threshold may change with another seed. "
                "<code>blueprint compare --seeds 1..20</code> gives each configuration a pass "
                "share with its confidence.</li>\n";
    }
    html << "<li>Annualised cost is the investment's annuity over each item's life at the "
            "scenario's discount rate plus the running cost per year.</li>\n"
         << "<li>A deadline requirement (for example 99 % within 150 ms) counts the packets "
            "delivered in time against the packets sent, so lost packets count against it.</li>\n"
         << "</ul></section>\n";
}

} // namespace

std::string
HtmlText(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string
Base64(const std::string& bytes)
{
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3)
    {
        const auto byte = [&](std::size_t k) {
            return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u;
        };
        const unsigned group = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += alphabet[group >> 18 & 63];
        out += alphabet[group >> 12 & 63];
        out += i + 1 < bytes.size() ? alphabet[group >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[group & 63] : '=';
    }
    return out;
}

std::string
ReportHtml(const CompareFolder& folder,
           const std::vector<ReportChart>& charts,
           const std::map<std::string, std::string>& images)
{
    std::ostringstream html;
    std::vector<std::string> names;
    for (const auto& c : folder.configurations)
    {
        names.push_back(c.name);
    }
    html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"generator\" content=\"" << kReportGenerator << " "
         << HtmlText(BLUEPRINT_VERSION) << "\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<title>" << HtmlText(folder.scenario) << ": which configuration to build</title>\n"
         << "<style>" << kStyle << "</style>\n</head>\n<body>\n"
         << "<h1>" << HtmlText(folder.scenario) << ": which configuration to build</h1>\n"
         << "<p class=\"subtitle\">" << folder.configurations.size() << " configurations compared ("
         << HtmlText(Join(names)) << "), "
         << (folder.seeded
                 ? std::to_string(folder.seeds.size()) + " seeds each"
                 : "seed " + std::to_string(folder.configurations.front().runs.front().seed))
         << ".</p>\n";
    WriteRecommendation(html, folder);
    WriteComparisonTable(html, folder);
    WriteCostShares(html, folder);
    WriteGroupMembers(html, folder);
    for (const ChartSection& section : kChartSections)
    {
        bool opened = false;
        for (const ReportChart& chart : charts)
        {
            if (chart.section != section.id)
            {
                continue;
            }
            if (!opened)
            {
                html << "<section id=\"" << section.id << "\"><h2>" << section.heading << "</h2>\n";
                opened = true;
            }
            auto image = images.find(chart.id);
            html << "<figure id=\"chart-" << HtmlText(chart.id) << "\"><h3>"
                 << HtmlText(chart.title) << "</h3>\n<img alt=\"" << HtmlText(chart.title)
                 << "\" src=\"data:image/png;base64,"
                 << (image == images.end() ? std::string() : Base64(image->second))
                 << "\">\n<figcaption>" << HtmlText(chart.caption) << "</figcaption></figure>\n";
        }
        if (opened)
        {
            html << "</section>\n";
        }
    }
    WriteNotes(html, folder);
    html << "<footer>Written by " << kReportGenerator << " " << HtmlText(BLUEPRINT_VERSION)
         << " from " << HtmlText(folder.dir) << ".</footer>\n</body>\n</html>\n";
    return html.str();
}

} // namespace blueprint
} // namespace ns3
