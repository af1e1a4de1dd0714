/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COST_SHARE_WRITER_H
#define BLUEPRINT_COST_SHARE_WRITER_H

#include "helper/results/run-result.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Formats the use cases of a shared network and who pays what (`sharing:`):
 * result.json's `use_cases` and `cost_share`, cost_share.csv, cost_split.csv and the lines
 * `run` and `compare` print (doc/cli.rst).
 */
class CostShareWriter
{
  public:
    /** \param r a run with use cases \return result.json's `use_cases` */
    static nlohmann::ordered_json UseCasesJson(const RunResult& r);

    /**
     * \param r a run with a cost share
     * \return result.json's `cost_share`: the rule, the totals and per use case its share, its
     *         subsidy and what it pays (keys ending in `_jpy`: amounts in `cost.currency`), and
     *         each subsidy
     */
    static nlohmann::ordered_json CostShareJson(const RunResult& r);

    /** \param r a run \return the lines `run` prints under its costs; empty without a share */
    static std::string SummaryLines(const RunResult& r);

    /** \param runs one run per configuration \return `compare`'s who-pays table, or "" */
    static std::string CompareLines(const std::vector<RunResult>& runs);

    /**
     * \param runs runs with a cost share
     * \return cost_share.csv: one row per configuration and use case
     */
    static std::string SharesCsv(const std::vector<RunResult>& runs);

    /**
     * \param r a run with a cost share
     * \return cost_split.csv: one row per cost item and use case with a part of it
     */
    static std::string SplitCsv(const RunResult& r);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_COST_SHARE_WRITER_H */
