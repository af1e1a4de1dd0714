/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_ERROR_MODEL_H
#define BLUEPRINT_NR_ERROR_MODEL_H

#include "model/nr/nr-cqi-table.h"
#include "model/nr/nr-mcs-table.h"

#include "ns3/object.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief The link abstraction of an NR cell: the transport block error rate at an effective
 *        SINR, the SINR a modulation and code rate needs, and how HARQ combines retransmissions.
 *
 * A cell holds one instance (NrGnbNetDevice attribute ErrorModel) and uses it for everything
 * that depends on the error rate, so that the cell's choices and its outcomes agree: link
 * adaptation (the CQI a UE reports and the MCS the gNB picks, NrLinkAdaptation, from
 * GetSinrThreshold), the PDCCH aggregation level (NrPdcch, from GetBler), the uplink's
 * reachable SINR (GetSinrThreshold of MCS 0), the HARQ combining of a retransmission with the
 * earlier attempts (CombineSinr) and the draw of each attempt's outcome (GetBler).
 *
 * A model is any subclass, chosen by TypeId as ns-3's own modules choose theirs
 * (`error_model: ns3::MyErrorModel` in a scenario; "shannon" is NrShannonErrorModel, the
 * default). A subclass gives the threshold and the curve; it keeps them consistent (BLER at the
 * threshold is THRESHOLD_BLER and decreases with SINR), because link adaptation trusts the
 * threshold to mean "BLER at most 10 %" at every transport block size.
 */
class NrErrorModel : public Object
{
  public:
    /// Transport block error rate at the threshold SINR (TS 38.214 clause 5.2.2.1 CQI target).
    static constexpr double THRESHOLD_BLER = 0.1;

    /// SINR thresholds of CQI 0..15 of one CQI table (index 0, "out of range", is 0).
    using CqiThresholds = std::array<double, NR_MAX_CQI + 1>;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \brief Get the SINR at which a modulation and code rate has a transport block error rate of
     *        THRESHOLD_BLER (link adaptation's target).
     * \param mcs the table row (Q_m, R, SE); a CQI row converted to NrMcsEntry works the same.
     * \return the SINR, linear.
     * \throws std::invalid_argument if the row is not a valid modulation and code rate.
     */
    virtual double GetSinrThreshold(const NrMcsEntry& mcs) const = 0;

    /**
     * \brief Get the error rate of one transport block.
     * \param sinrLinear the effective SINR of the (combined) transmission, linear, >= 0.
     * \param mcs the table row used.
     * \param tbsBits the transport block size in bits.
     * \return the BLER in [0, 1].
     * \throws std::invalid_argument if sinrLinear is negative or NaN, tbsBits is 0 or the row is
     *         invalid.
     */
    virtual double GetBler(double sinrLinear, const NrMcsEntry& mcs, uint32_t tbsBits) const = 0;

    /**
     * \brief Combine the transmissions of one HARQ process into the effective SINR of the block.
     *
     * The default is chase combining: every retransmission repeats the same coded bits and the
     * receiver adds them with maximum-ratio combining, so the combined SINR is the sum of the
     * transmissions' SINRs (D. Chase, "Code combining - a maximum-likelihood decoding approach
     * for combining an arbitrary number of noisy packets", IEEE Trans. Commun. 33(5), 385-393,
     * 1985; P. Frenger et al., "Performance comparison of HARQ with Chase combining and
     * incremental redundancy for HSDPA", IEEE VTC 2001-Fall). Incremental redundancy gains more
     * at high rates; chase combining is the conservative choice. A subclass may override it.
     *
     * \param sinrsLinear the effective SINR of each transmission, linear, first one first.
     * \return the effective SINR of the combined block, linear.
     * \throws std::invalid_argument if the list is empty or a value is negative, infinite or NaN.
     */
    virtual double CombineSinr(const std::vector<double>& sinrsLinear) const;

    /**
     * \brief Get GetSinrThreshold of every row of a CQI table, computed once per table and
     *        model (link adaptation asks for them for every waiting UE in every TTI).
     * \param table the CQI table.
     * \return the thresholds of CQI 0..15 (CQI 0 gets 0).
     * \throws std::invalid_argument if the table id is invalid.
     */
    const CqiThresholds& GetCqiThresholds(NrCqiTableId table) const;

  protected:
    /// Forget the thresholds GetCqiThresholds() remembered; a subclass calls it when an
    /// attribute that moves its thresholds changes.
    void ForgetCqiThresholds();

  private:
    /// Per CQI table id (1, 2): its thresholds, once computed.
    mutable std::array<CqiThresholds, 3> m_cqiThresholds{};
    /// Which entries of m_cqiThresholds are computed.
    mutable std::array<bool, 3> m_cqiThresholdsKnown{};
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_ERROR_MODEL_H
