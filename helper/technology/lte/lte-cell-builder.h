/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LTE_CELL_BUILDER_H
#define BLUEPRINT_LTE_CELL_BUILDER_H

#include "helper/technology/lte/lte-link-config.h"
#include "model/lte/lte-enb-power-model.h"

#include "ns3/ipv4-static-routing.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/vector.h"

#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

class AddressPlan;

/**
 * \ingroup blueprint
 * \brief Builds a scenario's LTE cells with ns-3's own lte module and one EPC shared by all.
 *
 * One LteHelper with one PointToPointEpcHelper serve every `technology: lte` link of a run, as
 * one operator's network: the cell IDs, IMSIs and UE addresses (7.0.0.0/8) are unique across
 * cells and every UE's default bearer ends at the one PGW.
 *
 * The EPC's nodes keep ns-3's own routing. The SGW and PGW sit at the core node's site: the
 * PGW's SGi interface is a point-to-point link to the core node (100 Gbit/s, no delay: the two
 * share an equipment room), with a default route over it, and every eNB's S1-U link is a fibre
 * from the eNB's site to the core site (4.897 us/km). The routing graph sees a cell as one edge
 * from the core node's SGi device to each UE's LTE device: the core forwards a UE's packets to
 * the PGW, which tunnels them through the SGW and the eNB (GTP-U), and a UE sends everything
 * over its LTE device to the same PGW.
 *
 * ns-3's eNB runs on a node of its own at the eNB node's position: NoBackhaulEpcHelper installs
 * an internet stack on the eNB node and X2 expects the LTE device to be the node's first device,
 * neither of which holds for a scenario node that already has blueprint's stack and links. The
 * scenario's eNB node stands for the site (its energy and cost).
 */
class LteCellBuilder
{
  public:
    /// One built cell.
    struct Cell
    {
        Ptr<LteEnbNetDevice> enb;       //!< the eNB device (on its own node)
        NetDeviceContainer ues;         //!< the UE devices, in member order
        Ptr<LteEnbPowerModel> energy;   //!< the cell's power model
        double s1uDelay = 0;            //!< one-way delay of the S1-U fibre, seconds
        uint32_t srsPeriodicity = 0;    //!< the eNB RRC's SRS periodicity, ms
        uint32_t dlEarfcn = 0;          //!< TS 36.101 downlink channel number
        uint32_t simulatedDlEarfcn = 0; //!< the ns-3 channel number it runs on
    };

    /// Gives the first random stream of an eNB-UE pair's models, or -1 for none of its own.
    using PairStreams = std::function<int64_t(Ptr<Node> enb, Ptr<Node> ue)>;

    /**
     * \brief Create the EPC and the LTE helper, and connect the PGW to the core node.
     * \param core the scenario node the PGW's SGi interface attaches to
     * \param first the first LTE link's cell: the propagation model of all cells
     * \param addresses the scenario's address plan (the SGi link gets a /30 from it)
     * \param nextStream the first random stream of the shared channels and the EPC nodes,
     *        advanced by the streams used
     * \param pairStreams an eNB-UE pair's own streams (at least 24), named after its nodes; it
     *        must name every pair the channels evaluate (an eNB's node, Cell::enb, and every UE):
     *        a pair it does not name (-1) ends the run. Without it (a cell built outside a
     *        scenario) every pair takes the next streams of a shared block, in the order the
     *        channels first evaluate them, for at most 16,384 pairs.
     */
    LteCellBuilder(Ptr<Node> core,
                   const LteLinkConfig& first,
                   AddressPlan& addresses,
                   int64_t& nextStream,
                   PairStreams pairStreams = nullptr);

    /**
     * \brief Build one cell.
     * \param c the cell
     * \param enbPosition where the eNB's antenna stands (x, y on the site plane; z is set from
     *        the cell class)
     * \param ues the UE nodes (with blueprint's internet stack)
     * \param uePositions their positions (x, y)
     * \param s1uMetres the straight-line distance from the eNB's site to the core node's site
     * \param nextStream the first random stream of the cell's devices, advanced by the streams
     *        used
     * \return the cell
     * \throw std::invalid_argument when the cell has more UEs than SRS resources (320)
     */
    Cell Build(const LteLinkConfig& c,
               const std::pair<double, double>& enbPosition,
               const NodeContainer& ues,
               const std::vector<std::pair<double, double>>& uePositions,
               double s1uMetres,
               int64_t& nextStream);

    /// \return the core node's SGi device: the network side of every UE's routing edge
    Ptr<NetDevice> GetCoreDevice() const;

    /**
     * \brief The smallest SRS periodicity ns-3's eNB RRC accepts that gives each of `ues` UEs its
     * own SRS configuration index (one per millisecond of the period, TS 36.213 Table 8.2-1).
     * \param ues UEs in the cell
     * \param current the configured periodicity
     * \return `current` when it suffices, else the smallest of 80, 160, 320 that does
     * \throw std::invalid_argument above 320 UEs, or when `current` is not a period ns-3 accepts
     */
    static uint32_t SrsPeriodicityFor(uint32_t ues, uint32_t current);

  private:
    /**
     * \brief Aggregate to the core node's SGi device the FramedRouteSink that makes the PGW
     * carry the addresses routed behind a UE (a CPE's LAN) over that UE's bearer.
     * \param pgw the PGW's node
     * \param pgwRouting its static routing
     */
    void BindFramedRoutes(Ptr<Node> pgw, Ptr<Ipv4StaticRouting> pgwRouting);

    Ptr<LteHelper> m_lte;             //!< the one LTE helper
    Ptr<PointToPointEpcHelper> m_epc; //!< the one EPC
    int64_t m_epcStream = 0;          //!< the first of the EPC nodes' own random streams
    Ptr<NetDevice> m_coreDevice;      //!< the core node's end of the SGi link
    /// Every UE's IPv4 address -> its IMSI, shared with the framed-route sink.
    std::shared_ptr<std::unordered_map<uint32_t, uint64_t>> m_imsiByAddress =
        std::make_shared<std::unordered_map<uint32_t, uint64_t>>();
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LTE_CELL_BUILDER_H
