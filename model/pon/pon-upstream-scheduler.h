/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_UPSTREAM_SCHEDULER_H
#define BLUEPRINT_PON_UPSTREAM_SCHEDULER_H

#include "model/pon/pon-dba.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

class PonChannel;
class PonDba;
class PonFlavour;
class PonOltNetDevice;

/**
 * \ingroup blueprint-pon
 * \brief The OLT's upstream TDMA engine: frames, ranging, polling, reports and grants, driven by
 * a PonDba policy.
 *
 * **Frames.** The upstream time at the OLT is cut into frames of F = 125 us (ITU-T) or of one
 * DBA cycle (EPON, whose grants are not framed); a DBA cycle is m whole frames. The bandwidth map
 * of frame k is computed at k F - L, where the lead L = 2 x the farthest ONU's propagation + the
 * ONU response time + the DBA's processing time covers the map's trip down and the burst's trip
 * up (ITU-T equalisation delay; MPCP GATE timing). Every grant is placed in OLT time; the ONU
 * starts its burst its propagation delay earlier, so bursts arrive back to back as planned.
 *
 * **A frame's plan**, in order: the fixed region (standing grants of PonFixedGrantDba, every ONU
 * in index order), the polling block (every m-th frame with a reporting policy: one report-only
 * burst per ONU in index order), cooperative grants at their announced times (PonCooperativeDba),
 * then status-reporting grants, round robin from a rotating start, first fit into the gaps. A
 * burst costs the flavour's overhead time (guard, preamble, delimiter or laser on/off and sync)
 * plus its header, report and payload bytes at the upstream TC rate.
 *
 * **Reports.** An ONU's report travels in its bursts (and in its polling slot): the TC bytes it
 * still holds after the burst. The OLT takes reports in at the polling frames' maps (once per
 * DBA cycle), setting the ONU's outstanding bytes to the report less the payload of grants issued
 * after it; grants then serve outstanding bytes, up to MaxGrant per frame.
 *
 * **Cost grows with the ONUs that have data.** Nothing is scheduled for an idle ONU: standing
 * grants and polling slots are fixed positions, so an ONU that receives a packet with no burst
 * ahead of it schedules its own next poll (or fixed burst) in O(1). The map of a frame visits only
 * ONUs with outstanding bytes or pending reports; when none has any (and no cooperative arrival is
 * due), the maps stop until the next report.
 */
class PonUpstreamScheduler : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PonUpstreamScheduler();

    /**
     * \brief Bind the scheduler to its PON; the layout is fixed on first use, once every ONU is
     * attached.
     * \param olt the OLT device.
     * \param channel the tree.
     * \param flavour the PON flavour.
     * \param dba the policy.
     */
    void Bind(Ptr<PonOltNetDevice> olt,
              Ptr<PonChannel> channel,
              Ptr<PonFlavour> flavour,
              Ptr<PonDba> dba);

    /**
     * \brief An ONU queued a packet (called in the ONU's context). If no burst of the ONU lies
     * ahead, its next polling slot (or standing grant) is scheduled.
     * \param onu the ONU's index.
     */
    void NotifyEnqueue(uint32_t onu);

    /**
     * \brief An ONU finished a granted burst (called in the ONU's context).
     * \param onu the ONU's index.
     * \param standing whether it was a standing (fixed) grant.
     * \param backlog whether the ONU still holds data.
     */
    void NotifyBurstDone(uint32_t onu, bool standing, bool backlog);

    /**
     * \brief An ONU's polling burst has gone (called in the ONU's context).
     * \param onu the ONU's index.
     */
    void NotifyPollDone(uint32_t onu);

    /**
     * \brief A report reached the OLT (called in the OLT's context).
     * \param onu the reporting ONU.
     * \param tcBytes the TC bytes it held after the burst that carried the report.
     * \param burstStart that burst's start at the OLT.
     */
    void ReceiveReport(uint32_t onu, double tcBytes, Time burstStart);

    /// The cooperative policy's announcements changed: make sure maps run for them.
    void NotifyArrivalsAnnounced();

    /// \return the frame F.
    Time GetFrame() const;
    /// \return frames per DBA cycle, m.
    uint32_t GetFramesPerCycle() const;
    /// \return the lead L of a map before its frame.
    Time GetLead() const;
    /// \return the duration of one report-only (polling) burst.
    Time GetPollSlot() const;
    /// \return the payload TC bytes of each ONU's standing grant (fixed policy), else 0.
    uint32_t GetFixedGrantBytes() const;
    /// \return bandwidth maps computed so far.
    uint64_t GetMapsComputed() const;
    /// \return grants issued so far (standing grants and polls not included).
    uint64_t GetGrantsIssued() const;

    /**
     * \brief Fix the layout now, once every ONU is attached (the OLT does it when the simulation
     * starts, and on first use; later calls do nothing).
     * \throws std::logic_error when the standing grants or the polling block do not fit a frame.
     */
    void Configure();

    /// How a flavour's upstream frame is laid out for a number of ONUs under a policy.
    struct FrameLayout
    {
        Time frame;                  //!< the schedule's frame (125 us, or EPON's DBA cycle)
        uint32_t framesPerCycle = 1; //!< frames per DBA cycle
        Time pollSlot;               //!< one report-only burst
        uint32_t fixedBytes = 0;     //!< each ONU's standing grant per frame (payload bytes)
        Time fixedBurst;             //!< the burst that carries it (0 without standing grants)
        std::string problem;         //!< "" if standing grants and polling slots fit a frame
    };

    /**
     * \brief The frame layout Configure uses, without a PON: so that a tree whose standing grants
     * and polling slots do not fit a frame can be refused before anything is built.
     * \param flavour the flavour.
     * \param dba the policy (a fixed-grant policy learns the frame from it).
     * \param onus the ONUs on the tree.
     * \return the layout, with its problem if it does not fit.
     */
    static FrameLayout GetFrameLayout(const PonFlavour& flavour, PonDba& dba, uint32_t onus);

  protected:
    void DoDispose() override;

  private:
    /// A grant issued and not yet taken into account by a later report.
    struct Grant
    {
        Time start;     //!< burst start at the OLT
        double payload; //!< payload TC bytes granted
    };

    /// What the OLT knows and has planned about one ONU.
    struct OnuState
    {
        Time propagation;            //!< one-way delay
        double outstanding = 0.0;    //!< reported bytes not yet granted
        bool hasReport = false;      //!< a report waits to be taken in
        double reportBytes = 0.0;    //!< that report's bytes
        Time reportBurst;            //!< start of the burst that carried it
        std::deque<Grant> issued;    //!< grants issued after the last report taken in
        bool active = false;         //!< in m_active
        bool pendingReport = false;  //!< in m_reported
        uint32_t pendingBursts = 0;  //!< granted bursts not yet sent
        bool pollScheduled = false;  //!< a polling burst is scheduled
        bool fixedScheduled = false; //!< a standing-grant burst is scheduled
        Time fixedOffset;            //!< its standing grant's offset in the frame
    };

    /// A stretch of a frame still free for grants, OLT time.
    struct Gap
    {
        Time start; //!< start
        Time end;   //!< end
    };

    /**
     * \param payloadBytes payload TC bytes.
     * \param report whether the burst carries a report.
     * \return the burst's duration: overhead + (header + report + payload) at the upstream rate.
     */
    Time BurstDuration(double payloadBytes, bool report) const;

    /**
     * \param gap a stretch of time.
     * \param report whether the burst carries a report.
     * \return the payload bytes a burst filling it carries (may be <= 0).
     */
    double PayloadFitting(Time gap, bool report) const;

    /// \param k a frame index \return its start at the OLT
    Time FrameStart(int64_t k) const;

    /// Compute the bandwidth map of frame k and issue its grants.
    /// \param k the frame index
    void ComputeMap(int64_t k);

    /// Take in every pending report.
    void TakeInReports();

    /**
     * \brief Issue one grant: book it and schedule the ONU's burst.
     * \param onu the ONU.
     * \param start burst start at the OLT.
     * \param payload payload TC bytes.
     */
    void Issue(uint32_t onu, Time start, double payload);

    /**
     * \brief Schedule the map of the first frame after `after` that the work waiting needs: the
     * next frame if grants are outstanding, the next polling frame if only reports wait, the
     * frame of the next announced arrival; nothing if there is no work.
     * \param after the frame just planned (or -1).
     */
    void ScheduleNextMap(int64_t after);

    /**
     * \param earliest an earliest map time.
     * \param cycleAligned whether the frame must be a polling frame.
     * \return the first frame whose map time is at or after `earliest`.
     */
    int64_t FirstFrameFrom(Time earliest, bool cycleAligned) const;

    /// Schedule an ONU's next polling burst. \param onu the ONU
    void SchedulePoll(uint32_t onu);

    /// Schedule an ONU's next standing-grant burst. \param onu the ONU
    void ScheduleFixed(uint32_t onu);

    Ptr<PonOltNetDevice> m_olt;       //!< the OLT
    Ptr<PonChannel> m_channel;        //!< the tree
    Ptr<PonFlavour> m_flavour;        //!< the flavour
    Ptr<PonDba> m_dba;                //!< the policy
    bool m_configured;                //!< layout fixed
    bool m_reports;                   //!< the policy uses reports
    Time m_frame;                     //!< F
    uint32_t m_framesPerCycle;        //!< m
    Time m_lead;                      //!< L
    Time m_pollSlot;                  //!< one polling burst
    uint32_t m_fixedBytes;            //!< standing grant payload per ONU
    Time m_fixedRegion;               //!< all standing grants of a frame
    std::vector<OnuState> m_onus;     //!< per ONU
    std::vector<uint32_t> m_active;   //!< ONUs with outstanding bytes
    std::vector<uint32_t> m_reported; //!< ONUs with a pending report
    /// Announced arrivals whose burst did not fit in the rest of their frame: granted first in
    /// the next frame (a burst never crosses a frame boundary).
    std::vector<PonDba::Arrival> m_carried;
    uint32_t m_rotation;    //!< round-robin start
    EventId m_mapEvent;     //!< the next map
    int64_t m_nextMapFrame; //!< its frame, or -1
    uint64_t m_maps;        //!< maps computed
    uint64_t m_grants;      //!< grants issued
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_UPSTREAM_SCHEDULER_H */
