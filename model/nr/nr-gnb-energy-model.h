/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_GNB_ENERGY_MODEL_H
#define BLUEPRINT_NR_GNB_ENERGY_MODEL_H

#include "model/nr/nr-gnb-power-model.h"
#include "model/nr/nr-tti-grid.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace ns3
{
namespace blueprint
{

class NrGnbNetDevice;

/**
 * \ingroup blueprint
 * \brief Integrates the energy of an NR node from per-TTI activity reports, lazily.
 *
 * Shared by NrGnbEnergyModel and NrUeEnergyModel. The slot engine reports each TTI it runs
 * (NrGnbNetDevice traces DlTti and UlTti); idle cells report nothing. The accumulator keeps the
 * latest reported TTI open (its uplink report may still come) and closes it when a later TTI is
 * reported. Closing adds the idle gap before the TTI (priced by the owner's gap function, which
 * knows where the gap lies, e.g. around the cell's SSB bursts) and the TTI itself, split at its
 * downlink and uplink symbol boundaries (the per-symbol summation of TR 38.864 clause 5.2), each
 * part priced by the owner's power function. It schedules no events: GetEnergy() prices the open
 * TTI and the trailing gap on demand.
 */
class NrTtiEnergyAccumulator
{
  public:
    /// What is known about one TTI.
    struct Tti
    {
        uint64_t index = 0;    //!< TTI index on the grid
        bool dlActive = false; //!< data (PDSCH) was sent in its downlink symbols
        bool ulActive = false; //!< data (PUSCH) was sent in its uplink symbols
        double dlLoad = 0.0;   //!< share of the carrier's PRBs carrying PDSCH, 0..1
    };

    /**
     * \brief Power of one part of a TTI.
     * The arguments are the TTI, whether the part lies in its downlink symbols, and whether it
     * lies in its uplink symbols (both in FDD, neither in a guard period); the result is in W.
     */
    using PartPower = std::function<double(const Tti&, bool, bool)>;
    /// Energy of one idle gap from its start to its end (absolute times), in J.
    using GapEnergy = std::function<double(Time, Time)>;

    /**
     * \brief Create an accumulator.
     * \param partPower prices a part of an active TTI.
     * \param gapEnergy prices an idle gap.
     */
    NrTtiEnergyAccumulator(PartPower partPower, GapEnergy gapEnergy);

    /**
     * \brief Set the TTI grid the reports refer to.
     * \param grid the carrier's grid (copied).
     */
    void SetGrid(const NrTtiGrid& grid);

    /// \return true once SetGrid() was called.
    bool HasGrid() const;

    /**
     * \brief Start metering; energy before this time is not counted. Clears earlier reports.
     * \param start the start of the measurement.
     */
    void Start(Time start);

    /**
     * \brief Report a TTI's downlink activity (the first report of that TTI).
     * \param tti the TTI index.
     * \param active whether PDSCH was sent.
     * \param load the share of PRBs carrying PDSCH, 0..1.
     */
    void NotifyDl(uint64_t tti, bool active, double load);

    /**
     * \brief Report a TTI's uplink activity (after its downlink report, if any).
     * \param tti the TTI index.
     * \param active whether PUSCH was received (gNB) or sent (UE).
     */
    void NotifyUl(uint64_t tti, bool active);

    /**
     * \brief Get the energy from the start to a time.
     * \param now the end of the measurement, not before the latest reported TTI's start.
     * \return the energy in J.
     */
    double GetEnergy(Time now) const;

    /// \return the TTIs reported since the start.
    uint64_t GetActiveTtis() const;

    /**
     * \brief Price one whole TTI with the given activity, without reporting it.
     * \param tti the TTI and its activity (SetGrid() must have been called).
     * \return the TTI's energy in J.
     */
    double GetTtiEnergy(const Tti& tti) const;

  private:
    /**
     * \brief Open a TTI, closing the one open before.
     * \param tti the TTI index.
     */
    void Open(uint64_t tti);
    /**
     * \brief Energy of a TTI between two times.
     * \param tti the TTI.
     * \param from the start of the window.
     * \param to the end of the window.
     * \return the energy in J of the TTI's parts inside [from, to].
     */
    double TtiEnergy(const Tti& tti, Time from, Time to) const;

    PartPower m_partPower;             //!< prices TTI parts
    GapEnergy m_gapEnergy;             //!< prices idle gaps
    std::unique_ptr<NrTtiGrid> m_grid; //!< the carrier's grid
    Time m_accountedUntil;             //!< energy is closed up to here
    double m_closedJoules = 0.0;       //!< energy of closed gaps and TTIs
    bool m_hasOpen = false;            //!< m_open holds a TTI
    Tti m_open;                        //!< the latest reported TTI
    uint64_t m_ttis = 0;               //!< TTIs reported
};

/**
 * \ingroup blueprint
 * \brief Power and energy of one gNB (cell), from its slot engine's activity.
 *
 * Two models of the awake cell (attribute Model):
 * - **EARTH** (G. Auer et al., "How much energy is needed to run a wireless network?", IEEE
 *   Wireless Commun. 18(5), 2011, eq. (1) and Table II): P_in = N_TRX (P0 + dp P_out) for
 *   0 < P_out <= P_max. The load P_out / P_max is the share of downlink PRBs carrying PDSCH in a
 *   TTI's downlink symbols. Parts of an active TTI with no PDSCH (uplink symbols, guard, TTIs
 *   without data) are awake with P_out -> 0+, N_TRX P0: the cell is receiving or waiting for
 *   feedback. P_in is the base station's input power with its power supply, DC-DC and cooling
 *   losses (Auer et al., the sigma_DC, sigma_MS and sigma_cool terms of the model's breakdown):
 *   it already includes the site overhead a PUE would add (IncludesSiteOverhead()).
 * - **TR38864** (3GPP TR 38.864 V18.1.0 clause 5.1, Tables 5.1-3 to 5.1-5, relative units with
 *   deep sleep = 1): active DL P_DL = P3 + s_a (P4 - P3) [A + s_f (1 - A)] with s_f the share of
 *   PRBs carrying PDSCH (s_p = eta = 1); active UL P_UL = P3 + s_a (P5 - P3); the rest of an
 *   active TTI micro sleep P3. In FDD the uplink reception is neglected while the downlink
 *   transmits (the TR's simplification). A is "a free parameter" of the reference implementation
 *   (sjeon87/nr, default 0.4); verify it against the TR before relying on the absolute numbers.
 *   PowerUnit converts the TR's relative units to W. The default 4.8 W makes Cat 1 / Set 1 full
 *   load P4 = 280 equal the EARTH macro cell at full load (1344 W, Table II): both then describe
 *   the same macro site, overheads included.
 *
 * **Idle time and sleep.** Between TTIs with activity the cell has no data, but it must still
 * send its SS/PBCH block burst every SsbPeriod (20 ms, the period a UE assumes at initial access,
 * TS 38.213 clause 4.1; TS 38.331 ssb-periodicityServingCell 5-160 ms), each burst lasting
 * SsbBurstDuration, awake at the floor (the SSB's few PRBs are not counted as load). By default
 * (MaxSleepState "micro") an idle cell stays awake at the floor, the awake power with no data
 * (EARTH N_TRX P0, 780 W for a macro; TR 38.864 P3, micro sleep, which has no transition). A
 * planner may let it sleep: each stretch between SSB bursts and activity is one sleep period, in
 * the feasible state (its TR 38.864 Table 5.1-4/5.1-5 transition time fits in the stretch: Cat 1
 * light sleep 6 ms, deep sleep 50 ms; Cat 2 640 ms and 10 s) with the least energy P_state x
 * stretch + E_transition, among micro, light and deep sleep up to MaxSleepState. The sleep powers
 * and transition energies are TR 38.864 Table 5.1-3/5.1-4's, relative to micro sleep P3, times
 * the model's awake floor: for TR38864 that is the TR's own figures in W; for EARTH (which has
 * no sleep depths or transition times) the TR's ratios applied to N_TRX P0 (Cat 1 / Set 1 macro:
 * light sleep 25/55 x 780 = 354.5 W, deep sleep 780/55 = 14.2 W). EARTH's own P_sleep (Table II,
 * with no transition time) is not used for idle time. With SSB every 20 ms a stretch lasts at most
 * 18 ms: a Cat 1 cell may light-sleep, deep sleep needs SsbPeriod >= 80 ms. The choice knows the
 * stretch's length in hindsight: an ideal sleep controller, so an upper bound on what sleep
 * saves.
 *
 * Attach() connects the model to a gNB's DlTti and UlTti traces; the model adds no events and
 * prices idle time when asked (GetEnergy()). It is the default NrGnbPowerModel of a cell
 * (`power: {model: earth}`).
 */
class NrGnbEnergyModel : public NrGnbPowerModel
{
  public:
    /// The power model.
    enum Model
    {
        EARTH,  //!< Auer et al. 2011, load-dependent absolute W
        TR38864 //!< 3GPP TR 38.864 relative powers with sleep states
    };

    /// EARTH base station types (Table II rows).
    enum BsType
    {
        MACRO, //!< macro cell
        RRH,   //!< remote radio head
        MICRO, //!< micro cell
        PICO,  //!< pico cell
        FEMTO  //!< femto cell
    };

    /// Sleep states of an idle gap, shallowest first (TR 38.864 Table 5.1-3; for EARTH, relative
    /// to its awake floor N_TRX P0).
    enum SleepState
    {
        MICRO_SLEEP, //!< P3, the awake floor, no transition
        LIGHT_SLEEP, //!< P2
        DEEP_SLEEP   //!< P1
    };

    /// One row of EARTH Table II.
    struct EarthParameters
    {
        uint32_t transceivers; //!< N_TRX
        double maxTxPower;     //!< P_max per transceiver, W
        double staticPower;    //!< P0, W
        double loadSlope;      //!< dp
        double sleepPower;     //!< P_sleep per transceiver, W
    };

    /// TR 38.864 relative powers (Table 5.1-3) and transitions (Tables 5.1-4/5.1-5).
    struct Tr38864Parameters
    {
        double deepSleep;          //!< P1
        double lightSleep;         //!< P2
        double microSleep;         //!< P3
        double activeDl;           //!< P4, full-load downlink
        double activeUl;           //!< P5, uplink reception
        Time lightSleepTransition; //!< ramp-down plus ramp-up time of light sleep
        double lightSleepEnergy;   //!< its additional energy, relative power x ms
        Time deepSleepTransition;  //!< ramp-down plus ramp-up time of deep sleep
        double deepSleepEnergy;    //!< its additional energy, relative power x ms
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create an EARTH macro model with no grid.
    NrGnbEnergyModel();

    /**
     * \brief Get an EARTH Table II row.
     * \param type the base station type.
     * \return its parameters.
     */
    static EarthParameters GetEarthParameters(BsType type);

    /**
     * \brief Get TR 38.864 Table 5.1-3 relative powers with the category's transitions.
     * \param category the BS category, 1 or 2.
     * \param set the reference configuration set, 1..3 (Table 5.1-1).
     * \return the parameters.
     * \throws std::invalid_argument for another category or set.
     */
    static Tr38864Parameters GetTr38864Parameters(uint32_t category, uint32_t set);

    /**
     * \brief EARTH input power of an awake cell, eq. (1).
     * \param load P_out / P_max, clipped to [0, 1]; 0 gives the limit P_out -> 0+, N_TRX P0.
     * \return the power in W.
     */
    double GetEarthPower(double load) const;

    /// \return the EARTH sleep power N_TRX P_sleep in W (Table II; not used for idle time, which
    /// has no transition time in EARTH: see the class description).
    double GetEarthSleepPower() const;

    /**
     * \brief TR 38.864 downlink power with activity scaling.
     * \param occupiedBandwidthRatio s_f, clipped to [0, 1].
     * \return P3 + s_a (P4 - P3) [A + s_f (1 - A)], relative units.
     */
    double GetRelativeDlPower(double occupiedBandwidthRatio) const;

    /// \return the TR 38.864 uplink power P3 + s_a (P5 - P3), relative units.
    double GetRelativeUlPower() const;

    /// \return the selected category and set's TR 38.864 parameters.
    Tr38864Parameters GetTr38864Parameters() const;

    /**
     * \brief Power while transmitting PDSCH, for the selected model.
     * \param load the share of PRBs carrying PDSCH, 0..1.
     * \return the power in W.
     */
    double GetDlPower(double load) const;

    /// \return the power while receiving PUSCH (and not transmitting), W.
    double GetUlPower() const;

    /// \return the power of an awake cell neither transmitting nor receiving data, W.
    double GetAwakeIdlePower() const;

    /**
     * \brief Choose the state of one sleep period (a stretch between SSB bursts and activity).
     * \param gap the stretch's length.
     * \return the feasible state of least energy up to MaxSleepState.
     */
    SleepState ChooseSleepState(Time gap) const;

    /**
     * \brief Power of a sleep state: TR 38.864 Table 5.1-3's P1, P2 or P3 over P3, times the
     * awake floor GetAwakeIdlePower().
     * \param state the state.
     * \return the power in W.
     */
    double GetSleepPower(SleepState state) const;

    /**
     * \brief Energy of one sleep period, transition energy included.
     * \param gap the period's length.
     * \return the energy in J.
     */
    double GetSleepPeriodEnergy(Time gap) const;

    /**
     * \brief Energy of an idle gap: awake for the SSB bursts inside it, one sleep period in each
     * stretch between them.
     * \param start the gap's start (bursts are on the SsbPeriod grid from time 0).
     * \param end its end.
     * \return the energy in J.
     */
    double GetIdleGapEnergy(Time start, Time end) const;

    /**
     * \brief The mean power of an idle cell: its idle gap energy (the SS bursts and the sleep the
     * time between them allows) over 1,000 SS-burst periods, or over 100 s without SS bursts.
     * \return the power in W.
     */
    std::optional<double> GetIdlePower() const override;

    /// \return true: EARTH's input power and TR 38.864's, calibrated to it, already include the
    /// site's power supply and cooling losses, so a site PUE must not multiply them.
    bool IncludesSiteOverhead() const override;

    /**
     * \brief Set the grid the activity reports refer to (done by Attach()).
     * \param grid the cell's TTI grid.
     */
    void SetTtiGrid(const NrTtiGrid& grid);

    /**
     * \brief Start metering (done by Attach() at the current simulation time).
     * \param start the start of the measurement.
     */
    void Start(Time start);

    /**
     * \brief DlTti trace sink: a TTI the cell was awake for, with its PDSCH PRBs.
     * \param tti the TTI index.
     * \param usedPrbs the PRBs carrying PDSCH.
     * \param prbs the PRBs of the carrier.
     */
    void NotifyDlTti(uint64_t tti, uint32_t usedPrbs, uint32_t prbs);

    /**
     * \brief UlTti trace sink: the PUSCHs of a TTI.
     * \param tti the TTI index.
     * \param usedPrbs the PRBs carrying PUSCH.
     * \param prbs the PRBs of the carrier.
     */
    void NotifyUlTti(uint64_t tti, uint32_t usedPrbs, uint32_t prbs);

    /**
     * \brief Get the energy since the start.
     * \param now the end of the measurement (normally Simulator::Now()).
     * \return the energy in J.
     */
    double GetEnergy(Time now) const override;

    /// \return the TTIs the cell was awake for since the start.
    uint64_t GetActiveTtis() const;

    /**
     * \brief Meter a gNB: take its grid, start now, and connect to its DlTti and UlTti traces.
     * The model must outlive the simulation run (the traces hold a plain pointer to it).
     * \param gnb the gNB device (with its NrChannel set and its attributes final).
     */
    void Attach(Ptr<NrGnbNetDevice> gnb) override;

  private:
    /**
     * \brief Power of one part of an active TTI.
     * \param tti the TTI.
     * \param inDl the part lies in downlink symbols.
     * \param inUl the part lies in uplink symbols.
     * \return the power in W.
     */
    double PartPower(const NrTtiEnergyAccumulator::Tti& tti, bool inDl, bool inUl) const;

    Model m_model;                        //!< the power model
    BsType m_bsType;                      //!< EARTH row
    uint32_t m_category;                  //!< TR 38.864 BS category
    uint32_t m_set;                       //!< TR 38.864 reference set
    double m_fixedFraction;               //!< A, the load-independent share of P4 - P3
    double m_activeTxruRatio;             //!< s_a
    double m_powerUnit;                   //!< W per TR 38.864 relative unit
    SleepState m_maxSleep;                //!< deepest sleep state allowed
    Time m_ssbPeriod;                     //!< SS burst period; 0 = no bursts
    Time m_ssbBurst;                      //!< duration of one SS burst
    NrTtiEnergyAccumulator m_accumulator; //!< the integrated energy
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_GNB_ENERGY_MODEL_H */
