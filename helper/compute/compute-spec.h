/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COMPUTE_SPEC_H
#define BLUEPRINT_COMPUTE_SPEC_H

#include "helper/scenario/input-error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A node's `compute:` block: the servers at the node that flows to it, or through it
 * (`via`), queue for (doc/compute.rst).
 */
struct ComputeSpec
{
    uint32_t servers = 1;       //!< K identical servers per member of the node
    uint32_t queueLimit = 1000; //!< requests that may wait while every server is busy
    std::string distribution;   //!< as written: a short name or a TypeId name
    std::string serviceType;    //!< the RandomVariableStream's TypeId name
    /// Its ns-3 attributes, values in seconds: from `mean` and `cv`, or as written.
    std::map<std::string, std::string> serviceAttributes;
    std::optional<double> meanSeconds; //!< the mean service time, when written
    double cv = 0;                     //!< coefficient of variation, when written
    double idleWatts = 0;              //!< one idle server, W
    double maxWatts = 0;               //!< one busy server, W
    std::string powerSource;           //!< where the power figures come from
    double capex = 0;                  //!< per server, in the scenario's currency
    double opexPerYear = 0;            //!< per server and year
    double lifetimeYears = 1;          //!< depreciation period
    std::string costSource;            //!< where the cost figures come from
    bool costWritten = false;          //!< whether `cost:` is written (else the catalogue's JPY)
    SourceMark mark;                   //!< where `compute:` is written
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COMPUTE_SPEC_H
