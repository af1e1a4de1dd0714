/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_NTN_PATH_LOSS_H
#define BLUEPRINT_NTN_PATH_LOSS_H

#include "ns3/object.h"

#include <array>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint-ntn
 * \brief One row of a TR 38.811 scenario table: LOS probability (Table 6.6.1-1), shadow-fading
 * standard deviations and NLOS clutter loss (Tables 6.6.2-1 to 6.6.2-3) at one elevation.
 */
struct NtnScenarioRow
{
    double elevationDeg;   //!< tabulated elevation, degrees
    double losProbability; //!< probability of line of sight
    double sfLosS;         //!< S-band LOS shadow-fading sigma, dB
    double sfNlosS;        //!< S-band NLOS shadow-fading sigma, dB
    double clutterS;       //!< S-band NLOS clutter loss, dB
    double sfLosKa;        //!< Ka-band LOS shadow-fading sigma, dB
    double sfNlosKa;       //!< Ka-band NLOS shadow-fading sigma, dB
    double clutterKa;      //!< Ka-band NLOS clutter loss, dB
};

/// A TR 38.811 scenario table: rows at 10, 20, ..., 90 degrees.
using NtnScenarioTable = std::array<NtnScenarioRow, 9>;

/**
 * \ingroup blueprint-ntn
 * \brief Path loss of a satellite or HAPS link by 3GPP TR 38.811 (V15.4.0) clause 6.6.
 *
 * PL = FSPL(d, fc) + SF + CL (NLOS only) + PL_gas + PL_scint, with
 * - FSPL = 32.45 + 20 log10(fc / GHz) + 20 log10(d / m) (clause 6.6.2, Eq. 6.6-2);
 * - SF ~ N(0, sigma^2) and CL from the scenario's tables (Tables 6.6.2-1/-2/-3); the tables give
 *   S-band and Ka-band columns; below 13 GHz the S-band columns are used (as ns-3's
 *   ThreeGppNTN models do, so Ku-band falls on the S-band side);
 * - PL_gas = A_zenith(fc) / sin(elevation) (clause 6.6.4, Eq. 6.6-4), applied at fc >= 10 GHz or
 *   below 10 degrees elevation above 1 GHz, with the zenith attenuation of ITU-R P.676 Figure 6
 *   (standard atmosphere, 7.5 g/m^3) at 1 GHz steps, linearly interpolated between them;
 * - PL_scint: ionospheric below 6 GHz, A_IS(fc) / sqrt(2) with A_IS = 1.1 dB (fc / 4 GHz)^-1.5
 *   (clause 6.6.6.1.4; 2.20 dB at 2 GHz), tropospheric from 6 GHz, Table 6.6.6.2.1-1 (99 %,
 *   20 GHz, Toulouse) by elevation.
 * Table values are linearly interpolated between the tabulated elevations (TR 38.811 leaves
 * the interpolation open; ns-3 rounds to the nearest 10 degrees, which makes the loss jump as a
 * satellite moves); below 10 degrees the 10-degree row holds.
 *
 * The model holds no random variables: the draws are the caller's, so that each terminal draws
 * from a stream of its own (NtnChannel), whatever the others do.
 *
 * Subclasses give one scenario's table (GetScenarioTable()), as ns-3's TR 38.901 models override
 * one hook per scenario.
 */
class NtnPathLoss : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    NtnPathLoss();

    /**
     * \param frequencyHz carrier frequency, Hz.
     * \param distanceM slant range, m.
     * \return free-space path loss, dB (TR 38.811 Eq. 6.6-2).
     */
    static double GetFreeSpaceLoss(double frequencyHz, double distanceM);

    /**
     * \param frequencyHz carrier frequency, Hz (1 to 100 GHz).
     * \param elevationDeg elevation, degrees.
     * \return atmospheric gas absorption, dB (TR 38.811 clause 6.6.4).
     */
    static double GetGasLoss(double frequencyHz, double elevationDeg);

    /**
     * \param frequencyHz carrier frequency, Hz.
     * \param elevationDeg elevation, degrees.
     * \return ionospheric or tropospheric scintillation loss, dB (TR 38.811 clause 6.6.6).
     */
    static double GetScintillationLoss(double frequencyHz, double elevationDeg);

    /**
     * \param elevationDeg elevation, degrees.
     * \return probability of line of sight (TR 38.811 Table 6.6.1-1).
     */
    double GetLosProbability(double elevationDeg) const;

    /**
     * \param frequencyHz carrier frequency, Hz.
     * \param elevationDeg elevation, degrees.
     * \param los line of sight or not.
     * \return shadow-fading standard deviation, dB.
     */
    double GetShadowFadingSigma(double frequencyHz, double elevationDeg, bool los) const;

    /**
     * \param frequencyHz carrier frequency, Hz.
     * \param elevationDeg elevation, degrees.
     * \return clutter loss of an NLOS link, dB.
     */
    double GetClutterLoss(double frequencyHz, double elevationDeg) const;

    /**
     * \brief The deterministic part of the loss plus a given shadow fading.
     * \param frequencyHz carrier frequency, Hz.
     * \param distanceM slant range, m.
     * \param elevationDeg elevation, degrees.
     * \param los line of sight or not (NLOS adds the clutter loss).
     * \param shadowFadingDb the shadow-fading draw, dB.
     * \return the path loss, dB.
     */
    double GetLoss(double frequencyHz,
                   double distanceM,
                   double elevationDeg,
                   bool los,
                   double shadowFadingDb) const;

    /**
     * \brief A line-of-sight state from a uniform draw.
     * \param elevationDeg elevation, degrees.
     * \param uniform a U(0, 1) draw (the terminal's own stream: see NtnChannel).
     * \return true with the scenario's LOS probability at that elevation.
     */
    bool IsLos(double elevationDeg, double uniform) const;

    /**
     * \brief A shadow fading from a standard normal draw.
     * \param frequencyHz carrier frequency, Hz.
     * \param elevationDeg elevation, degrees.
     * \param los the link's state.
     * \param standardNormal a N(0, 1) draw (the terminal's own stream).
     * \return the shadow fading, a N(0, sigma^2) value, dB.
     */
    double GetShadowFading(double frequencyHz,
                           double elevationDeg,
                           bool los,
                           double standardNormal) const;

  protected:
    /// \return the scenario's table, rows at 10 to 90 degrees.
    virtual const NtnScenarioTable& GetScenarioTable() const = 0;

  private:
    /**
     * \param elevationDeg elevation, degrees.
     * \param column pointer to the member of a row to interpolate.
     * \return the column's value interpolated at the elevation.
     */
    double Interpolate(double elevationDeg, double NtnScenarioRow::*column) const;
};

/**
 * \ingroup blueprint-ntn
 * \brief TR 38.811 dense urban scenario.
 */
class NtnDenseUrbanPathLoss : public NtnPathLoss
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  protected:
    const NtnScenarioTable& GetScenarioTable() const override;
};

/**
 * \ingroup blueprint-ntn
 * \brief TR 38.811 urban scenario.
 */
class NtnUrbanPathLoss : public NtnPathLoss
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  protected:
    const NtnScenarioTable& GetScenarioTable() const override;
};

/**
 * \ingroup blueprint-ntn
 * \brief TR 38.811 suburban and rural scenario (one table for both).
 */
class NtnSuburbanRuralPathLoss : public NtnPathLoss
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

  protected:
    const NtnScenarioTable& GetScenarioTable() const override;
};

} // namespace blueprint
} // namespace ns3

#endif /* BLUEPRINT_NTN_PATH_LOSS_H */
