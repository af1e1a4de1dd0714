/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/microwave/microwave-equipment.h"

#include "ns3/double.h"
#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintMicrowaveEquipment");

namespace
{

/// Cost figures shared by the catalogue: none has a published price list behind it.
constexpr const char* COST_ASSUMPTION =
    "assumption: no published price list for microwave radios, dishes or installation in "
    "Japan was found; round planning figures, override with the link's cost";

const std::vector<MicrowaveEquipment>&
Catalogue()
{
    static const std::vector<MicrowaveEquipment> catalogue = {
        {
            "all-outdoor",
            // RACOM RAy3 datasheet (technical parameters): power consumption 26.5 W typical,
            // 28 W maximum (with SFP); the typical figure is taken as idle. All-outdoor: no IDU.
            26.5,
            28.0,
            0.0,
            "RACOM RAy3 technical parameters: 26.5 W typical (taken as idle), 28 W max; "
            "all-outdoor, no IDU",
            1.6e6,
            400e3,
            1.0e6,
            40e3,
            50e3,
            10.0,
            COST_ASSUMPTION,
        },
        {
            "split-mount",
            // ODU as the all-outdoor radio's RF part; the IDU (modem, switch) is an assumption.
            26.5,
            28.0,
            35.0,
            "ODU: RACOM RAy3 figures; IDU 35 W: assumption (no datasheet figure verified)",
            2.2e6,
            400e3,
            1.2e6,
            40e3,
            60e3,
            10.0,
            COST_ASSUMPTION,
        },
        {
            "e-band",
            // No E-band datasheet figure was verified: assumption.
            40.0,
            45.0,
            0.0,
            "assumption: 40 W idle, 45 W at full load for an all-outdoor E-band radio (no "
            "datasheet figure verified)",
            3.0e6,
            400e3,
            1.0e6,
            40e3,
            50e3,
            10.0,
            COST_ASSUMPTION,
        },
    };
    return catalogue;
}

} // namespace

const MicrowaveEquipment*
MicrowaveEquipment::Find(const std::string& name)
{
    for (const auto& e : Catalogue())
    {
        if (e.name == name)
        {
            return &e;
        }
    }
    return nullptr;
}

std::vector<std::string>
MicrowaveEquipment::Names()
{
    std::vector<std::string> names;
    for (const auto& e : Catalogue())
    {
        names.push_back(e.name);
    }
    return names;
}

Ptr<ElementPowerModel>
MicrowaveEquipment::CreateEndPowerModel(double lineRateBps, double pue) const
{
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(oduIdleW + iduW));
    model->SetAttribute("MaxPower", DoubleValue(oduMaxW + iduW));
    model->SetAttribute("Capacity", DoubleValue(oduMaxW > oduIdleW ? lineRateBps : 0.0));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

CostItem
MicrowaveEquipment::GetCostItem(const std::string& element,
                                double dishADiameterM,
                                double dishBDiameterM) const
{
    CostItem item;
    item.element = element;
    item.technology = "microwave";
    item.capex =
        radioPairJpy + antennaJpyPerMetre * (dishADiameterM + dishBDiameterM) + installationJpy;
    item.lifetimeYears = lifetimeYears;
    item.opexPerYear = licenceJpyPerYear + maintenanceJpyPerYear;
    return item;
}

} // namespace blueprint
} // namespace ns3
