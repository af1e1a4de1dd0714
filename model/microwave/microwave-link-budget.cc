/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/microwave/microwave-link-budget.h"

#include "model/weather/itu-gaseous-attenuation.h"
#include "model/weather/itu-rain-specific-attenuation.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintMicrowaveLinkBudget");

NS_OBJECT_ENSURE_REGISTERED(MicrowaveLinkBudget);

namespace
{

constexpr double SPEED_OF_LIGHT = 299792458.0; // m/s
constexpr double BOLTZMANN = 1.380649e-23;     // J/K (SI 2019, exact)
constexpr double T0_K = 290.0;                 // reference noise temperature (IEEE, ITU-R P.372)

} // namespace

TypeId
MicrowaveLinkBudget::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::MicrowaveLinkBudget")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<MicrowaveLinkBudget>()
            .AddAttribute("Frequency",
                          "Carrier frequency, Hz (ITU-R P.838-3 and P.676 cover 1-1000 GHz).",
                          DoubleValue(18e9),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_frequencyHz),
                          MakeDoubleChecker<double>(1e9, 100e9))
            .AddAttribute("ChannelWidth",
                          "Channel width (channel separation), Hz.",
                          DoubleValue(28e6),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_channelWidthHz),
                          MakeDoubleChecker<double>(1e6, 5e9))
            .AddAttribute("Length",
                          "Hop length (straight line between the antennas), m.",
                          DoubleValue(5000.0),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_lengthM),
                          MakeDoubleChecker<double>(1.0, 500e3))
            .AddAttribute("TxPower",
                          "Transmit power at the antenna port, dBm.",
                          DoubleValue(18.0),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_txPowerDbm),
                          MakeDoubleChecker<double>(-30.0, 40.0))
            .AddAttribute("AntennaADiameter",
                          "Dish diameter at end A, m.",
                          DoubleValue(0.6),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_antennaADiameterM),
                          MakeDoubleChecker<double>(0.05, 5.0))
            .AddAttribute("AntennaBDiameter",
                          "Dish diameter at end B, m.",
                          DoubleValue(0.6),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_antennaBDiameterM),
                          MakeDoubleChecker<double>(0.05, 5.0))
            .AddAttribute("NoiseFigure",
                          "Receiver noise figure, dB.",
                          DoubleValue(3.0),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_noiseFigureDb),
                          MakeDoubleChecker<double>(0.0, 20.0))
            .AddAttribute("OtherLosses",
                          "Branching, feeder and radome losses of both ends together, dB.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_otherLossesDb),
                          MakeDoubleChecker<double>(0.0, 50.0))
            .AddAttribute("PolarizationTilt",
                          "Polarisation tilt from the horizontal, degrees (0 horizontal, 90 "
                          "vertical, 45 circular).",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_tiltDeg),
                          MakeDoubleChecker<double>(0.0, 90.0))
            .AddAttribute("DryPressure",
                          "Dry-air pressure along the hop, hPa (ITU-R P.835 reference 1013.25).",
                          DoubleValue(1013.25),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_dryPressureHpa),
                          MakeDoubleChecker<double>(0.0, 1100.0))
            .AddAttribute("Temperature",
                          "Air temperature along the hop, K (ITU-R P.835 reference 288.15).",
                          DoubleValue(288.15),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_temperatureK),
                          MakeDoubleChecker<double>(200.0, 330.0))
            .AddAttribute("WaterVapourDensity",
                          "Water-vapour density along the hop, g/m^3 (ITU-R P.835 reference 7.5).",
                          DoubleValue(7.5),
                          MakeDoubleAccessor(&MicrowaveLinkBudget::m_waterVapourGm3),
                          MakeDoubleChecker<double>(0.0, 50.0));
    return tid;
}

MicrowaveLinkBudget::MicrowaveLinkBudget()
    : m_frequencyHz(18e9),
      m_channelWidthHz(28e6),
      m_lengthM(5000.0),
      m_txPowerDbm(18.0),
      m_antennaADiameterM(0.6),
      m_antennaBDiameterM(0.6),
      m_noiseFigureDb(3.0),
      m_otherLossesDb(0.0),
      m_tiltDeg(0.0),
      m_dryPressureHpa(1013.25),
      m_temperatureK(288.15),
      m_waterVapourGm3(7.5)
{
}

double
MicrowaveLinkBudget::GetAntennaGainDbi(double diameterM, double frequencyHz)
{
    NS_ABORT_MSG_IF(!(diameterM > 0 && frequencyHz > 0), "MicrowaveLinkBudget: bad dish");
    return 20.0 * std::log10(diameterM * frequencyHz / SPEED_OF_LIGHT) + 7.7;
}

double
MicrowaveLinkBudget::GetFreeSpaceLossDb(double frequencyHz, double lengthM)
{
    NS_ABORT_MSG_IF(!(lengthM > 0 && frequencyHz > 0), "MicrowaveLinkBudget: bad path");
    return 20.0 * std::log10(4.0 * M_PI * lengthM * frequencyHz / SPEED_OF_LIGHT);
}

double
MicrowaveLinkBudget::GetDistanceFactor(double d, double rainRate, double alpha, double f)
{
    const double denominator =
        0.477 * std::pow(d, 0.633) * std::pow(rainRate, 0.073 * alpha) * std::pow(f, 0.123) -
        10.579 * (1.0 - std::exp(-0.024 * d));
    // Short hops make the denominator small or negative: P.530 caps r at 2.5.
    return denominator > 1.0 / 2.5 ? 1.0 / denominator : 2.5;
}

double
MicrowaveLinkBudget::GetGaseousLossDb() const
{
    const ItuGaseousSpecificAttenuation g =
        ItuGaseousAttenuation::GetSpecificAttenuation(m_frequencyHz,
                                                      m_dryPressureHpa,
                                                      m_temperatureK,
                                                      m_waterVapourGm3);
    return (g.oxygenDbPerKm + g.waterVapourDbPerKm) * m_lengthM / 1e3;
}

double
MicrowaveLinkBudget::GetRainLossDb(double rainRateMmH) const
{
    if (rainRateMmH <= 0)
    {
        return 0.0;
    }
    const ItuRainCoefficients c =
        ItuRainSpecificAttenuation::GetCoefficients(m_frequencyHz, 0.0, m_tiltDeg);
    const double gamma = c.k * std::pow(rainRateMmH, c.alpha);
    const double d = m_lengthM / 1e3;
    return gamma * d * GetDistanceFactor(d, rainRateMmH, c.alpha, m_frequencyHz / 1e9);
}

double
MicrowaveLinkBudget::GetRainLossExceededDb(double rainRate001MmH, double p) const
{
    NS_ABORT_MSG_IF(!(p >= 0.001 && p <= 1.0),
                    "MicrowaveLinkBudget: ITU-R P.530 rain statistics cover 0.001-1 %, not " << p);
    const double a001 = GetRainLossDb(rainRate001MmH);
    const double f = m_frequencyHz / 1e9;
    // P.530-18 clause 2.4.1 step 4 (Eqs. 34-35).
    const double c0 = f >= 10.0 ? 0.12 + 0.4 * std::pow(std::log10(f / 10.0), 0.8) : 0.12;
    const double c1 = std::pow(0.07, c0) * std::pow(0.12, 1.0 - c0);
    const double c2 = 0.855 * c0 + 0.546 * (1.0 - c0);
    const double c3 = 0.139 * c0 + 0.043 * (1.0 - c0);
    return a001 * c1 * std::pow(p, -(c2 + c3 * std::log10(p)));
}

double
MicrowaveLinkBudget::GetReceivedPowerDbm(double rainRateMmH) const
{
    return m_txPowerDbm + GetAntennaGainDbi(m_antennaADiameterM, m_frequencyHz) +
           GetAntennaGainDbi(m_antennaBDiameterM, m_frequencyHz) -
           GetFreeSpaceLossDb(m_frequencyHz, m_lengthM) - GetGaseousLossDb() - m_otherLossesDb -
           GetRainLossDb(rainRateMmH);
}

double
MicrowaveLinkBudget::GetNoiseFloorDbm() const
{
    return 10.0 * std::log10(BOLTZMANN * T0_K * m_channelWidthHz * 1e3) + m_noiseFigureDb;
}

double
MicrowaveLinkBudget::GetSnrDb(double rainRateMmH) const
{
    return GetReceivedPowerDbm(rainRateMmH) - GetNoiseFloorDbm();
}

double
MicrowaveLinkBudget::GetFadeMarginDb(const MicrowaveModulation& modulation,
                                     double rainRateMmH) const
{
    return GetSnrDb(rainRateMmH) - modulation.requiredSnrDb;
}

bool
MicrowaveLinkBudget::MeetsAvailability(const MicrowaveModulation& modulation,
                                       double rainRate001MmH,
                                       double availabilityPercent) const
{
    NS_ABORT_MSG_IF(!(availabilityPercent >= 99.0 && availabilityPercent <= 99.999),
                    "MicrowaveLinkBudget: availability must be 99-99.999 %");
    const double p = 100.0 - availabilityPercent;
    return GetFadeMarginDb(modulation, 0.0) >= GetRainLossExceededDb(rainRate001MmH, p);
}

double
MicrowaveLinkBudget::GetMaxHopLengthM(const MicrowaveModulation& modulation,
                                      double rainRate001MmH,
                                      double availabilityPercent) const
{
    Ptr<MicrowaveLinkBudget> probe =
        CopyObject<MicrowaveLinkBudget>(Ptr<const MicrowaveLinkBudget>(this));
    auto meets = [&](double lengthM) {
        probe->m_lengthM = lengthM;
        return probe->MeetsAvailability(modulation, rainRate001MmH, availabilityPercent);
    };
    double lo = 10.0;
    double hi = 500e3;
    if (!meets(lo))
    {
        return 0.0;
    }
    if (meets(hi))
    {
        return hi;
    }
    // Fade margin falls and rain loss grows with length, so the test is monotonic.
    while (hi - lo > 1.0)
    {
        const double mid = (lo + hi) / 2;
        (meets(mid) ? lo : hi) = mid;
    }
    return lo;
}

double
MicrowaveLinkBudget::GetLengthM() const
{
    return m_lengthM;
}

double
MicrowaveLinkBudget::GetFrequencyHz() const
{
    return m_frequencyHz;
}

double
MicrowaveLinkBudget::GetChannelWidthHz() const
{
    return m_channelWidthHz;
}

} // namespace blueprint
} // namespace ns3
