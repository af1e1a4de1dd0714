/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/wifi/wifi-power-model.h"

#include "ns3/callback.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy-state-helper.h"
#include "ns3/wifi-phy.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintWifiRadioPowerModel");

NS_OBJECT_ENSURE_REGISTERED(WifiPowerModel);
NS_OBJECT_ENSURE_REGISTERED(WifiRadioPowerModel);

namespace
{

/// Idle power as a share of full power: the equipment catalogue's rule (assumption).
constexpr double IDLE_FRACTION = 0.85;
/// A dual-radio 802.11n AP at its PoE source over 100 m of cable: Cisco Aironet 1250 Series
/// hardware installation guide.
constexpr double AP_80211N_W = 18.5;
/// IEEE 802.3at Type 2 powered-device power, which enterprise 802.11ax APs need for full
/// performance (Extreme Networks WiNG 7.3 reference guide, AP4xx/AP5xx power modes).
constexpr double AP_8023AT_W = 25.5;
/// An Intel 5300 802.11n NIC in its high-rate MIMO configurations (Halperin et al., HotPower
/// 2010).
constexpr double STATION_W = 2.1;
/// Uozu city's FY2020 MIC-subsidised project: 29,197 kJPY for 60 APs (MIC Hokuriku Bureau,
/// press release 2020-11-30).
constexpr double AP_CAPEX_JPY = 29197000.0 / 60.0;
/// Service life of active network equipment, years (the equipment catalogue's assumption).
constexpr double AP_LIFETIME_YEARS = 7.0;
/// Yearly support as a share of the purchase (the equipment catalogue's assumption).
constexpr double AP_SUPPORT_PER_YEAR = 0.10;

} // namespace

WifiProfile
WifiProfile::AccessPoint(const std::string& standard)
{
    WifiProfile p;
    if (standard == "802.11n")
    {
        p.maxPower = AP_80211N_W;
        p.powerSource = "18.5 W, a dual-radio 802.11n AP at its PoE source (Cisco Aironet 1250 "
                        "hardware installation guide); idle 85 % (assumption)";
    }
    else if (standard == "802.11ac" || standard == "802.11ax")
    {
        p.maxPower = AP_8023AT_W;
        p.powerSource = "25.5 W, the 802.3at budget enterprise 802.11ax APs need for full "
                        "performance (Extreme Networks WiNG 7.3; 802.11ac assumed the same); "
                        "idle 85 % (assumption)";
    }
    else
    {
        throw std::invalid_argument("no Wi-Fi AP profile for standard '" + standard + "'");
    }
    p.idlePower = IDLE_FRACTION * p.maxPower;
    p.capex = AP_CAPEX_JPY;
    p.lifetimeYears = AP_LIFETIME_YEARS;
    p.opexPerYear = AP_SUPPORT_PER_YEAR * AP_CAPEX_JPY;
    p.costSource = "486,617 JPY per AP installed with controller, power and cabling (Uozu city, "
                   "MIC public Wi-Fi subsidy FY2020: 29,197 kJPY for 60 APs); 7 years, support "
                   "10 %/yr (assumptions)";
    return p;
}

WifiProfile
WifiProfile::Station()
{
    WifiProfile p;
    p.maxPower = STATION_W;
    p.idlePower = IDLE_FRACTION * STATION_W;
    p.powerSource = "2.1 W, an 802.11n NIC at high-rate MIMO (Halperin et al. 2010); idle 85 % "
                    "(assumption)";
    p.costSource = "the owner's device";
    return p;
}

TypeId
WifiPowerModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::WifiPowerModel")
                            .SetParent<RadioPowerModel>()
                            .SetGroupName("Blueprint");
    return tid;
}

TypeId
WifiRadioPowerModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::WifiRadioPowerModel")
                            .SetParent<WifiPowerModel>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<WifiRadioPowerModel>()
                            .AddAttribute("IdlePower",
                                          "Power with the radio on and nothing to send, W.",
                                          DoubleValue(0.0),
                                          MakeDoubleAccessor(&WifiRadioPowerModel::m_idlePower),
                                          MakeDoubleChecker<double>(0.0))
                            .AddAttribute("MaxPower",
                                          "Power while transmitting, W.",
                                          DoubleValue(0.0),
                                          MakeDoubleAccessor(&WifiRadioPowerModel::m_maxPower),
                                          MakeDoubleChecker<double>(0.0));
    return tid;
}

WifiRadioPowerModel::WifiRadioPowerModel()
    : m_idlePower(0.0),
      m_maxPower(0.0),
      m_start(Time(0)),
      m_txSeconds(0.0)
{
}

void
WifiRadioPowerModel::SetProfile(const WifiProfile& profile)
{
    m_idlePower = profile.idlePower;
    m_maxPower = profile.maxPower;
}

void
WifiRadioPowerModel::Attach(Ptr<WifiNetDevice> device)
{
    NS_ABORT_MSG_UNLESS(device && device->GetPhy(), "WifiRadioPowerModel: no Wi-Fi PHY");
    m_start = Simulator::Now();
    m_txSeconds = 0.0;
    device->GetPhy()->GetState()->TraceConnectWithoutContext(
        "State",
        MakeCallback(&WifiRadioPowerModel::NotifyState, this));
}

void
WifiRadioPowerModel::NotifyState(Time start, Time duration, WifiPhyState state)
{
    if (state == WifiPhyState::TX)
    {
        const Time from = std::max(start, m_start);
        if (start + duration > from)
        {
            m_txSeconds += (start + duration - from).GetSeconds();
        }
    }
}

double
WifiRadioPowerModel::GetTxSeconds() const
{
    return m_txSeconds;
}

std::optional<double>
WifiRadioPowerModel::GetIdlePower() const
{
    return m_idlePower;
}

double
WifiRadioPowerModel::GetEnergy(Time now) const
{
    const double seconds = std::max(0.0, (now - m_start).GetSeconds());
    return m_idlePower * seconds + (m_maxPower - m_idlePower) * std::min(m_txSeconds, seconds);
}

} // namespace blueprint
} // namespace ns3
