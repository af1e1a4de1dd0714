/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_LTE_LINK_CONFIG_H
#define BLUEPRINT_LTE_LINK_CONFIG_H

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
 * \brief The configuration of an LTE cell (a link with `technology: lte`), built from ns-3's lte
 * module with its EPC.
 */
struct LteLinkConfig : public LinkConfig
{
    uint16_t band = 1;       //!< E-UTRA operating band (LteBandProfile)
    double dlMhz = 0;        //!< downlink carrier centre, MHz (default: the band's)
    double bandwidth = 20e6; //!< channel bandwidth, Hz (TS 36.101 Table 5.6-1; default: the band's)
    std::string cell = "macro"; //!< NrCellClass name: power, antenna, height, site cost
    std::string ue = "handset"; //!< NrUeClass name: power, antenna, height
    std::string scheduler = "ns3::PfFfMacScheduler"; //!< the FF MAC scheduler's TypeId
    std::string scenario;              //!< TR 38.901 scenario RMa, UMa, UMi (default: cell's)
    std::string condition = "Auto";    //!< Auto, LOS or NLOS
    bool shadowing = true;             //!< log-normal shadowing
    std::optional<double> enbPowerDbm; //!< eNB transmit power (default: the cell class's)
    std::optional<double> uePowerDbm;  //!< UE maximum power (default: the UE class's)
    std::string sleep = "micro";       //!< idle sleep state: micro only (CRS every subframe)
    /// The eNB's power model (an LteEnbPowerModel) and its attributes.
    StationPowerSpec power{"ns3::blueprint::LteEnbEnergyModel", {}};
    std::string core;                              //!< node the EPC's PGW attaches to (SGi)
    std::map<std::string, std::string> attributes; //!< ns3::Type::Attribute defaults for the run
    SourceMark coreMark;                           //!< where `core` is written
    SourceMark bandMark;                           //!< where `band` is written (or the link)
    SourceMark propagationMark;                    //!< where `propagation` is written
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_LTE_LINK_CONFIG_H
