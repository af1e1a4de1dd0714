/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_CELL_UE_ENERGY_MODEL_H
#define BLUEPRINT_NR_CELL_UE_ENERGY_MODEL_H

#include "model/nr/nr-ue-energy-model.h"

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{
namespace blueprint
{

class NrGnbNetDevice;

/**
 * \ingroup blueprint
 * \brief The summed energy of all UEs a cell serves, by the TR 38.840 model of NrUeEnergyModel,
 * at the cost of one model per cell instead of one per UE.
 *
 * One NrUeEnergyModel per UE listens to every TTI of its cell, so a cell of N UEs costs
 * N x TTIs trace calls. But every UE of a cell is awake in the same TTIs and asleep in the same
 * gaps (the UEs follow their cell; see NrUeEnergyModel), and differs from a UE without data
 * only in the TTIs that carry its own PDSCH or PUSCH. So the sum over the UEs is
 *
 *     E = sum over intervals of constant N:  N x (B(end) - B(start))
 *       + sum over (UE, TTI) with data:      E_TTI(pdsch, pusch) - E_TTI(no data)
 *
 * with B the energy of one UE that never has data, integrated by one NrUeEnergyModel fed with
 * the cell's TTIs, and N the cell's connected UEs (NrGnbNetDevice's ConnectedUes trace: it
 * falls during a handover's interruption, when the UE is in no cell). That costs one trace call
 * per TTI plus one per transport block, and gives exactly the sum of per-UE models.
 */
class NrCellUeEnergyModel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create a model with a default (FR1, 23 dBm) UE power model.
    NrCellUeEnergyModel();

    /// \return the per-UE power model, whose attributes (PowerUnit, MaxSleepState, ...) apply.
    Ptr<NrUeEnergyModel> GetUeModel() const;

    /**
     * \brief Meter the UEs of a cell from now on: connect to its DlTb, UlTb, DlTti, UlTti and
     * ConnectedUes traces. The model must outlive the simulation run.
     * \param gnb the cell's gNB device.
     */
    void Attach(Ptr<NrGnbNetDevice> gnb);

    /**
     * \brief Get the energy of all the cell's UEs from Attach() to a time.
     * \param now the end of the measurement, not before the latest TTI's start.
     * \return the energy in J.
     */
    double GetEnergy(Time now) const;

  protected:
    void DoDispose() override;

  private:
    /// Data a UE had in one TTI.
    struct UeActivity
    {
        bool pdsch = false; //!< received a PDSCH
        bool pusch = false; //!< sent a PUSCH
    };

    /**
     * \brief The energy the UEs' data adds to one TTI, over what UEs without data use.
     * \param tti the TTI.
     * \param ues the UEs with data in it.
     * \return the energy in J.
     */
    double DataEnergy(uint64_t tti, const std::map<uint32_t, UeActivity>& ues) const;

    /**
     * \brief Price the data TTIs before a TTI: their activity is complete.
     * \param before the first TTI still open.
     */
    void CloseActivity(uint64_t before);

    /**
     * \brief DlTb trace sink.
     * \param ue the UE index in the cell.
     * \param mcs the MCS.
     * \param prbs the PRBs.
     * \param tbs the TBS.
     * \param attempt the HARQ attempt.
     * \param ok decoded.
     */
    void DlTb(uint32_t ue, uint8_t mcs, uint32_t prbs, uint32_t tbs, uint8_t attempt, bool ok);
    /**
     * \brief UlTb trace sink.
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
    /**
     * \brief ConnectedUes trace sink: weigh the baseline so far by the old number.
     * \param connected the new number of connected UEs.
     */
    void ConnectedUes(uint32_t connected);

    Ptr<NrUeEnergyModel> m_baseline;   //!< one UE without data, fed with every TTI
    uint32_t m_connected;              //!< UEs the cell serves now
    double m_weightedJoules;           //!< N x baseline energy up to the last change of N
    double m_baselineAtWeighted;       //!< the baseline's energy at the last change of N
    double m_dataJoules;               //!< extra energy of the closed data TTIs
    std::vector<uint32_t> m_pendingDl; //!< UEs of DlTb before the next DlTti
    std::vector<uint32_t> m_pendingUl; //!< UEs of UlTb before the next UlTti
    std::map<uint64_t, std::map<uint32_t, UeActivity>> m_open; //!< TTI -> UE -> data
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_CELL_UE_ENERGY_MODEL_H */
