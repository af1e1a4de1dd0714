/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_UE_ENERGY_MODEL_H
#define BLUEPRINT_NR_UE_ENERGY_MODEL_H

#include "model/nr/nr-gnb-energy-model.h"
#include "model/nr/nr-tti-grid.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{
namespace blueprint
{

class NrUeNetDevice;

/**
 * \ingroup blueprint
 * \brief Power and energy of one UE's NR modem: the 3GPP TR 38.840 (Rel-16 UE power saving)
 * power model, clause 8.1, driven by the serving cell's slot engine.
 *
 * Relative powers (deep sleep = 1; TR 38.840 V16.0.0 clause 8.1, FR1 and FR2 tables): deep
 * sleep 1, light sleep 20, micro sleep 45,
 * PDCCH-only monitoring 100 (FR2 175), PDCCH + PDSCH 300 (FR2 350), UL transmission 250 at
 * 0 dBm or 700 at 23 dBm (FR2 350). Transitions: light sleep 6 ms and 100 relative power x ms,
 * deep sleep 20 ms and 450, micro sleep none. The reference is a 100 MHz BWP with 4 Rx (FR1);
 * BWP and antenna scaling are not applied.
 *
 * Activity: the UE follows its cell. In every TTI the cell's engine runs (a DlTti report) the
 * UE is awake: its downlink symbols are PDCCH + PDSCH if the gNB sent the UE a transport block
 * in them (the DlTb trace names the UE), else PDCCH-only monitoring; its uplink symbols are UL
 * transmission if the UE sent a PUSCH (UlTb), else micro sleep; guard symbols are micro sleep.
 * Where downlink and uplink symbols overlap (FDD) the higher of the two states applies. While
 * the cell is idle (no TTI events) the UE sleeps, as with a connected-mode DRX aligned with the
 * cell's activity: each idle gap is one sleep period in the feasible state (transition time
 * within the gap) of least energy, up to MaxSleepState, with its transition energy added once.
 *
 * PowerUnit converts relative units to W. Default 8.26 mW: the slot-average PDCCH-only current
 * of a Qualcomm Snapdragon X55 module (Simcom SIM8202G-M2) measured at 4.2 V on a 90 MHz n78
 * cell, 182 mA (thesis in github.com/bjoluc/5g-handover-optimization, chapter 3.3), divided by
 * TR 38.840's PDCCH-only power scaled to a 90 MHz BWP, 100 x (0.4 + 0.6 x 70 / 80) = 92.5:
 * 0.182 A x 4.2 V / 92.5 = 8.26 mW. Proportional scaling understates the module's measured
 * sleep floor (40 mA there), so idle-dominated UEs are lower bounds.
 */
class NrUeEnergyModel : public Object
{
  public:
    /// Frequency range of the carrier (TS 38.104 clause 5.1).
    enum FrequencyRange
    {
        FR1, //!< 410-7125 MHz
        FR2  //!< 24.25-71 GHz
    };

    /// Uplink transmit power level of the TR 38.840 FR1 table.
    enum UlTxLevel
    {
        UL_0_DBM, //!< 0 dBm, relative power 250
        UL_23_DBM //!< 23 dBm, relative power 700
    };

    /// UE power states of TR 38.840 clause 8.1.
    enum State
    {
        DEEP_SLEEP,  //!< deep sleep
        LIGHT_SLEEP, //!< light sleep
        MICRO_SLEEP, //!< micro sleep
        PDCCH_ONLY,  //!< PDCCH monitoring without data
        PDCCH_PDSCH, //!< PDCCH and PDSCH reception
        UL_TX        //!< uplink transmission
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create an FR1 model with no grid.
    NrUeEnergyModel();

    /**
     * \brief Get a state's TR 38.840 relative power.
     * \param fr the frequency range.
     * \param level the uplink transmit level (FR1 UL_TX only).
     * \param state the state.
     * \return the relative power (deep sleep = 1).
     */
    static double GetRelativePower(FrequencyRange fr, UlTxLevel level, State state);

    /**
     * \brief Get a state's relative power with this model's attributes.
     * \param state the state.
     * \return the relative power.
     */
    double GetRelativePower(State state) const;

    /**
     * \brief Get a state's power.
     * \param state the state.
     * \return the power in W.
     */
    double GetPower(State state) const;

    /**
     * \brief Choose the sleep state of an idle gap.
     * \param gap the gap's length.
     * \return MICRO_SLEEP, LIGHT_SLEEP or DEEP_SLEEP.
     */
    State ChooseSleepState(Time gap) const;

    /**
     * \brief Energy of one idle gap, transition energy included.
     * \param gap the gap's length.
     * \return the energy in J.
     */
    double GetIdleGapEnergy(Time gap) const;

    /**
     * \brief Set the grid of the serving cell (done by Attach()).
     * \param grid the grid.
     */
    void SetTtiGrid(const NrTtiGrid& grid);

    /**
     * \brief Start metering (done by Attach() at the current simulation time).
     * \param start the start of the measurement.
     */
    void Start(Time start);

    /**
     * \brief Report a TTI the cell ran, after the UE's PDSCH of that TTI (if any) is known.
     * \param tti the TTI index.
     * \param pdsch whether the UE received a PDSCH in it.
     */
    void NotifyDl(uint64_t tti, bool pdsch);

    /**
     * \brief Report the PUSCHs of a TTI.
     * \param tti the TTI index.
     * \param pusch whether the UE transmitted a PUSCH in it.
     */
    void NotifyUl(uint64_t tti, bool pusch);

    /**
     * \brief Get the energy since the start.
     * \param now the end of the measurement (normally Simulator::Now()).
     * \return the energy in J.
     */
    double GetEnergy(Time now) const;

    /// \return the TTIs the UE was awake for since the start.
    uint64_t GetActiveTtis() const;

    /**
     * \brief Price one whole TTI of this UE, without reporting it (SetTtiGrid() first).
     * \param tti the TTI index.
     * \param pdsch the UE received a PDSCH in it.
     * \param pusch the UE sent a PUSCH in it.
     * \return the energy in J.
     */
    double GetTtiEnergy(uint64_t tti, bool pdsch, bool pusch) const;

    /**
     * \brief Meter a UE: take its serving cell's grid, start now, and follow that gNB's DlTb,
     * UlTb, DlTti and UlTti traces for this UE. The model must outlive the simulation run. It
     * stays with that cell: after a handover it would go on listening to the cell the UE left,
     * so meter moving UEs with NrCellUeEnergyModel on every cell.
     * \param ue the UE device, attached to its gNB.
     */
    void Attach(Ptr<NrUeNetDevice> ue);

  private:
    /**
     * \brief Power of one part of an active TTI.
     * \param tti the TTI.
     * \param inDl the part lies in downlink symbols.
     * \param inUl the part lies in uplink symbols.
     * \return the power in W.
     */
    double PartPower(const NrTtiEnergyAccumulator::Tti& tti, bool inDl, bool inUl) const;

    /**
     * \brief DlTb trace sink: remember a PDSCH to this UE in the TTI being scheduled.
     * \param ue the UE index in the cell.
     * \param mcs the MCS.
     * \param prbs the PRBs.
     * \param tbs the TBS.
     * \param attempt the HARQ attempt.
     * \param ok decoded.
     */
    void DlTb(uint32_t ue, uint8_t mcs, uint32_t prbs, uint32_t tbs, uint8_t attempt, bool ok);
    /**
     * \brief UlTb trace sink: remember a PUSCH of this UE in the TTI being run.
     * \param ue the UE index in the cell.
     * \param mcs the MCS.
     * \param prbs the PRBs.
     * \param tbs the TBS.
     * \param attempt the HARQ attempt.
     * \param ok decoded.
     */
    void UlTb(uint32_t ue, uint8_t mcs, uint32_t prbs, uint32_t tbs, uint8_t attempt, bool ok);
    /**
     * \brief DlTti trace sink.
     * \param tti the TTI.
     * \param usedPrbs PDSCH PRBs of the cell.
     * \param prbs the carrier's PRBs.
     */
    void DlTti(uint64_t tti, uint32_t usedPrbs, uint32_t prbs);
    /**
     * \brief UlTti trace sink.
     * \param tti the TTI.
     * \param usedPrbs PUSCH PRBs of the cell.
     * \param prbs the carrier's PRBs.
     */
    void UlTti(uint64_t tti, uint32_t usedPrbs, uint32_t prbs);

    FrequencyRange m_fr;                  //!< frequency range
    UlTxLevel m_ulLevel;                  //!< uplink transmit level
    State m_maxSleep;                     //!< deepest sleep state allowed
    double m_powerUnit;                   //!< W per relative unit
    uint32_t m_ueIndex;                   //!< this UE's index in its cell (Attach())
    bool m_pendingPdsch;                  //!< a DlTb for this UE came before the TTI's DlTti
    bool m_pendingPusch;                  //!< a UlTb for this UE came before the TTI's UlTti
    NrTtiEnergyAccumulator m_accumulator; //!< the integrated energy
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_UE_ENERGY_MODEL_H */
