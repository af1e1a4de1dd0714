/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/compute/compute-reader.h"

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/spec-reading.h"
#include "model/equipment/equipment-profile.h"

#include "ns3/random-variable-stream.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// The servers of one compute node member: a whole rack's worth (100,000) is beyond any site a
/// scenario plans.
constexpr int64_t kMaxServers = 100000;

/// Largest coefficient of variation a short-named distribution takes: 10 (a lognormal with
/// sigma 2.15) is heavier-tailed than any inference-latency measurement we found; beyond, the
/// mean of a short run is dominated by a few draws.
constexpr double kMaxCv = 10.0;

/**
 * Default server power: a Dell PowerEdge R830 (4 x Xeon E5-4669 v4) in SPECpower_ssj2008, result
 * power_ssj2008-20160705-00737 (spec.org, 2016 Q3): 86.4 W at active idle, 562 W at 100 % target
 * load; between the graduated load levels the measured curve stays within 4 % of the straight
 * line (315 W at 50 %, the line gives 324 W).
 */
constexpr double kSpecPowerIdleW = 86.4;
/// \see kSpecPowerIdleW
constexpr double kSpecPowerMaxW = 562.0;

const std::vector<std::string> kComputeKeys = {"servers", "queue", "service", "power", "cost"};

/// Shortest decimal text that reads back as the same double, for ns-3 attribute values.
std::string
Exact(double value)
{
    char text[32];
    std::snprintf(text, sizeof(text), "%.17g", value);
    return text;
}

/// `service:` of a compute block.
void
ReadService(const ConfigNode& node, const std::string& context, ComputeSpec& c)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + " must be a map such as {distribution: lognormal, mean: 20ms, "
                                   "cv: 0.5}");
    }
    node.CheckKeys({"distribution", "mean", "cv", "attributes"}, context);
    const ConfigNode& distribution = node.Get("distribution", context);
    c.serviceType = ReadTypeChoice(distribution, ServiceTimeDistributions());
    c.distribution = distribution.AsString();
    const std::string kind = ServiceTimeDistributions().GetAlias(c.serviceType);
    auto forbid = [&](const std::string& key, const std::string& why) {
        if (const ConfigNode* n = node.Find(key))
        {
            throw InputError(n->GetMark(), context + ": '" + key + "' " + why);
        }
    };
    if (kind == c.serviceType)
    {
        // A distribution named by its TypeId: its own attributes say what it draws, in seconds.
        forbid("mean", "does not apply to " + kind + "; set its attributes (in seconds)");
        forbid("cv", "does not apply to " + kind + "; set its attributes (in seconds)");
        if (const ConfigNode* attributes = node.Find("attributes"))
        {
            c.serviceAttributes = ReadAttributesOf(*attributes, c.serviceType);
        }
        return;
    }
    forbid("attributes", "applies only to a distribution named by its ns-3 type");
    const ConfigNode& meanNode = node.Get("mean", context);
    const double mean = meanNode.AsDuration();
    RequirePositive(meanNode, mean, context + " mean");
    c.meanSeconds = mean;
    const bool shaped = kind == "lognormal" || kind == "gamma";
    if (!shaped)
    {
        forbid("cv", "does not apply to " + kind + " (its shape is fixed by its mean)");
    }
    if (kind == "deterministic")
    {
        c.serviceAttributes = {{"Constant", Exact(mean)}};
        return;
    }
    if (kind == "exponential")
    {
        // Bound 0: ns-3's "no bound"; a bound would shorten the mean below the one written.
        c.serviceAttributes = {{"Mean", Exact(mean)}, {"Bound", "0"}};
        return;
    }
    const ConfigNode& cvNode = node.Get("cv", context);
    c.cv = cvNode.AsDouble();
    if (!(c.cv > 0) || c.cv > kMaxCv)
    {
        throw InputError(cvNode.GetMark(),
                         context + ": cv (the coefficient of variation, standard deviation over "
                                   "mean) must be above 0 and at most 10; use deterministic for 0");
    }
    if (kind == "lognormal")
    {
        // ln S ~ N(mu, sigma^2) with E[S] = exp(mu + sigma^2/2) and cv^2 = exp(sigma^2) - 1.
        const double sigma2 = std::log1p(c.cv * c.cv);
        c.serviceAttributes = {{"Mu", Exact(std::log(mean) - sigma2 / 2)},
                               {"Sigma", Exact(std::sqrt(sigma2))}};
        return;
    }
    // gamma: shape alpha and scale beta with mean alpha beta and cv 1/sqrt(alpha); ns-3's
    // GammaRandomVariable takes them as Alpha and Beta.
    c.serviceAttributes = {{"Alpha", Exact(1 / (c.cv * c.cv))},
                           {"Beta", Exact(mean * c.cv * c.cv)}};
}

} // namespace

const TypeChoice&
ServiceTimeDistributions()
{
    static const TypeChoice choice{"service-time distribution",
                                   "ns3::RandomVariableStream",
                                   &BuildsA<RandomVariableStream>,
                                   {{"deterministic", "ns3::ConstantRandomVariable"},
                                    {"exponential", "ns3::ExponentialRandomVariable"},
                                    {"lognormal", "ns3::LogNormalRandomVariable"},
                                    {"gamma", "ns3::GammaRandomVariable"}}};
    return choice;
}

ComputeSpec
ReadCompute(const ConfigNode& node, const std::string& context)
{
    if (!node.IsMap())
    {
        throw InputError(node.GetMark(),
                         context + " must be a map such as {servers: 2, service: "
                                   "{distribution: exponential, mean: 10ms}}");
    }
    node.CheckKeys(kComputeKeys, context);
    ComputeSpec c;
    c.mark = node.GetMark();
    if (const ConfigNode* servers = node.Find("servers"))
    {
        const int64_t k = servers->AsInteger();
        if (k < 1 || k > kMaxServers)
        {
            throw InputError(servers->GetMark(),
                             context + ": servers must be 1 to 100,000 (a node without servers "
                                       "has no compute block)");
        }
        c.servers = static_cast<uint32_t>(k);
    }
    if (const ConfigNode* queue = node.Find("queue"))
    {
        const int64_t q = queue->AsInteger();
        if (q < 0 || q > 4000000000LL)
        {
            throw InputError(queue->GetMark(),
                             context + ": queue (requests that may wait) must be 0 to "
                                       "4,000,000,000");
        }
        c.queueLimit = static_cast<uint32_t>(q);
    }
    ReadService(node.Get("service", context), context + " service", c);
    c.idleWatts = kSpecPowerIdleW;
    c.maxWatts = kSpecPowerMaxW;
    c.powerSource = "per server 86.4 W idle, 562 W busy (SPECpower_ssj2008 result "
                    "power_ssj2008-20160705-00737, Dell PowerEdge R830)";
    if (const ConfigNode* power = node.Find("power"))
    {
        power->CheckKeys({"idle", "max"}, context + " power");
        c.idleWatts = power->Get("idle", context + " power").AsPower();
        c.maxWatts = c.idleWatts;
        if (const ConfigNode* max = power->Find("max"))
        {
            c.maxWatts = max->AsPower();
            if (c.maxWatts < c.idleWatts)
            {
                throw InputError(max->GetMark(), context + " power: max power is below idle power");
            }
        }
        c.powerSource = "per server, as given";
    }
    // The catalogue's server (EquipmentProfile "server") prices each one.
    const EquipmentProfile& server = *EquipmentProfile::Find("server");
    c.capex = server.capex;
    c.opexPerYear = server.opexPerYear;
    c.lifetimeYears = server.lifetimeYears;
    c.costSource = "per server " + server.costSource;
    if (const ConfigNode* cost = node.Find("cost"))
    {
        const CostSpec written = ReadCost(*cost, context + " cost");
        c.capex = written.capex;
        c.opexPerYear = written.opexPerYear;
        c.lifetimeYears = written.lifetimeYears;
        c.costSource = "per server, as given";
        c.costWritten = true;
    }
    return c;
}

std::string
ServiceText(const ComputeSpec& c)
{
    const std::string kind = ServiceTimeDistributions().GetAlias(c.serviceType);
    std::ostringstream text;
    if (!c.meanSeconds)
    {
        text << kind;
        const char* separator = " [";
        for (const auto& [attribute, value] : c.serviceAttributes)
        {
            text << separator << attribute << "=" << value;
            separator = ", ";
        }
        text << (c.serviceAttributes.empty() ? "" : "]");
        return text.str();
    }
    text << kind << ", mean " << *c.meanSeconds * 1e3 << " ms";
    if (c.cv > 0)
    {
        text << ", cv " << c.cv;
    }
    return text.str();
}

} // namespace blueprint
} // namespace ns3
