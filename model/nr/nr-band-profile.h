/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_BAND_PROFILE_H
#define BLUEPRINT_NR_BAND_PROFILE_H

#include "model/nr/nr-radio.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One NR carrier a Japanese planner can deploy: where it sits, how wide it is and how its
 * slots are split between downlink and uplink.
 *
 * The catalogue holds the public carrier bands (n77, n78, n79, n257) at the frequency blocks MIC
 * assigned to the mobile operators in April 2019, and the local 5G bands MIC opened to
 * non-operators (4.6-4.9 GHz and 28.2-29.1 GHz). Each entry names its sources in \c source;
 * figures marked "assumption" there are choices, not transcriptions.
 */
struct NrBandProfile
{
    std::string name;              //!< catalogue name, e.g. "n78" or "local5g-sub6"
    std::string operatingBand;     //!< 3GPP operating band, e.g. "n79"
    double frequencyHz = 0.0;      //!< carrier centre frequency, Hz
    double bandwidthHz = 0.0;      //!< channel bandwidth, Hz
    uint8_t numerology = 0;        //!< default numerology mu (SCS = 15 * 2^mu kHz)
    bool fr2 = false;              //!< true in frequency range 2 (mmWave)
    bool tdd = true;               //!< true for TDD, false for FDD
    std::string tddPattern;        //!< slot pattern for NrTddPattern::Parse; empty for FDD
    std::string specialSlot;       //!< split of the S slots, e.g. "6D+4G+4U"; empty for FDD
    double bandLowHz = 0.0;        //!< lower edge of the 3GPP operating band, Hz
    double bandHighHz = 0.0;       //!< upper edge of the 3GPP operating band, Hz
    double allocationLowHz = 0.0;  //!< lower edge of the Japanese assignment the carrier sits in
    double allocationHighHz = 0.0; //!< upper edge of that assignment, Hz
    std::string source;            //!< where each figure comes from

    /**
     * \brief Look a band profile up by name.
     * \param name the catalogue name.
     * \return the profile, or nullptr if there is none by that name.
     */
    static const NrBandProfile* Find(const std::string& name);

    /// \return the catalogue names, in catalogue order.
    static std::vector<std::string> Names();
};

/**
 * \ingroup blueprint
 * \brief A class of gNB site: transmit power, antenna, receiver and mast height.
 *
 * Powers are quoted, as ITU-R M.2412-0 Table 5 quotes them, per reference bandwidth (20 MHz at
 * 4 GHz, 80 MHz at 30 GHz). M.2412 defines the power per bandwidth (its Dense Urban macro layer
 * lists 44 dBm for 20 MHz and 41 dBm for 10 MHz): a power spectral density. A cell is given that
 * density over the bandwidth it is configured with (the link's \c bandwidth, not the band
 * profile's default), so the per-PRB SINR at a spot does not depend on the carrier's width.
 * Each entry names its sources in \c source.
 */
struct NrCellClass
{
    std::string name;                     //!< catalogue name, e.g. "macro"
    std::string scenario;                 //!< TR 38.901 scenario it is evaluated in: RMa, UMa, UMi
    double txPowerDbmFr1 = 0.0;           //!< FR1 transmit power in referenceBandwidthFr1Hz, dBm
    double referenceBandwidthFr1Hz = 0.0; //!< bandwidth txPowerDbmFr1 is quoted in, Hz
    double txPowerDbmFr2 = 0.0;           //!< FR2 transmit power in referenceBandwidthFr2Hz, dBm
    double referenceBandwidthFr2Hz = 0.0; //!< bandwidth txPowerDbmFr2 is quoted in, Hz
    double antennaGainDbi = 0.0;          //!< antenna gain, dBi
    double noiseFigureDbFr1 = 0.0;        //!< receiver noise figure in FR1, dB
    double noiseFigureDbFr2 = 0.0;        //!< receiver noise figure in FR2, dB
    double heightM = 0.0;                 //!< antenna height above ground, m
    std::string source;                   //!< where each figure comes from
    double capex = 0.0;                   //!< site investment, JPY
    double opexPerYear = 0.0;             //!< site running cost per year, JPY
    double lifetimeYears = 1.0;           //!< recovery period of the capex
    std::string costSource;               //!< where the cost figures come from

    /**
     * \brief Get the total transmit power over a carrier.
     * \param bandwidthHz the carrier bandwidth, Hz.
     * \param fr2 true for an FR2 carrier.
     * \return the reference power + 10 log10(bandwidth / reference bandwidth), dBm.
     */
    double GetTxPowerDbm(double bandwidthHz, bool fr2) const;

    /**
     * \brief Get the radio figures of a gNB of this class on a carrier.
     * \param band the carrier's band (only its frequency range matters).
     * \param bandwidthHz the bandwidth the cell is configured with, Hz (a link may set one
     *        other than the band profile's default).
     * \return power at constant PSD over \p bandwidthHz, gain, the range's noise figure,
     *         height.
     */
    NrGnbRadio MakeRadio(const NrBandProfile& band, double bandwidthHz) const;

    /**
     * \brief Look a cell class up by name.
     * \param name the catalogue name.
     * \return the class, or nullptr if there is none by that name.
     */
    static const NrCellClass* Find(const std::string& name);

    /// \return the catalogue names, in catalogue order.
    static std::vector<std::string> Names();
};

/**
 * \ingroup blueprint
 * \brief A class of UE: power class, antenna, receiver and height.
 */
struct NrUeClass
{
    std::string name;               //!< catalogue name, e.g. "handset"
    double txPowerDbmFr1 = 0.0;     //!< maximum output power in FR1, dBm
    double txPowerDbmFr2 = 0.0;     //!< maximum output power in FR2 (before antenna gain), dBm
    double antennaGainDbiFr1 = 0.0; //!< antenna gain in FR1, dBi
    double antennaGainDbiFr2 = 0.0; //!< antenna gain in FR2, dBi
    double noiseFigureDbFr1 = 0.0;  //!< receiver noise figure in FR1, dB
    double noiseFigureDbFr2 = 0.0;  //!< receiver noise figure in FR2, dB
    double heightM = 0.0;           //!< antenna height above ground, m
    std::string source;             //!< where each figure comes from

    /**
     * \brief Get the radio figures of a UE of this class on a carrier.
     * \param band the carrier (only its frequency range matters).
     * \return the range's power, gain and noise figure, and the height.
     */
    NrUeRadio MakeRadio(const NrBandProfile& band) const;

    /**
     * \brief Look a UE class up by name.
     * \param name the catalogue name.
     * \return the class, or nullptr if there is none by that name.
     */
    static const NrUeClass* Find(const std::string& name);

    /// \return the catalogue names, in catalogue order.
    static std::vector<std::string> Names();
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_BAND_PROFILE_H */
