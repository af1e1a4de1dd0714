/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * One LTE cell outside a scenario for the LTE tests: a core node, the EPC and one macro eNB of
 * band 1 (2140 MHz, RMa) built by LteCellBuilder, and one UE east of it.
 */

#ifndef BLUEPRINT_TEST_LTE_TESTBED_H
#define BLUEPRINT_TEST_LTE_TESTBED_H

#include "helper/routing/address-plan.h"
#include "helper/technology/lte/lte-cell-builder.h"
#include "helper/technology/lte/lte-link-config.h"

#include "ns3/internet-stack-helper.h"
#include "ns3/mobility-helper.h"

#include <memory>

namespace ns3
{
namespace blueprint
{

/// One built LTE cell and what must outlive it.
struct LteTestbed
{
    std::unique_ptr<LteCellBuilder> builder; //!< the EPC and the LTE helper
    LteCellBuilder::Cell cell;               //!< the cell
    AddressPlan addresses;                   //!< the addresses given out
};

/**
 * \brief Build one macro cell of band 1 at 2140 MHz (RMa) and one UE.
 * \param bandwidthHz the cell's bandwidth
 * \param ueMetres how far east of the eNB the UE stands
 * \param named the eNB-UE pair's streams (none: a shared block's)
 * \return the cell (the simulation is the caller's to run and destroy)
 */
inline std::unique_ptr<LteTestbed>
BuildLteTestbed(double bandwidthHz, double ueMetres, LteCellBuilder::PairStreams named = nullptr)
{
    Ptr<Node> core = CreateObject<Node>();
    NodeContainer ue;
    ue.Create(1);
    InternetStackHelper internet;
    internet.Install(core);
    internet.Install(ue);
    MobilityHelper mobility;
    mobility.Install(core);
    LteLinkConfig c;
    c.band = 1;
    c.dlMhz = 2140;
    c.bandwidth = bandwidthHz;
    c.cell = "macro";
    c.scenario = "RMa";
    auto bed = std::make_unique<LteTestbed>();
    int64_t stream = 100;
    bed->builder = std::make_unique<LteCellBuilder>(core, c, bed->addresses, stream, named);
    bed->cell = bed->builder->Build(c, {0.0, 0.0}, ue, {{ueMetres, 0.0}}, 0.0, stream);
    return bed;
}

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TEST_LTE_TESTBED_H
