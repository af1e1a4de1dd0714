/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MAC_SCHEDULER_H
#define BLUEPRINT_NR_MAC_SCHEDULER_H

#include "ns3/object.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup blueprint
 * \brief What one UE asks of a scheduler in one TTI.
 */
struct NrUeDemand
{
    uint32_t ue = 0;         //!< the UE's index in its cell
    uint32_t prbsNeeded = 0; //!< PRBs that would carry all its ready data, >= 1
    double bitsPerPrb = 0.0; //!< bits one PRB carries for it in this TTI at its MCS, > 0
};

/**
 * \ingroup blueprint
 * \brief Shares the PRBs of one TTI and one direction among the UEs that have data.
 *
 * The slot engine (NrGnbNetDevice) calls Allocate() once per TTI and direction with the UEs that
 * are schedulable for new data (HARQ retransmissions have already taken their PRBs). Frequency
 * positions are not modelled: the channel is wideband, so only the number of PRBs matters.
 * A UE never gets more PRBs than it needs.
 */
class NrMacScheduler : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Share PRBs among UEs for one TTI.
     * \param demands one entry per schedulable UE, in increasing UE index.
     * \param prbs the PRBs available.
     * \param tti the TTI index (increasing from call to call).
     * \return the PRBs of each UE, in the order of \p demands; each <= its prbsNeeded, and the
     *         sum <= prbs.
     */
    virtual std::vector<uint32_t> Allocate(const std::vector<NrUeDemand>& demands,
                                           uint32_t prbs,
                                           uint64_t tti) = 0;
};

} // namespace ns3

#endif /* BLUEPRINT_NR_MAC_SCHEDULER_H */
