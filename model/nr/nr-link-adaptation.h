/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_LINK_ADAPTATION_H
#define BLUEPRINT_NR_LINK_ADAPTATION_H

#include "model/nr/nr-cqi-table.h"
#include "model/nr/nr-error-model.h"
#include "model/nr/nr-mcs-table.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Link adaptation: effective SINR -> CQI -> MCS.
 *
 * The CQI is the one TS 38.214 clause 5.2.2.1 asks a UE to report: the highest CQI index whose
 * modulation and code rate would be received with a transport block error probability not above
 * 0.1; CQI 0 ("out of range") when even CQI 1 would not. The error probability is the cell's
 * NrErrorModel's, the same instance that draws the outcome of each transmission, and since its
 * curve is 0.1 at the threshold and decreasing in SINR, "BLER <= 0.1" is
 * "SINR >= NrErrorModel::GetSinrThreshold", whatever the transport block size. The gNB then picks
 * the highest MCS index of its MCS table whose spectral efficiency does not exceed the reported
 * CQI's, which therefore also has BLER <= 0.1 at that SINR. When no MCS qualifies (CQI 0, or
 * CQI 1 with SE 0.1523 against the 64QAM and 256QAM tables, whose lowest entry has SE 0.2344)
 * the result is MCS 0, the most robust entry, so a scheduled UE still gets a transmission; its
 * BLER is then above 0.1.
 */
class NrLinkAdaptation
{
  public:
    /**
     * \brief Get the CQI a UE reports at an effective SINR (TS 38.214 clause 5.2.2.1).
     * \param sinrLinear the effective SINR, linear, >= 0.
     * \param table the configured CQI table.
     * \param errorModel the cell's error model.
     * \return 0..15.
     * \throws std::invalid_argument if sinrLinear is negative or NaN, or table is invalid.
     */
    static uint8_t SinrToCqi(double sinrLinear, NrCqiTableId table, const NrErrorModel& errorModel);

    /**
     * \brief Map a reported CQI to the MCS the gNB uses.
     * \param cqi the CQI, 0..15.
     * \param cqiTable the CQI table the CQI refers to.
     * \param mcsTable the MCS table the gNB schedules with.
     * \return the highest MCS index whose spectral efficiency is <= the CQI's; 0 for CQI 0 or
     *         when every MCS of the table exceeds the CQI's efficiency.
     * \throws std::out_of_range if cqi > 15.
     * \throws std::invalid_argument if a table id is invalid.
     */
    static uint8_t CqiToMcs(uint8_t cqi, NrCqiTableId cqiTable, NrMcsTableId mcsTable);

    /**
     * \brief Get the MCS for an effective SINR: SinrToCqi with GetCqiTable(mcsTable), then
     *        CqiToMcs.
     * \param sinrLinear the effective SINR, linear, >= 0.
     * \param mcsTable the MCS table the gNB schedules with.
     * \param errorModel the cell's error model.
     * \return an MCS index of mcsTable.
     * \throws std::invalid_argument as SinrToCqi.
     */
    static uint8_t SinrToMcs(double sinrLinear,
                             NrMcsTableId mcsTable,
                             const NrErrorModel& errorModel);

    /**
     * \brief Get the CQI table that goes with an MCS table.
     *
     * 64QAM MCS table with CQI table 1 and 256QAM with CQI table 2, the pairs whose top entries
     * coincide. The low-SE MCS table would pair with CQI table 3 (target BLER 1e-5), which is not
     * carried; RRC configures cqi-Table and mcs-Table independently, so it is paired with CQI
     * table 1 and therefore adapts to a 10 % BLER target, not to URLLC reliability.
     * \param mcsTable the MCS table.
     * \return the CQI table.
     * \throws std::invalid_argument if mcsTable is invalid.
     */
    static NrCqiTableId GetCqiTable(NrMcsTableId mcsTable);
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_LINK_ADAPTATION_H
