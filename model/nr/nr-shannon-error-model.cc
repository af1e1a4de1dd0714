/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-shannon-error-model.h"

#include "model/nr/nr-tbs.h"

#include "ns3/double.h"
#include "ns3/log.h"

#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrShannonErrorModel");

NS_OBJECT_ENSURE_REGISTERED(NrShannonErrorModel);

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

TypeId
NrShannonErrorModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrShannonErrorModel")
            .SetParent<NrErrorModel>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrShannonErrorModel>()
            .AddAttribute("ShannonAttenuation",
                          "alpha of TR 36.942 Annex A.2, SE = alpha log2(1 + SINR): the share of "
                          "Shannon's bound the code and receiver reach, in (0, 1].",
                          DoubleValue(DEFAULT_SHANNON_ATTENUATION),
                          MakeDoubleAccessor(&NrShannonErrorModel::SetShannonAttenuation,
                                             &NrShannonErrorModel::GetShannonAttenuation),
                          MakeDoubleChecker<double>(1e-3, 1.0));
    return tid;
}

NrShannonErrorModel::NrShannonErrorModel()
    : m_alpha(DEFAULT_SHANNON_ATTENUATION)
{
    NS_LOG_FUNCTION(this);
}

void
NrShannonErrorModel::SetShannonAttenuation(double alpha)
{
    m_alpha = alpha;
    ForgetCqiThresholds();
}

double
NrShannonErrorModel::GetShannonAttenuation() const
{
    return m_alpha;
}

double
NrShannonErrorModel::GetSinrThreshold(const NrMcsEntry& mcs) const
{
    return CalcSinrThreshold(mcs, m_alpha);
}

double
NrShannonErrorModel::GetBler(double sinrLinear, const NrMcsEntry& mcs, uint32_t tbsBits) const
{
    return CalcBler(sinrLinear, mcs, tbsBits, m_alpha);
}

double
NrShannonErrorModel::CalcSinrThreshold(const NrMcsEntry& mcs, double alpha)
{
    CheckArguments(mcs, alpha);
    // TR 36.942 Annex A.2: SE = alpha log2(1 + SINR), solved for SINR.
    return std::exp2(mcs.spectralEfficiency / alpha) - 1.0;
}

double
NrShannonErrorModel::CalcBlerSpreadDb(const NrMcsEntry& mcs, uint32_t tbsBits, double alpha)
{
    const double threshold = CalcSinrThreshold(mcs, alpha);
    const double codeRate = mcs.GetCodeRate();
    // Bits of one code block incl. CRC (TS 38.212 5.2.2) over bits per modulation symbol Q_m R:
    // the complex channel uses n of one code block.
    const NrCodeBlockSegmentation seg = NrSegmentTransportBlock(tbsBits, codeRate);
    const double channelUses = seg.bitsPerCodeBlock / (mcs.modulationOrder * codeRate);
    // Polyanskiy-Poor-Verdu normal approximation linearised in dB (see the class description).
    return 10.0 / std::log(10.0) * std::sqrt((1.0 + 2.0 / threshold) / channelUses);
}

double
NrShannonErrorModel::CalcBler(double sinrLinear,
                              const NrMcsEntry& mcs,
                              uint32_t tbsBits,
                              double alpha)
{
    if (std::isnan(sinrLinear) || sinrLinear < 0.0)
    {
        throw std::invalid_argument("NR error model: SINR " + std::to_string(sinrLinear) +
                                    " is negative or NaN");
    }
    const double threshold = CalcSinrThreshold(mcs, alpha);
    const double sigmaDb = CalcBlerSpreadDb(mcs, tbsBits, alpha);
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

} // namespace blueprint
} // namespace ns3
