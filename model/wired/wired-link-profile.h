/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIRED_LINK_PROFILE_H
#define BLUEPRINT_WIRED_LINK_PROFILE_H

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
 * \brief The line rates a copper loop of a given length attains.
 */
struct WiredRatePoint
{
    double lengthMetres;   //!< loop length, m
    double downstreamRate; //!< attainable rate from the first (network) end, bit/s
    double upstreamRate;   //!< attainable rate towards the first (network) end, bit/s
};

/**
 * \ingroup blueprint
 * \brief Timing, capacity, power and cost figures of one wired link technology.
 *
 * A link runs from a first end A (the network side: exchange, DSLAM, upstream router) to a second
 * end B (the customer side). "Downstream" is A to B. Amounts of money are in JPY; figures quoted in
 * USD are converted with WiredLinkProfile::JPY_PER_USD. Each figure's source is named next to it
 * in wired-link-profile.cc and summarised in the *Source strings.
 */
struct WiredLinkProfile
{
    /// Exchange rate used to convert USD figures to JPY (assumption: a round 2023-2024 value).
    static constexpr double JPY_PER_USD = 150.0;

    std::string name;       //!< catalogue name
    std::string technology; //!< "fiber", "copper" or "ethernet"

    // --- capacity and timing ---
    double downstreamRate = 0.0; //!< highest rate A->B, bit/s; 0 = the user must give the rate
    double upstreamRate = 0.0;   //!< highest rate B->A, bit/s; 0 = the user must give the rate
    bool symmetric = true;       //!< the B->A rate equals the A->B rate unless given
    /// Attainable rates by loop length, increasing lengths, linearly interpolated. Empty: the
    /// highest rates hold at every length. Beyond the last point the profile cannot say what a
    /// loop attains and the user must give the rates.
    std::vector<WiredRatePoint> rateByLength;
    double propagationDelayPerMetre = 0.0; //!< s/m
    Time equipmentLatency;                 //!< fixed latency per direction (interleaving, FEC...)
    double maxLength = 0.0;                //!< reach in m; 0 = no limit
    std::string timingSource;              //!< where the rate, delay and reach figures come from

    // --- power of the line termination at each end (W, site PUE excluded) ---
    double idlePowerA = 0.0;         //!< first (network) end at zero load
    double maxPowerA = 0.0;          //!< first (network) end at full load
    double idlePowerB = 0.0;         //!< second (customer) end at zero load
    double maxPowerB = 0.0;          //!< second (customer) end at full load
    double powerPerGbpsPerEnd = 0.0; //!< W per Gbit/s of line rate at each end (optics)
    std::string powerSource;         //!< where the power figures come from
    bool powerInEquipment = false;   //!< the ends' power is counted in the attached equipment

    // --- cost (JPY) ---
    double capexPerKm = 0.0;         //!< building the cable plant, per km of link
    double opexPerKmPerYear = 0.0;   //!< running or leasing the plant, per km per year
    double opexPerLinkPerYear = 0.0; //!< length-independent charges per link per year
    double lifetimeYears = 1.0;      //!< recovery period of the plant capex
    double capexPerEnd = 0.0;        //!< terminal equipment (transceiver, DSL port/modem) per end
    double opexPerEndPerYear = 0.0;  //!< running cost per end per year
    double endLifetimeYears = 1.0;   //!< recovery period of the terminal equipment
    std::string costSource;          //!< where the cost figures come from

    /**
     * \brief Look a profile up by name.
     * \param name the catalogue name.
     * \return the profile, or nullptr if there is none by that name.
     */
    static const WiredLinkProfile* Find(const std::string& name);

    /// \return the catalogue names, in catalogue order.
    static std::vector<std::string> Names();

    /**
     * \brief Get the rates a link of this profile has when the user gives none.
     * \param lengthMetres the link length.
     * \param[out] down the A->B rate in bit/s (0 if the profile has no default).
     * \param[out] up the B->A rate in bit/s (0 if the profile has no default).
     * \return true if the profile has default rates at that length.
     */
    bool GetDefaultRates(double lengthMetres, double& down, double& up) const;

    /**
     * \brief Create the power model of one end's line termination.
     * \param firstEnd true for end A (network side), false for end B (customer side).
     * \param lineRate the link's line rate, bit/s (sets the per-Gbit/s part and the capacity).
     * \param pue the power usage effectiveness of the site the end sits in.
     * \return a model; constant-power (Capacity 0) when the end's idle and full-load power match.
     */
    Ptr<ElementPowerModel> CreateEndPowerModel(bool firstEnd, double lineRate, double pue) const;

    /**
     * \brief Get the cost items of one link: its plant, then end A and end B.
     *
     * Items with neither capex nor opex are left out.
     *
     * \param element the link's name; items are named element, element/nodeA, element/nodeB.
     * \param nodeA the name of the first end's node.
     * \param nodeB the name of the second end's node.
     * \param lengthMetres the link length.
     * \return the items, for a CostLedger.
     */
    std::vector<CostItem> GetCostItems(const std::string& element,
                                       const std::string& nodeA,
                                       const std::string& nodeB,
                                       double lengthMetres) const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_WIRED_LINK_PROFILE_H */
