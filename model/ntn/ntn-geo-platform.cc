/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-geo-platform.h"

#include "ns3/double.h"
#include "ns3/log.h"

#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnGeoPlatform");

NS_OBJECT_ENSURE_REGISTERED(NtnGeoPlatform);
NS_OBJECT_ENSURE_REGISTERED(NtnHapsPlatform);

TypeId
NtnGeoPlatform::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnGeoPlatform")
            .SetParent<NtnPlatform>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnGeoPlatform>()
            .AddAttribute("Longitude",
                          "Sub-satellite longitude, degrees east.",
                          DoubleValue(140.0),
                          MakeDoubleAccessor(&NtnGeoPlatform::m_longitudeDeg),
                          MakeDoubleChecker<double>(-180.0, 360.0))
            .AddAttribute("Altitude",
                          "Altitude above EarthRadius, m (35,786 km: TR 38.821 Table 4.2-1).",
                          DoubleValue(35786e3),
                          MakeDoubleAccessor(&NtnGeoPlatform::m_altitude),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("EarthRadius",
                          "Radius the altitude is counted from, m (the WGS84 equatorial radius; "
                          "6,371 km reproduces the spherical geometry of TR 38.821).",
                          DoubleValue(6378137.0),
                          MakeDoubleAccessor(&NtnGeoPlatform::m_earthRadius),
                          MakeDoubleChecker<double>(6.3e6, 6.4e6));
    return tid;
}

NtnGeoPlatform::NtnGeoPlatform()
    : m_longitudeDeg(140.0),
      m_altitude(35786e3),
      m_earthRadius(6378137.0)
{
}

uint32_t
NtnGeoPlatform::GetN() const
{
    return 1;
}

Eigen::Vector3d
NtnGeoPlatform::GetPosition(uint32_t index, Time t) const
{
    const double r = m_earthRadius + m_altitude;
    const double lon = m_longitudeDeg * M_PI / 180.0;
    return Eigen::Vector3d(r * std::cos(lon), r * std::sin(lon), 0.0);
}

std::string
NtnGeoPlatform::GetPlatformName(uint32_t index) const
{
    std::ostringstream name;
    name << "GEO " << m_longitudeDeg << "E";
    return name.str();
}

TypeId
NtnHapsPlatform::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnHapsPlatform")
            .SetParent<NtnPlatform>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnHapsPlatform>()
            .AddAttribute("Latitude",
                          "Latitude of the station, degrees.",
                          DoubleValue(35.0),
                          MakeDoubleAccessor(&NtnHapsPlatform::m_latitudeDeg),
                          MakeDoubleChecker<double>(-90.0, 90.0))
            .AddAttribute("Longitude",
                          "Longitude of the station, degrees east.",
                          DoubleValue(139.0),
                          MakeDoubleAccessor(&NtnHapsPlatform::m_longitudeDeg),
                          MakeDoubleChecker<double>(-180.0, 360.0))
            .AddAttribute("Altitude",
                          "Altitude above the WGS84 ellipsoid, m (20 km: the typical HAPS "
                          "altitude of TR 38.821 and HAPSMobile Sunglider).",
                          DoubleValue(20e3),
                          MakeDoubleAccessor(&NtnHapsPlatform::m_altitude),
                          MakeDoubleChecker<double>(1e3, 60e3));
    return tid;
}

NtnHapsPlatform::NtnHapsPlatform()
    : m_latitudeDeg(35.0),
      m_longitudeDeg(139.0),
      m_altitude(20e3)
{
}

uint32_t
NtnHapsPlatform::GetN() const
{
    return 1;
}

Eigen::Vector3d
NtnHapsPlatform::GetPosition(uint32_t index, Time t) const
{
    return GeographicFrame::GeographicToEcef(m_latitudeDeg,
                                             m_longitudeDeg,
                                             m_altitude,
                                             GeographicPositions::WGS84);
}

std::string
NtnHapsPlatform::GetPlatformName(uint32_t index) const
{
    std::ostringstream name;
    name << "HAPS " << m_latitudeDeg << "N " << m_longitudeDeg << "E";
    return name.str();
}

} // namespace blueprint
} // namespace ns3
