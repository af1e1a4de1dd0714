/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_SPATIAL_CONDITION_MODEL_H
#define BLUEPRINT_NR_SPATIAL_CONDITION_MODEL_H

#include "model/nr/nr-propagation-scenario.h"

#include "ns3/channel-condition-model.h"
#include "ns3/random-variable-stream.h"
#include "ns3/vector.h"

#include <cstdint>
#include <map>
#include <utility>

namespace ns3
{

class MobilityModel;

namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief LOS/NLOS state of TR 38.901 that stays consistent as a terminal moves: the scenario's
 * LOS probability (Table 7.4.2-1) compared with a spatially consistent uniform random variable
 * (clause 7.6.3.3), correlated over the scenario's LOS state correlation distance
 * (Table 7.6.3.1-2). The scenario is attribute Scenario, any NrPropagationScenario.
 *
 * ns-3's ThreeGpp*ChannelConditionModel draws a link's state once (UpdatePeriod 0), so a UE
 * that drives from 1 km to 100 m of a mast keeps the state it drew far away; or it redraws the
 * state independently every UpdatePeriod, so a parked UE flips between LOS and NLOS. This model
 * gives each link a standard normal variable g that follows the distance its ends travel: fresh
 * independent normal values at knots one CorrelationDistance apart along the path, and between
 * two knots g0, g1 the normalised interpolation g = ((1 - t) g0 + t g1) / sqrt((1 - t)^2 + t^2),
 * t the fraction of the way travelled, which keeps g standard normal everywhere. The link is LOS
 * while Phi(g) < pLOS(d2D). A parked UE keeps its state; a moving one changes state about once
 * per correlation distance at most, more often LOS as it nears the mast. (An exponentially
 * correlated Gauss-Markov g would chatter between the states wherever it sits near the
 * threshold, at every metre, and make handovers ping-pong on noise.) Every link is outdoor to
 * outdoor (no O2I).
 */
class NrSpatialConditionModel : public ChannelConditionModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a model; its Scenario is RMa (NrRmaScenario) until set.
    NrSpatialConditionModel();

    // ChannelConditionModel
    Ptr<ChannelCondition> GetChannelCondition(Ptr<const MobilityModel> a,
                                              Ptr<const MobilityModel> b) const override;
    int64_t AssignStreams(int64_t stream) override;

  private:
    /// The state of one link.
    struct Link
    {
        double g0 = 0.0;                 //!< the normal value at the last knot
        double g1 = 0.0;                 //!< the normal value at the next knot
        double travelled = 0.0;          //!< metres travelled since the last knot
        Vector a;                        //!< one end's position when last asked
        Vector b;                        //!< the other end's
        Ptr<ChannelCondition> condition; //!< the state handed out
        /// The ends, held so that their addresses, the key, cannot be reused by new objects.
        Ptr<const MobilityModel> ends[2];
    };

    /// The two ends of a link, in a fixed order.
    using LinkKey = std::pair<const MobilityModel*, const MobilityModel*>;

    Ptr<NrPropagationScenario> m_scenario;   //!< whose pLOS and d_co apply
    Ptr<NormalRandomVariable> m_normal;      //!< the innovations n
    mutable std::map<LinkKey, Link> m_links; //!< every link asked about
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_SPATIAL_CONDITION_MODEL_H */
