/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-channel.h"

#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-propagation-scenario.h"
#include "model/nr/nr-spatial-condition-model.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/channel-condition-model.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/three-gpp-propagation-loss-model.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrChannel");

NS_OBJECT_ENSURE_REGISTERED(NrChannel);

namespace
{

/// Thermal noise density k T0 at T0 = 290 K: -173.98 dBm/Hz, written -174 dBm/Hz as the 3GPP and
/// ITU-R evaluation assumptions write it (e.g. ITU-R M.2412 clause 8, TR 38.901 clause 7.8).
constexpr double THERMAL_NOISE_DBM_PER_HZ = -174.0;

/// Upper edge of frequency range 1, Hz: FR1 is 410-7125 MHz (TS 38.104 Table 5.1-1); above it
/// the carrier is FR2 (24250-52600 MHz) for the N_RB tables.
constexpr double FR1_UPPER_EDGE_HZ = 7125e6;

/// Subcarriers per resource block, N_sc^RB = 12 (TS 38.211 clause 4.4.4.1).
constexpr double SUBCARRIERS_PER_RB = 12.0;

/// The ns-3 TR 38.901 models accept 0.5-100 GHz, the range TR 38.901 clause 7 covers.
constexpr double MIN_FREQUENCY_HZ = 0.5e9;
/// Upper end of the TR 38.901 frequency range, Hz.
constexpr double MAX_FREQUENCY_HZ = 100e9;

/// Marks a (UE, gNB) pair whose path gain has never been computed.
constexpr uint32_t NEVER_COMPUTED = std::numeric_limits<uint32_t>::max();
/// Streams a pair's models may take (ns-3.37's TR 38.901 path loss takes 5, a condition model 1).
constexpr int64_t PAIR_STREAMS = 8;
/// Pairs without streams of their own that AssignStreams() reserves streams for.
constexpr int64_t FALLBACK_PAIRS = int64_t{1} << 17;

/**
 * \brief Convert a power from dBm to mW.
 * \param dbm power, dBm.
 * \return power, mW.
 */
double
DbmToMw(double dbm)
{
    return std::pow(10.0, dbm / 10.0);
}

/**
 * \brief Convert a power from mW to dBm.
 * \param mw power, mW.
 * \return power, dBm.
 */
double
MwToDbm(double mw)
{
    return 10.0 * std::log10(mw);
}

} // namespace

TypeId
NrChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrChannel")
            .SetParent<Channel>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrChannel>()
            .AddAttribute("Frequency",
                          "Carrier centre frequency, Hz (TR 38.901 covers 0.5-100 GHz; its RMa "
                          "model 0.5-30 GHz, NrPropagationScenario::GetMaxFrequency).",
                          DoubleValue(3.5e9),
                          MakeDoubleAccessor(&NrChannel::SetFrequency, &NrChannel::GetFrequency),
                          MakeDoubleChecker<double>(MIN_FREQUENCY_HZ, MAX_FREQUENCY_HZ))
            .AddAttribute("Bandwidth",
                          "Carrier (channel) bandwidth, Hz: sets the noise power and, with "
                          "Numerology, the resource elements RSRP is measured over.",
                          DoubleValue(100e6),
                          MakeDoubleAccessor(&NrChannel::SetBandwidth, &NrChannel::GetBandwidth),
                          MakeDoubleChecker<double>(1e6))
            .AddAttribute(
                "Numerology",
                "Numerology mu of the carrier (subcarrier spacing 15 * 2^mu kHz); "
                "only used to count the carrier's resource blocks for RSRP.",
                UintegerValue(1),
                MakeUintegerAccessor(&NrChannel::SetNumerology, &NrChannel::GetNumerology),
                MakeUintegerChecker<uint8_t>(0, 3))
            .AddAttribute("Scenario",
                          "TR 38.901 deployment scenario: its path loss and channel condition "
                          "models, LOS probability and LOS correlation distance. Any "
                          "ns3::blueprint::NrPropagationScenario.",
                          StringValue("ns3::blueprint::NrRmaScenario"),
                          MakePointerAccessor(&NrChannel::SetScenario, &NrChannel::GetScenario),
                          MakePointerChecker<NrPropagationScenario>())
            .AddAttribute("ChannelCondition",
                          "LOS/NLOS state of the links: Auto draws it from the scenario's LOS "
                          "probability (TR 38.901 Table 7.4.2-1); LOS or NLOS forces it.",
                          EnumValue(NrChannel::AUTO),
                          MakeEnumAccessor(&NrChannel::SetCondition, &NrChannel::GetCondition),
                          MakeEnumChecker(NrChannel::AUTO,
                                          "Auto",
                                          NrChannel::LOS,
                                          "LOS",
                                          NrChannel::NLOS,
                                          "NLOS"))
            .AddAttribute("Shadowing",
                          "Draw log-normal shadow fading (TR 38.901 Table 7.4.1-1), correlated "
                          "over the distance a UE moves (clause 7.4.4).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&NrChannel::SetShadowing, &NrChannel::GetShadowing),
                          MakeBooleanChecker())
            .AddAttribute("ConditionUpdatePeriod",
                          "0 (default): the Auto LOS state follows each UE as it moves "
                          "(NrSpatialConditionModel, TR 38.901 7.6.3.3); > 0: ns-3's model, "
                          "an independent draw per link every period.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&NrChannel::SetConditionUpdatePeriod,
                                           &NrChannel::GetConditionUpdatePeriod),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("UpdatePeriod",
                          "The longest a cached path gain is used before it is recomputed; 0 "
                          "recomputes only on movement.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&NrChannel::m_updatePeriod),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MovementThreshold",
                          "Distance a UE or gNB must move before its cached path gains are "
                          "recomputed, m.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&NrChannel::m_movementThreshold),
                          MakeDoubleChecker<double>(0.0))
            .AddTraceSource("PathGainUpdate",
                            "A (UE, gNB) path gain was recomputed.",
                            MakeTraceSourceAccessor(&NrChannel::m_pathGainTrace),
                            "ns3::blueprint::NrChannel::PathGainTracedCallback");
    return tid;
}

NrChannel::NrChannel()
    : m_frequency(3.5e9),
      m_bandwidth(100e6),
      m_numerology(1),
      m_condition(AUTO),
      m_shadowing(true),
      m_conditionUpdatePeriod(Time(0)),
      m_updatePeriod(Seconds(1)),
      m_movementThreshold(1.0),
      m_stream(-1),
      m_fallbackPairs(0),
      m_rsrpOffsetDb(0.0),
      m_rsrpOffsetValid(false),
      m_gnbPositionsChecked(false),
      m_ueCourseChanges(0)
{
    NS_LOG_FUNCTION(this);
}

NrChannel::~NrChannel()
{
    NS_LOG_FUNCTION(this);
}

void
NrChannel::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_pairStreams = nullptr;
    for (GnbEntry& g : m_gnbs)
    {
        g.mobility->TraceDisconnectWithoutContext("CourseChange",
                                                  MakeCallback(&NrChannel::GnbCourseChanged, this));
    }
    m_gnbs.clear();
    m_ues.clear();
    m_devices.clear();
    Channel::DoDispose();
}

// ---------------------------------------------------------------------------------------------
// Attributes

void
NrChannel::SetFrequency(double frequencyHz)
{
    NS_LOG_FUNCTION(this << frequencyHz);
    m_frequency = frequencyHz;
    m_rsrpOffsetValid = false;
    ResetModels();
}

double
NrChannel::GetFrequency() const
{
    return m_frequency;
}

void
NrChannel::SetBandwidth(double bandwidthHz)
{
    NS_LOG_FUNCTION(this << bandwidthHz);
    m_bandwidth = bandwidthHz;
    m_rsrpOffsetValid = false;
    UpdateNoise();
}

double
NrChannel::GetBandwidth() const
{
    return m_bandwidth;
}

void
NrChannel::SetNumerology(uint8_t mu)
{
    NS_LOG_FUNCTION(this << +mu);
    m_numerology = mu;
    m_rsrpOffsetValid = false;
}

uint8_t
NrChannel::GetNumerology() const
{
    return m_numerology;
}

void
NrChannel::SetScenario(Ptr<NrPropagationScenario> scenario)
{
    NS_LOG_FUNCTION(this << scenario);
    m_scenario = scenario;
    ResetModels();
}

Ptr<NrPropagationScenario>
NrChannel::GetScenario() const
{
    return m_scenario;
}

void
NrChannel::SetCondition(Condition condition)
{
    NS_LOG_FUNCTION(this << condition);
    m_condition = condition;
    ResetModels();
}

NrChannel::Condition
NrChannel::GetCondition() const
{
    return m_condition;
}

void
NrChannel::SetShadowing(bool enabled)
{
    NS_LOG_FUNCTION(this << enabled);
    m_shadowing = enabled;
    ResetModels();
}

bool
NrChannel::GetShadowing() const
{
    return m_shadowing;
}

void
NrChannel::SetConditionUpdatePeriod(Time period)
{
    NS_LOG_FUNCTION(this << period);
    m_conditionUpdatePeriod = period;
    ResetModels();
}

Time
NrChannel::GetConditionUpdatePeriod() const
{
    return m_conditionUpdatePeriod;
}

// ---------------------------------------------------------------------------------------------
// Models and caches

void
NrChannel::ResetModels()
{
    for (auto& [pair, model] : m_pairModels)
    {
        model->Dispose();
    }
    m_pairModels.clear();
    m_fallbackPairs = 0;
    // Every cached gain came from the old models; a new model instance also starts a new shadow
    // fading history, so every pair is computed afresh.
    for (UeEntry& u : m_ues)
    {
        u.valid = false;
        std::fill(u.gnbPositionVersion.begin(), u.gnbPositionVersion.end(), NEVER_COMPUTED);
    }
}

Ptr<ThreeGppPropagationLossModel>
NrChannel::CreatePairModel(uint32_t ue, uint32_t gnb) const
{
    NS_LOG_FUNCTION(this << ue << gnb);
    NS_ABORT_MSG_IF(!m_scenario, "NrChannel: no Scenario");
    Ptr<ThreeGppPropagationLossModel> propagation = m_scenario->CreatePropagationLossModel();
    // The scenario knows its model's validity (RMa: TR 38.901 Table 7.4.1-1, up to 30 GHz).
    NS_ABORT_MSG_IF(m_frequency > m_scenario->GetMaxFrequency(),
                    "NrChannel: the path loss model of "
                        << m_scenario->GetInstanceTypeId().GetName() << " is valid up to "
                        << m_scenario->GetMaxFrequency() / 1e9 << " GHz, not " << m_frequency / 1e9
                        << " GHz");

    Ptr<ChannelConditionModel> condition;
    switch (m_condition)
    {
    case AUTO:
        if (m_conditionUpdatePeriod.IsStrictlyPositive())
        {
            // ns-3's model: an independent draw per link every period. Built only here: every
            // pair of a carrier has models of its own, and one made and dropped unused would
            // cost each pair four more objects to build (the model, its three random variables).
            Ptr<ThreeGppChannelConditionModel> periodic = m_scenario->CreateChannelConditionModel();
            periodic->SetAttribute("UpdatePeriod", TimeValue(m_conditionUpdatePeriod));
            condition = periodic;
        }
        else
        {
            // The state follows a moving UE (TR 38.901 7.6.3.3), with the scenario's LOS
            // probability and LOS state correlation distance.
            Ptr<NrSpatialConditionModel> spatial = CreateObject<NrSpatialConditionModel>();
            spatial->SetAttribute("Scenario", PointerValue(m_scenario));
            condition = spatial;
        }
        break;
    case LOS:
        condition = CreateObject<AlwaysLosChannelConditionModel>();
        break;
    case NLOS:
        condition = CreateObject<NeverLosChannelConditionModel>();
        break;
    default:
        NS_FATAL_ERROR("NrChannel: unknown channel condition mode " << m_condition);
    }
    propagation->SetAttribute("Frequency", DoubleValue(m_frequency));
    propagation->SetAttribute("ShadowingEnabled", BooleanValue(m_shadowing));
    propagation->SetChannelConditionModel(condition);
    // The pair's own streams when its ends are named (SetPairStreams); otherwise the next of the
    // carrier's, in the order pairs are first evaluated.
    int64_t stream = -1;
    if (m_pairStreams)
    {
        stream = m_pairStreams(m_gnbs[gnb].device->GetNode(), m_ues[ue].device->GetNode());
        // Whoever names pairs names them all (the NR plug-in registers every gNB and UE group of
        // the carrier): a pair left to the carrier's streams, in evaluation order, would silently
        // give up common random numbers.
        NS_ABORT_MSG_IF(stream < 0,
                        "NrChannel: the pair of UE " << ue << " and gNB " << gnb
                                                     << " has no random streams of its own");
    }
    else if (m_stream >= 0)
    {
        NS_ABORT_MSG_IF(m_fallbackPairs >= FALLBACK_PAIRS,
                        "NrChannel: more pairs than reserved random streams");
        stream = m_stream + PAIR_STREAMS * m_fallbackPairs++;
    }
    if (stream >= 0)
    {
        const int64_t used = propagation->AssignStreams(stream);
        NS_ABORT_MSG_IF(used + condition->AssignStreams(stream + used) > PAIR_STREAMS,
                        "NrChannel: a pair's models took more than " << PAIR_STREAMS
                                                                     << " random streams");
    }
    return propagation;
}

double
NrChannel::NoisePowerMw(double noiseFigureDb) const
{
    return DbmToMw(THERMAL_NOISE_DBM_PER_HZ + 10.0 * std::log10(m_bandwidth) + noiseFigureDb);
}

void
NrChannel::UpdateNoise()
{
    for (GnbEntry& g : m_gnbs)
    {
        g.noiseMw = NoisePowerMw(g.radio.noiseFigureDb);
    }
    for (UeEntry& u : m_ues)
    {
        u.noiseMw = NoisePowerMw(u.radio.noiseFigureDb);
    }
}

void
NrChannel::UpdateRsrpOffset() const
{
    if (m_rsrpOffsetValid)
    {
        return;
    }
    const bool fr2 = m_frequency > FR1_UPPER_EDGE_HZ;
    const uint32_t resourceBlocks = NrMaxResourceBlocks(m_bandwidth, m_numerology, fr2);
    m_rsrpOffsetDb = -10.0 * std::log10(SUBCARRIERS_PER_RB * resourceBlocks);
    m_rsrpOffsetValid = true;
}

Ptr<MobilityModel>
NrChannel::GetMobility(Ptr<NetDevice> dev)
{
    NS_ABORT_MSG_UNLESS(dev, "NrChannel: null device");
    Ptr<Node> node = dev->GetNode();
    NS_ABORT_MSG_UNLESS(node, "NrChannel: the device must be installed on a node first");
    Ptr<MobilityModel> mobility = node->GetObject<MobilityModel>();
    NS_ABORT_MSG_UNLESS(mobility, "NrChannel: node " << node->GetId() << " has no MobilityModel");
    return mobility;
}

void
NrChannel::ComputePair(UeEntry& u, uint32_t ue, uint32_t gnb) const
{
    const GnbEntry& g = m_gnbs[gnb];
    Ptr<ThreeGppPropagationLossModel>& model = m_pairModels[{ue, gnb}];
    if (!model)
    {
        model = CreatePairModel(ue, gnb);
    }
    if (u.gnbPositionVersion[gnb] == NEVER_COMPUTED && m_shadowing)
    {
        // ns-3's ThreeGppPropagationLossModel::GetShadowing stores a zero displacement vector
        // with a link's first shadowing draw, so the next call correlates over the full UE-gNB
        // distance instead of over the distance moved, i.e. redraws. One discarded call settles
        // the stored vector, so the clause 7.4.4 correlation holds from the first movement on.
        model->CalcRxPower(0.0, g.mobility, u.mobility);
    }
    // The TR 38.901 models are reciprocal: the condition and shadowing maps are keyed by the
    // unordered node pair, and the path loss formulas take the higher end as the BS.
    const double gainDb = model->CalcRxPower(0.0, g.mobility, u.mobility);
    NS_ABORT_MSG_UNLESS(std::isfinite(gainDb),
                        "NrChannel: UE " << ue << " is at the same position as gNB " << gnb);
    u.pathGainDb[gnb] = gainDb;
    u.dlRxMw[gnb] =
        DbmToMw(g.radio.txPowerDbm + g.radio.antennaGainDbi + u.radio.antennaGainDbi + gainDb);
    u.ulRxMw[gnb] =
        DbmToMw(u.radio.txPowerDbm + u.radio.antennaGainDbi + g.radio.antennaGainDbi + gainDb);
    u.gnbPositionVersion[gnb] = g.positionVersion;
    m_pathGainTrace(ue, gnb, gainDb);
}

void
NrChannel::CheckGnbPositions() const
{
    // A gNB that moved invalidates its pairs with every UE; each UE notices through the version
    // number when it is next asked about.
    const double threshold2 = m_movementThreshold * m_movementThreshold;
    for (GnbEntry& g : m_gnbs)
    {
        const Vector position = g.mobility->GetPosition();
        if (CalculateDistanceSquared(position, g.position) > threshold2)
        {
            g.position = position;
            ++g.positionVersion;
        }
    }
}

void
NrChannel::GnbCourseChanged(Ptr<const MobilityModel> mobility)
{
    m_gnbPositionsChecked = false;
}

void
NrChannel::UeCourseChanged(Ptr<const MobilityModel> mobility)
{
    ++m_ueCourseChanges;
}

const NrChannel::UeEntry&
NrChannel::Refresh(uint32_t ue) const
{
    NS_ABORT_MSG_UNLESS(ue < m_ues.size(), "NrChannel: no UE " << ue);
    const double threshold2 = m_movementThreshold * m_movementThreshold;
    const Time now = Simulator::Now();
    // gNB positions are polled once per simulation time (a moving gNB, e.g. a vehicle-mounted
    // cell, cannot have moved between two calls at the same time), and again after any of them
    // reports a course change (a test or a helper moving it by hand).
    if (!m_gnbPositionsChecked || now != m_gnbPositionsCheckedAt)
    {
        CheckGnbPositions();
        m_gnbPositionsChecked = true;
        m_gnbPositionsCheckedAt = now;
    }
    UeEntry& u = m_ues[ue];
    // A UE's position is read once per simulation time too: the MAC asks for the same UE's SINR
    // several times in a slot. A valid cache read at this time, with no course change reported
    // since, stays valid (it was not stale then, and neither time nor position moved).
    const bool polled = u.valid && u.polledAt == now && u.polledChanges == m_ueCourseChanges;
    bool stale = false;
    Vector position = u.position;
    if (!polled)
    {
        position = u.mobility->GetPosition();
        stale = !u.valid || CalculateDistanceSquared(position, u.position) > threshold2 ||
                (m_updatePeriod.IsStrictlyPositive() && now - u.computedAt >= m_updatePeriod);
        u.polledAt = now;
        u.polledChanges = m_ueCourseChanges;
    }
    if (stale)
    {
        for (uint32_t g = 0; g < m_gnbs.size(); ++g)
        {
            ComputePair(u, ue, g);
        }
        u.position = position;
        u.computedAt = now;
        u.valid = true;
        return u;
    }
    for (uint32_t g = 0; g < m_gnbs.size(); ++g)
    {
        if (u.gnbPositionVersion[g] != m_gnbs[g].positionVersion)
        {
            ComputePair(u, ue, g);
        }
    }
    return u;
}

// ---------------------------------------------------------------------------------------------
// Attaching devices

uint32_t
NrChannel::AddGnb(Ptr<NetDevice> dev, const NrGnbRadio& radio)
{
    NS_LOG_FUNCTION(this << dev);
    UpdateRsrpOffset();
    GnbEntry g;
    g.device = dev;
    g.mobility = GetMobility(dev);
    g.radio = radio;
    g.noiseMw = NoisePowerMw(radio.noiseFigureDb);
    g.position = g.mobility->GetPosition();
    if (std::abs(g.position.z - radio.heightM) > 0.01)
    {
        NS_LOG_WARN("NrChannel: gNB node " << dev->GetNode()->GetId()
                                           << " is at z = " << g.position.z << " m, its radio says "
                                           << radio.heightM << " m; the node position is used");
    }
    g.mobility->TraceConnectWithoutContext("CourseChange",
                                           MakeCallback(&NrChannel::GnbCourseChanged, this));
    m_gnbs.push_back(g);
    m_gnbPositionsChecked = false;
    for (UeEntry& u : m_ues)
    {
        u.pathGainDb.push_back(0.0);
        u.dlRxMw.push_back(0.0);
        u.ulRxMw.push_back(0.0);
        u.gnbPositionVersion.push_back(NEVER_COMPUTED);
    }
    m_devices.push_back(dev);
    return static_cast<uint32_t>(m_gnbs.size() - 1);
}

uint32_t
NrChannel::AddUe(Ptr<NetDevice> dev, const NrUeRadio& radio)
{
    NS_LOG_FUNCTION(this << dev);
    UpdateRsrpOffset();
    UeEntry u;
    u.device = dev;
    u.mobility = GetMobility(dev);
    u.radio = radio;
    u.noiseMw = NoisePowerMw(radio.noiseFigureDb);
    const double z = u.mobility->GetPosition().z;
    if (std::abs(z - radio.heightM) > 0.01)
    {
        NS_LOG_WARN("NrChannel: UE node " << dev->GetNode()->GetId() << " is at z = " << z
                                          << " m, its radio says " << radio.heightM
                                          << " m; the node position is used");
    }
    u.pathGainDb.assign(m_gnbs.size(), 0.0);
    u.dlRxMw.assign(m_gnbs.size(), 0.0);
    u.ulRxMw.assign(m_gnbs.size(), 0.0);
    u.gnbPositionVersion.assign(m_gnbs.size(), NEVER_COMPUTED);
    u.mobility->TraceConnectWithoutContext("CourseChange",
                                           MakeCallback(&NrChannel::UeCourseChanged, this));
    m_ues.push_back(u);
    m_devices.push_back(dev);
    return static_cast<uint32_t>(m_ues.size() - 1);
}

uint32_t
NrChannel::GetNGnbs() const
{
    return static_cast<uint32_t>(m_gnbs.size());
}

uint32_t
NrChannel::GetNUes() const
{
    return static_cast<uint32_t>(m_ues.size());
}

Ptr<NetDevice>
NrChannel::GetGnbDevice(uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return m_gnbs[gnb].device;
}

Ptr<NetDevice>
NrChannel::GetUeDevice(uint32_t ue) const
{
    NS_ABORT_MSG_UNLESS(ue < m_ues.size(), "NrChannel: no UE " << ue);
    return m_ues[ue].device;
}

const NrGnbRadio&
NrChannel::GetGnbRadio(uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return m_gnbs[gnb].radio;
}

const NrUeRadio&
NrChannel::GetUeRadio(uint32_t ue) const
{
    NS_ABORT_MSG_UNLESS(ue < m_ues.size(), "NrChannel: no UE " << ue);
    return m_ues[ue].radio;
}

std::size_t
NrChannel::GetNDevices() const
{
    return m_devices.size();
}

Ptr<NetDevice>
NrChannel::GetDevice(std::size_t i) const
{
    NS_ABORT_MSG_UNLESS(i < m_devices.size(), "NrChannel: no device " << i);
    return m_devices[i];
}

// ---------------------------------------------------------------------------------------------
// Powers and SINR

double
NrChannel::GetPathGainDb(uint32_t ue, uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return Refresh(ue).pathGainDb[gnb];
}

double
NrChannel::GetDlRxPowerDbm(uint32_t ue, uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return MwToDbm(Refresh(ue).dlRxMw[gnb]);
}

double
NrChannel::GetUlRxPowerDbm(uint32_t ue, uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return MwToDbm(Refresh(ue).ulRxMw[gnb]);
}

double
NrChannel::GetRsrpDbm(uint32_t ue, uint32_t gnb) const
{
    UpdateRsrpOffset();
    return GetDlRxPowerDbm(ue, gnb) + m_rsrpOffsetDb;
}

double
NrChannel::GetDlSinr(uint32_t ue, uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    const UeEntry& u = Refresh(ue);
    double interferenceMw = 0.0;
    for (uint32_t g = 0; g < m_gnbs.size(); ++g)
    {
        if (g != gnb)
        {
            interferenceMw += m_gnbs[g].activity * u.dlRxMw[g];
        }
    }
    return u.dlRxMw[gnb] / (u.noiseMw + interferenceMw);
}

double
NrChannel::GetUlSinr(uint32_t ue, uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return Refresh(ue).ulRxMw[gnb] / m_gnbs[gnb].noiseMw;
}

double
NrChannel::GetUlSinr(uint32_t ue, uint32_t gnb, double bandwidthFraction) const
{
    NS_ABORT_MSG_UNLESS(bandwidthFraction > 0.0 && bandwidthFraction <= 1.0,
                        "NrChannel: uplink bandwidth fraction " << bandwidthFraction
                                                                << " is not in (0, 1]");
    return GetUlSinr(ue, gnb) / bandwidthFraction;
}

double
NrChannel::GetUeNoisePowerDbm(uint32_t ue) const
{
    NS_ABORT_MSG_UNLESS(ue < m_ues.size(), "NrChannel: no UE " << ue);
    return MwToDbm(m_ues[ue].noiseMw);
}

double
NrChannel::GetGnbNoisePowerDbm(uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return MwToDbm(m_gnbs[gnb].noiseMw);
}

void
NrChannel::SetDlActivity(uint32_t gnb, double fractionOfPrbsUsed)
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    NS_ABORT_MSG_UNLESS(fractionOfPrbsUsed >= 0.0 && fractionOfPrbsUsed <= 1.0,
                        "NrChannel: downlink activity " << fractionOfPrbsUsed
                                                        << " is not in [0, 1]");
    m_gnbs[gnb].activity = fractionOfPrbsUsed;
}

double
NrChannel::GetDlActivity(uint32_t gnb) const
{
    NS_ABORT_MSG_UNLESS(gnb < m_gnbs.size(), "NrChannel: no gNB " << gnb);
    return m_gnbs[gnb].activity;
}

uint32_t
NrChannel::GetBestGnb(uint32_t ue) const
{
    NS_ABORT_MSG_IF(m_gnbs.empty(), "NrChannel: no gNB to choose from");
    const UeEntry& u = Refresh(ue);
    // RSRP is the received power less a per-carrier constant, so the strongest carrier power is
    // the strongest RSRP.
    uint32_t best = 0;
    for (uint32_t g = 1; g < m_gnbs.size(); ++g)
    {
        if (u.dlRxMw[g] > u.dlRxMw[best])
        {
            best = g;
        }
    }
    return best;
}

bool
NrChannel::HasAssignedStreams() const
{
    return m_stream >= 0;
}

int64_t
NrChannel::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_stream = stream;
    // Every pair's models are rebuilt, with streams, when next evaluated.
    ResetModels();
    return PAIR_STREAMS * FALLBACK_PAIRS;
}

void
NrChannel::SetPairStreams(PairStreams streams)
{
    NS_LOG_FUNCTION(this);
    m_pairStreams = std::move(streams);
    ResetModels();
}

} // namespace blueprint
} // namespace ns3
