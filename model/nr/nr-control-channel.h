/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_CONTROL_CHANNEL_H
#define BLUEPRINT_NR_CONTROL_CHANNEL_H

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrErrorModel;

/**
 * \ingroup blueprint
 * \brief The PDCCH of one cell: how many DCIs (grants and assignments) one monitoring occasion
 * carries.
 *
 * **CORESET.** A CORESET spans CoresetPrbs PRBs (a multiple of 6, TS 38.331 ControlResourceSet
 * frequencyDomainResources) and 1-3 symbols (TS 38.211 clause 7.3.2.2). A resource element group
 * is one PRB in one symbol, a CCE six of them, so the CORESET holds N_CCE = PRBs x symbols / 6
 * CCEs (TS 38.211 clause 7.3.2.2). A DCI takes L = 1, 2, 4, 8 or 16 consecutive CCEs (its
 * aggregation level, TS 38.211 Table 7.3.2.1-1).
 *
 * **Aggregation level.** A DCI of K bits (the payload with its 24-bit CRC, TS 38.212 clause
 * 7.3.2) is polar coded onto L CCEs of 6 REGs x 9 data resource elements (3 of a REG's 12 carry
 * the PDCCH DM-RS, TS 38.211 clause 7.4.1.3) x 2 bits (QPSK): code rate K / (108 L). The gNB
 * picks the smallest level whose error rate at the UE's downlink SINR is at most the target
 * (1 %, the PDCCH performance point of TS 38.101-4 clause 5.3), with the error curve of the
 * cell's NrErrorModel for QPSK at that rate and a block of K bits (by default the attenuated
 * Shannon bound of TR 36.942 Annex A.2 fitted to LTE's turbo code, NrShannonErrorModel, stands in
 * for the polar code: assumption). A UE
 * whose SINR meets no level gets the highest level with candidates; its DCI is assumed received
 * (PDCCH errors are not modelled).
 *
 * **Search space.** A UE may be addressed only at its candidates: at level L, candidate m of
 * M_L starts at CCE L ((Y + floor(m N_CCE / (L M_L))) mod floor(N_CCE / L)), with
 * Y = A^(n+1) n_RNTI mod D, A = 39829 (CORESET p = 1), D = 65537 and n the slot in the frame
 * (the UE-specific search space hashing of TS 38.213 clause 10.1, n_CI = 0). A DCI goes on the
 * first candidate whose CCEs are all free; a UE with none free waits for a later occasion.
 */
class NrPdcch
{
  public:
    /// The aggregation levels (TS 38.211 Table 7.3.2.1-1).
    static constexpr std::array<uint32_t, 5> LEVELS = {1, 2, 4, 8, 16};
    /// CRC bits attached to a DCI (TS 38.212 clause 7.3.2).
    static constexpr uint32_t DCI_CRC_BITS = 24;
    /// PDCCH data bits per CCE: 6 REGs x 9 resource elements x 2 bits (TS 38.211 clauses
    /// 7.3.2.2, 7.3.2.4, 7.4.1.3).
    static constexpr uint32_t BITS_PER_CCE = 108;

    /**
     * \brief Get the size of DCI format 1_0 scrambled by C-RNTI (TS 38.212 clause 7.3.1.2.1),
     * which DCI format 0_0 is aligned to (clause 7.3.1.0).
     * \param bwpPrbs the PRBs of the bandwidth part (here the carrier).
     * \return 28 bits of fixed fields + ceil(log2(N (N + 1) / 2)) bits of frequency domain
     *         resource assignment, without the CRC.
     */
    static uint32_t GetDciFormat10Bits(uint32_t bwpPrbs);

    /**
     * \brief Get the CCEs of a CORESET (TS 38.211 clause 7.3.2.2).
     * \param coresetPrbs the CORESET's PRBs.
     * \param symbols its duration in symbols.
     * \return floor(coresetPrbs / 6) x symbols.
     */
    static uint32_t GetCces(uint32_t coresetPrbs, uint32_t symbols);

    /**
     * \brief Get the first CCE of a search space candidate (TS 38.213 clause 10.1).
     * \param rnti the UE's C-RNTI, 1..65519.
     * \param slotInFrame n_s,f, the slot's number in its frame.
     * \param level L.
     * \param candidate m, 0..candidates - 1.
     * \param candidates M_L.
     * \param cces N_CCE of the CORESET (>= L).
     * \return the candidate's first CCE.
     */
    static uint32_t GetCandidateStart(uint32_t rnti,
                                      uint64_t slotInFrame,
                                      uint32_t level,
                                      uint32_t candidate,
                                      uint32_t candidates,
                                      uint32_t cces);

    /**
     * \brief Configure the cell's PDCCH.
     * \param carrierPrbs the PRBs of the carrier (the DCI's resource assignment field).
     * \param candidates M_L per level of LEVELS.
     * \param targetBler the PDCCH error rate a level must reach, in (0, 1).
     * \param errorModel the cell's error model, whose curve stands in for the polar code's.
     * \throws std::invalid_argument if no level has a candidate or targetBler is out of range.
     */
    void Configure(uint32_t carrierPrbs,
                   const std::array<uint32_t, 5>& candidates,
                   double targetBler,
                   const NrErrorModel& errorModel);

    /// \return the DCI size with its CRC, bits.
    uint32_t GetDciBits() const;

    /**
     * \param level an aggregation level of LEVELS.
     * \return the linear SINR at which a DCI at that level reaches the target error rate.
     */
    double GetSinrThreshold(uint32_t level) const;

    /**
     * \brief Choose a UE's aggregation level.
     * \param sinr the UE's downlink SINR, linear.
     * \param cces the CCEs of the occasion (levels above it do not fit).
     * \return the smallest level with candidates that fits and whose threshold the SINR meets;
     *         the largest such level with candidates if none does; 0 if no level fits.
     */
    uint32_t GetAggregationLevel(double sinr, uint32_t cces) const;

    /**
     * \brief Start a monitoring occasion: all CCEs free.
     * \param slotInFrame n_s,f of its slot.
     * \param cces the CCEs of its CORESET.
     */
    void StartOccasion(uint64_t slotInFrame, uint32_t cces);

    /**
     * \brief Place a DCI for a UE in the current occasion.
     * \param rnti the UE's C-RNTI.
     * \param sinr its downlink SINR, linear.
     * \param cceLimit the most CCEs the occasion may have in use after this DCI.
     * \return true if a candidate was free (its CCEs are now used).
     */
    bool Allocate(uint32_t rnti, double sinr, uint32_t cceLimit);

    /// \return the CCEs of the current occasion.
    uint32_t GetCces() const;

    /// \return the CCEs used in the current occasion.
    uint32_t GetUsedCces() const;

    /// \return the DCIs placed in the current occasion.
    uint32_t GetDcis() const;

  private:
    std::array<uint32_t, 5> m_candidates{}; //!< M_L per level
    std::array<double, 5> m_threshold{};    //!< linear SINR per level
    uint32_t m_dciBits = 0;                 //!< DCI payload + CRC
    uint64_t m_slot = 0;                    //!< n_s,f of the current occasion
    std::vector<bool> m_used;               //!< CCEs of the current occasion in use
    uint32_t m_usedCces = 0;                //!< their number
    uint32_t m_dcis = 0;                    //!< DCIs placed in the current occasion
};

/**
 * \ingroup blueprint
 * \brief Scheduling request resources on the PUCCH (TS 38.213 clause 9.2.4).
 *
 * Each UE has its own SR resource (TS 38.331 SchedulingRequestResourceConfig): a PUCCH resource
 * and a periodicity and offset. With PUCCH format 0 in one symbol, one PRB carries 12 SR
 * resources, one per cyclic shift (TS 38.211 clause 6.3.2.3; TS 38.331 PUCCH-format0
 * initialCyclicShift 0..11), so an uplink TTI with P PUCCH PRBs for SR serves 12 P UEs. When a
 * cell has more UEs than its SR period's occasions hold, the gNB must give them a longer period
 * (as it lengthens LTE's SRS period): each UE's SR then waits longer for its occasion.
 */
class NrSrResources
{
  public:
    /// SR resources in one PRB of PUCCH format 0: one per cyclic shift.
    static constexpr uint32_t PER_PRB = 12;

    /**
     * \brief Get the SR periodicities of TS 38.331 SchedulingRequestResourceConfig, in slots
     * (sl1 ... sl640; the sub-slot periods sym2 and sym6or7 are not used).
     * \return 1, 2, 4, 5, 8, 10, 16, 20, 40, 80, 160, 320, 640.
     */
    static const std::vector<uint32_t>& GetPeriods();

    /**
     * \brief Choose the shortest SR period that gives every UE its own resource.
     * \param ues the UEs of the cell.
     * \param perOccasion SR resources per uplink TTI (12 x PUCCH PRBs for SR).
     * \param minimum the configured period, TTIs (periods below it are not used).
     * \param usableOffsets gives the offsets of a period that have an uplink TTI.
     * \return the period; the longest one (640, or minimum if longer) when none suffices, its
     *         resources then shared (collisions are not modelled).
     */
    static uint32_t ChoosePeriod(
        uint32_t ues,
        uint32_t perOccasion,
        uint32_t minimum,
        const std::function<std::vector<uint64_t>(uint32_t)>& usableOffsets);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_CONTROL_CHANNEL_H */
