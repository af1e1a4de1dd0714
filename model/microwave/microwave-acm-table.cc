/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/microwave/microwave-acm-table.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintMicrowaveAcmTable");

namespace
{

/// Reference channel width of the datasheet table, Hz.
constexpr double REFERENCE_WIDTH_HZ = 28e6;
/// Symbol rate of the datasheet's 28 MHz channel: its raw bit rate per bit of symbol (QPSK
/// 50 Mbit/s raw, 256-QAM 200 Mbit/s raw), baud.
constexpr double SYMBOL_RATE_28MHZ = 25e6;
/// Net to raw bit rate of the datasheet's 256-QAM row (170.7 / 200 Mbit/s), kept for the
/// extrapolated rows.
constexpr double NET_TO_RAW_256QAM = 170.7 / 200.0;

/**
 * \param bits bits per symbol (9 to 12).
 * \return an extrapolated row: 3 dB of SNR per bit above 256-QAM's 26.5 dB, the net rate at
 *         256-QAM's net-to-raw ratio.
 */
MicrowaveModulation
Extrapolated(uint32_t bits)
{
    const std::string name = std::to_string(1u << bits) + "QAM";
    return {name,
            bits,
            26.5 + 3.0 * (bits - 8),
            SYMBOL_RATE_28MHZ * bits * NET_TO_RAW_256QAM,
            false};
}

} // namespace

const std::vector<MicrowaveModulation>&
MicrowaveAcmTable::GetModulations()
{
    // RACOM, "RAy Microwave Link" user manual, Technical parameters, channel spacing 28 MHz,
    // ACCP operation (RAy11 and RAy17 tables): SNR for BER 1e-6 and user bit rate.
    static const std::vector<MicrowaveModulation> table = {
        {"QPSK", 2, 7.5, 36.8e6, true},
        {"16QAM", 4, 15.0, 80.9e6, true},
        {"32QAM", 5, 18.5, 102.4e6, true},
        {"64QAM", 6, 21.5, 129.8e6, true},
        {"128QAM", 7, 25.0, 155.5e6, true},
        {"256QAM", 8, 26.5, 170.7e6, true},
        Extrapolated(9),
        Extrapolated(10),
        Extrapolated(11),
        Extrapolated(12),
    };
    return table;
}

std::vector<std::string>
MicrowaveAcmTable::GetNames()
{
    std::vector<std::string> names;
    for (const auto& m : GetModulations())
    {
        names.push_back(m.name);
    }
    return names;
}

std::size_t
MicrowaveAcmTable::IndexOf(const std::string& name)
{
    const auto& table = GetModulations();
    for (std::size_t i = 0; i < table.size(); ++i)
    {
        if (table[i].name == name)
        {
            return i;
        }
    }
    return table.size();
}

double
MicrowaveAcmTable::GetRateBps(const MicrowaveModulation& modulation, double channelWidthHz)
{
    return modulation.netRateAt28MhzBps * channelWidthHz / REFERENCE_WIDTH_HZ;
}

const MicrowaveModulation*
MicrowaveAcmTable::Select(double snrDb, std::size_t lowest, std::size_t highest, double marginDb)
{
    const auto& table = GetModulations();
    NS_ABORT_MSG_IF(lowest > highest || highest >= table.size(),
                    "MicrowaveAcmTable: bad modulation range " << lowest << ".." << highest);
    for (std::size_t i = highest + 1; i-- > lowest;)
    {
        if (snrDb >= table[i].requiredSnrDb + marginDb)
        {
            return &table[i];
        }
    }
    return nullptr;
}

} // namespace blueprint
} // namespace ns3
