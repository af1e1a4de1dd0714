/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/ntn/ntn-link-reader.h"

#include "ns3/type-id.h"

#include <cmath>
#include <regex>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/**
 * \brief Fail unless a value is one of some words.
 * \param node the value.
 * \param allowed the words.
 * \param what what the value is, for the message.
 * \return the value.
 */
std::string
OneOf(const ConfigNode& node, const std::vector<std::string>& allowed, const std::string& what)
{
    const std::string value = node.AsString();
    for (const auto& a : allowed)
    {
        if (a == value)
        {
            return value;
        }
    }
    std::string message = "unknown " + what + " '" + value + "'";
    const std::string close = SuggestClosest(value, allowed);
    if (!close.empty())
    {
        message += "; did you mean '" + close + "'?";
    }
    else
    {
        message += "; expected one of:";
        for (std::size_t i = 0; i < allowed.size(); ++i)
        {
            message += (i ? ", " : " ") + allowed[i];
        }
    }
    throw InputError(node.GetMark(), message);
}

/**
 * \param node a number.
 * \param lo lowest allowed.
 * \param hi highest allowed.
 * \param what what it is, with its unit.
 * \return the number.
 */
double
InRange(const ConfigNode& node, double lo, double hi, const std::string& what)
{
    const double v = node.AsDouble();
    if (v < lo || v > hi)
    {
        std::ostringstream m;
        m << what << " must be between " << lo << " and " << hi << ", not " << node.AsString();
        throw InputError(node.GetMark(), m.str());
    }
    return v;
}

/**
 * \param node a duration.
 * \param what what it is.
 * \return seconds, not negative.
 */
double
NonNegativeDuration(const ConfigNode& node, const std::string& what)
{
    const double s = node.AsDuration();
    if (s < 0)
    {
        throw InputError(node.GetMark(), what + " must not be negative");
    }
    return s;
}

/// Read the platform key.
void
ReadPlatform(const ConfigNode& node, NtnPlatformSpec& p, const std::string& context)
{
    const ConfigNode* preset = node.IsMap() ? node.Find("preset") : &node;
    if (preset)
    {
        const std::string name =
            OneOf(*preset, NtnPlatformSpec::GetPresetNames(), "platform preset");
        NtnPlatformSpec::FindPreset(name, p);
    }
    if (!node.IsMap())
    {
        return;
    }
    node.CheckKeys({"preset",
                    "altitude",
                    "inclination",
                    "planes",
                    "satellites_per_plane",
                    "phasing",
                    "reassignment_period",
                    "longitude",
                    "latitude"},
                   context + " platform");
    if (const ConfigNode* v = node.Find("altitude"))
    {
        p.altitudeM = v->AsLength();
        if (p.altitudeM < 1e3 || p.altitudeM > 50000e3)
        {
            throw InputError(v->GetMark(), "altitude must be between 1 km and 50,000 km");
        }
    }
    if (const ConfigNode* v = node.Find("inclination"))
    {
        p.inclinationDeg = InRange(*v, 0, 180, "inclination (degrees)");
    }
    auto count = [](const ConfigNode& v, int64_t lo, int64_t hi, const std::string& what) {
        const int64_t n = v.AsInteger();
        if (n < lo || n > hi)
        {
            throw InputError(v.GetMark(),
                             what + " must be between " + std::to_string(lo) + " and " +
                                 std::to_string(hi));
        }
        return static_cast<uint32_t>(n);
    };
    if (const ConfigNode* v = node.Find("planes"))
    {
        p.planes = count(*v, 1, 1000, "planes");
    }
    if (const ConfigNode* v = node.Find("satellites_per_plane"))
    {
        p.perPlane = count(*v, 1, 1000, "satellites_per_plane");
    }
    if (const ConfigNode* v = node.Find("phasing"))
    {
        p.phasing = count(*v, 0, 999, "phasing");
        if (p.phasing >= p.planes)
        {
            throw InputError(v->GetMark(), "phasing must be below the number of planes");
        }
    }
    if (const ConfigNode* v = node.Find("reassignment_period"))
    {
        p.reassignmentPeriodS = NonNegativeDuration(*v, "reassignment_period");
    }
    if (const ConfigNode* v = node.Find("longitude"))
    {
        p.longitudeDeg = InRange(*v, -180, 360, "longitude (degrees)");
    }
    if (const ConfigNode* v = node.Find("latitude"))
    {
        p.latitudeDeg = InRange(*v, -90, 90, "latitude (degrees)");
        p.overFirstTerminal = false;
    }
}

/// Read the beam key.
void
ReadBeam(const ConfigNode& node, NtnBeamParameters& b, const std::string& context)
{
    const ConfigNode* preset = node.IsMap() ? node.Find("preset") : &node;
    if (preset)
    {
        b = *NtnBeamParameters::Find(OneOf(*preset, NtnBeamParameters::GetNames(), "beam preset"));
    }
    if (!node.IsMap())
    {
        return;
    }
    node.CheckKeys({"preset",
                    "forward_frequency",
                    "forward_bandwidth",
                    "eirp_density",
                    "return_frequency",
                    "return_bandwidth",
                    "g_over_t",
                    "beam_diameter"},
                   context + " beam");
    auto frequency = [](const ConfigNode& v) {
        const double f = v.AsFrequency();
        if (f < 1e9 || f > 100e9)
        {
            throw InputError(v.GetMark(), "frequency must be between 1 and 100 GHz");
        }
        return f;
    };
    auto bandwidth = [](const ConfigNode& v) {
        const double f = v.AsFrequency();
        if (f <= 0)
        {
            throw InputError(v.GetMark(), "bandwidth must be positive");
        }
        return f;
    };
    if (const ConfigNode* v = node.Find("forward_frequency"))
    {
        b.forwardFrequencyHz = frequency(*v);
    }
    if (const ConfigNode* v = node.Find("return_frequency"))
    {
        b.returnFrequencyHz = frequency(*v);
    }
    if (const ConfigNode* v = node.Find("forward_bandwidth"))
    {
        b.forwardBandwidthHz = bandwidth(*v);
    }
    if (const ConfigNode* v = node.Find("return_bandwidth"))
    {
        b.returnBandwidthHz = bandwidth(*v);
    }
    if (const ConfigNode* v = node.Find("eirp_density"))
    {
        b.eirpDensityDbwPerMhz = InRange(*v, -50, 100, "eirp_density (dBW/MHz)");
    }
    if (const ConfigNode* v = node.Find("g_over_t"))
    {
        b.gOverTDbK = InRange(*v, -60, 60, "g_over_t (dB/K)");
    }
    if (const ConfigNode* v = node.Find("beam_diameter"))
    {
        b.beamDiameterM = v->AsLength();
        if (b.beamDiameterM <= 0)
        {
            throw InputError(v->GetMark(), "beam_diameter must be positive");
        }
    }
}

/// Read the terminal key.
void
ReadTerminal(const ConfigNode& node, NtnTerminalParameters& t, const std::string& context)
{
    const ConfigNode* preset = node.IsMap() ? node.Find("preset") : &node;
    if (preset)
    {
        t = *NtnTerminalParameters::Find(
            OneOf(*preset, NtnTerminalParameters::GetNames(), "terminal preset"));
    }
    if (!node.IsMap())
    {
        return;
    }
    node.CheckKeys({"preset",
                    "rx_gain",
                    "g_over_t",
                    "tx_eirp",
                    "other_losses",
                    "min_elevation",
                    "clear_view",
                    "idle_power",
                    "max_power",
                    "nominal_rate",
                    "capex",
                    "subscription",
                    "lifetime"},
                   context + " terminal");
    if (const ConfigNode* v = node.Find("rx_gain"))
    {
        t.rxGainDbi = InRange(*v, -20, 70, "rx_gain (dBi)");
    }
    if (const ConfigNode* v = node.Find("g_over_t"))
    {
        t.gOverTDbK = InRange(*v, -60, 60, "g_over_t (dB/K)");
    }
    if (const ConfigNode* v = node.Find("tx_eirp"))
    {
        t.txEirpDbw = InRange(*v, -50, 90, "tx_eirp (dBW)");
    }
    if (const ConfigNode* v = node.Find("other_losses"))
    {
        t.otherLossesDb = InRange(*v, 0, 50, "other_losses (dB)");
    }
    if (const ConfigNode* v = node.Find("min_elevation"))
    {
        t.minElevationDeg = InRange(*v, 0, 89, "min_elevation (degrees)");
    }
    if (const ConfigNode* v = node.Find("clear_view"))
    {
        t.clearView = v->AsBool();
    }
    if (const ConfigNode* v = node.Find("idle_power"))
    {
        t.idlePowerW = v->AsPower();
    }
    if (const ConfigNode* v = node.Find("max_power"))
    {
        t.maxPowerW = v->AsPower();
    }
    if (t.maxPowerW < t.idlePowerW)
    {
        const ConfigNode* at = node.Find("max_power") ? node.Find("max_power") : &node;
        throw InputError(at->GetMark(),
                         context + " terminal: max_power must be at least idle_power");
    }
    if (const ConfigNode* v = node.Find("nominal_rate"))
    {
        t.nominalRateBps = v->AsDataRate();
    }
    if (const ConfigNode* v = node.Find("capex"))
    {
        t.capex = v->AsMoney();
    }
    if (const ConfigNode* v = node.Find("subscription"))
    {
        // Written per month, as operators price it.
        t.opexPerYear = 12 * v->AsMoney();
    }
    if (const ConfigNode* v = node.Find("lifetime"))
    {
        t.lifetimeYears = InRange(*v, 1, 50, "lifetime (years)");
    }
}

/// Read the gateway key: who owns it, and its figures when the scenario does.
void
ReadGateway(const ConfigNode& node, NtnLinkSpec& spec, const std::string& context)
{
    node.CheckKeys({"owned", "power", "capex", "opex_per_year", "lifetime"}, context + " gateway");
    if (const ConfigNode* v = node.Find("owned"))
    {
        spec.gatewayOwned = v->AsBool();
    }
    if (const ConfigNode* v = node.Find("power"))
    {
        spec.gateway.powerW = v->AsPower();
    }
    if (const ConfigNode* v = node.Find("capex"))
    {
        spec.gateway.capex = v->AsMoney();
    }
    if (const ConfigNode* v = node.Find("opex_per_year"))
    {
        spec.gateway.opexPerYear = v->AsMoney();
    }
    if (const ConfigNode* v = node.Find("lifetime"))
    {
        spec.gateway.lifetimeYears = InRange(*v, 1, 50, "lifetime (years)");
    }
}

} // namespace

NtnLinkSpec
ReadNtnLinkSpec(const ConfigNode& node,
                const std::string& technology,
                const std::string& context,
                const std::vector<std::string>& common)
{
    NtnLinkSpec spec;
    if (!NtnLinkSpec::ForTechnology(technology, spec))
    {
        throw InputError(node.GetMark(),
                         context + ": unknown satellite technology '" + technology +
                             "' (leo, geo or haps)");
    }
    if (node.IsNull())
    {
        return spec;
    }
    std::vector<std::string> keys = common;
    for (const auto& key : NtnLinkKeys())
    {
        keys.push_back(key);
    }
    node.CheckKeys(keys, context);
    if (const ConfigNode* v = node.Find("platform"))
    {
        ReadPlatform(*v, spec.platform, context);
    }
    if (const ConfigNode* v = node.Find("beam"))
    {
        ReadBeam(*v, spec.beam, context);
    }
    if (const ConfigNode* v = node.Find("terminal"))
    {
        ReadTerminal(*v, spec.terminal, context);
    }
    if (const ConfigNode* v = node.Find("gateway"))
    {
        ReadGateway(*v, spec, context);
    }
    if (const ConfigNode* v = node.Find("payload"))
    {
        spec.payload = OneOf(*v, {"transparent", "regenerative"}, "payload");
    }
    if (const ConfigNode* v = node.Find("inter_satellite_links"))
    {
        spec.interSatelliteLinks = v->AsBool();
        if (spec.interSatelliteLinks && spec.payload != "regenerative")
        {
            throw InputError(v->GetMark(), "inter_satellite_links need a regenerative payload");
        }
    }
    if (const ConfigNode* v = node.Find("scenario"))
    {
        spec.scenario = v->AsString();
        if (spec.scenario.rfind("ns3::", 0) != 0)
        {
            OneOf(*v, {"dense-urban", "urban", "suburban-rural", "suburban", "rural"}, "scenario");
        }
        else
        {
            TypeId tid;
            if (!TypeId::LookupByNameFailSafe(spec.scenario, &tid) ||
                !tid.IsChildOf(TypeId::LookupByName("ns3::blueprint::NtnPathLoss")))
            {
                throw InputError(v->GetMark(),
                                 "'" + spec.scenario + "' is not an ns3::blueprint::NtnPathLoss");
            }
        }
    }
    if (const ConfigNode* v = node.Find("scheduler"))
    {
        spec.scheduler = v->AsString();
        if (spec.scheduler.rfind("ns3::", 0) != 0)
        {
            OneOf(*v, {"rr", "pf"}, "scheduler");
        }
        else
        {
            TypeId tid;
            if (!TypeId::LookupByNameFailSafe(spec.scheduler, &tid) ||
                !tid.IsChildOf(TypeId::LookupByName("ns3::blueprint::NtnBeamScheduler")))
            {
                throw InputError(v->GetMark(),
                                 "'" + spec.scheduler +
                                     "' is not an ns3::blueprint::NtnBeamScheduler");
            }
        }
    }
    if (const ConfigNode* v = node.Find("background_load"))
    {
        spec.backgroundLoad = v->AsRatio();
        if (spec.backgroundLoad > 0.99)
        {
            throw InputError(v->GetMark(), "background_load must be at most 0.99");
        }
    }
    if (const ConfigNode* v = node.Find("background_burst"))
    {
        spec.backgroundBurstS = NonNegativeDuration(*v, "background_burst");
        if (spec.backgroundBurstS < 1e-6)
        {
            throw InputError(v->GetMark(), "background_burst must be at least 1 us");
        }
    }
    if (const ConfigNode* v = node.Find("interruption"))
    {
        spec.interruptionS = NonNegativeDuration(*v, "interruption");
    }
    if (const ConfigNode* v = node.Find("interruption_mode"))
    {
        spec.interruptionMode = OneOf(*v, {"hold", "drop"}, "interruption_mode");
    }
    if (const ConfigNode* v = node.Find("reassignment_offset"))
    {
        spec.reassignmentOffsetS = NonNegativeDuration(*v, "reassignment_offset");
    }
    if (const ConfigNode* v = node.Find("max_consecutive_slots"))
    {
        const int64_t n = v->AsInteger();
        if (n < 0)
        {
            throw InputError(v->GetMark(), "max_consecutive_slots must not be negative");
        }
        spec.maxConsecutiveSlots = static_cast<uint32_t>(n);
    }
    if (const ConfigNode* v = node.Find("return_access"))
    {
        spec.returnAccess = OneOf(*v, {"continuous", "request-grant"}, "return_access");
    }
    if (const ConfigNode* v = node.Find("grant_at_gateway"))
    {
        spec.grantAtGateway = v->AsBool();
    }
    if (const ConfigNode* v = node.Find("grant_hold"))
    {
        spec.grantHoldS = NonNegativeDuration(*v, "grant_hold");
    }
    if (const ConfigNode* v = node.Find("constant_rate"))
    {
        spec.constantRateBps = v->AsDataRate();
    }
    if (const ConfigNode* v = node.Find("frame"))
    {
        spec.frameS = NonNegativeDuration(*v, "frame");
    }
    if (const ConfigNode* v = node.Find("return_frame"))
    {
        spec.returnFrameS = NonNegativeDuration(*v, "return_frame");
    }
    auto lead = [](const ConfigNode& v, const std::string& what) {
        const int64_t n = v.AsInteger();
        if (n < 0 || n > 1000)
        {
            throw InputError(v.GetMark(), what + " must be 0 to 1000 frames");
        }
        return static_cast<uint32_t>(n);
    };
    if (const ConfigNode* v = node.Find("scheduling_lead"))
    {
        spec.schedulingLead = lead(*v, "scheduling_lead");
    }
    if (const ConfigNode* v = node.Find("return_scheduling_lead"))
    {
        spec.returnSchedulingLead = lead(*v, "return_scheduling_lead");
    }
    if (const ConfigNode* v = node.Find("processing"))
    {
        spec.processingS = NonNegativeDuration(*v, "processing");
    }
    if (const ConfigNode* v = node.Find("gateway_min_elevation"))
    {
        spec.gatewayMinElevationDeg = InRange(*v, 0, 89, "gateway_min_elevation (degrees)");
    }
    if (const ConfigNode* v = node.Find("margin"))
    {
        spec.marginDb = InRange(*v, 0, 20, "margin (dB)");
    }
    if (const ConfigNode* v = node.Find("roll_off"))
    {
        spec.rollOff = InRange(*v, 0, 1, "roll_off");
    }
    if (const ConfigNode* v = node.Find("rain_rate"))
    {
        spec.rainRateMmH = InRange(*v, 0, 300, "rain_rate (mm/h)");
    }
    if (const ConfigNode* v = node.Find("rain_height"))
    {
        spec.rainHeightM = v->AsLength();
        if (spec.rainHeightM < 0 || spec.rainHeightM > 10e3)
        {
            throw InputError(v->GetMark(), "rain_height must be between 0 and 10 km");
        }
    }
    if (const ConfigNode* v = node.Find("queue_size"))
    {
        // ns-3's QueueSize aborts on malformed text: check it here.
        static const std::regex pattern("^[1-9][0-9]*(p|B|kB|KB|MB|KiB|MiB)$");
        spec.queueSize = v->AsString();
        if (!std::regex_match(spec.queueSize, pattern))
        {
            throw InputError(v->GetMark(),
                             "queue_size must be a count of packets or bytes, e.g. 100p or "
                             "150000B, not '" +
                                 spec.queueSize + "'");
        }
    }
    return spec;
}

std::vector<std::string>
NtnLinkKeys()
{
    return {"platform",
            "beam",
            "terminal",
            "gateway",
            "payload",
            "inter_satellite_links",
            "scenario",
            "scheduler",
            "background_load",
            "background_burst",
            "interruption",
            "interruption_mode",
            "reassignment_offset",
            "max_consecutive_slots",
            "return_access",
            "grant_at_gateway",
            "grant_hold",
            "constant_rate",
            "frame",
            "return_frame",
            "scheduling_lead",
            "return_scheduling_lead",
            "processing",
            "gateway_min_elevation",
            "margin",
            "roll_off",
            "rain_rate",
            "rain_height",
            "queue_size"};
}

} // namespace blueprint
} // namespace ns3
