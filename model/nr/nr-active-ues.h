/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_ACTIVE_UES_H
#define BLUEPRINT_NR_ACTIVE_UES_H

#include "ns3/nstime.h"

#include <cstdint>
#include <functional>
#include <queue>
#include <set>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief The UEs that need one direction of a cell's scheduler, and among them those worth a
 * look in the next scheduling pass.
 *
 * A member is a UE with data or a HARQ process to serve (the scheduler decides when one joins
 * and DropIdle() when one leaves). Most members cannot act in most TTIs: their data is still
 * being prepared, their grant is being prepared, their HARQ feedback has not come. A pass
 * looks only at the members that may act: the scheduler defers one that cannot until the time
 * it may (Defer()), or until something about it changes (Touch()). So a pass costs in
 * proportion to the UEs that act in it, not to the members, and never to the UEs of the cell.
 *
 * Deferring is only an optimisation if the scheduler defers a member exactly when looking at it
 * would do nothing, and to a time no later than the first at which it could act; the members a
 * pass looks at come in increasing UE index, the order of a pass over all members.
 */
class NrActiveUes
{
  public:
    /// Create an empty set.
    NrActiveUes();

    /**
     * \param ue a UE index.
     * \return true if it is a member.
     */
    bool Contains(uint32_t ue) const;

    /// \return the number of members.
    uint32_t GetSize() const;

    /// \return true if there is no member.
    bool IsEmpty() const;

    /// \return the members, in increasing UE index.
    const std::set<uint32_t>& GetMembers() const;

    /**
     * \brief Make a UE a member (if it is not) and Touch() it.
     * \param ue the UE.
     */
    void Insert(uint32_t ue);

    /**
     * \brief Remove a UE.
     * \param ue the UE.
     */
    void Erase(uint32_t ue);

    /**
     * \brief A member's state changed: the next pass looks at it and DropIdle() checks it.
     * Nothing for a UE that is not a member.
     * \param ue the UE.
     */
    void Touch(uint32_t ue);

    /**
     * \brief Start a pass.
     * \param now the time of the pass: members deferred to it or earlier are looked at again.
     * \return the members to look at, in increasing UE index.
     */
    const std::vector<uint32_t>& StartPass(Time now);

    /**
     * \brief A member looked at in this pass can do nothing before a time.
     * \param ue the UE.
     * \param until the first time it may act; Time::Max() if only a change can let it act.
     */
    void Defer(uint32_t ue, Time until);

    /**
     * \brief Remove the members touched since the last call that no longer need the scheduler.
     * \param needs whether a UE still needs it.
     */
    void DropIdle(const std::function<bool(uint32_t)>& needs);

    /// \return the members looked at in all passes so far (a measure of the scheduler's work).
    uint64_t GetLooks() const;

    /**
     * \brief Choose whether Defer() defers (the default) or leaves every member to be looked at
     * in every pass, as a scheduler without deferral would: the results must be the same, only
     * the work differs (a test compares them).
     * \param deferring false to look at every member in every pass.
     */
    void SetDeferring(bool deferring);

  private:
    /// A member deferred to a time.
    struct Deferral
    {
        Time until;          //!< when to look at it again
        uint32_t ue;         //!< the UE
        uint32_t generation; //!< its generation when deferred; a later one voids this

        /**
         * \param other another deferral.
         * \return true if this one is due later (for a min-heap).
         */
        bool operator>(const Deferral& other) const
        {
            return until > other.until || (until == other.until && ue > other.ue);
        }
    };

    /// Flags of one UE.
    enum Flag : uint8_t
    {
        MEMBER = 1, //!< a member
        READY = 2,  //!< the next pass looks at it
        DIRTY = 4   //!< DropIdle() checks it
    };

    /**
     * \brief Make room for a UE index.
     * \param ue the UE.
     */
    void Grow(uint32_t ue);

    std::set<uint32_t> m_members;       //!< the members
    std::vector<uint8_t> m_flags;       //!< Flag bits by UE index
    std::vector<uint32_t> m_generation; //!< deferral generation by UE index
    std::vector<uint32_t> m_ready;      //!< UEs flagged READY (maybe repeated or stale)
    std::vector<uint32_t> m_dirty;      //!< UEs flagged DIRTY (maybe stale)
    std::vector<uint32_t> m_pass;       //!< the members the pass under way looks at
    uint64_t m_looks;                   //!< members looked at so far
    bool m_deferring;                   //!< Defer() defers
    std::priority_queue<Deferral, std::vector<Deferral>, std::greater<Deferral>>
        m_deferred; //!< members waiting for a time
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_ACTIVE_UES_H */
