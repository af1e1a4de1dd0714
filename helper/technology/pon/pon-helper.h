/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_HELPER_H
#define BLUEPRINT_PON_HELPER_H

#include "helper/technology/pon/pon-spec.h"
#include "model/pon/pon-channel.h"

#include "ns3/attribute.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

class CostLedger;
class EnergyMeter;

/**
 * \ingroup blueprint-pon
 * \brief One OLT-ONU pair of a PON as an edge of the routing graph.
 */
struct PonRoutingEdge
{
    std::string onu;       //!< the ONU's node name
    Ptr<NetDevice> olt;    //!< the OLT's device (shared by every edge of the PON)
    Ptr<NetDevice> device; //!< the ONU's device
    Time latency;          //!< the light-speed floor: the ONU's one-way propagation delay
};

/**
 * \ingroup blueprint-pon
 * \brief What PonHelper built for a spec.
 */
struct PonInstallation
{
    NetDeviceContainer devices;        //!< the OLT's device first, then the ONUs' in spec order
    Ptr<PonChannel> channel;           //!< the tree
    std::vector<PonRoutingEdge> edges; //!< one per ONU, for the routing graph
};

/**
 * \ingroup blueprint-pon
 * \brief Installs PONs: an OLT port device on one node, ONU devices on others, on one PonChannel.
 *
 * Usage, one tree:
 * \code
 *   PonHelper pon;
 *   pon.SetFlavour("xgs-pon");                          // or a TypeId:
 * ns3::blueprint::XgsPonFlavour pon.SetDba("cooperative");                          //
 * status-reporting, fixed, cooperative NetDeviceContainer devs = pon.Install(oltNode, onuNodes,
 * {2.0, 3.5, ...}); // km each InternetStackHelper().Install(...); Ipv4AddressHelper ip("10.2.0.0",
 * "255.255.255.0"); ip.Assign(devs);                                    // one subnet per tree
 *   pon.AttachOnuAddresses(devs.Get(0));                // the OLT learns the ONU addresses
 * \endcode
 * The ONUs then route everything to the OLT (a default route via its address); the OLT's node
 * forwards between the tree and its other interfaces as any router. Install(spec, nodes) does the
 * same from a PonLinkSpec and also checks the tree's reach and budget.
 */
class PonHelper
{
  public:
    PonHelper();

    /**
     * \brief Choose the flavour of PONs installed from now on.
     * \param name a short name ("gpon", "xgs-pon", "ge-pon", "10g-epon") or a PonFlavour TypeId.
     * \throws std::invalid_argument for neither.
     */
    void SetFlavour(const std::string& name);

    /**
     * \brief Set an attribute of the flavours installed from now on.
     * \param name the attribute.
     * \param value its value.
     */
    void SetFlavourAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Choose the DBA policy of PONs installed from now on.
     * \param name "status-reporting", "fixed", "cooperative" or a PonDba TypeId name.
     * \throws std::invalid_argument for neither.
     */
    void SetDba(const std::string& name);

    /**
     * \brief Set an attribute of the DBA policies installed from now on.
     * \param name the attribute.
     * \param value its value.
     */
    void SetDbaAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an attribute of the OLT devices installed from now on.
     * \param name the attribute.
     * \param value its value.
     */
    void SetOltAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Set an attribute of the ONU devices installed from now on.
     * \param name the attribute.
     * \param value its value.
     */
    void SetOnuAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \brief Install a tree: an OLT port on one node and an ONU on each of the others.
     * \param olt the OLT's node.
     * \param onus the ONUs' nodes.
     * \param distancesKm each ONU's fibre distance from the OLT, km.
     * \return the OLT's device first, then the ONUs' in order.
     */
    NetDeviceContainer Install(Ptr<Node> olt, NodeContainer onus, std::vector<double> distancesKm);

    /**
     * \brief Install a spec's PON on named nodes, after checking it (ONUs within the split, the
     * flavour's reach and the optical budget).
     * \param spec the PON.
     * \param nodes every node by name.
     * \return what was installed; \throws std::invalid_argument on a spec that cannot be built.
     */
    PonInstallation Install(const PonLinkSpec& spec, const std::map<std::string, Ptr<Node>>& nodes);

    /**
     * \brief Install a spec's PON on given nodes, after checking it as Install(spec, nodes).
     * \param spec the PON (spec.olt and the ONUs' names only name them in messages and reports).
     * \param olt the OLT's node.
     * \param onus one node per ONU of the spec, in its order.
     * \return what was installed; \throws std::invalid_argument on a spec that cannot be built.
     */
    PonInstallation Install(const PonLinkSpec& spec, Ptr<Node> olt, const NodeContainer& onus);

    /**
     * \brief Check a spec against its flavour: at most `split` ONUs, each within the physical
     * reach and the distance the optical budget leaves after the splitter.
     * \param spec the PON.
     * \return "" if it can be built, else the first problem.
     */
    static std::string Check(const PonLinkSpec& spec);

    /**
     * \brief Check that a tree's standing grants and polling slots fit its upstream frame
     * (PonUpstreamScheduler::GetFrameLayout), before anything is built.
     * \param spec the tree's flavour and DBA settings.
     * \param onus the ONUs it will have.
     * \return "" if they fit, else the problem.
     */
    static std::string CheckFrameLayout(const PonLinkSpec& spec, uint32_t onus);

    /**
     * \brief Tell an OLT the IPv4 address of each of its ONUs, read from the ONU nodes' stacks;
     * call after the addresses are assigned.
     * \param oltDevice the OLT device from Install().
     */
    void AttachOnuAddresses(Ptr<NetDevice> oltDevice) const;

    /**
     * \brief Register a PON's elements with an energy meter: the OLT port (constant, its
     * device's transmissions as load for the record) and every ONU, under technology "pon".
     * \param inst what Install built.
     * \param spec the same spec.
     * \param meter the meter.
     */
    void RegisterEnergy(const PonInstallation& inst,
                        const PonLinkSpec& spec,
                        Ptr<EnergyMeter> meter) const;

    /**
     * \brief Add a PON's costs to a ledger: OLT port, ONUs, splitter, feeder and drop fibre.
     * \param inst what Install built.
     * \param spec the same spec.
     * \param ledger the ledger.
     */
    void RegisterCost(const PonInstallation& inst,
                      const PonLinkSpec& spec,
                      CostLedger& ledger) const;

    /**
     * \brief Fix the random streams of the devices. The PON model draws no random numbers (the
     * DBA is deterministic, the tree lossless), so none are used.
     * \param devices the devices.
     * \param stream the first stream index.
     * \return 0, the number of streams used.
     */
    int64_t AssignStreams(NetDeviceContainer devices, int64_t stream) const;

    /// \return the DBA aliases SetDba accepts besides TypeId names.
    static std::vector<std::string> DbaNames();

    /**
     * \param dba a DBA alias or TypeId name.
     * \return whether it is the cooperative policy (or a subclass), which takes announced
     *         arrivals; false for a name that is no DBA policy.
     */
    static bool IsCooperative(const std::string& dba);

  private:
    /**
     * \param spec a tree's settings.
     * \return a copy of this helper with the spec's flavour, DBA and their attributes and the
     *         devices' queue sizes.
     */
    PonHelper ForSpec(const PonLinkSpec& spec) const;

    ObjectFactory m_flavourFactory; //!< flavours
    ObjectFactory m_dbaFactory;     //!< DBA policies
    ObjectFactory m_oltFactory;     //!< OLT devices
    ObjectFactory m_onuFactory;     //!< ONU devices
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_HELPER_H */
