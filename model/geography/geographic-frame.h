/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_GEOGRAPHIC_FRAME_H
#define BLUEPRINT_GEOGRAPHIC_FRAME_H

#include "ns3/geographic-positions.h"
#include "ns3/vector.h"

#include <Eigen/Dense>

namespace ns3
{
namespace blueprint
{

/**
 * \defgroup blueprint-geography Places on the Earth
 * \ingroup blueprint
 * WGS84 positions, the scenario's local plane and great-circle distances.
 */

/**
 * \ingroup blueprint-geography
 * \brief A point on (or above) the Earth, fixed in the Earth-centred Earth-fixed (ECEF) frame,
 * with its local east/north/up axes.
 *
 * "Up" is the ellipsoid normal (geodetic vertical) of the spheroid the point was made with, so
 * elevation angles computed from it are the ones an antenna installer measures.
 */
struct GroundPoint
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
 * \ingroup blueprint-geography
 * \brief Converts between WGS84 latitude/longitude/altitude, ECEF and a scenario's local plane.
 *
 * The local plane is the plane tangent to the spheroid at an origin: x is metres east and y
 * metres north of it, as ns-3 mobility models hold positions, and z is a height above the
 * spheroid (a node's antenna height over its site). A place on the Earth is put on the plane by
 * the orthographic projection of its foot point on the spheroid (its east and north components
 * in the origin's east/north/up frame), and a plane position is taken back to the Earth by the
 * inverse: the point of the spheroid that projects there, raised by z along its normal. So sites
 * given in x/y metres and sites given by latitude and longitude mix in one scenario. Lengths on
 * the plane shrink by cos(d / R) radially at a distance d from the origin (1.2 % at 1,000 km,
 * 0.01 % at 100 km): lengths between places given on the Earth are great-circle distances
 * instead (GreatCircleDistance), and the plane serves the radio geometry near each site.
 *
 * Conversions between geographic and ECEF coordinates are ns-3's GeographicPositions (WGS84 by
 * default, or ns-3's sphere of radius 6,371 km, the Earth model of the TR 38.821 delay tables);
 * the rotation between ECEF and east/north/up is the standard one (e.g. Misra & Enge, GPS, 2nd
 * ed., section 4.2), done with Eigen.
 */
class GeographicFrame
{
  public:
    /// Mean Earth radius R1 of the GRS80/WGS84 ellipsoid, m (Moritz, Geodetic Reference System
    /// 1980, Bulletin Geodesique 54(3), 1980): the radius of great-circle distances.
    static constexpr double MEAN_EARTH_RADIUS_M = 6371008.8;

    /// Create a frame anchored at latitude 0, longitude 0 on WGS84.
    GeographicFrame();

    /**
     * \brief Create a frame anchored at an origin.
     * \param latitudeDeg geodetic latitude of the origin, degrees (-90..90).
     * \param longitudeDeg longitude of the origin, degrees east.
     * \param altitudeM height of the origin above the spheroid, m (kept with the origin; the
     *        plane is tangent at the origin's foot point on the spheroid).
     * \param spheroid the Earth model (WGS84, GRS80 or SPHERE).
     */
    GeographicFrame(double latitudeDeg,
                    double longitudeDeg,
                    double altitudeM = 0.0,
                    GeographicPositions::EarthSpheroidType spheroid = GeographicPositions::WGS84);

    /// \return the origin, with its local axes.
    const GroundPoint& GetOrigin() const;

    /// \return the Earth model of the frame.
    GeographicPositions::EarthSpheroidType GetSpheroid() const;

    /**
     * \brief Make a ground point from geographic coordinates on this frame's spheroid.
     * \param latitudeDeg geodetic latitude, degrees.
     * \param longitudeDeg longitude, degrees east.
     * \param altitudeM height above the spheroid, m.
     * \return the point with its local axes.
     */
    GroundPoint MakePoint(double latitudeDeg, double longitudeDeg, double altitudeM) const;

    /**
     * \brief Make a ground point from a local-plane position.
     * \param local metres east and north of the origin on the plane, and the height above the
     *        spheroid.
     * \return the point with its local axes.
     * \throws std::invalid_argument when the position is beyond the plane's reach (a point the
     *         spheroid's visible half cannot project to).
     */
    GroundPoint MakePoint(const Vector& local) const;

    /**
     * \param local metres east and north of the origin on the plane, and the height above the
     *        spheroid.
     * \return the ECEF position, m.
     */
    Eigen::Vector3d LocalToEcef(const Vector& local) const;

    /**
     * \brief Place what is above (or on) the Earth on the local plane: the inverse of
     * LocalToEcef. Its foot point on the spheroid (the point under it along the ellipsoid
     * normal) is projected as GeographicToLocal projects a site; a point more than a quarter of
     * the Earth away from the origin falls inside the disc the near side covers.
     * \param ecef a position, ECEF, m.
     * \return metres east and north of the origin on the plane of the point under it, and its
     *         height above the spheroid, m (ns-3's CartesianToGeographicCoordinates, whose
     *         iteration stops within about 1 m).
     */
    Vector EcefToLocal(const Eigen::Vector3d& ecef) const;

    /**
     * \brief Place a geographic site on the local plane.
     * \param latitudeDeg geodetic latitude, degrees.
     * \param longitudeDeg longitude, degrees east.
     * \param altitudeM height above the spheroid, m.
     * \return metres east and north of the origin on the plane, and the height (altitudeM).
     */
    Vector GeographicToLocal(double latitudeDeg, double longitudeDeg, double altitudeM) const;

    /**
     * \param local metres east and north of the origin on the plane, and the height.
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
    /**
     * \param x metres east of the origin on the plane.
     * \param y metres north of it.
     * \return the foot point on the spheroid that projects there, ECEF.
     * \throws std::invalid_argument when none does.
     */
    Eigen::Vector3d FootPoint(double x, double y) const;

    GeographicPositions::EarthSpheroidType m_spheroid; //!< Earth model
    GroundPoint m_origin;                              //!< origin and its axes
    Eigen::Vector3d m_foot;                            //!< the origin's foot point, ECEF
    double m_equatorialRadiusM;                        //!< the spheroid's semi-major axis, m
    double m_polarRadiusM;                             //!< its semi-minor axis, m
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_GEOGRAPHIC_FRAME_H */
