/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/static-route-planner.h"

#include "model/routing/host-route-table.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("StaticRoutePlanner");

uint32_t
StaticRoutePlanner::Vertex(Ptr<Node> node)
{
    auto [it, inserted] = m_vertexOfNode.emplace(node->GetId(), m_nodes.size());
    if (inserted)
    {
        m_nodes.push_back(node);
    }
    return it->second;
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

void
StaticRoutePlanner::InstallRoutes(uint32_t vertex,
                                  uint32_t link,
                                  const std::vector<Ipv4Address>& destinations) const
{
    const Link& l = m_links[link];
    const bool aIsHere = l.devA->GetNode() == m_nodes[vertex];
    Ptr<NetDevice> out = aIsHere ? l.devA : l.devB;
    Ptr<NetDevice> peer = aIsHere ? l.devB : l.devA;
    Ptr<Ipv4> ip = m_nodes[vertex]->GetObject<Ipv4>();
    Ptr<Ipv4> peerIp = peer->GetNode()->GetObject<Ipv4>();
    const int32_t outIf = ip->GetInterfaceForDevice(out);
    const Ipv4Address nextHop =
        peerIp->GetAddress(peerIp->GetInterfaceForDevice(peer), 0).GetLocal();
    Ptr<HostRouteTable> routing = HostRouteTableHelper::Get(ip);
    NS_ABORT_MSG_IF(!routing, "StaticRoutePlanner needs a HostRouteTable on every node");
    for (const auto& address : destinations)
    {
        routing->AddHostRoute(address, nextHop, outIf);
    }
}

uint32_t
StaticRoutePlanner::AddLink(Ptr<NetDevice> devA, Ptr<NetDevice> devB, double weight)
{
    Vertex(devA->GetNode());
    Vertex(devB->GetNode());
    m_links.push_back(Link{devA, devB, weight});
    m_trees.clear(); // the graph changed: earlier trees are stale
    return m_links.size() - 1;
}

void
StaticRoutePlanner::RouteTo(Ptr<Node> destination)
{
    using Graph =
        boost::adjacency_list<boost::vecS,
                              boost::vecS,
                              boost::undirectedS,
                              boost::no_property,
                              boost::property<boost::edge_weight_t,
                                              double,
                                              boost::property<boost::edge_index_t, uint32_t>>>;
    using Edge = boost::graph_traits<Graph>::edge_descriptor;
    uint32_t dest = Vertex(destination);
    if (m_trees.count(dest))
    {
        return;
    }
    Graph g(m_nodes.size());
    for (uint32_t i = 0; i < m_links.size(); ++i)
    {
        boost::add_edge(m_vertexOfNode.at(m_links[i].devA->GetNode()->GetId()),
                        m_vertexOfNode.at(m_links[i].devB->GetNode()->GetId()),
                        {m_links[i].weight, i},
                        g);
    }
    // Links are undirected with symmetric metrics, so the shortest-path tree rooted at the
    // destination gives every node its next hop towards it: the edge that relaxed the node.
    std::vector<Edge> predEdge(m_nodes.size());
    std::vector<bool> reached(m_nodes.size(), false);
    std::vector<double> distance(m_nodes.size());
    auto recorder = boost::make_dijkstra_visitor(
        boost::record_edge_predecessors(predEdge.data(), boost::on_edge_relaxed()));
    boost::dijkstra_shortest_paths(g, dest, boost::distance_map(distance.data()).visitor(recorder));
    ++m_treesComputed;
    auto index = boost::get(boost::edge_index, g);
    std::vector<int64_t> tree(m_nodes.size(), -1);
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        if (v != dest && distance[v] < std::numeric_limits<double>::max())
        {
            tree[v] = boost::get(index, predEdge[v]);
        }
    }

    const std::vector<Ipv4Address> destAddresses = AddressesOf(destination);
    for (uint32_t v = 0; v < m_nodes.size(); ++v)
    {
        if (tree[v] >= 0)
        {
            InstallRoutes(v, static_cast<uint32_t>(tree[v]), destAddresses);
        }
    }
    NS_LOG_INFO("routes to node " << destination->GetId() << " installed");
    m_trees.emplace(dest, std::move(tree));
}

void
StaticRoutePlanner::MoveLinkEnd(uint32_t link, Ptr<NetDevice> newDevA)
{
    NS_ABORT_MSG_UNLESS(link < m_links.size(), "StaticRoutePlanner: no link " << link);
    Link& l = m_links[link];
    Vertex(newDevA->GetNode());
    const uint32_t b = Vertex(l.devB->GetNode());
    l.devA = newDevA;
    uint32_t degreeOfB = 0;
    for (const Link& other : m_links)
    {
        degreeOfB += (other.devA->GetNode() == l.devB->GetNode() ||
                      other.devB->GetNode() == l.devB->GetNode())
                         ? 1
                         : 0;
    }
    // A node with one link (a UE) lies on no other node's shortest path: only the tree towards
    // it changes, and in every other tree only its own next hop does. Otherwise recompute all.
    std::vector<uint32_t> stale;
    for (const auto& [dest, tree] : m_trees)
    {
        if (degreeOfB > 1 || dest == b)
        {
            stale.push_back(dest);
        }
    }
    for (uint32_t dest : stale)
    {
        m_trees.erase(dest);
        RouteTo(m_nodes[dest]);
    }
    if (degreeOfB > 1)
    {
        return;
    }
    for (const auto& [dest, tree] : m_trees)
    {
        if (tree[b] == static_cast<int64_t>(link))
        {
            InstallRoutes(b, link, AddressesOf(m_nodes[dest]));
        }
    }
}

std::optional<std::vector<uint32_t>>
StaticRoutePlanner::GetPath(Ptr<Node> source, Ptr<Node> destination) const
{
    auto destIt = m_vertexOfNode.find(destination->GetId());
    auto srcIt = m_vertexOfNode.find(source->GetId());
    if (destIt == m_vertexOfNode.end() || srcIt == m_vertexOfNode.end())
    {
        return std::nullopt;
    }
    auto treeIt = m_trees.find(destIt->second);
    NS_ABORT_MSG_IF(treeIt == m_trees.end(), "GetPath before RouteTo for its destination");
    const std::vector<int64_t>& tree = treeIt->second;
    std::vector<uint32_t> path;
    uint32_t v = srcIt->second;
    while (v != destIt->second)
    {
        if (tree[v] < 0)
        {
            return std::nullopt;
        }
        const Link& link = m_links[tree[v]];
        path.push_back(tree[v]);
        Ptr<Node> here = m_nodes[v];
        Ptr<Node> next = link.devA->GetNode() == here ? link.devB->GetNode() : link.devA->GetNode();
        v = m_vertexOfNode.at(next->GetId());
    }
    return path;
}

uint64_t
StaticRoutePlanner::GetTreesComputed() const
{
    return m_treesComputed;
}

} // namespace ns3
