/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LTE_BAND_PROFILE_H
#define BLUEPRINT_LTE_BAND_PROFILE_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief An E-UTRA FDD operating band used in Japan, with the carrier a cell in it uses by
 * default.
 *
 * The band edges and channel-number offsets are 3GPP TS 36.101 Table 5.7.3-1 (E-UTRA channel
 * numbers): F_DL = F_DL_low + 0.1 MHz (N_DL - N_Offs-DL), F_UL = F_UL_low + 0.1 MHz (N_UL -
 * N_Offs-UL), clause 5.7.3. The default carrier of each band sits inside the part of the band
 * MIC assigned to Japan's mobile operators (an assumption: the exact operator block varies).
 */
struct LteBandProfile
{
    uint16_t band = 0;               //!< E-UTRA operating band number
    std::string name;                //!< usual Japanese name, e.g. "2 GHz"
    double dlLowMhz = 0;             //!< F_DL_low, MHz
    uint32_t dlOffset = 0;           //!< N_Offs-DL
    uint32_t dlFirst = 0;            //!< first N_DL of the band
    uint32_t dlLast = 0;             //!< last N_DL of the band
    double ulLowMhz = 0;             //!< F_UL_low, MHz
    uint32_t ulOffset = 0;           //!< N_Offs-UL
    double defaultDlMhz = 0;         //!< default downlink carrier centre, MHz (assumption)
    double defaultBandwidthMhz = 20; //!< default channel bandwidth, MHz (assumption)
    std::string source;              //!< where the figures come from

    /// \return the downlink band's upper edge, MHz (the last channel number's frequency + 0.1)
    double GetDlHighMhz() const;

    /// \return the duplex spacing F_DL - F_UL of the band, MHz
    double GetDuplexMhz() const;

    /**
     * \param dlMhz a downlink carrier centre, MHz
     * \return its downlink channel number N_DL (TS 36.101 clause 5.7.3)
     */
    uint32_t GetDlEarfcn(double dlMhz) const;

    /**
     * \param dlMhz a downlink carrier centre, MHz
     * \return the uplink channel number N_UL of the paired uplink carrier (fixed duplex spacing)
     */
    uint32_t GetUlEarfcn(double dlMhz) const;

    /**
     * \brief Whether a channel of `bandwidthMhz` centred on `dlMhz` lies inside the band.
     * \param dlMhz carrier centre, MHz
     * \param bandwidthMhz channel bandwidth, MHz
     * \return true if both channel edges are inside [F_DL_low, F_DL_high]
     */
    bool Fits(double dlMhz, double bandwidthMhz) const;

    /**
     * \brief Look a band up by its number.
     * \param band the E-UTRA band number
     * \return the profile, or nullptr if the catalogue has no such band
     */
    static const LteBandProfile* Find(uint16_t band);

    /// \return the catalogue's band numbers, as text, in catalogue order
    static std::vector<std::string> Names();
};

/**
 * \ingroup blueprint
 * \brief The transmission bandwidth configuration N_RB of an E-UTRA channel bandwidth.
 *
 * TS 36.101 Table 5.6-1: 1.4, 3, 5, 10, 15 and 20 MHz carry 6, 15, 25, 50, 75 and 100 resource
 * blocks.
 *
 * \param bandwidthHz the channel bandwidth, Hz
 * \return N_RB
 * \throw std::invalid_argument for any other bandwidth
 */
uint16_t LteResourceBlocks(double bandwidthHz);

/**
 * \ingroup blueprint
 * \brief The channel number ns-3 3.37 can simulate for a frequency.
 *
 * ns-3 turns an EARFCN into a frequency with its own copy of TS 36.101 Table 5.7.3-1
 * (LteSpectrumValueHelper), which ends at band 21 for FDD: bands 26 and 28 are missing and give
 * 0 Hz. The carrier's frequency is what the model uses (spectrum model and path loss), so a
 * carrier of a missing band runs on the ns-3 channel number with the nearest frequency, from any
 * band ns-3 knows; for every band of the catalogue other than 28 the frequency is the same.
 *
 * \param mhz the carrier frequency, MHz
 * \param downlink true for a downlink channel number, false for an uplink one
 * \return the ns-3 EARFCN whose frequency is closest to `mhz`
 */
uint32_t LteSimulatedEarfcn(double mhz, bool downlink);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LTE_BAND_PROFILE_H
