/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_GNB_NET_DEVICE_H
#define BLUEPRINT_NR_GNB_NET_DEVICE_H

#include "model/nr/nr-cell-mac.h"
#include "model/nr/nr-net-device.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrChannel;

/**
 * \ingroup blueprint-nr
 * \brief The NR device of one gNB (one cell): carries IPv4 packets to and from its UEs, whose
 * MAC (NrCellMac) schedules them.
 *
 * **Devices and addresses.** One gNB device per cell, one NrUeNetDevice per UE; IPv4 runs over
 * them without ARP. The gNB's IP stack, its UEs' IP stacks and one subnet: NrHelper::InstallUe()
 * attaches UEs (AttachUe()), Ipv4AddressHelper assigns the addresses, and
 * NrHelper::AttachUeAddresses() then tells the gNB which address belongs to which UE (AddUe()).
 * Send() peeks at the IPv4 destination to find the UE; an address behind a UE (a CPE's LAN) is
 * found through its framed route (AddFramedRoute()); broadcast goes to every UE.
 *
 * **Parts.** The device is thin: it maps addresses to UEs and hands everything else to the
 * cell's MAC, NrCellMac (GetMac(); doc/nr.rst draws the classes). Its attributes are the cell's
 * configuration (NrCellMacConfig), which the MAC reads once; its trace sources are the MAC's.
 *
 * **Slot engine** (NrCellMac). One event per TTI (slot, or mini-slot with MiniSlotSymbols), on
 * the grid of NrTtiGrid (numerology Mu, TddPattern or FDD). When no queue, grant or HARQ process
 * needs the engine it stops, and the next arrival restarts it at the next TTI boundary: an idle
 * cell costs no events. In each TTI: uplink grants (NrUlScheduling, in TTIs with a PDCCH, for
 * the first PUSCH the UE can reach), downlink scheduling (NrDlScheduling: HARQ retransmissions
 * first, then new data shared by the DlScheduler), and the PUSCHs of the uplink grants and
 * configured grants due in this TTI. The number of PRBs is NrMaxResourceBlocks(Bandwidth, Mu,
 * FR2) of the channel's carrier; FDD has that many in each direction every TTI.
 *
 * **Link adaptation and size.** Each UE's MCS is NrLinkAdaptation::SinrToMcs of the channel's
 * wideband SINR (10 % BLER target, ideal CSI: no report delay). The transport block size is
 * NrTransportBlockSize (TS 38.214 clause 5.1.3.2) over the TTI's data symbols: a full slot's
 * downlink symbols minus PdcchSymbols; every symbol of a mini-slot (its DCI is assumed
 * frequency-multiplexed in the first symbol, TS 38.214 clause 5.1.4, and its resource elements
 * are not subtracted); the TTI's uplink symbols for PUSCH. DmrsRePerPrb and OverheadRePerPrb
 * give N_DMRS^PRB and N_oh^PRB. A block is filled by NrTxBuffer (PDCP/RLC/MAC framing,
 * segmentation); uplink blocks on a dynamic grant add a 2-byte short BSR MAC CE (TS 38.321
 * clause 6.1.3.1).
 *
 * **Timing** (TR 37.910 clause 5.7.1 and its reference implementation, the MATLAB models of
 * M. C. Lucas-Estan et al., arXiv:2201.06082, which take the node processing times from TS 38.214:
 * data preparation t_tx = Tproc,2 / 2, data decoding t_rx = Tproc,1 / 2, control (SR, HARQ-ACK,
 * grant) preparation Tproc,1 / 2 and decoding Tproc,2 / 2; Tproc,1/2 of NrProcessingTime for the
 * UE's Capability). With the PDCCH in the first symbol of a downlink TTI and a 1-symbol PUCCH
 * (SR, HARQ-ACK) in the last symbol of an uplink TTI:
 * - Downlink: a packet arriving at t may go into the first TTI with downlink data that starts at
 *   or after t + t_BS,tx; it reaches the UE's IP stack t_UE,rx after the end of that TTI's
 *   downlink symbols.
 * - HARQ (downlink): the HARQ-ACK goes on the first PUCCH that starts at least Tproc,1 after the
 *   PDSCH ends (TS 38.213 clause 9.2.3; that is the K1 offset); the gNB decodes it in Tproc,2/2
 *   and prepares the retransmission in t_BS,tx, after which the next downlink TTI may carry it.
 *   A process is not reused before its ACK is known.
 * - Uplink, scheduling request (UlAccess "grant"): a packet arriving at t with nothing reported
 *   triggers an SR on the UE's next SR occasion (every SrPeriodicity TTIs) whose PUCCH starts at
 *   or after t + Tproc,1/2; the gNB decodes it (Tproc,2/2), prepares a grant of SrGrantBytes
 *   (Tproc,1/2) and sends it in the next PDCCH; the PUSCH is the first uplink TTI whose uplink
 *   symbols start at least Tproc,2 after the end of that PDCCH (TS 38.214 clause 6.4; that is
 *   the K2 offset); the gNB delivers the data t_BS,rx after the PUSCH. Every PUSCH on a dynamic
 *   grant carries a buffer status report, so a backlogged UE keeps being granted without new SRs.
 * - Uplink, configured grant (UlAccess "configured"): each UE owns ConfiguredGrantPrbs PRBs in
 *   every ConfiguredGrantPeriod-th TTI (staggered offsets); data ready at t + t_UE,tx goes in the
 *   first occasion whose uplink symbols start at or after that.
 * - HARQ (uplink): a PUSCH that fails is known t_BS,rx after it; a retransmission grant follows
 *   Tproc,1/2 later in the next PDCCH and the PUSCH K2 as above (retransmissions of configured
 *   grants are dynamically granted too, TS 38.321 clause 5.4.1).
 *
 * **Control channels.** Every dynamic grant and downlink assignment is a DCI on the PDCCH of
 * the TTI that sends it (NrPdcch): the CORESET (CoresetPrbs x PdcchSymbols, one symbol in a
 * mini-slot) holds PRBs x symbols / 6 CCEs, each UE's DCI takes the aggregation level its
 * downlink SINR needs, on one of its search space candidates (PdcchCandidatesAl1..Al16). A UE
 * whose DCI finds no free candidate is not scheduled in that TTI. Uplink grants are placed first,
 * leaving one CCE per downlink UE waiting (up to half the CORESET), then downlink assignments on
 * the rest;
 * within each, HARQ retransmissions first, then the scheduler's order. Each UE has its own SR
 * resource on the PUCCH (NrSrResources: 12 per PUCCH PRB, PucchSrPrbs PRBs per uplink TTI);
 * when the cell's UEs outnumber the resources of SrPeriodicity, the SR period grows to the
 * shortest TS 38.331 period that gives every UE one (GetSrPeriodicity()). Configured grants need
 * neither.
 *
 * **HARQ and errors.** The cell's error model (attribute ErrorModel, any NrErrorModel; by default
 * NrShannonErrorModel) sets the MCS link adaptation picks and the PDCCH aggregation levels, and
 * each transmission succeeds with probability 1 - its GetBler of the combined SINR of all the
 * block's transmissions (chase combining by default; or 1 - FixedBler when FixedBler >= 0), drawn
 * from a seeded stream (AssignStreams). A failed block is retransmitted with the same MCS and
 * size (on enough PRBs for that size in the retransmission's TTI) up to MaxTransmissions times;
 * then its bytes are dropped and counted. Packets are delivered as soon as complete, so a packet
 * in a retransmitted block can be overtaken by later packets: in-order delivery per UE is not
 * kept across HARQ retransmissions (as RLC UM, TS 38.322 clause 5.2.2.2).
 *
 * Configuration (attributes, attached UEs) is read when the device is initialised at the start
 * of the simulation, or at the first packet; later attribute changes have no effect.
 */
class NrGnbNetDevice : public NrNetDevice
{
  public:
    /// How UEs get uplink resources.
    enum UlAccess
    {
        UL_GRANT,     //!< scheduling request, then dynamic grants driven by buffer status reports
        UL_CONFIGURED //!< configured grant type 1 (TS 38.321 clause 5.8.2)
    };

    /**
     * \brief Signature of the DlTb and UlTb traces.
     * \param ue the UE's index in the cell.
     * \param mcs the MCS index.
     * \param prbs the PRBs of this transmission.
     * \param tbs the transport block size, bits.
     * \param harqAttempt 1 for the first transmission, 2.. for retransmissions.
     * \param ok whether the receiver decodes it.
     */
    typedef void (*TbTracedCallback)(uint32_t ue,
                                     uint8_t mcs,
                                     uint32_t prbs,
                                     uint32_t tbs,
                                     uint8_t harqAttempt,
                                     bool ok);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a gNB device with no channel and no UEs.
    NrGnbNetDevice();

    /// Destroy the device.
    ~NrGnbNetDevice() override;

    /**
     * \brief Set the radio channel and this gNB's index on it (NrChannel::AddGnb()).
     * \param channel the channel.
     * \param gnbIndex the index AddGnb() returned.
     */
    void SetNrChannel(Ptr<NrChannel> channel, uint32_t gnbIndex);

    /// \return the radio channel.
    Ptr<NrChannel> GetNrChannel() const;

    /// \return this gNB's index on the channel.
    uint32_t GetChannelIndex() const;

    /**
     * \brief Set the downlink scheduler.
     * \param scheduler the scheduler (NrMacSchedulerRr by default).
     */
    void SetDlScheduler(Ptr<NrMacScheduler> scheduler);

    /// \return the downlink scheduler.
    Ptr<NrMacScheduler> GetDlScheduler() const;

    /**
     * \brief Set the uplink scheduler.
     * \param scheduler the scheduler (NrMacSchedulerRr by default).
     */
    void SetUlScheduler(Ptr<NrMacScheduler> scheduler);

    /// \return the uplink scheduler.
    Ptr<NrMacScheduler> GetUlScheduler() const;

    /// \return the cell's error model (attribute ErrorModel).
    Ptr<NrErrorModel> GetErrorModel() const;

    /**
     * \brief Make a UE a member of this cell.
     * \param ue the UE's device; it is told its gNB and index (NrUeNetDevice::Attach()).
     * \return the UE's index in the cell (0, 1, ... in the order of the calls).
     */
    uint32_t AttachUe(Ptr<NrUeNetDevice> ue);

    /**
     * \brief Tell the gNB a UE's IPv4 address, so downlink packets to it find it; attaches the
     * UE first if it is not attached yet.
     * \param ue the UE's device.
     * \param address its IPv4 address on the cell's subnet.
     */
    void AddUe(Ptr<NrUeNetDevice> ue, Ipv4Address address);

    /**
     * \brief Send packets for `destination`, an address behind a UE (the LAN of a CPE that
     * routes), to the UE whose address is `terminal`: a framed route (TS 23.501 clause
     * 5.6.14). Called through the FramedRouteSink that NrHelper::InstallGnb aggregates to the
     * device, whenever the node's HostRouteTable installs or moves such a route; it follows the
     * UE through handovers because the planner moves the routes at the path switch.
     * \param destination the address behind the UE; 0.0.0.0 for a default route
     * \param terminal the UE's address on the cell's subnet
     */
    void AddFramedRoute(Ipv4Address destination, Ipv4Address terminal);

    /**
     * \brief Forget the framed route to an address (its route left this cell).
     * \param destination the address; 0.0.0.0 for a default route
     */
    void RemoveFramedRoute(Ipv4Address destination);

    // ---- Handover (driven by NrHandoverManager) ----

    /**
     * \brief Stop serving a UE that is handing over to another cell (TS 38.300 clause 9.2.3.2,
     * handover execution).
     *
     * The UE's scheduling state, grants and HARQ processes are dropped: transport blocks still
     * in HARQ are lost with the source's RLC UM entity, and events already scheduled for the UE
     * are ignored from now on. Its address no longer maps to it. The context is kept, so the UE
     * keeps its index if it comes back.
     * \param ue the UE's index in the cell.
     * \return the downlink packets still queued for the UE, to forward to the target cell.
     */
    std::vector<Ptr<Packet>> ReleaseUe(uint32_t ue);

    /**
     * \brief Admit a UE arriving by handover (handover preparation): downlink packets for its
     * address are queued from now on, but nothing is scheduled until ConnectUe().
     * \param ue the UE's device.
     * \param address its IPv4 address.
     * \return the UE's index in this cell (its old index if it was here before).
     */
    uint32_t PrepareUe(Ptr<NrUeNetDevice> ue, Ipv4Address address);

    /**
     * \brief Start serving a prepared UE: it completed random access in this cell.
     * \param ue the UE's index in the cell.
     */
    void ConnectUe(uint32_t ue);

    /**
     * \brief Queue a downlink packet for a UE, e.g. one the source cell forwarded at a handover.
     * \param ue the UE's index in the cell.
     * \param packet the IP packet.
     * \return false if the UE's downlink queue was full.
     */
    bool ForwardDl(uint32_t ue, Ptr<Packet> packet);

    /**
     * \param ue the UE's index in the cell.
     * \return true if the cell serves the UE now (attached, not handing over or gone).
     */
    bool IsConnected(uint32_t ue) const;

    /// \return the number of UEs that were ever attached (served now or not).
    uint32_t GetNUes() const;

    /// \return the number of UEs the cell serves now.
    uint32_t GetNConnectedUes() const;

    /**
     * \param ue the UE's index in the cell.
     * \return the PRBs of its configured grant (0: none, it asks by scheduling request).
     */
    uint32_t GetConfiguredGrantPrbs(uint32_t ue) const;

    /**
     * \brief Get an attached UE.
     * \param ue the UE's index in the cell.
     * \return its device.
     */
    Ptr<NrUeNetDevice> GetUe(uint32_t ue) const;

    /**
     * \brief Fix the random stream of the HARQ outcome draws.
     * \param stream the stream index.
     * \return the number of streams used (1).
     */
    int64_t AssignStreams(int64_t stream);

    /// \return the TTI grid (configures the device if needed).
    const NrTtiGrid& GetTtiGrid();

    /// \return the PRBs of the carrier (configures the device if needed).
    uint32_t GetPrbs();

    /**
     * \brief Checks, without a channel, that the attributes make a cell that can run.
     *
     * The TDD pattern and special slot parse, the carrier has PRBs at this numerology, the MCS
     * table exists, DM-RS and overhead leave resource elements for data, each direction has a TTI
     * that carries data, and the configured grants of \p ues UEs fit their occasions. The device
     * aborts on the same conditions when it configures itself, so a scenario reader calls this
     * to report them as input errors before anything runs.
     *
     * \param bandwidthHz the carrier's bandwidth.
     * \param fr2 whether the carrier is in FR2.
     * \param ues the most UEs the cell may serve when the run starts.
     * \throws std::invalid_argument saying what is wrong.
     */
    void CheckConfiguration(double bandwidthHz, bool fr2, uint32_t ues) const;

    /**
     * \brief Get the time a UE needs to prepare uplink data, t_UE,tx = Tproc,2 / 2.
     * \param ue the UE's index in the cell.
     * \return the time (configures the device if needed).
     */
    Time GetUeDataPreparation(uint32_t ue);

    /**
     * \brief Learn that a UE's uplink buffer received data (called by NrUeNetDevice::Send()):
     * starts the UE's scheduling request or wakes the configured-grant engine.
     * \param ue the UE's index in the cell.
     */
    void NotifyUlData(uint32_t ue);

    /// \return the downlink counters (delivered packets summed over the UEs served now).
    NrMacStats GetDlStats() const;

    /// \return the uplink counters.
    NrMacStats GetUlStats() const;

    /// \return the TTI events run so far (for cost measurements).
    uint64_t GetTtiEvents() const;

    /// \return the SR period in use, TTIs: SrPeriodicity, or longer when the UEs need more SR
    /// resources than it has (configures the device if needed).
    uint32_t GetSrPeriodicity();

    /// \return the CCEs of a full slot's CORESET (configures the device if needed).
    uint32_t GetCoresetCces();

    /// \return the cell's PDCCH model (aggregation levels, DCI size; configures if needed).
    const NrPdcch& GetPdcch();

    /**
     * \brief Signature of the Pdcch trace.
     * \param tti the TTI index.
     * \param dcis the DCIs (grants and assignments) sent in its PDCCH.
     * \param usedCces the CCEs they took.
     * \param cces the CCEs of its CORESET.
     */
    typedef void (*PdcchTracedCallback)(uint64_t tti,
                                        uint32_t dcis,
                                        uint32_t usedCces,
                                        uint32_t cces);

    // ---- Activity hooks for energy models (NrGnbEnergyModel, NrUeEnergyModel) ----

    /**
     * \brief Signature of the DlTti and UlTti traces.
     *
     * DlTti fires at the end of every TTI event the slot engine runs (so once per TTI the cell
     * is awake), after that TTI's DlTb traces. UlTti fires once the PUSCHs of a TTI have run
     * (at the start of its uplink symbols), after that TTI's UlTb traces. Idle cells run no TTI
     * events and fire neither.
     *
     * \param tti the TTI index on GetTtiGrid().
     * \param usedPrbs the PRBs carrying PDSCH (DlTti) or PUSCH (UlTti) in that TTI.
     * \param prbs the PRBs of the carrier.
     */
    typedef void (*TtiActivityTracedCallback)(uint64_t tti, uint32_t usedPrbs, uint32_t prbs);

    /// \return the cell's MAC, which this device drives.
    Ptr<NrCellMac> GetMac() const;

    // NetDevice
    void SetNode(Ptr<Node> node) override;
    bool IsLinkUp() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  protected:
    void DoInitialize() override;
    void DoDispose() override;

  private:
    /// \return the configuration the attributes give.
    NrCellMacConfig MakeConfig() const;
    /// Configure the MAC from the attributes unless done.
    void EnsureConfigured();
    /**
     * \brief Hand a decoded uplink packet to the IP stack.
     * \param packet the packet.
     * \param from the sending UE's device address.
     */
    void ForwardUp(Ptr<Packet> packet, const Address& from);

    // Attributes: the cell's configuration (NrCellMacConfig documents each)
    uint8_t m_mu;                   //!< numerology
    std::string m_tddPattern;       //!< TDD pattern or "FDD"
    std::string m_specialSlot;      //!< split of S slots
    uint32_t m_miniSlotSymbols;     //!< 0 or 2/4/7
    uint8_t m_mcsTable;             //!< MCS table number
    uint32_t m_dlLayers;            //!< downlink layers
    uint32_t m_ulLayers;            //!< uplink layers
    uint32_t m_dmrsRePerPrb;        //!< N_DMRS^PRB
    uint32_t m_overheadRePerPrb;    //!< N_oh^PRB
    uint32_t m_pdcchSymbols;        //!< PDCCH symbols of a full slot
    uint8_t m_maxTransmissions;     //!< HARQ transmissions per block
    uint32_t m_harqProcesses;       //!< HARQ processes per UE and direction
    double m_fixedBler;             //!< BLER override, < 0 = error model
    UlAccess m_ulAccess;            //!< uplink access
    uint32_t m_srPeriodicity;       //!< SR period, TTIs
    uint32_t m_srGrantBytes;        //!< size of the grant answering an SR
    uint32_t m_cgPeriod;            //!< configured grant period, TTIs
    uint32_t m_cgPrbs;              //!< configured grant PRBs (0 = share the carrier)
    uint32_t m_dlQueueMaxPackets;   //!< downlink buffer limit per UE
    uint32_t m_coresetPrbs;         //!< CORESET PRBs (0 = the carrier's, in groups of 6)
    uint32_t m_pdcchCandidatesAl1;  //!< search space candidates at level 1
    uint32_t m_pdcchCandidatesAl2;  //!< ... at level 2
    uint32_t m_pdcchCandidatesAl4;  //!< ... at level 4
    uint32_t m_pdcchCandidatesAl8;  //!< ... at level 8
    uint32_t m_pdcchCandidatesAl16; //!< ... at level 16
    double m_pdcchTargetBler;       //!< PDCCH error rate an aggregation level meets
    uint32_t m_pucchSrPrbs;         //!< PUCCH PRBs per uplink TTI for SR
    Ptr<NrErrorModel> m_errorModel; //!< link abstraction of the cell

    Ptr<NrCellMac> m_mac;                                  //!< the cell's MAC
    uint32_t m_channelIndex;                               //!< index on the channel
    std::vector<uint32_t> m_ueAddress;                     //!< IPv4 address per UE, 0: none
    std::unordered_map<uint32_t, uint32_t> m_ueByAddress;  //!< IPv4 address -> UE
    std::unordered_map<uint32_t, uint32_t> m_framedRoutes; //!< address behind a UE -> its address
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_GNB_NET_DEVICE_H */
