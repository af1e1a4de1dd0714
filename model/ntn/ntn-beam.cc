/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-beam.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NtnBeam");

NS_OBJECT_ENSURE_REGISTERED(NtnBeam);

TypeId
NtnBeam::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::NtnBeam")
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
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

NtnBeam::NtnBeam()
    : m_client(nullptr),
      m_forward(true),
      m_busy(false),
      m_backgroundLoad(0.0),
      m_backgroundBurst(MilliSeconds(1)),
      m_backgroundWork(0.0),
      m_nextBackgroundArrival(Time::Max()),
      m_frame(Seconds(0))
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
    // Lindley's recursion over the background bursts that arrived since the last update: while
    // the carrier is not sending a simulated packet it works the background work down.
    while (m_nextBackgroundArrival <= t)
    {
        if (drains)
        {
            m_backgroundWork = std::max(
                0.0,
                m_backgroundWork - (m_nextBackgroundArrival - m_backgroundTime).GetSeconds());
        }
        m_backgroundTime = m_nextBackgroundArrival;
        m_backgroundWork += m_burst->GetValue();
        m_nextBackgroundArrival += Seconds(m_gap->GetValue());
    }
    if (drains)
    {
        m_backgroundWork = std::max(0.0, m_backgroundWork - (t - m_backgroundTime).GetSeconds());
    }
    m_backgroundTime = t;
}

void
NtnBeam::Serve()
{
    NS_ASSERT(!m_busy);
    const Time now = Simulator::Now();
    AdvanceBackground(now, true);
    if (m_backgroundWork > 0)
    {
        // Background first: the carrier is busy until the work waiting now, and what arrives
        // meanwhile, is done (a busy period of the background alone).
        Time end = now;
        while (m_backgroundWork > 0)
        {
            end += Seconds(m_backgroundWork);
            m_backgroundWork = 0.0;
            AdvanceBackground(end, false);
        }
        m_busy = true;
        m_freeEvent = Simulator::Schedule(end - now, &NtnBeam::CarrierFree, this);
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
        return; // idle until a member has a packet again (NotifyBacklog)
    }
    if (m_frame.IsStrictlyPositive() && now != m_lastTxEnd &&
        (now.GetTimeStep() % m_frame.GetTimeStep()) != 0)
    {
        // Wait for the next frame boundary, then choose (the choice is the frame's).
        const Time next = m_frame * (now.GetTimeStep() / m_frame.GetTimeStep() + 1);
        m_busy = true;
        m_freeEvent = Simulator::Schedule(next - now, &NtnBeam::CarrierFree, this);
        return;
    }
    const NtnBeamScheduler::Candidate chosen = candidates[m_scheduler->Pick(candidates)];
    Ptr<Packet> packet = m_client->Dequeue(chosen.terminal, m_forward);
    const Time airtime = Seconds(packet->GetSize() * 8.0 / chosen.rateBps);
    NS_LOG_LOGIC((m_forward ? "forward" : "return")
                 << " carrier sends " << packet->GetSize() << " B for terminal " << chosen.terminal
                 << " in " << airtime.As(Time::US));
    m_busy = true;
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

} // namespace ns3
