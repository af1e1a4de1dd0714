/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COMPUTE_READER_H
#define BLUEPRINT_COMPUTE_READER_H

#include "helper/compute/compute-spec.h"
#include "helper/scenario/config-node.h"
#include "helper/scenario/type-choice.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \return the service-time distributions a `compute:` block may name: `deterministic`,
 * `exponential`, `lognormal`, `gamma` (aliases of ns-3's ConstantRandomVariable,
 * ExponentialRandomVariable, LogNormalRandomVariable, GammaRandomVariable), or any ns-3 type that
 * builds a RandomVariableStream
 */
const TypeChoice& ServiceTimeDistributions();

/**
 * \ingroup blueprint
 * \brief Read a node's `compute:` block:
 * `{servers: 4, queue: 200, service: {distribution: lognormal, mean: 20ms, cv: 0.5},
 * power: {idle: 86.4W, max: 562W}, cost: {capex: ..., opex_per_year: ..., lifetime_years: ...}}`.
 * Power and cost are per server; without them, the defaults of doc/compute.rst.
 * \param node the map
 * \param context what it belongs to, e.g. "node 'edge' compute"
 * \return the spec
 * \throws InputError at FILE:LINE:COL: servers not 1 to 100,000, a queue that is not a whole
 *         number of requests, a service time not above zero, an unknown distribution (with a
 *         did-you-mean), keys a distribution does not take, max power below idle
 */
ComputeSpec ReadCompute(const ConfigNode& node, const std::string& context);

/**
 * \ingroup blueprint
 * \brief How a compute block's service time reads in results: "lognormal, mean 20 ms, cv 0.5",
 * or the TypeId and its attributes.
 * \param compute the block
 * \return the text
 */
std::string ServiceText(const ComputeSpec& compute);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COMPUTE_READER_H
