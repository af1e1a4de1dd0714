/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/weather/itu-rain-specific-attenuation.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <array>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintItuRainSpecificAttenuation");

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
    NS_ABORT_MSG_IF(!(ghz >= 1.0 && ghz <= 1000.0),
                    "ItuRainSpecificAttenuation: ITU-R P.838-3 covers 1-1000 GHz, not " << ghz);
    return ghz;
}

} // namespace

ItuRainCoefficients
ItuRainSpecificAttenuation::GetHorizontalCoefficients(double frequencyHz)
{
    const double ghz = ToGhz(frequencyHz);
    return {std::pow(10.0, K_H(ghz)), ALPHA_H(ghz)};
}

ItuRainCoefficients
ItuRainSpecificAttenuation::GetVerticalCoefficients(double frequencyHz)
{
    const double ghz = ToGhz(frequencyHz);
    return {std::pow(10.0, K_V(ghz)), ALPHA_V(ghz)};
}

ItuRainCoefficients
ItuRainSpecificAttenuation::GetCoefficients(double frequencyHz, double elevationDeg, double tiltDeg)
{
    const ItuRainCoefficients h = GetHorizontalCoefficients(frequencyHz);
    const ItuRainCoefficients v = GetVerticalCoefficients(frequencyHz);
    const double c = std::cos(elevationDeg * DEG);
    const double f = c * c * std::cos(2.0 * tiltDeg * DEG);
    const double k = (h.k + v.k + (h.k - v.k) * f) / 2.0;
    const double alpha =
        (h.k * h.alpha + v.k * v.alpha + (h.k * h.alpha - v.k * v.alpha) * f) / (2.0 * k);
    return {k, alpha};
}

double
ItuRainSpecificAttenuation::GetSpecificAttenuation(double frequencyHz,
                                                   double elevationDeg,
                                                   double tiltDeg,
                                                   double rainRateMmH)
{
    if (rainRateMmH <= 0)
    {
        return 0.0;
    }
    const ItuRainCoefficients kAlpha = GetCoefficients(frequencyHz, elevationDeg, tiltDeg);
    return kAlpha.k * std::pow(rainRateMmH, kAlpha.alpha);
}

} // namespace blueprint
} // namespace ns3
