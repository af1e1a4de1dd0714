/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_CELL_MAC_H
#define BLUEPRINT_NR_CELL_MAC_H

#include "model/nr/nr-cell-state.h"
#include "model/nr/nr-dl-scheduling.h"
#include "model/nr/nr-mac-scheduler.h"
#include "model/nr/nr-ul-scheduling.h"

#include "ns3/object.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrChannel;
class NrUeNetDevice;

/**
 * \ingroup blueprint-nr
 * \brief The MAC of one NR cell, driven by its NrGnbNetDevice: the UEs it serves, the slot
 * engine, and the downlink and uplink scheduling it runs in each TTI.
 *
 * **Slot engine.** One event per TTI (slot, or mini-slot), on the grid of NrTtiGrid. When no
 * queue, grant or HARQ process needs the engine it stops, and the next arrival restarts it at
 * the next TTI boundary: an idle cell costs no events. In each TTI with downlink symbols the
 * PDCCH occasion starts; uplink grants are placed first (NrUlScheduling, leaving a CCE for each
 * downlink UE waiting, up to half the CORESET), then the downlink (NrDlScheduling); the PUSCHs
 * of a TTI with uplink data symbols run at the start of its uplink symbols.
 *
 * **Parts.** NrCellState holds what the parts share (configuration, frame, UEs, PDCCH,
 * counters, traces); NrDlScheduling and NrUlScheduling are the generic scheduling layers of
 * each direction, which hand the sharing of a TTI's PRBs to a policy (NrMacScheduler).
 *
 * The device's attributes configure the MAC (Configure()), once, when the device is
 * initialised or first used.
 */
class NrCellMac : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a MAC with no channel and no UEs, round robin in both directions.
    NrCellMac();

    /// Destroy the MAC.
    ~NrCellMac() override;

    /**
     * \brief Set the radio channel and this cell's index on it.
     * \param channel the channel.
     * \param channelIndex the index NrChannel::AddGnb() returned.
     */
    void SetChannel(Ptr<NrChannel> channel, uint32_t channelIndex);

    /**
     * \brief Set the node whose context the MAC's events run in.
     * \param nodeId the gNB node's id.
     */
    void SetNodeId(uint32_t nodeId);

    /**
     * \brief Set the callback that hands decoded uplink packets to the device.
     * \param forwardUp called with the packet and the sending UE's device address.
     */
    void SetForwardUpCallback(Callback<void, Ptr<Packet>, const Address&> forwardUp);

    /**
     * \brief Configure the cell, once (later calls do nothing).
     * \param config the configuration.
     */
    void Configure(const NrCellMacConfig& config);

    /// \return true once Configure() ran.
    bool IsConfigured() const;

    /**
     * \brief Check, without a channel, that a configuration makes a cell that can run (see
     * NrGnbNetDevice::CheckConfiguration()).
     * \param config the configuration.
     * \param bandwidthHz the carrier's bandwidth.
     * \param fr2 whether the carrier is in FR2.
     * \param ues the most UEs the cell may serve when the run starts.
     * \throws std::invalid_argument saying what is wrong.
     */
    static void CheckConfiguration(const NrCellMacConfig& config,
                                   double bandwidthHz,
                                   bool fr2,
                                   uint32_t ues);

    /**
     * \brief Set the downlink policy.
     * \param scheduler the scheduler.
     */
    void SetDlScheduler(Ptr<NrMacScheduler> scheduler);

    /// \return the downlink policy.
    Ptr<NrMacScheduler> GetDlScheduler() const;

    /**
     * \brief Set the uplink policy.
     * \param scheduler the scheduler.
     */
    void SetUlScheduler(Ptr<NrMacScheduler> scheduler);

    /// \return the uplink policy.
    Ptr<NrMacScheduler> GetUlScheduler() const;

    /**
     * \brief Add a UE to the cell, served from now on.
     * \param ue its device.
     * \return its index in the cell.
     */
    uint32_t AddUe(Ptr<NrUeNetDevice> ue);

    /**
     * \param ue a UE device.
     * \return its index in the cell, or GetNUes() if it was never in it.
     */
    uint32_t FindUe(Ptr<NrUeNetDevice> ue) const;

    /**
     * \brief Stop serving a UE that hands over (see NrGnbNetDevice::ReleaseUe()).
     * \param ue the UE's index.
     * \return the downlink packets still queued for it.
     */
    std::vector<Ptr<Packet>> ReleaseUe(uint32_t ue);

    /**
     * \brief Admit a UE arriving by handover, not served before ConnectUe().
     * \param ue its device.
     * \return its index (its old one if it was here before).
     */
    uint32_t PrepareUe(Ptr<NrUeNetDevice> ue);

    /**
     * \brief Start serving a prepared UE.
     * \param ue the UE's index.
     */
    void ConnectUe(uint32_t ue);

    /**
     * \param ue the UE's index.
     * \return true if the cell serves it now.
     */
    bool IsConnected(uint32_t ue) const;

    /// \return the UEs ever attached.
    uint32_t GetNUes() const;

    /// \return the UEs served now.
    uint32_t GetNConnectedUes() const;

    /**
     * \param ue the UE's index.
     * \return its device.
     */
    Ptr<NrUeNetDevice> GetUe(uint32_t ue) const;

    /**
     * \param ue the UE's index.
     * \return the PRBs of its configured grant (0: none).
     */
    uint32_t GetConfiguredGrantPrbs(uint32_t ue) const;

    /**
     * \brief Queue a downlink packet for a UE.
     * \param ue the UE's index.
     * \param packet the packet.
     * \param traced fire MacTx (false for packets another cell forwarded, counted there).
     * \return false if its buffer is full.
     */
    bool EnqueueDl(uint32_t ue, Ptr<Packet> packet, bool traced);

    /**
     * \brief Learn that a UE's uplink buffer received data.
     * \param ue the UE's index.
     */
    void NotifyUlData(uint32_t ue);

    /**
     * \param ue the UE's index.
     * \return t_UE,tx = Tproc,2 / 2 for it.
     */
    Time GetUeDataPreparation(uint32_t ue) const;

    /**
     * \brief Fix the random stream of the HARQ outcome draws.
     * \param stream the stream index.
     * \return the number of streams used (1).
     */
    int64_t AssignStreams(int64_t stream);

    /// \return the cell's shared state (configuration, frame, UEs, counters, traces).
    NrCellState& GetCell();

    /// \return the cell's shared state.
    const NrCellState& GetCell() const;

    /// \return the downlink counters (delivered packets summed over the UEs served now).
    NrMacStats GetDlStats() const;

    /// \return the uplink counters.
    NrMacStats GetUlStats() const;

    /// \return the TTI events run so far.
    uint64_t GetTtiEvents() const;

    /// \return the SR period in use, TTIs.
    uint32_t GetSrPeriodicity() const;

    /// \return the CCEs of a full slot's CORESET.
    uint32_t GetCoresetCces() const;

    /**
     * \brief Get the scheduler's work so far: the UEs its passes looked at, in both directions.
     *
     * A pass looks only at the UEs that may act in it (NrActiveUes), so this grows with the
     * traffic, not with the UEs of the cell.
     * \return the looks.
     */
    uint64_t GetSchedulerLooks() const;

    /**
     * \brief Choose whether the scheduler defers the active UEs that cannot act (the default),
     * or looks at every one in every TTI: the results must not differ (a test compares them).
     * \param deferring false to look at every active UE in every TTI.
     */
    void SetDeferring(bool deferring);

  protected:
    void DoDispose() override;

  private:
    /// Start the TTI events if they are stopped, at the next TTI boundary.
    void Wake();
    /// Run one TTI.
    void ProcessTti();
    /// \return true if a queue, grant or HARQ process needs the engine.
    bool HasWork() const;
    /**
     * \brief Run the PUSCHs of a TTI at the start of its uplink symbols, once.
     * \param tti the TTI.
     */
    void ScheduleRunUl(uint64_t tti);
    /**
     * \brief The PUSCHs of one TTI.
     * \param tti the TTI.
     */
    void RunUl(uint64_t tti);
    /**
     * \brief Derive one UE's processing times and HARQ entities from the configuration.
     * \param ue the UE.
     */
    void ConfigureUe(uint32_t ue);

    NrCellState m_cell;      //!< what the parts share
    NrDlScheduling m_dl;     //!< the downlink half
    NrUlScheduling m_ul;     //!< the uplink half
    bool m_inTti;            //!< inside ProcessTti()
    bool m_ttiPending;       //!< a TTI event is scheduled
    bool m_ulRunScheduled;   //!< ScheduleRunUl() has run at least once
    uint64_t m_lastUlTti;    //!< the latest TTI whose PUSCHs are scheduled
    uint64_t m_nextTti;      //!< the next TTI to run
    uint64_t m_ttiEvents;    //!< TTI events run
    uint32_t m_connectedUes; //!< UEs served now
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_CELL_MAC_H */
