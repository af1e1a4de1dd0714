/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_MODCOD_TABLE_H
#define BLUEPRINT_NTN_MODCOD_TABLE_H

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief One DVB-S2X modulation and coding: its spectral efficiency and the Es/N0 it needs.
 */
struct NtnModcod
{
    std::string name;          //!< e.g. "16APSK 26/45"
    double spectralEfficiency; //!< bit per symbol, framing included
    double esN0Db;             //!< ideal Es/N0 for quasi-error-free operation on AWGN, dB
};

/**
 * \ingroup blueprint-ntn
 * \brief Adaptive coding and modulation over the DVB-S2X MODCODs.
 *
 * The table is ETSI EN 302 307-2 V1.1.1 (2014-10) Table 20a: normal FECFRAME (64,800 bits),
 * spectral efficiency in bit per symbol and the ideal Es/N0 at a packet error rate of 1e-5 on a
 * linear AWGN channel, QPSK 13/45 to 256APSK 3/4 (the very-low-SNR MODCODs of Table 20c are left
 * out). Select() takes the most efficient MODCOD whose Es/N0 plus a margin (implementation
 * loss, non-linear amplifier, fading; an operator's ACM margin) fits under the link's Es/N0.
 */
class NtnModcodTable
{
  public:
    /// \return the DVB-S2X normal-frame MODCODs, in the order of EN 302 307-2 Table 20a.
    static const std::vector<NtnModcod>& GetDvbS2x();

    /**
     * \param esN0Db the link's Es/N0, dB.
     * \param marginDb the margin kept above each MODCOD's threshold, dB.
     * \return the most efficient usable MODCOD, or nullptr if none is (the link is down).
     */
    static const NtnModcod* Select(double esN0Db, double marginDb);
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_MODCOD_TABLE_H */
