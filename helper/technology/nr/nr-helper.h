/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_HELPER_H
#define BLUEPRINT_NR_HELPER_H

#include "model/nr/nr-radio.h"

#include "ns3/attribute.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>

namespace ns3
{

class Node;

namespace blueprint
{

class NrChannel;

/**
 * \ingroup blueprint
 * \brief Installs NR cells: a gNB device on a node, UE devices attached to it, all on one
 * NrChannel.
 *
 * Usage, one cell:
 * \code
 *   Ptr<NrChannel> channel = CreateObject<NrChannel>();       // carrier attributes
 *   NrHelper nr;
 *   nr.SetGnbAttribute("TddPattern", StringValue("DDDSU"));
 *   NetDeviceContainer gnbDev = nr.InstallGnb(gnbNode, channel); // nodes need a MobilityModel
 *   NetDeviceContainer ueDevs = nr.InstallUe(ueNodes, gnbDev.Get(0));
 *   InternetStackHelper().Install(...);                       // gNB node and UE nodes
 *   Ipv4AddressHelper ip("10.1.0.0", "255.255.0.0");
 *   ip.Assign(gnbDev);                                        // one subnet per cell
 *   ip.Assign(ueDevs);
 *   nr.AttachUeAddresses(gnbDev.Get(0));                      // gNB learns the UE addresses
 * \endcode
 * The UEs then route everything to the gNB (add a default route via the gNB's address, or use
 * Ipv4StaticRoutingHelper), and the gNB node forwards between the cell and its other
 * interfaces as any router.
 *
 * Radio figures: unless SetGnbRadio()/SetUeRadio() give others, a gNB gets the "macro" cell
 * class and a UE the "handset" class of the band profile catalogue (NrCellClass, NrUeClass),
 * on the channel's carrier (Frequency, Bandwidth).
 */
class NrHelper
{
  public:
    /// Create a helper that installs gNBs and UEs with default attributes and RR schedulers.
    NrHelper();

    /**
     * \brief Set an attribute of the gNB devices installed from now on.
     * \param name the NrGnbNetDevice attribute name.
     * \param value its value.
     */
    void SetGnbAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an attribute of the UE devices installed from now on.
     * \param name the NrUeNetDevice attribute name.
     * \param value its value.
     */
    void SetUeAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Choose the scheduler of gNBs installed from now on (one instance per direction).
     * \param type an NrMacScheduler subclass, e.g. NrMacSchedulerPf::GetTypeId().
     */
    void SetSchedulerType(TypeId type);

    /**
     * \brief Set an attribute of the schedulers installed from now on.
     * \param name the attribute name.
     * \param value its value.
     */
    void SetSchedulerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Give the gNBs installed from now on these radio figures.
     * \param radio the figures.
     */
    void SetGnbRadio(const NrGnbRadio& radio);

    /**
     * \brief Give the UEs installed from now on these radio figures.
     * \param radio the figures.
     */
    void SetUeRadio(const NrUeRadio& radio);

    /**
     * \brief Install a gNB device on a node and attach it to a channel.
     *
     * Sets the channel's Numerology to the gNB's Mu (one numerology per carrier).
     * \param node the gNB node; it must carry a MobilityModel.
     * \param channel the carrier.
     * \return the gNB device.
     */
    NetDeviceContainer InstallGnb(Ptr<Node> node, Ptr<NrChannel> channel);

    /**
     * \brief Install UE devices and attach them to a gNB and its channel.
     * \param ues the UE nodes; each must carry a MobilityModel.
     * \param gnbDevice a device from InstallGnb().
     * \return the UE devices, in the order of \p ues.
     */
    NetDeviceContainer InstallUe(NodeContainer ues, Ptr<NetDevice> gnbDevice);

    /**
     * \brief Install UE devices on the carrier of several cells, each attached to the cell whose
     * signal it receives strongest (initial cell selection on RSRP; TS 38.304 clause 5.2.3.2
     * ranks suitable cells by it).
     *
     * Call after AssignStreams() for the gNBs, so the shadowing the choice sees is the one the
     * run uses.
     * \param ues the UE nodes; each must carry a MobilityModel.
     * \param gnbDevices devices from InstallGnb(), all on one channel.
     * \return the UE devices, in the order of \p ues.
     */
    NetDeviceContainer InstallUe(NodeContainer ues, NetDeviceContainer gnbDevices);

    /**
     * \brief Tell a gNB the IPv4 address of each of its UEs, read from the UE nodes' IPv4
     * stacks; call after the addresses are assigned.
     * \param gnbDevice a device from InstallGnb().
     */
    void AttachUeAddresses(Ptr<NetDevice> gnbDevice);

    /**
     * \brief Fix the random streams of gNB devices (HARQ outcomes) and of their channels
     * (propagation, LOS state) that have none yet; other devices in the container are skipped.
     * \param devices the devices.
     * \param stream the first stream index.
     * \return the number of streams used.
     */
    int64_t AssignStreams(NetDeviceContainer devices, int64_t stream);

  private:
    ObjectFactory m_gnbFactory;       //!< gNB devices
    ObjectFactory m_ueFactory;        //!< UE devices
    ObjectFactory m_schedulerFactory; //!< schedulers
    bool m_hasGnbRadio;               //!< SetGnbRadio() was called
    NrGnbRadio m_gnbRadio;            //!< its figures
    bool m_hasUeRadio;                //!< SetUeRadio() was called
    NrUeRadio m_ueRadio;              //!< its figures
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_HELPER_H */
