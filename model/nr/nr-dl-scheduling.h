/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_DL_SCHEDULING_H
#define BLUEPRINT_NR_DL_SCHEDULING_H

#include "model/nr/nr-direction-scheduling.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief The downlink half of a cell's MAC: queues, HARQ retransmissions, the demands of the
 * UEs with ready data, PDSCH transmissions and their delivery.
 *
 * This is the generic layer of the downlink scheduler: in each TTI that carries a PDSCH it
 * serves the HARQ retransmissions due first (same MCS and size, enough PRBs in this TTI, one
 * PDSCH per UE per TTI), then asks the policy (an NrMacScheduler) to share the PRBs left among
 * the UEs that have data ready for the gNB and a free HARQ process. Each UE served needs a DCI
 * on the TTI's PDCCH. A transmission's outcome is drawn when it is sent; the UE receives the
 * block t_UE,rx = Tproc,1/2 after the end of the TTI's downlink symbols, and its HARQ-ACK goes
 * on the first PUCCH at least Tproc,1 after them (TS 38.213 clause 9.2.3), which the gNB decodes
 * in Tproc,2/2 before preparing a retransmission in t_BS,tx = Tproc,2/2.
 *
 * A TTI looks only at the active UEs that can send in it; the others are deferred to the time
 * their data, their HARQ feedback or a free HARQ process is ready (GetNextChance()).
 */
class NrDlScheduling : public NrDirectionScheduling
{
  public:
    /**
     * \brief Create the downlink half of a cell.
     * \param cell the cell it schedules.
     */
    explicit NrDlScheduling(NrCellState& cell);

    /**
     * \brief Queue a downlink packet for a UE; a connected UE becomes active.
     * \param ue the UE.
     * \param packet the packet.
     * \param traced fire MacTx (false for packets another cell forwarded, counted there).
     * \return false if its buffer is full.
     */
    bool Enqueue(uint32_t ue, Ptr<Packet> packet, bool traced);

    /**
     * \brief A UE is connected (again): it is active if it has downlink data.
     * \param ue the UE.
     * \return true if it is active.
     */
    bool Connect(uint32_t ue);

    /**
     * \brief Forget a UE that leaves the cell.
     * \param ue the UE.
     */
    void Release(uint32_t ue);

    /// \return true if a UE needs the downlink engine.
    bool HasWork() const;

    /// \return the UEs needing downlink scheduling (their DCIs get a CCE reserve on the PDCCH).
    uint32_t GetNActive() const;

    /**
     * \brief Schedule and transmit one TTI's PDSCHs; sets the cell's downlink activity on the
     * channel.
     * \param tti the TTI; it has downlink data symbols.
     * \return the PRBs carrying PDSCH.
     */
    uint32_t Schedule(uint64_t tti);

  private:
    /**
     * \brief Whether a UE still needs the downlink engine.
     * \param ue the UE.
     * \return true if it has queued data or a pending retransmission.
     */
    bool Needs(uint32_t ue) const;

    /**
     * \brief Get the first time an active UE with nothing to send now may send.
     * \param ue the UE, with no retransmission due and no new data it can send now.
     * \param now the current time.
     * \return the earliest time a retransmission becomes due or its data and a HARQ process
     *         are both ready; Time::Max() if only a new packet or an outcome can change that.
     */
    Time GetNextChance(uint32_t ue, Time now) const;

    /**
     * \brief Send one downlink transmission of a HARQ process and decide its outcome.
     * \param ue the UE.
     * \param process the HARQ process.
     * \param prbs the PRBs used.
     * \param tti the TTI.
     */
    void Transmit(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti);

    /**
     * \brief Hand a downlink transport block's outcome to the UE, unless the UE left the cell
     * since it was sent.
     * \param ue the UE's index in the cell.
     * \param epoch the UE's epoch when the block was sent.
     * \param segments the block's segments.
     * \param decoded true if the UE decoded it.
     */
    void Deliver(uint32_t ue, uint32_t epoch, std::vector<NrTbSegment> segments, bool decoded);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_DL_SCHEDULING_H */
