/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/power/power-supply-reader.h"

#include "helper/scenario/spec-reading.h"
#include "helper/scenario/units.h"
#include "model/energy/solar-harvester.h"

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// Daylight in the sun-hours profile lasts pi/2 x sun hours, which must fit in a day.
constexpr double kMaxSunHours = 15;

BatterySpec
ReadBattery(const ConfigNode& node)
{
    BatterySpec battery;
    battery.mark = node.GetMark();
    if (node.IsScalar())
    {
        battery.capacityJoules = node.AsEnergy();
        RequirePositive(node, battery.capacityJoules, "battery capacity");
        return battery;
    }
    node.CheckKeys({"capacity", "recharge"}, "battery");
    const ConfigNode& capacity = node.Get("capacity", "battery");
    battery.capacityJoules = capacity.AsEnergy();
    RequirePositive(capacity, battery.capacityJoules, "battery capacity");
    if (const ConfigNode* recharge = node.Find("recharge"))
    {
        battery.rechargeSeconds = recharge->AsDuration();
        RequirePositive(*recharge, battery.rechargeSeconds, "battery recharge time");
    }
    return battery;
}

GeneratorSpec
ReadGenerator(const ConfigNode& node)
{
    GeneratorSpec generator;
    generator.mark = node.GetMark();
    node.CheckKeys({"fuel", "consumption"}, "generator");
    const ConfigNode& fuel = node.Get("fuel", "generator");
    const ConfigNode* consumption = node.Find("consumption");
    // Fuel is a running time ("72h") or a volume burnt at a stated consumption ("200L").
    double seconds = 0;
    bool isTime = true;
    try
    {
        seconds = units::ParseDuration(fuel.AsString());
    }
    catch (const UnitError&)
    {
        isTime = false;
    }
    if (isTime)
    {
        RequirePositive(fuel, seconds, "generator fuel");
        if (consumption)
        {
            throw InputError(node.GetKeyMark("consumption"),
                             "generator consumption is for fuel given in litres; this fuel is a "
                             "running time");
        }
        generator.fuelSeconds = seconds;
        return generator;
    }
    double litres = 0;
    try
    {
        litres = units::ParseVolume(fuel.AsString());
    }
    catch (const UnitError&)
    {
        throw InputError(fuel.GetMark(),
                         "generator fuel must be a running time (such as 72h) or a volume (such "
                         "as 200L), not '" +
                             fuel.AsString() + "'");
    }
    RequirePositive(fuel, litres, "generator fuel");
    if (!consumption)
    {
        throw InputError(fuel.GetMark(),
                         "generator fuel in litres needs its consumption (such as consumption: "
                         "2.5L/h)");
    }
    const double perSecond = consumption->AsVolumeFlow();
    RequirePositive(*consumption, perSecond, "generator consumption");
    generator.litres = litres;
    generator.litresPerSecond = perSecond;
    generator.fuelSeconds = litres / perSecond;
    if (generator.fuelSeconds > units::kMaxSeconds)
    {
        throw InputError(consumption->GetMark(),
                         "this fuel would last more than 1e9s (about 31 years); check the "
                         "consumption's unit");
    }
    return generator;
}

SolarSpec
ReadSolar(const ConfigNode& node, const SiteSpec& site, const ScenarioSpec& spec)
{
    SolarSpec solar;
    solar.mark = node.GetMark();
    node.CheckKeys({"peak", "sun_hours", "start"}, "solar");
    const ConfigNode& peak = node.Get("peak", "solar");
    solar.peakWatts = peak.AsPower();
    RequirePositive(peak, solar.peakWatts, "solar peak");
    if (const ConfigNode* hours = node.Find("sun_hours"))
    {
        const double seconds = hours->AsDuration();
        RequirePositive(*hours, seconds, "solar sun_hours");
        if (seconds > kMaxSunHours * 3600)
        {
            throw InputError(hours->GetMark(),
                             "solar sun_hours must be at most 15h: a day of that much sun at its "
                             "peak power already needs 23.6 h of daylight");
        }
        solar.sunHours = seconds / 3600;
    }
    if (const ConfigNode* start = node.Find("start"))
    {
        solar.start = start->AsString();
        if (!ParseDateTime(solar.start, solar.startUnixSeconds, solar.startClockSeconds))
        {
            throw InputError(start->GetMark(),
                             "solar start must be a date and time with its offset from UTC, such "
                             "as 2024-01-01T16:10+09:00, not '" +
                                 solar.start + "'");
        }
    }
    else
    {
        ParseDateTime(solar.start, solar.startUnixSeconds, solar.startClockSeconds);
    }
    if (!solar.sunHours)
    {
        // The clear-sky sun needs to know where it shines: the site's own latitude and
        // longitude, or the scenario's origin, which a site in metres lies a few km from.
        const std::optional<EarthPosition>& where = site.earth ? site.earth : spec.origin;
        if (!where)
        {
            throw InputError(node.GetMark(),
                             "solar needs sun_hours, or a latitude and longitude for site '" +
                                 site.name + "' (or an origin:) to follow the sun");
        }
        solar.latitudeDeg = where->latitudeDeg;
        solar.longitudeDeg = where->longitudeDeg;
    }
    return solar;
}

} // namespace

void
ReadPowerSupplies(const ConfigNode& root, ScenarioSpec& spec)
{
    const ConfigNode* section = root.Find("power_supply");
    if (!section || section->IsNull())
    {
        return;
    }
    if (!section->IsMap())
    {
        throw InputError(section->GetMark(),
                         "power_supply must be a map from site or node names to supplies, such "
                         "as 'macro-site: {battery: 4.8kWh}'");
    }
    std::vector<std::string> names;
    for (const auto& s : spec.sites)
    {
        names.push_back(s.name);
    }
    for (const auto& n : spec.nodes)
    {
        names.push_back(n.name);
    }
    for (const auto& [name, entry] : section->GetEntries())
    {
        PowerSupplySpec supply;
        supply.target = name;
        supply.mark = section->GetKeyMark(name);
        const NodeSpec* node = spec.FindNode(name);
        const SiteSpec* site = spec.FindSite(name);
        if (!node && !site)
        {
            throw InputError(supply.mark,
                             WithSuggestion("power_supply names '" + name +
                                                "', which is neither a site nor a node",
                                            name,
                                            names));
        }
        supply.site = !node;
        const std::string context = "power_supply '" + name + "'";
        if (!entry.IsMap())
        {
            throw InputError(entry.GetMark(), context + " must be a map such as {battery: 4.8kWh}");
        }
        entry.CheckKeys({"mains", "battery", "generator", "solar", "description"}, context);
        if (const ConfigNode* mains = entry.Find("mains"))
        {
            supply.mains = mains->AsBool();
        }
        if (const ConfigNode* battery = entry.Find("battery"))
        {
            supply.battery = ReadBattery(*battery);
        }
        if (const ConfigNode* generator = entry.Find("generator"))
        {
            supply.generator = ReadGenerator(*generator);
        }
        if (const ConfigNode* solar = entry.Find("solar"))
        {
            if (!supply.battery)
            {
                throw InputError(entry.GetKeyMark("solar"),
                                 context + ": solar needs a battery (battery: ...) to carry the "
                                           "equipment through the night");
            }
            supply.solar = ReadSolar(*solar, site ? *site : *spec.FindSite(node->site), spec);
        }
        if (!supply.mains && !supply.battery && !supply.generator)
        {
            throw InputError(entry.GetKeyMark("mains"),
                             context + " has no mains and no battery or generator: its "
                                       "equipment would never run");
        }
        spec.powerSupplies.push_back(std::move(supply));
    }
}

} // namespace blueprint
} // namespace ns3
