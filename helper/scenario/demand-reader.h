/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_DEMAND_READER_H
#define BLUEPRINT_DEMAND_READER_H

#include "helper/results/run-result.h"
#include "helper/scenario/config-node.h"
#include "helper/scenario/scenario-spec.h"

#include <optional>
#include <string>

namespace ns3
{
namespace blueprint
{

/// The first and last years of the study group's scenario (18x the 2020 level by 2030, 309x by
/// 2040): it says nothing before 2020 or after 2040, so neither does the model.
constexpr int kStudyGroupFirstYear = 2020;
constexpr int kStudyGroupLastYear = 2040; //!< \see kStudyGroupFirstYear
/// The years a compound projection may start from and reach: a planning horizon, not a limit of
/// the arithmetic.
constexpr int kCompoundFirstYear = 2000;
constexpr int kCompoundLastYear = 2100; //!< \see kCompoundFirstYear
/// The compound model's growth when none is written: Japan's Internet traffic has grown about
/// 20 % a year on average (MIC study group on ICT infrastructure for vibrant regional
/// communities, draft of 2024-04-24; MIC's traffic tallies give +20.2 % mobile download
/// year on year in Nov 2019, +23.7 % fixed and +23.4 % mobile in 2022).
constexpr double kDefaultGrowthPerYear = 0.20;

/**
 * \ingroup blueprint
 * \brief The study group's scenario of demand: its level in `year` relative to 2020.
 *
 * MIC's study group on ICT infrastructure for vibrant regional communities ("活力ある地域社会の
 * 実現に向けた情報通信基盤と利活用の在り方に関する懇談会", draft of 2024-04-24) puts demand at
 * about 18 times the 2020 level in 2030 and 309 times in 2040. Between those anchors the level is
 * interpolated geometrically (its logarithm linearly in the year): a constant yearly growth of
 * 18^(1/10) - 1 = 33.5 % from 2020 to 2030 and (309/18)^(1/10) - 1 = 32.9 % from 2030 to 2040,
 * the assumption under which "18x by 2030" is a rate at all.
 *
 * \param year a year in [2020, 2040] (fractions allowed)
 * \return the level, 1 in 2020
 * \throws std::out_of_range outside [2020, 2040]
 */
double StudyGroupLevel(double year);

/**
 * \ingroup blueprint
 * \brief How much a demand model scales offered load in `year` against its base year.
 * \param demand the model (its baseYear set unless the model is none)
 * \param year the year simulated, at or after the base year
 * \return (1 + rate)^(year - base) for compound, StudyGroupLevel(year) / StudyGroupLevel(base)
 *         for study-group, 1 for none
 */
double DemandFactor(const DemandSpec& demand, int year);

/**
 * \ingroup blueprint
 * \param factor a load factor
 * \return how tables write it: "x2.488", four significant figures
 */
std::string LoadFactorText(double factor);

/**
 * \ingroup blueprint
 * \param demand a demand model
 * \return how a person writes it: "compound 20 %/yr from 2025", "study-group (18x 2020 by 2030,
 *         309x by 2040) from 2025", "none"
 */
std::string DescribeDemand(const DemandSpec& demand);

/**
 * \ingroup blueprint
 * \brief Reads `demand:` (top level and each flow's) and scales every flow's offered load to the
 * year simulated (doc/growth.rst).
 *
 * The top-level block (`model`, `rate`, `base_year`, `year`) applies to every flow; a flow's own
 * block (`model`, `rate`, `base_year`) overrides the keys it writes. A flow's load is multiplied
 * by DemandFactor at `year` (default: no scaling): periodic and request-response flows send
 * their messages that much more often, constant-rate and video flows at that much the rate, a
 * bulk transfer of a given size moves that much more; a bulk transfer until stop already offers
 * all its path takes and stays as it is. A scaled flow's throughput requirement scales with it.
 *
 * \param root the scenario document
 * \param spec the scenario read so far (its flows read); flows are scaled in place
 * \throws InputError at the offending text
 */
void ReadDemand(const ConfigNode& root, ScenarioSpec& spec);

/**
 * \ingroup blueprint
 * \param spec a resolved scenario
 * \return what result.json says of its demand: the top-level model and the year simulated (the
 *         top-level base year when no year is given); none when neither the scenario nor any
 *         flow writes `demand:`
 */
std::optional<DemandResult> DemandOfRun(const ScenarioSpec& spec);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_DEMAND_READER_H
