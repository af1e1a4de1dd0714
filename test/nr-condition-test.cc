/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NrSpatialConditionModel: TR 38.901 Table 7.4.2-1 LOS probabilities, and a LOS state that
 * stays put for a parked UE and changes on the correlation distance's scale for a moving one.
 */

#include "model/nr/nr-propagation-scenario.h"
#include "model/nr/nr-spatial-condition-model.h"

#include "ns3/channel-condition-model.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/three-gpp-propagation-loss-model.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

Ptr<ConstantPositionMobilityModel>
At(double x, double z)
{
    // ns-3's condition models key links by node id, so every end needs a node.
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, 0, z));
    CreateObject<Node>()->AggregateObject(m);
    return m;
}

/// The LOS fraction over many independent links at one distance.
double
LosFraction(Ptr<ChannelConditionModel> model, double distance, double ueHeight, int links)
{
    Ptr<MobilityModel> bs = At(0, 25);
    int los = 0;
    for (int i = 0; i < links; ++i)
    {
        los += model->GetChannelCondition(bs, At(distance, ueHeight))->IsLos() ? 1 : 0;
    }
    return static_cast<double>(los) / links;
}

} // namespace

/// TR 38.901 Table 7.4.2-1, hand-evaluated: RMa exp(-(d-10)/1000); UMi and UMa
/// 18/d + exp(-d/36 or -d/63)(1 - 18/d); UMa above 13 m gains (1 + C' 5/4 (d/100)^3 exp(-d/150)).
TEST(NrConditionTest, LosProbabilitiesOfTr38901Table742)
{
    NrRmaScenario rma;
    NrUmaScenario uma;
    NrUmiStreetCanyonScenario umi;
    EXPECT_DOUBLE_EQ(rma.GetLosProbability(5, 1.5), 1.0);
    EXPECT_NEAR(rma.GetLosProbability(1010, 1.5), std::exp(-1.0), 1e-12);
    EXPECT_DOUBLE_EQ(umi.GetLosProbability(18, 1.5), 1.0);
    EXPECT_NEAR(umi.GetLosProbability(72, 1.5), 0.25 + std::exp(-2.0) * 0.75, 1e-12);
    EXPECT_NEAR(uma.GetLosProbability(126, 1.5), 18.0 / 126 + std::exp(-2.0) * 108 / 126, 1e-12);
    // h_UT = 23 m: C' = 1; d = 150 m: (d/100)^3 = 3.375.
    const double base = 18.0 / 150 + std::exp(-150.0 / 63) * (1 - 18.0 / 150);
    EXPECT_NEAR(uma.GetLosProbability(150, 23), base * (1 + 1.25 * 3.375 * std::exp(-1.0)), 1e-12);
}

/// TR 38.901 Table 7.6.3.1-2, LOS/NLOS state row: 60 m RMa, 50 m UMa and UMi; and Table 7.4.1-1's
/// note: the RMa path loss model covers up to 30 GHz, the others TR 38.901's 100 GHz.
TEST(NrConditionTest, ScenariosCarryTheirCorrelationDistancesAndFrequencyRanges)
{
    EXPECT_EQ(NrRmaScenario().GetLosCorrelationDistance(), 60.0);
    EXPECT_EQ(NrUmaScenario().GetLosCorrelationDistance(), 50.0);
    EXPECT_EQ(NrUmiStreetCanyonScenario().GetLosCorrelationDistance(), 50.0);
    EXPECT_EQ(NrRmaScenario().GetMaxFrequency(), 30e9);
    EXPECT_EQ(NrUmaScenario().GetMaxFrequency(), 100e9);
    EXPECT_EQ(NrUmiStreetCanyonScenario().GetMaxFrequency(), 100e9);
    // Each builds ns-3's models of its scenario.
    EXPECT_EQ(NrUmaScenario().CreatePropagationLossModel()->GetInstanceTypeId(),
              ThreeGppUmaPropagationLossModel::GetTypeId());
    EXPECT_EQ(NrUmiStreetCanyonScenario().CreateChannelConditionModel()->GetInstanceTypeId(),
              ThreeGppUmiStreetCanyonChannelConditionModel::GetTypeId());
}

/// Over many links the model's LOS share is the table's probability, as is ns-3's own model's
/// (so both implement the same table).
TEST(NrConditionTest, LosShareMatchesTheTableAndNs3)
{
    struct Case
    {
        Ptr<NrPropagationScenario> scenario;
        double distance;
    };

    const std::vector<Case> cases = {
        {CreateObject<NrRmaScenario>(), 700},
        {CreateObject<NrUmaScenario>(), 80},
        {CreateObject<NrUmiStreetCanyonScenario>(), 50},
    };
    const int links = 4000;
    for (const auto& c : cases)
    {
        SCOPED_TRACE(c.scenario->GetInstanceTypeId().GetName());
        Ptr<NrSpatialConditionModel> ours = CreateObject<NrSpatialConditionModel>();
        ours->SetAttribute("Scenario", PointerValue(c.scenario));
        ours->AssignStreams(10);
        Ptr<ChannelConditionModel> ns3 = c.scenario->CreateChannelConditionModel();
        ns3->AssignStreams(20);
        const double p = c.scenario->GetLosProbability(c.distance, 1.5);
        const double sigma = std::sqrt(p * (1 - p) / links);
        EXPECT_NEAR(LosFraction(ours, c.distance, 1.5, links), p, 4 * sigma);
        EXPECT_NEAR(LosFraction(ns3, c.distance, 1.5, links), p, 4 * sigma);
    }
}

/// A parked UE keeps its state; a UE driving 1 km towards the mast in 1 m steps changes state
/// rarely (on the 50 m scale, not at every step) and is LOS more often near the mast.
TEST(NrConditionTest, StateFollowsAMovingUeOnTheCorrelationScale)
{
    Ptr<NrSpatialConditionModel> model = CreateObject<NrSpatialConditionModel>();
    model->SetAttribute("Scenario", StringValue("ns3::blueprint::NrUmaScenario"));
    model->AssignStreams(3);
    Ptr<MobilityModel> bs = At(0, 25);
    Ptr<ConstantPositionMobilityModel> ue = At(300, 1.5);
    const bool first = model->GetChannelCondition(bs, ue)->IsLos();
    for (int i = 0; i < 100; ++i)
    {
        EXPECT_EQ(model->GetChannelCondition(bs, ue)->IsLos(), first);
    }

    int changes = 0;
    int losNear = 0;
    int losFar = 0;
    const int runs = 200;
    for (int run = 0; run < runs; ++run)
    {
        Ptr<ConstantPositionMobilityModel> car = At(1000, 1.5);
        bool last = model->GetChannelCondition(bs, car)->IsLos();
        for (int x = 999; x >= 20; --x)
        {
            car->SetPosition(Vector(x, 0, 1.5));
            const bool los = model->GetChannelCondition(bs, car)->IsLos();
            changes += los != last ? 1 : 0;
            last = los;
            losFar += (x >= 800 && los) ? 1 : 0;
            losNear += (x < 60 && los) ? 1 : 0;
        }
    }
    // Independent draws per metre would change state about 2 p (1 - p) per step: hundreds of
    // times per kilometre; an exponentially correlated Gauss-Markov variable chatters near the
    // threshold (about 19 changes per kilometre here). Knots 50 m apart give about 3.
    EXPECT_LT(static_cast<double>(changes) / runs, 8.0);
    EXPECT_GT(changes, 0);
    // pLOS is about 0.41 at 30-60 m and 0.02-0.05 at 800-1000 m (UMa): the shares follow.
    EXPECT_GT(static_cast<double>(losNear) / (40.0 * runs), 0.3);
    EXPECT_LT(static_cast<double>(losFar) / (200.0 * runs), 0.1);
}
