/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_GNB_NET_DEVICE_H
#define BLUEPRINT_NR_GNB_NET_DEVICE_H

#include "model/nr/nr-control-channel.h"
#include "model/nr/nr-harq-entity.h"
#include "model/nr/nr-mac-scheduler.h"
#include "model/nr/nr-mcs-table.h"
#include "model/nr/nr-net-device.h"
#include "model/nr/nr-rx-reassembly.h"
#include "model/nr/nr-transport-block.h"
#include "model/nr/nr-tti-grid.h"
#include "model/nr/nr-tx-buffer.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

class NrChannel;

/**
 * \ingroup blueprint
 * \brief Counters of one direction of a cell's MAC.
 */
struct NrMacStats
{
    uint64_t transmissions = 0;       //!< transport block transmissions, retransmissions included
    uint64_t retransmissions = 0;     //!< HARQ retransmissions
    uint64_t failedTransmissions = 0; //!< transmissions the receiver could not decode
    uint64_t decodedBlocks = 0;       //!< transport blocks decoded
    uint64_t decodedBits = 0;         //!< their transport block sizes, bits
    uint64_t droppedBlocks = 0;       //!< blocks given up after MaxTransmissions attempts
    uint64_t droppedBytes = 0;        //!< SDU bytes in those blocks
    uint64_t queueDrops = 0;          //!< packets dropped at a full buffer (downlink only)
    uint64_t deliveredPackets = 0;    //!< IP packets handed to the receiving IP stack
};

/**
 * \ingroup blueprint
 * \brief The NR device of one gNB (one cell): carries IPv4 packets to and from its UEs, with
 * the slot engine that schedules them.
 *
 * **Devices and addresses.** One gNB device per cell, one NrUeNetDevice per UE; IPv4 runs over
 * them without ARP. The gNB's IP stack, its UEs' IP stacks and one subnet: NrHelper::InstallUe()
 * attaches UEs (AttachUe()), Ipv4AddressHelper assigns the addresses, and
 * NrHelper::AttachUeAddresses() then tells the gNB which address belongs to which UE (AddUe()).
 * Send() peeks at the IPv4 destination to find the UE; an address behind a UE (a CPE's LAN) is
 * found through its framed route (AddFramedRoute()); broadcast goes to every UE.
 *
 * **Slot engine.** One event per TTI (slot, or mini-slot with MiniSlotSymbols), on the grid of
 * NrTtiGrid (numerology Mu, TddPattern or FDD). When no queue, grant or HARQ process needs the
 * engine it stops, and the next arrival restarts it at the next TTI boundary: an idle cell costs
 * no events. In each TTI: downlink scheduling (HARQ retransmissions first, then new data shared by
 * the DlScheduler), uplink grants (in TTIs with a PDCCH, for the first PUSCH the UE can reach),
 * and the PUSCHs of the uplink grants and configured grants due in this TTI. The number of PRBs
 * is NrMaxResourceBlocks(Bandwidth, Mu, FR2) of the channel's carrier; FDD has that many in each
 * direction every TTI.
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
 * **HARQ and errors.** Each transmission succeeds with probability 1 - NrErrorModel::GetBler of
 * the chase-combined SINR of all its transmissions (or 1 - FixedBler when FixedBler >= 0), drawn
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

    // NetDevice
    bool IsLinkUp() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;

  protected:
    void DoInitialize() override;
    void DoDispose() override;

  private:
    /// A new-data uplink grant remembered for buffer status accounting.
    struct GrantRecord
    {
        uint64_t tti;   //!< the PUSCH's TTI
        uint64_t bytes; //!< the bytes of MAC SDUs it carries
    };

    /// What the gNB keeps per UE.
    struct UeContext
    {
        Ptr<NrUeNetDevice> device;      //!< the UE's device
        bool hasAddress = false;        //!< AddUe() gave an address
        Ipv4Address address;            //!< its IPv4 address
        Time tproc1;                    //!< Tproc,1 for its capability
        Time tproc2;                    //!< Tproc,2 for its capability
        NrTxBuffer dlBuffer;            //!< downlink queue
        NrHarqEntity dlHarq;            //!< downlink HARQ processes
        NrHarqEntity ulHarq;            //!< uplink HARQ processes
        NrRxReassembly ulRx;            //!< uplink reassembly
        uint64_t ulNeed = 0;            //!< uplink bytes the gNB still means to grant
        Time ulEligibleAt;              //!< from when ulNeed may be granted (grant prepared)
        bool srPending = false;         //!< UE side: an SR was sent and no PUSCH since
        bool gnbKnowsData = false;      //!< UE side: the latest BSR announced data
        uint64_t lastPuschTti = 0;      //!< UE side: TTI of the latest new-data PUSCH
        uint32_t grantsOutstanding = 0; //!< new-data grants whose PUSCH has not happened
        std::deque<GrantRecord> grants; //!< new-data grants after the latest BSR's PUSCH
        bool hasBsr = false;            //!< a BSR has been received
        uint64_t lastBsrTti = 0;        //!< TTI of the PUSCH that carried the latest BSR
        uint64_t srOffset = 0;          //!< SR occasions: TTIs with tti % SrPeriodicity == this
        uint64_t cgOffset = 0;          //!< CG occasions: tti % ConfiguredGrantPeriod == this
        uint32_t cgPrbs = 0;            //!< PRBs of each configured grant occasion
        bool ulNeedGuessed = false;     //!< ulNeed comes from an SR, not from a BSR
        Time srTriggeredAt;             //!< UE side: when the latest SR was triggered
        bool connected = true;          //!< served now (false while handing in or after leaving)
        bool member = true;             //!< attached or handing in (false once it left)
        uint32_t epoch = 0;             //!< stays counted; events of an earlier stay are ignored
    };

    /// One uplink grant for one PUSCH.
    struct UlGrant
    {
        uint32_t ue;      //!< the UE
        int32_t process;  //!< HARQ process of a retransmission, -1 for new data
        uint32_t prbs;    //!< PRBs
        uint8_t mcs;      //!< MCS (new data)
        uint32_t tbsBits; //!< transport block size (new data)
    };

    /// The grants of one uplink TTI.
    struct UlPlan
    {
        uint32_t freePrbs = 0;       //!< PRBs not yet granted
        std::vector<UlGrant> grants; //!< the grants
    };

    /**
     * \brief Assign occasions again after a UE left or arrived, and give the uplink plans
     * already made the configured-grant PRBs the new assignment frees or takes.
     */
    void ReassignOccasions();

    /// Build the grid, PRBs, processing times and occasions from the attributes, once.
    void Configure();
    /// Configure() unless done.
    void EnsureConfigured();
    /**
     * \brief Derive one UE's processing times and HARQ entities from the attributes.
     * \param ue the UE.
     */
    void ConfigureUe(uint32_t ue);
    /**
     * \brief Assign SR and configured-grant occasions to the UEs in the cell.
     * \param strict abort when the configured grants do not fit (a configuration error at
     * start-up); otherwise (UEs arriving by handover) a UE for which there is no room gets no
     * configured grant and asks by scheduling request.
     */
    void AssignOccasions(bool strict = true);

    /// Start the TTI events if they are stopped, at the next TTI boundary.
    void Wake();
    /// Run one TTI.
    void ProcessTti();
    /// \return true if a queue, grant or HARQ process needs the engine.
    bool HasWork() const;

    /**
     * \brief Downlink scheduling and transmission of one TTI.
     * \param tti the TTI.
     */
    void ScheduleDl(uint64_t tti);
    /**
     * \brief Send one downlink transmission of a HARQ process and decide its outcome.
     * \param ue the UE.
     * \param process the HARQ process.
     * \param prbs the PRBs used.
     * \param tti the TTI.
     */
    void TransmitDl(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti);

    /**
     * \brief Uplink grants sent in the PDCCH of one TTI.
     * \param tti the TTI.
     */
    void ScheduleUlGrants(uint64_t tti);
    /**
     * \brief Run the PUSCHs of a TTI at the start of its uplink symbols, once.
     * \param tti the TTI.
     */
    void ScheduleRunUl(uint64_t tti);
    /**
     * \brief The PUSCHs of one TTI (run at the start of its uplink symbols).
     * \param tti the TTI.
     */
    void RunUl(uint64_t tti);
    /**
     * \brief Send one uplink transmission of a HARQ process and decide its outcome.
     * \param ue the UE.
     * \param process the HARQ process.
     * \param prbs the PRBs used.
     * \param tti the TTI.
     */
    void TransmitUl(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti);
    /**
     * \brief Deliver a decoded uplink block and apply its buffer status report.
     * \param ue the UE.
     * \param epoch the UE's epoch when the block was sent.
     * \param tb the block.
     */
    void ReceiveUlTransportBlock(uint32_t ue, uint32_t epoch, NrTransportBlock tb);
    /**
     * \brief Handle an uplink block HARQ gave up on.
     * \param ue the UE.
     * \param epoch the UE's epoch when the block was sent.
     * \param tb the block.
     */
    void DropUlTransportBlock(uint32_t ue, uint32_t epoch, NrTransportBlock tb);
    /**
     * \brief Send a scheduling request for a UE on its next SR occasion.
     * \param ue the UE.
     */
    void StartSchedulingRequest(uint32_t ue);
    /**
     * \brief The gNB has decoded a UE's SR and prepared its grant.
     * \param ue the UE.
     * \param epoch the UE's epoch when the request was sent.
     */
    void ReceiveSchedulingRequest(uint32_t ue, uint32_t epoch);

    /**
     * \brief Hand a downlink transport block's outcome to the UE, unless the UE left the cell
     * since it was sent.
     * \param ue the UE's index in the cell.
     * \param epoch the UE's epoch when the block was sent.
     * \param segments the block's segments.
     * \param decoded true if the UE decoded it.
     */
    void DeliverDl(uint32_t ue, uint32_t epoch, std::vector<NrTbSegment> segments, bool decoded);

    /**
     * \brief Get the downlink data symbols of a TTI.
     * \param tti the TTI.
     * \return 0 if it cannot carry a PDSCH.
     */
    uint32_t GetDlDataSymbols(uint64_t tti) const;
    /**
     * \brief Get the uplink data symbols of a TTI.
     * \param tti the TTI.
     * \return 0 if it cannot carry a PUSCH.
     */
    uint32_t GetUlDataSymbols(uint64_t tti) const;
    /**
     * \brief Get the downlink data symbols of a TTI of a grid.
     * \param grid the grid.
     * \param tti the TTI.
     * \return 0 if it cannot carry a PDSCH.
     */
    uint32_t GetDlDataSymbols(const NrTtiGrid& grid, uint64_t tti) const;
    /**
     * \brief Get the uplink data symbols of a TTI of a grid.
     * \param grid the grid.
     * \param tti the TTI.
     * \return 0 if it cannot carry a PUSCH.
     */
    uint32_t GetUlDataSymbols(const NrTtiGrid& grid, uint64_t tti) const;
    /**
     * \brief Find the first TTI with a PUCCH starting at or after a time.
     * \param t the time.
     * \param period only TTIs with tti % period == offset count (1: all).
     * \param offset see period.
     * \return the TTI.
     */
    uint64_t FindPucchTti(Time t, uint64_t period = 1, uint64_t offset = 0) const;
    /**
     * \brief Find the first TTI whose PUSCH starts at or after a time.
     * \param t the time.
     * \return the TTI.
     */
    uint64_t FindPuschTti(Time t) const;
    /**
     * \brief Find the next TTI after one that can carry a PUSCH.
     * \param tti the TTI.
     * \return the first later TTI with uplink data symbols.
     */
    uint64_t NextPuschTti(uint64_t tti) const;
    /**
     * \brief Whether a UE already has a PUSCH granted in a TTI.
     * \param tti the uplink TTI.
     * \param ue the UE.
     * \return true if the TTI's plan holds a grant for the UE.
     */
    bool HasPusch(uint64_t tti, uint32_t ue) const;
    /**
     * \brief Get the PRBs of an uplink TTI not yet granted, without creating its plan.
     * \param tti the uplink TTI.
     * \return the free PRBs.
     */
    uint32_t GetUlFreePrbs(uint64_t tti) const;
    /**
     * \brief Get the transport block size of an allocation.
     * \param symbols the data symbols.
     * \param prbs the PRBs.
     * \param mcs the MCS index.
     * \param layers the layers.
     * \return the size, bits.
     */
    uint32_t GetTbs(uint32_t symbols, uint32_t prbs, uint8_t mcs, uint32_t layers) const;
    /**
     * \brief Get the fewest PRBs whose transport block holds some bits.
     * \param bits the bits.
     * \param symbols the data symbols.
     * \param mcs the MCS index.
     * \param layers the layers.
     * \return the PRBs, at most the carrier's (which may hold fewer bits).
     */
    uint32_t GetPrbsFor(uint64_t bits, uint32_t symbols, uint8_t mcs, uint32_t layers) const;
    /**
     * \brief Decide whether a transmission is decoded.
     * \param sinr the (combined) SINR.
     * \param mcs the MCS index.
     * \param tbsBits the size.
     * \return true if decoded.
     */
    bool DrawDecoded(double sinr, uint8_t mcs, uint32_t tbsBits);
    /**
     * \brief Get the UL plan of a TTI, creating it with the PRBs configured grants leave.
     * \param tti the uplink TTI.
     * \return the plan.
     */
    UlPlan& GetUlPlan(uint64_t tti);
    /**
     * \brief Whether a UE still needs the uplink engine.
     * \param ue the UE.
     * \return true if it has a grant need, a pending retransmission, or configured-grant data.
     */
    bool NeedsUl(uint32_t ue) const;
    /**
     * \brief Whether a UE still needs the downlink engine.
     * \param ue the UE.
     * \return true if it has queued data or a pending retransmission.
     */
    bool NeedsDl(uint32_t ue) const;
    /**
     * \brief Queue a downlink packet for a UE.
     * \param ue the UE.
     * \param packet the packet.
     * \param traced fire MacTx (false for packets another cell forwarded, counted there).
     * \return false if its buffer is full.
     */
    bool EnqueueDl(uint32_t ue, Ptr<Packet> packet, bool traced = true);
    /**
     * \brief Place a DCI for a UE on the current TTI's PDCCH.
     * \param ue the UE.
     * \param cceLimit the most CCEs in use after it.
     * \return true if it found a free candidate.
     */
    bool AllocateDci(uint32_t ue, uint32_t cceLimit);

    // Attributes
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

    // Plumbing
    uint32_t m_channelIndex;              //!< index on the channel
    Ptr<NrMacScheduler> m_dlScheduler;    //!< downlink scheduler
    Ptr<NrMacScheduler> m_ulScheduler;    //!< uplink scheduler
    Ptr<UniformRandomVariable> m_uniform; //!< HARQ outcome draws

    // Configuration derived in Configure()
    bool m_configured;                  //!< Configure() ran
    std::unique_ptr<NrTtiGrid> m_grid;  //!< the TTI grid
    uint32_t m_prbs;                    //!< PRBs of the carrier
    double m_ulMinSinr = 0;             //!< linear SINR of MCS 0's 10 % BLER point (UL headroom)
    NrMcsTableId m_mcsTableId;          //!< the MCS table
    std::vector<uint32_t> m_cgReserved; //!< PRBs reserved per configured grant offset
    NrPdcch m_pdcch;                    //!< the PDCCH of the current TTI
    uint32_t m_coresetRbs = 0;          //!< the CORESET's PRBs (a multiple of 6)
    uint32_t m_srPeriod = 1;            //!< SR period in use, TTIs

    // State
    std::vector<UeContext> m_ues;                          //!< the UEs
    std::unordered_map<uint32_t, uint32_t> m_ueByAddress;  //!< IPv4 address -> UE
    std::unordered_map<uint32_t, uint32_t> m_framedRoutes; //!< address behind a UE -> its address
    std::set<uint32_t> m_dlActive;                         //!< UEs needing downlink scheduling
    std::set<uint32_t> m_ulActive;                         //!< UEs needing uplink scheduling
    std::map<uint64_t, UlPlan> m_ulPlans;                  //!< grants per uplink TTI
    bool m_inTti;                                          //!< inside ProcessTti()
    bool m_ttiPending;                                     //!< a TTI event is scheduled
    bool m_ulRunScheduled;              //!< ScheduleRunUl() has run at least once
    uint64_t m_lastUlTti;               //!< the latest TTI whose PUSCHs are scheduled
    bool m_shutDown;                    //!< DoDispose() ran; pending events do nothing
    uint64_t m_nextTti;                 //!< the next TTI to run
    uint64_t m_ttiEvents;               //!< TTI events run
    NrMacStats m_dlStats;               //!< downlink counters
    NrMacStats m_ulStats;               //!< uplink counters
    std::vector<uint32_t> m_scratchDue; //!< reused list of due retransmissions
    /// TBS already computed, by (symbols, PRBs, MCS, layers): the scheduler asks the same few
    /// combinations again and again, and the TS 38.214 procedure is not free.
    mutable std::unordered_map<uint64_t, uint32_t> m_tbsCache;

    // Traces
    TracedCallback<uint32_t, uint8_t, uint32_t, uint32_t, uint8_t, bool> m_dlTbTrace; //!< DlTb
    TracedCallback<uint32_t, uint8_t, uint32_t, uint32_t, uint8_t, bool> m_ulTbTrace; //!< UlTb
    TracedCallback<Ptr<const Packet>> m_macTxTrace;     //!< packet accepted for a UE
    TracedCallback<Ptr<const Packet>> m_macTxDropTrace; //!< packet dropped
    TracedCallback<Ptr<const Packet>> m_macRxTrace;     //!< uplink packet delivered up

    // Activity hooks for energy models
    uint32_t m_ttiDlPrbs;                                      //!< PDSCH PRBs of the running TTI
    TracedCallback<uint64_t, uint32_t, uint32_t> m_dlTtiTrace; //!< DlTti
    TracedCallback<uint64_t, uint32_t, uint32_t> m_ulTtiTrace; //!< UlTti
    uint32_t m_connectedUes;                                   //!< UEs served now
    TracedCallback<uint32_t> m_connectedUesTrace;              //!< ConnectedUes
    TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t> m_pdcchTrace; //!< Pdcch
};

} // namespace ns3

#endif /* BLUEPRINT_NR_GNB_NET_DEVICE_H */
