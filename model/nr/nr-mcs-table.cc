/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-mcs-table.h"

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
 * The rows below are TS 38.214 Tables 5.1.3.1-1, -2 and -3: modulation order Q_m, target code
 * rate R x 1024 and spectral efficiency Q_m * R rounded to four decimals, as the tables print
 * them. Transcribed from 5G-LENA's nr-mcs-tables.cc (which cites TS 38.214 5.1.3.1-1/-2) and
 * checked against OpenAirInterface's nr_target_code_rate_table1..3; the
 * Q_m boundaries of Table 5.1.3.1-3 (QPSK up to 14, 16QAM up to 20) are those of OAI's
 * nr_get_Qm(). Table 5.1.3.1-2 has two half-integer rates (682.5 and 916.5), kept exactly.
 */

/// TS 38.214 Table 5.1.3.1-1, I_MCS 0..28 (29..31 reserved).
const std::array<NrMcsEntry, 29> kTable1 = {{
    {2, 120, 0.2344}, {2, 157, 0.3066}, {2, 193, 0.3770}, {2, 251, 0.4902}, {2, 308, 0.6016},
    {2, 379, 0.7402}, {2, 449, 0.8770}, {2, 526, 1.0273}, {2, 602, 1.1758}, {2, 679, 1.3262},
    {4, 340, 1.3281}, {4, 378, 1.4766}, {4, 434, 1.6953}, {4, 490, 1.9141}, {4, 553, 2.1602},
    {4, 616, 2.4063}, {4, 658, 2.5703}, {6, 438, 2.5664}, {6, 466, 2.7305}, {6, 517, 3.0293},
    {6, 567, 3.3223}, {6, 616, 3.6094}, {6, 666, 3.9023}, {6, 719, 4.2129}, {6, 772, 4.5234},
    {6, 822, 4.8164}, {6, 873, 5.1152}, {6, 910, 5.3320}, {6, 948, 5.5547},
}};

/// TS 38.214 Table 5.1.3.1-2, I_MCS 0..27 (28..31 reserved).
const std::array<NrMcsEntry, 28> kTable2 = {{
    {2, 120, 0.2344},   {2, 193, 0.3770},   {2, 308, 0.6016}, {2, 449, 0.8770}, {2, 602, 1.1758},
    {4, 378, 1.4766},   {4, 434, 1.6953},   {4, 490, 1.9141}, {4, 553, 2.1602}, {4, 616, 2.4063},
    {4, 658, 2.5703},   {6, 466, 2.7305},   {6, 517, 3.0293}, {6, 567, 3.3223}, {6, 616, 3.6094},
    {6, 666, 3.9023},   {6, 719, 4.2129},   {6, 772, 4.5234}, {6, 822, 4.8164}, {6, 873, 5.1152},
    {8, 682.5, 5.3320}, {8, 711, 5.5547},   {8, 754, 5.8906}, {8, 797, 6.2266}, {8, 841, 6.5703},
    {8, 885, 6.9141},   {8, 916.5, 7.1602}, {8, 948, 7.4063},
}};

/// TS 38.214 Table 5.1.3.1-3, I_MCS 0..28 (29..31 reserved).
const std::array<NrMcsEntry, 29> kTable3 = {{
    {2, 30, 0.0586},  {2, 40, 0.0781},  {2, 50, 0.0977},  {2, 64, 0.1250},  {2, 78, 0.1523},
    {2, 99, 0.1934},  {2, 120, 0.2344}, {2, 157, 0.3066}, {2, 193, 0.3770}, {2, 251, 0.4902},
    {2, 308, 0.6016}, {2, 379, 0.7402}, {2, 449, 0.8770}, {2, 526, 1.0273}, {2, 602, 1.1758},
    {4, 340, 1.3281}, {4, 378, 1.4766}, {4, 434, 1.6953}, {4, 490, 1.9141}, {4, 553, 2.1602},
    {4, 616, 2.4063}, {6, 438, 2.5664}, {6, 466, 2.7305}, {6, 517, 3.0293}, {6, 567, 3.3223},
    {6, 616, 3.6094}, {6, 666, 3.9023}, {6, 719, 4.2129}, {6, 772, 4.5234},
}};

/**
 * \param table an MCS table id.
 * \param[out] size the number of non-reserved rows.
 * \return the first row of that table.
 */
const NrMcsEntry*
TableRows(NrMcsTableId table, std::size_t& size)
{
    switch (table)
    {
    case NrMcsTableId::Qam64:
        size = kTable1.size();
        return kTable1.data();
    case NrMcsTableId::Qam256:
        size = kTable2.size();
        return kTable2.data();
    case NrMcsTableId::Qam64LowSe:
        size = kTable3.size();
        return kTable3.data();
    }
    throw std::invalid_argument("NR MCS table " + std::to_string(static_cast<int>(table)) +
                                " does not exist (TS 38.214 has Tables 5.1.3.1-1, -2 and -3)");
}

} // namespace

double
NrMcsEntry::GetCodeRate() const
{
    return codeRateX1024 / 1024.0;
}

const NrMcsEntry&
NrGetMcs(NrMcsTableId table, uint8_t mcs)
{
    std::size_t size = 0;
    const NrMcsEntry* rows = TableRows(table, size);
    if (mcs >= size)
    {
        throw std::out_of_range("MCS index " + std::to_string(mcs) +
                                " of TS 38.214 Table 5.1.3.1-" +
                                std::to_string(static_cast<int>(table)) +
                                (mcs <= 31 ? " is reserved for retransmissions"
                                           : " does not exist (I_MCS has 5 bits)"));
    }
    return rows[mcs];
}

uint8_t
NrMaxMcs(NrMcsTableId table)
{
    std::size_t size = 0;
    TableRows(table, size);
    return static_cast<uint8_t>(size - 1);
}

} // namespace blueprint
} // namespace ns3
