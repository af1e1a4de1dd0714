/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-error-model.h"

#include "model/nr/nr-tbs.h"

#include "ns3/log.h"

#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrErrorModel");

namespace
{

/**
 * \param mcs a table row.
 * \param alpha a Shannon attenuation.
 * Rejects rows and attenuations no table or annex could give.
 */
void
CheckArguments(const NrMcsEntry& mcs, double alpha)
{
    if (!(mcs.spectralEfficiency > 0.0) || !std::isfinite(mcs.spectralEfficiency))
    {
        throw std::invalid_argument("NR error model: spectral efficiency " +
                                    std::to_string(mcs.spectralEfficiency) + " is not positive");
    }
    if (mcs.modulationOrder == 0 || !(mcs.codeRateX1024 > 0.0 && mcs.codeRateX1024 <= 1024.0))
    {
        throw std::invalid_argument("NR error model: modulation order " +
                                    std::to_string(mcs.modulationOrder) + " and rate x1024 " +
                                    std::to_string(mcs.codeRateX1024) + " are not a valid MCS");
    }
    if (!(alpha > 0.0 && alpha <= 1.0))
    {
        throw std::invalid_argument("NR error model: Shannon attenuation " + std::to_string(alpha) +
                                    " is outside (0, 1]");
    }
}

/**
 * erfcinv(2 * 0.1): the argument of erfc at which 0.5 erfc(.) = 0.1, i.e. Q^-1(0.1) / sqrt(2).
 * \return the constant, computed once.
 */
double
ThresholdErfcArgument()
{
    static const double value = boost::math::erfc_inv(2.0 * NrErrorModel::THRESHOLD_BLER);
    return value;
}

} // namespace

double
NrErrorModel::GetSinrThreshold(const NrMcsEntry& mcs, double alpha)
{
    CheckArguments(mcs, alpha);
    // TR 36.942 Annex A.2: SE = alpha log2(1 + SINR), solved for SINR.
    return std::exp2(mcs.spectralEfficiency / alpha) - 1.0;
}

double
NrErrorModel::GetBlerSpreadDb(const NrMcsEntry& mcs, uint32_t tbs, double alpha)
{
    const double threshold = GetSinrThreshold(mcs, alpha);
    const double codeRate = mcs.GetCodeRate();
    // Bits of one code block incl. CRC (TS 38.212 5.2.2) over bits per modulation symbol Q_m R:
    // the complex channel uses n of one code block.
    const NrCodeBlockSegmentation seg = NrSegmentTransportBlock(tbs, codeRate);
    const double channelUses = seg.bitsPerCodeBlock / (mcs.modulationOrder * codeRate);
    // Polyanskiy-Poor-Verdu normal approximation linearised in dB (see the class description).
    return 10.0 / std::log(10.0) * std::sqrt((1.0 + 2.0 / threshold) / channelUses);
}

double
NrErrorModel::GetBler(double sinrLinear, const NrMcsEntry& mcs, uint32_t tbs, double alpha)
{
    if (std::isnan(sinrLinear) || sinrLinear < 0.0)
    {
        throw std::invalid_argument("NR error model: SINR " + std::to_string(sinrLinear) +
                                    " is negative or NaN");
    }
    const double threshold = GetSinrThreshold(mcs, alpha);
    const double sigmaDb = GetBlerSpreadDb(mcs, tbs, alpha);
    if (sinrLinear == 0.0)
    {
        return 1.0; // -infinity dB: nothing decodes
    }
    const double distanceDb = 10.0 * std::log10(sinrLinear / threshold);
    const double bler =
        0.5 * std::erfc(distanceDb / (std::sqrt(2.0) * sigmaDb) + ThresholdErfcArgument());
    NS_LOG_LOGIC("SINR " << sinrLinear << " threshold " << threshold << " sigma " << sigmaDb
                         << " dB BLER " << bler);
    return bler;
}

double
NrErrorModel::CombineSinr(const std::vector<double>& sinrsLinear)
{
    if (sinrsLinear.empty())
    {
        throw std::invalid_argument("NR error model: no transmission to combine");
    }
    double sum = 0.0;
    for (double sinr : sinrsLinear)
    {
        if (!std::isfinite(sinr) || sinr < 0.0)
        {
            throw std::invalid_argument("NR error model: SINR " + std::to_string(sinr) +
                                        " is negative, infinite or NaN");
        }
        sum += sinr; // chase combining: maximum-ratio combining of identical coded bits
    }
    return sum;
}

} // namespace blueprint
} // namespace ns3
