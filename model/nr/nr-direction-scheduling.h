/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_DIRECTION_SCHEDULING_H
#define BLUEPRINT_NR_DIRECTION_SCHEDULING_H

#include "model/nr/nr-active-ues.h"
#include "model/nr/nr-cell-state.h"
#include "model/nr/nr-mac-scheduler.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief What the generic scheduling layers of both directions (NrDlScheduling,
 * NrUlScheduling) share: the cell, the policy that shares a TTI's PRBs, and the UEs that need
 * the scheduler (NrActiveUes), so that each TTI costs in proportion to the UEs that act in it.
 */
class NrDirectionScheduling
{
  public:
    /**
     * \brief Set the policy that shares a TTI's PRBs.
     * \param policy the scheduler, not null.
     */
    void SetPolicy(Ptr<NrMacScheduler> policy);

    /// \return the policy.
    Ptr<NrMacScheduler> GetPolicy() const;

    /// \return the UEs that need this direction's scheduler.
    const NrActiveUes& GetActive() const;

    /**
     * \brief Choose whether UEs that cannot act are deferred (see NrActiveUes::SetDeferring()).
     * \param deferring false to look at every active UE in every TTI.
     */
    void SetDeferring(bool deferring);

  protected:
    /**
     * \brief Start with round robin and no active UE.
     * \param cell the cell.
     */
    explicit NrDirectionScheduling(NrCellState& cell);

    NrCellState& m_cell;                //!< the cell
    Ptr<NrMacScheduler> m_policy;       //!< shares the PRBs of a TTI
    NrActiveUes m_active;               //!< UEs needing this direction's scheduler
    std::vector<uint32_t> m_scratchDue; //!< reused list of due retransmissions
    std::vector<NrUeDemand> m_demands;  //!< reused: the demands of one pass
    std::vector<uint8_t> m_demandMcs;   //!< reused: the MCS of each of m_demands
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_DIRECTION_SCHEDULING_H */
