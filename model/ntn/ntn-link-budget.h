/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_LINK_BUDGET_H
#define BLUEPRINT_NTN_LINK_BUDGET_H

#include "model/ntn/ntn-modcod-table.h"
#include "model/ntn/ntn-path-loss.h"

#include "ns3/object.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief One direction of one link at one instant: who sends, who receives, and the geometry.
 */
struct NtnLinkInput
{
    double frequencyHz = 20e9;  //!< carrier frequency, Hz
    double bandwidthHz = 400e6; //!< carrier bandwidth (occupied, roll-off included), Hz
    double eirpDbw = 0.0;       //!< transmitter EIRP over the carrier, dBW
    double gOverTDbK = 0.0;     //!< receiver G/T in clear sky, dB/K
    double rxGainDbi = 0.0;     //!< receiver antenna gain, dBi (to split G/T for rain noise)
    bool rxOnGround = true;     //!< the receiver looks up through the rain (sky noise rises)
    double otherLossesDb = 0.0; //!< polarisation, pointing, beam-edge losses, dB
    double distanceM = 0.0;     //!< slant range, m
    double elevationDeg = 90.0; //!< elevation at the ground end, degrees
    bool los = true;            //!< line of sight at the ground end
    double shadowFadingDb = 0;  //!< shadow-fading draw, dB
    double rainDb = 0.0;        //!< rain attenuation, dB
};

/**
 * \ingroup blueprint-ntn
 * \brief What a link budget gives.
 */
struct NtnLinkResult
{
    double pathLossDb = 0.0;           //!< TR 38.811 path loss (rain excluded), dB
    double esN0Db = -1e9;              //!< symbol energy to noise density, dB
    const NtnModcod* modcod = nullptr; //!< the MODCOD ACM chooses; nullptr = link down
    double rateBps = 0.0;              //!< carrier bit rate at that MODCOD, bit/s
};

/**
 * \ingroup blueprint-ntn
 * \brief Link budget of a satellite or HAPS carrier, in the form of TR 38.821 clause 6.1.3:
 *
 * C/N0 = EIRP - PL - L_rain - L_other + G/T - 10 log10(k) (k = 1.380649e-23 J/K, so
 * -10 log10 k = 228.6 dB), with PL from TR 38.811 (NtnPathLoss). In rain a receiver on the ground
 * also sees a warmer sky: its noise temperature grows by Tm (1 - 10^(-A/10)), Tm = 275 K (ITU-R
 * P.618-13 clause 3, sky noise; Maral & Bousquet, Satellite Communications Systems, 5th ed.,
 * section 5.6), which lowers its G/T. The carrier of bandwidth B carries Rs = B / (1 + RollOff)
 * symbols per second, so Es/N0 = C/N0 - 10 log10(Rs); ACM picks the MODCOD
 * (NtnModcodTable::Select, with Margin) and the carrier's bit rate is Rs times its efficiency.
 * The feeder link of a transparent payload is assumed to add no noise (gateways are sized with
 * large antennas and site diversity so that the user link dominates).
 */
class NtnLinkBudget : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnLinkBudget();

    /**
     * \param input the link.
     * \param pathLoss the TR 38.811 scenario of the ground end.
     * \return C/N0, Es/N0, MODCOD and rate.
     */
    NtnLinkResult Evaluate(const NtnLinkInput& input, const NtnPathLoss& pathLoss) const;

    /**
     * \param input the link.
     * \param pathLoss the TR 38.811 scenario of the ground end.
     * \return carrier to noise density C/N0, dB-Hz.
     */
    double GetCarrierToNoiseDensity(const NtnLinkInput& input, const NtnPathLoss& pathLoss) const;

  private:
    double m_marginDb;      //!< ACM margin over each MODCOD's threshold, dB
    double m_rollOff;       //!< DVB-S2X roll-off factor
    double m_skyNoiseTempK; //!< medium temperature of rain, K
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_LINK_BUDGET_H */
