/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-bandwidth.h"

#include "ns3/log.h"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrBandwidth");

namespace
{

/// One cell of a maximum transmission bandwidth configuration table.
struct NrbEntry
{
    bool fr2;              //!< FR2 table (TS 38.101-2) or FR1 table (TS 38.101-1)
    uint8_t mu;            //!< numerology
    uint32_t bandwidthMhz; //!< channel bandwidth, MHz
    uint32_t nrb;          //!< maximum transmission bandwidth configuration N_RB
};

/// TS 38.101-1 Table 5.3.2-1 (FR1) and TS 38.101-2 Table 5.3.2-1 (FR2), cells that are not "N/A".
/// The 5..100 MHz cells other than 35/45 MHz are the Rel-15 table (as OpenAirInterface and MATLAB's
/// 5G Toolbox tabulate it; FR2 also itecspec's copy of TS 38.521-2 Table 5.3.2-1). The 35 and
/// 45 MHz columns were added in later releases; their values are those of a public transcription
/// of TS 38.104 Tables 5.3.2-1/5.3.3-1 and each satisfies the note of TS 38.101-1 Table 5.3.3-1,
/// guard = (BW - N_RB * 12 * SCS) / 2 - SCS / 2, with that transcription's minimum guard bands
/// (e.g. 35 MHz at 15 kHz: (35000 - 188 * 180) / 2 - 7.5 = 572.5 kHz). The 3 and 7 MHz columns of
/// Rel-18 are left out.
constexpr NrbEntry NRB_TABLE[] = {
    // FR1, 15 kHz
    {false, 0, 5, 25},
    {false, 0, 10, 52},
    {false, 0, 15, 79},
    {false, 0, 20, 106},
    {false, 0, 25, 133},
    {false, 0, 30, 160},
    {false, 0, 35, 188},
    {false, 0, 40, 216},
    {false, 0, 45, 242},
    {false, 0, 50, 270},
    // FR1, 30 kHz
    {false, 1, 5, 11},
    {false, 1, 10, 24},
    {false, 1, 15, 38},
    {false, 1, 20, 51},
    {false, 1, 25, 65},
    {false, 1, 30, 78},
    {false, 1, 35, 92},
    {false, 1, 40, 106},
    {false, 1, 45, 119},
    {false, 1, 50, 133},
    {false, 1, 60, 162},
    {false, 1, 70, 189},
    {false, 1, 80, 217},
    {false, 1, 90, 245},
    {false, 1, 100, 273},
    // FR1, 60 kHz
    {false, 2, 10, 11},
    {false, 2, 15, 18},
    {false, 2, 20, 24},
    {false, 2, 25, 31},
    {false, 2, 30, 38},
    {false, 2, 35, 44},
    {false, 2, 40, 51},
    {false, 2, 45, 58},
    {false, 2, 50, 65},
    {false, 2, 60, 79},
    {false, 2, 70, 93},
    {false, 2, 80, 107},
    {false, 2, 90, 121},
    {false, 2, 100, 135},
    // FR2, 60 kHz
    {true, 2, 50, 66},
    {true, 2, 100, 132},
    {true, 2, 200, 264},
    // FR2, 120 kHz
    {true, 3, 50, 32},
    {true, 3, 100, 66},
    {true, 3, 200, 132},
    {true, 3, 400, 264},
};

/// \return the subcarrier spacing of numerology mu as the tables label their rows ("30 kHz"), or
/// "numerology N" for a mu no NR release defines (beyond 6, TS 38.211 Table 4.2-1).
std::string
ScsText(uint8_t mu)
{
    constexpr uint8_t LARGEST_DEFINED_MU = 6;
    if (mu > LARGEST_DEFINED_MU)
    {
        return "numerology " + std::to_string(mu);
    }
    return std::to_string(15U << mu) + " kHz";
}

/// \return the frequency range's name and the table that defines it.
std::string
RangeName(bool fr2)
{
    return fr2 ? "FR2 (TS 38.101-2 Table 5.3.2-1)" : "FR1 (TS 38.101-1 Table 5.3.2-1)";
}

} // namespace

std::vector<double>
NrChannelBandwidths(uint8_t mu, bool fr2)
{
    std::vector<double> bandwidths;
    for (const NrbEntry& entry : NRB_TABLE)
    {
        if (entry.fr2 == fr2 && entry.mu == mu)
        {
            bandwidths.push_back(entry.bandwidthMhz * 1e6);
        }
    }
    return bandwidths;
}

uint32_t
NrMaxResourceBlocks(double bandwidthHz, uint8_t mu, bool fr2)
{
    const std::vector<double> valid = NrChannelBandwidths(mu, fr2);
    if (valid.empty())
    {
        throw std::invalid_argument("NR " + RangeName(fr2) + " has no channel bandwidths at " +
                                    ScsText(mu) + "; it uses " +
                                    (fr2 ? "60 and 120 kHz" : "15, 30 and 60 kHz"));
    }
    // Channel bandwidths are whole MHz; allow 1 Hz of rounding from unit conversions.
    const double mhz = std::round(bandwidthHz / 1e6);
    if (std::isfinite(bandwidthHz) && std::abs(bandwidthHz - mhz * 1e6) <= 1.0)
    {
        for (const NrbEntry& entry : NRB_TABLE)
        {
            if (entry.fr2 == fr2 && entry.mu == mu && entry.bandwidthMhz == mhz)
            {
                return entry.nrb;
            }
        }
    }
    std::ostringstream message;
    message << "NR " << RangeName(fr2) << " has no " << bandwidthHz / 1e6 << " MHz channel at "
            << ScsText(mu) << "; valid bandwidths at " << ScsText(mu) << ":";
    for (std::size_t i = 0; i < valid.size(); ++i)
    {
        message << (i == 0 ? " " : ", ") << valid[i] / 1e6;
    }
    message << " MHz";
    throw std::invalid_argument(message.str());
}

} // namespace blueprint
} // namespace ns3
