/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_RWA_H
#define BLUEPRINT_OPTICAL_RWA_H

#include "model/optical/optical-network.h"
#include "model/optical/optical-transponder-class.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-optical
 * \brief A demand for a wavelength path between two ROADM sites.
 */
struct OpticalDemand
{
    std::string name;             //!< the demand's name, for reports
    uint32_t from = 0;            //!< source ROADM
    uint32_t to = 0;              //!< destination ROADM
    double rate = 0.0;            //!< bit/s the path must carry (0 = the class's line rate)
    std::string transponderClass; //!< requested OpticalTransponderClass name
};

/**
 * \ingroup blueprint-optical
 * \brief A route through the graph: the ROADMs it visits and the fibres between them.
 */
struct OpticalRoute
{
    std::vector<uint32_t> roadms; //!< ROADMs in order, source first
    std::vector<uint32_t> fibres; //!< fibre pairs in order (one fewer than roadms)
    double lengthKm = 0.0;        //!< total fibre length
};

/**
 * \ingroup blueprint-optical
 * \brief One transparent stretch of a lightpath: one wavelength end to end, no electronics.
 */
struct OpticalSegment
{
    OpticalRoute route;      //!< the stretch's ROADMs and fibres
    uint32_t channel = 0;    //!< its wavelength (grid channel index), the same on every fibre
    double osnrDb = 0.0;     //!< OSNR at its end, dB in 0.1 nm
    uint32_t amplifiers = 0; //!< amplifiers crossed (one per span)
};

/**
 * \ingroup blueprint-optical
 * \brief What was done for a demand whose path is beyond the requested transponder's reach.
 */
enum class OpticalReachRemedy
{
    NONE,               //!< within reach: one transparent segment
    SLOWER_TRANSPONDER, //!< a slower class with a lower OSNR requirement carries it all-optically
    REGENERATOR         //!< O-E-O regenerators split the path into segments within reach
};

/**
 * \param remedy a remedy.
 * \return "none", "slower-transponder" or "regenerator".
 */
std::string ToString(OpticalReachRemedy remedy);

/**
 * \ingroup blueprint-optical
 * \brief The outcome of routing and wavelength assignment for one demand.
 */
struct OpticalLightpath
{
    std::string demand;           //!< the demand's name
    bool established = false;     //!< a path and wavelengths were found and taken
    std::string blockedReason;    //!< why not, when not established
    OpticalRoute route;           //!< the whole route (established paths)
    std::string transponderClass; //!< the class actually used
    OpticalReachRemedy remedy = OpticalReachRemedy::NONE; //!< what reach required
    std::vector<OpticalSegment> segments; //!< transparent segments; more than one with regenerators
    double requiredOsnrDb = 0.0;          //!< the used class's requirement

    /// \return the ROADMs where regenerators sit (between consecutive segments).
    std::vector<uint32_t> GetRegeneratorSites() const;

    /// \return whether the path is all-optical end to end (one segment).
    bool IsAllOptical() const;
};

/**
 * \ingroup blueprint-optical
 * \brief Routing and wavelength assignment: k shortest paths (Yen) then first-fit, with
 * wavelength continuity and an OSNR reach check.
 *
 * For each of the CandidatePaths shortest routes by length (Yen, "Finding the K shortest
 * loopless paths in a network", Management Science 17(11), 1971; each spur path found with
 * Boost.Graph's Dijkstra on a filtered graph), in order:
 *
 * 1. reach: the route's OSNR (OpticalLineSystem::GetPathOsnrDb) against the requested class. If it
 *    falls short, a slower class from the catalogue that still carries the demand's rate and
 *    whose requirement the route meets is used (AllowSlowerTransponder); failing that, the route
 *    is cut at ROADMs into the longest segments each within reach, with an O-E-O regenerator
 *    at each cut (AllowRegenerators). A single fibre beyond reach makes the route infeasible.
 * 2. wavelength: first-fit, the lowest channel free on every fibre of a segment (continuity;
 *    a regenerator re-transmits on any channel, so each segment is assigned on its own).
 *
 * The first route that passes both takes its channels. If none does, the demand is blocked and
 * the result says why: no free wavelength, or beyond reach. Provisioning is deterministic: ties
 * between equally long routes go to the lower fibre indices.
 */
class OpticalRwa : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    OpticalRwa();

    /**
     * \brief Set the network to route on.
     * \param network the network; its wavelengths are taken and released by this object.
     */
    void SetNetwork(Ptr<OpticalNetwork> network);

    /// \return the network routed on.
    Ptr<OpticalNetwork> GetNetwork() const;

    /**
     * \brief The k shortest loopless routes between two ROADMs, by length (Yen).
     * \param from the source ROADM.
     * \param to the destination ROADM.
     * \param k how many at most.
     * \return up to k routes, shortest first; empty if unreachable or from == to.
     */
    std::vector<OpticalRoute> GetShortestRoutes(uint32_t from, uint32_t to, uint32_t k) const;

    /**
     * \brief Route a demand and take its wavelengths.
     * \param demand the demand; \throws std::invalid_argument for an unknown class or ROADM, or
     *        a class that does not fit the grid's spacing.
     * \return the lightpath; established == false when blocked, with the reason.
     */
    OpticalLightpath Provision(const OpticalDemand& demand);

    /**
     * \brief Give an established lightpath's wavelengths back.
     * \param lightpath a lightpath from Provision().
     */
    void Release(const OpticalLightpath& lightpath);

  private:
    class RouteSearch;

    /**
     * \brief Fibre lengths of a route or part of it.
     * \param route the route.
     * \param first first fibre position in the route.
     * \param last one past the last fibre position.
     * \return the lengths.
     */
    std::vector<double> Lengths(const OpticalRoute& route,
                                std::size_t first,
                                std::size_t last) const;

    /**
     * \brief Cut a route into the longest segments within a class's reach.
     * \param route the route.
     * \param cls the class.
     * \param[out] cuts fibre positions where each segment starts (first is 0).
     * \return false if a single fibre is beyond reach.
     */
    bool Segment(const OpticalRoute& route,
                 const OpticalTransponderClass& cls,
                 std::vector<std::size_t>& cuts) const;

    /**
     * \brief The lowest channel free on fibres [first, last) of a route.
     * \param route the route.
     * \param first first fibre position.
     * \param last one past the last.
     * \param[out] channel the channel found.
     * \return whether one is free.
     */
    bool FirstFit(const OpticalRoute& route,
                  std::size_t first,
                  std::size_t last,
                  uint32_t& channel) const;

    Ptr<OpticalNetwork> m_network; //!< the network
    uint32_t m_candidatePaths;     //!< k of the k shortest paths
    bool m_allowSlower;            //!< use a slower class when beyond reach
    bool m_allowRegenerators;      //!< place regenerators when beyond reach
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_RWA_H */
