/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_RAIN_ATTENUATION_H
#define BLUEPRINT_NTN_RAIN_ATTENUATION_H

#include "model/weather/itu-rain-specific-attenuation.h"

#include "ns3/object.h"

namespace ns3
{
namespace blueprint
{

/// Rain coefficients k and alpha of ITU-R P.838-3 (the shared ItuRainCoefficients).
using NtnRainCoefficients = ItuRainCoefficients;

/**
 * \ingroup blueprint-ntn
 * \brief Rain attenuation of an Earth-space path: ITU-R P.838-3 specific attenuation and the
 * ITU-R P.618-13 clause 2.2.1.1 slant-path procedure.
 *
 * The specific attenuation is gamma_R = k R^alpha dB/km from ItuRainSpecificAttenuation
 * (ITU-R P.838-3, shared with the terrestrial microwave model), whose static functions this
 * class inherits. The path is the P.618-13 slant path below the rain height, shortened by the
 * horizontal reduction factor r_0.01 and the vertical adjustment factor v_0.01 (steps 1-9).
 *
 * P.618 predicts the attenuation exceeded for a percentage of an average year from the rain rate
 * exceeded for 0.01 % of the year (GetAttenuationExceeded). A simulation instead has a rain rate
 * now (a storm on the scenario's timeline): GetAttenuation() evaluates steps 1-9 with the current
 * rate in place of R_0.01, the common way of turning P.618 into a time series from a rain-rate
 * time series (e.g. the event-based use in ITU-R P.1853). The rain height hR should come from
 * ITU-R P.839 (0 degree isotherm + 0.36 km) for the site; the default 4.5 km is an assumption
 * for Japanese summer convective rain.
 */
class NtnRainAttenuation : public Object, public ItuRainSpecificAttenuation
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnRainAttenuation();

    /**
     * \brief Attenuation now, for the current rain rate (steps 1-9 of P.618-13 clause 2.2.1.1
     * with R in place of R_0.01).
     * \param frequencyHz frequency, Hz.
     * \param elevationDeg path elevation, degrees (at least 5).
     * \param rainRateMmH current rain rate at the station, mm/h (0 = clear sky).
     * \return attenuation, dB.
     */
    double GetAttenuation(double frequencyHz, double elevationDeg, double rainRateMmH) const;

    /**
     * \brief Attenuation exceeded for a percentage of an average year (P.618-13 clause 2.2.1.1,
     * steps 1-10).
     * \param frequencyHz frequency, Hz.
     * \param elevationDeg path elevation, degrees (at least 5).
     * \param rainRate001 rain rate exceeded for 0.01 % of an average year, mm/h.
     * \param percentage p, 0.001 to 5 %.
     * \return attenuation, dB.
     */
    double GetAttenuationExceeded(double frequencyHz,
                                  double elevationDeg,
                                  double rainRate001,
                                  double percentage) const;

  private:
    double m_latitudeDeg;    //!< station latitude, degrees
    double m_stationHeightM; //!< station height above mean sea level, m
    double m_rainHeightM;    //!< rain height hR above mean sea level, m
    double m_tiltDeg;        //!< polarisation tilt, degrees
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_RAIN_ATTENUATION_H */
