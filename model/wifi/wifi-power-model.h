/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_WIFI_POWER_MODEL_H
#define BLUEPRINT_WIFI_POWER_MODEL_H

#include "model/energy/radio-power-model.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/wifi-phy-state.h"

#include <string>

namespace ns3
{

class WifiNetDevice;

namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Power and cost of a Wi-Fi access point or station, by standard.
 *
 * Access points: the power the AP needs at full performance, idle 85 % of it (the catalogues'
 * rule for network gear, whose draw barely follows load: an assumption). 802.11n: 18.5 W, what a
 * dual-radio Cisco Aironet 1250 (802.11n) needs at its PoE source over 100 m of cable (Cisco
 * Aironet 1250 Series hardware installation guide); 802.11ac and 802.11ax: 25.5 W, the IEEE
 * 802.3at Type 2 powered-device limit that enterprise 802.11ax APs need for full performance
 * (Extreme Networks AP4xx/AP5xx: on 802.3af they run a reduced mode; WiNG 7.3 reference guide;
 * 802.11ac taken as the same: assumption). Both are budgets a design must provide, so they bound
 * the draw from above.
 *
 * Stations: 2.1 W at full activity, what an Intel 5300 802.11n NIC draws in its high-rate MIMO
 * configurations (D. Halperin et al., "Demystifying 802.11n power consumption", HotPower 2010),
 * idle 85 % of it (a NIC that does not doze listens at nearly its receive power: assumption).
 *
 * AP cost: 29,197 kJPY for 60 APs at 27 disaster-prevention sites, with their controllers,
 * power and transmission equipment and installation (Uozu city, MIC Hokuriku Bureau, FY2020
 * public wireless LAN subsidy, press release 2020-11-30): 486,617 JPY per AP; 7-year life and
 * support at 10 % a year (the equipment catalogue's assumptions). A station is its owner's
 * device and carries no cost.
 */
struct WifiProfile
{
    double idlePower = 0.0;     //!< W with the radio on and nothing to send
    double maxPower = 0.0;      //!< W while transmitting all the time
    std::string powerSource;    //!< where the power figures come from
    double capex = 0.0;         //!< purchase and installation, JPY
    double lifetimeYears = 1.0; //!< recovery period of the capex
    double opexPerYear = 0.0;   //!< running cost per year, JPY
    std::string costSource;     //!< where the cost figures come from

    /**
     * \brief Get an access point's figures.
     * \param standard "802.11n", "802.11ac" or "802.11ax".
     * \return its profile.
     * \throws std::invalid_argument for another standard.
     */
    static WifiProfile AccessPoint(const std::string& standard);

    /// \return a station's figures (power only).
    static WifiProfile Station();
};

/**
 * \ingroup blueprint
 * \brief The power of one Wi-Fi radio over a run: the kind a Wi-Fi cell's `power: {model: ...}`
 * names for its access point (`airtime`, the default, is WifiRadioPowerModel; stations keep
 * WifiRadioPowerModel).
 *
 * The Wi-Fi plug-in gives the model the catalogue's figures (WifiProfile) through its attributes
 * IdlePower and MaxPower, where it has them.
 */
class WifiPowerModel : public RadioPowerModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Meter a device from now on. The model must outlive the simulation run (traces may
     * hold a plain pointer to it).
     * \param device the Wi-Fi device.
     */
    virtual void Attach(Ptr<WifiNetDevice> device) = 0;
};

/**
 * \ingroup blueprint
 * \brief Energy of one Wi-Fi radio from its PHY's airtime: P = P_idle + (P_max - P_idle) x
 * the share of time it transmits.
 *
 * The load of a Wi-Fi radio is its transmit airtime: ns-3's WifiPhyStateHelper reports every
 * state it leaves (trace "State": start, duration, state), and the model sums the TX durations.
 * Receiving, CCA busy and idle are priced at P_idle. A transmission still under way when the
 * energy is read is not counted. The model adds no events. It is the default WifiPowerModel
 * (`power: {model: airtime}`).
 */
class WifiRadioPowerModel : public WifiPowerModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a model with zero power.
    WifiRadioPowerModel();

    /**
     * \brief Set the powers from a profile.
     * \param profile the AP or station profile.
     */
    void SetProfile(const WifiProfile& profile);

    /**
     * \brief Meter a device: start now and follow its PHY's state. The model must outlive the
     * simulation run (the trace holds a plain pointer to it).
     * \param device the Wi-Fi device.
     */
    void Attach(Ptr<WifiNetDevice> device) override;

    /**
     * \brief PHY state sink.
     * \param start when the state began.
     * \param duration how long it lasted.
     * \param state the state.
     */
    void NotifyState(Time start, Time duration, WifiPhyState state);

    /// \return the transmit airtime counted since the start, s.
    double GetTxSeconds() const;

    /**
     * \brief Get the energy since the start.
     * \param now the end of the measurement.
     * \return the energy in J.
     */
    double GetEnergy(Time now) const override;

    /// \return P_idle: receiving, CCA busy and idle are all priced at it, W.
    std::optional<double> GetIdlePower() const override;

  private:
    double m_idlePower; //!< W
    double m_maxPower;  //!< W
    Time m_start;       //!< start of the measurement
    double m_txSeconds; //!< transmit airtime since the start
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_WIFI_POWER_MODEL_H */
