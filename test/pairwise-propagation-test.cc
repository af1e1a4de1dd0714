/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PairwisePropagationLossModel: every pair of ends has a path loss model of its own, so a pair's
 * TR 38.901 shadow fading and LOS state (Tables 7.4.1-1, 7.4.2-1) come from the streams its
 * model was given, not from the order a shared channel evaluates its links in.
 */

#include "model/propagation/pairwise-propagation-loss-model.h"

#include "ns3/boolean.h"
#include "ns3/channel-condition-model.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/core-module.h"
#include "ns3/double.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/three-gpp-propagation-loss-model.h"

#include <gtest/gtest.h>
#include <map>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

Ptr<MobilityModel>
At(double x, double y, double z)
{
    Ptr<Node> node = CreateObject<Node>();
    Ptr<ConstantPositionMobilityModel> m = CreateObject<ConstantPositionMobilityModel>();
    m->SetPosition(Vector(x, y, z));
    node->AggregateObject(m);
    return m;
}

/// An RMa model with shadowing and a drawn LOS state, its streams from `stream`.
Ptr<PropagationLossModel>
Rma(int64_t stream, double frequencyHz)
{
    Ptr<ThreeGppRmaChannelConditionModel> condition =
        CreateObject<ThreeGppRmaChannelConditionModel>();
    Ptr<ThreeGppRmaPropagationLossModel> loss = CreateObject<ThreeGppRmaPropagationLossModel>();
    loss->SetAttribute("ChannelConditionModel", PointerValue(condition));
    loss->SetAttribute("ShadowingEnabled", BooleanValue(true));
    loss->SetAttribute("Frequency", DoubleValue(frequencyHz));
    const int64_t used = loss->AssignStreams(stream);
    condition->AssignStreams(stream + used);
    return loss;
}

} // namespace

TEST(PairwisePropagationLossModelTest, EachPairOfEndsHasOneModelWhicheverEndTransmits)
{
    Ptr<PairwisePropagationLossModel> model = CreateObject<PairwisePropagationLossModel>();
    model->SetAttribute("Frequency", DoubleValue(2.1e9));
    uint32_t made = 0;
    double frequency = 0;
    model->SetPairFactory([&](Ptr<MobilityModel>, Ptr<MobilityModel>, double f) {
        ++made;
        frequency = f;
        return Rma(100 * made, f);
    });
    Ptr<MobilityModel> mast = At(0, 0, 35);
    Ptr<MobilityModel> phone = At(900, 0, 1.5);
    Ptr<MobilityModel> tractor = At(0, 1200, 1.5);
    const double down = model->CalcRxPower(0, mast, phone);
    EXPECT_EQ(model->CalcRxPower(0, phone, mast), down); // reciprocal, one draw
    model->CalcRxPower(0, mast, tractor);
    EXPECT_EQ(made, 2u);
    EXPECT_EQ(model->GetNPairs(), 2u);
    EXPECT_EQ(frequency, 2.1e9); // LteHelper's Frequency reaches the pairs' models
    model->Dispose();
}

TEST(PairwisePropagationLossModelTest, APairsDrawsDoNotDependOnWhichPairsCameFirst)
{
    // A mast and a phone 900 m apart: the pair's loss with streams named after the pair is the
    // same evaluated first or after two other pairs. One shared model (ns-3's way) draws the
    // others' shadow fading first and gives the pair another value.
    Ptr<MobilityModel> mast = At(0, 0, 35);
    Ptr<MobilityModel> phone = At(900, 0, 1.5);
    Ptr<MobilityModel> others[] = {At(0, 1200, 1.5), At(-700, 300, 1.5)};
    std::map<const MobilityModel*, int64_t> id{{PeekPointer(mast), 0},
                                               {PeekPointer(phone), 1},
                                               {PeekPointer(others[0]), 2},
                                               {PeekPointer(others[1]), 3}};
    auto pairwise = [&](bool crowdFirst) {
        Ptr<PairwisePropagationLossModel> model = CreateObject<PairwisePropagationLossModel>();
        model->SetAttribute("Frequency", DoubleValue(2.1e9));
        model->SetPairFactory([&](Ptr<MobilityModel> a, Ptr<MobilityModel> b, double f) {
            // Streams named after the two ends (here by their numbers).
            return Rma(1000 + 100 * (id.at(PeekPointer(a)) + id.at(PeekPointer(b))), f);
        });
        if (crowdFirst)
        {
            model->CalcRxPower(0, others[0], mast);
            model->CalcRxPower(0, others[1], mast);
        }
        const double loss = model->CalcRxPower(0, mast, phone);
        model->Dispose();
        return loss;
    };
    EXPECT_EQ(pairwise(true), pairwise(false));
    auto shared = [&](bool crowdFirst) {
        Ptr<PropagationLossModel> model = Rma(1000, 2.1e9);
        if (crowdFirst)
        {
            model->CalcRxPower(0, others[0], mast);
            model->CalcRxPower(0, others[1], mast);
        }
        return model->CalcRxPower(0, mast, phone);
    };
    EXPECT_NE(shared(true), shared(false));
}
