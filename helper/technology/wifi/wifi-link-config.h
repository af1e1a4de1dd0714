/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIFI_LINK_CONFIG_H
#define BLUEPRINT_WIFI_LINK_CONFIG_H

#include "helper/scenario/scenario-spec.h"
#include "helper/technology/cell-technology.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The configuration of a Wi-Fi cell (a link with `technology: wifi`), built from ns-3's
 * wifi module.
 */
struct WifiLinkConfig : public LinkConfig
{
    std::string standard = "802.11ax"; //!< 802.11n, 802.11ac or 802.11ax
    std::string band = "5GHz";         //!< 2.4GHz or 5GHz
    uint32_t channelWidth = 20;        //!< MHz
    /// The access point's power model (a WifiPowerModel) and its attributes.
    StationPowerSpec power{"ns3::blueprint::WifiRadioPowerModel", {}};
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_WIFI_LINK_CONFIG_H
