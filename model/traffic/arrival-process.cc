/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/traffic/arrival-process.h"

#include "ns3/enum.h"
#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintArrivalProcess");

Ptr<const AttributeChecker>
ArrivalProcess::MakeDistributionChecker()
{
    return MakeEnumChecker(FIXED, "Fixed", EXPONENTIAL, "Exponential");
}

ArrivalProcess::ArrivalProcess()
    : m_gap(CreateObject<ExponentialRandomVariable>())
{
}

Time
ArrivalProcess::FirstGap(Time interval, Distribution distribution)
{
    return distribution == FIXED ? Time(0) : NextGap(interval, distribution);
}

Time
ArrivalProcess::NextGap(Time interval, Distribution distribution)
{
    if (distribution == FIXED)
    {
        return interval;
    }
    // Unbounded (bound 0) exponential with the interval as mean, drawn in seconds.
    return Seconds(m_gap->GetValue(interval.GetSeconds(), 0.0));
}

int64_t
ArrivalProcess::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_gap->SetStream(stream);
    return 1;
}

} // namespace blueprint
} // namespace ns3
