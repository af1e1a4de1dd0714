/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MCS_TABLE_H
#define BLUEPRINT_NR_MCS_TABLE_H

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The PDSCH/PUSCH MCS index tables of 3GPP TS 38.214.
 *
 * The numeric values are the table numbers: Qam64 is Table 5.1.3.1-1 (up to 64QAM), Qam256 is
 * Table 5.1.3.1-2 (up to 256QAM, RRC mcs-Table "qam256") and Qam64LowSe is Table 5.1.3.1-3 (low
 * spectral efficiency, RRC mcs-Table "qam64LowSE", meant for URLLC).
 */
enum class NrMcsTableId : uint8_t
{
    Qam64 = 1,     //!< TS 38.214 Table 5.1.3.1-1
    Qam256 = 2,    //!< TS 38.214 Table 5.1.3.1-2
    Qam64LowSe = 3 //!< TS 38.214 Table 5.1.3.1-3
};

/**
 * \ingroup blueprint
 * \brief One row of a TS 38.214 MCS index table.
 */
struct NrMcsEntry
{
    uint8_t modulationOrder;   //!< Q_m: 2 QPSK, 4 16QAM, 6 64QAM, 8 256QAM
    double codeRateX1024;      //!< target code rate R times 1024, as the table gives it
    double spectralEfficiency; //!< Q_m * R in bit per resource element, as the table gives it

    /**
     * \return the target code rate R, i.e. codeRateX1024 / 1024.
     */
    double GetCodeRate() const;
};

/**
 * \ingroup blueprint
 * \brief Look one MCS index up.
 * \param table the MCS index table.
 * \param mcs the MCS index I_MCS.
 * \return the table row; it lives as long as the program.
 * \throws std::out_of_range for the reserved indices (29-31 in Tables 5.1.3.1-1 and -3, 28-31 in
 *         Table 5.1.3.1-2, which only signal the modulation order of a retransmission) and for
 *         indices above 31.
 * \throws std::invalid_argument if table is not one of the three tables.
 */
const NrMcsEntry& NrGetMcs(NrMcsTableId table, uint8_t mcs);

/**
 * \ingroup blueprint
 * \brief Get the highest MCS index of a table that is not reserved.
 * \param table the MCS index table.
 * \return 28 for Tables 5.1.3.1-1 and -3, 27 for Table 5.1.3.1-2.
 * \throws std::invalid_argument if table is not one of the three tables.
 */
uint8_t NrMaxMcs(NrMcsTableId table);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_MCS_TABLE_H
