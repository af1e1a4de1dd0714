/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SEED_COMPARISON_H
#define BLUEPRINT_SEED_COMPARISON_H

#include "helper/sweep/confidence-interval.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Reads `--seeds`: `1..20`, `1,3,5`, or both mixed (`1..5,9`); seeds are positive,
 * distinct, at most 100,000 of them.
 * \param text the option's value
 * \return the seeds in the order given
 * \throws std::invalid_argument saying what is wrong
 */
std::vector<uint64_t> ParseSeedList(const std::string& text);

/**
 * \ingroup blueprint
 * \brief Reads `--confidence`: a share of seeds, `95%` or `0.95`, above 0 and below 1 (no
 * number of seeds shows 100 %: the Wilson lower bound of n passes in n is n / (n + z^2)).
 * \param text the option's value
 * \return the share
 * \throws std::invalid_argument saying what is wrong
 */
double ParseShare(const std::string& text);

/**
 * \ingroup blueprint
 * \brief A proportion and its Wilson score interval.
 *
 * (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n) with z the normal quantile of
 * 1 - (1 - level)/2 (E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22(158), 1927). Chosen over Clopper-Pearson, which is conservative (its
 * coverage is above the level, so its lower bound is lower than it need be), and over the Wald
 * interval, which collapses to a point when every seed passes: Brown, Cai and DasGupta,
 * "Interval Estimation for a Binomial Proportion", Statistical Science 16(2), 2001, recommend
 * Wilson's for small n.
 */
struct ProportionInterval
{
    std::size_t successes = 0; //!< seeds that passed
    std::size_t trials = 0;    //!< seeds with a verdict
    double share = 0;          //!< successes / trials (0 without trials)
    double low = 0;            //!< lower bound
    double high = 0;           //!< upper bound
};

/**
 * \ingroup blueprint
 * \param successes seeds that passed
 * \param trials seeds with a verdict
 * \param level two-sided confidence level, 0.95 by default
 * \return the share and its Wilson interval ([0, 1] without trials)
 */
ProportionInterval WilsonInterval(std::size_t successes, std::size_t trials, double level = 0.95);

/**
 * \ingroup blueprint
 * \param share a share of seeds in (0, 1)
 * \param level two-sided confidence level of the Wilson interval
 * \return the fewest seeds that, every one passing, give a Wilson lower bound of at least
 *         `share`: n / (n + z^2) >= share, so n >= z^2 share / (1 - share) (16 for 80 % at 95 %)
 */
std::size_t SeedsNeeded(double share, double level = 0.95);

/**
 * \ingroup blueprint
 * \brief What one run (a configuration at one seed) gave, read from its result.json.
 */
struct SeedRun
{
    std::string configuration;                           //!< base or an alternative
    uint64_t seed = 1;                                   //!< run number
    std::vector<std::pair<std::string, double>> metrics; //!< ExtractRunMetrics
    std::map<std::string, std::string> requirements;     //!< "flow.metric" -> pass/fail/...
    std::string verdict;                                 //!< the run's verdict
    double annualisedCost = 0;                           //!< cost.annualised
    double energyJoules = 0;                             //!< energy.total_j
    /// The worst (largest) p99 of the flows with a latency or round-trip requirement (of all
    /// flows when none has one), one-way or round trip as required, in ms; infinite when such a
    /// flow delivered nothing; empty when no flow is weighed.
    std::optional<double> worstP99Ms;
    /// The largest p99 / deadline over the latency and round-trip requirements (1: at the
    /// deadline); infinite when a required flow delivered nothing; empty without such
    /// requirements.
    std::optional<double> worstDeadlineShare;
    std::set<std::string> uncosted;  //!< cost.uncosted elements (counted at 0)
    std::set<std::string> unmetered; //!< energy.unmetered elements (counted at 0 J)
    std::set<std::string> flows;     //!< the flows it carries, by name
};

/**
 * \ingroup blueprint
 * \brief Reads a SeedRun from a result.json.
 * \param resultJson the text
 * \return the run
 * \throws std::exception when the text is not a result
 */
SeedRun ReadSeedRun(const std::string& resultJson);

/**
 * \ingroup blueprint
 * \brief One configuration over the seeds.
 */
struct ConfigurationSummary
{
    std::string name;                                       //!< base or an alternative
    std::size_t seeds = 0;                                  //!< seeds with a result
    std::map<std::string, ConfidenceInterval> metrics;      //!< mean and 95 % interval
    std::map<std::string, ConfidenceInterval> pairedDiff;   //!< this minus base, by seed
    std::map<std::string, ProportionInterval> requirements; //!< pass share per requirement
    ProportionInterval allPass;                             //!< seeds passing every requirement
    bool hasRequirements = false;                           //!< any requirement at all
    double annualisedCost = 0;                              //!< mean over seeds
    double energyJoules = 0;                                //!< mean over seeds
    std::optional<double> worstP99Ms;                       //!< mean over seeds of the worst p99
    std::optional<double> worstDeadlineShare;               //!< mean over seeds (SeedRun)
    std::set<std::string> uncosted;                         //!< over every seed
    std::set<std::string> unmetered;                        //!< over every seed
    std::set<std::string> flows;                            //!< over every seed
    bool meetsEveryRequirement = false;                     //!< see Recommend
};

/**
 * \ingroup blueprint
 * \brief The planner's answer: which configurations qualify, the cheapest, the trade-offs.
 */
struct Recommendation
{
    double requiredShare = 1;            //!< --confidence (1 for a single seed)
    bool seeded = false;                 //!< whether the verdicts are over several seeds
    std::vector<std::string> qualifying; //!< configurations meeting every requirement
    std::optional<std::string> cheapest; //!< the qualifying one of least annualised cost
    std::vector<std::string> pareto;     //!< qualifying ones no other qualifying one dominates
    /// The latency objective of the Pareto set: "worst_p99_share_of_deadline" when a flow has a
    /// latency or round-trip requirement, else "worst_p99_ms"
    std::string latencyObjective = "worst_p99_ms";
    /// With seeds: the fewest seeds that, all passing, can show requiredShare (0 without seeds)
    std::size_t seedsNeeded = 0;
    std::size_t seeds = 1; //!< seeds each configuration ran
    /// Per qualifying configuration, the elements its cost counts at 0 that some other
    /// qualifying configuration does not count at 0 (it costs them, or has none): its cost is a
    /// lower bound beside theirs
    std::map<std::string, std::vector<std::string>> costLeavesOut;
    /// The same for energy (unmetered elements)
    std::map<std::string, std::vector<std::string>> energyLeavesOut;
    /// Per configuration that does not carry a flow of the first (the base) or is not judged on
    /// one of its requirements: those flows ("flow F") and requirements ("F.latency"). Such a
    /// configuration answers another question and never qualifies, however it fares.
    std::map<std::string, std::vector<std::string>> dropsFromBase;
};

/**
 * \ingroup blueprint
 * \brief Decides which configurations meet every requirement and picks from them.
 *
 * With one seed a configuration qualifies when its verdict is pass (inconclusive does not). With
 * several, when the lower bound of the 95 % Wilson interval of its share of seeds passing every
 * requirement is at least `requiredShare`: 20 passing seeds of 20 give a lower bound of 0.839,
 * so `--confidence 80%` is met and 95 % needs at least 73 seeds without a failure. A configuration
 * without requirements never qualifies (there is nothing it was shown to meet).
 *
 * The cheapest is the qualifying configuration of least annualised cost (ties: the first in file
 * order). The Pareto set holds the qualifying configurations that no other qualifying one
 * dominates over (annualised cost, energy, latency), all three to be minimised: b dominates a
 * when b is no worse in all three and better in one. The latency is each run's worst p99 as a
 * share of its deadline over the flows with a latency or round-trip requirement (a flow without
 * one does not weigh; one that delivered nothing is infinitely late), averaged over the seeds;
 * without any such requirement, the worst p99 in ms of every flow. Dominance is judged on the
 * means: a difference inside the seed-to-seed spread still counts (the paired intervals say
 * which differences are beyond it).
 *
 * A configuration that drops a flow of the first configuration (the base) or one of its
 * requirements does not qualify (dropsFromBase): it would be cheaper or faster by serving less.
 *
 * Elements counted at 0 (cost.uncosted, energy.unmetered) that one qualifying configuration has
 * and another does not are listed (costLeavesOut, energyLeavesOut): such a configuration's cost
 * or energy is a lower bound, and the comparison says so rather than call it cheaper.
 *
 * \param configurations the summaries (meetsEveryRequirement is set here)
 * \param requiredShare the share of seeds, in (0, 1]
 * \param seeded whether the summaries are over several seeds
 * \return the recommendation
 */
Recommendation Recommend(std::vector<ConfigurationSummary>& configurations,
                         double requiredShare,
                         bool seeded);

/**
 * \ingroup blueprint
 * \brief Summarises runs per configuration: means and intervals, pass shares and paired
 * differences against the base (pairs are the seeds both have).
 * \param order configuration names, base first
 * \param runs every run
 * \return one summary per configuration, in `order`
 */
std::vector<ConfigurationSummary> SummariseSeeds(const std::vector<std::string>& order,
                                                 const std::vector<SeedRun>& runs);

/**
 * \ingroup blueprint
 * \brief The table `compare --seeds` prints: per configuration its pass shares and the main
 * metrics with their intervals and paired differences, then the recommendation.
 * \param scenario the scenario's name
 * \param seeds the seeds
 * \param configurations the summaries
 * \param recommendation the recommendation
 * \return the text
 */
std::string SeedComparisonTable(const std::string& scenario,
                                const std::vector<uint64_t>& seeds,
                                const std::vector<ConfigurationSummary>& configurations,
                                const Recommendation& recommendation);

/**
 * \ingroup blueprint
 * \return compare.csv of `compare --seeds`: one row per configuration and metric (mean, 95 %
 *         interval, paired difference against the base and its interval), then one per
 *         requirement (pass share and its Wilson interval)
 * \param configurations the summaries
 */
std::string SeedComparisonCsv(const std::vector<ConfigurationSummary>& configurations);

/**
 * \ingroup blueprint
 * \brief The recommendation (and, with seeds, the summaries) as compare.json.
 * \param scenario the scenario's name
 * \param seeds the seeds (one for a plain compare)
 * \param configurations the summaries
 * \param recommendation the recommendation
 * \return the JSON text
 */
std::string ComparisonJson(const std::string& scenario,
                           const std::vector<uint64_t>& seeds,
                           const std::vector<ConfigurationSummary>& configurations,
                           const Recommendation& recommendation);

/**
 * \ingroup blueprint
 * \param recommendation the recommendation
 * \return the lines the tables end with: what qualifies, the cheapest, the Pareto set
 */
std::string RecommendationText(const Recommendation& recommendation);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SEED_COMPARISON_H
