/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/optical/optical-spec.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

std::vector<std::string>
OpticalNetworkSpec::GetRoadmNames() const
{
    if (!roadms.empty())
    {
        return roadms;
    }
    std::vector<std::string> names;
    auto add = [&names](const std::string& name) {
        if (std::find(names.begin(), names.end(), name) == names.end())
        {
            names.push_back(name);
        }
    };
    for (const OpticalFibreSpec& f : fibres)
    {
        add(f.a);
        add(f.b);
    }
    return names;
}

} // namespace blueprint
} // namespace ns3
