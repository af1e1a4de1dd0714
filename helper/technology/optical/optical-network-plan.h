/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_NETWORK_PLAN_H
#define BLUEPRINT_OPTICAL_NETWORK_PLAN_H

#include "helper/scenario/scenario-spec.h"
#include "helper/technology/optical/optical-helper.h"
#include "helper/technology/optical/optical-spec.h"

#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-optical
 * \brief One optical network of a scenario: the `technology: optical` links whose fibres share
 * ROADM nodes, the lightpaths added and dropped at those ROADMs, and the OpticalNetworkSpec they
 * make together.
 */
struct OpticalNetworkPlan
{
    std::vector<const LinkSpec*> links;          //!< its fibres and lightpaths, in file order
    std::vector<const LinkSpec*> fibreLinks;     //!< the link of spec.fibres[i]
    std::vector<const LinkSpec*> lightpathLinks; //!< the link of spec.demands[i]
    OpticalNetworkSpec spec;                     //!< the network, settings from its fibres
};

/**
 * \ingroup blueprint-optical
 * \brief Group a scenario's optical links into networks and assemble each one's spec: the
 * ROADMs (every fibre end, in order of first appearance), the fibres (with their IP-layer
 * wavelengths, whose routers' processing is their nodes' equipment), the settings (written once,
 * in one fibre's `network`, or identically in several), and a demand per lightpath, added and
 * dropped at the ROADMs it names or, by default, at the ROADM of its ends' sites.
 *
 * \param spec the scenario.
 * \param mine its optical links, in file order.
 * \return the networks, in the order of their first link in the file.
 * \throws InputError at the offending text: fibres of one network with different settings, a
 *         lightpath whose ROADMs cannot be found or lie in two networks, a class wider than the
 *         grid or slower than the lightpath's rate, an IP-layer wavelength on a fibre beyond its
 *         class's reach.
 */
std::vector<OpticalNetworkPlan> PlanOpticalNetworks(const ScenarioSpec& spec,
                                                    const std::vector<const LinkSpec*>& mine);

/**
 * \ingroup blueprint-optical
 * \brief Route a planned network's lightpaths (OpticalHelper::Provision: IP-layer wavelengths,
 * then routing and wavelength assignment in file order). Deterministic: the same plan gives the
 * same wavelengths, so the check when the scenario is read and the build agree.
 * \param plan the network.
 * \return the installation, no devices yet.
 * \throws InputError at a lightpath that is blocked (no wavelength free end to end, or no route
 *         within reach of any usable class without a remedy allowed), saying why.
 */
OpticalInstallation ProvisionOpticalNetwork(const OpticalNetworkPlan& plan);

/**
 * \ingroup blueprint-optical
 * \param lightpath an established lightpath.
 * \param requested the class the demand asked for.
 * \return what results' technology path calls it: "lightpath", "lightpath-regenerated" (O-E-O
 *         regenerators on its route) or "lightpath-<class>" (a slower class than requested).
 */
std::string GetLightpathLabel(const OpticalLightpath& lightpath, const std::string& requested);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_NETWORK_PLAN_H */
