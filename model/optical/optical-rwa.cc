/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/optical/optical-rwa.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalRwa");

NS_OBJECT_ENSURE_REGISTERED(OpticalRwa);

namespace
{

using Graph = OpticalNetwork::Graph;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// Hides the fibres and ROADMs Yen's algorithm removes for one spur path.
struct Hidden
{
    const Graph* graph = nullptr;              //!< the graph
    const std::vector<bool>* fibres = nullptr; //!< per fibre index: hidden
    const std::vector<bool>* roadms = nullptr; //!< per ROADM: hidden

    /// \param e an edge \return whether it is visible
    bool operator()(const Edge& e) const
    {
        return !(*fibres)[boost::get(boost::edge_index, *graph, e)];
    }

    /// \param v a vertex \return whether it is visible
    bool operator()(const Vertex& v) const
    {
        return !(*roadms)[v];
    }
};

/// Routes compare by length at millimetre resolution, then by fibre indices, so equal lengths
/// computed in different orders still tie and ties go to the lower indices.
using RouteKey = std::pair<long long, std::vector<uint32_t>>;

/// \param route a route \return its ordering key
RouteKey
KeyOf(const OpticalRoute& route)
{
    return {std::llround(route.lengthKm * 1e6), route.fibres};
}

/**
 * Dijkstra from `from` to `to` on the graph with some fibres and ROADMs hidden.
 * \return the route, or an empty one (no ROADMs) if `to` cannot be reached.
 */
OpticalRoute
ShortestRoute(const Graph& graph,
              uint32_t from,
              uint32_t to,
              const std::vector<bool>& hiddenFibres,
              const std::vector<bool>& hiddenRoadms)
{
    Hidden hidden{&graph, &hiddenFibres, &hiddenRoadms};
    boost::filtered_graph<Graph, Hidden, Hidden> view(graph, hidden, hidden);
    const std::size_t n = boost::num_vertices(graph);
    std::vector<double> distance(n);
    std::vector<Vertex> predecessor(n);
    for (std::size_t v = 0; v < n; ++v)
    {
        predecessor[v] = v;
    }
    auto index = boost::get(boost::vertex_index, graph);
    boost::dijkstra_shortest_paths(
        view,
        from,
        boost::weight_map(boost::get(boost::edge_weight, graph))
            .distance_map(boost::make_iterator_property_map(distance.begin(), index))
            .predecessor_map(boost::make_iterator_property_map(predecessor.begin(), index)));
    OpticalRoute route;
    // Dijkstra leaves an unreached vertex its own predecessor (and a distance of DBL_MAX).
    if (predecessor[to] == to)
    {
        return route;
    }
    for (Vertex v = to; v != from; v = predecessor[v])
    {
        // The fibre into v: of the visible fibres between v and its predecessor (there may be
        // parallel ones), the shortest, ties to the lowest index.
        const Vertex u = predecessor[v];
        uint32_t best = std::numeric_limits<uint32_t>::max();
        double bestKm = std::numeric_limits<double>::infinity();
        for (auto [e, end] = boost::out_edges(v, view); e != end; ++e)
        {
            if (boost::target(*e, view) != u)
            {
                continue;
            }
            const double km = boost::get(boost::edge_weight, graph, *e);
            const uint32_t fibre = boost::get(boost::edge_index, graph, *e);
            if (km < bestKm || (km == bestKm && fibre < best))
            {
                best = fibre;
                bestKm = km;
            }
        }
        route.roadms.push_back(static_cast<uint32_t>(v));
        route.fibres.push_back(best);
    }
    route.roadms.push_back(from);
    std::reverse(route.roadms.begin(), route.roadms.end());
    std::reverse(route.fibres.begin(), route.fibres.end());
    route.lengthKm = distance[to];
    return route;
}

} // namespace

std::string
ToString(OpticalReachRemedy remedy)
{
    switch (remedy)
    {
    case OpticalReachRemedy::NONE:
        return "none";
    case OpticalReachRemedy::SLOWER_TRANSPONDER:
        return "slower-transponder";
    case OpticalReachRemedy::REGENERATOR:
        return "regenerator";
    }
    return "unknown";
}

std::vector<uint32_t>
OpticalLightpath::GetRegeneratorSites() const
{
    std::vector<uint32_t> sites;
    for (std::size_t i = 1; i < segments.size(); ++i)
    {
        sites.push_back(segments[i].route.roadms.front());
    }
    return sites;
}

bool
OpticalLightpath::IsAllOptical() const
{
    return established && segments.size() == 1;
}

TypeId
OpticalRwa::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::OpticalRwa")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<OpticalRwa>()
            .AddAttribute("CandidatePaths",
                          "How many shortest routes (k) are tried per demand, shortest first.",
                          UintegerValue(3),
                          MakeUintegerAccessor(&OpticalRwa::m_candidatePaths),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("AllowSlowerTransponder",
                          "Beyond reach, carry the demand on a slower class that reaches.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&OpticalRwa::m_allowSlower),
                          MakeBooleanChecker())
            .AddAttribute("AllowRegenerators",
                          "Beyond reach, place O-E-O regenerators at intermediate ROADMs.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&OpticalRwa::m_allowRegenerators),
                          MakeBooleanChecker());
    return tid;
}

OpticalRwa::OpticalRwa()
    : m_candidatePaths(3),
      m_allowSlower(true),
      m_allowRegenerators(true)
{
    NS_LOG_FUNCTION(this);
}

void
OpticalRwa::SetNetwork(Ptr<OpticalNetwork> network)
{
    m_network = network;
}

Ptr<OpticalNetwork>
OpticalRwa::GetNetwork() const
{
    return m_network;
}

/**
 * Yen's k shortest loopless routes, found one at a time: the next route is computed only when it
 * is asked for, so a demand whose shortest route works costs one Dijkstra, not k times the spur
 * searches of every route before the last.
 */
class OpticalRwa::RouteSearch
{
  public:
    /// Search from `from` to `to` on a network (both valid ROADMs).
    RouteSearch(const OpticalNetwork& network, uint32_t from, uint32_t to)
        : m_network(network),
          m_to(to),
          m_hiddenFibres(network.GetNFibres(), false),
          m_hiddenRoadms(network.GetNRoadms(), false)
    {
        if (from == to)
        {
            m_done = true;
            return;
        }
        OpticalRoute first =
            ShortestRoute(network.GetGraph(), from, to, m_hiddenFibres, m_hiddenRoadms);
        if (first.roadms.empty())
        {
            m_done = true;
            return;
        }
        m_seen.insert(first.fibres);
        m_next = first;
    }

    /**
     * \param[out] route the next shortest route
     * \return false when there is none
     */
    bool Next(OpticalRoute& route)
    {
        if (m_done)
        {
            return false;
        }
        if (!m_next)
        {
            Spur();
            if (m_candidates.empty())
            {
                m_done = true;
                return false;
            }
            m_next = m_candidates.begin()->second;
            m_candidates.erase(m_candidates.begin());
        }
        route = *m_next;
        m_found.push_back(*m_next);
        m_next.reset();
        return true;
    }

  private:
    /// Add the spur routes off the last route found to the candidates.
    void Spur()
    {
        const OpticalRoute& previous = m_found.back();
        // Every ROADM of the previous route but the last is a spur node in turn.
        for (std::size_t i = 0; i + 1 < previous.roadms.size(); ++i)
        {
            std::fill(m_hiddenFibres.begin(), m_hiddenFibres.end(), false);
            std::fill(m_hiddenRoadms.begin(), m_hiddenRoadms.end(), false);
            // Routes already found that share this root leave it by another fibre.
            for (const OpticalRoute& p : m_found)
            {
                if (p.fibres.size() > i && std::equal(previous.fibres.begin(),
                                                      previous.fibres.begin() + i,
                                                      p.fibres.begin()))
                {
                    m_hiddenFibres[p.fibres[i]] = true;
                }
            }
            // The root's ROADMs before the spur node stay out, so the route is loopless.
            double rootLength = 0.0;
            for (std::size_t j = 0; j < i; ++j)
            {
                m_hiddenRoadms[previous.roadms[j]] = true;
                rootLength += m_network.GetFibre(previous.fibres[j]).lengthKm;
            }
            OpticalRoute spur = ShortestRoute(m_network.GetGraph(),
                                              previous.roadms[i],
                                              m_to,
                                              m_hiddenFibres,
                                              m_hiddenRoadms);
            if (spur.roadms.empty())
            {
                continue;
            }
            OpticalRoute total;
            total.roadms.assign(previous.roadms.begin(), previous.roadms.begin() + i);
            total.roadms.insert(total.roadms.end(), spur.roadms.begin(), spur.roadms.end());
            total.fibres.assign(previous.fibres.begin(), previous.fibres.begin() + i);
            total.fibres.insert(total.fibres.end(), spur.fibres.begin(), spur.fibres.end());
            total.lengthKm = rootLength + spur.lengthKm;
            if (m_seen.insert(total.fibres).second)
            {
                m_candidates.emplace(KeyOf(total), total);
            }
        }
    }

    const OpticalNetwork& m_network;               //!< the network
    uint32_t m_to;                                 //!< destination ROADM
    std::vector<bool> m_hiddenFibres;              //!< per spur search
    std::vector<bool> m_hiddenRoadms;              //!< per spur search
    std::vector<OpticalRoute> m_found;             //!< routes handed out, in order
    std::optional<OpticalRoute> m_next;            //!< the next route, when known
    std::set<std::vector<uint32_t>> m_seen;        //!< fibre sequences found or queued
    std::map<RouteKey, OpticalRoute> m_candidates; //!< spur routes by length, then fibres
    bool m_done = false;                           //!< no more routes
};

std::vector<OpticalRoute>
OpticalRwa::GetShortestRoutes(uint32_t from, uint32_t to, uint32_t k) const
{
    NS_LOG_FUNCTION(this << from << to << k);
    NS_ABORT_MSG_IF(!m_network, "OpticalRwa: no network");
    const uint32_t nRoadms = m_network->GetNRoadms();
    if (from >= nRoadms || to >= nRoadms)
    {
        throw std::invalid_argument("OpticalRwa: no such ROADM");
    }
    std::vector<OpticalRoute> found;
    RouteSearch search(*m_network, from, to);
    OpticalRoute route;
    while (found.size() < k && search.Next(route))
    {
        found.push_back(route);
    }
    return found;
}

std::vector<double>
OpticalRwa::Lengths(const OpticalRoute& route, std::size_t first, std::size_t last) const
{
    std::vector<double> lengths;
    for (std::size_t i = first; i < last; ++i)
    {
        lengths.push_back(m_network->GetFibre(route.fibres[i]).lengthKm);
    }
    return lengths;
}

bool
OpticalRwa::Segment(const OpticalRoute& route,
                    const OpticalTransponderClass& cls,
                    std::vector<std::size_t>& cuts) const
{
    const OpticalLineSystem& line = m_network->GetLineSystem();
    cuts.clear();
    std::size_t start = 0;
    while (start < route.fibres.size())
    {
        std::size_t end = start;
        while (end < route.fibres.size() &&
               line.GetPathOsnrDb(Lengths(route, start, end + 1)) >= cls.requiredOsnrDb)
        {
            ++end;
        }
        if (end == start)
        {
            return false; // one fibre alone is beyond reach: no ROADM to regenerate at
        }
        cuts.push_back(start);
        start = end;
    }
    return true;
}

bool
OpticalRwa::FirstFit(const OpticalRoute& route,
                     std::size_t first,
                     std::size_t last,
                     uint32_t& channel) const
{
    const uint32_t channels = m_network->GetGrid().channels;
    for (channel = 0; channel < channels; ++channel)
    {
        bool free = true;
        for (std::size_t i = first; i < last && free; ++i)
        {
            free = m_network->IsChannelFree(route.fibres[i], channel);
        }
        if (free)
        {
            return true;
        }
    }
    return false;
}

OpticalLightpath
OpticalRwa::Provision(const OpticalDemand& demand)
{
    NS_LOG_FUNCTION(this << demand.name << demand.from << demand.to);
    NS_ABORT_MSG_IF(!m_network, "OpticalRwa: no network");
    const OpticalTransponderClass* cls = OpticalTransponderClass::Find(demand.transponderClass);
    if (!cls)
    {
        throw std::invalid_argument("demand '" + demand.name + "': unknown transponder class '" +
                                    demand.transponderClass + "'");
    }
    const double spacing = m_network->GetGrid().spacingHz;
    if (cls->minChannelSpacingHz > spacing)
    {
        throw std::invalid_argument(
            "demand '" + demand.name + "': a " + cls->name + " signal needs " +
            std::to_string(cls->minChannelSpacingHz / 1e9) + " GHz slots, the grid has " +
            std::to_string(spacing / 1e9) + " GHz");
    }
    const double rate = demand.rate > 0.0 ? demand.rate : cls->lineRate;
    if (rate > cls->lineRate)
    {
        throw std::invalid_argument("demand '" + demand.name +
                                    "': its rate exceeds one wavelength of class " + cls->name);
    }
    if (demand.from == demand.to)
    {
        throw std::invalid_argument("demand '" + demand.name + "' starts where it ends");
    }

    OpticalLightpath result;
    result.demand = demand.name;
    const OpticalLineSystem& line = m_network->GetLineSystem();
    bool anyReachable = false;
    bool anyRoute = false;
    RouteSearch search(*m_network, demand.from, demand.to);
    OpticalRoute route;
    for (uint32_t tried = 0; tried < m_candidatePaths && search.Next(route); ++tried)
    {
        anyRoute = true;
        // Reach: the requested class, else a slower one, else regenerators.
        const double osnr = line.GetPathOsnrDb(Lengths(route, 0, route.fibres.size()));
        const OpticalTransponderClass* used = nullptr;
        OpticalReachRemedy remedy = OpticalReachRemedy::NONE;
        std::vector<std::size_t> cuts{0};
        if (osnr >= cls->requiredOsnrDb)
        {
            used = cls;
        }
        if (!used && m_allowSlower)
        {
            for (const std::string& name : OpticalTransponderClass::Names())
            {
                const OpticalTransponderClass* slower = OpticalTransponderClass::Find(name);
                if (slower->lineRate < cls->lineRate && slower->lineRate >= rate &&
                    slower->minChannelSpacingHz <= spacing && osnr >= slower->requiredOsnrDb)
                {
                    used = slower;
                    remedy = OpticalReachRemedy::SLOWER_TRANSPONDER;
                    break;
                }
            }
        }
        if (!used && m_allowRegenerators && Segment(route, *cls, cuts))
        {
            used = cls;
            remedy = OpticalReachRemedy::REGENERATOR;
        }
        if (!used)
        {
            continue;
        }
        anyReachable = true;
        // Wavelength: first-fit per transparent segment.
        std::vector<OpticalSegment> segments;
        bool assigned = true;
        for (std::size_t s = 0; s < cuts.size() && assigned; ++s)
        {
            const std::size_t first = cuts[s];
            const std::size_t last = s + 1 < cuts.size() ? cuts[s + 1] : route.fibres.size();
            OpticalSegment segment;
            assigned = FirstFit(route, first, last, segment.channel);
            segment.route.roadms.assign(route.roadms.begin() + first,
                                        route.roadms.begin() + last + 1);
            segment.route.fibres.assign(route.fibres.begin() + first, route.fibres.begin() + last);
            const std::vector<double> lengths = Lengths(route, first, last);
            for (double l : lengths)
            {
                segment.route.lengthKm += l;
                segment.amplifiers += line.GetSpanCount(l);
            }
            segment.osnrDb = line.GetPathOsnrDb(lengths);
            segments.push_back(segment);
        }
        if (!assigned)
        {
            continue;
        }
        for (const OpticalSegment& segment : segments)
        {
            for (uint32_t fibre : segment.route.fibres)
            {
                m_network->OccupyChannel(fibre, segment.channel);
            }
        }
        result.established = true;
        result.route = route;
        result.transponderClass = used->name;
        result.remedy = remedy;
        result.segments = segments;
        result.requiredOsnrDb = used->requiredOsnrDb;
        NS_LOG_INFO("demand " << demand.name << ": " << route.lengthKm << " km, " << segments.size()
                              << " segment(s), class " << used->name << ", remedy "
                              << ToString(remedy));
        return result;
    }
    result.blockedReason =
        !anyRoute      ? "no route joins the two ROADMs"
        : anyReachable ? "no wavelength free end to end on any of the " +
                             std::to_string(m_candidatePaths) + " shortest routes"
                       : "no route within the reach of a usable transponder class, even with "
                         "regenerators";
    NS_LOG_INFO("demand " << demand.name << " blocked: " << result.blockedReason);
    return result;
}

void
OpticalRwa::Release(const OpticalLightpath& lightpath)
{
    NS_LOG_FUNCTION(this << lightpath.demand);
    if (!lightpath.established)
    {
        return;
    }
    for (const OpticalSegment& segment : lightpath.segments)
    {
        for (uint32_t fibre : segment.route.fibres)
        {
            m_network->ReleaseChannel(fibre, segment.channel);
        }
    }
}

} // namespace blueprint
} // namespace ns3
