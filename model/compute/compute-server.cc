/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/compute/compute-server.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintComputeServer");

NS_OBJECT_ENSURE_REGISTERED(ComputeServer);

namespace
{

/// Longest service time: 1e9 s (about 31 years), the longest time a scenario may write
/// (doc/scenario-format.rst, Units); ns-3 counts time in 64-bit nanoseconds, about 292 years.
constexpr double kMaxServiceSeconds = 1e9;

} // namespace

TypeId
ComputeServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::ComputeServer")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<ComputeServer>()
            .AddAttribute("Servers",
                          "The number of identical servers K, each serving one request at a time.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&ComputeServer::m_servers),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("QueueLimit",
                          "How many requests may wait while every server is busy; one more is "
                          "dropped. 0 makes a loss system (Erlang's M/M/K/K).",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&ComputeServer::m_queueLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ServiceTime",
                          "The distribution of service times, in seconds; a draw below zero "
                          "counts as zero, one above 1e9 s as 1e9 s.",
                          StringValue("ns3::ConstantRandomVariable[Constant=0.01]"),
                          MakePointerAccessor(&ComputeServer::m_serviceTime),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("IdlePower",
                          "The power of one idle server, W.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&ComputeServer::m_idlePowerW),
                          MakeDoubleChecker<double>(0))
            .AddAttribute("MaxPower",
                          "The power of one busy server, W (linear in between).",
                          DoubleValue(0),
                          MakeDoubleAccessor(&ComputeServer::m_maxPowerW),
                          MakeDoubleChecker<double>(0))
            .AddTraceSource("Drop",
                            "A request was refused: the waiting room was full (its length given).",
                            MakeTraceSourceAccessor(&ComputeServer::m_dropTrace),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("Served",
                            "A service ended: the request's waiting time and service time.",
                            MakeTraceSourceAccessor(&ComputeServer::m_servedTrace),
                            "ns3::blueprint::ComputeServer::ServedTracedCallback");
    return tid;
}

ComputeServer::ComputeServer()
    : m_servers(1),
      m_queueLimit(1000),
      m_idlePowerW(0),
      m_maxPowerW(0),
      m_busy(0),
      m_arrivals(0),
      m_dropped(0),
      m_served(0),
      m_maxQueue(0),
      m_waitSeconds(0),
      m_serviceSeconds(0),
      m_busyServerSeconds(0)
{
    NS_LOG_FUNCTION(this);
}

ComputeServer::~ComputeServer()
{
    NS_LOG_FUNCTION(this);
}

void
ComputeServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // The waiting requests' callbacks hold the applications that submitted them.
    m_queue.clear();
    m_serviceTime = nullptr;
    Object::DoDispose();
}

int64_t
ComputeServer::AssignStreams(int64_t stream)
{
    m_serviceTime->SetStream(stream);
    return 1;
}

bool
ComputeServer::Submit(Completion done)
{
    ++m_arrivals;
    Job job{Simulator::Now(), std::move(done)};
    if (m_busy < m_servers)
    {
        StartService(std::move(job));
        return true;
    }
    if (m_queue.size() >= m_queueLimit)
    {
        ++m_dropped;
        NS_LOG_LOGIC("drop: " << m_busy << " busy, " << m_queue.size() << " waiting");
        m_dropTrace(static_cast<uint32_t>(m_queue.size()));
        return false;
    }
    m_queue.push_back(std::move(job));
    m_maxQueue = std::max(m_maxQueue, static_cast<uint32_t>(m_queue.size()));
    return true;
}

void
ComputeServer::Integrate()
{
    const Time now = Simulator::Now();
    m_busyServerSeconds += m_busy * (now - m_lastChange).GetSeconds();
    m_lastChange = now;
}

void
ComputeServer::StartService(Job job)
{
    Integrate();
    ++m_busy;
    JobTimes times;
    times.arrival = job.arrival;
    times.wait = Simulator::Now() - job.arrival;
    // A distribution with support below zero (a researcher's normal, say) cannot make a service
    // end before it starts, and a heavy tail (a Pareto, a lognormal of large cv) cannot draw a
    // time beyond what ns-3's clock holds with the run's own times added.
    times.service = Seconds(std::clamp(m_serviceTime->GetValue(), 0.0, kMaxServiceSeconds));
    NS_LOG_LOGIC("start: waited " << times.wait.As(Time::MS) << ", serves "
                                  << times.service.As(Time::MS) << ", " << m_busy << " of "
                                  << m_servers << " busy");
    Simulator::Schedule(times.service, &ComputeServer::EndService, this, std::move(job), times);
}

void
ComputeServer::EndService(const Job& job, JobTimes times)
{
    Integrate();
    --m_busy;
    ++m_served;
    m_waitSeconds += times.wait.GetSeconds();
    m_serviceSeconds += times.service.GetSeconds();
    m_servedTrace(times.wait, times.service);
    // The next request takes the server before the finished one's callback runs, so a callback
    // that submits again (a chain through one node) queues behind the requests already waiting.
    if (!m_queue.empty())
    {
        Job next = std::move(m_queue.front());
        m_queue.pop_front();
        StartService(std::move(next));
    }
    if (job.done)
    {
        job.done(times);
    }
}

uint32_t
ComputeServer::GetServers() const
{
    return m_servers;
}

uint32_t
ComputeServer::GetQueueLimit() const
{
    return m_queueLimit;
}

uint64_t
ComputeServer::GetArrivals() const
{
    return m_arrivals;
}

uint64_t
ComputeServer::GetDropped() const
{
    return m_dropped;
}

uint64_t
ComputeServer::GetServed() const
{
    return m_served;
}

uint32_t
ComputeServer::GetBusyServers() const
{
    return m_busy;
}

uint32_t
ComputeServer::GetQueueLength() const
{
    return static_cast<uint32_t>(m_queue.size());
}

uint32_t
ComputeServer::GetMaxQueueLength() const
{
    return m_maxQueue;
}

double
ComputeServer::GetTotalWaitSeconds() const
{
    return m_waitSeconds;
}

double
ComputeServer::GetTotalServiceSeconds() const
{
    return m_serviceSeconds;
}

double
ComputeServer::GetBusyServerSeconds(Time now) const
{
    return m_busyServerSeconds + m_busy * std::max(0.0, (now - m_lastChange).GetSeconds());
}

double
ComputeServer::GetEnergyJoules(Time now) const
{
    return m_servers * m_idlePowerW * now.GetSeconds() +
           (m_maxPowerW - m_idlePowerW) * GetBusyServerSeconds(now);
}

double
ComputeServer::GetIdlePower() const
{
    return m_idlePowerW;
}

double
ComputeServer::GetMaxPower() const
{
    return m_maxPowerW;
}

} // namespace blueprint
} // namespace ns3
