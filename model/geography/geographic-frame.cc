/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/geography/geographic-frame.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintGeographicFrame");

namespace
{

/// Degrees to radians.
constexpr double DEG = M_PI / 180.0;

/**
 * \brief Fill a ground point's local axes from its geodetic latitude and longitude.
 * \param p the point, with latitudeDeg and longitudeDeg set.
 */
void
SetAxes(GroundPoint& p)
{
    const double lat = p.latitudeDeg * DEG;
    const double lon = p.longitudeDeg * DEG;
    p.east = Eigen::Vector3d(-std::sin(lon), std::cos(lon), 0.0);
    p.north = Eigen::Vector3d(-std::sin(lat) * std::cos(lon),
                              -std::sin(lat) * std::sin(lon),
                              std::cos(lat));
    p.up = Eigen::Vector3d(std::cos(lat) * std::cos(lon),
                           std::cos(lat) * std::sin(lon),
                           std::sin(lat));
}

} // namespace

GeographicFrame::GeographicFrame()
    : GeographicFrame(0.0, 0.0, 0.0, GeographicPositions::WGS84)
{
}

GeographicFrame::GeographicFrame(double latitudeDeg,
                                 double longitudeDeg,
                                 double altitudeM,
                                 GeographicPositions::EarthSpheroidType spheroid)
    : m_spheroid(spheroid)
{
    NS_ABORT_MSG_IF(!(std::abs(latitudeDeg) <= 90.0) || !std::isfinite(longitudeDeg) ||
                        !std::isfinite(altitudeM),
                    "GeographicFrame: origin (" << latitudeDeg << ", " << longitudeDeg << ", "
                                                << altitudeM << ") is not a place on the Earth");
    // The spheroid's semi-axes, as ns-3's conversion has them.
    m_equatorialRadiusM = GeographicToEcef(0.0, 0.0, 0.0, spheroid).norm();
    m_polarRadiusM = GeographicToEcef(90.0, 0.0, 0.0, spheroid).norm();
    m_origin = MakePoint(latitudeDeg, longitudeDeg, altitudeM);
    m_foot = GeographicToEcef(latitudeDeg, longitudeDeg, 0.0, spheroid);
}

const GroundPoint&
GeographicFrame::GetOrigin() const
{
    return m_origin;
}

GeographicPositions::EarthSpheroidType
GeographicFrame::GetSpheroid() const
{
    return m_spheroid;
}

Eigen::Vector3d
GeographicFrame::GeographicToEcef(double latitudeDeg,
                                  double longitudeDeg,
                                  double altitudeM,
                                  GeographicPositions::EarthSpheroidType spheroid)
{
    const Vector v = GeographicPositions::GeographicToCartesianCoordinates(latitudeDeg,
                                                                           longitudeDeg,
                                                                           altitudeM,
                                                                           spheroid);
    return Eigen::Vector3d(v.x, v.y, v.z);
}

GroundPoint
GeographicFrame::MakePoint(double latitudeDeg, double longitudeDeg, double altitudeM) const
{
    GroundPoint p;
    p.latitudeDeg = latitudeDeg;
    p.longitudeDeg = longitudeDeg;
    p.altitudeM = altitudeM;
    p.ecef = GeographicToEcef(latitudeDeg, longitudeDeg, altitudeM, m_spheroid);
    SetAxes(p);
    return p;
}

Eigen::Vector3d
GeographicFrame::FootPoint(double x, double y) const
{
    // The line through the plane position along the origin's up axis meets the spheroid
    // (X^2 + Y^2) / a^2 + Z^2 / b^2 = 1 where A s^2 + B s + C = 0; the larger root is the near
    // side, the one the plane touches.
    const Eigen::Vector3d q = m_foot + m_origin.east * x + m_origin.north * y;
    const Eigen::Vector3d& d = m_origin.up;
    const Eigen::Vector3d w(1.0 / (m_equatorialRadiusM * m_equatorialRadiusM),
                            1.0 / (m_equatorialRadiusM * m_equatorialRadiusM),
                            1.0 / (m_polarRadiusM * m_polarRadiusM));
    const double a = (d.cwiseProduct(d)).dot(w);
    const double b = 2.0 * (q.cwiseProduct(d)).dot(w);
    const double c = (q.cwiseProduct(q)).dot(w) - 1.0;
    const double discriminant = b * b - 4.0 * a * c;
    if (!(discriminant >= 0.0))
    {
        throw std::invalid_argument("the plane position is beyond the Earth's visible half from "
                                    "the origin");
    }
    const double s = (-b + std::sqrt(discriminant)) / (2.0 * a);
    return q + d * s;
}

GroundPoint
GeographicFrame::MakePoint(const Vector& local) const
{
    const Eigen::Vector3d foot = FootPoint(local.x, local.y);
    // The geodetic vertical at a point of the spheroid is its normal, the gradient of the
    // spheroid's equation: exact, where ns-3's inverse iterates to about 1 m.
    const Eigen::Vector3d normal =
        Eigen::Vector3d(foot.x() / m_equatorialRadiusM,
                        foot.y() / m_equatorialRadiusM,
                        foot.z() * m_equatorialRadiusM / (m_polarRadiusM * m_polarRadiusM))
            .normalized();
    GroundPoint p;
    p.latitudeDeg = std::atan2(normal.z(), std::hypot(normal.x(), normal.y())) / DEG;
    p.longitudeDeg = std::atan2(foot.y(), foot.x()) / DEG;
    p.altitudeM = local.z;
    p.ecef = foot + normal * local.z;
    SetAxes(p);
    return p;
}

Eigen::Vector3d
GeographicFrame::LocalToEcef(const Vector& local) const
{
    return MakePoint(local).ecef;
}

Vector
GeographicFrame::GeographicToLocal(double latitudeDeg, double longitudeDeg, double altitudeM) const
{
    const Eigen::Vector3d foot = GeographicToEcef(latitudeDeg, longitudeDeg, 0.0, m_spheroid);
    const Eigen::Vector3d offset = foot - m_foot;
    return Vector(offset.dot(m_origin.east), offset.dot(m_origin.north), altitudeM);
}

Vector
GeographicFrame::EcefToLocal(const Eigen::Vector3d& ecef) const
{
    const Vector geographic =
        GeographicPositions::CartesianToGeographicCoordinates(Vector(ecef.x(), ecef.y(), ecef.z()),
                                                              m_spheroid);
    return GeographicToLocal(geographic.x, geographic.y, geographic.z);
}

Vector
GeographicFrame::LocalToGeographic(const Vector& local) const
{
    const GroundPoint p = MakePoint(local);
    return Vector(p.latitudeDeg, p.longitudeDeg, p.altitudeM);
}

double
GeographicFrame::GreatCircleDistance(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
{
    const double p1 = lat1Deg * DEG;
    const double p2 = lat2Deg * DEG;
    const double dp = (lat2Deg - lat1Deg) * DEG;
    const double dl = (lon2Deg - lon1Deg) * DEG;
    const double h = std::sin(dp / 2) * std::sin(dp / 2) +
                     std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2.0 * MEAN_EARTH_RADIUS_M * std::asin(std::min(1.0, std::sqrt(h)));
}

} // namespace blueprint
} // namespace ns3
