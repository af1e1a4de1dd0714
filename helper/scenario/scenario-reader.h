/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_READER_H
#define BLUEPRINT_SCENARIO_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-document.h"
#include "helper/scenario/scenario-spec.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Read a resolved scenario document (no `alternatives` key) into a ScenarioSpec.
 * \param root the document
 * \return the typed, checked scenario
 */
ScenarioSpec ReadScenario(const ConfigNode& root);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_READER_H
