/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SOLAR_HARVESTER_H
#define BLUEPRINT_SOLAR_HARVESTER_H

#include "ns3/energy-harvester.h"
#include "ns3/nstime.h"
#include "ns3/object.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What a solar array delivers over the day, as a function of time on the scenario's
 * timeline (s). Subclasses give the power; the base integrates it.
 */
class SolarProfile : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Get the array's output.
     * \param timelineSeconds the time on the scenario's timeline, s
     * \return the power in W (not negative)
     */
    virtual double GetPower(double timelineSeconds) const = 0;

    /**
     * \brief Get the energy delivered over an interval: the trapezoidal rule on steps of at most
     * one minute, over which both profiles change by well under one per cent of their peak.
     * \param fromSeconds the start, on the timeline, s
     * \param toSeconds the end, on the timeline, s (not before fromSeconds)
     * \return the energy in J
     */
    double GetEnergy(double fromSeconds, double toSeconds) const;
};

/**
 * \ingroup blueprint
 * \brief A day of stated "peak sun hours": the daily insolation divided by the 1 kW/m2 of the
 * standard test conditions (IEC 60904-3), so the array gives PeakPower x SunHours of energy a day.
 * The day is a half sine centred on 12:00 local time, PeakPower at noon, lasting pi/2 x SunHours
 * (so its integral is PeakPower x SunHours); every day is the same.
 */
class SunHoursSolarProfile : public SolarProfile
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SunHoursSolarProfile();

    /**
     * \param timelineSeconds time on the timeline, s
     * \return the power in W
     */
    double GetPower(double timelineSeconds) const override;

  private:
    double m_peakWatts;         //!< output at noon, W
    double m_sunHours;          //!< daily energy over the peak power, h
    double m_startClockSeconds; //!< local time of day at timeline 0, s after midnight
};

/**
 * \ingroup blueprint
 * \brief A clear day at a place on the Earth: the sun's elevation from the date, time, latitude
 * and longitude (declination after Cooper 1969 and the equation of time after Spencer 1971, both
 * as in Duffie and Beckman, Solar Engineering of Thermal Processes, 4th ed., eqs. 1.6.1a and
 * 1.5.3), the direct normal irradiance of the Meinel clear-sky model, 1353 x 0.7^(AM^0.678) W/m2
 * with air mass AM = 1/cos(zenith) (Meinel and Meinel, Applied Solar Energy, 1976), plus 10 % of
 * diffuse light, on a horizontal array: P = PeakPower x G / 1000 W/m2 (standard test conditions,
 * IEC 60904-3). No clouds, snow or soiling: an upper bound on a real day.
 */
class ClearSkySolarProfile : public SolarProfile
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    ClearSkySolarProfile();

    /**
     * \param timelineSeconds time on the timeline, s
     * \return the power in W
     */
    double GetPower(double timelineSeconds) const override;

    /**
     * \brief Get the global horizontal irradiance of the model.
     * \param unixSeconds the time, s since 1970-01-01T00:00Z
     * \return the irradiance in W/m2
     */
    double GetIrradiance(double unixSeconds) const;

  private:
    double m_peakWatts;        //!< output at 1000 W/m2, W
    double m_latitudeDeg;      //!< latitude, degrees north
    double m_longitudeDeg;     //!< longitude, degrees east
    double m_startUnixSeconds; //!< timeline 0, s since 1970-01-01T00:00Z
};

/**
 * \ingroup blueprint
 * \brief A solar array charging its site's battery, as an ns-3 energy harvester.
 *
 * Its power (EnergyHarvester::GetPower) is the mean of its profile over the interval since it was
 * last asked, so the battery that asks it at each of its updates gains exactly the profile's
 * energy; asked again with no time elapsed, it gives the power at that moment. Time on the
 * timeline is the simulation time plus the run's window start (SetTimelineOffset).
 */
class SolarEnergyHarvester : public EnergyHarvester
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    SolarEnergyHarvester();

    /**
     * \brief Set the profile and where the run sits on the timeline.
     * \param profile the array's output over the day
     * \param offsetSeconds the timeline time of simulation time 0 (the run's windowStart), s
     */
    void SetProfile(Ptr<SolarProfile> profile, double offsetSeconds);

    /// \return the energy the profile delivered while the battery asked for it, J (before any
    /// surplus the full battery could not take)
    double GetHarvestedEnergy() const;

  private:
    double DoGetPower() const override;

    Ptr<SolarProfile> m_profile; //!< the array's output over the day
    double m_offsetSeconds;      //!< timeline time of simulation time 0, s
    mutable Time m_lastQuery;    //!< time of the last query
    mutable double m_harvestedJ; //!< energy delivered so far, J
};

/**
 * \brief Read an ISO 8601 date and time with its offset from UTC.
 * \param text e.g. "2024-01-01T16:10+09:00", "2024-01-01T07:10:00Z"
 * \param unixSeconds set to the instant, s since 1970-01-01T00:00Z
 * \param localSecondsOfDay set to the local time of day, s after midnight
 * \return false if the text is not of that form or names no real date or time
 */
bool ParseDateTime(const std::string& text, double& unixSeconds, double& localSecondsOfDay);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_SOLAR_HARVESTER_H */
