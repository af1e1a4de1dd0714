/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_TBS_H
#define BLUEPRINT_NR_TBS_H

#include <cstdint>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief The inputs of the transport block size determination of TS 38.214 clause 5.1.3.2
 *        (PDSCH); PUSCH without transform precoding (clause 6.1.4.2) uses the same procedure.
 *
 * The field order is fixed so that aggregate initialisation reads like the srsRAN test vectors:
 * {N_symb^sh, N_DMRS^PRB, N_oh^PRB, Q_m, R x 1024, layers, S, n_PRB}.
 */
struct NrTbsInput
{
    /// N_symb^sh: OFDM symbols of the PDSCH/PUSCH allocation within the slot, 1..14.
    uint32_t symbols = 0;
    /// N_DMRS^PRB: DM-RS resource elements per PRB over the allocation, including the overhead of
    /// DM-RS CDM groups without data.
    uint32_t dmrsRePerPrb = 0;
    /// N_oh^PRB: the RRC xOverhead, one of 0, 6, 12, 18 (0 when not configured, for SI-, RA- and
    /// P-RNTI PDSCH and for Msg3).
    uint32_t overheadRePerPrb = 0;
    /// Q_m: 1 (pi/2-BPSK, PUSCH), 2, 4, 6 or 8.
    uint8_t modulationOrder = 0;
    /// Target code rate R times 1024, in (0, 1024).
    double codeRateX1024 = 0.0;
    /// nu: the layers this transport block is mapped to, 1..4 (one codeword carries at most four
    /// layers, TS 38.211 Table 7.3.1.3-1; an 8-layer PDSCH carries two transport blocks).
    uint32_t layers = 1;
    /// S: the TB scaling factor of TS 38.214 Table 5.1.3.2-2 (1, 0.5 or 0.25; see
    /// NrTbScalingFactor). Anything other than 1 applies only to P-RNTI and RA-RNTI PDSCH.
    double scaling = 1.0;
    /// n_PRB: the PRBs allocated to the transport block, 1..275.
    uint32_t prbs = 0;
};

/**
 * \ingroup blueprint
 * \brief Convert the DCI 1_0 "TB scaling" field to the scaling factor S of TS 38.214
 *        Table 5.1.3.2-2.
 * \param field the field value: 0, 1 or 2.
 * \return 1, 0.5 or 0.25.
 * \throws std::out_of_range for 3 (reserved) and above.
 */
double NrTbScalingFactor(uint8_t field);

/**
 * \ingroup blueprint
 * \brief Determine the transport block size, TS 38.214 clause 5.1.3.2 steps 1-4.
 *
 * N'_RE = 12 N_symb^sh - N_DMRS^PRB - N_oh^PRB; N_RE = min(156, N'_RE) n_PRB;
 * N_info = S N_RE R Q_m nu. For N_info <= 3824 the quantised N'_info selects the smallest entry of
 * Table 5.1.3.2-1 not below it; otherwise the size follows from N'_info and the number of code
 * blocks C (with 3816-bit blocks when R <= 1/4, 8424-bit blocks when N'_info > 8424, one block
 * otherwise), so that every code block carries the same whole number of bytes.
 *
 * \param in the allocation.
 * \return the transport block size A in bits (without the TB CRC).
 * \throws std::invalid_argument if a field is outside the range documented in NrTbsInput or the
 *         DM-RS and overhead leave no resource element per PRB.
 */
uint32_t NrTransportBlockSize(const NrTbsInput& in);

/**
 * \ingroup blueprint
 * \brief Select the LDPC base graph of a transport block, TS 38.212 clause 7.2.2 (PDSCH; clause
 *        6.2.2 for PUSCH is identical).
 *
 * Base graph 2 if A <= 292, or A <= 3824 and R <= 0.67, or R <= 0.25; base graph 1 otherwise.
 * \param tbs the transport block size A in bits, > 0.
 * \param codeRate the target code rate R of the MCS, in (0, 1].
 * \return 1 or 2.
 * \throws std::invalid_argument if tbs is 0 or codeRate is outside (0, 1].
 */
uint8_t NrLdpcBaseGraph(uint32_t tbs, double codeRate);

/**
 * \ingroup blueprint
 * \brief The result of LDPC code block segmentation (TS 38.212 clauses 7.2.1, 7.2.2 and 5.2.2).
 */
struct NrCodeBlockSegmentation
{
    uint8_t baseGraph;         //!< LDPC base graph, 1 or 2 (clause 7.2.2)
    uint32_t tbCrcBits;        //!< L of the TB CRC: 24 if A > 3824, else 16 (clause 7.2.1)
    uint32_t codeBlocks;       //!< C, the number of code blocks
    uint32_t cbCrcBits;        //!< L of each code block's CRC: 24 if C > 1, else 0
    uint32_t bitsPerCodeBlock; //!< K' = B'/C, the bits of one code block including its CRC
};

/**
 * \ingroup blueprint
 * \brief Segment a transport block into LDPC code blocks, TS 38.212 clause 5.2.2.
 *
 * B = A + L_TB. With K_cb = 8448 (base graph 1) or 3840 (base graph 2): C = 1 if B <= K_cb,
 * else C = ceil(B / (K_cb - 24)) and each block carries a 24-bit CRC; B' = B + 24 C; K' = B'/C.
 * \param tbs the transport block size A in bits, > 0.
 * \param codeRate the target code rate R of the MCS, in (0, 1].
 * \return the segmentation. K' is rounded up when C does not divide B', which never happens for
 *         sizes from NrTransportBlockSize.
 * \throws std::invalid_argument as NrLdpcBaseGraph.
 */
NrCodeBlockSegmentation NrSegmentTransportBlock(uint32_t tbs, double codeRate);

/**
 * \ingroup blueprint
 * \brief Get the number of LDPC code blocks of a transport block (TS 38.212 clause 5.2.2).
 * \param tbs the transport block size A in bits, > 0.
 * \param codeRate the target code rate R of the MCS, in (0, 1].
 * \return C.
 * \throws std::invalid_argument as NrLdpcBaseGraph.
 */
uint32_t NrCodeBlocks(uint32_t tbs, double codeRate);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_TBS_H
