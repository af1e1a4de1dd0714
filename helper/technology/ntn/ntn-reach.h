/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_REACH_H
#define BLUEPRINT_NTN_REACH_H

#include "helper/scenario/scenario-spec.h"
#include "helper/technology/ntn/ntn-link-spec.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief Whether a link's platforms can serve its terminals through its gateway at all, from
 * the geometry alone, so that a scenario that cannot work is refused when it is read.
 *
 * GEO: the terminals and the gateway see the satellite above their minimum elevations. HAPS: the
 * terminal farthest from the platform's nadir (the group's placement radius) and the gateway
 * see it above theirs. A Walker shell: the terminals' and (with inter-satellite links) the
 * gateway's latitudes are within the shell's inclination plus the Earth central angle psi a
 * ground point sees at its minimum elevation, psi = acos(R cos(el) / (R + h)) - el on a sphere
 * of R = 6,371 km; and without inter-satellite links, the terminals and the gateway are within
 * R (psi_terminal + psi_gateway) of each other, so that one satellite can see both. These are
 * necessary conditions: a shell too sparse for its cone may still leave gaps, which the run
 * shows as loss.
 *
 * \param spec the link
 * \param scenario the scenario (its sites on the Earth)
 * \param gateway the gateway's site
 * \param terminals the terminals' site
 * \param placementRadiusM how far the terminals are placed around their site, m
 * \return "" when the geometry allows service, else what prevents it
 */
std::string CheckNtnReach(const NtnLinkSpec& spec,
                          const ScenarioSpec& scenario,
                          const SiteSpec& gateway,
                          const SiteSpec& terminals,
                          double placementRadiusM);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_REACH_H */
