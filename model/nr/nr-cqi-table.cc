/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-cqi-table.h"

#include <array>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

namespace
{

/*
 * TS 38.214 Tables 5.2.2.1-2 and 5.2.2.1-3, CQI 1..15 (CQI 0 means "out of range"): Q_m, code
 * rate x 1024 and spectral efficiency as the tables print them (rates from TS 38.214,
 * efficiencies as in 5G-LENA's nr-mcs-tables.cc); every efficiency equals Q_m * R rounded to four
 * decimals.
 */

/// TS 38.214 Table 5.2.2.1-2 (CQI table 1), CQI 1..15.
const std::array<NrCqiEntry, NR_MAX_CQI> kTable1 = {{
    {2, 78, 0.1523},
    {2, 120, 0.2344},
    {2, 193, 0.3770},
    {2, 308, 0.6016},
    {2, 449, 0.8770},
    {2, 602, 1.1758},
    {4, 378, 1.4766},
    {4, 490, 1.9141},
    {4, 616, 2.4063},
    {6, 466, 2.7305},
    {6, 567, 3.3223},
    {6, 666, 3.9023},
    {6, 772, 4.5234},
    {6, 873, 5.1152},
    {6, 948, 5.5547},
}};

/// TS 38.214 Table 5.2.2.1-3 (CQI table 2), CQI 1..15.
const std::array<NrCqiEntry, NR_MAX_CQI> kTable2 = {{
    {2, 78, 0.1523},
    {2, 193, 0.3770},
    {2, 449, 0.8770},
    {4, 378, 1.4766},
    {4, 490, 1.9141},
    {4, 616, 2.4063},
    {6, 466, 2.7305},
    {6, 567, 3.3223},
    {6, 666, 3.9023},
    {6, 772, 4.5234},
    {6, 873, 5.1152},
    {8, 711, 5.5547},
    {8, 797, 6.2266},
    {8, 885, 6.9141},
    {8, 948, 7.4063},
}};

} // namespace

double
NrCqiEntry::GetCodeRate() const
{
    return codeRateX1024 / 1024.0;
}

const NrCqiEntry&
NrGetCqi(NrCqiTableId table, uint8_t cqi)
{
    const std::array<NrCqiEntry, NR_MAX_CQI>* rows = nullptr;
    switch (table)
    {
    case NrCqiTableId::Table1:
        rows = &kTable1;
        break;
    case NrCqiTableId::Table2:
        rows = &kTable2;
        break;
    }
    if (rows == nullptr)
    {
        throw std::invalid_argument("NR CQI table " + std::to_string(static_cast<int>(table)) +
                                    " is not carried (only TS 38.214 Tables 5.2.2.1-2 and -3)");
    }
    if (cqi == 0 || cqi > NR_MAX_CQI)
    {
        throw std::out_of_range("CQI index " + std::to_string(cqi) +
                                (cqi == 0 ? " means out of range and has no modulation or rate"
                                          : " does not exist (CQI has 4 bits)"));
    }
    return (*rows)[cqi - 1];
}

} // namespace blueprint
} // namespace ns3
