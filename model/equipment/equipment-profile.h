/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_EQUIPMENT_PROFILE_H
#define BLUEPRINT_EQUIPMENT_PROFILE_H

#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"

#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Forwarding latency, interface limits, power and cost of one kind of node equipment.
 *
 * Power follows ElementPowerModel: IdlePower at zero load rising linearly to MaxPower when the
 * equipment forwards powerCapacity bit/s; pue scales it to grid power for the kind of site the
 * equipment sits in. Amounts of money are in JPY. Each figure's source is named next to it in
 * equipment-profile.cc and summarised in the *Source strings.
 */
struct EquipmentProfile
{
    std::string name; //!< catalogue name
    std::string role; //!< "router", "switch", "host" or "server"

    /// Per-hop forwarding latency (lookup and switching) added to every packet the equipment
    /// receives; pipelined, so it delays packets without limiting throughput.
    Time processingDelay;
    /// Highest rate any attached link can run at, bit/s (old interfaces); 0 = no cap.
    double capacityCap = 0.0;

    double idlePower = 0.0;     //!< W at zero load, site PUE excluded
    double maxPower = 0.0;      //!< W when forwarding powerCapacity, site PUE excluded
    double powerCapacity = 0.0; //!< forwarded bit/s at which maxPower is reached; 0 = constant
    double pue = 1.0;           //!< power usage effectiveness of the site class
    std::string powerSource;    //!< where the power figures come from

    double capex = 0.0;         //!< purchase and installation, JPY
    double lifetimeYears = 1.0; //!< recovery period of the capex
    double opexPerYear = 0.0;   //!< maintenance and support per year, JPY
    std::string costSource;     //!< where the cost figures come from

    /**
     * \brief Look a profile up by name.
     * \param name the catalogue name.
     * \return the profile, or nullptr if there is none by that name.
     */
    static const EquipmentProfile* Find(const std::string& name);

    /// \return the catalogue names, in catalogue order.
    static std::vector<std::string> Names();

    /// \return MaxPower per Gbit/s of powerCapacity (0 for constant-power equipment).
    double GetPowerPerGbps() const;

    /// \return a power model with this profile's idle and full-load power, capacity and PUE.
    Ptr<ElementPowerModel> CreatePowerModel() const;

    /**
     * \brief Get the cost item of one piece of this equipment.
     * \param element the element's name.
     * \param node the name of the node it sits in.
     * \return the item, technology set to the role.
     */
    CostItem GetCostItem(const std::string& element, const std::string& node) const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_EQUIPMENT_PROFILE_H */
