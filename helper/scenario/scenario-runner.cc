/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-runner.h"

#include "helper/routing/address-plan.h"
#include "helper/routing/static-route-planner.h"
#include "helper/scenario/scenario-footprint.h"
#include "helper/scenario/setup-progress.h"
#include "helper/technology/lte/lte-cell-builder.h"
#include "helper/technology/nr/nr-helper.h"
#include "helper/technology/wifi/wifi-reach.h"
#include "helper/technology/wired/wired-link-helper.h"
#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"
#include "model/energy/energy-meter.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-cell-ue-energy-model.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-energy-model.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-handover-manager.h"
#include "model/nr/nr-mac-scheduler-pf.h"
#include "model/nr/nr-mac-scheduler-rr.h"
#include "model/nr/nr-numerology.h"
#include "model/nr/nr-ue-net-device.h"
#include "model/routing/host-route-table.h"
#include "model/stats/flow-record.h"
#include "model/traffic/bulk-source.h"
#include "model/traffic/periodic-source.h"
#include "model/traffic/request-response-client.h"
#include "model/traffic/request-response-server.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamp-sink.h"
#include "model/traffic/video-source.h"
#include "model/wifi/wifi-power-model.h"
#include "model/wired/equipment-profile.h"
#include "model/wired/wired-link-profile.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/log.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"
#include "ns3/waypoint-mobility-model.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/yans-wifi-helper.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("ScenarioRunner");

namespace
{

/// Random-number streams used by the builder itself, kept apart from the models' streams
/// (which ns-3 numbers from 0 upwards) so adding a model never shifts the placement or offsets.
constexpr int64_t kPlacementStream = 1000000;
constexpr int64_t kStartOffsetStream = 1000001;
constexpr int64_t kApplicationStreams = 1000100;
constexpr uint16_t kFirstPort = kFirstFlowPort;

/// The members of one node spec.
struct NodeGroup
{
    const NodeSpec* spec;
    std::vector<Ptr<Node>> members;
    std::vector<std::pair<double, double>> positions; //!< metres
    const EquipmentProfile* equipment;
    double pue;
};

/// One built link (one member of a link spec).
struct BuiltLink
{
    const LinkSpec* spec;
    std::string technology;
    const WiredLinkProfile* profile; //!< nullptr for radio links
    NetDeviceContainer devices;
    double propagation; //!< seconds
    double lengthMetres;
    double rateDown;
    double rateUp;
};

/// The energy models of one NR cell, registered with the meter once it exists.
struct NrCellEnergy
{
    std::string link;             //!< the link (cell) name
    std::string gnbNode;          //!< the gNB's node name
    std::string ueNode;           //!< the UEs' node (group) name
    double pue;                   //!< the gNB site's PUE
    Ptr<NrGnbEnergyModel> gnb;    //!< the cell's power
    Ptr<NrCellUeEnergyModel> ues; //!< the power of the UEs it serves
};

/// What the traces of one flow write to.
struct FlowProbe
{
    FlowRecord record;
};

void
OnTx(FlowProbe* probe, const TimestampHeader& header, uint32_t bytes)
{
    probe->record.RecordTx(header.GetMemberId(),
                           header.GetSeq(),
                           bytes,
                           Simulator::Now().GetSeconds());
}

void
OnRx(FlowProbe* probe, const TimestampHeader& header, uint32_t bytes, Time delay)
{
    probe->record.RecordRx(header.GetMemberId(),
                           header.GetSeq(),
                           bytes,
                           header.GetTxTime().GetSeconds(),
                           Simulator::Now().GetSeconds());
}

void
OnRtt(FlowProbe* probe, uint32_t member, uint64_t seq, Time rtt)
{
    probe->record.RecordRtt(member, seq, rtt.GetSeconds());
}

/// Sets ns-3 attribute defaults for one run and puts the previous values back afterwards.
class AttributeDefaultsGuard
{
  public:
    explicit AttributeDefaultsGuard(const std::map<std::string, std::string>& defaults)
    {
        for (const auto& [name, value] : defaults)
        {
            std::string previous;
            auto pos = name.rfind("::");
            TypeId tid;
            TypeId::AttributeInformation info;
            if (pos != std::string::npos &&
                TypeId::LookupByNameFailSafe(name.substr(0, pos), &tid) &&
                tid.LookupAttributeByName(name.substr(pos + 2), &info))
            {
                m_previous.emplace_back(name, info.initialValue->SerializeToString(info.checker));
            }
            Config::SetDefault(name, StringValue(value));
        }
    }

    ~AttributeDefaultsGuard()
    {
        for (const auto& [name, value] : m_previous)
        {
            Config::SetDefault(name, StringValue(value));
        }
    }

  private:
    std::vector<std::pair<std::string, std::string>> m_previous;
};

/// A power model from a scenario's override.
Ptr<ElementPowerModel>
MakePowerModel(const PowerSpec& p, double pue)
{
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(p.idleWatts));
    model->SetAttribute("MaxPower", DoubleValue(p.maxWatts));
    model->SetAttribute("Capacity", DoubleValue(p.capacityBps));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

DelaySummary
Summarise(const LatencyDigest& d)
{
    DelaySummary s;
    s.samples = d.GetCount();
    s.mean = d.GetMean() * 1e3;
    s.p50 = d.GetQuantile(0.50) * 1e3;
    s.p95 = d.GetQuantile(0.95) * 1e3;
    s.p99 = d.GetQuantile(0.99) * 1e3;
    s.max = d.GetMax() * 1e3;
    s.min = d.GetMin() * 1e3;
    s.exact = d.IsExact();
    s.relativeError = d.GetRelativeAccuracy();
    return s;
}

std::string
Percent(double ratio)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.6g %%", ratio * 100);
    return buffer;
}

std::string
Millis(double seconds)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.6g ms", seconds * 1e3);
    return buffer;
}

std::string
Rate(double bps)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.6g Mbit/s", bps / 1e6);
    return buffer;
}

/// A deadline requirement judged on the share of sent packets that met it (TS 22.261 3.1).
RequirementResult
JudgeDeadline(const std::string& metric,
              double deadline,
              double reliability,
              uint64_t onTime,
              uint64_t sent)
{
    RequirementResult q;
    q.metric = metric;
    q.target = Percent(reliability) + " within " + Millis(deadline);
    double share = sent ? static_cast<double>(onTime) / sent : 0;
    q.measured = Percent(share) + " of " + std::to_string(sent);
    q.verdict = JudgeReliability(onTime, sent, reliability);
    ProportionBounds b = ClopperPearsonBounds(onTime, sent);
    char buffer[160];
    std::snprintf(buffer,
                  sizeof(buffer),
                  "95 %% bounds [%.6g %%, %.6g %%]",
                  b.lower * 100,
                  b.upper * 100);
    q.detail = buffer;
    if (q.verdict == Verdict::Inconclusive)
    {
        q.detail += "; showing " + Percent(reliability) + " needs at least " +
                    std::to_string(SamplesNeeded(reliability)) + " packets";
    }
    return q;
}

/// A progress line on stderr while a run takes longer than two seconds of wall time.
class ProgressLine
{
  public:
    ProgressLine(std::string name, double end, std::chrono::steady_clock::time_point wallStart)
        : m_name(std::move(name)),
          m_end(end),
          m_wallStart(wallStart)
    {
    }

    /// One check, every 0.5 % of the simulated time; prints at most twice a wall second.
    void Tick()
    {
        ++m_ticks;
        double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wallStart).count();
        double now = Simulator::Now().GetSeconds();
        if (wall > 2.0 && wall - m_lastPrint >= 0.5)
        {
            m_lastPrint = wall;
            m_printed = true;
            std::fprintf(stderr,
                         "\r%s: %3.0f %% (%.1f of %.1f simulated s, %.1f s wall)  ",
                         m_name.c_str(),
                         100 * now / m_end,
                         now,
                         m_end,
                         wall);
        }
        Simulator::Schedule(Seconds(m_end / 200), &ProgressLine::Tick, this);
    }

    /// Clear the line. \return the number of ticks that ran (simulator events of its own)
    uint64_t Finish()
    {
        if (m_printed)
        {
            std::fprintf(stderr, "\r%70s\r", "");
        }
        return m_ticks;
    }

  private:
    std::string m_name;
    double m_end;
    std::chrono::steady_clock::time_point m_wallStart;
    double m_lastPrint = 0;
    bool m_printed = false;
    uint64_t m_ticks = 0;
};

/// Give a group member its position (x, y on the site plane; z the antenna height), once: fixed,
/// or moving through the group's waypoint sites at its speed, keeping the member's offset from
/// its own site.
void
PlaceMember(const NodeGroup& g, uint32_t i, double height, const ScenarioSpec& spec)
{
    Ptr<Node> node = g.members[i];
    if (node->GetObject<MobilityModel>())
    {
        return;
    }
    const auto [x, y] = g.positions[i];
    if (!g.spec->mobility)
    {
        Ptr<ConstantPositionMobilityModel> mobility = CreateObject<ConstantPositionMobilityModel>();
        mobility->SetPosition(Vector(x, y, height));
        node->AggregateObject(mobility);
        return;
    }
    const MobilitySpec& m = *g.spec->mobility;
    const SiteSpec* home = spec.FindSite(g.spec->site);
    const double dx = x - home->x;
    const double dy = y - home->y;
    Ptr<WaypointMobilityModel> mobility = CreateObject<WaypointMobilityModel>();
    Vector here(x, y, height);
    double t = m.start;
    mobility->AddWaypoint(Waypoint(Seconds(0), here));
    if (t > 0)
    {
        mobility->AddWaypoint(Waypoint(Seconds(t), here));
    }
    for (const auto& name : m.waypoints)
    {
        const SiteSpec* site = spec.FindSite(name);
        const Vector next(site->x + dx, site->y + dy, height);
        const double leg = CalculateDistance(here, next) / m.speed;
        if (leg <= 0)
        {
            continue;
        }
        t += leg;
        mobility->AddWaypoint(Waypoint(Seconds(t), next));
        here = next;
    }
    node->AggregateObject(mobility);
}

/// One routing edge and one built link per terminal of a radio cell. The propagation bound of
/// a radio hop is the straight line between the antennas at the speed of light.
void
AddRadioEdges(const LinkSpec& l,
              const std::string& technology,
              Ptr<NetDevice> station,
              const NetDeviceContainer& terminals,
              double weight,
              StaticRoutePlanner& planner,
              std::vector<BuiltLink>& links)
{
    Vector stationPosition = station->GetNode()->GetObject<MobilityModel>()->GetPosition();
    for (uint32_t i = 0; i < terminals.GetN(); ++i)
    {
        double distance = CalculateDistance(
            stationPosition,
            terminals.Get(i)->GetNode()->GetObject<MobilityModel>()->GetPosition());
        BuiltLink b;
        b.spec = &l;
        b.technology = technology;
        b.profile = nullptr;
        b.devices = NetDeviceContainer(station, terminals.Get(i));
        b.propagation = distance / 299792458.0;
        b.lengthMetres = distance;
        b.rateDown = 0;
        b.rateUp = 0;
        planner.AddLink(station, terminals.Get(i), weight);
        links.push_back(b);
    }
}

/// Build one Wi-Fi cell with ns-3's wifi module: an access point, its stations, their subnet,
/// one routing edge per station, and the radios' energy (WifiRadioPowerModel: the AP at its
/// site's PUE, its figure being the device's own draw; stations, like NR UEs, at none).
void
BuildWifiCell(const ScenarioSpec& spec,
              const LinkSpec& l,
              const NodeGroup& ga,
              const NodeGroup& gb,
              AddressPlan& addresses,
              StaticRoutePlanner& planner,
              std::vector<BuiltLink>& links,
              Ptr<EnergyMeter> meter,
              int64_t& nextStream)
{
    const WifiLinkSpec& w = *l.wifi;
    // Antenna heights: an access point on a wall or pole, stations at hand height (assumptions).
    constexpr double kApHeight = 3.0;
    constexpr double kStationHeight = 1.5;
    WifiHelper wifi;
    wifi.SetStandard(w.standard == "802.11n"    ? WIFI_STANDARD_80211n
                     : w.standard == "802.11ac" ? WIFI_STANDARD_80211ac
                                                : WIFI_STANDARD_80211ax);
    YansWifiChannelHelper channelHelper = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channelHelper.Create());
    // Channel number 0 lets ns-3 pick the band's default channel of that width.
    std::ostringstream settings;
    settings << "{0, " << w.channelWidth << ", "
             << (w.band == "2.4GHz" ? "BAND_2_4GHZ" : "BAND_5GHZ") << ", 0}";
    phy.Set("ChannelSettings", StringValue(settings.str()));
    WifiMacHelper mac;
    Ssid ssid(l.name);
    Ptr<Node> apNode = ga.members[0];
    PlaceMember(ga, 0, kApHeight, spec);
    NodeContainer stations;
    for (uint32_t i = 0; i < gb.members.size(); ++i)
    {
        PlaceMember(gb, i, kStationHeight, spec);
        stations.Add(gb.members[i]);
    }
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer apDevice = wifi.Install(phy, mac, apNode);
    mac.SetType("ns3::StaWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer stationDevices = wifi.Install(phy, mac, stations);
    NetDeviceContainer all(apDevice);
    all.Add(stationDevices);
    addresses.AssignSubnet(all);
    nextStream += wifi.AssignStreams(all, nextStream);
    // A fixed station that cannot hear the access point never associates: every packet through
    // it would be lost, silently. Say so instead (a moving one may come into range).
    for (uint32_t i = 0; i < stationDevices.GetN() && !gb.spec->mobility; ++i)
    {
        const WifiReach reach = EstimateWifiReach(apDevice.Get(0), stationDevices.Get(i));
        if (!reach.Hears())
        {
            char detail[320];
            std::snprintf(detail,
                          sizeof(detail),
                          "is %.0f m from access point '%s' and would receive it at %.1f dBm, "
                          "below the %.0f dBm a Wi-Fi receiver needs to detect a frame: it could "
                          "never associate. This cell reaches about %.0f m (ns-3's log-distance "
                          "propagation, see doc/scenario-format.rst, Wi-Fi cells)",
                          reach.distanceMetres,
                          l.a.c_str(),
                          reach.rssiDbm,
                          reach.thresholdDbm,
                          reach.reachMetres);
            const std::string station = gb.members.size() > 1
                                            ? "member " + std::to_string(i) + " of '" + l.b + "'"
                                            : "'" + l.b + "'";
            throw InputError(l.mark, "link '" + l.name + "': station " + station + " " + detail);
        }
    }
    // Routing metric: a nominal millisecond for contention and transmission.
    AddRadioEdges(l, "wifi", apDevice.Get(0), stationDevices, 1e-3, planner, links);
    auto meterRadio = [&](Ptr<NetDevice> device,
                          const WifiProfile& profile,
                          const std::string& element,
                          const std::string& node,
                          double pue) {
        Ptr<WifiRadioPowerModel> radio = CreateObject<WifiRadioPowerModel>();
        radio->SetProfile(profile);
        radio->Attach(DynamicCast<WifiNetDevice>(device));
        meter->AddIntegratedElement(
            element,
            node,
            "wifi",
            [radio](Time now) { return radio->GetEnergy(now); },
            pue);
    };
    meterRadio(apDevice.Get(0), WifiProfile::AccessPoint(w.standard), l.name, l.a, ga.pue);
    for (uint32_t i = 0; i < stationDevices.GetN(); ++i)
    {
        meterRadio(stationDevices.Get(i), WifiProfile::Station(), l.name + " stations", l.b, 1.0);
    }
}

/// Build one LTE cell with ns-3's lte module and the scenario's one EPC: one routing edge from
/// the core node (where the PGW attaches) to each UE. The propagation bound of that edge is the
/// radio distance at the speed of light plus the eNB's S1-U fibre to the core site.
void
BuildLteCell(const LinkSpec& l,
             const NodeGroup& enb,
             const NodeGroup& ues,
             const NodeGroup& core,
             std::unique_ptr<LteCellBuilder>& builder,
             AddressPlan& addresses,
             StaticRoutePlanner& planner,
             std::vector<BuiltLink>& links,
             Ptr<EnergyMeter> meter,
             int64_t& nextStream)
{
    if (!builder)
    {
        builder = std::make_unique<LteCellBuilder>(core.members[0], *l.lte, addresses, nextStream);
    }
    NodeContainer ueNodes;
    for (const auto& n : ues.members)
    {
        ueNodes.Add(n);
    }
    auto [ex, ey] = enb.positions[0];
    auto [cx, cy] = core.positions[0];
    LteCellBuilder::Cell cell;
    try
    {
        cell = builder->Build(*l.lte,
                              enb.positions[0],
                              ueNodes,
                              ues.positions,
                              std::hypot(ex - cx, ey - cy),
                              nextStream);
    }
    catch (const std::invalid_argument& e)
    {
        throw InputError(l.mark, "link '" + l.name + "': " + e.what());
    }
    Ptr<NetDevice> coreDevice = builder->GetCoreDevice();
    Vector enbPosition = cell.enb->GetNode()->GetObject<MobilityModel>()->GetPosition();
    for (uint32_t i = 0; i < cell.ues.GetN(); ++i)
    {
        double distance = CalculateDistance(
            enbPosition,
            cell.ues.Get(i)->GetNode()->GetObject<MobilityModel>()->GetPosition());
        BuiltLink b;
        b.spec = &l;
        b.technology = "lte";
        b.profile = nullptr;
        b.devices = NetDeviceContainer(coreDevice, cell.ues.Get(i));
        b.propagation = distance / 299792458.0 + cell.s1uDelay;
        b.lengthMetres = distance;
        b.rateDown = 0;
        b.rateUp = 0;
        // Routing metric: a nominal two 1 ms subframes each way plus the S1-U fibre.
        planner.AddLink(coreDevice, cell.ues.Get(i), 2e-3 + cell.s1uDelay);
        links.push_back(b);
    }
    // Cell power by EARTH (Auer et al. 2011, Table II), fitted to LTE base stations; its input
    // power includes the site's supply and cooling losses, so no PUE on top.
    Ptr<LteEnbEnergyModel> energy = cell.energy;
    meter->AddIntegratedElement(
        l.name,
        l.a,
        "lte",
        [energy](Time now) { return energy->GetEnergy(now); },
        energy->IncludesSiteOverhead() ? 1.0 : enb.pue);
}

struct ScenarioBuild;

/// The NR cells that serve one group of UEs on one carrier, and what follows their handovers.
struct NrRadioNetwork
{
    ScenarioBuild* build = nullptr;                      //!< the run it belongs to
    Ptr<NrHandoverManager> handover;                     //!< null if the UEs do not move
    std::map<Ptr<NetDevice>, const LinkSpec*> cellOfGnb; //!< gNB device -> its link spec
    std::map<Ptr<NetDevice>, uint32_t> routingLinkOfUe;  //!< UE device -> planner link

    /**
     * \brief Point the UE's routes at its target cell (the UPF's path switch) and keep the
     * result bookkeeping in step.
     * \param ue the UE handing over.
     * \param source the cell it leaves.
     * \param target the cell it goes to.
     */
    void SwitchPath(Ptr<NrUeNetDevice> ue, Ptr<NrGnbNetDevice> source, Ptr<NrGnbNetDevice> target);
};

/// Everything one run builds, shared by its build steps.
struct ScenarioBuild
{
    explicit ScenarioBuild(const ScenarioSpec& s, std::chrono::steady_clock::time_point start)
        : spec(s),
          wallStart(start)
    {
    }

    const ScenarioSpec& spec;                        //!< what to build
    std::chrono::steady_clock::time_point wallStart; //!< when building started
    bool progress = false;                           //!< print a progress line
    std::map<std::string, NodeGroup> groups;         //!< node spec name -> members
    NodeContainer allNodes;                          //!< every node
    int64_t nextStream = kApplicationStreams;        //!< next free random stream
    std::map<std::string, Ptr<NrChannel>> channels;  //!< one per NR carrier
    std::vector<NrCellEnergy> radioEnergy;           //!< NR cells' energy models
    std::unique_ptr<LteCellBuilder> lte;             //!< the LTE cells' EPC, on first use
    std::vector<std::unique_ptr<NrRadioNetwork>> radioNetworks; //!< NR cells by UE group
    std::map<uint32_t, uint64_t> handoversOfNode;               //!< node id -> handovers
    std::vector<std::pair<Ptr<Node>, Ptr<Node>>> flowEnds;      //!< per flow: first member's ends
    std::vector<BuiltLink> links;                               //!< every built link member
    StaticRoutePlanner planner;                                 //!< routing graph
    AddressPlan addresses;                                      //!< subnets
    std::vector<std::unique_ptr<FlowProbe>> probes;             //!< per flow
    std::vector<FlowResult> flowResults;                        //!< per flow, filled while building
    Ptr<EnergyMeter> meter = CreateObject<EnergyMeter>();       //!< energy of every element
    CostLedger ledger;                                          //!< cost of every element
    std::vector<UnaccountedElement> unmetered;                  //!< elements without power
    std::vector<UnaccountedElement> uncosted;                   //!< elements without cost
    EnergyReport energy;                                        //!< the meter's reading at the end
    uint64_t events = 0;                                        //!< simulator events of the model
    SetupProgress setup{"", {}, false};                         //!< the set-up's progress line
    std::map<uint32_t, uint16_t> nextPortOfNode; //!< next free port of each receiving node (id)
};

void
NrRadioNetwork::SwitchPath(Ptr<NrUeNetDevice> ue,
                           Ptr<NrGnbNetDevice> source,
                           Ptr<NrGnbNetDevice> target)
{
    ScenarioBuild& sb = *build;
    const uint32_t link = routingLinkOfUe.at(ue);
    sb.planner.MoveLinkEnd(link, target);
    BuiltLink& b = sb.links[link];
    b.devices = NetDeviceContainer(Ptr<NetDevice>(target), Ptr<NetDevice>(ue));
    b.spec = cellOfGnb.at(target);
    ++sb.handoversOfNode[ue->GetNode()->GetId()];
    // A flow's propagation bound is the least over the paths it took.
    for (uint32_t fi = 0; fi < sb.flowEnds.size(); ++fi)
    {
        const auto& [from, to] = sb.flowEnds[fi];
        if (from != ue->GetNode() && to != ue->GetNode())
        {
            continue;
        }
        double bound = 0;
        for (uint32_t li : sb.planner.GetPath(from, to).value_or(std::vector<uint32_t>{}))
        {
            bound += sb.links[li].propagation;
        }
        sb.flowResults[fi].propagationBoundMs =
            std::min(sb.flowResults[fi].propagationBoundMs, bound * 1e3);
    }
}

/**
 * Build the NR cells that serve one UE group (every `nr` link whose second node is that group):
 * the carrier's channel, one gNB per cell, one UE device per member attached to the strongest
 * cell, one subnet for them all, one routing edge per UE to its serving cell, the cells' energy
 * models and, when the UEs move between several cells, a handover manager whose path switches
 * move the UE's routing edge.
 */
void
BuildNrRadioNetwork(ScenarioBuild& sb, const std::vector<const LinkSpec*>& cells)
{
    const LinkSpec& first = *cells.front();
    const NrLinkSpec& c = *first.nr;
    const NrBandProfile* band = NrBandProfile::Find(c.band);
    const NodeGroup& gb = sb.groups.at(first.b);
    // Cells on the same carrier and propagation environment share one channel, so they
    // interfere with each other.
    std::ostringstream key;
    key << c.band << '/' << c.bandwidth << '/' << c.scenario << '/' << c.condition << '/'
        << c.shadowing;
    Ptr<NrChannel>& channel = sb.channels[key.str()];
    if (!channel)
    {
        channel = CreateObject<NrChannel>();
        channel->SetAttribute("Frequency", DoubleValue(band->frequencyHz));
        channel->SetAttribute("Bandwidth", DoubleValue(c.bandwidth));
        channel->SetAttribute("Scenario", StringValue(c.scenario));
        channel->SetAttribute("ChannelCondition", StringValue(c.condition));
        channel->SetAttribute("Shadowing", BooleanValue(c.shadowing));
        sb.nextStream += channel->AssignStreams(sb.nextStream);
    }
    const NrUeRadio ueRadio = NrUeClass::Find(c.ue)->MakeRadio(*band);
    auto network = std::make_unique<NrRadioNetwork>();
    network->build = &sb;
    NetDeviceContainer gnbDevices;
    NrHelper ueHelper;
    ueHelper.SetUeRadio(ueRadio);
    for (const LinkSpec* l : cells)
    {
        const NrLinkSpec& cell = *l->nr;
        const NodeGroup& ga = sb.groups.at(l->a);
        // The class's power spectral density over the bandwidth this link configures.
        NrGnbRadio gnbRadio = NrCellClass::Find(cell.cell)->MakeRadio(*band, cell.bandwidth);
        NrHelper nr;
        nr.SetGnbAttribute("Mu", UintegerValue(cell.numerology));
        nr.SetGnbAttribute("TddPattern", StringValue(cell.tdd));
        nr.SetGnbAttribute("SpecialSlot", StringValue(cell.specialSlot));
        nr.SetGnbAttribute("MiniSlotSymbols", UintegerValue(cell.miniSlotSymbols));
        nr.SetGnbAttribute("UlAccess", StringValue(cell.ulAccess));
        nr.SetSchedulerType(cell.scheduler == "rr" ? NrMacSchedulerRr::GetTypeId()
                                                   : NrMacSchedulerPf::GetTypeId());
        for (const auto& [attribute, value] : l->deviceAttributes)
        {
            nr.SetGnbAttribute(attribute, StringValue(value));
        }
        nr.SetGnbRadio(gnbRadio);
        PlaceMember(ga, 0, gnbRadio.heightM, sb.spec);
        try
        {
            gnbDevices.Add(nr.InstallGnb(ga.members[0], channel));
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(l->mark, "link '" + l->name + "': " + e.what());
        }
        network->cellOfGnb[gnbDevices.Get(gnbDevices.GetN() - 1)] = l;
    }
    NodeContainer ues;
    for (uint32_t i = 0; i < gb.members.size(); ++i)
    {
        PlaceMember(gb, i, ueRadio.heightM, sb.spec);
        ues.Add(gb.members[i]);
    }
    // The gNBs' HARQ streams; the carrier got its streams when it was created, before any cell
    // selection compared signals on it.
    sb.nextStream += ueHelper.AssignStreams(gnbDevices, sb.nextStream);
    NetDeviceContainer ueDevices = ueHelper.InstallUe(ues, gnbDevices);
    NetDeviceContainer all(gnbDevices);
    all.Add(ueDevices);
    sb.addresses.AssignSubnet(all);
    for (uint32_t g = 0; g < gnbDevices.GetN(); ++g)
    {
        const LinkSpec& l = *network->cellOfGnb.at(gnbDevices.Get(g));
        const NodeGroup& ga = sb.groups.at(l.a);
        // Cell power by EARTH (Auer et al. 2011, Table II): a macro class is EARTH's macro
        // base station, a small cell its micro one (ITU-R M.2412 puts small cells at 24-33 dBm,
        // nearer the micro's 6.3 W than the pico's 0.13 W).
        NrCellEnergy cellEnergy;
        cellEnergy.link = l.name;
        cellEnergy.gnbNode = l.a;
        cellEnergy.gnb = CreateObject<NrGnbEnergyModel>();
        const bool small = l.nr->cell == "small";
        cellEnergy.gnb->SetAttribute("BsType", StringValue(small ? "micro" : "macro"));
        // Idle time: SSB bursts, and sleep between them if the planner allows it, at TR 38.864
        // Table 5.1-3's depths for the cell's category (1 wide area, 2 medium range / local
        // area) and reference set (1 FR1 TDD, 2 FR1 FDD, 3 FR2).
        cellEnergy.gnb->SetAttribute("MaxSleepState", StringValue(l.nr->sleep));
        cellEnergy.gnb->SetAttribute("SsbPeriod", TimeValue(Seconds(l.nr->ssbPeriod)));
        // The span of the SSB candidates of TS 38.213 clause 4.1 (above 3 GHz): case C at
        // 30 kHz, 8 in 4 slots (2 ms); case A at 15 kHz, 8 in 4 slots (4 ms); case D at 120 kHz,
        // 64 in 38 slots (4.75 ms).
        const Time burst = band->fr2               ? MicroSeconds(4750)
                           : l.nr->numerology == 0 ? MilliSeconds(4)
                                                   : MilliSeconds(2);
        cellEnergy.gnb->SetAttribute("SsbBurstDuration", TimeValue(burst));
        cellEnergy.gnb->SetAttribute("BsCategory", UintegerValue(small ? 2 : 1));
        cellEnergy.gnb->SetAttribute("ReferenceSet",
                                     UintegerValue(band->fr2            ? 3
                                                   : l.nr->tdd == "FDD" ? 2
                                                                        : 1));
        // EARTH's input power includes the site's supply and cooling losses: no PUE on top.
        cellEnergy.pue = cellEnergy.gnb->IncludesSiteOverhead() ? 1.0 : ga.pue;
        cellEnergy.gnb->Attach(DynamicCast<NrGnbNetDevice>(gnbDevices.Get(g)));
        // The UEs' modems by TR 38.840 (NrUeEnergyModel's defaults: a Snapdragon X55 module's
        // measured current, 23 dBm uplink), summed per cell.
        cellEnergy.ueNode = l.b;
        cellEnergy.ues = CreateObject<NrCellUeEnergyModel>();
        cellEnergy.ues->GetUeModel()->SetAttribute("FrequencyRange",
                                                   StringValue(band->fr2 ? "FR2" : "FR1"));
        cellEnergy.ues->Attach(DynamicCast<NrGnbNetDevice>(gnbDevices.Get(g)));
        sb.radioEnergy.push_back(cellEnergy);
        ueHelper.AttachUeAddresses(gnbDevices.Get(g));
    }
    // Routing metric: a nominal two slots each way (scheduling plus transmission). A moving
    // UE's radio hop adds nothing to a flow's propagation bound: its length changes.
    const double slot = NrNumerology(c.numerology).GetSlotDuration().GetSeconds();
    for (uint32_t i = 0; i < ueDevices.GetN(); ++i)
    {
        Ptr<NrUeNetDevice> ue = DynamicCast<NrUeNetDevice>(ueDevices.Get(i));
        Ptr<NetDevice> serving = ue->GetGnb();
        network->routingLinkOfUe[ue] = static_cast<uint32_t>(sb.links.size());
        AddRadioEdges(*network->cellOfGnb.at(serving),
                      "nr",
                      serving,
                      NetDeviceContainer(ue),
                      2 * slot,
                      sb.planner,
                      sb.links);
        if (gb.spec->mobility)
        {
            sb.links.back().propagation = 0;
        }
    }
    if (cells.size() > 1 && gb.spec->mobility)
    {
        const NrHandoverSpec& h = c.handover;
        network->handover = CreateObject<NrHandoverManager>();
        network->handover->SetAttribute("Hysteresis", DoubleValue(h.hysteresisDb));
        network->handover->SetAttribute("A3Offset", DoubleValue(h.offsetDb));
        network->handover->SetAttribute("TimeToTrigger", TimeValue(Seconds(h.timeToTrigger)));
        network->handover->SetAttribute("InterruptionTime", TimeValue(Seconds(h.interruption)));
        network->handover->SetAttribute("MeasurementPeriod",
                                        TimeValue(Seconds(h.measurementPeriod)));
        for (uint32_t g = 0; g < gnbDevices.GetN(); ++g)
        {
            network->handover->AddCell(DynamicCast<NrGnbNetDevice>(gnbDevices.Get(g)));
        }
        for (uint32_t i = 0; i < ueDevices.GetN(); ++i)
        {
            network->handover->AddUe(DynamicCast<NrUeNetDevice>(ueDevices.Get(i)));
        }
        network->handover->SetPathSwitchCallback(
            MakeCallback(&NrRadioNetwork::SwitchPath, network.get()));
    }
    sb.radioNetworks.push_back(std::move(network));
}

/// Create the nodes of every node spec, placed in their sites, with the internet stack.
void
BuildNodes(ScenarioBuild& sb)
{
    // Nodes, placed in their sites.
    Ptr<UniformRandomVariable> placement = CreateObject<UniformRandomVariable>();
    placement->SetStream(kPlacementStream);
    for (const auto& n : sb.spec.nodes)
    {
        NodeGroup g;
        g.spec = &n;
        g.equipment = EquipmentProfile::Find(n.equipment);
        const SiteSpec* site = sb.spec.FindSite(n.site);
        // The site's own PUE when the scenario gives one, else the equipment's usual site class.
        g.pue = site->pue.value_or(g.equipment->pue);
        for (uint32_t i = 0; i < n.count; ++i)
        {
            sb.setup.Step();
            Ptr<Node> node = CreateObject<Node>();
            sb.allNodes.Add(node);
            g.members.push_back(node);
            double x = site->x;
            double y = site->y;
            if (n.placementRadius > 0)
            {
                // Uniform in a disc: radius ~ R sqrt(U), angle ~ U(0, 2 pi).
                double r = n.placementRadius * std::sqrt(placement->GetValue());
                double angle = placement->GetValue(0, 2 * M_PI);
                x += r * std::cos(angle);
                y += r * std::sin(angle);
            }
            g.positions.emplace_back(x, y);
        }
        sb.groups.emplace(n.name, std::move(g));
    }

    sb.setup.Phase("internet stacks", 0);
    InternetStackHelper internet;
    HostRouteTableHelper hostRoutes;
    internet.SetRoutingHelper(hostRoutes);
    internet.SetIpv6StackInstall(false);
    internet.Install(sb.allNodes);
}

/// Build every link through its technology's builder.
void
BuildLinks(ScenarioBuild& sb)
{
    // Links.
    WiredLinkHelper wired;
    for (const auto& l : sb.spec.links)
    {
        const NodeGroup& ga = sb.groups.at(l.a);
        const NodeGroup& gb = sb.groups.at(l.b);
        if (l.technology != "wired")
        {
            sb.setup.Step();
        }
        if (l.technology == "wifi")
        {
            BuildWifiCell(sb.spec,
                          l,
                          ga,
                          gb,
                          sb.addresses,
                          sb.planner,
                          sb.links,
                          sb.meter,
                          sb.nextStream);
            continue;
        }
        if (l.technology == "lte")
        {
            BuildLteCell(l,
                         ga,
                         gb,
                         sb.groups.at(l.lte->core),
                         sb.lte,
                         sb.addresses,
                         sb.planner,
                         sb.links,
                         sb.meter,
                         sb.nextStream);
            continue;
        }
        if (l.technology == "nr")
        {
            // The first cell of a UE group builds every cell that serves the group.
            std::vector<const LinkSpec*> cells;
            for (const auto& other : sb.spec.links)
            {
                if (other.technology == "nr" && other.b == l.b)
                {
                    cells.push_back(&other);
                }
            }
            if (cells.front() == &l)
            {
                BuildNrRadioNetwork(sb, cells);
            }
            continue;
        }
        uint32_t members = std::max(ga.members.size(), gb.members.size());
        for (uint32_t i = 0; i < members; ++i)
        {
            sb.setup.Step();
            uint32_t ia = PairedMember(i, members, ga.members.size());
            uint32_t ib = PairedMember(i, members, gb.members.size());
            WiredLinkSettings s;
            s.profile = l.profile;
            s.rateDown = l.rateDown;
            s.rateUp = l.rateUp;
            if (l.length)
            {
                s.lengthMetres = *l.length;
            }
            if (ga.spec->placementRadius > 0 || gb.spec->placementRadius > 0)
            {
                // Group members sit at their own positions; a link without an explicit length
                // follows them (the spec's length is the site-to-site default).
                auto [xa, ya] = ga.positions[ia];
                auto [xb, yb] = gb.positions[ib];
                bool explicitLength =
                    l.lengthMark.line != l.mark.line || l.lengthMark.column != l.mark.column;
                if (!explicitLength)
                {
                    s.lengthMetres = std::hypot(xa - xb, ya - yb) * l.routeFactor;
                }
            }
            s.extraLatency = Seconds(l.extraLatency);
            s.processingA = ga.equipment->processingDelay;
            s.processingB = gb.equipment->processingDelay;
            s.capA = ga.equipment->capacityCap;
            s.capB = gb.equipment->capacityCap;
            s.queueSize = l.queue;
            s.mtu = l.mtu;
            NetDeviceContainer devices;
            try
            {
                devices = wired.Install(ga.members[ia], gb.members[ib], s);
            }
            catch (const std::invalid_argument& e)
            {
                throw InputError(l.mark, "link '" + l.name + "': " + e.what());
            }
            for (const auto& [attribute, value] : l.deviceAttributes)
            {
                devices.Get(0)->SetAttribute(attribute, StringValue(value));
                devices.Get(1)->SetAttribute(attribute, StringValue(value));
            }
            sb.addresses.AssignPointToPoint(devices);
            BuiltLink b;
            b.spec = &l;
            b.profile = WiredLinkProfile::Find(l.profile);
            b.technology = b.profile->technology;
            b.devices = devices;
            b.propagation = WiredLinkHelper::PropagationDelay(s).GetSeconds();
            b.lengthMetres = s.lengthMetres;
            WiredLinkRates rates = WiredLinkHelper::EffectiveRates(s);
            b.rateDown = rates.aToB;
            b.rateUp = rates.bToA;
            // Route on the latency of a full-size packet, like a latency-metric IGP: slow copper
            // costs its serialisation time, long fiber its propagation.
            double weight = (WiredLinkHelper::OneWayDelay(s, 1500, true) +
                             WiredLinkHelper::OneWayDelay(s, 1500, false))
                                .GetSeconds() /
                            2;
            sb.planner.AddLink(devices.Get(0), devices.Get(1), weight);
            sb.links.push_back(b);
        }
    }
}

/// Install routes towards flow endpoints; transit nodes use the strong end-system model.
void
BuildRoutes(ScenarioBuild& sb)
{
    // Routes towards every node a flow sends to, and back to senders that get replies.
    for (const auto& f : sb.spec.flows)
    {
        bool replies = f.traffic.protocol == "tcp" || f.traffic.pattern == "request_response";
        for (const auto& node : sb.groups.at(f.to).members)
        {
            sb.setup.Step();
            sb.planner.RouteTo(node);
        }
        if (replies)
        {
            for (const auto& node : sb.groups.at(f.from).members)
            {
                sb.setup.Step();
                sb.planner.RouteTo(node);
            }
        }
    }

    // Nodes that no flow ends at only forward: the strong end-system model (RFC 1122) makes
    // ns-3 check a packet's destination against the arrival interface only, instead of against
    // every interface of the node, which is what a router with hundreds of links would pay per
    // packet.
    std::set<uint32_t> endpoints;
    for (const auto& f : sb.spec.flows)
    {
        for (const auto* name : {&f.from, &f.to})
        {
            for (const auto& node : sb.groups.at(*name).members)
            {
                endpoints.insert(node->GetId());
            }
        }
    }
    for (uint32_t i = 0; i < sb.allNodes.GetN(); ++i)
    {
        if (!endpoints.count(sb.allNodes.Get(i)->GetId()))
        {
            sb.allNodes.Get(i)->GetObject<Ipv4>()->SetAttribute("WeakEsModel", BooleanValue(false));
        }
    }
}

/// Install the traffic applications and connect their traces to the flow probes.
void
BuildTraffic(ScenarioBuild& sb)
{
    // Traffic.
    Ptr<UniformRandomVariable> offsets = CreateObject<UniformRandomVariable>();
    offsets->SetStream(kStartOffsetStream);
    for (uint32_t fi = 0; fi < sb.spec.flows.size(); ++fi)
    {
        const FlowSpec& f = sb.spec.flows[fi];
        const TrafficSpec& t = f.traffic;
        const NodeGroup& src = sb.groups.at(f.from);
        const NodeGroup& dst = sb.groups.at(f.to);
        uint32_t members = std::max(src.members.size(), dst.members.size());
        auto probe = std::make_unique<FlowProbe>();
        if (f.requirements.latency)
        {
            probe->record.SetDeadline(*f.requirements.latency);
        }
        if (f.requirements.rtt)
        {
            probe->record.SetRttDeadline(*f.requirements.rtt);
        }
        double stop = f.stop.value_or(sb.spec.duration);
        TypeId protocol =
            t.protocol == "tcp" ? TcpSocketFactory::GetTypeId() : UdpSocketFactory::GetTypeId();

        FlowResult fr;
        fr.name = f.name;
        fr.from = f.from;
        fr.to = f.to;
        fr.pattern = t.pattern;
        fr.protocol = t.protocol;
        fr.members = members;

        // The gap between packets sets the random start offset that keeps members out of step.
        double gap = 0;
        if (t.pattern == "periodic" || t.pattern == "request_response")
        {
            gap = t.interval;
        }
        else if (t.pattern == "constant_rate")
        {
            gap = t.size * 8 / t.rate;
        }
        else if (t.pattern == "video")
        {
            gap = 1 / t.frameRate;
        }

        std::set<uint32_t> sinksDone;
        std::map<uint32_t, uint16_t> sinkPorts; // destination member -> its port for this flow
        for (uint32_t i = 0; i < members; ++i)
        {
            sb.setup.Step();
            Ptr<Node> from = src.members[PairedMember(i, members, src.members.size())];
            uint32_t di = PairedMember(i, members, dst.members.size());
            Ptr<Node> to = dst.members[di];
            auto path = sb.planner.GetPath(from, to);
            if (!path)
            {
                throw InputError(f.mark,
                                 "flow '" + f.name + "': no route from '" + f.from + "' to '" +
                                     f.to + "'; connect them with sb.links");
            }
            if (i == 0)
            {
                sb.flowEnds.emplace_back(from, to);
                double bound = 0;
                for (uint32_t li : *path)
                {
                    bound += sb.links[li].propagation;
                    const std::string& tech = sb.links[li].technology;
                    if (fr.technologyPath.empty() || fr.technologyPath.back() != tech)
                    {
                        fr.technologyPath.push_back(tech);
                    }
                    fr.linkPath.push_back(sb.links[li].spec->name);
                }
                fr.propagationBoundMs = bound * 1e3;
            }
            // Each receiving node numbers its flows' ports from kFirstPort, so that ports stay
            // below the senders' ephemeral range (49152-65535) however many flows a scenario has
            // (the reader bounds the flows per node).
            uint16_t& nextPort =
                sb.nextPortOfNode.try_emplace(to->GetId(), kFirstPort).first->second;
            const auto [sinkPort, newSink] = sinkPorts.emplace(di, nextPort);
            nextPort += newSink ? 1 : 0;
            const uint16_t port = sinkPort->second;
            Ptr<Ipv4> ip = to->GetObject<Ipv4>();
            Address remote = InetSocketAddress(ip->GetAddress(1, 0).GetLocal(), port);
            double start = f.start + (gap > 0 ? offsets->GetValue(0, gap) : 0);
            // A member whose offset falls at or after the flow's stop has no packet to send in its
            // window (a flow shorter than its gap sends in a window/gap share of its members, as
            // it should on average); started anyway, it would send until the run ends.
            const bool silent = start >= stop;

            if (t.pattern == "request_response")
            {
                if (sinksDone.insert(di).second)
                {
                    Ptr<RequestResponseServer> server = CreateObject<RequestResponseServer>();
                    server->SetAttribute(
                        "Local",
                        AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
                    server->SetAttribute("Protocol", TypeIdValue(protocol));
                    server->SetAttribute("ResponseSize", UintegerValue(t.responseSize));
                    server->TraceConnectWithoutContext("Rx", MakeBoundCallback(&OnRx, probe.get()));
                    to->AddApplication(server);
                    server->SetStartTime(Seconds(0));
                }
                if (silent)
                {
                    continue;
                }
                Ptr<RequestResponseClient> client = CreateObject<RequestResponseClient>();
                client->SetAttribute("Remote", AddressValue(remote));
                client->SetAttribute("Protocol", TypeIdValue(protocol));
                client->SetAttribute("FlowId", UintegerValue(fi));
                client->SetAttribute("MemberId", UintegerValue(i));
                client->SetAttribute("Interval", TimeValue(Seconds(t.interval)));
                client->SetAttribute("RequestSize", UintegerValue(t.size));
                client->SetAttribute("Distribution",
                                     StringValue(t.exponential ? "Exponential" : "Fixed"));
                client->TraceConnectWithoutContext("Tx", MakeBoundCallback(&OnTx, probe.get()));
                client->TraceConnectWithoutContext("Rtt", MakeBoundCallback(&OnRtt, probe.get()));
                sb.nextStream += client->AssignStreams(sb.nextStream);
                from->AddApplication(client);
                client->SetStartTime(Seconds(start));
                client->SetStopTime(Seconds(stop));
                continue;
            }

            if (sinksDone.insert(di).second)
            {
                Ptr<TimestampSink> sink = CreateObject<TimestampSink>();
                sink->SetAttribute("Local",
                                   AddressValue(InetSocketAddress(Ipv4Address::GetAny(), port)));
                sink->SetAttribute("Protocol", TypeIdValue(protocol));
                sink->TraceConnectWithoutContext("Rx", MakeBoundCallback(&OnRx, probe.get()));
                to->AddApplication(sink);
                sink->SetStartTime(Seconds(0));
            }
            if (silent)
            {
                continue;
            }
            Ptr<TimestampedSource> source;
            if (t.pattern == "periodic" || t.pattern == "constant_rate")
            {
                Ptr<PeriodicSource> periodic = CreateObject<PeriodicSource>();
                periodic->SetAttribute("Interval", TimeValue(Seconds(gap)));
                periodic->SetAttribute("PacketSize", UintegerValue(t.size));
                periodic->SetAttribute("Distribution",
                                       StringValue(t.exponential ? "Exponential" : "Fixed"));
                source = periodic;
            }
            else if (t.pattern == "video")
            {
                Ptr<VideoSource> video = CreateObject<VideoSource>();
                video->SetAttribute("FrameRate", DoubleValue(t.frameRate));
                video->SetAttribute("MeanFrameSize",
                                    UintegerValue(std::llround(t.rate / 8 / t.frameRate)));
                video->SetAttribute("FrameSizeVariation", DoubleValue(t.frameSizeVariation));
                video->SetAttribute("MaxPacketSize", UintegerValue(t.maxPacketSize));
                source = video;
            }
            else
            {
                Ptr<BulkSource> bulk = CreateObject<BulkSource>();
                bulk->SetAttribute("TotalBytes", UintegerValue(t.totalBytes));
                source = bulk;
            }
            source->SetAttribute("Remote", AddressValue(remote));
            source->SetAttribute("Protocol", TypeIdValue(protocol));
            source->SetAttribute("FlowId", UintegerValue(fi));
            source->SetAttribute("MemberId", UintegerValue(i));
            source->TraceConnectWithoutContext("Tx", MakeBoundCallback(&OnTx, probe.get()));
            sb.nextStream += source->AssignStreams(sb.nextStream);
            from->AddApplication(source);
            source->SetStartTime(Seconds(start));
            source->SetStopTime(Seconds(stop));
        }
        sb.probes.push_back(std::move(probe));
        sb.flowResults.push_back(fr);
    }
}

/// Register every element with the energy meter and the cost ledger.
void
BuildLedgers(ScenarioBuild& sb)
{
    // Energy: every node's equipment and every link end's line termination; cost of both.
    std::map<uint32_t, NetDeviceContainer> devicesOfNode;
    // A node at the station end of a radio link is the base station or AP, whose power and
    // cost its cell carries (the node's equipment class says nothing about it).
    std::set<std::string> stations;
    for (const auto& l : sb.spec.links)
    {
        if (l.technology == "nr" || l.technology == "lte" || l.technology == "wifi")
        {
            stations.insert(l.a);
        }
    }
    for (const auto& b : sb.links)
    {
        // Wired devices report what they carry through PhyTxEnd; the NR devices' load is the
        // cell's, metered with the radio (not yet modelled).
        for (uint32_t e = 0; e < 2 && b.profile; ++e)
        {
            devicesOfNode[b.devices.Get(e)->GetNode()->GetId()].Add(b.devices.Get(e));
        }
    }
    for (const auto& n : sb.spec.nodes)
    {
        const NodeGroup& g = sb.groups.at(n.name);
        const EquipmentProfile& eq = *g.equipment;
        for (const auto& node : g.members)
        {
            Ptr<ElementPowerModel> power =
                n.power ? MakePowerModel(*n.power, g.pue) : eq.CreatePowerModel();
            power->SetAttribute("Pue", DoubleValue(g.pue));
            if (power->GetMaxPower() > 0)
            {
                sb.meter->AddElement(n.name, n.name, eq.role, power, devicesOfNode[node->GetId()]);
            }
        }
        if (!(n.power ? n.power->maxWatts > 0 : eq.maxPower > 0) && !stations.count(n.name))
        {
            sb.unmetered.push_back(
                {n.name, n.name, eq.role, n.power ? "power given as 0 W" : eq.powerSource});
        }
        CostItem item = eq.GetCostItem(n.name, n.name);
        if (n.cost)
        {
            item.capex = n.cost->capex;
            item.opexPerYear = n.cost->opexPerYear;
            item.lifetimeYears = n.cost->lifetimeYears;
        }
        item.capex *= n.count;
        item.opexPerYear *= n.count;
        if (item.capex > 0 || item.opexPerYear > 0)
        {
            sb.ledger.Add(item);
        }
        else if (!stations.count(n.name) || n.cost)
        {
            sb.uncosted.push_back(
                {n.name, n.name, eq.role, n.cost ? "cost given as 0" : eq.costSource});
        }
    }
    // The scenario's own zero, written on a link or a node, is reported as such.
    auto costOverride = [&sb](const LinkSpec& l, const std::string& technology) {
        sb.ledger.Add(CostItem{l.name,
                               l.a,
                               technology,
                               l.cost->capex,
                               l.cost->lifetimeYears,
                               l.cost->opexPerYear});
        if (l.cost->capex <= 0 && l.cost->opexPerYear <= 0)
        {
            sb.uncosted.push_back({l.name, l.a, technology, "cost given as 0"});
        }
    };
    // Radio cells, once per link whether or not a UE was attached to it at the start (a cell a
    // moving UE only hands over to has no routing edge yet): the cell class's site cost (NR,
    // LTE) or the AP's (Wi-Fi), or the link's own. Their energy comes from the cells' own
    // models (NR below, LTE and Wi-Fi where their cells are built).
    bool epc = false;
    for (const auto& l : sb.spec.links)
    {
        if (l.technology != "nr" && l.technology != "lte" && l.technology != "wifi")
        {
            continue;
        }
        if (l.cost)
        {
            costOverride(l, l.technology);
        }
        else if (l.technology == "wifi")
        {
            const WifiProfile ap = WifiProfile::AccessPoint(l.wifi->standard);
            sb.ledger.Add(
                CostItem{l.name, l.a, "wifi", ap.capex, ap.lifetimeYears, ap.opexPerYear});
        }
        else
        {
            const NrCellClass* cell = NrCellClass::Find(l.nr ? l.nr->cell : l.lte->cell);
            sb.ledger.Add(CostItem{l.name,
                                   l.a,
                                   l.technology,
                                   cell->capex,
                                   cell->lifetimeYears,
                                   cell->opexPerYear});
        }
        if (l.technology == "lte")
        {
            // ns-3's LTE MAC has no per-UE slot hooks to drive a UE model (NR meters its UEs).
            sb.unmetered.push_back(
                {l.name + " UEs", l.b, "lte", "ns-3's LTE MAC has no per-UE activity hooks"});
            if (!epc)
            {
                epc = true;
                const std::string why = "the carrier's core (PGW, SGW, MME), shared";
                sb.unmetered.push_back({"epc", l.lte->core, "lte", why});
                sb.uncosted.push_back({"epc", l.lte->core, "lte", why});
            }
        }
    }
    std::set<const LinkSpec*> linkCostOverridden;
    std::set<std::pair<const LinkSpec*, uint32_t>> linkUnmetered; // link ends reported
    for (const auto& b : sb.links)
    {
        if (!b.profile)
        {
            continue; // a radio cell's edge, priced above
        }
        const LinkSpec& l = *b.spec;
        const WiredLinkProfile& p = *b.profile;
        const std::string* ends[2] = {&l.a, &l.b};
        for (uint32_t e = 0; e < 2; ++e)
        {
            double pue = sb.groups.at(*ends[e]).pue;
            double lineRate = e == 0 ? b.rateDown : b.rateUp;
            Ptr<ElementPowerModel> power = l.power ? MakePowerModel(*l.power, pue)
                                                   : p.CreateEndPowerModel(e == 0, lineRate, pue);
            if (power->GetMaxPower() > 0)
            {
                sb.meter->AddElement(l.name,
                                     *ends[e],
                                     p.technology,
                                     power,
                                     NetDeviceContainer(b.devices.Get(e)));
            }
            else if ((l.power || !p.powerInEquipment) && linkUnmetered.insert({&l, e}).second)
            {
                sb.unmetered.push_back({l.name,
                                        *ends[e],
                                        p.technology,
                                        l.power ? "power given as 0 W" : p.powerSource});
            }
        }
        if (l.cost)
        {
            // A cost written on the link is for the whole link (all its members together).
            if (linkCostOverridden.insert(&l).second)
            {
                costOverride(l, p.technology);
            }
            continue;
        }
        bool costed = false;
        for (const CostItem& item : p.GetCostItems(l.name, l.a, l.b, b.lengthMetres))
        {
            if (item.capex > 0 || item.opexPerYear > 0)
            {
                sb.ledger.Add(item);
                costed = true;
            }
        }
        if (!costed && linkCostOverridden.insert(&l).second)
        {
            sb.uncosted.push_back({l.name, l.a, p.technology, p.costSource});
        }
    }

    for (const auto& cell : sb.radioEnergy)
    {
        Ptr<NrGnbEnergyModel> gnb = cell.gnb;
        sb.meter->AddIntegratedElement(
            cell.link,
            cell.gnbNode,
            "nr",
            [gnb](Time now) { return gnb->GetEnergy(now); },
            cell.pue);
        // UEs are battery or vehicle powered, outside any site: no PUE.
        Ptr<NrCellUeEnergyModel> ues = cell.ues;
        sb.meter->AddIntegratedElement(
            cell.link + " UEs",
            cell.ueNode,
            "nr",
            [ues](Time now) { return ues->GetEnergy(now); },
            1.0);
    }
}

/// Run the simulation for duration + drain and read the meter.
void
Simulate(ScenarioBuild& sb)
{
    // Run.
    double end = sb.spec.duration + sb.spec.drain;
    sb.meter->Start();
    std::unique_ptr<ProgressLine> progress;
    if (sb.progress)
    {
        progress = std::make_unique<ProgressLine>(sb.spec.configuration, end, sb.wallStart);
        Simulator::Schedule(Seconds(0), &ProgressLine::Tick, progress.get());
    }
    Simulator::Stop(Seconds(end));
    Simulator::Run();
    sb.energy = sb.meter->Finish();
    // The progress line's own ticks are not part of the model: leave them out, so a run on a
    // terminal counts the same events as one in a pipe.
    sb.events = Simulator::GetEventCount() - (progress ? progress->Finish() : 0);
    Simulator::Destroy();
}

} // namespace

ScenarioRunner::ScenarioRunner(const ScenarioSpec& spec)
    : m_spec(spec)
{
}

void
ScenarioRunner::SetProgress(bool enabled)
{
    m_progress = enabled;
}

void
ScenarioRunner::SetMemoryCheck(bool enabled)
{
    m_memoryCheck = enabled;
}

RunResult
ScenarioRunner::Run()
{
    if (m_memoryCheck)
    {
        CheckFootprintFits(m_spec, AvailableMemoryBytes());
    }
    ScenarioBuild sb(m_spec, std::chrono::steady_clock::now());
    sb.progress = m_progress;
    sb.setup = SetupProgress(m_spec.configuration, sb.wallStart, m_progress);
    const ScenarioSpec& spec = m_spec;
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(spec.seed);
    // Several configurations run in one process (compare): restore every attribute default this
    // one changes when it ends.
    // TCP segments fill a 1500-byte MTU: 1500 - 20 (IPv4) - 32 (TCP with the timestamp option,
    // on by default in ns-3) = 1448 B, instead of ns-3's 536-byte default (RFC 879's minimum).
    // The scenario's own defaults win.
    std::map<std::string, std::string> defaults{{"ns3::TcpSocket::SegmentSize", "1448"}};
    for (const auto& [name, value] : spec.defaults)
    {
        defaults[name] = value;
    }
    // An LTE link's attributes are defaults for the run: ns-3's lte module creates some of its
    // objects (RLC entities, bearers) only while the simulation runs.
    for (const auto& l : spec.links)
    {
        if (l.lte)
        {
            defaults.insert(l.lte->attributes.begin(), l.lte->attributes.end());
        }
    }
    AttributeDefaultsGuard defaultsGuard(defaults);

    // Setting up a large scenario takes long before the simulation's own progress line starts.
    uint64_t members = 0;
    for (const auto& n : spec.nodes)
    {
        members += n.count;
    }
    // Links count one step per member pair of a wired link and one per radio cell.
    uint64_t linkSteps = 0;
    for (const auto& l : spec.links)
    {
        linkSteps += l.technology != "wired"
                         ? 1
                         : std::max(spec.FindNode(l.a)->count, spec.FindNode(l.b)->count);
    }
    sb.setup.Phase("nodes", members);
    BuildNodes(sb);
    sb.setup.Phase("links", linkSteps);
    BuildLinks(sb);
    sb.setup.Phase("routes", 0);
    BuildRoutes(sb);
    sb.setup.Phase("traffic", 0);
    BuildTraffic(sb);
    sb.setup.Phase("energy and cost", 0);
    BuildLedgers(sb);
    sb.setup.Finish();
    Simulate(sb);

    // Measure.
    RunResult result;
    result.version = BLUEPRINT_VERSION;
    result.scenario = sb.spec.name;
    result.sourceFile = sb.spec.sourceFile;
    result.configuration = sb.spec.configuration;
    result.configurationDescription = sb.spec.configurationDescription;
    result.seed = sb.spec.seed;
    result.durationSeconds = sb.spec.duration;
    result.nodes = sb.allNodes.GetN();
    result.links = sb.links.size();
    result.resolvedYaml = sb.spec.resolvedYaml;
    uint64_t deliveredBits = 0;
    for (uint32_t fi = 0; fi < sb.spec.flows.size(); ++fi)
    {
        const FlowSpec& f = sb.spec.flows[fi];
        const FlowRecord& rec = sb.probes[fi]->record;
        FlowResult& fr = sb.flowResults[fi];
        fr.txPackets = rec.GetTxPackets();
        fr.rxPackets = rec.GetRxPackets();
        fr.txBytes = rec.GetTxBytes();
        fr.rxBytes = rec.GetRxBytes();
        const bool roundTrips = f.traffic.pattern == "request_response";
        // A request whose response never came back failed, wherever it was lost (doc/metrics.rst).
        fr.lossRatio = roundTrips ? rec.GetRoundTripLossRatio() : rec.GetLossRatio();
        double stop = f.stop.value_or(sb.spec.duration);
        // Bytes received during the drain are counted, so is the time they took: the window ends
        // at the last reception when that is after the stop (doc/metrics.rst).
        fr.activeSeconds = rec.GetMeasurementWindow(f.start, stop);
        if (f.traffic.pattern == "bulk" && f.traffic.totalBytes > 0 && rec.GetLastRxTime() > 0)
        {
            // A finite transfer is active until its last byte arrives.
            fr.activeSeconds = rec.GetLastRxTime() - rec.GetFirstTxTime();
        }
        fr.throughputBps = rec.GetThroughput(fr.activeSeconds);
        fr.throughputPerMemberBps = fr.throughputBps / fr.members;
        fr.latency = Summarise(rec.GetLatency());
        if (roundTrips)
        {
            fr.rtt = Summarise(rec.GetRtt());
            fr.answeredRequests = rec.GetAnsweredRequests();
        }
        fr.jitterMs = rec.GetJitter() * 1e3;
        fr.onTimePackets = rec.GetOnTimePackets();
        for (const auto* group : {&f.from, &f.to})
        {
            for (const auto& node : sb.groups.at(*group).members)
            {
                auto it = sb.handoversOfNode.find(node->GetId());
                fr.handovers += it == sb.handoversOfNode.end() ? 0 : it->second;
            }
        }
        deliveredBits += rec.GetRxBytes() * 8;
        // Honesty check: no packet may arrive faster than light in its medium allows.
        if (fr.rxPackets > 0 && fr.latency.min < fr.propagationBoundMs - 1e-6)
        {
            throw std::logic_error("flow '" + f.name + "': a packet arrived in " +
                                   std::to_string(fr.latency.min) +
                                   " ms, below the path's propagation bound of " +
                                   std::to_string(fr.propagationBoundMs) + " ms");
        }

        const RequirementSpec& req = f.requirements;
        if (req.latency)
        {
            fr.requirements.push_back(JudgeDeadline("latency",
                                                    *req.latency,
                                                    req.reliability,
                                                    fr.onTimePackets,
                                                    fr.txPackets));
        }
        if (req.rtt)
        {
            fr.requirements.push_back(JudgeDeadline("rtt",
                                                    *req.rtt,
                                                    req.reliability,
                                                    rec.GetRttOnTimeRequests(),
                                                    fr.txPackets));
        }
        if (req.throughput)
        {
            RequirementResult q;
            q.metric = "throughput";
            q.target = ">= " + Rate(*req.throughput) + " per member";
            q.measured = Rate(fr.throughputPerMemberBps);
            q.verdict =
                fr.throughputPerMemberBps >= *req.throughput ? Verdict::Pass : Verdict::Fail;
            fr.requirements.push_back(q);
        }
        if (req.loss)
        {
            RequirementResult q;
            q.metric = "loss";
            q.target = "<= " + Percent(*req.loss);
            q.measured = Percent(fr.lossRatio) + " of " + std::to_string(fr.txPackets);
            q.verdict = fr.txPackets == 0           ? Verdict::Inconclusive
                        : fr.lossRatio <= *req.loss ? Verdict::Pass
                                                    : Verdict::Fail;
            fr.requirements.push_back(q);
        }
        for (const auto& q : fr.requirements)
        {
            fr.verdict = Worst(fr.verdict, q.verdict);
        }
        result.verdict = Worst(result.verdict, fr.verdict);
    }
    result.flows = sb.flowResults;
    result.energyJoules = sb.energy.totalJoules;
    result.energyByTechnology = sb.energy.byTechnology;
    result.energyByNode = sb.energy.byNode;
    result.joulesPerBit = deliveredBits ? sb.energy.totalJoules / deliveredBits : 0;
    result.unmetered = sb.unmetered;
    result.uncosted = sb.uncosted;
    result.currency = sb.spec.currency;
    result.discountRate = sb.spec.discountRate;
    result.capex = sb.ledger.GetCapex();
    result.opexPerYear = sb.ledger.GetOpexPerYear();
    result.annualisedCost = sb.ledger.GetAnnualised(sb.spec.discountRate);
    result.annualisedByTechnology = sb.ledger.GetAnnualisedByTechnology(sb.spec.discountRate);
    result.events = sb.events;
    result.wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - sb.wallStart).count();
    return result;
}

} // namespace ns3
