/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/csv-text.h"

namespace ns3
{
namespace blueprint
{

std::string
CsvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
    {
        return s;
    }
    std::string out = "\"";
    for (char c : s)
    {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

} // namespace blueprint
} // namespace ns3
