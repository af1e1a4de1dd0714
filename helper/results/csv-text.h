/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CSV_TEXT_H
#define BLUEPRINT_CSV_TEXT_H

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A CSV field, quoted when it holds a separator, quote or newline (RFC 4180).
 * \param s the text
 * \return the field
 */
std::string CsvField(const std::string& s);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_CSV_TEXT_H */
