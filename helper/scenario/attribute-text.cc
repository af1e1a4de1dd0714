/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/attribute-text.h"

#include "helper/scenario/units.h"

#include "ns3/log.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/object-factory.h"
#include "ns3/rtt-estimator.h"
#include "ns3/socket-factory.h"
#include "ns3/string.h"
#include "ns3/tcp-congestion-ops.h"
#include "ns3/tcp-recovery-ops.h"

#include <charconv>
#include <cmath>
#include <regex>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintAttributeText");

namespace
{

/// A decimal number as C++ streams read it: sign, digits, point, exponent.
const char* const kDecimal = R"([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)";

/// The value of a decimal number already matched by kDecimal (infinite when out of range).
double
DecimalValue(const std::string& number)
{
    const std::size_t start = (!number.empty() && number[0] == '+') ? 1 : 0;
    double value = 0;
    const auto result =
        std::from_chars(number.data() + start, number.data() + number.size(), value);
    return result.ec == std::errc() ? value : HUGE_VAL;
}

/**
 * Reads text as a number matching numberPattern followed by one of units (or by nothing, when
 * unitOptional).
 * \return false if text is not written so or its value is not finite; else value holds the number
 *         times the unit's factor
 */
bool
SplitQuantity(const std::string& text,
              const std::string& numberPattern,
              const std::vector<std::pair<std::string, double>>& units,
              bool unitOptional,
              double& value)
{
    std::smatch match;
    if (!std::regex_match(text, match, std::regex("(" + numberPattern + ")(.*)")))
    {
        return false;
    }
    const std::string unit = match[match.size() - 1];
    double factor = 0;
    if (unit.empty() && unitOptional)
    {
        factor = 1;
    }
    for (const auto& [symbol, f] : units)
    {
        if (unit == symbol)
        {
            factor = f;
        }
    }
    if (factor == 0)
    {
        return false;
    }
    value = DecimalValue(match[1]) * factor;
    return std::isfinite(value);
}

/// Units of ns-3's Time(std::string) (src/core/model/time.cc; a year is 365 days there).
const std::vector<std::pair<std::string, double>>&
TimeUnits()
{
    static const std::vector<std::pair<std::string, double>> units = {{"s", 1},
                                                                      {"ms", 1e-3},
                                                                      {"us", 1e-6},
                                                                      {"ns", 1e-9},
                                                                      {"ps", 1e-12},
                                                                      {"fs", 1e-15},
                                                                      {"min", 60},
                                                                      {"h", 3600},
                                                                      {"d", 86400},
                                                                      {"y", 365 * 86400.0}};
    return units;
}

/// Units of ns-3's DataRate::DoParse (src/network/utils/data-rate.cc), in bit/s.
const std::vector<std::pair<std::string, double>>&
DataRateUnits()
{
    static const std::vector<std::pair<std::string, double>> units = {{"bps", 1},
                                                                      {"b/s", 1},
                                                                      {"Bps", 8},
                                                                      {"B/s", 8},
                                                                      {"kbps", 1e3},
                                                                      {"kb/s", 1e3},
                                                                      {"Kbps", 1e3},
                                                                      {"Kb/s", 1e3},
                                                                      {"kBps", 8e3},
                                                                      {"kB/s", 8e3},
                                                                      {"KBps", 8e3},
                                                                      {"KB/s", 8e3},
                                                                      {"Kib/s", 1024},
                                                                      {"KiB/s", 8192},
                                                                      {"Mbps", 1e6},
                                                                      {"Mb/s", 1e6},
                                                                      {"MBps", 8e6},
                                                                      {"MB/s", 8e6},
                                                                      {"Mib/s", 1048576},
                                                                      {"MiB/s", 8388608},
                                                                      {"Gbps", 1e9},
                                                                      {"Gb/s", 1e9},
                                                                      {"GBps", 8e9},
                                                                      {"GB/s", 8e9},
                                                                      {"Gib/s", 1073741824.0},
                                                                      {"GiB/s", 8589934592.0}};
    return units;
}

/// Units of ns-3's QueueSize::DoParse (src/network/utils/queue-size.cc), in bytes or packets.
const std::vector<std::pair<std::string, double>>&
QueueSizeUnits()
{
    static const std::vector<std::pair<std::string, double>> units = {{"B", 1},
                                                                      {"kB", 1e3},
                                                                      {"KB", 1e3},
                                                                      {"KiB", 1024},
                                                                      {"MB", 1e6},
                                                                      {"MiB", 1048576},
                                                                      {"p", 1},
                                                                      {"kp", 1e3},
                                                                      {"Kp", 1e3},
                                                                      {"Kip", 1024},
                                                                      {"Mp", 1e6},
                                                                      {"Mip", 1048576}};
    return units;
}

std::string
Symbols(const std::vector<std::pair<std::string, double>>& units)
{
    std::string out;
    for (const auto& [symbol, factor] : units)
    {
        out += (out.empty() ? "" : ", ") + symbol;
    }
    return out;
}

std::vector<std::string>
Split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
        {
            return parts;
        }
        start = end + 1;
    }
}

/// The attributes that name a type ns-3 builds: blueprint's and the core modules' here, a
/// technology's own from its plug-in (RegisterTypeNameAttribute).
std::vector<TypeNameAttribute>&
TypeNameAttributes()
{
    // ns-3.37: tcp-l4-protocol.cc CreateSocket; net-device-queue-interface.cc SetTxQueuesType;
    // blueprint's own traffic sources and sinks.
    static std::vector<TypeNameAttribute> attributes = {
        {"ns3::TcpL4Protocol",
         "SocketType",
         "ns3::TcpCongestionOps",
         &BuildsA<TcpCongestionOps>,
         false},
        {"ns3::TcpL4Protocol",
         "RecoveryType",
         "ns3::TcpRecoveryOps",
         &BuildsA<TcpRecoveryOps>,
         false},
        {"ns3::TcpL4Protocol",
         "RttEstimatorType",
         "ns3::RttEstimator",
         &BuildsA<RttEstimator>,
         false},
        {"ns3::NetDeviceQueueInterface",
         "TxQueuesType",
         "ns3::NetDeviceQueue",
         &BuildsA<NetDeviceQueue>,
         false},
        {"ns3::blueprint::TimestampedSource",
         "Protocol",
         "ns3::SocketFactory",
         &BuildsA<SocketFactory>,
         false},
        {"ns3::blueprint::TimestampSink",
         "Protocol",
         "ns3::SocketFactory",
         &BuildsA<SocketFactory>,
         false},
    };
    return attributes;
}

/// The type among owner and its parents that declares attribute.
TypeId
DeclaringType(TypeId owner, const std::string& attribute)
{
    for (TypeId t = owner;; t = t.GetParent())
    {
        for (uint32_t i = 0; i < t.GetAttributeN(); ++i)
        {
            if (t.GetAttribute(i).name == attribute)
            {
                return t;
            }
        }
        if (t == t.GetParent())
        {
            return owner;
        }
    }
}

} // namespace

bool
RegisterTypeNameAttribute(const TypeNameAttribute& attribute)
{
    TypeNameAttributes().push_back(attribute);
    return true;
}

namespace
{

const TypeNameAttribute*
FindTypeNameAttribute(TypeId owner, const std::string& attribute)
{
    const std::string declaring = DeclaringType(owner, attribute).GetName();
    for (const auto& a : TypeNameAttributes())
    {
        if (declaring == a.owner && attribute == a.attribute)
        {
            return &a;
        }
    }
    return nullptr;
}

/**
 * A type name for an attribute: a registered type with a constructor, of the kind the
 * attribute's user builds (TypeNameAttributes); for other TypeId attributes, a type derived from
 * the default's parent, unless that parent is Object.
 */
std::string
CheckTypeName(TypeId owner, const TypeId::AttributeInformation& info, const std::string& text)
{
    const TypeNameAttribute* known = FindTypeNameAttribute(owner, info.name);
    if (text.empty() && known && known->emptyAllowed)
    {
        return "";
    }
    TypeId tid;
    if (!TypeId::LookupByNameFailSafe(text, &tid))
    {
        return "expected the name of an ns-3 type" +
               std::string(known ? " derived from " + std::string(known->base) : "");
    }
    if (!tid.HasConstructor())
    {
        return "ns-3 cannot build a " + text + " (it has no constructor); name a concrete type";
    }
    if (known)
    {
        return known->fits(tid) ? "" : "expected a type derived from " + std::string(known->base);
    }
    const auto* initial = dynamic_cast<const TypeIdValue*>(PeekPointer(info.initialValue));
    if (initial && initial->Get().GetUid() != 0)
    {
        const TypeId family = initial->Get().GetParent();
        if (family != Object::GetTypeId() && family != family.GetParent() && !tid.IsChildOf(family))
        {
            return "expected a type derived from " + family.GetName() + ", such as " +
                   initial->Get().GetName();
        }
    }
    return "";
}

/// The syntax check for one value type: "" when ns-3's parser can read text safely.
std::string
CheckSyntax(TypeId owner,
            const TypeId::AttributeInformation& info,
            const std::string& type,
            const std::string& text)
{
    if (type == "StringValue")
    {
        // Some string attributes name a type that ns-3 builds (LteHelper's "Scheduler").
        return FindTypeNameAttribute(owner, info.name) ? CheckTypeName(owner, info, text) : "";
    }
    if (text.find_first_of(" \t\r\n\f\v") != std::string::npos)
    {
        // ns-3 reads these values as one blank-free word and aborts on what is left over.
        return "expected one word without blanks";
    }
    if (type == "UintegerValue")
    {
        return std::regex_match(text, std::regex("\\+?[0-9]+")) ? "" : "expected a whole number";
    }
    if (type == "IntegerValue")
    {
        return std::regex_match(text, std::regex("[+-]?[0-9]+")) ? "" : "expected a whole number";
    }
    if (type == "DoubleValue")
    {
        return std::regex_match(text, std::regex(kDecimal)) && std::isfinite(DecimalValue(text))
                   ? ""
                   : "expected a finite number";
    }
    if (type == "BooleanValue")
    {
        for (const char* word : {"true", "false", "1", "0", "t", "f"})
        {
            if (text == word)
            {
                return "";
            }
        }
        return "expected true or false";
    }
    if (type == "EnumValue")
    {
        const std::string names = info.checker->GetUnderlyingTypeInformation();
        for (const auto& name : Split(names, '|'))
        {
            if (text == name)
            {
                return "";
            }
        }
        return "expected one of " + names;
    }
    if (type == "TimeValue")
    {
        double seconds = 0;
        if (!SplitQuantity(text, kDecimal, TimeUnits(), true, seconds))
        {
            return "expected a time such as 10ms (units " + Symbols(TimeUnits()) + ")";
        }
        if (seconds < 0)
        {
            // Nothing in a run may be scheduled before now.
            return "a time must not be negative";
        }
        if (seconds > units::kMaxSeconds)
        {
            return "a time may be at most 1e9s (about 31 years), so that ns-3's clock cannot "
                   "overflow";
        }
        return "";
    }
    if (type == "DataRateValue")
    {
        // ns-3 reads digits and points only here (no sign, no exponent); a bare number is bit/s.
        double bps = std::regex_match(text, std::regex("[0-9]+")) ? DecimalValue(text) : 0;
        if (bps == 0 && !SplitQuantity(text, R"([0-9]*\.?[0-9]*)", DataRateUnits(), false, bps))
        {
            return "expected a data rate such as 10Mbps (units " + Symbols(DataRateUnits()) + ")";
        }
        if (bps < units::kMinBitsPerSecond || bps > units::kMaxBitsPerSecond)
        {
            return "a data rate must be 1bps to 1000Tbps";
        }
        return "";
    }
    if (type == "QueueSizeValue")
    {
        double size = 0;
        if (!SplitQuantity(text, R"([0-9]*\.?[0-9]*)", QueueSizeUnits(), false, size))
        {
            return "expected a queue size such as 100p or 64kB (units " +
                   Symbols(QueueSizeUnits()) + ")";
        }
        if (size > 4e9)
        {
            return "a queue size must be at most 4000000000 packets or bytes";
        }
        return "";
    }
    if (type == "TypeIdValue")
    {
        return CheckTypeName(owner, info, text);
    }
    return "a scenario cannot set attributes holding a " + type +
           "; it can set numbers, true/false, enumerations, strings, times, data rates, queue "
           "sizes and type names";
}

} // namespace

std::string
CheckAttributeText(TypeId owner, const TypeId::AttributeInformation& info, const std::string& text)
{
    NS_LOG_FUNCTION(owner.GetName() << info.name << text);
    // ns-3 names some value types with their namespace ("ns3::UintegerValue") and some without
    // ("TypeIdValue"); compare them without.
    std::string type = info.checker->GetValueTypeName();
    if (type.rfind("ns3::", 0) == 0)
    {
        type = type.substr(5);
    }
    const std::string problem = CheckSyntax(owner, info, type, text);
    if (!problem.empty())
    {
        return problem;
    }
    if (!info.checker->CreateValidValue(StringValue(text)))
    {
        return "expected " + (info.checker->HasUnderlyingTypeInformation()
                                  ? info.checker->GetUnderlyingTypeInformation()
                                  : type);
    }
    return "";
}

} // namespace blueprint
} // namespace ns3
