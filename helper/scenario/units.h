/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_UNITS_H
#define BLUEPRINT_UNITS_H

#include "helper/scenario/input-error.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \brief Parsers for quantities written the way people write them in scenario files: "10ms",
 * "1Gbps", "12 km", "64B", "20%".
 *
 * Common rules: leading and trailing blanks are ignored and blanks between number and unit are
 * allowed; numbers may have a fraction and an exponent ("1.5", ".5", "1e3"); units are
 * case-sensitive (mW is not MW); every quantity except ParseRatio and ParseMoney needs a unit;
 * negative, NaN and infinite values are rejected, and so are values beyond the limits below (and
 * non-zero durations below 1 ns and rates below 1 bit/s, which ns-3 would round to zero). Every
 * failure throws UnitError with a message
 * that says what was expected and, where it can, what the text looks like instead (a unit of
 * another kind, a unit in the wrong case, a near miss).
 */
namespace units
{

/**
 * \name Limits of the quantities a scenario may hold
 *
 * Every parser rejects values beyond these, so that nothing a reader accepts can overflow the
 * simulator. ns-3 counts time in signed 64-bit nanoseconds, about 292 years (ns-3 manual,
 * "Time"); a run adds times (start + duration + drain + one packet's transmission, a trip's legs),
 * so each single time is held to about a ninth of that range. Lengths become propagation delays
 * (5 us/km in fiber) and travel times; rates are whole bits per second in ns-3's DataRate.
 * @{
 */
constexpr double kMaxSeconds = 1e9;               //!< Longest duration: about 31 years.
constexpr double kMinSeconds = 1e-9;              //!< Shortest non-zero duration: ns-3's 1 ns.
constexpr double kMaxBitsPerSecond = 1e15;        //!< Highest data rate: 1000 Tbit/s.
constexpr double kMinBitsPerSecond = 1;           //!< Lowest non-zero data rate: 1 bit/s.
constexpr double kMaxBytes = 1e15;                //!< Largest data size: 1000 TB.
constexpr double kMaxMetres = 1e9;                //!< Longest length: 10^6 km.
constexpr double kMaxWatts = 1e12;                //!< Highest power: 1000 GW.
constexpr double kMaxHertz = 1e15;                //!< Highest frequency: 1000 THz.
constexpr double kMaxMetresPerSecond = 299792458; //!< Highest speed: light in vacuum (SI).
constexpr double kMaxMoney = 1e15;                //!< Largest amount of money.
constexpr double kMaxJoules = 3.6e15;             //!< Largest energy: 1 TWh.
constexpr double kMaxLitres = 1e9;                //!< Largest volume: 10^6 m3.
constexpr double kMaxLitresPerSecond = 1e6;       //!< Highest volume flow: 3.6e9 L/h.
/** @} */

/**
 * \brief Parses a duration.
 * \param text e.g. "10ms", "2 s", "1.5min"; units ns, us (also µs), ms, s, min, h, d
 * \return the duration in seconds
 */
double ParseDuration(const std::string& text);

/**
 * \brief Parses a data rate, with SI prefixes (k = 1000).
 * \param text e.g. "100Mbps", "1 Gbit/s", "12.5MB/s"; units bps, kbps, Mbps, Gbps, Tbps,
 *        bit/s, kbit/s, Mbit/s, Gbit/s, Tbit/s and the byte rates B/s, kB/s, MB/s, GB/s, TB/s
 * \return the rate in bit/s
 */
double ParseDataRate(const std::string& text);

/**
 * \brief Parses an amount of data.
 * \param text e.g. "64B", "1500 B", "2MiB", "12kbit"; units B, kB, MB, GB, TB (SI, 1000),
 *        KiB, MiB, GiB, TiB (binary, 1024) and bit, kbit, Mbit, Gbit
 * \return the amount in bytes (fractional only when given in bits)
 */
double ParseDataSize(const std::string& text);

/**
 * \brief Parses a length.
 * \param text e.g. "12km", "350 m"; units mm, cm, m, km
 * \return the length in metres
 */
double ParseLength(const std::string& text);

/**
 * \brief Parses a ratio, written as a percentage or as a plain fraction.
 * \param text e.g. "20%", "99.999%", "0.2"
 * \return the ratio as a fraction in [0, 1]
 */
double ParseRatio(const std::string& text);

/**
 * \brief Parses a power.
 * \param text e.g. "15W", "250 mW", "1.2kW"; units mW, W, kW, MW, GW
 * \return the power in watts
 */
double ParsePower(const std::string& text);

/**
 * \brief Parses a frequency.
 * \param text e.g. "3.5GHz", "700 MHz"; units Hz, kHz, MHz, GHz, THz
 * \return the frequency in hertz
 */
double ParseFrequency(const std::string& text);

/**
 * \brief Parses an amount of money.
 *
 * No currency symbol or code: a scenario names its currency once. Thousands separators must group
 * three digits ("1,200,000"); '.' is the decimal mark.
 *
 * \param text e.g. "1200000", "1,200,000", "1.2M", "850k"
 * \return the amount in the scenario's currency
 */
double ParseMoney(const std::string& text);

/**
 * \brief Parse a speed ("60km/h", "15m/s").
 * \param text the value as written
 * \return metres per second
 * \throws UnitError on a missing or unknown unit
 */
double ParseSpeed(const std::string& text);

/**
 * \brief Parse an energy ("4.8kWh", "500Wh", "2MJ").
 * \param text the value as written; units J, kJ, MJ, GJ, Wh, kWh, MWh, GWh
 * \return joules (1 Wh = 3600 J)
 * \throws UnitError on a missing or unknown unit
 */
double ParseEnergy(const std::string& text);

/**
 * \brief Parse a volume ("200L", "500 mL").
 * \param text the value as written; units mL, L (also l), kL, m3
 * \return litres
 * \throws UnitError on a missing or unknown unit
 */
double ParseVolume(const std::string& text);

/**
 * \brief Parse a volume flow, such as a generator's fuel consumption ("2.5L/h").
 * \param text the value as written; units L/h, L/min, L/s (also with l), mL/s
 * \return litres per second
 * \throws UnitError on a missing or unknown unit
 */
double ParseVolumeFlow(const std::string& text);

} // namespace units
} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_UNITS_H
