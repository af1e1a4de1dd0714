/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-rain-attenuation.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"

#include <array>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NtnRainAttenuation");

NS_OBJECT_ENSURE_REGISTERED(NtnRainAttenuation);

namespace
{

constexpr double DEG = M_PI / 180.0;

/// One P.838-3 regression: sum_j a_j exp(-((log10 f - b_j) / c_j)^2) + m log10 f + c.
template <std::size_t N>
struct Regression
{
    std::array<double, N> a; //!< amplitudes
    std::array<double, N> b; //!< centres
    std::array<double, N> c; //!< widths
    double m;                //!< slope
    double ca;               //!< offset

    /**
     * \param ghz frequency, GHz.
     * \return the regression's value.
     */
    double operator()(double ghz) const
    {
        const double x = std::log10(ghz);
        double sum = m * x + ca;
        for (std::size_t j = 0; j < N; ++j)
        {
            const double z = (x - b[j]) / c[j];
            sum += a[j] * std::exp(-z * z);
        }
        return sum;
    }
};

// ITU-R P.838-3 Tables 1 to 4 (k regressions give log10 k).
const Regression<4> K_H{{-5.33980, -0.35351, -0.23789, -0.94158},
                        {-0.10008, 1.26970, 0.86036, 0.64552},
                        {1.13098, 0.45400, 0.15354, 0.16817},
                        -0.18961,
                        0.71147};
const Regression<4> K_V{{-3.80595, -3.44965, -0.39902, 0.50167},
                        {0.56934, -0.22911, 0.73042, 1.07319},
                        {0.81061, 0.51059, 0.11899, 0.27195},
                        -0.16398,
                        0.63297};
const Regression<5> ALPHA_H{{-0.14318, 0.29591, 0.32177, -5.37610, 16.1721},
                            {1.82442, 0.77564, 0.63773, -0.96230, -3.29980},
                            {-0.55187, 0.19822, 0.13164, 1.47828, 3.43990},
                            0.67849,
                            -1.95537};
const Regression<5> ALPHA_V{{-0.07771, 0.56727, -0.20238, -48.2991, 48.5833},
                            {2.33840, 0.95545, 1.14520, 0.791669, 0.791459},
                            {-0.76284, 0.54039, 0.26809, 0.116226, 0.116479},
                            -0.053739,
                            0.83433};

/**
 * \param frequencyHz frequency, Hz.
 * \return frequency in GHz, checked against P.838-3's range.
 */
double
ToGhz(double frequencyHz)
{
    const double ghz = frequencyHz / 1e9;
    NS_ABORT_MSG_IF(ghz < 1.0 || ghz > 1000.0,
                    "NtnRainAttenuation: ITU-R P.838-3 covers 1-1000 GHz, not " << ghz);
    return ghz;
}

} // namespace

TypeId
NtnRainAttenuation::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::NtnRainAttenuation")
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

NtnRainCoefficients
NtnRainAttenuation::GetHorizontalCoefficients(double frequencyHz)
{
    const double ghz = ToGhz(frequencyHz);
    return {std::pow(10.0, K_H(ghz)), ALPHA_H(ghz)};
}

NtnRainCoefficients
NtnRainAttenuation::GetVerticalCoefficients(double frequencyHz)
{
    const double ghz = ToGhz(frequencyHz);
    return {std::pow(10.0, K_V(ghz)), ALPHA_V(ghz)};
}

NtnRainCoefficients
NtnRainAttenuation::GetCoefficients(double frequencyHz, double elevationDeg, double tiltDeg)
{
    const NtnRainCoefficients h = GetHorizontalCoefficients(frequencyHz);
    const NtnRainCoefficients v = GetVerticalCoefficients(frequencyHz);
    const double c = std::cos(elevationDeg * DEG);
    const double f = c * c * std::cos(2.0 * tiltDeg * DEG);
    const double k = (h.k + v.k + (h.k - v.k) * f) / 2.0;
    const double alpha =
        (h.k * h.alpha + v.k * v.alpha + (h.k * h.alpha - v.k * v.alpha) * f) / (2.0 * k);
    return {k, alpha};
}

double
NtnRainAttenuation::GetSpecificAttenuation(double frequencyHz,
                                           double elevationDeg,
                                           double tiltDeg,
                                           double rainRateMmH)
{
    if (rainRateMmH <= 0)
    {
        return 0.0;
    }
    const NtnRainCoefficients kAlpha = GetCoefficients(frequencyHz, elevationDeg, tiltDeg);
    return kAlpha.k * std::pow(rainRateMmH, kAlpha.alpha);
}

double
NtnRainAttenuation::GetAttenuation(double frequencyHz, double elevationDeg, double rainRate) const
{
    if (rainRate <= 0)
    {
        return 0.0;
    }
    const double f = ToGhz(frequencyHz);
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

} // namespace ns3
