/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_CHANNEL_H
#define BLUEPRINT_MICROWAVE_CHANNEL_H

#include "model/microwave/microwave-acm-table.h"
#include "model/microwave/microwave-link-budget.h"

#include "ns3/nstime.h"
#include "ns3/point-to-point-channel.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/traced-callback.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \brief One point-to-point microwave hop between two PointToPointNetDevices, whose line rate
 * follows adaptive modulation as the rain on the hop changes.
 *
 * The hop's MicrowaveLinkBudget gives the SNR for the current rain rate; the channel picks the
 * fastest modulation of its allowed range whose SNR requirement (plus AcmMargin) the SNR meets
 * (MicrowaveAcmTable::Select) and sets both devices' DataRate to that modulation's net rate in
 * the channel width, so a storm (SetRainRate) cuts capacity at once and clear sky restores it.
 * A packet already being serialised finishes at the old rate, as a hitless ACM switch does.
 * Without adaptive modulation the radio stays at its highest allowed modulation. When the SNR
 * is below even the slowest allowed modulation's requirement the hop is in outage: packets are
 * transmitted (the sender does not know) and lost, counted by the OutageDrop trace.
 *
 * Both directions share one budget: the hop is reciprocal and both ends use the same power.
 * A packet sent by one end arrives at the other txTime + Delay after transmission starts; the
 * helper sets Delay to the straight-line propagation time at c plus the radio's equipment
 * latency per direction (modem, framing and interleaving).
 */
class MicrowaveChannel : public PointToPointChannel
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    MicrowaveChannel();

    /**
     * \brief Set the hop's link budget and choose the modulation for the current rain.
     * \param budget the budget (not null).
     */
    void SetLinkBudget(Ptr<MicrowaveLinkBudget> budget);

    /// \return the hop's link budget.
    Ptr<MicrowaveLinkBudget> GetLinkBudget() const;

    /**
     * \brief Set the rain rate along the hop now and adapt the modulation.
     * \param rainRateMmH mm/h, not negative (0 = clear sky).
     */
    void SetRainRate(double rainRateMmH);

    /// \return the rain rate along the hop now, mm/h.
    double GetRainRate() const;

    /// \return the modulation in use, or nullptr while the hop is in outage.
    const MicrowaveModulation* GetModulation() const;

    /// \return the net line rate now, bit/s (0 in outage).
    double GetRateBps() const;

    /// \return the SNR now, dB.
    double GetSnrDb() const;

    /**
     * \brief Transmit a packet over this channel (lost if the hop is in outage).
     * \param p the packet to transmit.
     * \param src the device transmitting it.
     * \param txTime the time the transmitter takes to send it.
     * \return true (the transmitter always completes, as in PointToPointChannel).
     */
    bool TransmitStart(Ptr<const Packet> p, Ptr<PointToPointNetDevice> src, Time txTime) override;

    /**
     * TracedCallback signature for modulation changes.
     * \param oldName the previous modulation ("outage" if none).
     * \param newName the new modulation ("outage" if none).
     * \param rateBps the new net rate, bit/s.
     */
    typedef void (*ModulationChangeCallback)(const std::string& oldName,
                                             const std::string& newName,
                                             double rateBps);

  protected:
    void DoInitialize() override;

  private:
    /// Choose the modulation for the current SNR and apply its rate to both devices.
    void Adapt();

    Ptr<MicrowaveLinkBudget> m_budget;       //!< the hop's link budget
    double m_rainRateMmH;                    //!< rain rate along the hop now
    bool m_adaptive;                         //!< adaptive modulation on
    std::string m_minModulation;             //!< slowest modulation allowed
    std::string m_maxModulation;             //!< fastest modulation allowed
    double m_acmMarginDb;                    //!< SNR kept above each requirement
    const MicrowaveModulation* m_modulation; //!< in use; nullptr in outage
    TracedCallback<const std::string&, const std::string&, double> m_modulationTrace; //!< changes
    TracedCallback<Ptr<const Packet>> m_outageDropTrace; //!< packets lost in outage
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_CHANNEL_H */
