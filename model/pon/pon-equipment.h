/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_EQUIPMENT_H
#define BLUEPRINT_PON_EQUIPMENT_H

#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"

#include "ns3/ptr.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-pon
 * \brief Power and cost of a PON's elements: the OLT port, each ONU, the splitter and the fibre
 * plant (feeder and drops).
 *
 * An OLT port draws a constant figure at its central-office PUE; an ONU a constant figure at the
 * customer's premises (PUE 1: no site cooling is counted). The fibre plant is costed with a
 * WiredLinkProfile's capex and opex per km. Amounts of money are in JPY; every default names its
 * source in pon-equipment.cc.
 */
struct PonEquipment
{
    double oltPortWatts = 15.0; //!< one PON port of an OLT, W
    double oltPue = 2.0;        //!< central-office PUE
    double onuWatts = 5.0;      //!< one ONU, W
    double onuPue = 1.0;        //!< customer premises: no site overhead counted

    double oltPortCapex = 300000.0;           //!< one OLT PON port with its chassis share, JPY
    double onuCapex = 20000.0;                //!< one ONU, JPY
    double splitterCapex = 20000.0;           //!< one passive splitter, JPY
    double lifetimeYears = 10.0;              //!< recovery period of the active equipment
    double supportFractionPerYear = 0.05;     //!< yearly opex as a fraction of the active capex
    std::string feederPlantProfile = "fiber"; //!< WiredLinkProfile of the feeder
    std::string dropPlantProfile = "fiber-aerial"; //!< WiredLinkProfile of the drops
    std::string source; //!< where the figures come from (filled by Defaults())

    /// \return the default figures, with their sources.
    static PonEquipment Defaults();

    /// \return an OLT port's power model (constant).
    Ptr<ElementPowerModel> CreateOltPowerModel() const;

    /// \return an ONU's power model (constant).
    Ptr<ElementPowerModel> CreateOnuPowerModel() const;

    /**
     * \param element the element's name.
     * \param node the OLT's node.
     * \return the OLT port's cost item.
     */
    CostItem GetOltCost(const std::string& element, const std::string& node) const;

    /**
     * \param element the element's name.
     * \param node the ONU's node.
     * \return one ONU's cost item.
     */
    CostItem GetOnuCost(const std::string& element, const std::string& node) const;

    /**
     * \param element the element's name.
     * \return the splitter's cost item (passive: no opex).
     */
    CostItem GetSplitterCost(const std::string& element) const;

    /**
     * \param element the element's name.
     * \param lengthKm the fibre length.
     * \param drop a drop (dropPlantProfile) rather than the feeder (feederPlantProfile).
     * \return the plant's cost item; \throws std::invalid_argument for an unknown profile.
     */
    CostItem GetFibreCost(const std::string& element, double lengthKm, bool drop) const;

    /**
     * \brief Check the figures.
     * \return "" if possible, else what is wrong.
     */
    std::string Check() const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_EQUIPMENT_H */
