/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// NtnChannel's transmission path (declared in ntn-channel.h): the terminals' queues, the rate a
// link serves them at, propagation over the serving platform and the feeder, and delivery. Kept
// apart from the channel's set-up and beam assignment (ntn-channel.cc), one job a file.

#include "model/ntn/ntn-channel.h"
#include "model/ntn/ntn-gateway-net-device.h"
#include "model/ntn/ntn-terminal-net-device.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnChannelTransmission");

bool
NtnChannel::IsDropping(uint32_t terminal) const
{
    const Terminal& t = m_terminals.at(terminal);
    if (!m_started)
    {
        return false; // packets sent before the start wait for the first assignment
    }
    return t.route.empty() || (m_interruptionMode == DROP && Simulator::Now() < t.linkUpAt);
}

Ptr<Queue<Packet>>
NtnChannel::QueueOf(uint32_t t, bool forward) const
{
    const Terminal& term = m_terminals.at(t);
    return forward ? m_gateways.at(term.gateway).device->GetQueue(t) : term.device->GetQueue();
}

void
NtnChannel::NotifyBacklog(uint32_t terminal, bool forward)
{
    Terminal& t = m_terminals.at(terminal);
    if (t.beams)
    {
        (forward ? t.beams->forward : t.beams->ret)->NotifyBacklog(terminal);
    }
}

bool
NtnChannel::HasPacket(uint32_t terminal, bool forward) const
{
    return !QueueOf(terminal, forward)->IsEmpty();
}

bool
NtnChannel::DropIfInterrupted(uint32_t terminal, bool forward)
{
    const Terminal& t = m_terminals.at(terminal);
    if (m_interruptionMode != DROP || Simulator::Now() >= t.linkUpAt)
    {
        return false;
    }
    Ptr<Queue<Packet>> queue = QueueOf(terminal, forward);
    Ptr<NtnNetDevice> owner = forward ? StaticCast<NtnNetDevice>(m_gateways.at(t.gateway).device)
                                      : StaticCast<NtnNetDevice>(t.device);
    while (!queue->IsEmpty())
    {
        owner->NotifyDropped(queue->Dequeue());
    }
    return true;
}

double
NtnChannel::GetServiceRate(uint32_t terminal, bool forward)
{
    const Terminal& t = m_terminals.at(terminal);
    const Time now = Simulator::Now();
    if (t.route.empty() || now < t.linkUpAt)
    {
        return 0.0;
    }
    if (!forward && m_returnAccess == REQUEST_GRANT && !t.granted && now > t.grantedUntil)
    {
        Terminal& term = m_terminals[terminal];
        if (term.grantAt == Time::Max() &&
            CraHolds(term, QueueOf(terminal, false)->Peek()->GetSize() * 8.0))
        {
            return GetLinkResult(terminal, forward).rateBps; // in its constant-rate slots
        }
        if (term.grantAt == Time::Max())
        {
            // Ask: the request reaches the scheduler, which decides at its next return frame
            // boundary, and the grant comes back.
            const Time up = m_grantAtGateway ? GetPropagationDelay(terminal, true, now)
                                             : GetServiceLinkDelay(terminal, true, now);
            Time decided = now + up;
            const Time frame = GetReturnFrame();
            if (frame.IsStrictlyPositive())
            {
                const int64_t f = frame.GetTimeStep();
                decided = TimeStep((decided.GetTimeStep() + f - 1) / f * f);
            }
            const Time down = m_grantAtGateway ? GetPropagationDelay(terminal, false, decided)
                                               : GetServiceLinkDelay(terminal, false, decided);
            term.grantAt = decided + down;
            Simulator::Schedule(term.grantAt - now,
                                &NtnChannel::NotifyBacklog,
                                this,
                                terminal,
                                false);
            return 0.0;
        }
        if (now < term.grantAt)
        {
            return 0.0;
        }
        term.granted = true;
        term.grantAt = Time::Max();
    }
    return GetLinkResult(terminal, forward).rateBps;
}

Ptr<Packet>
NtnChannel::Dequeue(uint32_t terminal, bool forward)
{
    Ptr<Queue<Packet>> queue = QueueOf(terminal, forward);
    Ptr<Packet> packet = queue->Dequeue();
    Terminal& t = m_terminals.at(terminal);
    // A grant, or the hold that follows it, carries the packet; else its constant-rate slots do.
    const bool underGrant = t.granted || Simulator::Now() <= t.grantedUntil;
    if (!forward && m_returnAccess == REQUEST_GRANT && !underGrant)
    {
        t.craBits -= packet->GetSize() * 8.0;
    }
    if (!forward && queue->IsEmpty() && underGrant)
    {
        // The queue is empty: the grant lapses GrantHold from now (a packet sent in the
        // constant-rate slots held no grant to keep).
        t.granted = false;
        t.grantedUntil = Simulator::Now() + m_grantHold;
    }
    // The packet takes the route of the platform serving it when its transmission starts.
    m_inFlight[packet->GetUid()] = t.route;
    if (forward)
    {
        m_gateways.at(t.gateway).device->NotifyTransmitStart(packet);
    }
    else
    {
        t.device->NotifyTransmitStart(packet);
    }
    return packet;
}

Time
NtnChannel::Propagate(const GroundPoint& from,
                      const std::vector<uint32_t>& route,
                      const GroundPoint& to,
                      Time departure,
                      bool scheduled) const
{
    // Leg by leg: the signal reaches a moving platform where the platform is on arrival.
    Eigen::Vector3d position = from.ecef;
    double t = departure.GetSeconds();
    for (uint32_t p : route)
    {
        double arrival =
            t + (m_platform->GetPosition(p, Seconds(t)) - position).norm() / NTN_SPEED_OF_LIGHT;
        arrival = t + (m_platform->GetPosition(p, Seconds(arrival)) - position).norm() /
                          NTN_SPEED_OF_LIGHT;
        position = m_platform->GetPosition(p, Seconds(arrival));
        t = arrival;
        if (m_payload == REGENERATIVE)
        {
            t += m_onboardProcessing.GetSeconds();
        }
    }
    if (scheduled && m_payload == REGENERATIVE && !route.empty() &&
        m_frameDuration.IsStrictlyPositive())
    {
        // A regenerative platform sends the packet on its next link in that link's frames: at
        // the next boundary (in nanoseconds, rounded up) plus the scheduling lead.
        const double frame = m_frameDuration.GetSeconds();
        const double ns = std::ceil(t * 1e9);
        const double boundary = std::ceil(ns / (frame * 1e9)) * frame;
        t = std::max(boundary, ns * 1e-9) + frame * m_schedulingLead;
        // It leaves from where the platform is then: packets sent in one frame travel the same
        // path and arrive together, in the order they were sent.
        position = m_platform->GetPosition(route.back(), Seconds(t));
    }
    t += (to.ecef - position).norm() / NTN_SPEED_OF_LIGHT;
    // Round up to the simulator's resolution so the arrival is never before the light time.
    return NanoSeconds(static_cast<int64_t>(std::ceil(t * 1e9)));
}

Time
NtnChannel::GetPropagationDelay(uint32_t terminal, bool uplink, Time departure) const
{
    const Terminal& t = m_terminals.at(terminal);
    if (t.route.empty())
    {
        return Time::Max();
    }
    const GroundPoint& gateway = m_gateways.at(t.gateway).point;
    if (uplink)
    {
        return Propagate(t.point, t.route, gateway, departure) - departure;
    }
    std::vector<uint32_t> reversed(t.route.rbegin(), t.route.rend());
    return Propagate(gateway, reversed, t.point, departure) - departure;
}

Time
NtnChannel::GetServiceLinkDelay(uint32_t terminal, bool uplink, Time departure) const
{
    const Terminal& t = m_terminals.at(terminal);
    if (t.route.empty())
    {
        return Time::Max();
    }
    const uint32_t p = t.route.front();
    const double t0 = departure.GetSeconds();
    // The platform moves during the flight: one fixed-point step on the meeting time.
    double t1 =
        t0 + (m_platform->GetPosition(p, departure) - t.point.ecef).norm() / NTN_SPEED_OF_LIGHT;
    if (uplink)
    {
        t1 = t0 +
             (m_platform->GetPosition(p, Seconds(t1)) - t.point.ecef).norm() / NTN_SPEED_OF_LIGHT;
    }
    return NanoSeconds(static_cast<int64_t>(std::ceil((t1 - t0) * 1e9)));
}

Time
NtnChannel::GetPropagationLowerBound(uint32_t terminal) const
{
    const Terminal& t = m_terminals.at(terminal);
    const GroundPoint& gateway = m_gateways.at(t.gateway).point;
    if (!m_platform->GetReassignmentPeriod().IsStrictlyPositive() && m_platform->GetN() == 1)
    {
        const Eigen::Vector3d p = m_platform->GetPosition(0, Seconds(0));
        return Seconds(((p - t.point.ecef).norm() + (p - gateway.ecef).norm()) /
                       NTN_SPEED_OF_LIGHT);
    }
    if (m_lowestRadiusM < 0)
    {
        // Once per channel: a bound per terminal must not cost satellites x terminals.
        m_lowestRadiusM = std::numeric_limits<double>::infinity();
        for (uint32_t p = 0; p < m_platform->GetN(); ++p)
        {
            m_lowestRadiusM =
                std::min(m_lowestRadiusM, m_platform->GetPosition(p, Seconds(0)).norm());
        }
    }
    const double lowest = m_lowestRadiusM;
    const double legs =
        std::max(0.0, lowest - t.point.ecef.norm()) + std::max(0.0, lowest - gateway.ecef.norm());
    return Seconds(legs / NTN_SPEED_OF_LIGHT);
}

void
NtnChannel::Transmitted(uint32_t terminal, bool forward, Ptr<Packet> packet, Time txStart)
{
    const Time now = Simulator::Now();
    Terminal& t = m_terminals.at(terminal);
    std::vector<uint32_t> route;
    auto it = m_inFlight.find(packet->GetUid());
    if (it != m_inFlight.end())
    {
        route = std::move(it->second);
        m_inFlight.erase(it);
    }
    Gateway& g = m_gateways.at(t.gateway);
    Ptr<NtnNetDevice> sender =
        forward ? StaticCast<NtnNetDevice>(g.device) : StaticCast<NtnNetDevice>(t.device);
    Ptr<NtnNetDevice> receiver =
        forward ? StaticCast<NtnNetDevice>(t.device) : StaticCast<NtnNetDevice>(g.device);
    sender->NotifyTransmitted(packet);
    if (route.empty())
    {
        sender->NotifyDropped(packet);
        return;
    }
    Time arrival;
    if (forward)
    {
        std::vector<uint32_t> reversed(route.rbegin(), route.rend());
        arrival = Propagate(g.point, reversed, t.point, now, true);
    }
    else
    {
        arrival = Propagate(t.point, route, g.point, now, true);
    }
    arrival += m_processing;
    m_deliveryTrace(terminal, !forward, packet, txStart, now, arrival, route.front());
    Simulator::ScheduleWithContext(receiver->GetNode()->GetId(),
                                   arrival - now,
                                   &NtnNetDevice::Receive,
                                   receiver,
                                   packet,
                                   sender->GetAddress());
}

} // namespace blueprint
} // namespace ns3
