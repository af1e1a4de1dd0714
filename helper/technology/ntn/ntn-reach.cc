/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/ntn/ntn-reach.h"

#include "helper/scenario/site-reader.h"
#include "helper/technology/ntn/ntn-helper.h"
#include "model/ntn/ntn-platform.h"

#include "ns3/double.h"

#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Degrees to radians.
constexpr double DEG = M_PI / 180.0;
/// The sphere of the coverage geometry, m (TR 38.821's).
constexpr double R = 6371e3;

/**
 * \param altitudeM a platform's altitude
 * \param elevationDeg the least elevation a ground point uses
 * \return the Earth central angle of its view of platforms at that altitude, radians
 */
double
CentralAngle(double altitudeM, double elevationDeg)
{
    const double el = elevationDeg * DEG;
    return std::acos(R * std::cos(el) / (R + altitudeM)) - el;
}

/// "12.3": an angle in degrees, to a tenth.
std::string
Figure(double degrees)
{
    std::ostringstream out;
    out << std::fixed;
    out.precision(1);
    out << degrees;
    return out.str();
}

/// "1520 km": a distance in whole kilometres.
std::string
Km(double metres)
{
    return std::to_string(static_cast<long>(std::lround(metres / 1e3))) + " km";
}

} // namespace

std::string
CheckNtnReach(const NtnLinkSpec& spec,
              const ScenarioSpec& scenario,
              const SiteSpec& gateway,
              const SiteSpec& terminals,
              double placementRadiusM)
{
    const GeographicFrame frame = *ScenarioFrame(scenario);
    const GroundPoint t = PlaceOnEarth(frame, terminals, {terminals.x, terminals.y}, 0.0);
    const GroundPoint g = PlaceOnEarth(frame, gateway, {gateway.x, gateway.y}, 0.0);
    const double minT = spec.terminal.minElevationDeg;
    const double minG = spec.gatewayMinElevationDeg;
    const NtnPlatformSpec& p = spec.platform;
    if (p.kind == "walker")
    {
        const double psiT = CentralAngle(p.altitudeM, minT);
        const double psiG = CentralAngle(p.altitudeM, minG);
        // The highest latitude a satellite reaches, and what a ground point sees beyond it.
        const double reach = (p.inclinationDeg <= 90 ? p.inclinationDeg : 180 - p.inclinationDeg);
        if (std::abs(t.latitudeDeg) > reach + psiT / DEG)
        {
            return "the terminals at site '" + terminals.name + "' (latitude " +
                   Figure(t.latitudeDeg) + ") are beyond the shell's coverage: its satellites " +
                   "reach latitude " + Figure(reach) + " and a terminal sees " +
                   Figure(psiT / DEG) + " degrees of arc around it above " + Figure(minT) +
                   " degrees of elevation";
        }
        const bool viaIsl = spec.payload == "regenerative" && spec.interSatelliteLinks;
        if (viaIsl)
        {
            if (std::abs(g.latitudeDeg) > reach + psiG / DEG)
            {
                return "the gateway at site '" + gateway.name + "' is beyond the shell's coverage";
            }
            return "";
        }
        const double apart = GeographicFrame::GreatCircleDistance(t.latitudeDeg,
                                                                  t.longitudeDeg,
                                                                  g.latitudeDeg,
                                                                  g.longitudeDeg);
        const double most = R * (psiT + psiG);
        if (apart > most)
        {
            return "the gateway at site '" + gateway.name + "' is " + Km(apart) +
                   " from the terminals at site '" + terminals.name + "', but one " +
                   Km(p.altitudeM) + " satellite sees both only within " + Km(most) +
                   " (the terminals above " + Figure(minT) + " and the gateway above " +
                   Figure(minG) +
                   " degrees of elevation); move the gateway nearer, or use a regenerative "
                   "payload with inter_satellite_links";
        }
        return "";
    }
    NtnPlatformSpec placed = p;
    if (p.kind == "haps" && p.overFirstTerminal)
    {
        placed.latitudeDeg = t.latitudeDeg;
        placed.longitudeDeg = t.longitudeDeg;
    }
    Ptr<NtnPlatform> platform = NtnHelper::CreatePlatform(placed);
    const Eigen::Vector3d at = platform->GetPosition(0, Seconds(0));
    const std::string what =
        p.kind == "geo" ? "the GEO satellite at " + Figure(p.longitudeDeg) + " degrees east"
                        : "the HAPS at " + Km(p.altitudeM);
    double elT = NtnLook(t, at).elevationDeg;
    if (p.kind == "haps" && placementRadiusM > 0)
    {
        // The member farthest from the nadir: the ground distance grows by the radius.
        const double nadirToSite = GeographicFrame::GreatCircleDistance(placed.latitudeDeg,
                                                                        placed.longitudeDeg,
                                                                        t.latitudeDeg,
                                                                        t.longitudeDeg);
        const double gamma = (nadirToSite + placementRadiusM) / R;
        elT = std::atan2(std::cos(gamma) - R / (R + p.altitudeM), std::sin(gamma)) / DEG;
    }
    if (elT < minT)
    {
        return "the terminals at site '" + terminals.name + "' see " + what + " at " + Figure(elT) +
               " degrees of elevation" +
               (p.kind == "haps" && placementRadiusM > 0 ? " (the farthest of the group)" : "") +
               ", below their minimum of " + Figure(minT);
    }
    const double elG = NtnLook(g, at).elevationDeg;
    if (elG < minG)
    {
        return "the gateway at site '" + gateway.name + "' sees " + what + " at " + Figure(elG) +
               " degrees of elevation, below the gateway minimum of " + Figure(minG);
    }
    return "";
}

} // namespace blueprint
} // namespace ns3
