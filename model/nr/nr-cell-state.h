/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_CELL_STATE_H
#define BLUEPRINT_NR_CELL_STATE_H

#include "model/nr/nr-control-channel.h"
#include "model/nr/nr-error-model.h"
#include "model/nr/nr-harq-entity.h"
#include "model/nr/nr-mcs-table.h"
#include "model/nr/nr-rx-reassembly.h"
#include "model/nr/nr-transport-block.h"
#include "model/nr/nr-tti-grid.h"
#include "model/nr/nr-tx-buffer.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrChannel;
class NrUeNetDevice;

/**
 * \ingroup blueprint-nr
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
 * \ingroup blueprint-nr
 * \brief How UEs of a cell get uplink resources.
 */
enum class NrUlAccess
{
    GRANT,     //!< scheduling request, then dynamic grants driven by buffer status reports
    CONFIGURED //!< configured grant type 1 (TS 38.321 clause 5.8.2)
};

/**
 * \ingroup blueprint-nr
 * \brief The configuration of one cell's MAC: the values of NrGnbNetDevice's attributes, which
 * document each field.
 */
struct NrCellMacConfig
{
    uint8_t mu = 1;                                         //!< numerology
    std::string tddPattern = "DDDSU";                       //!< TDD pattern or "FDD"
    std::string specialSlot = "10D+2G+2U";                  //!< split of S slots
    uint32_t miniSlotSymbols = 0;                           //!< 0 or 2/4/7
    uint8_t mcsTable = 1;                                   //!< MCS table number
    uint32_t dlLayers = 1;                                  //!< downlink layers
    uint32_t ulLayers = 1;                                  //!< uplink layers
    uint32_t dmrsRePerPrb = 12;                             //!< N_DMRS^PRB
    uint32_t overheadRePerPrb = 0;                          //!< N_oh^PRB
    uint32_t pdcchSymbols = 1;                              //!< PDCCH symbols of a full slot
    uint8_t maxTransmissions = 4;                           //!< HARQ transmissions per block
    uint32_t harqProcesses = 16;                            //!< HARQ processes per UE and direction
    double fixedBler = -1.0;                                //!< BLER override, < 0 = error model
    NrUlAccess ulAccess = NrUlAccess::GRANT;                //!< uplink access
    uint32_t srPeriodicity = 1;                             //!< SR period, TTIs
    uint32_t srGrantBytes = 1600;                           //!< size of the grant answering an SR
    uint32_t cgPeriod = 1;                                  //!< configured grant period, TTIs
    uint32_t cgPrbs = 0;                                    //!< configured grant PRBs (0 = share)
    uint32_t dlQueueMaxPackets = 1000;                      //!< downlink buffer limit per UE
    uint32_t coresetPrbs = 0;                               //!< CORESET PRBs (0 = the carrier's)
    std::array<uint32_t, 5> pdcchCandidates{6, 6, 2, 2, 1}; //!< candidates at levels 1..16
    double pdcchTargetBler = 0.01;                          //!< PDCCH error rate a level meets
    uint32_t pucchSrPrbs = 4;                               //!< PUCCH PRBs per uplink TTI for SR
    Ptr<NrErrorModel> errorModel;                           //!< the cell's error model

    /**
     * \return the TDD pattern (or FDD) of tddPattern and specialSlot.
     * \throws std::invalid_argument if they do not parse.
     */
    NrTddPattern MakePattern() const;
};

/**
 * \ingroup blueprint-nr
 * \brief The trace sources of a cell's MAC; NrGnbNetDevice's TypeId documents each.
 */
struct NrCellMacTraces
{
    TracedCallback<uint32_t, uint8_t, uint32_t, uint32_t, uint8_t, bool> dlTb; //!< DlTb
    TracedCallback<uint32_t, uint8_t, uint32_t, uint32_t, uint8_t, bool> ulTb; //!< UlTb
    TracedCallback<Ptr<const Packet>> macTx;                                   //!< MacTx
    TracedCallback<Ptr<const Packet>> macTxDrop;                               //!< MacTxDrop
    TracedCallback<Ptr<const Packet>> macRx;                                   //!< MacRx
    TracedCallback<uint64_t, uint32_t, uint32_t> dlTti;                        //!< DlTti
    TracedCallback<uint64_t, uint32_t, uint32_t> ulTti;                        //!< UlTti
    TracedCallback<uint32_t> connectedUes;                                     //!< ConnectedUes
    TracedCallback<uint64_t, uint32_t, uint32_t, uint32_t> pdcch;              //!< Pdcch
};

/**
 * \ingroup blueprint-nr
 * \brief A new-data uplink grant remembered for buffer status accounting.
 */
struct NrUlGrantRecord
{
    uint64_t tti;   //!< the PUSCH's TTI
    uint64_t bytes; //!< the bytes of MAC SDUs it carries
};

/**
 * \ingroup blueprint-nr
 * \brief What a cell's MAC keeps per UE. The fields marked "UE side" model the UE's own MAC
 * state, which the gNB's slot engine runs on the UE's behalf.
 */
struct NrMacUe
{
    Ptr<NrUeNetDevice> device;          //!< the UE's device
    Time tproc1;                        //!< Tproc,1 for its capability
    Time tproc2;                        //!< Tproc,2 for its capability
    NrTxBuffer dlBuffer;                //!< downlink queue
    NrHarqEntity dlHarq;                //!< downlink HARQ processes
    NrHarqEntity ulHarq;                //!< uplink HARQ processes
    NrRxReassembly ulRx;                //!< uplink reassembly
    uint64_t ulNeed = 0;                //!< uplink bytes the gNB still means to grant
    Time ulEligibleAt;                  //!< from when ulNeed may be granted (grant prepared)
    bool srPending = false;             //!< UE side: an SR was sent and no PUSCH since
    bool gnbKnowsData = false;          //!< UE side: the latest BSR announced data
    uint64_t lastPuschTti = 0;          //!< UE side: TTI of the latest new-data PUSCH
    uint32_t grantsOutstanding = 0;     //!< new-data grants whose PUSCH has not happened
    std::deque<NrUlGrantRecord> grants; //!< new-data grants after the latest BSR's PUSCH
    bool hasBsr = false;                //!< a BSR has been received
    uint64_t lastBsrTti = 0;            //!< TTI of the PUSCH that carried the latest BSR
    uint64_t srOffset = 0;              //!< SR occasions: TTIs with tti % SR period == this
    uint64_t cgOffset = 0;              //!< CG occasions: tti % ConfiguredGrantPeriod == this
    uint32_t cgPrbs = 0;                //!< PRBs of each configured grant occasion
    bool ulNeedGuessed = false;         //!< ulNeed comes from an SR, not from a BSR
    Time srTriggeredAt;                 //!< UE side: when the latest SR was triggered
    bool connected = true;              //!< served now (false while handing in or after leaving)
    bool member = true;                 //!< attached or handing in (false once it left)
    uint32_t epoch = 0;                 //!< stays counted; events of an earlier stay are ignored
};

/**
 * \ingroup blueprint-nr
 * \brief What the parts of one cell's MAC share: its configuration and the frame derived from
 * it, its UEs, the PDCCH of the TTI under way, the radio channel, the HARQ outcome draws, the
 * counters and the trace sources.
 *
 * NrCellMac owns one; its downlink and uplink scheduling (NrDlScheduling, NrUlScheduling) work
 * on it. The resource arithmetic every part needs (data symbols of a TTI, transport block
 * sizes, PRBs for a size, the TTIs that carry a PUCCH or a PUSCH, DCI placement, the HARQ
 * outcome) lives here, once.
 */
class NrCellState
{
  public:
    /// Subcarriers per resource block (TS 38.211 clause 4.4.4.1).
    static constexpr uint32_t SUBCARRIERS_PER_PRB = 12;
    /// Short BSR MAC CE with its 1-byte subheader (TS 38.321 clauses 6.1.2 and 6.1.3.1).
    static constexpr uint32_t SHORT_BSR_BYTES = 2;
    /// Upper edge of FR1 (TS 38.104 Table 5.1-1: 410-7125 MHz); carriers above it are FR2.
    static constexpr double FR1_MAX_HZ = 7.125e9;

    /// Create an unconfigured cell.
    NrCellState();

    /**
     * \brief Derive the frame (TTI grid, PRBs, MCS table, CORESET, PDCCH) of a configuration on
     * the channel (SetChannel()), whose Bandwidth and Frequency give the carrier.
     * \param config the configuration.
     * \throws std::invalid_argument saying what does not fit.
     */
    void Configure(const NrCellMacConfig& config);

    /**
     * \brief Derive one UE's processing times and HARQ entities, and size its downlink buffer.
     * \param ue the UE.
     * \throws std::invalid_argument if its capability has no processing time at this numerology.
     */
    void ConfigureUe(uint32_t ue);

    /// \return true once Configure() succeeded.
    bool IsConfigured() const;

    /// \return the configuration.
    const NrCellMacConfig& GetConfig() const;

    /// \return the TTI grid.
    const NrTtiGrid& GetGrid() const;

    /// \return the PRBs of the carrier.
    uint32_t GetPrbs() const;

    /// \return the MCS table.
    NrMcsTableId GetMcsTable() const;

    /// \return the error model: link adaptation, PDCCH levels, HARQ combining and outcomes.
    const NrErrorModel& GetErrorModel() const;

    /// \return the linear SINR of MCS 0's 10 % BLER point (the uplink power headroom limit).
    double GetUlMinSinr() const;

    /// \return the CORESET's PRBs (a multiple of 6).
    uint32_t GetCoresetRbs() const;

    /// \return the radio channel.
    Ptr<NrChannel> GetChannel() const;

    /// \return the gNB's index on the channel (the cell's id in logs).
    uint32_t GetChannelIndex() const;

    /**
     * \brief Set the radio channel before the cell is configured.
     * \param channel the channel.
     * \param channelIndex the gNB's index on it.
     */
    void SetChannel(Ptr<NrChannel> channel, uint32_t channelIndex);

    /**
     * \brief Set the node whose context the cell's own events run in.
     * \param nodeId the gNB node's id.
     */
    void SetNodeId(uint32_t nodeId);

    /// \return the gNB node's id.
    uint32_t GetNodeId() const;

    /// \return the UEs (index = the UE's index in the cell).
    std::vector<NrMacUe>& GetUes();

    /// \return the UEs.
    const std::vector<NrMacUe>& GetUes() const;

    /**
     * \brief Find the UE an event scheduled earlier is about.
     * \param ue the UE's index.
     * \param epoch the UE's epoch when the event was scheduled.
     * \return the UE, or nullptr if the cell shut down or the UE left since (its events of
     *         an earlier stay are ignored).
     */
    NrMacUe* FindCurrentUe(uint32_t ue, uint32_t epoch);

    /// \return the PDCCH of the TTI under way.
    NrPdcch& GetPdcch();

    /// \return the downlink counters.
    NrMacStats& GetDlStats();

    /// \return the downlink counters.
    const NrMacStats& GetDlStats() const;

    /// \return the uplink counters.
    NrMacStats& GetUlStats();

    /// \return the uplink counters.
    const NrMacStats& GetUlStats() const;

    /// \return the trace sources.
    NrCellMacTraces& GetTraces();

    /// \return the random stream of the HARQ outcome draws.
    Ptr<UniformRandomVariable> GetUniform() const;

    /**
     * \brief Set the callback that hands a decoded uplink packet to the device.
     * \param forwardUp called with the packet and the sending UE's device address.
     */
    void SetForwardUpCallback(Callback<void, Ptr<Packet>, const Address&> forwardUp);

    /**
     * \brief Hand a decoded uplink packet to the device.
     * \param packet the packet.
     * \param from the sending UE's device address.
     */
    void ForwardUp(Ptr<Packet> packet, const Address& from) const;

    /**
     * \brief Print the log prefix of the cell's parts (NS_LOG_APPEND_CONTEXT): its index on the
     * channel and the TTI under way, so the logs of a multi-cell run can be told apart.
     * \param os the log stream.
     */
    void PrintLogContext(std::ostream& os) const;

    /// Stop: events still scheduled find the cell shut down and do nothing.
    void ShutDown();

    /// \return true after ShutDown().
    bool IsShutDown() const;

    /**
     * \brief Get the downlink data symbols of a TTI of a grid.
     * \param config the configuration (PDCCH symbols, DM-RS and overhead).
     * \param grid the grid.
     * \param tti the TTI.
     * \return 0 if it cannot carry a PDSCH.
     */
    static uint32_t GetDlDataSymbols(const NrCellMacConfig& config,
                                     const NrTtiGrid& grid,
                                     uint64_t tti);

    /**
     * \brief Get the uplink data symbols of a TTI of a grid.
     * \param config the configuration (DM-RS and overhead).
     * \param grid the grid.
     * \param tti the TTI.
     * \return 0 if it cannot carry a PUSCH.
     */
    static uint32_t GetUlDataSymbols(const NrCellMacConfig& config,
                                     const NrTtiGrid& grid,
                                     uint64_t tti);

    /**
     * \param tti the TTI.
     * \return its downlink data symbols, 0 if it cannot carry a PDSCH.
     */
    uint32_t GetDlDataSymbols(uint64_t tti) const;

    /**
     * \param tti the TTI.
     * \return its uplink data symbols, 0 if it cannot carry a PUSCH.
     */
    uint32_t GetUlDataSymbols(uint64_t tti) const;

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
     * \brief Get the data bits one PRB carries at an MCS (a scheduler's rate metric).
     * \param mcs the MCS index.
     * \param symbols the data symbols.
     * \param layers the layers.
     * \return spectral efficiency x data resource elements x layers.
     */
    double GetBitsPerPrb(uint8_t mcs, uint32_t symbols, uint32_t layers) const;

    /**
     * \brief Decide whether a transmission is decoded.
     * \param sinr the (combined) SINR.
     * \param mcs the MCS index.
     * \param tbsBits the size.
     * \return true if decoded.
     */
    bool DrawDecoded(double sinr, uint8_t mcs, uint32_t tbsBits);

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
     * \param ue the UE.
     * \return its wideband downlink SINR, linear.
     */
    double GetDlSinr(uint32_t ue) const;

    /**
     * \param ue the UE.
     * \param fraction the share of the carrier it transmits on (its power spreads over it).
     * \return its uplink SINR, linear.
     */
    double GetUlSinr(uint32_t ue, double fraction = 1.0) const;

    /**
     * \brief Place a DCI for a UE on the current TTI's PDCCH.
     * \param ue the UE.
     * \param cceLimit the most CCEs in use after it.
     * \return true if it found a free candidate.
     */
    bool AllocateDci(uint32_t ue, uint32_t cceLimit);

  private:
    /// MCS indices the TBS table holds (5 bits of DCI, TS 38.214 Table 5.1.3.1-x).
    static constexpr uint32_t MCS_KEYS = 32;
    /// Layers the TBS table holds (1..4, and 0 unused).
    static constexpr uint32_t LAYER_KEYS = 5;

    /**
     * \brief Compute a transport block size (TS 38.214 clause 5.1.3.2).
     * \param symbols the data symbols.
     * \param prbs the PRBs.
     * \param mcs the MCS index.
     * \param layers the layers.
     * \return the size, bits.
     */
    uint32_t ComputeTbs(uint32_t symbols, uint32_t prbs, uint8_t mcs, uint32_t layers) const;

    NrCellMacConfig m_config;             //!< the configuration
    bool m_configured;                    //!< Configure() succeeded
    std::unique_ptr<NrTtiGrid> m_grid;    //!< the TTI grid
    uint32_t m_prbs;                      //!< PRBs of the carrier
    NrMcsTableId m_mcsTable;              //!< the MCS table
    double m_ulMinSinr;                   //!< linear SINR of MCS 0's 10 % BLER point
    uint32_t m_coresetRbs;                //!< the CORESET's PRBs (a multiple of 6)
    Ptr<NrChannel> m_channel;             //!< the radio channel
    uint32_t m_channelIndex;              //!< the gNB's index on it
    uint32_t m_nodeId;                    //!< the gNB node's id
    bool m_shutDown;                      //!< ShutDown() ran
    std::vector<NrMacUe> m_ues;           //!< the UEs
    NrPdcch m_pdcch;                      //!< the PDCCH of the current TTI
    NrMacStats m_dlStats;                 //!< downlink counters
    NrMacStats m_ulStats;                 //!< uplink counters
    NrCellMacTraces m_traces;             //!< the trace sources
    Ptr<UniformRandomVariable> m_uniform; //!< HARQ outcome draws
    Callback<void, Ptr<Packet>, const Address&> m_forwardUp; //!< to the device
    /// TBS already computed, by (symbols, MCS, layers) and then PRBs (0: not yet): the
    /// scheduler asks the same few combinations again and again, and the TS 38.214 procedure is
    /// not free.
    mutable std::vector<std::vector<uint32_t>> m_tbs;
    /// Per TTI of one period of the pattern: the symbols that carry data and PUCCH, so that a
    /// TTI's kind costs one look-up.
    std::vector<uint8_t> m_dlDataSymbols; //!< downlink data symbols (0: no PDSCH)
    std::vector<uint8_t> m_ulDataSymbols; //!< uplink data symbols (0: no PUSCH)
    std::vector<uint8_t> m_ulSymbols;     //!< uplink symbols (0: no PUCCH)
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_CELL_STATE_H */
