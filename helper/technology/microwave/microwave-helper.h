/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_HELPER_H
#define BLUEPRINT_MICROWAVE_HELPER_H

#include "helper/technology/microwave/microwave-link-config.h"

#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{
namespace blueprint
{

class MicrowaveChannel;
class MicrowaveLinkBudget;

/**
 * \ingroup blueprint-microwave
 * \brief What planning says of one hop before it is built.
 */
struct MicrowaveHopReport
{
    double lengthM = 0;             //!< hop length
    double snrClearSkyDb = 0;       //!< SNR in clear sky
    std::string clearSkyModulation; //!< modulation ACM runs in clear sky ("outage" if none)
    double clearSkyRateBps = 0;     //!< its net rate
    double fadeMarginDb = 0;        //!< clear-sky margin of the slowest allowed modulation
    double maxHopLengthM = 0;       //!< longest hop meeting the availability target
    bool works = false;             //!< the slowest allowed modulation runs in clear sky
    bool meetsAvailability = false; //!< the hop is within maxHopLengthM
    std::string problem;            //!< "" or why the hop does not work or is too long
};

/**
 * \ingroup blueprint-microwave
 * \brief The routing graph's edge a hop gives (the fields of the contract's RoutingEdge).
 */
struct MicrowaveRoutingEdge
{
    Ptr<NetDevice> devA;                 //!< first end's device
    Ptr<NetDevice> devB;                 //!< second end's device
    double weightSeconds = 0;            //!< one-way latency of a full-size packet in clear sky
    double propagationBoundSeconds = 0;  //!< straight-line light time, the latency floor
    double lengthMetres = 0;             //!< hop length
    std::string pathLabel = "microwave"; //!< the name shown in results' technology path
    double rateDown = 0;                 //!< clear-sky rate A->B, bit/s
    double rateUp = 0;                   //!< clear-sky rate B->A, bit/s
};

/**
 * \ingroup blueprint-microwave
 * \brief Installs point-to-point microwave hops: two PointToPointNetDevices joined by a
 * MicrowaveChannel whose MicrowaveLinkBudget is built from a MicrowaveLinkConfig.
 *
 * Usage:
 * \code
 *   MicrowaveLinkConfig c = MicrowaveLinkConfig::FromPreset("microwave-18ghz");
 *   MicrowaveHelper mw;
 *   NetDeviceContainer devs = mw.Install(siteA, siteB, c, 12e3); // a 12 km hop
 *   Ptr<MicrowaveChannel> hop = MicrowaveHelper::GetChannel(devs);
 *   Simulator::Schedule(Seconds(5), &MicrowaveChannel::SetRainRate, hop, 60.0); // a storm
 * \endcode
 * Then InternetStackHelper and Ipv4AddressHelper as for any point-to-point link. The hop is
 * deterministic (rain is given, not drawn), so it uses no random streams.
 */
class MicrowaveHelper
{
  public:
    /**
     * \brief Create the hop.
     * \param a first (network-side) node.
     * \param b second node.
     * \param config the hop (config.Check() must pass).
     * \param lengthM hop length, m (> 0).
     * \return the two devices, A's first.
     * \throws std::invalid_argument on a config that fails Check(), a bad length or queue size,
     *         or a hop on which not even the slowest allowed modulation runs in clear sky.
     */
    NetDeviceContainer Install(Ptr<Node> a,
                               Ptr<Node> b,
                               const MicrowaveLinkConfig& config,
                               double lengthM) const;

    /**
     * \param devices what Install returned.
     * \return the hop's channel (for SetRainRate and the traces).
     */
    static Ptr<MicrowaveChannel> GetChannel(const NetDeviceContainer& devices);

    /**
     * \brief The hop's link budget.
     * \param config the hop.
     * \param lengthM its length, m.
     * \return a budget with the config's attributes.
     */
    static Ptr<MicrowaveLinkBudget> MakeLinkBudget(const MicrowaveLinkConfig& config,
                                                   double lengthM);

    /**
     * \brief Plan the hop: clear-sky modulation and rate, fade margin, reach for the band at
     * the config's availability target and site rain climate.
     * \param config the hop.
     * \param lengthM its length, m.
     * \return the report.
     */
    static MicrowaveHopReport Evaluate(const MicrowaveLinkConfig& config, double lengthM);

    /**
     * \brief Propagation at c along the straight line plus the radio's latency, per direction.
     * \param config the hop.
     * \param lengthM its length, m.
     * \return the channel Delay, s.
     */
    static double GetChannelDelaySeconds(const MicrowaveLinkConfig& config, double lengthM);

    /**
     * \brief The routing edge of an installed hop; its weight is the one-way latency of a
     * packet of fullPacketBytes (IP) at the clear-sky rate: serialisation (+2 bytes PPP) plus
     * the channel delay.
     * \param devices what Install returned.
     * \param config the hop.
     * \param lengthM its length, m.
     * \param fullPacketBytes the full-size IP packet, bytes.
     * \return the edge.
     */
    static MicrowaveRoutingEdge GetRoutingEdge(const NetDeviceContainer& devices,
                                               const MicrowaveLinkConfig& config,
                                               double lengthM,
                                               uint32_t fullPacketBytes = 1500);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_HELPER_H */
