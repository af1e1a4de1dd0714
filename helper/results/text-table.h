/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TEXT_TABLE_H
#define BLUEPRINT_TEXT_TABLE_H

#include <cstddef>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A plain-text table as the commands print them.
 * \param rows a table's rows (the header first), cells as text
 * \param firstRightAligned the first column whose cells are right-aligned (figures); the columns
 *        before it are left-aligned (default: none right-aligned)
 * \param indent what each line starts with
 * \return the rows, one a line, the columns two spaces apart and each as wide as its widest cell,
 *         without trailing spaces
 */
std::string AlignColumns(const std::vector<std::vector<std::string>>& rows,
                         std::size_t firstRightAligned = std::string::npos,
                         const std::string& indent = "");

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TEXT_TABLE_H
