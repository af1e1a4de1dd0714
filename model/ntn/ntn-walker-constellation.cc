/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-walker-constellation.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnWalkerConstellation");

NS_OBJECT_ENSURE_REGISTERED(NtnWalkerConstellation);

namespace
{
constexpr double DEG = M_PI / 180.0;
constexpr double TWO_PI = 2.0 * M_PI;

/**
 * \param angle an angle, rad.
 * \return the same angle in [0, 2 pi).
 */
double
Wrap(double angle)
{
    double a = std::fmod(angle, TWO_PI);
    return a < 0 ? a + TWO_PI : a;
}

/**
 * \param from start of a ring position.
 * \param to end of a ring position.
 * \param n the ring size.
 * \return the signed step count of the shorter way round, in (-n/2, n/2].
 */
int64_t
RingSteps(uint32_t from, uint32_t to, uint32_t n)
{
    int64_t d = (static_cast<int64_t>(to) - static_cast<int64_t>(from)) % n;
    if (d < 0)
    {
        d += n;
    }
    return d > static_cast<int64_t>(n) / 2 ? d - n : d;
}
} // namespace

TypeId
NtnWalkerConstellation::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnWalkerConstellation")
            .SetParent<NtnPlatform>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnWalkerConstellation>()
            .AddAttribute("Altitude",
                          "Orbit altitude above EarthRadius, m.",
                          DoubleValue(550e3),
                          MakeDoubleAccessor(&NtnWalkerConstellation::m_altitude),
                          MakeDoubleChecker<double>(100e3, 50000e3))
            .AddAttribute("Inclination",
                          "Orbit inclination, degrees.",
                          DoubleValue(53.0),
                          MakeDoubleAccessor(&NtnWalkerConstellation::m_inclinationDeg),
                          MakeDoubleChecker<double>(0.0, 180.0))
            .AddAttribute("Planes",
                          "Number of orbital planes P.",
                          UintegerValue(72),
                          MakeUintegerAccessor(&NtnWalkerConstellation::m_planes),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("SatellitesPerPlane",
                          "Satellites per plane S.",
                          UintegerValue(22),
                          MakeUintegerAccessor(&NtnWalkerConstellation::m_perPlane),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("Phasing",
                          "Walker phasing factor F (0..P-1): a satellite leads the same slot of "
                          "the previous plane by 360 F / (P S) degrees.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NtnWalkerConstellation::m_phasing),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("EarthRadius",
                          "Radius the altitude is counted from, m (the 6,371 km sphere of the "
                          "TR 38.821 geometry).",
                          DoubleValue(6371e3),
                          MakeDoubleAccessor(&NtnWalkerConstellation::m_earthRadius),
                          MakeDoubleChecker<double>(6.3e6, 6.4e6))
            .AddAttribute("RaanOffset",
                          "Right ascension of plane 0's ascending node at t = 0 (ECEF "
                          "longitude then), degrees.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&NtnWalkerConstellation::m_raanOffsetDeg),
                          MakeDoubleChecker<double>())
            .AddAttribute("ReassignmentPeriod",
                          "Period of the global controller that reassigns terminals to "
                          "satellites (15 s for Starlink: Tanveer et al., CoNEXT 2023).",
                          TimeValue(Seconds(15)),
                          MakeTimeAccessor(&NtnWalkerConstellation::m_reassignmentPeriod),
                          MakeTimeChecker(Seconds(0)));
    return tid;
}

NtnWalkerConstellation::NtnWalkerConstellation()
    : m_altitude(550e3),
      m_inclinationDeg(53.0),
      m_planes(72),
      m_perPlane(22),
      m_phasing(1),
      m_earthRadius(6371e3),
      m_raanOffsetDeg(0.0),
      m_reassignmentPeriod(Seconds(15))
{
    NS_LOG_FUNCTION(this);
}

Ptr<NtnWalkerConstellation>
NtnWalkerConstellation::CreateStarlinkShell1()
{
    Ptr<NtnWalkerConstellation> shell = CreateObject<NtnWalkerConstellation>();
    shell->SetAttribute("Altitude", DoubleValue(550e3));
    shell->SetAttribute("Inclination", DoubleValue(53.0));
    shell->SetAttribute("Planes", UintegerValue(72));
    shell->SetAttribute("SatellitesPerPlane", UintegerValue(22));
    shell->SetAttribute("ReassignmentPeriod", TimeValue(Seconds(15)));
    return shell;
}

uint32_t
NtnWalkerConstellation::GetN() const
{
    return m_planes * m_perPlane;
}

double
NtnWalkerConstellation::GetOrbitRadius() const
{
    return m_earthRadius + m_altitude;
}

uint32_t
NtnWalkerConstellation::GetPlanes() const
{
    return m_planes;
}

uint32_t
NtnWalkerConstellation::GetSatellitesPerPlane() const
{
    return m_perPlane;
}

Time
NtnWalkerConstellation::GetOrbitalPeriod() const
{
    const double a = GetOrbitRadius();
    return Seconds(TWO_PI * std::sqrt(a * a * a / NTN_EARTH_GM));
}

Time
NtnWalkerConstellation::GetReassignmentPeriod() const
{
    return m_reassignmentPeriod;
}

double
NtnWalkerConstellation::SlotZeroPhase(uint32_t plane, double t) const
{
    const double a = GetOrbitRadius();
    const double meanMotion = std::sqrt(NTN_EARTH_GM / (a * a * a));
    return TWO_PI * m_phasing * plane / GetN() + meanMotion * t;
}

Eigen::Vector3d
NtnWalkerConstellation::GetPosition(uint32_t index, Time time) const
{
    NS_ASSERT(index < GetN());
    const uint32_t plane = index / m_perPlane;
    const uint32_t slot = index % m_perPlane;
    const double t = (time + GetEpoch()).GetSeconds(); // on the timeline
    const double raan = m_raanOffsetDeg * DEG + TWO_PI * plane / m_planes;
    const double inc = m_inclinationDeg * DEG;
    const double u = SlotZeroPhase(plane, t) + TWO_PI * slot / m_perPlane;
    const double a = GetOrbitRadius();
    // Inertial position on the orbit, then the Earth's rotation since t = 0.
    const double cu = std::cos(u);
    const double su = std::sin(u);
    const double x = a * (std::cos(raan) * cu - std::sin(raan) * su * std::cos(inc));
    const double y = a * (std::sin(raan) * cu + std::cos(raan) * su * std::cos(inc));
    const double z = a * su * std::sin(inc);
    const double theta = NTN_EARTH_ROTATION * t;
    return Eigen::Vector3d(std::cos(theta) * x + std::sin(theta) * y,
                           -std::sin(theta) * x + std::cos(theta) * y,
                           z);
}

std::string
NtnWalkerConstellation::GetPlatformName(uint32_t index) const
{
    return "plane " + std::to_string(index / m_perPlane) + " slot " +
           std::to_string(index % m_perPlane);
}

void
NtnWalkerConstellation::FindVisible(const GroundPoint& ground,
                                    Time time,
                                    double minElevationDeg,
                                    std::vector<uint32_t>& visible) const
{
    visible.clear();
    const double t = (time + GetEpoch()).GetSeconds(); // on the timeline
    const double a = GetOrbitRadius();
    const double rho = ground.ecef.norm();
    // Earth central angle of the visibility cone. The geodetic vertical differs from the
    // geocentric one by up to 0.2 degrees, so the cone is widened by one degree of elevation and
    // every candidate is then checked exactly.
    const double eps = std::max(-89.0, minElevationDeg - 1.0) * DEG;
    const double c = rho * std::cos(eps) / a;
    if (c >= 1.0)
    {
        return; // the orbit is below the horizon everywhere
    }
    const double psi = std::acos(c) - eps;
    const double cosPsi = std::cos(psi);
    // The ground point in the inertial frame.
    const double theta = NTN_EARTH_ROTATION * t;
    const Eigen::Vector3d g = ground.ecef / rho;
    const Eigen::Vector3d gi(std::cos(theta) * g.x() - std::sin(theta) * g.y(),
                             std::sin(theta) * g.x() + std::cos(theta) * g.y(),
                             g.z());
    const double inc = m_inclinationDeg * DEG;
    for (uint32_t p = 0; p < m_planes; ++p)
    {
        const double raan = m_raanOffsetDeg * DEG + TWO_PI * p / m_planes;
        const Eigen::Vector3d e1(std::cos(raan), std::sin(raan), 0.0);
        const Eigen::Vector3d e2(-std::sin(raan) * std::cos(inc),
                                 std::cos(raan) * std::cos(inc),
                                 std::sin(inc));
        const double x1 = gi.dot(e1);
        const double x2 = gi.dot(e2);
        const double cosBeta = std::sqrt(x1 * x1 + x2 * x2); // cos of the distance to the plane
        if (cosBeta <= cosPsi)
        {
            continue; // the whole orbit stays outside the cone
        }
        // Spherical right triangle: a satellite at angle du along the orbit from the point
        // closest to the ground point is inside the cone iff cos(beta) cos(du) >= cos(psi).
        const double halfArc = std::acos(cosPsi / cosBeta);
        const double closest = std::atan2(x2, x1);
        const double from = Wrap(closest - halfArc - SlotZeroPhase(p, t));
        const double spacing = TWO_PI / m_perPlane;
        const auto first = static_cast<int64_t>(std::ceil(from / spacing));
        const auto last = static_cast<int64_t>(std::floor((from + 2 * halfArc) / spacing));
        for (int64_t k = first; k <= last && k - first < m_perPlane; ++k)
        {
            const uint32_t index = p * m_perPlane + static_cast<uint32_t>(k % m_perPlane);
            if (NtnLook(ground, GetPosition(index, time)).elevationDeg >= minElevationDeg)
            {
                visible.push_back(index);
            }
        }
    }
    std::sort(visible.begin(), visible.end());
}

bool
NtnWalkerConstellation::HasInterSatelliteLink(uint32_t i, uint32_t j) const
{
    const uint32_t pi = i / m_perPlane;
    const uint32_t si = i % m_perPlane;
    const uint32_t pj = j / m_perPlane;
    const uint32_t sj = j % m_perPlane;
    if (pi == pj)
    {
        return std::abs(RingSteps(si, sj, m_perPlane)) == 1;
    }
    return si == sj && std::abs(RingSteps(pi, pj, m_planes)) == 1;
}

double
NtnWalkerConstellation::RouteLength(const std::vector<uint32_t>& route, Time t) const
{
    double length = 0.0;
    for (std::size_t k = 1; k < route.size(); ++k)
    {
        length += (GetPosition(route[k], t) - GetPosition(route[k - 1], t)).norm();
    }
    return length;
}

std::vector<uint32_t>
NtnWalkerConstellation::RouteInterSatellite(uint32_t from, uint32_t to, Time t) const
{
    // Two +Grid paths with the fewest hops: across the planes first, or along the plane first;
    // the shorter in length at time t is taken. Not a shortest path over the whole grid, but
    // never longer in hops, and computed in O(hops) without a graph search.
    const uint32_t p1 = from / m_perPlane;
    const uint32_t s1 = from % m_perPlane;
    const uint32_t p2 = to / m_perPlane;
    const uint32_t s2 = to % m_perPlane;
    const int64_t dp = RingSteps(p1, p2, m_planes);
    const int64_t ds = RingSteps(s1, s2, m_perPlane);
    auto walk = [this, dp, ds](uint32_t p, uint32_t s, bool planesFirst) {
        std::vector<uint32_t> route{p * m_perPlane + s};
        auto stepPlane = [&]() {
            for (int64_t k = 0; k != dp; k += (dp > 0 ? 1 : -1))
            {
                p = static_cast<uint32_t>((p + m_planes + (dp > 0 ? 1 : -1)) % m_planes);
                route.push_back(p * m_perPlane + s);
            }
        };
        auto stepSlot = [&]() {
            for (int64_t k = 0; k != ds; k += (ds > 0 ? 1 : -1))
            {
                s = static_cast<uint32_t>((s + m_perPlane + (ds > 0 ? 1 : -1)) % m_perPlane);
                route.push_back(p * m_perPlane + s);
            }
        };
        if (planesFirst)
        {
            stepPlane();
            stepSlot();
        }
        else
        {
            stepSlot();
            stepPlane();
        }
        return route;
    };
    std::vector<uint32_t> a = walk(p1, s1, true);
    std::vector<uint32_t> b = walk(p1, s1, false);
    return RouteLength(a, t) <= RouteLength(b, t) ? a : b;
}

} // namespace blueprint
} // namespace ns3
