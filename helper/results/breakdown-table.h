/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_BREAKDOWN_TABLE_H
#define BLUEPRINT_BREAKDOWN_TABLE_H

#include "helper/results/run-result.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The table `run --breakdown` and `compare --breakdown` print: per configuration and flow,
 * where its mean delay goes segment by segment (with each segment's share), the total they add up
 * to, and for a group flow its worst member and Jain's index (doc/metrics.rst).
 * \param runs the runs, one per configuration
 * \param showConfiguration whether to show the configuration column (compare)
 * \return the table, or a line saying no flow delivered anything
 */
std::string BreakdownTable(const std::vector<RunResult>& runs, bool showConfiguration);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_BREAKDOWN_TABLE_H
