/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/cell-technology.h"

#include "helper/scenario/scenario-build.h"
#include "helper/scenario/spec-reading.h"

#include "ns3/mobility-model.h"
#include "ns3/object-factory.h"
#include "ns3/string.h"

#include <algorithm>
#include <set>

namespace ns3
{
namespace blueprint
{

bool
CellTechnology::CarriesFirstNodeEquipment() const
{
    return true;
}

void
CellTechnology::AddAddressDemand(const ScenarioSpec& spec,
                                 const LinkSpec& link,
                                 AddressDemand& demand) const
{
    demand.subnetDevices += spec.FindNode(link.a)->count + spec.FindNode(link.b)->count;
}

void
CellTechnology::AddFootprint(const ScenarioSpec& spec,
                             const std::vector<const LinkSpec*>& mine,
                             FootprintTally& tally) const
{
    AddCellFootprint(spec, mine, tally, GetPairModelBytes());
}

double
CellTechnology::GetPairModelBytes() const
{
    return 0;
}

void
CellTechnology::AccountLink(ScenarioBuild& run, const LinkSpec& link) const
{
    if (link.cost)
    {
        AddCostOverride(run, link, GetName());
        return;
    }
    run.GetLedger().Add(GetCatalogueCost(link));
}

void
CellTechnology::RequireSingleStation(const LinkReadContext& ctx,
                                     const std::string& linkKind,
                                     const std::string& station)
{
    if (ctx.a.count != 1)
    {
        throw InputError(ctx.aMark,
                         ctx.context + ": the first node of " + linkKind + " is its " + station +
                             ", a single node; '" + ctx.a.name + "' is a group of " +
                             std::to_string(ctx.a.count));
    }
}

uint32_t
AddCellEdges(ScenarioBuild& run,
             const LinkSpec& link,
             const std::string& pathLabel,
             Ptr<NetDevice> station,
             const NetDeviceContainer& terminals,
             double weightSeconds,
             bool terminalsMove)
{
    const uint32_t first = run.GetEdgeCount();
    const Vector stationPosition = station->GetNode()->GetObject<MobilityModel>()->GetPosition();
    for (uint32_t i = 0; i < terminals.GetN(); ++i)
    {
        const double distance = CalculateDistance(
            stationPosition,
            terminals.Get(i)->GetNode()->GetObject<MobilityModel>()->GetPosition());
        RoutingEdge edge;
        edge.devA = station;
        edge.devB = terminals.Get(i);
        edge.weightSeconds = weightSeconds;
        edge.propagationBoundSeconds = terminalsMove ? 0 : distance / 299792458.0;
        edge.lengthMetres = distance;
        edge.pathLabel = pathLabel;
        edge.segmentKind = "radio-access";
        run.AddEdge(link, edge);
    }
    return first;
}

void
AddCellFootprint(const ScenarioSpec& spec,
                 const std::vector<const LinkSpec*>& cells,
                 FootprintTally& tally,
                 double bytesPerPair)
{
    std::set<std::string> terminalGroups;
    uint64_t stations = 0;
    uint64_t terminals = 0;
    for (const LinkSpec* l : cells)
    {
        const uint64_t a = spec.FindNode(l->a)->count;
        const uint64_t b = spec.FindNode(l->b)->count;
        const bool newTerminals = terminalGroups.insert(l->b).second;
        tally.radioDevices += a + (newTerminals ? b : 0);
        stations += a;
        terminals += newTerminals ? b : 0;
        const double pairs = static_cast<double>(std::max(a, b));
        tally.edgesPerMember[l->a] += pairs / a;
        if (newTerminals)
        {
            tally.edgesPerMember[l->b] += pairs / b;
        }
    }
    if (bytesPerPair > 0)
    {
        tally.radioPairs += stations * terminals;
        tally.radioPairBytes += bytesPerPair * static_cast<double>(stations * terminals);
    }
}

void
ReadStationPower(const ConfigNode& power,
                 const TypeChoice& models,
                 const std::string& context,
                 StationPowerSpec& spec)
{
    power.CheckKeys({"model", "attributes"}, context);
    if (const ConfigNode* model = power.Find("model"))
    {
        spec.model = ReadTypeChoice(*model, models);
    }
    if (const ConfigNode* attrs = power.Find("attributes"))
    {
        spec.attributes = specreading::ReadAttributesOf(*attrs, spec.model);
    }
}

Ptr<Object>
CreateStationPowerModel(const StationPowerSpec& spec,
                        const std::vector<StationPowerSetting>& settings)
{
    ObjectFactory factory(spec.model);
    Ptr<Object> model = factory.Create();
    for (const auto& [name, value] : settings)
    {
        model->SetAttributeFailSafe(name, *value);
    }
    for (const auto& [name, value] : spec.attributes)
    {
        model->SetAttribute(name, StringValue(value));
    }
    return model;
}

} // namespace blueprint
} // namespace ns3
