/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/power/power-plant.h"

#include "model/routing/host-route-table.h"

#include "ns3/double.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPowerPlant");

namespace
{

/// Step of the replay before the window: the solar profiles change little within a minute.
constexpr double kReplayStepSeconds = 60;

std::string
Figure(const char* format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), format, value);
    return buffer;
}

/// "mains + generator 72 h + battery 4.8 kWh + solar 400 W", as result.json names a supply.
std::string
Describe(const PowerSupplySpec* s)
{
    if (!s)
    {
        return "mains";
    }
    std::vector<std::string> parts;
    parts.emplace_back(s->mains ? "mains" : "no mains");
    if (s->generator)
    {
        parts.push_back("generator " + Figure("%.6g h", s->generator->fuelSeconds / 3600));
    }
    if (s->battery)
    {
        const double wh = s->battery->capacityJoules / 3600;
        parts.push_back("battery " +
                        (wh >= 1000 ? Figure("%.6g kWh", wh / 1000) : Figure("%.6g Wh", wh)));
    }
    if (s->solar)
    {
        parts.push_back("solar " + Figure("%.6g W", s->solar->peakWatts));
    }
    std::string text = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i)
    {
        text += " + " + parts[i];
    }
    return text;
}

Ptr<SolarProfile>
MakeProfile(const SolarSpec& s)
{
    if (s.sunHours)
    {
        Ptr<SunHoursSolarProfile> p = CreateObject<SunHoursSolarProfile>();
        p->SetAttribute("PeakPower", DoubleValue(s.peakWatts));
        p->SetAttribute("SunHours", DoubleValue(*s.sunHours));
        p->SetAttribute("StartClock", DoubleValue(s.startClockSeconds));
        return p;
    }
    Ptr<ClearSkySolarProfile> p = CreateObject<ClearSkySolarProfile>();
    p->SetAttribute("PeakPower", DoubleValue(s.peakWatts));
    p->SetAttribute("Latitude", DoubleValue(s.latitudeDeg));
    p->SetAttribute("Longitude", DoubleValue(s.longitudeDeg));
    p->SetAttribute("Start", DoubleValue(s.startUnixSeconds));
    return p;
}

} // namespace

PowerPlant::PowerPlant(ScenarioBuild& sb)
    : m_sb(sb),
      m_windowStart(sb.GetSpec().windowStart)
{
    const ScenarioSpec& spec = sb.GetSpec();
    for (const NodeSpec& n : spec.nodes)
    {
        // A node's own entry wins over its site's.
        const PowerSupplySpec* supply = nullptr;
        for (const PowerSupplySpec& s : spec.powerSupplies)
        {
            if (s.target == n.name && !s.site)
            {
                supply = &s;
            }
            else if (s.target == n.site && s.site && (!supply || supply->site))
            {
                supply = &s;
            }
        }
        if (supply)
        {
            for (uint32_t i = 0; i < n.count; ++i)
            {
                Find(n.name, i).supply = supply;
            }
        }
    }
}

PowerPlant::~PowerPlant()
{
    for (auto& m : m_members)
    {
        for (Ptr<Object> o : {Ptr<Object>(m->battery),
                              Ptr<Object>(m->generator),
                              Ptr<Object>(m->batteryDraw),
                              Ptr<Object>(m->generatorDraw),
                              Ptr<Object>(m->solar)})
        {
            if (o)
            {
                o->Dispose();
            }
        }
    }
}

PowerPlant::Member&
PowerPlant::Find(const std::string& node, uint32_t member)
{
    auto found = m_byName.find({node, member});
    if (found != m_byName.end())
    {
        return *found->second;
    }
    if (!m_sb.GetSpec().FindNode(node))
    {
        throw std::invalid_argument("power: no node '" + node + "'");
    }
    const NodeGroup& group = m_sb.GetGroup(node);
    if (member >= group.members.size())
    {
        throw std::invalid_argument("power: node '" + node + "' has no member " +
                                    std::to_string(member));
    }
    auto m = std::make_unique<Member>();
    m->node = node;
    m->member = member;
    m->ns3Node = group.members[member];
    m->supply = nullptr;
    // Elements registered under the node's name with no ns-3 node of their own (a cell's
    // station model) belong to its one member; a group's are shared by all and stay on.
    m->selection = {node, m->ns3Node->GetId(), group.members.size() == 1};
    if (m_started)
    {
        m->idleWatts = m_sb.GetMeter()->GetIdlePower(m->selection);
    }
    Member* raw = m.get();
    m_members.push_back(std::move(m));
    m_byName[{node, member}] = raw;
    return *raw;
}

void
PowerPlant::SetPoweredCallback(PoweredCallback callback)
{
    m_callback = std::move(callback);
}

void
PowerPlant::SetMainsLostAt(const std::string& node, uint32_t member, double timelineSeconds)
{
    if (m_started)
    {
        throw std::logic_error("PowerPlant::SetMainsLostAt after Start");
    }
    Find(node, member).mainsBefore.emplace_back(timelineSeconds, false);
}

void
PowerPlant::SetMainsRestoredAt(const std::string& node, uint32_t member, double timelineSeconds)
{
    if (m_started)
    {
        throw std::logic_error("PowerPlant::SetMainsRestoredAt after Start");
    }
    Find(node, member).mainsBefore.emplace_back(timelineSeconds, true);
}

void
PowerPlant::Start()
{
    NS_LOG_FUNCTION(this);
    m_started = true;
    m_settingUp = true;
    for (auto& m : m_members)
    {
        Build(*m);
    }
    m_settingUp = false;
}

bool
PowerPlant::IsSettingUp() const
{
    return m_settingUp;
}

bool
PowerPlant::ReplayBeforeWindow(Member& m, double& chargeJ, double& fuelSeconds)
{
    // The mains' changes before the window, in time order; no mains at all is a loss at 0.
    std::vector<std::pair<double, bool>> changes = m.mainsBefore;
    if (m.supply && !m.supply->mains)
    {
        changes.assign({{0.0, false}});
    }
    std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
    });
    bool mains = true;
    bool powered = true;
    double t = changes.empty() ? m_windowStart : std::min(changes.front().first, m_windowStart);
    const double capacity = m.battery ? m.battery->GetCapacity() : 0;
    DoubleValue restart;
    DoubleValue chargeWatts;
    if (m.battery)
    {
        m.battery->GetAttribute("RestartFraction", restart);
        m.battery->GetAttribute("ChargePower", chargeWatts);
    }
    Ptr<SolarProfile> profile =
        m.supply && m.supply->solar ? MakeProfile(*m.supply->solar) : nullptr;
    std::size_t next = 0;
    while (t < m_windowStart)
    {
        while (next < changes.size() && changes[next].first <= t)
        {
            mains = changes[next++].second;
        }
        const double segmentEnd =
            next < changes.size() ? std::min(changes[next].first, m_windowStart) : m_windowStart;
        double h = std::min(kReplayStepSeconds, segmentEnd - t);
        const bool onGenerator = !mains && fuelSeconds > 0;
        if (onGenerator)
        {
            h = std::min(h, fuelSeconds); // land on the moment the fuel ends
            fuelSeconds -= h;
        }
        const double solarJ = profile ? profile->GetEnergy(t, t + h) : 0;
        if (mains || onGenerator)
        {
            powered = true;
            chargeJ = std::min(capacity, chargeJ + solarJ + (mains ? chargeWatts.Get() * h : 0));
        }
        else if (powered && m.battery && m.idleWatts * h - solarJ >= chargeJ &&
                 m.idleWatts * h > solarJ)
        {
            // Runs dry within the step, at the point the net drain reaches the charge.
            const double dry = t + h * chargeJ / (m.idleWatts * h - solarJ);
            if (!m.ranDryTimeline)
            {
                m.ranDryTimeline = dry;
            }
            powered = false;
            chargeJ = std::min(capacity, solarJ * (t + h - dry) / h);
        }
        else if (powered && m.battery)
        {
            chargeJ = std::min(capacity, chargeJ - (m.idleWatts * h - solarJ));
        }
        else if (m.battery)
        {
            chargeJ = std::min(capacity, chargeJ + solarJ);
            powered = chargeJ >= restart.Get() * capacity && chargeJ > 0;
        }
        else
        {
            if (powered && !m.ranDryTimeline)
            {
                m.ranDryTimeline = t;
            }
            powered = false;
        }
        t += h;
    }
    while (next < changes.size() && changes[next].first <= m_windowStart)
    {
        mains = changes[next++].second;
    }
    m.mains = mains;
    m.lostMains = !changes.empty() && changes.front().first <= m_windowStart;
    return mains || powered || (!mains && fuelSeconds > 0);
}

void
PowerPlant::Build(Member& m)
{
    Ptr<EnergyMeter> meter = m_sb.GetMeter();
    m.idleWatts = meter->GetIdlePower(m.selection);
    const PowerSupplySpec* s = m.supply;
    double chargeJ = 0;
    double fuelSeconds = 0;
    const EnergyMeter::Selection selection = m.selection;
    auto joules = [meter, selection]() { return meter->GetJoules(selection); };
    Member* raw = &m;
    // A source that runs dry or recharges changes what feeds the node: decided in an event of
    // its own at the same time, outside the source's update.
    auto refeed = [this, raw]() { Simulator::ScheduleNow([this, raw]() { Feed(*raw); }); };
    if (s && s->battery)
    {
        m.battery = CreateObject<BackupBattery>();
        m.battery->SetNode(m.ns3Node);
        m.battery->SetAttribute(
            "ChargePower",
            DoubleValue(s->battery->capacityJoules / s->battery->rechargeSeconds));
        chargeJ = s->battery->capacityJoules;
        m.battery->SetCharge(s->battery->capacityJoules, chargeJ);
    }
    if (s && s->generator)
    {
        fuelSeconds = s->generator->fuelSeconds;
    }
    const bool powered = ReplayBeforeWindow(m, chargeJ, fuelSeconds);
    if (m.battery)
    {
        m.battery->SetCharge(s->battery->capacityJoules, std::max(0.0, chargeJ));
        m.batteryStartJ = std::max(0.0, chargeJ);
        m.batteryDraw = CreateObject<EquipmentEnergyModel>();
        m.batteryDraw->SetEnergySource(m.battery);
        m.batteryDraw->SetJoulesFunction(joules);
        m.batteryDraw->SetExpectedPower(m.idleWatts);
        m.batteryDraw->SetCallbacks(refeed, refeed);
        m.battery->AppendDeviceEnergyModel(m.batteryDraw);
        if (s->solar)
        {
            m.solar = CreateObject<SolarEnergyHarvester>();
            m.solar->SetProfile(MakeProfile(*s->solar), m_windowStart);
            m.battery->AddHarvester(m.solar);
        }
        m.battery->Initialize();
    }
    if (s && s->generator)
    {
        m.generator = CreateObject<GeneratorSource>();
        m.generator->SetNode(m.ns3Node);
        m.generator->SetAttribute("NominalPower", DoubleValue(m.idleWatts));
        m.generator->SetFuel(Seconds(fuelSeconds));
        m.generatorDraw = CreateObject<EquipmentEnergyModel>();
        m.generatorDraw->SetEnergySource(m.generator);
        m.generatorDraw->SetJoulesFunction(joules);
        m.generatorDraw->SetExpectedPower(m.idleWatts);
        m.generatorDraw->SetCallbacks(refeed, refeed);
        m.generator->AppendDeviceEnergyModel(m.generatorDraw);
    }
    if (!powered)
    {
        SetPowered(m, false);
    }
    if (!m.mains)
    {
        Feed(m);
    }
    else if (m.battery)
    {
        m.battery->SetCharging(true);
    }
}

void
PowerPlant::Feed(Member& m)
{
    NS_LOG_FUNCTION(this << m.node << m.member << m.mains);
    if (m.generator)
    {
        m.generator->UpdateEnergySource();
    }
    if (m.battery)
    {
        m.battery->UpdateEnergySource();
    }
    bool fed = m.mains;
    bool onGenerator = false;
    bool onBattery = false;
    if (!m.mains)
    {
        onGenerator = m.generator && !m.generator->IsDepleted();
        onBattery = !onGenerator && m.battery && !m.battery->IsDepleted();
        fed = onGenerator || onBattery;
    }
    if (m.generator)
    {
        if (onGenerator != m.generatorDraw->IsDrawing())
        {
            m.generatorDraw->SetDrawing(onGenerator);
        }
        if (onGenerator)
        {
            m.generator->Start();
        }
        else
        {
            m.generator->Stop();
        }
    }
    if (m.battery)
    {
        if (onBattery != m.batteryDraw->IsDrawing())
        {
            m.batteryDraw->SetDrawing(onBattery);
        }
        m.battery->SetCharging(m.mains); // also reschedules for the new draw
    }
    SetPowered(m, fed);
}

void
PowerPlant::SetPowered(Member& m, bool powered)
{
    if (m.powered == powered)
    {
        return;
    }
    NS_LOG_INFO(m.node << "[" << m.member << "] " << (powered ? "powered" : "dark") << " at "
                       << Simulator::Now().As(Time::S));
    m.powered = powered;
    if (!powered && !m.ranDryTimeline)
    {
        m.ranDryTimeline = m_windowStart + Simulator::Now().GetSeconds();
    }
    m_sb.GetMeter()->SetPowered(m.selection, powered);
    if (m_callback)
    {
        m_callback(m.node, m.member, powered);
    }
    else
    {
        SwitchInterfaces(m, powered);
    }
}

void
PowerPlant::SwitchInterfaces(Member& m, bool powered)
{
    Ptr<Ipv4> ipv4 = m.ns3Node->GetObject<Ipv4>();
    if (!ipv4)
    {
        return;
    }
    Ptr<HostRouteTable> table = DynamicCast<HostRouteTable>(ipv4->GetRoutingProtocol());
    if (!powered)
    {
        // An interface going down takes its routes with it (HostRouteTable::NotifyInterfaceDown):
        // keep them, so that the node routes as before when it comes back. Routing around the
        // dark node is the fault controller's, once it is wired to this callback.
        m.routes.clear();
        m.defaultRoute.reset();
        if (table)
        {
            Ptr<Ipv4Route> fallback = table->GetDefaultRoute();
            if (fallback)
            {
                m.defaultRoute.emplace(fallback->GetGateway(),
                                       ipv4->GetInterfaceForDevice(fallback->GetOutputDevice()));
            }
            const NodeContainer& all = m_sb.GetAllNodes();
            for (uint32_t n = 0; n < all.GetN(); ++n)
            {
                Ptr<Ipv4> other = all.Get(n)->GetObject<Ipv4>();
                if (!other || all.Get(n) == m.ns3Node)
                {
                    continue;
                }
                for (uint32_t i = 1; i < other->GetNInterfaces(); ++i)
                {
                    for (uint32_t a = 0; a < other->GetNAddresses(i); ++a)
                    {
                        const Ipv4Address destination = other->GetAddress(i, a).GetLocal();
                        Ptr<Ipv4Route> route = table->Lookup(destination);
                        if (route && route != fallback)
                        {
                            m.routes.emplace_back(
                                destination,
                                route->GetGateway(),
                                ipv4->GetInterfaceForDevice(route->GetOutputDevice()));
                        }
                    }
                }
            }
        }
        for (uint32_t i = 1; i < ipv4->GetNInterfaces(); ++i)
        {
            ipv4->SetDown(i);
        }
        return;
    }
    for (uint32_t i = 1; i < ipv4->GetNInterfaces(); ++i)
    {
        ipv4->SetUp(i);
    }
    if (table)
    {
        for (const auto& [destination, gateway, interface] : m.routes)
        {
            table->AddHostRoute(destination, gateway, interface);
        }
        if (m.defaultRoute)
        {
            table->SetDefaultRoute(m.defaultRoute->first, m.defaultRoute->second);
        }
    }
}

void
PowerPlant::MainsLost(const std::string& node, uint32_t member)
{
    NS_LOG_FUNCTION(this << node << member);
    if (!m_started)
    {
        // Before the run the plant has no sources yet, and the window's start decides what a
        // loss has done by then: that is SetMainsLostAt's (or SetMainsRestoredAt's) job.
        throw std::logic_error("PowerPlant::MainsLost before the run starts; use SetMains" +
                               std::string("LostAt") +
                               " with the time on the timeline, or schedule it");
    }
    Member& m = Find(node, member);
    if (!m.mains)
    {
        return;
    }
    m.mains = false;
    m.lostMains = true;
    Feed(m);
}

void
PowerPlant::MainsRestored(const std::string& node, uint32_t member)
{
    NS_LOG_FUNCTION(this << node << member);
    if (!m_started)
    {
        // Before the run the plant has no sources yet, and the window's start decides what a
        // loss has done by then: that is SetMainsLostAt's (or SetMainsRestoredAt's) job.
        throw std::logic_error("PowerPlant::MainsRestored before the run starts; use SetMains" +
                               std::string("RestoredAt") +
                               " with the time on the timeline, or schedule it");
    }
    Member& m = Find(node, member);
    if (m.mains)
    {
        return;
    }
    m.mains = true;
    Feed(m);
}

bool
PowerPlant::IsPowered(const std::string& node, uint32_t member) const
{
    auto found = m_byName.find({node, member});
    return found == m_byName.end() || found->second->powered;
}

std::vector<PowerSupplyResult>
PowerPlant::Finish()
{
    std::vector<PowerSupplyResult> results;
    for (auto& mp : m_members)
    {
        Member& m = *mp;
        if (!m.supply && !m.lostMains)
        {
            continue;
        }
        PowerSupplyResult r;
        r.node = m.node;
        r.member = m.member;
        r.supply = Describe(m.supply);
        r.mainsAtEnd = m.mains;
        r.poweredAtEnd = m.powered;
        if (m.ranDryTimeline)
        {
            r.ranDryTimelineSeconds = *m.ranDryTimeline;
            if (*m.ranDryTimeline >= m_windowStart)
            {
                r.ranDrySeconds = *m.ranDryTimeline - m_windowStart;
            }
        }
        if (m.generator)
        {
            m.generator->UpdateEnergySource();
            r.drawnJoules += m.generatorDraw->GetTotalEnergyConsumption();
            r.fuelLeftSeconds = m.generator->GetFuelLeft().GetSeconds();
            if (m.supply->generator->litresPerSecond)
            {
                r.fuelLeftLitres = *r.fuelLeftSeconds * *m.supply->generator->litresPerSecond;
            }
        }
        if (m.battery)
        {
            m.battery->UpdateEnergySource();
            r.drawnJoules += m.batteryDraw->GetTotalEnergyConsumption();
            r.batteryCapacityJoules = m.battery->GetCapacity();
            r.batteryStartJoules = m.batteryStartJ;
            r.batteryLeftJoules = m.battery->GetRemainingEnergy();
        }
        if (m.solar)
        {
            r.solarJoules = m.solar->GetHarvestedEnergy();
        }
        results.push_back(r);
    }
    return results;
}

} // namespace blueprint
} // namespace ns3
