/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"
#include "helper/scenario/site-reader.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/ntn/ntn-helper.h"
#include "helper/technology/ntn/ntn-link-reader.h"
#include "helper/technology/ntn/ntn-reach.h"
#include "model/energy/energy-meter.h"
#include "model/ntn/ntn-channel.h"
#include "model/ntn/ntn-gateway-net-device.h"
#include "model/ntn/ntn-platform.h"
#include "model/ntn/ntn-terminal-net-device.h"

#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"

#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnTechnology");

namespace
{

/// Height of a terminal's antenna above its site, m (a dish on a roof or a pole; assumption).
constexpr double kTerminalHeightM = 3.0;
/// Height of a gateway's antennas above their site, m (assumption).
constexpr double kGatewayHeightM = 10.0;

/// A satellite or HAPS link's own keys, as ReadNtnLinkSpec reads them.
struct NtnLinkConfig : public LinkConfig
{
    NtnLinkSpec spec;       //!< platforms, beams, terminals, access, weather
    std::string channelKey; //!< what its system is: links with the same key share one channel
};

/**
 * \param s a link's spec
 * \return every figure of the system it runs on (platforms, beams, payload, access, sharing,
 *         reassignment, link budget), as text: links that agree on it share one NtnChannel, so
 *         their terminals share beams and are reassigned together; the terminals, the gateway
 *         and the rain are each link's own
 */
std::string
ChannelKey(const NtnLinkSpec& s)
{
    std::ostringstream k;
    k << std::setprecision(17);
    const NtnPlatformSpec& p = s.platform;
    k << p.kind << '|' << p.altitudeM << '|' << p.inclinationDeg << '|' << p.planes << '|'
      << p.perPlane << '|' << p.phasing << '|' << p.reassignmentPeriodS << '|' << p.longitudeDeg
      << '|' << p.latitudeDeg << '|' << p.overFirstTerminal << '|';
    const NtnBeamParameters& b = s.beam;
    k << b.forwardFrequencyHz << '|' << b.forwardBandwidthHz << '|' << b.eirpDensityDbwPerMhz << '|'
      << b.returnFrequencyHz << '|' << b.returnBandwidthHz << '|' << b.gOverTDbK << '|'
      << b.beamDiameterM << '|';
    k << s.payload << '|' << s.interSatelliteLinks << '|' << s.scenario << '|' << s.scheduler << '|'
      << s.backgroundLoad << '|' << s.backgroundBurstS << '|' << s.interruptionS << '|'
      << s.interruptionMode << '|' << s.reassignmentOffsetS << '|' << s.maxConsecutiveSlots << '|'
      << s.returnAccess << '|' << s.grantAtGateway << '|' << s.grantHoldS << '|'
      << s.constantRateBps << '|' << s.frameS << '|' << s.returnFrameS << '|' << s.schedulingLead
      << '|' << s.returnSchedulingLead << '|' << s.processingS << '|' << s.gatewayMinElevationDeg
      << '|' << s.marginDb << '|' << s.rollOff << '|' << s.rainHeightM << '|' << s.queueSize;
    return k.str();
}

/**
 * \param s a link's spec
 * \return what names its system in the run's random streams: its technology, its platforms (a
 *         Walker shell's orbit and pattern, a GEO's longitude, a HAPS's station) and its beams'
 *         cells and band. Not a link's name: another link of the system (its first one, say)
 *         turned into fibre leaves the system's draws as they were. Not the access and sharing
 *         figures either: an alternative that changes the scheduler or the margin of a system
 *         draws the same background load in its beams.
 */
std::string
SystemName(const NtnLinkSpec& s)
{
    std::ostringstream k;
    k << std::setprecision(12) << s.technology << ':';
    const NtnPlatformSpec& p = s.platform;
    if (p.kind == "walker")
    {
        k << "walker/" << p.altitudeM / 1e3 << "km/" << p.inclinationDeg << "deg/" << p.planes
          << 'x' << p.perPlane << "/F" << p.phasing;
    }
    else if (p.kind == "geo")
    {
        k << "geo/" << p.longitudeDeg << 'E';
    }
    else
    {
        k << p.kind << '/' << p.altitudeM / 1e3 << "km/";
        if (p.overFirstTerminal)
        {
            k << "over-first-terminal";
        }
        else
        {
            k << p.latitudeDeg << 'N' << p.longitudeDeg << 'E';
        }
    }
    k << "/beams:" << s.beam.beamDiameterM / 1e3 << "km/" << s.beam.forwardFrequencyHz / 1e9
      << "GHz";
    return k.str();
}

/// The devices one link built.
struct NtnLinkDevices
{
    Ptr<NetDevice> gateway;       //!< its gateway's device (shared by links on one gateway)
    NetDeviceContainer terminals; //!< one per member of its terminal group
};

/// What one unit (one system: links sharing a channel) built.
struct NtnUnit
{
    Ptr<NtnChannel> channel;                             //!< the system
    std::map<const LinkSpec*, NtnLinkDevices> devices;   //!< per link
    std::map<std::string, Ptr<NetDevice>> gatewayOfNode; //!< gateway node name -> device
};

/// What the satellite and HAPS links of one run remember between building and accounting.
struct NtnRunState : public TechnologyRunState
{
    std::map<const LinkSpec*, NtnUnit> units; //!< by the first link of each unit
};

/**
 * \ingroup blueprint-ntn
 * \brief Satellite and HAPS links (`leo`, `geo`, `haps`): the first node of a link is the
 * gateway (ground station) where the system meets the terrestrial network, the second a
 * terminal or a group of terminals. The links whose systems agree (ChannelKey) are one
 * NtnChannel: their terminals share beams, are reassigned together and use their own link's
 * gateway. doc/ntn.rst describes the models, presets and sources.
 */
class NtnTechnology : public LinkTechnology
{
  public:
    /**
     * \param name the technology's name, which is also its preset ("leo", "geo", "haps")
     */
    explicit NtnTechnology(std::string name)
        : m_name(std::move(name))
    {
    }

    std::string GetName() const override
    {
        return m_name;
    }

    std::vector<std::string> GetKeys() const override
    {
        return NtnLinkKeys();
    }

    /// The link's keys (ReadNtnLinkSpec), then what its geometry allows: a terminal group that
    /// no platform serves together with its gateway is refused here, so that `validate` says so.
    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        auto config = std::make_shared<NtnLinkConfig>();
        config->spec = ReadNtnLinkSpec(link,
                                       m_name,
                                       ctx.context,
                                       {"technology", "between", "cost", "description"});
        config->channelKey = ChannelKey(config->spec);
        if (ctx.a.count != 1)
        {
            throw InputError(ctx.aMark,
                             ctx.context + ": the first node of a " + m_name +
                                 " link is its gateway, a single node; '" + ctx.a.name +
                                 "' is a group of " + std::to_string(ctx.a.count));
        }
        if (!ctx.spec.origin)
        {
            throw InputError(ctx.link.mark,
                             ctx.context + ": a " + m_name +
                                 " link needs its sites on the Earth; give them by latitude and "
                                 "longitude (position: [37.39N, 136.90E]) or write the origin "
                                 "their metres are measured from (origin: [35.68N, 139.77E])");
        }
        const std::string problem = CheckNtnReach(config->spec,
                                                  ctx.spec,
                                                  *ctx.spec.FindSite(ctx.a.site),
                                                  *ctx.spec.FindSite(ctx.b.site),
                                                  ctx.b.placementRadius);
        if (!problem.empty())
        {
            throw InputError(ctx.link.mark, ctx.context + ": " + problem);
        }
        return config;
    }

    /// A terminal group is on one system once: two links of one system to the same terminals
    /// would give each terminal two devices on one channel.
    void Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const override
    {
        std::map<std::pair<std::string, std::string>, const LinkSpec*> seen;
        for (const LinkSpec* l : mine)
        {
            const auto key = std::make_pair(l->Config<NtnLinkConfig>().channelKey, l->b);
            const auto [it, isNew] = seen.emplace(key, l);
            if (!isNew)
            {
                throw InputError(l->mark,
                                 "link '" + l->name + "': the terminals '" + l->b +
                                     "' are already on this " + m_name + " system through link '" +
                                     it->second->name + "'");
            }
        }
    }

    /// A subnet address per gateway and terminal.
    void AddAddressDemand(const ScenarioSpec& spec,
                          const LinkSpec& link,
                          AddressDemand& demand) const override
    {
        demand.subnetDevices += spec.FindNode(link.a)->count + spec.FindNode(link.b)->count;
    }

    /// A radio device per gateway and terminal and an edge per terminal; the platforms cost
    /// nothing until a terminal looks at them (their positions are computed when asked).
    void AddFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& mine,
                      FootprintTally& tally) const override
    {
        for (const LinkSpec* l : mine)
        {
            const double terminals = spec.FindNode(l->b)->count;
            tally.radioDevices += 1 + static_cast<uint64_t>(terminals);
            tally.edgesPerMember[l->a] += terminals;
            tally.edgesPerMember[l->b] += 1;
        }
    }

    /// The links of one system are built together, as one channel.
    std::vector<std::vector<const LinkSpec*>> GroupForBuild(
        const std::vector<const LinkSpec*>& mine) const override
    {
        std::vector<std::vector<const LinkSpec*>> units;
        std::map<std::string, std::size_t> unitOfSystem;
        for (const LinkSpec* l : mine)
        {
            const auto [it, isNew] =
                unitOfSystem.emplace(l->Config<NtnLinkConfig>().channelKey, units.size());
            if (isNew)
            {
                units.emplace_back();
            }
            units[it->second].push_back(l);
        }
        return units;
    }

    uint64_t GetSetupSteps(const ScenarioSpec& spec, const LinkSpec& link) const override
    {
        return spec.FindNode(link.b)->count;
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    void AccountLink(ScenarioBuild& run, const LinkSpec& link) const override;

    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    /// The channel models rain at the terminals (ITU-R P.618 along the slant path from the
    /// terminal's site): the rain at the terminal, the edge's second end, is what counts.
    void SetRainRate(ScenarioBuild& run,
                     const LinkSpec& link,
                     uint32_t edge,
                     const RainExposure& rain) const override
    {
        Ptr<NtnTerminalNetDevice> terminal =
            DynamicCast<NtnTerminalNetDevice>(run.GetEdge(edge).devB);
        Ptr<NtnChannel> channel =
            terminal ? DynamicCast<NtnChannel>(terminal->GetChannel()) : nullptr;
        NS_ABORT_MSG_UNLESS(channel, "link '" << link.name << "': edge without an NTN terminal");
        const double own = link.Config<NtnLinkConfig>().spec.rainRateMmH;
        channel->SetRainRate(terminal->GetTerminalId(), std::max(own, rain.atBMmH));
    }

    std::vector<AnimatedPlatform> GetAnimatedPlatforms(
        ScenarioBuild& run,
        const std::vector<const LinkSpec*>& mine) const override;

  private:
    std::string m_name; //!< "leo", "geo" or "haps"
};

void
NtnTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const ScenarioSpec& scenario = run.GetSpec();
    const GeographicFrame frame = *ScenarioFrame(scenario);
    const LinkSpec& first = *unit.front();
    NtnUnit& built = run.GetState<NtnRunState>().units[&first];
    NtnHelper helper;
    try
    {
        built.channel = helper.CreateChannel(first.Config<NtnLinkConfig>().spec, frame);
        // The platforms stand where they are at this run's place on the scenario's timeline.
        PointerValue platform;
        built.channel->GetAttribute("Platform", platform);
        platform.Get<NtnPlatform>()->SetAttribute("Epoch",
                                                  TimeValue(Seconds(scenario.windowStart)));
    }
    catch (const std::invalid_argument& e)
    {
        throw InputError(first.mark, "link '" + first.name + "': " + e.what());
    }
    NetDeviceContainer all;
    for (const LinkSpec* l : unit)
    {
        const NtnLinkSpec& spec = l->Config<NtnLinkConfig>().spec;
        const NodeGroup& ga = run.GetGroup(l->a);
        const NodeGroup& gb = run.GetGroup(l->b);
        Ptr<NetDevice>& gateway = built.gatewayOfNode[l->a];
        if (!gateway)
        {
            run.Place(ga, 0, kGatewayHeightM);
            const GroundPoint point = PlaceOnEarth(frame,
                                                   *scenario.FindSite(ga.spec->site),
                                                   ga.positions[0],
                                                   kGatewayHeightM);
            gateway = helper.InstallGateway(ga.members[0], built.channel, point).Get(0);
            all.Add(gateway);
        }
        const uint32_t gatewayIndex = DynamicCast<NtnGatewayNetDevice>(gateway)->GetGatewayIndex();
        NodeContainer nodes;
        std::vector<GroundPoint> points;
        const SiteSpec& site = *scenario.FindSite(gb.spec->site);
        for (uint32_t i = 0; i < gb.members.size(); ++i)
        {
            run.Step();
            run.Place(gb, i, kTerminalHeightM);
            nodes.Add(gb.members[i]);
            points.push_back(PlaceOnEarth(frame, site, gb.positions[i], kTerminalHeightM));
        }
        NtnLinkDevices& devices = built.devices[l];
        devices.gateway = gateway;
        devices.terminals =
            helper.InstallTerminals(nodes, built.channel, spec.terminal, gatewayIndex, points);
        for (uint32_t i = 0; i < devices.terminals.GetN(); ++i)
        {
            // The rain at the link's terminals (the helper took the first link's).
            built.channel->SetRainRate(
                DynamicCast<NtnTerminalNetDevice>(devices.terminals.Get(i))->GetTerminalId(),
                spec.rainRateMmH);
        }
        all.Add(devices.terminals);
    }
    // The system's streams, named after the system (SystemName), not after any of its links; two
    // systems of the run that only their access or sharing figures tell apart are told apart by
    // a hash of every figure. Each beam's own (its background load), named after the system,
    // its platform and its ground cell, reserved when the beam is first used: a beam draws the
    // same whatever other beams exist and whenever it comes. Then each terminal's own (its LOS
    // and shadowing draws), named after its link and member, so a terminal draws the same
    // whatever other terminals share its system.
    const NtnLinkConfig& firstConfig = first.Config<NtnLinkConfig>();
    std::string systemName = SystemName(firstConfig.spec);
    for (const LinkSpec& other : scenario.links)
    {
        if (other.technology == m_name &&
            other.Config<NtnLinkConfig>().channelKey != firstConfig.channelKey &&
            SystemName(other.Config<NtnLinkConfig>().spec) == systemName)
        {
            std::ostringstream hash;
            hash << std::hex << RandomStreamPlan::Hash(firstConfig.channelKey);
            systemName += "/" + hash.str();
            break;
        }
    }
    run.GetStreams().Assign("ntn-system:" + systemName, first.mark, [&](int64_t s) {
        return helper.AssignStreams(built.channel, s);
    });
    RandomStreamPlan* plan = &run.GetStreams();
    const SourceMark mark = first.mark;
    built.channel->SetBeamStreams([plan, systemName, mark](int64_t platform, int64_t cell) {
        return plan->Reserve("ntn-beam:" + systemName + "/platform:" + std::to_string(platform) +
                                 "/cell:" + std::to_string(cell),
                             mark);
    });
    for (const LinkSpec* l : unit)
    {
        const NetDeviceContainer& terminals = built.devices.at(l).terminals;
        for (uint32_t i = 0; i < terminals.GetN(); ++i)
        {
            const uint32_t id =
                DynamicCast<NtnTerminalNetDevice>(terminals.Get(i))->GetTerminalId();
            run.GetStreams().Assign(
                "link:" + l->name + "/member:" + std::to_string(i) + "/ntn-terminal",
                l->mark,
                [&](int64_t s) { return built.channel->AssignTerminalStreams(id, s); });
        }
    }
    run.GetAddresses().AssignSubnet(all);
    const NtnLinkSpec& system = first.Config<NtnLinkConfig>().spec;
    // Routing weighs a hop at its least light time plus a frame each way: the channel's delay
    // changes with the orbit, and routes are static.
    const double framing = system.frameS + std::max(system.returnFrameS, system.frameS);
    for (const LinkSpec* l : unit)
    {
        const NtnLinkDevices& devices = built.devices.at(l);
        for (uint32_t i = 0; i < devices.terminals.GetN(); ++i)
        {
            const uint32_t id =
                DynamicCast<NtnTerminalNetDevice>(devices.terminals.Get(i))->GetTerminalId();
            // The least light time the geometry allows over the whole run: a packet's delay is
            // the light time over the path it takes, never less (NtnChannel).
            const double bound = built.channel->GetPropagationLowerBound(id).GetSeconds();
            RoutingEdge edge;
            edge.devA = devices.gateway;
            edge.devB = devices.terminals.Get(i);
            edge.weightSeconds = bound + system.processingS + framing / 2 + 1e-9;
            edge.propagationBoundSeconds = bound;
            edge.lengthMetres = bound * NTN_SPEED_OF_LIGHT;
            edge.pathLabel = m_name;
            // A HAPS is not a satellite: a planner weighs a platform at 20 km apart from an orbit.
            edge.segmentKind = m_name == "haps" ? "haps" : "satellite";
            // What a gateway or terminal forwards loads its node's router, as on any link.
            edge.loadsNodes = true;
            run.AddEdge(*l, edge);
        }
    }
}

void
NtnTechnology::AccountLink(ScenarioBuild& run, const LinkSpec& link) const
{
    if (link.cost)
    {
        AddCostOverride(run, link, m_name);
        return;
    }
    const NtnLinkSpec& spec = link.Config<NtnLinkConfig>().spec;
    const double terminals = run.GetSpec().FindNode(link.b)->count;
    const NtnTerminalParameters& t = spec.terminal;
    // The kits and their subscriptions (or service), one item for the link's terminals.
    run.GetLedger().Add(CostItem{link.name + " terminals",
                                 link.b,
                                 m_name,
                                 t.capex * terminals,
                                 t.lifetimeYears,
                                 t.opexPerYear * terminals});
    if (spec.gatewayOwned)
    {
        run.GetLedger().Add(CostItem{link.name + " gateway",
                                     link.a,
                                     m_name,
                                     spec.gateway.capex,
                                     spec.gateway.lifetimeYears,
                                     spec.gateway.opexPerYear});
    }
}

void
NtnTechnology::AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const NtnUnit& built = run.GetState<NtnRunState>().units.at(unit.front());
    std::set<std::string> metered; // gateway nodes whose power is counted
    for (const LinkSpec* l : unit)
    {
        const NtnLinkSpec& spec = l->Config<NtnLinkConfig>().spec;
        const NtnLinkDevices& devices = built.devices.at(l);
        // Each terminal by its class, from idle to full power in proportion to the bits it
        // sends and receives; dishes are outdoors and their supply at the site's socket: no PUE.
        std::vector<std::pair<Ptr<ElementPowerModel>, Ptr<NtnNetDevice>>> terminals;
        double idleWatts = 0; // what the terminals draw with nothing to send (a timeline's gaps)
        for (uint32_t i = 0; i < devices.terminals.GetN(); ++i)
        {
            terminals.emplace_back(spec.terminal.CreatePowerModel(1.0),
                                   DynamicCast<NtnNetDevice>(devices.terminals.Get(i)));
            idleWatts += terminals.back().first->GetPower(0);
        }
        run.GetMeter()->AddIntegratedElement(
            l->name + " terminals",
            l->b,
            m_name,
            [terminals](Time now) {
                double joules = 0;
                for (const auto& [model, device] : terminals)
                {
                    joules += model->GetEnergy(now.GetSeconds(),
                                               static_cast<double>(device->GetBitsCarried()));
                }
                return joules;
            },
            1.0,
            idleWatts);
        if (!spec.gatewayOwned)
        {
            run.ReportUnmetered({l->name + " gateway and platforms",
                                 l->a,
                                 m_name,
                                 "the operator's, paid through the service: not the scenario's "
                                 "energy (gateway: {owned: true} counts a gateway of its own)"});
        }
        else if (metered.insert(l->a).second)
        {
            // A gateway of the scenario's own, once: constant power (an assumption, flagged in
            // NtnGatewayParameters), at its site's PUE. Its platforms draw on their own solar
            // panels and batteries, not on a site.
            const double watts = spec.gateway.powerW;
            run.GetMeter()->AddIntegratedElement(
                l->name + " gateway",
                l->a,
                m_name,
                [watts](Time now) { return watts * now.GetSeconds(); },
                run.GetGroup(l->a).pue,
                watts);
        }
    }
}

/**
 * A system of one platform (a GEO satellite, a HAPS) is one marker that names every terminal
 * group it serves. A constellation has a marker per terminal that follows the platform serving
 * it as the reassignments change it: the constellation's other satellites serve nothing of the
 * scenario and are left out (a Starlink-like shell has 1,584). Where no platform serves a
 * terminal (before the run starts, or none in sight) its marker stands on the terminal.
 */
std::vector<AnimatedPlatform>
NtnTechnology::GetAnimatedPlatforms(ScenarioBuild& run,
                                    const std::vector<const LinkSpec*>& mine) const
{
    std::vector<AnimatedPlatform> markers;
    NtnRunState& state = run.GetState<NtnRunState>();
    for (const LinkSpec* first : mine)
    {
        const auto unit = state.units.find(first);
        if (unit == state.units.end())
        {
            continue; // not the first link of its system
        }
        const Ptr<NtnChannel> channel = unit->second.channel;
        const Ptr<NtnPlatform> platform = channel->GetPlatform();
        const GeographicFrame frame = channel->GetGeoFrame();
        // The unit's links in file order, with their terminal devices.
        std::vector<const LinkSpec*> links;
        for (const LinkSpec* l : mine)
        {
            if (unit->second.devices.count(l))
            {
                links.push_back(l);
            }
        }
        if (platform->GetN() == 1)
        {
            std::string served;
            for (const LinkSpec* l : links)
            {
                served += (served.empty() ? "" : ", ") + l->b;
            }
            const std::string description =
                m_name + " " + platform->GetPlatformName(0) + " serving " + served;
            markers.push_back({[platform, frame]() {
                                   return frame.EcefToLocal(
                                       platform->GetPosition(0, Simulator::Now()));
                               },
                               [description]() { return description; }});
            continue;
        }
        for (const LinkSpec* l : links)
        {
            const NetDeviceContainer& terminals = unit->second.devices.at(l).terminals;
            for (uint32_t i = 0; i < terminals.GetN(); ++i)
            {
                const uint32_t id =
                    DynamicCast<NtnTerminalNetDevice>(terminals.Get(i))->GetTerminalId();
                const Ptr<MobilityModel> ground =
                    terminals.Get(i)->GetNode()->GetObject<MobilityModel>();
                const std::string terminal =
                    terminals.GetN() == 1 ? l->b : l->b + "[" + std::to_string(i) + "]";
                const std::string name = m_name;
                markers.push_back({[channel, platform, frame, id, ground]() {
                                       const int64_t serving = channel->GetServingPlatform(id);
                                       return serving < 0 ? ground->GetPosition()
                                                          : frame.EcefToLocal(platform->GetPosition(
                                                                static_cast<uint32_t>(serving),
                                                                Simulator::Now()));
                                   },
                                   [channel, platform, id, name, terminal]() {
                                       const int64_t serving = channel->GetServingPlatform(id);
                                       return name + " " +
                                              (serving < 0 ? std::string("(none)")
                                                           : platform->GetPlatformName(
                                                                 static_cast<uint32_t>(serving))) +
                                              " serving " + terminal;
                                   }});
            }
        }
    }
    return markers;
}

/// `technology: leo`: a Starlink-like shell (NtnLinkSpec::ForTechnology).
class LeoTechnology : public NtnTechnology
{
  public:
    LeoTechnology()
        : NtnTechnology("leo")
    {
    }
};

/// `technology: geo`: a geostationary satellite with VSATs.
class GeoTechnology : public NtnTechnology
{
  public:
    GeoTechnology()
        : NtnTechnology("geo")
    {
    }
};

/// `technology: haps`: a high-altitude platform holding station over the terminals.
class HapsTechnology : public NtnTechnology
{
  public:
    HapsTechnology()
        : NtnTechnology("haps")
    {
    }
};

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(LeoTechnology, false);
BLUEPRINT_REGISTER_LINK_TECHNOLOGY(GeoTechnology, false);
BLUEPRINT_REGISTER_LINK_TECHNOLOGY(HapsTechnology, false);

} // namespace blueprint
} // namespace ns3
