/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_MICROWAVE_ACM_TABLE_H
#define BLUEPRINT_MICROWAVE_ACM_TABLE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-microwave
 * \brief One modulation of a point-to-point radio's adaptive coding and modulation (ACM) ladder.
 *
 * The receiver needs requiredSnrDb of signal-to-noise ratio (noise in the channel width) to run
 * it at a bit error ratio of 1e-6, the threshold ETSI EN 302 217-2 specifies receivers at; it
 * then carries netRateAt28MhzBps of Ethernet payload in a 28 MHz channel, and proportionally
 * more or less in other channel widths.
 */
struct MicrowaveModulation
{
    std::string name;         //!< "QPSK", "16QAM", ..., "4096QAM"
    uint32_t bitsPerSymbol;   //!< log2 of the constellation size
    double requiredSnrDb;     //!< SNR for BER 1e-6, dB
    double netRateAt28MhzBps; //!< net (user) bit rate in a 28 MHz channel, bit/s
    bool fromDatasheet;       //!< true: a vendor's published row; false: extrapolated (see .cc)
};

/**
 * \ingroup blueprint-microwave
 * \brief The ACM ladder from QPSK to 4096-QAM and the choice of a modulation for an SNR.
 *
 * Rows QPSK to 256-QAM are the RACOM RAy11/RAy17 user manual's "Technical parameters" tables
 * for a 28 MHz channel (ACCP operation): SNR for BER 1e-6 and user bit rate. 512- to 4096-QAM,
 * which that radio does not have, are extrapolated by two documented rules: each extra bit per
 * symbol needs 3 dB more SNR (the high-SNR rule for square and cross QAM, whose required Es/N0
 * grows as M - 1), and the net rate keeps 256-QAM's ratio of net to raw bit rate (170.7 of
 * 200 Mbit/s) on the same 25 Mbaud. The net rate scales with the channel width (the 56 MHz
 * table of the same manual is within 2.5 % of 28 MHz doubled; the test checks it).
 */
class MicrowaveAcmTable
{
  public:
    /// \return every modulation, from the most robust (QPSK) to the fastest (4096QAM).
    static const std::vector<MicrowaveModulation>& GetModulations();

    /// \return the names of GetModulations(), in the same order.
    static std::vector<std::string> GetNames();

    /**
     * \param name a modulation name.
     * \return its index in GetModulations(), or GetModulations().size() if unknown.
     */
    static std::size_t IndexOf(const std::string& name);

    /**
     * \brief Net bit rate of a modulation in a channel.
     * \param modulation the modulation.
     * \param channelWidthHz the channel width (channel separation), Hz.
     * \return bit/s.
     */
    static double GetRateBps(const MicrowaveModulation& modulation, double channelWidthHz);

    /**
     * \brief The fastest modulation the SNR supports within a range of the ladder.
     * \param snrDb the receiver's SNR, dB.
     * \param lowest index of the slowest modulation allowed.
     * \param highest index of the fastest modulation allowed (>= lowest).
     * \param marginDb SNR kept in hand above each modulation's requirement, dB.
     * \return the modulation, or nullptr if even the slowest allowed one does not fit (outage).
     */
    static const MicrowaveModulation* Select(double snrDb,
                                             std::size_t lowest,
                                             std::size_t highest,
                                             double marginDb);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_MICROWAVE_ACM_TABLE_H */
