/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/microwave/microwave-channel.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintMicrowaveChannel");

NS_OBJECT_ENSURE_REGISTERED(MicrowaveChannel);

namespace
{

/**
 * \param m a modulation or nullptr.
 * \return its name, or "outage".
 */
std::string
NameOf(const MicrowaveModulation* m)
{
    return m ? m->name : "outage";
}

/**
 * \param name a modulation name.
 * \return its index in the ACM table (aborts if unknown).
 */
std::size_t
RequireModulation(const std::string& name)
{
    const std::size_t i = MicrowaveAcmTable::IndexOf(name);
    NS_ABORT_MSG_IF(i == MicrowaveAcmTable::GetModulations().size(),
                    "MicrowaveChannel: unknown modulation '" << name << "'");
    return i;
}

} // namespace

TypeId
MicrowaveChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::MicrowaveChannel")
            .SetParent<PointToPointChannel>()
            .SetGroupName("Blueprint")
            .AddConstructor<MicrowaveChannel>()
            .AddAttribute("AdaptiveModulation",
                          "Step the modulation with the SNR (ACM); off: stay at MaxModulation.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&MicrowaveChannel::m_adaptive),
                          MakeBooleanChecker())
            .AddAttribute("MinModulation",
                          "Slowest modulation ACM may fall back to (MicrowaveAcmTable name).",
                          StringValue("QPSK"),
                          MakeStringAccessor(&MicrowaveChannel::m_minModulation),
                          MakeStringChecker())
            .AddAttribute("MaxModulation",
                          "Fastest modulation the radio may use (MicrowaveAcmTable name).",
                          StringValue("4096QAM"),
                          MakeStringAccessor(&MicrowaveChannel::m_maxModulation),
                          MakeStringChecker())
            .AddAttribute("AcmMargin",
                          "SNR kept above each modulation's BER 1e-6 requirement, dB.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MicrowaveChannel::m_acmMarginDb),
                          MakeDoubleChecker<double>(0.0, 20.0))
            .AddTraceSource("ModulationChange",
                            "The modulation (and so the line rate) changed.",
                            MakeTraceSourceAccessor(&MicrowaveChannel::m_modulationTrace),
                            "ns3::blueprint::MicrowaveChannel::ModulationChangeCallback")
            .AddTraceSource("OutageDrop",
                            "A packet was lost because the hop was in outage.",
                            MakeTraceSourceAccessor(&MicrowaveChannel::m_outageDropTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

MicrowaveChannel::MicrowaveChannel()
    : m_rainRateMmH(0.0),
      m_adaptive(true),
      m_minModulation("QPSK"),
      m_maxModulation("4096QAM"),
      m_acmMarginDb(0.0),
      m_modulation(nullptr)
{
    NS_LOG_FUNCTION(this);
}

void
MicrowaveChannel::DoInitialize()
{
    NS_ABORT_MSG_IF(!m_budget, "MicrowaveChannel: no link budget set");
    Adapt();
    PointToPointChannel::DoInitialize();
}

void
MicrowaveChannel::SetLinkBudget(Ptr<MicrowaveLinkBudget> budget)
{
    NS_LOG_FUNCTION(this << budget);
    NS_ABORT_MSG_IF(!budget, "MicrowaveChannel: null link budget");
    m_budget = budget;
    Adapt();
}

Ptr<MicrowaveLinkBudget>
MicrowaveChannel::GetLinkBudget() const
{
    return m_budget;
}

void
MicrowaveChannel::SetRainRate(double rainRateMmH)
{
    NS_LOG_FUNCTION(this << rainRateMmH);
    NS_ABORT_MSG_IF(!(rainRateMmH >= 0) || !std::isfinite(rainRateMmH),
                    "MicrowaveChannel: rain rate must be a number >= 0 mm/h");
    m_rainRateMmH = rainRateMmH;
    if (m_budget)
    {
        Adapt();
    }
}

double
MicrowaveChannel::GetRainRate() const
{
    return m_rainRateMmH;
}

const MicrowaveModulation*
MicrowaveChannel::GetModulation() const
{
    return m_modulation;
}

double
MicrowaveChannel::GetRateBps() const
{
    return m_modulation
               ? MicrowaveAcmTable::GetRateBps(*m_modulation, m_budget->GetChannelWidthHz())
               : 0.0;
}

double
MicrowaveChannel::GetSnrDb() const
{
    return m_budget->GetSnrDb(m_rainRateMmH);
}

void
MicrowaveChannel::Adapt()
{
    const std::size_t lowest = RequireModulation(m_minModulation);
    const std::size_t highest = RequireModulation(m_maxModulation);
    NS_ABORT_MSG_IF(lowest > highest,
                    "MicrowaveChannel: MinModulation " << m_minModulation << " is above "
                                                       << "MaxModulation " << m_maxModulation);
    const double snr = GetSnrDb();
    const MicrowaveModulation* next =
        MicrowaveAcmTable::Select(snr, m_adaptive ? lowest : highest, highest, m_acmMarginDb);
    if (next == m_modulation)
    {
        return;
    }
    const std::string oldName = NameOf(m_modulation);
    m_modulation = next;
    const double rate = GetRateBps();
    NS_LOG_INFO("rain " << m_rainRateMmH << " mm/h, SNR " << snr << " dB: " << oldName << " -> "
                        << NameOf(next) << ", " << rate / 1e6 << " Mbit/s");
    if (m_modulation)
    {
        // The devices keep their last rate in outage: the sender goes on serialising what the
        // channel then loses, as a radio whose far end has lost lock does.
        for (std::size_t i = 0; i < GetNDevices(); ++i)
        {
            GetPointToPointDevice(i)->SetDataRate(
                DataRate(static_cast<uint64_t>(std::llround(rate))));
        }
    }
    m_modulationTrace(oldName, NameOf(next), rate);
}

bool
MicrowaveChannel::TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime)
{
    NS_LOG_FUNCTION(this << p << src << txTime);
    NS_ASSERT(IsInitialized());
    if (!m_modulation)
    {
        NS_LOG_LOGIC("UID " << p->GetUid() << " lost: hop in outage");
        m_outageDropTrace(p);
        return true;
    }
    // Same wire selection as PointToPointChannel: wire i carries what device i sends.
    const uint32_t wire = (src == GetSource(0)) ? 0 : 1;
    Ptr<PointToPointNetDevice> dst = GetDestination(wire);
    Simulator::ScheduleWithContext(dst->GetNode()->GetId(),
                                   txTime + GetDelay(),
                                   &PointToPointNetDevice::Receive,
                                   dst,
                                   p->Copy());
    return true;
}

} // namespace blueprint
} // namespace ns3
