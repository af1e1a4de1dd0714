/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SHARING_SPEC_H
#define BLUEPRINT_SHARING_SPEC_H

#include "helper/scenario/input-error.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief One use case of a shared network: its flows, what it owns, and the party that pays
 * its part (doc/energy-cost.rst, Shared infrastructure).
 */
struct UseCaseSpec
{
    std::string name;               //!< unique among the use cases
    std::string description;        //!< free text (who it is, who pays)
    std::vector<std::string> flows; //!< its flows, each in no other use case
    std::vector<std::string> owns;  //!< nodes and links whose cost is its alone
    std::optional<double> share;    //!< its agreed share (0 to 1): all use cases or none
    SourceMark shareMark;           //!< where the share is written
    SourceMark mark;                //!< where it is written
};

/**
 * \ingroup blueprint
 * \brief A subsidy towards one use case's part: a capex grant and opex support for some years.
 */
struct SubsidySpec
{
    std::string to;          //!< the use case
    std::string from;        //!< who gives it (a label)
    std::string description; //!< free text (the programme, its source)
    double capexShare = 0;   //!< fraction of the use case's capex granted
    double capexCap = std::numeric_limits<double>::infinity(); //!< the grant's most
    double opexShare = 0;   //!< fraction of its opex supported each year
    double opexPerYear = 0; //!< or a fixed amount each year
    double opexYears = 0;   //!< years of opex support
    SourceMark mark;        //!< where it is written
};

/**
 * \ingroup blueprint
 * \brief `sharing:`: which use cases share the network, the rule that divides the cost of what
 * several of them use, and their subsidies.
 */
struct SharingSpec
{
    std::string rule;                   //!< a SplitRule's name (SplitRuleNames)
    std::vector<UseCaseSpec> useCases;  //!< in file order
    std::vector<SubsidySpec> subsidies; //!< in file order
    double peakIntervalSeconds = 1;     //!< interval of the peak-rate rule's rates
    double horizonYears = 0;            //!< for opex support; 0: mean life by capex
    SourceMark mark;                    //!< where `sharing:` is written
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SHARING_SPEC_H
