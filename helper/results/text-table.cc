/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/results/text-table.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

std::string
AlignColumns(const std::vector<std::vector<std::string>>& rows,
             std::size_t firstRightAligned,
             const std::string& indent)
{
    std::vector<std::size_t> width;
    for (const auto& row : rows)
    {
        width.resize(std::max(width.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
        {
            width[c] = std::max(width[c], row[c].size());
        }
    }
    std::string out;
    for (const auto& row : rows)
    {
        std::string line = indent;
        for (std::size_t c = 0; c < row.size(); ++c)
        {
            const std::string pad(width[c] - row[c].size(), ' ');
            line += (c ? "  " : "") + (c >= firstRightAligned ? pad + row[c] : row[c] + pad);
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line + "\n";
    }
    return out;
}

} // namespace blueprint
} // namespace ns3
