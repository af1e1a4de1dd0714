/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-beam.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <vector>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnBeam");

NS_OBJECT_ENSURE_REGISTERED(NtnBeam);

TypeId
NtnBeam::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnBeam")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnBeam>()
            .AddAttribute("BackgroundLoad",
                          "Fraction of the carrier's time taken by subscribers the scenario does "
                          "not simulate (0 = none).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&NtnBeam::m_backgroundLoad),
                          MakeDoubleChecker<double>(0.0, 0.99))
            .AddAttribute("BackgroundBurst",
                          "Mean carrier time of one background burst (exponentially "
                          "distributed; an assumption: about one large web object at beam rate).",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&NtnBeam::m_backgroundBurst),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("FrameDuration",
                          "Transmissions start at multiples of this (0 = at any time).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnBeam::m_frame),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SchedulingLead",
                          "Frames between the boundary at which an idle carrier's scheduler "
                          "decides and the frame that carries its decision (0 = that frame).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NtnBeam::m_lead),
                          MakeUintegerChecker<uint32_t>(0, 1000));
    return tid;
}

NtnBeam::NtnBeam()
    : m_client(nullptr),
      m_forward(true),
      m_busy(false),
      m_backgroundLoad(0.0),
      m_backgroundBurst(MilliSeconds(1)),
      m_simulatedNext(false),
      m_nextBackgroundArrival(Time::Max()),
      m_frame(Seconds(0)),
      m_lead(0)
{
    m_gap = CreateObject<ExponentialRandomVariable>();
    m_burst = CreateObject<ExponentialRandomVariable>();
}

void
NtnBeam::DoDispose()
{
    m_freeEvent.Cancel();
    m_client = nullptr;
    m_scheduler = nullptr;
    m_gap = nullptr;
    m_burst = nullptr;
    Object::DoDispose();
}

void
NtnBeam::Setup(NtnBeamClient* client, bool forward, Ptr<NtnBeamScheduler> scheduler)
{
    m_client = client;
    m_forward = forward;
    m_scheduler = scheduler;
    m_backgroundTime = Simulator::Now();
    if (m_backgroundLoad > 0)
    {
        const double mean = m_backgroundBurst.GetSeconds();
        m_gap->SetAttribute("Mean", DoubleValue(mean / m_backgroundLoad));
        m_burst->SetAttribute("Mean", DoubleValue(mean));
        m_nextBackgroundArrival = Simulator::Now() + Seconds(m_gap->GetValue());
    }
}

int64_t
NtnBeam::AssignStreams(int64_t stream)
{
    m_gap->SetStream(stream);
    m_burst->SetStream(stream + 1);
    return 2;
}

void
NtnBeam::Add(uint32_t terminal)
{
    m_members.insert(terminal);
    NotifyBacklog(terminal);
}

void
NtnBeam::Remove(uint32_t terminal)
{
    m_members.erase(terminal);
}

std::size_t
NtnBeam::GetMembers() const
{
    return m_members.size();
}

void
NtnBeam::NotifyBacklog(uint32_t terminal)
{
    if (!m_busy && m_members.count(terminal))
    {
        Serve();
    }
}

void
NtnBeam::AdvanceBackground(Time t, bool drains)
{
    // The background bursts that arrived since the last update join the queue; while the
    // carrier has nothing simulated to send it works through them (bursts in service are
    // finished one after the other).
    auto drain = [this, drains](double seconds) {
        while (drains && seconds > 0 && !m_backgroundQueue.empty())
        {
            const double done = std::min(seconds, m_backgroundQueue.front());
            m_backgroundQueue.front() -= done;
            seconds -= done;
            if (m_backgroundQueue.front() <= 0)
            {
                m_backgroundQueue.pop_front();
            }
        }
    };
    while (m_nextBackgroundArrival <= t)
    {
        drain((m_nextBackgroundArrival - m_backgroundTime).GetSeconds());
        m_backgroundTime = m_nextBackgroundArrival;
        m_backgroundQueue.push_back(m_burst->GetValue());
        m_nextBackgroundArrival += Seconds(m_gap->GetValue());
    }
    drain((t - m_backgroundTime).GetSeconds());
    m_backgroundTime = t;
}

void
NtnBeam::Serve()
{
    NS_ASSERT(!m_busy);
    const Time now = Simulator::Now();
    AdvanceBackground(now, true);
    if (!m_backgroundQueue.empty() && !m_simulatedNext)
    {
        // First-come first-served: the others' work that arrived before now goes first, as one
        // block; what they send meanwhile comes after the simulated packet waiting now.
        double work = 0.0;
        for (double burst : m_backgroundQueue)
        {
            work += burst;
        }
        m_backgroundQueue.clear();
        m_simulatedNext = true;
        m_busy = true;
        m_freeEvent = Simulator::Schedule(Seconds(work), [this]() {
            AdvanceBackground(Simulator::Now(), false);
            m_lastTxEnd = Simulator::Now();
            CarrierFree();
        });
        return;
    }
    std::vector<NtnBeamScheduler::Candidate> candidates;
    for (uint32_t terminal : m_members)
    {
        if (!m_client->HasPacket(terminal, m_forward) ||
            m_client->DropIfInterrupted(terminal, m_forward))
        {
            continue;
        }
        const double rate = m_client->GetServiceRate(terminal, m_forward);
        if (rate > 0)
        {
            candidates.push_back({terminal, rate});
        }
    }
    if (candidates.empty())
    {
        m_simulatedNext = false;
        // Idle until a member has a packet again (NotifyBacklog); meanwhile the others' bursts
        // are worked through without events (AdvanceBackground).
        return;
    }
    if (m_frame.IsStrictlyPositive() && now != m_lastTxEnd)
    {
        // An idle carrier starts at a frame boundary: the next one (or now, on one), plus the
        // scheduling lead. The choice among terminals is made then.
        const int64_t frame = m_frame.GetTimeStep();
        const int64_t boundary = (now.GetTimeStep() + frame - 1) / frame * frame;
        const Time start = TimeStep(boundary) + m_frame * static_cast<int64_t>(m_lead);
        if (start > now)
        {
            m_busy = true;
            m_freeEvent = Simulator::Schedule(start - now, [this, start]() {
                m_lastTxEnd = start;
                CarrierFree();
            });
            return;
        }
    }
    const NtnBeamScheduler::Candidate chosen = candidates[m_scheduler->Pick(candidates)];
    Ptr<Packet> packet = m_client->Dequeue(chosen.terminal, m_forward);
    const Time airtime = Seconds(packet->GetSize() * 8.0 / chosen.rateBps);
    NS_LOG_LOGIC((m_forward ? "forward" : "return")
                 << " carrier sends " << packet->GetSize() << " B for terminal " << chosen.terminal
                 << " in " << airtime.As(Time::US));
    m_busy = true;
    m_simulatedNext = false;
    m_freeEvent = Simulator::Schedule(airtime, [this, chosen, packet, now]() {
        // Background bursts arriving during the packet wait for it (non-preemptive).
        AdvanceBackground(Simulator::Now(), false);
        m_lastTxEnd = Simulator::Now();
        m_scheduler->NotifyServed(chosen.terminal, packet->GetSize(), Simulator::Now());
        m_client->Transmitted(chosen.terminal, m_forward, packet, now);
        CarrierFree();
    });
}

void
NtnBeam::CarrierFree()
{
    m_busy = false;
    Serve();
}

} // namespace blueprint
} // namespace ns3
