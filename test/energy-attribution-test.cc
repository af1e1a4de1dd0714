/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * How a scenario run attributes energy: which models include their site's overhead (EARTH base
 * stations: Auer et al. 2011) and which take the site's PUE, and how idle NR and LTE cells are
 * priced against each other (the awake floor unless the planner lets a cell sleep between its
 * SSB bursts, TR 38.864 sleep states).
 */

#include "helper/scenario/input-error.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "model/equipment/equipment-profile.h"
#include "model/nr/nr-band-profile.h"
#include "model/wifi/wifi-power-model.h"
#include "model/wired/wired-link-profile.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// A mast site with PUE 1.5 holding an idle NR macro cell, an idle LTE macro cell and a router;
/// the only flow runs between the router and a server elsewhere, so both cells stay idle.
std::string
IdleMast(const std::string& nrExtra)
{
    return R"(blueprint: 1
name: idle-mast
duration: 1s
drain: 0s
sites:
  mast: {position: [0m, 0m], pue: 1.5}
  field: {position: [300m, 0m]}
  dc: {position: [2km, 0m]}
nodes:
  gnb: {site: mast}
  enb: {site: mast}
  mast-router: {site: mast, equipment: router}
  phones: {site: field}
  handsets: {site: field}
  server: {site: dc, equipment: server}
links:
  nr-cell: {technology: nr, between: [gnb, phones], band: n78, cell: macro)" +
           nrExtra + R"(}
  lte-cell: {technology: lte, between: [enb, handsets], band: 1, core: mast-router}
  uplink: {between: [mast-router, server], profile: fiber, rate: 10Gbps}
flows:
  ping: {from: server, to: mast-router, traffic: {pattern: periodic, interval: 100ms, size: 100B}}
)";
}

/// Run a scenario text's base configuration.
RunResult
RunBase(const std::string& text)
{
    return ScenarioRunner(ScenarioDocument::FromString(text, "idle.yaml").Resolve("base")).Run();
}

} // namespace

/// EARTH's input power (Auer et al. 2011) already holds the power supply, DC-DC and cooling
/// losses: an NR or LTE macro cell at a site with PUE 1.5 draws its EARTH power, not 1.5 times
/// it. The router beside them, whose figure is its own draw, takes the site's PUE. Before, the
/// cells were reported at 780 x 1.5 W idle (1344 x 1.5 W at full load).
TEST(EnergyAttributionTest, SitePueAppliesOnlyToEquipmentWithoutSiteOverhead)
{
    const RunResult r = RunBase(IdleMast(""));
    // 1 s idle: the awake floor N_TRX P0 = 6 x 130 W for both cells (the LTE eNB has no sleep).
    EXPECT_NEAR(r.energyByNode.at("gnb"), 780.0, 1e-6);
    EXPECT_NEAR(r.energyByNode.at("enb"), 780.0, 0.5); // RRC traffic at attach: a few blocks
    // The router: 127.5 W idle (85 % of 1.5 W/Gbps x 100 Gbit/s) x 1.5, plus its optics
    // (0.09 W/Gbps x 10 Gbit/s x 1.5) and a little load.
    EXPECT_NEAR(r.energyByNode.at("mast-router"), (127.5 + 0.9) * 1.5, 0.1);
}

/// An idle NR cell is priced like an idle LTE cell, at the awake floor, unless the planner lets
/// it sleep (`sleep:`): then it sleeps between its SSB bursts (every 20 ms by default,
/// TS 38.213 clause 4.1) in the deepest TR 38.864 state whose transition fits. With 20 ms, a
/// Cat 1 macro can only light-sleep (6 ms of transition; deep sleep needs 50 ms): 2 ms awake at
/// 780 W, 18 ms at 25/55 x 780 W, 90/55 x 780 W ms of transition, 460.9 W on average; with
/// `ssb_period: 160ms` it deep-sleeps, 112.4 W. Before, an idle NR macro always drew EARTH's
/// sleep power, 450 W, while LTE drew 780 W.
TEST(EnergyAttributionTest, IdleNrCellSleepsOnlyWhenAllowedAndBetweenItsSsbBursts)
{
    const double floorW = 780.0;
    const RunResult light = RunBase(IdleMast(", sleep: deep"));
    const double period20 = floorW * 2e-3 + 25.0 / 55 * floorW * 18e-3 + 90.0 / 55 * floorW * 1e-3;
    EXPECT_NEAR(light.energyByNode.at("gnb"), 50 * period20, 1e-6);
    const RunResult deep = RunBase(IdleMast(", sleep: deep, ssb_period: 160ms"));
    // Six bursts and sleep periods of 160 ms, then 40 ms: a burst and 38 ms of light sleep.
    const double period160 =
        floorW * 2e-3 + 1.0 / 55 * floorW * 158e-3 + 1000.0 / 55 * floorW * 1e-3;
    const double tail = floorW * 2e-3 + 25.0 / 55 * floorW * 38e-3 + 90.0 / 55 * floorW * 1e-3;
    EXPECT_NEAR(deep.energyByNode.at("gnb"), 6 * period160 + tail, 1e-6);
    // The LTE cell is unchanged: it cannot sleep.
    EXPECT_NEAR(deep.energyByNode.at("enb"), light.energyByNode.at("enb"), 1e-9);
}

namespace
{

/// Whether a list of unaccounted elements names an element.
bool
Lists(const std::vector<UnaccountedElement>& list, const std::string& element)
{
    return std::any_of(list.begin(), list.end(), [&](const UnaccountedElement& u) {
        return u.element == element;
    });
}

/// A node's or technology's energy in a report, 0 when it has none.
double
Joules(const std::map<std::string, double>& report, const std::string& key)
{
    auto it = report.find(key);
    return it == report.end() ? 0.0 : it->second;
}

/// A two-site scenario skeleton: \p nodes and \p links (YAML map entries, indented by four)
/// and one small flow between \p from and \p to.
std::string
Skeleton(const std::string& nodes,
         const std::string& links,
         const std::string& from,
         const std::string& to)
{
    return "blueprint: 1\nname: figures\nduration: 500ms\nsites:\n"
           "  a: {position: [0m, 0m]}\n  b: {position: [50m, 0m]}\n"
           "nodes:\n" +
           nodes + "links:\n" + links + "flows:\n  f: {from: " + from + ", to: " + to +
           ", start: 0.2s, traffic: {pattern: periodic, interval: 50ms, size: 100B}}\n";
}

} // namespace

/// Every equipment class, wired profile and radio technology either gets energy and cost figures
/// or appears in result.json's energy.unmetered / cost.uncosted with a reason: no element is a
/// silent zero. (Before, a host, a Wi-Fi cell or an LTE cell's UEs simply added nothing.)
TEST(EnergyAttributionTest, EveryElementHasFiguresOrIsReported)
{
    // Equipment: each class on its own node, on 1 Gbit/s Ethernet (whose port power is the
    // equipment's) to a hub switch, so each node's energy is its equipment's.
    std::string nodes = "  hub: {site: a, equipment: switch}\n";
    std::string links;
    for (const std::string& name : EquipmentProfile::Names())
    {
        nodes += "  n-" + name + ": {site: a, equipment: " + name + "}\n";
        links += "  l-" + name + ": {between: [hub, n-" + name +
                 "], profile: ethernet, rate: 100Mbps}\n";
    }
    const RunResult equipment = RunBase(Skeleton(nodes, links, "n-host", "n-server"));
    for (const std::string& name : EquipmentProfile::Names())
    {
        const std::string node = "n-" + name;
        const std::string role = EquipmentProfile::Find(name)->role;
        EXPECT_TRUE(Joules(equipment.energyByNode, node) > 0 || Lists(equipment.unmetered, node))
            << name;
        EXPECT_TRUE(equipment.annualisedByTechnology.count(role) || Lists(equipment.uncosted, node))
            << name;
    }
    EXPECT_TRUE(Lists(equipment.unmetered, "n-host"));
    EXPECT_TRUE(Lists(equipment.uncosted, "n-host"));

    // Wired profiles: each on its own between two hosts, so the hosts' energy is the link's.
    for (const std::string& name : WiredLinkProfile::Names())
    {
        const WiredLinkProfile* p = WiredLinkProfile::Find(name);
        const std::string rate = p->downstreamRate > 0 ? "" : ", rate: 100Mbps";
        const RunResult r =
            RunBase(Skeleton("  x: {site: a}\n  y: {site: b}\n",
                             "  wire: {between: [x, y], profile: " + name + rate + "}\n",
                             "x",
                             "y"));
        const bool metered = Joules(r.energyByNode, "x") > 0 && Joules(r.energyByNode, "y") > 0;
        EXPECT_TRUE(metered || Lists(r.unmetered, "wire") || p->powerInEquipment) << name;
        EXPECT_TRUE(r.annualisedByTechnology.count(p->technology) || Lists(r.uncosted, "wire"))
            << name;
    }

    // Radio: NR, LTE and Wi-Fi cells.
    const RunResult radio = RunBase(
        Skeleton("  gnb: {site: a}\n  ue: {site: b}\n  enb: {site: a}\n  phone: {site: b}\n"
                 "  core: {site: a, equipment: router}\n  ap: {site: a}\n  sta: {site: b}\n",
                 "  nr-cell: {technology: nr, between: [gnb, ue], band: n78}\n"
                 "  lte-cell: {technology: lte, between: [enb, phone], band: 1, core: core}\n"
                 "  wlan: {technology: wifi, between: [ap, sta]}\n"
                 "  bh: {between: [core, gnb], profile: fiber, rate: 1Gbps}\n"
                 "  bh2: {between: [core, ap], profile: fiber, rate: 1Gbps}\n",
                 "sta",
                 "ue"));
    for (const std::string technology : {"nr", "lte", "wifi"})
    {
        EXPECT_GT(radio.energyByTechnology.at(technology), 0.0) << technology;
        EXPECT_GT(radio.annualisedByTechnology.at(technology), 0.0) << technology;
    }
    EXPECT_GT(radio.energyByNode.at("ue"), 0.0);  // the NR UE's modem (TR 38.840)
    EXPECT_GT(radio.energyByNode.at("sta"), 0.0); // the Wi-Fi station's radio
    EXPECT_TRUE(Lists(radio.unmetered, "lte-cell UEs"));
    EXPECT_TRUE(Lists(radio.unmetered, "epc"));
    EXPECT_TRUE(Lists(radio.uncosted, "epc"));
}

/// A Wi-Fi cell is metered and priced like the other technologies: an 802.11ax AP draws 85 % of
/// the 25.5 W 802.3at budget idle, plus its airtime (beacons here); each station 85 % of an
/// 802.11n NIC's 2.1 W; the AP costs 486,617 JPY installed (Uozu city's MIC-subsidised 60 APs),
/// over 7 years with 10 % a year of support. Before, the cell used 0 J and cost nothing.
TEST(EnergyAttributionTest, WifiCellUsesEnergyAndCosts)
{
    const RunResult r = RunBase(Skeleton("  ap: {site: a}\n  sta: {site: b, count: 3}\n",
                                         "  wlan: {technology: wifi, between: [ap, sta]}\n",
                                         "ap",
                                         "sta"));
    const WifiProfile ap = WifiProfile::AccessPoint("802.11ax");
    EXPECT_DOUBLE_EQ(ap.idlePower, 0.85 * 25.5);
    const double seconds = 0.5 + 1.0; // duration + the default drain
    EXPECT_GT(r.energyByNode.at("ap"), ap.idlePower * seconds);
    EXPECT_LT(r.energyByNode.at("ap"), ap.idlePower * seconds + 0.05 * (25.5 - ap.idlePower));
    EXPECT_NEAR(r.energyByNode.at("sta"), 3 * 0.85 * 2.1 * seconds, 0.01);
    EXPECT_NEAR(r.annualisedByTechnology.at("wifi"), 29197000.0 / 60 * (1.0 / 7 + 0.1), 0.01);
}

/// The sleep keys are checked where they are written: an LTE cell cannot sleep deeper than micro
/// sleep (its CRS go out every subframe), and ssb_period takes TS 38.331's values only.
TEST(EnergyAttributionTest, SleepKeysAreCheckedAtTheirPosition)
{
    struct Case
    {
        std::string extraNr;  //!< appended to the NR cell
        std::string lteSleep; //!< the LTE cell's sleep value
        int line;             //!< where the error is
        std::string message;  //!< part of it
    };

    const std::vector<Case> cases = {
        {", ssb_period: 30ms", "micro", 17, "ssb_period is 5ms, 10ms, 20ms, 40ms, 80ms or 160ms"},
        {", sleep: hibernate", "micro", 17, "sleep state"},
        {"", "light", 18, "it can only micro-sleep"},
    };
    for (const Case& c : cases)
    {
        std::string text = IdleMast(c.extraNr);
        const std::string lte = "band: 1, core: mast-router";
        text.replace(text.find(lte), lte.size(), lte + ", sleep: " + c.lteSleep);
        try
        {
            ScenarioDocument::FromString(text, "sleep.yaml").Resolve("base");
            ADD_FAILURE() << "accepted: " << c.message;
        }
        catch (const InputError& e)
        {
            EXPECT_EQ(e.GetMark().line, c.line) << e.what();
            EXPECT_NE(e.GetMessage().find(c.message), std::string::npos) << e.what();
        }
    }
}

/// The catalogues price radio cells in JPY too (NR and LTE cell classes, Wi-Fi APs): a scenario
/// in another currency must price them itself, or its yen would be labelled EUR. Before, only
/// wired links were checked and a cell's yen went out as euros.
TEST(EnergyAttributionTest, RadioCellsInAnotherCurrencyNeedTheirOwnCost)
{
    const std::string base = Skeleton("  ap: {site: a, cost: {capex: 0, opex_per_year: 0}}\n"
                                      "  sta: {site: b, cost: {capex: 0, opex_per_year: 0}}\n",
                                      "  wlan: {technology: wifi, between: [ap, sta]}\n",
                                      "ap",
                                      "sta") +
                             "economics: {currency: EUR}\n";
    EXPECT_THROW(ScenarioDocument::FromString(base, "eur.yaml").Resolve("base"), InputError);
    std::string priced = base;
    const std::string wlan = "between: [ap, sta]";
    priced.replace(priced.find(wlan),
                   wlan.size(),
                   wlan + ", cost: {capex: 3000, opex_per_year: 300, lifetime_years: 7}");
    EXPECT_NO_THROW(ScenarioDocument::FromString(priced, "eur.yaml").Resolve("base"));
}

/// Every cell is a site to pay for, whether or not a UE is attached to it when the run starts: a
/// cell that a UE group only hands over to (or never uses) used to have no routing edge and so
/// no cost item (the bus corridor's three poles were priced as one).
TEST(EnergyAttributionTest, EveryCellIsCostedEvenWithoutAnAttachedUe)
{
    const RunResult r =
        RunBase(Skeleton("  near: {site: a}\n  far: {site: b}\n  ue: {site: a}\n"
                         "  core: {site: a, equipment: router}\n",
                         "  cell-near: {technology: nr, between: [near, ue], band: n78}\n"
                         "  cell-far: {technology: nr, between: [far, ue], band: n78}\n"
                         "  bh: {between: [core, near], profile: fiber, rate: 1Gbps}\n"
                         "  bh2: {between: [core, far], profile: fiber, rate: 1Gbps}\n",
                         "core",
                         "ue"));
    const NrCellClass* macro = NrCellClass::Find("macro");
    // Discount rate 0: capex / lifetime + opex per site, two sites.
    EXPECT_NEAR(r.annualisedByTechnology.at("nr"),
                2 * (macro->capex / macro->lifetimeYears + macro->opexPerYear),
                1e-6);
}
