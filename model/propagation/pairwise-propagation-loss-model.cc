/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/propagation/pairwise-propagation-loss-model.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPairwisePropagationLossModel");

NS_OBJECT_ENSURE_REGISTERED(PairwisePropagationLossModel);

TypeId
PairwisePropagationLossModel::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PairwisePropagationLossModel")
            .SetParent<PropagationLossModel>()
            .SetGroupName("Blueprint")
            .AddConstructor<PairwisePropagationLossModel>()
            .AddAttribute("Frequency",
                          "The carrier frequency (Hz), handed to every pair's model.",
                          DoubleValue(500e6),
                          MakeDoubleAccessor(&PairwisePropagationLossModel::m_frequencyHz),
                          MakeDoubleChecker<double>(0.0));
    return tid;
}

PairwisePropagationLossModel::PairwisePropagationLossModel()
    : m_frequencyHz(500e6)
{
    NS_LOG_FUNCTION(this);
}

void
PairwisePropagationLossModel::SetPairFactory(PairFactory factory)
{
    NS_LOG_FUNCTION(this);
    m_factory = std::move(factory);
    m_pairs.clear();
}

std::size_t
PairwisePropagationLossModel::GetNPairs() const
{
    return m_pairs.size();
}

void
PairwisePropagationLossModel::DoDispose()
{
    for (auto& [key, pair] : m_pairs)
    {
        pair.first->Dispose();
    }
    m_pairs.clear();
    m_factory = nullptr;
    PropagationLossModel::DoDispose();
}

double
PairwisePropagationLossModel::DoCalcRxPower(double txPowerDbm,
                                            Ptr<MobilityModel> a,
                                            Ptr<MobilityModel> b) const
{
    NS_ABORT_MSG_UNLESS(m_factory, "PairwisePropagationLossModel: no pair factory set");
    std::pair<const MobilityModel*, const MobilityModel*> key{PeekPointer(a), PeekPointer(b)};
    if (key.second < key.first)
    {
        std::swap(key.first, key.second);
    }
    auto it = m_pairs.find(key);
    if (it == m_pairs.end())
    {
        // The model's frequency is the carrier's when the pair is first evaluated (LteHelper
        // sets it on every eNB it installs, before the simulation starts).
        Ptr<PropagationLossModel> model = m_factory(a, b, m_frequencyHz);
        // ns-3's ThreeGppPropagationLossModel::GetShadowing stores a zero displacement with a
        // link's first shadowing draw, so its second call correlates over the whole distance
        // between the ends, i.e. draws again. One discarded call settles it, so the pair keeps
        // its shadow fading from its first evaluation on (as NrChannel does).
        model->CalcRxPower(txPowerDbm, a, b);
        it = m_pairs.emplace(key, std::make_pair(model, std::make_pair(a, b))).first;
    }
    return it->second.first->CalcRxPower(txPowerDbm, a, b);
}

int64_t
PairwisePropagationLossModel::DoAssignStreams(int64_t stream)
{
    return 0;
}

} // namespace blueprint
} // namespace ns3
