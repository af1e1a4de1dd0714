/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/equipment/equipment-profile.h"

#include "ns3/double.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Idle power as a fraction of full-load power. Measured network gear is close to flat, idle
/// being a large share of maximum: 0.85 is an assumption (no study found states the split).
constexpr double IDLE_FRACTION = 0.85;

/// PUE of a telecom site or edge node: about 2.0 (Vereecken et al. 2011; tn-forecast 2023).
constexpr double TELECOM_SITE_PUE = 2.0;
/// PUE of a data centre: the 2023 industry average 1.58 (Uptime Institute global survey 2023).
constexpr double DATA_CENTRE_PUE = 1.58;

/// Per-hop forwarding latency of an IP router: 20 us, an assumption (the ~10-50 us usually quoted
/// for store-and-forward routers has no measurement source we found).
constexpr uint64_t ROUTER_PROCESSING_US = 20;
/// An ageing router forwarding in software on an old CPU: 100 us, twice the top of the
/// reference's range (assumption).
constexpr uint64_t AGEING_ROUTER_PROCESSING_US = 100;
/// A layer-2 switch's lookup and switching latency: 5 us (assumption; its store-and-forward
/// serialisation is already the link's transmission time).
constexpr uint64_t SWITCH_PROCESSING_US = 5;

/// Core router energy per Gbit/s: 1-2 W/Gbps for 2024 routers (arXiv 2504.14022 table
/// "2012 vs 2024"); 1.5 is the midpoint.
constexpr double ROUTER_W_PER_GBPS_2024 = 1.5;
/// Core router energy per Gbit/s in 2012: 10 W/Gbps (Van Heddeghem et al. 2012, via arXiv
/// 2504.14022).
constexpr double ROUTER_W_PER_GBPS_2012 = 10.0;
/// Routers around 2010: 0.01-0.1 W/Mbps, 0.05 W/Mbps on average including a PUE of about 2
/// (Vereecken et al. 2011), i.e. 50 W/Gbps with PUE and 25 W/Gbps for the equipment alone.
constexpr double ROUTER_W_PER_GBPS_2010 = 50.0 / TELECOM_SITE_PUE;
/// Forwarding capacity of a regional aggregation router: 100 Gbit/s (assumption).
constexpr double ROUTER_CAPACITY = 100e9;
/// Fast Ethernet (IEEE 802.3u, 100 Mbit/s): the interfaces that cap an ageing router's links.
constexpr double FAST_ETHERNET_RATE = 100e6;
/// An ageing router with 24 Fast Ethernet ports forwards at most 24 x 100 Mbit/s (assumption).
constexpr double AGEING_ROUTER_CAPACITY = 24 * FAST_ETHERNET_RATE;

/// A GbE switch: 300 W per 12 ports (the HetNet-PVS simulator's model constant, backhaul/PON.java),
/// so 300 W at 12 Gbit/s.
constexpr double SWITCH_MAX_W = 300.0;
/// Forwarding capacity of that switch: 12 ports x 1 Gbit/s.
constexpr double SWITCH_CAPACITY = 12e9;

/// A 1U server: 100 W idle, 200 W at full load (assumption; no server figure in the reference).
constexpr double SERVER_IDLE_W = 100.0;
/// Server full-load power (see SERVER_IDLE_W; assumption).
constexpr double SERVER_MAX_W = 200.0;
/// Its network interface, 10 Gbit/s (assumption): traffic is the only load the meter sees.
constexpr double SERVER_CAPACITY = 10e9;

/// Prices and support costs, JPY (all assumptions; the reference has no equipment prices).
constexpr double ROUTER_CAPEX = 3000000.0;
/// Yearly support contract as a fraction of the purchase price (assumption).
constexpr double SUPPORT_FRACTION_PER_YEAR = 0.10;
/// Service life of active network equipment, years (assumption).
constexpr double EQUIPMENT_LIFETIME_YEARS = 7.0;
/// Keeping an out-of-support router alive (third-party maintenance, spares): 500,000 JPY/year
/// (assumption). Its purchase is sunk.
constexpr double AGEING_ROUTER_OPEX = 500000.0;
/// Remaining life assumed for an ageing router, years (assumption).
constexpr double AGEING_ROUTER_REMAINING_YEARS = 3.0;
/// A managed GbE switch (assumption).
constexpr double SWITCH_CAPEX = 200000.0;
/// A 1U server (assumption).
constexpr double SERVER_CAPEX = 1000000.0;
/// Service life of a server, years (assumption).
constexpr double SERVER_LIFETIME_YEARS = 5.0;

/// Builds a router profile whose power follows a W/Gbps figure over its capacity.
EquipmentProfile
Router(const std::string& name, double wattsPerGbps, double capacity)
{
    EquipmentProfile p;
    p.name = name;
    p.role = "router";
    p.processingDelay = MicroSeconds(ROUTER_PROCESSING_US);
    p.powerCapacity = capacity;
    p.maxPower = wattsPerGbps * capacity / 1e9;
    p.idlePower = IDLE_FRACTION * p.maxPower;
    p.pue = TELECOM_SITE_PUE;
    p.capex = ROUTER_CAPEX;
    p.lifetimeYears = EQUIPMENT_LIFETIME_YEARS;
    p.opexPerYear = SUPPORT_FRACTION_PER_YEAR * ROUTER_CAPEX;
    p.costSource = "3,000,000 JPY, 7-year life, support 10 %/yr (assumptions)";
    return p;
}

/// Builds the catalogue, in the order Names() reports it.
std::vector<EquipmentProfile>
BuildCatalogue()
{
    std::vector<EquipmentProfile> catalogue;

    EquipmentProfile router = Router("router", ROUTER_W_PER_GBPS_2024, ROUTER_CAPACITY);
    router.powerSource = "1.5 W/Gbps (2024 routers 1-2 W/Gbps, arXiv 2504.14022) x 100 Gbit/s "
                         "(assumption); idle 85 % (assumption); PUE 2.0 (Vereecken et al. 2011)";
    catalogue.push_back(router);

    EquipmentProfile router2012 = Router("router-2012", ROUTER_W_PER_GBPS_2012, ROUTER_CAPACITY);
    router2012.powerSource = "10 W/Gbps (Van Heddeghem et al. 2012 via arXiv 2504.14022) x "
                             "100 Gbit/s (assumption); idle 85 % (assumption); PUE 2.0";
    catalogue.push_back(router2012);

    EquipmentProfile ageing =
        Router("ageing-router", ROUTER_W_PER_GBPS_2010, AGEING_ROUTER_CAPACITY);
    ageing.processingDelay = MicroSeconds(AGEING_ROUTER_PROCESSING_US);
    ageing.capacityCap = FAST_ETHERNET_RATE;
    ageing.powerSource = "25 W/Gbps (0.05 W/Mbps incl. PUE 2, Vereecken et al. 2011) x 24 Fast "
                         "Ethernet ports (assumption); idle 85 % (assumption); PUE 2.0";
    ageing.capex = 0.0;
    ageing.lifetimeYears = AGEING_ROUTER_REMAINING_YEARS;
    ageing.opexPerYear = AGEING_ROUTER_OPEX;
    ageing.costSource = "installed, purchase sunk; out-of-support upkeep 500,000 JPY/yr "
                        "(assumption)";
    catalogue.push_back(ageing);

    EquipmentProfile sw;
    sw.name = "switch";
    sw.role = "switch";
    sw.processingDelay = MicroSeconds(SWITCH_PROCESSING_US);
    sw.powerCapacity = SWITCH_CAPACITY;
    sw.maxPower = SWITCH_MAX_W;
    sw.idlePower = IDLE_FRACTION * SWITCH_MAX_W;
    sw.pue = TELECOM_SITE_PUE;
    sw.powerSource = "GbE switch 300 W per 12 ports (HetNet-PVS); idle 85 % (assumption); PUE 2.0 "
                     "(Vereecken et al. 2011)";
    sw.capex = SWITCH_CAPEX;
    sw.lifetimeYears = EQUIPMENT_LIFETIME_YEARS;
    sw.opexPerYear = SUPPORT_FRACTION_PER_YEAR * SWITCH_CAPEX;
    sw.costSource = "200,000 JPY, 7-year life, support 10 %/yr (assumptions)";
    catalogue.push_back(sw);

    // An end device whose power and cost belong to its owner, not to the infrastructure.
    EquipmentProfile host;
    host.name = "host";
    host.role = "host";
    host.processingDelay = Time(0);
    host.powerSource = "an end device, its owner's";
    host.costSource = "an end device, its owner's";
    catalogue.push_back(host);

    EquipmentProfile server;
    server.name = "server";
    server.role = "server";
    // Application processing is modelled by the applications themselves.
    server.processingDelay = Time(0);
    server.powerCapacity = SERVER_CAPACITY;
    server.idlePower = SERVER_IDLE_W;
    server.maxPower = SERVER_MAX_W;
    server.pue = DATA_CENTRE_PUE;
    server.powerSource = "100 W idle, 200 W at 10 Gbit/s (assumptions); PUE 1.58 (Uptime "
                         "Institute 2023)";
    server.capex = SERVER_CAPEX;
    server.lifetimeYears = SERVER_LIFETIME_YEARS;
    server.opexPerYear = SUPPORT_FRACTION_PER_YEAR * SERVER_CAPEX;
    server.costSource = "1,000,000 JPY, 5-year life, support 10 %/yr (assumptions)";
    catalogue.push_back(server);

    return catalogue;
}

/// The catalogue, built on first use so its Time values are made after ns-3 has started.
const std::vector<EquipmentProfile>&
Catalogue()
{
    static const std::vector<EquipmentProfile> catalogue = BuildCatalogue();
    return catalogue;
}

} // namespace

const EquipmentProfile*
EquipmentProfile::Find(const std::string& name)
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
EquipmentProfile::Names()
{
    std::vector<std::string> names;
    for (const auto& p : Catalogue())
    {
        names.push_back(p.name);
    }
    return names;
}

double
EquipmentProfile::GetPowerPerGbps() const
{
    return powerCapacity > 0.0 ? maxPower / (powerCapacity / 1e9) : 0.0;
}

Ptr<ElementPowerModel>
EquipmentProfile::CreatePowerModel() const
{
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(idlePower));
    model->SetAttribute("MaxPower", DoubleValue(maxPower));
    model->SetAttribute("Capacity", DoubleValue(powerCapacity));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

CostItem
EquipmentProfile::GetCostItem(const std::string& element, const std::string& node) const
{
    CostItem item;
    item.element = element;
    item.node = node;
    item.technology = role;
    item.capex = capex;
    item.lifetimeYears = lifetimeYears;
    item.opexPerYear = opexPerYear;
    return item;
}

} // namespace blueprint
} // namespace ns3
