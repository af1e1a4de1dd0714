/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_SPEC_H
#define BLUEPRINT_SCENARIO_SPEC_H

#include "helper/compute/compute-spec.h"
#include "helper/faults/fault-spec.h"
#include "helper/power/power-supply-spec.h"
#include "helper/scenario/input-error.h"
#include "helper/scenario/sharing-spec.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A place on the Earth: WGS84 latitude, longitude and height above the ellipsoid.
 */
struct EarthPosition
{
    double latitudeDeg = 0;  //!< geodetic latitude, degrees north (south negative)
    double longitudeDeg = 0; //!< longitude, degrees east (west negative)
    double altitudeM = 0;    //!< height above the WGS84 ellipsoid, m
};

/**
 * \ingroup blueprint
 * \brief A place with a position on the scenario's local plane (metres east and north of its
 * origin), given either in metres or by latitude and longitude (then also kept as such).
 */
struct SiteSpec
{
    std::string name;                   //!< site name, unique
    double x = 0;                       //!< metres east
    double y = 0;                       //!< metres north
    std::optional<EarthPosition> earth; //!< the latitude and longitude it was given by, if so
    std::optional<double> pue;          //!< power usage effectiveness of the site's equipment room
    SourceMark mark;                    //!< where the site is written
    SourceMark positionMark;            //!< where its position is written
};

/**
 * \ingroup blueprint
 * \brief Power override for an element: load-proportional between idle and max.
 */
struct PowerSpec
{
    double idleWatts = 0;   //!< power at zero load
    double maxWatts = 0;    //!< power at full load
    double capacityBps = 0; //!< load at which maxWatts is reached (0 = constant power)
    /// The model's TypeId: ElementPowerModel (`linear`) or a subclass (PowerModels).
    std::string model = "ns3::blueprint::ElementPowerModel";
};

/**
 * \ingroup blueprint
 * \brief Cost override for an element.
 */
struct CostSpec
{
    double capex = 0;         //!< investment, in the scenario currency
    double opexPerYear = 0;   //!< running cost per year
    double lifetimeYears = 1; //!< depreciation period
};

/**
 * \ingroup blueprint
 * \brief How a node (every member of a group) moves: from its placed position through the
 * waypoint sites at a constant speed, each member keeping its offset from its own site.
 */
struct MobilitySpec
{
    std::vector<std::string> waypoints; //!< site names, in order
    std::vector<SourceMark> marks;      //!< where each waypoint is written
    double speed = 0;                   //!< metres per second
    double start = 0;                   //!< seconds after the run starts
    SourceMark mark;                    //!< where the mobility block is written
};

/**
 * \ingroup blueprint
 * \brief A node, or a group of `count` identical nodes at one site.
 */
struct NodeSpec
{
    std::string name;               //!< node (group) name, unique
    std::string site;               //!< site name
    std::string equipment = "host"; //!< EquipmentProfile name
    uint32_t count = 1;             //!< members in the group
    /// The farthest a member stands from its site (m): members are placed uniformly in a disc of
    /// this radius, or at placementOffsets when those are given (then their farthest).
    double placementRadius = 0;
    /// Each member's place, metres east and north of its site (`placement: {positions: ...}`);
    /// empty: placed at random within placementRadius.
    std::vector<std::pair<double, double>> placementOffsets;
    std::optional<PowerSpec> power;       //!< overrides the equipment profile's power (per member)
    std::optional<CostSpec> cost;         //!< overrides the equipment profile's cost (per member)
    std::optional<MobilitySpec> mobility; //!< how the node moves (default: it stays)
    /// The servers at the node (each member's) that flows to it or through it queue for.
    std::optional<ComputeSpec> compute;
    SourceMark mark; //!< where the node is written
};

/**
 * \ingroup blueprint
 * \brief The technology-specific part of one link's spec, typed by the technology that reads it
 * (LinkTechnology::Read): an NR cell's band and frame, a wired link's profile and rate, a
 * microwave hop's radio. The scenario reader and runner never look inside; the technology's
 * own code gets it back with LinkSpec::Config<T>().
 */
class LinkConfig
{
  public:
    virtual ~LinkConfig() = default;
};

/**
 * \ingroup blueprint
 * \brief A link between two nodes (or between the members of a group and one node, or two
 * groups), of any technology: what every link has, and its technology's typed config.
 *
 * The first node named in `between` is the network side: "down" is the direction from the first
 * node to the second.
 */
struct LinkSpec
{
    std::string name;                         //!< link name, unique
    std::string a;                            //!< first (network-side) node
    std::string b;                            //!< second (user-side) node
    std::string technology;                   //!< the LinkTechnology's name (`technology:`)
    std::shared_ptr<const LinkConfig> config; //!< what the technology read from its own keys
    std::optional<PowerSpec> power;           //!< `power:`, for technologies that take it
    std::optional<CostSpec> cost;             //!< `cost:`, for the whole link
    SourceMark mark;                          //!< where the link is written

    /**
     * \brief The technology's typed config.
     * \tparam T the LinkConfig subclass the link's technology reads.
     * \return the config.
     * \throws std::logic_error when the link has no config of that type (a technology asking
     *         for another's config is a programming error).
     */
    template <class T>
    const T& Config() const
    {
        const T* typed = dynamic_cast<const T*>(config.get());
        if (!typed)
        {
            throw std::logic_error("link '" + name + "' (technology " + technology +
                                   ") has no config of the type asked for");
        }
        return *typed;
    }
};

/**
 * \ingroup blueprint
 * \brief The traffic one flow carries.
 */
struct TrafficSpec
{
    /// periodic, constant_rate, video, request_response, bulk, or the TypeId of a source
    std::string pattern;
    std::string sourceType; //!< the source's TypeId (a pattern's, or the one written)
    std::map<std::string, std::string> attributes; //!< a source type's attributes, as written
    std::string protocol = "udp";                  //!< udp or tcp
    double interval = 1.0;                         //!< seconds between packets or requests
    double size = 100;                             //!< bytes per packet (or request)
    double responseSize = 100;                     //!< bytes per response (request_response)
    double rate = 0;                               //!< bit/s (constant_rate; video: mean rate)
    bool exponential = false;      //!< exponential inter-arrival times (periodic, request_response)
    double frameRate = 30;         //!< frames per second (video)
    double frameSizeVariation = 0; //!< coefficient of variation of frame sizes (video)
    double maxPacketSize = 1400;   //!< largest packet of a video burst
    double totalBytes = 0;         //!< bulk transfer size (0 = until stop)
    SourceMark rateMark;           //!< where the rate is written
};

/**
 * \ingroup blueprint
 * \brief What a flow must achieve. Absent fields are not checked.
 */
struct RequirementSpec
{
    std::optional<double> latency;    //!< one-way deadline (s)
    double reliability = 0.99;        //!< fraction of sent packets delivered within `latency`
    std::optional<double> rtt;        //!< round-trip deadline (s), request_response only
    std::optional<double> throughput; //!< minimum bit/s per member
    std::optional<double> loss;       //!< maximum loss ratio
};

/**
 * \ingroup blueprint
 * \brief `demand:`: how a flow's offered load grows from the year its traffic describes
 * (doc/growth.rst).
 */
struct DemandSpec
{
    std::string model = "compound"; //!< compound, study-group, or none (the load stays)
    double growthPerYear = 0.2;     //!< compound: the yearly growth (0.2 = 20 %/yr)
    std::optional<int> baseYear;    //!< the year the written traffic describes
    SourceMark mark;                //!< where the block is written
};

/**
 * \ingroup blueprint
 * \brief A flow: every member of `from` sends to `to` (one node, or a group paired member by
 * member).
 */
struct FlowSpec
{
    std::string name; //!< flow name, unique
    std::string from; //!< sending node or group
    std::string to;   //!< receiving node or group
    /// Compute nodes the flow's messages are served at, in order, before they go on to `to`.
    std::vector<std::string> via;
    std::vector<SourceMark> viaMarks; //!< where each is written
    TrafficSpec traffic;              //!< what is sent
    double start = 0;                 //!< seconds after the run starts
    std::optional<double> stop;       //!< seconds; default the scenario duration
    RequirementSpec requirements;     //!< what must be achieved
    SourceMark mark;                  //!< where the flow is written
    /// Its demand model: its own `demand:` over the top-level one; none when neither is written.
    std::optional<DemandSpec> demand;
    /// How much `traffic` (and a throughput requirement) was scaled for the year simulated: 1 at
    /// the base year, and for a flow whose load does not grow.
    double loadFactor = 1;
};

struct ScenarioSpec;

/**
 * \ingroup blueprint
 * \brief One phase of a timeline: a packet-level window of `length` seconds that starts `at`
 * seconds into the timeline (doc/phases.rst).
 */
struct PhaseSpec
{
    std::string name;  //!< unique among the timeline's phases
    double at = 0;     //!< timeline time (s) of the window's start
    double length = 0; //!< seconds of traffic (the phase's run's duration)
    SourceMark mark;   //!< where the phase is written
    /// The scenario this phase runs: the document without `timeline:`, with `duration` set to
    /// the length and the phase's `changes` merged; read and checked like any scenario.
    std::shared_ptr<const ScenarioSpec> spec;
};

/**
 * \ingroup blueprint
 * \brief `timeline:`: the phases a run is simulated as, and the horizon that energy and cost
 * integrate over.
 */
struct TimelineSpec
{
    double horizon = 0;            //!< seconds of timeline from 0
    std::vector<PhaseSpec> phases; //!< in time order, not overlapping, within the horizon
    SourceMark mark;               //!< where `timeline:` is written
};

/**
 * \ingroup blueprint
 * \brief A resolved scenario: the base document with one alternative's changes and any command-line
 * overrides applied, checked and typed.
 */
struct ScenarioSpec
{
    std::string name;                            //!< scenario name
    std::string description;                     //!< free text
    std::string configuration = "base";          //!< "base" or the alternative's name
    std::string configurationDescription;        //!< the alternative's description
    std::string sourceFile;                      //!< the YAML file
    double duration = 10;                        //!< seconds of traffic
    double drain = 1;                            //!< seconds after `duration` for packets in flight
    double windowStart = 0;                      //!< timeline time (s) at which this run's t=0 sits
    uint64_t seed = 1;                           //!< ns-3 run number
    std::string currency = "JPY";                //!< unit of every cost figure
    double discountRate = 0;                     //!< for annualising capex
    std::map<std::string, std::string> defaults; //!< ns-3 Config::SetDefault pairs
    /// Where the local plane touches the Earth: `origin:`, or the first site given by latitude
    /// and longitude; none when every site is in metres and no origin is given.
    std::optional<EarthPosition> origin;
    bool originWritten = false;  //!< whether `origin:` is written (else derived or absent)
    SourceMark originMark;       //!< where `origin:` is written
    std::vector<SiteSpec> sites; //!< in file order
    std::vector<NodeSpec> nodes; //!< in file order
    std::vector<LinkSpec> links; //!< in file order
    std::vector<FlowSpec> flows; //!< in file order
    FaultSpec faults;            //!< `failover:` and `events:` (helper/faults/)
    std::vector<PowerSupplySpec> powerSupplies; //!< `power_supply:`, in file order
    std::optional<TimelineSpec> timeline;       //!< `timeline:`; none: one window [0, duration]
    std::optional<DemandSpec> demand;           //!< the top-level `demand:`
    std::optional<int> year;                    //!< `demand: {year}`: the year simulated
    SourceMark yearMark;                        //!< where the year is written (or `--year`)
    std::optional<SharingSpec> sharing;         //!< `sharing:`: use cases, cost split, subsidies
    std::string resolvedYaml;                   //!< canonical YAML of the resolved document

    /** \param name a node name \return the node, or nullptr */
    const NodeSpec* FindNode(const std::string& name) const;
    /** \param name a site name \return the site, or nullptr */
    const SiteSpec* FindSite(const std::string& name) const;

    /// Where each name is in nodes and in sites, so that a lookup per link or flow costs the same
    /// in a scenario of 10 nodes as in one of 100,000. Built on first use, rebuilt when a list
    /// has grown; a name not found is looked for in the list itself before it is called absent.
    mutable std::unordered_map<std::string, std::size_t> nodeIndex;
    mutable std::unordered_map<std::string, std::size_t> siteIndex; //!< \see nodeIndex
};

/// The first port a receiving node gives its flows; ScenarioRunner numbers them per node.
constexpr uint16_t kFirstFlowPort = 9000;
/// The first of the local ports ns-3 gives a node's senders, 49152 to 65535 (Ipv4EndPointDemux,
/// the dynamic ports of RFC 6335 clause 6): a node sends at most 16,384 flow members, and
/// receives at most 49152 - kFirstFlowPort flows.
constexpr uint32_t kFirstEphemeralPort = 49152;

/**
 * \ingroup blueprint
 * \brief Which member of a group serves pair `i` when a link or flow joins two groups.
 *
 * Pairs are numbered 0 .. total-1, total being the larger group's count. Groups of equal size pair
 * member by member; a single node serves every pair; a smaller group whose count divides the
 * larger one's serves consecutive blocks (member k serves pairs k*total/size ..
 * (k+1)*total/size-1), so 100 access routers can each serve 100 of 10,000 hosts.
 *
 * \param i the pair
 * \param total the number of pairs
 * \param size the group's count
 * \return the member index
 */
inline uint32_t
PairedMember(uint32_t i, uint32_t total, uint32_t size)
{
    return static_cast<uint32_t>(static_cast<uint64_t>(i) * size / total);
}

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_SPEC_H
