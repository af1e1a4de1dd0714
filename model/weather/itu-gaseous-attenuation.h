/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ITU_GASEOUS_ATTENUATION_H
#define BLUEPRINT_ITU_GASEOUS_ATTENUATION_H

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-weather
 * \brief Specific attenuation of dry air and water vapour, dB/km.
 */
struct ItuGaseousSpecificAttenuation
{
    double oxygenDbPerKm;      //!< gamma_o, dry air (oxygen lines and the dry continuum)
    double waterVapourDbPerKm; //!< gamma_w, water vapour lines and the continuum pseudo-line
};

/**
 * \ingroup blueprint-weather
 * \brief Attenuation by atmospheric gases, ITU-R P.676-12 Annex 1 (line-by-line summation).
 *
 * gamma = gamma_o + gamma_w = 0.1820 f (N''_Oxygen(f) + N''_WaterVapour(f)) dB/km (Eq. 1), the
 * imaginary parts of the refractivity summed over the spectral lines of Table 1 (oxygen, 44
 * lines) and Table 2 (water vapour, 35 lines including the 1780 GHz pseudo-line that carries
 * the water-vapour continuum), with the line strengths (Eq. 3), Van Vleck-Weisskopf line shapes
 * (Eq. 5), widths with Zeeman (oxygen) and Doppler (water) broadening (Eqs. 6), interference
 * corrections (Eq. 7) and the dry-air continuum N''_D (Eq. 8). Valid from 1 to 1000 GHz.
 *
 * Terrestrial links feel it most in the E-band (about 0.4 dB/km at 73 GHz for the reference
 * atmosphere) and near the 22 GHz water line; below 15 GHz it is a few hundredths of a dB/km.
 * The reference atmosphere of ITU-R P.835 (mean annual global: 1013.25 hPa dry pressure,
 * 15 degrees C, 7.5 g/m^3) is the default of the models that use this one.
 */
class ItuGaseousAttenuation
{
  public:
    /**
     * \brief Specific attenuation by dry air and water vapour.
     * \param frequencyHz frequency, 1 to 1000 GHz (aborts outside).
     * \param dryPressureHpa dry-air pressure p, hPa.
     * \param temperatureK temperature T, K.
     * \param waterVapourDensityGm3 water-vapour density rho, g/m^3 (e = rho T / 216.7 hPa).
     * \return gamma_o and gamma_w, dB/km.
     */
    static ItuGaseousSpecificAttenuation GetSpecificAttenuation(double frequencyHz,
                                                                double dryPressureHpa,
                                                                double temperatureK,
                                                                double waterVapourDensityGm3);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_ITU_GASEOUS_ATTENUATION_H */
