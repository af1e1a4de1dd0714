/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-peak-rate.h"

#include "model/nr/nr-numerology.h"

#include "ns3/log.h"

#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrPeakRate");

namespace
{

/// Highest LDPC code rate of the formula, R_max = 948/1024 (TS 38.306 clause 4.1.2).
constexpr double R_MAX = 948.0 / 1024.0;
/// Subcarriers per resource block (TS 38.211 clause 4.4.4.1).
constexpr double SUBCARRIERS_PER_RB = 12;
/// Overheads OH of TS 38.306 clause 4.1.2.
constexpr double OH_FR1_DL = 0.14;
constexpr double OH_FR2_DL = 0.18; //!< see OH_FR1_DL
constexpr double OH_FR1_UL = 0.08; //!< see OH_FR1_DL
constexpr double OH_FR2_UL = 0.10; //!< see OH_FR1_DL
/// Most MIMO layers of a PDSCH (TS 38.211 clause 7.3.1.3, Table 7.3.1.3-1: up to 8 layers).
constexpr uint32_t MAX_DL_LAYERS = 8;
/// Most MIMO layers of a PUSCH (TS 38.211 clause 6.3.1.3, Table 6.3.1.3-1: up to 4 layers).
constexpr uint32_t MAX_UL_LAYERS = 4;
/// Largest resource grid, 275 RBs (TS 38.211 clause 4.4.2, N_grid^size,mu <= 275).
constexpr uint32_t MAX_PRBS = 275;

/**
 * \brief Check one carrier.
 * \param in the carrier.
 */
void
Check(const NrPeakRateInput& in)
{
    const uint32_t maxLayers = in.downlink ? MAX_DL_LAYERS : MAX_UL_LAYERS;
    if (in.layers < 1 || in.layers > maxLayers)
    {
        throw std::invalid_argument("NR peak rate: " + std::to_string(in.layers) + " layers; " +
                                    (in.downlink ? "PDSCH" : "PUSCH") + " has 1.." +
                                    std::to_string(maxLayers));
    }
    // TS 38.214 Tables 5.1.3.1-1..-4 and 6.1.4.1-1: QPSK, 16QAM, 64QAM, 256QAM, 1024QAM (Rel-17).
    const uint8_t q = in.modulationOrder;
    if (q != 2 && q != 4 && q != 6 && q != 8 && q != 10)
    {
        throw std::invalid_argument("NR peak rate: modulation order " + std::to_string(q) +
                                    " is not one of 2, 4, 6, 8, 10");
    }
    const double f = in.scalingFactor;
    if (f != 1.0 && f != 0.8 && f != 0.75 && f != 0.4)
    {
        throw std::invalid_argument("NR peak rate: scaling factor " + std::to_string(f) +
                                    " is not one of 1, 0.8, 0.75, 0.4 (TS 38.306 clause 4.1.2)");
    }
    // FR1 uses 15, 30 and 60 kHz for data, FR2 60 and 120 kHz (TS 38.101-1/-2 Table 5.3.2-1).
    const bool muInRange = in.fr2 ? (in.mu == 2 || in.mu == 3) : (in.mu <= 2);
    if (!muInRange)
    {
        throw std::invalid_argument("NR peak rate: numerology " + std::to_string(in.mu) +
                                    " is not used for data in " + (in.fr2 ? "FR2" : "FR1"));
    }
    if (in.prbs < 1 || in.prbs > MAX_PRBS)
    {
        throw std::invalid_argument("NR peak rate: " + std::to_string(in.prbs) +
                                    " PRBs; a carrier has 1..275");
    }
    if (!(in.tddFraction > 0.0 && in.tddFraction <= 1.0))
    {
        throw std::invalid_argument("NR peak rate: TDD fraction " + std::to_string(in.tddFraction) +
                                    " is not in (0, 1]");
    }
}

} // namespace

double
NrPeakRateOverhead(bool fr2, bool downlink)
{
    if (downlink)
    {
        return fr2 ? OH_FR2_DL : OH_FR1_DL;
    }
    return fr2 ? OH_FR2_UL : OH_FR1_UL;
}

double
NrPeakRate(const NrPeakRateInput& in)
{
    Check(in);
    // T_s^mu = 1e-3 / (14 2^mu): the average symbol duration with normal CP (TS 38.306 4.1.2).
    const double symbolsPerSecond = 1e3 * NrNumerology::SYMBOLS_PER_SLOT * (1U << in.mu);
    const double overhead = NrPeakRateOverhead(in.fr2, in.downlink);
    return in.layers * in.modulationOrder * in.scalingFactor * R_MAX *
           (in.prbs * SUBCARRIERS_PER_RB * symbolsPerSecond) * (1.0 - overhead) * in.tddFraction;
}

double
NrPeakRate(const std::vector<NrPeakRateInput>& carriers)
{
    if (carriers.empty())
    {
        throw std::invalid_argument("NR peak rate: no carriers");
    }
    double rate = 0.0;
    for (const NrPeakRateInput& carrier : carriers)
    {
        rate += NrPeakRate(carrier);
    }
    return rate;
}

} // namespace blueprint
} // namespace ns3
