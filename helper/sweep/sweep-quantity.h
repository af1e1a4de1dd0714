/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SWEEP_QUANTITY_H
#define BLUEPRINT_SWEEP_QUANTITY_H

#include <optional>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A parameter value read as a number: a plain number or a quantity with a unit.
 *
 * Sweep constraints compare axis values ("links.backhaul.length <= 10km") and plots put them on a
 * numeric x axis; both need "10km" and "500 m" as metres, "1Gbps" as bit/s and so on.
 */
struct SweepQuantity
{
    std::string kind; //!< "number", "duration", "data rate", "data size", "length", "power",
                      //!< "frequency" or "ratio"
    std::string unit; //!< the SI unit the value is in: "", "s", "bit/s", "B", "m", "W", "Hz"
    double value = 0; //!< the value in that unit
};

/**
 * \ingroup blueprint
 * \brief Reads a value with the unit parsers of units.h.
 *
 * A plain number (strtod syntax, with sign) is a "number"; a percentage is a "ratio" (20% is
 * 0.2); otherwise the first of the duration, data rate, data size, length, power and frequency
 * parsers that accepts the text decides its kind (their unit sets do not overlap).
 *
 * \param text the value as written
 * \return the quantity, or nothing when the text is not a number or quantity
 */
std::optional<SweepQuantity> ParseSweepQuantity(const std::string& text);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SWEEP_QUANTITY_H
