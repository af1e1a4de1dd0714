/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_LINK_CONFIG_H
#define BLUEPRINT_MICROWAVE_LINK_CONFIG_H

#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \brief Per-end power override of a microwave hop (each end draws this, before site PUE).
 */
struct MicrowavePowerOverride
{
    double idleWatts = 0.0; //!< at zero load
    double maxWatts = 0.0;  //!< at the hop's clear-sky line rate
};

/**
 * \ingroup blueprint-microwave
 * \brief Cost override of a whole microwave hop.
 */
struct MicrowaveCostOverride
{
    double capex = 0.0;         //!< investment
    double opexPerYear = 0.0;   //!< running cost per year
    double lifetimeYears = 1.0; //!< recovery period
};

/**
 * \ingroup blueprint-microwave
 * \brief Everything that describes one point-to-point microwave hop, typed.
 *
 * Start from a preset (FromPreset) and change what differs. Frequencies and widths in Hz,
 * lengths in m, times in s, powers in dBm, rain rates in mm/h.
 */
struct MicrowaveLinkConfig
{
    std::string preset;                 //!< the preset it started from
    std::string band;                   //!< "licensed" (6-42 GHz) or "e-band" (71-76 / 81-86 GHz)
    double frequencyHz = 0;             //!< carrier frequency
    double channelWidthHz = 0;          //!< channel width (channel separation)
    std::string minModulation = "QPSK"; //!< slowest modulation ACM may use
    std::string maxModulation = "4096QAM"; //!< fastest modulation
    bool adaptiveModulation = true;        //!< ACM on; off: fixed at maxModulation
    double acmMarginDb = 0.0;              //!< SNR kept above each modulation's requirement
    double antennaADiameterM = 0.6;        //!< dish at the first (network-side) end
    double antennaBDiameterM = 0.6;        //!< dish at the second end
    double txPowerDbm = 18.0;              //!< transmit power at the antenna port
    double noiseFigureDb = 3.0;            //!< receiver noise figure
    double otherLossesDb = 0.0;            //!< branching, feeder, radome losses, both ends
    std::string polarization = "vertical"; //!< horizontal, vertical or circular
    double rainRateMmH = 0.0;              //!< rain along the hop at the start of the run
    double rainRate001MmH = 80.0;          //!< site R_0.01 (ITU-R P.837) for the availability check
    double availabilityPercent = 99.99;    //!< availability target for the hop-length check
    double equipmentLatencyS = 80e-6;      //!< radio latency per direction (modem, framing)
    std::optional<double> lengthM;         //!< hop length; unset: from the sites' positions
    std::string equipment = "all-outdoor"; //!< MicrowaveEquipment catalogue name
    std::string queueSize = "100p";        //!< device transmit queue
    std::optional<MicrowavePowerOverride> power; //!< per-end power instead of the catalogue's
    std::optional<MicrowaveCostOverride> cost;   //!< hop cost instead of the catalogue's

    /**
     * \brief A preset by name.
     * \param name one of PresetNames().
     * \return the config; \throws std::invalid_argument for an unknown name.
     */
    static MicrowaveLinkConfig FromPreset(const std::string& name);

    /// \return the preset names.
    static std::vector<std::string> PresetNames();

    /// \return the polarisation tilt for ITU-R P.838-3, degrees.
    double GetPolarizationTiltDeg() const;

    /**
     * \brief Check the config is one a radio can have.
     * \return "" if it is, else what is wrong (the frequency outside its band, an unknown
     *         modulation or equipment, a modulation range upside down, ...).
     */
    std::string Check() const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_LINK_CONFIG_H */
