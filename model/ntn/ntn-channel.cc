/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-channel.h"

#include "model/ntn/ntn-gateway-net-device.h"
#include "model/ntn/ntn-terminal-net-device.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnChannel");

namespace
{

/**
 * \param route the platforms a terminal's packets traverse, the serving one first
 * \return the serving platform, or -1 for an empty route. (Written out because `empty() ? -1 :
 * front()` has the type of front(), unsigned: its -1 would be 4,294,967,295.)
 */
int64_t
ServingOf(const std::vector<uint32_t>& route)
{
    return route.empty() ? int64_t{-1} : static_cast<int64_t>(route.front());
}

} // namespace

NS_OBJECT_ENSURE_REGISTERED(NtnChannel);

namespace
{
/// Slots for beams' streams per channel: a beam's pair of carriers takes four streams (two
/// each) at the slot its platform and cell hash to.
constexpr int64_t BEAM_SLOTS = 1 << 17;
/// Streams per beam slot.
constexpr int64_t STREAMS_PER_BEAM = 4;

/**
 * \param platform a beam's serving platform
 * \param cell its ground cell
 * \return its preferred stream slot: MurmurHash3's fmix64 (Appleby, SMHasher) of both, so
 *         neighbouring cells and platforms spread over the slots
 */
int64_t
BeamSlot(int64_t platform, int64_t cell)
{
    uint64_t h =
        static_cast<uint64_t>(platform) * 0x9e3779b97f4a7c15ULL ^ static_cast<uint64_t>(cell);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return static_cast<int64_t>(h % BEAM_SLOTS);
}
} // namespace

TypeId
NtnChannel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnChannel")
            .SetParent<Channel>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnChannel>()
            .AddAttribute("Platform",
                          "The platforms (any class inheriting from ns3::blueprint::NtnPlatform).",
                          PointerValue(),
                          MakePointerAccessor(&NtnChannel::m_platform),
                          MakePointerChecker<NtnPlatform>())
            .AddAttribute("PathLoss",
                          "TR 38.811 scenario at the terminals (any class inheriting from "
                          "ns3::blueprint::NtnPathLoss).",
                          PointerValue(),
                          MakePointerAccessor(&NtnChannel::m_pathLoss),
                          MakePointerChecker<NtnPathLoss>())
            .AddAttribute("LinkBudget",
                          "Link budget and ACM.",
                          PointerValue(),
                          MakePointerAccessor(&NtnChannel::m_linkBudget),
                          MakePointerChecker<NtnLinkBudget>())
            .AddAttribute("Payload",
                          "Transparent (bent pipe via the gateway) or regenerative payload.",
                          EnumValue(NtnChannel::TRANSPARENT),
                          MakeEnumAccessor(&NtnChannel::m_payload),
                          MakeEnumChecker(NtnChannel::TRANSPARENT,
                                          "Transparent",
                                          NtnChannel::REGENERATIVE,
                                          "Regenerative"))
            .AddAttribute("InterSatelliteLinks",
                          "With a regenerative payload, route over inter-satellite links to the "
                          "satellite serving the gateway instead of requiring both in view of "
                          "one satellite.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&NtnChannel::m_interSatelliteLinks),
                          MakeBooleanChecker())
            .AddAttribute("GatewayMinElevation",
                          "Lowest elevation a gateway uses, degrees (25 in SpaceX's early FCC "
                          "gateway filings).",
                          DoubleValue(25.0),
                          MakeDoubleAccessor(&NtnChannel::m_gatewayMinElevationDeg),
                          MakeDoubleChecker<double>(0.0, 90.0))
            .AddAttribute("Interruption",
                          "How long a terminal's link is down when its platform changes.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_interruption),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("InterruptionMode",
                          "What happens to packets during an interruption.",
                          EnumValue(NtnChannel::HOLD),
                          MakeEnumAccessor(&NtnChannel::m_interruptionMode),
                          MakeEnumChecker(NtnChannel::HOLD, "Hold", NtnChannel::DROP, "Drop"))
            .AddAttribute("ReassignmentOffset",
                          "Time of the first reassignment boundary after t = 0 modulo the period.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_reassignmentOffset),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("AcmPeriod",
                          "How often a terminal's link budget and MODCOD are evaluated again.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&NtnChannel::m_acmPeriod),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("RainHeight",
                          "Rain height at the terminals' sites (ITU-R P.839), m; 4.5 km is an "
                          "assumption for Japanese summer rain.",
                          DoubleValue(4500.0),
                          MakeDoubleAccessor(&NtnChannel::m_rainHeightM),
                          MakeDoubleChecker<double>(0.0, 10000.0))
            .AddAttribute("ProcessingDelay",
                          "Fixed latency a packet gains per direction in modems, on board and in "
                          "the gateway's switching, on top of queueing, transmission and "
                          "propagation.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_processing),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("OnboardProcessing",
                          "Processing delay of a regenerative payload per satellite traversed.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_onboardProcessing),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxConsecutiveSlots",
                          "Reassignment periods a platform may serve a terminal in a row before "
                          "another one that qualifies is taken (0 = no limit).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NtnChannel::m_maxConsecutiveSlots),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ReturnAccess",
                          "How terminals get return capacity.",
                          EnumValue(NtnChannel::CONTINUOUS),
                          MakeEnumAccessor(&NtnChannel::m_returnAccess),
                          MakeEnumChecker(NtnChannel::CONTINUOUS,
                                          "Continuous",
                                          NtnChannel::REQUEST_GRANT,
                                          "RequestGrant"))
            .AddAttribute("GrantAtGateway",
                          "With RequestGrant, the return scheduler is at the gateway (else on "
                          "the platform).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&NtnChannel::m_grantAtGateway),
                          MakeBooleanChecker())
            .AddAttribute("GrantHold",
                          "With RequestGrant, how long a grant outlives an empty queue.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_grantHold),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("FrameDuration",
                          "Frame of every beam carrier: an idle carrier starts sending at a "
                          "frame boundary (0 = at once).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_frameDuration),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ReturnFrameDuration",
                          "Frame of the return carriers (a DVB-RCS2 superframe), and the period "
                          "at which a return scheduler decides (0 = FrameDuration).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&NtnChannel::m_returnFrameDuration),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("SchedulingLead",
                          "Frames between the boundary at which an idle forward carrier's "
                          "scheduler decides and the frame that carries the decision.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NtnChannel::m_schedulingLead),
                          MakeUintegerChecker<uint32_t>(0, 1000))
            .AddAttribute("ReturnSchedulingLead",
                          "Frames between the boundary at which an idle return carrier's "
                          "scheduler decides (or a grant is received) and the frame the "
                          "terminal sends in.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NtnChannel::m_returnSchedulingLead),
                          MakeUintegerChecker<uint32_t>(0, 1000))
            .AddAttribute("ReturnConstantRate",
                          "With RequestGrant, the constant rate assignment of every terminal, "
                          "bit/s: a packet its slots of one return frame hold goes without a "
                          "request (0 = none).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&NtnChannel::m_returnConstantRate),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("BackgroundLoad",
                          "Share of every beam carrier taken by subscribers not simulated.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&NtnChannel::m_backgroundLoad),
                          MakeDoubleChecker<double>(0.0, 0.99))
            .AddAttribute("BackgroundBurst",
                          "Mean carrier time of one background burst.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&NtnChannel::m_backgroundBurst),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute(
                "SchedulerType",
                "Beam scheduler (any class inheriting from ns3::blueprint::NtnBeamScheduler).",
                TypeIdValue(NtnRoundRobinBeamScheduler::GetTypeId()),
                MakeTypeIdAccessor(&NtnChannel::m_schedulerType),
                MakeTypeIdChecker())
            .AddTraceSource("Delivery",
                            "A packet left a carrier and was sent over the path.",
                            MakeTraceSourceAccessor(&NtnChannel::m_deliveryTrace),
                            "ns3::blueprint::NtnChannel::DeliveryTracedCallback")
            .AddTraceSource("Reassignment",
                            "A terminal's serving platform changed.",
                            MakeTraceSourceAccessor(&NtnChannel::m_reassignmentTrace),
                            "ns3::blueprint::NtnChannel::ReassignmentTracedCallback");
    return tid;
}

NtnChannel::NtnChannel()
    : m_payload(TRANSPARENT),
      m_interSatelliteLinks(false),
      m_gatewayMinElevationDeg(25.0),
      m_interruptionMode(HOLD),
      m_rainHeightM(4500.0),
      m_maxConsecutiveSlots(0),
      m_returnAccess(CONTINUOUS),
      m_grantAtGateway(false),
      m_schedulingLead(0),
      m_returnSchedulingLead(0),
      m_returnConstantRate(0.0),
      m_backgroundLoad(0.0),
      m_started(false),
      m_streamBase(-1),
      m_lowestRadiusM(-1)
{
    NS_LOG_FUNCTION(this);
    m_pathLoss = CreateObject<NtnSuburbanRuralPathLoss>();
    m_linkBudget = CreateObject<NtnLinkBudget>();
    m_beam = *NtnBeamParameters::Find("leo600-ka");
    m_schedulerType = NtnRoundRobinBeamScheduler::GetTypeId();
}

void
NtnChannel::DoDispose()
{
    m_reassignEvent.Cancel();
    for (auto& [key, beam] : m_beams)
    {
        beam.forward->Dispose();
        beam.ret->Dispose();
    }
    m_beams.clear();
    m_terminals.clear();
    m_gateways.clear();
    m_platform = nullptr;
    m_pathLoss = nullptr;
    m_linkBudget = nullptr;
    Channel::DoDispose();
}

void
NtnChannel::SetGeoFrame(const GeographicFrame& frame)
{
    m_frame = frame;
}

const GeographicFrame&
NtnChannel::GetGeoFrame() const
{
    return m_frame;
}

void
NtnChannel::SetBeamParameters(const NtnBeamParameters& beam)
{
    m_beam = beam;
}

const NtnBeamParameters&
NtnChannel::GetBeamParameters() const
{
    return m_beam;
}

uint32_t
NtnChannel::AttachGateway(Ptr<NtnGatewayNetDevice> device)
{
    Ptr<MobilityModel> mobility = device->GetNode()->GetObject<MobilityModel>();
    NS_ABORT_MSG_UNLESS(mobility, "NtnChannel: a gateway node needs a MobilityModel");
    return AttachGateway(device, m_frame.MakePoint(mobility->GetPosition()));
}

uint32_t
NtnChannel::AttachGateway(Ptr<NtnGatewayNetDevice> device, const GroundPoint& point)
{
    Gateway g;
    g.device = device;
    g.point = point;
    m_gateways.push_back(g);
    device->Attach(this, m_gateways.size() - 1);
    return m_gateways.size() - 1;
}

uint32_t
NtnChannel::AttachTerminal(Ptr<NtnTerminalNetDevice> device,
                           const NtnTerminalParameters& params,
                           uint32_t gateway)
{
    Ptr<MobilityModel> mobility = device->GetNode()->GetObject<MobilityModel>();
    NS_ABORT_MSG_UNLESS(mobility, "NtnChannel: a terminal node needs a MobilityModel");
    return AttachTerminal(device, params, gateway, m_frame.MakePoint(mobility->GetPosition()));
}

uint32_t
NtnChannel::AttachTerminal(Ptr<NtnTerminalNetDevice> device,
                           const NtnTerminalParameters& params,
                           uint32_t gateway,
                           const GroundPoint& point)
{
    NS_ABORT_MSG_UNLESS(gateway < m_gateways.size(), "NtnChannel: no gateway " << gateway);
    Terminal t;
    t.device = device;
    t.params = params;
    t.point = point;
    t.gateway = gateway;
    t.cell = CellOf(t.point);
    t.losDraws = CreateObject<UniformRandomVariable>();
    t.shadowDraws = CreateObject<NormalRandomVariable>();
    t.rain = CreateObject<NtnRainAttenuation>();
    t.rain->SetAttribute("Latitude", DoubleValue(t.point.latitudeDeg));
    t.rain->SetAttribute("StationHeight", DoubleValue(std::max(0.0, t.point.altitudeM)));
    t.rain->SetAttribute("RainHeight", DoubleValue(m_rainHeightM));
    m_terminals.push_back(t);
    const uint32_t id = m_terminals.size() - 1;
    device->Attach(this, id);
    return id;
}

uint32_t
NtnChannel::GetNTerminals() const
{
    return m_terminals.size();
}

uint32_t
NtnChannel::GetNGateways() const
{
    return m_gateways.size();
}

Ptr<NtnTerminalNetDevice>
NtnChannel::GetTerminal(uint32_t terminal) const
{
    return m_terminals.at(terminal).device;
}

Ptr<NtnGatewayNetDevice>
NtnChannel::GetGateway(uint32_t gateway) const
{
    return m_gateways.at(gateway).device;
}

std::size_t
NtnChannel::GetNDevices() const
{
    return m_gateways.size() + m_terminals.size();
}

Ptr<NetDevice>
NtnChannel::GetDevice(std::size_t i) const
{
    if (i < m_gateways.size())
    {
        return m_gateways[i].device;
    }
    return m_terminals.at(i - m_gateways.size()).device;
}

int64_t
NtnChannel::FindTerminal(Ipv4Address address)
{
    auto it = m_terminalByAddress.find(address.Get());
    if (it != m_terminalByAddress.end())
    {
        return it->second;
    }
    // Addresses are assigned after the devices are attached: learn them on first need.
    m_terminalByAddress.clear();
    for (uint32_t t = 0; t < m_terminals.size(); ++t)
    {
        Ptr<NtnTerminalNetDevice> dev = m_terminals[t].device;
        Ptr<Ipv4> ipv4 = dev->GetNode()->GetObject<Ipv4>();
        const int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(dev) : -1;
        for (uint32_t i = 0; interface >= 0 && i < ipv4->GetNAddresses(interface); ++i)
        {
            m_terminalByAddress[ipv4->GetAddress(interface, i).GetLocal().Get()] = t;
        }
    }
    it = m_terminalByAddress.find(address.Get());
    return it == m_terminalByAddress.end() ? -1 : it->second;
}

int64_t
NtnChannel::CellOf(const GroundPoint& point) const
{
    // A square grid of the beam diameter in latitude and (scaled) longitude: adjacent
    // terminals share a cell, distant ones do not.
    const double metresPerDegree = M_PI * GeographicFrame::MEAN_EARTH_RADIUS_M / 180.0;
    const double size = std::max(1.0, m_beam.beamDiameterM);
    const auto row = static_cast<int64_t>(std::floor(point.latitudeDeg * metresPerDegree / size));
    const double rowLat = (row + 0.5) * size / metresPerDegree;
    const double scale = metresPerDegree * std::max(0.01, std::cos(rowLat * M_PI / 180.0));
    const auto col = static_cast<int64_t>(std::floor(point.longitudeDeg * scale / size));
    return row * 1000000 + col;
}

int64_t
NtnChannel::AssignStreams(int64_t stream)
{
    NS_ABORT_MSG_IF(!m_beams.empty(), "NtnChannel: streams assigned after beams were created");
    m_streamBase = stream;
    int64_t next = stream + STREAMS_PER_BEAM * BEAM_SLOTS;
    for (uint32_t id = 0; id < m_terminals.size(); ++id)
    {
        next += AssignTerminalStreams(id, next);
    }
    return next - stream;
}

int64_t
NtnChannel::AssignTerminalStreams(uint32_t terminal, int64_t stream)
{
    Terminal& t = m_terminals.at(terminal);
    t.losDraws->SetStream(stream);
    t.shadowDraws->SetStream(stream + 1);
    return 2;
}

std::size_t
NtnChannel::GetNBeams() const
{
    return m_beams.size();
}

NtnChannel::BeamPair*
NtnChannel::GetBeam(const BeamKey& key)
{
    auto it = m_beams.find(key);
    if (it != m_beams.end())
    {
        return &it->second;
    }
    BeamPair pair;
    int64_t slot = -1;
    if (m_streamBase >= 0)
    {
        NS_ABORT_MSG_IF(m_beamSlots.size() >= static_cast<std::size_t>(BEAM_SLOTS),
                        "NtnChannel: more beams than reserved random streams");
        slot = BeamSlot(key.first, key.second);
        while (!m_beamSlots.insert(slot).second)
        {
            slot = (slot + 1) % BEAM_SLOTS;
        }
    }
    for (Ptr<NtnBeam>* carrier : {&pair.forward, &pair.ret})
    {
        *carrier = CreateObject<NtnBeam>();
        (*carrier)->SetAttribute("BackgroundLoad", DoubleValue(m_backgroundLoad));
        (*carrier)->SetAttribute("BackgroundBurst", TimeValue(m_backgroundBurst));
        const bool forward = carrier == &pair.forward;
        (*carrier)->SetAttribute("FrameDuration",
                                 TimeValue(forward ? m_frameDuration : GetReturnFrame()));
        (*carrier)->SetAttribute(
            "SchedulingLead",
            UintegerValue(forward ? m_schedulingLead : m_returnSchedulingLead));
        if (slot >= 0)
        {
            (*carrier)->AssignStreams(m_streamBase + STREAMS_PER_BEAM * slot + (forward ? 0 : 2));
        }
    }
    ObjectFactory scheduler(m_schedulerType.GetName());
    pair.forward->Setup(this, true, scheduler.Create<NtnBeamScheduler>());
    pair.ret->Setup(this, false, scheduler.Create<NtnBeamScheduler>());
    return &m_beams.emplace(key, pair).first->second;
}

void
NtnChannel::Start()
{
    if (m_started)
    {
        return;
    }
    NS_ABORT_MSG_UNLESS(m_platform, "NtnChannel: no Platform set");
    m_started = true;
    ReassignAll();
}

std::vector<uint32_t>
NtnChannel::UsableFor(const GroundPoint& ground,
                      Time now,
                      Time period,
                      double minElevationDeg) const
{
    std::vector<uint32_t> visible;
    m_platform->FindVisible(ground, now, minElevationDeg, visible);
    if (period.IsStrictlyPositive())
    {
        const Time end = now + period;
        visible.erase(std::remove_if(
                          visible.begin(),
                          visible.end(),
                          [&](uint32_t p) {
                              return NtnLook(ground, m_platform->GetPosition(p, end)).elevationDeg <
                                     minElevationDeg;
                          }),
                      visible.end());
    }
    return visible;
}

std::vector<uint32_t>
NtnChannel::ChooseRoute(const Terminal& t,
                        Time now,
                        Time period,
                        const std::vector<std::vector<uint32_t>>& gatewayUsable,
                        const std::vector<int64_t>& gatewayBest) const
{
    const bool viaIsl = m_payload == REGENERATIVE && m_interSatelliteLinks;
    const bool rotate =
        m_maxConsecutiveSlots > 0 && t.slots >= m_maxConsecutiveSlots && !t.route.empty();
    auto best = [&](const std::vector<uint32_t>& candidates) -> int64_t {
        int64_t chosen = -1;
        double highest = -90.0;
        for (uint32_t p : candidates)
        {
            if (rotate && p == t.route.front() && candidates.size() > 1)
            {
                continue; // it has served its turn
            }
            const double el = NtnLook(t.point, m_platform->GetPosition(p, now)).elevationDeg;
            if (el > highest)
            {
                highest = el;
                chosen = p;
            }
        }
        return chosen;
    };
    auto withGateway = [&](std::vector<uint32_t> candidates) {
        if (viaIsl)
        {
            return candidates;
        }
        const std::vector<uint32_t>& atGateway = gatewayUsable[t.gateway];
        std::vector<uint32_t> both;
        std::set_intersection(candidates.begin(),
                              candidates.end(),
                              atGateway.begin(),
                              atGateway.end(),
                              std::back_inserter(both));
        return both;
    };
    const double minEl = t.params.minElevationDeg;
    int64_t serving = best(withGateway(UsableFor(t.point, now, period, minEl)));
    if (serving < 0 && period.IsStrictlyPositive())
    {
        // Nothing stays in view for the whole period: take what is in view now.
        serving = best(withGateway(UsableFor(t.point, now, Time(0), minEl)));
    }
    if (serving < 0)
    {
        return {};
    }
    if (!viaIsl)
    {
        return {static_cast<uint32_t>(serving)};
    }
    if (gatewayBest[t.gateway] < 0)
    {
        return {};
    }
    return m_platform->RouteInterSatellite(static_cast<uint32_t>(serving),
                                           static_cast<uint32_t>(gatewayBest[t.gateway]),
                                           now);
}

void
NtnChannel::ReassignAll()
{
    const Time now = Simulator::Now();
    const Time period = m_platform->GetReassignmentPeriod();
    NS_LOG_FUNCTION(this << now);
    // What each gateway can use for the coming period, computed once for all its terminals.
    std::vector<std::vector<uint32_t>> gatewayUsable(m_gateways.size());
    std::vector<int64_t> gatewayBest(m_gateways.size(), -1);
    for (uint32_t g = 0; g < m_gateways.size(); ++g)
    {
        gatewayUsable[g] = UsableFor(m_gateways[g].point, now, period, m_gatewayMinElevationDeg);
        if (gatewayUsable[g].empty() && period.IsStrictlyPositive())
        {
            gatewayUsable[g] =
                UsableFor(m_gateways[g].point, now, Time(0), m_gatewayMinElevationDeg);
        }
        double highest = -90.0;
        for (uint32_t p : gatewayUsable[g])
        {
            const double el =
                NtnLook(m_gateways[g].point, m_platform->GetPosition(p, now)).elevationDeg;
            if (el > highest)
            {
                highest = el;
                gatewayBest[g] = p;
            }
        }
    }
    bool interrupted = false;
    for (uint32_t id = 0; id < m_terminals.size(); ++id)
    {
        Terminal& t = m_terminals[id];
        std::vector<uint32_t> route = ChooseRoute(t, now, period, gatewayUsable, gatewayBest);
        const int64_t from = ServingOf(t.route);
        const int64_t to = ServingOf(route);
        t.route = route;
        if (from == to && t.beams)
        {
            ++t.slots;
            continue;
        }
        t.slots = 1;
        if (t.beams)
        {
            t.beams->forward->Remove(id);
            t.beams->ret->Remove(id);
            t.beams = nullptr;
        }
        if (from >= 0 && m_interruption.IsStrictlyPositive())
        {
            t.linkUpAt = now + m_interruption;
            interrupted = true;
        }
        if (to >= 0)
        {
            // A new platform: a new line-of-sight state and shadow fading.
            const double el =
                NtnLook(t.point, m_platform->GetPosition(route.front(), now)).elevationDeg;
            // Both drawn whatever the view, so a clear-view terminal keeps its place in its
            // own streams; the draws are the terminal's own (AssignTerminalStreams).
            const double u = t.losDraws->GetValue();
            t.los = t.params.clearView || m_pathLoss->IsLos(el, u);
            t.shadowDb = m_pathLoss->GetShadowFading(m_beam.forwardFrequencyHz,
                                                     el,
                                                     t.los,
                                                     t.shadowDraws->GetValue(0.0, 1.0));
            t.resultsValidUntil = now; // evaluate again on next use
            t.beams = GetBeam({to, t.cell});
            t.beams->forward->Add(id);
            t.beams->ret->Add(id);
        }
        NS_LOG_LOGIC("terminal " << id << ": platform " << from << " -> " << to);
        m_reassignmentTrace(id, from, to);
    }
    if (interrupted)
    {
        Simulator::Schedule(m_interruption, &NtnChannel::EndInterruptions, this);
    }
    if (period.IsStrictlyPositive())
    {
        // Next boundary: the first ReassignmentOffset + k period strictly after now, on the
        // timeline (the platform's Epoch is the timeline time of simulation time 0).
        const Time offset = m_reassignmentOffset - m_platform->GetEpoch();
        const int64_t k =
            static_cast<int64_t>(std::floor((now - offset).GetSeconds() / period.GetSeconds())) + 1;
        Time next = offset + period * k;
        while (next <= now)
        {
            next += period;
        }
        m_reassignEvent = Simulator::Schedule(next - now, &NtnChannel::ReassignAll, this);
    }
}

Time
NtnChannel::GetReturnFrame() const
{
    return m_returnFrameDuration.IsStrictlyPositive() ? m_returnFrameDuration : m_frameDuration;
}

bool
NtnChannel::CraHolds(Terminal& t, double bits) const
{
    if (m_returnConstantRate <= 0)
    {
        return false;
    }
    // The assignment accrues at its rate; what one return frame's slots hold is all a terminal
    // can have in hand (unused slots are not kept), and at least what one frame holds.
    const Time now = Simulator::Now();
    const double frame = std::max(GetReturnFrame().GetSeconds(), 1e-3);
    const double depth = m_returnConstantRate * frame;
    t.craBits =
        std::min(depth, t.craBits + m_returnConstantRate * (now - t.craUpdated).GetSeconds());
    t.craUpdated = now;
    return bits <= t.craBits;
}

void
NtnChannel::EndInterruptions()
{
    const Time now = Simulator::Now();
    for (uint32_t id = 0; id < m_terminals.size(); ++id)
    {
        Terminal& t = m_terminals[id];
        if (t.beams && t.linkUpAt <= now)
        {
            t.beams->forward->NotifyBacklog(id);
            t.beams->ret->NotifyBacklog(id);
        }
    }
}

void
NtnChannel::SetRainRate(uint32_t terminal, double mmPerHour)
{
    NS_ABORT_MSG_IF(mmPerHour < 0, "NtnChannel: negative rain rate");
    Terminal& t = m_terminals.at(terminal);
    t.rainRate = mmPerHour;
    t.resultsValidUntil = Simulator::Now(); // the MODCOD reacts now
    if (t.beams)
    {
        t.beams->forward->NotifyBacklog(terminal);
        t.beams->ret->NotifyBacklog(terminal);
    }
}

Ptr<NtnPlatform>
NtnChannel::GetPlatform() const
{
    return m_platform;
}

int64_t
NtnChannel::GetServingPlatform(uint32_t terminal) const
{
    const Terminal& t = m_terminals.at(terminal);
    return ServingOf(t.route);
}

const std::vector<uint32_t>&
NtnChannel::GetRoute(uint32_t terminal) const
{
    return m_terminals.at(terminal).route;
}

const GroundPoint&
NtnChannel::GetTerminalPoint(uint32_t terminal) const
{
    return m_terminals.at(terminal).point;
}

const GroundPoint&
NtnChannel::GetGatewayPoint(uint32_t gateway) const
{
    return m_gateways.at(gateway).point;
}

uint32_t
NtnChannel::GetHomeGateway(uint32_t terminal) const
{
    return m_terminals.at(terminal).gateway;
}

NtnLinkResult
NtnChannel::GetLinkResult(uint32_t terminal, bool forward)
{
    Terminal& t = m_terminals.at(terminal);
    const Time now = Simulator::Now();
    if (t.route.empty())
    {
        return NtnLinkResult();
    }
    if (now >= t.resultsValidUntil)
    {
        const NtnLookAngles look = NtnLook(t.point, m_platform->GetPosition(t.route.front(), now));
        NtnLinkInput in;
        in.distanceM = look.rangeM;
        in.elevationDeg = look.elevationDeg;
        in.los = t.los;
        in.shadowFadingDb = t.shadowDb;
        in.otherLossesDb = t.params.otherLossesDb;
        // Forward: platform to terminal.
        in.frequencyHz = m_beam.forwardFrequencyHz;
        in.bandwidthHz = m_beam.forwardBandwidthHz;
        in.eirpDbw = m_beam.GetForwardEirpDbw();
        in.gOverTDbK = t.params.gOverTDbK;
        in.rxGainDbi = t.params.rxGainDbi;
        in.rxOnGround = true;
        in.rainDb = t.rain->GetAttenuation(in.frequencyHz, look.elevationDeg, t.rainRate);
        t.forwardResult = m_linkBudget->Evaluate(in, *m_pathLoss);
        // Return: terminal to platform.
        in.frequencyHz = m_beam.returnFrequencyHz;
        in.bandwidthHz = m_beam.returnBandwidthHz;
        in.eirpDbw = t.params.txEirpDbw;
        in.gOverTDbK = m_beam.gOverTDbK;
        in.rxOnGround = false;
        in.rainDb = t.rain->GetAttenuation(in.frequencyHz, look.elevationDeg, t.rainRate);
        t.returnResult = m_linkBudget->Evaluate(in, *m_pathLoss);
        t.resultsValidUntil = now + m_acmPeriod;
        NS_LOG_LOGIC("terminal " << terminal << " el " << look.elevationDeg << " fwd "
                                 << t.forwardResult.esN0Db << " dB "
                                 << (t.forwardResult.modcod ? t.forwardResult.modcod->name : "-")
                                 << " ret " << t.returnResult.esN0Db << " dB");
    }
    return forward ? t.forwardResult : t.returnResult;
}

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
