/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/microwave/microwave-link-reader.h"

#include "model/microwave/microwave-acm-table.h"
#include "model/microwave/microwave-equipment.h"

#include <algorithm>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/**
 * \param node a scalar.
 * \param allowed the words it may be.
 * \param what what it is, for the message.
 * \return the word; \throws InputError with a did-you-mean (or the list) otherwise.
 */
std::string
Word(const ConfigNode& node, const std::vector<std::string>& allowed, const std::string& what)
{
    const std::string value = node.AsString();
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end())
    {
        return value;
    }
    const std::string close = SuggestClosest(value, allowed);
    std::ostringstream m;
    m << "unknown " << what << " '" << value << "'";
    if (close.empty())
    {
        m << "; expected one of:";
        for (const auto& a : allowed)
        {
            m << " " << a;
        }
    }
    else
    {
        m << "; did you mean '" << close << "'?";
    }
    throw InputError(node.GetMark(), m.str());
}

/**
 * \param node the value.
 * \param value what it reads as.
 * \param lo lowest allowed.
 * \param hi highest allowed.
 * \param what what it is, with its unit.
 * \return value; \throws InputError at node if it is outside [lo, hi].
 */
double
Within(const ConfigNode& node, double value, double lo, double hi, const std::string& what)
{
    if (!(value >= lo && value <= hi))
    {
        std::ostringstream m;
        m << what << " must be between " << lo << " and " << hi << ", not " << node.AsString();
        throw InputError(node.GetMark(), m.str());
    }
    return value;
}

} // namespace

const std::vector<std::string>&
MicrowaveLinkKeys()
{
    static const std::vector<std::string> keys = {
        "preset",       "frequency",         "channel_width", "modulation_min", "modulation_max",
        "acm",          "acm_margin",        "antenna_a",     "antenna_b",      "tx_power",
        "noise_figure", "other_losses",      "polarization",  "rain_rate",      "rain_rate_001",
        "availability", "equipment_latency", "length",        "equipment",      "queue"};
    return keys;
}

MicrowaveLinkConfig
ReadMicrowaveLink(const ConfigNode& link,
                  const std::string& context,
                  const std::vector<std::string>& commonKeys)
{
    std::vector<std::string> allowed = commonKeys;
    allowed.insert(allowed.end(), MicrowaveLinkKeys().begin(), MicrowaveLinkKeys().end());
    link.CheckKeys(allowed, context);

    const ConfigNode* preset = link.Find("preset");
    MicrowaveLinkConfig c = MicrowaveLinkConfig::FromPreset(
        preset ? Word(*preset, MicrowaveLinkConfig::PresetNames(), "microwave preset")
               : "microwave-18ghz");
    const std::string bandRange = c.band == "e-band" ? "71-76 or 81-86 GHz" : "5.925-43.5 GHz";
    if (const ConfigNode* v = link.Find("frequency"))
    {
        c.frequencyHz = v->AsFrequency();
        const double ghz = c.frequencyHz / 1e9;
        const bool inBand = c.band == "e-band"
                                ? (ghz >= 71 && ghz <= 76) || (ghz >= 81 && ghz <= 86)
                                : ghz >= 5.925 && ghz <= 43.5;
        if (!inBand)
        {
            throw InputError(v->GetMark(),
                             context + ": frequency " + v->AsString() + " is outside the " +
                                 c.band + " band of preset " + c.preset + " (" + bandRange + ")");
        }
    }
    if (const ConfigNode* v = link.Find("channel_width"))
    {
        const double maxMhz = c.band == "e-band" ? 2000 : 112;
        c.channelWidthHz =
            1e6 * Within(*v, v->AsFrequency() / 1e6, 3.5, maxMhz, "channel_width (MHz)");
    }
    const std::vector<std::string> modulations = MicrowaveAcmTable::GetNames();
    if (const ConfigNode* v = link.Find("modulation_min"))
    {
        c.minModulation = Word(*v, modulations, "modulation");
    }
    if (const ConfigNode* v = link.Find("modulation_max"))
    {
        c.maxModulation = Word(*v, modulations, "modulation");
    }
    if (MicrowaveAcmTable::IndexOf(c.minModulation) > MicrowaveAcmTable::IndexOf(c.maxModulation))
    {
        const ConfigNode* at =
            link.Find("modulation_min") ? link.Find("modulation_min") : link.Find("modulation_max");
        throw InputError(at->GetMark(),
                         context + ": modulation_min " + c.minModulation +
                             " is faster than modulation_max " + c.maxModulation);
    }
    if (const ConfigNode* v = link.Find("acm"))
    {
        c.adaptiveModulation = v->AsBool();
    }
    if (const ConfigNode* v = link.Find("acm_margin"))
    {
        c.acmMarginDb = Within(*v, v->AsDouble(), 0, 20, "acm_margin (dB)");
    }
    if (const ConfigNode* v = link.Find("antenna_a"))
    {
        c.antennaADiameterM = Within(*v, v->AsLength(), 0.1, 4.6, "antenna_a diameter (m)");
    }
    if (const ConfigNode* v = link.Find("antenna_b"))
    {
        c.antennaBDiameterM = Within(*v, v->AsLength(), 0.1, 4.6, "antenna_b diameter (m)");
    }
    if (const ConfigNode* v = link.Find("tx_power"))
    {
        c.txPowerDbm = Within(*v, v->AsDouble(), -30, 35, "tx_power (dBm)");
    }
    if (const ConfigNode* v = link.Find("noise_figure"))
    {
        c.noiseFigureDb = Within(*v, v->AsDouble(), 0, 20, "noise_figure (dB)");
    }
    if (const ConfigNode* v = link.Find("other_losses"))
    {
        c.otherLossesDb = Within(*v, v->AsDouble(), 0, 50, "other_losses (dB)");
    }
    if (const ConfigNode* v = link.Find("polarization"))
    {
        c.polarization = Word(*v, {"horizontal", "vertical", "circular"}, "polarization");
    }
    if (const ConfigNode* v = link.Find("rain_rate"))
    {
        c.rainRateMmH = Within(*v, v->AsDouble(), 0, 500, "rain_rate (mm/h)");
    }
    if (const ConfigNode* v = link.Find("rain_rate_001"))
    {
        c.rainRate001MmH = Within(*v, v->AsDouble(), 1, 250, "rain_rate_001 (mm/h)");
    }
    if (const ConfigNode* v = link.Find("availability"))
    {
        c.availabilityPercent = Within(*v, v->AsDouble(), 99, 99.999, "availability (%)");
    }
    if (const ConfigNode* v = link.Find("equipment_latency"))
    {
        c.equipmentLatencyS = Within(*v, v->AsDuration(), 0, 0.1, "equipment_latency (s)");
    }
    if (const ConfigNode* v = link.Find("length"))
    {
        c.lengthM = Within(*v, v->AsLength(), 1, 200e3, "length (m)");
    }
    if (const ConfigNode* v = link.Find("equipment"))
    {
        c.equipment = Word(*v, MicrowaveEquipment::Names(), "microwave equipment");
    }
    if (const ConfigNode* v = link.Find("queue"))
    {
        c.queueSize = v->AsString();
        std::istringstream in(c.queueSize);
        double n = 0;
        std::string unit;
        in >> n >> unit;
        if (!(n >= 1) || (unit != "p" && unit != "B"))
        {
            throw InputError(v->GetMark(),
                             context + ": queue must be a number of packets or bytes, e.g. "
                                       "100p or 150000B");
        }
    }
    const std::string why = c.Check();
    if (!why.empty())
    {
        throw InputError(link.GetMark(), context + ": " + why);
    }
    return c;
}

} // namespace blueprint
} // namespace ns3
