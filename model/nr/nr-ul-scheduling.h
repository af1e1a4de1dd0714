/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_UL_SCHEDULING_H
#define BLUEPRINT_NR_UL_SCHEDULING_H

#include "model/nr/nr-direction-scheduling.h"
#include "model/nr/nr-ul-occasions.h"

#include <cstdint>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief The uplink half of a cell's MAC: scheduling requests, buffer status reports, grants
 * onto the plans of later PUSCH TTIs, configured grant occasions, PUSCH reception.
 *
 * This is the generic layer of the uplink scheduler (the timing is that of NrGnbNetDevice's
 * description, TR 37.910 clause 5.7.1):
 * - **Scheduling request.** Data arriving with nothing reported triggers an SR on the UE's next
 *   SR occasion (NrUlOccasions) whose PUCCH starts at or after t + Tproc,1/2; the gNB decodes
 *   it in Tproc,2/2 and prepares a grant of SrGrantBytes in Tproc,1/2.
 * - **Grants.** In each TTI with a PDCCH, HARQ retransmissions due go first, then the UEs the
 *   gNB means to grant, each to the earliest uplink TTI its Tproc,2 (K2) reaches that still has
 *   PRBs; the policy (an NrMacScheduler) shares that TTI's free PRBs among the UEs planned
 *   there. Every PUSCH on a dynamic grant carries a short BSR (TS 38.321 clause 6.1.3.1).
 * - **Configured grants.** A UE with a configured grant sends its ready data in its own PRBs
 *   of its occasions, unless a dynamic grant overrides that occasion (TS 38.321 clause 5.4.1).
 * - **Reception.** A PUSCH is decoded t_BS,rx = Tproc,1/2 after it; its BSR updates what the
 *   gNB still means to grant; a failure is retransmitted on a dynamic grant.
 *
 * A TTI's grants look only at the active UEs that can be granted in it; the others are
 * deferred to the time their grant is prepared, their HARQ feedback comes or a HARQ process
 * frees (GetNextChance()).
 */
class NrUlScheduling : public NrDirectionScheduling
{
  public:
    /**
     * \brief Create the uplink half of a cell.
     * \param cell the cell it schedules.
     * \param wake starts the cell's TTI events if they are stopped.
     */
    NrUlScheduling(NrCellState& cell, Callback<void> wake);

    /**
     * \brief Assign the SR and configured-grant occasions of the cell's members.
     * \param strict see NrUlOccasions::Assign().
     */
    void AssignOccasions(bool strict);

    /**
     * \brief Assign occasions again after a UE left or arrived, and give the uplink plans
     * already made the configured-grant PRBs the new assignment frees or takes.
     */
    void ReassignOccasions();

    /// \return the occasions.
    const NrUlOccasions& GetOccasions() const;

    /**
     * \brief A connected UE's uplink buffer received data: start its scheduling request, or
     * with a configured grant make it active.
     * \param ue the UE.
     * \return true if the UE uses a configured grant (the caller checks the TTI under way).
     */
    bool NotifyData(uint32_t ue);

    /**
     * \brief Forget a UE that leaves the cell: its grants, plans and uplink state.
     * \param ue the UE.
     */
    void Release(uint32_t ue);

    /// \return true if a UE needs uplink scheduling.
    bool HasActive() const;

    /// \return true if a UE needs uplink scheduling or a PUSCH is planned.
    bool HasWork() const;

    /**
     * \param tti an uplink TTI.
     * \return true if PUSCHs are planned in it.
     */
    bool HasPlan(uint64_t tti) const;

    /**
     * \brief The uplink grants sent in the PDCCH of one TTI.
     * \param tti the TTI.
     * \param dlWaiting downlink UEs waiting, each keeping a CCE for its DCI (up to half the
     *        CORESET).
     */
    void ScheduleGrants(uint64_t tti, uint32_t dlWaiting);

    /**
     * \brief The PUSCHs of one TTI (run at the start of its uplink symbols).
     * \param tti the TTI.
     * \return the PRBs carrying PUSCH.
     */
    uint32_t RunPusch(uint64_t tti);

  private:
    /// One uplink grant for one PUSCH.
    struct Grant
    {
        uint32_t ue;      //!< the UE
        int32_t process;  //!< HARQ process of a retransmission, -1 for new data
        uint32_t prbs;    //!< PRBs
        uint8_t mcs;      //!< MCS (new data)
        uint32_t tbsBits; //!< transport block size (new data)
    };

    /// An uplink block's outcome, waiting for the time the gNB knows it.
    struct Decoding
    {
        uint32_t ue;         //!< the UE
        uint32_t epoch;      //!< its epoch when the block was sent
        NrTransportBlock tb; //!< the block
        bool decoded;        //!< decoded (else given up)
    };

    /// Outcomes known at one time, handled by one event in the order they were added.
    using Decodings = std::shared_ptr<std::vector<Decoding>>;

    /// Scheduling requests (UE, epoch) decoded at one time, handled by one event.
    using Requests = std::shared_ptr<std::vector<std::pair<uint32_t, uint32_t>>>;

    /// The grants of one uplink TTI.
    struct Plan
    {
        uint32_t freePrbs = 0;     //!< PRBs not yet granted
        std::vector<Grant> grants; //!< the grants
    };

    /**
     * \brief Whether a UE still needs the uplink engine.
     * \param ue the UE.
     * \return true if it has a grant need, a pending retransmission, or configured-grant data.
     */
    bool Needs(uint32_t ue) const;

    /// Forget the active UEs that no longer need the engine.
    void DropIdle();

    /**
     * \brief Get the first time an active UE that can be granted nothing now may be.
     * \param ue the UE, with no retransmission due and no new data it can be granted now.
     * \param now the current time.
     * \return the earliest time a retransmission becomes due or its grant is prepared with a
     *         HARQ process free for it; Time::Max() if only a report or an outcome can change
     *         that.
     */
    Time GetNextChance(uint32_t ue, Time now) const;

    /**
     * \brief Grant a due HARQ retransmission on the earliest reachable TTI with room.
     * \param ue the UE.
     * \param process its process.
     * \param first the first PUSCH TTI its K2 reaches.
     * \param lastSlot the last slot K2 reaches.
     * \param cceLimit the most CCEs the PDCCH may have in use after its DCI.
     */
    void GrantRetransmission(uint32_t ue,
                             uint32_t process,
                             uint64_t first,
                             uint64_t lastSlot,
                             uint32_t cceLimit);

    /**
     * \brief Share one uplink TTI's free PRBs among the UEs planned there for new data.
     * \param tti the TTI whose PDCCH sends the grants.
     * \param target the PUSCH TTI.
     * \param ues the UEs.
     * \param cceLimit the most CCEs the PDCCH may have in use after their DCIs.
     */
    void GrantNewData(uint64_t tti,
                      uint64_t target,
                      const std::vector<uint32_t>& ues,
                      uint32_t cceLimit);

    /**
     * \brief Send one uplink transmission of a HARQ process and decide its outcome.
     * \param ue the UE.
     * \param process the HARQ process.
     * \param prbs the PRBs used.
     * \param tti the TTI.
     */
    void Transmit(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti);

    /**
     * \brief Handle the uplink blocks whose outcomes the gNB learns now.
     * \param blocks the blocks, in the order they were sent.
     */
    void Conclude(Decodings blocks);

    /**
     * \brief Deliver a decoded uplink block and apply its buffer status report.
     * \param ue the UE.
     * \param epoch the UE's epoch when the block was sent.
     * \param tb the block.
     */
    void Receive(uint32_t ue, uint32_t epoch, NrTransportBlock tb);

    /**
     * \brief Handle an uplink block HARQ gave up on.
     * \param ue the UE.
     * \param epoch the UE's epoch when the block was sent.
     * \param tb the block.
     */
    void Drop(uint32_t ue, uint32_t epoch, NrTransportBlock tb);

    /**
     * \brief Send a scheduling request for a UE on its next SR occasion.
     * \param ue the UE.
     */
    void StartSchedulingRequest(uint32_t ue);

    /**
     * \brief The gNB has decoded the SRs of one time.
     * \param key the time, in time steps.
     */
    void ReceiveSchedulingRequests(int64_t key);

    /**
     * \brief The gNB has decoded a UE's SR and prepared its grant.
     * \param ue the UE.
     * \param epoch the UE's epoch when the request was sent.
     */
    void ReceiveSchedulingRequest(uint32_t ue, uint32_t epoch);

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
    uint32_t GetFreePrbs(uint64_t tti) const;

    /**
     * \brief Get the plan of a TTI, creating it with the PRBs configured grants leave.
     * \param tti the uplink TTI.
     * \return the plan.
     */
    Plan& GetPlan(uint64_t tti);

    Callback<void> m_wake;            //!< starts the TTI events
    NrUlOccasions m_occasions;        //!< SR and configured grant occasions
    std::map<uint64_t, Plan> m_plans; //!< grants per uplink TTI
    /// The outcomes of the PUSCHs under way, by the time the gNB learns them: the blocks of one
    /// TTI known at the same time need one event, not one each.
    std::map<int64_t, Decodings> m_decodings;
    /// The scheduling requests on their way, by the time the gNB decodes them: the SRs of one
    /// occasion need one event, not one each.
    std::map<int64_t, Requests> m_requests;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_UL_SCHEDULING_H */
