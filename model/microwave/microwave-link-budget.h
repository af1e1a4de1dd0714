/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_LINK_BUDGET_H
#define BLUEPRINT_MICROWAVE_LINK_BUDGET_H

#include "model/microwave/microwave-acm-table.h"

#include "ns3/object.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \brief Link budget of one line-of-sight microwave hop: received power, SNR and fade margin,
 * clear sky and in rain, and the longest hop that meets an availability target.
 *
 * Received power = TxPower + G_A + G_B - free-space loss - gaseous loss - OtherLosses - rain loss:
 * - free-space loss 20 log10(4 pi d / lambda) (ITU-R P.525-4 Eq. 6);
 * - antenna gain of a parabolic dish of diameter D, 20 log10(D / lambda) + 7.7 dBi (ITU-R
 *   F.699-8 and F.1245-3, "recommends" notes: the relation between gain and D / lambda, an
 *   aperture efficiency of about 60 %);
 * - gaseous loss: ITU-R P.676-12 Annex 1 specific attenuation (ItuGaseousAttenuation) at the
 *   hop's atmosphere times the hop length;
 * - rain loss: ITU-R P.838-3 specific attenuation (ItuRainSpecificAttenuation, elevation 0,
 *   the hop's polarisation) times the effective path length of ITU-R P.530-18 clause 2.4.1
 *   step 3, d_eff = d r with r = 1 / (0.477 d^0.633 R^(0.073 alpha) f^0.123 - 10.579
 *   (1 - exp(-0.024 d))) and r at most 2.5.
 *
 * A simulation has a rain rate now, not a rain-rate statistic: GetRainLoss() evaluates step 3
 * with the current rate in place of R_0.01, as NtnRainAttenuation does for P.618. The statistic
 * (GetRainLossExceeded, step 4) is for planning: the hop's availability and its reach.
 *
 * Noise is thermal noise in the channel width at 290 K plus the receiver's noise figure, so
 * SNR = received power + 174 dBm/Hz - 10 log10(width) - NF; the ACM table gives each
 * modulation's SNR requirement.
 */
class MicrowaveLinkBudget : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MicrowaveLinkBudget();

    /**
     * \brief Gain of a parabolic dish (ITU-R F.699-8: 20 log10(D / lambda) + 7.7 dBi).
     * \param diameterM dish diameter, m (> 0).
     * \param frequencyHz frequency, Hz.
     * \return dBi.
     */
    static double GetAntennaGainDbi(double diameterM, double frequencyHz);

    /**
     * \brief Free-space basic transmission loss (ITU-R P.525-4 Eq. 6).
     * \param frequencyHz frequency, Hz.
     * \param lengthM path length, m (> 0).
     * \return dB.
     */
    static double GetFreeSpaceLossDb(double frequencyHz, double lengthM);

    /**
     * \brief The ITU-R P.530-18 distance factor r (clause 2.4.1 step 3), at most 2.5.
     * \param lengthKm path length d, km.
     * \param rainRateMmH rain rate R, mm/h (> 0).
     * \param alpha the P.838-3 exponent alpha of the path.
     * \param frequencyGhz frequency f, GHz.
     * \return r.
     */
    static double GetDistanceFactor(double lengthKm,
                                    double rainRateMmH,
                                    double alpha,
                                    double frequencyGhz);

    /// \return the gaseous loss over the hop, dB.
    double GetGaseousLossDb() const;

    /**
     * \param rainRateMmH rain rate along the hop now, mm/h (0 = clear sky).
     * \return the rain loss over the hop, dB.
     */
    double GetRainLossDb(double rainRateMmH) const;

    /**
     * \brief Rain attenuation exceeded for p % of an average year (ITU-R P.530-18 clause 2.4.1
     * steps 1-4): A_0.01 = gamma_R(R_0.01) d r, then A_p = A_0.01 C1 p^-(C2 + C3 log10 p).
     * \param rainRate001MmH rain rate exceeded for 0.01 % of an average year at the site, mm/h
     *        (ITU-R P.837 map).
     * \param percentage p, 0.001 to 1 %.
     * \return dB.
     */
    double GetRainLossExceededDb(double rainRate001MmH, double percentage) const;

    /**
     * \param rainRateMmH rain rate now, mm/h.
     * \return the received power, dBm.
     */
    double GetReceivedPowerDbm(double rainRateMmH) const;

    /// \return thermal noise in the channel width plus the noise figure, dBm.
    double GetNoiseFloorDbm() const;

    /**
     * \param rainRateMmH rain rate now, mm/h.
     * \return the SNR at the receiver, dB.
     */
    double GetSnrDb(double rainRateMmH) const;

    /**
     * \brief Fade margin of a modulation: how much more loss the hop can take before it fails.
     * \param modulation the modulation.
     * \param rainRateMmH rain rate now, mm/h.
     * \return SNR - the modulation's requirement, dB (negative: it does not run).
     */
    double GetFadeMarginDb(const MicrowaveModulation& modulation, double rainRateMmH) const;

    /**
     * \brief Whether the hop keeps a modulation running for an availability target.
     * \param modulation the slowest modulation the hop may fall back to.
     * \param rainRate001MmH the site's rain rate exceeded for 0.01 % of the year, mm/h.
     * \param availabilityPercent availability target, 99 to 99.999 %.
     * \return true if the clear-sky fade margin covers the rain loss exceeded for
     *         100 - availability % of the year.
     */
    bool MeetsAvailability(const MicrowaveModulation& modulation,
                           double rainRate001MmH,
                           double availabilityPercent) const;

    /**
     * \brief The longest hop, at this budget's frequency, antennas and powers, that meets an
     * availability target with a modulation (bisection on MeetsAvailability, 1 m resolution).
     * \param modulation the slowest modulation the hop may fall back to.
     * \param rainRate001MmH the site's R_0.01, mm/h.
     * \param availabilityPercent the target, %.
     * \return metres (0 if not even a 10 m hop does).
     */
    double GetMaxHopLengthM(const MicrowaveModulation& modulation,
                            double rainRate001MmH,
                            double availabilityPercent) const;

    /// \return the hop length, m.
    double GetLengthM() const;
    /// \return the carrier frequency, Hz.
    double GetFrequencyHz() const;
    /// \return the channel width, Hz.
    double GetChannelWidthHz() const;

  private:
    double m_frequencyHz;       //!< carrier frequency
    double m_channelWidthHz;    //!< channel width (channel separation)
    double m_lengthM;           //!< hop length
    double m_txPowerDbm;        //!< transmit power at the antenna port
    double m_antennaADiameterM; //!< dish diameter at end A
    double m_antennaBDiameterM; //!< dish diameter at end B
    double m_noiseFigureDb;     //!< receiver noise figure
    double m_otherLossesDb;     //!< branching, feeder and radome losses, both ends together
    double m_tiltDeg;           //!< polarisation tilt (0 horizontal, 90 vertical, 45 circular)
    double m_dryPressureHpa;    //!< dry-air pressure along the hop
    double m_temperatureK;      //!< air temperature along the hop
    double m_waterVapourGm3;    //!< water-vapour density along the hop
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_LINK_BUDGET_H */
