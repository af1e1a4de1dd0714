/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/ntn/ntn-parameters.h"

#include "ns3/double.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

namespace
{

/// TR 38.821 Table 6.1.1.1-1 (Set-1) as the sources it was checked against allow.
const char* const SET1_KA =
    "3GPP TR 38.821 V16.1.0 Table 6.1.1.1-1, Set-1 Ka-band (DL 20 GHz, UL 30 GHz, 400 MHz per "
    "beam); GEO EIRP density 40 dBW/MHz checked in ns-3's three-gpp-ntn-channel-example; the LEO "
    "EIRP densities and the G/T values not checked against the TR text (consistent with equal "
    "ground power flux density: 20 log10(1200/600) = 6 dB, 20 log10(35786/600) = 35.5 dB)";
const char* const SET1_S = "3GPP TR 38.821 V16.1.0 Table 6.1.1.1-1, Set-1 S-band (2 GHz, 30 MHz "
                           "per beam); LEO-600 figures checked in two independent transcriptions";

/// Beam catalogue.
const std::vector<NtnBeamParameters>&
Beams()
{
    static const std::vector<NtnBeamParameters> beams = {
        {"leo600-ka", 20e9, 400e6, 4.0, 30e9, 400e6, 13.0, 20e3, SET1_KA},
        {"leo1200-ka", 20e9, 400e6, 10.0, 30e9, 400e6, 13.0, 40e3, SET1_KA},
        {"geo-ka", 20e9, 400e6, 40.0, 30e9, 400e6, 28.0, 110e3, SET1_KA},
        {"leo600-s", 2e9, 30e6, 34.0, 2e9, 30e6, 1.1, 50e3, SET1_S},
        {"leo1200-s", 2e9, 30e6, 40.0, 2e9, 30e6, 1.1, 90e3, SET1_S},
        {"geo-s", 2e9, 30e6, 59.0, 2e9, 30e6, 19.0, 250e3, SET1_S},
        {"haps-s",
         2e9,
         20e6,
         5.0,
         2e9,
         20e6,
         -10.0,
         40e3,
         "assumption: S-band HAPS cell of 20 MHz; EIRP density set for about 15 dB SNR at a "
         "handset under the platform; G/T of a 17 dBi antenna with 3 dB noise figure; 40 km cell "
         "as Loon's (no TR 38.821 parameter set for HAPS)"},
    };
    return beams;
}

/// Standard dish = the TR 38.821 VSAT class. Its G/T follows from the verified gain, noise
/// figure and antenna temperature: 39.7 - 10 log10(150 + 290 (10^0.12 - 1)) = 15.9 dB/K.
const char* const VSAT_RADIO =
    "3GPP TR 38.821 Table 6.1.1.1-3, VSAT (60 cm, Ka): Rx gain 39.7 dBi and NF 1.2 dB checked in "
    "ns-3's NTN example, antenna temperature 150 K, G/T 15.9 dB/K; Tx EIRP 45.75 dBW not "
    "checked against the TR text";

/// Terminal catalogue.
const std::vector<NtnTerminalParameters>&
Terminals()
{
    // Amounts in JPY. Starlink Japan residential subscription: 11,100 JPY/month from the
    // December 2022 price cut (Starlink Japan announcement, reported by ITmedia 2022-12).
    static const std::vector<NtnTerminalParameters> terminals = {
        {"standard-dish",
         39.7,
         15.9,
         45.75,
         0.0,
         25.0,
         true,
         std::string(VSAT_RADIO) +
             "; a Starlink standard dish is of the same size class (Starlink publishes no G/T); "
             "25 degree minimum elevation as in Hypatia's Starlink model (Kassing et al., IMC "
             "2020)",
         50.0,
         75.0,
         100e6,
         "Starlink specifications, Standard (actuated) kit: average power 50-75 W (quoted by U. "
         "Speidel on the bufferbloat starlink list, 2023); linear in carried rate up to 100 "
         "Mbit/s (assumption: about the Ookla median download)",
         55000.0,
         11100.0 * 12,
         5.0,
         "subscription: Starlink Japan residential 11,100 JPY/month (December 2022); kit price "
         "and 5-year life are assumptions"},
        {"mini-dish",
         39.7 - 4.7,
         15.9 - 4.7,
         45.75 - 4.7,
         0.0,
         25.0,
         true,
         "standard dish scaled by aperture (Mini 29.8 x 25.9 cm against 59.4 x 38.3 cm: -4.7 dB "
         "in gain, G/T and EIRP; assumption)",
         20.0,
         40.0,
         100e6,
         "Starlink Mini: 20-40 W average (Starlink specifications as published by resellers, "
         "e.g. nexustelemetry's power guide); linear in rate (assumption)",
         34800.0,
         11100.0 * 12,
         5.0,
         "subscription as the standard dish; kit price and life are assumptions"},
        {"vsat",
         39.7,
         15.9,
         45.75,
         0.0,
         10.0,
         true,
         std::string(VSAT_RADIO) + "; 10 degree minimum elevation (TR 38.821 Table 4.2-1)",
         60.0,
         100.0,
         50e6,
         "assumption: Ka-band VSAT modem plus 3 W block up-converter; no measured source",
         300000.0,
         120000.0,
         7.0,
         "assumption: GEO VSAT kit and a 10,000 JPY/month business plan"},
        {"handheld",
         0.0,
         -31.6,
         -7.0,
         3.0,
         10.0,
         false,
         "3GPP TR 38.821 Table 6.1.1.1-3, handheld: 0 dBi, 23 dBm, NF 7 dB, G/T -31.6 dB/K; 3 dB "
         "polarisation loss (TR 36.763 Table 6.2-1)",
         0.5,
         3.0,
         10e6,
         "assumption: handset radio idle against transmitting at full power",
         0.0,
         0.0,
         3.0,
         "none: the handset and its plan are the user's"},
        {"haps-cpe",
         10.0,
         -19.6,
         3.0,
         0.0,
         10.0,
         true,
         "assumption: outdoor CPE with a 10 dBi panel, 5 dB noise figure (G/T -19.6 dB/K), "
         "23 dBm",
         10.0,
         15.0,
         50e6,
         "assumption: outdoor LTE/NR CPE",
         40000.0,
         60000.0,
         5.0,
         "assumption: CPE and a 5,000 JPY/month HAPS service (HAPSMobile's target price was USD 1 "
         "per month in unconnected markets, Nikkei Asia)"},
    };
    return terminals;
}

} // namespace

double
NtnBeamParameters::GetForwardEirpDbw() const
{
    return eirpDensityDbwPerMhz + 10.0 * std::log10(forwardBandwidthHz / 1e6);
}

const NtnBeamParameters*
NtnBeamParameters::Find(const std::string& name)
{
    for (const auto& b : Beams())
    {
        if (b.name == name)
        {
            return &b;
        }
    }
    return nullptr;
}

std::vector<std::string>
NtnBeamParameters::GetNames()
{
    std::vector<std::string> names;
    for (const auto& b : Beams())
    {
        names.push_back(b.name);
    }
    return names;
}

Ptr<ElementPowerModel>
NtnTerminalParameters::CreatePowerModel(double pue) const
{
    Ptr<ElementPowerModel> model = CreateObject<ElementPowerModel>();
    model->SetAttribute("IdlePower", DoubleValue(idlePowerW));
    model->SetAttribute("MaxPower", DoubleValue(maxPowerW));
    model->SetAttribute("Capacity", DoubleValue(nominalRateBps));
    model->SetAttribute("Pue", DoubleValue(pue));
    return model;
}

CostItem
NtnTerminalParameters::GetCostItem(const std::string& element,
                                   const std::string& node,
                                   const std::string& technology) const
{
    return CostItem{element, node, technology, capex, lifetimeYears, opexPerYear};
}

const NtnTerminalParameters*
NtnTerminalParameters::Find(const std::string& name)
{
    for (const auto& t : Terminals())
    {
        if (t.name == name)
        {
            return &t;
        }
    }
    return nullptr;
}

std::vector<std::string>
NtnTerminalParameters::GetNames()
{
    std::vector<std::string> names;
    for (const auto& t : Terminals())
    {
        names.push_back(t.name);
    }
    return names;
}

} // namespace blueprint
} // namespace ns3
