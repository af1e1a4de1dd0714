/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_LINK_SPEC_H
#define BLUEPRINT_NTN_LINK_SPEC_H

#include "model/ntn/ntn-parameters.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief Which platforms a satellite or HAPS link uses.
 */
struct NtnPlatformSpec
{
    std::string kind = "walker"; //!< "walker", "geo" or "haps"
    // Walker shell
    double altitudeM = 550e3;        //!< orbit (walker) or flight (haps) altitude, m
    double inclinationDeg = 53.0;    //!< walker inclination, degrees
    uint32_t planes = 72;            //!< walker planes
    uint32_t perPlane = 22;          //!< walker satellites per plane
    uint32_t phasing = 1;            //!< walker phasing F
    double reassignmentPeriodS = 15; //!< walker global reassignment period, s
    // GEO and HAPS
    double longitudeDeg = 140.0;   //!< GEO sub-satellite or HAPS longitude, degrees east
    double latitudeDeg = 0.0;      //!< HAPS latitude, degrees
    bool overFirstTerminal = true; //!< HAPS: hold station over the first terminal instead

    /**
     * \param name "starlink-shell1", "geo" or "haps".
     * \param[out] spec the preset.
     * \return false if the name is unknown.
     */
    static bool FindPreset(const std::string& name, NtnPlatformSpec& spec);

    /// \return every preset name.
    static std::vector<std::string> GetPresetNames();
};

/**
 * \ingroup blueprint-ntn
 * \brief Everything a scenario says about a satellite or HAPS link (technologies "leo", "geo",
 * "haps"): platforms, beams, terminals, payload, sharing, reassignment and weather.
 *
 * Start from ForTechnology() and override any member; ReadNtnLinkSpec() does that from YAML.
 */
struct NtnLinkSpec
{
    std::string technology = "leo"; //!< "leo", "geo" or "haps"
    NtnPlatformSpec platform;       //!< the platforms
    NtnBeamParameters beam;         //!< the platforms' beams
    NtnTerminalParameters terminal; //!< the user terminals
    NtnGatewayParameters gateway;   //!< the gateway site (assumptions)
    /// Whether the scenario owns the gateway (a private hub or HAPS ground station): its energy
    /// and cost are then counted; else it is the operator's, paid through the subscription.
    bool gatewayOwned = false;
    std::string payload = "transparent";     //!< "transparent" or "regenerative"
    bool interSatelliteLinks = false;        //!< regenerative only
    std::string scenario = "suburban-rural"; //!< TR 38.811: dense-urban, urban, suburban-rural
    std::string scheduler = "rr";   //!< "rr", "pf" or an ns3::blueprint::NtnBeamScheduler TypeId
    double backgroundLoad = 0.0;    //!< other subscribers' share of each carrier
    double backgroundBurstS = 1e-3; //!< their mean burst, s
    double interruptionS = 0.0;     //!< link interruption at a platform change, s
    std::string interruptionMode = "hold";   //!< "hold" or "drop"
    double reassignmentOffsetS = 0.0;        //!< phase of the reassignment boundaries, s
    uint32_t maxConsecutiveSlots = 0;        //!< periods a platform serves in a row (0: any)
    std::string returnAccess = "continuous"; //!< "continuous" or "request-grant"
    bool grantAtGateway = false;             //!< request-grant scheduler at the gateway
    double grantHoldS = 0.0;                 //!< grant kept after the queue empties, s
    double constantRateBps = 0.0;            //!< return constant rate assignment, bit/s
    double frameS = 0.0;                     //!< carrier frame, s (0 = none)
    double returnFrameS = 0.0;               //!< return carrier frame, s (0 = frameS)
    uint32_t schedulingLead = 0;             //!< frames a forward frame is planned ahead
    uint32_t returnSchedulingLead = 0;       //!< frames a return frame is planned ahead
    double processingS = 0.0;                //!< fixed processing latency per direction, s
    double gatewayMinElevationDeg = 25.0;    //!< gateway minimum elevation, degrees
    double marginDb = 1.0;                   //!< ACM margin, dB
    double rollOff = 0.10;                   //!< carrier roll-off
    double rainRateMmH = 0.0;                //!< rain at the terminals at the start, mm/h
    double rainHeightM = 4500.0;             //!< ITU-R P.839 rain height, m
    std::string queueSize = "100p";          //!< each device queue (ns-3 QueueSize text)

    /**
     * \brief The preset of a technology: "leo" is a Starlink-like shell (550 km, 53 degrees,
     * 72 x 22) with TR 38.821 LEO-600 Ka beams, standard dishes and Starlink's frame and
     * on-satellite grants; "geo" a satellite at 140E with TR 38.821 GEO Ka beams, VSATs and a
     * DVB-RCS2 return (superframes, demand assignment at the gateway, a constant rate
     * assignment); "haps" a 20 km platform over the first terminal with an S-band cell, outdoor
     * CPEs and an LTE base station's timing on board.
     * \param technology "leo", "geo" or "haps".
     * \param[out] spec the preset.
     * \return false if the technology is unknown.
     */
    static bool ForTechnology(const std::string& technology, NtnLinkSpec& spec);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_LINK_SPEC_H */
