/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ITU_RAIN_SPECIFIC_ATTENUATION_H
#define BLUEPRINT_ITU_RAIN_SPECIFIC_ATTENUATION_H

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-weather
 * \brief Rain coefficients k and alpha of ITU-R P.838-3 for one frequency and path.
 */
struct ItuRainCoefficients
{
    double k;     //!< coefficient k
    double alpha; //!< exponent alpha
};

/**
 * \ingroup blueprint-weather
 * \brief Specific attenuation due to rain, ITU-R P.838-3 (03/2005).
 *
 * gamma_R = k R^alpha dB/km (Eq. 1), with log10 k and alpha from the Gaussian-sum regressions
 * of Eqs. 2-3 (coefficients in Tables 1-4) for horizontal and vertical polarisation, combined for
 * a path of elevation theta and polarisation tilt tau by Eqs. 4-5 (tau = 45 degrees for circular
 * polarisation, 0 horizontal, 90 vertical). Valid from 1 to 1000 GHz.
 *
 * One model for every technology that crosses rain: satellite slant paths (ITU-R P.618, see
 * NtnRainAttenuation) and terrestrial microwave hops (ITU-R P.530, see MicrowaveLinkBudget).
 * Pure functions of their arguments, so they are static.
 */
class ItuRainSpecificAttenuation
{
  public:
    /**
     * \brief Coefficients for horizontal polarisation (Eqs. 2-3, Tables 1 and 3).
     * \param frequencyHz frequency, 1 to 1000 GHz (aborts outside).
     * \return kH and alphaH.
     */
    static ItuRainCoefficients GetHorizontalCoefficients(double frequencyHz);

    /**
     * \brief Coefficients for vertical polarisation (Eqs. 2-3, Tables 2 and 4).
     * \param frequencyHz frequency, 1 to 1000 GHz (aborts outside).
     * \return kV and alphaV.
     */
    static ItuRainCoefficients GetVerticalCoefficients(double frequencyHz);

    /**
     * \brief Coefficients of a path (Eqs. 4-5).
     * \param frequencyHz frequency, Hz.
     * \param elevationDeg path elevation, degrees (0 for a terrestrial hop).
     * \param tiltDeg polarisation tilt angle relative to the horizontal, degrees.
     * \return k and alpha.
     */
    static ItuRainCoefficients GetCoefficients(double frequencyHz,
                                               double elevationDeg,
                                               double tiltDeg);

    /**
     * \brief Specific attenuation gamma_R = k R^alpha (Eq. 1).
     * \param frequencyHz frequency, Hz.
     * \param elevationDeg path elevation, degrees.
     * \param tiltDeg polarisation tilt, degrees.
     * \param rainRateMmH rain rate, mm/h (0 or less: no rain, 0 dB/km).
     * \return dB/km.
     */
    static double GetSpecificAttenuation(double frequencyHz,
                                         double elevationDeg,
                                         double tiltDeg,
                                         double rainRateMmH);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_ITU_RAIN_SPECIFIC_ATTENUATION_H */
