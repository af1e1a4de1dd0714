/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ELEMENT_POWER_MODEL_H
#define BLUEPRINT_ELEMENT_POWER_MODEL_H

#include "ns3/object.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Electrical power of one network element as a linear function of its load.
 *
 * P(u) = Pue * (IdlePower + (MaxPower - IdlePower) * u), with u = carried bit rate / Capacity
 * clipped to [0, 1]: the "linear with idle" energy profile of Restrepo, Gruber and Mas Machuca
 * (Energy profile aware routing, IEEE ICC Workshops 2009). Measured network gear is close to
 * flat, so IdlePower is usually a large share of MaxPower (80-90 % is blueprint's assumption). Pue
 * scales the element's own draw to what its site takes from the grid (cooling, power conversion),
 * as in Vereecken et al. 2011 and the Uptime Institute PUE surveys.
 *
 * With Capacity 0 the element draws a constant Pue * IdlePower whatever it carries: the model for
 * equipment whose draw does not follow traffic, such as DSL line cards and optics.
 *
 * GetPower and GetEnergy are virtual: a scenario's `power: {model: ns3::...}` names a subclass
 * (a sleep-capable router, say) that the energy meter then integrates in their place.
 */
class ElementPowerModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create an element with zero power, Capacity 0 and Pue 1.
    ElementPowerModel();

    /**
     * \brief Get the power drawn at a given carried bit rate.
     * \param bitRate the bit rate the element carries, in bit/s (not negative).
     * \return the power in W, PUE included.
     */
    virtual double GetPower(double bitRate) const;

    /**
     * \brief Get the energy drawn over a run.
     *
     * The exact integral of the linear model: the integral of u(t) over the run is
     * bitsCarried / Capacity, clipped to the run length because u never exceeds 1. So
     * E = Pue * (IdlePower * T + (MaxPower - IdlePower) * min(bitsCarried / Capacity, T)).
     *
     * \param seconds the length of the run T, in s (not negative).
     * \param bitsCarried the bits the element carried during the run (not negative).
     * \return the energy in J, PUE included.
     */
    virtual double GetEnergy(double seconds, double bitsCarried) const;

    /// \return the idle power in W (PUE excluded).
    double GetIdlePower() const;

    /// \return the power at full load in W (PUE excluded).
    double GetMaxPower() const;

    /// \return the bit rate in bit/s at which MaxPower is reached (0 = constant power).
    double GetCapacity() const;

    /// \return the power usage effectiveness of the element's site.
    double GetPue() const;

  private:
    /// Abort if the attributes describe an impossible element.
    void CheckConsistent() const;

    double m_idlePower; //!< power at zero load, W
    double m_maxPower;  //!< power at full load, W
    double m_capacity;  //!< bit rate at which m_maxPower is reached, bit/s; 0 = constant power
    double m_pue;       //!< site power usage effectiveness (>= 1)
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_ELEMENT_POWER_MODEL_H */
