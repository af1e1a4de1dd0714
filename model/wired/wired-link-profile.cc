/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/wired/wired-link-profile.h"

#include "ns3/double.h"

#include <algorithm>
#include <cstdint>

namespace ns3
{
namespace blueprint
{

namespace
{

// --- physical constants ---
/// Speed of light in vacuum, m/s (exact by the SI definition of the metre).
constexpr double SPEED_OF_LIGHT = 299792458.0;
/// Metres per foot (exact, international foot).
constexpr double METRES_PER_FOOT = 0.3048;

/// Single-mode fibre, group index 1.468 at 1550 nm (ITU-T G.652 fibre, e.g. Corning SMF-28
/// datasheet): c / 1.468 = 4.897 us/km, the "5 microseconds per kilometre" rule.
constexpr double FIBER_DELAY_PER_METRE = 4.897e-9;

/// Velocity factor of twisted-pair copper. Sources give 0.65-0.80 for TP cable (itwissen.info,
/// "nominal velocity of propagation") and 0.40-0.75 with 0.66 typical (technologyuk.net,
/// "velocity of propagation"). 0.67 is an assumption inside both ranges. It gives 4.98 ns/m,
/// within IEEE 802.3 clause 40's bound for a 1000BASE-T link segment (570 ns per 100 m).
constexpr double COPPER_VELOCITY_FACTOR = 0.67;
/// Propagation delay of twisted-pair copper, s/m.
constexpr double COPPER_DELAY_PER_METRE = 1.0 / (COPPER_VELOCITY_FACTOR * SPEED_OF_LIGHT);

// --- fibre cost (Cartesian / Fiber Broadband Association fiber deployment cost report 2023;
// NTT East dark-fibre tariffs, Information 2023 data book p.139) ---
/// Converts a US cost per foot to JPY per km.
constexpr double
UsdPerFootToJpyPerKm(double usdPerFoot)
{
    return usdPerFoot / METRES_PER_FOOT * 1000.0 * WiredLinkProfile::JPY_PER_USD;
}

/// Underground build, US median 2023: $16.25/ft (Cartesian / FBA 2023 fiber deployment cost
/// report).
constexpr double FIBER_UNDERGROUND_USD_PER_FOOT = 16.25;
/// Aerial build, US median 2023: $6.49/ft (Cartesian / FBA 2023 fiber deployment cost report).
constexpr double FIBER_AERIAL_USD_PER_FOOT = 6.49;
/// NTT East relay (中継) dark fibre, from 1 Apr 2023: 0.956 JPY per fibre-metre per month (NTT
/// East Information 2023 data book p.139).
constexpr double NTT_RELAY_FIBER_JPY_PER_M_MONTH = 0.956;
/// NTT East subscriber (加入) dark fibre, type 1: 2,009 JPY per fibre per month (NTT East
/// Information 2023 data book p.139).
constexpr double NTT_SUBSCRIBER_FIBER_JPY_PER_MONTH = 2009.0;
/// NTT East management fee, 37 JPY per line per month (NTT East Information 2023 data book).
constexpr double NTT_LINE_FEE_JPY_PER_MONTH = 37.0;
/// Fibres a leased duplex relay link uses: one per direction (assumption: no BiDi optics).
constexpr double RELAY_FIBERS_PER_LINK = 2.0;
/// Fibres a leased subscriber link uses (assumption: single-fibre bidirectional optics, as FTTH
/// access lines use).
constexpr double SUBSCRIBER_FIBERS_PER_LINK = 1.0;
/// Yearly upkeep of an owned fibre plant as a fraction of its build cost (assumption).
constexpr double FIBER_UPKEEP_FRACTION_PER_YEAR = 0.01;
/// Service life of buried or aerial fibre cable, years (assumption).
constexpr double FIBER_PLANT_LIFETIME_YEARS = 30.0;
/// A pluggable grey optical transceiver per end, JPY (assumption).
constexpr double FIBER_TRANSCEIVER_JPY = 30000.0;
/// Service life of optics and line cards, years (assumption).
constexpr double TERMINAL_LIFETIME_YEARS = 7.0;

/// Transceiver power, 2024: 0.09 W per Gbit/s (arXiv 2504.14022 table "2012 vs 2024", after
/// Van Heddeghem et al. 2012). Optics draw it whatever they carry, so it is constant power.
constexpr double TRANSCEIVER_W_PER_GBPS_2024 = 0.09;

// --- DSL (ITU-T G.992.5 and G.993.2; power from Vereecken et al., IEEE Commun. Mag. 49(6),
// 2011; interleaving delays from the DSL operators' guides cited below) ---
/// ITU-T G.992.5 (ADSL2+) Annex A: 24 Mbit/s down, 1 Mbit/s up at short loops.
constexpr double ADSL2PLUS_DOWN = 24e6;
/// ITU-T G.992.5 Annex A upstream (see ADSL2PLUS_DOWN).
constexpr double ADSL2PLUS_UP = 1e6;
/// Reach of ADSL: loops "must typically be less than 5.5 km" (clark-tele.com, "ADSL line
/// length").
constexpr double ADSL_REACH_METRES = 5500.0;
/// Interleaving latency per direction: 8 ms, the downstream interleave delay Calix recommends at
/// most (Calix E3-48C manual). It adds 16 ms to the round trip, inside the ~10-20 ms the
/// reference quotes for interleaved ADSL (speedguide, dslreports FAQ).
constexpr uint64_t DSL_INTERLEAVING_US = 8000;
/// Fast path (no interleaving): two DMT symbols at the 4 kbaud data symbol rate of G.992.x, one to
/// assemble the symbol at the transmitter and one to demodulate it at the receiver (assumption).
constexpr uint64_t ADSL_FASTPATH_US = 500;

/// VDSL2 profile 17a (ITU-T G.993.2): its minimum bidirectional net data rate is 100 Mbit/s
/// (G.993.2 Table 6-1, tabulated by techpedia.fel.cvut.cz). 80/20 Mbit/s splits that the way the
/// widely deployed 17a FTTC service does ("up to 80 Mbps" down, increasebroadbandspeed.co.uk);
/// the 20 Mbit/s upstream is an assumption.
constexpr double VDSL2_DOWN = 80e6;
/// VDSL2 17a upstream (see VDSL2_DOWN; assumption).
constexpr double VDSL2_UP = 20e6;
/// Loop length up to which VDSL2 keeps its highest rate: about 300 m (prajin.com.np, VDSL2
/// overview), under 500 m (futura-sciences, "VDSL 2"). 500 m is an assumption at the top of that.
constexpr double VDSL2_FULL_RATE_METRES = 500.0;
/// VDSL2 serves loops "between 1 and 2 km" at reduced rates (futura-sciences, "VDSL 2").
constexpr double VDSL2_REACH_METRES = 2000.0;

/// DSL port power at the network side: ADSL 1-2 W per subscriber (Vereecken et al. 2011);
/// 1.5 W is the midpoint.
constexpr double ADSL_PORT_W = 1.5;
/// DSL port power at the network side: VDSL 3-5 W per subscriber (Vereecken et al. 2011);
/// 4 W is the midpoint.
constexpr double VDSL_PORT_W = 4.0;
/// Customer modem: 10 W (HetNet-PVS VDSL model constant); using it for ADSL2+ modems too is an
/// assumption. DSL transceivers transmit continuously, so their power does not follow load.
constexpr double DSL_MODEM_W = 10.0;
/// DSL line card port or customer modem, JPY per end (assumption).
constexpr double DSL_END_JPY = 15000.0;
/// Keeping a copper pair in service: 1,500 JPY per month (assumption, the order of a metallic
/// line wholesale charge; not in the reference).
constexpr double COPPER_PAIR_JPY_PER_MONTH = 1500.0;
/// The copper plant exists already: its build cost is sunk (assumption). The lifetime only
/// matters if a user gives a capex.
constexpr double COPPER_PLANT_LIFETIME_YEARS = 20.0;

// --- in-building Ethernet ---
/// 1000BASE-T link segment reach: 100 m (IEEE 802.3 clause 40).
constexpr double ETHERNET_REACH_METRES = 100.0;
/// PHY latency per direction: 264 ns MDI-to-GMII receive latency of a 1000BASE-T PHY (TI
/// DP83867 datasheet), and the same again for the transmit path (assumption).
constexpr uint64_t ETHERNET_PHY_LATENCY_NS = 2 * 264;
/// Installed in-building twisted-pair cabling, 500 JPY per metre (assumption).
constexpr double ETHERNET_CABLING_JPY_PER_KM = 500000.0;
/// Service life of structured cabling, years (assumption).
constexpr double ETHERNET_CABLING_LIFETIME_YEARS = 15.0;

/// ADSL2+ attainable downstream rate over 0.4 mm copper by loop length. The rough guide in
/// Wikipedia's ADSL article (copy at scribd "Ancho de banda ADSL"): 24 Mbit/s at 2,000 ft, 23 at
/// 3,000, 22 at 4,000, 21 at 5,000, 19 at 6,000, 16 at 7,000, 8 at 10,000, 3 at 15,000 and
/// 1.5 Mbit/s at 17,000 ft. The upstream band (25-138 kHz in Annex A) sits at the lowest
/// frequencies and attenuates least, so it keeps its 1 Mbit/s over the whole table
/// (assumption).
std::vector<WiredRatePoint>
Adsl2PlusRateByLength()
{
    const std::vector<std::pair<double, double>> feetToMbps = {{0, 24},
                                                               {2000, 24},
                                                               {3000, 23},
                                                               {4000, 22},
                                                               {5000, 21},
                                                               {6000, 19},
                                                               {7000, 16},
                                                               {10000, 8},
                                                               {15000, 3},
                                                               {17000, 1.5}};
    std::vector<WiredRatePoint> points;
    for (const auto& [feet, mbps] : feetToMbps)
    {
        points.push_back({feet * METRES_PER_FOOT, mbps * 1e6, ADSL2PLUS_UP});
    }
    return points;
}

/// Fills the fields the two ADSL2+ profiles share.
WiredLinkProfile
Adsl2PlusBase()
{
    WiredLinkProfile p;
    p.technology = "copper";
    p.downstreamRate = ADSL2PLUS_DOWN;
    p.upstreamRate = ADSL2PLUS_UP;
    p.symmetric = false;
    p.rateByLength = Adsl2PlusRateByLength();
    p.propagationDelayPerMetre = COPPER_DELAY_PER_METRE;
    p.maxLength = ADSL_REACH_METRES;
    p.idlePowerA = p.maxPowerA = ADSL_PORT_W;
    p.idlePowerB = p.maxPowerB = DSL_MODEM_W;
    p.powerSource = "network port 1.5 W (ADSL 1-2 W/sub, Vereecken et al. 2011); modem 10 W "
                    "(HetNet-PVS model constant, assumption for ADSL2+)";
    p.capexPerKm = 0.0;
    p.opexPerLinkPerYear = 12.0 * COPPER_PAIR_JPY_PER_MONTH;
    p.lifetimeYears = COPPER_PLANT_LIFETIME_YEARS;
    p.capexPerEnd = DSL_END_JPY;
    p.endLifetimeYears = TERMINAL_LIFETIME_YEARS;
    p.costSource = "existing copper, build cost sunk; pair upkeep 1,500 JPY/month and 15,000 JPY "
                   "per end (assumptions)";
    return p;
}

/// Fills the fields the fibre profiles share; cost fields are left to each.
WiredLinkProfile
FiberBase()
{
    WiredLinkProfile p;
    p.technology = "fiber";
    p.symmetric = true;
    p.propagationDelayPerMetre = FIBER_DELAY_PER_METRE;
    // Grey optics without FEC add well under a microsecond; OTN FEC (~30 us) or regeneration
    // sites are added with extraLatency where a link has them.
    p.equipmentLatency = Time(0);
    p.timingSource = "4.897 us/km (c/1.468, group index of G.652 fibre); rate given by the user";
    p.powerPerGbpsPerEnd = TRANSCEIVER_W_PER_GBPS_2024;
    p.powerSource = "transceivers 0.09 W/Gbps (2024, arXiv 2504.14022)";
    p.lifetimeYears = FIBER_PLANT_LIFETIME_YEARS;
    p.capexPerEnd = FIBER_TRANSCEIVER_JPY;
    p.endLifetimeYears = TERMINAL_LIFETIME_YEARS;
    return p;
}

/// Builds the catalogue, in the order Names() reports it.
std::vector<WiredLinkProfile>
BuildCatalogue()
{
    std::vector<WiredLinkProfile> catalogue;

    // Point-to-point fibre built underground and owned.
    WiredLinkProfile fiber = FiberBase();
    fiber.name = "fiber";
    fiber.capexPerKm = UsdPerFootToJpyPerKm(FIBER_UNDERGROUND_USD_PER_FOOT);
    fiber.opexPerKmPerYear = FIBER_UPKEEP_FRACTION_PER_YEAR * fiber.capexPerKm;
    fiber.costSource = "underground build $16.25/ft (Cartesian/FBA 2023) at 150 JPY/USD; upkeep "
                       "1 %/yr, 30-year life, 30,000 JPY transceivers (assumptions)";
    catalogue.push_back(fiber);

    // The same fibre strung on poles.
    WiredLinkProfile aerial = FiberBase();
    aerial.name = "fiber-aerial";
    aerial.capexPerKm = UsdPerFootToJpyPerKm(FIBER_AERIAL_USD_PER_FOOT);
    aerial.opexPerKmPerYear = FIBER_UPKEEP_FRACTION_PER_YEAR * aerial.capexPerKm;
    aerial.costSource = "aerial build $6.49/ft (Cartesian/FBA 2023) at 150 JPY/USD; upkeep 1 %/yr, "
                        "30-year life, 30,000 JPY transceivers (assumptions)";
    catalogue.push_back(aerial);

    // Leased NTT East relay (inter-office) dark fibre: no build cost, a rent per fibre-metre.
    WiredLinkProfile relay = FiberBase();
    relay.name = "fiber-leased-relay";
    relay.opexPerKmPerYear =
        RELAY_FIBERS_PER_LINK * NTT_RELAY_FIBER_JPY_PER_M_MONTH * 1000.0 * 12.0;
    relay.opexPerLinkPerYear = RELAY_FIBERS_PER_LINK * NTT_LINE_FEE_JPY_PER_MONTH * 12.0;
    relay.costSource = "NTT East relay fibre 0.956 JPY/fibre-m/month + 37 JPY/line/month "
                       "(Information 2023 p.139), 2 fibres (assumption)";
    catalogue.push_back(relay);

    // Leased NTT East subscriber (access) dark fibre: a flat rent per fibre.
    WiredLinkProfile subscriber = FiberBase();
    subscriber.name = "fiber-leased-subscriber";
    subscriber.opexPerLinkPerYear =
        SUBSCRIBER_FIBERS_PER_LINK *
        (NTT_SUBSCRIBER_FIBER_JPY_PER_MONTH + NTT_LINE_FEE_JPY_PER_MONTH) * 12.0;
    subscriber.costSource = "NTT East subscriber fibre 2,009 JPY/fibre/month + 37 JPY/line/month "
                            "(Information 2023 p.139), 1 fibre (assumption)";
    catalogue.push_back(subscriber);

    // ADSL2+ with interleaving, the usual configuration on long rural loops.
    WiredLinkProfile adsl = Adsl2PlusBase();
    adsl.name = "adsl2plus";
    adsl.equipmentLatency = MicroSeconds(DSL_INTERLEAVING_US);
    adsl.timingSource = "G.992.5 Annex A 24/1 Mbit/s; rate by length from the ADSL2+ rough guide "
                        "(0.4 mm); reach 5.5 km; interleaving 8 ms/direction (Calix E3-48C)";
    catalogue.push_back(adsl);

    // ADSL2+ on the fast path: no interleaving, less impulse-noise protection.
    WiredLinkProfile fastpath = Adsl2PlusBase();
    fastpath.name = "adsl2plus-fastpath";
    fastpath.equipmentLatency = MicroSeconds(ADSL_FASTPATH_US);
    fastpath.timingSource = "G.992.5 Annex A 24/1 Mbit/s; rate by length from the ADSL2+ rough "
                            "guide (0.4 mm); reach 5.5 km; fast path 2 DMT symbols (assumption)";
    catalogue.push_back(fastpath);

    // VDSL2 profile 17a from a street cabinet (FTTC).
    WiredLinkProfile vdsl;
    vdsl.name = "vdsl2";
    vdsl.technology = "copper";
    vdsl.downstreamRate = VDSL2_DOWN;
    vdsl.upstreamRate = VDSL2_UP;
    vdsl.symmetric = false;
    vdsl.rateByLength = {{0.0, VDSL2_DOWN, VDSL2_UP},
                         {VDSL2_FULL_RATE_METRES, VDSL2_DOWN, VDSL2_UP}};
    vdsl.propagationDelayPerMetre = COPPER_DELAY_PER_METRE;
    // Calix's 8 ms interleave recommendation is for its ADSL2+/VDSL2 node; VDSL2 lines are usually
    // interleaved for impulse-noise protection too (assumption).
    vdsl.equipmentLatency = MicroSeconds(DSL_INTERLEAVING_US);
    vdsl.maxLength = VDSL2_REACH_METRES;
    vdsl.timingSource = "G.993.2 17a (100 Mbit/s MBDC) as 80/20 Mbit/s up to 500 m, rate given by "
                        "the user beyond; reach 2 km; interleaving 8 ms/direction";
    vdsl.idlePowerA = vdsl.maxPowerA = VDSL_PORT_W;
    vdsl.idlePowerB = vdsl.maxPowerB = DSL_MODEM_W;
    vdsl.powerSource = "network port 4 W (VDSL 3-5 W/sub, Vereecken et al. 2011); modem 10 W "
                       "(HetNet-PVS model constant)";
    vdsl.opexPerLinkPerYear = 12.0 * COPPER_PAIR_JPY_PER_MONTH;
    vdsl.lifetimeYears = COPPER_PLANT_LIFETIME_YEARS;
    vdsl.capexPerEnd = DSL_END_JPY;
    vdsl.endLifetimeYears = TERMINAL_LIFETIME_YEARS;
    vdsl.costSource = "existing copper, build cost sunk; pair upkeep 1,500 JPY/month and 15,000 "
                      "JPY per end (assumptions)";
    catalogue.push_back(vdsl);

    // In-building twisted pair or a patch cord, 1000BASE-T style.
    WiredLinkProfile ethernet;
    ethernet.name = "ethernet";
    ethernet.technology = "ethernet";
    ethernet.symmetric = true;
    ethernet.propagationDelayPerMetre = COPPER_DELAY_PER_METRE;
    ethernet.equipmentLatency = NanoSeconds(ETHERNET_PHY_LATENCY_NS);
    ethernet.maxLength = ETHERNET_REACH_METRES;
    ethernet.timingSource = "copper velocity factor 0.67; 100 m reach (IEEE 802.3 cl. 40); PHY "
                            "264 ns each way (TI DP83867); rate given by the user";
    // Port power is part of the switch, router or host it plugs into (EquipmentProfile).
    ethernet.powerSource = "counted in the attached equipment";
    ethernet.powerInEquipment = true;
    ethernet.capexPerKm = ETHERNET_CABLING_JPY_PER_KM;
    ethernet.lifetimeYears = ETHERNET_CABLING_LIFETIME_YEARS;
    ethernet.endLifetimeYears = TERMINAL_LIFETIME_YEARS;
    ethernet.costSource = "cabling 500 JPY/m, 15-year life (assumptions); ports counted in the "
                          "equipment";
    catalogue.push_back(ethernet);

    return catalogue;
}

/// The catalogue, built on first use so its Time values are made after ns-3 has started.
const std::vector<WiredLinkProfile>&
Catalogue()
{
    static const std::vector<WiredLinkProfile> catalogue = BuildCatalogue();
    return catalogue;
}

} // namespace

const WiredLinkProfile*
WiredLinkProfile::Find(const std::string& name)
{
    for (const auto& p : Catalogue())
    {
        if (p.name == name)
        {
            return &p;
        }
    }
    return nullptr;
}

std::vector<std::string>
WiredLinkProfile::Names()
{
    std::vector<std::string> names;
    for (const auto& p : Catalogue())
    {
        names.push_back(p.name);
    }
    return names;
}

bool
WiredLinkProfile::GetDefaultRates(double lengthMetres, double& down, double& up) const
{
    down = 0.0;
    up = 0.0;
    if (rateByLength.empty())
    {
        down = downstreamRate;
        up = upstreamRate;
        return down > 0.0;
    }
    if (lengthMetres > rateByLength.back().lengthMetres)
    {
        return false;
    }
    // First point at or beyond the length; interpolate from the one before it.
    auto hi =
        std::lower_bound(rateByLength.begin(),
                         rateByLength.end(),
                         lengthMetres,
                         [](const WiredRatePoint& p, double l) { return p.lengthMetres < l; });
    if (hi == rateByLength.begin())
    {
        down = hi->downstreamRate;
        up = hi->upstreamRate;
        return true;
    }
    auto lo = hi - 1;
    const double f = (lengthMetres - lo->lengthMetres) / (hi->lengthMetres - lo->lengthMetres);
    down = lo->downstreamRate + f * (hi->downstreamRate - lo->downstreamRate);
    up = lo->upstreamRate + f * (hi->upstreamRate - lo->upstreamRate);
    return true;
}

Ptr<ElementPowerModel>
WiredLinkProfile::CreateEndPowerModel(bool firstEnd, double lineRate, double pue) const
{
    const double perRate = powerPerGbpsPerEnd * lineRate / 1e9;
    const double idle = (firstEnd ? idlePowerA : idlePowerB) + perRate;
    const double max = (firstEnd ? maxPowerA : maxPowerB) + perRate;
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(idle));
    model->SetAttribute("MaxPower", DoubleValue(max));
    model->SetAttribute("Capacity", DoubleValue(max > idle ? lineRate : 0.0));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

std::vector<CostItem>
WiredLinkProfile::GetCostItems(const std::string& element,
                               const std::string& nodeA,
                               const std::string& nodeB,
                               double lengthMetres) const
{
    const double km = lengthMetres / 1000.0;
    std::vector<CostItem> items;
    CostItem plant;
    plant.element = element;
    plant.technology = technology;
    plant.capex = capexPerKm * km;
    plant.lifetimeYears = lifetimeYears;
    plant.opexPerYear = opexPerKmPerYear * km + opexPerLinkPerYear;
    if (plant.capex > 0.0 || plant.opexPerYear > 0.0)
    {
        items.push_back(plant);
    }
    for (const std::string& node : {nodeA, nodeB})
    {
        CostItem end;
        end.element = element + "/" + node;
        end.node = node;
        end.technology = technology;
        end.capex = capexPerEnd;
        end.lifetimeYears = endLifetimeYears;
        end.opexPerYear = opexPerEndPerYear;
        if (end.capex > 0.0 || end.opexPerYear > 0.0)
        {
            items.push_back(end);
        }
    }
    return items;
}

} // namespace blueprint
} // namespace ns3
