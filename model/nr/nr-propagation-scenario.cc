/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-propagation-scenario.h"

#include "ns3/channel-condition-model.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/three-gpp-propagation-loss-model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrPropagationScenario");

NS_OBJECT_ENSURE_REGISTERED(NrPropagationScenario);
NS_OBJECT_ENSURE_REGISTERED(NrRmaScenario);
NS_OBJECT_ENSURE_REGISTERED(NrUmaScenario);
NS_OBJECT_ENSURE_REGISTERED(NrUmiStreetCanyonScenario);

namespace
{

/**
 * \brief Build an object of a scenario's type and check it is of the kind NrChannel needs.
 * \tparam T the kind.
 * \param type the TypeId.
 * \param what the kind, for the message.
 * \return the object.
 */
template <typename T>
Ptr<T>
Build(TypeId type, const char* what)
{
    ObjectFactory factory;
    factory.SetTypeId(type);
    Ptr<T> built = DynamicCast<T>(factory.Create());
    if (!built)
    {
        throw std::logic_error("NR propagation scenario: " + type.GetName() + " is not a " + what);
    }
    return built;
}

} // namespace

TypeId
NrPropagationScenario::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrPropagationScenario")
                            .SetParent<Object>()
                            .SetGroupName("Blueprint");
    return tid;
}

double
NrPropagationScenario::GetMaxFrequency() const
{
    return TR38901_MAX_FREQUENCY_HZ;
}

Ptr<ThreeGppPropagationLossModel>
NrPropagationScenario::CreatePropagationLossModel() const
{
    return Build<ThreeGppPropagationLossModel>(GetPropagationLossModelType(),
                                               "ThreeGppPropagationLossModel");
}

Ptr<ThreeGppChannelConditionModel>
NrPropagationScenario::CreateChannelConditionModel() const
{
    return Build<ThreeGppChannelConditionModel>(GetChannelConditionModelType(),
                                                "ThreeGppChannelConditionModel");
}

// ---------------------------------------------------------------------------------------------
// RMa

TypeId
NrRmaScenario::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrRmaScenario")
                            .SetParent<NrPropagationScenario>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NrRmaScenario>();
    return tid;
}

TypeId
NrRmaScenario::GetPropagationLossModelType() const
{
    return ThreeGppRmaPropagationLossModel::GetTypeId();
}

TypeId
NrRmaScenario::GetChannelConditionModelType() const
{
    return ThreeGppRmaChannelConditionModel::GetTypeId();
}

double
NrRmaScenario::GetLosProbability(double distance2dM, double ueHeightM) const
{
    // TR 38.901 Table 7.4.2-1, RMa.
    const double d = distance2dM;
    return d <= 10.0 ? 1.0 : std::exp(-(d - 10.0) / 1000.0);
}

double
NrRmaScenario::GetLosCorrelationDistance() const
{
    return 60.0; // TR 38.901 Table 7.6.3.1-2, LOS/NLOS state correlation distance, RMa
}

double
NrRmaScenario::GetMaxFrequency() const
{
    return 30e9; // TR 38.901 Table 7.4.1-1, note: RMa path loss is validated up to 30 GHz
}

// ---------------------------------------------------------------------------------------------
// UMa

TypeId
NrUmaScenario::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrUmaScenario")
                            .SetParent<NrPropagationScenario>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NrUmaScenario>();
    return tid;
}

TypeId
NrUmaScenario::GetPropagationLossModelType() const
{
    return ThreeGppUmaPropagationLossModel::GetTypeId();
}

TypeId
NrUmaScenario::GetChannelConditionModelType() const
{
    return ThreeGppUmaChannelConditionModel::GetTypeId();
}

double
NrUmaScenario::GetLosProbability(double distance2dM, double ueHeightM) const
{
    // TR 38.901 Table 7.4.2-1, UMa, with C'(h_UT) for UEs above 13 m.
    const double d = distance2dM;
    if (d <= 18.0)
    {
        return 1.0;
    }
    const double c =
        ueHeightM <= 13.0 ? 0.0 : std::pow((std::min(ueHeightM, 23.0) - 13.0) / 10.0, 1.5);
    return (18.0 / d + std::exp(-d / 63.0) * (1.0 - 18.0 / d)) *
           (1.0 + c * 5.0 / 4.0 * std::pow(d / 100.0, 3) * std::exp(-d / 150.0));
}

double
NrUmaScenario::GetLosCorrelationDistance() const
{
    return 50.0; // TR 38.901 Table 7.6.3.1-2, LOS/NLOS state correlation distance, UMa
}

// ---------------------------------------------------------------------------------------------
// UMi - Street canyon

TypeId
NrUmiStreetCanyonScenario::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrUmiStreetCanyonScenario")
                            .SetParent<NrPropagationScenario>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NrUmiStreetCanyonScenario>();
    return tid;
}

TypeId
NrUmiStreetCanyonScenario::GetPropagationLossModelType() const
{
    return ThreeGppUmiStreetCanyonPropagationLossModel::GetTypeId();
}

TypeId
NrUmiStreetCanyonScenario::GetChannelConditionModelType() const
{
    return ThreeGppUmiStreetCanyonChannelConditionModel::GetTypeId();
}

double
NrUmiStreetCanyonScenario::GetLosProbability(double distance2dM, double ueHeightM) const
{
    // TR 38.901 Table 7.4.2-1, UMi - Street canyon.
    const double d = distance2dM;
    return d <= 18.0 ? 1.0 : 18.0 / d + std::exp(-d / 36.0) * (1.0 - 18.0 / d);
}

double
NrUmiStreetCanyonScenario::GetLosCorrelationDistance() const
{
    return 50.0; // TR 38.901 Table 7.6.3.1-2, LOS/NLOS state correlation distance, UMi
}

} // namespace blueprint
} // namespace ns3
