/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * GeographicFrame: WGS84 places, the scenario's local plane and great-circle distances.
 */

#include "model/geography/geographic-frame.h"

#include <cmath>
#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::blueprint;

TEST(GeographicFrame, LocalPlaneAndGeographicCoordinatesConvertBothWays)
{
    const GeographicFrame frame(35.6812, 139.7671, 40.0);                  // Tokyo station
    const Vector local = frame.GeographicToLocal(36.5613, 136.6562, 10.0); // Kanazawa
    const Vector back = frame.LocalToGeographic(local);
    EXPECT_NEAR(back.x, 36.5613, 1e-9);
    EXPECT_NEAR(back.y, 136.6562, 1e-9);
    EXPECT_DOUBLE_EQ(back.z, 10.0); // z is the height above the ellipsoid, kept as given
    // Kanazawa is west and north of Tokyo.
    EXPECT_LT(local.x, -250e3);
    EXPECT_GT(local.y, 80e3);
    // The origin is at the plane's origin.
    const Vector o = frame.GeographicToLocal(35.6812, 139.7671, 40.0);
    EXPECT_NEAR(o.x, 0.0, 1e-6);
    EXPECT_NEAR(o.y, 0.0, 1e-6);
}

TEST(GeographicFrame, APlanePositionIsThePlaceAtItsHeightAboveTheEllipsoid)
{
    const GeographicFrame frame(35.6812, 139.7671);
    // A node's position (x, y on the plane, z its height) is the place whose foot projects to
    // (x, y), raised by z along the ellipsoid normal: the ECEF point of (lat, lon, z).
    const Vector local = frame.GeographicToLocal(34.0735, 139.4868, 0.0); // Miyakejima
    const GroundPoint p = frame.MakePoint(Vector(local.x, local.y, 25.0));
    const Eigen::Vector3d expected =
        GeographicFrame::GeographicToEcef(34.0735, 139.4868, 25.0, GeographicPositions::WGS84);
    EXPECT_LT((p.ecef - expected).norm(), 1e-3);
    EXPECT_NEAR(p.latitudeDeg, 34.0735, 1e-9);
    EXPECT_NEAR(p.altitudeM, 25.0, 1e-12);
    // Its up axis is the ellipsoid normal there.
    EXPECT_NEAR(p.up.dot(frame.MakePoint(34.0735, 139.4868, 0.0).up), 1.0, 1e-12);
}

TEST(GeographicFrame, PlaneLengthsNearTheOriginAreGroundLengths)
{
    // The orthographic plane shrinks radial lengths by cos(d / R): 0.01 % at 100 km. The ground
    // length here is the straight line between the two places on the ellipsoid, within a metre
    // of the arc at 100 km (the mean-radius great circle differs from the ellipsoid's meridian
    // by 0.2 % at this latitude, which is not the plane's doing).
    const GeographicFrame frame(37.39, 136.90);
    const Vector a = frame.GeographicToLocal(37.39, 136.90, 0.0);
    const Vector b = frame.GeographicToLocal(38.29, 136.90, 0.0); // about 100 km north
    const double plane = std::hypot(b.x - a.x, b.y - a.y);
    const double ground =
        (GeographicFrame::GeographicToEcef(38.29, 136.90, 0.0, GeographicPositions::WGS84) -
         GeographicFrame::GeographicToEcef(37.39, 136.90, 0.0, GeographicPositions::WGS84))
            .norm();
    EXPECT_NEAR(ground, 100e3, 1e3);
    EXPECT_NEAR(plane / ground, 1.0, 2e-4);
}

TEST(GeographicFrame, APositionBeyondTheEarthsVisibleHalfIsRefused)
{
    const GeographicFrame frame(0.0, 0.0);
    EXPECT_THROW(frame.MakePoint(Vector(7000e3, 0.0, 0.0)), std::invalid_argument);
}

TEST(GeographicFrame, GreatCircleDistanceIsTheArcOnTheMeanRadiusSphere)
{
    // One degree of a great circle on R1 = 6,371,008.8 m is 111,195.08 m; a quarter meridian
    // is 10,007.5 km.
    EXPECT_NEAR(GeographicFrame::GreatCircleDistance(0, 0, 0, 1), 111195.08, 0.01);
    EXPECT_NEAR(GeographicFrame::GreatCircleDistance(0, 0, 90, 0), 10007557.2, 0.1);
    EXPECT_NEAR(GeographicFrame::GreatCircleDistance(10, 20, 10, 20), 0.0, 1e-9);
}
