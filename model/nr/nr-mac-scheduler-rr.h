/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MAC_SCHEDULER_RR_H
#define BLUEPRINT_NR_MAC_SCHEDULER_RR_H

#include "model/nr/nr-mac-scheduler.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief Round robin: equal PRB shares, with the leftover PRBs going round in turn.
 *
 * The policy: the UEs in turn order (those at or after the UE whose turn it is first, then the
 * others, by UE index), sharing EQUAL_SHARES. The turn moves on past the last UE that got a
 * spare PRB, so over time every UE gets the same number of PRBs whatever its channel (the
 * classic round robin of e.g. ns-3's RrFfMacScheduler, here per PRB rather than per RBG).
 * When some UE with data was not admitted (its DCI found no room, or more UEs than PRBs), the
 * turn moves to the first of them, so a PDCCH that carries fewer DCIs than there are UEs still
 * serves every UE in turn.
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

  protected:
    Sharing GetSharing() const override;
    bool Precedes(std::size_t a, std::size_t b) const override;
    void NotifyOutcome(const std::vector<NrUeDemand>& demands,
                       const Outcome& outcome,
                       uint64_t tti) override;

  private:
    uint32_t m_nextUe; //!< the UE index whose turn it is for a spare PRB
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_MAC_SCHEDULER_RR_H */
