/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_SPEC_H
#define BLUEPRINT_OPTICAL_SPEC_H

#include "helper/scenario/input-error.h"
#include "model/optical/optical-equipment.h"
#include "model/optical/optical-line-system.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-optical
 * \brief One fibre pair of an optical network, between two ROADM sites named as scenario nodes.
 */
struct OpticalFibreSpec
{
    std::string a;                  //!< one end's site (a scenario node name)
    std::string b;                  //!< the other end's site
    std::optional<double> lengthKm; //!< route length; unset: the contract derives it from sites
    bool aerial = false;            //!< strung on poles (cost), rather than underground
    std::string name;               //!< its name in reports; "" = "a-b"
    /// Whether the IP-routed layer has a wavelength on this fibre between the routers at its
    /// ends (OpticalHelper::InstallIpLayer); Provision takes that wavelength before any demand.
    bool ipLink = true;
    double ipRate = 0.0;             //!< bit/s of that link; 0 = OpticalIpLayerSpec::rate
    std::string ipQueue;             //!< its routers' egress queue; "" = OpticalIpLayerSpec::queue
    std::optional<Time> processingA; //!< router processing at a; unset = the IP layer's router
    std::optional<Time> processingB; //!< router processing at b; unset = the IP layer's router
    SourceMark mark;                 //!< where the fibre is written

    /// \return the name in reports: `name`, or "a-b".
    std::string GetName() const
    {
        return name.empty() ? a + "-" + b : name;
    }
};

/**
 * \ingroup blueprint-optical
 * \brief One demand for an all-optical path between two sites.
 */
struct OpticalDemandSpec
{
    std::string name; //!< demand name, unique
    std::string from; //!< source site (a ROADM)
    std::string to;   //!< destination site (a ROADM)
    /// Node holding the source transponder: equipment at the site other than its router (a data
    /// centre's switch, a cell site's router); "" = the site's own node.
    std::string fromNode;
    std::string toNode; //!< node holding the destination transponder; "" = the site's node
    double rate = 0.0;  //!< bit/s to carry; 0 = the transponder's line rate
    std::string transponderClass; //!< OpticalTransponderClass name; "" = the network default
    std::string queue;            //!< end transponders' queue; "" = OpticalNetworkSpec::queue
    SourceMark mark;              //!< where the demand is written

    /// \return the node holding the source transponder.
    const std::string& GetFromNode() const
    {
        return fromNode.empty() ? from : fromNode;
    }

    /// \return the node holding the destination transponder.
    const std::string& GetToNode() const
    {
        return toNode.empty() ? to : toNode;
    }
};

/**
 * \ingroup blueprint-optical
 * \brief The IP-routed layer on the same fibres: a router at every ROADM site and one
 * wavelength (a transponder pair) per fibre between neighbouring routers.
 */
struct OpticalIpLayerSpec
{
    std::string routerProfile = "router"; //!< EquipmentProfile of every site's router
    double rate = 0.0;                    //!< bit/s per fibre link; 0 = the default class's rate
    std::string queue = "100p";           //!< router egress queue (device TxQueue MaxSize)
};

/**
 * \ingroup blueprint-optical
 * \brief Everything an optical transport network needs: its sites and fibres, the grid and line,
 * the transponder class, the demands for wavelength paths, and the IP layer built beside them.
 *
 * Every field has a default; presets are the transponder classes (OpticalTransponderClass: "100G",
 * "400G") and the grid sizes (40, 64, 96 channels). OpticalHelper builds it; ReadOpticalNetworkSpec
 * (helper/technology/optical/optical-spec-reader.h) reads it from YAML.
 */
struct OpticalNetworkSpec
{
    std::vector<std::string> roadms;        //!< ROADM sites; empty: every fibre's ends
    std::vector<OpticalFibreSpec> fibres;   //!< fibre pairs
    uint32_t channels = 96;                 //!< 40, 64 or 96 wavelengths per fibre
    OpticalLineSystem line;                 //!< amplifier spacing, OSNR figures, latencies
    std::string transponderClass = "100G";  //!< default class of demands
    uint32_t candidatePaths = 3;            //!< k of the k shortest routes
    bool allowRegenerators = true;          //!< beyond reach: O-E-O regenerators
    bool allowSlowerTransponder = true;     //!< beyond reach: a slower class that reaches
    std::vector<OpticalDemandSpec> demands; //!< wavelength paths to set up, in order
    std::string queue = "100p";             //!< end transponders' queue (device TxQueue MaxSize)
    OpticalIpLayerSpec ipLayer;             //!< the routed layer on the same fibres
    OpticalEquipment equipment = OpticalEquipment::Defaults(); //!< power and cost figures
    SourceMark mark;                                           //!< where the network is written

    /**
     * \return the ROADM site names: `roadms` if given, else every fibre end in order of first
     *         appearance.
     */
    std::vector<std::string> GetRoadmNames() const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_SPEC_H */
