/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/lte/lte-enb-energy-model.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/lte-amc.h"
#include "ns3/lte-enb-mac.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintLteEnbEnergyModel");
NS_OBJECT_ENSURE_REGISTERED(LteEnbEnergyModel);

namespace
{
/// An LTE subframe lasts 1 ms (TS 36.211 clause 4.1).
constexpr double kSubframeSeconds = 1e-3;
} // namespace

TypeId
LteEnbEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::LteEnbEnergyModel")
            .SetParent<LteEnbPowerModel>()
            .SetGroupName("Blueprint")
            .AddConstructor<LteEnbEnergyModel>()
            .AddAttribute("BsType",
                          "EARTH base station type, the row of Auer et al. 2011 Table II.",
                          EnumValue(NrGnbEnergyModel::MACRO),
                          MakeEnumAccessor(&LteEnbEnergyModel::m_bsType),
                          MakeEnumChecker(NrGnbEnergyModel::MACRO,
                                          "macro",
                                          NrGnbEnergyModel::RRH,
                                          "rrh",
                                          NrGnbEnergyModel::MICRO,
                                          "micro",
                                          NrGnbEnergyModel::PICO,
                                          "pico",
                                          NrGnbEnergyModel::FEMTO,
                                          "femto"))
            .AddAttribute("ResourceBlocks",
                          "Downlink N_RB of the cell (TS 36.101 Table 5.6-1); Attach() takes "
                          "the eNB's.",
                          UintegerValue(100),
                          MakeUintegerAccessor(&LteEnbEnergyModel::m_resourceBlocks),
                          MakeUintegerChecker<uint16_t>(6, 100));
    return tid;
}

LteEnbEnergyModel::LteEnbEnergyModel()
    : m_bsType(NrGnbEnergyModel::MACRO),
      m_resourceBlocks(100),
      m_amc(CreateObject<LteAmc>())
{
}

void
LteEnbEnergyModel::DoDispose()
{
    m_amc = nullptr;
    Object::DoDispose();
}

double
LteEnbEnergyModel::GetPower(double load) const
{
    const NrGnbEnergyModel::EarthParameters e = NrGnbEnergyModel::GetEarthParameters(m_bsType);
    const double pOut = std::clamp(load, 0.0, 1.0) * e.maxTxPower;
    return e.transceivers * (e.staticPower + e.loadSlope * pOut); // Auer et al. eq. (1)
}

std::optional<double>
LteEnbEnergyModel::GetIdlePower() const
{
    return GetPower(0.0);
}

double
LteEnbEnergyModel::GetBlockShare(uint8_t mcs, uint32_t bytes) const
{
    if (bytes == 0)
    {
        return 0;
    }
    const double full = m_amc->GetDlTbSizeFromMcs(mcs, m_resourceBlocks) / 8.0; // bits -> bytes
    return full > 0 ? std::min(1.0, bytes / full) : 1.0;
}

void
LteEnbEnergyModel::Start(Time start)
{
    m_start = start;
    m_busySeconds = 0;
    m_openSubframe = -1;
    m_openLoad = 0;
}

void
LteEnbEnergyModel::CloseSubframe() const
{
    if (m_openSubframe >= 0)
    {
        m_busySeconds += std::min(1.0, m_openLoad) * kSubframeSeconds;
    }
    m_openSubframe = -1;
    m_openLoad = 0;
}

void
LteEnbEnergyModel::NotifyDlScheduling(DlSchedulingCallbackInfo info)
{
    Time now = Simulator::Now();
    if (now < m_start)
    {
        return;
    }
    int64_t subframe = static_cast<int64_t>(std::floor(now.GetSeconds() / kSubframeSeconds));
    if (subframe != m_openSubframe)
    {
        CloseSubframe();
        m_openSubframe = subframe;
    }
    // A second transport block (spatial multiplexing) shares the first one's resource blocks.
    m_openLoad += std::max(GetBlockShare(info.mcsTb1, info.sizeTb1),
                           GetBlockShare(info.mcsTb2, info.sizeTb2));
}

double
LteEnbEnergyModel::GetBusySeconds() const
{
    return m_busySeconds + (m_openSubframe >= 0 ? std::min(1.0, m_openLoad) * kSubframeSeconds : 0);
}

bool
LteEnbEnergyModel::IncludesSiteOverhead() const
{
    return true;
}

double
LteEnbEnergyModel::GetEnergy(Time now) const
{
    const double seconds = std::max(0.0, (now - m_start).GetSeconds());
    // Integral of N_TRX (P0 + dp P_max load(t)): the floor over the whole window plus the
    // load-dependent part over the busy time.
    return GetPower(0) * seconds + (GetPower(1) - GetPower(0)) * GetBusySeconds();
}

void
LteEnbEnergyModel::Attach(Ptr<LteEnbNetDevice> enb)
{
    NS_ABORT_MSG_UNLESS(enb, "LteEnbEnergyModel: null eNB");
    m_resourceBlocks = enb->GetDlBandwidth();
    Start(Simulator::Now());
    enb->GetMac()->TraceConnectWithoutContext(
        "DlScheduling",
        MakeCallback(&LteEnbEnergyModel::NotifyDlScheduling, this));
}

} // namespace blueprint
} // namespace ns3
