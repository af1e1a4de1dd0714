/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_OPTICAL_TRANSPONDER_CLASS_H
#define BLUEPRINT_OPTICAL_TRANSPONDER_CLASS_H

#include "ns3/nstime.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

struct OpticalLineSystem;

/**
 * \ingroup blueprint-optical
 * \brief What one kind of coherent transponder carries, needs and costs.
 *
 * A lightpath runs between two transponders of one class. Its reach is not a fixed distance but
 * the point where the line's OSNR (OpticalLineSystem::GetPathOsnrDb) falls below requiredOsnrDb;
 * nominalReachKm is the reach this class attains on the default line, for reading. Power is per
 * transponder (one end); cost is per transponder. Amounts of money are in JPY. Each figure's
 * source is named next to it in optical-transponder-class.cc and summarised in the *Source
 * strings.
 */
struct OpticalTransponderClass
{
    std::string name;                 //!< catalogue name ("100G", "400G")
    double lineRate = 0.0;            //!< client capacity, bit/s
    std::string modulation;           //!< e.g. "DP-QPSK"
    double symbolRateBaud = 0.0;      //!< symbol rate, Bd
    double minChannelSpacingHz = 0.0; //!< narrowest grid slot its signal fits, Hz
    /// OSNR in 0.1 nm the receiver needs at end of life, system margin included, dB.
    double requiredOsnrDb = 0.0;
    /// Latency a pair of these adds per direction: framing, FEC encoding and the transmitter at
    /// one end, DSP and FEC decoding at the other. A regenerator (receiver + transmitter back to
    /// back) adds the same again.
    Time pairLatency;
    double powerWatts = 0.0;    //!< one transponder, W (site PUE excluded)
    double capex = 0.0;         //!< one transponder, JPY
    double lifetimeYears = 7.0; //!< recovery period of the capex
    double opexPerYear = 0.0;   //!< support per transponder per year, JPY
    std::string osnrSource;     //!< where the rate, spacing and OSNR figures come from
    std::string powerSource;    //!< where the power figure comes from
    std::string costSource;     //!< where the cost figures come from

    /**
     * \brief Look a class up by name.
     * \param name the catalogue name.
     * \return the class, or nullptr if there is none by that name.
     */
    static const OpticalTransponderClass* Find(const std::string& name);

    /// \return the catalogue names, fastest first.
    static std::vector<std::string> Names();

    /**
     * \brief The longest chain of equal maxSpanKm spans this class crosses on a line.
     * \param line the line system.
     * \return the reach in km (a whole number of spans).
     */
    double GetReachKm(const OpticalLineSystem& line) const;

    /**
     * \brief Check the figures.
     * \return "" if they describe a possible transponder, else what is wrong.
     */
    std::string Check() const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_OPTICAL_TRANSPONDER_CLASS_H */
