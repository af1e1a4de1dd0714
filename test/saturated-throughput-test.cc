/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Throughput on a saturated link of every technology blueprint builds: never above what the link
 * can carry, and close to it. Each scenario offers more than the link's capacity for 1 s, so the
 * link's queue still holds packets when the sender stops; they arrive during the drain. A
 * throughput that counts them but divides by the sending time only (the defect this guards
 * against) reports up to 1.95 times the line rate here.
 */

#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "model/nr/nr-mcs-table.h"
#include "model/nr/nr-tbs.h"

#include "ns3/he-phy.h"

#include <algorithm>
#include <functional>
#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// A 1 s scenario with sites 20 m and 1 km from the first; `rest` adds name, nodes, links, flows.
std::string
Scenario(const std::string& rest)
{
    return "blueprint: 1\nduration: 1s\nsites:\n  a: {position: [0m, 0m]}\n"
           "  b: {position: [2m, 0m]}\n  c: {position: [20m, 0m]}\n"
           "  dc: {position: [1km, 0km]}\n" +
           rest;
}

/// One saturated link: the scenario, the flow to judge and the link's capacity.
struct SaturatedCase
{
    std::string name;                    //!< the technology, for messages
    std::string scenario;                //!< the scenario text
    std::size_t flow;                    //!< the index of the saturating flow
    double sendingSeconds;               //!< how long the flow sends
    std::function<double()> capacityBps; //!< the most the link can carry, bit/s, headers included
    double lowerShare; //!< the least share of the capacity a saturating flow must reach
    std::string why;   //!< where the lower share comes from
};

/// Name the case in test output instead of dumping its text.
void
PrintTo(const SaturatedCase& c, std::ostream* os)
{
    *os << c.name;
}

/// NR downlink at MCS 28 (table 1) on every PRB of every downlink symbol: the most a cell's
/// transport blocks can carry (TS 38.214 clause 5.1.3.2). DDDSU with S = 10D+2G+2U at mu = 1:
/// per 2.5 ms, three slots of 13 PDSCH symbols and one of 9 (one PDCCH symbol each, 12 DMRS RE
/// per PRB).
double
NrDownlinkCapacity(uint32_t prbs)
{
    const NrMcsEntry& e = NrGetMcs(NrMcsTableId::Qam64, 28);
    auto tbs = [&](uint32_t symbols) {
        return double(NrTransportBlockSize(
            {symbols, 12, 0, e.modulationOrder, e.codeRateX1024, 1, 1.0, prbs}));
    };
    return (3 * tbs(13) + tbs(9)) / 2.5e-3;
}

/// An 8/1 Mbit/s ADSL2+ line saturated both ways: 12 Mbit/s down, 2 Mbit/s up.
std::string
CopperBothWays()
{
    return Scenario("name: copper\nnodes: {s: {site: a}, h: {site: dc}}\n"
                    "links: {l: {between: [s, h], profile: adsl2plus, rate_down: 8Mbps, "
                    "rate_up: 1Mbps}}\nflows:\n"
                    "  down: {from: s, to: h, traffic: {pattern: constant_rate, rate: 12Mbps, "
                    "size: 1400B}}\n"
                    "  up: {from: h, to: s, traffic: {pattern: constant_rate, rate: 2Mbps, "
                    "size: 1400B}}\n");
}

class SaturatedThroughputTest : public ::testing::TestWithParam<SaturatedCase>
{
};

TEST_P(SaturatedThroughputTest, NeverExceedsTheLinkCapacityAndComesCloseToIt)
{
    const SaturatedCase& c = GetParam();
    RunResult r =
        ScenarioRunner(ScenarioDocument::FromString(c.scenario, c.name + ".yaml").Resolve("base"))
            .Run();
    const FlowResult& f = r.flows.at(c.flow);
    const double capacity = c.capacityBps();
    EXPECT_LE(f.throughputBps, capacity) << c.name << ": window " << f.activeSeconds << " s";
    EXPECT_GE(f.throughputBps, c.lowerShare * capacity) << c.name << " (" << c.why << ")";
    // Packets were still queued at the stop: the drain delivered them, so the window is longer
    // than the sending time (else this case would not test the drain).
    EXPECT_GT(f.activeSeconds, c.sendingSeconds) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    EveryTechnology,
    SaturatedThroughputTest,
    ::testing::Values(
        SaturatedCase{"fiber",
                      Scenario("name: fiber\nnodes: {s: {site: a}, h: {site: dc}}\n"
                               "links: {l: {between: [s, h], profile: fiber, rate: 100Mbps}}\n"
                               "flows: {f: {from: s, to: h, traffic: {pattern: constant_rate, "
                               "rate: 150Mbps, size: 1400B}}}\n"),
                      0,
                      1.0,
                      [] { return 100e6; },
                      0.95,
                      "1400 B of payload in 1428 B IP packets: 98 %"},
        SaturatedCase{"ethernet",
                      Scenario("name: ethernet\nnodes: {s: {site: a}, h: {site: c}}\n"
                               "links: {l: {between: [s, h], profile: ethernet, rate: 100Mbps, "
                               "length: 20m}}\n"
                               "flows: {f: {from: s, to: h, traffic: {pattern: constant_rate, "
                               "rate: 150Mbps, size: 1400B}}}\n"),
                      0,
                      1.0,
                      [] { return 100e6; },
                      0.95,
                      "1400 B of payload in 1428 B IP packets: 98 %"},
        // The case: an 8 Mbit/s ADSL2+ downlink, and the 1 Mbit/s uplink of README's
        // clinic.
        SaturatedCase{"copper-down",
                      CopperBothWays(),
                      0,
                      1.0,
                      [] { return 8e6; },
                      0.95,
                      "1400 B of payload in 1428 B IP packets, less the 8 ms interleaving "
                      "before the first arrival"},
        SaturatedCase{"copper-up",
                      CopperBothWays(),
                      1,
                      1.0,
                      [] { return 1e6; },
                      0.95,
                      "1400 B of payload in 1428 B IP packets"},
        // A 20 MHz NR cell (51 PRBs at 30 kHz, TS 38.101-1 Table 5.3.2-1), one UE 20 m from the
        // gNB, far above the MCS 28 threshold.
        SaturatedCase{
            "nr",
            Scenario("name: nr\nnodes: {gnb: {site: a}, ue: {site: c}, server: {site: "
                     "dc, equipment: server}}\nlinks:\n"
                     "  cell: {technology: nr, between: [gnb, ue], band: n78, bandwidth: "
                     "20MHz, numerology: 1, tdd: DDDSU, special_slot: 10D+2G+2U, cell: "
                     "small}\n"
                     "  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}\n"
                     "flows: {f: {from: server, to: ue, traffic: {pattern: constant_rate, "
                     "rate: 100Mbps, size: 1400B}}}\n"),
            0,
            1.0,
            [] { return NrDownlinkCapacity(51); },
            0.95,
            "IP packets fill the transport blocks less PDCP/RLC/MAC headers (under 1 %), "
            "1400 B of payload in 1428 B"},
        // LTE band 1, 20 MHz (100 PRBs): TS 36.213 Table 7.1.7.2.1-1, I_TBS 26 (MCS 28), carries
        // 75,376 bits per 1 ms subframe. The RLC buffer holds the backlog (ns-3's 10 kB default
        // would drop it, and nothing would be left for the drain).
        SaturatedCase{"lte",
                      Scenario("name: lte\nnodes: {enb: {site: a}, ue: {site: c}, core: {site: dc, "
                               "equipment: router}, server: {site: dc, equipment: server}}\n"
                               "links:\n"
                               "  cell: {technology: lte, between: [enb, ue], band: 1, bandwidth: "
                               "20MHz, core: core, attributes: {ns3::LteRlcUm::MaxTxBufferSize: "
                               "1000000}}\n"
                               "  lan: {between: [server, core], profile: fiber, rate: 10Gbps}\n"
                               "flows: {f: {from: server, to: ue, start: 0.3s, traffic: {pattern: "
                               "constant_rate, rate: 120Mbps, size: 1400B}}}\n"),
                      0,
                      0.7,
                      [] { return 75376e3; },
                      0.95,
                      "IP packets fill the transport blocks less PDCP/RLC/MAC headers, 1400 B of "
                      "payload in 1428 B"},
        // 802.11ax, 20 MHz, one spatial stream, 0.8 us guard interval: HE-MCS 11 is the fastest
        // rate any frame can go at (IEEE 802.11ax-2021 Table 27-64: 143.4 Mbit/s). A station
        // 2 m from the access point gets it.
        SaturatedCase{"wifi",
                      Scenario("name: wifi\nnodes: {ap: {site: a}, sta: {site: b}, server: {site: "
                               "dc, equipment: server}}\nlinks:\n"
                               "  hall: {technology: wifi, between: [ap, sta], standard: "
                               "802.11ax}\n"
                               "  uplink: {between: [server, ap], profile: fiber, rate: 1Gbps}\n"
                               "flows: {f: {from: server, to: sta, start: 0.5s, traffic: {pattern: "
                               "constant_rate, rate: 200Mbps, size: 1400B}}}\n"),
                      0,
                      0.5,
                      [] { return double(HePhy::GetHeMcs11().GetDataRate(20, 800, 1)); },
                      0.7,
                      "per A-MPDU of up to 64 kB: preamble, SIFS, Block Ack and backoff, and "
                      "MAC headers per MPDU; ns-3's 802.11ax spends about a quarter of the "
                      "air time on them here"}),
    [](const ::testing::TestParamInfo<SaturatedCase>& info) {
        std::string name = info.param.name;
        name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
        return name;
    });

} // namespace
