/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_BEAM_SCHEDULER_H
#define BLUEPRINT_NTN_BEAM_SCHEDULER_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief Chooses which terminal a beam's carrier serves next.
 *
 * A beam's carrier (the forward link of one satellite beam, or its return link) sends one packet
 * at a time; this policy picks whose, among the terminals that have a packet and a usable link.
 * Any subclass can be chosen by TypeId (NtnChannel attribute "SchedulerType").
 */
class NtnBeamScheduler : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// A terminal that could be served now.
    struct Candidate
    {
        uint32_t terminal; //!< terminal id on the channel
        double rateBps;    //!< its current rate on this carrier (its MODCOD), bit/s
    };

    /**
     * \brief Choose the next terminal.
     * \param candidates the terminals with a packet and a usable link, in increasing id order;
     *        never empty.
     * \return the position of the chosen one in \p candidates.
     */
    virtual std::size_t Pick(const std::vector<Candidate>& candidates) = 0;

    /**
     * \brief Told after each packet the carrier sent.
     * \param terminal whose packet it was.
     * \param bytes its size.
     * \param now the time its transmission ended.
     */
    virtual void NotifyServed(uint32_t terminal, uint32_t bytes, Time now);
};

/**
 * \ingroup blueprint-ntn
 * \brief Serves the terminals with a packet in turn, one packet each (packet round robin).
 */
class NtnRoundRobinBeamScheduler : public NtnBeamScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    std::size_t Pick(const std::vector<Candidate>& candidates) override;
    void NotifyServed(uint32_t terminal, uint32_t bytes, Time now) override;

  private:
    int64_t m_last = -1; //!< the terminal served last
};

/**
 * \ingroup blueprint-ntn
 * \brief Proportional fair by bytes: serves the terminal with the highest ratio of its current
 * rate to the bytes it was recently served.
 *
 * The served bytes decay exponentially with TimeConstant (the usual PF averaging window, e.g.
 * Jalali, Padovani & Pankaj, "Data throughput of CDMA-HDR", VTC 2000, with 1.67 s there); a
 * terminal whose MODCOD is better than usual gets more, and one starved recently catches up.
 */
class NtnProportionalFairBeamScheduler : public NtnBeamScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnProportionalFairBeamScheduler();

    std::size_t Pick(const std::vector<Candidate>& candidates) override;
    void NotifyServed(uint32_t terminal, uint32_t bytes, Time now) override;

  private:
    /**
     * \param terminal a terminal.
     * \param now the time.
     * \return its served bytes, decayed to now.
     */
    double Served(uint32_t terminal, Time now) const;

    /// Served bytes of a terminal and when they were last updated.
    struct History
    {
        double bytes = 0.0; //!< decayed served bytes
        Time at;            //!< time of the value
    };

    Time m_timeConstant;                   //!< averaging time constant
    std::map<uint32_t, History> m_history; //!< per terminal
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_BEAM_SCHEDULER_H */
