/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIFI_REACH_H
#define BLUEPRINT_WIFI_REACH_H

#include "ns3/net-device.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Whether a Wi-Fi station can hear its access point at all, as the cell is built.
 */
struct WifiReach
{
    double distanceMetres = 0; //!< station to access point, 3-D
    double rssiDbm = 0;        //!< the access point's frames at the station
    double thresholdDbm = 0;   //!< the weakest frame the station's receiver detects
    double reachMetres = 0;    //!< the distance at which rssiDbm falls to thresholdDbm

    /// \return whether the station can detect the access point's beacons, hence associate
    bool Hears() const
    {
        return rssiDbm >= thresholdDbm;
    }
};

/**
 * \brief Estimate whether a station hears its access point on a channel made by
 * YansWifiChannelHelper::Default() (log-distance path loss with the model's attribute defaults).
 *
 * The received power is the access point's TxPowerStart plus both antenna gains minus the
 * log-distance loss at the two positions. A station cannot associate unless it detects the
 * access point's beacons, and ns-3's ThresholdPreambleDetectionModel drops every frame below
 * its MinimumRssi: -82 dBm by default, the receiver minimum input sensitivity of IEEE Std
 * 802.11-2020 Table 17-18 for the most robust OFDM rate (BPSK 1/2, 20 MHz). Attribute defaults
 * a scenario sets (`defaults:`) are honoured.
 * \param ap the access point's WifiNetDevice (its node has a MobilityModel)
 * \param station a station's WifiNetDevice (its node has a MobilityModel)
 * \return the estimate
 */
WifiReach EstimateWifiReach(Ptr<NetDevice> ap, Ptr<NetDevice> station);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_WIFI_REACH_H
