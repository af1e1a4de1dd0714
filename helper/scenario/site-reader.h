/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SITE_READER_H
#define BLUEPRINT_SITE_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"
#include "model/geography/geographic-frame.h"

#include <optional>
#include <utility>

namespace ns3
{
namespace blueprint
{

/// How far from the origin a site may be, m: within it the local plane's lengths stay within
/// 11 % of the ground's (cos(3,000 km / R) = 0.89), and the radio geometry near each site, which
/// is what the plane serves, within far less.
constexpr double kMaxSiteDistanceFromOriginM = 3000e3;

/**
 * \ingroup blueprint
 * \brief Read the scenario's `origin:` and `sites:`.
 *
 * A position is either metres east and north of the origin on the local plane,
 * `[2km, -500m]`, or a WGS84 latitude and longitude with their hemispheres and an optional
 * altitude above the ellipsoid, `[37.39N, 136.90E]` or `[37.39N, 136.90E, 30m]`; both kinds mix
 * in one scenario. The plane touches the Earth at `origin: [35.68N, 139.77E]`, or, when there is
 * none, at the first site given by latitude and longitude; sites in metres beside sites by
 * latitude need the origin written (it says where the metres are). A scenario whose sites are
 * all in metres and that has no origin is a plane with no place on the Earth, as before.
 *
 * \param root the scenario's map
 * \param spec the scenario being read: its origin and sites are set
 * \throws InputError at the offending text: a position neither in metres nor by latitude and
 *         longitude, a mix of the two in one position, a latitude beyond a pole or a longitude
 *         beyond 180 degrees, sites in metres among sites by latitude without an origin, a site
 *         beyond kMaxSiteDistanceFromOriginM of the origin, a pue below 1
 */
void ReadSites(const ConfigNode& root, ScenarioSpec& spec);

/**
 * \ingroup blueprint
 * \brief Read a length that may be negative ("-500m": west or south of a place, below the
 * ellipsoid).
 * \param node a scalar
 * \return metres
 * \throws InputError at the node for anything but a length
 */
double ReadSignedLength(const ConfigNode& node);

/**
 * \param spec a scenario read by ReadSites
 * \return its local plane on the Earth, or none when it has no origin
 */
std::optional<GeographicFrame> ScenarioFrame(const ScenarioSpec& spec);

/**
 * \brief The length between two places of a scenario: the great circle when either site is
 * given by latitude and longitude (the other placed through the origin), else the straight line
 * on the plane.
 * \param spec the scenario
 * \param siteA the first place's site
 * \param planeA the first place on the plane (its site's position, or a member's in a disc
 *        around it), metres east and north
 * \param siteB the second place's site
 * \param planeB the second place on the plane
 * \return metres
 */
double GroundDistance(const ScenarioSpec& spec,
                      const SiteSpec& siteA,
                      std::pair<double, double> planeA,
                      const SiteSpec& siteB,
                      std::pair<double, double> planeB);

/**
 * \param spec the scenario
 * \param a a site
 * \param b another site
 * \return the length between them (GroundDistance between the sites' positions), metres
 */
double SiteDistance(const ScenarioSpec& spec, const SiteSpec& a, const SiteSpec& b);

/**
 * \brief A place of the scenario on the Earth.
 * \param frame the scenario's plane on the Earth (ScenarioFrame)
 * \param site the place's site (its altitude counts)
 * \param plane the place on the plane, metres east and north
 * \param heightM the height above the site's ground (an antenna's)
 * \return the point, its height above the ellipsoid the site's altitude plus heightM
 */
GroundPoint PlaceOnEarth(const GeographicFrame& frame,
                         const SiteSpec& site,
                         std::pair<double, double> plane,
                         double heightM);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SITE_READER_H
