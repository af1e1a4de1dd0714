/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-spatial-condition-model.h"

#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/mobility-model.h"

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
                          "TR 38.901 scenario whose LOS probability (Table 7.4.2-1) applies.",
                          EnumValue(NrSpatialConditionModel::RMA),
                          MakeEnumAccessor(&NrSpatialConditionModel::m_scenario),
                          MakeEnumChecker(NrSpatialConditionModel::RMA,
                                          "RMa",
                                          NrSpatialConditionModel::UMA,
                                          "UMa",
                                          NrSpatialConditionModel::UMI,
                                          "UMi"))
            // TR 38.901 Table 7.6.3.1-2, LOS/NLOS state: 60 m RMa, 50 m UMa and UMi (as
            // recalled; see doc/nr.rst).
            .AddAttribute("CorrelationDistance",
                          "Distance over which the LOS state's random variable decorrelates, m.",
                          DoubleValue(50.0),
                          MakeDoubleAccessor(&NrSpatialConditionModel::m_correlationDistance),
                          MakeDoubleChecker<double>(0.1));
    return tid;
}

NrSpatialConditionModel::NrSpatialConditionModel()
    : m_scenario(RMA),
      m_correlationDistance(50.0),
      m_normal(CreateObject<NormalRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

double
NrSpatialConditionModel::GetLosProbability(Scenario scenario, double distance2d, double ueHeight)
{
    const double d = distance2d;
    switch (scenario)
    {
    case RMA:
        // TR 38.901 Table 7.4.2-1, RMa.
        return d <= 10.0 ? 1.0 : std::exp(-(d - 10.0) / 1000.0);
    case UMI:
        // TR 38.901 Table 7.4.2-1, UMi - Street canyon.
        return d <= 18.0 ? 1.0 : 18.0 / d + std::exp(-d / 36.0) * (1.0 - 18.0 / d);
    case UMA: {
        // TR 38.901 Table 7.4.2-1, UMa, with C'(h_UT) for UEs above 13 m.
        if (d <= 18.0)
        {
            return 1.0;
        }
        const double c =
            ueHeight <= 13.0 ? 0.0 : std::pow((std::min(ueHeight, 23.0) - 13.0) / 10.0, 1.5);
        return (18.0 / d + std::exp(-d / 63.0) * (1.0 - 18.0 / d)) *
               (1.0 + c * 5.0 / 4.0 * std::pow(d / 100.0, 3) * std::exp(-d / 150.0));
    }
    }
    return 0.0;
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
        while (link.travelled >= m_correlationDistance)
        {
            link.travelled -= m_correlationDistance;
            link.g0 = link.g1;
            link.g1 = m_normal->GetValue();
        }
    }
    link.a = posA;
    link.b = posB;
    const double d2d = std::hypot(posA.x - posB.x, posA.y - posB.y);
    const double pLos = GetLosProbability(m_scenario, d2d, std::min(posA.z, posB.z));
    const double t = link.travelled / m_correlationDistance;
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
