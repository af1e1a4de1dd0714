/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_ENERGY_METER_H
#define BLUEPRINT_ENERGY_METER_H

#include "model/energy/element-power-model.h"

#include "ns3/net-device-container.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief What one element draws while no traffic flows: the power a timeline counts between its
 * packet-level windows (doc/phases.rst).
 */
struct ElementIdleDraw
{
    std::string element;    //!< element name
    std::string node;       //!< node name
    std::string technology; //!< technology name
    double watts = 0.0;     //!< idle power, site PUE included; 0 when not powered
    /// false when the element's model gives no idle power: `watts` is then its mean power over
    /// the window just measured, which includes what its traffic added.
    bool modelled = true;
    bool powered = true; //!< false when its node was dark at the end of the window
};

/**
 * \ingroup blueprint
 * \brief Energy of one run, in J, split three ways. Maps keep the output order deterministic.
 */
struct EnergyReport
{
    double totalJoules = 0.0;                   //!< all elements together
    std::map<std::string, double> byTechnology; //!< J per technology name
    std::map<std::string, double> byNode;       //!< J per node name
    /// One entry per registered element, in the order added: (element, node, technology, J).
    std::vector<std::tuple<std::string, std::string, std::string, double>> byElement;
    /// One entry per registered element, in the order of byElement: its idle draw at the end.
    std::vector<ElementIdleDraw> idle;
};

/**
 * \brief Integrates the power of every registered element over a run.
 *
 * Each element has a power model and the devices whose transmissions are its load: the meter
 * counts the bits each of those devices finishes transmitting (the PhyTxEnd trace, packet size
 * times 8) between Start() and Finish(), and hands the element's model the run length and that
 * bit count. A router's load is what it sends on all its interfaces, which is what it forwards.
 */
class EnergyMeter : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a meter with no elements.
    EnergyMeter();

    /**
     * \brief Register an element.
     *
     * Names need not be unique: a link's two ends, or the members of a node group, may share one
     * name. Each registration is metered and reported on its own.
     *
     * \param element a name for the element.
     * \param node the name of the node the element belongs to.
     * \param technology the technology the element is counted under (e.g. "fiber", "router").
     * \param model the element's power model.
     * \param loadDevices the devices whose transmitted bits are the element's load; each must
     *        have a "PhyTxEnd" trace source. May be empty for a constant-power element.
     * \param owner the ns-3 node the element stands in, when its devices do not say (a node's
     *        own equipment with no link loading it); the nodes of loadDevices count too.
     * \throws std::invalid_argument on a null model or a device without a PhyTxEnd trace source.
     */
    void AddElement(const std::string& element,
                    const std::string& node,
                    const std::string& technology,
                    Ptr<ElementPowerModel> model,
                    NetDeviceContainer loadDevices,
                    Ptr<Node> owner = nullptr);

    /**
     * \brief Register an element that integrates its own energy (a radio whose power follows its
     * slot-by-slot state, such as an NR cell metered per TTI).
     * \param element the element's name
     * \param node the node it belongs to
     * \param technology the technology it is counted under
     * \param energy gives the joules the element used from the start of the run to the time
     *        passed, before the site's PUE
     * \param pue the power usage effectiveness of its site (>= 1)
     * \param idleWatts what it draws with no traffic, before the PUE; none when its model has no
     *        such figure (EnergyReport::idle then gives its mean power over the window, flagged)
     * \param owner the ns-3 node it stands in, when it is one member's (a compute node's servers
     *        at each member of a group), so that the member's supply powers it; none for an
     *        element of the whole node (a cell's station)
     */
    void AddIntegratedElement(const std::string& element,
                              const std::string& node,
                              const std::string& technology,
                              std::function<double(Time)> energy,
                              double pue,
                              std::optional<double> idleWatts = std::nullopt,
                              Ptr<Node> owner = nullptr);

    /**
     * \brief Say whether a node's elements have power (a node gone dark when its battery ran
     * out draws nothing); Finish() reports it in EnergyReport::idle, so that the time after the
     * window counts nothing for them. Every node is powered until told otherwise.
     * \param node the node name the elements were registered under
     * \param powered whether it has power now
     */
    void SetNodePowered(const std::string& node, bool powered);

    /// Start the measurement window now; bits sent before this are not counted.
    void Start();

    /**
     * \brief End the measurement window now and report the energy of every element.
     * \return the energy over [Start(), now].
     * \throws std::logic_error if Start() was not called.
     */
    EnergyReport Finish();

    /**
     * \brief Get the bits an element's devices transmitted in the current or last window.
     * \param element the element's name.
     * \return the bit count, summed over all registrations under that name;
     *         \throws std::invalid_argument for an unknown element.
     */
    uint64_t GetBitsCarried(const std::string& element) const;

    /**
     * \brief Which elements belong to one member of a node (group): those registered under the
     * node's name that stand in the member's ns-3 node, and, with unplaced, those registered
     * under the name with no ns-3 node at all (a cell's integrated station model, a group's
     * terminals counted together).
     */
    struct Selection
    {
        std::string node;      //!< the node (group) name the elements are registered under
        uint32_t nodeId = 0;   //!< the member's ns-3 node id
        bool unplaced = false; //!< whether elements with no ns-3 node are included
    };

    /**
     * \brief Power a node's elements off or on (a site whose supply ran dry, or came back): off,
     * they draw nothing and their load is not counted; an integrated element's energy over the
     * dark time is taken out of its total.
     * \param which the elements
     * \param powered whether they are powered from now on
     */
    void SetPowered(const Selection& which, bool powered);

    /**
     * \brief Get the energy of a node's elements from Start() to now, PUE included, without the
     * time they were off: what their supply has delivered.
     * \param which the elements
     * \return the energy in J (0 before Start())
     */
    double GetJoules(const Selection& which) const;

    /**
     * \brief Get the power of a node's elements when they carry nothing: a linear element's
     * GetPower(0); an integrated element's energy over the next second, asked before it has
     * carried anything (at the start of the run), times its PUE.
     * \param which the elements
     * \return the power in W
     */
    double GetIdlePower(const Selection& which) const;

  protected:
    void DoDispose() override;

  private:
    /// One registered element.
    struct Element
    {
        std::string name;              //!< element name
        std::string node;              //!< node name
        std::string technology;        //!< technology name
        Ptr<ElementPowerModel> model;  //!< power model
        NetDeviceContainer devices;    //!< devices whose transmissions are counted
        uint64_t bits = 0;             //!< bits transmitted inside the window
        std::vector<uint32_t> nodeIds; //!< the ns-3 nodes it stands in
        bool powered = true;           //!< whether it is powered
        double onSeconds = 0;          //!< powered time in the window before onSince
        Time onSince;                  //!< when it was last powered on (or the window started)
    };

    /**
     * \param e an element \param now the time
     * \return its powered seconds in the window up to now
     */
    double PoweredSeconds(const Element& e, Time now) const;

    /**
     * \brief PhyTxEnd sink: add a finished transmission to an element's load.
     * \param index the element's position in m_elements.
     * \param packet the packet whose transmission ended.
     */
    void CountTransmission(std::size_t index, Ptr<const Packet> packet);

    /**
     * \brief An element's idle draw, zero when its node is dark.
     * \param element the element's name
     * \param node its node
     * \param technology its technology
     * \param watts its idle power (or mean power), PUE included
     * \param modelled whether watts is a modelled idle power
     * \param elementPowered whether the element itself has power (its supply ran dry: no)
     * \return the draw
     */
    ElementIdleDraw IdleDraw(const std::string& element,
                             const std::string& node,
                             const std::string& technology,
                             double watts,
                             bool modelled,
                             bool elementPowered) const;

    /// An element that integrates its own energy.
    struct IntegratedElement
    {
        std::string name;                   //!< element name
        std::string node;                   //!< node name
        std::string technology;             //!< technology name
        std::function<double(Time)> energy; //!< joules from the start of the run to a time
        double pue = 1;                     //!< site PUE
        std::optional<double> idleWatts;    //!< idle power before the PUE, if modelled
        std::vector<uint32_t> nodeIds;      //!< the ns-3 node it stands in (none: unplaced)
        bool powered = true;                //!< whether it is powered
        double offJoules = 0;               //!< its energy while off, before offSince, J
        Time offSince;                      //!< when it was last powered off
    };

    /**
     * \param e an integrated element \param now the time
     * \return its energy up to now without its dark time, PUE excluded
     */
    double PoweredJoules(const IntegratedElement& e, Time now) const;

    /**
     * \param which a selection \param name an element's node name \param ids its ns-3 nodes
     * \return whether the element is selected
     */
    static bool Selects(const Selection& which,
                        const std::string& name,
                        const std::vector<uint32_t>& ids);

    std::vector<Element> m_elements;             //!< registered elements, in insertion order
    std::vector<IntegratedElement> m_integrated; //!< self-integrating elements, in order
    std::set<std::string> m_darkNodes;           //!< nodes without power now
    bool m_running;                              //!< whether the window is open
    bool m_started;                              //!< whether Start() was ever called
    Time m_start;                                //!< start of the window
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_ENERGY_METER_H */
