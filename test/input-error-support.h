/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Catching the InputError a reader throws, for tests of what it says and where.
 */

#ifndef BLUEPRINT_TEST_INPUT_ERROR_SUPPORT_H
#define BLUEPRINT_TEST_INPUT_ERROR_SUPPORT_H

#include "helper/scenario/input-error.h"

#include <functional>
#include <gtest/gtest.h>

namespace ns3
{
namespace blueprint
{

/// The InputError that action throws; fails the test if it throws nothing.
inline InputError
ErrorFrom(const std::function<void()>& action)
{
    try
    {
        action();
    }
    catch (const InputError& e)
    {
        return e;
    }
    ADD_FAILURE() << "no InputError was thrown";
    return InputError(SourceMark{}, "no error");
}

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TEST_INPUT_ERROR_SUPPORT_H
