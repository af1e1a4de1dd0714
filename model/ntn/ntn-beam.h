/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_BEAM_H
#define BLUEPRINT_NTN_BEAM_H

#include "model/ntn/ntn-beam-scheduler.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/random-variable-stream.h"

#include <cstdint>
#include <deque>
#include <set>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief What a beam's carrier asks of the channel about the terminals it serves.
 */
class NtnBeamClient
{
  public:
    virtual ~NtnBeamClient() = default;

    /**
     * \param terminal a member terminal.
     * \param forward true for the forward (gateway to terminal) carrier, false for the return.
     * \return true if it has a packet waiting in that direction.
     */
    virtual bool HasPacket(uint32_t terminal, bool forward) const = 0;

    /**
     * \brief Called when a packet would be served to a terminal whose link is interrupted and
     * whose packets are dropped then: drop what waits.
     * \param terminal a member terminal.
     * \param forward the direction.
     * \return true if the terminal's packets are dropped rather than held now.
     */
    virtual bool DropIfInterrupted(uint32_t terminal, bool forward) = 0;

    /**
     * \param terminal a member terminal.
     * \param forward the direction.
     * \return its current rate on this carrier, bit/s; 0 if it cannot be served now (no usable
     *         MODCOD, or its link is interrupted).
     */
    virtual double GetServiceRate(uint32_t terminal, bool forward) = 0;

    /**
     * \param terminal a member terminal with a packet.
     * \param forward the direction.
     * \return its next packet, removed from its queue.
     */
    virtual Ptr<Packet> Dequeue(uint32_t terminal, bool forward) = 0;

    /**
     * \brief A packet has been sent on the carrier: carry it over the path.
     * \param terminal whose packet.
     * \param forward the direction.
     * \param packet the packet.
     * \param txStart when its transmission started.
     */
    virtual void Transmitted(uint32_t terminal, bool forward, Ptr<Packet> packet, Time txStart) = 0;
};

/**
 * \ingroup blueprint-ntn
 * \brief One carrier of one beam: a time-division carrier (DVB-S2X style) that sends one
 * packet at a time, each at the rate of its terminal's MODCOD, shared among the beam's member
 * terminals by a scheduler and with the beam's other subscribers (background load).
 *
 * A packet of L bytes to or from a terminal whose MODCOD gives R bit/s occupies the carrier for
 * 8 L / R; so a terminal's throughput follows its link budget and how much of the carrier the
 * others take. The background load stands for the subscribers of the beam that the scenario
 * does not simulate: bursts of carrier time (exponentially distributed, mean BackgroundBurst)
 * arriving as a Poisson process at BackgroundLoad / BackgroundBurst per second. The carrier
 * serves first come, first served between the others and the simulated terminals: before a
 * simulated packet it finishes the others' work that arrived earlier, and what they send
 * meanwhile waits for that packet. So the others always get their BackgroundLoad (a saturated
 * simulated terminal gets the 1 - BackgroundLoad left), and a light simulated flow (a ping)
 * waits as in an M/G/1 queue, on average BackgroundLoad x E[burst^2] / (2 E[burst]
 * (1 - BackgroundLoad)) = BackgroundLoad x BackgroundBurst / (1 - BackgroundLoad) for
 * exponential bursts (Pollaczek-Khinchine; Kleinrock, Queueing Systems vol. 1, section 5.7).
 * Background bursts are drawn only when a simulated
 * packet needs the carrier; an idle beam schedules nothing.
 *
 * With a FrameDuration, a transmission starts only at a frame boundary (a multiple of the frame
 * since t = 0), as on a framed air interface: Starlink's downlink frame is 1/750 s (Humphreys
 * et al., "Signal structure of the Starlink Ku-band downlink", IEEE TAES 2023). With a
 * SchedulingLead of k frames, the scheduler decides at a boundary what the frame k later
 * carries (a frame is planned before it starts, as a DVB-RCS2 burst time plan or an LTE uplink
 * grant four subframes ahead), so a packet that finds the carrier idle waits for the next
 * boundary and k frames more. A carrier that is busy sends its next packet straight after the
 * last one; only a carrier that was idle waits.
 */
class NtnBeam : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnBeam();

    /**
     * \brief Connect the carrier to the channel it serves.
     * \param client the channel (not owned; it owns this beam).
     * \param forward true for a forward carrier, false for a return carrier.
     * \param scheduler the policy choosing among terminals.
     */
    void Setup(NtnBeamClient* client, bool forward, Ptr<NtnBeamScheduler> scheduler);

    /**
     * \param terminal a terminal joining the beam (its packets, if any, become eligible).
     */
    void Add(uint32_t terminal);

    /**
     * \param terminal a terminal leaving the beam (a packet on the air finishes).
     */
    void Remove(uint32_t terminal);

    /// \return the number of member terminals.
    std::size_t GetMembers() const;

    /**
     * \brief A member has a packet waiting (or may be served again): serve it when the carrier
     * is free.
     * \param terminal the member.
     */
    void NotifyBacklog(uint32_t terminal);

    /**
     * \brief Fix the random streams of the background load.
     * \param stream the first stream index.
     * \return the number of streams used (2).
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    /// Start the next transmission if the carrier is free and someone can be served.
    void Serve();

    /// The carrier finished a transmission or a background busy period.
    void CarrierFree();

    /**
     * \brief Bring the background work up to a time.
     * \param t the time.
     * \param drains whether the carrier worked on background work since the last update (it was
     *        not busy with a simulated packet).
     */
    void AdvanceBackground(Time t, bool drains);

    NtnBeamClient* m_client;              //!< the channel
    bool m_forward;                       //!< direction
    Ptr<NtnBeamScheduler> m_scheduler;    //!< policy
    std::set<uint32_t> m_members;         //!< member terminals
    bool m_busy;                          //!< a packet or background burst is on the air
    EventId m_freeEvent;                  //!< end of the current transmission
    double m_backgroundLoad;              //!< fraction of carrier time of other subscribers
    Time m_backgroundBurst;               //!< mean carrier time of one background burst
    std::deque<double> m_backgroundQueue; //!< background bursts waiting (first: in service), s
    bool m_simulatedNext;         //!< the others' earlier work is done: a simulated packet next
    Time m_backgroundTime;        //!< time the queue was last brought up to
    Time m_nextBackgroundArrival; //!< next background burst arrival
    Ptr<ExponentialRandomVariable> m_gap;   //!< gaps between background bursts
    Ptr<ExponentialRandomVariable> m_burst; //!< background burst lengths
    Time m_frame;                           //!< transmissions start on multiples of this
    uint32_t m_lead;                        //!< frames between a decision and its frame
    Time m_lastTxEnd;                       //!< end of the last simulated transmission
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_BEAM_H */
