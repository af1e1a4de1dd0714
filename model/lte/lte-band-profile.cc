/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/lte/lte-band-profile.h"

#include "ns3/lte-spectrum-value-helper.h"

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

namespace
{

/// TS 36.101 V17 Table 5.7.3-1 rows of the FDD bands MIC assigned to Japan's mobile operators.
/// Default carriers (assumptions, inside the Japanese assignments): 2 GHz band 2110-2170 MHz,
/// 1.7 GHz band 1844.9-1879.9 MHz, 900 MHz band 945-960 MHz, 800 MHz bands 860-890 MHz, 700 MHz
/// band 773-803 MHz (downlink). Default bandwidth 20 MHz, or 15 MHz where the band (18, 19) or
/// the Japanese block (900 MHz, 945-960 MHz) is 15 MHz wide.
const std::vector<LteBandProfile>&
Catalogue()
{
    static const std::vector<LteBandProfile> catalogue = [] {
        const std::string table = "TS 36.101 Table 5.7.3-1";
        std::vector<LteBandProfile> c;
        c.push_back({1, "2 GHz", 2110, 0, 0, 599, 1920, 18000, 2140, 20, table});
        c.push_back({3, "1.7 GHz", 1805, 1200, 1200, 1949, 1710, 19200, 1865, 20, table});
        c.push_back({8, "900 MHz", 925, 3450, 3450, 3799, 880, 21450, 952.5, 15, table});
        c.push_back({18, "800 MHz", 860, 5850, 5850, 5999, 815, 23850, 867.5, 15, table});
        c.push_back({19, "800 MHz", 875, 6000, 6000, 6149, 830, 24000, 882.5, 15, table});
        c.push_back({26, "800 MHz", 859, 8690, 8690, 9039, 814, 26690, 880, 20, table});
        c.push_back({28, "700 MHz", 758, 9210, 9210, 9659, 703, 27210, 788, 20, table});
        return c;
    }();
    return catalogue;
}

} // namespace

double
LteBandProfile::GetDlHighMhz() const
{
    return dlLowMhz + 0.1 * (dlLast - dlOffset + 1);
}

double
LteBandProfile::GetDuplexMhz() const
{
    return dlLowMhz - ulLowMhz;
}

uint32_t
LteBandProfile::GetDlEarfcn(double dlMhz) const
{
    return dlOffset + static_cast<uint32_t>(std::lround((dlMhz - dlLowMhz) * 10));
}

uint32_t
LteBandProfile::GetUlEarfcn(double dlMhz) const
{
    double ulMhz = dlMhz - GetDuplexMhz();
    return ulOffset + static_cast<uint32_t>(std::lround((ulMhz - ulLowMhz) * 10));
}

bool
LteBandProfile::Fits(double dlMhz, double bandwidthMhz) const
{
    const double eps = 1e-9;
    return dlMhz - bandwidthMhz / 2 >= dlLowMhz - eps &&
           dlMhz + bandwidthMhz / 2 <= GetDlHighMhz() + eps;
}

const LteBandProfile*
LteBandProfile::Find(uint16_t band)
{
    for (const auto& b : Catalogue())
    {
        if (b.band == band)
        {
            return &b;
        }
    }
    return nullptr;
}

std::vector<std::string>
LteBandProfile::Names()
{
    std::vector<std::string> names;
    for (const auto& b : Catalogue())
    {
        names.push_back(std::to_string(b.band));
    }
    return names;
}

uint16_t
LteResourceBlocks(double bandwidthHz)
{
    // TS 36.101 Table 5.6-1: transmission bandwidth configuration N_RB.
    static const std::map<double, uint16_t> table =
        {{1.4e6, 6}, {3e6, 15}, {5e6, 25}, {10e6, 50}, {15e6, 75}, {20e6, 100}};
    for (const auto& [hz, rbs] : table)
    {
        if (std::abs(bandwidthHz - hz) < 1.0)
        {
            return rbs;
        }
    }
    throw std::invalid_argument("an LTE channel is 1.4, 3, 5, 10, 15 or 20 MHz wide "
                                "(TS 36.101 Table 5.6-1)");
}

uint32_t
LteSimulatedEarfcn(double mhz, bool downlink)
{
    // Channel numbers ns-3 3.37 knows: downlink 0-9999 covers its FDD bands 1-21, uplink
    // 18000-27999 the paired uplinks (TS 36.101 ranges). Unknown numbers give 0 Hz.
    uint32_t first = downlink ? 0 : 18000;
    uint32_t last = downlink ? 9999 : 27999;
    uint32_t best = 0;
    double bestGap = std::numeric_limits<double>::max();
    for (uint32_t n = first; n <= last; ++n)
    {
        double hz = downlink ? LteSpectrumValueHelper::GetDownlinkCarrierFrequency(n)
                             : LteSpectrumValueHelper::GetUplinkCarrierFrequency(n);
        if (hz <= 0)
        {
            continue;
        }
        double gap = std::abs(hz / 1e6 - mhz);
        if (gap < bestGap - 1e-9)
        {
            bestGap = gap;
            best = n;
        }
    }
    return best;
}

} // namespace blueprint
} // namespace ns3
