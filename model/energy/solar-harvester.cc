/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/energy/solar-harvester.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintSolarHarvester");

NS_OBJECT_ENSURE_REGISTERED(SolarProfile);
NS_OBJECT_ENSURE_REGISTERED(SunHoursSolarProfile);
NS_OBJECT_ENSURE_REGISTERED(ClearSkySolarProfile);
NS_OBJECT_ENSURE_REGISTERED(SolarEnergyHarvester);

namespace
{

constexpr double kDayS = 86400;
constexpr double kDegree = M_PI / 180;

bool
IsLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
DaysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeap(year) ? 29 : days[month - 1];
}

/// Days from 1970-01-01 to the date (proleptic Gregorian calendar), years 1900 to 2200.
long
DaysSinceEpoch(int year, int month, int day)
{
    long days = 0;
    for (int y = 1970; y < year; ++y)
    {
        days += IsLeap(y) ? 366 : 365;
    }
    for (int y = year; y < 1970; ++y)
    {
        days -= IsLeap(y) ? 366 : 365;
    }
    for (int m = 1; m < month; ++m)
    {
        days += DaysInMonth(year, m);
    }
    return days + day - 1;
}

} // namespace

bool
ParseDateTime(const std::string& text, double& unixSeconds, double& localSecondsOfDay)
{
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(),
                    "%4d-%2d-%2dT%2d:%2d%n",
                    &year,
                    &month,
                    &day,
                    &hour,
                    &minute,
                    &consumed) != 5 ||
        consumed != 16)
    {
        return false;
    }
    std::size_t pos = consumed;
    int second = 0;
    if (pos < text.size() && text[pos] == ':')
    {
        int more = 0;
        if (std::sscanf(text.c_str() + pos, ":%2d%n", &second, &more) != 1 || more != 3)
        {
            return false;
        }
        pos += more;
    }
    int offsetMinutes = 0;
    if (pos < text.size() && text[pos] == 'Z')
    {
        ++pos;
    }
    else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
    {
        int oh = 0;
        int om = 0;
        int more = 0;
        if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d%n", &oh, &om, &more) != 2 || more != 5 ||
            oh > 14 || om > 59)
        {
            return false;
        }
        offsetMinutes = (text[pos] == '-' ? -1 : 1) * (oh * 60 + om);
        pos += 1 + more;
    }
    else
    {
        return false; // an instant needs its offset from UTC
    }
    if (pos != text.size() || year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
        day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    {
        return false;
    }
    localSecondsOfDay = hour * 3600.0 + minute * 60.0 + second;
    unixSeconds =
        DaysSinceEpoch(year, month, day) * kDayS + localSecondsOfDay - offsetMinutes * 60.0;
    return true;
}

TypeId
SolarProfile::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::SolarProfile").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

double
SolarProfile::GetEnergy(double fromSeconds, double toSeconds) const
{
    if (toSeconds <= fromSeconds)
    {
        return 0;
    }
    const auto steps = static_cast<long>(std::ceil((toSeconds - fromSeconds) / 60.0));
    const double h = (toSeconds - fromSeconds) / steps;
    double joules = 0;
    double previous = GetPower(fromSeconds);
    for (long i = 1; i <= steps; ++i)
    {
        const double next = GetPower(fromSeconds + i * h);
        joules += 0.5 * (previous + next) * h;
        previous = next;
    }
    return joules;
}

TypeId
SunHoursSolarProfile::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::SunHoursSolarProfile")
            .SetParent<SolarProfile>()
            .SetGroupName("Blueprint")
            .AddConstructor<SunHoursSolarProfile>()
            .AddAttribute("PeakPower",
                          "The array's output at noon, in W.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&SunHoursSolarProfile::m_peakWatts),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("SunHours",
                          "Peak sun hours: the day's energy over PeakPower, in h (at most 15, so "
                          "that the half-sine day fits in 24 h).",
                          DoubleValue(4.0),
                          MakeDoubleAccessor(&SunHoursSolarProfile::m_sunHours),
                          MakeDoubleChecker<double>(0.0, 15.0))
            .AddAttribute("StartClock",
                          "Local time of day at timeline time 0, in s after midnight.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&SunHoursSolarProfile::m_startClockSeconds),
                          MakeDoubleChecker<double>(0.0, kDayS));
    return tid;
}

SunHoursSolarProfile::SunHoursSolarProfile()
    : m_peakWatts(0),
      m_sunHours(4),
      m_startClockSeconds(0)
{
}

double
SunHoursSolarProfile::GetPower(double timelineSeconds) const
{
    const double clock = std::fmod(m_startClockSeconds + timelineSeconds, kDayS);
    // pi/2 x SunHours long, so that the integral of PeakPower sin(pi x / length) is
    // PeakPower x SunHours.
    const double length = M_PI / 2 * m_sunHours * 3600;
    const double fromSunrise = clock - (kDayS / 2 - length / 2);
    if (length <= 0 || fromSunrise <= 0 || fromSunrise >= length)
    {
        return 0;
    }
    return m_peakWatts * std::sin(M_PI * fromSunrise / length);
}

TypeId
ClearSkySolarProfile::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::ClearSkySolarProfile")
            .SetParent<SolarProfile>()
            .SetGroupName("Blueprint")
            .AddConstructor<ClearSkySolarProfile>()
            .AddAttribute("PeakPower",
                          "The array's output at 1000 W/m2 (standard test conditions), in W.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ClearSkySolarProfile::m_peakWatts),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("Latitude",
                          "Latitude of the array, degrees north.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ClearSkySolarProfile::m_latitudeDeg),
                          MakeDoubleChecker<double>(-90.0, 90.0))
            .AddAttribute("Longitude",
                          "Longitude of the array, degrees east.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ClearSkySolarProfile::m_longitudeDeg),
                          MakeDoubleChecker<double>(-180.0, 180.0))
            .AddAttribute("Start",
                          "Timeline time 0, in s since 1970-01-01T00:00Z.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&ClearSkySolarProfile::m_startUnixSeconds),
                          MakeDoubleChecker<double>());
    return tid;
}

ClearSkySolarProfile::ClearSkySolarProfile()
    : m_peakWatts(0),
      m_latitudeDeg(0),
      m_longitudeDeg(0),
      m_startUnixSeconds(0)
{
}

double
ClearSkySolarProfile::GetIrradiance(double unixSeconds) const
{
    const double days = std::floor(unixSeconds / kDayS);
    const double utcHours = (unixSeconds - days * kDayS) / 3600;
    // Day of the year n (1 on 1 January), from the civil date of the UTC day.
    long remaining = static_cast<long>(days);
    int year = 1970;
    while (remaining >= (IsLeap(year) ? 366 : 365))
    {
        remaining -= IsLeap(year) ? 366 : 365;
        ++year;
    }
    while (remaining < 0)
    {
        --year;
        remaining += IsLeap(year) ? 366 : 365;
    }
    const double n = remaining + 1;
    const double declination = 23.45 * kDegree * std::sin(2 * M_PI * (284 + n) / 365);
    const double b = 2 * M_PI * (n - 1) / 365;
    const double equationOfTimeMin =
        229.2 * (0.000075 + 0.001868 * std::cos(b) - 0.032077 * std::sin(b) -
                 0.014615 * std::cos(2 * b) - 0.04089 * std::sin(2 * b));
    const double solarHours = utcHours + m_longitudeDeg / 15 + equationOfTimeMin / 60;
    const double hourAngle = 15 * kDegree * (solarHours - 12);
    const double latitude = m_latitudeDeg * kDegree;
    const double cosZenith = std::cos(latitude) * std::cos(declination) * std::cos(hourAngle) +
                             std::sin(latitude) * std::sin(declination);
    if (cosZenith <= 0)
    {
        return 0;
    }
    const double airMass = 1 / cosZenith;
    const double directNormal = 1353 * std::pow(0.7, std::pow(airMass, 0.678));
    return 1.1 * directNormal * cosZenith;
}

double
ClearSkySolarProfile::GetPower(double timelineSeconds) const
{
    return m_peakWatts * GetIrradiance(m_startUnixSeconds + timelineSeconds) / 1000;
}

TypeId
SolarEnergyHarvester::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::SolarEnergyHarvester")
                            .SetParent<EnergyHarvester>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<SolarEnergyHarvester>();
    return tid;
}

SolarEnergyHarvester::SolarEnergyHarvester()
    : m_offsetSeconds(0),
      m_lastQuery(Time(0)),
      m_harvestedJ(0)
{
}

void
SolarEnergyHarvester::SetProfile(Ptr<SolarProfile> profile, double offsetSeconds)
{
    m_profile = profile;
    m_offsetSeconds = offsetSeconds;
    m_lastQuery = Simulator::Now();
}

double
SolarEnergyHarvester::GetHarvestedEnergy() const
{
    return m_harvestedJ;
}

double
SolarEnergyHarvester::DoGetPower() const
{
    if (!m_profile)
    {
        return 0;
    }
    const Time now = Simulator::Now();
    const double t = m_offsetSeconds + now.GetSeconds();
    if (now <= m_lastQuery)
    {
        return m_profile->GetPower(t);
    }
    const double from = m_offsetSeconds + m_lastQuery.GetSeconds();
    const double joules = m_profile->GetEnergy(from, t);
    m_harvestedJ += joules;
    m_lastQuery = now;
    return joules / (t - from);
}

} // namespace blueprint
} // namespace ns3
