/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/cost/fibre-plant-cost.h"

#include "model/wired/wired-link-profile.h"

#include <stdexcept>

namespace ns3
{
namespace blueprint
{

CostItem
FibrePlantCost(const std::string& profile,
               const std::string& element,
               double lengthKm,
               const std::string& technology)
{
    const WiredLinkProfile* plant = WiredLinkProfile::Find(profile);
    if (!plant)
    {
        throw std::invalid_argument("fibre plant of " + element + ": unknown wired link profile '" +
                                    profile + "'");
    }
    CostItem item;
    item.element = element;
    item.technology = technology;
    item.capex = plant->capexPerKm * lengthKm;
    item.lifetimeYears = plant->lifetimeYears;
    item.opexPerYear = plant->opexPerKmPerYear * lengthKm + plant->opexPerLinkPerYear;
    return item;
}

} // namespace blueprint
} // namespace ns3
