/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/pon/pon-spec.h"

namespace ns3
{

double
PonLinkSpec::GetDistanceKm(std::size_t onu) const
{
    return feederKm + onus.at(onu).dropKm;
}

} // namespace ns3
