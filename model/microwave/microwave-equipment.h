/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_EQUIPMENT_H
#define BLUEPRINT_MICROWAVE_EQUIPMENT_H

#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"

#include "ns3/ptr.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \brief Power and cost of the radios, antennas and licence of one microwave hop.
 *
 * Power is per end: the outdoor unit (ODU, the radio at the antenna) from idle to full load,
 * plus the indoor unit (IDU, the modem and switch of a split-mount radio; 0 for all-outdoor
 * radios powered over Ethernet). Cost is per hop: the radio pair, the two dishes, installation
 * and a yearly licence fee. Each figure's source (or "assumption") is in the catalogue (.cc) and
 * in the *Source strings that results report.
 */
struct MicrowaveEquipment
{
    std::string name;        //!< catalogue name
    double oduIdleW = 0.0;   //!< ODU at zero load, W (site PUE excluded)
    double oduMaxW = 0.0;    //!< ODU at full load, W
    double iduW = 0.0;       //!< IDU, W (constant)
    std::string powerSource; //!< where the power figures come from

    double radioPairJpy = 0.0;          //!< both radios (ODUs, and IDUs if split-mount)
    double antennaJpyPerMetre = 0.0;    //!< one dish, per metre of diameter
    double installationJpy = 0.0;       //!< installing and aligning both ends
    double licenceJpyPerYear = 0.0;     //!< radio licence and spectrum fee, both stations, per year
    double maintenanceJpyPerYear = 0.0; //!< upkeep per year
    double lifetimeYears = 10.0;        //!< recovery period of the capex
    std::string costSource;             //!< where the cost figures come from

    /**
     * \param name a catalogue name.
     * \return the entry, or nullptr if there is none by that name.
     */
    static const MicrowaveEquipment* Find(const std::string& name);

    /// \return the catalogue names, in catalogue order.
    static std::vector<std::string> Names();

    /**
     * \brief The power model of one end.
     * \param lineRateBps the hop's clear-sky line rate (the load at which ODU max is reached).
     * \param pue the power usage effectiveness of the end's site.
     * \return the model (ODU + IDU).
     */
    Ptr<ElementPowerModel> CreateEndPowerModel(double lineRateBps, double pue) const;

    /**
     * \brief The cost of one hop: one item named element, counted under "microwave".
     * \param element the hop's name.
     * \param dishADiameterM dish diameter at end A, m.
     * \param dishBDiameterM dish diameter at end B, m.
     * \return the item.
     */
    CostItem GetCostItem(const std::string& element,
                         double dishADiameterM,
                         double dishBDiameterM) const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_EQUIPMENT_H */
