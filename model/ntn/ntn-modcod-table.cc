/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-modcod-table.h"

namespace ns3
{
namespace blueprint
{

const std::vector<NtnModcod>&
NtnModcodTable::GetDvbS2x()
{
    // ETSI EN 302 307-2 V1.1.1 Table 20a (normal FECFRAME, AWGN, PER 1e-5).
    static const std::vector<NtnModcod> table = {
        {"QPSK 13/45", 0.567805, -2.03},      {"QPSK 9/20", 0.889135, 0.22},
        {"QPSK 11/20", 1.088581, 1.45},       {"8APSK 5/9-L", 1.647211, 4.73},
        {"8APSK 26/45-L", 1.713601, 5.13},    {"8PSK 23/36", 1.896173, 6.12},
        {"8PSK 25/36", 2.062148, 7.02},       {"8PSK 13/18", 2.145136, 7.49},
        {"16APSK 1/2-L", 1.972253, 5.97},     {"16APSK 8/15-L", 2.104850, 6.55},
        {"16APSK 5/9-L", 2.193247, 6.84},     {"16APSK 26/45", 2.281645, 7.51},
        {"16APSK 3/5", 2.370043, 7.80},       {"16APSK 3/5-L", 2.370043, 7.41},
        {"16APSK 28/45", 2.458441, 8.10},     {"16APSK 23/36", 2.524739, 8.38},
        {"16APSK 2/3-L", 2.635236, 8.43},     {"16APSK 25/36", 2.745734, 9.27},
        {"16APSK 13/18", 2.856231, 9.71},     {"16APSK 7/9", 3.077225, 10.65},
        {"16APSK 77/90", 3.386618, 11.99},    {"32APSK 2/3-L", 3.289502, 11.10},
        {"32APSK 32/45", 3.510192, 11.75},    {"32APSK 11/15", 3.620536, 12.17},
        {"32APSK 7/9", 3.841226, 13.05},      {"64APSK 32/45-L", 4.206428, 13.98},
        {"64APSK 11/15", 4.338659, 14.81},    {"64APSK 7/9", 4.603122, 15.47},
        {"64APSK 4/5", 4.735354, 15.87},      {"64APSK 5/6", 4.933701, 16.55},
        {"128APSK 3/4", 5.163248, 17.73},     {"128APSK 7/9", 5.355556, 18.53},
        {"256APSK 29/45-L", 5.065690, 16.98}, {"256APSK 2/3-L", 5.241514, 17.24},
        {"256APSK 31/45-L", 5.417338, 18.10}, {"256APSK 32/45", 5.593162, 18.59},
        {"256APSK 11/15-L", 5.768987, 18.84}, {"256APSK 3/4", 5.900855, 19.57},
    };
    return table;
}

const NtnModcod*
NtnModcodTable::Select(double esN0Db, double marginDb)
{
    // Table 20a is not monotonic (some "-L" MODCODs are more efficient at a lower Es/N0), so
    // every entry is considered, not only a prefix.
    const NtnModcod* best = nullptr;
    for (const NtnModcod& m : GetDvbS2x())
    {
        if (m.esN0Db + marginDb <= esN0Db &&
            (!best || m.spectralEfficiency > best->spectralEfficiency))
        {
            best = &m;
        }
    }
    return best;
}

} // namespace blueprint
} // namespace ns3
