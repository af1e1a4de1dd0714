/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_LINK_READER_H
#define BLUEPRINT_OPTICAL_LINK_READER_H

#include "helper/technology/link-technology.h"
#include "helper/technology/optical/optical-spec.h"

#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-optical
 * \brief What one `technology: optical` entry of `links:` says: a fibre pair between two ROADM
 * nodes (the sites' routers, or ROADM-only sites), or a lightpath between two nodes over the
 * fibres.
 *
 * Fibres that share ROADM nodes form one optical network; its settings (grid, line, classes,
 * RWA, equipment) are written once, in the `network` map of any of its fibres. A lightpath is
 * added and dropped at ROADMs of one network and routed over its fibres when the scenario is
 * checked (OpticalNetworkPlan).
 */
struct OpticalLinkConfig : public LinkConfig
{
    bool lightpath = false; //!< a lightpath (`lightpath:` written), else a fibre

    /// \name A fibre
    /// \{
    double lengthKm = 0.0; //!< route length: written, or the sites' distance x route factor
    bool aerial = false;   //!< strung on poles (cost), rather than underground
    bool ipLink = true;    //!< the IP-routed layer has a wavelength on it (`ip`, not false)
    double ipRate = 0.0;   //!< that link's bit/s; 0 = the network class's line rate
    std::string ipQueue;   //!< its routers' egress queue; "" = 100p
    /// The network's settings, if this fibre writes them (`network:`).
    std::optional<OpticalNetworkSpec> settings;
    std::string settingsText; //!< the `network` map as canonical YAML, to compare fibres'
    SourceMark settingsMark;  //!< where `network` is written
    /// \}

    /// \name A lightpath
    /// \{
    std::string add;            //!< ROADM node where it is added; "" = at the first end's site
    std::string drop;           //!< ROADM node where it is dropped; "" = at the second's site
    SourceMark addMark;         //!< where `add` is written (else the lightpath's)
    SourceMark dropMark;        //!< where `drop` is written (else the lightpath's)
    std::string transponder;    //!< its class; "" = the network's
    SourceMark transponderMark; //!< where `transponder` is written
    double rate = 0.0;          //!< bit/s it must carry; 0 = the class's line rate
    SourceMark rateMark;        //!< where `rate` is written
    std::string queue;          //!< its end transponders' queue; "" = the network's
    SourceMark lightpathMark;   //!< where `lightpath` is written
    /// \}
};

/// \return the keys of an optical link besides the common ones (technology, between, cost,
/// description): `length`, `route_factor`, `plant`, `ip`, `network`, `lightpath`.
std::vector<std::string> OpticalLinkKeys();

/**
 * \ingroup blueprint-optical
 * \brief Read one `technology: optical` entry: a fibre (its length, written or from its sites'
 * positions, plant, IP-layer wavelength and the network's settings) or a lightpath (`lightpath:
 * {add, drop, transponder, rate, queue}`).
 *
 * Checked here: every key and value at its place (did-you-mean on keys and names), a fibre's
 * two ends as single nodes at distinct places (or a written length), an IP-layer wavelength
 * only between forwarding nodes (routers or switches), fibre keys on a lightpath. What needs
 * the other links (which network a lightpath is in, its class against the network's grid, its
 * wavelengths) is checked by OpticalNetworkPlan.
 *
 * \param link the link's map.
 * \param ctx the scenario read so far and the link's common part.
 * \return the config.
 * \throws InputError at the offending text.
 */
std::shared_ptr<const OpticalLinkConfig> ReadOpticalLink(const ConfigNode& link,
                                                         const LinkReadContext& ctx);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_LINK_READER_H */
