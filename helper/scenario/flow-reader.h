/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FLOW_READER_H
#define BLUEPRINT_FLOW_READER_H

#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"
#include "helper/scenario/type-choice.h"

namespace ns3
{
namespace blueprint
{

/**
 * Shortest window a scenario or a flow may run for. An LTE TTI and an NR slot at 15 kHz last
 * 1 ms (TS 36.211 clause 4, TS 38.211 clause 4.3.2), so a shorter window cannot hold one
 * scheduling period of the radio technologies, and the figures of such a window say nothing.
 */
constexpr double kMinWindowSeconds = 1e-3;

/**
 * \ingroup blueprint
 * \return the traffic patterns a flow may name: periodic and constant_rate (PeriodicSource),
 * video (VideoSource), request_response (RequestResponseClient with a RequestResponseServer),
 * bulk (BulkSource), or the TypeId of any type that builds a TimestampedSource, whose
 * `attributes:` then say what it sends.
 */
const TypeChoice& TrafficPatterns();

/**
 * \ingroup blueprint
 * \brief Read a scenario's `flows:` (traffic and requirements) into spec.flows.
 * \param root the scenario document
 * \param spec the scenario read so far (nodes and duration read)
 * \throws InputError at the offending text
 */
void ReadFlows(const ConfigNode& root, ScenarioSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FLOW_READER_H
