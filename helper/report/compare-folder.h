/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COMPARE_FOLDER_H
#define BLUEPRINT_COMPARE_FOLDER_H

#include "helper/results/run-result.h"
#include "helper/sweep/confidence-interval.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A requirement of a flow as result.json states it, with its threshold as a number.
 */
struct ReportRequirement
{
    std::string metric;          //!< latency, rtt, throughput or loss
    std::string target;          //!< as a person writes it: "99 % within 150 ms"
    std::string measured;        //!< as a person writes it: "100 % of 14882"
    std::string verdict;         //!< pass, fail or inconclusive
    std::optional<double> limit; //!< ms (latency, rtt), bit/s per member, a ratio (loss);
                                 //!< none in results written before result.json had it
    double reliability = 0;      //!< deadlines: the share of sent packets required in time
};

/**
 * \ingroup blueprint
 * \brief One part of a flow's mean delay (result.json `segments`, where present).
 */
struct ReportSegment
{
    std::string segment; //!< its name: a link, a queue, a server
    std::string kind;    //!< radio-access, wired, optical, satellite, queueing, processing, ...
    double meanMs = 0;   //!< its share of the flow's mean delay, ms
};

/**
 * \ingroup blueprint
 * \brief A group flow's worst member and Jain's index (result.json's members, doc/metrics.rst).
 */
struct ReportGroupMembers
{
    uint32_t sending = 0;             //!< members that sent in the window
    std::optional<std::string> worst; //!< the worst member, NAME[I]; none when none sent
    std::optional<double> worstP99Ms; //!< its p99 delay; none when it delivered nothing
    double worstThroughputMbps = 0;   //!< its throughput
    double worstLossPct = 0;          //!< its loss, %
    std::optional<double> jainIndex;  //!< Jain's fairness index; none when nobody got anything
};

/**
 * \ingroup blueprint
 * \brief What the report uses of one flow of one run (or of one phase of it).
 */
struct ReportFlow
{
    std::string name;                            //!< flow name
    std::string pattern;                         //!< traffic pattern
    uint32_t members = 1;                        //!< sender/receiver pairs
    uint64_t txPackets = 0;                      //!< sent
    uint64_t rxPackets = 0;                      //!< received
    std::optional<uint64_t> answeredRequests;    //!< request_response: requests answered
    double lossRatio = 0;                        //!< never received / sent
    double throughputBps = 0;                    //!< all members together
    DelaySummary latency;                        //!< one-way delay, with its cdf when stored
    std::optional<DelaySummary> rtt;             //!< round trips (request_response)
    std::vector<ReportRequirement> requirements; //!< as judged
    std::string verdict;                         //!< pass, fail, inconclusive or none
    std::optional<double> outageSeconds;         //!< with events: the worst member's outage
    bool outageUnrestored = false;               //!< an outage was open at the end
    std::optional<double> faultAtSeconds;        //!< the first fault that cut it, s of the run
    std::vector<ReportSegment> segments;         //!< where the mean delay goes, when stored
    std::optional<ReportGroupMembers> group;     //!< a flow of more than one member: who is starved
};

/**
 * \ingroup blueprint
 * \brief One phase of a timeline run.
 */
struct ReportPhase
{
    std::string name;              //!< phase name
    double atSeconds = 0;          //!< timeline time of the window's start
    double untilSeconds = 0;       //!< the phase stands for the timeline up to here
    std::string verdict;           //!< worst flow verdict of the window
    std::vector<ReportFlow> flows; //!< the flows of its window
};

/**
 * \ingroup blueprint
 * \brief One event of a run's fault timeline, as its scenario.resolved.yaml writes it.
 */
struct ReportEvent
{
    std::string action;                 //!< cut, restore, power_loss, storm, ...
    double atSeconds = 0;               //!< when, on the scenario's timeline
    std::optional<double> untilSeconds; //!< when it ends, if it says
    std::string targets;                //!< what it acts on, comma-separated
};

/**
 * \ingroup blueprint
 * \brief One party of a shared network's cost split (result.json `cost_share`, where present).
 */
struct ReportCostParty
{
    std::string name;      //!< the party
    double annualised = 0; //!< its share of the annualised cost
    double capex = 0;      //!< its share of the investment
    double subsidy = 0;    //!< subsidy it receives, per year
    double pays = 0;       //!< what it pays per year: annualised - subsidy
};

/**
 * \ingroup blueprint
 * \brief A shared network's cost split.
 */
struct ReportCostShare
{
    std::string rule;                     //!< how the cost is split
    std::vector<ReportCostParty> parties; //!< who pays what
};

/**
 * \ingroup blueprint
 * \brief What the report uses of one result.json (one configuration at one seed).
 */
struct ReportRun
{
    std::string folder;                                   //!< the folder holding result.json
    uint64_t seed = 1;                                    //!< run number
    std::string description;                              //!< the configuration's description
    std::string verdict;                                  //!< the run's verdict
    double durationSeconds = 0;                           //!< traffic duration
    std::optional<double> meteredSeconds;                 //!< the time the energy covers
    std::vector<ReportFlow> flows;                        //!< per flow
    double energyJoules = 0;                              //!< energy of every element
    std::map<std::string, double> energyByTechnology;     //!< J per technology
    std::string currency;                                 //!< unit of the costs (ISO 4217)
    double capex = 0;                                     //!< investment
    double annualisedCost = 0;                            //!< capex annuity + opex
    std::map<std::string, double> annualisedByTechnology; //!< per technology
    std::vector<ReportPhase> phases;                      //!< a timeline's phases
    std::optional<double> horizonSeconds;                 //!< a timeline's horizon
    std::vector<ReportEvent> events;                      //!< the fault timeline
    std::optional<ReportCostShare> costShare;             //!< a shared network's cost split
};

/**
 * \ingroup blueprint
 * \brief A configuration of a comparison: compare.json's summary and its runs.
 */
struct ReportConfiguration
{
    std::string name;                   //!< base or an alternative
    std::vector<ReportRun> runs;        //!< one per seed, in seed order
    double annualisedCost = 0;          //!< mean over the seeds
    double energyJoules = 0;            //!< mean over the seeds
    std::optional<double> worstP99Ms;   //!< mean over the seeds of the worst flow p99
    bool meetsEveryRequirement = false; //!< qualifies for the recommendation
    /// The base's flows ("flow F") and requirements ("F.latency") it does not carry: it answers
    /// another question and never qualifies (compare.json's recommendation.drops_from_base)
    std::vector<std::string> dropsFromBase;
    bool hasRequirements = false; //!< any requirement at all
    std::size_t seedsPassed = 0;  //!< seeds meeting every requirement
    std::size_t seedsJudged = 0;  //!< seeds with a verdict
    double passLow = 0;           //!< 95 % Wilson lower bound of the pass share
    std::map<std::string, std::string> requirementShares; //!< "flow.metric" -> "18 of 20"
};

/**
 * \ingroup blueprint
 * \brief compare.json's recommendation.
 */
struct ReportRecommendation
{
    std::string rule;                    //!< what qualifying means
    double requiredShare = 1;            //!< share of seeds a configuration must pass
    std::vector<std::string> qualifying; //!< configurations meeting every requirement
    std::optional<std::string> cheapest; //!< the qualifying one of least annualised cost
    std::vector<std::string> pareto;     //!< no other qualifying one dominates them
};

/**
 * \ingroup blueprint
 * \brief One year growth.json's bisection tried for a configuration.
 */
struct GrowthChartProbe
{
    int year = 0;                    //!< the year
    double loadFactor = 1;           //!< offered load over the base year's
    bool pass = false;               //!< whether every requirement held
    std::vector<std::string> failed; //!< "FLOW REQUIREMENT" that did not
};

/**
 * \ingroup blueprint
 * \brief A configuration of growth.json.
 */
struct GrowthConfiguration
{
    std::string name;                     //!< base or an alternative
    std::optional<int> firstFailingYear;  //!< none: it holds through the last year
    bool failingAtStart = false;          //!< it fails in the first year already
    std::vector<GrowthChartProbe> probes; //!< ascending years
};

/**
 * \ingroup blueprint
 * \brief growth.json of `compare --years`: until which year each configuration holds.
 */
struct GrowthStudy
{
    std::string model;                               //!< compound or study-group
    std::optional<double> rate;                      //!< compound: growth per year
    int baseYear = 0;                                //!< the year the scenario's load stands for
    int fromYear = 0;                                //!< first year studied
    int toYear = 0;                                  //!< last year studied
    std::vector<GrowthConfiguration> configurations; //!< per configuration
};

/**
 * \ingroup blueprint
 * \brief A folder written by `blueprint compare` or `compare --seeds`, read for a report.
 *
 * `compare` writes compare.json and one folder per configuration (DIR/NAME/result.json);
 * `compare --seeds` writes compare.json beside a sweep store (DIR/plan.json, DIR/runs/HASH/), whose
 * runs are found through the plan and verified as `blueprint aggregate` does. `compare --years`
 * adds growth.json. Each run's scenario.resolved.yaml gives its fault events.
 */
struct CompareFolder
{
    std::string dir;                                 //!< the folder as given
    std::string scenario;                            //!< the scenario's name
    std::vector<uint64_t> seeds;                     //!< the seeds
    bool seeded = false;                             //!< written by compare --seeds
    ReportRecommendation recommendation;             //!< what compare recommends
    std::vector<ReportConfiguration> configurations; //!< base first, in file order
    std::optional<GrowthStudy> growth;               //!< growth.json, when present

    /**
     * \brief Reads a compare folder.
     * \param dir the folder
     * \return what it holds
     * \throws InputError (exit status 2) when the folder is missing, is not a compare folder,
     *         or a file in it cannot be read or is not what blueprint writes there: at the file,
     *         and at LINE:COL for a JSON syntax error
     */
    static CompareFolder Load(const std::string& dir);

    /// \return the results' currency (ISO 4217), "" without runs
    std::string Currency() const;
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COMPARE_FOLDER_H
