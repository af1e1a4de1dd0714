/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-link-budget.h"

#include "ns3/double.h"
#include "ns3/log.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNtnLinkBudget");

NS_OBJECT_ENSURE_REGISTERED(NtnLinkBudget);

namespace
{
/// -10 log10 of Boltzmann's constant 1.380649e-23 J/K (SI 2019), dB(W/(Hz K)).
const double MINUS_BOLTZMANN_DB = -10.0 * std::log10(1.380649e-23);
} // namespace

TypeId
NtnLinkBudget::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NtnLinkBudget")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<NtnLinkBudget>()
            .AddAttribute("Margin",
                          "Margin kept above each MODCOD's ideal Es/N0 (implementation loss, "
                          "amplifier non-linearity), dB. 1 dB is an assumption.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&NtnLinkBudget::m_marginDb),
                          MakeDoubleChecker<double>(0.0, 20.0))
            .AddAttribute("RollOff",
                          "Roll-off factor of the carrier (DVB-S2X offers 0.05, 0.10, 0.15, 0.20, "
                          "0.25, 0.35: EN 302 307-2 clause 5.6.1); 0.10 is an assumption.",
                          DoubleValue(0.10),
                          MakeDoubleAccessor(&NtnLinkBudget::m_rollOff),
                          MakeDoubleChecker<double>(0.0, 1.0))
            .AddAttribute("SkyNoiseTemperature",
                          "Medium temperature Tm of rain for the sky-noise increase, K.",
                          DoubleValue(275.0),
                          MakeDoubleAccessor(&NtnLinkBudget::m_skyNoiseTempK),
                          MakeDoubleChecker<double>(0.0, 400.0));
    return tid;
}

NtnLinkBudget::NtnLinkBudget()
    : m_marginDb(1.0),
      m_rollOff(0.10),
      m_skyNoiseTempK(275.0)
{
}

double
NtnLinkBudget::GetCarrierToNoiseDensity(const NtnLinkInput& in, const NtnPathLoss& pathLoss) const
{
    const double pl =
        pathLoss.GetLoss(in.frequencyHz, in.distanceM, in.elevationDeg, in.los, in.shadowFadingDb);
    double gOverT = in.gOverTDbK;
    if (in.rxOnGround && in.rainDb > 0)
    {
        // G/T = G - 10 log10(T): add the rain's sky noise to T.
        const double t = std::pow(10.0, (in.rxGainDbi - in.gOverTDbK) / 10.0);
        const double tRain = t + m_skyNoiseTempK * (1.0 - std::pow(10.0, -in.rainDb / 10.0));
        gOverT = in.rxGainDbi - 10.0 * std::log10(tRain);
    }
    return in.eirpDbw - pl - in.rainDb - in.otherLossesDb + gOverT + MINUS_BOLTZMANN_DB;
}

NtnLinkResult
NtnLinkBudget::Evaluate(const NtnLinkInput& in, const NtnPathLoss& pathLoss) const
{
    NtnLinkResult r;
    r.pathLossDb =
        pathLoss.GetLoss(in.frequencyHz, in.distanceM, in.elevationDeg, in.los, in.shadowFadingDb);
    const double symbolRate = in.bandwidthHz / (1.0 + m_rollOff);
    r.esN0Db = GetCarrierToNoiseDensity(in, pathLoss) - 10.0 * std::log10(symbolRate);
    r.modcod = NtnModcodTable::Select(r.esN0Db, m_marginDb);
    r.rateBps = r.modcod ? symbolRate * r.modcod->spectralEfficiency : 0.0;
    return r;
}

} // namespace blueprint
} // namespace ns3
