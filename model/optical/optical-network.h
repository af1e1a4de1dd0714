/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_NETWORK_H
#define BLUEPRINT_OPTICAL_NETWORK_H

#include "model/optical/optical-line-system.h"

#include "ns3/object.h"

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-optical
 * \brief The optical transport graph: ROADM sites joined by amplified fibre pairs, and which
 * wavelengths each fibre pair carries.
 *
 * A fibre here is a pair, one fibre each way; a lightpath occupies the same channel on both, so
 * one occupancy bit per channel and fibre pair describes both directions. Every fibre pair has
 * the same grid (OpticalWavelengthGrid: 40, 64 or 96 channels) and line system
 * (OpticalLineSystem: amplifiers about every MaxSpanLength, placed automatically).
 *
 * The graph is a Boost.Graph adjacency list whose vertices are ROADM indices and whose edges
 * carry the fibre's length (the routing weight) and its fibre index, for OpticalRwa.
 */
class OpticalNetwork : public Object
{
  public:
    /// Edge properties: length in km (routing weight) and the fibre index.
    using EdgeProperties = boost::
        property<boost::edge_weight_t, double, boost::property<boost::edge_index_t, uint32_t>>;
    /// The graph: vertex i is ROADM i, every fibre pair is an undirected edge.
    using Graph = boost::adjacency_list<boost::vecS,
                                        boost::vecS,
                                        boost::undirectedS,
                                        boost::no_property,
                                        EdgeProperties>;

    /// One fibre pair.
    struct Fibre
    {
        uint32_t a;      //!< one end's ROADM
        uint32_t b;      //!< the other end's ROADM
        double lengthKm; //!< route length, km
        bool aerial;     //!< strung on poles (true) or underground (false), for its cost
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create an empty network with a 96-channel grid and the default line system.
    OpticalNetwork();

    /**
     * \brief Set the grid of every fibre; only before any wavelength is occupied.
     * \param grid the grid.
     */
    void SetGrid(const OpticalWavelengthGrid& grid);
    /// \return the grid of every fibre.
    const OpticalWavelengthGrid& GetGrid() const;

    /**
     * \brief Set the line system of every fibre.
     * \param line the line; \throws std::invalid_argument if OpticalLineSystem::Check fails.
     */
    void SetLineSystem(const OpticalLineSystem& line);
    /// \return the line system of every fibre.
    const OpticalLineSystem& GetLineSystem() const;

    /**
     * \brief Add a ROADM site.
     * \param name a name unique in the network.
     * \return its index; \throws std::invalid_argument for an empty or repeated name.
     */
    uint32_t AddRoadm(const std::string& name);

    /**
     * \brief Add a fibre pair between two ROADMs.
     * \param a one end's index.
     * \param b the other end's index (not a).
     * \param lengthKm route length, > 0.
     * \param aerial whether it is strung on poles (its cost), rather than underground.
     * \return the fibre's index; \throws std::invalid_argument on a bad end or length.
     */
    uint32_t AddFibre(uint32_t a, uint32_t b, double lengthKm, bool aerial = false);

    /// \return the number of ROADMs.
    uint32_t GetNRoadms() const;
    /// \return the number of fibre pairs.
    uint32_t GetNFibres() const;

    /**
     * \param roadm a ROADM index.
     * \return its name.
     */
    const std::string& GetRoadmName(uint32_t roadm) const;

    /**
     * \param name a ROADM name.
     * \return its index, if there is one by that name.
     */
    std::optional<uint32_t> FindRoadm(const std::string& name) const;

    /**
     * \param fibre a fibre index.
     * \return the fibre.
     */
    const Fibre& GetFibre(uint32_t fibre) const;

    /**
     * \param roadm a ROADM index.
     * \return its degree: the number of fibre pairs it terminates.
     */
    uint32_t GetDegree(uint32_t roadm) const;

    /**
     * \param fibre a fibre index.
     * \return the in-line amplifier sites on it (OpticalLineSystem::GetInlineAmplifierCount).
     */
    uint32_t GetInlineAmplifierCount(uint32_t fibre) const;

    /**
     * \param fibre a fibre index.
     * \param channel a channel index.
     * \return whether the channel is free on that fibre pair.
     */
    bool IsChannelFree(uint32_t fibre, uint32_t channel) const;

    /**
     * \brief Take a channel on a fibre pair.
     * \param fibre a fibre index.
     * \param channel a free channel; \throws std::logic_error if it is taken.
     */
    void OccupyChannel(uint32_t fibre, uint32_t channel);

    /**
     * \brief Give a channel back.
     * \param fibre a fibre index.
     * \param channel a taken channel; \throws std::logic_error if it is free.
     */
    void ReleaseChannel(uint32_t fibre, uint32_t channel);

    /**
     * \param fibre a fibre index.
     * \return how many channels are taken on it.
     */
    uint32_t GetUsedChannels(uint32_t fibre) const;

    /// \return the Boost graph (for routing).
    const Graph& GetGraph() const;

  private:
    /// \param channels 40, 64 or 96 (attribute Channels)
    void SetChannelCount(uint32_t channels);
    /// \return the channels per fibre
    uint32_t GetChannelCount() const;

    /**
     * \brief Attribute setter of one line-system field; the line is checked as a whole.
     * \tparam Field the field.
     * \param value its new value.
     */
    template <double OpticalLineSystem::*Field>
    void SetLineField(double value)
    {
        OpticalLineSystem line = m_line;
        line.*Field = value;
        SetLineSystem(line);
    }

    /**
     * \brief Attribute getter of one line-system field.
     * \tparam Field the field.
     * \return its value.
     */
    template <double OpticalLineSystem::*Field>
    double GetLineField() const
    {
        return m_line.*Field;
    }

    /// \param latency the latency of one amplifier (attribute AmplifierLatency)
    void SetAmplifierLatency(Time latency);
    /// \return the latency of one amplifier
    Time GetAmplifierLatency() const;

    /**
     * \brief Abort-free range check.
     * \param fibre a fibre index; \throws std::out_of_range if it is not one.
     */
    void CheckFibre(uint32_t fibre) const;

    OpticalWavelengthGrid m_grid;           //!< channel grid of every fibre
    OpticalLineSystem m_line;               //!< amplified line of every fibre
    std::vector<std::string> m_names;       //!< ROADM names by index
    std::vector<Fibre> m_fibres;            //!< fibre pairs by index
    std::vector<std::vector<bool>> m_taken; //!< per fibre, per channel: occupied
    std::vector<uint32_t> m_used;           //!< per fibre: occupied channel count
    std::vector<uint32_t> m_degree;         //!< per ROADM: fibre pairs terminated
    Graph m_graph;                          //!< the routing graph
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_NETWORK_H */
