/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NR_LINK_CONFIG_H
#define BLUEPRINT_NR_LINK_CONFIG_H

#include "helper/scenario/scenario-spec.h"
#include "helper/technology/cell-technology.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Handover settings of an NR cell (NrHandoverManager attributes).
 */
struct NrHandoverSpec
{
    double hysteresisDb = 3.0;       //!< A3 hysteresis
    double offsetDb = 0.0;           //!< A3 offset
    double timeToTrigger = 0.256;    //!< seconds
    double interruption = 0.050;     //!< seconds
    double measurementPeriod = 0.04; //!< seconds

    /// \return true if every field is equal.
    bool operator==(const NrHandoverSpec& o) const
    {
        return hysteresisDb == o.hysteresisDb && offsetDb == o.offsetDb &&
               timeToTrigger == o.timeToTrigger && interruption == o.interruption &&
               measurementPeriod == o.measurementPeriod;
    }
};

/**
 * \ingroup blueprint
 * \brief A link's own radio figures for one end (`gnb_radio`, `ue_radio`), each replacing its
 * cell or UE class's figure when set.
 */
struct NrRadioOverride
{
    std::optional<double> txPowerDbm;     //!< total transmit power over the carrier, dBm
    std::optional<double> antennaGainDbi; //!< antenna gain, dBi
    std::optional<double> noiseFigureDb;  //!< receiver noise figure, dB
    std::optional<double> heightM;        //!< antenna height above ground, m

    /// \return true if every field is equal.
    bool operator==(const NrRadioOverride& o) const
    {
        return txPowerDbm == o.txPowerDbm && antennaGainDbi == o.antennaGainDbi &&
               noiseFigureDb == o.noiseFigureDb && heightM == o.heightM;
    }

    /**
     * \brief Apply the set figures to a radio.
     * \param radio a gNB's or UE's figures from its class (NrGnbRadio or NrUeRadio).
     * \return \p radio with each set figure replaced.
     */
    template <typename Radio>
    Radio Apply(Radio radio) const
    {
        radio.txPowerDbm = txPowerDbm.value_or(radio.txPowerDbm);
        radio.antennaGainDbi = antennaGainDbi.value_or(radio.antennaGainDbi);
        radio.noiseFigureDb = noiseFigureDb.value_or(radio.noiseFigureDb);
        radio.heightM = heightM.value_or(radio.heightM);
        return radio;
    }
};

/**
 * \ingroup blueprint
 * \brief The radio configuration of an NR cell (a link with `technology: nr`).
 */
struct NrLinkConfig : public LinkConfig
{
    std::string band;           //!< NrBandProfile name
    std::string cell = "macro"; //!< NrCellClass name
    std::string ue = "handset"; //!< NrUeClass name
    NrRadioOverride gnbRadio;   //!< the link's own gNB figures (`gnb_radio`)
    NrRadioOverride ueRadio;    //!< the link's own UE figures (`ue_radio`)
    uint8_t numerology = 1;     //!< mu (default: the band's)
    double bandwidth = 0;       //!< Hz (default: the band's)
    double frequency = 0;       //!< carrier centre frequency, Hz (default: the band's)
    std::string tdd;            //!< TDD pattern, or "FDD" (default: the band's)
    std::string specialSlot;    //!< special slot split (default: the band's)
    std::string scheduler =
        "ns3::blueprint::NrMacSchedulerPf"; //!< the MAC scheduler's TypeId (NrSchedulers)
    std::string errorModel =
        "ns3::blueprint::NrShannonErrorModel"; //!< the cell's NrErrorModel TypeId (NrErrorModels)
    std::string ulAccess = "grant";            //!< grant (SR/BSR) or configured
    uint32_t miniSlotSymbols = 0;              //!< 0 (full slots), 2, 4 or 7
    std::string scenario; //!< NrPropagationScenario TypeId (NrScenarios; default: the cell class's)
    std::string condition = "Auto"; //!< Auto, LOS or NLOS
    bool shadowing = true;          //!< log-normal shadowing
    NrHandoverSpec handover;        //!< handover settings of the cell
    std::string sleep = "micro";    //!< deepest idle sleep state: micro (none), light, deep
    double ssbPeriod = 0.02;        //!< SS burst period, s (TS 38.331: 5-160 ms)
    /// The gNB's power model (NrGnbPowerModels) and its attributes.
    StationPowerSpec power{"ns3::blueprint::NrGnbEnergyModel", {}};
    std::map<std::string, std::string> deviceAttributes; //!< NrGnbNetDevice attributes
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_NR_LINK_CONFIG_H
