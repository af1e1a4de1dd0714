/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/optical/optical-equipment.h"

#include "model/cost/fibre-plant-cost.h"
#include "model/energy/constant-power-model.h"
#include "model/optical/optical-transponder-class.h"

#include <sstream>

namespace ns3
{
namespace blueprint
{

OpticalEquipment
OpticalEquipment::Defaults()
{
    OpticalEquipment e;
    // ROADM (OXC) 85 W per degree + 150 W, and an in-line amplifier site 200 W (two EDFAs of
    // 30 W + 140 W of site overhead): Vizcaino, Ye & Tafur Monroy, "Energy efficiency analysis
    // for flexible-grid OFDM-based optical networks", Computer Networks 56(10), 2012, as
    // implemented in the SNetS simulator (EnergyConsumption.java). An add/drop port, 20 W
    // (assumption: a WSS port and its share of the add/drop amplifier). Telecom site PUE 2.0
    // (Vereecken et al., IEEE Commun. Mag. 49(6), 2011). Capex figures are assumptions (no public
    // price list); lifetime 10 years and support 5 %/yr are assumptions.
    e.source = "ROADM 85 W/degree + 150 W, ILA site 200 W (Vizcaino et al. 2012); add/drop "
               "port 20 W (assumption); PUE 2.0 (Vereecken et al. 2011); prices assumptions";
    return e;
}

Ptr<ElementPowerModel>
OpticalEquipment::CreateRoadmPowerModel(uint32_t degree, uint32_t addDropPorts) const
{
    return CreateConstantPowerModel(roadmBaseWatts + degree * roadmWattsPerDegree +
                                        addDropPorts * roadmWattsPerAddDropPort,
                                    pue);
}

Ptr<ElementPowerModel>
OpticalEquipment::CreateAmplifierSitePowerModel() const
{
    return CreateConstantPowerModel(amplifierSiteWatts, pue);
}

Ptr<ElementPowerModel>
OpticalEquipment::CreateTransponderPowerModel(const OpticalTransponderClass& cls) const
{
    return CreateConstantPowerModel(cls.powerWatts, pue);
}

CostItem
OpticalEquipment::GetRoadmCost(const std::string& element,
                               const std::string& node,
                               uint32_t degree,
                               uint32_t addDropPorts) const
{
    CostItem item;
    item.element = element;
    item.node = node;
    item.technology = "optical";
    item.capex =
        roadmBaseCapex + degree * roadmCapexPerDegree + addDropPorts * roadmCapexPerAddDropPort;
    item.lifetimeYears = lifetimeYears;
    item.opexPerYear = supportFractionPerYear * item.capex;
    return item;
}

CostItem
OpticalEquipment::GetAmplifierSiteCost(const std::string& element) const
{
    CostItem item;
    item.element = element;
    item.technology = "optical";
    item.capex = amplifierSiteCapex;
    item.lifetimeYears = lifetimeYears;
    item.opexPerYear = supportFractionPerYear * amplifierSiteCapex;
    return item;
}

CostItem
OpticalEquipment::GetTransponderCost(const std::string& element,
                                     const std::string& node,
                                     const OpticalTransponderClass& cls) const
{
    CostItem item;
    item.element = element;
    item.node = node;
    item.technology = "optical";
    item.capex = cls.capex;
    item.lifetimeYears = cls.lifetimeYears;
    item.opexPerYear = cls.opexPerYear;
    return item;
}

CostItem
OpticalEquipment::GetFibreCost(const std::string& element, double lengthKm, bool aerial) const
{
    return FibrePlantCost(aerial ? aerialPlantProfile : fibrePlantProfile,
                          element,
                          lengthKm,
                          "optical");
}

std::string
OpticalEquipment::Check() const
{
    std::ostringstream problem;
    if (roadmBaseWatts < 0.0 || roadmWattsPerDegree < 0.0 || roadmWattsPerAddDropPort < 0.0 ||
        amplifierSiteWatts < 0.0)
    {
        problem << "optical equipment power must not be negative";
    }
    else if (!(pue >= 1.0))
    {
        problem << "a site PUE is at least 1";
    }
    else if (roadmBaseCapex < 0.0 || roadmCapexPerDegree < 0.0 || roadmCapexPerAddDropPort < 0.0 ||
             amplifierSiteCapex < 0.0 || supportFractionPerYear < 0.0 || !(lifetimeYears > 0.0))
    {
        problem << "optical equipment costs must not be negative and the lifetime positive";
    }
    return problem.str();
}

} // namespace blueprint
} // namespace ns3
