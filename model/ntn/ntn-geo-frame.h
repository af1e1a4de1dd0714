/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_GEO_FRAME_H
#define BLUEPRINT_NTN_GEO_FRAME_H

#include "ns3/geographic-positions.h"
#include "ns3/vector.h"

#include <Eigen/Dense>

namespace ns3
{
namespace blueprint
{

/**
 * \defgroup blueprint-ntn Non-terrestrial networks (LEO, GEO, HAPS)
 * \ingroup blueprint
 * Satellites and high-altitude platforms: orbits and geometry, TR 38.811 link budgets, ITU-R
 * rain, DVB-S2X adaptive coding and modulation, beam sharing and packet carriage.
 */

/**
 * \ingroup blueprint-ntn
 * \brief A point on (or above) the Earth, fixed in the Earth-centred Earth-fixed (ECEF) frame,
 * with its local east/north/up axes.
 *
 * "Up" is the ellipsoid normal (geodetic vertical) of the spheroid the point was made with, so
 * elevation angles computed from it are the ones an antenna installer measures.
 */
struct NtnGroundPoint
{
    Eigen::Vector3d ecef{0, 0, 0};  //!< position, m (ECEF)
    Eigen::Vector3d east{0, 1, 0};  //!< local east unit vector
    Eigen::Vector3d north{0, 0, 1}; //!< local north unit vector
    Eigen::Vector3d up{1, 0, 0};    //!< local up unit vector (ellipsoid normal)
    double latitudeDeg = 0.0;       //!< geodetic latitude, degrees
    double longitudeDeg = 0.0;      //!< longitude, degrees east
    double altitudeM = 0.0;         //!< height above the spheroid, m
};

/**
 * \ingroup blueprint-ntn
 * \brief Converts between WGS84 latitude/longitude/altitude, ECEF and a local plane.
 *
 * The local plane is the east/north/up (ENU) frame tangent to the spheroid at an origin: x is
 * metres east, y metres north, z metres up, as ns-3 mobility models hold positions. Scenario
 * sites given in x/y metres are read as ENU coordinates around that origin, sites given by
 * latitude and longitude are converted into it, so both kinds mix in one scenario. Conversions
 * between geographic and ECEF coordinates are ns-3's GeographicPositions (WGS84 by default, or
 * ns-3's sphere of radius 6,371 km, the Earth model of the TR 38.821 delay tables); the rotation
 * between ECEF and ENU is the standard one (e.g. Misra & Enge, GPS, 2nd ed., section 4.2).
 */
class NtnGeoFrame
{
  public:
    /// Mean Earth radius R1 of the GRS80/WGS84 ellipsoid, m (Moritz, Geodetic Reference System
    /// 1980, Bulletin Geodesique 54(3), 1980): the radius of great-circle distances.
    static constexpr double MEAN_EARTH_RADIUS_M = 6371008.8;

    /// Create a frame anchored at latitude 0, longitude 0, altitude 0 on WGS84.
    NtnGeoFrame();

    /**
     * \brief Create a frame anchored at an origin.
     * \param latitudeDeg geodetic latitude of the origin, degrees (-90..90).
     * \param longitudeDeg longitude of the origin, degrees east.
     * \param altitudeM height of the origin above the spheroid, m.
     * \param spheroid the Earth model (WGS84, GRS80 or SPHERE).
     */
    NtnGeoFrame(double latitudeDeg,
                double longitudeDeg,
                double altitudeM,
                GeographicPositions::EarthSpheroidType spheroid = GeographicPositions::WGS84);

    /// \return the origin, with its local axes.
    const NtnGroundPoint& GetOrigin() const;

    /// \return the Earth model of the frame.
    GeographicPositions::EarthSpheroidType GetSpheroid() const;

    /**
     * \brief Make a ground point from geographic coordinates on this frame's spheroid.
     * \param latitudeDeg geodetic latitude, degrees.
     * \param longitudeDeg longitude, degrees east.
     * \param altitudeM height above the spheroid, m.
     * \return the point with its local axes.
     */
    NtnGroundPoint MakePoint(double latitudeDeg, double longitudeDeg, double altitudeM) const;

    /**
     * \brief Make a ground point from a local-plane position.
     * \param local metres east, north and up of the origin.
     * \return the point with its local axes.
     */
    NtnGroundPoint MakePoint(const Vector& local) const;

    /**
     * \param local metres east, north and up of the origin.
     * \return the ECEF position, m.
     */
    Eigen::Vector3d LocalToEcef(const Vector& local) const;

    /**
     * \param ecef an ECEF position, m.
     * \return metres east, north and up of the origin.
     */
    Vector EcefToLocal(const Eigen::Vector3d& ecef) const;

    /**
     * \brief Place a geographic site on the local plane.
     * \param latitudeDeg geodetic latitude, degrees.
     * \param longitudeDeg longitude, degrees east.
     * \param altitudeM height above the spheroid, m.
     * \return metres east, north and up of the origin.
     */
    Vector GeographicToLocal(double latitudeDeg, double longitudeDeg, double altitudeM) const;

    /**
     * \param local metres east, north and up of the origin.
     * \return (latitude deg, longitude deg, altitude m) as x, y, z.
     */
    Vector LocalToGeographic(const Vector& local) const;

    /**
     * \brief Great-circle distance on the mean-radius sphere (haversine formula, R. W. Sinnott,
     * "Virtues of the haversine", Sky and Telescope 68(2), 1984).
     * \param lat1Deg latitude of the first site, degrees.
     * \param lon1Deg longitude of the first site, degrees.
     * \param lat2Deg latitude of the second site, degrees.
     * \param lon2Deg longitude of the second site, degrees.
     * \return the distance along the Earth's surface, m.
     */
    static double GreatCircleDistance(double lat1Deg,
                                      double lon1Deg,
                                      double lat2Deg,
                                      double lon2Deg);

    /**
     * \brief Convert geographic coordinates to ECEF.
     * \param latitudeDeg geodetic latitude, degrees.
     * \param longitudeDeg longitude, degrees east.
     * \param altitudeM height above the spheroid, m.
     * \param spheroid the Earth model.
     * \return the ECEF position, m.
     */
    static Eigen::Vector3d GeographicToEcef(double latitudeDeg,
                                            double longitudeDeg,
                                            double altitudeM,
                                            GeographicPositions::EarthSpheroidType spheroid);

  private:
    GeographicPositions::EarthSpheroidType m_spheroid; //!< Earth model
    NtnGroundPoint m_origin;                           //!< origin and its axes
    Eigen::Matrix3d m_enuToEcef;                       //!< columns: east, north, up
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_GEO_FRAME_H */
