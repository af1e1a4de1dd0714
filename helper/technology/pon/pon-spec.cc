/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/pon/pon-spec.h"

namespace ns3
{
namespace blueprint
{

double
PonLinkSpec::GetDistanceKm(std::size_t onu) const
{
    return feederKm + onus.at(onu).dropKm;
}

} // namespace blueprint
} // namespace ns3
