/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_POWER_PLANT_H
#define BLUEPRINT_POWER_PLANT_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-build.h"
#include "model/energy/backup-battery.h"
#include "model/energy/energy-meter.h"
#include "model/energy/equipment-energy-model.h"
#include "model/energy/generator-source.h"
#include "model/energy/solar-harvester.h"

#include "ns3/ipv4-address.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The power supplies of one run: per member of every node with a `power_supply:` (its
 * own or its site's), the ns-3 energy sources its equipment draws from once the mains are lost,
 * and what happens when they run dry.
 *
 * On mains the equipment draws nothing from its backup and the battery charges (at its capacity
 * over its `recharge` time). Mains lost (MainsLost, or no mains at all): the generator runs if
 * there is one, then the battery; each feeds the node's metered draw through an
 * EquipmentEnergyModel. When none is left the node goes dark: its metered draw stops
 * (EnergyMeter::SetPowered) and the powered callback is called with false; by default that sets
 * every IPv4 interface of the node down, so it neither sends nor forwards. A solar array that
 * recharges the battery past its restart level, or the mains coming back (MainsRestored), power
 * it again (callback with true; by default its interfaces up and its routes as they were).
 *
 * A run is a window of the scenario's timeline starting at ScenarioSpec::windowStart. Mains lost
 * before it (SetMainsLostAt, SetMainsRestoredAt, or no mains) have drained the supply since: the
 * plant replays the gap at the node's idle power (the documented approximation: what the node
 * drew when it carried nothing), with the solar profile and the recharging, so the battery's
 * charge and the generator's fuel at t=0 are what they would be, and a node whose supply ran dry
 * in the gap starts dark.
 */
class PowerPlant
{
  public:
    /// Called when a member goes dark (false) or comes back (true).
    using PoweredCallback =
        std::function<void(const std::string& node, uint32_t member, bool powered)>;

    /**
     * \brief Describe the run's supplies; nothing is built before Start().
     * \param sb the run, with its nodes built and its elements registered with the meter
     */
    explicit PowerPlant(ScenarioBuild& sb);

    /// Release the ns-3 sources (they and their models hold each other).
    ~PowerPlant();

    PowerPlant(const PowerPlant&) = delete;
    PowerPlant& operator=(const PowerPlant&) = delete;

    /**
     * \brief Replace what happens when a member goes dark or comes back (default: its IPv4
     * interfaces down or up). The metered draw stops and restarts in any case.
     * \param callback the callback
     */
    void SetPoweredCallback(PoweredCallback callback);

    /**
     * \brief Tell the plant that the mains were lost at a time on the timeline, before this
     * run's window (call before Start()).
     * \param node the node (group) name
     * \param member the member
     * \param timelineSeconds the time on the timeline, s
     */
    void SetMainsLostAt(const std::string& node, uint32_t member, double timelineSeconds);

    /**
     * \brief Tell the plant that the mains came back at a time on the timeline, before this
     * run's window (call before Start()).
     * \param node the node (group) name
     * \param member the member
     * \param timelineSeconds the time on the timeline, s
     */
    void SetMainsRestoredAt(const std::string& node, uint32_t member, double timelineSeconds);

    /// Build the sources as they are at the window's start (simulation time 0, meter started).
    void Start();

    /**
     * \return whether Start() is running: a powered callback made now reports the state the
     * window starts in (a supply that ran dry before it), not a change during the window
     */
    bool IsSettingUp() const;

    /**
     * \brief The mains are lost now: the backup takes over, or the member goes dark.
     * \param node the node (group) name
     * \param member the member
     * \throws std::invalid_argument for an unknown node or member; std::logic_error before
     *         Start() (a loss before the run is SetMainsLostAt's)
     */
    void MainsLost(const std::string& node, uint32_t member);

    /**
     * \brief The mains are back now: the member is powered and its battery charges.
     * \param node the node (group) name
     * \param member the member
     * \throws std::invalid_argument for an unknown node or member; std::logic_error before
     *         Start()
     */
    void MainsRestored(const std::string& node, uint32_t member);

    /**
     * \param node the node (group) name
     * \param member the member
     * \return whether the member's equipment is powered now
     */
    bool IsPowered(const std::string& node, uint32_t member) const;

    /**
     * \brief Settle every source at the end of the run and report it.
     * \return per member with a supply or a mains loss, in node order
     */
    std::vector<PowerSupplyResult> Finish();

  private:
    /// One member's supply and state.
    struct Member
    {
        std::string node;                                 //!< node (group) name
        uint32_t member = 0;                              //!< member index
        Ptr<Node> ns3Node;                                //!< its ns-3 node
        const PowerSupplySpec* supply;                    //!< its supply, or nullptr (mains only)
        EnergyMeter::Selection selection;                 //!< its elements in the meter
        double idleWatts = 0;                             //!< its draw when carrying nothing, W
        bool mains = true;                                //!< whether the mains are on
        bool powered = true;                              //!< whether its equipment is on
        bool lostMains = false;                           //!< whether the mains were ever lost
        std::vector<std::pair<double, bool>> mainsBefore; //!< (timeline time, mains on) changes
        Ptr<BackupBattery> battery;                       //!< its battery
        Ptr<EquipmentEnergyModel> batteryDraw;            //!< the equipment drawing on it
        Ptr<GeneratorSource> generator;                   //!< its generator
        Ptr<EquipmentEnergyModel> generatorDraw;          //!< the equipment drawing on it
        Ptr<SolarEnergyHarvester> solar;                  //!< its solar array
        double batteryStartJ = 0;                         //!< battery charge at t=0, J
        std::optional<double> ranDryTimeline;             //!< when it went dark, on the timeline
        /// Its routes while dark, to put back (destination, gateway, interface).
        std::vector<std::tuple<Ipv4Address, Ipv4Address, uint32_t>> routes;
        std::optional<std::pair<Ipv4Address, uint32_t>> defaultRoute; //!< its default route
    };

    /**
     * \param node a node name \param member a member
     * \return the member's record, created (mains only) if it has none
     */
    Member& Find(const std::string& node, uint32_t member);

    /// Build a member's sources at t=0 after replaying the time before the window.
    void Build(Member& m);

    /**
     * \brief Replay the time between the first mains loss and the window's start at idle power.
     * \param m the member
     * \param chargeJ the battery's charge, in and out
     * \param fuelSeconds the generator's fuel, in and out
     * \return whether the equipment is powered at the window's start
     */
    bool ReplayBeforeWindow(Member& m, double& chargeJ, double& fuelSeconds);

    /// Choose what feeds a member now and power it on or off accordingly.
    void Feed(Member& m);

    /**
     * \brief Turn a member's equipment on or off.
     * \param m the member \param powered on or off
     */
    void SetPowered(Member& m, bool powered);

    /**
     * \brief The default powered callback: the node's IPv4 interfaces down (its routes kept) or
     * up (its routes put back).
     * \param m the member \param powered on or off
     */
    void SwitchInterfaces(Member& m, bool powered);

    ScenarioBuild& m_sb;                                          //!< the run
    double m_windowStart;                                         //!< its place on the timeline, s
    PoweredCallback m_callback;                                   //!< what a change of power does
    std::vector<std::unique_ptr<Member>> m_members;               //!< in node order, then created
    std::map<std::pair<std::string, uint32_t>, Member*> m_byName; //!< (node, member) -> record
    bool m_started = false;                                       //!< whether Start() ran
    bool m_settingUp = false;                                     //!< whether Start() is running
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_POWER_PLANT_H
