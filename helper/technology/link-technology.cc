/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/link-technology.h"

#include "helper/faults/interface-switch.h"
#include "helper/scenario/scenario-build.h"

#include "ns3/log.h"

#include <algorithm>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintLinkTechnology");

namespace
{

/// The registered technologies and the default's name; built on first use, so that plug-ins
/// registering during static initialisation never find it unconstructed.
struct Registry
{
    std::map<std::string, std::unique_ptr<LinkTechnology>> byName; //!< name -> plug-in
    std::string defaultName;                                       //!< "" until one registers
};

Registry&
TheRegistry()
{
    static Registry registry;
    return registry;
}

} // namespace

void
LinkTechnology::Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const
{
}

std::vector<std::pair<std::string, std::string>>
LinkTechnology::GetRoutedPairs(const LinkSpec& link) const
{
    return {{link.a, link.b}};
}

std::string
LinkTechnology::GetMovingTerminals() const
{
    return "";
}

bool
LinkTechnology::CarriesFirstNodeEquipment() const
{
    return false;
}

bool
LinkTechnology::CarriesNodeEquipment(const LinkSpec& link, const std::string& node) const
{
    return CarriesFirstNodeEquipment() && node == link.a;
}

bool
LinkTechnology::ReadsOwnPower() const
{
    return false;
}

std::string
LinkTechnology::GetCatalogueCurrency() const
{
    return "JPY";
}

void
LinkTechnology::AddAddressDemand(const ScenarioSpec& spec,
                                 const LinkSpec& link,
                                 AddressDemand& demand) const
{
    demand.pointToPoint += std::max(spec.FindNode(link.a)->count, spec.FindNode(link.b)->count);
}

void
LinkTechnology::AddFootprint(const ScenarioSpec& spec,
                             const std::vector<const LinkSpec*>& mine,
                             FootprintTally& tally) const
{
    for (const LinkSpec* l : mine)
    {
        const double a = spec.FindNode(l->a)->count;
        const double b = spec.FindNode(l->b)->count;
        const double pairs = std::max(a, b);
        tally.pointToPointDevices += 2 * static_cast<uint64_t>(pairs);
        tally.edgesPerMember[l->a] += pairs / a;
        tally.edgesPerMember[l->b] += pairs / b;
    }
}

void
LinkTechnology::AddDefaults(const LinkSpec& link,
                            std::map<std::string, std::string>& defaults) const
{
}

std::vector<std::vector<const LinkSpec*>>
LinkTechnology::GroupForBuild(const std::vector<const LinkSpec*>& mine) const
{
    std::vector<std::vector<const LinkSpec*>> units;
    units.reserve(mine.size());
    for (const LinkSpec* l : mine)
    {
        units.push_back({l});
    }
    return units;
}

uint64_t
LinkTechnology::GetSetupSteps(const ScenarioSpec& spec, const LinkSpec& link) const
{
    return 1;
}

void
LinkTechnology::AccountLink(ScenarioBuild& run, const LinkSpec& link) const
{
}

void
LinkTechnology::AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
}

std::vector<uint32_t>
LinkTechnology::GetEdgesCut(ScenarioBuild& run, const LinkSpec& link) const
{
    return run.GetEdgesOf(link);
}

void
LinkTechnology::SetEdgesUp(ScenarioBuild& run,
                           const LinkSpec& link,
                           const std::vector<uint32_t>& edges,
                           bool up) const
{
    run.GetState<InterfaceSwitch>().SetEdgesUp(run, edges, up);
}

void
LinkTechnology::SetRainRate(ScenarioBuild& run,
                            const LinkSpec& link,
                            uint32_t edge,
                            const RainExposure& rain) const
{
}

std::vector<AnimatedPlatform>
LinkTechnology::GetAnimatedPlatforms(ScenarioBuild& run,
                                     const std::vector<const LinkSpec*>& mine) const
{
    return {};
}

bool
LinkTechnologyRegistry::Register(std::unique_ptr<LinkTechnology> technology, bool isDefault)
{
    Registry& registry = TheRegistry();
    const std::string name = technology->GetName();
    // No logging here: plug-ins register during static initialisation, when this file's log
    // component may not exist yet.
    if (name.empty() || registry.byName.count(name))
    {
        throw std::logic_error("link technology '" + name + "' is registered twice or unnamed");
    }
    if (isDefault)
    {
        if (!registry.defaultName.empty())
        {
            throw std::logic_error("link technologies '" + registry.defaultName + "' and '" + name +
                                   "' both claim to be the default");
        }
        registry.defaultName = name;
    }
    registry.byName.emplace(name, std::move(technology));
    return true;
}

const LinkTechnology*
LinkTechnologyRegistry::Find(const std::string& name)
{
    const Registry& registry = TheRegistry();
    const auto it = registry.byName.find(name);
    return it == registry.byName.end() ? nullptr : it->second.get();
}

const LinkTechnology&
LinkTechnologyRegistry::Get(const std::string& name)
{
    const LinkTechnology* technology = Find(name);
    if (!technology)
    {
        throw std::logic_error("no link technology '" + name + "' is registered");
    }
    return *technology;
}

const LinkTechnology&
LinkTechnologyRegistry::GetDefault()
{
    const std::string& name = TheRegistry().defaultName;
    if (name.empty())
    {
        throw std::logic_error("no link technology is registered as the default");
    }
    return Get(name);
}

std::vector<std::string>
LinkTechnologyRegistry::Names()
{
    std::vector<std::string> names;
    for (const auto& [name, technology] : TheRegistry().byName)
    {
        names.push_back(name);
    }
    return names;
}

std::vector<TechnologyLinks>
LinksByTechnology(const ScenarioSpec& spec)
{
    std::vector<TechnologyLinks> result;
    std::map<std::string, std::size_t> indexOf;
    for (const LinkSpec& l : spec.links)
    {
        const auto [it, isNew] = indexOf.emplace(l.technology, result.size());
        if (isNew)
        {
            result.push_back({&LinkTechnologyRegistry::Get(l.technology), {}});
        }
        result[it->second].links.push_back(&l);
    }
    return result;
}

void
AddCostOverride(ScenarioBuild& run, const LinkSpec& l, const std::string& technology)
{
    run.GetLedger().Add(CostItem{l.name,
                                 l.a,
                                 technology,
                                 l.cost->capex,
                                 l.cost->lifetimeYears,
                                 l.cost->opexPerYear});
    // The scenario's own zero is reported as such.
    if (l.cost->capex <= 0 && l.cost->opexPerYear <= 0)
    {
        run.ReportUncosted({l.name, l.a, technology, "cost given as 0"});
    }
}

} // namespace blueprint
} // namespace ns3
