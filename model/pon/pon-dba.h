/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_DBA_H
#define BLUEPRINT_PON_DBA_H

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace ns3
{
namespace blueprint
{

class PonFlavour;

/**
 * \ingroup blueprint-pon
 * \brief The OLT's dynamic bandwidth assignment policy: who may send upstream, when and how much.
 *
 * PonUpstreamScheduler runs the mechanics common to every policy (the frame plan, ranging,
 * polling, report book-keeping, grant messages, fragmentation); the policy answers a few
 * questions, so a new one is a small subclass selected by TypeId (attribute Dba of
 * ns3::blueprint::PonOltNetDevice):
 *
 * - ns3::blueprint::PonStatusReportingDba: every ONU reports its queue (DBRu, MPCP REPORT), in its
 * bursts and in a polling slot once per Cycle; the OLT takes in the reports once per Cycle and
 * grants what was reported, round robin, up to MaxGrant per ONU and frame (ITU-T G.984.3 / G.9807.1
 *   status-reporting DBA; IEEE 802.3 MPCP with a gated or limited IPACT-style service).
 * - ns3::blueprint::PonFixedGrantDba: every ONU holds the same standing grant in every frame,
 * whether it has data or not, and sends no reports (ITU-T T-CONT type 1, unsolicited fixed
 * bandwidth).
 * - ns3::blueprint::PonCooperativeDba: status reporting plus cooperative grants: the mobile
 * scheduler tells the OLT ahead of time when and how much upstream data each ONU will receive (the
 * O-RAN Cooperative Transport Interface), and the OLT places a grant right after it arrives (ITU-T
 *   G.Sup71, cooperative DBA for mobile fronthaul and backhaul).
 */
class PonDba : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PonDba();

    /// \return the DBA cycle: how often reports are taken in and idle ONUs polled.
    Time GetCycle() const;

    /// \return the most payload bytes one ONU is granted per frame (0 = no limit).
    uint32_t GetMaxGrantBytes() const;

    /// \return the time the OLT needs to compute a bandwidth map.
    Time GetProcessingTime() const;

    /// \return whether ONUs report their queues (and are polled).
    virtual bool UsesReports() const;

    /**
     * \brief The standing grant of every ONU in every frame.
     * \param frameBytes TC bytes of one frame.
     * \param perBurstBytes TC bytes a burst costs besides its payload (overhead time and header).
     * \param onus the number of ONUs.
     * \return payload TC bytes per ONU and frame; 0 for policies without standing grants.
     */
    virtual uint32_t GetFixedGrantBytes(double frameBytes,
                                        double perBurstBytes,
                                        uint32_t onus) const;

    /// One announced upstream arrival at an ONU.
    struct Arrival
    {
        Time at;          //!< when the data reaches the ONU
        uint32_t onu;     //!< which ONU
        uint32_t tcBytes; //!< its size in TC bytes (encapsulated)
    };

    /**
     * \brief Announced arrivals whose first bit can reach the OLT within [from, to): at + the
     * ONU's propagation delay in that window. Each is returned once.
     * \param from window start (OLT time).
     * \param to window end.
     * \param propagation the ONU's one-way delay, by index.
     * \param flavour the PON's flavour (for encapsulation).
     * \param[out] out the arrivals, in time order.
     */
    virtual void TakeArrivals(Time from,
                              Time to,
                              const std::function<Time(uint32_t)>& propagation,
                              const PonFlavour& flavour,
                              std::vector<Arrival>& out);

    /// \return the earliest announced arrival still to come, or Time::Max() if none.
    virtual Time GetNextArrival() const;

    /// \return the margin a cooperative grant leaves after an announced arrival.
    virtual Time GetCooperativeMargin() const;

  protected:
    Time m_cycle;        //!< DBA cycle (attribute Cycle)
    uint32_t m_maxGrant; //!< bytes per ONU and frame, 0 = unlimited (attribute MaxGrant)
    Time m_processing;   //!< bandwidth-map computation time (attribute ProcessingTime)
};

/**
 * \ingroup blueprint-pon
 * \brief Status-reporting DBA: grants follow the ONUs' reports (see PonDba).
 */
class PonStatusReportingDba : public PonDba
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
};

/**
 * \ingroup blueprint-pon
 * \brief Fixed grants: every ONU the same standing allocation in every frame, no reports.
 *
 * GrantRate sets each ONU's rate; zero shares the frame equally among the ONUs after their
 * burst overheads.
 */
class PonFixedGrantDba : public PonDba
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    PonFixedGrantDba();
    bool UsesReports() const override;
    uint32_t GetFixedGrantBytes(double frameBytes,
                                double perBurstBytes,
                                uint32_t onus) const override;

    /**
     * \brief The frame this policy plans with, to turn GrantRate into bytes.
     * \param frame the upstream frame.
     */
    void SetFrame(Time frame);

  private:
    double m_grantRate; //!< bit/s of TC payload per ONU; 0 = equal share (attribute GrantRate)
    Time m_frame;       //!< the frame duration
};

/**
 * \ingroup blueprint-pon
 * \brief Cooperative DBA (ITU-T G.Sup71): status reporting plus grants placed on the arrivals the
 * mobile scheduler announces through the Cooperative Transport Interface.
 *
 * AddSchedule() announces a periodic arrival (a TDD pattern's uplink slots: every period, so many
 * packets of so many bytes) at one ONU. Each announced arrival gets a grant starting Margin after
 * its first bit can reach the OLT, sized for the announced packets; anything beyond the
 * announcement waits for the status-reporting grants.
 */
class PonCooperativeDba : public PonStatusReportingDba
{
  public:
    /// \return the object TypeId
    static TypeId GetTypeId();
    PonCooperativeDba();

    /**
     * \brief Announce periodic upstream arrivals at an ONU.
     * \param onu the ONU's index on the tree.
     * \param first the first arrival.
     * \param period the interval between arrivals (> 0).
     * \param packetBytes IP packet size.
     * \param packets packets per arrival.
     */
    void AddSchedule(uint32_t onu, Time first, Time period, uint32_t packetBytes, uint32_t packets);

    void TakeArrivals(Time from,
                      Time to,
                      const std::function<Time(uint32_t)>& propagation,
                      const PonFlavour& flavour,
                      std::vector<Arrival>& out) override;
    Time GetNextArrival() const override;
    Time GetCooperativeMargin() const override;

  private:
    /// One announced periodic arrival.
    struct Schedule
    {
        Time next;            //!< the next arrival
        Time period;          //!< between arrivals
        uint32_t onu;         //!< the ONU
        uint32_t packetBytes; //!< IP packet size
        uint32_t packets;     //!< packets per arrival

        /// \param o another schedule \return whether this one comes later (min-heap order)
        bool operator>(const Schedule& o) const
        {
            return next > o.next || (next == o.next && onu > o.onu);
        }
    };

    /// Announced schedules, earliest next arrival first.
    std::priority_queue<Schedule, std::vector<Schedule>, std::greater<Schedule>> m_schedules;
    Time m_margin; //!< after the first bit can arrive (attribute Margin)
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_DBA_H */
