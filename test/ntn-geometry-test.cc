/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NTN geometry: places on the Earth, Walker shells and delays from geometry.
 *
 * The round-trip delays of TR 38.821 (3GPP TR 38.821 V16.1.0 Table 5.3.2.1-1, repeated in TR
 * 36.763 Tables 6.1-1 and 7.1-1: maximum transparent RTD GEO 541.46 ms, LEO-600 25.77 ms,
 * LEO-1200 41.77 ms at 10 degrees with the gateway at the same elevation; regenerative half of
 * that; minimum GEO 477.48 ms) are reproduced here from positions: a platform is placed, a
 * terminal and a gateway are found on the 6,371 km sphere of the TR's geometry at the stated
 * elevation, and the channel's light-time delays are read.
 */

#include "helper/technology/ntn/ntn-helper.h"
#include "model/geography/geographic-frame.h"
#include "model/ntn/ntn-channel.h"
#include "model/ntn/ntn-geo-platform.h"
#include "model/ntn/ntn-terminal-net-device.h"
#include "model/ntn/ntn-walker-constellation.h"

#include "ns3/core-module.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// A node standing at a local-plane position.
Ptr<Node>
NodeAt(const Vector& position)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(position);
    node->AggregateObject(m);
    return node;
}

/**
 * The latitude on meridian 0 of the sphere where a fixed position is seen at an elevation
 * (bisection: elevation falls as the point moves away from the sub-platform point).
 */
double
LatitudeAtElevation(const GeographicFrame& frame, const Eigen::Vector3d& platform, double elevation)
{
    double lo = 0.0;
    double hi = 89.0;
    for (int i = 0; i < 100; ++i)
    {
        const double mid = (lo + hi) / 2;
        const double el = NtnLook(frame.MakePoint(mid, 0.0, 0.0), platform).elevationDeg;
        (el > elevation ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

/// Round trips of a terminal and gateway seen at one elevation from one platform.
struct RoundTrips
{
    double transparentMs;  //!< terminal - platform - gateway and back
    double regenerativeMs; //!< terminal - platform and back
};

/**
 * Place a platform over latitude 0 longitude 0, a terminal north and a gateway south of it at
 * the elevation, and read the channel's delays.
 */
RoundTrips
MeasureRoundTrips(double altitudeM, double elevationDeg)
{
    const GeographicFrame frame(0.0, 0.0, 0.0, GeographicPositions::SPHERE);
    Ptr<NtnPlatform> platform;
    if (altitudeM > 30000e3)
    {
        Ptr<NtnGeoPlatform> geo = CreateObject<NtnGeoPlatform>();
        geo->SetAttribute("Longitude", DoubleValue(0.0));
        geo->SetAttribute("Altitude", DoubleValue(altitudeM));
        geo->SetAttribute("EarthRadius", DoubleValue(6371e3));
        platform = geo;
    }
    else
    {
        // One satellite on an equatorial orbit, over longitude 0 at t = 0.
        Ptr<NtnWalkerConstellation> shell = CreateObject<NtnWalkerConstellation>();
        shell->SetAttribute("Altitude", DoubleValue(altitudeM));
        shell->SetAttribute("Inclination", DoubleValue(0.0));
        shell->SetAttribute("Planes", UintegerValue(1));
        shell->SetAttribute("SatellitesPerPlane", UintegerValue(1));
        shell->SetAttribute("ReassignmentPeriod", TimeValue(Seconds(0)));
        platform = shell;
    }
    const Eigen::Vector3d at = platform->GetPosition(0, Seconds(0));
    const double lat = elevationDeg >= 90.0 ? 0.0 : LatitudeAtElevation(frame, at, elevationDeg);
    NtnHelper helper;
    Ptr<NtnChannel> channel =
        helper.CreateChannel(platform, *NtnBeamParameters::Find("geo-ka"), frame);
    channel->SetAttribute("GatewayMinElevation", DoubleValue(0.0));
    NtnTerminalParameters terminal = *NtnTerminalParameters::Find("vsat");
    terminal.minElevationDeg = 0.0;
    helper.InstallGateway(NodeAt(frame.GeographicToLocal(-lat, 0.0, 0.0)), channel);
    NodeContainer ut(NodeAt(frame.GeographicToLocal(lat, 0.0, 0.0)));
    helper.InstallTerminals(ut, channel, terminal);
    channel->Start();
    EXPECT_EQ(channel->GetServingPlatform(0), 0);
    RoundTrips r;
    r.transparentMs = (channel->GetPropagationDelay(0, true, Seconds(0)) +
                       channel->GetPropagationDelay(0, false, Seconds(0)))
                          .GetSeconds() *
                      1e3;
    r.regenerativeMs = (channel->GetServiceLinkDelay(0, true, Seconds(0)) +
                        channel->GetServiceLinkDelay(0, false, Seconds(0)))
                           .GetSeconds() *
                       1e3;
    Simulator::Destroy();
    return r;
}

} // namespace

TEST(NtnGeometry, RoundTripFromGeometryReproducesTr38821AtTenAndNinetyDegrees)
{
    struct Case
    {
        const char* name;
        double altitudeM;
        double elevationDeg;
        double transparentMs; // TR 38.821 Table 5.3.2.1-1 (10 deg), 4 h / c (90 deg)
        double regenerativeMs;
    };

    const std::vector<Case> cases = {
        {"GEO 10", 35786e3, 10.0, 541.46, 270.73},
        {"GEO 90", 35786e3, 90.0, 477.48, 238.74},
        {"LEO-600 10", 600e3, 10.0, 25.77, 12.89},
        {"LEO-600 90", 600e3, 90.0, 8.01, 4.00},
        {"LEO-1200 10", 1200e3, 10.0, 41.77, 20.89},
        {"LEO-1200 90", 1200e3, 90.0, 16.01, 8.01},
    };
    for (const Case& c : cases)
    {
        const RoundTrips r = MeasureRoundTrips(c.altitudeM, c.elevationDeg);
        EXPECT_NEAR(r.transparentMs, c.transparentMs, 0.1) << c.name;
        EXPECT_NEAR(r.regenerativeMs, c.regenerativeMs, 0.1) << c.name;
    }
}

TEST(NtnWalkerConstellation, StarlinkShellHasItsCountAndPeriod)
{
    Ptr<NtnWalkerConstellation> shell = NtnWalkerConstellation::CreateStarlinkShell1();
    EXPECT_EQ(shell->GetN(), 1584u);
    // 2 pi sqrt(a^3 / GM) at a = 6,921 km: 95.5 min (about 15.1 revolutions a day).
    EXPECT_NEAR(shell->GetOrbitalPeriod().GetMinutes(), 95.5, 0.1);
    // After one period a satellite is back at its inertial place: in ECEF, the initial place
    // turned by the Earth's rotation over that period.
    const Time period = shell->GetOrbitalPeriod();
    for (uint32_t sat : {0u, 17u, 1583u})
    {
        const Eigen::Vector3d p0 = shell->GetPosition(sat, Seconds(0));
        const Eigen::Vector3d p1 = shell->GetPosition(sat, period);
        const double theta = NTN_EARTH_ROTATION * period.GetSeconds();
        const Eigen::Vector3d turned(std::cos(theta) * p0.x() + std::sin(theta) * p0.y(),
                                     -std::sin(theta) * p0.x() + std::cos(theta) * p0.y(),
                                     p0.z());
        EXPECT_LT((p1 - turned).norm(), 1.0) << "satellite " << sat;
        EXPECT_NEAR(p0.norm(), 6921e3, 1e-3);
    }
}

TEST(NtnWalkerConstellation, VisibleSatellitesAt35NorthMatchTheShellDensity)
{
    // Expected number above 25 degrees at latitude phi for a uniform shell of N satellites at
    // inclination i: N (1 - cos psi) / (pi sqrt(sin^2 i - sin^2 phi)), psi the Earth central
    // angle of the 25-degree cone (the latitude density of an inclined circular orbit, e.g.
    // Wertz, Mission Geometry, 2001, section 9.4). For 550 km, 53 deg, 35 deg N: 9.9.
    Ptr<NtnWalkerConstellation> shell = NtnWalkerConstellation::CreateStarlinkShell1();
    const GeographicFrame frame;
    const GroundPoint ground = frame.MakePoint(35.0, 139.7, 0.0);
    const double a = shell->GetOrbitRadius();
    const double el = 25.0 * M_PI / 180;
    const double psi = std::acos(ground.ecef.norm() * std::cos(el) / a) - el;
    const double inc = 53.0 * M_PI / 180;
    const double phi = 35.0 * M_PI / 180;
    const double expected =
        1584 * (1 - std::cos(psi)) /
        (M_PI * std::sqrt(std::sin(inc) * std::sin(inc) - std::sin(phi) * std::sin(phi)));
    double sum = 0;
    uint32_t samples = 0;
    std::vector<uint32_t> fast;
    std::vector<uint32_t> exhaustive;
    // Every 30 s over two orbits.
    for (double t = 0; t < 2 * shell->GetOrbitalPeriod().GetSeconds(); t += 30.0)
    {
        shell->FindVisible(ground, Seconds(t), 25.0, fast);
        shell->FindVisibleExhaustive(ground, Seconds(t), 25.0, exhaustive);
        ASSERT_EQ(fast, exhaustive) << "at t = " << t << " s";
        sum += fast.size();
        ++samples;
    }
    const double mean = sum / samples;
    EXPECT_NEAR(expected, 9.9, 0.1);
    EXPECT_NEAR(mean, expected, 0.1 * expected);
}

TEST(NtnWalkerConstellation, InterSatelliteRoutesStepBetweenGridNeighbours)
{
    Ptr<NtnWalkerConstellation> shell = NtnWalkerConstellation::CreateStarlinkShell1();
    const std::vector<uint32_t> route = shell->RouteInterSatellite(5, 22 * 70 + 19, Seconds(100));
    ASSERT_GE(route.size(), 2u);
    EXPECT_EQ(route.front(), 5u);
    EXPECT_EQ(route.back(), 22u * 70 + 19);
    // 2 planes back (72 -> 70, the short way round) and 8 slots back (22 -> 19 from 5).
    EXPECT_EQ(route.size(), 1u + 2 + 8);
    for (std::size_t k = 1; k < route.size(); ++k)
    {
        EXPECT_TRUE(shell->HasInterSatelliteLink(route[k - 1], route[k]));
    }
}

namespace
{

/// A Starlink-like shell that counts the positions asked of it.
class CountingShell : public NtnWalkerConstellation
{
  public:
    Eigen::Vector3d GetPosition(uint32_t index, Time t) const override
    {
        ++m_asked;
        return NtnWalkerConstellation::GetPosition(index, t);
    }

    mutable uint64_t m_asked = 0; //!< positions asked so far
};

} // namespace

TEST(NtnGeometry, TerminalsBoundsCostTerminalsNotSatellitesTimesTerminals)
{
    // Each terminal's propagation bound needs the shell's lowest orbit radius: looked up once per
    // channel, not once per terminal (1,584 positions for each of 200 terminals was the set-up
    // cost of the NTN benchmark's 1,000 dishes).
    Ptr<CountingShell> shell = CreateObject<CountingShell>();
    const GeographicFrame frame(35.68, 139.77);
    NtnHelper helper;
    Ptr<NtnChannel> channel =
        helper.CreateChannel(shell, *NtnBeamParameters::Find("leo600-ka"), frame);
    helper.InstallGateway(NodeAt(frame.GeographicToLocal(36.40, 140.55, 0.0)), channel);
    NodeContainer terminals;
    for (uint32_t i = 0; i < 200; ++i)
    {
        terminals.Add(NodeAt(frame.GeographicToLocal(35.0 + i * 0.01, 139.0, 0.0)));
    }
    helper.InstallTerminals(terminals, channel, *NtnTerminalParameters::Find("standard-dish"));
    shell->m_asked = 0;
    for (uint32_t t = 0; t < 200; ++t)
    {
        EXPECT_GT(channel->GetPropagationLowerBound(t).GetSeconds(), 2 * 549e3 / 299792458.0);
    }
    EXPECT_LE(shell->m_asked, shell->GetN());
    Simulator::Destroy();
}

namespace
{

/// Collects the Reassignment trace's (from, to) pairs.
void
RecordReassignment(std::vector<std::pair<int64_t, int64_t>>* changes,
                   uint32_t terminal,
                   int64_t from,
                   int64_t to)
{
    changes->emplace_back(from, to);
}

} // namespace

TEST(NtnGeometry, ATerminalNoPlatformServesHasServingPlatformMinusOne)
{
    // One equatorial satellite over longitude 0; one terminal under it, one on the far side.
    const GeographicFrame frame(0.0, 0.0, 0.0, GeographicPositions::SPHERE);
    Ptr<NtnWalkerConstellation> shell = CreateObject<NtnWalkerConstellation>();
    shell->SetAttribute("Altitude", DoubleValue(550e3));
    shell->SetAttribute("Inclination", DoubleValue(0.0));
    shell->SetAttribute("Planes", UintegerValue(1));
    shell->SetAttribute("SatellitesPerPlane", UintegerValue(1));
    shell->SetAttribute("ReassignmentPeriod", TimeValue(Seconds(0)));
    NtnHelper helper;
    Ptr<NtnChannel> channel =
        helper.CreateChannel(shell, *NtnBeamParameters::Find("geo-ka"), frame);
    channel->SetAttribute("GatewayMinElevation", DoubleValue(0.0));
    std::vector<std::pair<int64_t, int64_t>> changes;
    channel->TraceConnectWithoutContext("Reassignment",
                                        MakeBoundCallback(&RecordReassignment, &changes));
    helper.InstallGateway(NodeAt(frame.GeographicToLocal(1.0, 0.0, 0.0)), channel);
    NodeContainer near(NodeAt(frame.GeographicToLocal(-1.0, 0.0, 0.0)));
    helper.InstallTerminals(near, channel, *NtnTerminalParameters::Find("vsat"));
    NodeContainer far;
    far.Create(1);
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    far.Get(0)->AggregateObject(m);
    helper.InstallTerminals(far,
                            channel,
                            *NtnTerminalParameters::Find("vsat"),
                            0,
                            {frame.MakePoint(0.0, 180.0, 0.0)});
    // Before the run starts nothing serves anyone.
    EXPECT_EQ(channel->GetServingPlatform(0), -1);
    EXPECT_EQ(channel->GetServingPlatform(1), -1);
    channel->Start();
    EXPECT_EQ(channel->GetServingPlatform(0), 0);
    EXPECT_EQ(channel->GetServingPlatform(1), -1); // the satellite is below its horizon
    // The first assignment comes from no platform.
    ASSERT_FALSE(changes.empty());
    EXPECT_EQ(changes.front(), std::make_pair(int64_t{-1}, int64_t{0}));
    Simulator::Destroy();
}
