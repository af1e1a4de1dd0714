/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-rain-attenuation.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnRainAttenuation");

NS_OBJECT_ENSURE_REGISTERED(NtnRainAttenuation);

namespace
{

constexpr double DEG = M_PI / 180.0;

} // namespace

TypeId
NtnRainAttenuation::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnRainAttenuation")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnRainAttenuation>()
            .AddAttribute("Latitude",
                          "Station latitude, degrees (P.618 step 8 and 10 depend on it).",
                          DoubleValue(36.0),
                          MakeDoubleAccessor(&NtnRainAttenuation::m_latitudeDeg),
                          MakeDoubleChecker<double>(-90.0, 90.0))
            .AddAttribute("StationHeight",
                          "Station height above mean sea level, m.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&NtnRainAttenuation::m_stationHeightM),
                          MakeDoubleChecker<double>(-500.0, 9000.0))
            .AddAttribute("RainHeight",
                          "Rain height above mean sea level, m (ITU-R P.839 for the site; 4.5 km "
                          "is an assumption for Japanese summer rain).",
                          DoubleValue(4500.0),
                          MakeDoubleAccessor(&NtnRainAttenuation::m_rainHeightM),
                          MakeDoubleChecker<double>(0.0, 10000.0))
            .AddAttribute("PolarizationTilt",
                          "Polarisation tilt relative to the horizontal, degrees (45 = circular).",
                          DoubleValue(45.0),
                          MakeDoubleAccessor(&NtnRainAttenuation::m_tiltDeg),
                          MakeDoubleChecker<double>(0.0, 90.0));
    return tid;
}

NtnRainAttenuation::NtnRainAttenuation()
    : m_latitudeDeg(36.0),
      m_stationHeightM(0.0),
      m_rainHeightM(4500.0),
      m_tiltDeg(45.0)
{
}

double
NtnRainAttenuation::GetAttenuation(double frequencyHz, double elevationDeg, double rainRate) const
{
    if (rainRate <= 0)
    {
        return 0.0;
    }
    // The P.838-3 range (1-1000 GHz) is checked where gamma is computed, in step 5.
    const double f = frequencyHz / 1e9;
    // Step 1-2: the slant path below the rain height (theta >= 5 degrees).
    const double hs = m_stationHeightM / 1e3;
    const double dh = m_rainHeightM / 1e3 - hs;
    if (dh <= 0)
    {
        return 0.0;
    }
    const double thetaDeg = std::max(5.0, elevationDeg);
    const double theta = thetaDeg * DEG;
    const double ls = dh / std::sin(theta);
    // Step 3: its horizontal projection; step 5: the specific attenuation.
    const double lg = ls * std::cos(theta);
    const double gamma = GetSpecificAttenuation(frequencyHz, thetaDeg, m_tiltDeg, rainRate);
    // Step 6: horizontal reduction factor.
    const double r =
        1.0 / (1.0 + 0.78 * std::sqrt(lg * gamma / f) - 0.38 * (1.0 - std::exp(-2.0 * lg)));
    // Step 7: vertical adjustment factor.
    const double zeta = std::atan2(dh, lg * r) / DEG;
    const double lr = zeta > thetaDeg ? lg * r / std::cos(theta) : dh / std::sin(theta);
    const double lat = std::abs(m_latitudeDeg);
    const double chi = lat < 36.0 ? 36.0 - lat : 0.0;
    const double v = 1.0 / (1.0 + std::sqrt(std::sin(theta)) *
                                      (31.0 * (1.0 - std::exp(-thetaDeg / (1.0 + chi))) *
                                           std::sqrt(lr * gamma) / (f * f) -
                                       0.45));
    // Steps 8-9: effective path length and attenuation.
    return gamma * lr * v;
}

double
NtnRainAttenuation::GetAttenuationExceeded(double frequencyHz,
                                           double elevationDeg,
                                           double rainRate001,
                                           double p) const
{
    NS_ABORT_MSG_IF(p < 0.001 || p > 5.0, "NtnRainAttenuation: P.618 covers 0.001-5 %, not " << p);
    const double a001 = GetAttenuation(frequencyHz, elevationDeg, rainRate001);
    if (a001 <= 0)
    {
        return 0.0;
    }
    // Step 10.
    const double lat = std::abs(m_latitudeDeg);
    const double thetaDeg = std::max(5.0, elevationDeg);
    const double sinTheta = std::sin(thetaDeg * DEG);
    double beta = 0.0;
    if (p < 1.0 && lat < 36.0)
    {
        beta = -0.005 * (lat - 36.0);
        if (thetaDeg < 25.0)
        {
            beta += 1.8 - 4.25 * sinTheta;
        }
    }
    const double exponent =
        -(0.655 + 0.033 * std::log(p) - 0.045 * std::log(a001) - beta * (1.0 - p) * sinTheta);
    return a001 * std::pow(p / 0.01, exponent);
}

} // namespace blueprint
} // namespace ns3
