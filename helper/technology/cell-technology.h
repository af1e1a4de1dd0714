/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CELL_TECHNOLOGY_H
#define BLUEPRINT_CELL_TECHNOLOGY_H

#include "helper/technology/link-technology.h"
#include "model/cost/cost-ledger.h"

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
 * terminal group however many of the technology's cells serve it, and one routing edge per
 * terminal.
 * \param spec the scenario
 * \param cells the technology's cells
 * \param tally the estimate to add to
 */
void AddCellFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& cells,
                      FootprintTally& tally);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_CELL_TECHNOLOGY_H
