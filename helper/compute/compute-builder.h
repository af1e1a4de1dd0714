/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_COMPUTE_BUILDER_H
#define BLUEPRINT_COMPUTE_BUILDER_H

#include "helper/results/run-result.h"
#include "helper/scenario/scenario-build.h"
#include "model/compute/compute-server.h"

#include "ns3/ptr.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The compute nodes of one run (the nodes with a `compute:` block): each member's
 * ComputeServer, aggregated to its ns-3 node where the flows' ComputeSink applications find it,
 * its energy and cost, and what the servers did (doc/compute.rst).
 */
class ComputeNodes
{
  public:
    /**
     * \brief Give every member of every compute node its servers, each drawing its service
     * times from the stream of "node:NAME/member:I/compute" (common random numbers).
     * \param sb the run, with its nodes built
     */
    explicit ComputeNodes(ScenarioBuild& sb);

    /**
     * \brief Meter each member's servers (idle and busy power per server, at the site's PUE or
     * a data centre's) and price them (per server), under the technology "compute".
     * \param sb the run
     */
    void Account(ScenarioBuild& sb) const;

    /**
     * \brief Take the busy-server time at the end of the traffic window, when the run gets there.
     * \param windowSeconds the scenario's duration
     */
    void ScheduleWindowEnd(double windowSeconds);

    /**
     * \brief What each compute node's servers did, after the run.
     * \param energy the meter's reading at the end (the servers' elements among it)
     * \return one per compute node, in file order
     */
    std::vector<ComputeResult> Collect(const EnergyReport& energy) const;

    /** \return whether the run has any compute node */
    bool IsEmpty() const;

  private:
    /**
     * \brief Record every member's busy-server time now (the end of the traffic window).
     */
    void TakeWindowEnd();

    /// One compute node: its spec and its members' servers.
    struct Node
    {
        const NodeSpec* spec = nullptr;          //!< the node
        std::vector<Ptr<ComputeServer>> servers; //!< one per member
        std::vector<double> windowBusy;          //!< busy-server seconds at the window's end
        double pue = 1;                          //!< the PUE its energy is counted at
    };

    std::vector<Node> m_nodes; //!< in file order
    double m_window = 0;       //!< the traffic window, s
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_COMPUTE_BUILDER_H
