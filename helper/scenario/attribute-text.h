/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ATTRIBUTE_TEXT_H
#define BLUEPRINT_ATTRIBUTE_TEXT_H

#include "ns3/object-factory.h"
#include "ns3/type-id.h"

#include <string>

namespace ns3
{
namespace blueprint
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

/**
 * \ingroup blueprint
 * \brief Whether an object of type t, built with its default constructor, is a T.
 *
 * Tested on a built object, as ns-3 itself uses it, because some TypeIds name another parent
 * than their C++ class has (TcpCubic's is TcpSocketBase in 3.37).
 * \tparam T the C++ base the object must have
 * \param t a registered type with a constructor
 * \return true if it builds a T
 */
template <typename T>
bool
BuildsA(TypeId t)
{
    ObjectFactory factory;
    factory.SetTypeId(t);
    return DynamicCast<T>(factory.Create()) != nullptr;
}

/**
 * \ingroup blueprint
 * \brief An attribute that names a type ns-3 builds, and what the built object must be. ns-3
 * checks neither: a wrong type aborts the run (LteHelper) or leaves a null pointer that crashes
 * it (TcpL4Protocol).
 */
struct TypeNameAttribute
{
    const char* owner;     //!< The type that declares the attribute.
    const char* attribute; //!< The attribute.
    const char* base;      //!< What the named type must be, for messages.
    bool (*fits)(TypeId);  //!< Whether a type is one (e.g. &BuildsA<TcpRecoveryOps>).
    bool emptyAllowed;     //!< Whether "" (none) is a value.
};

/**
 * \ingroup blueprint
 * \brief Make CheckAttributeText check an attribute that names a type (a technology's plug-in
 * registers those of the ns-3 helper it drives, when the library is loaded).
 * \param attribute the attribute
 * \return true
 */
bool RegisterTypeNameAttribute(const TypeNameAttribute& attribute);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_ATTRIBUTE_TEXT_H
