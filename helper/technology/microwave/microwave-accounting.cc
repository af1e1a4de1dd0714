/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/microwave/microwave-accounting.h"

#include "helper/technology/microwave/microwave-helper.h"
#include "model/microwave/microwave-equipment.h"

#include "ns3/double.h"

#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

/**
 * \param config a hop.
 * \return its catalogue equipment; \throws std::invalid_argument if unknown.
 */
const MicrowaveEquipment&
EquipmentOf(const MicrowaveLinkConfig& config)
{
    const MicrowaveEquipment* e = MicrowaveEquipment::Find(config.equipment);
    if (!e)
    {
        throw std::invalid_argument("unknown microwave equipment '" + config.equipment + "'");
    }
    return *e;
}

} // namespace

void
RegisterMicrowaveEnergy(EnergyMeter& meter,
                        const std::string& linkName,
                        const std::string& nodeA,
                        const std::string& nodeB,
                        const MicrowaveLinkConfig& config,
                        const NetDeviceContainer& devices,
                        double lengthM,
                        double pueA,
                        double pueB)
{
    const double lineRate = MicrowaveHelper::Evaluate(config, lengthM).clearSkyRateBps;
    const std::string* nodes[2] = {&nodeA, &nodeB};
    const double pues[2] = {pueA, pueB};
    for (uint32_t end = 0; end < 2; ++end)
    {
        Ptr<ElementPowerModel> model;
        if (config.power)
        {
            model = CreateObject<ElementPowerModel>();
            model->SetAttribute("IdlePower", DoubleValue(config.power->idleWatts));
            model->SetAttribute("MaxPower", DoubleValue(config.power->maxWatts));
            model->SetAttribute(
                "Capacity",
                DoubleValue(config.power->maxWatts > config.power->idleWatts ? lineRate : 0.0));
            model->SetAttribute("Pue", DoubleValue(pues[end]));
        }
        else
        {
            model = EquipmentOf(config).CreateEndPowerModel(lineRate, pues[end]);
        }
        meter.AddElement(linkName,
                         *nodes[end],
                         "microwave",
                         model,
                         NetDeviceContainer(devices.Get(end)));
    }
}

CostItem
GetMicrowaveCostItem(const std::string& linkName, const MicrowaveLinkConfig& config)
{
    if (config.cost)
    {
        return CostItem{linkName,
                        "",
                        "microwave",
                        config.cost->capex,
                        config.cost->lifetimeYears,
                        config.cost->opexPerYear};
    }
    return EquipmentOf(config).GetCostItem(linkName,
                                           config.antennaADiameterM,
                                           config.antennaBDiameterM);
}

std::string
GetMicrowavePowerSource(const MicrowaveLinkConfig& config)
{
    return config.power ? "given on the link" : EquipmentOf(config).powerSource;
}

std::string
GetMicrowaveCostSource(const MicrowaveLinkConfig& config)
{
    return config.cost ? "given on the link" : EquipmentOf(config).costSource;
}

} // namespace blueprint
} // namespace ns3
