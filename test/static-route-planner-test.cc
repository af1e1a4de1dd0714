/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * StaticRoutePlanner: least-latency paths over Boost.Graph; default routes on stubs, host routes
 * towards destinations on transit nodes, one tree per root; HostRouteTable and framed routes.
 */

#include "helper/routing/address-plan.h"
#include "helper/routing/static-route-planner.h"
#include "helper/technology/wired/wired-link-helper.h"
#include "model/routing/framed-route-sink.h"
#include "model/routing/host-route-table.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/simulator.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// Three nodes: a-c directly over 100 km of fiber, and a-b-c over 2 x 10 km.
class TriangleTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        m_nodes.Create(4); // the fourth node is left unconnected
        InternetStackHelper internet;
        HostRouteTableHelper hostRoutes;
        internet.SetRoutingHelper(hostRoutes);
        internet.SetIpv6StackInstall(false);
        internet.Install(m_nodes);
        AddressPlan addresses;
        WiredLinkHelper wired;
        auto link = [&](uint32_t a, uint32_t b, double metres) {
            WiredLinkSettings s;
            s.profile = "fiber";
            s.rateDown = 1e9;
            s.lengthMetres = metres;
            NetDeviceContainer d = wired.Install(m_nodes.Get(a), m_nodes.Get(b), s);
            addresses.AssignPointToPoint(d);
            return m_planner.AddLink(d.Get(0),
                                     d.Get(1),
                                     WiredLinkHelper::OneWayDelay(s, 1500, true).GetSeconds());
        };
        m_direct = link(0, 2, 100e3);
        m_ab = link(0, 1, 10e3);
        m_bc = link(1, 2, 10e3);
    }

    void TearDown() override
    {
        Simulator::Destroy();
    }

    NodeContainer m_nodes;
    StaticRoutePlanner m_planner;
    uint32_t m_direct = 0;
    uint32_t m_ab = 0;
    uint32_t m_bc = 0;
};

TEST_F(TriangleTest, TakesTheLeastLatencyPathNotTheFewestHops)
{
    m_planner.RouteTo(m_nodes.Get(2));
    auto path = m_planner.GetPath(m_nodes.Get(0), m_nodes.Get(2));
    ASSERT_TRUE(path.has_value());
    EXPECT_EQ(*path, (std::vector<uint32_t>{m_ab, m_bc}));
}

TEST_F(TriangleTest, InstallsOneHostRoutePerDestinationAddressOnTheTree)
{
    m_planner.RouteTo(m_nodes.Get(2));
    Ptr<HostRouteTable> atA = HostRouteTableHelper::Get(m_nodes.Get(0)->GetObject<Ipv4>());
    Ptr<HostRouteTable> atD = HostRouteTableHelper::Get(m_nodes.Get(3)->GetObject<Ipv4>());
    // Node c has two interfaces (to a and to b): one host route each, both via b.
    Ptr<Ipv4> ipB = m_nodes.Get(1)->GetObject<Ipv4>();
    Ptr<Ipv4> ipC = m_nodes.Get(2)->GetObject<Ipv4>();
    ASSERT_EQ(atA->GetNRoutes(), 2u);
    for (uint32_t i = 1; i <= 2; ++i)
    {
        Ptr<Ipv4Route> route = atA->Lookup(ipC->GetAddress(i, 0).GetLocal());
        ASSERT_TRUE(route);
        EXPECT_EQ(ipB->GetInterfaceForAddress(route->GetGateway()), 1) << route->GetGateway();
    }
    EXPECT_EQ(atD->GetNRoutes(), 0u); // unreachable: nothing installed
}

TEST_F(TriangleTest, ForwardsToTheDestinationOverThePlannedPath)
{
    m_planner.RouteTo(m_nodes.Get(2));
    Ptr<Ipv4> ipA = m_nodes.Get(0)->GetObject<Ipv4>();
    Ptr<Ipv4> ipC = m_nodes.Get(2)->GetObject<Ipv4>();
    Ipv4Header header;
    header.SetDestination(ipC->GetAddress(1, 0).GetLocal());
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route =
        ipA->GetRoutingProtocol()->RouteOutput(Create<Packet>(), header, nullptr, error);
    ASSERT_TRUE(route);
    EXPECT_EQ(error, Socket::ERROR_NOTERROR);
    // Out of a's interface towards b (interface 2, the a-b link), from that interface's address.
    EXPECT_EQ(ipA->GetInterfaceForDevice(route->GetOutputDevice()), 2);
    EXPECT_EQ(route->GetSource(), ipA->GetAddress(2, 0).GetLocal());
    header.SetDestination(Ipv4Address("192.0.2.1"));
    EXPECT_FALSE(ipA->GetRoutingProtocol()->RouteOutput(Create<Packet>(), header, nullptr, error));
    EXPECT_EQ(error, Socket::ERROR_NOROUTETOHOST);
}

TEST_F(TriangleTest, UnreachableNodeHasNoPath)
{
    m_planner.RouteTo(m_nodes.Get(2));
    EXPECT_FALSE(m_planner.GetPath(m_nodes.Get(3), m_nodes.Get(2)).has_value());
}

} // namespace

namespace
{

/// Nodes with internet stacks and HostRouteTables, joined by point-to-point links that the
/// planner sees with the weights the test gives (not the links' own delays).
class Net
{
  public:
    explicit Net(uint32_t n)
    {
        nodes.Create(n);
        InternetStackHelper internet;
        HostRouteTableHelper hostRoutes;
        internet.SetRoutingHelper(hostRoutes);
        internet.SetIpv6StackInstall(false);
        internet.Install(nodes);
    }

    ~Net()
    {
        Simulator::Destroy();
    }

    /// A link a-b with weight seconds; \return its planner index
    uint32_t Link(uint32_t a, uint32_t b, double weight)
    {
        NetDeviceContainer d = Devices(a, b);
        const uint32_t index = planner.AddLink(d.Get(0), d.Get(1), weight);
        linkOfDevice[d.Get(0)] = index;
        linkOfDevice[d.Get(1)] = index;
        return index;
    }

    /// Devices of a new link a-b that the planner does not know (yet)
    NetDeviceContainer Devices(uint32_t a, uint32_t b)
    {
        WiredLinkSettings s;
        s.profile = "ethernet";
        s.rateDown = 1e9;
        s.lengthMetres = 10;
        NetDeviceContainer d = wired.Install(nodes.Get(a), nodes.Get(b), s);
        addresses.AssignPointToPoint(d);
        return d;
    }

    Ptr<HostRouteTable> Table(uint32_t n) const
    {
        return HostRouteTableHelper::Get(nodes.Get(n)->GetObject<Ipv4>());
    }

    Ipv4Address Address(uint32_t n) const
    {
        return nodes.Get(n)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    }

    /// The links a packet from `from` to `to` crosses, following the installed routes.
    std::vector<uint32_t> Forward(uint32_t from, uint32_t to) const
    {
        std::vector<uint32_t> links;
        Ptr<Node> here = nodes.Get(from);
        while (here != nodes.Get(to) && links.size() <= nodes.GetN())
        {
            Ptr<Ipv4Route> route =
                HostRouteTableHelper::Get(here->GetObject<Ipv4>())->Lookup(Address(to));
            if (!route)
            {
                break;
            }
            links.push_back(linkOfDevice.at(route->GetOutputDevice()));
            // The next node owns the gateway address (a moved link's far end is a device on
            // another channel than the one the near end's device was built with).
            here = nullptr;
            for (uint32_t n = 0; n < nodes.GetN() && !here; ++n)
            {
                if (nodes.Get(n)->GetObject<Ipv4>()->GetInterfaceForAddress(route->GetGateway()) >=
                    0)
                {
                    here = nodes.Get(n);
                }
            }
            if (!here)
            {
                break;
            }
        }
        return links;
    }

    NodeContainer nodes;
    StaticRoutePlanner planner;
    std::map<Ptr<NetDevice>, uint32_t> linkOfDevice;

  private:
    AddressPlan addresses;
    WiredLinkHelper wired;
};

} // namespace

/// The regression guard of issue 8 item B.14 (every node held a host route, one Ipv4Route
/// object each, to every endpoint: 1.69 GB for 4,000 UEs). A gNB-like router with 400 stub
/// hosts, a core router and a server: every host and the server are destinations. The hosts
/// and the server get one default route each and no host route; the two routers hold one host
/// route per destination; the core's 401 routes share two route objects; and the 401
/// destinations need two trees (the routers'), not 401.
TEST(StaticRoutePlannerTest, StubsGetOneDefaultRouteAndACellItsOneTree)
{
    constexpr uint32_t kHosts = 400;
    Net net(3 + kHosts); // 0 server, 1 core, 2 router, 3.. hosts
    net.Link(1, 0, 1e-6);
    net.Link(1, 2, 1e-3);
    for (uint32_t h = 0; h < kHosts; ++h)
    {
        net.Link(2, 3 + h, 1e-3);
    }
    net.planner.RouteTo(net.nodes.Get(0));
    for (uint32_t h = 0; h < kHosts; ++h)
    {
        net.planner.RouteTo(net.nodes.Get(3 + h));
    }
    EXPECT_EQ(net.planner.GetTreesComputed(), 2u);
    uint64_t hostRoutes = 0;
    for (uint32_t n = 0; n < net.nodes.GetN(); ++n)
    {
        hostRoutes += net.Table(n)->GetNRoutes();
    }
    EXPECT_EQ(hostRoutes, 2u * (kHosts + 1)) << "the two routers, one per destination";
    for (uint32_t n : {0u, 3u, 3u + kHosts - 1})
    {
        EXPECT_EQ(net.Table(n)->GetNRoutes(), 0u) << "node " << n;
        EXPECT_TRUE(net.Table(n)->GetDefaultRoute()) << "node " << n;
    }
    EXPECT_EQ(net.Table(1)->GetNRoutes(), kHosts + 1);
    EXPECT_EQ(net.Table(1)->GetNRouteObjects(), 2u) << "towards the router and the server";
    EXPECT_EQ(net.Table(2)->GetNRouteObjects(), kHosts + 1);
    // And they work: a host's packets reach the server, and the server's the last host.
    EXPECT_EQ(net.Forward(3, 0), *net.planner.GetPath(net.nodes.Get(3), net.nodes.Get(0)));
    EXPECT_EQ(net.Forward(0, 2 + kHosts).size(), 3u);
}

/// On a random mesh with leaves, every path is a least-latency one (checked against
/// Floyd-Warshall), and the installed routes forward exactly along GetPath: the next hops come
/// from the destination's tree or, for a leaf, its neighbour's.
/// A random mesh of `core` nodes (a spanning tree and about 2 x core more links) and `leaves`
/// leaves on it, with weights of 0.1 to 1.1 ms in whole nanoseconds, and its least latencies.
struct RandomMesh
{
    /// One link as declared.
    struct Edge
    {
        uint32_t a; //!< one end
        uint32_t b; //!< other end
        double w;   //!< weight, s
    };

    RandomMesh(uint32_t core, uint32_t leaves, uint64_t seed)
        : n(core + leaves),
          net(core + leaves),
          state(seed)
    {
        for (uint32_t i = 1; i < core; ++i)
        {
            Link(static_cast<uint32_t>(Random() * i), i); // a spanning tree keeps it connected
        }
        for (uint32_t e = 0; e < 2 * core; ++e)
        {
            const auto a = static_cast<uint32_t>(Random() * core);
            const auto b = static_cast<uint32_t>(Random() * core);
            if (a != b)
            {
                Link(a, b);
            }
        }
        for (uint32_t l = 0; l < leaves; ++l)
        {
            Link(static_cast<uint32_t>(Random() * core), core + l);
        }
    }

    /// \return a number in [0, 1) from a fixed linear congruential sequence
    double Random()
    {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    }

    /// \param up per link, whether it counts \return least latencies (Floyd-Warshall), 1e9: none
    std::vector<std::vector<double>> Distances(const std::vector<bool>& up) const
    {
        std::vector<std::vector<double>> d(n, std::vector<double>(n, 1e9));
        for (uint32_t i = 0; i < n; ++i)
        {
            d[i][i] = 0;
        }
        for (uint32_t l = 0; l < edges.size(); ++l)
        {
            if (up[l])
            {
                double& w = d[edges[l].a][edges[l].b];
                w = d[edges[l].b][edges[l].a] = std::min(w, edges[l].w);
            }
        }
        for (uint32_t k = 0; k < n; ++k)
        {
            for (uint32_t i = 0; i < n; ++i)
            {
                for (uint32_t j = 0; j < n; ++j)
                {
                    d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
                }
            }
        }
        return d;
    }

    /**
     * Check every path against the least latencies over the links that are up: a path exactly
     * where one exists, over links that are up, as long as the least latency, and the installed
     * routes forward along it.
     */
    void CheckPaths(const std::vector<bool>& up, const std::string& when)
    {
        const auto d = Distances(up);
        for (uint32_t s = 0; s < n; ++s)
        {
            for (uint32_t t = 0; t < n; ++t)
            {
                if (s == t)
                {
                    continue;
                }
                SCOPED_TRACE(when + std::to_string(s) + " -> " + std::to_string(t));
                const auto path = net.planner.GetPath(net.nodes.Get(s), net.nodes.Get(t));
                if (d[s][t] >= 1e9)
                {
                    EXPECT_FALSE(path.has_value());
                    continue;
                }
                ASSERT_TRUE(path.has_value());
                double latency = 0;
                for (uint32_t l : *path)
                {
                    EXPECT_TRUE(up[l]) << "link " << l;
                    latency += edges[l].w;
                }
                EXPECT_NEAR(latency, d[s][t], 1e-12);
                EXPECT_EQ(net.Forward(s, t), *path);
            }
        }
    }

    uint32_t n;              //!< nodes
    Net net;                 //!< the network
    std::vector<Edge> edges; //!< links, by planner index
    uint64_t state;          //!< the random sequence

  private:
    void Link(uint32_t a, uint32_t b)
    {
        const double w = std::round((0.1 + Random()) * 1e6) * 1e-9; // 0.1 to 1.1 ms, whole ns
        net.Link(a, b, w);
        edges.push_back({a, b, w});
    }
};

TEST(StaticRoutePlannerTest, PathsAreTheLeastLatencyOnesWhateverTheTreeRoot)
{
    RandomMesh mesh(12, 10, 12345);
    for (uint32_t t = 0; t < mesh.n; ++t)
    {
        mesh.net.planner.RouteTo(mesh.net.nodes.Get(t));
    }
    mesh.CheckPaths(std::vector<bool>(mesh.edges.size(), true), "");
}

/// Where two paths have the same latency, a node uses the link declared first, whether the
/// destination is a transit node with a tree of its own or a leaf that uses its neighbour's.
TEST(StaticRoutePlannerTest, EqualLatencyPathsUseTheLinkDeclaredFirst)
{
    for (const bool viaBFirst : {true, false})
    {
        SCOPED_TRACE(viaBFirst ? "a-b declared first" : "a-d declared first");
        // A square a(0) b(1) c(2) d(3) of equal links, and a leaf e(4) on c.
        Net net(5);
        const uint32_t first = viaBFirst ? net.Link(0, 1, 1e-3) : net.Link(0, 3, 1e-3);
        const uint32_t second = viaBFirst ? net.Link(0, 3, 1e-3) : net.Link(0, 1, 1e-3);
        net.Link(1, 2, 1e-3);
        net.Link(3, 2, 1e-3);
        net.Link(2, 4, 1e-3);
        net.planner.RouteTo(net.nodes.Get(2));
        net.planner.RouteTo(net.nodes.Get(4));
        for (uint32_t destination : {2u, 4u})
        {
            auto path = net.planner.GetPath(net.nodes.Get(0), net.nodes.Get(destination));
            ASSERT_TRUE(path.has_value());
            EXPECT_EQ(path->front(), first) << "not " << second;
            EXPECT_EQ(net.Forward(0, destination), *path);
        }
    }
}

/// A UE's handover moves its one link to another station: the routes towards it follow the
/// new station's tree (one Dijkstra, if that tree is new), the UE's default route turns to the
/// new station, and a station that gains its first terminal becomes a transit node. (On main,
/// recomputing every tree made one move cost seconds with 1,600 routed UEs.)
TEST(StaticRoutePlannerTest, MovingALeafRecomputesAtMostTheNewNeighboursTree)
{
    // server(0) - router(1) - {station 0 (2), station 1 (3)}; 20 hosts (4..) on station 0.
    Net net(4 + 20);
    net.Link(0, 1, 1e-3);
    net.Link(1, 2, 1e-3);
    const uint32_t toStation1 = net.Link(1, 3, 1e-3);
    NetDeviceContainer spare = net.Devices(3, 4); // host 4's future link at station 1
    std::vector<uint32_t> hostLinks;
    for (uint32_t h = 4; h < 24; ++h)
    {
        hostLinks.push_back(net.Link(2, h, 1e-3));
    }
    for (uint32_t n = 0; n < net.nodes.GetN(); ++n)
    {
        net.planner.RouteTo(net.nodes.Get(n));
    }
    const uint64_t before = net.planner.GetTreesComputed();
    EXPECT_EQ(before, 2u) << "the router's and station 0's";
    EXPECT_TRUE(net.Table(3)->GetDefaultRoute()) << "station 1 is a stub so far";

    net.planner.MoveLinkEnd(hostLinks[0], spare.Get(0));
    net.linkOfDevice[spare.Get(0)] = hostLinks[0];
    EXPECT_LE(net.planner.GetTreesComputed() - before, 1u) << "at most station 1's tree";
    auto fromServer = net.planner.GetPath(net.nodes.Get(0), net.nodes.Get(4));
    ASSERT_TRUE(fromServer.has_value());
    EXPECT_EQ(*fromServer, (std::vector<uint32_t>{0, toStation1, hostLinks[0]}));
    EXPECT_EQ(net.Forward(0, 4), *fromServer);
    EXPECT_EQ(net.Forward(2, 4).front(), 1u) << "station 0 sends it back to the router";
    EXPECT_FALSE(net.Table(3)->GetDefaultRoute()) << "station 1 is a transit node now";
    // The host's default route has station 1 as its next hop.
    Ptr<Ipv4Route> route = net.Table(4)->GetDefaultRoute();
    ASSERT_TRUE(route);
    Ptr<Ipv4> stationIp = net.nodes.Get(3)->GetObject<Ipv4>();
    EXPECT_EQ(route->GetGateway(),
              stationIp->GetAddress(stationIp->GetInterfaceForDevice(spare.Get(0)), 0).GetLocal());
    EXPECT_EQ(net.Forward(4, 0), (std::vector<uint32_t>{hostLinks[0], toStation1, 0}));
}

/// A terminal with a LAN behind it (a CPE that routes) is no leaf: when its link moves, the
/// routes to the addresses behind it move too.
TEST(StaticRoutePlannerTest, MovingATerminalWithALanMovesTheRoutesToTheLan)
{
    // server(0) - router(1) - {station 0 (2), station 1 (3)}; cpe(4) on station 0; pc(5).
    Net net(6);
    net.Link(0, 1, 1e-3);
    net.Link(1, 2, 1e-3);
    const uint32_t toStation1 = net.Link(1, 3, 1e-3);
    const uint32_t radio = net.Link(2, 4, 1e-3);
    const uint32_t lan = net.Link(4, 5, 1e-3);
    NetDeviceContainer spare = net.Devices(3, 4);
    net.planner.RouteTo(net.nodes.Get(5));
    net.planner.RouteTo(net.nodes.Get(0));
    net.planner.MoveLinkEnd(radio, spare.Get(0));
    net.linkOfDevice[spare.Get(0)] = radio;
    EXPECT_EQ(net.Forward(0, 5), (std::vector<uint32_t>{0, toStation1, radio, lan}));
    EXPECT_EQ(net.Forward(5, 0), (std::vector<uint32_t>{lan, radio, toStation1, 0}));
    EXPECT_EQ(*net.planner.GetPath(net.nodes.Get(0), net.nodes.Get(5)), net.Forward(0, 5));
}

/// Host routes through one next hop share one route object, and a device with a
/// FramedRouteSink hears of every route through it towards an address that is not the next
/// hop itself: added, moved away, removed, and the default route as 0.0.0.0.
TEST(HostRouteTableTest, FramedRouteSinkHearsTheRoutesThroughItsDevice)
{
    Net net(3); // a(0) - b(1), a - c(2)
    NetDeviceContainer ab = net.Devices(0, 1);
    NetDeviceContainer ac = net.Devices(0, 2);
    std::vector<std::string> heard;
    Ptr<FramedRouteSink> sink = CreateObject<FramedRouteSink>();
    sink->SetCallbacks(FramedRouteSink::AddCallback([&heard](Ipv4Address d, Ipv4Address t) {
                           std::ostringstream os;
                           os << "add " << d << " via " << t;
                           heard.push_back(os.str());
                       }),
                       FramedRouteSink::RemoveCallback([&heard](Ipv4Address d) {
                           std::ostringstream os;
                           os << "remove " << d;
                           heard.push_back(os.str());
                       }));
    ab.Get(0)->AggregateObject(sink);
    Ptr<Ipv4> ipA = net.nodes.Get(0)->GetObject<Ipv4>();
    Ptr<HostRouteTable> table = net.Table(0);
    const uint32_t ifAb = ipA->GetInterfaceForDevice(ab.Get(0));
    const uint32_t ifAc = ipA->GetInterfaceForDevice(ac.Get(0));
    const Ipv4Address b = net.Address(1);
    const Ipv4Address c = net.Address(2);
    table->AddHostRoute(b, b, ifAb); // the terminal itself: nothing to bind
    table->AddHostRoute(Ipv4Address("192.0.2.1"), b, ifAb);
    table->AddHostRoute(Ipv4Address("192.0.2.2"), b, ifAb);
    table->AddHostRoute(Ipv4Address("192.0.2.1"), c, ifAc); // moves off the device
    table->RemoveHostRoute(Ipv4Address("192.0.2.2"));
    table->SetDefaultRoute(b, ifAb);
    table->Clear();
    std::ostringstream bText;
    bText << b;
    EXPECT_EQ(heard,
              (std::vector<std::string>{"add 192.0.2.1 via " + bText.str(),
                                        "add 192.0.2.2 via " + bText.str(),
                                        "remove 192.0.2.1",
                                        "remove 192.0.2.2",
                                        "add 0.0.0.0 via " + bText.str(),
                                        "remove 0.0.0.0"}));
    table->AddHostRoute(Ipv4Address("192.0.2.3"), c, ifAc);
    table->AddHostRoute(Ipv4Address("192.0.2.4"), c, ifAc);
    EXPECT_EQ(table->Lookup(Ipv4Address("192.0.2.3")), table->Lookup(Ipv4Address("192.0.2.4")));
    EXPECT_EQ(table->GetNRouteObjects(), 1u);
}

namespace
{

/// Four routers, 0 to 3, and three hosts: 4 behind router 2, 5 behind router 3, 6 behind
/// router 1. Routers 0, 1 and 2 form a triangle of 1 ms links; router 3 hangs off router 0, with
/// a long 10 ms link to router 1 that no shortest path uses. Hosts 4 and 5 are the destinations:
/// their trees are router 2's (which uses 1-2) and router 3's (which does not: routers 1 and 2
/// reach 0 directly).
struct Failover
{
    Net net{7};
    uint32_t l01 = net.Link(0, 1, 1e-3);
    uint32_t l02 = net.Link(0, 2, 1e-3);
    uint32_t l12 = net.Link(1, 2, 1e-3);
    uint32_t l03 = net.Link(0, 3, 1e-3);
    uint32_t l13 = net.Link(1, 3, 10e-3);
    uint32_t l24 = net.Link(2, 4, 1e-3);
    uint32_t l35 = net.Link(3, 5, 1e-3);
    uint32_t l16 = net.Link(1, 6, 1e-3);

    Failover()
    {
        net.planner.RouteTo(net.nodes.Get(4));
        net.planner.RouteTo(net.nodes.Get(5));
    }
};

TEST(StaticRoutePlannerTest, TakingALinkOutRecomputesOnlyTheTreesThatUsedIt)
{
    Failover f;
    EXPECT_EQ(f.net.Forward(6, 4), (std::vector<uint32_t>{f.l16, f.l12, f.l24}));
    const uint64_t before = f.net.planner.GetTreesComputed();
    EXPECT_EQ(before, 2u);
    Ptr<Ipv4Route> towards5 = f.net.Table(1)->Lookup(f.net.Address(5));
    ASSERT_TRUE(towards5);

    f.net.planner.SetLinksUp({f.l12}, false);
    EXPECT_FALSE(f.net.planner.IsLinkUp(f.l12));
    EXPECT_EQ(f.net.planner.GetTreesComputed() - before, 1u) << "router 2's tree only";
    EXPECT_EQ(f.net.Forward(6, 4), (std::vector<uint32_t>{f.l16, f.l01, f.l02, f.l24}));
    EXPECT_EQ(*f.net.planner.GetPath(f.net.nodes.Get(6), f.net.nodes.Get(4)), f.net.Forward(6, 4));
    EXPECT_EQ(f.net.Table(1)->Lookup(f.net.Address(5)), towards5) << "routes to 5 untouched";

    // Back: 1-2 gives router 1 a shorter path in router 2's tree, so that tree is recomputed
    // and the routes move back.
    f.net.planner.SetLinksUp({f.l12}, true);
    EXPECT_EQ(f.net.planner.GetTreesComputed() - before, 2u);
    EXPECT_EQ(f.net.Forward(6, 4), (std::vector<uint32_t>{f.l16, f.l12, f.l24}));

    // A link on no tree, out and back, recomputes nothing and moves nothing.
    f.net.planner.SetLinksUp({f.l13}, false);
    f.net.planner.SetLinksUp({f.l13}, true);
    EXPECT_EQ(f.net.planner.GetTreesComputed() - before, 2u);
    EXPECT_EQ(f.net.Forward(6, 5), (std::vector<uint32_t>{f.l16, f.l01, f.l03, f.l35}));
}

TEST(StaticRoutePlannerTest, CuttingTheShortestPathMovesRoutesOntoTheLongBackup)
{
    Failover f;
    // Router 3 reached only over the 10 ms link once 0-3 is out.
    f.net.planner.SetLinksUp({f.l03}, false);
    EXPECT_EQ(f.net.Forward(6, 5), (std::vector<uint32_t>{f.l16, f.l13, f.l35}));
    EXPECT_EQ(f.net.Forward(4, 5), (std::vector<uint32_t>{f.l24, f.l12, f.l13, f.l35}));
    // Both out: router 3 and host 5 cannot be reached, and the routers hold no route to it.
    f.net.planner.SetLinksUp({f.l13}, false);
    EXPECT_FALSE(f.net.planner.GetPath(f.net.nodes.Get(6), f.net.nodes.Get(5)).has_value());
    EXPECT_FALSE(f.net.Table(1)->Lookup(f.net.Address(5)));
    f.net.planner.SetLinksUp({f.l03, f.l13}, true);
    EXPECT_EQ(f.net.Forward(6, 5), (std::vector<uint32_t>{f.l16, f.l01, f.l03, f.l35}));
}

TEST(StaticRoutePlannerTest, ALeafWhoseLinkIsOutIsUnreachableAndKeepsItsDefaultRoute)
{
    Failover f;
    Ptr<Ipv4Route> hostDefault = f.net.Table(4)->GetDefaultRoute();
    ASSERT_TRUE(hostDefault);
    f.net.planner.SetLinksUp({f.l24}, false);
    EXPECT_FALSE(f.net.planner.GetPath(f.net.nodes.Get(6), f.net.nodes.Get(4)).has_value());
    EXPECT_FALSE(f.net.Table(1)->Lookup(f.net.Address(4))) << "no route to a cut-off host";
    EXPECT_EQ(f.net.Table(4)->GetDefaultRoute(), hostDefault) << "it carries nothing until back";
    f.net.planner.SetLinksUp({f.l24}, true);
    EXPECT_EQ(f.net.Forward(6, 4), (std::vector<uint32_t>{f.l16, f.l12, f.l24}));
}

TEST(StaticRoutePlannerTest, ALinkPutBackWithoutReroutingCarriesNothingUntilTreesChange)
{
    Failover f;
    f.net.planner.SetLinksUp({f.l12}, false);
    const uint64_t trees = f.net.planner.GetTreesComputed();
    f.net.planner.SetLinksUp({f.l12}, true, /* reroute */ false);
    EXPECT_TRUE(f.net.planner.IsLinkUp(f.l12));
    EXPECT_EQ(f.net.planner.GetTreesComputed(), trees);
    EXPECT_EQ(f.net.Forward(6, 4), (std::vector<uint32_t>{f.l16, f.l01, f.l02, f.l24}))
        << "still on the detour";
}

/// On a random mesh with leaves, links taken out and put back at random, a few at a time: after
/// each change every path is a least-latency one over the links that are up (checked against
/// Floyd-Warshall), the installed routes forward exactly along it over links that are up, and
/// what the remaining links cannot reach has no route.
TEST(StaticRoutePlannerTest, AfterEveryChangeRoutesAreTheLeastLatencyOnesOverWhatIsUp)
{
    RandomMesh mesh(10, 8, 987654321);
    for (uint32_t t = 0; t < mesh.n; ++t)
    {
        mesh.net.planner.RouteTo(mesh.net.nodes.Get(t));
    }
    std::vector<bool> up(mesh.edges.size(), true);
    for (int step = 0; step < 40; ++step)
    {
        // Take out or put back one to three links at once.
        std::vector<uint32_t> changed;
        const bool goingUp = mesh.Random() < 0.5;
        for (int k = 1 + static_cast<int>(mesh.Random() * 3); k > 0; --k)
        {
            const auto l = static_cast<uint32_t>(mesh.Random() * mesh.edges.size());
            changed.push_back(l);
            up[l] = goingUp;
        }
        mesh.net.planner.SetLinksUp(changed, goingUp);
        mesh.CheckPaths(up, "step " + std::to_string(step) + ": ");
    }
}

/// The table keeps its routes when an interface goes down: the planner moves them after the
/// failover's detection and reconvergence, and a host's only route must survive a short cut.
TEST(HostRouteTableTest, KeepsItsRoutesWhenAnInterfaceGoesDown)
{
    Failover f;
    Ptr<Ipv4> ip = f.net.nodes.Get(4)->GetObject<Ipv4>();
    Ptr<Ipv4Route> hostDefault = f.net.Table(4)->GetDefaultRoute();
    Ptr<Ipv4> router = f.net.nodes.Get(1)->GetObject<Ipv4>();
    Ptr<Ipv4Route> towards4 = f.net.Table(1)->Lookup(f.net.Address(4));
    ip->SetDown(1);
    router->SetDown(router->GetInterfaceForDevice(towards4->GetOutputDevice()));
    EXPECT_EQ(f.net.Table(4)->GetDefaultRoute(), hostDefault);
    EXPECT_EQ(f.net.Table(1)->Lookup(f.net.Address(4)), towards4);
}

} // namespace
