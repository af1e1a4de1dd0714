/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_PLATFORM_H
#define BLUEPRINT_NTN_PLATFORM_H

#include "model/geography/geographic-frame.h"

#include "ns3/nstime.h"
#include "ns3/object.h"

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/// Speed of light in vacuum, m/s (SI definition).
constexpr double NTN_SPEED_OF_LIGHT = 299792458.0;
/// Earth's gravitational parameter GM, m^3/s^2 (WGS84, NIMA TR8350.2 3rd ed., Table 3.1).
constexpr double NTN_EARTH_GM = 3.986004418e14;
/// Earth's rotation rate, rad/s (WGS84, NIMA TR8350.2 3rd ed., Table 3.1).
constexpr double NTN_EARTH_ROTATION = 7.292115e-5;

/**
 * \ingroup blueprint-ntn
 * \brief Where a platform is seen from a ground point.
 */
struct NtnLookAngles
{
    double elevationDeg = -90.0; //!< angle above the local horizon, degrees
    double azimuthDeg = 0.0;     //!< clockwise from north, degrees
    double rangeM = 0.0;         //!< straight-line (slant) distance, m
};

/**
 * \ingroup blueprint-ntn
 * \brief Elevation, azimuth and slant range of a position seen from a ground point.
 * \param ground the observer with its local axes.
 * \param target the observed position, ECEF, m.
 * \return the look angles.
 */
NtnLookAngles NtnLook(const GroundPoint& ground, const Eigen::Vector3d& target);

/**
 * \ingroup blueprint-ntn
 * \brief A set of platforms (satellites or HAPS) whose positions are a pure function of time.
 *
 * Positions are computed when asked, in the Earth-centred Earth-fixed frame; no event is ever
 * scheduled per platform, so a constellation of thousands costs nothing until a terminal looks
 * at it. Subclasses give the positions and may answer FindVisible() faster than the exhaustive
 * search of this base class (a Walker shell searches per orbital plane).
 */
class NtnPlatform : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \return the number of platforms.
    virtual uint32_t GetN() const = 0;

    /**
     * \param index a platform, below GetN().
     * \param t the simulation time.
     * \return its ECEF position at t, m.
     */
    virtual Eigen::Vector3d GetPosition(uint32_t index, Time t) const = 0;

    /**
     * \param index a platform, below GetN().
     * \return a short name for logs and results ("plane 3 slot 17", "GEO 140E").
     */
    virtual std::string GetPlatformName(uint32_t index) const;

    /**
     * \brief How often terminals are reassigned to a (possibly) different platform.
     * \return the period; zero means a terminal keeps its platform for the whole run (GEO, HAPS).
     */
    virtual Time GetReassignmentPeriod() const;

    /**
     * \brief The platforms above a minimum elevation at a ground point.
     *
     * This base class looks at every platform; subclasses may search less, but must return the
     * same set.
     * \param ground the observer.
     * \param t the simulation time.
     * \param minElevationDeg the lowest usable elevation, degrees.
     * \param[out] visible the platform indices, cleared first, in increasing index order.
     */
    virtual void FindVisible(const GroundPoint& ground,
                             Time t,
                             double minElevationDeg,
                             std::vector<uint32_t>& visible) const;

    /**
     * \brief The exhaustive search of this base class, whatever a subclass overrides; for tests
     * and for checking a faster search.
     * \param ground the observer.
     * \param t the simulation time.
     * \param minElevationDeg the lowest usable elevation, degrees.
     * \param[out] visible the platform indices, cleared first, in increasing order.
     */
    void FindVisibleExhaustive(const GroundPoint& ground,
                               Time t,
                               double minElevationDeg,
                               std::vector<uint32_t>& visible) const;

    /**
     * \param i a platform.
     * \param j another platform of the same set.
     * \return true if a laser inter-satellite link joins them (neighbours in a +Grid); the base
     * class has no inter-satellite links.
     */
    virtual bool HasInterSatelliteLink(uint32_t i, uint32_t j) const;

    /**
     * \brief A chain of inter-satellite links from one platform to another.
     * \param from the first platform.
     * \param to the last platform.
     * \param t the time the route is chosen at.
     * \return the platforms in order, from and to included; just {from} if they are equal, and
     *         empty if there is no inter-satellite link (the base class).
     */
    virtual std::vector<uint32_t> RouteInterSatellite(uint32_t from, uint32_t to, Time t) const;

    /// \return the timeline time at simulation time 0 (the Epoch attribute).
    Time GetEpoch() const;

  private:
    Time m_epoch; //!< timeline time at simulation time 0
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_PLATFORM_H */
