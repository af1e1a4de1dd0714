/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LINK_TECHNOLOGY_H
#define BLUEPRINT_LINK_TECHNOLOGY_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"

#include "ns3/net-device-container.h"
#include "ns3/net-device.h"
#include "ns3/vector.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

class ScenarioBuild;

/**
 * \ingroup blueprint
 * \brief What a technology's Read gets besides the link's map: the scenario read so far and
 * the link's common part.
 */
struct LinkReadContext
{
    const ScenarioSpec& spec; //!< sites, nodes and the links before this one
    const LinkSpec& link;     //!< name, ends, technology and mark (power and cost not read yet)
    const NodeSpec& a;        //!< the first (network-side) node
    const NodeSpec& b;        //!< the second node
    SourceMark aMark;         //!< where `between` names the first node
    SourceMark bMark;         //!< where `between` names the second node
    std::string context;      //!< "link 'NAME'", the start of every message about the link
};

/**
 * \ingroup blueprint
 * \brief What a scenario's links add to its up-front memory estimate (ScenarioFootprint).
 */
struct FootprintTally
{
    uint64_t extraNodes = 0;   //!< nodes a technology adds beyond the scenario's (an EPC's)
    uint64_t extraTransit = 0; //!< of those, nodes that forward (they hold a route per destination)
    uint64_t pointToPointDevices =
        0;                     //!< point-to-point devices with their queues and channel halves
    uint64_t radioDevices = 0; //!< devices on a shared radio channel
    /// Station-terminal pairs that hold propagation models of their own (common random numbers:
    /// each pair's LOS state and shadowing), and the memory they take.
    uint64_t radioPairs = 0;
    double radioPairBytes = 0; //!< those pairs' models, bytes
    double fixedBytes = 0;     //!< what a technology takes once per run, whatever its size
    /// Routing edges per member of each node (group): more than one makes a member a transit
    /// node, which holds a host route per destination (StaticRoutePlanner).
    std::map<std::string, double> edgesPerMember;
};

/**
 * \ingroup blueprint
 * \brief What a scenario's links take of the address plan (AddressPlan), summed link by link.
 */
struct AddressDemand
{
    uint64_t pointToPoint = 0;  //!< /30 networks (one per point-to-point member pair)
    uint64_t subnetDevices = 0; //!< devices on shared subnets (a cell's station and terminals)
};

/**
 * \ingroup blueprint
 * \brief What storms (`events:`, doc/faults.rst) bring to one routing edge now: the rain rate at
 * each of its ends (the heaviest storm over it; 0 where no storm is).
 */
struct RainExposure
{
    double atAMmH = 0; //!< rain at the network-side end (devA's node), mm/h
    double atBMmH = 0; //!< rain at the other end, mm/h
};

/**
 * \ingroup blueprint
 * \brief A platform that serves a scenario's nodes without being one of them (a satellite or a
 * HAPS, which lives inside its technology's channel), as `run --netanim` draws it: a marker node
 * that follows it. Both functions are asked at the current simulation time, during the run.
 */
struct AnimatedPlatform
{
    /// Where it is now on the scenario's local plane: x metres east and y metres north of the
    /// origin of the point under it, z its height above the Earth, m.
    std::function<Vector()> position;
    /// What it is now, as the trace labels it ("leo plane 12 slot 7 serving clinic-router").
    std::function<std::string()> description;
};

/**
 * \ingroup blueprint
 * \brief The contract of one link technology: a plug-in that reads its own keys of a `links:`
 * entry, checks what needs all its links, builds them into a run, meters and prices them, and
 * names itself in results.
 *
 * The scenario reader and runner know no technology by name: they look the `technology:` value
 * up in LinkTechnologyRegistry and call these hooks. doc/architecture.rst says when each is
 * called and walks through adding a technology, with microwave as the worked example. A plug-in
 * is one object shared by every run of the process (`compare` runs several configurations), so
 * its hooks are const; what one run needs to remember lives in ScenarioBuild::GetState.
 */
class LinkTechnology
{
  public:
    virtual ~LinkTechnology() = default;

    /** \return the name a scenario writes in `technology:` */
    virtual std::string GetName() const = 0;

    /**
     * \return the keys a link of this technology may have besides the common ones (technology,
     * between, cost, description): the did-you-mean set of its links. List "power" to take the
     * common per-end power override (LinkSpec::power).
     */
    virtual std::vector<std::string> GetKeys() const = 0;

    /**
     * \return true when the technology reads its links' `power` key itself (in Read), as radio
     * cells do to choose their station's power model; the reader then leaves LinkSpec::power
     * empty. Default: false, and a `power` key (if GetKeys lists it) is the common per-end
     * override.
     */
    virtual bool ReadsOwnPower() const;

    /**
     * \brief Read and check the technology's own keys of one link.
     * \param link the link's map (its keys are checked against GetKeys already)
     * \param ctx the scenario read so far and the link's common part
     * \return the typed config the other hooks get back through LinkSpec::Config
     * \throws InputError at the offending text (FILE:LINE:COL)
     */
    virtual std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                                   const LinkReadContext& ctx) const = 0;

    /**
     * \brief Checks that need all of the technology's links, once every link is read (cells that
     * share terminals agree on the carrier; LTE cells share one core). Default: none.
     * \param spec the scenario (sites, nodes and links; flows are not read yet)
     * \param mine the technology's links, in file order (none: not called)
     * \throws InputError
     */
    virtual void Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const;

    /**
     * \param link one of its links
     * \return the pairs of nodes the link joins for routing, to check that every flow has a
     * path before anything is built. Default: {a, b}.
     */
    virtual std::vector<std::pair<std::string, std::string>> GetRoutedPairs(
        const LinkSpec& link) const;

    /**
     * \return who follows a node's `mobility:` on links of this technology, for the message that
     * refuses mobility elsewhere, e.g. "the UEs of nr links"; "" (the default) when its nodes
     * stay where they are placed. Those are always the links' second nodes.
     */
    virtual std::string GetMovingTerminals() const;

    /**
     * \return true when the link's first node is a base station or access point whose power and
     * cost the link's own accounting carries, so that the node's equipment class having no
     * figures is not reported. Default: false.
     */
    virtual bool CarriesFirstNodeEquipment() const;

    /**
     * \param link one of its links
     * \param node one of the link's ends
     * \return true when the link's own accounting carries that end's equipment (a base station,
     * a ROADM at both ends of a fibre), so that the node's equipment class having no figures is
     * not reported. Default: CarriesFirstNodeEquipment() for the first end.
     */
    virtual bool CarriesNodeEquipment(const LinkSpec& link, const std::string& node) const;

    /** \return the currency of the technology's catalogue prices. Default: JPY. */
    virtual std::string GetCatalogueCurrency() const;

    /**
     * \brief What one link takes of the address plan. Default: a point-to-point /30 network per
     * member pair.
     * \param spec the scenario
     * \param link one of its links
     * \param demand the running total to add to
     */
    virtual void AddAddressDemand(const ScenarioSpec& spec,
                                  const LinkSpec& link,
                                  AddressDemand& demand) const;

    /**
     * \brief What the technology's links add to the memory estimate. Default: two point-to-point
     * devices and one routing edge per member pair of each link.
     * \param spec the scenario
     * \param mine its links, in file order
     * \param tally the estimate to add to
     */
    virtual void AddFootprint(const ScenarioSpec& spec,
                              const std::vector<const LinkSpec*>& mine,
                              FootprintTally& tally) const;

    /**
     * \brief ns-3 attribute defaults the run needs before anything is built (ns-3's lte module
     * builds some objects only while the simulation runs). The scenario's own `defaults:` win.
     * Default: none.
     * \param link one of its links
     * \param defaults name -> value, to add to
     */
    virtual void AddDefaults(const LinkSpec& link,
                             std::map<std::string, std::string>& defaults) const;

    /**
     * \brief Split the technology's links into build units: links built together, such as the
     * NR cells that serve one group of UEs. Default: each link alone.
     * \param mine its links, in file order
     * \return the units, each in file order; every link in exactly one
     */
    virtual std::vector<std::vector<const LinkSpec*>> GroupForBuild(
        const std::vector<const LinkSpec*>& mine) const;

    /**
     * \param spec the scenario
     * \param link one of its links
     * \return the set-up progress steps Build reports for the link (ScenarioBuild::Step).
     * Default: 1.
     */
    virtual uint64_t GetSetupSteps(const ScenarioSpec& spec, const LinkSpec& link) const;

    /**
     * \brief Build one unit into the run: devices, channels, addresses, mobility of the nodes
     * its devices sit on, routing edges (with their latency bounds and the name each shows in
     * results' technology path), and models whose energy integrates the devices' state. Units are
     * built in the order of their first link in the file.
     * \param run the run being built
     * \param unit the links of one unit (GroupForBuild)
     * \throws InputError for what only building shows
     */
    virtual void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const = 0;

    /**
     * \brief Account for one link as a whole, once every link is built: its cost ledger entry
     * (a cell site, an access point, or the link's own `cost:`) and reports of what is not
     * metered or costed. Called for every link in file order, before any AccountUnit. Default:
     * nothing.
     * \param run the run
     * \param link one of its links
     */
    virtual void AccountLink(ScenarioBuild& run, const LinkSpec& link) const;

    /**
     * \brief Account for what one unit built: energy meters and costs that depend on the built
     * members (a wired link's ends and length). Called per unit in build order, after every
     * AccountLink. Default: nothing.
     * \param run the run
     * \param unit the unit's links
     */
    virtual void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const;

    /**
     * \brief The routing edges a cut of the link takes down (`events:`; a `fraction` of them for
     * a partial cut). Default: its own (ScenarioBuild::GetEdgesOf). A link that carries other
     * links' edges adds theirs (an optical fibre: the lightpaths routed over it).
     * \param run the run, built
     * \param link one of its links
     * \return the edges, in a fixed order
     */
    virtual std::vector<uint32_t> GetEdgesCut(ScenarioBuild& run, const LinkSpec& link) const;

    /**
     * \brief Take some of a link's routing edges down (a cut, `events:`) or bring them back,
     * while the simulation runs or before it starts. Routing is not this hook's business: the
     * FaultController moves routes after the failover's detection and reconvergence times.
     * Default: the IPv4 interfaces of the edges' devices go down (InterfaceSwitch: a device
     * shared by several edges, such as a base station's, stays up while one of them is up), so
     * ns-3's IPv4 layer drops what is sent or arrives on them, whatever the device.
     * \param run the run
     * \param link the link
     * \param edges some of its edges (ScenarioBuild::GetEdgesOf)
     * \param up their new state
     */
    virtual void SetEdgesUp(ScenarioBuild& run,
                            const LinkSpec& link,
                            const std::vector<uint32_t>& edges,
                            bool up) const;

    /**
     * \brief A storm starts or ends over one of the link's edges: radio and satellite
     * technologies turn the rain into attenuation through their own models (microwave: ITU-R
     * P.838/P.530 along the hop; ntn: ITU-R P.618 at the terminal); the link's own configured
     * rain stays the least there is. Default: nothing (a cable does not feel rain).
     * \param run the run
     * \param link the link
     * \param edge one of its edges
     * \param rain the storms' rain at its ends now (0 at both: the storms are over)
     */
    virtual void SetRainRate(ScenarioBuild& run,
                             const LinkSpec& link,
                             uint32_t edge,
                             const RainExposure& rain) const;

    /**
     * \brief The platforms the technology's links serve their nodes through that are not nodes
     * of the scenario, for the NetAnim trace; asked once everything is built, only with
     * `--netanim`. Default: none.
     * \param run the built run
     * \param mine its links, in file order
     * \return one entry per marker to draw
     */
    virtual std::vector<AnimatedPlatform> GetAnimatedPlatforms(
        ScenarioBuild& run,
        const std::vector<const LinkSpec*>& mine) const;
};

/**
 * \ingroup blueprint
 * \brief The link technologies a scenario may name, by their `technology:` value.
 *
 * Each plug-in registers itself with one line in its own .cc file,
 * BLUEPRINT_REGISTER_LINK_TECHNOLOGY(Class, isDefault); the library is a shared object, so every
 * plug-in it holds is registered when it is loaded, and a program (or a test) may register more.
 */
class LinkTechnologyRegistry
{
  public:
    /**
     * \brief Add a technology.
     * \param technology the plug-in
     * \param isDefault whether links that name no technology are of this one (one at most)
     * \return true
     * \throws std::logic_error on a second technology of the same name or a second default
     */
    static bool Register(std::unique_ptr<LinkTechnology> technology, bool isDefault = false);

    /**
     * \param name a `technology:` value
     * \return the technology, or nullptr
     */
    static const LinkTechnology* Find(const std::string& name);

    /**
     * \param name a registered name
     * \return the technology; \throws std::logic_error if none has that name
     */
    static const LinkTechnology& Get(const std::string& name);

    /** \return the technology of links that name none; \throws std::logic_error if none is */
    static const LinkTechnology& GetDefault();

    /** \return every registered name, sorted */
    static std::vector<std::string> Names();
};

/**
 * \ingroup blueprint
 * \brief A technology and its links in a scenario.
 */
struct TechnologyLinks
{
    const LinkTechnology* technology = nullptr; //!< the plug-in
    std::vector<const LinkSpec*> links;         //!< its links, in file order
};

/**
 * \ingroup blueprint
 * \param spec a scenario
 * \return its links by technology, the technologies in the order of their first link in the file
 */
std::vector<TechnologyLinks> LinksByTechnology(const ScenarioSpec& spec);

/**
 * \ingroup blueprint
 * \brief Price a link at its own `cost:` (LinkSpec::cost, for the whole link): one ledger
 * entry, and a report that it is not costed when the scenario gives it as zero.
 * \param run the run
 * \param link a link with a cost
 * \param technology what the entry is filed under (results' annualised_by_technology)
 */
void AddCostOverride(ScenarioBuild& run, const LinkSpec& link, const std::string& technology);

} // namespace blueprint
} // namespace ns3

/**
 * \ingroup blueprint
 * \brief Register a LinkTechnology subclass (default-constructed) when the library or program
 * holding this line is loaded.
 * \param Class the plug-in class
 * \param isDefault whether links that name no technology are of this one
 */
#define BLUEPRINT_REGISTER_LINK_TECHNOLOGY(Class, isDefault)                                       \
    static const bool g_blueprintRegistered##Class [[maybe_unused]] =                              \
        ::ns3::blueprint::LinkTechnologyRegistry::Register(std::make_unique<Class>(), isDefault)

#endif // BLUEPRINT_LINK_TECHNOLOGY_H
