/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_PON_SPEC_H
#define BLUEPRINT_PON_SPEC_H

#include "helper/scenario/input-error.h"
#include "model/pon/pon-equipment.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-pon
 * \brief One ONU of a PON: its node and its drop fibre from the splitter.
 */
struct PonOnuSpec
{
    std::string node;    //!< the ONU's node (a scenario node name)
    double dropKm = 0.0; //!< drop fibre, splitter to ONU, km
    std::string label;   //!< its name in reports ("onu/<label>"); "" = node
    SourceMark mark;     //!< where it is written

    /// \return the name in reports: label, or node.
    const std::string& GetLabel() const
    {
        return label.empty() ? node : label;
    }
};

/**
 * \ingroup blueprint-pon
 * \brief A periodic upstream arrival announced to a cooperative DBA (the O-RAN CTI message of a
 * TDD uplink pattern): at one ONU, every period, so many packets of so many bytes.
 */
struct PonCtiSpec
{
    std::string onu;          //!< the ONU's node
    Time first;               //!< first arrival; negative: the ONU's first packet sets the phase
    Time period;              //!< between arrivals
    uint32_t packetBytes = 0; //!< IP packet size; 0: the ONU's first packet's
    uint32_t packets = 1;     //!< packets per arrival
    SourceMark mark;          //!< where it is written
};

/**
 * \ingroup blueprint-pon
 * \brief Everything a PON link needs: the OLT and ONU nodes, the tree (split, feeder, drops), the
 * flavour, the DBA policy and its figures, and the element figures for energy and cost.
 *
 * Every field has a default. Presets: the flavours "gpon", "xgs-pon", "ge-pon", "10g-epon"
 * (PonFlavour subclasses) and the DBA policies "status-reporting", "fixed", "cooperative" (or any
 * ns3::blueprint::PonDba subclass by TypeId name). PonHelper builds it; ReadPonLinkSpec
 * (helper/technology/pon/pon-link-reader.h) reads it from YAML.
 */
struct PonLinkSpec
{
    std::string olt;                      //!< the OLT's node
    std::vector<PonOnuSpec> onus;         //!< the ONUs, in tree order
    std::string flavour = "gpon";         //!< PonFlavour short name
    uint32_t split = 32;                  //!< splitter ratio 1:split (32, 64 or 128)
    double feederKm = 0.0;                //!< feeder fibre, OLT to splitter, km
    std::optional<double> budgetDb;       //!< optical budget; unset: the flavour's default class
    std::string dba = "status-reporting"; //!< policy alias or ns3::blueprint::PonDba TypeId name
    Time cycle = MilliSeconds(1);         //!< DBA cycle
    uint32_t maxGrantBytes = 0;           //!< per ONU and frame, 0 = unlimited
    double fixedRate = 0.0;               //!< fixed policy: bit/s per ONU, 0 = equal share
    Time cooperativeMargin = MicroSeconds(2); //!< cooperative policy: slack after an arrival
    std::vector<PonCtiSpec> cti;              //!< cooperative policy: announced arrivals
    uint32_t oltQueuePackets = 1000;          //!< OLT downstream queue
    uint32_t onuQueuePackets = 1000;          //!< each ONU's upstream queue
    PonEquipment equipment = PonEquipment::Defaults(); //!< power and cost figures
    SourceMark mark;                                   //!< where the link is written

    /// \param onu an index \return that ONU's fibre distance from the OLT: feeder + drop, km
    double GetDistanceKm(std::size_t onu) const;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_PON_SPEC_H */
