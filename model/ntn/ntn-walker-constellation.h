/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_WALKER_CONSTELLATION_H
#define BLUEPRINT_NTN_WALKER_CONSTELLATION_H

#include "model/ntn/ntn-platform.h"

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief A LEO shell as a Walker delta constellation i:T/P/F on circular orbits.
 *
 * T = Planes x SatellitesPerPlane satellites at one Altitude and Inclination; the P planes'
 * ascending nodes are spread evenly over 360 degrees, the S satellites of a plane evenly over its
 * circle, and a satellite is 360 F / T degrees further along its orbit than the same slot of the
 * previous plane (J. G. Walker, "Satellite constellations", Journal of the British
 * Interplanetary Society 37, 1984). Orbits are Keplerian circles of radius EarthRadius +
 * Altitude with mean motion sqrt(GM / a^3) (period 2 pi sqrt(a^3 / GM)); J2 precession and drag
 * are not modelled (over a simulated hour they move a node by about 0.2 degrees). ECEF positions
 * turn the inertial ones by the Earth's rotation since t = 0, when the frames coincide.
 *
 * FindVisible() does not look at every satellite: per plane it finds the arc of the orbit that
 * is within the visibility cone of the ground point (an exact spherical-triangle bound) and
 * checks only the satellites on it, about one or two per plane. A query costs O(P), not O(T).
 *
 * Inter-satellite links form a +Grid: each satellite links to its two neighbours in its plane
 * and to the same slot in the two adjacent planes (the pattern of Starlink-like studies, e.g.
 * Handley, "Delay is not an option", HotNets 2018).
 */
class NtnWalkerConstellation : public NtnPlatform
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnWalkerConstellation();

    /**
     * \brief The Starlink-like shell 1: 550 km, 53 degrees, 72 planes of 22 satellites (1,584),
     * as in Hypatia's main_starlink_550.py (Kassing et al., IMC 2020) and the FCC filing
     * summarised there; 15 s reassignment (Tanveer et al., CoNEXT 2023; Mohan et al., WWW 2024).
     * \return the constellation.
     */
    static Ptr<NtnWalkerConstellation> CreateStarlinkShell1();

    uint32_t GetN() const override;
    Eigen::Vector3d GetPosition(uint32_t index, Time t) const override;
    std::string GetPlatformName(uint32_t index) const override;
    Time GetReassignmentPeriod() const override;
    void FindVisible(const GroundPoint& ground,
                     Time t,
                     double minElevationDeg,
                     std::vector<uint32_t>& visible) const override;
    bool HasInterSatelliteLink(uint32_t i, uint32_t j) const override;
    std::vector<uint32_t> RouteInterSatellite(uint32_t from, uint32_t to, Time t) const override;

    /// \return the orbital period, 2 pi sqrt(a^3 / GM).
    Time GetOrbitalPeriod() const;

    /// \return the orbit radius EarthRadius + Altitude, m.
    double GetOrbitRadius() const;

    /// \return the number of orbital planes.
    uint32_t GetPlanes() const;

    /// \return the satellites per plane.
    uint32_t GetSatellitesPerPlane() const;

  private:
    /**
     * \param plane a plane.
     * \param t the time.
     * \return the argument of latitude of slot 0 of the plane at t, rad.
     */
    double SlotZeroPhase(uint32_t plane, double t) const;

    /**
     * \param route satellite indices.
     * \param t the time.
     * \return the summed length of the hops between consecutive satellites, m.
     */
    double RouteLength(const std::vector<uint32_t>& route, Time t) const;

    double m_altitude;         //!< above EarthRadius, m
    double m_inclinationDeg;   //!< orbit inclination, degrees
    uint32_t m_planes;         //!< P
    uint32_t m_perPlane;       //!< S
    uint32_t m_phasing;        //!< F, in 0..P-1
    double m_earthRadius;      //!< reference radius of the altitude, m
    double m_raanOffsetDeg;    //!< right ascension of plane 0's ascending node at t = 0
    Time m_reassignmentPeriod; //!< global reassignment period
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_WALKER_CONSTELLATION_H */
