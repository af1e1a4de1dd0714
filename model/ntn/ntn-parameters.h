/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_PARAMETERS_H
#define BLUEPRINT_NTN_PARAMETERS_H

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
 * \ingroup blueprint-ntn
 * \brief Radio figures of a platform's user beams (the satellite or HAPS side of the service
 * link), as TR 38.821 clause 6.1.1.1 states them.
 */
struct NtnBeamParameters
{
    std::string name;                  //!< catalogue name
    double forwardFrequencyHz = 20e9;  //!< service downlink carrier frequency, Hz
    double forwardBandwidthHz = 400e6; //!< service downlink carrier bandwidth per beam, Hz
    double eirpDensityDbwPerMhz = 4.0; //!< platform EIRP density, dBW/MHz
    double returnFrequencyHz = 30e9;   //!< service uplink carrier frequency, Hz
    double returnBandwidthHz = 400e6;  //!< service uplink carrier bandwidth per beam, Hz
    double gOverTDbK = 13.0;           //!< platform receive G/T, dB/K
    double beamDiameterM = 20e3;       //!< beam footprint diameter (nadir), m
    std::string source;                //!< where the figures come from

    /// \return the forward EIRP over the whole carrier, dBW.
    double GetForwardEirpDbw() const;

    /**
     * \param name a catalogue name: "leo600-ka", "leo1200-ka", "geo-ka", "leo600-s",
     *        "leo1200-s", "geo-s", "haps-s".
     * \return the figures, or nullptr if unknown.
     */
    static const NtnBeamParameters* Find(const std::string& name);

    /// \return every catalogue name.
    static std::vector<std::string> GetNames();
};

/**
 * \ingroup blueprint-ntn
 * \brief Radio, power and cost figures of a user terminal class.
 *
 * Amounts of money are JPY; power is at the wall (router included where the source says so).
 */
struct NtnTerminalParameters
{
    std::string name;            //!< catalogue name
    double rxGainDbi = 0.0;      //!< receive antenna gain, dBi
    double gOverTDbK = 0.0;      //!< receive G/T, dB/K
    double txEirpDbw = 0.0;      //!< transmit EIRP over the return carrier, dBW
    double otherLossesDb = 0.0;  //!< polarisation and other fixed losses, dB
    double minElevationDeg = 25; //!< lowest elevation the terminal uses, degrees
    bool clearView = true;       //!< installed with a clear view of the sky (always LOS)
    std::string radioSource;     //!< where the radio figures come from

    double idlePowerW = 0.0;     //!< power with no traffic, W
    double maxPowerW = 0.0;      //!< power at NominalRate, W
    double nominalRateBps = 0.0; //!< carried rate (both directions) at which maxPowerW is drawn
    std::string powerSource;     //!< where the power figures come from

    double capex = 0.0;         //!< terminal kit, JPY
    double opexPerYear = 0.0;   //!< subscription or service per year, JPY
    double lifetimeYears = 5.0; //!< recovery period of the kit, years
    std::string costSource;     //!< where the cost figures come from

    /**
     * \param pue the site's PUE.
     * \return the terminal's load-proportional power model.
     */
    Ptr<ElementPowerModel> CreatePowerModel(double pue) const;

    /**
     * \param element the element's name in the ledger.
     * \param node the node it belongs to.
     * \param technology the technology it is counted under ("leo", "geo", "haps").
     * \return the kit and subscription as one cost item.
     */
    CostItem GetCostItem(const std::string& element,
                         const std::string& node,
                         const std::string& technology) const;

    /**
     * \param name a catalogue name: "standard-dish", "mini-dish", "vsat", "handheld", "haps-cpe".
     * \return the figures, or nullptr if unknown.
     */
    static const NtnTerminalParameters* Find(const std::string& name);

    /// \return every catalogue name.
    static std::vector<std::string> GetNames();
};

/**
 * \ingroup blueprint-ntn
 * \brief Power and cost figures of a gateway (ground station and point of presence), all
 * assumptions: no operator publishes them.
 */
struct NtnGatewayParameters
{
    double powerW = 5000.0;      //!< constant site power, W (assumption: kW scale)
    double capex = 150e6;        //!< JPY (assumption)
    double opexPerYear = 15e6;   //!< JPY per year (assumption: 10 % of capex)
    double lifetimeYears = 15.0; //!< years (assumption)
    /// where the figures come from
    std::string source = "assumption: no published figure for a LEO/GEO gateway or PoP";
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_PARAMETERS_H */
