/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/nr/nr-link-reader.h"

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/spec-reading.h"
#include "helper/scenario/type-choice.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-error-model.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-gnb-power-model.h"
#include "model/nr/nr-mac-scheduler.h"
#include "model/nr/nr-propagation-scenario.h"
#include "model/nr/nr-tdd-pattern.h"

#include "ns3/object-factory.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/**
 * Sets the carrier's centre frequency: the band profile's, or the link's `carrier`, and checks
 * that the whole carrier (centre +- half the channel bandwidth) lies inside the 3GPP operating
 * band (TS 38.101-1 Table 5.2-1 for n77 3300-4200 MHz, n78 3300-3800 MHz, n79 4400-5000 MHz;
 * TS 38.101-2 Table 5.2-1 for n257 26500-29500 MHz). Staying inside the band also keeps the
 * carrier in the band's frequency range, whose figures (power, noise figure) the classes take.
 * \param at where a carrier that does not fit is reported: the carrier, else the bandwidth,
 *        else the band.
 * \param carrier the link's `carrier`, or nullptr.
 * \param band the band profile.
 * \param context the link, for messages.
 * \param nr the config whose bandwidth is read and whose frequency is set.
 */
void
ReadCarrierFrequency(const ConfigNode& at,
                     const ConfigNode* carrier,
                     const NrBandProfile& band,
                     const std::string& context,
                     NrLinkConfig& nr)
{
    nr.frequency = carrier ? carrier->AsFrequency() : band.frequencyHz;
    const double low = nr.frequency - nr.bandwidth / 2;
    const double high = nr.frequency + nr.bandwidth / 2;
    // A kilohertz of slack: "3.35GHz" read as a double may land a hair below the edge.
    constexpr double EDGE_TOLERANCE_HZ = 1e3;
    if (low < band.bandLowHz - EDGE_TOLERANCE_HZ || high > band.bandHighHz + EDGE_TOLERANCE_HZ)
    {
        std::ostringstream message;
        message << context << ": a " << nr.bandwidth / 1e6 << " MHz carrier at "
                << nr.frequency / 1e6 << " MHz spans " << low / 1e6 << "-" << high / 1e6
                << " MHz, outside band " << band.name << "'s operating band " << band.operatingBand
                << " (" << band.bandLowHz / 1e6 << "-" << band.bandHighHz / 1e6
                << " MHz, TS 38.101-" << (band.fr2 ? 2 : 1) << " Table 5.2-1)";
        throw InputError(at.GetMark(), message.str());
    }
}

/**
 * Reads a link's own figures for one end, `{power, antenna_gain, noise_figure, height}`, each
 * replacing its class's. Heights are held to TR 38.901 Table 7.4.1-1's RMa validity ranges
 * (h_BS 10-150 m, h_UT 1-10 m), which hold the three classes' defaults; ns-3 3.37's path loss
 * models only log a warning outside their ranges.
 * \param node the `gnb_radio` or `ue_radio` map.
 * \param gnb true for the gNB's end.
 * \param context the link and key, for messages.
 * \return the set figures.
 */
NrRadioOverride
ReadRadioOverride(const ConfigNode& node, bool gnb, const std::string& context)
{
    node.CheckKeys({"power", "antenna_gain", "noise_figure", "height"}, context);
    NrRadioOverride radio;
    if (const ConfigNode* p = node.Find("power"))
    {
        radio.txPowerDbm = ReadTxPowerDbm(*p, context + " power");
    }
    if (const ConfigNode* g = node.Find("antenna_gain"))
    {
        // Written "18dBi", "18dB" or 18.
        std::string text = g->AsString();
        if (text.size() > 3 && text.compare(text.size() - 3, 3, "dBi") == 0)
        {
            text.pop_back();
        }
        radio.antennaGainDbi = ReadDecibels(ConfigNode::MakeScalar(text, g->GetMark()),
                                            -10,
                                            40,
                                            context + " antenna_gain");
    }
    if (const ConfigNode* nf = node.Find("noise_figure"))
    {
        radio.noiseFigureDb = ReadDecibels(*nf, 0, 20, context + " noise_figure");
    }
    if (const ConfigNode* h = node.Find("height"))
    {
        const double low = gnb ? 10.0 : 1.0;
        const double high = gnb ? 150.0 : 10.0;
        const double height = h->AsLength();
        if (height < low || height > high)
        {
            std::ostringstream message;
            message << context << " height must be " << low << "m to " << high
                    << "m (TR 38.901 Table 7.4.1-1, the RMa validity range of h_"
                    << (gnb ? "BS" : "UT") << ")";
            throw InputError(h->GetMark(), message.str());
        }
        radio.heightM = height;
    }
    return radio;
}

/// The radio part of an NR link: band, cell class, frame structure, scheduler, propagation.
std::shared_ptr<NrLinkConfig>
ReadNrCell(const ConfigNode& link, const std::string& context)
{
    auto nr = std::make_shared<NrLinkConfig>();
    const ConfigNode& bandNode = link.Get("band", context);
    nr->band = ReadChoice(bandNode, NrBandProfile::Names(), "NR band");
    const NrBandProfile* band = NrBandProfile::Find(nr->band);
    nr->numerology = band->numerology;
    nr->bandwidth = band->bandwidthHz;
    nr->tdd = band->tdd ? band->tddPattern : "FDD";
    nr->specialSlot = band->specialSlot.empty() ? "10D+2G+2U" : band->specialSlot;
    if (const ConfigNode* cell = link.Find("cell"))
    {
        nr->cell = ReadChoice(*cell, NrCellClass::Names(), "NR cell class");
    }
    nr->scenario = NrScenarios().GetTypeName(NrCellClass::Find(nr->cell)->scenario);
    if (const ConfigNode* radio = link.Find("gnb_radio"))
    {
        nr->gnbRadio = ReadRadioOverride(*radio, true, context + " gnb_radio");
    }
    if (const ConfigNode* radio = link.Find("ue_radio"))
    {
        nr->ueRadio = ReadRadioOverride(*radio, false, context + " ue_radio");
    }
    if (const ConfigNode* ue = link.Find("ue"))
    {
        nr->ue = ReadChoice(*ue, NrUeClass::Names(), "NR UE class");
    }
    if (const ConfigNode* mu = link.Find("numerology"))
    {
        int64_t m = mu->AsInteger();
        if (m < 0 || m > 3)
        {
            throw InputError(mu->GetMark(), context + ": numerology must be 0 to 3 for data");
        }
        nr->numerology = static_cast<uint8_t>(m);
    }
    const ConfigNode* bw = link.Find("bandwidth");
    if (bw)
    {
        nr->bandwidth = bw->AsFrequency();
    }
    try
    {
        NrMaxResourceBlocks(nr->bandwidth, nr->numerology, band->fr2);
    }
    catch (const std::invalid_argument& e)
    {
        throw InputError(bw ? bw->GetMark() : bandNode.GetMark(), context + ": " + e.what());
    }
    const ConfigNode* carrier = link.Find("carrier");
    ReadCarrierFrequency(carrier ? *carrier : bw ? *bw : bandNode, carrier, *band, context, *nr);
    const ConfigNode* tdd = link.Find("tdd");
    const ConfigNode* special = link.Find("special_slot");
    if (tdd)
    {
        nr->tdd = tdd->AsString();
    }
    if (special)
    {
        nr->specialSlot = special->AsString();
    }
    if (nr->tdd != "FDD" && nr->tdd != "fdd")
    {
        try
        {
            NrTddPattern::Parse(nr->tdd, nr->specialSlot);
        }
        catch (const std::invalid_argument& e)
        {
            const ConfigNode* at = special ? special : tdd;
            throw InputError(at ? at->GetMark() : bandNode.GetMark(), context + ": " + e.what());
        }
    }
    else
    {
        nr->tdd = "FDD";
    }
    if (const ConfigNode* sched = link.Find("scheduler"))
    {
        nr->scheduler = ReadTypeChoice(*sched, NrSchedulers());
    }
    if (const ConfigNode* errors = link.Find("error_model"))
    {
        nr->errorModel = ReadTypeChoice(*errors, NrErrorModels());
    }
    if (const ConfigNode* ul = link.Find("ul_access"))
    {
        nr->ulAccess = ReadChoice(*ul, {"grant", "configured"}, "uplink access");
    }
    if (const ConfigNode* ms = link.Find("mini_slot"))
    {
        int64_t symbols = ms->AsInteger();
        if (symbols != 0 && symbols != 2 && symbols != 4 && symbols != 7)
        {
            throw InputError(ms->GetMark(),
                             context + ": mini_slot is 0 (full slots), 2, 4 or 7 symbols");
        }
        nr->miniSlotSymbols = static_cast<uint32_t>(symbols);
    }
    const ConfigNode* scenarioNode = nullptr;
    if (const ConfigNode* prop = link.Find("propagation"))
    {
        prop->CheckKeys({"scenario", "condition", "shadowing"}, context + " propagation");
        if (const ConfigNode* sc = prop->Find("scenario"))
        {
            nr->scenario = ReadTypeChoice(*sc, NrScenarios());
            scenarioNode = sc;
        }
        if (const ConfigNode* cond = prop->Find("condition"))
        {
            nr->condition = ReadChoice(*cond, {"Auto", "LOS", "NLOS"}, "channel condition");
        }
        if (const ConfigNode* sh = prop->Find("shadowing"))
        {
            nr->shadowing = sh->AsBool();
        }
    }
    // The scenario's path loss model must cover the band (RMa: up to 30 GHz, TR 38.901 Table
    // 7.4.1-1), or the channel would abort when it builds it.
    Ptr<NrPropagationScenario> scenario =
        DynamicCast<NrPropagationScenario>(ObjectFactory(nr->scenario).Create());
    if (nr->frequency > scenario->GetMaxFrequency())
    {
        std::ostringstream message;
        message << context << ": band " << nr->band << " (" << nr->frequency / 1e9
                << " GHz) is above the " << scenario->GetMaxFrequency() / 1e9
                << " GHz that the path loss model of propagation scenario "
                << NrScenarios().GetAlias(nr->scenario) << " covers";
        const ConfigNode* at = scenarioNode ? scenarioNode : carrier;
        throw InputError(at ? at->GetMark() : bandNode.GetMark(), message.str());
    }
    if (const ConfigNode* sleep = link.Find("sleep"))
    {
        nr->sleep = ReadChoice(*sleep, {"micro", "light", "deep"}, "sleep state");
    }
    if (const ConfigNode* ssb = link.Find("ssb_period"))
    {
        // TS 38.331 ssb-periodicityServingCell: ms5, ms10, ms20, ms40, ms80, ms160.
        const double period = ssb->AsDuration();
        bool allowed = false;
        for (double ms : {5.0, 10.0, 20.0, 40.0, 80.0, 160.0})
        {
            allowed = allowed || std::abs(period - ms * 1e-3) < 1e-9;
        }
        if (!allowed)
        {
            throw InputError(ssb->GetMark(),
                             context + ": ssb_period is 5ms, 10ms, 20ms, 40ms, 80ms or 160ms "
                                       "(TS 38.331 ssb-periodicityServingCell)");
        }
        nr->ssbPeriod = period;
    }
    if (const ConfigNode* power = link.Find("power"))
    {
        ReadStationPower(*power, NrGnbPowerModels(), context + " power", nr->power);
    }
    // sleep and ssb_period are settings of the power model: one without them would ignore them.
    for (const auto& [key, attribute] :
         {std::pair<const char*, const char*>{"sleep", "MaxSleepState"},
          {"ssb_period", "SsbPeriod"}})
    {
        TypeId::AttributeInformation info;
        const ConfigNode* node = link.Find(key);
        if (node && !TypeId::LookupByName(nr->power.model).LookupAttributeByName(attribute, &info))
        {
            throw InputError(node->GetMark(),
                             context + ": " + key + " sets the power model's " + attribute +
                                 ", and power model " +
                                 NrGnbPowerModels().GetAlias(nr->power.model) + " has none");
        }
    }
    if (const ConfigNode* ho = link.Find("handover"))
    {
        const std::string hoContext = context + " handover";
        ho->CheckKeys(
            {"hysteresis", "offset", "time_to_trigger", "interruption", "measurement_period"},
            hoContext);
        if (const ConfigNode* h = ho->Find("hysteresis"))
        {
            nr->handover.hysteresisDb = ReadDecibels(*h, 0, 15, hoContext + " hysteresis");
        }
        if (const ConfigNode* o = ho->Find("offset"))
        {
            nr->handover.offsetDb = ReadDecibels(*o, -15, 15, hoContext + " offset");
        }
        if (const ConfigNode* t = ho->Find("time_to_trigger"))
        {
            nr->handover.timeToTrigger = t->AsDuration();
        }
        if (const ConfigNode* i = ho->Find("interruption"))
        {
            nr->handover.interruption = i->AsDuration();
        }
        if (const ConfigNode* p = ho->Find("measurement_period"))
        {
            nr->handover.measurementPeriod = p->AsDuration();
            if (nr->handover.measurementPeriod < 1e-3)
            {
                throw InputError(p->GetMark(), hoContext + ": measurement_period is at least 1ms");
            }
        }
    }
    return nr;
}

/**
 * Asks the gNB model whether the cell the scenario describes can run, with the attributes the
 * runner will give it (its own keys first, then `attributes:`), so that a frame with no uplink
 * TTI or configured grants that do not fit are input errors here instead of aborts in the run.
 */
void
CheckNrCellRuns(const ConfigNode& link, const NrLinkConfig& nr, const LinkReadContext& ctx)
{
    Ptr<NrGnbNetDevice> gnb = CreateObject<NrGnbNetDevice>();
    gnb->SetAttribute("Mu", UintegerValue(nr.numerology));
    gnb->SetAttribute("TddPattern", StringValue(nr.tdd));
    gnb->SetAttribute("SpecialSlot", StringValue(nr.specialSlot));
    gnb->SetAttribute("MiniSlotSymbols", UintegerValue(nr.miniSlotSymbols));
    gnb->SetAttribute("UlAccess", StringValue(nr.ulAccess));
    for (const auto& [attribute, value] : nr.deviceAttributes)
    {
        gnb->SetAttribute(attribute, StringValue(value));
    }
    try
    {
        gnb->CheckConfiguration(nr.bandwidth, NrBandProfile::Find(nr.band)->fr2, ctx.b.count);
    }
    catch (const std::invalid_argument& e)
    {
        const ConfigNode* at = nullptr;
        for (const char* key : {"tdd", "special_slot", "mini_slot", "ul_access", "attributes"})
        {
            at = at ? at : link.Find(key);
        }
        throw InputError(at ? at->GetMark() : ctx.link.mark, ctx.context + ": " + e.what());
    }
}

/**
 * NR cells that serve the same UEs form one radio network: each UE has one NR device on one
 * carrier and hands over between the cells, so they must agree on everything the UE sees.
 */
void
CheckSameRadioNetwork(const NrLinkConfig& first,
                      const NrLinkConfig& cell,
                      const std::string& firstName,
                      const LinkSpec& link,
                      const std::string& context)
{
    auto text = [](auto v) {
        std::ostringstream o;
        o << v;
        return o.str();
    };
    const std::vector<std::tuple<std::string, std::string, std::string>> fields = {
        {"band", first.band, cell.band},
        {"carrier", text(first.frequency), text(cell.frequency)},
        {"bandwidth", text(first.bandwidth), text(cell.bandwidth)},
        {"numerology", text(+first.numerology), text(+cell.numerology)},
        {"tdd", first.tdd, cell.tdd},
        {"special_slot", first.specialSlot, cell.specialSlot},
        {"mini_slot", text(first.miniSlotSymbols), text(cell.miniSlotSymbols)},
        {"ue", first.ue, cell.ue},
        {"propagation scenario",
         NrScenarios().GetAlias(first.scenario),
         NrScenarios().GetAlias(cell.scenario)},
        {"propagation condition", first.condition, cell.condition},
        {"propagation shadowing", text(first.shadowing), text(cell.shadowing)},
    };
    for (const auto& [what, a, b] : fields)
    {
        if (a != b)
        {
            throw InputError(link.mark,
                             context + ": its UEs '" + link.b + "' are also served by link '" +
                                 firstName +
                                 "', so both cells must share one carrier and UE "
                                 "class; " +
                                 what + " differs ('" + a + "' there, '" + b + "' here)");
        }
    }
    if (!(first.ueRadio == cell.ueRadio))
    {
        throw InputError(link.mark,
                         context + ": its UEs '" + link.b + "' are also served by link '" +
                             firstName + "', so both cells need the same ue_radio");
    }
    if (!(first.handover == cell.handover))
    {
        throw InputError(link.mark,
                         context + ": its UEs '" + link.b + "' are also served by link '" +
                             firstName + "', so both cells need the same handover settings");
    }
}

} // namespace

const TypeChoice&
NrSchedulers()
{
    static const TypeChoice choice{
        "scheduler",
        "ns3::blueprint::NrMacScheduler",
        &BuildsA<NrMacScheduler>,
        {{"rr", "ns3::blueprint::NrMacSchedulerRr"}, {"pf", "ns3::blueprint::NrMacSchedulerPf"}}};
    return choice;
}

const TypeChoice&
NrErrorModels()
{
    static const TypeChoice choice{"error model",
                                   "ns3::blueprint::NrErrorModel",
                                   &BuildsA<NrErrorModel>,
                                   {{"shannon", "ns3::blueprint::NrShannonErrorModel"}}};
    return choice;
}

const TypeChoice&
NrScenarios()
{
    static const TypeChoice choice{"propagation scenario",
                                   "ns3::blueprint::NrPropagationScenario",
                                   &BuildsA<NrPropagationScenario>,
                                   {{"RMa", "ns3::blueprint::NrRmaScenario"},
                                    {"UMa", "ns3::blueprint::NrUmaScenario"},
                                    {"UMi", "ns3::blueprint::NrUmiStreetCanyonScenario"}}};
    return choice;
}

const TypeChoice&
NrGnbPowerModels()
{
    static const TypeChoice choice{"gNB power model",
                                   "ns3::blueprint::NrGnbPowerModel",
                                   &BuildsA<NrGnbPowerModel>,
                                   {{"earth", "ns3::blueprint::NrGnbEnergyModel"}}};
    return choice;
}

std::shared_ptr<NrLinkConfig>
ReadNrLink(const ConfigNode& link, const LinkReadContext& ctx)
{
    std::shared_ptr<NrLinkConfig> nr = ReadNrCell(link, ctx.context);
    if (const ConfigNode* attrs = link.Find("attributes"))
    {
        nr->deviceAttributes = ReadAttributesOf(*attrs, "ns3::blueprint::NrGnbNetDevice");
    }
    CheckNrCellRuns(link, *nr, ctx);
    return nr;
}

void
CheckNrRadioNetworks(const std::vector<const LinkSpec*>& cells)
{
    // The first NR link that serves the same UEs; the others are checked against it.
    std::unordered_map<std::string, const LinkSpec*> firstCellOfUes;
    for (const LinkSpec* l : cells)
    {
        const auto [first, isFirst] = firstCellOfUes.emplace(l->b, l);
        if (!isFirst)
        {
            const LinkSpec& other = *first->second;
            CheckSameRadioNetwork(other.Config<NrLinkConfig>(),
                                  l->Config<NrLinkConfig>(),
                                  other.name,
                                  *l,
                                  "link '" + l->name + "'");
        }
    }
}

} // namespace blueprint
} // namespace ns3
