/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TIMELINE_READER_H
#define BLUEPRINT_TIMELINE_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"

#include <functional>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Read `timeline:` (horizon and phases) into spec.timeline, when the document has one.
 *
 * Each phase is read as a scenario of its own: the document without `timeline:`, with `duration`
 * set to the phase's `length` (default: the document's duration) and the phase's `changes`
 * merged as an alternative's are; `readScenario` reads it (ReadScenario, passed in so that this
 * reader does not call back into the file that calls it). Errors in a phase's document carry the
 * prefix "phase 'NAME': ".
 *
 * \param root the resolved document (after the alternative's changes and `--set`)
 * \param spec the scenario read so far (its duration and drain are the defaults of every phase)
 * \param readScenario reads a document into a checked scenario
 * \throws InputError at FILE:LINE:COL for a malformed timeline: unknown keys (did-you-mean), a
 *         horizon that is not a positive duration, no phases, a phase without a name or with a
 *         name used twice, a negative `at`, a length under 1 ms, phases out of time order or
 *         overlapping (a window occupies its length plus the drain), a phase that ends after the
 *         horizon, changes that touch `timeline` or `duration`
 */
void ReadTimeline(const ConfigNode& root,
                  ScenarioSpec& spec,
                  const std::function<ScenarioSpec(const ConfigNode&)>& readScenario);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TIMELINE_READER_H
