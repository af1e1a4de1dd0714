/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-dba.h"

#include "model/pon/pon-flavour.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonDba");

NS_OBJECT_ENSURE_REGISTERED(PonDba);
NS_OBJECT_ENSURE_REGISTERED(PonStatusReportingDba);
NS_OBJECT_ENSURE_REGISTERED(PonFixedGrantDba);
NS_OBJECT_ENSURE_REGISTERED(PonCooperativeDba);

TypeId
PonDba::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PonDba")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddAttribute("Cycle",
                          "DBA cycle: reports are taken in and idle ONUs polled once per cycle; "
                          "for EPON it is also the schedule's frame. Rounded to whole 125 us "
                          "frames on the ITU-T PONs.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&PonDba::m_cycle),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("MaxGrant",
                          "Most payload bytes one ONU is granted per frame (0: no limit, the "
                          "gated service).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PonDba::m_maxGrant),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ProcessingTime",
                          "Time the OLT needs to compute a bandwidth map, added to the lead "
                          "between a map and the frame it plans.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&PonDba::m_processing),
                          MakeTimeChecker(Time(0)));
    return tid;
}

PonDba::PonDba()
    : m_cycle(MilliSeconds(1)),
      m_maxGrant(0),
      m_processing(0)
{
}

Time
PonDba::GetCycle() const
{
    return m_cycle;
}

uint32_t
PonDba::GetMaxGrantBytes() const
{
    return m_maxGrant;
}

Time
PonDba::GetProcessingTime() const
{
    return m_processing;
}

bool
PonDba::UsesReports() const
{
    return true;
}

uint32_t
PonDba::GetFixedGrantBytes(double frameBytes, double perBurstBytes, uint32_t onus) const
{
    return 0;
}

void
PonDba::TakeArrivals(Time from,
                     Time to,
                     const std::function<Time(uint32_t)>& propagation,
                     const PonFlavour& flavour,
                     std::vector<Arrival>& out)
{
}

Time
PonDba::GetNextArrival() const
{
    return Time::Max();
}

Time
PonDba::GetCooperativeMargin() const
{
    return Time(0);
}

// ------------------------------------------------------------------------------------------

TypeId
PonStatusReportingDba::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::PonStatusReportingDba")
                            .SetParent<PonDba>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<PonStatusReportingDba>();
    return tid;
}

// ------------------------------------------------------------------------------------------

TypeId
PonFixedGrantDba::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PonFixedGrantDba")
            .SetParent<PonDba>()
            .SetGroupName("Blueprint")
            .AddConstructor<PonFixedGrantDba>()
            .AddAttribute("GrantRate",
                          "Payload rate of every ONU's standing grant, bit/s of TC bytes (0: "
                          "share the frame equally).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&PonFixedGrantDba::m_grantRate),
                          MakeDoubleChecker<double>(0.0));
    return tid;
}

PonFixedGrantDba::PonFixedGrantDba()
    : m_grantRate(0.0),
      m_frame(0)
{
}

bool
PonFixedGrantDba::UsesReports() const
{
    return false;
}

void
PonFixedGrantDba::SetFrame(Time frame)
{
    m_frame = frame;
}

uint32_t
PonFixedGrantDba::GetFixedGrantBytes(double frameBytes, double perBurstBytes, uint32_t onus) const
{
    if (onus == 0)
    {
        return 0;
    }
    if (m_grantRate > 0.0)
    {
        return static_cast<uint32_t>(std::floor(m_grantRate * m_frame.GetSeconds() / 8.0));
    }
    const double share = frameBytes / onus - perBurstBytes;
    return share > 0.0 ? static_cast<uint32_t>(std::floor(share)) : 0;
}

// ------------------------------------------------------------------------------------------

TypeId
PonCooperativeDba::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::PonCooperativeDba")
                            .SetParent<PonStatusReportingDba>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<PonCooperativeDba>()
                            .AddAttribute("Margin",
                                          "Time a cooperative grant leaves after the announced "
                                          "data's first bit can reach the OLT (timing slack).",
                                          TimeValue(MicroSeconds(2)),
                                          MakeTimeAccessor(&PonCooperativeDba::m_margin),
                                          MakeTimeChecker(Time(0)));
    return tid;
}

PonCooperativeDba::PonCooperativeDba()
    : m_margin(MicroSeconds(2))
{
}

void
PonCooperativeDba::AddSchedule(uint32_t onu,
                               Time first,
                               Time period,
                               uint32_t packetBytes,
                               uint32_t packets)
{
    NS_ABORT_MSG_IF(!period.IsStrictlyPositive(), "PonCooperativeDba: the period must be > 0");
    NS_ABORT_MSG_IF(packets == 0, "PonCooperativeDba: an arrival has at least one packet");
    m_schedules.push({first, period, onu, packetBytes, packets});
}

void
PonCooperativeDba::TakeArrivals(Time from,
                                Time to,
                                const std::function<Time(uint32_t)>& propagation,
                                const PonFlavour& flavour,
                                std::vector<Arrival>& out)
{
    while (!m_schedules.empty())
    {
        Schedule s = m_schedules.top();
        const Time firstBitAtOlt = s.next + propagation(s.onu);
        if (firstBitAtOlt >= to)
        {
            break;
        }
        m_schedules.pop();
        if (firstBitAtOlt >= from)
        {
            out.push_back({s.next, s.onu, s.packets * flavour.GetEncapsulatedBytes(s.packetBytes)});
        }
        // Arrivals already past the window (a schedule announced late) are skipped.
        s.next += s.period;
        m_schedules.push(s);
    }
}

Time
PonCooperativeDba::GetNextArrival() const
{
    return m_schedules.empty() ? Time::Max() : m_schedules.top().next;
}

Time
PonCooperativeDba::GetCooperativeMargin() const
{
    return m_margin;
}

} // namespace blueprint
} // namespace ns3
