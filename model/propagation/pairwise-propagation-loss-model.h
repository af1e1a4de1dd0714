/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PAIRWISE_PROPAGATION_LOSS_MODEL_H
#define BLUEPRINT_PAIRWISE_PROPAGATION_LOSS_MODEL_H

#include "ns3/mobility-model.h"
#include "ns3/propagation-loss-model.h"

#include <functional>
#include <map>
#include <utility>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A propagation loss model that gives every pair of ends a model of its own.
 *
 * ns-3's TR 38.901 models draw a link's shadow fading (and their condition models its LOS state)
 * from one random variable when they first evaluate the link, so with one model for a whole
 * spectrum channel a link's draws depend on which links the channel evaluated before it: one
 * more cell or UE moves every later link's draws. Here the model of a pair is made by a factory
 * the first time the pair is evaluated, so the factory can give it random streams named after
 * the pair's two ends (common random numbers across alternatives). The pair is unordered: the
 * TR 38.901 models are reciprocal.
 *
 * Attribute Frequency is handed to every pair's model (ns-3's LteHelper sets it on the model it
 * is given).
 */
class PairwisePropagationLossModel : public PropagationLossModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PairwisePropagationLossModel();

    /// Makes the model of a pair: its two ends and the carrier frequency, Hz.
    using PairFactory = std::function<
        Ptr<PropagationLossModel>(Ptr<MobilityModel> a, Ptr<MobilityModel> b, double frequencyHz)>;

    /**
     * \brief Set what makes each pair's model; drops the models made so far.
     * \param factory the factory.
     */
    void SetPairFactory(PairFactory factory);

    /// \return the number of pairs evaluated so far.
    std::size_t GetNPairs() const;

  protected:
    void DoDispose() override;

  private:
    double DoCalcRxPower(double txPowerDbm,
                         Ptr<MobilityModel> a,
                         Ptr<MobilityModel> b) const override;
    /// The pairs' models take their own streams (the factory's).
    int64_t DoAssignStreams(int64_t stream) override;

    double m_frequencyHz;  //!< handed to every pair's model
    PairFactory m_factory; //!< makes a pair's model
    /// (lower, higher end address) -> the pair's model and its ends (held, so their addresses,
    /// the key, are not reused).
    mutable std::map<
        std::pair<const MobilityModel*, const MobilityModel*>,
        std::pair<Ptr<PropagationLossModel>, std::pair<Ptr<MobilityModel>, Ptr<MobilityModel>>>>
        m_pairs;
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_PAIRWISE_PROPAGATION_LOSS_MODEL_H
