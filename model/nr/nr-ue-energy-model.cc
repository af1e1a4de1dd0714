/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-ue-energy-model.h"

#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/callback.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrUeEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(NrUeEnergyModel);

/// Joules per (W x ms): transition energies are in relative power x ms (TR 38.840 clause 8.1).
static constexpr double JOULES_PER_WATT_MS = 1e-3;
/// TR 38.840 clause 8.1 transitions: light sleep 6 ms total, 100 relative power x ms extra.
static const Time LIGHT_SLEEP_TRANSITION = MilliSeconds(6);
/// Additional energy of a light sleep period, relative power x ms.
static constexpr double LIGHT_SLEEP_ENERGY = 100.0;
/// TR 38.840 clause 8.1 transitions: deep sleep 20 ms total, 450 relative power x ms extra.
static const Time DEEP_SLEEP_TRANSITION = MilliSeconds(20);
/// Additional energy of a deep sleep period, relative power x ms.
static constexpr double DEEP_SLEEP_ENERGY = 450.0;

TypeId
NrUeEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrUeEnergyModel")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrUeEnergyModel>()
            .AddAttribute("FrequencyRange",
                          "\"FR1\" or \"FR2\": selects the TR 38.840 clause 8.1 power table.",
                          EnumValue(NrUeEnergyModel::FR1),
                          MakeEnumAccessor(&NrUeEnergyModel::m_fr),
                          MakeEnumChecker(NrUeEnergyModel::FR1, "FR1", NrUeEnergyModel::FR2, "FR2"))
            .AddAttribute("UlTxLevel",
                          "FR1 uplink transmit level of TR 38.840 clause 8.1: \"0dBm\" (250) or "
                          "\"23dBm\" (700); FR2 has one value (350).",
                          EnumValue(NrUeEnergyModel::UL_23_DBM),
                          MakeEnumAccessor(&NrUeEnergyModel::m_ulLevel),
                          MakeEnumChecker(NrUeEnergyModel::UL_0_DBM,
                                          "0dBm",
                                          NrUeEnergyModel::UL_23_DBM,
                                          "23dBm"))
            .AddAttribute("MaxSleepState",
                          "Deepest state an idle gap may use: \"micro\", \"light\" or \"deep\".",
                          EnumValue(NrUeEnergyModel::DEEP_SLEEP),
                          MakeEnumAccessor(&NrUeEnergyModel::m_maxSleep),
                          MakeEnumChecker(NrUeEnergyModel::MICRO_SLEEP,
                                          "micro",
                                          NrUeEnergyModel::LIGHT_SLEEP,
                                          "light",
                                          NrUeEnergyModel::DEEP_SLEEP,
                                          "deep"))
            .AddAttribute("PowerUnit",
                          "W per TR 38.840 relative unit. 8.26 mW: 182 mA x 4.2 V PDCCH-only "
                          "slot average of a Snapdragon X55 module on a 90 MHz cell over 92.5 "
                          "units (see the class documentation).",
                          DoubleValue(0.182 * 4.2 / 92.5),
                          MakeDoubleAccessor(&NrUeEnergyModel::m_powerUnit),
                          MakeDoubleChecker<double>(0.0));
    return tid;
}

NrUeEnergyModel::NrUeEnergyModel()
    : m_fr(FR1),
      m_ulLevel(UL_23_DBM),
      m_maxSleep(DEEP_SLEEP),
      m_powerUnit(0.182 * 4.2 / 92.5),
      m_ueIndex(0),
      m_pendingPdsch(false),
      m_pendingPusch(false),
      m_accumulator([this](const NrTtiEnergyAccumulator::Tti& tti,
                           bool inDl,
                           bool inUl) { return PartPower(tti, inDl, inUl); },
                    [this](Time start, Time end) { return GetIdleGapEnergy(end - start); })
{
    NS_LOG_FUNCTION(this);
}

double
NrUeEnergyModel::GetRelativePower(FrequencyRange fr, UlTxLevel level, State state)
{
    // TR 38.840 clause 8.1 (FR1 and FR2 tables), deep sleep = 1.
    switch (state)
    {
    case DEEP_SLEEP:
        return 1.0;
    case LIGHT_SLEEP:
        return 20.0;
    case MICRO_SLEEP:
        return 45.0;
    case PDCCH_ONLY:
        return fr == FR1 ? 100.0 : 175.0;
    case PDCCH_PDSCH:
        return fr == FR1 ? 300.0 : 350.0;
    case UL_TX:
        return fr == FR2 ? 350.0 : (level == UL_0_DBM ? 250.0 : 700.0);
    }
    throw std::invalid_argument("NrUeEnergyModel: unknown state");
}

double
NrUeEnergyModel::GetRelativePower(State state) const
{
    return GetRelativePower(m_fr, m_ulLevel, state);
}

double
NrUeEnergyModel::GetPower(State state) const
{
    return GetRelativePower(state) * m_powerUnit;
}

NrUeEnergyModel::State
NrUeEnergyModel::ChooseSleepState(Time gap) const
{
    const double ms = gap.GetSeconds() * 1e3;
    State best = MICRO_SLEEP;
    double bestEnergy = GetRelativePower(MICRO_SLEEP) * ms;
    // The sleep states are ordered DEEP_SLEEP < LIGHT_SLEEP < MICRO_SLEEP: deeper is smaller.
    if (m_maxSleep <= LIGHT_SLEEP && gap >= LIGHT_SLEEP_TRANSITION &&
        GetRelativePower(LIGHT_SLEEP) * ms + LIGHT_SLEEP_ENERGY < bestEnergy)
    {
        best = LIGHT_SLEEP;
        bestEnergy = GetRelativePower(LIGHT_SLEEP) * ms + LIGHT_SLEEP_ENERGY;
    }
    if (m_maxSleep == DEEP_SLEEP && gap >= DEEP_SLEEP_TRANSITION &&
        GetRelativePower(DEEP_SLEEP) * ms + DEEP_SLEEP_ENERGY < bestEnergy)
    {
        best = DEEP_SLEEP;
    }
    return best;
}

double
NrUeEnergyModel::GetIdleGapEnergy(Time gap) const
{
    if (gap.IsStrictlyNegative() || gap.IsZero())
    {
        return 0.0;
    }
    const State state = ChooseSleepState(gap);
    const double ms = gap.GetSeconds() * 1e3;
    double relativeMs = GetRelativePower(state) * ms;
    relativeMs += state == LIGHT_SLEEP ? LIGHT_SLEEP_ENERGY : 0.0;
    relativeMs += state == DEEP_SLEEP ? DEEP_SLEEP_ENERGY : 0.0;
    return relativeMs * m_powerUnit * JOULES_PER_WATT_MS;
}

double
NrUeEnergyModel::PartPower(const NrTtiEnergyAccumulator::Tti& tti, bool inDl, bool inUl) const
{
    double relative = GetRelativePower(MICRO_SLEEP); // guard symbols, idle uplink symbols
    if (inDl)
    {
        relative = std::max(relative, GetRelativePower(tti.dlActive ? PDCCH_PDSCH : PDCCH_ONLY));
    }
    if (inUl && tti.ulActive)
    {
        relative = std::max(relative, GetRelativePower(UL_TX));
    }
    return relative * m_powerUnit;
}

void
NrUeEnergyModel::SetTtiGrid(const NrTtiGrid& grid)
{
    m_accumulator.SetGrid(grid);
}

void
NrUeEnergyModel::Start(Time start)
{
    m_accumulator.Start(start);
    m_pendingPdsch = false;
    m_pendingPusch = false;
}

void
NrUeEnergyModel::NotifyDl(uint64_t tti, bool pdsch)
{
    NS_LOG_FUNCTION(this << tti << pdsch);
    m_accumulator.NotifyDl(tti, pdsch, 0.0);
}

void
NrUeEnergyModel::NotifyUl(uint64_t tti, bool pusch)
{
    NS_LOG_FUNCTION(this << tti << pusch);
    m_accumulator.NotifyUl(tti, pusch);
}

double
NrUeEnergyModel::GetEnergy(Time now) const
{
    return m_accumulator.GetEnergy(now);
}

double
NrUeEnergyModel::GetTtiEnergy(uint64_t tti, bool pdsch, bool pusch) const
{
    NrTtiEnergyAccumulator::Tti t;
    t.index = tti;
    t.dlActive = pdsch;
    t.ulActive = pusch;
    return m_accumulator.GetTtiEnergy(t);
}

uint64_t
NrUeEnergyModel::GetActiveTtis() const
{
    return m_accumulator.GetActiveTtis();
}

void
NrUeEnergyModel::DlTb(uint32_t ue,
                      uint8_t /* mcs */,
                      uint32_t /* prbs */,
                      uint32_t /* tbs */,
                      uint8_t /* attempt */,
                      bool /* ok */)
{
    m_pendingPdsch = m_pendingPdsch || ue == m_ueIndex;
}

void
NrUeEnergyModel::UlTb(uint32_t ue,
                      uint8_t /* mcs */,
                      uint32_t /* prbs */,
                      uint32_t /* tbs */,
                      uint8_t /* attempt */,
                      bool /* ok */)
{
    m_pendingPusch = m_pendingPusch || ue == m_ueIndex;
}

void
NrUeEnergyModel::DlTti(uint64_t tti, uint32_t /* usedPrbs */, uint32_t /* prbs */)
{
    // NrGnbNetDevice fires a TTI's DlTb traces before its DlTti.
    NotifyDl(tti, m_pendingPdsch);
    m_pendingPdsch = false;
}

void
NrUeEnergyModel::UlTti(uint64_t tti, uint32_t /* usedPrbs */, uint32_t /* prbs */)
{
    // NrGnbNetDevice fires a TTI's UlTb traces before its UlTti.
    NotifyUl(tti, m_pendingPusch);
    m_pendingPusch = false;
}

void
NrUeEnergyModel::Attach(Ptr<NrUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    NS_ABORT_MSG_IF(!ue || !ue->GetGnb(), "NrUeEnergyModel: the UE must be attached to a gNB");
    Ptr<NrGnbNetDevice> gnb = ue->GetGnb();
    m_ueIndex = ue->GetUeIndex();
    SetTtiGrid(gnb->GetTtiGrid());
    Start(Simulator::Now());
    gnb->TraceConnectWithoutContext("DlTb", MakeCallback(&NrUeEnergyModel::DlTb, this));
    gnb->TraceConnectWithoutContext("UlTb", MakeCallback(&NrUeEnergyModel::UlTb, this));
    gnb->TraceConnectWithoutContext("DlTti", MakeCallback(&NrUeEnergyModel::DlTti, this));
    gnb->TraceConnectWithoutContext("UlTti", MakeCallback(&NrUeEnergyModel::UlTti, this));
}

} // namespace blueprint
} // namespace ns3
