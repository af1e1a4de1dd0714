/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_BUILD_H
#define BLUEPRINT_SCENARIO_BUILD_H

#include "helper/results/run-result.h"
#include "helper/routing/address-plan.h"
#include "helper/routing/static-route-planner.h"
#include "helper/scenario/random-stream-plan.h"
#include "helper/scenario/scenario-spec.h"
#include "helper/scenario/setup-progress.h"
#include "model/cost/cost-ledger.h"
#include "model/energy/element-power-model.h"
#include "model/energy/energy-meter.h"

#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/node.h"
#include "ns3/ptr.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

struct EquipmentProfile;

/**
 * \ingroup blueprint
 * \brief The ns-3 nodes of one node spec (a single node or a group) and where they are.
 */
struct NodeGroup
{
    const NodeSpec* spec = nullptr;                   //!< the spec
    std::vector<Ptr<Node>> members;                   //!< one per member
    std::vector<std::pair<double, double>> positions; //!< metres east and north, per member
    const EquipmentProfile* equipment = nullptr;      //!< the node's equipment class
    double pue = 1;                                   //!< its site's power usage effectiveness
};

/**
 * \ingroup blueprint
 * \brief One edge of the routing graph, as a technology builds it: two devices that reach each
 * other in one hop, what routing weighs them at, and what results say of them.
 */
struct RoutingEdge
{
    Ptr<NetDevice> devA;                //!< the network-side end
    Ptr<NetDevice> devB;                //!< the other end
    double weightSeconds = 0;           //!< routing metric: the hop's nominal one-way latency
    double propagationBoundSeconds = 0; //!< the least time a packet can take (light time)
    double lengthMetres = 0;            //!< the hop's length
    std::string pathLabel;              //!< what results' technology path calls the hop
    /// What kind of segment the hop is in a flow's latency split (doc/metrics.rst): the medium,
    /// as a planner changes it: "radio-access" (a cell's air interface with its scheduling),
    /// "satellite", "haps", "microwave", "optical" (fibre), "wired" (copper, Ethernet); empty
    /// shows as "other".
    std::string segmentKind;
    double rateDown = 0; //!< bit/s from devA to devB (0: not a fixed rate)
    double rateUp = 0;   //!< bit/s from devB to devA (0: not a fixed rate)
    /// Whether what the devices send counts towards their nodes' equipment load (a router's
    /// load-proportional power); a cell's devices are metered with the cell instead.
    bool loadsNodes = false;
};

/**
 * \ingroup blueprint
 * \brief What one technology remembers during one run (its shared channels, its core): a plug-in
 * derives its own and gets it with ScenarioBuild::GetState.
 */
class TechnologyRunState
{
  public:
    virtual ~TechnologyRunState() = default;
};

/**
 * \ingroup blueprint
 * \brief The run every link technology builds into: node groups and their placement, the
 * address plan, the routing graph, random streams, the energy meter and the cost ledger.
 *
 * The runner (ScenarioRunner) makes one per run, creates the nodes, then hands it to each
 * technology's LinkTechnology::Build and accounting hooks, then installs routes and traffic and
 * runs the simulation. Nodes' own equipment energy and cost stay with the runner: nodes are not
 * technologies.
 */
class ScenarioBuild
{
  public:
    /**
     * \param spec what to build (outlives the build)
     * \param wallStart when building started
     * \param progress whether to print progress lines
     */
    ScenarioBuild(const ScenarioSpec& spec,
                  std::chrono::steady_clock::time_point wallStart,
                  bool progress);
    ~ScenarioBuild();

    ScenarioBuild(const ScenarioBuild&) = delete;
    ScenarioBuild& operator=(const ScenarioBuild&) = delete;

    /// \name For technologies
    /// \{

    /** \return the scenario being built */
    const ScenarioSpec& GetSpec() const;

    /**
     * \param node a node (group) name of the spec
     * \return its nodes
     */
    const NodeGroup& GetGroup(const std::string& node) const;

    /**
     * \brief Give a member its position, once: fixed at its place on the site plane at the
     * antenna height, or moving through the group's waypoint sites at its speed (keeping its
     * offset from its own site). A member placed already keeps its mobility.
     * \param group the group
     * \param member the member's index
     * \param heightMetres the height of its antenna
     */
    void Place(const NodeGroup& group, uint32_t member, double heightMetres);

    /** \return the run's address plan */
    AddressPlan& GetAddresses();

    /**
     * \return the run's random streams: an element's models take the block of a key naming the
     * element and the role of its draws (`run.GetStreams().Assign("link:" + name + "/wifi", ...)`),
     * so its draws stay the same in every configuration that keeps its name (common random
     * numbers, see RandomStreamPlan)
     */
    RandomStreamPlan& GetStreams();

    /**
     * \brief Add an edge to the routing graph and to results' links.
     * \param link the link it belongs to
     * \param edge the edge
     * \return its index (routes, flows' paths and MoveEdgeEnd use it)
     */
    uint32_t AddEdge(const LinkSpec& link, const RoutingEdge& edge);

    /** \return the number of edges added */
    uint32_t GetEdgeCount() const;

    /**
     * \param edge an edge's index
     * \return the edge as it is now
     */
    const RoutingEdge& GetEdge(uint32_t edge) const;

    /**
     * \param edge an edge's index
     * \return the link it belongs to now
     */
    const LinkSpec& GetEdgeLink(uint32_t edge) const;

    /**
     * \param link a link
     * \return the indices of the edges AddEdge added for it, in order
     */
    const std::vector<uint32_t>& GetEdgesOf(const LinkSpec& link) const;

    /**
     * \brief Move an edge's network-side end to another device while the simulation runs (a
     * terminal's handover): routes follow, the edge belongs to newLink, and every flow whose first
     * member's path it is on keeps the least propagation bound of the paths it took. A moving
     * terminal's hop should have no propagation bound (its length changes).
     * \param edge the edge
     * \param newDevA its new network-side device
     * \param newLink the link that device serves
     */
    void MoveEdgeEnd(uint32_t edge, Ptr<NetDevice> newDevA, const LinkSpec& newLink);

    /**
     * \brief Be told of every edge MoveEdgeEnd moves, once it has moved (the latency probes
     * follow a terminal to its new cell's device).
     * \param listener called with the edge's index
     */
    void AddEdgeMoveListener(std::function<void(uint32_t)> listener);

    /**
     * \brief Count one handover of a node, for its flows' results.
     * \param node the node
     */
    void CountHandover(Ptr<Node> node);

    /** \return the run's energy meter */
    Ptr<EnergyMeter> GetMeter() const;

    /** \return the run's cost ledger */
    CostLedger& GetLedger();

    /**
     * \brief Report an element whose energy is not counted (results' `unmetered`).
     * \param element what, where, and why
     */
    void ReportUnmetered(const UnaccountedElement& element);

    /**
     * \brief Report an element whose cost is not counted (results' `uncosted`).
     * \param element what, where, and why
     */
    void ReportUncosted(const UnaccountedElement& element);

    /** \brief One step of the set-up's progress line (LinkTechnology::GetSetupSteps). */
    void Step();

    /**
     * \tparam T a TechnologyRunState subclass, default-constructible
     * \return the run's one T, made on first use
     */
    template <class T>
    T& GetState()
    {
        std::unique_ptr<TechnologyRunState>& state = m_states[std::type_index(typeid(T))];
        if (!state)
        {
            state = std::make_unique<T>();
        }
        return static_cast<T&>(*state);
    }

    /// \}

    /// \name For the runner
    /// \{

    /**
     * \brief Create every node spec's members, placed uniformly in their site's disc, with the
     * internet stack and host-route routing.
     */
    void BuildNodes();

    /** \return every node */
    const NodeContainer& GetAllNodes() const;

    /** \return the routing graph */
    StaticRoutePlanner& GetPlanner();

    /** \return the set-up's progress line */
    SetupProgress& GetSetup();

    /** \return when building started */
    std::chrono::steady_clock::time_point GetWallStart() const;

    /** \return whether progress lines are printed */
    bool GetProgress() const;

    /**
     * \return per flow, its result so far (the traffic builder adds one per flow, with the
     * first member's path and propagation bound; MoveEdgeEnd lowers the bound)
     */
    std::vector<FlowResult>& GetFlowResults();

    /**
     * \return per flow, the nodes of its first member's ends (the traffic builder adds them)
     */
    std::vector<std::pair<Ptr<Node>, Ptr<Node>>>& GetFlowEnds();

    /**
     * \param node a node
     * \return the handovers it made
     */
    uint64_t GetHandovers(Ptr<Node> node) const;

    /** \return the elements reported unmetered, in order */
    const std::vector<UnaccountedElement>& GetUnmetered() const;

    /** \return the elements reported uncosted, in order */
    const std::vector<UnaccountedElement>& GetUncosted() const;

    /// \}

  private:
    /// One edge and the link it belongs to.
    struct Edge
    {
        const LinkSpec* link; //!< the link
        RoutingEdge edge;     //!< the edge
    };

    const ScenarioSpec& m_spec;                        //!< what to build
    std::chrono::steady_clock::time_point m_wallStart; //!< when building started
    bool m_progress;                                   //!< print progress
    SetupProgress m_setup;                             //!< the set-up's progress line
    std::map<std::string, NodeGroup> m_groups;         //!< node spec name -> members
    NodeContainer m_allNodes;                          //!< every node
    RandomStreamPlan m_streams;                        //!< streams by element and role
    AddressPlan m_addresses;                           //!< subnets
    StaticRoutePlanner m_planner;                      //!< routing graph
    std::vector<Edge> m_edges;                         //!< every edge
    std::unordered_map<const LinkSpec*, std::vector<uint32_t>> m_edgesOfLink; //!< as added
    std::vector<FlowResult> m_flowResults;                                    //!< per flow
    std::vector<std::pair<Ptr<Node>, Ptr<Node>>> m_flowEnds;                  //!< per flow
    std::map<uint32_t, uint64_t> m_handoversOfNode;                 //!< node id -> handovers
    std::vector<std::function<void(uint32_t)>> m_edgeMoveListeners; //!< AddEdgeMoveListener
    Ptr<EnergyMeter> m_meter;                                       //!< energy of every element
    CostLedger m_ledger;                                            //!< cost of every element
    std::vector<UnaccountedElement> m_unmetered;                    //!< elements without power
    std::vector<UnaccountedElement> m_uncosted;                     //!< elements without cost
    std::map<std::type_index, std::unique_ptr<TechnologyRunState>> m_states; //!< per technology
};

/**
 * \ingroup blueprint
 * \brief A load-proportional power model from a scenario's `power:` override.
 * \param power the override
 * \param pue the site's power usage effectiveness
 * \return the model
 */
Ptr<ElementPowerModel> MakePowerModel(const PowerSpec& power, double pue);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_BUILD_H
