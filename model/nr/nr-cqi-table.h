/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_CQI_TABLE_H
#define BLUEPRINT_NR_CQI_TABLE_H

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The 4-bit CQI tables of 3GPP TS 38.214 clause 5.2.2.1 that this module carries.
 *
 * Table1 is TS 38.214 Table 5.2.2.1-2 (up to 64QAM, RRC cqi-Table "table1") and Table2 is
 * Table 5.2.2.1-3 (up to 256QAM, "table2"); both are defined for a transport block error
 * probability of 0.1. (Table 5.2.2.1-1 is the CQI-to-PMI-type table, not a CQI table, which is
 * why the numbering is offset by one; 5G-LENA's code comments use the same numbering.) The
 * low-BLER Table 5.2.2.1-4 ("table3", target 1e-5) is left out until its values are verified.
 */
enum class NrCqiTableId : uint8_t
{
    Table1 = 1, //!< TS 38.214 Table 5.2.2.1-2
    Table2 = 2  //!< TS 38.214 Table 5.2.2.1-3
};

/**
 * \ingroup blueprint
 * \brief One row of a TS 38.214 CQI table.
 */
struct NrCqiEntry
{
    uint8_t modulationOrder;   //!< Q_m: 2 QPSK, 4 16QAM, 6 64QAM, 8 256QAM
    double codeRateX1024;      //!< code rate R times 1024, as the table gives it
    double spectralEfficiency; //!< Q_m * R in bit per resource element, as the table gives it

    /**
     * \return the code rate R, i.e. codeRateX1024 / 1024.
     */
    double GetCodeRate() const;
};

/**
 * \ingroup blueprint
 * \brief The highest CQI index of the 4-bit CQI tables.
 */
constexpr uint8_t NR_MAX_CQI = 15;

/**
 * \ingroup blueprint
 * \brief Look one CQI index up.
 * \param table the CQI table.
 * \param cqi the CQI index, 1..15.
 * \return the table row; it lives as long as the program.
 * \throws std::out_of_range for CQI 0 ("out of range": no modulation and rate is reported) and
 *         for indices above 15.
 * \throws std::invalid_argument if table is not one of the carried tables.
 */
const NrCqiEntry& NrGetCqi(NrCqiTableId table, uint8_t cqi);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_CQI_TABLE_H
