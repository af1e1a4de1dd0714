/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_RUNNER_H
#define BLUEPRINT_SCENARIO_RUNNER_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-spec.h"
#include "model/energy/energy-meter.h"
#include "model/stats/latency-digest.h"
#include "model/stats/member-record.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

class PowerPlant;

/**
 * \ingroup blueprint
 * \brief What a run's results keep only as summaries, for merging runs (phases) afterwards.
 */
struct FlowDistributions
{
    LatencyDigest latency;  //!< one-way delays, s
    LatencyDigest rtt;      //!< round trips, s (request_response)
    uint64_t rttOnTime = 0; //!< requests answered within the round-trip deadline
    std::shared_ptr<const MemberRecord> members; //!< per member of a group flow, else null
};

/**
 * \ingroup blueprint
 * \brief Builds one resolved scenario in ns-3, runs it and measures it.
 *
 * Build order (into a ScenarioBuild): nodes (groups placed in their site), the internet stack with
 * static routing, links through their technologies' plug-ins (LinkTechnology::Build, unit by unit
 * in file order), shortest-path routes towards every flow endpoint, traffic applications and
 * their traces into one FlowRecord per flow (BuildTraffic), then the energy meter and the cost
 * ledger (the nodes' equipment here, the links' by their technologies). The runner names no
 * technology; doc/architecture.rst follows a run step by step. The run lasts the scenario's
 * duration plus its drain time, so packets in flight when the senders stop are still counted.
 * Errors that need the built topology (a flow with no path) are InputErrors at the flow's position,
 * raised before anything is run or written.
 */
class ScenarioRunner
{
  public:
    /**
     * \param spec the resolved scenario
     */
    explicit ScenarioRunner(const ScenarioSpec& spec);

    /**
     * \brief Print a progress line on stderr while the run takes more than two seconds.
     * \param enabled on or off (the CLI turns it on only when stderr is a terminal)
     */
    void SetProgress(bool enabled);

    /**
     * \brief Whether Run() first refuses a scenario whose estimated memory exceeds what the
     * machine has available (CheckFootprintFits). On by default.
     * \param enabled on or off (the command's --no-memory-check turns it off)
     */
    void SetMemoryCheck(bool enabled);

    /**
     * \brief Record ns-3's FlowMonitor on every node over the run (the CLI's --flowmon); its XML
     * is GetFlowMonitorXml() after Run(). The monitor's own periodic checks add to the result's
     * event count.
     * \param enabled on or off (off by default)
     */
    void SetFlowMonitor(bool enabled);

    /// \return FlowMonitor's XML of the last Run(), empty unless SetFlowMonitor(true).
    const std::string& GetFlowMonitorXml() const;

    /**
     * \brief Record a NetAnim trace of the run (the CLI's --netanim): every node at its position,
     * moving nodes as they move, and the packets; GetNetAnimXml() gives it after Run(). The
     * animator's own events add to the result's event count.
     * \param enabled on or off (off by default)
     */
    void SetNetAnim(bool enabled);

    /// \return the NetAnim XML of the last Run(), empty unless SetNetAnim(true).
    const std::string& GetNetAnimXml() const;

    /**
     * \brief Write pcap files of chosen devices over the run (the CLI's `--pcap`, PcapCapture
     * says which devices and at which trace points); GetPcapFiles() gives them after Run().
     * Run() throws an InputError at "--pcap" for a name the scenario does not have, or a target
     * with no device that can be captured.
     * \param targets node names, group members NAME[I] and link names (none: no capture)
     */
    void SetPcap(const std::vector<std::string>& targets);

    /// \return ("pcap/NODE-LINK.pcap", bytes) per captured device of the last Run()
    const std::vector<std::pair<std::string, std::string>>& GetPcapFiles() const;

    /// \return the chosen devices the last Run() could not capture, one line each
    const std::vector<std::string>& GetPcapSkipped() const;

    /**
     * \brief Give a function the run's power plant once it is built, before the simulation
     * starts: to tell it of mains lost before the window (PowerPlant::SetMainsLostAt), schedule
     * mains losses and restorations, or replace its powered callback (the fault timeline does).
     * \param hook the function, or an empty one for none
     */
    void SetPowerPlantHook(std::function<void(PowerPlant&)> hook);

    /**
     * \brief Keep each flow's delay distributions after Run() (GetFlowDistributions), for a
     * caller that merges runs; off by default, since a digest holds up to 100,000 samples.
     * \param enabled on or off
     */
    void SetKeepDistributions(bool enabled);

    /// \return per flow of the spec, its distributions in the last Run(); empty unless
    /// SetKeepDistributions(true).
    const std::vector<FlowDistributions>& GetFlowDistributions() const;

    /// \return per energy element of the last Run(), what it draws idle at the run's end.
    const std::vector<ElementIdleDraw>& GetIdleDraws() const;

    /**
     * \brief Build, run and measure. Uses and then destroys the global ns-3 simulator.
     * \return the result
     * \throws InputError when the memory check is on and the scenario cannot fit
     */
    RunResult Run();

  private:
    ScenarioSpec m_spec;             //!< what to build
    bool m_progress = false;         //!< print progress
    bool m_memoryCheck = true;       //!< refuse what cannot fit in memory
    bool m_flowMonitor = false;      //!< record FlowMonitor
    std::string m_flowMonitorXml;    //!< FlowMonitor's XML of the last run
    bool m_netAnim = false;          //!< record a NetAnim trace
    std::string m_netAnimXml;        //!< NetAnim XML of the last run
    std::vector<std::string> m_pcap; //!< --pcap targets
    std::vector<std::pair<std::string, std::string>> m_pcapFiles; //!< pcap files of the last run
    std::vector<std::string> m_pcapSkipped;            //!< devices the last run could not capture
    std::function<void(PowerPlant&)> m_powerPlantHook; //!< see SetPowerPlantHook
    bool m_keepDistributions = false;                  //!< keep the flows' distributions
    std::vector<FlowDistributions> m_distributions;    //!< per flow, of the last run
    std::vector<ElementIdleDraw> m_idleDraws;          //!< per element, of the last run
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_RUNNER_H
