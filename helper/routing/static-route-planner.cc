/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/routing/static-route-planner.h"

#include "model/routing/framed-route-sink.h"
#include "model/routing/host-route-table.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintStaticRoutePlanner");

namespace
{

/**
 * \param seconds a link's one-way latency
 * \return it in whole picoseconds, at least one, as a double: sums of such integers are exact up
 *         to 2^53 ps (about 2.5 hours), so equal path latencies compare equal whatever the order
 *         of the additions (ns-3 itself resolves nanoseconds)
 */
double
WholePicoseconds(double seconds)
{
    NS_ABORT_MSG_IF(!std::isfinite(seconds) || seconds < 0,
                    "StaticRoutePlanner: a link's weight must be a latency >= 0 s, not "
                        << seconds);
    return std::max(1.0, std::round(seconds * 1e12));
}

/// The next hop and outgoing interface of one node over one of its links.
struct Hop
{
    Ptr<HostRouteTable> table; //!< the node's routing table
    Ipv4Address nextHop;       //!< the neighbour's address on the link
    uint32_t interface;        //!< the node's interface on the link
};

/**
 * \param out the device a node sends on
 * \param peer the device at the other end of the link
 * \return the node's table, the peer's address and the node's interface
 */
Hop
HopBetween(Ptr<NetDevice> out, Ptr<NetDevice> peer)
{
    Ptr<Ipv4> ip = out->GetNode()->GetObject<Ipv4>();
    Ptr<Ipv4> peerIp = peer->GetNode()->GetObject<Ipv4>();
    Hop hop;
    hop.table = HostRouteTableHelper::Get(ip);
    NS_ABORT_MSG_IF(!hop.table, "StaticRoutePlanner needs a HostRouteTable on every node");
    hop.interface = ip->GetInterfaceForDevice(out);
    hop.nextHop = peerIp->GetAddress(peerIp->GetInterfaceForDevice(peer), 0).GetLocal();
    return hop;
}

} // namespace

uint32_t
StaticRoutePlanner::Link::Other(uint32_t v) const
{
    return v == a ? b : a;
}

int32_t
StaticRoutePlanner::Tree::NextOf(uint32_t v) const
{
    return v < next.size() ? next[v] : -1;
}

double
StaticRoutePlanner::Tree::DistanceOf(uint32_t v) const
{
    return v < distance.size() ? distance[v] : std::numeric_limits<double>::infinity();
}

uint32_t
StaticRoutePlanner::VertexOf(Ptr<Node> node)
{
    auto [it, inserted] = m_vertexOf.emplace(node->GetId(), m_vertices.size());
    if (inserted)
    {
        m_vertices.emplace_back();
        m_vertices.back().node = node;
    }
    return it->second;
}

void
StaticRoutePlanner::Attach(uint32_t link, uint32_t v)
{
    Link& l = m_links[link];
    (l.a == v ? l.slotA : l.slotB) = m_vertices[v].links.size();
    m_vertices[v].links.push_back(link);
}

void
StaticRoutePlanner::Detach(uint32_t link, uint32_t v)
{
    // Swap with the last entry: O(1), so a handover does not scan a gNB's thousands of links.
    std::vector<uint32_t>& links = m_vertices[v].links;
    const Link& l = m_links[link];
    const uint32_t slot = l.a == v ? l.slotA : l.slotB;
    const uint32_t last = links.back();
    links[slot] = last;
    links.pop_back();
    if (last != link)
    {
        Link& moved = m_links[last];
        (moved.a == v ? moved.slotA : moved.slotB) = slot;
    }
}

std::vector<Ipv4Address>
StaticRoutePlanner::AddressesOf(Ptr<Node> node)
{
    Ptr<Ipv4> ip = node->GetObject<Ipv4>();
    std::vector<Ipv4Address> addresses;
    for (uint32_t i = 1; i < ip->GetNInterfaces(); ++i) // interface 0 is loopback
    {
        for (uint32_t j = 0; j < ip->GetNAddresses(i); ++j)
        {
            addresses.push_back(ip->GetAddress(i, j).GetLocal());
        }
    }
    return addresses;
}

uint32_t
StaticRoutePlanner::AddLink(Ptr<NetDevice> devA, Ptr<NetDevice> devB, double weight)
{
    NS_ABORT_MSG_IF(devA->GetNode() == devB->GetNode(),
                    "StaticRoutePlanner: a link must join two different nodes");
    const uint32_t index = m_links.size();
    Link l;
    l.devA = devA;
    l.devB = devB;
    l.a = VertexOf(devA->GetNode());
    l.b = VertexOf(devB->GetNode());
    l.picoseconds = WholePicoseconds(weight);
    m_links.push_back(l);
    Attach(index, l.a);
    Attach(index, l.b);
    // The graph changed: earlier trees and roles are stale until the next RouteTo.
    m_trees.clear();
    m_planned = false;
    return index;
}

uint32_t
StaticRoutePlanner::RootOf(uint32_t d) const
{
    const Vertex& x = m_vertices[d];
    if (x.links.size() != 1 || m_trees.count(d))
    {
        return d;
    }
    // Every path to a stub ends with its only link: its neighbour's tree gives the next hops,
    // and every stub behind that neighbour shares it.
    return m_links[x.links[0]].Other(d);
}

const StaticRoutePlanner::Tree&
StaticRoutePlanner::TreeOf(uint32_t root) const
{
    auto found = m_trees.find(root);
    if (found != m_trees.end())
    {
        return found->second;
    }
    using Graph =
        boost::adjacency_list<boost::vecS,
                              boost::vecS,
                              boost::undirectedS,
                              boost::no_property,
                              boost::property<boost::edge_weight_t,
                                              double,
                                              boost::property<boost::edge_index_t, uint32_t>>>;
    using Edge = boost::graph_traits<Graph>::edge_descriptor;
    const uint32_t n = m_vertices.size();
    Graph g(n);
    for (uint32_t i = 0; i < m_links.size(); ++i)
    {
        if (m_links[i].up)
        {
            boost::add_edge(m_links[i].a, m_links[i].b, {m_links[i].picoseconds, i}, g);
        }
    }
    std::vector<double> distance(n);
    std::vector<Edge> predEdge(n);
    auto recorder = boost::make_dijkstra_visitor(
        boost::record_edge_predecessors(predEdge.data(), boost::on_edge_relaxed()));
    boost::dijkstra_shortest_paths(g, root, boost::distance_map(distance.data()).visitor(recorder));
    ++m_treesComputed;
    constexpr double kUnreachable = std::numeric_limits<double>::max();
    auto index = boost::get(boost::edge_index, g);
    Tree tree;
    tree.next.assign(n, -1);
    tree.distance.assign(n, std::numeric_limits<double>::infinity());
    tree.distance[root] = 0;
    for (uint32_t v = 0; v < n; ++v)
    {
        if (v == root || distance[v] == kUnreachable)
        {
            continue;
        }
        tree.distance[v] = distance[v];
        // Links are undirected with symmetric metrics, so the tree rooted at the destination
        // gives every node its next hop towards it: a link to a neighbour that is nearer by
        // exactly that link's latency. Of several, the lowest index, whichever order Dijkstra
        // happened to relax them in.
        int32_t best = -1;
        for (uint32_t link : m_vertices[v].links)
        {
            const uint32_t u = m_links[link].Other(v);
            if (m_links[link].up && distance[u] < distance[v] &&
                distance[u] + m_links[link].picoseconds == distance[v] &&
                (best < 0 || link < static_cast<uint32_t>(best)))
            {
                best = static_cast<int32_t>(link);
            }
        }
        // Beyond 2^53 ps a sum can round onto its own term; Dijkstra's own edge is still right.
        tree.next[v] = best >= 0 ? best : static_cast<int32_t>(boost::get(index, predEdge[v]));
    }
    NS_LOG_INFO("tree rooted at node " << m_vertices[root].node->GetId() << " computed");
    return m_trees.emplace(root, std::move(tree)).first->second;
}

int32_t
StaticRoutePlanner::NextLink(uint32_t d, uint32_t v) const
{
    const std::vector<uint32_t>& links = m_vertices[d].links;
    if (links.size() == 1 && !m_links[links[0]].up)
    {
        // A stub whose only link is out: nobody reaches it, and no tree (one per cut-off stub,
        // thousands when a group link is cut) is needed to say so.
        return -1;
    }
    const uint32_t root = RootOf(d);
    if (v == root)
    {
        return root == d ? -1 : static_cast<int32_t>(links[0]);
    }
    return TreeOf(root).NextOf(v);
}

bool
StaticRoutePlanner::LearnsFramedRoutes(uint32_t link, uint32_t v) const
{
    const Link& l = m_links[link];
    return (l.a == v ? l.devA : l.devB)->GetObject<FramedRouteSink>() != nullptr;
}

void
StaticRoutePlanner::Refresh(uint32_t v) const
{
    if (m_vertices[v].role == Role::Stub)
    {
        InstallDefault(v);
    }
    else if (m_vertices[v].role == Role::Transit)
    {
        for (uint32_t d : m_destinations)
        {
            InstallTowards(d, v, AddressesOf(m_vertices[d].node));
        }
    }
}

void
StaticRoutePlanner::InstallDefault(uint32_t v) const
{
    const Link& l = m_links[m_vertices[v].links[0]];
    const bool aIsHere = l.a == v;
    Hop hop = HopBetween(aIsHere ? l.devA : l.devB, aIsHere ? l.devB : l.devA);
    hop.table->SetDefaultRoute(hop.nextHop, hop.interface);
}

void
StaticRoutePlanner::UpdateRole(uint32_t v)
{
    Vertex& x = m_vertices[v];
    const Role role = x.links.empty()                                             ? Role::None
                      : x.links.size() == 1 && !LearnsFramedRoutes(x.links[0], v) ? Role::Stub
                                                                                  : Role::Transit;
    if (role == x.role)
    {
        return;
    }
    if (x.role == Role::Transit)
    {
        const uint32_t last = m_transit.back();
        m_transit[x.transitSlot] = last;
        m_vertices[last].transitSlot = x.transitSlot;
        m_transit.pop_back();
    }
    Ptr<HostRouteTable> table = HostRouteTableHelper::Get(x.node->GetObject<Ipv4>());
    NS_ABORT_MSG_IF(!table, "StaticRoutePlanner needs a HostRouteTable on every node");
    table->Clear();
    x.role = role;
    if (role == Role::Stub)
    {
        InstallDefault(v);
    }
    else if (role == Role::Transit)
    {
        x.transitSlot = m_transit.size();
        m_transit.push_back(v);
        for (uint32_t d : m_destinations)
        {
            InstallTowards(d, v, AddressesOf(m_vertices[d].node));
        }
    }
}

void
StaticRoutePlanner::InstallTowards(uint32_t d,
                                   uint32_t v,
                                   const std::vector<Ipv4Address>& addresses) const
{
    if (v == d)
    {
        return;
    }
    const int32_t link = NextLink(d, v);
    if (link < 0)
    {
        Ptr<HostRouteTable> table =
            HostRouteTableHelper::Get(m_vertices[v].node->GetObject<Ipv4>());
        for (const auto& address : addresses)
        {
            table->RemoveHostRoute(address);
        }
        return;
    }
    const Link& l = m_links[link];
    const bool aIsHere = l.a == v;
    Hop hop = HopBetween(aIsHere ? l.devA : l.devB, aIsHere ? l.devB : l.devA);
    for (const auto& address : addresses)
    {
        hop.table->AddHostRoute(address, hop.nextHop, hop.interface);
    }
}

void
StaticRoutePlanner::InstallDestination(uint32_t d) const
{
    const std::vector<Ipv4Address> addresses = AddressesOf(m_vertices[d].node);
    for (uint32_t v : m_transit)
    {
        InstallTowards(d, v, addresses);
    }
}

void
StaticRoutePlanner::Replan()
{
    m_trees.clear();
    m_planned = true;
    // Roles first, without routes towards the destinations (installed once, below).
    const std::vector<uint32_t> destinations = std::move(m_destinations);
    m_destinations.clear();
    for (uint32_t v = 0; v < m_vertices.size(); ++v)
    {
        UpdateRole(v);
        if (m_vertices[v].role == Role::Stub)
        {
            InstallDefault(v);
        }
    }
    m_destinations = destinations;
    for (uint32_t d : m_destinations)
    {
        InstallDestination(d);
    }
}

void
StaticRoutePlanner::RouteTo(Ptr<Node> destination)
{
    const uint32_t d = VertexOf(destination);
    if (!m_planned)
    {
        Replan();
    }
    if (m_vertices[d].destination)
    {
        return;
    }
    m_vertices[d].destination = true;
    m_destinations.push_back(d);
    InstallDestination(d);
    NS_LOG_INFO("routes to node " << destination->GetId() << " installed");
}

void
StaticRoutePlanner::MoveLinkEnd(uint32_t link, Ptr<NetDevice> newDevA)
{
    NS_ABORT_MSG_UNLESS(link < m_links.size(), "StaticRoutePlanner: no link " << link);
    const uint32_t oldA = m_links[link].a;
    const uint32_t b = m_links[link].b;
    const uint32_t newA = VertexOf(newDevA->GetNode());
    NS_ABORT_MSG_IF(newA == b, "StaticRoutePlanner: a link must join two different nodes");
    Detach(link, oldA);
    m_links[link].devA = newDevA;
    m_links[link].a = newA;
    Attach(link, newA);
    if (!m_planned)
    {
        m_trees.clear();
        return;
    }
    if (m_vertices[b].links.size() != 1)
    {
        // Paths between other nodes may pass through b: everything is computed again.
        Replan();
        return;
    }
    // b is a stub: no shortest path between two other nodes passes through it, so every tree
    // stays valid but for b's own entry, and only the routes towards b change.
    m_trees.erase(b);
    const Link& moved = m_links[link];
    for (auto& [root, tree] : m_trees)
    {
        // newA may be a vertex the tree has not seen.
        tree.next.resize(m_vertices.size(), -1);
        tree.distance.resize(m_vertices.size(), std::numeric_limits<double>::infinity());
        const bool reached = moved.up && (newA == root || tree.next[newA] >= 0);
        tree.next[b] = reached ? static_cast<int32_t>(link) : -1;
        tree.distance[b] = reached ? tree.distance[newA] + moved.picoseconds
                                   : std::numeric_limits<double>::infinity();
    }
    UpdateRole(oldA);
    UpdateRole(newA);
    Refresh(b);
    if (m_vertices[b].destination)
    {
        InstallDestination(b);
    }
}

bool
StaticRoutePlanner::Touches(const Tree& tree, uint32_t index, bool up) const
{
    const Link& link = m_links[index];
    if (!up)
    {
        // Only a link on the tree carries the tree's paths.
        return tree.NextOf(link.a) == static_cast<int32_t>(index) ||
               tree.NextOf(link.b) == static_cast<int32_t>(index);
    }
    // A link back offers each end the other's path plus itself: it matters if that is no longer
    // than what the end has (equal: the lower index may win the tie). Unreachable ends have an
    // infinite distance, so a link that joins a cut-off part to the tree always matters.
    const double da = tree.DistanceOf(link.a);
    const double db = tree.DistanceOf(link.b);
    return (std::isfinite(da) && da + link.picoseconds <= db) ||
           (std::isfinite(db) && db + link.picoseconds <= da);
}

void
StaticRoutePlanner::SetLinksUp(const std::vector<uint32_t>& links, bool up, bool reroute)
{
    std::vector<uint32_t> changed;
    for (uint32_t link : links)
    {
        NS_ABORT_MSG_UNLESS(link < m_links.size(), "StaticRoutePlanner: no link " << link);
        if (m_links[link].up != up)
        {
            changed.push_back(link);
        }
    }
    if (changed.empty())
    {
        return;
    }
    // Where each destination's next hops come from before the change (a stub whose only link
    // goes or comes back changes root).
    std::vector<uint32_t> rootsBefore;
    rootsBefore.reserve(m_destinations.size());
    for (uint32_t d : m_destinations)
    {
        rootsBefore.push_back(RootOf(d));
    }
    // Which trees the change touches, judged on the graph before it.
    // Without reroute (failover's `revert: false`) routes stay where they are, except where a
    // link back joins a part the tree could not reach: nothing else carried that traffic, so it
    // comes back whatever the rule.
    std::vector<uint32_t> stale;
    const bool byDistance = !up || reroute;
    for (const auto& [root, tree] : m_trees)
    {
        for (uint32_t link : changed)
        {
            const Link& l = m_links[link];
            const bool rejoins =
                std::isfinite(tree.DistanceOf(l.a)) != std::isfinite(tree.DistanceOf(l.b));
            if (byDistance ? Touches(tree, link, up) : rejoins)
            {
                stale.push_back(root);
                break;
            }
        }
    }
    for (uint32_t link : changed)
    {
        m_links[link].up = up;
    }
    if (!m_planned)
    {
        m_trees.clear();
        return;
    }
    for (uint32_t root : stale)
    {
        m_trees.erase(root);
    }
    NS_LOG_INFO(changed.size() << " links " << (up ? "back" : "out") << ", " << stale.size()
                               << " of " << m_trees.size() + stale.size() << " trees stale");
    // Destinations whose tree is stale, or whose tree root changed, get their routes again. (The
    // first of several destinations sharing a root computes its tree again: whether a root is
    // stale is decided before, not by looking for its tree.)
    // A stub whose only link changed is reached again (or no more) without any tree changing:
    // its neighbour forwards to it over that link, so its routes are installed again too.
    const std::unordered_set<uint32_t> staleRoots(stale.begin(), stale.end());
    const std::unordered_set<uint32_t> changedLinks(changed.begin(), changed.end());
    for (std::size_t i = 0; i < m_destinations.size(); ++i)
    {
        const uint32_t d = m_destinations[i];
        const uint32_t root = RootOf(d);
        const std::vector<uint32_t>& own = m_vertices[d].links;
        const bool stubLinkChanged = own.size() == 1 && changedLinks.count(own[0]);
        if (root != rootsBefore[i] || staleRoots.count(root) || !m_trees.count(root) ||
            stubLinkChanged)
        {
            InstallDestination(d);
        }
    }
}

bool
StaticRoutePlanner::IsLinkUp(uint32_t link) const
{
    NS_ABORT_MSG_UNLESS(link < m_links.size(), "StaticRoutePlanner: no link " << link);
    return m_links[link].up;
}

std::optional<std::vector<uint32_t>>
StaticRoutePlanner::GetPath(Ptr<Node> source, Ptr<Node> destination) const
{
    auto destIt = m_vertexOf.find(destination->GetId());
    auto srcIt = m_vertexOf.find(source->GetId());
    if (destIt == m_vertexOf.end() || srcIt == m_vertexOf.end())
    {
        return std::nullopt;
    }
    const uint32_t d = destIt->second;
    NS_ABORT_MSG_IF(!m_planned || !m_vertices[d].destination,
                    "GetPath before RouteTo for its destination");
    std::vector<uint32_t> path;
    for (uint32_t v = srcIt->second; v != d;)
    {
        const int32_t link = NextLink(d, v);
        if (link < 0)
        {
            return std::nullopt;
        }
        path.push_back(link);
        v = m_links[link].Other(v);
        NS_ABORT_MSG_IF(path.size() > m_links.size(), "StaticRoutePlanner: a routing loop");
    }
    return path;
}

uint64_t
StaticRoutePlanner::GetTreesComputed() const
{
    return m_treesComputed;
}

} // namespace blueprint
} // namespace ns3
