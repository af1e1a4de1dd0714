/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-handover-manager.h"

#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/double.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrHandoverManager");

NS_OBJECT_ENSURE_REGISTERED(NrHandoverManager);

TypeId
NrHandoverManager::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrHandoverManager")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrHandoverManager>()
            // Assumption: SSB-based RSRP sampled every other 20 ms SSB burst (the SSB period
            // the UE assumes at initial access, TS 38.213 clause 4.1); TS 38.133 L1 periods
            // combine several such samples.
            .AddAttribute("MeasurementPeriod",
                          "Time between two RSRP samples of every candidate cell.",
                          TimeValue(MilliSeconds(40)),
                          MakeTimeAccessor(&NrHandoverManager::m_measurementPeriod),
                          MakeTimeChecker(MilliSeconds(1)))
            // TS 38.331 QuantityConfigNR: filterCoefficient DEFAULT fc4.
            .AddAttribute("FilterCoefficient",
                          "Layer 3 filter coefficient k (TS 38.331 clause 5.5.3.2); 0 = none.",
                          UintegerValue(4),
                          MakeUintegerAccessor(&NrHandoverManager::m_filterK),
                          MakeUintegerChecker<uint32_t>(0, 19))
            // 3 dB and 256 ms are the defaults of ns-3's LTE A3RsrpHandoverAlgorithm;
            // hysteresis takes 0-15 dB in 0.5 dB steps (TS 38.331 Hysteresis ::= 0..30).
            .AddAttribute("Hysteresis",
                          "A3 hysteresis Hys, dB.",
                          DoubleValue(3.0),
                          MakeDoubleAccessor(&NrHandoverManager::m_hysteresisDb),
                          MakeDoubleChecker<double>(0.0, 15.0))
            .AddAttribute("A3Offset",
                          "A3 offset Off, dB (TS 38.331 a3-Offset, -15 to 15 dB).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&NrHandoverManager::m_offsetDb),
                          MakeDoubleChecker<double>(-15.0, 15.0))
            .AddAttribute("TimeToTrigger",
                          "How long a neighbour must satisfy A3 before the handover.",
                          TimeValue(MilliSeconds(256)),
                          MakeTimeAccessor(&NrHandoverManager::m_timeToTrigger),
                          MakeTimeChecker(Seconds(0)))
            // Assumption: of the order of the TS 38.133 clause 6.1.1.2.2 interruption for a
            // known intra-frequency target (RRC processing, SSB timing of the target, the first
            // PRACH occasion); ITU-R M.2410's 0 ms needs make-before-break (DAPS).
            .AddAttribute("InterruptionTime",
                          "Time the UE can neither send nor receive user data at a handover.",
                          TimeValue(MilliSeconds(50)),
                          MakeTimeAccessor(&NrHandoverManager::m_interruption),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("HandoverStart",
                            "A UE left its cell for a target cell.",
                            MakeTraceSourceAccessor(&NrHandoverManager::m_handoverStartTrace),
                            "ns3::blueprint::NrHandoverManager::HandoverTracedCallback")
            .AddTraceSource("HandoverEnd",
                            "A UE was connected in its target cell.",
                            MakeTraceSourceAccessor(&NrHandoverManager::m_handoverEndTrace),
                            "ns3::blueprint::NrHandoverManager::HandoverTracedCallback");
    return tid;
}

NrHandoverManager::NrHandoverManager()
    : m_handovers(0)
{
    NS_LOG_FUNCTION(this);
}

NrHandoverManager::~NrHandoverManager()
{
    NS_LOG_FUNCTION(this);
}

void
NrHandoverManager::DoDispose()
{
    m_measureEvent.Cancel();
    m_cells.clear();
    m_ues.clear();
    m_pathSwitch = PathSwitchCallback();
    Object::DoDispose();
}

void
NrHandoverManager::AddCell(Ptr<NrGnbNetDevice> gnb)
{
    NS_LOG_FUNCTION(this << gnb);
    NS_ABORT_MSG_IF(!m_cells.empty() && gnb->GetNrChannel() != m_cells[0]->GetNrChannel(),
                    "NrHandoverManager: the cells must share one carrier (NrChannel)");
    NS_ABORT_MSG_IF(!m_ues.empty(), "NrHandoverManager: add every cell before the UEs");
    m_cells.push_back(gnb);
}

void
NrHandoverManager::AddUe(Ptr<NrUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    UeState u;
    u.device = ue;
    u.filteredDbm.assign(m_cells.size(), 0.0);
    u.enteredAt.assign(m_cells.size(), Seconds(-1));
    m_ues.push_back(u);
    ServingCell(m_ues.back()); // aborts if the UE is not in a candidate cell
    if (!m_measureEvent.IsRunning())
    {
        const Time now = Simulator::Now();
        const int64_t periods = now.GetTimeStep() / m_measurementPeriod.GetTimeStep() + 1;
        m_measureEvent = Simulator::Schedule(m_measurementPeriod * periods - now,
                                             &NrHandoverManager::Measure,
                                             this);
    }
}

void
NrHandoverManager::SetPathSwitchCallback(PathSwitchCallback callback)
{
    m_pathSwitch = callback;
}

uint64_t
NrHandoverManager::GetHandovers() const
{
    return m_handovers;
}

uint32_t
NrHandoverManager::ServingCell(const UeState& u) const
{
    Ptr<NrGnbNetDevice> gnb = u.device->GetGnb();
    for (uint32_t c = 0; c < m_cells.size(); ++c)
    {
        if (m_cells[c] == gnb)
        {
            return c;
        }
    }
    NS_FATAL_ERROR("NrHandoverManager: UE " << u.device << " is not served by a candidate cell");
}

void
NrHandoverManager::Measure()
{
    const Time now = Simulator::Now();
    // a = 1/2^(k/4) (TS 38.331 clause 5.5.3.2); k = 0 passes samples through.
    const double a = std::pow(2.0, -static_cast<double>(m_filterK) / 4.0);
    for (UeState& u : m_ues)
    {
        if (u.inHandover)
        {
            continue;
        }
        Ptr<NrChannel> channel = u.device->GetNrChannel();
        const uint32_t ueIndex = u.device->GetChannelIndex();
        for (uint32_t c = 0; c < m_cells.size(); ++c)
        {
            const double sample = channel->GetRsrpDbm(ueIndex, m_cells[c]->GetChannelIndex());
            u.filteredDbm[c] = u.filtered ? (1 - a) * u.filteredDbm[c] + a * sample : sample;
        }
        u.filtered = true;

        // Event A3 entering condition per neighbour, and the time-to-trigger.
        const uint32_t serving = ServingCell(u);
        const double threshold = u.filteredDbm[serving] + m_offsetDb;
        int32_t target = -1;
        for (uint32_t c = 0; c < m_cells.size(); ++c)
        {
            const bool entered = c != serving && u.filteredDbm[c] - m_hysteresisDb > threshold;
            if (!entered)
            {
                u.enteredAt[c] = Seconds(-1);
                continue;
            }
            if (u.enteredAt[c].IsNegative())
            {
                u.enteredAt[c] = now;
            }
            if (now - u.enteredAt[c] >= m_timeToTrigger &&
                (target < 0 || u.filteredDbm[c] > u.filteredDbm[target]))
            {
                target = static_cast<int32_t>(c);
            }
        }
        if (target >= 0)
        {
            StartHandover(u, serving, static_cast<uint32_t>(target));
        }
    }
    m_measureEvent = Simulator::Schedule(m_measurementPeriod, &NrHandoverManager::Measure, this);
}

void
NrHandoverManager::StartHandover(UeState& u, uint32_t source, uint32_t target)
{
    NS_LOG_FUNCTION(this << u.device << source << target);
    Ptr<NrGnbNetDevice> from = m_cells[source];
    Ptr<NrGnbNetDevice> to = m_cells[target];
    Ptr<NrUeNetDevice> ue = u.device;
    Ptr<Ipv4> ipv4 = ue->GetNode()->GetObject<Ipv4>();
    const int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(ue) : -1;
    NS_ABORT_MSG_IF(interface < 0 || ipv4->GetNAddresses(interface) == 0,
                    "NrHandoverManager: the UE has no IPv4 address on its NR device");
    const Ipv4Address address = ipv4->GetAddress(interface, 0).GetLocal();

    ++m_handovers;
    u.inHandover = true;
    std::fill(u.enteredAt.begin(), u.enteredAt.end(), Seconds(-1));
    const uint32_t index = to->PrepareUe(ue, address);
    if (!m_pathSwitch.IsNull())
    {
        m_pathSwitch(ue, from, to);
    }
    for (Ptr<Packet> packet : from->ReleaseUe(ue->GetUeIndex()))
    {
        to->ForwardDl(index, packet);
    }
    ue->StartHandover();
    m_handoverStartTrace(ue, from, to);
    const auto ueIndex = static_cast<uint32_t>(&u - m_ues.data());
    Simulator::ScheduleWithContext(ue->GetNode()->GetId(),
                                   m_interruption,
                                   &NrHandoverManager::CompleteHandover,
                                   this,
                                   ueIndex,
                                   source,
                                   target,
                                   index);
}

void
NrHandoverManager::CompleteHandover(uint32_t ue, uint32_t source, uint32_t target, uint32_t index)
{
    NS_LOG_FUNCTION(this << ue << source << target << index);
    UeState& u = m_ues[ue];
    m_cells[target]->ConnectUe(index);
    u.device->CompleteHandover(m_cells[target], index);
    u.inHandover = false;
    m_handoverEndTrace(u.device, m_cells[source], m_cells[target]);
}

} // namespace blueprint
} // namespace ns3
