/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RESULT_WRITER_H
#define BLUEPRINT_RESULT_WRITER_H

#include "helper/results/csv-text.h"
#include "helper/results/file-output.h"
#include "helper/results/run-result.h"
#include "helper/results/text-table.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Formats run results: result.json, flows.csv, compare.csv and the terminal tables.
 *
 * Output is deterministic: the same RunResult gives the same bytes, and only the `runtime.wall_s`
 * field depends on the machine.
 */
class ResultWriter
{
  public:
    /** \param r a run \return result.json text (the output contract of doc/cli.rst) */
    static std::string ToJson(const RunResult& r);
    /** \param r a run \return flows.csv text, one row per flow */
    static std::string ToFlowsCsv(const RunResult& r);
    /**
     * \param r a run over a timeline
     * \return phases.csv text, one row per phase and flow that runs in it (flows.csv's columns
     *         with the phase's name, start, end of the span it stands for and length)
     */
    static std::string ToPhasesCsv(const RunResult& r);
    /** \param r a run \return the summary table printed after `blueprint run` */
    static std::string SummaryTable(const RunResult& r);
    /** \param runs one run per configuration \return the side-by-side table of `blueprint compare`
     */
    static std::string CompareTable(const std::vector<RunResult>& runs);
    /** \param runs one run per configuration \return compare.csv, one row per configuration and
     * flow */
    static std::string CompareCsv(const std::vector<RunResult>& runs);
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RESULT_WRITER_H
