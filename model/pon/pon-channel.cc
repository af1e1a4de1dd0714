/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-channel.h"

#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-onu-net-device.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonChannel");

NS_OBJECT_ENSURE_REGISTERED(PonChannel);

namespace
{

/// Insertion loss of one 1:2 splitting stage, dB (assumption: a PLC splitter's typical loss,
/// 3 dB of splitting + 0.5 dB excess; a 1:32 splitter then loses 17.5 dB).
constexpr double SPLITTER_DB_PER_STAGE = 3.5;
/// Fibre attenuation at 1310 nm, dB/km (assumption: below ITU-T G.652's 0.4 dB/km limit).
constexpr double FIBRE_DB_PER_KM = 0.35;
/// Connectors and splices along the tree, dB (assumption).
constexpr double CONNECTORS_DB = 1.0;

} // namespace

TypeId
PonChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PonChannel")
            .SetParent<Channel>()
            .SetGroupName("Blueprint")
            .AddConstructor<PonChannel>()
            .AddAttribute("DelayPerKm",
                          "Propagation delay of the fibre, s/km (4.897 us/km: group index 1.4682, "
                          "Corning SMF-28 Ultra).",
                          DoubleValue(4.897e-6),
                          MakeDoubleAccessor(&PonChannel::m_delayPerKm),
                          MakeDoubleChecker<double>(0.0));
    return tid;
}

PonChannel::PonChannel()
    : m_delayPerKm(4.897e-6),
      m_downstreamBytes(0)
{
    NS_LOG_FUNCTION(this);
}

void
PonChannel::DoDispose()
{
    m_olt = nullptr;
    m_onus.clear();
    Channel::DoDispose();
}

void
PonChannel::AttachOlt(Ptr<PonOltNetDevice> olt)
{
    NS_ABORT_MSG_IF(m_olt, "PonChannel: a tree has one OLT port");
    m_olt = olt;
}

uint32_t
PonChannel::AttachOnu(Ptr<PonOnuNetDevice> onu, double distanceKm)
{
    NS_ABORT_MSG_IF(!(distanceKm >= 0.0), "PonChannel: an ONU's distance is not negative");
    m_onus.push_back(onu);
    m_distanceKm.push_back(distanceKm);
    return static_cast<uint32_t>(m_onus.size() - 1);
}

Ptr<PonOltNetDevice>
PonChannel::GetOlt() const
{
    return m_olt;
}

uint32_t
PonChannel::GetNOnus() const
{
    return static_cast<uint32_t>(m_onus.size());
}

Ptr<PonOnuNetDevice>
PonChannel::GetOnu(uint32_t onu) const
{
    return m_onus.at(onu);
}

double
PonChannel::GetDistanceKm(uint32_t onu) const
{
    return m_distanceKm.at(onu);
}

Time
PonChannel::GetPropagationDelay(uint32_t onu) const
{
    return Seconds(m_distanceKm.at(onu) * m_delayPerKm);
}

Time
PonChannel::GetMaxPropagationDelay() const
{
    double km = 0.0;
    for (double d : m_distanceKm)
    {
        km = std::max(km, d);
    }
    return Seconds(km * m_delayPerKm);
}

void
PonChannel::SendDownstream(Ptr<const Packet> packet, int64_t onu, uint32_t bytes)
{
    NS_LOG_FUNCTION(this << packet << onu << bytes);
    m_downstreamBytes += bytes;
    auto deliver = [this, &packet](uint32_t i) {
        Simulator::ScheduleWithContext(m_onus[i]->GetNode()->GetId(),
                                       GetPropagationDelay(i),
                                       &PonOnuNetDevice::ReceiveDownstream,
                                       m_onus[i],
                                       packet->Copy());
    };
    if (onu < 0)
    {
        for (uint32_t i = 0; i < m_onus.size(); ++i)
        {
            deliver(i);
        }
    }
    else
    {
        deliver(static_cast<uint32_t>(onu));
    }
}

void
PonChannel::SendUpstream(uint32_t onu, Ptr<const Packet> packet, Time delay)
{
    NS_LOG_FUNCTION(this << onu << packet << delay);
    Simulator::ScheduleWithContext(m_olt->GetNode()->GetId(),
                                   delay,
                                   &PonOltNetDevice::ReceiveUpstream,
                                   m_olt,
                                   packet->Copy(),
                                   onu);
}

uint64_t
PonChannel::GetDownstreamBytesSeen() const
{
    return m_downstreamBytes;
}

std::size_t
PonChannel::GetNDevices() const
{
    return (m_olt ? 1 : 0) + m_onus.size();
}

Ptr<NetDevice>
PonChannel::GetDevice(std::size_t i) const
{
    if (m_olt)
    {
        if (i == 0)
        {
            return m_olt;
        }
        --i;
    }
    return m_onus.at(i);
}

double
PonChannel::GetOdnLossDb(uint32_t split, double distanceKm)
{
    return SPLITTER_DB_PER_STAGE * std::log2(std::max(split, 1U)) + FIBRE_DB_PER_KM * distanceKm +
           CONNECTORS_DB;
}

double
PonChannel::GetBudgetReachKm(double budgetDb, uint32_t split)
{
    return std::max(0.0, (budgetDb - GetOdnLossDb(split, 0.0)) / FIBRE_DB_PER_KM);
}

} // namespace blueprint
} // namespace ns3
