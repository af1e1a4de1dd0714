/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_FAULT_SPEC_H
#define BLUEPRINT_FAULT_SPEC_H

#include "helper/scenario/input-error.h"

#include <optional>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief How routing reacts to a fault (`failover:`): the time to notice it and the time to
 * move the routes, and whether routes move back when the fault is repaired.
 *
 * The defaults (doc/faults.rst):
 * - detection 150 ms: Bidirectional Forwarding Detection (IETF RFC 5880, clause 6.8.4: a session
 *   is declared down after Detect Mult intervals without a packet) at the 50 ms transmit
 *   interval and Detect Mult 3 common in carrier backbones: 3 x 50 ms.
 * - reconvergence 200 ms: a link-state IGP's SPF run and FIB update after the event is known.
 *   Francois, Filsfils, Evans and Bonaventure, "Achieving sub-second IGP convergence in large
 *   IP networks", ACM SIGCOMM CCR 35(3), 2005, measured the whole reaction (flooding, SPF, FIB
 *   update of thousands of prefixes) well under 1 s, a few hundred ms with tuned timers; 200 ms
 *   is a tuned network's figure from that study's range, not a worst case.
 */
struct FailoverSpec
{
    double detectionSeconds = 0.150;     //!< from the fault to its detection
    double reconvergenceSeconds = 0.200; //!< from detection to routes around the fault
    bool revert = true;                  //!< move back to the primary on restoration
    SourceMark mark;                     //!< where `failover:` is written (none if absent)
};

/**
 * \ingroup blueprint
 * \brief A storm: rain at a rate over a disc of the site plane.
 */
struct StormSpec
{
    std::string center;      //!< the site at its centre
    double radiusMetres = 0; //!< radius of the disc
    double rainRateMmH = 0;  //!< rain rate inside it, mm/h
};

/**
 * \ingroup blueprint
 * \brief One event of the fault timeline (`events:`).
 */
struct FaultEvent
{
    /** \brief What happens. */
    enum class Kind
    {
        Cut,          //!< links go down (all their member pairs, or `fraction` of them)
        Restore,      //!< links come back
        PowerLoss,    //!< nodes, groups or sites lose mains power
        PowerRestore, //!< they get it back
        Storm,        //!< rain over an area
        BringIn,      //!< nodes or links are absent (down) until `at`
    };

    Kind kind = Kind::Cut;               //!< what happens
    double at = 0;                       //!< when, on the scenario's timeline (s)
    std::optional<double> until;         //!< when it ends (cut, power_loss, storm), timeline s
    std::vector<std::string> targets;    //!< links, nodes, groups or sites it acts on
    std::vector<SourceMark> targetMarks; //!< where each target is written
    std::optional<double> fraction;      //!< share of each link's member pairs cut (cut only)
    StormSpec storm;                     //!< the storm (storm only)
    SourceMark mark;                     //!< where the event is written
};

/**
 * \ingroup blueprint
 * \brief A scenario's faults: its timeline of events and how routing reacts to them.
 */
struct FaultSpec
{
    FailoverSpec failover;          //!< routing's reaction
    std::vector<FaultEvent> events; //!< in file order
};

/**
 * \ingroup blueprint
 * \param kind an event kind
 * \return its key in YAML (`cut`, `power_loss`, ...)
 */
std::string ToString(FaultEvent::Kind kind);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_FAULT_SPEC_H
