/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-geo-frame.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnGeoFrame");

namespace
{

/// Degrees to radians.
constexpr double DEG = M_PI / 180.0;

/**
 * \brief Fill a ground point's local axes from its geodetic latitude and longitude.
 * \param p the point, with latitudeDeg and longitudeDeg set.
 */
void
SetAxes(NtnGroundPoint& p)
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

NtnGeoFrame::NtnGeoFrame()
    : NtnGeoFrame(0.0, 0.0, 0.0, GeographicPositions::WGS84)
{
}

NtnGeoFrame::NtnGeoFrame(double latitudeDeg,
                         double longitudeDeg,
                         double altitudeM,
                         GeographicPositions::EarthSpheroidType spheroid)
    : m_spheroid(spheroid)
{
    NS_ABORT_MSG_IF(!(std::abs(latitudeDeg) <= 90.0) || !std::isfinite(longitudeDeg) ||
                        !std::isfinite(altitudeM),
                    "NtnGeoFrame: origin (" << latitudeDeg << ", " << longitudeDeg << ", "
                                            << altitudeM << ") is not a place on the Earth");
    m_origin = MakePoint(latitudeDeg, longitudeDeg, altitudeM);
    m_enuToEcef.col(0) = m_origin.east;
    m_enuToEcef.col(1) = m_origin.north;
    m_enuToEcef.col(2) = m_origin.up;
}

const NtnGroundPoint&
NtnGeoFrame::GetOrigin() const
{
    return m_origin;
}

GeographicPositions::EarthSpheroidType
NtnGeoFrame::GetSpheroid() const
{
    return m_spheroid;
}

Eigen::Vector3d
NtnGeoFrame::GeographicToEcef(double latitudeDeg,
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

NtnGroundPoint
NtnGeoFrame::MakePoint(double latitudeDeg, double longitudeDeg, double altitudeM) const
{
    NtnGroundPoint p;
    p.latitudeDeg = latitudeDeg;
    p.longitudeDeg = longitudeDeg;
    p.altitudeM = altitudeM;
    p.ecef = GeographicToEcef(latitudeDeg, longitudeDeg, altitudeM, m_spheroid);
    SetAxes(p);
    return p;
}

NtnGroundPoint
NtnGeoFrame::MakePoint(const Vector& local) const
{
    const Vector geo = LocalToGeographic(local);
    NtnGroundPoint p;
    p.latitudeDeg = geo.x;
    p.longitudeDeg = geo.y;
    p.altitudeM = geo.z;
    // Keep the exact ECEF position rather than the one recomputed from the (1 m accurate)
    // iterative inverse, so a node's position and its ground point agree to the millimetre.
    p.ecef = LocalToEcef(local);
    SetAxes(p);
    return p;
}

Eigen::Vector3d
NtnGeoFrame::LocalToEcef(const Vector& local) const
{
    return m_origin.ecef + m_enuToEcef * Eigen::Vector3d(local.x, local.y, local.z);
}

Vector
NtnGeoFrame::EcefToLocal(const Eigen::Vector3d& ecef) const
{
    // The rotation is orthonormal: its inverse is its transpose.
    const Eigen::Vector3d enu = m_enuToEcef.transpose() * (ecef - m_origin.ecef);
    return Vector(enu.x(), enu.y(), enu.z());
}

Vector
NtnGeoFrame::GeographicToLocal(double latitudeDeg, double longitudeDeg, double altitudeM) const
{
    return EcefToLocal(GeographicToEcef(latitudeDeg, longitudeDeg, altitudeM, m_spheroid));
}

Vector
NtnGeoFrame::LocalToGeographic(const Vector& local) const
{
    const Eigen::Vector3d e = LocalToEcef(local);
    return GeographicPositions::CartesianToGeographicCoordinates(Vector(e.x(), e.y(), e.z()),
                                                                 m_spheroid);
}

double
NtnGeoFrame::GreatCircleDistance(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)
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
