/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ATTRIBUTE_TEXT_H
#define BLUEPRINT_ATTRIBUTE_TEXT_H

#include "ns3/type-id.h"

#include <string>

namespace ns3
{

/**
 * \ingroup blueprint
 * \brief Checks the text a scenario gives an ns-3 attribute, without ever reaching an ns-3 abort.
 *
 * ns-3 3.37 ends the process on some malformed attribute text instead of reporting it: the
 * deserialiser of every ATTRIBUTE_HELPER_CPP value (integers, doubles, times, data rates, queue
 * sizes) aborts unless its stream reads to the end ("abc", "1 ms"), Time aborts on an unknown
 * unit, and an enumeration name missing from the checker is undefined behaviour. So the text is
 * first matched against the syntax ns-3's own parser reads for the attribute's value type, and
 * bounded so that ns-3's conversions cannot overflow (times within units::kMaxSeconds, rates
 * within units::kMaxBitsPerSecond); only then is it handed to the attribute's checker
 * (AttributeChecker::CreateValidValue), which applies the attribute's own range. A type name
 * (a TypeIdValue, or a string attribute that names a type, such as LteHelper's Scheduler) must
 * name a registered type with a constructor, of the kind ns-3 builds from it, so that ns-3 never
 * builds an object of the wrong kind.
 * Value types a scenario cannot write safely (pointers, callbacks, object factories, addresses,
 * ...) are refused by name.
 *
 * \param owner the type the attribute is looked up on
 * \param info the attribute, as owner.LookupAttributeByName gives it
 * \param text the value as written
 * \return "" when the attribute takes the text, else a message saying what it expects
 */
std::string CheckAttributeText(TypeId owner,
                               const TypeId::AttributeInformation& info,
                               const std::string& text);

} // namespace ns3

#endif // BLUEPRINT_ATTRIBUTE_TEXT_H
