/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_UL_OCCASIONS_H
#define BLUEPRINT_NR_UL_OCCASIONS_H

#include "model/nr/nr-cell-state.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief The uplink occasions a cell gives its UEs: each UE's scheduling request resource, and
 * with UlAccess "configured" its configured grant (TS 38.321 clause 5.8.2, type 1).
 *
 * **SR occasions.** Each member UE gets its own SR resource (NrSrResources: 12 per PUCCH PRB,
 * PucchSrPrbs PRBs per uplink TTI) on an offset of the SR period that has a PUCCH; the UEs take
 * the usable offsets in turn. When they outnumber the resources of SrPeriodicity, the period
 * grows to the shortest TS 38.331 period that gives every UE one (NrSrResources::ChoosePeriod).
 *
 * **Configured grant occasions.** Each member UE owns ConfiguredGrantPrbs PRBs in every
 * ConfiguredGrantPeriod-th TTI, on an offset that carries a PUSCH: the least loaded one (the
 * first on a tie). With ConfiguredGrantPrbs 0 the UEs go round the usable offsets and the UEs of
 * one offset share its PRBs equally. The PRBs reserved per offset are what dynamic grants cannot
 * use in that TTI.
 *
 * An offset o of a period P is usable when some TTI o + kP of one common period of the TDD
 * pattern and P carries what it needs (a PUCCH for an SR, a PUSCH for a configured grant).
 */
class NrUlOccasions
{
  public:
    /// Create the occasions of an empty cell.
    NrUlOccasions();

    /**
     * \brief Assign the occasions of the member UEs of a configured cell (srOffset, cgOffset,
     * cgPrbs of each NrMacUe).
     * \param cell the cell.
     * \param strict abort when the configured grants do not fit (a configuration error at
     *        start-up); otherwise (UEs arriving by handover) a UE for which there is no room gets
     *        no configured grant and asks by scheduling request.
     */
    void Assign(NrCellState& cell, bool strict);

    /// \return the SR period in use, TTIs.
    uint32_t GetSrPeriod() const;

    /**
     * \param tti an uplink TTI.
     * \return the PRBs configured grants reserve in it (0 without configured grants).
     */
    uint32_t GetReserved(uint64_t tti) const;

    /**
     * \brief Check that the configured grants of some UEs fit their occasions.
     *
     * The same count as Assign() makes, without a cell: a scenario reader reports the misfit
     * before anything runs.
     * \param config the configuration.
     * \param grid its TTI grid.
     * \param prbs the PRBs of the carrier.
     * \param ues the UEs.
     * \throws std::invalid_argument if they do not fit.
     */
    static void CheckFit(const NrCellMacConfig& config,
                         const NrTtiGrid& grid,
                         uint32_t prbs,
                         uint32_t ues);

  private:
    /**
     * \brief Assign configured grants, sharing each offset's PRBs (ConfiguredGrantPrbs 0).
     * \param cell the cell.
     * \param offsets the usable offsets.
     * \param strict see Assign().
     */
    void ShareOccasions(NrCellState& cell, const std::vector<uint64_t>& offsets, bool strict);

    uint32_t m_srPeriod;                //!< SR period in use, TTIs
    uint32_t m_cgPeriod;                //!< configured grant period, TTIs (0: none)
    std::vector<uint32_t> m_cgReserved; //!< PRBs reserved per configured grant offset
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_UL_OCCASIONS_H */
