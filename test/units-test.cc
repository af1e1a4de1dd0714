/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/units.h"

#include <functional>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

namespace
{

using Parser = std::function<double(const std::string&)>;

/// The UnitError message a parser gives for text, or "" if it accepts the text.
std::string
ErrorOf(const Parser& parse, const std::string& text)
{
    try
    {
        parse(text);
    }
    catch (const UnitError& e)
    {
        return e.what();
    }
    return "";
}

/// Expects parse(text) to fail with a message containing every one of words.
void
ExpectRejected(const Parser& parse, const std::string& text, const std::vector<std::string>& words)
{
    const std::string message = ErrorOf(parse, text);
    ASSERT_FALSE(message.empty()) << "'" << text << "' was accepted";
    for (const auto& word : words)
    {
        EXPECT_NE(message.find(word), std::string::npos)
            << "message for '" << text << "' lacks '" << word << "': " << message;
    }
}

TEST(UnitsTest, DurationUnits)
{
    EXPECT_DOUBLE_EQ(units::ParseDuration("7ns"), 7e-9);
    EXPECT_DOUBLE_EQ(units::ParseDuration("250us"), 250e-6);
    EXPECT_DOUBLE_EQ(units::ParseDuration("250\xC2\xB5s"), 250e-6); // micro sign
    EXPECT_DOUBLE_EQ(units::ParseDuration("250\xCE\xBCs"), 250e-6); // Greek mu
    EXPECT_EQ(units::ParseDuration("10ms"), 0.01); // prefix applied in decimal: exact nearest
    EXPECT_DOUBLE_EQ(units::ParseDuration("2s"), 2.0);
    EXPECT_DOUBLE_EQ(units::ParseDuration("1.5min"), 90.0);
    EXPECT_DOUBLE_EQ(units::ParseDuration("2h"), 7200.0);
    EXPECT_DOUBLE_EQ(units::ParseDuration("1d"), 86400.0);
    EXPECT_DOUBLE_EQ(units::ParseDuration("0s"), 0.0);
}

TEST(UnitsTest, NumberForms)
{
    EXPECT_DOUBLE_EQ(units::ParseDuration("10 ms"), 0.01);
    EXPECT_DOUBLE_EQ(units::ParseDuration("  10\tms  "), 0.01);
    EXPECT_DOUBLE_EQ(units::ParseDuration(".5s"), 0.5);
    EXPECT_DOUBLE_EQ(units::ParseDuration("5.s"), 5.0);
    EXPECT_DOUBLE_EQ(units::ParseDuration("+3s"), 3.0);
    EXPECT_DOUBLE_EQ(units::ParseDuration("1e3us"), 1e-3);
    EXPECT_DOUBLE_EQ(units::ParseDuration("1.5E-2 s"), 0.015);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("2.5e+3 Mbps"), 2.5e9);
    EXPECT_EQ(units::ParseDuration("-0ms"), 0.0);
}

TEST(UnitsTest, DataRateUnits)
{
    EXPECT_DOUBLE_EQ(units::ParseDataRate("9600bps"), 9600.0);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("64kbps"), 64e3);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("100Mbps"), 100e6);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("1Gbps"), 1e9);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("0.4Tbps"), 0.4e12);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("10 bit/s"), 10.0);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("64kbit/s"), 64e3);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("1.5Mbit/s"), 1.5e6);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("10Gbit/s"), 10e9);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("1Tbit/s"), 1e12);
    // Byte rates are 8 bits per byte (IEC 80000-13).
    EXPECT_DOUBLE_EQ(units::ParseDataRate("100B/s"), 800.0);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("2kB/s"), 16e3);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("12.5MB/s"), 100e6);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("1GB/s"), 8e9);
    EXPECT_DOUBLE_EQ(units::ParseDataRate("1TB/s"), 8e12);
}

TEST(UnitsTest, DataSizeUnits)
{
    EXPECT_DOUBLE_EQ(units::ParseDataSize("64B"), 64.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1500 B"), 1500.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("64kB"), 64e3);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1.5MB"), 1.5e6);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("2GB"), 2e9);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1TB"), 1e12);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("2KiB"), 2048.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1MiB"), 1048576.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1GiB"), 1073741824.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1TiB"), 1099511627776.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("12bit"), 1.5);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1kbit"), 125.0);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("8Mbit"), 1e6);
    EXPECT_DOUBLE_EQ(units::ParseDataSize("1Gbit"), 125e6);
}

TEST(UnitsTest, LengthPowerFrequencyUnits)
{
    EXPECT_DOUBLE_EQ(units::ParseLength("5mm"), 0.005);
    EXPECT_DOUBLE_EQ(units::ParseLength("30cm"), 0.3);
    EXPECT_DOUBLE_EQ(units::ParseLength("350 m"), 350.0);
    EXPECT_DOUBLE_EQ(units::ParseLength("12km"), 12000.0);
    EXPECT_DOUBLE_EQ(units::ParseLength("1.2e1km"), 12000.0);
    EXPECT_DOUBLE_EQ(units::ParsePower("250mW"), 0.25);
    EXPECT_DOUBLE_EQ(units::ParsePower("15W"), 15.0);
    EXPECT_DOUBLE_EQ(units::ParsePower("1.2kW"), 1200.0);
    EXPECT_DOUBLE_EQ(units::ParsePower("3MW"), 3e6);
    EXPECT_DOUBLE_EQ(units::ParsePower("1GW"), 1e9);
    EXPECT_DOUBLE_EQ(units::ParseFrequency("50Hz"), 50.0);
    EXPECT_DOUBLE_EQ(units::ParseFrequency("125kHz"), 125e3);
    EXPECT_DOUBLE_EQ(units::ParseFrequency("700 MHz"), 700e6);
    EXPECT_DOUBLE_EQ(units::ParseFrequency("3.5GHz"), 3.5e9);
    EXPECT_DOUBLE_EQ(units::ParseFrequency("0.3THz"), 0.3e12);
}

TEST(UnitsTest, Ratio)
{
    EXPECT_DOUBLE_EQ(units::ParseRatio("20%"), 0.2);
    EXPECT_EQ(units::ParseRatio("99.999%"), 0.99999); // exactly the double nearest to 0.99999
    EXPECT_DOUBLE_EQ(units::ParseRatio("0.5 %"), 0.005);
    EXPECT_DOUBLE_EQ(units::ParseRatio("0.2"), 0.2);
    EXPECT_DOUBLE_EQ(units::ParseRatio("1"), 1.0);
    EXPECT_DOUBLE_EQ(units::ParseRatio("0"), 0.0);
    EXPECT_DOUBLE_EQ(units::ParseRatio("100%"), 1.0);
    ExpectRejected(units::ParseRatio, "150%", {"150%", "at most 100%"});
    ExpectRejected(units::ParseRatio, "1.5", {"1.5", "at most 1", "%"});
    ExpectRejected(units::ParseRatio, "-0.1", {"must not be negative"});
    ExpectRejected(units::ParseRatio, "20ms", {"expected a ratio", "which is a duration"});
}

TEST(UnitsTest, Money)
{
    EXPECT_DOUBLE_EQ(units::ParseMoney("1200000"), 1.2e6);
    EXPECT_DOUBLE_EQ(units::ParseMoney("1,200,000"), 1.2e6);
    EXPECT_DOUBLE_EQ(units::ParseMoney("1,200,000.50"), 1200000.5);
    EXPECT_DOUBLE_EQ(units::ParseMoney("999"), 999.0);
    EXPECT_DOUBLE_EQ(units::ParseMoney("1.2M"), 1.2e6);
    EXPECT_DOUBLE_EQ(units::ParseMoney("850k"), 850e3);
    EXPECT_DOUBLE_EQ(units::ParseMoney("1,500 k"), 1.5e6);
    EXPECT_DOUBLE_EQ(units::ParseMoney("0"), 0.0);
    ExpectRejected(units::ParseMoney, "$100", {"without a currency symbol"});
    ExpectRejected(units::ParseMoney, "100 USD", {"'USD'", "k (thousand)", "M (million)"});
    ExpectRejected(units::ParseMoney, "1,20,000", {"thousands separators"});
    ExpectRejected(units::ParseMoney, "1,5", {"thousands separators", "'.' for decimals"});
    ExpectRejected(units::ParseMoney, "1.2m", {"case-sensitive", "did you mean M?"});
    ExpectRejected(units::ParseMoney, "-5", {"must not be negative"});
    ExpectRejected(units::ParseMoney, "10ms", {"amount of money", "which is a duration"});
}

TEST(UnitsTest, RejectsNegative)
{
    ExpectRejected(units::ParseDuration, "-5ms", {"duration", "'-5ms'", "must not be negative"});
    ExpectRejected(units::ParseDataRate, "-1Gbps", {"must not be negative"});
    ExpectRejected(units::ParseDataSize, "-64B", {"must not be negative"});
    ExpectRejected(units::ParseLength, "-1km", {"must not be negative"});
    ExpectRejected(units::ParsePower, "-2W", {"must not be negative"});
    ExpectRejected(units::ParseFrequency, "-2GHz", {"must not be negative"});
}

TEST(UnitsTest, RejectsWrongKind)
{
    EXPECT_EQ(ErrorOf(units::ParseDuration, "10Mbps"),
              "expected a duration such as 10ms or 2s, got '10Mbps', which is a data rate");
    ExpectRejected(units::ParseDataRate, "10ms", {"expected a data rate", "which is a duration"});
    ExpectRejected(units::ParseDataSize, "1Gbps", {"expected a data size", "which is a data rate"});
    ExpectRejected(units::ParseLength, "5W", {"expected a length", "which is a power"});
    ExpectRejected(units::ParsePower, "3GHz", {"expected a power", "which is a frequency"});
    ExpectRejected(units::ParseFrequency, "2km", {"expected a frequency", "which is a length"});
    ExpectRejected(units::ParseDuration, "20%", {"which is a ratio"});
    ExpectRejected(units::ParseDataRate, "1500B", {"which is a data size"});
    // "m" is a metre; minutes are "min".
    ExpectRejected(units::ParseDuration, "10m", {"which is a length", "for minutes write min"});
}

TEST(UnitsTest, RejectsBareNumbers)
{
    EXPECT_EQ(ErrorOf(units::ParseDuration, "10"), "'10' has no unit; write it as 10ms or 10s");
    ExpectRejected(units::ParseDataRate, "100", {"'100' has no unit", "100Mbps", "100Gbps"});
    ExpectRejected(units::ParseDataSize, "64", {"has no unit", "64B"});
    ExpectRejected(units::ParseLength, "1e3", {"has no unit", "1e3m", "1e3km"});
    ExpectRejected(units::ParsePower, "15", {"has no unit", "15W"});
    ExpectRejected(units::ParseFrequency, "3.5", {"has no unit", "3.5GHz"});
}

TEST(UnitsTest, RejectsUnknownAndMiscasedUnits)
{
    ExpectRejected(units::ParseDataRate,
                   "10mbps",
                   {"'mbps'", "case-sensitive", "did you mean Mbps?"});
    ExpectRejected(units::ParsePower, "10mw", {"did you mean mW or MW?"});
    ExpectRejected(units::ParseDuration, "10MS", {"did you mean ms?"});
    ExpectRejected(units::ParseDuration,
                   "10msec",
                   {"'msec'", "did you mean ms?", "accepted units"});
    ExpectRejected(units::ParseDuration,
                   "2fortnight",
                   {"unknown duration unit 'fortnight'", "accepted units: ns, us,", "min, h, d"});
    const std::string message = ErrorOf(units::ParseDuration, "2fortnight");
    EXPECT_EQ(message.find("did you mean"), std::string::npos) << message;
    ExpectRejected(units::ParseLength, "5 miles", {"unknown length unit", "mm, cm, m, km"});
}

TEST(UnitsTest, RejectsEmptyGarbageAndNonFinite)
{
    EXPECT_EQ(ErrorOf(units::ParseDuration, ""),
              "expected a duration such as 10ms or 2s, got an empty value");
    ExpectRejected(units::ParseDataRate, "   ", {"empty value"});
    ExpectRejected(units::ParseRatio, "", {"empty value"});
    ExpectRejected(units::ParseMoney, "", {"empty value"});
    ExpectRejected(units::ParseDuration, "fast", {"'fast'", "does not start with a number"});
    ExpectRejected(units::ParseDuration, "ms", {"does not start with a number"});
    ExpectRejected(units::ParseDuration, "nan", {"'nan'", "not a finite number"});
    ExpectRejected(units::ParseDuration, "NaN ms", {"not a finite number"});
    ExpectRejected(units::ParseDataRate, "inf Gbps", {"not a finite number"});
    ExpectRejected(units::ParseRatio, ".inf", {"not a finite number"});
    ExpectRejected(units::ParseMoney, "-infinity", {"not a finite number"});
    ExpectRejected(units::ParseDuration, "1e999s", {"out of range"});
    ExpectRejected(units::ParseDataRate, "1e308Tbps", {"out of range"});
}

TEST(UnitsTest, TimesStayWithinNs3sClock)
{
    // ns-3 counts time in signed 64-bit nanoseconds (about 292 years); 1e9 s leaves room for sums.
    EXPECT_DOUBLE_EQ(units::ParseDuration("1e9s"), 1e9);
    ExpectRejected(units::ParseDuration, "1e300s", {"'1e300s' is too large", "at most 1e9s"});
    ExpectRejected(units::ParseDuration, "11575d", {"too large"});
    EXPECT_DOUBLE_EQ(units::ParseDuration("1ns"), 1e-9);
    EXPECT_DOUBLE_EQ(units::ParseDuration("0ns"), 0.0);
    ExpectRejected(units::ParseDuration, "0.5ns", {"too small", "whole nanoseconds"});
}

TEST(UnitsTest, RatesSizesAndLengthsStayWithinWhatNs3Holds)
{
    EXPECT_DOUBLE_EQ(units::ParseDataRate("1bps"), 1.0);
    ExpectRejected(units::ParseDataRate, "0.3bps", {"too small", "whole bits per second"});
    ExpectRejected(units::ParseDataRate, "2000Tbps", {"too large", "1000Tbps"});
    ExpectRejected(units::ParseDataSize, "1e16B", {"too large", "1000TB"});
    EXPECT_DOUBLE_EQ(units::ParseLength("1000000km"), 1e9);
    ExpectRejected(units::ParseLength, "1e15km", {"too large", "1,000,000km"});
    ExpectRejected(units::ParsePower, "2e12W", {"too large"});
    ExpectRejected(units::ParseFrequency, "2e15Hz", {"too large"});
    ExpectRejected(units::ParseMoney, "1e16", {"too large"});
    ExpectRejected(units::ParseSpeed, "3e8m/s", {"too large", "speed of light"});
}

} // namespace
} // namespace blueprint
} // namespace ns3
