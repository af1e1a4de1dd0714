/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_GEO_PLATFORM_H
#define BLUEPRINT_NTN_GEO_PLATFORM_H

#include "model/ntn/ntn-platform.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief One geostationary satellite at a longitude.
 *
 * Fixed in ECEF on the equator at radius EarthRadius + Altitude (35,786 km above the equatorial
 * radius 6,378.137 km gives the geostationary radius 42,164 km). Station-keeping drift
 * (+/- 0.05 degrees) is ignored. A terminal keeps the satellite for the whole run.
 */
class NtnGeoPlatform : public NtnPlatform
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnGeoPlatform();

    uint32_t GetN() const override;
    Eigen::Vector3d GetPosition(uint32_t index, Time t) const override;
    std::string GetPlatformName(uint32_t index) const override;

  private:
    double m_longitudeDeg; //!< sub-satellite longitude, degrees east
    double m_altitude;     //!< above EarthRadius, m
    double m_earthRadius;  //!< reference radius, m
};

/**
 * \ingroup blueprint-ntn
 * \brief One high-altitude platform station holding station over a point.
 *
 * A HAPS (ITU Radio Regulations No. 1.66A: a station at 20 to 50 km) at Altitude above the WGS84
 * ellipsoid over Latitude/Longitude. Real platforms fly a circle of a few km around the point;
 * this model keeps the point (a 2 km circle changes a 20 km slant range by at most 0.1 km). A
 * terminal keeps the platform for the whole run.
 */
class NtnHapsPlatform : public NtnPlatform
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnHapsPlatform();

    uint32_t GetN() const override;
    Eigen::Vector3d GetPosition(uint32_t index, Time t) const override;
    std::string GetPlatformName(uint32_t index) const override;

  private:
    double m_latitudeDeg;  //!< latitude of the station, degrees
    double m_longitudeDeg; //!< longitude of the station, degrees east
    double m_altitude;     //!< above the WGS84 ellipsoid, m
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_GEO_PLATFORM_H */
