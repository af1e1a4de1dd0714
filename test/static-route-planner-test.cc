/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * StaticRoutePlanner: least-latency paths over Boost.Graph, host routes only towards destinations.
 */

#include "helper/address-plan.h"
#include "helper/static-route-planner.h"
#include "helper/wired-link-helper.h"
#include "model/routing/host-route-table.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/simulator.h"

#include <gtest/gtest.h>

namespace
{

using namespace ns3;

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

/// A UE's handover moves its one link to another station: only the tree towards the UE is
/// computed again, and in the trees towards the other destinations only the UE's own route
/// changes next hop. (Recomputing every tree made one move cost seconds with 1,600 routed UEs.)
TEST(StaticRoutePlannerTest, MovingALeafRecomputesOnlyItsOwnTree)
{
    // server - router - {station 0, station 1}; 20 hosts on station 0, every node a destination.
    NodeContainer nodes;
    nodes.Create(4 + 20);
    InternetStackHelper internet;
    HostRouteTableHelper hostRoutes;
    internet.SetRoutingHelper(hostRoutes);
    internet.SetIpv6StackInstall(false);
    internet.Install(nodes);
    AddressPlan addresses;
    WiredLinkHelper wired;
    StaticRoutePlanner planner;
    WiredLinkSettings s;
    s.profile = "ethernet";
    s.rateDown = 1e9;
    s.lengthMetres = 10;
    auto link = [&](uint32_t a, uint32_t b) {
        NetDeviceContainer d = wired.Install(nodes.Get(a), nodes.Get(b), s);
        addresses.AssignPointToPoint(d);
        return std::make_pair(planner.AddLink(d.Get(0), d.Get(1), 1e-3), d);
    };
    link(0, 1);
    auto [toStation0, d0] = link(1, 2);
    auto [toStation1, d1] = link(1, 3);
    std::vector<uint32_t> hostLinks;
    NetDeviceContainer station1Spare = wired.Install(nodes.Get(3), nodes.Get(4), s);
    addresses.AssignPointToPoint(station1Spare);
    for (uint32_t h = 4; h < 24; ++h)
    {
        hostLinks.push_back(link(2, h).first);
    }
    for (uint32_t n = 0; n < nodes.GetN(); ++n)
    {
        planner.RouteTo(nodes.Get(n));
    }
    const uint64_t before = planner.GetTreesComputed();
    EXPECT_EQ(before, 24u);

    // Host 4 moves from station 0 to station 1 (the device of the spare link at station 1).
    planner.MoveLinkEnd(hostLinks[0], station1Spare.Get(0));
    EXPECT_EQ(planner.GetTreesComputed() - before, 1u) << "only the host's own tree";
    auto fromServer = planner.GetPath(nodes.Get(0), nodes.Get(4));
    ASSERT_TRUE(fromServer.has_value());
    EXPECT_EQ(fromServer->size(), 3u);
    EXPECT_EQ(fromServer->at(1), toStation1);
    // The host's route to the server now has station 1 as its next hop.
    Ptr<Ipv4> hostIp = nodes.Get(4)->GetObject<Ipv4>();
    Ptr<Ipv4Route> route = HostRouteTableHelper::Get(hostIp)->Lookup(
        nodes.Get(0)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal());
    ASSERT_TRUE(route);
    Ptr<Ipv4> stationIp = nodes.Get(3)->GetObject<Ipv4>();
    EXPECT_EQ(route->GetGateway(),
              stationIp->GetAddress(stationIp->GetInterfaceForDevice(station1Spare.Get(0)), 0)
                  .GetLocal());
    Simulator::Destroy();
}
