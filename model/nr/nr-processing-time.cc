/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-processing-time.h"

#include "model/nr/nr-numerology.h"

#include "ns3/log.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrProcessingTime");

namespace
{

/// TS 38.214 Table 5.3-1, dmrs-AdditionalPosition = pos0, mu 0..3.
constexpr double N1_CAP1_POS0[] = {8, 10, 17, 20};
/// TS 38.214 Table 5.3-1, dmrs-AdditionalPosition != pos0, mu 0..3; mu 0 is N1,0 = 13 (14 when
/// l1 = 12, handled in N1()).
constexpr double N1_CAP1_ADDITIONAL[] = {13, 13, 20, 24};
/// N1,0 when the additional PDSCH DM-RS is at l1 = 12 (TS 38.214 clause 5.3).
constexpr double N1_0_AT_SYMBOL_12 = 14;
/// TS 38.214 Table 5.3-2 (pos0 only), mu 0..2; mu 2 for FR1 only.
constexpr double N1_CAP2[] = {3, 4.5, 9};
/// TS 38.214 Table 6.4-1, mu 0..3.
constexpr double N2_CAP1[] = {10, 12, 23, 36};
/// TS 38.214 Table 6.4-2, mu 0..2; mu 2 for FR1 only.
constexpr double N2_CAP2[] = {5, 5.5, 11};
/// Numerology of the last capability-2 row, which the tables restrict to FR1.
constexpr uint8_t CAP2_FR1_ONLY_MU = 2;
/// Symbol length the processing times count in, (2048 + 144) kappa Tc at mu = 0 (TS 38.214
/// clauses 5.3 and 6.4).
constexpr uint64_t PROC_SYMBOL_TC_MU0 = (2048 + 144) * NR_KAPPA;

/**
 * \brief Check the numerology and capability shared by N1 and N2.
 * \param what "N1" or "N2" and its table, for messages.
 * \param mu the numerology.
 * \param capability 1 or 2.
 * \param fr2 true for FR2.
 */
void
CheckRow(const std::string& what, uint8_t mu, uint8_t capability, bool fr2)
{
    if (capability != 1 && capability != 2)
    {
        throw std::invalid_argument("TS 38.214 " + what + ": UE processing capability " +
                                    std::to_string(capability) + " does not exist; use 1 or 2");
    }
    if (!NrNumerology::IsSupportedForData(mu))
    {
        throw std::invalid_argument("TS 38.214 " + what + ": numerology " + std::to_string(mu) +
                                    " has no row here; data numerologies are 0..3");
    }
    if (capability == 2 && mu > CAP2_FR1_ONLY_MU)
    {
        throw std::invalid_argument("TS 38.214 " + what + ": capability 2 is not defined for " +
                                    "numerology " + std::to_string(mu) + " (120 kHz)");
    }
    if (capability == 2 && mu == CAP2_FR1_ONLY_MU && fr2)
    {
        throw std::invalid_argument("TS 38.214 " + what +
                                    ": capability 2 at numerology 2 (60 kHz) is for FR1 only");
    }
}

} // namespace

double
NrProcessingTime::N1(uint8_t mu,
                     uint8_t capability,
                     bool additionalDmrs,
                     bool fr2,
                     bool additionalDmrsAtSymbol12)
{
    CheckRow("N1 (Tables 5.3-1/5.3-2)", mu, capability, fr2);
    if (capability == 2)
    {
        if (additionalDmrs)
        {
            throw std::invalid_argument(
                "TS 38.214 Table 5.3-2: PDSCH processing capability 2 is defined only with "
                "dmrs-AdditionalPosition = pos0");
        }
        return N1_CAP2[mu];
    }
    if (!additionalDmrs)
    {
        return N1_CAP1_POS0[mu];
    }
    if (mu == 0 && additionalDmrsAtSymbol12)
    {
        return N1_0_AT_SYMBOL_12;
    }
    return N1_CAP1_ADDITIONAL[mu];
}

double
NrProcessingTime::N2(uint8_t mu, uint8_t capability, bool fr2)
{
    CheckRow("N2 (Tables 6.4-1/6.4-2)", mu, capability, fr2);
    return capability == 2 ? N2_CAP2[mu] : N2_CAP1[mu];
}

Time
NrProcessingTime::SymbolsToTime(double symbols, uint8_t mu)
{
    if (!NrNumerology::IsSupportedForData(mu))
    {
        throw std::invalid_argument("NR processing time: numerology " + std::to_string(mu) +
                                    " is not a data numerology (0..3)");
    }
    const double halves = symbols * 2;
    if (!(symbols >= 0) || std::abs(halves - std::round(halves)) > 1e-9)
    {
        throw std::invalid_argument("NR processing time: " + std::to_string(symbols) +
                                    " symbols is not a non-negative multiple of 0.5");
    }
    // (2048 + 144) kappa 2^-mu Tc is an even number of Tc for mu <= 3, so half symbols stay exact.
    const uint64_t tcPerSymbol = PROC_SYMBOL_TC_MU0 >> mu;
    return NrTcToTime(static_cast<uint64_t>(std::llround(halves)) * tcPerSymbol, 2);
}

Time
NrProcessingTime::Tproc1(uint8_t mu, uint8_t capability, uint32_t d11, uint32_t d2)
{
    // mu = 3 exists in FR2 only (TS 38.101-2), so that is the range to look it up in.
    const bool fr2 = mu == 3;
    return SymbolsToTime(N1(mu, capability, false, fr2) + d11 + d2, mu);
}

Time
NrProcessingTime::Tproc2(uint8_t mu, uint8_t capability, uint32_t d21, uint32_t d2, Time d22)
{
    const bool fr2 = mu == 3;
    return std::max(SymbolsToTime(N2(mu, capability, fr2) + d21 + d2, mu), d22);
}

} // namespace blueprint
} // namespace ns3
