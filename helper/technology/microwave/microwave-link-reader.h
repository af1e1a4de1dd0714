/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_LINK_READER_H
#define BLUEPRINT_MICROWAVE_LINK_READER_H

#include "helper/scenario/config-node.h"
#include "helper/technology/microwave/microwave-link-config.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \return the microwave technology's own link keys (its did-you-mean set).
 */
const std::vector<std::string>& MicrowaveLinkKeys();

/**
 * \ingroup blueprint-microwave
 * \brief Read a microwave link's own keys into a MicrowaveLinkConfig.
 *
 * Starts from the preset (default microwave-18ghz) and overrides what the map gives:
 * \code
 *   preset: microwave-18ghz     # microwave-6ghz, -11ghz, -23ghz, -38ghz, microwave-e-band
 *   frequency: 18.7GHz
 *   channel_width: 56MHz
 *   modulation_min: QPSK        # slowest modulation ACM may fall back to
 *   modulation_max: 4096QAM     # fastest modulation
 *   acm: true                   # adaptive modulation; false: fixed at modulation_max
 *   acm_margin: 0               # dB kept above each modulation's SNR requirement
 *   antenna_a: 0.6m             # dish diameters
 *   antenna_b: 0.6m
 *   tx_power: 10                # dBm
 *   noise_figure: 3             # dB
 *   other_losses: 0             # dB, both ends
 *   polarization: vertical      # horizontal, circular
 *   rain_rate: 0                # mm/h along the hop at the start
 *   rain_rate_001: 80           # mm/h exceeded 0.01 % of the year at the site (ITU-R P.837)
 *   availability: 99.99         # % of the year, for the reach check
 *   equipment_latency: 80us     # per direction
 *   length: 12km                # default: the distance between the two sites
 *   equipment: all-outdoor      # split-mount, e-band
 *   queue: 100p
 * \endcode
 * The link's common keys (technology, between, power, cost, description, ...) are the reader's:
 * they are allowed here and not read.
 *
 * \param link the link's map.
 * \param context what it is, for messages, e.g. "link 'backhaul'".
 * \param commonKeys the keys every link may have, allowed besides MicrowaveLinkKeys().
 * \return the config.
 * \throws InputError at the offending key or value (FILE:LINE:COL): an unknown key with a
 *         did-you-mean over the allowed keys, an unknown preset, modulation, polarisation or
 *         equipment with a did-you-mean, a value out of range, a frequency outside its band.
 */
MicrowaveLinkConfig ReadMicrowaveLink(const ConfigNode& link,
                                      const std::string& context,
                                      const std::vector<std::string>& commonKeys);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_LINK_READER_H */
