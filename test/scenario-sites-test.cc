/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Places on the Earth in the scenario format: sites by latitude, longitude and altitude (WGS84)
 * beside sites in metres on one local plane anchored at the scenario's origin, great-circle
 * lengths between places given on the Earth, and FILE:LINE:COL errors for coordinates that are
 * no place.
 */

#include "helper/scenario/scenario-document.h"
#include "helper/scenario/site-reader.h"
#include "helper/technology/wired/wired-link-config.h"
#include "input-error-support.h"

#include <cmath>
#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// Two routers joined by a fibre whose length the sites give; ORIGIN and the positions replaced.
const std::string kScenario = R"(blueprint: 1
name: places
duration: 1s
ORIGIN
sites:
  tokyo: {position: A}
  osaka: {position: B}
nodes:
  a: {site: tokyo, equipment: router}
  b: {site: osaka, equipment: router}
links:
  fibre: {between: [a, b], profile: fiber, rate: 10Gbps, route_factor: 1.5}
flows:
  f: {from: a, to: b, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
)";

std::string
Scenario(const std::string& origin, const std::string& a, const std::string& b)
{
    std::string text = kScenario;
    text.replace(text.find("ORIGIN"), 6, origin);
    text.replace(text.find("A}"), 1, a);
    text.replace(text.find("B}"), 1, b);
    return text;
}

ScenarioSpec
Read(const std::string& text)
{
    return ScenarioDocument::FromString(text, "places.yaml").Resolve("base");
}

std::string
ErrorOf(const std::string& text)
{
    return ErrorFrom([&]() { Read(text); }).what();
}

/// The central angle by the spherical law of cosines (independent of the haversine), on R1.
double
ArcMetres(double lat1, double lon1, double lat2, double lon2)
{
    const double d = M_PI / 180;
    const double c = std::sin(lat1 * d) * std::sin(lat2 * d) +
                     std::cos(lat1 * d) * std::cos(lat2 * d) * std::cos((lon2 - lon1) * d);
    return std::acos(c) * 6371008.8;
}

} // namespace

TEST(ScenarioSitesTest, SitesByLatitudeAndInMetresShareOnePlaneAnchoredAtTheOrigin)
{
    const ScenarioSpec spec =
        Read(Scenario("origin: [35.6812N, 139.7671E]", "[2km, -500m]", "[34.7025N, 135.4959E]"));
    ASSERT_TRUE(spec.origin);
    EXPECT_TRUE(spec.originWritten);
    EXPECT_DOUBLE_EQ(spec.origin->latitudeDeg, 35.6812);
    const SiteSpec& tokyo = *spec.FindSite("tokyo");
    const SiteSpec& osaka = *spec.FindSite("osaka");
    EXPECT_FALSE(tokyo.earth);
    EXPECT_DOUBLE_EQ(tokyo.x, 2000);
    EXPECT_DOUBLE_EQ(tokyo.y, -500);
    ASSERT_TRUE(osaka.earth);
    EXPECT_DOUBLE_EQ(osaka.earth->latitudeDeg, 34.7025);
    EXPECT_DOUBLE_EQ(osaka.earth->longitudeDeg, 135.4959);
    // Osaka is about 390 km west and 110 km south of Tokyo station on the plane.
    EXPECT_NEAR(osaka.x, -390e3, 10e3);
    EXPECT_NEAR(osaka.y, -105e3, 10e3);
    // The metres are on the Earth through the origin: the plane's origin is Tokyo station.
    const GroundPoint p = PlaceOnEarth(*ScenarioFrame(spec), tokyo, {0.0, 0.0}, 0.0);
    EXPECT_NEAR(p.latitudeDeg, 35.6812, 1e-9);
    EXPECT_NEAR(p.longitudeDeg, 139.7671, 1e-9);
}

TEST(ScenarioSitesTest, LengthsBetweenPlacesOnTheEarthAreGreatCircles)
{
    // Tokyo station to Osaka station: the fibre's default length is the great circle (403 km)
    // times its route factor, not the plane's straight line.
    const ScenarioSpec spec = Read(Scenario("", "[35.6812N, 139.7671E]", "[34.7025N, 135.4959E]"));
    const double arc = ArcMetres(35.6812, 139.7671, 34.7025, 135.4959);
    EXPECT_NEAR(arc, 403e3, 1e3);
    EXPECT_NEAR(SiteDistance(spec, *spec.FindSite("tokyo"), *spec.FindSite("osaka")), arc, 1.0);
    EXPECT_NEAR(spec.links[0].Config<WiredLinkConfig>().length, 1.5 * arc, 1.5);
    // Within a plane in metres, lengths stay straight lines.
    const ScenarioSpec flat = Read(Scenario("", "[0km, 0km]", "[3km, 4km]"));
    EXPECT_DOUBLE_EQ(flat.links[0].Config<WiredLinkConfig>().length, 1.5 * 5000);
}

TEST(ScenarioSitesTest, WithoutAnOriginThePlaneTouchesTheEarthAtTheFirstSiteOnIt)
{
    const ScenarioSpec spec =
        Read(Scenario("", "[35.6812N, 139.7671E, 40m]", "[34.7025N, 135.4959E]"));
    ASSERT_TRUE(spec.origin);
    EXPECT_FALSE(spec.originWritten);
    EXPECT_DOUBLE_EQ(spec.origin->latitudeDeg, 35.6812);
    EXPECT_DOUBLE_EQ(spec.FindSite("tokyo")->x, 0.0);
    EXPECT_DOUBLE_EQ(spec.FindSite("tokyo")->earth->altitudeM, 40.0);
    // A scenario in metres alone has no place on the Earth, as before origins existed.
    EXPECT_FALSE(Read(Scenario("", "[0km, 0km]", "[3km, 4km]")).origin);
}

TEST(ScenarioSitesTest, CoordinatesThatAreNoPlaceAreRefusedAtTheirFileLineColumn)
{
    EXPECT_EQ(ErrorOf(Scenario("", "[95N, 139.7E]", "[34.7N, 135.5E]")),
              "places.yaml:6:22: site 'tokyo': position: latitude 95N is beyond the pole; "
              "latitudes run from 90S to 90N");
    EXPECT_EQ(ErrorOf(Scenario("", "[35.7N, 190E]", "[34.7N, 135.5E]")),
              "places.yaml:6:29: site 'tokyo': position: longitude 190E is beyond 180 degrees; "
              "longitudes run from 180W to 180E");
    EXPECT_EQ(ErrorOf(Scenario("", "[35.7N, 2km]", "[34.7N, 135.5E]")),
              "places.yaml:6:29: site 'tokyo': position mixes a latitude or longitude (35.7N) "
              "with a length (2km); give both in metres, [east, north], or both in degrees, "
              "[latitude, longitude] such as [37.39N, 136.90E]");
    EXPECT_EQ(ErrorOf(Scenario("", "[139.7E, 35.7N]", "[34.7N, 135.5E]")),
              "places.yaml:6:22: site 'tokyo': position: the latitude comes first, with N or S, "
              "then the longitude with E or W, e.g. [37.39N, 136.90E]; '139.7E' is not a "
              "latitude");
    EXPECT_EQ(ErrorOf(Scenario("", "[35.7n, 139.7E]", "[34.7N, 135.5E]")),
              "places.yaml:6:22: site 'tokyo': position: write the hemisphere of '35.7n' as a "
              "capital letter (N, S, E or W)");
    EXPECT_EQ(ErrorOf(Scenario("", "[2km, 0km]", "[34.7N, 135.5E]")),
              "places.yaml:6:21: site 'tokyo' is placed in metres east and north, but site "
              "'osaka' by latitude and longitude: write the origin the metres are measured "
              "from, e.g. origin: [34.7N, 135.5E]");
    EXPECT_EQ(ErrorOf(Scenario("origin: [2km, 0km]", "[2km, 0km]", "[34.7N, 135.5E]")),
              "places.yaml:4:9: origin is a latitude and longitude with their hemispheres, e.g. "
              "[35.68N, 139.77E]");
    EXPECT_EQ(ErrorOf(Scenario("", "[2km, 0km, 30m]", "[3km, 0km]")),
              "places.yaml:6:32: site 'tokyo': position: a position in metres is [east, north]; "
              "an altitude comes with a latitude and longitude, e.g. [37.39N, 136.90E, 30m]");
    EXPECT_EQ(ErrorOf(Scenario("", "[35.7N, 139.7E, 12km]", "[34.7N, 135.5E]")),
              "places.yaml:6:37: site 'tokyo': position: altitude 12km is not a place on the "
              "ground; it is the height above the WGS84 ellipsoid, from -500m to 9km");
    // Honolulu from Tokyo: beyond the plane's reach.
    EXPECT_EQ(ErrorOf(Scenario("", "[35.7N, 139.7E]", "[21.3N, 157.9W]")),
              "places.yaml:7:21: site 'osaka' is 6201 km from the origin (35.7N, 139.7E); a "
              "scenario's sites lie within 3000 km of its origin, where its local plane stays "
              "within 11 % of the ground");
}
