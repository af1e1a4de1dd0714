/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_SPEC_READER_H
#define BLUEPRINT_OPTICAL_SPEC_READER_H

#include "helper/scenario/config-node.h"
#include "helper/technology/optical/optical-spec.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-optical
 * \brief Read an optical network from the YAML map of a `technology: optical` entry.
 *
 * Keys (every one optional except `fibres`; doc/optical.rst lists them with units):
 * `channels` (40, 64, 96), `amplifier_spacing`, `attenuation_db_per_km`, `span_margin_db`,
 * `launch_power_dbm`, `noise_figure_db`, `amplifier_latency`, `transponder` (a class name),
 * `candidate_paths`, `regenerators`, `slower_transponder`, `queue`, `roadms` (site names),
 * `fibres` (each `between: [a, b]`, `length`, `plant: underground|aerial`), `demands` (each
 * `name`, `from`, `to`, `from_node`, `to_node`, `rate`, `transponder`), `ip_layer` (`router`,
 * `rate`, `queue`) and `equipment` (power and price overrides).
 *
 * Everything that can be checked without the rest of the scenario is checked here, at the place
 * it is written: unknown keys (with a did-you-mean), unknown transponder classes, a class whose
 * signal does not fit the grid's spacing, a demand faster than its class, fibres and demands
 * between sites that are not ROADMs, repeated demand names, impossible figures. Fibre lengths may
 * be left out; the caller derives them from the sites' positions. `from_node` and `to_node` name
 * the scenario nodes holding a demand's transponders (default: the sites); the caller checks they
 * exist.
 *
 * \param node the map.
 * \param context what it is, for messages (e.g. "link 'backbone'").
 * \return the spec, marks filled in.
 * \throws InputError at the offending node's mark (FILE:LINE:COL).
 */
OpticalNetworkSpec ReadOpticalNetworkSpec(const ConfigNode& node, const std::string& context);

/// \return the keys of a network's settings, which ReadOpticalNetworkSettings reads: `channels`,
/// `line` (preset: land, submarine), the line figures, `transponder`, `candidate_paths`,
/// `regenerators`, `slower_transponder`, `queue` and `equipment`.
std::vector<std::string> OpticalNetworkSettingKeys();

/**
 * \ingroup blueprint-optical
 * \brief Read the settings of an optical network that a map holds (the keys of
 * OpticalNetworkSettingKeys present; the caller checks the map's keys) into a spec: its grid,
 * line (a preset, then the figures written), default transponder class, RWA options, queue and
 * equipment figures.
 * \param node the map.
 * \param context what it is, for messages.
 * \param spec the spec to fill.
 * \throws InputError at the offending value, also when the default class does not fit the grid.
 */
void ReadOpticalNetworkSettings(const ConfigNode& node,
                                const std::string& context,
                                OpticalNetworkSpec& spec);

/**
 * \ingroup blueprint-optical
 * \brief Refuse a transponder class whose signal is wider than the spec's grid spacing.
 * \param where where the class (or the grid) is written.
 * \param context what it is, for messages.
 * \param spec the network (its channel count).
 * \param name the class.
 * \throws InputError at where.
 */
void CheckOpticalClassFitsGrid(const SourceMark& where,
                               const std::string& context,
                               const OpticalNetworkSpec& spec,
                               const std::string& name);

/**
 * \ingroup blueprint-optical
 * \param node a transponder class name.
 * \return the name; \throws InputError with a did-you-mean if there is no such class.
 */
std::string ReadOpticalTransponderClass(const ConfigNode& node);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_SPEC_READER_H */
