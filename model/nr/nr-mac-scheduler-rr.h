/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MAC_SCHEDULER_RR_H
#define BLUEPRINT_NR_MAC_SCHEDULER_RR_H

#include "model/nr/nr-mac-scheduler.h"

namespace ns3
{

/**
 * \ingroup blueprint
 * \brief Round robin: equal PRB shares, with the leftover PRBs going round in turn.
 *
 * The PRBs are shared out equally among the UEs with data (water-filling: a UE that needs less
 * than its share gets what it needs and the rest is shared again among the others). When the
 * PRBs do not divide evenly, or there are more UEs than PRBs, the spare PRBs go one each to the
 * UEs next in turn, and the turn moves on past the last UE that got one, so over time every UE
 * gets the same number of PRBs whatever its channel (the classic round robin of e.g. ns-3's
 * RrFfMacScheduler, here per PRB rather than per RBG).
 *
 * UEs are admitted in turn order (their DCIs must find room on the PDCCH), at most one per PRB;
 * when some UE with data was not admitted, the turn moves to the first of them, so a PDCCH that
 * carries fewer DCIs than there are UEs still serves every UE in turn.
 */
class NrMacSchedulerRr : public NrMacScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler; the turn starts at UE 0.
    NrMacSchedulerRr();

    /**
     * \brief Share PRBs among UEs for one TTI (see the class description).
     * \param demands one entry per schedulable UE, in increasing UE index.
     * \param prbs the PRBs available.
     * \param tti the TTI index.
     * \param admit asked for each UE before it is given PRBs (its DCI).
     * \return the PRBs of each UE, in the order of \p demands.
     */
    std::vector<uint32_t> Allocate(const std::vector<NrUeDemand>& demands,
                                   uint32_t prbs,
                                   uint64_t tti,
                                   const Admission& admit) override;
    using NrMacScheduler::Allocate;

  private:
    uint32_t m_nextUe; //!< the UE index whose turn it is for a spare PRB
};

} // namespace ns3

#endif /* BLUEPRINT_NR_MAC_SCHEDULER_RR_H */
