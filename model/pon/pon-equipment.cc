/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-equipment.h"

#include "model/cost/fibre-plant-cost.h"
#include "model/energy/constant-power-model.h"

namespace ns3
{
namespace blueprint
{

PonEquipment
PonEquipment::Defaults()
{
    PonEquipment e;
    // OLT: "optical network equipment currently consumes 10-20 W per port", central offices at a
    // PUE of about 2 (Vereecken et al., "Power consumption in telecommunication networks:
    // overview and reduction strategies", IEEE Commun. Mag. 49(6), 2011): 15 W, the middle.
    // ONU: 5 W, the PON ONU figure of Baliga et al. ("Energy consumption in wired and wireless
    // access networks", IEEE Commun. Mag. 49(6), 2011) as recalled, their table not checked; the
    // same 5 W is a model constant of other access-network simulators. Counted without a site
    // PUE. Prices are assumptions (no public list); lifetime 10 years and support 5 %/yr too.
    e.source = "OLT 15 W/port, PUE 2.0 (Vereecken et al. 2011); ONU 5 W (Baliga et al. 2011, "
               "not checked); prices assumptions";
    return e;
}

Ptr<ElementPowerModel>
PonEquipment::CreateOltPowerModel() const
{
    return CreateConstantPowerModel(oltPortWatts, oltPue);
}

Ptr<ElementPowerModel>
PonEquipment::CreateOnuPowerModel() const
{
    return CreateConstantPowerModel(onuWatts, onuPue);
}

CostItem
PonEquipment::GetOltCost(const std::string& element, const std::string& node) const
{
    CostItem item;
    item.element = element;
    item.node = node;
    item.technology = "pon";
    item.capex = oltPortCapex;
    item.lifetimeYears = lifetimeYears;
    item.opexPerYear = supportFractionPerYear * oltPortCapex;
    return item;
}

CostItem
PonEquipment::GetOnuCost(const std::string& element, const std::string& node) const
{
    CostItem item;
    item.element = element;
    item.node = node;
    item.technology = "pon";
    item.capex = onuCapex;
    item.lifetimeYears = lifetimeYears;
    item.opexPerYear = supportFractionPerYear * onuCapex;
    return item;
}

CostItem
PonEquipment::GetSplitterCost(const std::string& element) const
{
    CostItem item;
    item.element = element;
    item.technology = "pon";
    item.capex = splitterCapex;
    item.lifetimeYears = lifetimeYears;
    return item;
}

CostItem
PonEquipment::GetFibreCost(const std::string& element, double lengthKm, bool drop) const
{
    return FibrePlantCost(drop ? dropPlantProfile : feederPlantProfile, element, lengthKm, "pon");
}

std::string
PonEquipment::Check() const
{
    if (oltPortWatts < 0.0 || onuWatts < 0.0)
    {
        return "PON equipment power must not be negative";
    }
    if (!(oltPue >= 1.0) || !(onuPue >= 1.0))
    {
        return "a PUE is at least 1";
    }
    if (oltPortCapex < 0.0 || onuCapex < 0.0 || splitterCapex < 0.0 ||
        supportFractionPerYear < 0.0 || !(lifetimeYears > 0.0))
    {
        return "PON equipment costs must not be negative and the lifetime positive";
    }
    return "";
}

} // namespace blueprint
} // namespace ns3
