/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MAC_SCHEDULER_H
#define BLUEPRINT_NR_MAC_SCHEDULER_H

#include "ns3/object.h"

#include <cstddef>
#include <cstdint>
#include <functional>
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
 *
 * Every grant needs a DCI on the PDCCH, and a slot's CORESET has room for only so many (TS 38.211
 * clause 7.3.2, TS 38.213 clause 10.1). A scheduler therefore asks, in its order of priority and
 * before giving a UE any PRB, whether that UE's DCI finds room (the Admission callback); a UE
 * refused is not served in this TTI.
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
     * \brief Whether the UE of a demand may be served in this TTI; called at most once per
     * demand, with its index in the demands, and true commits the UE's DCI.
     */
    using Admission = std::function<bool(std::size_t)>;

    /**
     * \brief Share PRBs among UEs for one TTI, each UE admitted before it gets PRBs.
     * \param demands one entry per schedulable UE, in increasing UE index.
     * \param prbs the PRBs available.
     * \param tti the TTI index (increasing from call to call).
     * \param admit asked, in the scheduler's order of priority, for each UE it means to serve.
     * \return the PRBs of each UE, in the order of \p demands; each <= its prbsNeeded, 0 for
     *         every UE not admitted, and the sum <= prbs.
     */
    virtual std::vector<uint32_t> Allocate(const std::vector<NrUeDemand>& demands,
                                           uint32_t prbs,
                                           uint64_t tti,
                                           const Admission& admit) = 0;

    /**
     * \brief Share PRBs among UEs for one TTI with every UE admitted (no PDCCH limit).
     * \param demands one entry per schedulable UE, in increasing UE index.
     * \param prbs the PRBs available.
     * \param tti the TTI index (increasing from call to call).
     * \return as the four-argument Allocate().
     */
    std::vector<uint32_t> Allocate(const std::vector<NrUeDemand>& demands,
                                   uint32_t prbs,
                                   uint64_t tti);
};

} // namespace ns3

#endif /* BLUEPRINT_NR_MAC_SCHEDULER_H */
