/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_BANDWIDTH_H
#define BLUEPRINT_NR_BANDWIDTH_H

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Maximum transmission bandwidth configuration N_RB of an NR channel.
 *
 * FR1: TS 38.101-1 Table 5.3.2-1 (V17: 5..100 MHz at 15, 30 and 60 kHz, including the 35 and 45
 * MHz columns). FR2: TS 38.101-2 Table 5.3.2-1 (50, 100, 200 MHz at 60 kHz; 50..400 MHz at
 * 120 kHz). The same figures are TS 38.104 Tables 5.3.2-1/-2 for the base station.
 *
 * \param bandwidthHz the channel bandwidth, Hz; a whole number of MHz.
 * \param mu the numerology (0 = 15 kHz ... 3 = 120 kHz).
 * \param fr2 true for frequency range 2 (mmWave), false for FR1.
 * \return N_RB, the number of resource blocks of the channel.
 * \throws std::invalid_argument naming the valid bandwidths at that subcarrier spacing when the
 *         (bandwidth, SCS) pair has no entry, or the valid SCS when the range has none at mu.
 */
uint32_t NrMaxResourceBlocks(double bandwidthHz, uint8_t mu, bool fr2);

/**
 * \ingroup blueprint
 * \brief The channel bandwidths the tables of NrMaxResourceBlocks() define at one SCS.
 * \param mu the numerology.
 * \param fr2 true for FR2, false for FR1.
 * \return the bandwidths in Hz, ascending; empty if the range uses no such SCS.
 */
std::vector<double> NrChannelBandwidths(uint8_t mu, bool fr2);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_BANDWIDTH_H
