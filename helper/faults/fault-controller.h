/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FAULT_CONTROLLER_H
#define BLUEPRINT_FAULT_CONTROLLER_H

#include "helper/faults/fault-spec.h"
#include "helper/scenario/scenario-build.h"
#include "model/stats/flow-record.h"

#include "ns3/node.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Plays a scenario's fault timeline (`events:`) on a built run and makes routing react to
 * it as `failover:` says (doc/faults.rst).
 *
 * A link or node goes down at once (LinkTechnology::SetEdgesUp; a node: every IPv4 interface
 * down), and traffic over it is lost; routing learns of it after the detection time and moves
 * the routes after the reconvergence time (StaticRoutePlanner::SetLinksUp, which recomputes only
 * the trees the fault touches). A restoration brings the link up at once and, with `revert`,
 * moves the routes back after detection + reconvergence (a BFD session must come up, the IGP
 * converge).
 *
 * Times: an event's `at` is on the scenario's timeline; the run's t = 0 sits at
 * ScenarioSpec::windowStart. What happens before the window is applied when the run starts as
 * converged state (down, routes already around it, no outage counted); what happens inside it
 * is scheduled at at - windowStart; what happens after its end is ignored.
 *
 * Each fault that cuts the path of a member of a flow opens an outage in the flow's record
 * (FlowRecord::OpenOutage), ended by the first packet sent after the fault that arrives.
 */
class FaultController
{
  public:
    /**
     * \brief Called when mains power is lost or comes back at a node (a `power_loss` or
     * `power_restore` event): the node's power supply decides what the node does.
     * \param node the node (group) name
     * \param member the member
     * \param mainsOn whether mains power is back (else lost)
     * \param timelineSeconds when, on the timeline (before windowStart: before the run)
     */
    using MainsHandler = std::function<
        void(const std::string& node, uint32_t member, bool mainsOn, double timelineSeconds)>;

    /**
     * \param run the built run (links, routes and traffic)
     * \param records per flow, its record (in the scenario's order)
     */
    FaultController(ScenarioBuild& run, std::vector<FlowRecord*> records);

    /**
     * \brief Replace what mains loss does. Without a handler (the default) a node has no power
     * supply of its own (no battery): it goes dark at once and comes back with mains, as
     * SetNodePowered does, every member of an event in one pass.
     * \param handler the new handler, called per member (a power plant's MainsLost/Restored)
     */
    void SetMainsHandler(MainsHandler handler);

    /**
     * \brief Apply what happened before the window and schedule what happens inside it. Call
     * once, after the traffic is built and before the simulation runs.
     */
    void Start();

    /**
     * \brief Power a node member off or on now (its power supply ran dry, or came back): every
     * IPv4 interface down (or up as its links are), and routes around it (or back over it) after
     * detection + reconvergence; before the run starts (Start applying earlier events), at once.
     * \param node the node (group) name
     * \param member the member
     * \param powered its new state
     */
    void SetNodePowered(const std::string& node, uint32_t member, bool powered);

    /**
     * \brief As SetNodePowered, for the state a member starts the window in (its supply ran dry
     * before the window): applied at once as converged state, routes already around it, no
     * outage counted.
     * \param node the node (group) name
     * \param member the member
     * \param powered its state at the window's start
     */
    void SetNodePoweredBeforeWindow(const std::string& node, uint32_t member, bool powered);

    /**
     * \brief Fill each flow's FlowOutage from its record, once the run is over.
     * \param results per flow, its result (the scenario's order)
     */
    void Finish(std::vector<FlowResult>& results) const;

    /**
     * \brief The member pairs a partial cut takes.
     *
     * A shuffle seeded by the link's name and the run's seed: the same pairs in every
     * alternative at one seed, other pairs at another, and a smaller fraction's pairs a subset of
     * a larger one's.
     * \param edges every member pair (edge index) of the link
     * \param fraction the share to take, rounded to the nearest pair and at least one (1: all)
     * \param link the link's name
     * \param seed the run's seed (ns-3 run number)
     * \return the chosen edges, ascending
     */
    static std::vector<uint32_t> ChoosePairs(std::vector<uint32_t> edges,
                                             double fraction,
                                             const std::string& link,
                                             uint64_t seed);

  private:
    /** \brief One change of state on the timeline, as the events expand to. */
    struct Action
    {
        /** \brief What changes. */
        enum class Kind
        {
            EdgesDown, //!< edges go down
            EdgesUp,   //!< edges come back
            NodesDark, //!< members lose power (bring_in: absent)
            NodesLit,  //!< members come back
            MainsLost, //!< mains lost at members (the mains handler decides)
            MainsBack, //!< mains back at members
            StormOn,   //!< a storm starts
            StormOff,  //!< a storm ends
        };

        double time = 0;                                       //!< timeline s
        Kind kind = Kind::EdgesDown;                           //!< what changes
        std::vector<uint32_t> edges;                           //!< EdgesDown/Up
        std::vector<std::pair<std::string, uint32_t>> members; //!< node name and member
        uint32_t storm = 0;                                    //!< index in m_storms
    };

    /**
     * \brief Add an action to the timeline, and the action that undoes it at `until`, if given.
     * \param action the action
     * \param until when it ends, timeline s
     * \param undo what ends it
     */
    void AddWithEnd(const Action& action, std::optional<double> until, Action::Kind undo);

    /** \brief Turn the spec's events into actions, sorted by time (ties in file order). */
    void Expand();

    /**
     * \param link a link name
     * \param fraction the share of its edges (1: all)
     * \return its edges, or the `fraction` of them (ChoosePairs)
     */
    std::vector<uint32_t> EdgesOf(const std::string& link, double fraction) const;

    /**
     * \param name a node, group or site name
     * \return the members it stands for (a site: every member of every node there)
     */
    std::vector<std::pair<std::string, uint32_t>> MembersOf(const std::string& name) const;

    /**
     * \brief Carry out an action.
     * \param action the action
     * \param converged true before the run: routing is around it at once, no outage
     */
    void Apply(const Action& action, bool converged);

    /**
     * \brief Set edges up or down: the interfaces now, routing after the failover delay (at
     * once when converged).
     * \param edges the edges
     * \param up their new state
     * \param converged before the run
     */
    void SetEdges(const std::vector<uint32_t>& edges, bool up, bool converged);

    /**
     * \brief Set members powered or not, as SetNodePowered.
     * \param members node names and members
     * \param powered their new state
     * \param converged before the run
     */
    void SetMembers(const std::vector<std::pair<std::string, uint32_t>>& members,
                    bool powered,
                    bool converged);

    /**
     * \brief Routing's reaction to edges going down or coming back (their interfaces have
     * changed already): outages open for the flows they cut, and the routes move after
     * detection + reconvergence (at once when converged).
     * \param edges the edges
     * \param up their new state
     * \param converged before the run
     */
    void React(const std::vector<uint32_t>& edges, bool up, bool converged);

    /**
     * \brief Move the routes: take edges out of the graph or put them back.
     * \param out edges to take out
     * \param back edges to put back
     */
    void Reroute(std::vector<uint32_t> out, std::vector<uint32_t> back);

    /**
     * \param edge an edge
     * \return whether it can carry traffic now: not cut, both ends powered
     */
    bool Usable(uint32_t edge) const;

    /**
     * \brief Open an outage for each flow member whose current path has an unusable edge (or an
     * end without power).
     * \param unreachableIsCut also for members with no path at all: at the window's start, after
     *        the faults before it, a member that routing can no longer reach is cut off from the
     *        start (it would otherwise show no outage while losing everything)
     */
    void OpenOutages(bool unreachableIsCut = false);

    /** \brief Give every edge the rain of the storms active now (LinkTechnology::SetRainRate). */
    void ApplyStorms();

    /**
     * \param node a node
     * \return its position on the site plane now, m
     */
    std::pair<double, double> PositionOf(Ptr<Node> node) const;

    ScenarioBuild& m_run;                                   //!< the run
    std::vector<FlowRecord*> m_records;                     //!< per flow
    MainsHandler m_mainsHandler;                            //!< what mains loss does
    std::vector<Action> m_actions;                          //!< the timeline, sorted
    std::vector<StormSpec> m_storms;                        //!< every storm of the timeline
    std::set<uint32_t> m_activeStorms;                      //!< storms raining now
    std::map<uint32_t, std::pair<double, double>> m_rainOf; //!< edge -> storm rain at its ends
    std::set<uint32_t> m_moving;                            //!< ids of nodes with `mobility:`
    std::set<uint32_t> m_cut;                               //!< edges cut now
    std::set<uint32_t> m_dark;                              //!< ids of nodes without power now
    std::map<uint32_t, std::pair<double, double>> m_at;     //!< node id -> placed position
    bool m_converging = true;                               //!< before the run: no delay, no outage
    bool m_started = false;                                 //!< Start was called
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FAULT_CONTROLLER_H
