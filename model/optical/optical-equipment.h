/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_EQUIPMENT_H
#define BLUEPRINT_OPTICAL_EQUIPMENT_H

#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"

#include "ns3/ptr.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

struct OpticalTransponderClass;

/**
 * \ingroup blueprint-optical
 * \brief Power and cost of the optical layer's elements other than transponders: ROADMs,
 * in-line amplifier sites and the fibre plant.
 *
 * Power is constant (optical switching and amplification do not follow traffic): a ROADM draws
 * base + degree x per degree + add/drop ports x per port; an in-line amplifier site draws a fixed
 * figure for its two amplifiers (one per direction) and the site. Site PUE scales both. Routers of
 * the IP-routed alternative use the wired EquipmentProfile catalogue ("router": W per Gbit/s
 * forwarded). The fibre plant is costed with a WiredLinkProfile's capex and opex per km. Amounts
 * of money are in JPY. Every default names its source in optical-equipment.cc.
 */
struct OpticalEquipment
{
    double roadmBaseWatts = 150.0;          //!< ROADM chassis, W
    double roadmWattsPerDegree = 85.0;      //!< per fibre-pair degree, W
    double roadmWattsPerAddDropPort = 20.0; //!< per add/drop port in use, W
    double amplifierSiteWatts = 200.0;      //!< in-line amplifier site, both directions, W
    double pue = 2.0;                       //!< telecom site power usage effectiveness

    double roadmBaseCapex = 5000000.0;               //!< ROADM chassis, JPY
    double roadmCapexPerDegree = 2000000.0;          //!< per degree (WSS and amplifiers), JPY
    double roadmCapexPerAddDropPort = 300000.0;      //!< per add/drop port, JPY
    double amplifierSiteCapex = 3000000.0;           //!< in-line amplifier site, JPY
    double lifetimeYears = 10.0;                     //!< recovery period of optical line equipment
    double supportFractionPerYear = 0.05;            //!< yearly opex as a fraction of capex
    std::string fibrePlantProfile = "fiber";         //!< WiredLinkProfile of underground plant
    std::string aerialPlantProfile = "fiber-aerial"; //!< WiredLinkProfile of aerial plant
    std::string source; //!< where the figures come from (filled by Defaults())

    /// \return the default figures, with their sources.
    static OpticalEquipment Defaults();

    /**
     * \param degree fibre pairs the ROADM terminates.
     * \param addDropPorts add/drop ports in use (one per transponder or regenerator side).
     * \return the ROADM's power model (constant).
     */
    Ptr<ElementPowerModel> CreateRoadmPowerModel(uint32_t degree, uint32_t addDropPorts) const;

    /// \return an in-line amplifier site's power model (constant).
    Ptr<ElementPowerModel> CreateAmplifierSitePowerModel() const;

    /**
     * \param cls a transponder class.
     * \return one transponder's power model (constant), at this site PUE.
     */
    Ptr<ElementPowerModel> CreateTransponderPowerModel(const OpticalTransponderClass& cls) const;

    /**
     * \param element the element's name.
     * \param node the node it belongs to.
     * \param degree fibre pairs.
     * \param addDropPorts add/drop ports.
     * \return the ROADM's cost item.
     */
    CostItem GetRoadmCost(const std::string& element,
                          const std::string& node,
                          uint32_t degree,
                          uint32_t addDropPorts) const;

    /**
     * \param element the element's name.
     * \return an in-line amplifier site's cost item (no node: it sits on the fibre).
     */
    CostItem GetAmplifierSiteCost(const std::string& element) const;

    /**
     * \param element the element's name.
     * \param node the node it belongs to.
     * \param cls the transponder class.
     * \return one transponder's cost item.
     */
    CostItem GetTransponderCost(const std::string& element,
                                const std::string& node,
                                const OpticalTransponderClass& cls) const;

    /**
     * \param element the fibre's name.
     * \param lengthKm its length.
     * \param aerial on poles (aerialPlantProfile) rather than underground (fibrePlantProfile).
     * \return the plant's cost item; \throws std::invalid_argument for an unknown profile.
     */
    CostItem GetFibreCost(const std::string& element, double lengthKm, bool aerial) const;

    /**
     * \brief Check the figures.
     * \return "" if possible, else what is wrong.
     */
    std::string Check() const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_EQUIPMENT_H */
