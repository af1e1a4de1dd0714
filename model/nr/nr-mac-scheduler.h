/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MAC_SCHEDULER_H
#define BLUEPRINT_NR_MAC_SCHEDULER_H

#include "ns3/object.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief What one UE asks of a scheduler in one TTI.
 */
struct NrUeDemand
{
    uint32_t ue = 0;         //!< the UE's index in its cell
    uint32_t prbsNeeded = 0; //!< PRBs that would carry all its ready data, >= 1
    double bitsPerPrb = 0.0; //!< bits one PRB carries for it in this TTI at its MCS, > 0
};

/**
 * \ingroup blueprint-nr
 * \brief Shares the PRBs of one TTI and one direction among the UEs that have data: the
 * resource shape, with the order of the UEs left to a policy.
 *
 * A cell's scheduling has three layers (as 5G-LENA's schedulers):
 * 1. The generic layer of each direction (NrDlScheduling, NrUlScheduling) serves HARQ
 *    retransmissions first and turns the UEs with data into demands (NrUeDemand), once per TTI
 *    and direction.
 * 2. This class is the resource shape: the channel is wideband and frequency positions are not
 *    modelled, so a TTI is a number of PRBs. Allocate() asks the policy for an order of the
 *    demands, admits the UEs in that order (every grant needs a DCI on the PDCCH, and a slot's
 *    CORESET has room for only so many, TS 38.211 clause 7.3.2 and TS 38.213 clause 10.1: the
 *    Admission callback places the UE's DCI or refuses it), and shares the PRBs among the
 *    admitted UEs as the policy's Sharing says. A UE never gets more PRBs than it needs.
 * 3. The policy, a subclass: a comparator over per-UE state (Precedes()), the Sharing, and
 *    optional hooks to prepare its state before a TTI and to learn the outcome after it.
 *    NrMacSchedulerRr and NrMacSchedulerPf are the two that come with blueprint; a new policy
 *    is one small class (doc/nr.rst shows one), chosen by its TypeId.
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

    /// How the PRBs of a TTI are shared among the UEs admitted, in the policy's order.
    enum class Sharing
    {
        /// Water-filling: a UE that needs no more than an equal share gets what it needs and
        /// the rest is shared again among the others; PRBs that do not divide evenly go one
        /// each to the UEs first in the order. At most one UE per PRB is admitted.
        EQUAL_SHARES,
        /// Each UE in the order gets all it needs until the PRBs run out; a UE refused by the
        /// PDCCH leaves its turn to the next.
        IN_ORDER
    };

    /// "No demand" in an Outcome.
    static constexpr std::size_t NONE = std::numeric_limits<std::size_t>::max();

    /// What the resource shape did in one TTI, for the policy to learn from.
    struct Outcome
    {
        std::vector<uint32_t> given; //!< the PRBs of each demand
        std::size_t firstRefused;    //!< the first demand in the order not admitted, or NONE
        std::size_t lastSpare;       //!< EQUAL_SHARES: the last demand given a spare PRB, or NONE
    };

    /**
     * \brief Share PRBs among UEs for one TTI, each UE admitted before it gets PRBs.
     *
     * The resource shape described in the class; a subclass overrides it only for another
     * shape.
     * \param demands one entry per schedulable UE, in increasing UE index.
     * \param prbs the PRBs available.
     * \param tti the TTI index (increasing from call to call).
     * \param admit asked, in the policy's order, for each UE it means to serve.
     * \return the PRBs of each UE, in the order of \p demands; each <= its prbsNeeded, 0 for
     *         every UE not admitted, and the sum <= prbs.
     */
    virtual std::vector<uint32_t> Allocate(const std::vector<NrUeDemand>& demands,
                                           uint32_t prbs,
                                           uint64_t tti,
                                           const Admission& admit);

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

  protected:
    /// \return how the policy shares a TTI's PRBs.
    virtual Sharing GetSharing() const = 0;

    /**
     * \brief Prepare the per-UE state the comparator reads, before a TTI's order is made.
     * \param demands the TTI's demands.
     * \param tti the TTI.
     */
    virtual void PrepareTti(const std::vector<NrUeDemand>& demands, uint64_t tti);

    /**
     * \brief The policy's comparator: whether one demand goes before another. The order is
     * stable: demands neither precedes keep their order (increasing UE index).
     * \param a the index of one demand of the TTI (GetDemand()).
     * \param b the index of another.
     * \return true if \p a goes first.
     */
    virtual bool Precedes(std::size_t a, std::size_t b) const = 0;

    /**
     * \brief Learn what a TTI gave.
     * \param demands the TTI's demands.
     * \param outcome what each got, and who was refused.
     * \param tti the TTI.
     */
    virtual void NotifyOutcome(const std::vector<NrUeDemand>& demands,
                               const Outcome& outcome,
                               uint64_t tti);

    /**
     * \param i the index of a demand of the TTI being allocated.
     * \return the demand.
     */
    const NrUeDemand& GetDemand(std::size_t i) const;

  private:
    /**
     * \brief EQUAL_SHARES.
     * \param order the demands' indices in the policy's order.
     * \param prbs the PRBs.
     * \param admit the admission.
     * \return the outcome.
     */
    Outcome ShareEqually(const std::vector<std::size_t>& order,
                         uint32_t prbs,
                         const Admission& admit) const;

    /**
     * \brief IN_ORDER.
     * \param order the demands' indices in the policy's order.
     * \param prbs the PRBs.
     * \param admit the admission.
     * \return the outcome.
     */
    Outcome ShareInOrder(const std::vector<std::size_t>& order,
                         uint32_t prbs,
                         const Admission& admit) const;

    const std::vector<NrUeDemand>* m_demands = nullptr; //!< the demands of the TTI under way
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_MAC_SCHEDULER_H */
