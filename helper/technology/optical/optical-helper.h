/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_HELPER_H
#define BLUEPRINT_OPTICAL_HELPER_H

#include "helper/technology/optical/optical-spec.h"
#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"
#include "model/optical/optical-network.h"
#include "model/optical/optical-rwa.h"

#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

class EnergyMeter;

/**
 * \ingroup blueprint-optical
 * \brief One link the optical technology adds to the routing graph.
 */
struct OpticalRoutingEdge
{
    std::string name;    //!< "lightpath/<demand>" or "ip/<a>-<b>"
    std::string a;       //!< first end's node name
    std::string b;       //!< second end's node name
    Ptr<NetDevice> devA; //!< device at a
    Ptr<NetDevice> devB; //!< device at b
    Time latency;        //!< one-way latency without serialisation or queueing
};

/**
 * \ingroup blueprint-optical
 * \brief What OpticalHelper built: the graph, the lightpaths and the devices, for routing,
 * energy and cost.
 */
struct OpticalInstallation
{
    Ptr<OpticalNetwork> network;                      //!< the transport graph
    std::vector<std::string> roadmNodes;              //!< node name per ROADM index
    std::vector<OpticalLightpath> lightpaths;         //!< per demand, in spec order (blocked too)
    std::vector<NetDeviceContainer> lightpathDevices; //!< per demand: (from, to); empty if blocked
    std::vector<NetDeviceContainer> ipLinkDevices;    //!< per fibre: (a, b); empty without IP layer
    /// Per fibre: the channel its IP-layer wavelength holds (fibres with OpticalFibreSpec::ipLink)
    std::vector<std::optional<uint32_t>> ipChannels;
    std::vector<std::string> fibreNames;   //!< per fibre: its name in reports
    std::vector<OpticalRoutingEdge> edges; //!< every link added, for the routing graph
    std::vector<uint32_t> addDropPorts;    //!< per ROADM: add/drop ports in use

    /// \return the demands that were blocked.
    std::vector<const OpticalLightpath*> GetBlocked() const;
};

/**
 * \ingroup blueprint-optical
 * \brief One powered or priced element of an installed optical network (OpticalHelper::
 * GetElements): what RegisterEnergy meters and RegisterCost prices, with what it belongs to.
 */
struct OpticalElement
{
    /// What kind of element it is.
    enum class Kind
    {
        ROADM,          //!< a ROADM: chassis, degrees, add/drop ports
        AMPLIFIER_SITE, //!< an in-line amplifier site on a fibre
        FIBRE_PLANT,    //!< a fibre pair's cable (priced, not powered)
        TRANSPONDER     //!< a transponder: a lightpath's end, a regenerator side, an IP link's end
    };

    Kind kind = Kind::ROADM;      //!< its kind
    std::string name;             //!< element name, e.g. "roadm/<node>", "ila/<fibre>/1"
    std::string node;             //!< the node (or, on a fibre's route, the fibre) it belongs to
    int32_t roadm = -1;           //!< the ROADM it is or stands at (-1: on a fibre's route)
    int32_t fibre = -1;           //!< the fibre it serves (amplifiers, plant, IP-link ends)
    int32_t demand = -1;          //!< the demand it serves (lightpath ends, regenerators)
    Ptr<ElementPowerModel> power; //!< its power (null for the passive fibre plant)
    CostItem cost;                //!< its cost
    NetDeviceContainer devices;   //!< the devices it transmits on (transponders), for the record
};

/**
 * \ingroup blueprint-optical
 * \brief Builds an optical transport network on nodes: all-optical wavelength paths for demands
 * and, beside them, the IP-routed layer on the same fibres.
 *
 * Usage:
 * \code
 *   OpticalNetworkSpec spec;                          // or ReadOpticalNetworkSpec
 *   OpticalHelper optical;
 *   OpticalInstallation inst = optical.Provision(spec); // graph, IP wavelengths, RWA
 *   optical.InstallIpLayer(inst, spec, nodesByName);  // routers' links on the fibres
 *   optical.InstallLightpaths(inst, spec, nodesByName); // one device pair per lightpath
 *   // give addresses; route over inst.edges (StaticRoutePlanner, weight = edge latency)
 *   optical.RegisterEnergy(inst, spec, meter);        // transponders, ROADMs, amplifiers
 *   optical.RegisterCost(inst, spec, ledger);         // the same plus the fibre plant
 * \endcode
 * The all-optical design calls InstallLightpaths (and InstallIpLayer for the other traffic on
 * the same fibres); the IP-routed design calls InstallIpLayer only and its demands go through a
 * router at every site. Nodes need an internet stack before addresses are assigned; the helper
 * only adds devices.
 */
class OpticalHelper
{
  public:
    OpticalHelper();

    /**
     * \brief Set an attribute of the OpticalRwa used by Provision (beyond those the spec sets).
     * \param name the attribute name.
     * \param value its value.
     */
    void SetRwaAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Build the transport graph of a spec.
     * \param spec the network; every fibre needs a length.
     * \return the network; \throws std::invalid_argument on a bad spec (unknown site, missing
     *         length, bad grid or line figures).
     */
    Ptr<OpticalNetwork> BuildNetwork(const OpticalNetworkSpec& spec) const;

    /**
     * \brief Build the graph, take one wavelength (first fit) on every fibre that carries an
     * IP-layer link (OpticalFibreSpec::ipLink), then route every demand, in order (routing and
     * wavelength assignment with OpticalRwa) on the channels left.
     * \param spec the network.
     * \return the installation, no devices yet; \throws std::invalid_argument as BuildNetwork,
     *         or for a demand with an unknown site or class.
     */
    OpticalInstallation Provision(const OpticalNetworkSpec& spec) const;

    /**
     * \brief Install one transponder pair and an OpticalPathChannel per established lightpath.
     * \param inst from Provision(); gains devices, edges and add/drop ports.
     * \param spec the same spec.
     * \param nodes every site's node by name.
     * \throws std::invalid_argument if a demand's site has no node.
     */
    void InstallLightpaths(OpticalInstallation& inst,
                           const OpticalNetworkSpec& spec,
                           const std::map<std::string, Ptr<Node>>& nodes) const;

    /**
     * \brief Install the IP-routed layer: per fibre with an IP link (OpticalFibreSpec::ipLink),
     * a wired link between the two sites' routers
     * (WiredLinkHelper, "fiber" profile) whose wire adds the fibre, its amplifiers and a
     * transponder pair (O-E-O at every site), and whose ends add the router's processing delay.
     * \param inst from Provision(); gains devices, edges and add/drop ports.
     * \param spec the same spec.
     * \param nodes every site's node by name.
     * \throws std::invalid_argument if a site has no node or the router profile is unknown.
     */
    void InstallIpLayer(OpticalInstallation& inst,
                        const OpticalNetworkSpec& spec,
                        const std::map<std::string, Ptr<Node>>& nodes) const;

    /**
     * \brief Every element of an installation, in the order RegisterEnergy meters and
     * RegisterCost prices them: the ROADMs, then per fibre its plant and in-line amplifier sites,
     * then the transponders (lightpath ends and regenerators per demand, then IP-link ends per
     * fibre). Powers are constant (site PUE from the spec's equipment), costs from the catalogue.
     * \param inst what was installed.
     * \param spec the same spec.
     * \return the elements.
     */
    std::vector<OpticalElement> GetElements(const OpticalInstallation& inst,
                                            const OpticalNetworkSpec& spec) const;

    /**
     * \brief Register the optical layer's elements with an energy meter: every ROADM (degree
     * and add/drop ports), every in-line amplifier site, and every transponder (two per
     * lightpath, two per regenerator, two per IP link). All constant-power, under technology
     * "optical". Routers belong to their nodes' equipment and are not registered here.
     * \param inst what was installed.
     * \param spec the same spec (equipment figures).
     * \param meter the meter.
     */
    void RegisterEnergy(const OpticalInstallation& inst,
                        const OpticalNetworkSpec& spec,
                        Ptr<EnergyMeter> meter) const;

    /**
     * \brief Add the optical layer's costs to a ledger: the same elements as RegisterEnergy plus
     * the fibre plant per km.
     * \param inst what was installed.
     * \param spec the same spec.
     * \param ledger the ledger.
     */
    void RegisterCost(const OpticalInstallation& inst,
                      const OpticalNetworkSpec& spec,
                      CostLedger& ledger) const;

    /**
     * \brief Fix the random streams of the devices installed. The optical model draws no random
     * numbers (RWA is deterministic, the channels lossless), so none are used.
     * \param devices the devices.
     * \param stream the first stream index.
     * \return 0, the number of streams used.
     */
    int64_t AssignStreams(NetDeviceContainer devices, int64_t stream) const;

  private:
    ObjectFactory m_rwaFactory; //!< creates the OpticalRwa
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_HELPER_H */
