/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FIBRE_PLANT_COST_H
#define BLUEPRINT_FIBRE_PLANT_COST_H

#include "model/cost/cost-ledger.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The cost of a length of fibre plant, from a WiredLinkProfile's figures per km.
 *
 * Capex = length x capexPerKm; opex = length x opexPerKmPerYear + opexPerLinkPerYear; lifetime
 * the profile's plant lifetime. Only the plant: the profile's terminal equipment (capexPerEnd) is
 * left out, for technologies that cost their own ends (transponders, OLT, ONUs).
 *
 * \param profile the WiredLinkProfile name ("fiber", "fiber-aerial", ...).
 * \param element the element's name.
 * \param lengthKm the length.
 * \param technology the technology it is counted under.
 * \return the item; \throws std::invalid_argument for an unknown profile.
 */
CostItem FibrePlantCost(const std::string& profile,
                        const std::string& element,
                        double lengthKm,
                        const std::string& technology);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_FIBRE_PLANT_COST_H */
