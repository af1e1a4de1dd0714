/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_ACCOUNTING_H
#define BLUEPRINT_MICROWAVE_ACCOUNTING_H

#include "helper/technology/microwave/microwave-link-config.h"
#include "model/cost/cost-ledger.h"
#include "model/energy/energy-meter.h"

#include "ns3/net-device-container.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \brief Register a hop's two ends with an energy meter, under technology "microwave".
 *
 * Each end is metered on its own device's transmitted bits: the config's power override if
 * set, else its MicrowaveEquipment (ODU + IDU), full load at the hop's clear-sky line rate.
 *
 * \param meter the run's meter.
 * \param linkName the hop's name (both ends' element name).
 * \param nodeA the first end's node name.
 * \param nodeB the second end's node name.
 * \param config the hop.
 * \param devices what MicrowaveHelper::Install returned (A's first).
 * \param lengthM the hop length, m (sets the clear-sky line rate).
 * \param pueA PUE of A's site.
 * \param pueB PUE of B's site.
 */
void RegisterMicrowaveEnergy(EnergyMeter& meter,
                             const std::string& linkName,
                             const std::string& nodeA,
                             const std::string& nodeB,
                             const MicrowaveLinkConfig& config,
                             const NetDeviceContainer& devices,
                             double lengthM,
                             double pueA,
                             double pueB);

/**
 * \ingroup blueprint-microwave
 * \brief The cost of a hop: the config's cost override if set, else its equipment's radio
 * pair, dishes, installation, licence and upkeep.
 * \param linkName the hop's name.
 * \param config the hop.
 * \return one item under technology "microwave".
 */
CostItem GetMicrowaveCostItem(const std::string& linkName, const MicrowaveLinkConfig& config);

/**
 * \ingroup blueprint-microwave
 * \param config a hop.
 * \return where its power figures come from (for results' unmetered/uncosted reports).
 */
std::string GetMicrowavePowerSource(const MicrowaveLinkConfig& config);

/**
 * \ingroup blueprint-microwave
 * \param config a hop.
 * \return where its cost figures come from.
 */
std::string GetMicrowaveCostSource(const MicrowaveLinkConfig& config);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_ACCOUNTING_H */
