/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_CHECKS_H
#define BLUEPRINT_SCENARIO_CHECKS_H

#include "helper/scenario/scenario-spec.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Checks a read scenario against what ns-3 and the runner can build, so that nothing
 * `validate` accepts ends the run.
 *
 * Each check asks the rule's owner where it has one: a node sends at most 16,384 flow members and
 * receives at most 40,152 flows (the ports of kFirstFlowPort and kFirstEphemeralPort); the links
 * fit the address plan (AddressPlan), each taking what its technology says
 * (LinkTechnology::AddAddressDemand). A technology's own limits are its Check's.
 *
 * \param spec the scenario, read and checked otherwise
 * \throws InputError at the flow or link that crosses a limit
 */
void CheckScenarioFitsTheSimulator(const ScenarioSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_CHECKS_H
