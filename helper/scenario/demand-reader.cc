/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/demand-reader.h"

#include "helper/scenario/spec-reading.h"
#include "helper/scenario/units.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintDemandReader");

using namespace specreading;

namespace
{

const std::vector<std::string> kModels = {"compound", "study-group", "none"};
const std::vector<std::string> kTopKeys = {"model", "rate", "base_year", "year"};
const std::vector<std::string> kFlowKeys = {"model", "rate", "base_year"};

/// The study group's anchors: demand relative to 2020 (doc/growth.rst).
constexpr double kStudyGroupLevel2030 = 18;
constexpr double kStudyGroupLevel2040 = 309;

/// Largest mean video frame, in bytes: the traffic model counts a frame's bytes in 32 bits.
constexpr double kMaxFrameBytes = 4294967295.0;

/// The years a base year of `model` may be.
std::pair<int, int>
YearRange(const std::string& model)
{
    return model == "study-group" ? std::make_pair(kStudyGroupFirstYear, kStudyGroupLastYear)
                                  : std::make_pair(kCompoundFirstYear, kCompoundLastYear);
}

/**
 * A `demand:` block: the keys it writes over `inherited` (the top-level block, for a flow's).
 * \param node the block
 * \param context "demand" or "flow 'x' demand"
 * \param inherited what the block's unwritten keys fall back to
 */
DemandSpec
ReadBlock(const ConfigNode& node, const std::string& context, const DemandSpec* inherited)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + " must be a map, as in {model: compound, rate: 20%, "
                                   "base_year: 2025}");
    }
    DemandSpec d;
    d.mark = node.GetMark();
    if (inherited)
    {
        d.model = inherited->model;
        d.baseYear = inherited->baseYear;
    }
    if (const ConfigNode* model = node.Find("model"))
    {
        d.model = ReadChoice(*model, kModels, "demand model");
    }
    const ConfigNode* rate = node.Find("rate");
    if (d.model == "compound")
    {
        const bool inheritsRate = inherited && inherited->model == "compound";
        d.growthPerYear = inheritsRate ? inherited->growthPerYear : kDefaultGrowthPerYear;
        if (rate)
        {
            // A ratio: 0 % (the load stays) to 100 %/yr (doubling every year); never negative.
            d.growthPerYear = rate->AsRatio();
        }
    }
    else if (rate)
    {
        throw InputError(rate->GetMark(),
                         context + ": rate applies only to the compound model, not to " + d.model);
    }
    const ConfigNode* base = node.Find("base_year");
    if (d.model == "none")
    {
        if (base)
        {
            throw InputError(base->GetMark(),
                             context + ": base_year does not apply to model none (the load "
                                       "stays as written)");
        }
        d.baseYear.reset();
        return d;
    }
    const auto [first, last] = YearRange(d.model);
    if (base)
    {
        d.baseYear = static_cast<int>(ReadIntegerIn(*base, first, last, context + " base_year"));
    }
    else if (!d.baseYear)
    {
        throw InputError(node.GetMark(),
                         context + ": base_year is required: the year whose demand the flows' "
                                   "traffic describes (demand grows from there)");
    }
    else if (*d.baseYear < first || *d.baseYear > last)
    {
        throw InputError(node.GetMark(),
                         context + ": the base_year " + std::to_string(*d.baseYear) +
                             " of the top-level demand is outside the " + d.model +
                             " model's years, " + std::to_string(first) + " to " +
                             std::to_string(last));
    }
    return d;
}

/**
 * Scales one flow's offered load by `factor` and checks the result fits the traffic model.
 * \param f the flow
 * \param factor the load factor
 * \param at where the year is written: what made the load this large
 * \param year the year simulated
 */
void
ScaleFlow(FlowSpec& f, double factor, const SourceMark& at, int year)
{
    TrafficSpec& t = f.traffic;
    const std::string context = "flow '" + f.name + "': in " + std::to_string(year) +
                                " its demand grows " + LoadFactorText(factor) + ", and then ";
    if (t.pattern == "periodic" || t.pattern == "request_response")
    {
        // More messages in the same time: what more sensors behind one sender would send
        // (Poisson arrivals of n sensors add up to one Poisson stream of n times the rate).
        t.interval /= factor;
        if (t.interval < units::kMinSeconds)
        {
            throw InputError(at, context + "it sends more than one message per nanosecond");
        }
    }
    else if (t.pattern == "constant_rate" || t.pattern == "video")
    {
        // The same packets (frames) at a higher rate (larger frames): a richer stream.
        t.rate *= factor;
        if (t.rate > units::kMaxBitsPerSecond ||
            (t.pattern == "constant_rate" && t.size * 8 / t.rate < units::kMinSeconds))
        {
            throw InputError(at, context + "it sends more than one packet per nanosecond");
        }
        if (t.pattern == "video" && t.rate / 8 / t.frameRate > kMaxFrameBytes)
        {
            throw InputError(at, context + "its frames are larger than 4 GB");
        }
    }
    else if (t.pattern == "bulk" && t.totalBytes > 0)
    {
        t.totalBytes *= factor;
        if (t.totalBytes > units::kMaxBytes)
        {
            throw InputError(at, context + "it would move more than 1000 TB");
        }
    }
    else
    {
        // A bulk transfer until stop already offers whatever its path takes: more demand changes
        // nothing it sends, so neither its load nor its requirement moves.
        return;
    }
    f.loadFactor = factor;
    if (f.requirements.throughput)
    {
        // The requirement is the share of the offered rate that must get through: a flow that
        // must carry 3.6 of its 4 Mbit/s must carry 9 of 10 once it offers 10.
        *f.requirements.throughput *= factor;
        if (*f.requirements.throughput > units::kMaxBitsPerSecond)
        {
            throw InputError(at, context + "its throughput requirement exceeds 1000 Tbit/s");
        }
    }
}

} // namespace

std::string
LoadFactorText(double factor)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "x%.4g", factor);
    return buffer;
}

double
StudyGroupLevel(double year)
{
    if (!(year >= kStudyGroupFirstYear && year <= kStudyGroupLastYear))
    {
        throw std::out_of_range("the study group's scenario covers 2020 to 2040");
    }
    if (year <= 2030)
    {
        return std::pow(kStudyGroupLevel2030, (year - 2020) / 10);
    }
    return kStudyGroupLevel2030 *
           std::pow(kStudyGroupLevel2040 / kStudyGroupLevel2030, (year - 2030) / 10);
}

double
DemandFactor(const DemandSpec& demand, int year)
{
    if (demand.model == "none" || !demand.baseYear)
    {
        return 1;
    }
    if (demand.model == "study-group")
    {
        return StudyGroupLevel(year) / StudyGroupLevel(*demand.baseYear);
    }
    return std::pow(1 + demand.growthPerYear, year - *demand.baseYear);
}

std::string
DescribeDemand(const DemandSpec& demand)
{
    const std::string from =
        demand.baseYear ? " from " + std::to_string(*demand.baseYear) : std::string();
    if (demand.model == "compound")
    {
        char rate[64];
        std::snprintf(rate, sizeof(rate), "%.6g", demand.growthPerYear * 100);
        return "compound " + std::string(rate) + " %/yr" + from;
    }
    if (demand.model == "study-group")
    {
        return "study-group (18x 2020 by 2030, 309x by 2040)" + from;
    }
    return demand.model;
}

std::optional<DemandResult>
DemandOfRun(const ScenarioSpec& spec)
{
    const bool any = spec.demand || std::any_of(spec.flows.begin(),
                                                spec.flows.end(),
                                                [](const FlowSpec& f) { return f.demand; });
    if (!any)
    {
        return std::nullopt;
    }
    DemandResult r;
    if (spec.demand)
    {
        r.model = spec.demand->model;
        if (r.model == "compound")
        {
            r.growthPerYear = spec.demand->growthPerYear;
        }
        r.baseYear = spec.demand->baseYear;
        r.description = DescribeDemand(*spec.demand);
    }
    else
    {
        r.description = "per flow";
    }
    r.year = spec.year ? spec.year : r.baseYear;
    return r;
}

void
ReadDemand(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode* top = root.Find("demand");
    const ConfigNode* year = nullptr;
    if (top)
    {
        top->CheckKeys(kTopKeys, "demand");
        spec.demand = ReadBlock(*top, "demand", nullptr);
        year = top->Find("year");
    }
    if (year)
    {
        spec.yearMark = year->GetMark();
        spec.year = static_cast<int>(
            ReadIntegerIn(*year, kCompoundFirstYear, kCompoundLastYear, "demand year"));
    }
    const ConfigNode& flows = root.Get("flows", "scenario");
    bool grows = false;
    std::size_t i = 0;
    for (const auto& [name, flow] : flows.GetEntries())
    {
        FlowSpec& f = spec.flows.at(i++);
        const std::string context = "flow '" + name + "' demand";
        const ConfigNode* own = flow.Find("demand");
        if (own && own->IsMap() && own->Find("year"))
        {
            throw InputError(own->Find("year")->GetMark(),
                             context + ": the year is the whole run's; write it in the top-level "
                                       "demand, or give --year");
        }
        if (own)
        {
            own->CheckKeys(kFlowKeys, context);
            f.demand = ReadBlock(*own, context, spec.demand ? &*spec.demand : nullptr);
        }
        else if (spec.demand)
        {
            f.demand = spec.demand;
        }
        if (!f.demand || f.demand->model == "none")
        {
            continue;
        }
        if (f.traffic.pattern == f.traffic.sourceType)
        {
            // Only the source type knows which of its attributes is its load.
            const ConfigNode& pattern = flow.Get("traffic", context).Get("pattern", context);
            throw InputError(own ? own->GetMark() : pattern.GetMark(),
                             "flow '" + name + "': demand cannot scale " + f.traffic.sourceType +
                                 ", a source given by its TypeId; give the flow demand: {model: "
                                 "none} and set its attributes per year");
        }
        grows = true;
        if (!spec.year)
        {
            continue;
        }
        if (*spec.year < *f.demand->baseYear)
        {
            throw InputError(spec.yearMark,
                             "demand year " + std::to_string(*spec.year) + " is before flow '" +
                                 name + "''s base_year " + std::to_string(*f.demand->baseYear) +
                                 ": demand is projected forward from the year the traffic "
                                 "describes");
        }
        if (f.demand->model == "study-group" && *spec.year > kStudyGroupLastYear)
        {
            throw InputError(spec.yearMark,
                             "demand year " + std::to_string(*spec.year) + ": flow '" + name +
                                 "' follows the study group's scenario, which ends in 2040");
        }
        ScaleFlow(f, DemandFactor(*f.demand, *spec.year), spec.yearMark, *spec.year);
        NS_LOG_INFO("flow " << name << ": " << DescribeDemand(*f.demand) << ", in " << *spec.year
                            << " x" << f.loadFactor);
    }
    if (spec.year && !grows)
    {
        throw InputError(spec.yearMark,
                         "demand year " + std::to_string(*spec.year) +
                             " changes nothing: no flow's demand grows (every flow's model is "
                             "none)");
    }
}

} // namespace blueprint
} // namespace ns3
