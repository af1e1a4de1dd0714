/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RUN_RESULT_H
#define BLUEPRINT_RUN_RESULT_H

#include "model/cost/cost-split.h"
#include "model/stats/requirement-verdict.h"

#include <cstdint>
#include <map>
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
 * \brief Summary statistics of a delay distribution, in milliseconds.
 */
struct DelaySummary
{
    uint64_t samples = 0;     //!< number of samples
    double mean = 0;          //!< mean
    double p50 = 0;           //!< median
    double p95 = 0;           //!< 95th percentile
    double p99 = 0;           //!< 99th percentile
    double max = 0;           //!< maximum
    double min = 0;           //!< minimum
    bool exact = true;        //!< percentiles from all samples (else from a sketch)
    double relativeError = 0; //!< bound on the percentiles' relative error when not exact
    /// The distribution as (share of samples, ms) pairs: the nearest-rank quantile at each share
    /// of DelayCdfShares() (flow-judgement.h), so a report can draw the whole CDF, not only the
    /// percentiles above.
    std::vector<std::pair<double, double>> cdf;
};

/**
 * \ingroup blueprint
 * \brief The verdict on one requirement of a flow.
 */
struct RequirementResult
{
    std::string metric;              //!< latency, rtt, throughput, loss
    std::string target;              //!< what was required, as a person writes it
    std::string measured;            //!< what was measured, as a person writes it
    Verdict verdict = Verdict::Pass; //!< pass, fail, inconclusive
    std::string detail;              //!< why, e.g. the confidence bounds
    /// The threshold the target states, in SI units: a deadline in s (latency, rtt), bit/s per
    /// member (throughput), a ratio (loss); what a report draws as the requirement's line.
    double limit = 0;
    double reliability = 0; //!< deadlines: the share of sent packets required within `limit`
};

/**
 * \ingroup blueprint
 * \brief What the faults of a run (`events:`) did to one flow (doc/faults.rst).
 */
struct FlowOutage
{
    /// The longest outage of any member: from a fault that cut its path to the first packet sent
    /// after the fault that was delivered, summed over the faults that cut it; one still open at
    /// the end counts until the flow's last sending time.
    double seconds = 0;
    bool unrestored = false;  //!< an outage was still open at the end
    uint32_t outages = 0;     //!< member outages opened (one per member and cut)
    double firstFaultAt = -1; //!< when a fault first cut the flow, s of the run (-1: never)
    uint64_t sentBefore = 0;  //!< packets sent before that fault
    uint64_t lostBefore = 0;  //!< of those, never received
    uint64_t sentAfter = 0;   //!< packets sent at or after it
    uint64_t lostAfter = 0;   //!< of those, never received
};

/**
 * \ingroup blueprint
 * \brief What one compute node on a flow's way (or at its end) did to the flow's messages.
 */
struct FlowComputeStage
{
    std::string node;          //!< the compute node (group)
    uint64_t served = 0;       //!< the flow's messages served there
    uint64_t dropped = 0;      //!< refused (waiting room full)
    double waitSeconds = 0;    //!< their waiting times, summed
    double serviceSeconds = 0; //!< their service times, summed
};

/**
 * \ingroup blueprint
 * \brief One segment of a flow's path and the part of its mean delay spent there
 * (doc/metrics.rst, Where the milliseconds go).
 */
struct LatencySegment
{
    std::string segment; //!< what it is: a link's name, "LINK queue at NODE", "processing at NODE"
    /// radio-access, satellite, haps, microwave, optical, wired, queueing, processing, transport
    /// or other
    std::string kind;
    /// Its share of the flow's mean delay: the time the delivered packets spent in it over the
    /// number delivered. The shares of a flow add up to its mean one-way delay (its mean round
    /// trip for request_response traffic).
    double meanMs = 0;
};

/**
 * \ingroup blueprint
 * \brief What one compute node's servers did over a run (doc/compute.rst), every member together.
 */
struct ComputeResult
{
    std::string node;          //!< the node (group)
    uint32_t members = 1;      //!< its members, each with `servers` servers
    uint32_t servers = 1;      //!< servers per member
    uint32_t queueLimit = 0;   //!< requests that may wait, per member
    std::string service;       //!< the service-time distribution, as a person reads it
    uint64_t arrivals = 0;     //!< requests submitted
    uint64_t served = 0;       //!< services ended
    uint64_t dropped = 0;      //!< refused (waiting room full)
    uint32_t maxQueue = 0;     //!< most requests waiting at once at one member
    double waitSeconds = 0;    //!< waiting times of the served requests, summed
    double serviceSeconds = 0; //!< their service times, summed
    double busySeconds = 0;    //!< busy-server seconds over the traffic window
    double windowSeconds = 0;  //!< the traffic window utilisation is measured over
    double energyJoules = 0;   //!< the servers' energy over the run, site PUE included

    /** \return busy-server time over servers x members x window, 0 to 1 */
    double GetUtilisation() const
    {
        const double capacity = static_cast<double>(servers) * members * windowSeconds;
        return capacity > 0 ? busySeconds / capacity : 0;
    }
};

/**
 * \ingroup blueprint
 * \brief A group flow's worst member and the fairness between its members (doc/metrics.rst, Who
 * is starved).
 */
struct GroupMembers
{
    uint32_t sending = 0; //!< members that sent anything in the window (the others are left out)
    std::optional<std::string> worst; //!< the worst member, NAME[I]; empty when none sent
    /// Its p99 delay (round trip for request_response); empty when it delivered nothing.
    std::optional<double> worstP99Ms;
    double worstThroughputBps = 0;   //!< its throughput
    double worstLossRatio = 0;       //!< its loss
    std::optional<double> jainIndex; //!< Jain's fairness index; empty when no member got anything
};

/**
 * \ingroup blueprint
 * \brief Everything measured for one flow (all its members together).
 */
struct FlowResult
{
    std::string name;                        //!< flow name
    std::string from;                        //!< sending node or group
    std::string to;                          //!< receiving node or group
    std::string pattern;                     //!< traffic pattern
    std::string protocol;                    //!< udp or tcp
    uint32_t members = 1;                    //!< sender/receiver pairs
    std::vector<std::string> technologyPath; //!< technologies along the first member's path
    std::vector<std::string> linkPath;       //!< link names along the first member's path
    uint64_t txPackets = 0;                  //!< packets (or TCP chunks) sent
    uint64_t rxPackets = 0;                  //!< received
    uint64_t txBytes = 0;                    //!< application bytes sent
    uint64_t rxBytes = 0;                    //!< application bytes received
    double lossRatio = 0; //!< packets (request_response: requests) never received (answered) / sent
    double activeSeconds = 0;          //!< the throughput's measurement window (doc/metrics.rst)
    double throughputBps = 0;          //!< all members together
    double throughputPerMemberBps = 0; //!< mean over members
    DelaySummary latency;              //!< one-way delay, application to application
    std::optional<DelaySummary> rtt;   //!< round trips (request_response)
    std::optional<uint64_t> answeredRequests; //!< requests answered (request_response)
    double jitterMs = 0;                      //!< mean |delay difference| of consecutive packets
    double propagationBoundMs = 0;            //!< sum of propagation delays along the path
    uint64_t handovers = 0;     //!< NR handovers made by the flow's senders and receivers
    uint64_t onTimePackets = 0; //!< delivered within the latency deadline
    std::vector<RequirementResult> requirements; //!< verdicts
    Verdict verdict = Verdict::None;  //!< worst requirement verdict; None without requirements
    std::optional<FlowOutage> outage; //!< what faults did to it, when the scenario has events
    /// How much its offered load was scaled for the year simulated (doc/growth.rst); set when
    /// the scenario has a `demand:`.
    std::optional<double> loadFactor;
    /// The compute nodes that served its messages, in path order (empty when none did).
    std::vector<FlowComputeStage> compute;
    /// Where its mean delay goes, segment by segment along its path; empty when nothing arrived.
    std::vector<LatencySegment> segments;
    std::optional<GroupMembers> groupMembers; //!< a flow of more than one member: who is starved
};

/**
 * \ingroup blueprint
 * \brief The demand a run was simulated at (doc/growth.rst): the top-level `demand:`.
 */
struct DemandResult
{
    std::string model = "none";          //!< compound, study-group or none
    std::optional<double> growthPerYear; //!< compound: the yearly growth
    std::optional<int> baseYear;         //!< the year the written traffic describes
    std::optional<int> year; //!< the year simulated (`year`, else the base year, else none)
    std::string description; //!< as a person writes it: "compound 20 %/yr from 2025"
};

/**
 * \ingroup blueprint
 * \brief An element of a run with no power figure (its energy is not counted) or no cost
 * figure: reported, so a total is never silently short.
 */
struct UnaccountedElement
{
    std::string element;    //!< element name (a node group, a link, "<link> UEs", ...)
    std::string node;       //!< node (group) it belongs to
    std::string technology; //!< technology or equipment role
    std::string reason;     //!< why it has no figure
};

/**
 * \ingroup blueprint
 * \brief What one member of a node with a `power_supply:` (or one that lost its mains) did with
 * its supply over the run.
 */
struct PowerSupplyResult
{
    std::string node;                            //!< node (group) name
    uint32_t member = 0;                         //!< member of the group
    std::string supply;                          //!< e.g. "mains + battery 4.8 kWh"
    bool mainsAtEnd = true;                      //!< whether the mains were on at the end
    bool poweredAtEnd = true;                    //!< whether the equipment was on at the end
    double drawnJoules = 0;                      //!< drawn from its battery and generator, J
    std::optional<double> ranDrySeconds;         //!< run time at which it went dark, if it did
    std::optional<double> ranDryTimelineSeconds; //!< the same on the timeline (also before t=0)
    std::optional<double> batteryCapacityJoules; //!< battery capacity, J
    std::optional<double> batteryStartJoules;    //!< battery charge at t=0, J
    std::optional<double> batteryLeftJoules;     //!< battery charge at the end, J
    std::optional<double> fuelLeftSeconds;       //!< generator running time left at the end, s
    std::optional<double> fuelLeftLitres;        //!< the same in litres, if fuel was in litres
    std::optional<double> solarJoules;           //!< energy the solar array delivered, J
};

/**
 * \ingroup blueprint
 * \brief One phase of a timeline (doc/phases.rst): its window's flows, verdicts and energy,
 * measured as a run of its own.
 */
struct PhaseResult
{
    std::string name;         //!< the phase's name
    double atSeconds = 0;     //!< timeline time of the window's start
    double lengthSeconds = 0; //!< seconds of traffic
    double untilSeconds = 0;  //!< the phase stands for the timeline up to here (the next phase's
                              //!< start, or the horizon)
    std::vector<FlowResult> flows;                    //!< per flow that runs in the phase
    double energyJoules = 0;                          //!< over the window (length + drain)
    std::map<std::string, double> energyByTechnology; //!< J per technology, over the window
    std::map<std::string, double> energyByNode;       //!< J per node (group), over the window
    double annualisedCost = 0;                        //!< the phase's set-up, per year
    Verdict verdict = Verdict::None;                  //!< worst flow verdict of the window
    uint64_t events = 0;                              //!< simulator events of the window
};

/**
 * \ingroup blueprint
 * \brief How a timeline's energy and cost add up (doc/phases.rst).
 */
struct TimelineResult
{
    double horizonSeconds = 0; //!< the timeline's length
    double windowsJoules = 0;  //!< energy inside the windows
    double gapsJoules = 0;     //!< idle energy between, before and after the windows
    double gapsSeconds = 0;    //!< timeline time outside every window
    /// Elements whose model has no idle power: their gap power is their window's mean power.
    std::vector<std::string> gapPowerFromWindowMean;
    double costOverHorizon = 0; //!< each phase's annualised cost for the part it stands for
};

/**
 * \ingroup blueprint
 * \brief One use case of a shared network (`sharing:`) and its own verdict.
 */
struct UseCaseResult
{
    std::string name;                //!< the use case
    std::string description;         //!< its description
    std::vector<std::string> flows;  //!< its flows
    Verdict verdict = Verdict::None; //!< the worst verdict of its flows
    std::vector<std::string> failed; //!< "FLOW METRIC" of every requirement that did not pass
};

/**
 * \ingroup blueprint
 * \brief The result of one run of one configuration: the output contract of result.json.
 */
struct RunResult
{
    std::string version;                  //!< program version
    std::string scenario;                 //!< scenario name
    std::string sourceFile;               //!< scenario file
    std::string configuration;            //!< base or alternative name
    std::string configurationDescription; //!< alternative's description
    uint64_t seed = 1;                    //!< run number
    double durationSeconds = 0;           //!< traffic duration
    uint32_t nodes = 0;                   //!< ns-3 nodes built
    uint32_t links = 0;                   //!< ns-3 links built
    std::vector<FlowResult> flows;        //!< per flow
    double energyJoules = 0;              //!< energy of every element over the run
    double meteredSeconds = 0; //!< the time energyJoules covers: duration + drain, or a horizon
    std::map<std::string, double> energyByTechnology;     //!< J per technology
    std::map<std::string, double> energyByNode;           //!< J per node (group)
    double joulesPerBit = 0;                              //!< energy per delivered application bit
    std::vector<UnaccountedElement> unmetered;            //!< elements without a power figure
    std::vector<PowerSupplyResult> power;                 //!< per powered member, node order
    std::string currency;                                 //!< unit of the costs
    double capex = 0;                                     //!< total investment
    double opexPerYear = 0;                               //!< running cost per year
    double annualisedCost = 0;                            //!< capex annuity + opex
    double discountRate = 0;                              //!< used for the annuity
    std::map<std::string, double> annualisedByTechnology; //!< per technology
    std::vector<UnaccountedElement> uncosted;             //!< elements without a cost figure
    Verdict verdict = Verdict::None; //!< worst flow verdict; None if no flow has a requirement
    double wallSeconds = 0;          //!< wall-clock time of build + run
    uint64_t events = 0;             //!< simulator events executed
    std::string resolvedYaml;        //!< the resolved scenario
    std::vector<PhaseResult> phases; //!< per phase of a timeline; empty for a single window
    std::optional<TimelineResult> timeline; //!< energy and cost over a timeline's horizon
    std::optional<DemandResult> demand;     //!< when the scenario has a `demand:`
    std::vector<ComputeResult> compute;     //!< per compute node, in file order
    std::vector<UseCaseResult> useCases;    //!< per use case of `sharing:`, none without
    std::optional<CostShare> costShare;     //!< the cost divided among them (`sharing:`)
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RUN_RESULT_H
