/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer harness of the sweep reader: the input bytes are a sweep file, read and checked, and
 * when its grid is small, expanded against a fixed two-host scenario (so that its axes are
 * applied as --set overrides and its constraints evaluated), as `blueprint sweep --plan` does.
 * An InputError is the expected answer to bad input; anything else is a defect.
 */

#include "helper/scenario/input-error.h"
#include "helper/sweep/sweep-plan.h"
#include "helper/sweep/sweep-spec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace
{

/// The scenario every sweep is expanded against; its path is set in LLVMFuzzerInitialize.
std::string g_scenario;

const char* const kScenario = R"(blueprint: 1
name: two-hosts
duration: 1s
sites:
  a: {position: [0km, 0km]}
  b: {position: [100km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
links:
  l1: {between: [h1, h2], profile: fiber, rate: 1Gbps}
flows:
  f1: {from: h1, to: h2, traffic: {pattern: periodic, interval: 10ms, size: 100B}}
alternatives:
  fast:
    changes:
      links:
        l1: {rate: 10Gbps}
)";

/// Expanding resolves the scenario once per point: keep each input quick.
constexpr std::size_t kMostPointsExpanded = 64;

} // namespace

extern "C" int
LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    char folder[] = "/tmp/blueprint-sweep-fuzz-XXXXXX";
    if (!mkdtemp(folder))
    {
        std::abort();
    }
    g_scenario = std::string(folder) + "/two.yaml";
    std::ofstream(g_scenario) << kScenario;
    return 0;
}

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        ns3::blueprint::SweepSpec spec = ns3::blueprint::ReadSweepString(text, "fuzz/sweep.yaml");
        std::size_t points = spec.alternatives.size() * spec.seeds.size();
        for (const auto& axis : spec.axes)
        {
            points = points > kMostPointsExpanded ? points : points * axis.values.size();
        }
        if (points <= kMostPointsExpanded)
        {
            spec.scenarioFile = g_scenario;
            ns3::blueprint::ExpandSweep(spec, "fuzz");
        }
    }
    catch (const ns3::blueprint::InputError&)
    {
        // The reader's answer to bad input.
    }
    return 0;
}
