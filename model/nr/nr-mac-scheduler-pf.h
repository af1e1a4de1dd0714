/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_MAC_SCHEDULER_PF_H
#define BLUEPRINT_NR_MAC_SCHEDULER_PF_H

#include "model/nr/nr-mac-scheduler.h"

#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-nr
 * \brief Proportional fair: UEs in decreasing order of instantaneous rate over average
 * throughput.
 *
 * The metric of UE i in TTI n is r_i(n) / T_i(n), r_i the bits per PRB its channel allows now and
 * T_i the exponentially weighted average of the bits it was given per TTI,
 * T_i(n) = (1 - 1/W) T_i(n-1) + (1/W) R_i(n) with W the TimeWindow in TTIs (the scheduler of
 * H. J. Kushner, P. A. Whiting, "Convergence of proportional-fair sharing algorithms under
 * general conditions", IEEE Trans. Wireless Commun. 3(4), 2004; the same metric as ns-3's
 * PfFfMacScheduler). The policy: UEs in decreasing metric (ties by UE index), sharing IN_ORDER:
 * each with the PRBs it needs, until the PRBs run out. With saturated UEs the TTIs alternate
 * between them, so each gets a share of the time and a UE with a better channel gets proportionally
 * more throughput. Averages decay in TTIs in which a UE has no data, so the cost per TTI is
 * proportional to the UEs with data.
 */
class NrMacSchedulerPf : public NrMacScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create the scheduler with no history.
    NrMacSchedulerPf();

    /**
     * \brief Get a UE's average throughput as the scheduler sees it.
     * \param ue the UE index.
     * \param tti the TTI to decay the average to.
     * \return T_i in bits per TTI (0 for a UE never scheduled).
     */
    double GetAverageThroughput(uint32_t ue, uint64_t tti) const;

  protected:
    Sharing GetSharing() const override;
    void PrepareTti(const std::vector<NrUeDemand>& demands, uint64_t tti) override;
    bool Precedes(std::size_t a, std::size_t b) const override;
    void NotifyOutcome(const std::vector<NrUeDemand>& demands,
                       const Outcome& outcome,
                       uint64_t tti) override;

  private:
    /// The average throughput of one UE.
    struct Average
    {
        double bitsPerTti = 0.0; //!< T_i at lastTti
        uint64_t lastTti = 0;    //!< the TTI it was last updated in
    };

    /**
     * \brief Decay an average to a TTI.
     * \param a the average.
     * \param tti the TTI, >= a.lastTti.
     * \return T_i at \p tti before that TTI's service is added.
     */
    double Decayed(const Average& a, uint64_t tti) const;

    uint32_t m_window;                        //!< W, TTIs
    mutable std::vector<double> m_keepPowers; //!< (1 - 1/W)^k by k, as std::pow gives it
    mutable uint32_t m_keepWindow;            //!< the W of m_keepPowers
    std::vector<Average> m_average;           //!< averages by UE index
    std::vector<double> m_metric;             //!< r_i / T_i of each demand of the TTI under way
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_MAC_SCHEDULER_PF_H */
