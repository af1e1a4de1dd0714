/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_FOOTPRINT_H
#define BLUEPRINT_SCENARIO_FOOTPRINT_H

#include "helper/scenario/scenario-spec.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief How much a scenario builds, counted from its spec before anything is built, and the
 * memory that takes.
 *
 * The bytes per element were measured with GNU time's maximum resident set size on runs of the
 * blueprint command (ns-3 3.37, Debian 12, x86-64), growing one kind of element at a time; each
 * figure is the largest measured, so that the estimate errs high (doc/cli.rst gives the runs).
 */
struct ScenarioFootprint
{
    uint64_t nodes = 0; //!< ns-3 nodes: every member of every group, and the EPC's
    uint64_t pointToPointDevices =
        0;                     //!< point-to-point devices, two per member pair of a wired link
    uint64_t radioDevices = 0; //!< base station, access point and terminal devices
    uint64_t radioPairs = 0;   //!< station-terminal pairs with propagation models of their own
    uint64_t flowMembers = 0;  //!< sending applications (one per member pair of each flow)
    uint64_t routeEntries = 0; //!< host routes: every node towards every node flows send to
    double bytes = 0;          //!< estimated peak memory of the run

    /// \return "1,000,002 nodes, 2,000,000 wired devices, ..." for messages
    std::string Describe() const;
};

/**
 * \ingroup blueprint
 * \brief Counts what a scenario will build and estimates the memory it takes.
 * \param spec the resolved scenario
 * \return the counts and the estimate
 */
ScenarioFootprint EstimateFootprint(const ScenarioSpec& spec);

/**
 * \ingroup blueprint
 * \brief The memory this process may still use: the kernel's MemAvailable (/proc/meminfo),
 * lowered to the control group's limit (cgroup v2 memory.max less memory.current) where one is
 * set.
 * \return bytes, or 0 when neither can be read
 */
uint64_t AvailableMemoryBytes();

/**
 * \ingroup blueprint
 * \brief Refuses a configuration whose estimate exceeds the memory available, before anything
 * is built: a group of 10^6 members ran for minutes and ended in std::bad_alloc.
 * \param spec the resolved scenario
 * \param available the memory it may use, in bytes (AvailableMemoryBytes(); 0: no check)
 * \throws InputError naming the scenario file: the estimate, what it counts, the limit and the
 *         command-line flag that runs it anyway
 */
void CheckFootprintFits(const ScenarioSpec& spec, uint64_t available);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_FOOTPRINT_H
