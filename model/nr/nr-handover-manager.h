/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_HANDOVER_MANAGER_H
#define BLUEPRINT_NR_HANDOVER_MANAGER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrGnbNetDevice;
class NrUeNetDevice;

/**
 * \ingroup blueprint
 * \brief Intra-frequency handover of moving UEs between the cells of one NR carrier, on an
 * A3 event (TS 38.331 clause 5.5.4.4), with a break-before-make interruption.
 *
 * Measurement: every MeasurementPeriod each UE samples the RSRP of every candidate cell
 * (NrChannel::GetRsrpDbm) and filters it in dB with the layer 3 filter of TS 38.331 clause
 * 5.5.3.2, F_n = (1 - a) F_{n-1} + a M_n, a = 1/2^(k/4).
 *
 * Event A3 (TS 38.331 clause 5.5.4.4, offsets Ofn, Ocn, Ofp, Ocp zero): a neighbour n enters
 * when F_n - Hys > F_p + Off, p the serving cell. When a neighbour has stayed entered for
 * TimeToTrigger the UE reports it and the serving cell hands the UE over to the strongest
 * entered neighbour at once (no preparation delay is modelled: Xn handover preparation takes a
 * few milliseconds of backhaul signalling, within a measurement period).
 *
 * Execution (TS 38.300 clause 9.2.3.2): the source releases the UE (NrGnbNetDevice::ReleaseUe)
 * and forwards the downlink packets it still holds to the target, which queues them
 * (PrepareUe, ForwardDl); the UE leaves the source (NrUeNetDevice::StartHandover) and buffers
 * uplink packets; InterruptionTime later it is connected in the target (ConnectUe,
 * CompleteHandover) and both directions resume. Blocks still in HARQ at the source are lost
 * (RLC UM). Forwarding is immediate: the packets wait in the target for the interruption,
 * which is longer than an Xn hop over a regional backhaul.
 *
 * Path switch: the PathSwitch callback runs when the handover starts, so that whoever routes
 * the core network (the scenario runner's route planner) points the UE's downlink at the target
 * cell. In the standard the UPF switches after the handover completes (TS 23.502 clause
 * 4.9.1.2) and the source forwards what reaches it meanwhile over Xn; switching at the start
 * delivers the same packets at the same time without modelling Xn tunnels, since they wait in
 * the target until the UE arrives either way.
 */
class NrHandoverManager : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId.
     */
    static TypeId GetTypeId();

    /// Create a manager with no cells and no UEs.
    NrHandoverManager();

    /// Destroy the manager.
    ~NrHandoverManager() override;

    /**
     * \brief Make a cell a handover candidate; all cells must share one NrChannel.
     * \param gnb the cell's gNB device.
     */
    void AddCell(Ptr<NrGnbNetDevice> gnb);

    /**
     * \brief Evaluate a UE for handover; it must be attached to one of the candidate cells.
     * Measurements start at the first MeasurementPeriod boundary after the call.
     * \param ue the UE's device.
     */
    void AddUe(Ptr<NrUeNetDevice> ue);

    /**
     * \brief Signature of the PathSwitch callback.
     * \param ue the UE handing over.
     * \param source the cell it leaves.
     * \param target the cell it goes to.
     */
    typedef Callback<void, Ptr<NrUeNetDevice>, Ptr<NrGnbNetDevice>, Ptr<NrGnbNetDevice>>
        PathSwitchCallback;

    /**
     * \brief Set what runs when a handover starts, to switch the UE's downlink path in the core.
     * \param callback the callback.
     */
    void SetPathSwitchCallback(PathSwitchCallback callback);

    /// \return the handovers started so far.
    uint64_t GetHandovers() const;

    /**
     * \brief Signature of the HandoverStart and HandoverEnd traces.
     * \param ue the UE's device.
     * \param source the cell the UE leaves.
     * \param target the cell it goes to.
     */
    typedef void (*HandoverTracedCallback)(Ptr<NrUeNetDevice> ue,
                                           Ptr<NrGnbNetDevice> source,
                                           Ptr<NrGnbNetDevice> target);

  protected:
    void DoDispose() override;

  private:
    /// What the manager keeps per UE.
    struct UeState
    {
        Ptr<NrUeNetDevice> device;       //!< the UE
        std::vector<double> filteredDbm; //!< layer 3 filtered RSRP per candidate cell
        bool filtered = false;           //!< filteredDbm holds a first sample
        std::vector<Time> enteredAt;     //!< when each cell entered A3; -1 s if it has not
        bool inHandover = false;         //!< between cells
    };

    /// Sample, filter and evaluate every UE, then schedule the next measurement.
    void Measure();

    /**
     * \brief Find a UE's serving cell among the candidates.
     * \param u the UE.
     * \return the cell's index in m_cells.
     */
    uint32_t ServingCell(const UeState& u) const;

    /**
     * \brief Start a handover: release in the source, prepare in the target, leave the source.
     * \param u the UE.
     * \param source the serving cell's index in m_cells.
     * \param target the target cell's index in m_cells.
     */
    void StartHandover(UeState& u, uint32_t source, uint32_t target);

    /**
     * \brief End the interruption: connect the UE in the target.
     * \param ue the UE's index in m_ues.
     * \param source the source cell's index in m_cells (for the trace).
     * \param target the target cell's index in m_cells.
     * \param index the UE's index in the target cell.
     */
    void CompleteHandover(uint32_t ue, uint32_t source, uint32_t target, uint32_t index);

    // Attributes
    Time m_measurementPeriod; //!< L1 sampling period
    uint32_t m_filterK;       //!< filterCoefficient k
    double m_hysteresisDb;    //!< Hys
    double m_offsetDb;        //!< Off (a3-Offset)
    Time m_timeToTrigger;     //!< timeToTrigger
    Time m_interruption;      //!< handover interruption time

    std::vector<Ptr<NrGnbNetDevice>> m_cells; //!< candidate cells
    std::vector<UeState> m_ues;               //!< evaluated UEs
    EventId m_measureEvent;                   //!< the next measurement
    uint64_t m_handovers;                     //!< handovers started
    PathSwitchCallback m_pathSwitch;          //!< core path switch

    TracedCallback<Ptr<NrUeNetDevice>, Ptr<NrGnbNetDevice>, Ptr<NrGnbNetDevice>>
        m_handoverStartTrace; //!< HandoverStart
    TracedCallback<Ptr<NrUeNetDevice>, Ptr<NrGnbNetDevice>, Ptr<NrGnbNetDevice>>
        m_handoverEndTrace; //!< HandoverEnd
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_HANDOVER_MANAGER_H */
