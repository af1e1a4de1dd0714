/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NrSpatialConditionModel: TR 38.901 Table 7.4.2-1 LOS probabilities, and a LOS state that
 * stays put for a parked UE and changes on the correlation distance's scale for a moving one.
 */

#include "model/nr/nr-spatial-condition-model.h"

#include "ns3/channel-condition-model.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/node.h"
#include "ns3/string.h"

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
    using M = NrSpatialConditionModel;
    EXPECT_DOUBLE_EQ(M::GetLosProbability(M::RMA, 5, 1.5), 1.0);
    EXPECT_NEAR(M::GetLosProbability(M::RMA, 1010, 1.5), std::exp(-1.0), 1e-12);
    EXPECT_DOUBLE_EQ(M::GetLosProbability(M::UMI, 18, 1.5), 1.0);
    EXPECT_NEAR(M::GetLosProbability(M::UMI, 72, 1.5), 0.25 + std::exp(-2.0) * 0.75, 1e-12);
    EXPECT_NEAR(M::GetLosProbability(M::UMA, 126, 1.5),
                18.0 / 126 + std::exp(-2.0) * 108 / 126,
                1e-12);
    // h_UT = 23 m: C' = 1; d = 150 m: (d/100)^3 = 3.375.
    const double base = 18.0 / 150 + std::exp(-150.0 / 63) * (1 - 18.0 / 150);
    EXPECT_NEAR(M::GetLosProbability(M::UMA, 150, 23),
                base * (1 + 1.25 * 3.375 * std::exp(-1.0)),
                1e-12);
}

/// Over many links the model's LOS share is the table's probability, as is ns-3's own model's
/// (so both implement the same table).
TEST(NrConditionTest, LosShareMatchesTheTableAndNs3)
{
    struct Case
    {
        std::string scenario;
        NrSpatialConditionModel::Scenario id;
        Ptr<ChannelConditionModel> ns3;
        double distance;
    };

    const std::vector<Case> cases = {
        {"RMa",
         NrSpatialConditionModel::RMA,
         CreateObject<ThreeGppRmaChannelConditionModel>(),
         700},
        {"UMa", NrSpatialConditionModel::UMA, CreateObject<ThreeGppUmaChannelConditionModel>(), 80},
        {"UMi",
         NrSpatialConditionModel::UMI,
         CreateObject<ThreeGppUmiStreetCanyonChannelConditionModel>(),
         50},
    };
    const int links = 4000;
    for (const auto& c : cases)
    {
        SCOPED_TRACE(c.scenario);
        Ptr<NrSpatialConditionModel> ours = CreateObject<NrSpatialConditionModel>();
        ours->SetAttribute("Scenario", StringValue(c.scenario));
        ours->AssignStreams(10);
        c.ns3->AssignStreams(20);
        const double p = NrSpatialConditionModel::GetLosProbability(c.id, c.distance, 1.5);
        const double sigma = std::sqrt(p * (1 - p) / links);
        EXPECT_NEAR(LosFraction(ours, c.distance, 1.5, links), p, 4 * sigma);
        EXPECT_NEAR(LosFraction(c.ns3, c.distance, 1.5, links), p, 4 * sigma);
    }
}

/// A parked UE keeps its state; a UE driving 1 km towards the mast in 1 m steps changes state
/// rarely (on the 50 m scale, not at every step) and is LOS more often near the mast.
TEST(NrConditionTest, StateFollowsAMovingUeOnTheCorrelationScale)
{
    Ptr<NrSpatialConditionModel> model = CreateObject<NrSpatialConditionModel>();
    model->SetAttribute("Scenario", StringValue("UMa"));
    model->SetAttribute("CorrelationDistance", DoubleValue(50.0));
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
