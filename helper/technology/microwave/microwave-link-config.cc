/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/microwave/microwave-link-config.h"

#include "model/microwave/microwave-acm-table.h"
#include "model/microwave/microwave-equipment.h"

#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

/// A preset: a band, a typical carrier and channel, dishes and radio for its usual hop.
struct Preset
{
    const char* name;          //!< preset name
    const char* band;          //!< licensed or e-band
    double frequencyHz;        //!< carrier
    double channelWidthHz;     //!< channel width
    double dishM;              //!< dish diameter at both ends
    double txPowerDbm;         //!< transmit power
    double noiseFigureDb;      //!< receiver noise figure
    const char* maxModulation; //!< fastest modulation
    const char* equipment;     //!< MicrowaveEquipment name
};

// Channel widths: ITU-R F.385/F.386/F.595/F.637/F.749 channel arrangements (28/56 MHz rasters)
// and ITU-R F.2006 for 71-76/81-86 GHz (250 MHz multiples). Transmit power and noise figure of
// the licensed presets: RACOM RAy3 technical parameters (up to +13 dBm QPSK / +10 dBm QAM at
// 10 GHz, noise figure 3 dB typical); higher bands' powers and the E-band noise figure are
// assumptions (mm-wave front ends have more noise and less power).
const Preset PRESETS[] = {
    {"microwave-6ghz", "licensed", 6.7e9, 28e6, 1.2, 10.0, 3.0, "4096QAM", "split-mount"},
    {"microwave-11ghz", "licensed", 11.2e9, 56e6, 0.9, 10.0, 3.0, "4096QAM", "all-outdoor"},
    {"microwave-18ghz", "licensed", 18.0e9, 56e6, 0.6, 10.0, 3.0, "4096QAM", "all-outdoor"},
    {"microwave-23ghz", "licensed", 23.0e9, 56e6, 0.6, 10.0, 5.0, "4096QAM", "all-outdoor"},
    {"microwave-38ghz", "licensed", 38.0e9, 56e6, 0.3, 10.0, 6.0, "1024QAM", "all-outdoor"},
    {"microwave-e-band", "e-band", 73.5e9, 500e6, 0.3, 10.0, 8.0, "256QAM", "e-band"},
};

} // namespace

MicrowaveLinkConfig
MicrowaveLinkConfig::FromPreset(const std::string& name)
{
    for (const Preset& p : PRESETS)
    {
        if (name == p.name)
        {
            MicrowaveLinkConfig c;
            c.preset = p.name;
            c.band = p.band;
            c.frequencyHz = p.frequencyHz;
            c.channelWidthHz = p.channelWidthHz;
            c.antennaADiameterM = p.dishM;
            c.antennaBDiameterM = p.dishM;
            c.txPowerDbm = p.txPowerDbm;
            c.noiseFigureDb = p.noiseFigureDb;
            c.maxModulation = p.maxModulation;
            c.equipment = p.equipment;
            return c;
        }
    }
    throw std::invalid_argument("unknown microwave preset '" + name + "'");
}

std::vector<std::string>
MicrowaveLinkConfig::PresetNames()
{
    std::vector<std::string> names;
    for (const Preset& p : PRESETS)
    {
        names.emplace_back(p.name);
    }
    return names;
}

double
MicrowaveLinkConfig::GetPolarizationTiltDeg() const
{
    return polarization == "horizontal" ? 0.0 : polarization == "vertical" ? 90.0 : 45.0;
}

std::string
MicrowaveLinkConfig::Check() const
{
    std::ostringstream why;
    const double ghz = frequencyHz / 1e9;
    if (band == "licensed" && !(ghz >= 5.925 && ghz <= 43.5))
    {
        why << "frequency " << ghz << " GHz is outside the licensed microwave bands (5.925-43.5 "
            << "GHz)";
    }
    else if (band == "e-band" && !((ghz >= 71 && ghz <= 76) || (ghz >= 81 && ghz <= 86)))
    {
        why << "frequency " << ghz << " GHz is outside the E-band (71-76 and 81-86 GHz)";
    }
    else if (band != "licensed" && band != "e-band")
    {
        why << "unknown band '" << band << "'";
    }
    else if (!(channelWidthHz >= 3.5e6 && channelWidthHz <= (band == "e-band" ? 2e9 : 112e6)))
    {
        why << "channel width " << channelWidthHz / 1e6 << " MHz is outside 3.5-"
            << (band == "e-band" ? "2000" : "112") << " MHz for the " << band << " band";
    }
    const std::size_t n = MicrowaveAcmTable::GetModulations().size();
    const std::size_t lo = MicrowaveAcmTable::IndexOf(minModulation);
    const std::size_t hi = MicrowaveAcmTable::IndexOf(maxModulation);
    if (why.tellp() == 0 && (lo == n || hi == n))
    {
        why << "unknown modulation '" << (lo == n ? minModulation : maxModulation) << "'";
    }
    else if (why.tellp() == 0 && lo > hi)
    {
        why << "the slowest modulation " << minModulation << " is above the fastest "
            << maxModulation;
    }
    else if (why.tellp() == 0 && !MicrowaveEquipment::Find(equipment))
    {
        why << "unknown microwave equipment '" << equipment << "'";
    }
    else if (why.tellp() == 0 && lengthM && !(*lengthM > 0))
    {
        why << "hop length must be greater than zero";
    }
    return why.str();
}

} // namespace blueprint
} // namespace ns3
