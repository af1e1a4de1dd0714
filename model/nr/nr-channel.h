/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_CHANNEL_H
#define BLUEPRINT_NR_CHANNEL_H

#include "model/nr/nr-radio.h"

#include "ns3/channel.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/traced-callback.h"
#include "ns3/vector.h"

#include <cstdint>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace ns3
{

class MobilityModel;
class Node;
class ThreeGppPropagationLossModel;

namespace blueprint
{

class NrPropagationScenario;

/**
 * \ingroup blueprint
 * \brief The radio environment of one NR carrier shared by several gNBs and their UEs.
 *
 * NrChannel knows where every gNB and UE is (each node's MobilityModel), what each transmits and
 * how noisy each receiver is, and turns that into wideband received powers and SINRs with the
 * 3GPP TR 38.901 clause 7.4 path loss models of ns-3's propagation module, as the deployment
 * scenario (attribute Scenario, an NrPropagationScenario: RMa, UMa, UMi-Street Canyon or a
 * researcher's own) says; LOS/NLOS from the scenario's LOS probability or forced; log-normal
 * shadow fading correlated over distance, clause 7.4.4. It has no antenna patterns
 * and no fast fading: the MAC above it works per slot on wideband SINR, which is what sets the
 * MCS and so the capacity.
 *
 * Downlink: the serving gNB's power against the UE's noise plus every other gNB's power scaled by
 * that gNB's downlink activity (the fraction of its PRBs in use, SetDlActivity): with PRBs picked
 * independently in each cell, a PRB of the serving cell collides with a busy PRB of cell g' with
 * probability activity(g'), so that is the mean interference on it.
 *
 * Uplink: signal over noise only. Interference from UEs of other cells is neglected because
 * (a) the cells of one NrChannel schedule independently, so which foreign UE sits on which PRB in
 * a slot is not known to the channel, and (b) blueprint's deployments are rural and regional,
 * with sparse cells and light uplink load, where the uplink at the cell edge is limited by the
 * UE's 23 dBm against thermal noise rather than by other cells. The uplink SINR is therefore
 * optimistic for dense, uplink-heavy layouts.
 *
 * Path gains are cached per (UE, gNB) pair. A pair is recomputed only when its UE moved more
 * than MovementThreshold since the last computation, its gNB did, or UpdatePeriod passed; so a
 * per-slot call costs O(number of gNBs) arithmetic without allocation, however many UEs there
 * are. The PathGainUpdate trace fires on every recomputation.
 */
class NrChannel : public Channel
{
  public:
    /// How the LOS/NLOS state of each link is decided.
    enum Condition
    {
        AUTO, //!< drawn from the scenario's LOS probability (TR 38.901 Table 7.4.2-1)
        LOS,  //!< every link line-of-sight
        NLOS  //!< every link non-line-of-sight
    };

    /**
     * \brief Signature of the PathGainUpdate trace.
     * \param ue the UE index.
     * \param gnb the gNB index.
     * \param pathGainDb the new path gain (minus path loss, minus shadow fading), dB.
     */
    typedef void (*PathGainTracedCallback)(uint32_t ue, uint32_t gnb, double pathGainDb);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// Create an empty channel; the propagation models are built when first needed.
    NrChannel();

    /// Destroy the channel.
    ~NrChannel() override;

    /**
     * \brief Attach a gNB.
     * \param dev the gNB's device; its node must carry a MobilityModel.
     * \param radio the gNB's radio figures.
     * \return the gNB index (0, 1, ... in the order of the calls).
     * \throws std::invalid_argument when Bandwidth is not an NR channel bandwidth at Numerology
     *         (TS 38.101-1/-2 Table 5.3.2-1), the check GetRsrpDbm() relies on.
     */
    uint32_t AddGnb(Ptr<NetDevice> dev, const NrGnbRadio& radio);

    /**
     * \brief Attach a UE.
     * \param dev the UE's device; its node must carry a MobilityModel.
     * \param radio the UE's radio figures.
     * \return the UE index (0, 1, ... in the order of the calls).
     * \throws std::invalid_argument as AddGnb().
     */
    uint32_t AddUe(Ptr<NetDevice> dev, const NrUeRadio& radio);

    /// \return the number of gNBs attached.
    uint32_t GetNGnbs() const;

    /// \return the number of UEs attached.
    uint32_t GetNUes() const;

    /**
     * \brief Get a gNB's device.
     * \param gnb the gNB index.
     * \return the device given to AddGnb().
     */
    Ptr<NetDevice> GetGnbDevice(uint32_t gnb) const;

    /**
     * \brief Get a UE's device.
     * \param ue the UE index.
     * \return the device given to AddUe().
     */
    Ptr<NetDevice> GetUeDevice(uint32_t ue) const;

    /**
     * \brief Get a gNB's radio figures.
     * \param gnb the gNB index.
     * \return the figures given to AddGnb().
     */
    const NrGnbRadio& GetGnbRadio(uint32_t gnb) const;

    /**
     * \brief Get a UE's radio figures.
     * \param ue the UE index.
     * \return the figures given to AddUe().
     */
    const NrUeRadio& GetUeRadio(uint32_t ue) const;

    /**
     * \brief Get the path gain between a UE and a gNB.
     * \param ue the UE index.
     * \param gnb the gNB index.
     * \return minus (path loss + shadow fading), dB; the same in both directions.
     */
    double GetPathGainDb(uint32_t ue, uint32_t gnb) const;

    /**
     * \brief Get the power a UE receives from a gNB over the whole carrier.
     * \param ue the UE index.
     * \param gnb the gNB index.
     * \return gNB tx power + gNB gain + UE gain + path gain, dBm.
     */
    double GetDlRxPowerDbm(uint32_t ue, uint32_t gnb) const;

    /**
     * \brief Get the power a gNB receives from a UE transmitting at its maximum power.
     * \param ue the UE index.
     * \param gnb the gNB index.
     * \return UE tx power + UE gain + gNB gain + path gain, dBm.
     */
    double GetUlRxPowerDbm(uint32_t ue, uint32_t gnb) const;

    /**
     * \brief Get the reference signal received power of a gNB at a UE.
     *
     * RSRP is the power of one resource element (TS 38.215 clause 5.1.1). The gNB spreads its
     * power evenly over the 12 N_RB subcarriers of the carrier, N_RB from TS 38.101-1/-2 Table
     * 5.3.2-1 for Bandwidth and Numerology.
     *
     * \param ue the UE index.
     * \param gnb the gNB index.
     * \return RSRP, dBm.
     */
    double GetRsrpDbm(uint32_t ue, uint32_t gnb) const;

    /**
     * \brief Get the downlink wideband SINR of a UE served by a gNB.
     * \param ue the UE index.
     * \param gnb the serving gNB index.
     * \return P_rx(gnb) / (N_ue + sum over g' != gnb of activity(g') P_rx(g')), linear.
     */
    double GetDlSinr(uint32_t ue, uint32_t gnb) const;

    /**
     * \brief Get the uplink wideband SINR of a UE at a gNB.
     *
     * The UE transmits at its maximum power over the whole carrier; other cells' UEs are not
     * counted (see the class description).
     *
     * \param ue the UE index.
     * \param gnb the receiving gNB index.
     * \return P_rx at the gNB over the gNB's noise power in Bandwidth, linear.
     */
    double GetUlSinr(uint32_t ue, uint32_t gnb) const;

    /**
     * \brief Get the uplink SINR of a UE transmitting on part of the carrier.
     *
     * Without uplink power control (TS 38.213 clause 7.1 is not modelled) the UE puts its
     * maximum power into the PRBs it is given, so the noise it competes with shrinks with the
     * bandwidth it occupies.
     *
     * \param ue the UE index.
     * \param gnb the receiving gNB index.
     * \param bandwidthFraction the fraction of the carrier's PRBs the UE uses, in (0, 1].
     * \return GetUlSinr(ue, gnb) / bandwidthFraction, linear.
     */
    double GetUlSinr(uint32_t ue, uint32_t gnb, double bandwidthFraction) const;

    /**
     * \brief Get a UE receiver's noise power over the carrier.
     * \param ue the UE index.
     * \return -174 dBm/Hz + 10 log10(Bandwidth) + the UE's noise figure, dBm.
     */
    double GetUeNoisePowerDbm(uint32_t ue) const;

    /**
     * \brief Get a gNB receiver's noise power over the carrier.
     * \param gnb the gNB index.
     * \return -174 dBm/Hz + 10 log10(Bandwidth) + the gNB's noise figure, dBm.
     */
    double GetGnbNoisePowerDbm(uint32_t gnb) const;

    /**
     * \brief Set how busy a gNB's downlink is, which sets how much it interferes.
     * \param gnb the gNB index.
     * \param fractionOfPrbsUsed the fraction of its PRBs carrying data, in [0, 1].
     */
    void SetDlActivity(uint32_t gnb, double fractionOfPrbsUsed);

    /**
     * \brief Get how busy a gNB's downlink is.
     * \param gnb the gNB index.
     * \return the last value given to SetDlActivity(); 1 (fully loaded) until then.
     */
    double GetDlActivity(uint32_t gnb) const;

    /**
     * \brief Get the gNB a UE hears best.
     * \param ue the UE index.
     * \return the index of the gNB with the highest RSRP (the lowest index on a tie); there
     *         must be at least one gNB.
     */
    uint32_t GetBestGnb(uint32_t ue) const;

    /**
     * \brief Fix the random streams of the propagation and channel condition models.
     *
     * Every gNB-UE pair has models of its own (its shadowing and LOS state are drawn by them and
     * by nothing else); a pair without streams of its own (SetPairStreams) takes the next
     * PAIR_STREAMS of these, in the order pairs are first evaluated. The stream is remembered and
     * given again if a later attribute change rebuilds the models.
     *
     * \param stream the first stream index to use.
     * \return the number of streams reserved.
     */
    int64_t AssignStreams(int64_t stream);

    /// Gives the first random stream of a gNB-UE pair's models, or -1 for none of its own.
    using PairStreams = std::function<int64_t(Ptr<Node> gnb, Ptr<Node> ue)>;

    /**
     * \brief Give gNB-UE pairs random streams of their own, named after their ends.
     *
     * A pair then draws its shadowing and LOS state the same whatever other gNBs and UEs share
     * the carrier and whichever pair is evaluated first (common random numbers across
     * alternatives). Drops the models and gains computed so far.
     *
     * \param streams the pair's first stream (a pair's models take at most 8).
     */
    void SetPairStreams(PairStreams streams);

    /// \return true once AssignStreams() was called.
    bool HasAssignedStreams() const;

    /**
     * \brief Get the number of attached devices, gNBs and UEs.
     * \return GetNGnbs() + GetNUes().
     */
    std::size_t GetNDevices() const override;

    /**
     * \brief Get an attached device in the order of attachment.
     * \param i the device index, below GetNDevices().
     * \return the device.
     */
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

  protected:
    void DoDispose() override;

  private:
    /// What the channel keeps per gNB.
    struct GnbEntry
    {
        Ptr<NetDevice> device;        //!< the gNB's device
        Ptr<MobilityModel> mobility;  //!< the gNB node's mobility
        NrGnbRadio radio;             //!< its radio figures
        double activity = 1.0;        //!< downlink PRB occupancy, [0, 1]
        double noiseMw = 0.0;         //!< receiver noise power over Bandwidth, mW
        Vector position;              //!< position the current path gains were computed at
        uint32_t positionVersion = 0; //!< bumped whenever position is replaced
    };

    /// What the channel keeps per UE: its cached gains towards every gNB.
    struct UeEntry
    {
        Ptr<NetDevice> device;          //!< the UE's device
        Ptr<MobilityModel> mobility;    //!< the UE node's mobility
        NrUeRadio radio;                //!< its radio figures
        double noiseMw = 0.0;           //!< receiver noise power over Bandwidth, mW
        bool valid = false;             //!< the cache below has been filled since the last reset
        Vector position;                //!< position the cache was computed at
        Time computedAt;                //!< when the cache was computed
        Time polledAt;                  //!< when its position was last read
        uint64_t polledChanges = 0;     //!< m_ueCourseChanges at that read
        std::vector<double> pathGainDb; //!< per gNB, dB
        std::vector<double> dlRxMw;     //!< per gNB: power received from it, mW
        std::vector<double> ulRxMw;     //!< per gNB: power it receives, mW
        std::vector<uint32_t> gnbPositionVersion; //!< per gNB: its positionVersion when computed
    };

    /**
     * \brief Set the carrier frequency.
     * \param frequencyHz the centre frequency, Hz.
     */
    void SetFrequency(double frequencyHz);
    /// \return the carrier frequency, Hz.
    double GetFrequency() const;
    /**
     * \brief Set the carrier bandwidth; recomputes every receiver's noise power.
     * \param bandwidthHz the channel bandwidth, Hz.
     */
    void SetBandwidth(double bandwidthHz);
    /// \return the carrier bandwidth, Hz.
    double GetBandwidth() const;
    /**
     * \brief Set the numerology used to count resource elements for RSRP.
     * \param mu the numerology, 0..3.
     */
    void SetNumerology(uint8_t mu);
    /// \return the numerology.
    uint8_t GetNumerology() const;
    /**
     * \brief Set the deployment scenario; the models are rebuilt on next use.
     * \param scenario the scenario.
     */
    void SetScenario(Ptr<NrPropagationScenario> scenario);
    /// \return the deployment scenario.
    Ptr<NrPropagationScenario> GetScenario() const;
    /**
     * \brief Set how LOS/NLOS is decided.
     * \param condition the condition mode.
     */
    void SetCondition(Condition condition);
    /// \return the condition mode.
    Condition GetCondition() const;
    /**
     * \brief Enable or disable shadow fading.
     * \param enabled true to draw shadow fading.
     */
    void SetShadowing(bool enabled);
    /// \return whether shadow fading is drawn.
    bool GetShadowing() const;
    /**
     * \brief Set how often the 3GPP condition model redraws a link's LOS state.
     * \param period the period; 0 draws it once per link.
     */
    void SetConditionUpdatePeriod(Time period);
    /// \return the condition model's update period.
    Time GetConditionUpdatePeriod() const;

    /// Drop the propagation models (rebuilt on next use) and every cached gain.
    void ResetModels();
    /**
     * \brief Build a pair's propagation and condition models from the attributes.
     * \param ue the UE index.
     * \param gnb the gNB index.
     * \return its propagation model, holding its condition model, with the pair's streams.
     */
    Ptr<ThreeGppPropagationLossModel> CreatePairModel(uint32_t ue, uint32_t gnb) const;
    /// Recompute every receiver's noise power from Bandwidth.
    void UpdateNoise();
    /**
     * \brief Get a receiver's noise power.
     * \param noiseFigureDb the receiver's noise figure.
     * \return the thermal noise over Bandwidth raised by the noise figure, mW.
     */
    double NoisePowerMw(double noiseFigureDb) const;
    /**
     * \brief Get the mobility model of a device's node.
     * \param dev the device.
     * \return its node's MobilityModel; aborts if there is none.
     */
    static Ptr<MobilityModel> GetMobility(Ptr<NetDevice> dev);
    /// Make sure Bandwidth is valid at Numerology and remember the RSRP per-RE offset.
    void UpdateRsrpOffset() const;
    /// Compare every gNB's position with the one its path gains were computed at.
    void CheckGnbPositions() const;
    /**
     * \brief Note that a gNB moved, so positions are polled again at the next call.
     * \param mobility the gNB's mobility model.
     */
    void GnbCourseChanged(Ptr<const MobilityModel> mobility);
    /**
     * \brief A UE's mobility model reported a course change: every UE's position is read again.
     * \param mobility the UE's mobility model.
     */
    void UeCourseChanged(Ptr<const MobilityModel> mobility);
    /**
     * \brief Bring one UE's cached gains up to date (see the class description).
     * \param ue the UE index.
     * \return the UE's entry.
     */
    const UeEntry& Refresh(uint32_t ue) const;
    /**
     * \brief Recompute the path gain of one pair.
     * \param u the UE's entry.
     * \param ue the UE index (for the trace).
     * \param gnb the gNB index.
     */
    void ComputePair(UeEntry& u, uint32_t ue, uint32_t gnb) const;

    double m_frequency;                    //!< carrier centre frequency, Hz
    double m_bandwidth;                    //!< carrier bandwidth, Hz
    uint8_t m_numerology;                  //!< numerology for RSRP
    Ptr<NrPropagationScenario> m_scenario; //!< TR 38.901 scenario
    Condition m_condition;                 //!< LOS/NLOS mode
    bool m_shadowing;                      //!< shadow fading on/off
    Time m_conditionUpdatePeriod;          //!< 3GPP condition model UpdatePeriod
    Time m_updatePeriod;                   //!< the longest a cached gain is kept; 0 = no limit
    double m_movementThreshold;            //!< movement that invalidates a cached gain, m
    int64_t m_stream;                      //!< first stream from AssignStreams(); -1 if none
    mutable int64_t m_fallbackPairs;       //!< pairs that took streams from m_stream
    PairStreams m_pairStreams;             //!< pairs' own streams (empty: none)

    mutable std::vector<GnbEntry> m_gnbs;  //!< attached gNBs; positions refreshed lazily
    mutable std::vector<UeEntry> m_ues;    //!< attached UEs and their caches
    std::vector<Ptr<NetDevice>> m_devices; //!< all devices, in attachment order
    /// (UE, gNB) -> that pair's models, built on first use.
    mutable std::map<std::pair<uint32_t, uint32_t>, Ptr<ThreeGppPropagationLossModel>> m_pairModels;
    mutable double m_rsrpOffsetDb;        //!< -10 log10(12 N_RB)
    mutable bool m_rsrpOffsetValid;       //!< m_rsrpOffsetDb matches the attributes
    mutable bool m_gnbPositionsChecked;   //!< gNB positions polled since the last change
    mutable Time m_gnbPositionsCheckedAt; //!< simulation time of that poll
    uint64_t m_ueCourseChanges;           //!< course changes UEs have reported

    /// Fired on every path gain recomputation.
    mutable TracedCallback<uint32_t, uint32_t, double> m_pathGainTrace;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NR_CHANNEL_H */
