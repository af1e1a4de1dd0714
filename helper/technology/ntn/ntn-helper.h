/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_HELPER_H
#define BLUEPRINT_NTN_HELPER_H

#include "helper/technology/ntn/ntn-link-spec.h"
#include "model/cost/cost-ledger.h"
#include "model/geography/geographic-frame.h"
#include "model/ntn/ntn-channel.h"

#include "ns3/attribute.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

class EnergyMeter;

/**
 * \ingroup blueprint-ntn
 * \brief Builds satellite and HAPS links: a channel over a set of platforms, gateway devices
 * and terminal devices on nodes.
 *
 * Usage, from a spec (what the "leo", "geo" and "haps" technologies do):
 * \code
 *   NtnLinkSpec spec;
 *   NtnLinkSpec::ForTechnology("leo", spec);             // then override what differs
 *   GeographicFrame frame(35.68, 139.77, 0);                 // the scenario's origin (Tokyo)
 *   NtnHelper ntn;
 *   Ptr<NtnChannel> channel = ntn.CreateChannel(spec, frame);
 *   NetDeviceContainer gw = ntn.InstallGateway(gatewayNode, channel);   // nodes need mobility
 *   NetDeviceContainer ut = ntn.InstallTerminals(terminalNodes, channel, spec.terminal);
 *   ntn.AssignStreams(channel, 100);
 *   InternetStackHelper().Install(...);
 *   Ipv4AddressHelper ip("10.7.0.0", "255.255.0.0");
 *   ip.Assign(gw); ip.Assign(ut);                          // one subnet per channel
 * \endcode
 * Terminals send everything to their gateway (give them a default route via the gateway's
 * address); the gateway node forwards between the satellite system and its other interfaces.
 */
class NtnHelper
{
  public:
    NtnHelper();

    /**
     * \brief Set an attribute of the channels created from now on.
     * \param name an NtnChannel attribute.
     * \param value its value.
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an attribute of the terminal devices installed from now on.
     * \param name an NtnTerminalNetDevice attribute.
     * \param value its value.
     */
    void SetTerminalAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an attribute of the gateway devices installed from now on.
     * \param name an NtnGatewayNetDevice attribute.
     * \param value its value.
     */
    void SetGatewayAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Create a channel over some platforms.
     * \param platform the platforms.
     * \param beam the platforms' beam figures.
     * \param frame the scenario's local plane on the Earth.
     * \return the channel.
     */
    Ptr<NtnChannel> CreateChannel(Ptr<NtnPlatform> platform,
                                  const NtnBeamParameters& beam,
                                  const GeographicFrame& frame);

    /**
     * \brief Create a channel as a spec says (platforms, beams, payload, sharing, reassignment,
     * path-loss scenario, ACM), and make the devices installed from now on use its queue size.
     * \param spec the link.
     * \param frame the scenario's local plane on the Earth.
     * \return the channel.
     * \throws std::invalid_argument on a value the models refuse (an unknown scheduler TypeId).
     */
    Ptr<NtnChannel> CreateChannel(const NtnLinkSpec& spec, const GeographicFrame& frame);

    /**
     * \param spec the platforms.
     * \return them as an NtnPlatform (a HAPS over the first terminal is placed when that
     *         terminal is installed).
     */
    static Ptr<NtnPlatform> CreatePlatform(const NtnPlatformSpec& spec);

    /**
     * \brief Install a gateway device on a node.
     * \param node the node; it must carry a MobilityModel (its position is on the frame).
     * \param channel the channel.
     * \return the device.
     */
    NetDeviceContainer InstallGateway(Ptr<Node> node, Ptr<NtnChannel> channel);

    /**
     * \brief Install a gateway device on a node whose antenna is at a place on the Earth (a
     * site's altitude, which the node's local-plane position does not hold). The device learns
     * the routes to addresses behind terminals from the node's routing (a FramedRouteSink).
     * \param node the node.
     * \param channel the channel.
     * \param point where the gateway's antenna is.
     * \return the device.
     */
    NetDeviceContainer InstallGateway(Ptr<Node> node,
                                      Ptr<NtnChannel> channel,
                                      const GroundPoint& point);

    /**
     * \brief Install terminal devices on nodes, homed on one gateway.
     * \param nodes the nodes; each must carry a MobilityModel.
     * \param channel the channel.
     * \param terminal the terminals' figures.
     * \param gateway the index of their gateway on the channel.
     * \return the devices, in the order of \p nodes.
     */
    NetDeviceContainer InstallTerminals(NodeContainer nodes,
                                        Ptr<NtnChannel> channel,
                                        const NtnTerminalParameters& terminal,
                                        uint32_t gateway = 0);

    /**
     * \brief Install terminal devices on nodes whose antennas are at given places on the Earth.
     * \param nodes the nodes.
     * \param channel the channel.
     * \param terminal the terminals' figures.
     * \param gateway the index of their gateway on the channel.
     * \param points where each node's antenna is, in the order of \p nodes.
     * \return the devices, in the order of \p nodes.
     */
    NetDeviceContainer InstallTerminals(NodeContainer nodes,
                                        Ptr<NtnChannel> channel,
                                        const NtnTerminalParameters& terminal,
                                        uint32_t gateway,
                                        const std::vector<GroundPoint>& points);

    /**
     * \brief Fix the channel's random streams.
     * \param channel the channel.
     * \param stream the first stream index.
     * \return the number of streams used.
     */
    int64_t AssignStreams(Ptr<NtnChannel> channel, int64_t stream);

    /**
     * \brief Register every terminal and gateway of a channel with an energy meter: terminals
     * by their class's load-proportional model (load = bits sent and received), gateways at
     * constant power.
     * \param meter the meter.
     * \param channel the channel.
     * \param spec the link (terminal and gateway figures).
     * \param name gives the element and node names of a device.
     * \param pue the sites' PUE.
     */
    static void RegisterEnergy(Ptr<EnergyMeter> meter,
                               Ptr<NtnChannel> channel,
                               const NtnLinkSpec& spec,
                               std::function<std::string(Ptr<NetDevice>)> name,
                               double pue);

    /**
     * \brief The cost items of a channel's terminals and gateways.
     * \param channel the channel.
     * \param spec the link.
     * \param name gives the element and node names of a device.
     * \return one item per terminal and one per gateway.
     */
    static std::vector<CostItem> GetCostItems(Ptr<NtnChannel> channel,
                                              const NtnLinkSpec& spec,
                                              std::function<std::string(Ptr<NetDevice>)> name);

  private:
    ObjectFactory m_channelFactory;  //!< channels
    ObjectFactory m_terminalFactory; //!< terminal devices
    ObjectFactory m_gatewayFactory;  //!< gateway devices
    bool m_hapsOverFirstTerminal;    //!< place a HAPS over the first terminal installed
    double m_initialRainRate;        //!< rain at the terminals installed from now on, mm/h
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_HELPER_H */
