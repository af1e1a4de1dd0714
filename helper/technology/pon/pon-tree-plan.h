/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_TREE_PLAN_H
#define BLUEPRINT_PON_TREE_PLAN_H

#include "helper/scenario/config-node.h"
#include "helper/technology/link-technology.h"
#include "helper/technology/pon/pon-spec.h"

#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-pon
 * \brief What one `technology: pon` entry of `links:` says: its OLT port, the settings of the
 * tree it joins (as written, to be merged with the tree's other links), and its ONUs' drops and
 * announced arrivals.
 *
 * The link's first node is the OLT, its second the ONUs: a node, or a group whose every member
 * has an ONU. Links on the same OLT node and `port` share one splitter: one tree, whose settings
 * each of them may write, identically where several do.
 */
struct PonLinkConfig : public LinkConfig
{
    uint32_t port = 1;            //!< the OLT's PON port
    SourceMark portMark;          //!< where `port` is written (else the link's)
    ConfigNode tree;              //!< the tree's settings this link writes, as a map
    std::optional<double> dropKm; //!< splitter to each ONU, if written
    SourceMark dropMark;          //!< where `drop` is written
    std::vector<PonCtiSpec> cti;  //!< announced arrivals ("" onu: each of the link's ONUs)
    SourceMark ctiMark;           //!< where `cti` is written
};

/// \return the keys of a PON link besides the common ones: `port`, the tree's settings
/// (PonTreeKeys), `feeder`, `route_factor`, `drop` and `cti`.
std::vector<std::string> PonLinkKeys();

/**
 * \ingroup blueprint-pon
 * \brief Read one `technology: pon` entry (keys checked already): its port, tree settings,
 * drop and announced arrivals, each value checked at its place.
 * \param link the link's map.
 * \param ctx the scenario read so far and the link's common part.
 * \return the config; \throws InputError at the offending text.
 */
std::shared_ptr<const PonLinkConfig> ReadPonLink(const ConfigNode& link,
                                                 const LinkReadContext& ctx);

/**
 * \ingroup blueprint-pon
 * \brief One PON tree of a scenario: the links on one OLT port, and the spec their settings make.
 */
struct PonTreePlan
{
    std::vector<const LinkSpec*> links; //!< its links, in file order
    /// OLT, settings and feeder (written, or the straight line from the OLT's site to the
    /// splitter's times the route factor); no ONUs: they are the links' members.
    PonLinkSpec spec;
    std::string splitterSite; //!< where the splitter stands: the first link's ONUs' site
    double routeFactor = 1.0; //!< fibre route over straight line, for lengths derived from sites
};

/**
 * \ingroup blueprint-pon
 * \brief Group a scenario's PON links into trees (same OLT node and port, in the order of their
 * first link) without checking them.
 * \param mine the PON links, in file order.
 * \return the trees' links.
 */
std::vector<std::vector<const LinkSpec*>> GroupPonTrees(const std::vector<const LinkSpec*>& mine);

/**
 * \ingroup blueprint-pon
 * \brief Merge one tree's settings and check the tree: settings written in several links agree,
 * its ONUs fit the splitter, every ONU is within the flavour's reach (the farthest a member of a
 * group can be placed when its drop is not written), announced arrivals have the cooperative DBA.
 * \param spec the scenario.
 * \param links the tree's links (GroupPonTrees).
 * \return the plan; \throws InputError at the offending text.
 */
PonTreePlan PlanPonTree(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& links);

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_TREE_PLAN_H */
