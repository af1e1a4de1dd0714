/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-gnb-energy-model.h"

#include "model/nr/nr-gnb-net-device.h"

#include "ns3/callback.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrGnbEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(NrGnbEnergyModel);

/// Joules per (W x ms): transition energies are in relative power x ms (TR 38.864 Table 5.1-4).
static constexpr double JOULES_PER_WATT_MS = 1e-3;

// ------------------------------------------------------------------------------------------
// NrTtiEnergyAccumulator

NrTtiEnergyAccumulator::NrTtiEnergyAccumulator(PartPower partPower, GapEnergy gapEnergy)
    : m_partPower(std::move(partPower)),
      m_gapEnergy(std::move(gapEnergy))
{
}

void
NrTtiEnergyAccumulator::SetGrid(const NrTtiGrid& grid)
{
    m_grid = std::make_unique<NrTtiGrid>(grid);
}

bool
NrTtiEnergyAccumulator::HasGrid() const
{
    return m_grid != nullptr;
}

void
NrTtiEnergyAccumulator::Start(Time start)
{
    m_accountedUntil = start;
    m_closedJoules = 0.0;
    m_hasOpen = false;
    m_ttis = 0;
}

void
NrTtiEnergyAccumulator::Open(uint64_t tti)
{
    NS_ABORT_MSG_IF(!m_grid, "NrTtiEnergyAccumulator: no TTI grid; call SetGrid() first");
    if (m_hasOpen)
    {
        const Time start = m_grid->GetStart(m_open.index);
        const Time end = m_grid->GetEnd(m_open.index);
        if (start > m_accountedUntil)
        {
            m_closedJoules += m_gapEnergy(m_accountedUntil, start);
        }
        m_closedJoules += TtiEnergy(m_open, std::max(start, m_accountedUntil), end);
        m_accountedUntil = std::max(m_accountedUntil, end);
    }
    m_open = Tti();
    m_open.index = tti;
    m_hasOpen = true;
    ++m_ttis;
}

void
NrTtiEnergyAccumulator::NotifyDl(uint64_t tti, bool active, double load)
{
    if (!m_hasOpen || m_open.index != tti)
    {
        Open(tti);
    }
    m_open.dlActive = active;
    m_open.dlLoad = std::clamp(load, 0.0, 1.0);
}

void
NrTtiEnergyAccumulator::NotifyUl(uint64_t tti, bool active)
{
    if (!m_hasOpen || m_open.index != tti)
    {
        Open(tti);
    }
    m_open.ulActive = m_open.ulActive || active;
}

double
NrTtiEnergyAccumulator::TtiEnergy(const Tti& tti, Time from, Time to) const
{
    const Time start = m_grid->GetStart(tti.index);
    const Time end = m_grid->GetEnd(tti.index);
    const bool hasDl = m_grid->GetDlSymbols(tti.index) > 0;
    const bool hasUl = m_grid->GetUlSymbols(tti.index) > 0;
    const Time dlEnd = hasDl ? m_grid->GetDlEnd(tti.index) : start;
    const Time ulStart = hasUl ? m_grid->GetUlStart(tti.index) : end;
    // Parts between the symbol boundaries: downlink symbols first, uplink symbols last
    // (TS 38.213 clause 11.1); in FDD both span the whole TTI.
    std::array<Time, 4> cuts{start, dlEnd, ulStart, end}; // no allocation: one call per TTI
    std::sort(cuts.begin(), cuts.end());
    double joules = 0.0;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
    {
        const Time a = std::max(cuts[i], from);
        const Time b = std::min(cuts[i + 1], to);
        if (b <= a)
        {
            continue;
        }
        const bool inDl = hasDl && cuts[i] < dlEnd;
        const bool inUl = hasUl && cuts[i] >= ulStart;
        joules += m_partPower(tti, inDl, inUl) * (b - a).GetSeconds();
    }
    return joules;
}

double
NrTtiEnergyAccumulator::GetTtiEnergy(const Tti& tti) const
{
    NS_ABORT_MSG_UNLESS(m_grid, "NrTtiEnergyAccumulator: no grid");
    return TtiEnergy(tti, m_grid->GetStart(tti.index), m_grid->GetEnd(tti.index));
}

double
NrTtiEnergyAccumulator::GetEnergy(Time now) const
{
    double joules = m_closedJoules;
    Time until = m_accountedUntil;
    if (m_hasOpen)
    {
        const Time start = m_grid->GetStart(m_open.index);
        const Time end = m_grid->GetEnd(m_open.index);
        if (start > until && now > until)
        {
            joules += m_gapEnergy(until, std::min(start, now));
        }
        joules += TtiEnergy(m_open, std::max(start, until), std::min(end, now));
        until = std::max(until, end);
    }
    if (now > until)
    {
        joules += m_gapEnergy(until, now);
    }
    return joules;
}

uint64_t
NrTtiEnergyAccumulator::GetActiveTtis() const
{
    return m_ttis;
}

// ------------------------------------------------------------------------------------------
// NrGnbEnergyModel

TypeId
NrGnbEnergyModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrGnbEnergyModel")
            .SetParent<NrGnbPowerModel>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrGnbEnergyModel>()
            .AddAttribute("Model",
                          "\"EARTH\" (Auer et al. 2011 eq. (1), Table II) or \"TR38864\" (3GPP "
                          "TR 38.864 clause 5.1 relative powers with sleep states).",
                          EnumValue(NrGnbEnergyModel::EARTH),
                          MakeEnumAccessor(&NrGnbEnergyModel::m_model),
                          MakeEnumChecker(NrGnbEnergyModel::EARTH,
                                          "EARTH",
                                          NrGnbEnergyModel::TR38864,
                                          "TR38864"))
            .AddAttribute("BsType",
                          "EARTH base station type, the row of Auer et al. 2011 Table II.",
                          EnumValue(NrGnbEnergyModel::MACRO),
                          MakeEnumAccessor(&NrGnbEnergyModel::m_bsType),
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
            .AddAttribute("BsCategory",
                          "TR 38.864 BS category: 1 (wide area) or 2 (medium range / local "
                          "area), Table 5.1-3.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbEnergyModel::m_category),
                          MakeUintegerChecker<uint32_t>(1, 2))
            .AddAttribute("ReferenceSet",
                          "TR 38.864 reference configuration, Table 5.1-1: 1 = FR1 TDD 100 MHz "
                          "64 TxRU 55 dBm, 2 = FR1 FDD 20 MHz 32 TxRU 49 dBm, 3 = FR2 TDD "
                          "100 MHz 2 TxRU 33 dBm.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbEnergyModel::m_set),
                          MakeUintegerChecker<uint32_t>(1, 3))
            .AddAttribute("LoadIndependentFraction",
                          "A in P_DL = P3 + s_a (P4 - P3) [A + s_f (1 - A)] (TR 38.864 clause "
                          "5.1); 0.4 is the free parameter of the sjeon87/nr implementation: "
                          "verify against the TR.",
                          DoubleValue(0.4),
                          MakeDoubleAccessor(&NrGnbEnergyModel::m_fixedFraction),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("ActiveTxruRatio",
                          "s_a, the share of TxRUs that are active (TR 38.864 clause 5.1).",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&NrGnbEnergyModel::m_activeTxruRatio),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("PowerUnit",
                          "W per TR 38.864 relative unit. 4.8 W makes Cat 1 / Set 1 P4 = 280 "
                          "equal the EARTH macro cell at full load, 1344 W.",
                          DoubleValue(1344.0 / 280.0),
                          MakeDoubleAccessor(&NrGnbEnergyModel::m_powerUnit),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("MaxSleepState",
                          "Deepest state idle time may use: \"micro\" (never sleeps below the "
                          "awake floor, the default), \"light\" or \"deep\" (TR 38.864 "
                          "Table 5.1-3).",
                          EnumValue(NrGnbEnergyModel::MICRO_SLEEP),
                          MakeEnumAccessor(&NrGnbEnergyModel::m_maxSleep),
                          MakeEnumChecker(NrGnbEnergyModel::MICRO_SLEEP,
                                          "micro",
                                          NrGnbEnergyModel::LIGHT_SLEEP,
                                          "light",
                                          NrGnbEnergyModel::DEEP_SLEEP,
                                          "deep"))
            .AddAttribute("SsbPeriod",
                          "Period of the SS/PBCH block bursts an idle cell still sends: 20 ms, "
                          "the period a UE assumes at initial access (TS 38.213 clause 4.1); "
                          "TS 38.331 ssb-periodicityServingCell allows 5 to 160 ms. 0: none.",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&NrGnbEnergyModel::m_ssbPeriod),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SsbBurstDuration",
                          "How long the cell is awake for one SS burst: 2 ms, the four slots "
                          "at 30 kHz that hold the 8 SSB candidates of case C above 3 GHz "
                          "(TS 38.213 clause 4.1, L_max = 8).",
                          TimeValue(MilliSeconds(2)),
                          MakeTimeAccessor(&NrGnbEnergyModel::m_ssbBurst),
                          MakeTimeChecker(Time(0)));
    return tid;
}

NrGnbEnergyModel::NrGnbEnergyModel()
    : m_model(EARTH),
      m_bsType(MACRO),
      m_category(1),
      m_set(1),
      m_fixedFraction(0.4),
      m_activeTxruRatio(1.0),
      m_powerUnit(1344.0 / 280.0),
      m_maxSleep(MICRO_SLEEP),
      m_ssbPeriod(MilliSeconds(20)),
      m_ssbBurst(MilliSeconds(2)),
      m_accumulator([this](const NrTtiEnergyAccumulator::Tti& tti,
                           bool inDl,
                           bool inUl) { return PartPower(tti, inDl, inUl); },
                    [this](Time start, Time end) { return GetIdleGapEnergy(start, end); })
{
    NS_LOG_FUNCTION(this);
}

NrGnbEnergyModel::EarthParameters
NrGnbEnergyModel::GetEarthParameters(BsType type)
{
    // Auer et al. 2011, Table II (P_max 43 dBm = 20 W for macro and RRH).
    switch (type)
    {
    case MACRO:
        return {6, 20.0, 130.0, 4.7, 75.0};
    case RRH:
        return {6, 20.0, 84.0, 2.8, 56.0};
    case MICRO:
        return {2, 6.3, 56.0, 2.6, 39.0};
    case PICO:
        return {2, 0.13, 6.8, 4.0, 4.3};
    case FEMTO:
        return {2, 0.05, 4.8, 8.0, 2.9};
    }
    throw std::invalid_argument("NrGnbEnergyModel: unknown EARTH BS type");
}

NrGnbEnergyModel::Tr38864Parameters
NrGnbEnergyModel::GetTr38864Parameters(uint32_t category, uint32_t set)
{
    if ((category != 1 && category != 2) || set < 1 || set > 3)
    {
        throw std::invalid_argument("NrGnbEnergyModel: TR 38.864 has BS categories 1-2 and "
                                    "reference sets 1-3, not category " +
                                    std::to_string(category) + " set " + std::to_string(set));
    }
    // TR 38.864 Table 5.1-3 (deep sleep = 1), rows category x set.
    static const double powers[2][3][5] = {
        {{1, 25, 55, 280, 110}, {1, 25, 50, 200, 90}, {1, 25, 38, 152, 80}},
        {{1, 2.1, 5.5, 32, 6.5}, {1, 2.1, 5.0, 26, 5.8}, {1, 2.1, 3.0, 17.6, 4.2}}};
    const double* p = powers[category - 1][set - 1];
    Tr38864Parameters out;
    out.deepSleep = p[0];
    out.lightSleep = p[1];
    out.microSleep = p[2];
    out.activeDl = p[3];
    out.activeUl = p[4];
    // Tables 5.1-4/5.1-5: total transition time and additional energy (relative power x ms).
    if (category == 1)
    {
        out.lightSleepTransition = MilliSeconds(6);
        out.lightSleepEnergy = 90.0;
        out.deepSleepTransition = MilliSeconds(50);
        out.deepSleepEnergy = 1000.0;
    }
    else
    {
        out.lightSleepTransition = MilliSeconds(640);
        out.lightSleepEnergy = 1088.0;
        out.deepSleepTransition = Seconds(10);
        out.deepSleepEnergy = 17000.0;
    }
    return out;
}

NrGnbEnergyModel::Tr38864Parameters
NrGnbEnergyModel::GetTr38864Parameters() const
{
    return GetTr38864Parameters(m_category, m_set);
}

double
NrGnbEnergyModel::GetEarthPower(double load) const
{
    const EarthParameters e = GetEarthParameters(m_bsType);
    const double pOut = std::clamp(load, 0.0, 1.0) * e.maxTxPower;
    return e.transceivers * (e.staticPower + e.loadSlope * pOut); // eq. (1)
}

double
NrGnbEnergyModel::GetEarthSleepPower() const
{
    const EarthParameters e = GetEarthParameters(m_bsType);
    return e.transceivers * e.sleepPower; // eq. (1), P_out = 0
}

double
NrGnbEnergyModel::GetRelativeDlPower(double occupiedBandwidthRatio) const
{
    const Tr38864Parameters p = GetTr38864Parameters();
    const double sf = std::clamp(occupiedBandwidthRatio, 0.0, 1.0);
    // TR 38.864 clause 5.1 with s_p = eta = 1.
    return p.microSleep + m_activeTxruRatio * (p.activeDl - p.microSleep) *
                              (m_fixedFraction + sf * (1.0 - m_fixedFraction));
}

double
NrGnbEnergyModel::GetRelativeUlPower() const
{
    const Tr38864Parameters p = GetTr38864Parameters();
    return p.microSleep + m_activeTxruRatio * (p.activeUl - p.microSleep);
}

double
NrGnbEnergyModel::GetDlPower(double load) const
{
    return m_model == EARTH ? GetEarthPower(load) : GetRelativeDlPower(load) * m_powerUnit;
}

double
NrGnbEnergyModel::GetUlPower() const
{
    // EARTH has no receive term: an awake cell with P_out -> 0+.
    return m_model == EARTH ? GetEarthPower(0.0) : GetRelativeUlPower() * m_powerUnit;
}

double
NrGnbEnergyModel::GetAwakeIdlePower() const
{
    return m_model == EARTH ? GetEarthPower(0.0) : GetTr38864Parameters().microSleep * m_powerUnit;
}

double
NrGnbEnergyModel::GetSleepPower(SleepState state) const
{
    // TR 38.864 Table 5.1-3 relative to micro sleep P3, the awake floor.
    const Tr38864Parameters p = GetTr38864Parameters();
    const double relative = state == DEEP_SLEEP    ? p.deepSleep
                            : state == LIGHT_SLEEP ? p.lightSleep
                                                   : p.microSleep;
    return relative / p.microSleep * GetAwakeIdlePower();
}

NrGnbEnergyModel::SleepState
NrGnbEnergyModel::ChooseSleepState(Time gap) const
{
    const Tr38864Parameters p = GetTr38864Parameters();
    const double ms = gap.GetSeconds() * 1e3;
    // Relative power x ms, all against P3: the ratio to watts is the same for every state.
    SleepState best = MICRO_SLEEP;
    double bestEnergy = p.microSleep * ms;
    if (m_maxSleep >= LIGHT_SLEEP && gap >= p.lightSleepTransition &&
        p.lightSleep * ms + p.lightSleepEnergy < bestEnergy)
    {
        best = LIGHT_SLEEP;
        bestEnergy = p.lightSleep * ms + p.lightSleepEnergy;
    }
    if (m_maxSleep >= DEEP_SLEEP && gap >= p.deepSleepTransition &&
        p.deepSleep * ms + p.deepSleepEnergy < bestEnergy)
    {
        best = DEEP_SLEEP;
    }
    return best;
}

double
NrGnbEnergyModel::GetSleepPeriodEnergy(Time gap) const
{
    if (gap.IsStrictlyNegative() || gap.IsZero())
    {
        return 0.0;
    }
    const SleepState state = ChooseSleepState(gap);
    const Tr38864Parameters p = GetTr38864Parameters();
    // Transition energies of Tables 5.1-4/5.1-5 in relative power x ms, scaled like the powers.
    const double transitionRelMs = state == DEEP_SLEEP    ? p.deepSleepEnergy
                                   : state == LIGHT_SLEEP ? p.lightSleepEnergy
                                                          : 0.0;
    const double wattsPerRelative = GetAwakeIdlePower() / p.microSleep;
    return GetSleepPower(state) * gap.GetSeconds() +
           transitionRelMs * wattsPerRelative * JOULES_PER_WATT_MS;
}

std::optional<double>
NrGnbEnergyModel::GetIdlePower() const
{
    const Time stretch = m_ssbPeriod.IsZero() ? Seconds(100) : m_ssbPeriod * 1000;
    return GetIdleGapEnergy(Time(0), stretch) / stretch.GetSeconds();
}

double
NrGnbEnergyModel::GetIdleGapEnergy(Time start, Time end) const
{
    if (end <= start)
    {
        return 0.0;
    }
    const double awake = GetAwakeIdlePower();
    if (m_ssbPeriod.IsZero() || m_maxSleep == MICRO_SLEEP)
    {
        return m_ssbPeriod.IsZero() ? GetSleepPeriodEnergy(end - start)
                                    : awake * (end - start).GetSeconds();
    }
    const Time burst = std::min(m_ssbBurst, m_ssbPeriod);
    // The SS burst of period k occupies [k T, k T + burst).
    const int64_t k = start.GetTimeStep() / m_ssbPeriod.GetTimeStep();
    Time burstStart = m_ssbPeriod * k;
    Time t = start;
    double joules = 0.0;
    if (t < burstStart + burst)
    {
        const Time awakeUntil = std::min(burstStart + burst, end);
        joules += awake * (awakeUntil - t).GetSeconds();
        t = awakeUntil;
    }
    if (t >= end)
    {
        return joules;
    }
    Time nextBurst = burstStart + m_ssbPeriod;
    if (end <= nextBurst)
    {
        return joules + GetSleepPeriodEnergy(end - t);
    }
    joules += GetSleepPeriodEnergy(nextBurst - t);
    t = nextBurst;
    // Whole periods: a burst awake, then one sleep period to the next burst.
    const int64_t periods = (end - t).GetTimeStep() / m_ssbPeriod.GetTimeStep();
    joules += periods * (awake * burst.GetSeconds() + GetSleepPeriodEnergy(m_ssbPeriod - burst));
    t += m_ssbPeriod * periods;
    // The tail: a burst (or part of one), then a sleep period to the end.
    const Time rest = end - t;
    joules += awake * std::min(rest, burst).GetSeconds();
    if (rest > burst)
    {
        joules += GetSleepPeriodEnergy(rest - burst);
    }
    return joules;
}

bool
NrGnbEnergyModel::IncludesSiteOverhead() const
{
    return true;
}

double
NrGnbEnergyModel::PartPower(const NrTtiEnergyAccumulator::Tti& tti, bool inDl, bool inUl) const
{
    // TR 38.864 clause 5.1: UL reception is neglected while the DL transmits (FDD).
    if (inDl && tti.dlActive)
    {
        return GetDlPower(tti.dlLoad);
    }
    if (inUl && tti.ulActive)
    {
        return GetUlPower();
    }
    return GetAwakeIdlePower();
}

void
NrGnbEnergyModel::SetTtiGrid(const NrTtiGrid& grid)
{
    m_accumulator.SetGrid(grid);
}

void
NrGnbEnergyModel::Start(Time start)
{
    m_accumulator.Start(start);
}

void
NrGnbEnergyModel::NotifyDlTti(uint64_t tti, uint32_t usedPrbs, uint32_t prbs)
{
    NS_LOG_FUNCTION(this << tti << usedPrbs << prbs);
    m_accumulator.NotifyDl(tti,
                           usedPrbs > 0,
                           prbs > 0 ? static_cast<double>(usedPrbs) / prbs : 0.0);
}

void
NrGnbEnergyModel::NotifyUlTti(uint64_t tti, uint32_t usedPrbs, uint32_t prbs)
{
    NS_LOG_FUNCTION(this << tti << usedPrbs << prbs);
    m_accumulator.NotifyUl(tti, usedPrbs > 0);
}

double
NrGnbEnergyModel::GetEnergy(Time now) const
{
    return m_accumulator.GetEnergy(now);
}

uint64_t
NrGnbEnergyModel::GetActiveTtis() const
{
    return m_accumulator.GetActiveTtis();
}

void
NrGnbEnergyModel::Attach(Ptr<NrGnbNetDevice> gnb)
{
    NS_LOG_FUNCTION(this << gnb);
    NS_ABORT_MSG_IF(!gnb, "NrGnbEnergyModel: null gNB device");
    SetTtiGrid(gnb->GetTtiGrid());
    Start(Simulator::Now());
    gnb->TraceConnectWithoutContext("DlTti", MakeCallback(&NrGnbEnergyModel::NotifyDlTti, this));
    gnb->TraceConnectWithoutContext("UlTti", MakeCallback(&NrGnbEnergyModel::NotifyUlTti, this));
}

} // namespace blueprint
} // namespace ns3
