/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * How alternatives and --set overrides change a scenario (issue 8, A.5 and A.6): what they name
 * must exist unless they write it whole, a change of technology starts a link afresh, and every
 * error found in an alternative names it.
 */

#include "helper/scenario/scenario-reader.h"
#include "input-error-support.h"

#include <gtest/gtest.h>
#include <string>

namespace ns3
{
namespace blueprint
{

namespace
{

/// A valley shelter's camera behind fiber.
const std::string kValley = R"(blueprint: 1
name: valley
duration: 1s
sites:
  town: {position: [0km, 0km]}
  shelter: {position: [3km, 0km]}
nodes:
  server: {site: town, equipment: server}
  gw: {site: shelter, equipment: router}
  cam: {site: shelter}
links:
  valley-fiber: {between: [server, gw], profile: fiber, rate: 1Gbps, length: 5km}
  lan: {between: [gw, cam], profile: ethernet, rate: 1Gbps, length: 10m}
flows:
  shelter-video: {from: cam, to: server, traffic: {pattern: constant_rate, rate: 1Mbps, size: 1000B}}
)";

/// kValley with the given alternatives (their lines start at line 17).
ScenarioDocument
Valley(const std::string& alternatives)
{
    return ScenarioDocument::FromString(
        kValley + (alternatives.empty() ? "" : "alternatives:\n" + alternatives),
        "valley.yaml");
}

TEST(ScenarioChangesTest, AFiberCutThatMisspellsTheLinkIsAnErrorNotAnIntactRun)
{
    const ScenarioDocument doc = Valley("  fiber-cut:\n"
                                        "    changes:\n"
                                        "      links:\n"
                                        "        valley-fibre: ~\n");
    const InputError e = ErrorFrom([&] { doc.Resolve("fiber-cut"); });
    EXPECT_EQ(e.GetMark().line, 20);
    EXPECT_EQ(e.GetMark().column, 9);
    EXPECT_EQ(e.GetMessage(),
              "alternative 'fiber-cut': 'links' has no 'valley-fibre' to remove; did you mean "
              "'valley-fiber'?");
}

TEST(ScenarioChangesTest, OverridesMustWalkThroughElementsThatExist)
{
    const ScenarioDocument doc = Valley("");
    InputError e = ErrorFrom([&] { doc.Resolve("base", {"links.valey-fiber=~"}); });
    EXPECT_EQ(e.GetMark().file, "--set links.valey-fiber=~");
    EXPECT_NE(e.GetMessage().find("did you mean 'valley-fiber'?"), std::string::npos)
        << e.GetMessage();
    e = ErrorFrom([&] { doc.Resolve("base", {"flows.shelter-vid.traffic.rate=2Mbps"}); });
    EXPECT_NE(e.GetMessage().find("'flows' has no 'shelter-vid' to change; did you mean "
                                  "'shelter-video'?"),
              std::string::npos)
        << e.GetMessage();
    // Below an element that exists a missing key may be added, and a new element written whole.
    const ScenarioSpec spec =
        doc.Resolve("base",
                    {"flows.shelter-video.requirements.loss=1%",
                     "flows.extra={from: server, to: cam, traffic: {pattern: periodic, interval: "
                     "1s, size: 100B}}"});
    ASSERT_EQ(spec.flows.size(), 2u);
    EXPECT_DOUBLE_EQ(spec.flows[0].requirements.loss.value_or(-1), 0.01);
}

TEST(ScenarioChangesTest, AnAlternativeMayAddAnElementWrittenWhole)
{
    const ScenarioDocument doc = Valley("  second-camera:\n"
                                        "    changes:\n"
                                        "      nodes:\n"
                                        "        cam2: {site: shelter}\n"
                                        "      links:\n"
                                        "        lan2: {between: [gw, cam2], profile: ethernet, "
                                        "rate: 1Gbps, length: 10m}\n");
    const ScenarioSpec spec = doc.Resolve("second-camera");
    EXPECT_EQ(spec.nodes.size(), 4u);
    EXPECT_EQ(spec.links.size(), 3u);
}

TEST(ScenarioChangesTest, AMisspeltElementInAnAlternativeGetsADidYouMean)
{
    const ScenarioDocument doc = Valley("  hd:\n"
                                        "    changes:\n"
                                        "      flows:\n"
                                        "        shelter-vid: {traffic: {rate: 2Mbps}}\n");
    const InputError e = ErrorFrom([&] { doc.Resolve("hd"); });
    EXPECT_EQ(e.GetMark().line, 20);
    EXPECT_EQ(e.GetMessage(),
              "alternative 'hd': flow 'shelter-vid': missing required key 'from' (it adds flow "
              "'shelter-vid', which the base does not have; did you mean 'shelter-video'?)");
}

TEST(ScenarioChangesTest, ChangingALinksTechnologyStartsItAfresh)
{
    const ScenarioDocument doc = Valley("  radio:\n"
                                        "    changes:\n"
                                        "      links:\n"
                                        "        valley-fiber: {technology: nr, band: n78}\n");
    const ScenarioSpec spec = doc.Resolve("radio");
    ASSERT_EQ(spec.links[0].name, "valley-fiber");
    EXPECT_EQ(spec.links[0].technology, "nr");
    EXPECT_EQ(spec.links[0].a, "server"); // between is kept
    EXPECT_EQ(spec.resolvedYaml.find("profile: fiber"), std::string::npos) << spec.resolvedYaml;
    // The same through --set.
    const ScenarioSpec set =
        Valley("").Resolve("base",
                           {"links.valley-fiber.technology=nr", "links.valley-fiber.band=n78"});
    EXPECT_EQ(set.links[0].technology, "nr");
}

TEST(ScenarioChangesTest, EveryErrorInAnAlternativeNamesIt)
{
    // A key the new technology does not have: marked where the alternative writes it.
    InputError e = ErrorFrom([&] {
        Valley("  radio:\n"
               "    changes:\n"
               "      links:\n"
               "        valley-fiber: {technology: nr, band: n78, rate: 1Gbps}\n")
            .Resolve("radio");
    });
    EXPECT_EQ(e.GetMark().line, 20);
    EXPECT_EQ(e.GetMessage().rfind("alternative 'radio': unknown key 'rate' in link "
                                   "'valley-fiber'",
                                   0),
              0u)
        << e.GetMessage();
    // A problem the alternative causes on a line of the base.
    e = ErrorFrom([&] {
        Valley("  no-gateway:\n"
               "    changes:\n"
               "      nodes:\n"
               "        gw: ~\n")
            .Resolve("no-gateway");
    });
    EXPECT_EQ(e.GetMark().line, 12); // valley-fiber's between, in the base
    EXPECT_EQ(e.GetMessage().rfind("alternative 'no-gateway': link 'valley-fiber'", 0), 0u)
        << e.GetMessage();
}

} // namespace
} // namespace blueprint
} // namespace ns3
