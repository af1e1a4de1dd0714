/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_CHANNEL_H
#define BLUEPRINT_PON_CHANNEL_H

#include "ns3/channel.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{
namespace blueprint
{

class PonOltNetDevice;
class PonOnuNetDevice;

/**
 * \ingroup blueprint-pon
 * \brief The optical distribution network of one PON: a passive tree from one OLT port through a
 * splitter to its ONUs, each at its own fibre distance.
 *
 * **Timing.** Light takes 4.897 us/km (DelayPerKm) each way; the ONU at distance d_i is
 * d_i x 4.897 us from the OLT. The OLT's grants compensate every ONU's distance (ranging), so
 * upstream bursts arrive back to back as the OLT planned them.
 *
 * **Downstream is broadcast.** Everything the OLT sends reaches every ONU, which keeps what is
 * addressed to its LLID or GEM port and discards the rest. The channel applies that filter at the
 * splitter: a frame for one ONU is delivered to that ONU only, as the others would drop it, while
 * the bytes every ONU sees are counted (GetDownstreamBytesSeen); broadcast frames reach every
 * ONU. The cost of a downstream frame is then independent of how many ONUs share the tree.
 *
 * **Optical budget.** GetOdnLossDb gives the tree's loss: splitter 3.5 dB per 1:2 stage, fibre
 * 0.35 dB/km at 1310 nm, 1 dB of connectors and splices (assumptions: a PLC splitter's typical
 * insertion loss, G.652 fibre below its 0.4 dB/km limit at 1310 nm). A flavour's budget class
 * (PonFlavour::GetPowerBudgetDb) bounds it, which with the physical reach sets the longest
 * distance an ONU may be at.
 */
class PonChannel : public Channel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PonChannel();

    /**
     * \brief Attach the OLT port.
     * \param olt the OLT device.
     */
    void AttachOlt(Ptr<PonOltNetDevice> olt);

    /**
     * \brief Attach an ONU at a fibre distance.
     * \param onu the ONU device.
     * \param distanceKm its fibre distance from the OLT, km (>= 0).
     * \return the ONU's index on the tree (its LLID / ONU-ID less one).
     */
    uint32_t AttachOnu(Ptr<PonOnuNetDevice> onu, double distanceKm);

    /// \return the OLT, or nullptr before AttachOlt.
    Ptr<PonOltNetDevice> GetOlt() const;
    /// \return the number of ONUs.
    uint32_t GetNOnus() const;
    /// \param onu an index \return that ONU
    Ptr<PonOnuNetDevice> GetOnu(uint32_t onu) const;
    /// \param onu an index \return its fibre distance, km
    double GetDistanceKm(uint32_t onu) const;
    /// \param onu an index \return its one-way propagation delay
    Time GetPropagationDelay(uint32_t onu) const;
    /// \return the largest one-way propagation delay of any ONU
    Time GetMaxPropagationDelay() const;

    /**
     * \brief The OLT finished sending a frame downstream: deliver it.
     * \param packet the frame.
     * \param onu the ONU it is for, or -1 for every ONU (broadcast).
     * \param bytes the TC bytes it occupied, counted as seen by every ONU.
     */
    void SendDownstream(Ptr<const Packet> packet, int64_t onu, uint32_t bytes);

    /**
     * \brief An ONU sent a packet upstream: hand it to the OLT when its last bit arrives.
     * \param onu the ONU's index.
     * \param packet the packet.
     * \param delay from now to the arrival of its last bit at the OLT.
     */
    void SendUpstream(uint32_t onu, Ptr<const Packet> packet, Time delay);

    /// \return downstream TC bytes sent so far; every ONU sees all of them.
    uint64_t GetDownstreamBytesSeen() const;

    std::size_t GetNDevices() const override;
    Ptr<NetDevice> GetDevice(std::size_t i) const override;

    /**
     * \brief Loss of the tree between the OLT and an ONU.
     * \param split the splitter's ratio (1:split).
     * \param distanceKm the fibre distance.
     * \return splitter + fibre + connector loss, dB.
     */
    static double GetOdnLossDb(uint32_t split, double distanceKm);

    /**
     * \brief The longest fibre a budget allows behind a splitter.
     * \param budgetDb the optical budget.
     * \param split the splitter's ratio.
     * \return km (0 if the splitter alone exceeds the budget).
     */
    static double GetBudgetReachKm(double budgetDb, uint32_t split);

  protected:
    void DoDispose() override;

  private:
    Ptr<PonOltNetDevice> m_olt;               //!< the OLT port
    std::vector<Ptr<PonOnuNetDevice>> m_onus; //!< ONUs by index
    std::vector<double> m_distanceKm;         //!< fibre distance per ONU
    double m_delayPerKm;                      //!< s/km (attribute DelayPerKm)
    uint64_t m_downstreamBytes;               //!< TC bytes sent downstream
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_CHANNEL_H */
