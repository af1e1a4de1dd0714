/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-spatial-condition-model.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"
#include "ns3/pointer.h"
#include "ns3/string.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrSpatialConditionModel");

NS_OBJECT_ENSURE_REGISTERED(NrSpatialConditionModel);

TypeId
NrSpatialConditionModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrSpatialConditionModel")
            .SetParent<ChannelConditionModel>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrSpatialConditionModel>()
            .AddAttribute("Scenario",
                          "The TR 38.901 scenario whose LOS probability (Table 7.4.2-1) and LOS "
                          "state correlation distance (Table 7.6.3.1-2) apply: any "
                          "ns3::blueprint::NrPropagationScenario.",
                          StringValue("ns3::blueprint::NrRmaScenario"),
                          MakePointerAccessor(&NrSpatialConditionModel::m_scenario),
                          MakePointerChecker<NrPropagationScenario>());
    return tid;
}

NrSpatialConditionModel::NrSpatialConditionModel()
    : m_normal(CreateObject<NormalRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

Ptr<ChannelCondition>
NrSpatialConditionModel::GetChannelCondition(Ptr<const MobilityModel> a,
                                             Ptr<const MobilityModel> b) const
{
    const MobilityModel* pa = PeekPointer(a);
    const MobilityModel* pb = PeekPointer(b);
    if (pb < pa)
    {
        std::swap(pa, pb);
    }
    const Vector posA = pa->GetPosition();
    const Vector posB = pb->GetPosition();
    const double correlationDistance = m_scenario->GetLosCorrelationDistance();
    auto [it, inserted] = m_links.try_emplace(LinkKey{pa, pb});
    Link& link = it->second;
    if (inserted)
    {
        link.g0 = m_normal->GetValue();
        link.g1 = m_normal->GetValue();
        link.ends[0] = a;
        link.ends[1] = b;
    }
    else
    {
        const double moved = CalculateDistance(posA, link.a) + CalculateDistance(posB, link.b);
        if (moved <= 0.0 && link.condition)
        {
            return link.condition;
        }
        link.travelled += moved;
        while (link.travelled >= correlationDistance)
        {
            link.travelled -= correlationDistance;
            link.g0 = link.g1;
            link.g1 = m_normal->GetValue();
        }
    }
    link.a = posA;
    link.b = posB;
    const double d2d = std::hypot(posA.x - posB.x, posA.y - posB.y);
    const double pLos = m_scenario->GetLosProbability(d2d, std::min(posA.z, posB.z));
    const double t = link.travelled / correlationDistance;
    const double g = ((1 - t) * link.g0 + t * link.g1) / std::sqrt((1 - t) * (1 - t) + t * t);
    // Phi(g), the standard normal CDF: a uniform variable that moves with g.
    const double u = 0.5 * std::erfc(-g / std::sqrt(2.0));
    const auto state = u < pLos ? ChannelCondition::LOS : ChannelCondition::NLOS;
    if (!link.condition || link.condition->GetLosCondition() != state)
    {
        link.condition = CreateObject<ChannelCondition>(state, ChannelCondition::O2O);
    }
    return link.condition;
}

int64_t
NrSpatialConditionModel::AssignStreams(int64_t stream)
{
    m_normal->SetStream(stream);
    return 1;
}

} // namespace blueprint
} // namespace ns3
