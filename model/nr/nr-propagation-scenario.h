/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_PROPAGATION_SCENARIO_H
#define BLUEPRINT_NR_PROPAGATION_SCENARIO_H

#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/type-id.h"

namespace ns3
{

class ThreeGppChannelConditionModel;
class ThreeGppPropagationLossModel;

namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief A TR 38.901 clause 7.2 deployment scenario as NrChannel uses it: which path loss model
 * applies, which of ns-3's channel condition models draws a link's LOS state independently, the
 * LOS probability and the correlation distance of the LOS state for NrSpatialConditionModel, and
 * the highest carrier frequency the path loss model covers.
 *
 * One subclass per scenario (NrRmaScenario, NrUmaScenario, NrUmiStreetCanyonScenario), each
 * overriding the hooks with its tables' values, as ns-3's ThreeGppPropagationLossModel has one
 * subclass per scenario. A scenario names the variant by TypeId (`propagation: {scenario:
 * ns3::MyScenario}`; RMa, UMa and UMi are short names of the three here), so a researcher's own
 * subclass, an indoor hotspot on ns-3's ThreeGppIndoorOfficePropagationLossModel for example,
 * plugs in without touching blueprint.
 */
class NrPropagationScenario : public Object
{
  public:
    /// Top of TR 38.901 clause 7's frequency range, Hz (the ns-3 models accept 0.5-100 GHz).
    static constexpr double TR38901_MAX_FREQUENCY_HZ = 100e9;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \return the path loss model's TypeId, a ThreeGppPropagationLossModel subclass.
    virtual TypeId GetPropagationLossModelType() const = 0;

    /// \return the TypeId of the ThreeGppChannelConditionModel subclass that draws a link's LOS
    ///         state independently (NrChannel ConditionUpdatePeriod > 0).
    virtual TypeId GetChannelConditionModelType() const = 0;

    /**
     * \brief The probability that a link is LOS (TR 38.901 Table 7.4.2-1 for the scenarios here).
     * \param distance2dM the horizontal distance between the ends, m.
     * \param ueHeightM the UE antenna height, m.
     * \return the probability, in [0, 1].
     */
    virtual double GetLosProbability(double distance2dM, double ueHeightM) const = 0;

    /// \return the distance over which the LOS state decorrelates, m (TR 38.901 Table 7.6.3.1-2,
    ///         LOS/NLOS state row, for the scenarios here).
    virtual double GetLosCorrelationDistance() const = 0;

    /// \return the highest carrier frequency the path loss model is valid for, Hz;
    ///         TR38901_MAX_FREQUENCY_HZ unless a scenario's table says less.
    virtual double GetMaxFrequency() const;

    /// \return a new path loss model of GetPropagationLossModelType().
    /// \throws std::logic_error if that type is not a ThreeGppPropagationLossModel.
    Ptr<ThreeGppPropagationLossModel> CreatePropagationLossModel() const;

    /// \return a new condition model of GetChannelConditionModelType().
    /// \throws std::logic_error if that type is not a ThreeGppChannelConditionModel.
    Ptr<ThreeGppChannelConditionModel> CreateChannelConditionModel() const;
};

/**
 * \ingroup blueprint-nr
 * \brief Rural macro (RMa): ns-3's ThreeGppRmaPropagationLossModel and
 * ThreeGppRmaChannelConditionModel.
 */
class NrRmaScenario : public NrPropagationScenario
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetPropagationLossModelType() const override;
    TypeId GetChannelConditionModelType() const override;
    /// TR 38.901 Table 7.4.2-1, RMa: 1 up to 10 m, then exp(-(d2D - 10) / 1000).
    double GetLosProbability(double distance2dM, double ueHeightM) const override;
    /// TR 38.901 Table 7.6.3.1-2, LOS/NLOS state, RMa: 60 m.
    double GetLosCorrelationDistance() const override;
    /// TR 38.901 Table 7.4.1-1 note: the RMa path loss model is validated up to 30 GHz.
    double GetMaxFrequency() const override;
};

/**
 * \ingroup blueprint-nr
 * \brief Urban macro (UMa): ns-3's ThreeGppUmaPropagationLossModel and
 * ThreeGppUmaChannelConditionModel.
 */
class NrUmaScenario : public NrPropagationScenario
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetPropagationLossModelType() const override;
    TypeId GetChannelConditionModelType() const override;
    /// TR 38.901 Table 7.4.2-1, UMa: 1 up to 18 m, then
    /// (18 / d2D + exp(-d2D / 63) (1 - 18 / d2D)) (1 + C'(h_UT) 5/4 (d2D / 100)^3 exp(-d2D / 150)),
    /// C'(h_UT) = 0 up to 13 m, ((h_UT - 13) / 10)^1.5 from 13 to 23 m.
    double GetLosProbability(double distance2dM, double ueHeightM) const override;
    /// TR 38.901 Table 7.6.3.1-2, LOS/NLOS state, UMa: 50 m.
    double GetLosCorrelationDistance() const override;
};

/**
 * \ingroup blueprint-nr
 * \brief Urban micro, street canyon (UMi-Street Canyon): ns-3's
 * ThreeGppUmiStreetCanyonPropagationLossModel and ThreeGppUmiStreetCanyonChannelConditionModel.
 */
class NrUmiStreetCanyonScenario : public NrPropagationScenario
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    TypeId GetPropagationLossModelType() const override;
    TypeId GetChannelConditionModelType() const override;
    /// TR 38.901 Table 7.4.2-1, UMi - Street canyon: 1 up to 18 m, then
    /// 18 / d2D + exp(-d2D / 36) (1 - 18 / d2D).
    double GetLosProbability(double distance2dM, double ueHeightM) const override;
    /// TR 38.901 Table 7.6.3.1-2, LOS/NLOS state, UMi: 50 m.
    double GetLosCorrelationDistance() const override;
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_PROPAGATION_SCENARIO_H
