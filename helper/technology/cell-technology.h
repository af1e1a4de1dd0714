/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CELL_TECHNOLOGY_H
#define BLUEPRINT_CELL_TECHNOLOGY_H

#include "helper/scenario/type-choice.h"
#include "helper/technology/link-technology.h"
#include "model/cost/cost-ledger.h"

#include "ns3/attribute.h"
#include "ns3/object.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What radio cells have in common: a link's first node is one base station or access
 * point, its second a terminal or a group of terminals on the station's shared channel.
 *
 * A cell carries its station's power and cost (CarriesFirstNodeEquipment), takes a subnet address
 * per device, counts as radio devices in the memory estimate, and is priced once per link at its
 * site's catalogue cost (GetCatalogueCost) or the link's own `cost:`.
 */
class CellTechnology : public LinkTechnology
{
  public:
    bool CarriesFirstNodeEquipment() const override;

    void AddAddressDemand(const ScenarioSpec& spec,
                          const LinkSpec& link,
                          AddressDemand& demand) const override;

    void AddFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& mine,
                      FootprintTally& tally) const override;

    /// The link's own cost, or its catalogue cost (GetCatalogueCost).
    void AccountLink(ScenarioBuild& run, const LinkSpec& link) const override;

  protected:
    /**
     * \param link one of the technology's links
     * \return what its station costs by the catalogue (filed under the technology's name)
     */
    virtual CostItem GetCatalogueCost(const LinkSpec& link) const = 0;

    /**
     * \return the memory of the propagation models a station-terminal pair of the technology's
     * shared channel holds (its own LOS state and shadowing, for common random numbers), bytes;
     * 0 for a technology whose pairs hold none
     */
    virtual double GetPairModelBytes() const;

    /**
     * \brief Refuse a group as the station: "<context>: the first node of <linkKind> is its
     * <station>, a single node; 'x' is a group of n".
     * \param ctx the link being read
     * \param linkKind e.g. "an NR link"
     * \param station e.g. "gNB"
     */
    static void RequireSingleStation(const LinkReadContext& ctx,
                                     const std::string& linkKind,
                                     const std::string& station);
};

/**
 * \ingroup blueprint
 * \brief Add one routing edge per terminal of a radio cell, from the station's device to each
 * terminal's, at the straight-line distance between their antennas (the propagation bound at
 * the speed of light).
 * \param run the run
 * \param link the cell's link
 * \param pathLabel the name the edges show in results' technology path
 * \param station the base station's or access point's device (its node placed)
 * \param terminals the terminals' devices (their nodes placed)
 * \param weightSeconds the routing metric of each edge
 * \param terminalsMove whether the terminals move: then a hop's length changes, and it adds
 *        nothing to a flow's propagation bound
 * \return the index of the first edge added
 */
uint32_t AddCellEdges(ScenarioBuild& run,
                      const LinkSpec& link,
                      const std::string& pathLabel,
                      Ptr<NetDevice> station,
                      const NetDeviceContainer& terminals,
                      double weightSeconds,
                      bool terminalsMove = false);

/**
 * \ingroup blueprint
 * \brief The footprint of radio cells: one device per station, one per terminal of each
 * terminal group however many of the technology's cells serve it, one routing edge per
 * terminal, and, where pairs hold models of their own, every station with every terminal of the
 * technology (a channel evaluates every pair of its stations and terminals; counting cells on
 * other carriers too, the estimate errs high).
 * \param spec the scenario
 * \param cells the technology's cells
 * \param tally the estimate to add to
 * \param bytesPerPair the memory of one pair's models (CellTechnology::GetPairModelBytes)
 */
void AddCellFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& cells,
                      FootprintTally& tally,
                      double bytesPerPair = 0);

/**
 * \ingroup blueprint
 * \brief A cell's choice of its station's power model, `power: {model: NAME, attributes: {...}}`:
 * a type of the technology's kind (a TypeChoice) and its ns-3 attributes.
 */
struct StationPowerSpec
{
    std::string model;                             //!< the model's TypeId name
    std::map<std::string, std::string> attributes; //!< its attributes, name -> value text
};

/**
 * \ingroup blueprint
 * \brief Read a cell's `power:` map: `model` (a short name or a TypeId of the kind; default the
 * spec's) and `attributes` (checked against the chosen type).
 * \param power the map
 * \param models the kind
 * \param context e.g. "link 'cell' power", for messages
 * \param spec the default model, updated
 * \throws InputError at the offending text
 */
void ReadStationPower(const ConfigNode& power,
                      const TypeChoice& models,
                      const std::string& context,
                      StationPowerSpec& spec);

/// A cell's setting given to its station's power model: an attribute name and its value.
using StationPowerSetting = std::pair<std::string, Ptr<const AttributeValue>>;

/**
 * \ingroup blueprint
 * \brief Build a station's power model: the chosen type, then the cell's settings on those of
 * its attributes that exist (SetAttributeFailSafe, as ns-3's LteHelper gives a path loss model
 * its Frequency: a researcher's model need not have them), then the scenario's own attributes,
 * which win.
 * \param spec the choice
 * \param settings the cell's settings, in order
 * \return the model (the caller casts it to the kind's base, which the reader checked)
 */
Ptr<Object> CreateStationPowerModel(const StationPowerSpec& spec,
                                    const std::vector<StationPowerSetting>& settings);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_CELL_TECHNOLOGY_H
