/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-upstream-scheduler.h"

#include "model/pon/pon-channel.h"
#include "model/pon/pon-dba.h"
#include "model/pon/pon-flavour.h"
#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-onu-net-device.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonUpstreamScheduler");

NS_OBJECT_ENSURE_REGISTERED(PonUpstreamScheduler);

TypeId
PonUpstreamScheduler::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::PonUpstreamScheduler")
                            .SetParent<Object>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<PonUpstreamScheduler>();
    return tid;
}

PonUpstreamScheduler::PonUpstreamScheduler()
    : m_configured(false),
      m_reports(true),
      m_framesPerCycle(1),
      m_fixedBytes(0),
      m_rotation(0),
      m_nextMapFrame(-1),
      m_maps(0),
      m_grants(0)
{
    NS_LOG_FUNCTION(this);
}

void
PonUpstreamScheduler::DoDispose()
{
    m_mapEvent.Cancel();
    m_olt = nullptr;
    m_channel = nullptr;
    m_flavour = nullptr;
    m_dba = nullptr;
    Object::DoDispose();
}

void
PonUpstreamScheduler::Bind(Ptr<PonOltNetDevice> olt,
                           Ptr<PonChannel> channel,
                           Ptr<PonFlavour> flavour,
                           Ptr<PonDba> dba)
{
    m_olt = olt;
    m_channel = channel;
    m_flavour = flavour;
    m_dba = dba;
    m_configured = false;
}

namespace
{

/// A burst of a flavour: its overhead time, then header, report and payload bytes.
Time
BurstDurationOf(const PonFlavour& flavour, double payloadBytes, bool report)
{
    return flavour.GetBurstOverhead() +
           flavour.UpstreamTime(flavour.GetBurstHeaderBytes() +
                                (report ? flavour.GetReportBytes() : 0) + payloadBytes);
}

} // namespace

Time
PonUpstreamScheduler::BurstDuration(double payloadBytes, bool report) const
{
    return BurstDurationOf(*m_flavour, payloadBytes, report);
}

PonUpstreamScheduler::FrameLayout
PonUpstreamScheduler::GetFrameLayout(const PonFlavour& flavour, PonDba& dba, uint32_t onus)
{
    FrameLayout layout;
    layout.frame = flavour.GetUpstreamFrame();
    if (layout.frame.IsZero())
    {
        layout.frame = dba.GetCycle(); // EPON: the DBA cycle frames the schedule
    }
    layout.framesPerCycle = static_cast<uint32_t>(
        std::max<int64_t>(1,
                          std::llround(dba.GetCycle().GetSeconds() / layout.frame.GetSeconds())));
    layout.pollSlot = BurstDurationOf(flavour, 0.0, true);
    if (auto* fixed = dynamic_cast<PonFixedGrantDba*>(&dba))
    {
        fixed->SetFrame(layout.frame);
    }
    const double rate = flavour.GetUpstreamByteRate();
    const double perBurst =
        flavour.GetBurstOverhead().GetSeconds() * rate + flavour.GetBurstHeaderBytes();
    layout.fixedBytes = dba.GetFixedGrantBytes(layout.frame.GetSeconds() * rate, perBurst, onus);
    layout.fixedBurst =
        layout.fixedBytes > 0 ? BurstDurationOf(flavour, layout.fixedBytes, false) : Time(0);
    const Time polling = dba.UsesReports() ? onus * layout.pollSlot : Time(0);
    if (onus * layout.fixedBurst + polling > layout.frame)
    {
        std::ostringstream msg;
        msg << flavour.GetName() << " PON: the standing grants and polling slots of " << onus
            << " ONUs need " << (onus * layout.fixedBurst + polling).As(Time::US)
            << ", more than the " << layout.frame.As(Time::US) << " frame";
        layout.problem = msg.str();
    }
    return layout;
}

double
PonUpstreamScheduler::PayloadFitting(Time gap, bool report) const
{
    // A gap shorter than a burst's guard and preamble holds nothing (and a negative Time must not
    // reach GetSeconds: ns-3 3.37's int64x64 conversion shifts its negative value left).
    if (gap <= m_flavour->GetBurstOverhead())
    {
        return 0;
    }
    return (gap - m_flavour->GetBurstOverhead()).GetSeconds() * m_flavour->GetUpstreamByteRate() -
           m_flavour->GetBurstHeaderBytes() - (report ? m_flavour->GetReportBytes() : 0);
}

Time
PonUpstreamScheduler::FrameStart(int64_t k) const
{
    return m_frame * k;
}

void
PonUpstreamScheduler::Configure()
{
    NS_LOG_FUNCTION(this);
    if (m_configured)
    {
        return;
    }
    NS_ABORT_MSG_IF(!m_olt || !m_channel || !m_flavour || !m_dba,
                    "PonUpstreamScheduler: not bound to a PON");
    const uint32_t n = m_channel->GetNOnus();
    m_reports = m_dba->UsesReports();
    const FrameLayout layout = GetFrameLayout(*m_flavour, *m_dba, n);
    if (!layout.problem.empty())
    {
        throw std::logic_error(layout.problem);
    }
    m_frame = layout.frame;
    m_framesPerCycle = layout.framesPerCycle;
    m_lead = 2 * m_channel->GetMaxPropagationDelay() + m_flavour->GetOnuResponseTime() +
             m_dba->GetProcessingTime();
    m_pollSlot = layout.pollSlot;
    m_fixedBytes = layout.fixedBytes;
    m_onus.assign(n, OnuState());
    for (uint32_t i = 0; i < n; ++i)
    {
        m_onus[i].propagation = m_channel->GetPropagationDelay(i);
        m_onus[i].fixedOffset = i * layout.fixedBurst;
    }
    m_fixedRegion = n * layout.fixedBurst;
    // Standing allocations cost downstream grant messages every frame: polls once per cycle,
    // standing grants every frame.
    const double standingPerFrame =
        (m_fixedBytes > 0 ? n : 0) + (m_reports ? static_cast<double>(n) / m_framesPerCycle : 0.0);
    m_olt->SetStandingControlFraction(standingPerFrame * m_flavour->GetGrantMessageBytes() /
                                      (m_frame.GetSeconds() * m_flavour->GetDownstreamByteRate()));
    m_configured = true;
    NS_LOG_INFO(m_flavour->GetName()
                << ": frame " << m_frame.As(Time::US) << ", " << m_framesPerCycle
                << " per cycle, lead " << m_lead.As(Time::US) << ", poll slot "
                << m_pollSlot.As(Time::NS) << ", fixed grant " << m_fixedBytes << " B");
}

int64_t
PonUpstreamScheduler::FirstFrameFrom(Time earliest, bool cycleAligned) const
{
    const int64_t step = m_frame.GetTimeStep();
    const int64_t need = (earliest + m_lead).GetTimeStep();
    int64_t k = need <= 0 ? 0 : (need + step - 1) / step;
    if (cycleAligned)
    {
        k = (k + m_framesPerCycle - 1) / m_framesPerCycle * m_framesPerCycle;
    }
    return k;
}

void
PonUpstreamScheduler::ScheduleNextMap(int64_t after)
{
    const Time now = Simulator::Now();
    int64_t k = -1;
    if (!m_active.empty())
    {
        k = std::max(after + 1, FirstFrameFrom(now, false));
    }
    else if (!m_reported.empty())
    {
        k = FirstFrameFrom(now, true);
        while (k <= after)
        {
            k += m_framesPerCycle;
        }
    }
    if (!m_carried.empty())
    {
        const int64_t kc = std::max(after + 1, FirstFrameFrom(now, false));
        k = k < 0 ? kc : std::min(k, kc);
    }
    const Time arrival = m_dba->GetNextArrival();
    if (arrival != Time::Max())
    {
        const int64_t ka = std::max(
            {after + 1, FirstFrameFrom(now, false), arrival.GetTimeStep() / m_frame.GetTimeStep()});
        k = k < 0 ? ka : std::min(k, ka);
    }
    if (k < 0)
    {
        return;
    }
    if (m_mapEvent.IsRunning())
    {
        if (m_nextMapFrame <= k)
        {
            return;
        }
        m_mapEvent.Cancel();
    }
    m_nextMapFrame = k;
    m_mapEvent = Simulator::Schedule(FrameStart(k) - m_lead - now,
                                     &PonUpstreamScheduler::ComputeMap,
                                     this,
                                     k);
}

void
PonUpstreamScheduler::TakeInReports()
{
    for (uint32_t i : m_reported)
    {
        OnuState& st = m_onus[i];
        st.pendingReport = false;
        if (!st.hasReport)
        {
            continue;
        }
        st.hasReport = false;
        // Grants issued after the reporting burst will serve part of what it reported.
        while (!st.issued.empty() && st.issued.front().start <= st.reportBurst)
        {
            st.issued.pop_front();
        }
        double coming = 0.0;
        for (const Grant& g : st.issued)
        {
            coming += g.payload;
        }
        st.outstanding = std::max(0.0, st.reportBytes - coming);
        if (st.outstanding >= 1.0 && !st.active)
        {
            st.active = true;
            m_active.push_back(i);
        }
    }
    m_reported.clear();
}

void
PonUpstreamScheduler::Issue(uint32_t onu, Time start, double payload)
{
    OnuState& st = m_onus[onu];
    st.issued.push_back({start, payload});
    ++st.pendingBursts;
    ++m_grants;
    m_olt->AddDownstreamControlBytes(m_flavour->GetGrantMessageBytes());
    Ptr<PonOnuNetDevice> dev = m_channel->GetOnu(onu);
    const Time transmitIn = start - st.propagation - Simulator::Now();
    NS_ASSERT_MSG(!transmitIn.IsStrictlyNegative(), "a grant cannot start in the past");
    Simulator::ScheduleWithContext(dev->GetNode()->GetId(),
                                   transmitIn,
                                   &PonOnuNetDevice::TransmitBurst,
                                   dev,
                                   static_cast<uint32_t>(payload),
                                   m_reports,
                                   start,
                                   false);
}

void
PonUpstreamScheduler::ComputeMap(int64_t k)
{
    NS_LOG_FUNCTION(this << k);
    m_nextMapFrame = -1;
    ++m_maps;
    const Time frameStart = FrameStart(k);
    const Time frameEnd = frameStart + m_frame;
    Time free = frameStart + m_fixedRegion;
    if (m_reports && k % m_framesPerCycle == 0)
    {
        TakeInReports();
        free += m_channel->GetNOnus() * m_pollSlot;
    }

    // Cooperative grants at the announced arrivals, in time order.
    std::vector<Gap> gaps;
    std::vector<PonDba::Arrival> arrivals;
    arrivals.swap(m_carried);
    m_dba->TakeArrivals(
        frameStart,
        frameEnd,
        [this](uint32_t onu) { return m_onus[onu].propagation; },
        *m_flavour,
        arrivals);
    const Time margin = m_dba->GetCooperativeMargin();
    for (const PonDba::Arrival& a : arrivals)
    {
        const Time start = std::max(a.at + m_onus[a.onu].propagation + margin, free);
        const Time duration = BurstDuration(a.tcBytes, true);
        if (start + duration > frameEnd)
        {
            // No room left in this frame: the first free time of the next. Dropped, it would wait
            // for status reporting, a whole period late every time for a period that is a
            // multiple of the frame (an O-DU's 500 us slots against G-PON's 125 us frames).
            m_carried.push_back(a);
            continue;
        }
        if (start > free)
        {
            gaps.push_back({free, start});
        }
        Issue(a.onu, start, a.tcBytes);
        free = start + duration;
    }
    gaps.push_back({free, frameEnd});

    // Status-reporting grants: round robin from a rotating start, first fit.
    const double minUseful = m_flavour->SupportsFragmentation()
                                 ? m_flavour->GetFragmentHeaderBytes() + 1.0
                                 : m_flavour->GetEncapsulatedBytes(0);
    const uint32_t maxGrant = m_dba->GetMaxGrantBytes();
    const std::size_t n = m_active.size();
    for (std::size_t j = 0; j < n; ++j)
    {
        const uint32_t onu = m_active[(m_rotation + j) % n];
        OnuState& st = m_onus[onu];
        if (st.outstanding < 1.0)
        {
            continue;
        }
        double want = st.outstanding;
        if (maxGrant > 0)
        {
            want = std::min(want, static_cast<double>(maxGrant));
        }
        bool placed = false;
        for (Gap& gap : gaps)
        {
            const double room = std::floor(PayloadFitting(gap.end - gap.start, m_reports));
            if (room < minUseful)
            {
                continue;
            }
            const double payload = std::min(std::ceil(want), room);
            Issue(onu, gap.start, payload);
            gap.start += BurstDuration(payload, m_reports);
            st.outstanding = std::max(0.0, st.outstanding - payload);
            placed = true;
            break;
        }
        if (!placed)
        {
            break; // the frame is full
        }
    }
    if (n > 0)
    {
        m_rotation = (m_rotation + 1) % n;
    }
    // Drop the ONUs whose reported bytes are all granted.
    m_active.erase(std::remove_if(m_active.begin(),
                                  m_active.end(),
                                  [this](uint32_t onu) {
                                      if (m_onus[onu].outstanding >= 1.0)
                                      {
                                          return false;
                                      }
                                      m_onus[onu].active = false;
                                      return true;
                                  }),
                   m_active.end());
    ScheduleNextMap(k);
}

void
PonUpstreamScheduler::SchedulePoll(uint32_t onu)
{
    OnuState& st = m_onus[onu];
    const Time offset = m_fixedRegion + onu * m_pollSlot;
    // The first polling frame whose slot the ONU can still reach.
    const int64_t need = (Simulator::Now() + st.propagation - offset).GetTimeStep();
    const int64_t step = m_frame.GetTimeStep();
    int64_t k = need <= 0 ? 0 : (need + step - 1) / step;
    k = (k + m_framesPerCycle - 1) / m_framesPerCycle * m_framesPerCycle;
    const Time start = FrameStart(k) + offset;
    st.pollScheduled = true;
    Ptr<PonOnuNetDevice> dev = m_channel->GetOnu(onu);
    Simulator::Schedule(start - st.propagation - Simulator::Now(),
                        &PonOnuNetDevice::TransmitPoll,
                        dev,
                        start);
}

void
PonUpstreamScheduler::ScheduleFixed(uint32_t onu)
{
    OnuState& st = m_onus[onu];
    const int64_t need = (Simulator::Now() + st.propagation - st.fixedOffset).GetTimeStep();
    const int64_t step = m_frame.GetTimeStep();
    const int64_t k = need <= 0 ? 0 : (need + step - 1) / step;
    const Time start = FrameStart(k) + st.fixedOffset;
    st.fixedScheduled = true;
    Ptr<PonOnuNetDevice> dev = m_channel->GetOnu(onu);
    Simulator::Schedule(start - st.propagation - Simulator::Now(),
                        &PonOnuNetDevice::TransmitBurst,
                        dev,
                        m_fixedBytes,
                        false,
                        start,
                        true);
}

void
PonUpstreamScheduler::NotifyEnqueue(uint32_t onu)
{
    Configure();
    OnuState& st = m_onus.at(onu);
    if (m_fixedBytes > 0)
    {
        if (!st.fixedScheduled)
        {
            ScheduleFixed(onu);
        }
        return;
    }
    if (m_reports && st.pendingBursts == 0 && !st.pollScheduled)
    {
        SchedulePoll(onu);
    }
}

void
PonUpstreamScheduler::NotifyBurstDone(uint32_t onu, bool standing, bool backlog)
{
    OnuState& st = m_onus.at(onu);
    if (standing)
    {
        st.fixedScheduled = false;
        if (backlog)
        {
            ScheduleFixed(onu);
        }
        return;
    }
    NS_ASSERT(st.pendingBursts > 0);
    --st.pendingBursts;
}

void
PonUpstreamScheduler::NotifyPollDone(uint32_t onu)
{
    m_onus.at(onu).pollScheduled = false;
}

void
PonUpstreamScheduler::ReceiveReport(uint32_t onu, double tcBytes, Time burstStart)
{
    NS_LOG_FUNCTION(this << onu << tcBytes << burstStart);
    OnuState& st = m_onus.at(onu);
    st.hasReport = true;
    st.reportBytes = tcBytes;
    st.reportBurst = burstStart;
    if (!st.pendingReport)
    {
        st.pendingReport = true;
        m_reported.push_back(onu);
    }
    ScheduleNextMap(-1);
}

void
PonUpstreamScheduler::NotifyArrivalsAnnounced()
{
    Configure();
    ScheduleNextMap(-1);
}

Time
PonUpstreamScheduler::GetFrame() const
{
    return m_frame;
}

uint32_t
PonUpstreamScheduler::GetFramesPerCycle() const
{
    return m_framesPerCycle;
}

Time
PonUpstreamScheduler::GetLead() const
{
    return m_lead;
}

Time
PonUpstreamScheduler::GetPollSlot() const
{
    return m_pollSlot;
}

uint32_t
PonUpstreamScheduler::GetFixedGrantBytes() const
{
    return m_fixedBytes;
}

uint64_t
PonUpstreamScheduler::GetMapsComputed() const
{
    return m_maps;
}

uint64_t
PonUpstreamScheduler::GetGrantsIssued() const
{
    return m_grants;
}

} // namespace blueprint
} // namespace ns3
