/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/scenario-build.h"
#include "helper/scenario/spec-reading.h"
#include "helper/technology/cell-technology.h"
#include "helper/technology/wifi/wifi-link-config.h"
#include "helper/technology/wifi/wifi-reach.h"
#include "model/wifi/wifi-power-model.h"

#include "ns3/double.h"
#include "ns3/ssid.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ns3/wifi-helper.h"
#include "ns3/wifi-mac-helper.h"
#include "ns3/wifi-net-device.h"
#include "ns3/yans-wifi-helper.h"

#include <cstdio>
#include <sstream>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// The access point power models a cell's `power: {model: ...}` may name: airtime
/// (WifiRadioPowerModel), or any type that builds a WifiPowerModel.
const TypeChoice&
WifiPowerModels()
{
    static const TypeChoice choice{"Wi-Fi power model",
                                   "ns3::blueprint::WifiPowerModel",
                                   &BuildsA<WifiPowerModel>,
                                   {{"airtime", "ns3::blueprint::WifiRadioPowerModel"}}};
    return choice;
}

/**
 * \ingroup blueprint
 * \brief The Wi-Fi technology: an access point (the link's first node) and its stations (the
 * second node, one or a group), built with ns-3's wifi module on a YANS channel.
 */
class WifiTechnology : public CellTechnology
{
  public:
    std::string GetName() const override
    {
        return "wifi";
    }

    std::vector<std::string> GetKeys() const override
    {
        return {"standard", "band", "channel_width", "power"};
    }

    /// `power:` chooses the access point's power model (ReadStationPower), not the common
    /// override.
    bool ReadsOwnPower() const override
    {
        return true;
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        const std::string& context = ctx.context;
        RequireSingleStation(ctx, "a Wi-Fi link", "access point");
        // IEEE 802.11-2020 clause 9.4.1.8: association IDs run from 1 to 2007; ns-3's access
        // point ends the run when it has none left for a station (ApWifiMac).
        if (ctx.b.count > 2007)
        {
            throw InputError(ctx.bMark,
                             context +
                                 ": an access point associates at most 2007 stations "
                                 "(IEEE 802.11 association IDs 1-2007); '" +
                                 ctx.b.name + "' is a group of " + std::to_string(ctx.b.count));
        }
        auto w = std::make_shared<WifiLinkConfig>();
        if (const ConfigNode* st = link.Find("standard"))
        {
            w->standard = ReadChoice(*st, {"802.11n", "802.11ac", "802.11ax"}, "Wi-Fi standard");
        }
        const ConfigNode* bandNode = link.Find("band");
        if (bandNode)
        {
            w->band = ReadChoice(*bandNode, {"2.4GHz", "5GHz"}, "Wi-Fi band");
        }
        if (w->standard == "802.11ac" && w->band != "5GHz")
        {
            throw InputError(bandNode->GetMark(), context + ": 802.11ac works in 5GHz only");
        }
        if (const ConfigNode* width = link.Find("channel_width"))
        {
            int64_t mhz = width->AsInteger();
            bool ok = mhz == 20 || mhz == 40 ||
                      (w->band == "5GHz" && w->standard != "802.11n" && (mhz == 80 || mhz == 160));
            if (!ok)
            {
                throw InputError(width->GetMark(),
                                 context + ": channel_width must be 20 or 40 (MHz), or 80 or "
                                           "160 for 802.11ac/ax in 5GHz");
            }
            w->channelWidth = static_cast<uint32_t>(mhz);
        }
        if (const ConfigNode* power = link.Find("power"))
        {
            ReadStationPower(*power, WifiPowerModels(), context + " power", w->power);
        }
        return w;
    }

    std::string GetMovingTerminals() const override
    {
        return "the stations of wifi links";
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

  protected:
    /// The access point's catalogue cost (WifiProfile). Its energy is metered where the cell is
    /// built.
    CostItem GetCatalogueCost(const LinkSpec& l) const override
    {
        const WifiProfile ap = WifiProfile::AccessPoint(l.Config<WifiLinkConfig>().standard);
        return CostItem{l.name, l.a, "wifi", ap.capex, ap.lifetimeYears, ap.opexPerYear};
    }
};

/// Build one Wi-Fi cell with ns-3's wifi module: an access point, its stations, their subnet,
/// one routing edge per station, and the radios' energy (WifiRadioPowerModel: the AP at its
/// site's PUE, its figure being the device's own draw; stations, like NR UEs, at none).
void
WifiTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const LinkSpec& l = *unit.front();
    run.Step();
    const WifiLinkConfig& w = l.Config<WifiLinkConfig>();
    const NodeGroup& ga = run.GetGroup(l.a);
    const NodeGroup& gb = run.GetGroup(l.b);
    // Antenna heights: an access point on a wall or pole, stations at hand height (assumptions).
    constexpr double kApHeight = 3.0;
    constexpr double kStationHeight = 1.5;
    constexpr uint32_t kStationMaxMissedBeacons = 1000000; //!< see the StaWifiMac below
    WifiHelper wifi;
    wifi.SetStandard(w.standard == "802.11n"    ? WIFI_STANDARD_80211n
                     : w.standard == "802.11ac" ? WIFI_STANDARD_80211ac
                                                : WIFI_STANDARD_80211ax);
    YansWifiChannelHelper channelHelper = YansWifiChannelHelper::Default();
    YansWifiPhyHelper phy;
    phy.SetChannel(channelHelper.Create());
    // Channel number 0 lets ns-3 pick the band's default channel of that width.
    std::ostringstream settings;
    settings << "{0, " << w.channelWidth << ", "
             << (w.band == "2.4GHz" ? "BAND_2_4GHZ" : "BAND_5GHZ") << ", 0}";
    phy.Set("ChannelSettings", StringValue(settings.str()));
    WifiMacHelper mac;
    Ssid ssid(l.name);
    Ptr<Node> apNode = ga.members[0];
    run.Place(ga, 0, kApHeight);
    NodeContainer stations;
    for (uint32_t i = 0; i < gb.members.size(); ++i)
    {
        run.Place(gb, i, kStationHeight);
        stations.Add(gb.members[i]);
    }
    mac.SetType("ns3::ApWifiMac", "Ssid", SsidValue(ssid));
    NetDeviceContainer apDevice = wifi.Install(phy, mac, apNode);
    // A station has one access point to associate with and never roams, so it never gives up on
    // it for missed beacons. ns-3 3.37's StaWifiMac aborts ("No BSSID set for the link on which
    // the (Re)Association Request is to be sent", sta-wifi-mac.cc:403) when the missed-beacon
    // timer disassociates a station while its association request is pending, which 200
    // stations associating at once, their frames colliding with the beacons, bring about (a
    // 200-phone shelter in scenarios/peninsula-earthquake-shelter.yaml aborted 2.76 s into a
    // window). kStationMaxMissedBeacons x 102.4 ms is about 28 h, longer than any window.
    mac.SetType("ns3::StaWifiMac",
                "Ssid",
                SsidValue(ssid),
                "MaxMissedBeacons",
                UintegerValue(kStationMaxMissedBeacons));
    NetDeviceContainer stationDevices = wifi.Install(phy, mac, stations);
    NetDeviceContainer all(apDevice);
    all.Add(stationDevices);
    run.GetAddresses().AssignSubnet(all);
    // The link's own streams (its stations' back-off, rate control, the channel's models).
    run.GetStreams().Assign("link:" + l.name + "/wifi", l.mark, [&](int64_t first) {
        return wifi.AssignStreams(all, first);
    });
    // A fixed station that cannot hear the access point never associates: every packet through
    // it would be lost, silently. Say so instead (a moving one may come into range).
    for (uint32_t i = 0; i < stationDevices.GetN() && !gb.spec->mobility; ++i)
    {
        const WifiReach reach = EstimateWifiReach(apDevice.Get(0), stationDevices.Get(i));
        if (!reach.Hears())
        {
            char detail[320];
            std::snprintf(detail,
                          sizeof(detail),
                          "is %.0f m from access point '%s' and would receive it at %.1f dBm, "
                          "below the %.0f dBm a Wi-Fi receiver needs to detect a frame: it could "
                          "never associate. This cell reaches about %.0f m (ns-3's log-distance "
                          "propagation, see doc/scenario-format.rst, Wi-Fi cells)",
                          reach.distanceMetres,
                          l.a.c_str(),
                          reach.rssiDbm,
                          reach.thresholdDbm,
                          reach.reachMetres);
            const std::string station = gb.members.size() > 1
                                            ? "member " + std::to_string(i) + " of '" + l.b + "'"
                                            : "'" + l.b + "'";
            throw InputError(l.mark, "link '" + l.name + "': station " + station + " " + detail);
        }
    }
    // Routing metric: a nominal millisecond for contention and transmission.
    AddCellEdges(run, l, "wifi", apDevice.Get(0), stationDevices, 1e-3);
    // The access point's power model (by default by airtime, WifiRadioPowerModel), given the
    // catalogue's figures, then the scenario's attributes; stations keep WifiRadioPowerModel.
    auto meterRadio = [&](Ptr<NetDevice> device,
                          const StationPowerSpec& power,
                          const WifiProfile& profile,
                          const std::string& element,
                          const std::string& node,
                          double pue) {
        Ptr<WifiPowerModel> radio = DynamicCast<WifiPowerModel>(
            CreateStationPowerModel(power,
                                    {{"IdlePower", Create<DoubleValue>(profile.idlePower)},
                                     {"MaxPower", Create<DoubleValue>(profile.maxPower)}}));
        radio->Attach(DynamicCast<WifiNetDevice>(device));
        run.GetMeter()->AddIntegratedElement(
            element,
            node,
            "wifi",
            [radio](Time now) { return radio->GetEnergy(now); },
            radio->IncludesSiteOverhead() ? 1.0 : pue,
            radio->GetIdlePower());
    };
    meterRadio(apDevice.Get(0), w.power, WifiProfile::AccessPoint(w.standard), l.name, l.a, ga.pue);
    for (uint32_t i = 0; i < stationDevices.GetN(); ++i)
    {
        meterRadio(stationDevices.Get(i),
                   StationPowerSpec{"ns3::blueprint::WifiRadioPowerModel", {}},
                   WifiProfile::Station(),
                   l.name + " stations",
                   l.b,
                   1.0);
    }
}

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(WifiTechnology, false);

} // namespace blueprint
} // namespace ns3
