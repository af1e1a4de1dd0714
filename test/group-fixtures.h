/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Scenarios shared by the tests of who is starved (doc/metrics.rst): the results' group members
 * (group-members-test) and the report's table of them (report-test).
 */

#ifndef BLUEPRINT_TEST_GROUP_FIXTURES_H
#define BLUEPRINT_TEST_GROUP_FIXTURES_H

#include <string>

namespace blueprint_test
{

/// Four phones reporting to a server through a 5G mast: three in the field around it, the
/// fourth 30 km away, far beyond what an n78 cell reaches.
inline const std::string kOneOutOfCoverage = R"(blueprint: 1
name: one-out-of-coverage
duration: 1s
sites:
  field: {position: [0m, 0m]}
  dc: {position: [1km, 0m]}
nodes:
  phones: {site: field, count: 4, placement: {positions: [[300m, 0m], [0m, 500m], [-400m, -200m],
           [30km, 0m]]}}
  mast: {site: field}
  server: {site: dc, equipment: server}
links:
  cell: {technology: nr, between: [mast, phones], band: n78}
  backhaul: {between: [server, mast], profile: fiber, rate: 10Gbps}
flows:
  reports: {from: phones, to: server, start: 0.1s, traffic: {pattern: periodic, interval: 10ms,
            size: 200B}}
)";

} // namespace blueprint_test

#endif // BLUEPRINT_TEST_GROUP_FIXTURES_H
