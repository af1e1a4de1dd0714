/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A small optical network on ns-3 nodes for the optical tests: one node per ROADM site with an
 * internet stack, OpticalHelper's lightpaths and/or IP layer, addresses on every link and
 * least-latency routes (StaticRoutePlanner), as the scenario runner will build it.
 */

#ifndef BLUEPRINT_TEST_OPTICAL_TESTBED_H
#define BLUEPRINT_TEST_OPTICAL_TESTBED_H

#include "helper/routing/address-plan.h"
#include "helper/routing/static-route-planner.h"
#include "helper/technology/optical/optical-helper.h"
#include "model/routing/host-route-table.h"
#include "traffic-probes.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

namespace test
{

/// The nodes and what OpticalHelper installed on them.
struct OpticalTestbed
{
    NodeContainer nodes; //!< one per ROADM site in spec order, then demand-end hosts
    std::map<std::string, Ptr<Node>> byName; //!< the same by site name
    OpticalInstallation inst;                //!< what the helper built
    StaticRoutePlanner planner;              //!< routes over inst.edges

    /// \param site a site \return an address of its node (its first interface's)
    Ipv4Address AddressOf(const std::string& site) const
    {
        return byName.at(site)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    }
};

/**
 * Build a spec's network on fresh nodes: the IP layer and/or the lightpaths, addresses, and
 * least-latency routes towards every site.
 */
inline std::unique_ptr<OpticalTestbed>
BuildOpticalTestbed(OpticalNetworkSpec spec, bool lightpaths, bool ipLayer)
{
    auto bed = std::make_unique<OpticalTestbed>();
    // Without the IP layer no fibre holds a routed wavelength.
    for (OpticalFibreSpec& f : spec.fibres)
    {
        f.ipLink = f.ipLink && ipLayer;
    }
    // One node per ROADM site, then one per demand end that sits elsewhere (a host at a site).
    std::vector<std::string> names = spec.GetRoadmNames();
    for (const OpticalDemandSpec& d : spec.demands)
    {
        for (const std::string& n : {d.GetFromNode(), d.GetToNode()})
        {
            if (std::find(names.begin(), names.end(), n) == names.end())
            {
                names.push_back(n);
            }
        }
    }
    bed->nodes.Create(names.size());
    InternetStackHelper internet;
    HostRouteTableHelper hostRoutes;
    internet.SetRoutingHelper(hostRoutes);
    internet.SetIpv6StackInstall(false);
    internet.Install(bed->nodes);
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        bed->byName[names[i]] = bed->nodes.Get(i);
    }
    OpticalHelper helper;
    bed->inst = helper.Provision(spec);
    if (lightpaths)
    {
        helper.InstallLightpaths(bed->inst, spec, bed->byName);
    }
    if (ipLayer)
    {
        helper.InstallIpLayer(bed->inst, spec, bed->byName);
    }
    AddressPlan addresses;
    for (const OpticalRoutingEdge& e : bed->inst.edges)
    {
        NetDeviceContainer pair;
        pair.Add(e.devA);
        pair.Add(e.devB);
        addresses.AssignPointToPoint(pair);
        bed->planner.AddLink(e.devA, e.devB, e.latency.GetSeconds());
    }
    for (std::size_t i = 0; i < names.size(); ++i)
    {
        bed->planner.RouteTo(bed->nodes.Get(i));
    }
    return bed;
}

/// A line of sites S0-S1-...-Sn with the given fibre lengths and one demand S0 -> Sn.
inline OpticalNetworkSpec
LineSpec(const std::vector<double>& fibreKm, const std::string& cls = "100G")
{
    OpticalNetworkSpec spec;
    for (std::size_t i = 0; i < fibreKm.size(); ++i)
    {
        OpticalFibreSpec f;
        f.a = "S" + std::to_string(i);
        f.b = "S" + std::to_string(i + 1);
        f.lengthKm = fibreKm[i];
        spec.fibres.push_back(f);
    }
    OpticalDemandSpec d;
    d.name = "path";
    d.from = "S0";
    d.to = "S" + std::to_string(fibreKm.size());
    d.transponderClass = cls;
    spec.demands.push_back(d);
    spec.transponderClass = cls;
    return spec;
}

} // namespace test
} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TEST_OPTICAL_TESTBED_H */
