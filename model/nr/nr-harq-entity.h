/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_HARQ_ENTITY_H
#define BLUEPRINT_NR_HARQ_ENTITY_H

#include "model/nr/nr-transport-block.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrErrorModel;

/**
 * \ingroup blueprint
 * \brief The HARQ processes of one UE in one direction (TS 38.321 clauses 5.3.2 and 5.4.2).
 *
 * Each process holds one transport block from its first transmission until the sender learns it
 * was decoded, or until MaxTransmissions attempts failed. The slot engine decides each attempt's
 * outcome when it transmits (the error model needs only the SINR, the MCS and the size), so a
 * process is told at once when its feedback will be known and, after a failure, from when a
 * retransmission may be scheduled; the entity only keeps the books:
 * - Idle: free once the time its last feedback is known has come (a process is not reused
 *   before the sender has the ACK, TS 38.321 clause 5.3.2.1).
 * - RetxDue: the last attempt failed; a retransmission may be scheduled from a given time.
 * - InFlight: a retransmission is scheduled (uplink: granted, PUSCH not yet sent).
 * Retransmissions combine with the earlier attempts as the cell's error model says
 * (NrErrorModel::CombineSinr; chase combining by default).
 */
class NrHarqEntity
{
  public:
    /// What became of a transmission.
    enum class Outcome
    {
        ACKED,      //!< decoded; the process frees when the ACK is known
        RETRANSMIT, //!< failed; a retransmission is due
        DROPPED     //!< failed the last allowed attempt; the data is lost
    };

    /**
     * \brief Create the processes.
     * \param processes the number of HARQ processes, 1..32 (TS 38.331 nrofHARQ-ProcessesForPDSCH
     *        and -PUSCH allow up to 16, Rel-17 up to 32).
     * \param maxTransmissions the most transmissions of one block, >= 1.
     */
    explicit NrHarqEntity(uint32_t processes = 16, uint8_t maxTransmissions = 4);

    /**
     * \brief Get the number of processes free for new data.
     * \param now the current time.
     * \return idle processes whose feedback is known.
     */
    uint32_t CountFreeProcesses(Time now) const;

    /**
     * \brief Put a new transport block into a free process.
     * \param tb the block.
     * \param now the current time; a process must be free (CountFreeProcesses(now) > 0).
     * \return the process id.
     */
    uint32_t Start(NrTransportBlock tb, Time now);

    /**
     * \brief Record one transmission (first or retransmission) of a process.
     * \param process the process id.
     * \param sinrLinear the SINR of this transmission, linear.
     * \param errorModel the cell's error model, which combines the transmissions.
     * \return the combined SINR of all transmissions so far (NrErrorModel::CombineSinr).
     */
    double AddTransmission(uint32_t process, double sinrLinear, const NrErrorModel& errorModel);

    /**
     * \brief Get how many times a process's block has been transmitted.
     * \param process the process id.
     * \return the transmissions recorded by AddTransmission().
     */
    uint8_t GetTransmissions(uint32_t process) const;

    /**
     * \brief Conclude the latest transmission of a process.
     * \param process the process id.
     * \param ok whether the receiver decoded it.
     * \param feedbackKnownAt when the sender learns the outcome.
     * \param retxEligibleAt when a retransmission could first be scheduled (used on failure).
     * \return ACKED, RETRANSMIT, or DROPPED when the last allowed attempt failed.
     */
    Outcome Conclude(uint32_t process, bool ok, Time feedbackKnownAt, Time retxEligibleAt);

    /**
     * \brief Get the processes whose retransmission may be scheduled now.
     * \param now the current time.
     * \param[out] due filled with the process ids, earliest eligible first.
     */
    void GetRetransmissionsDue(Time now, std::vector<uint32_t>& due) const;

    /**
     * \brief Mark a due retransmission as scheduled.
     * \param process the process id, in RetxDue.
     */
    void MarkScheduled(uint32_t process);

    /// \return true if some process waits for a retransmission or is retransmitting.
    bool HasPendingRetransmission() const;

    /**
     * \brief Get when the next retransmission may be scheduled.
     * \return the earliest time a process waiting for its retransmission becomes eligible;
     *         Time::Max() if none waits.
     */
    Time GetNextRetransmissionTime() const;

    /**
     * \brief Get when the next busy process frees.
     * \param now the current time.
     * \return the earliest time after \p now at which an idle process's feedback becomes
     *         known; Time::Max() if none is pending (a process in flight frees only after its
     *         outcome is concluded).
     */
    Time GetNextReleaseTime(Time now) const;

    /**
     * \brief Get the transport block of a process.
     * \param process the process id.
     * \return the block, modifiable (the PRB count of a retransmission may change).
     */
    NrTransportBlock& GetTransportBlock(uint32_t process);

    /// \return the number of processes.
    uint32_t GetNProcesses() const;

    /// \return the most transmissions of one block.
    uint8_t GetMaxTransmissions() const;

  private:
    /// The state of one process.
    enum class State
    {
        IDLE,     //!< free once releaseAt has come
        RETX_DUE, //!< a retransmission may be scheduled from retxEligibleAt
        IN_FLIGHT //!< a retransmission is scheduled
    };

    /// One HARQ process.
    struct Process
    {
        State state = State::IDLE; //!< its state
        Time releaseAt;            //!< idle: when the feedback is known
        Time retxEligibleAt;       //!< retx due: from when it may be scheduled
        NrTransportBlock tb;       //!< the block it holds
        std::vector<double> sinrs; //!< the SINR of each transmission
    };

    /**
     * \brief Count the free processes at a time and the next release after it, into the cache.
     * \param now the time.
     */
    void Recount(Time now) const;

    std::vector<Process> m_processes; //!< the processes
    uint8_t m_maxTransmissions;       //!< the most transmissions of one block
    uint32_t m_pendingRetx{0};        //!< processes in RETX_DUE or IN_FLIGHT
    // The free processes hold from one release to the next: a scheduler that asks in every TTI
    // counts them once per release, not once per TTI.
    mutable bool m_countValid{false}; //!< the three below hold (no change since counted)
    mutable Time m_countedAt;         //!< when they were counted
    mutable Time m_nextRelease;       //!< the first release after m_countedAt (Max: none)
    mutable uint32_t m_freeCount{0};  //!< free processes from m_countedAt to m_nextRelease
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_HARQ_ENTITY_H */
