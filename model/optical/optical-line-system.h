/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_LINE_SYSTEM_H
#define BLUEPRINT_OPTICAL_LINE_SYSTEM_H

#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \defgroup blueprint-optical All-optical paths
 * \brief ROADM transport graph, OSNR reach, routing and wavelength assignment, lightpaths as
 * device/channel pairs, and the IP-routed layer on the same fibres (doc/optical.rst).
 */

/**
 * \ingroup blueprint-optical
 * \brief The DWDM channel grid of every fibre of an optical network.
 *
 * ITU-T G.694.1 (10/2020) clause 6: channel centre frequencies 193.1 THz + n x spacing. The
 * three presets fill the same ~4-4.8 THz of C band with 40 channels at 100 GHz, 64 at 75 GHz or
 * 96 at 50 GHz; a transponder whose signal needs a wider slot than the spacing cannot use the
 * grid (OpticalTransponderClass::minChannelSpacingHz).
 */
struct OpticalWavelengthGrid
{
    uint32_t channels = 96;  //!< wavelengths per fibre (and direction)
    double spacingHz = 50e9; //!< channel spacing, Hz

    /// Anchor frequency of the G.694.1 grid, Hz (clause 6.1).
    static constexpr double ANCHOR_HZ = 193.1e12;

    /**
     * \brief The grid of a preset channel count: 40 at 100 GHz, 64 at 75 GHz, 96 at 50 GHz.
     * \param channels 40, 64 or 96.
     * \return the grid; \throws std::invalid_argument for another count.
     */
    static OpticalWavelengthGrid ForChannelCount(uint32_t channels);

    /**
     * \brief Centre frequency of a channel, the channels centred on the anchor.
     * \param channel the channel index, 0 to channels - 1.
     * \return 193.1 THz + (channel - channels / 2) x spacing, Hz.
     */
    double GetFrequencyHz(uint32_t channel) const;
};

/**
 * \ingroup blueprint-optical
 * \brief The amplified line of every fibre: span plan, OSNR budget and the line's latency.
 *
 * **Spans.** A fibre of length L is cut into ceil(L / maxSpanKm) equal spans, each closed by an
 * optical amplifier: the ROADM's pre-amplifier closes the last one, in-line amplifiers (ILAs)
 * the others, so a fibre has ceil(L / maxSpanKm) - 1 in-line amplifier sites. 80 km is the usual
 * terrestrial amplifier spacing (ITU-T G.692 application code L: 80 km spans of up to 22 dB).
 *
 * **OSNR.** Every amplifier that makes good a span loss L_i adds ASE noise; in a 0.1 nm
 * reference bandwidth the signal-to-noise ratio after that one span is
 *
 *     OSNR_i [dB] = P_ch [dBm] - L_i [dB] - NF [dB] - 10 log10(h nu B_ref / 1 mW),
 *
 * and noise from successive spans adds, 1/OSNR = sum_i 1/OSNR_i (linear). With h nu B_ref at
 * 193.4 THz and 12.5 GHz (0.1 nm), the last term is -58.0 dBm, which gives the textbook form for
 * N equal spans, OSNR = 58 + P_ch - L_span - NF - 10 log10(N) (Ramaswami, Sivarajan & Sasaki,
 * Optical Networks: A Practical Perspective, 3rd ed., Morgan Kaufmann 2010, chapter 5, noise in
 * amplifier cascades). The constant is computed here from h, nu and B_ref, not written as 58. Span
 * loss is attenuation x length + a margin for connectors, splices and ageing. Fibre nonlinearity
 * and filtering penalties are not modelled; the transponder classes' required OSNR carries a system
 * margin for them.
 *
 * **Latency.** Light travels 4.897 us/km in standard single-mode fibre (group index 1.4682 at
 * 1550 nm, Corning SMF-28 Ultra product information sheet PI1424: c / 1.4682 = 4.8966 us/km).
 * An erbium-doped fibre amplifier adds the flight time through its few tens of metres of doped
 * fibre, 0.1 us by default (assumption: ~20 m x 4.9 ns/m).
 */
struct OpticalLineSystem
{
    double launchPowerDbm = 0.0; //!< launch power per channel, dBm (assumption: 0 dBm)
    double noiseFigureDb = 5.0;  //!< amplifier noise figure, dB (assumption: typical EDFA)
    /// Fibre attenuation including splices, dB/km: 0.25 + a 2 dB span margin gives 22 dB per
    /// 80 km span, the G.692 L-class span loss.
    double attenuationDbPerKm = 0.25;
    double spanMarginDb = 2.0;    //!< per-span connectors and ageing margin, dB (assumption)
    double maxSpanKm = 80.0;      //!< longest span before an amplifier, km
    double delayPerKm = 4.897e-6; //!< propagation delay, s/km
    Time amplifierLatency = NanoSeconds(100); //!< latency of one amplifier

    /**
     * \brief Number of spans of a fibre.
     * \param lengthKm the fibre length (> 0).
     * \return ceil(length / maxSpanKm), at least 1.
     */
    uint32_t GetSpanCount(double lengthKm) const;

    /**
     * \brief In-line amplifier sites on a fibre (the spans' amplifiers except the last, which is
     * the receiving ROADM's pre-amplifier).
     * \param lengthKm the fibre length.
     * \return GetSpanCount(lengthKm) - 1.
     */
    uint32_t GetInlineAmplifierCount(double lengthKm) const;

    /**
     * \brief Loss of one span.
     * \param spanKm the span length.
     * \return attenuation x span + spanMarginDb, dB.
     */
    double GetSpanLossDb(double spanKm) const;

    /**
     * \brief OSNR contributed by one amplified span.
     * \param spanKm the span length.
     * \return P_ch - span loss - NF - 10 log10(h nu B_ref / 1 mW), dB in 0.1 nm.
     */
    double GetSpanOsnrDb(double spanKm) const;

    /**
     * \brief OSNR at the end of a chain of fibres, every fibre cut into equal spans.
     * \param fibreLengthsKm the fibres' lengths, in order.
     * \return the OSNR, dB in 0.1 nm; +infinity for an empty chain.
     */
    double GetPathOsnrDb(const std::vector<double>& fibreLengthsKm) const;

    /**
     * \brief Latency of a chain of fibres: propagation plus every amplifier (one per span).
     * \param fibreLengthsKm the fibres' lengths.
     * \return the one-way line latency.
     */
    Time GetLineLatency(const std::vector<double>& fibreLengthsKm) const;

    /**
     * \brief The ASE reference term 10 log10(h nu B_ref / 1 mW) at 1550 nm in 0.1 nm.
     * \return about -58.0 dBm.
     */
    static double GetAseReferenceDbm();

    /**
     * \brief Check the figures.
     * \return "" if they describe a possible line, else what is wrong.
     */
    std::string Check() const;

    /**
     * \brief A preset line.
     *
     * "land": the defaults above, a terrestrial line of G.652 fibre with 80 km spans of 22 dB
     * (ITU-T G.692 application code L). "submarine": a repeatered submarine line of
     * loss-minimised cut-off shifted fibre (ITU-T G.654, the fibre of submarine systems): 60 km
     * repeater spacing, 0.17 dB/km and a 1 dB margin per span (assumptions within the ranges
     * ITU-T G-series Supplement 41, design guidelines for optical fibre submarine cable systems,
     * discusses), which gives 11.2 dB spans and OSNR 41.7 dB per span.
     * \param name "land" or "submarine".
     * \return the line; \throws std::invalid_argument for another name.
     */
    static OpticalLineSystem FromPreset(const std::string& name);

    /// \return the preset names FromPreset knows.
    static std::vector<std::string> PresetNames();
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_LINE_SYSTEM_H */
