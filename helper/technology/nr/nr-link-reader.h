/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_LINK_READER_H
#define BLUEPRINT_NR_LINK_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/type-choice.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/nr/nr-link-config.h"

#include <memory>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \return the NR MAC schedulers a link may name: rr and pf (NrMacSchedulerRr, NrMacSchedulerPf),
 * or any registered type that builds an NrMacScheduler.
 */
const TypeChoice& NrSchedulers();

/**
 * \ingroup blueprint
 * \return the NR error models a link may name: shannon (NrShannonErrorModel), or any registered
 * type that builds an NrErrorModel.
 */
const TypeChoice& NrErrorModels();

/**
 * \ingroup blueprint
 * \return the TR 38.901 propagation scenarios a link may name: RMa, UMa and UMi (NrRmaScenario,
 * NrUmaScenario, NrUmiStreetCanyonScenario), or any registered type that builds an
 * NrPropagationScenario.
 */
const TypeChoice& NrScenarios();

/**
 * \ingroup blueprint
 * \return the gNB power models a cell's `power: {model: ...}` may name: earth
 * (NrGnbEnergyModel), or any registered type that builds an NrGnbPowerModel.
 */
const TypeChoice& NrGnbPowerModels();

/**
 * \ingroup blueprint
 * \brief Read an NR link's own keys: band, cell and UE classes, frame structure, scheduler,
 * error model, uplink access, propagation, handover, sleep, SSB period, power model and gNB
 * attributes, and ask the gNB
 * model whether the cell can run with them.
 * \param link the link's map
 * \param ctx the scenario read so far and the link's common part
 * \return the config
 * \throws InputError at the offending text
 */
std::shared_ptr<NrLinkConfig> ReadNrLink(const ConfigNode& link, const LinkReadContext& ctx);

/**
 * \ingroup blueprint
 * \brief NR cells that serve the same UEs form one radio network: each UE has one NR device on
 * one carrier and hands over between the cells, so they must agree on everything the UE sees.
 * \param cells every NR link of a scenario, in file order
 * \throws InputError at a cell that differs from the first cell of its UEs
 */
void CheckNrRadioNetworks(const std::vector<const LinkSpec*>& cells);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_LINK_READER_H
