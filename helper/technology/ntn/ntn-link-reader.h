/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_LINK_READER_H
#define BLUEPRINT_NTN_LINK_READER_H

#include "helper/scenario/config-node.h"
#include "helper/technology/ntn/ntn-link-spec.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief Read a satellite or HAPS link's own keys into an NtnLinkSpec.
 *
 * Starts from NtnLinkSpec::ForTechnology(technology) and overrides what the map gives:
 * \code
 *   platform: starlink-shell1            # or a map: {preset, altitude, inclination, planes,
 *                                        #   satellites_per_plane, phasing,
 *                                        #   reassignment_period, longitude, latitude}
 *   beam: leo600-ka                      # or {preset, forward_frequency, forward_bandwidth,
 *                                        #   eirp_density, return_frequency, return_bandwidth,
 *                                        #   g_over_t, beam_diameter}
 *   terminal: standard-dish              # or {preset, rx_gain, g_over_t, tx_eirp,
 *                                        #   other_losses, min_elevation, clear_view,
 *                                        #   idle_power, max_power, nominal_rate, capex,
 *                                        #   subscription, lifetime}
 *   gateway: {owned: true, power: 5kW, capex: 150M, opex_per_year: 15M, lifetime: 15}
 *   payload: transparent                 # or regenerative
 *   inter_satellite_links: false
 *   scenario: suburban-rural             # dense-urban, urban, or an ns3::blueprint::NtnPathLoss
 * TypeId scheduler: rr                        # pf, or an ns3::blueprint::NtnBeamScheduler TypeId
 *   background_load: 0.5                 # share of each beam carrier taken by others
 *   background_burst: 1ms
 *   interruption: 50ms
 *   interruption_mode: drop              # or hold
 *   reassignment_offset: 12s
 *   max_consecutive_slots: 1
 *   return_access: request-grant         # or continuous
 *   grant_at_gateway: false
 *   grant_hold: 0s
 *   constant_rate: 100kbps               # return constant rate assignment (request-grant)
 *   frame: 1.333ms
 *   return_frame: 26.5ms                 # the return carriers' (default: frame)
 *   scheduling_lead: 1                   # frames a forward frame is planned ahead
 *   return_scheduling_lead: 1            # frames a return frame is planned ahead
 *   processing: 0ms                      # a fixed latency per direction (no preset uses it)
 *   gateway_min_elevation: 25            # degrees
 *   margin: 1                            # dB
 *   roll_off: 0.1
 *   rain_rate: 0                         # mm/h at the terminals
 *   rain_height: 4.5km
 *   queue_size: 100p                     # packets (p) or bytes (B)
 * \endcode
 * Numbers in dB, dBW/MHz, dB/K, dBi and degrees are plain numbers; frequencies, durations and
 * lengths take units as everywhere in blueprint.
 *
 * \param node the link's map (Null: all defaults).
 * \param technology "leo", "geo" or "haps".
 * \param context what the map is, for messages, e.g. "link 'island-uplink'".
 * \param common the keys the map may also hold that others read (technology, between, ...).
 * \return the spec.
 * \throws InputError at the offending key or value (unknown key with a did-you-mean, unknown
 *         preset, value out of range).
 */
NtnLinkSpec ReadNtnLinkSpec(const ConfigNode& node,
                            const std::string& technology,
                            const std::string& context,
                            const std::vector<std::string>& common = {});

/// \return the keys ReadNtnLinkSpec reads, in the order its messages list them.
std::vector<std::string> NtnLinkKeys();

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_LINK_READER_H */
