/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIRED_LINK_CONFIG_H
#define BLUEPRINT_WIRED_LINK_CONFIG_H

#include "helper/scenario/scenario-spec.h"

#include <cstdint>
#include <map>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A wired link's own keys (`technology: wired`, the default), read by the wired plug-in.
 */
struct WiredLinkConfig : public LinkConfig
{
    std::string profile;        //!< WiredLinkProfile name
    double rateDown = 0;        //!< bit/s a->b (0 = profile's)
    double rateUp = 0;          //!< bit/s b->a (0 = same as down or profile's)
    double length = 0;          //!< metres: written, or the sites' distance x routeFactor
    bool lengthWritten = false; //!< `length` is written (else members follow their positions)
    double routeFactor = 1.0;   //!< cable route length over straight-line distance
    double extraLatency = 0;    //!< seconds of extra equipment latency per direction
    std::string queue = "100p"; //!< device transmit queue size
    uint16_t mtu = 1500;        //!< IP MTU
    std::map<std::string, std::string> deviceAttributes; //!< ns-3 attributes on both devices
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_WIRED_LINK_CONFIG_H
