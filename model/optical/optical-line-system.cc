/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/optical/optical-line-system.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Planck constant, J s (SI 2019 exact value).
constexpr double PLANCK_J_S = 6.62607015e-34;
/// Speed of light in vacuum, m/s.
constexpr double LIGHT_SPEED_M_S = 299792458.0;
/// Reference wavelength of OSNR figures: 1550 nm, the C band's centre.
constexpr double REFERENCE_WAVELENGTH_M = 1550e-9;
/// Reference noise bandwidth of OSNR figures: 0.1 nm, i.e. 12.5 GHz at 1550 nm (IEC 61280-2-9,
/// the convention every OSNR figure quoted here uses).
constexpr double REFERENCE_BANDWIDTH_HZ = 12.5e9;
/// One milliwatt, the reference of dBm.
constexpr double ONE_MILLIWATT = 1e-3;

} // namespace

OpticalWavelengthGrid
OpticalWavelengthGrid::ForChannelCount(uint32_t channels)
{
    OpticalWavelengthGrid grid;
    grid.channels = channels;
    switch (channels)
    {
    case 40:
        grid.spacingHz = 100e9;
        break;
    case 64:
        grid.spacingHz = 75e9;
        break;
    case 96:
        grid.spacingHz = 50e9;
        break;
    default:
        throw std::invalid_argument("a DWDM grid has 40 (100 GHz), 64 (75 GHz) or 96 (50 GHz) "
                                    "channels, not " +
                                    std::to_string(channels));
    }
    return grid;
}

double
OpticalWavelengthGrid::GetFrequencyHz(uint32_t channel) const
{
    return ANCHOR_HZ +
           (static_cast<double>(channel) - static_cast<double>(channels / 2)) * spacingHz;
}

uint32_t
OpticalLineSystem::GetSpanCount(double lengthKm) const
{
    if (lengthKm <= 0.0)
    {
        return 1;
    }
    // A hair of tolerance keeps 80.0 km one span despite floating-point division.
    return static_cast<uint32_t>(std::ceil(lengthKm / maxSpanKm - 1e-9));
}

uint32_t
OpticalLineSystem::GetInlineAmplifierCount(double lengthKm) const
{
    return GetSpanCount(lengthKm) - 1;
}

double
OpticalLineSystem::GetSpanLossDb(double spanKm) const
{
    return attenuationDbPerKm * spanKm + spanMarginDb;
}

double
OpticalLineSystem::GetAseReferenceDbm()
{
    const double frequency = LIGHT_SPEED_M_S / REFERENCE_WAVELENGTH_M;
    return 10.0 * std::log10(PLANCK_J_S * frequency * REFERENCE_BANDWIDTH_HZ / ONE_MILLIWATT);
}

double
OpticalLineSystem::GetSpanOsnrDb(double spanKm) const
{
    return launchPowerDbm - GetSpanLossDb(spanKm) - noiseFigureDb - GetAseReferenceDbm();
}

double
OpticalLineSystem::GetPathOsnrDb(const std::vector<double>& fibreLengthsKm) const
{
    double inverse = 0.0;
    for (double length : fibreLengthsKm)
    {
        const uint32_t spans = GetSpanCount(length);
        const double spanOsnr = std::pow(10.0, GetSpanOsnrDb(length / spans) / 10.0);
        inverse += spans / spanOsnr;
    }
    if (inverse == 0.0)
    {
        return std::numeric_limits<double>::infinity();
    }
    return 10.0 * std::log10(1.0 / inverse);
}

Time
OpticalLineSystem::GetLineLatency(const std::vector<double>& fibreLengthsKm) const
{
    double seconds = 0.0;
    uint32_t amplifiers = 0;
    for (double length : fibreLengthsKm)
    {
        seconds += length * delayPerKm;
        amplifiers += GetSpanCount(length);
    }
    return Seconds(seconds) + amplifiers * amplifierLatency;
}

std::string
OpticalLineSystem::Check() const
{
    std::ostringstream problem;
    if (!(maxSpanKm > 0.0) || !std::isfinite(maxSpanKm))
    {
        problem << "the amplifier spacing must be a positive length";
    }
    else if (!(attenuationDbPerKm >= 0.0) || !(spanMarginDb >= 0.0))
    {
        problem << "fibre attenuation and span margin must not be negative";
    }
    else if (!(noiseFigureDb >= 0.0))
    {
        problem << "an amplifier noise figure is at least 0 dB";
    }
    else if (!std::isfinite(launchPowerDbm))
    {
        problem << "the launch power must be a finite dBm value";
    }
    else if (!(delayPerKm > 0.0) || amplifierLatency.IsStrictlyNegative())
    {
        problem << "propagation delay must be positive and amplifier latency not negative";
    }
    return problem.str();
}

OpticalLineSystem
OpticalLineSystem::FromPreset(const std::string& name)
{
    OpticalLineSystem line;
    if (name == "land")
    {
        return line;
    }
    if (name == "submarine")
    {
        line.maxSpanKm = 60.0;
        line.attenuationDbPerKm = 0.17;
        line.spanMarginDb = 1.0;
        return line;
    }
    throw std::invalid_argument("unknown optical line preset '" + name + "' (land, submarine)");
}

std::vector<std::string>
OpticalLineSystem::PresetNames()
{
    return {"land", "submarine"};
}

} // namespace blueprint
} // namespace ns3
