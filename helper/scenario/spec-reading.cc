/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/spec-reading.h"

#include "ns3/queue-size.h"

#include <sstream>

namespace ns3
{
namespace specreading
{

std::string
ReadChoice(const ConfigNode& node, const std::vector<std::string>& choices, const std::string& what)
{
    const std::string value = node.AsString();
    for (const std::string& c : choices)
    {
        if (c == value)
        {
            return value;
        }
    }
    std::string message = "unknown " + what + " '" + value + "'";
    const std::string suggestion = SuggestClosest(value, choices);
    if (!suggestion.empty())
    {
        message += "; did you mean '" + suggestion + "'?";
    }
    else
    {
        message += "; expected one of:";
        for (const std::string& c : choices)
        {
            message += " " + c;
        }
    }
    throw InputError(node.GetMark(), message);
}

double
ReadDoubleIn(const ConfigNode& node, double low, double high, const std::string& what)
{
    const double value = node.AsDouble();
    if (value < low || value > high)
    {
        std::ostringstream message;
        message << what << " must lie between " << low << " and " << high << ", not " << value;
        throw InputError(node.GetMark(), message.str());
    }
    return value;
}

int64_t
ReadIntegerIn(const ConfigNode& node, int64_t low, int64_t high, const std::string& what)
{
    const int64_t value = node.AsInteger();
    if (value < low || value > high)
    {
        throw InputError(node.GetMark(),
                         what + " must lie between " + std::to_string(low) + " and " +
                             std::to_string(high) + ", not " + std::to_string(value));
    }
    return value;
}

double
ReadPositive(const ConfigNode& node, double (ConfigNode::*read)() const, const std::string& what)
{
    const double value = (node.*read)();
    if (!(value > 0.0))
    {
        throw InputError(node.GetMark(), what + " must be positive");
    }
    return value;
}

std::string
ReadQueueSize(const ConfigNode& node, const std::string& what)
{
    const std::string text = node.AsString();
    std::istringstream in(text);
    QueueSize size;
    in >> size;
    std::string rest;
    if (in.fail() || (in >> rest) || size.GetValue() == 0)
    {
        throw InputError(node.GetMark(),
                         what + " '" + text +
                             "' is not a positive number of packets or bytes (e.g. \"100p\", "
                             "\"1MB\")");
    }
    return text;
}

} // namespace specreading
} // namespace ns3
