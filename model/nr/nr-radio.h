/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_RADIO_H
#define BLUEPRINT_NR_RADIO_H

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Radio figures of one gNB on an NrChannel.
 *
 * The antenna gain is the effective boresight gain towards the UEs (no antenna pattern: the
 * channel model is wideband and direction-free). The height is the antenna height above ground
 * the deployment profile intends; NrChannel takes the antenna position, height included, from
 * the node's MobilityModel, so whoever places the node puts it at z = heightM.
 */
struct NrGnbRadio
{
    double txPowerDbm = 0.0;     //!< total transmit power over the whole carrier, dBm
    double antennaGainDbi = 0.0; //!< antenna gain, dBi
    double noiseFigureDb = 0.0;  //!< receiver noise figure, dB
    double heightM = 0.0;        //!< antenna height above ground, m
};

/**
 * \ingroup blueprint
 * \brief Radio figures of one UE on an NrChannel.
 *
 * The same conventions as NrGnbRadio; txPowerDbm is the UE's maximum output power (its power
 * class).
 */
struct NrUeRadio
{
    double txPowerDbm = 0.0;     //!< maximum transmit power, dBm
    double antennaGainDbi = 0.0; //!< antenna gain, dBi
    double noiseFigureDb = 0.0;  //!< receiver noise figure, dB
    double heightM = 0.0;        //!< antenna height above ground, m
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_RADIO_H */
