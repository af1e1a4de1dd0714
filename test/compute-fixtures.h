/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The edge-server scenario shared by the tests of compute nodes (compute-node-test) and of their
 * place in the latency split (latency-segments-test).
 */

#ifndef BLUEPRINT_TEST_COMPUTE_FIXTURES_H
#define BLUEPRINT_TEST_COMPUTE_FIXTURES_H

#include <string>

namespace blueprint_test
{

/// Cameras in a field send detections through an edge server 10 km away to an operator 10 km
/// beyond (via), readings to the server itself; the operator queries the server
/// (request_response). The edge's service is deterministic, 20 ms on either of two servers.
inline const std::string kEdge = R"(blueprint: 1
name: edge
duration: 4s
drain: 1s
sites:
  field: {position: [0km, 0km]}
  edge-site: {position: [10km, 0km]}
  office: {position: [20km, 0km]}
nodes:
  camera: {site: field, count: 4}
  router: {site: edge-site, equipment: router}
  edge:
    site: edge-site
    compute: {servers: 2, queue: 50, service: {distribution: deterministic, mean: 20ms}}
  operator: {site: office}
links:
  cams: {between: [router, camera], profile: fiber, rate: 1Gbps}
  edge-lan: {between: [router, edge], profile: ethernet, rate: 10Gbps, length: 10m}
  office: {between: [router, operator], profile: fiber, rate: 1Gbps}
flows:
  detect:
    from: camera
    to: operator
    via: edge
    traffic: {pattern: periodic, interval: 100ms, size: 1000B, protocol: PROTOCOL}
    requirements: {latency: 100ms}
  query:
    from: operator
    to: edge
    traffic: {pattern: request_response, interval: 50ms, size: 200B, response_size: 400B}
  ingest:
    from: camera
    to: edge
    traffic: {pattern: periodic, interval: 200ms, size: 300B}
)";

/// kEdge with its detections sent over `protocol` (udp or tcp).
inline std::string
Edge(const std::string& protocol = "udp")
{
    std::string text = kEdge;
    text.replace(text.find("PROTOCOL"), 8, protocol);
    return text;
}

} // namespace blueprint_test

#endif // BLUEPRINT_TEST_COMPUTE_FIXTURES_H
