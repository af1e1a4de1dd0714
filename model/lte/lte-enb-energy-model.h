/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LTE_ENB_ENERGY_MODEL_H
#define BLUEPRINT_LTE_ENB_ENERGY_MODEL_H

#include "model/lte/lte-enb-power-model.h"
#include "model/nr/nr-gnb-energy-model.h"

#include "ns3/lte-common.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

namespace ns3
{

class LteAmc;
class LteEnbNetDevice;

namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Power and energy of one LTE eNB (cell) by the EARTH model, from ns-3's downlink
 * scheduling trace.
 *
 * EARTH (G. Auer et al., "How much energy is needed to run a wireless network?", IEEE Wireless
 * Commun. 18(5), 2011, eq. (1) and Table II) was fitted to LTE base stations: P_in = N_TRX (P0
 * + dp P_out). An LTE Rel-8 cell transmits its cell-specific reference signals in every subframe
 * (TS 36.211 clause 6.10.1), so it never reaches EARTH's sleep mode: an idle subframe costs the
 * awake floor N_TRX P0, and a subframe's load P_out / P_max is the share of its downlink
 * resource blocks carrying PDSCH.
 *
 * ns-3's LteEnbMac reports each downlink transport block it schedules (trace DlScheduling: MCS
 * and size, not its resource blocks). At one MCS the TS 36.213 Table 7.1.7.2.1-1 transport block
 * size grows about in proportion to the resource blocks, so a block's share of the subframe is
 * taken as its size over the size at that MCS on all N_RB (ns-3's own table, LteAmc). The shares
 * of one subframe's blocks are summed and capped at 1.
 *
 * The EARTH row comes from NrGnbEnergyModel::GetEarthParameters (attribute BsType). The model
 * adds no events: GetEnergy() integrates on demand.
 *
 * Idle and sleep, against NR (NrGnbEnergyModel): an idle eNB, like an idle gNB that may not
 * sleep, draws the awake floor N_TRX P0 (780 W for a macro). It cannot sleep deeper: its CRS
 * leave gaps of less than a subframe, shorter than TR 38.864's 6 ms light-sleep transition
 * (Table 5.1-4), and micro sleep is the floor itself. EARTH's P_in includes the power supply,
 * DC-DC and cooling losses, so no site PUE applies (IncludesSiteOverhead()). It is the default
 * LteEnbPowerModel of a cell (`power: {model: earth}`).
 */
class LteEnbEnergyModel : public LteEnbPowerModel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    LteEnbEnergyModel();

    /**
     * \brief EARTH input power of the cell at a load, eq. (1).
     * \param load P_out / P_max, clipped to [0, 1] (0: the awake floor N_TRX P0)
     * \return the power in W
     */
    double GetPower(double load) const;

    /**
     * \brief Share of the subframe's resource blocks a transport block takes.
     * \param mcs the block's MCS (TS 36.213 Table 7.1.7.1-1)
     * \param bytes the block's size in bytes
     * \return size over the transport block size of that MCS on all N_RB, in [0, 1]
     */
    double GetBlockShare(uint8_t mcs, uint32_t bytes) const;

    /**
     * \brief Start metering.
     * \param start the start of the measurement
     */
    void Start(Time start);

    /**
     * \brief DlScheduling trace sink: one scheduled downlink transport block (or two, MIMO).
     * \param info the scheduling report
     */
    void NotifyDlScheduling(DlSchedulingCallbackInfo info);

    /**
     * \brief Get the energy since the start.
     * \param now the end of the measurement (normally Simulator::Now())
     * \return the energy in J
     */
    double GetEnergy(Time now) const override;

    /// \return the EARTH power at zero load, N_TRX P0 (the model has no sleep), W.
    std::optional<double> GetIdlePower() const override;

    /// \return the sum over subframes of their load times 1 ms: the cell's busy time, seconds
    double GetBusySeconds() const;

    /// \return true: EARTH's input power includes the site's power supply and cooling losses
    /// (Auer et al. 2011), so a site PUE must not multiply it
    bool IncludesSiteOverhead() const override;

    /**
     * \brief Meter an eNB: start now and connect to its MAC's DlScheduling trace. The model must
     * outlive the simulation run (the trace holds a plain pointer to it).
     * \param enb the eNB device (installed, its bandwidth final)
     */
    void Attach(Ptr<LteEnbNetDevice> enb) override;

  protected:
    void DoDispose() override;

  private:
    /// Close the open subframe into the busy time.
    void CloseSubframe() const;

    NrGnbEnergyModel::BsType m_bsType;   //!< EARTH Table II row
    uint16_t m_resourceBlocks;           //!< N_RB of the downlink
    Ptr<LteAmc> m_amc;                   //!< ns-3's TBS table
    Time m_start;                        //!< start of the measurement
    mutable double m_busySeconds = 0;    //!< closed subframes' load x duration
    mutable int64_t m_openSubframe = -1; //!< absolute subframe number being summed, or -1
    mutable double m_openLoad = 0;       //!< its summed block shares
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LTE_ENB_ENERGY_MODEL_H
