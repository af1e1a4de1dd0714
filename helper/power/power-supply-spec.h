/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_POWER_SUPPLY_SPEC_H
#define BLUEPRINT_POWER_SUPPLY_SPEC_H

#include "helper/scenario/input-error.h"

#include <optional>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A backup battery (`battery: 4.8kWh` or `battery: {capacity: 4.8kWh, recharge: 10h}`).
 */
struct BatterySpec
{
    double capacityJoules = 0;      //!< usable capacity, J
    double rechargeSeconds = 36000; //!< time the mains take to charge it from empty, s
    SourceMark mark;                //!< where it is written
};

/**
 * \ingroup blueprint
 * \brief A standby generator (`generator: {fuel: 72h}` or `{fuel: 200L, consumption: 2.5L/h}`).
 */
struct GeneratorSpec
{
    double fuelSeconds = 0;                //!< running time the fuel lasts, s
    std::optional<double> litres;          //!< the fuel, if given in litres
    std::optional<double> litresPerSecond; //!< its consumption, if the fuel is in litres
    SourceMark mark;                       //!< where it is written
};

/**
 * \ingroup blueprint
 * \brief A solar array charging the battery (`solar: {peak: 400W}`, optionally `sun_hours: 4h`,
 * `start: 2024-01-01T16:10+09:00`).
 */
struct SolarSpec
{
    double peakWatts = 0;           //!< output at 1000 W/m2 (or at noon with sun_hours), W
    std::optional<double> sunHours; //!< peak sun hours a day, h; else the clear-sky sun
    std::string start = "2024-03-20T00:00+09:00"; //!< date and time at timeline time 0
    double startUnixSeconds = 0;                  //!< start, s since 1970-01-01T00:00Z
    double startClockSeconds = 0;                 //!< start's local time of day, s after midnight
    double latitudeDeg = 0;                       //!< where the array is, degrees north
    double longitudeDeg = 0;                      //!< where the array is, degrees east
    SourceMark mark;                              //!< where it is written
};

/**
 * \ingroup blueprint
 * \brief One entry of `power_supply:`: how a site's or a node's equipment is powered. Every
 * member of a node (group) has its own supply of this description; a node's own entry wins over
 * its site's. A node with no entry is on mains with no backup.
 */
struct PowerSupplySpec
{
    std::string target;                     //!< the site or node name
    bool site = false;                      //!< whether target is a site
    bool mains = true;                      //!< whether it has mains at all (`mains: false`)
    std::optional<BatterySpec> battery;     //!< its battery
    std::optional<GeneratorSpec> generator; //!< its generator (runs before the battery)
    std::optional<SolarSpec> solar;         //!< its solar array (charges the battery)
    SourceMark mark;                        //!< where the entry is written
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_POWER_SUPPLY_SPEC_H
