/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_POWER_SUPPLY_READER_H
#define BLUEPRINT_POWER_SUPPLY_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Read `power_supply:` (a map from site or node names to supplies) into
 * spec.powerSupplies. The sites and nodes must be read already.
 *
 * Each entry is a map of `mains` (default true), `battery` (an energy, or {capacity, recharge}),
 * `generator` ({fuel: a duration} or {fuel: a volume, consumption: a volume flow}), `solar`
 * ({peak, sun_hours, start}; needs a battery, and without sun_hours the site's latitude and
 * longitude) and `description`.
 *
 * \param root the scenario's root map
 * \param spec the scenario read so far
 * \throws InputError at FILE:LINE:COL, with a did-you-mean for names and keys
 */
void ReadPowerSupplies(const ConfigNode& root, ScenarioSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_POWER_SUPPLY_READER_H
