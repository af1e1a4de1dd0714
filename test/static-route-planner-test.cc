/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * StaticRoutePlanner: least-latency paths over Boost.Graph, host routes only towards destinations.
 */

#include "helper/static-route-planner.h"
#include "helper/wired-link-helper.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-generator.h"
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
        Ipv4AddressGenerator::Reset();
        m_nodes.Create(4); // the fourth node is left unconnected
        InternetStackHelper internet;
        Ipv4StaticRoutingHelper staticRouting;
        internet.SetRoutingHelper(staticRouting);
        internet.SetIpv6StackInstall(false);
        internet.Install(m_nodes);
        Ipv4AddressHelper addresses("10.1.0.0", "255.255.255.252");
        WiredLinkHelper wired;
        auto link = [&](uint32_t a, uint32_t b, double metres) {
            WiredLinkSettings s;
            s.profile = "fiber";
            s.rateDown = 1e9;
            s.lengthMetres = metres;
            NetDeviceContainer d = wired.Install(m_nodes.Get(a), m_nodes.Get(b), s);
            addresses.Assign(d);
            addresses.NewNetwork();
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
    Ipv4StaticRoutingHelper helper;
    Ptr<Ipv4StaticRouting> atA = helper.GetStaticRouting(m_nodes.Get(0)->GetObject<Ipv4>());
    Ptr<Ipv4StaticRouting> atD = helper.GetStaticRouting(m_nodes.Get(3)->GetObject<Ipv4>());
    // Node c has two interfaces (to a and to b): one host route each, both via b. The other
    // routes are the connected networks ns-3 adds for every interface.
    auto hostRoutes = [](Ptr<Ipv4StaticRouting> routing) {
        std::vector<Ipv4RoutingTableEntry> routes;
        for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
        {
            if (routing->GetRoute(i).IsHost())
            {
                routes.push_back(routing->GetRoute(i));
            }
        }
        return routes;
    };
    auto routes = hostRoutes(atA);
    ASSERT_EQ(routes.size(), 2u);
    Ptr<Ipv4> ipB = m_nodes.Get(1)->GetObject<Ipv4>();
    for (const auto& route : routes)
    {
        EXPECT_EQ(ipB->GetInterfaceForAddress(route.GetGateway()), 1) << route.GetGateway();
    }
    EXPECT_TRUE(hostRoutes(atD).empty()); // unreachable: nothing installed
}

TEST_F(TriangleTest, UnreachableNodeHasNoPath)
{
    m_planner.RouteTo(m_nodes.Get(2));
    EXPECT_FALSE(m_planner.GetPath(m_nodes.Get(3), m_nodes.Get(2)).has_value());
}

} // namespace
