/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/cost-share-writer.h"

#include "helper/results/csv-text.h"
#include "helper/results/text-table.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

using Json = nlohmann::ordered_json;

/// Shortest round-trip decimal text of a double, as result.json carries it.
std::string
Exact(double v)
{
    return Json(v).dump();
}

/// One number printed by a printf format with one conversion.
std::string
Printed(const char* format, double v)
{
    char text[64];
    std::snprintf(text, sizeof(text), format, v);
    return text;
}

/// A whole amount of money, as the tables show costs.
std::string
Amount(double v)
{
    return Printed("%.0f", v);
}

/// A number of years as people write it ("3", "2.5").
std::string
Years(double years)
{
    return Printed("%g", years);
}

/// The use case's verdict in a run ("none" when it has none).
std::string
VerdictOf(const RunResult& r, const std::string& useCase)
{
    for (const auto& u : r.useCases)
    {
        if (u.name == useCase)
        {
            return ToString(u.verdict);
        }
    }
    return ToString(Verdict::None);
}

/// How the share's annuities are made, in words.
std::string
Basis(const RunResult& r)
{
    const CostShare& s = *r.costShare;
    std::string text = r.currency + " a year; capex over each item's lifetime at " +
                       Printed("%.3g %%", s.discountRate * 100);
    if (!s.subsidies.empty())
    {
        text += ", opex support over a " + Printed("%.3g", s.horizonYears) + "-year horizon";
    }
    return text;
}

/// One line per subsidy.
std::string
SubsidyLines(const RunResult& r, const char* indent)
{
    std::string out;
    for (const SubsidyResult& s : r.costShare->subsidies)
    {
        std::string what;
        if (s.capexGrant > 0 || s.opexYears == 0)
        {
            what = "capex grant " + Amount(s.capexGrant);
        }
        if (s.opexYears > 0)
        {
            what += (what.empty() ? "" : ", ") + std::string("opex support ") +
                    Amount(s.opexSupportPerYear) + " a year for " + Years(s.opexYears) + " years";
        }
        out += indent + s.funder + " to " + s.party + ": " + what + " (" + Amount(s.annualised) +
               " a year annualised)\n";
    }
    return out;
}

} // namespace

Json
CostShareWriter::UseCasesJson(const RunResult& r)
{
    Json list = Json::array();
    for (const UseCaseResult& u : r.useCases)
    {
        list.push_back({{"name", u.name},
                        {"description", u.description},
                        {"flows", u.flows},
                        {"verdict", ToString(u.verdict)},
                        {"failed", u.failed}});
    }
    return list;
}

Json
CostShareWriter::CostShareJson(const RunResult& r)
{
    const CostShare& s = *r.costShare;
    Json parties = Json::array();
    for (const PartyCost& p : s.parties)
    {
        parties.push_back({{"name", p.name},
                           {"verdict", VerdictOf(r, p.name)},
                           {"annualised_jpy", p.annualised},
                           {"capex_jpy", p.capex},
                           {"opex_per_year_jpy", p.opexPerYear},
                           {"capex_grant_jpy", p.capexGrant},
                           {"subsidy_jpy", p.subsidy},
                           {"pays_jpy", p.pays}});
    }
    Json subsidies = Json::array();
    for (const SubsidyResult& g : s.subsidies)
    {
        subsidies.push_back({{"to", g.party},
                             {"from", g.funder},
                             {"capex_grant_jpy", g.capexGrant},
                             {"opex_support_per_year_jpy", g.opexSupportPerYear},
                             {"opex_years", g.opexYears},
                             {"annualised_jpy", g.annualised}});
    }
    Json byRule = Json::object();
    for (const auto& [rule, parties] : s.byRule)
    {
        Json list = Json::array();
        for (const PartyCost& p : parties)
        {
            list.push_back({{"name", p.name},
                            {"annualised_jpy", p.annualised},
                            {"subsidy_jpy", p.subsidy},
                            {"pays_jpy", p.pays}});
        }
        byRule[ToString(rule)] = list;
    }
    return {{"rule", ToString(s.rule)},
            {"currency", r.currency},
            {"discount_rate", s.discountRate},
            {"horizon_years", s.horizonYears},
            {"peak_interval_s", s.peakIntervalSeconds},
            {"capex_jpy", s.capex},
            {"opex_per_year_jpy", s.opexPerYear},
            {"annualised_jpy", s.annualised},
            {"parties", parties},
            {"subsidies", subsidies},
            {"by_rule", byRule}};
}

std::string
CostShareWriter::SummaryLines(const RunResult& r)
{
    if (!r.costShare)
    {
        return "";
    }
    const CostShare& s = *r.costShare;
    std::string out = "who pays, by rule " + ToString(s.rule) + " (" + Basis(r) + "):\n";
    std::vector<std::vector<std::string>> rows{
        {"use case", "verdict", "capex", "annualised", "subsidy", "pays"}};
    double subsidy = 0;
    for (const PartyCost& p : s.parties)
    {
        rows.push_back({p.name,
                        VerdictOf(r, p.name),
                        Amount(p.capex),
                        Amount(p.annualised),
                        Amount(p.subsidy),
                        Amount(p.pays)});
        subsidy += p.subsidy;
    }
    rows.push_back({"all",
                    ToString(r.verdict),
                    Amount(s.capex),
                    Amount(s.annualised),
                    Amount(subsidy),
                    Amount(s.annualised - subsidy)});
    out += AlignColumns(rows, 2, "  ");
    for (const UseCaseResult& u : r.useCases)
    {
        if (!u.failed.empty())
        {
            std::string failed;
            for (const auto& f : u.failed)
            {
                failed += (failed.empty() ? "" : ", ") + f;
            }
            out += "  " + u.name + " did not pass: " + failed + "\n";
        }
    }
    out += SubsidyLines(r, "  ");
    // What each would pay under every rule: the choice of rule is the planner's to argue.
    std::vector<std::vector<std::string>> matrix{{"pays under each rule"}};
    for (const auto& [rule, parties] : s.byRule)
    {
        matrix.front().push_back(ToString(rule));
        for (std::size_t i = 0; i < parties.size(); ++i)
        {
            matrix.resize(std::max(matrix.size(), i + 2), {parties[i].name});
            matrix[i + 1].push_back(Amount(parties[i].pays));
        }
    }
    return out + AlignColumns(matrix, 1, "  ");
}

std::string
CostShareWriter::CompareLines(const std::vector<RunResult>& runs)
{
    std::vector<std::vector<std::string>> rows{
        {"configuration", "rule", "use case", "verdict", "annualised", "subsidy", "pays"}};
    std::string subsidies;
    std::string currency;
    for (const RunResult& r : runs)
    {
        if (!r.costShare)
        {
            continue;
        }
        currency = r.currency;
        for (const PartyCost& p : r.costShare->parties)
        {
            rows.push_back({r.configuration,
                            ToString(r.costShare->rule),
                            p.name,
                            VerdictOf(r, p.name),
                            Amount(p.annualised),
                            Amount(p.subsidy),
                            Amount(p.pays)});
        }
        const std::string lines = SubsidyLines(r, "");
        std::istringstream in(lines);
        for (std::string line; std::getline(in, line);)
        {
            subsidies += "  " + r.configuration + ": " + line + "\n";
        }
    }
    if (rows.size() == 1)
    {
        return "";
    }
    return "\nwho pays (" + currency + " a year):\n" + AlignColumns(rows, 4) + subsidies;
}

std::string
CostShareWriter::SharesCsv(const std::vector<RunResult>& runs)
{
    std::ostringstream out;
    out << "scenario,configuration,seed,rule,use_case,verdict,capex,opex_per_year,annualised,"
           "capex_grant,subsidy,pays,currency\n";
    for (const RunResult& r : runs)
    {
        if (!r.costShare)
        {
            continue;
        }
        for (const PartyCost& p : r.costShare->parties)
        {
            out << CsvField(r.scenario) << ',' << CsvField(r.configuration) << ',' << r.seed << ','
                << ToString(r.costShare->rule) << ',' << CsvField(p.name) << ','
                << VerdictOf(r, p.name) << ',' << Exact(p.capex) << ',' << Exact(p.opexPerYear)
                << ',' << Exact(p.annualised) << ',' << Exact(p.capexGrant) << ','
                << Exact(p.subsidy) << ',' << Exact(p.pays) << ',' << CsvField(r.currency) << '\n';
        }
    }
    return out.str();
}

std::string
CostShareWriter::SplitCsv(const RunResult& r)
{
    std::ostringstream out;
    out << "scenario,configuration,seed,rule,element,node,technology,used_by,basis,use_case,"
           "fraction,capex,opex_per_year,annualised,currency\n";
    for (const ItemShare& i : r.costShare->items)
    {
        std::string users;
        for (const auto& u : i.users)
        {
            users += (users.empty() ? "" : "+") + u;
        }
        out << CsvField(r.scenario) << ',' << CsvField(r.configuration) << ',' << r.seed << ','
            << ToString(r.costShare->rule) << ',' << CsvField(i.element) << ',' << CsvField(i.node)
            << ',' << CsvField(i.technology) << ',' << CsvField(users) << ',' << CsvField(i.basis)
            << ',' << CsvField(i.party) << ',' << Exact(i.fraction) << ',' << Exact(i.capex) << ','
            << Exact(i.opexPerYear) << ',' << Exact(i.annualised) << ',' << CsvField(r.currency)
            << '\n';
    }
    return out.str();
}

} // namespace blueprint
} // namespace ns3
