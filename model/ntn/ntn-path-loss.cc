/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-path-loss.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnPathLoss");

NS_OBJECT_ENSURE_REGISTERED(NtnPathLoss);
NS_OBJECT_ENSURE_REGISTERED(NtnDenseUrbanPathLoss);
NS_OBJECT_ENSURE_REGISTERED(NtnUrbanPathLoss);
NS_OBJECT_ENSURE_REGISTERED(NtnSuburbanRuralPathLoss);

namespace
{

/// Zenith attenuation by atmospheric gases, dB, at 0, 1, ..., 100 GHz: ITU-R P.676 Figure 6
/// (standard atmosphere, 7.5 g/m^3 water vapour), as TR 38.811 clause 6.6.4 prescribes; values
/// read at 1 GHz steps as tabulated in ns-3's ThreeGppPropagationLossModel (ns-3.40 and later).
constexpr std::array<double, 101> ZENITH_GAS_DB = {
    0,       0.0300,  0.0350,  0.0380,  0.0390,  0.0410,  0.0420,  0.0450,  0.0480,  0.0500,
    0.0530,  0.0587,  0.0674,  0.0789,  0.0935,  0.1113,  0.1322,  0.1565,  0.1841,  0.2153,
    0.2500,  0.3362,  0.4581,  0.5200,  0.5200,  0.5000,  0.4500,  0.3850,  0.3200,  0.2700,
    0.2500,  0.2517,  0.2568,  0.2651,  0.2765,  0.2907,  0.3077,  0.3273,  0.3493,  0.3736,
    0.4000,  0.4375,  0.4966,  0.5795,  0.6881,  0.8247,  0.9912,  1.1900,  1.4229,  1.6922,
    2.0000,  4.2654,  10.1504, 19.2717, 31.2457, 45.6890, 62.2182, 80.4496, 100.000, 140.0205,
    170.000, 100.000, 78.1682, 59.3955, 43.5434, 30.4733, 20.0465, 12.1244, 6.5683,  3.2397,
    2.0000,  1.7708,  1.5660,  1.3858,  1.2298,  1.0981,  0.9905,  0.9070,  0.8475,  0.8119,
    0.8000,  0.8000,  0.8000,  0.8000,  0.8000,  0.8000,  0.8000,  0.8000,  0.8000,  0.8000,
    0.8000,  0.8029,  0.8112,  0.8243,  0.8416,  0.8625,  0.8864,  0.9127,  0.9408,  0.9701,
    1.0000};

/// Tropospheric scintillation loss, dB, at 10, 20, ..., 90 degrees: TR 38.811 Table
/// 6.6.6.2.1-1 (99 %, 20 GHz, Toulouse).
constexpr std::array<double, 9> TROPOSPHERIC_SCINTILLATION_DB =
    {1.08, 0.48, 0.30, 0.22, 0.17, 0.13, 0.12, 0.12, 0.12};

/// Carrier frequency below which the S-band columns of the TR 38.811 tables apply, Hz.
constexpr double KA_COLUMNS_FROM_HZ = 13e9;

/**
 * \param elevationDeg an elevation, degrees.
 * \return (row index, weight of the next row) for linear interpolation over 10..90 degrees.
 */
std::pair<std::size_t, double>
Bracket(double elevationDeg)
{
    const double e = std::max(10.0, std::min(90.0, elevationDeg));
    const auto row = std::min<std::size_t>(7, static_cast<std::size_t>((e - 10.0) / 10.0));
    return {row, (e - 10.0 - 10.0 * row) / 10.0};
}

} // namespace

TypeId
NtnPathLoss::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnPathLoss").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

NtnPathLoss::NtnPathLoss()
{
}

double
NtnPathLoss::GetFreeSpaceLoss(double frequencyHz, double distanceM)
{
    return 32.45 + 20.0 * std::log10(frequencyHz / 1e9) + 20.0 * std::log10(distanceM);
}

double
NtnPathLoss::GetGasLoss(double frequencyHz, double elevationDeg)
{
    const double ghz = frequencyHz / 1e9;
    NS_ABORT_MSG_IF(ghz < 0.5 || ghz > 100.0,
                    "NtnPathLoss: TR 38.811 gas absorption covers 1-100 GHz, not " << ghz);
    if (!(ghz >= 10.0 || (elevationDeg < 10.0 && ghz > 1.0)))
    {
        return 0.0;
    }
    const auto lower = static_cast<std::size_t>(std::floor(ghz));
    const std::size_t upper = std::min<std::size_t>(100, lower + 1);
    const double w = ghz - lower;
    const double zenith = (1.0 - w) * ZENITH_GAS_DB[lower] + w * ZENITH_GAS_DB[upper];
    // Eq. 6.6-4 is for elevations above 10 degrees; lower ones keep the 1/sin law, which grows
    // too fast near the horizon, so the elevation is floored at 5 degrees (an assumption).
    const double el = std::max(5.0, elevationDeg) * M_PI / 180.0;
    return zenith / std::sin(el);
}

double
NtnPathLoss::GetScintillationLoss(double frequencyHz, double elevationDeg)
{
    const double ghz = frequencyHz / 1e9;
    if (ghz < 6.0)
    {
        // Clause 6.6.6.1.4: peak-to-peak fluctuation 1.1 dB at 4 GHz scaled by fc^-1.5, divided
        // by sqrt(2) to turn it into a loss.
        return 1.1 * std::pow(ghz / 4.0, -1.5) / std::sqrt(2.0);
    }
    auto [row, w] = Bracket(elevationDeg);
    return (1.0 - w) * TROPOSPHERIC_SCINTILLATION_DB[row] +
           w * TROPOSPHERIC_SCINTILLATION_DB[row + 1];
}

double
NtnPathLoss::Interpolate(double elevationDeg, double NtnScenarioRow::*column) const
{
    const NtnScenarioTable& table = GetScenarioTable();
    auto [row, w] = Bracket(elevationDeg);
    return (1.0 - w) * table[row].*column + w * table[row + 1].*column;
}

double
NtnPathLoss::GetLosProbability(double elevationDeg) const
{
    return Interpolate(elevationDeg, &NtnScenarioRow::losProbability);
}

double
NtnPathLoss::GetShadowFadingSigma(double frequencyHz, double elevationDeg, bool los) const
{
    const bool ka = frequencyHz >= KA_COLUMNS_FROM_HZ;
    if (los)
    {
        return Interpolate(elevationDeg, ka ? &NtnScenarioRow::sfLosKa : &NtnScenarioRow::sfLosS);
    }
    return Interpolate(elevationDeg, ka ? &NtnScenarioRow::sfNlosKa : &NtnScenarioRow::sfNlosS);
}

double
NtnPathLoss::GetClutterLoss(double frequencyHz, double elevationDeg) const
{
    const bool ka = frequencyHz >= KA_COLUMNS_FROM_HZ;
    return Interpolate(elevationDeg, ka ? &NtnScenarioRow::clutterKa : &NtnScenarioRow::clutterS);
}

double
NtnPathLoss::GetLoss(double frequencyHz,
                     double distanceM,
                     double elevationDeg,
                     bool los,
                     double shadowFadingDb) const
{
    double loss = GetFreeSpaceLoss(frequencyHz, distanceM) + shadowFadingDb +
                  GetGasLoss(frequencyHz, elevationDeg) +
                  GetScintillationLoss(frequencyHz, elevationDeg);
    if (!los)
    {
        loss += GetClutterLoss(frequencyHz, elevationDeg);
    }
    return loss;
}

bool
NtnPathLoss::IsLos(double elevationDeg, double uniform) const
{
    return uniform < GetLosProbability(elevationDeg);
}

double
NtnPathLoss::GetShadowFading(double frequencyHz,
                             double elevationDeg,
                             bool los,
                             double standardNormal) const
{
    return GetShadowFadingSigma(frequencyHz, elevationDeg, los) * standardNormal;
}

// --- scenarios ----------------------------------------------------------------------------

TypeId
NtnDenseUrbanPathLoss::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NtnDenseUrbanPathLoss")
                            .SetParent<NtnPathLoss>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NtnDenseUrbanPathLoss>();
    return tid;
}

const NtnScenarioTable&
NtnDenseUrbanPathLoss::GetScenarioTable() const
{
    // TR 38.811 Table 6.6.1-1 (LOS probability) and Table 6.6.2-1 (dense urban).
    static const NtnScenarioTable table = {{{10, 0.282, 3.5, 15.5, 34.3, 2.9, 17.1, 44.3},
                                            {20, 0.331, 3.4, 13.9, 30.9, 2.4, 17.1, 39.9},
                                            {30, 0.398, 2.9, 12.4, 29.0, 2.7, 15.6, 37.5},
                                            {40, 0.468, 3.0, 11.7, 27.7, 2.4, 14.6, 35.8},
                                            {50, 0.537, 3.1, 10.6, 26.8, 2.4, 14.2, 34.6},
                                            {60, 0.612, 2.7, 10.5, 26.2, 2.7, 12.6, 33.8},
                                            {70, 0.738, 2.5, 10.1, 25.8, 2.6, 12.1, 33.3},
                                            {80, 0.820, 2.3, 9.2, 25.5, 2.8, 12.3, 33.0},
                                            {90, 0.981, 1.2, 9.2, 25.5, 0.6, 12.3, 32.9}}};
    return table;
}

TypeId
NtnUrbanPathLoss::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NtnUrbanPathLoss")
                            .SetParent<NtnPathLoss>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NtnUrbanPathLoss>();
    return tid;
}

const NtnScenarioTable&
NtnUrbanPathLoss::GetScenarioTable() const
{
    // TR 38.811 Table 6.6.1-1 (LOS probability) and Table 6.6.2-2 (urban: sigma 4 dB LOS and
    // 6 dB NLOS in both bands, clutter loss as dense urban).
    static const NtnScenarioTable table = {{{10, 0.246, 4, 6, 34.3, 4, 6, 44.3},
                                            {20, 0.386, 4, 6, 30.9, 4, 6, 39.9},
                                            {30, 0.493, 4, 6, 29.0, 4, 6, 37.5},
                                            {40, 0.613, 4, 6, 27.7, 4, 6, 35.8},
                                            {50, 0.726, 4, 6, 26.8, 4, 6, 34.6},
                                            {60, 0.805, 4, 6, 26.2, 4, 6, 33.8},
                                            {70, 0.919, 4, 6, 25.8, 4, 6, 33.3},
                                            {80, 0.968, 4, 6, 25.5, 4, 6, 33.0},
                                            {90, 0.992, 4, 6, 25.5, 4, 6, 32.9}}};
    return table;
}

TypeId
NtnSuburbanRuralPathLoss::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NtnSuburbanRuralPathLoss")
                            .SetParent<NtnPathLoss>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NtnSuburbanRuralPathLoss>();
    return tid;
}

const NtnScenarioTable&
NtnSuburbanRuralPathLoss::GetScenarioTable() const
{
    // TR 38.811 Table 6.6.1-1 (LOS probability) and Table 6.6.2-3 (suburban and rural).
    static const NtnScenarioTable table = {{{10, 0.782, 1.79, 8.93, 19.52, 1.9, 10.7, 29.5},
                                            {20, 0.869, 1.14, 9.08, 18.17, 1.6, 10.0, 24.6},
                                            {30, 0.919, 1.14, 8.78, 18.42, 1.9, 11.2, 21.9},
                                            {40, 0.929, 0.92, 10.25, 18.28, 2.3, 11.6, 20.0},
                                            {50, 0.935, 1.42, 10.56, 18.63, 2.7, 11.8, 18.7},
                                            {60, 0.940, 1.56, 10.74, 17.68, 3.1, 10.8, 17.8},
                                            {70, 0.949, 0.85, 10.17, 16.50, 3.0, 10.8, 17.2},
                                            {80, 0.952, 0.72, 11.52, 16.30, 3.6, 10.8, 16.9},
                                            {90, 0.998, 0.72, 11.52, 16.30, 0.4, 10.8, 16.8}}};
    return table;
}

} // namespace blueprint
} // namespace ns3
