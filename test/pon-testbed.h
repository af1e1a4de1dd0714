/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A PON on ns-3 nodes for the PON tests: an OLT node and ONU nodes with internet stacks, the
 * PonHelper's devices, one subnet, and timestamped traffic with delays recorded.
 */

#ifndef BLUEPRINT_TEST_PON_TESTBED_H
#define BLUEPRINT_TEST_PON_TESTBED_H

#include "helper/routing/address-plan.h"
#include "helper/technology/pon/pon-helper.h"
#include "model/pon/pon-channel.h"
#include "model/pon/pon-dba.h"
#include "model/pon/pon-flavour.h"
#include "model/pon/pon-olt-net-device.h"
#include "model/pon/pon-onu-net-device.h"
#include "model/pon/pon-upstream-scheduler.h"
#include "traffic-probes.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"

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

/// An OLT node, ONU nodes "onu0".."onuN-1", the PON between them and addresses.
struct PonTestbed
{
    Ptr<Node> olt;                  //!< the OLT's node
    NodeContainer onus;             //!< the ONUs' nodes
    PonLinkSpec spec;               //!< what was built
    PonInstallation inst;           //!< the devices
    Ptr<PonOltNetDevice> oltDevice; //!< the OLT port

    /// \return the OLT's address on the PON
    Ipv4Address OltAddress() const
    {
        return olt->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    }

    /// \param i an ONU \return its address on the PON
    Ipv4Address OnuAddress(uint32_t i) const
    {
        return onus.Get(i)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    }

    /// \return the upstream scheduler
    Ptr<PonUpstreamScheduler> Scheduler() const
    {
        return oltDevice->GetScheduler();
    }
};

/**
 * Build a PON of `n` ONUs each `dropKm` behind a splitter `feederKm` from the OLT.
 * \param spec the spec to start from (flavour, DBA, split...); its ONUs and OLT are filled in.
 */
inline std::unique_ptr<PonTestbed>
BuildPonTestbed(PonLinkSpec spec, uint32_t n, double feederKm, double dropKm)
{
    auto bed = std::make_unique<PonTestbed>();
    bed->olt = CreateObject<Node>();
    bed->onus.Create(n);
    NodeContainer all(bed->olt);
    all.Add(bed->onus);
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false);
    internet.Install(all);
    std::map<std::string, Ptr<Node>> nodes{{"olt", bed->olt}};
    spec.olt = "olt";
    spec.feederKm = feederKm;
    spec.onus.clear();
    for (uint32_t i = 0; i < n; ++i)
    {
        const std::string name = "onu" + std::to_string(i);
        nodes[name] = bed->onus.Get(i);
        spec.onus.push_back({name, dropKm, {}});
    }
    PonHelper pon;
    bed->inst = pon.Install(spec, nodes);
    bed->spec = spec;
    bed->oltDevice = DynamicCast<PonOltNetDevice>(bed->inst.devices.Get(0));
    AddressPlan addresses;
    addresses.AssignSubnet(bed->inst.devices);
    pon.AttachOnuAddresses(bed->oltDevice);
    return bed;
}

} // namespace test
} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_TEST_PON_TESTBED_H */
