/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/wifi/wifi-reach.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/mobility-model.h"
#include "ns3/node.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/threshold-preamble-detection-model.h"
#include "ns3/wifi-net-device.h"
#include "ns3/wifi-phy.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

namespace
{

/**
 * \param tid a TypeId
 * \param name one of its double attributes
 * \return the attribute's default as it stands (Config::SetDefault included)
 */
double
DoubleDefault(TypeId tid, const std::string& name)
{
    TypeId::AttributeInformation info;
    NS_ABORT_MSG_UNLESS(tid.LookupAttributeByName(name, &info),
                        "no attribute " << tid.GetName() << "::" << name);
    DoubleValue value;
    value.DeserializeFromString(info.initialValue->SerializeToString(info.checker), info.checker);
    return value.Get();
}

} // namespace

WifiReach
EstimateWifiReach(Ptr<NetDevice> ap, Ptr<NetDevice> station)
{
    Ptr<WifiPhy> apPhy = DynamicCast<WifiNetDevice>(ap)->GetPhy();
    Ptr<WifiPhy> staPhy = DynamicCast<WifiNetDevice>(station)->GetPhy();
    Ptr<MobilityModel> apPosition = ap->GetNode()->GetObject<MobilityModel>();
    Ptr<MobilityModel> staPosition = station->GetNode()->GetObject<MobilityModel>();
    NS_ABORT_MSG_IF(!apPosition || !staPosition, "EstimateWifiReach: a node has no position");
    // The model YansWifiChannelHelper::Default() adds, with the same attribute defaults.
    Ptr<LogDistancePropagationLossModel> loss = CreateObject<LogDistancePropagationLossModel>();
    const double txDbm = apPhy->GetTxPowerStart() + apPhy->GetTxGain() + staPhy->GetRxGain();
    WifiReach r;
    r.distanceMetres = apPosition->GetDistanceFrom(staPosition);
    r.rssiDbm = loss->CalcRxPower(txDbm, apPosition, staPosition);
    r.thresholdDbm = DoubleDefault(ThresholdPreambleDetectionModel::GetTypeId(), "MinimumRssi");
    // Invert L(d) = L0 + 10 n log10(d / d0).
    const TypeId tid = LogDistancePropagationLossModel::GetTypeId();
    const double exponent = DoubleDefault(tid, "Exponent");
    const double d0 = DoubleDefault(tid, "ReferenceDistance");
    const double l0 = DoubleDefault(tid, "ReferenceLoss");
    r.reachMetres = d0 * std::pow(10.0, (txDbm - r.thresholdDbm - l0) / (10 * exponent));
    return r;
}

} // namespace blueprint
} // namespace ns3
