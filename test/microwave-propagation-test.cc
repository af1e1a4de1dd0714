/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Propagation of a microwave hop: ITU-R P.838-3 rain specific attenuation (the model shared with
 * NTN), ITU-R P.676-12 gaseous attenuation, ITU-R P.530-18 path reduction, P.525 free-space
 * loss and the F.699 dish gain.
 *
 * Reference values:
 * - ITU-R Study Group 3 validation examples for P.838-3 (gamma_R) and P.676 (gamma_o, gamma_w
 *   at 1013.25 hPa, 288.15 K, 7.5 g/m^3) as distributed with ITU-Rpy
 *   (test/test_data/838/ITURP838-3_rain_specific_attenuation.csv,
 *   test/test_data/676/ITURP676-13_gamma.csv).
 * - ITU-R P.837-7 validation example: R_0.01 = 33.936232 mm/h at 41.9 N, 12.49 E
 *   (test/test_data/837/ITURP837-7_rainfall_rate_R001.csv), used as the published rain rate of
 *   the hand-worked P.530 hop below.
 */

#include "model/microwave/microwave-link-budget.h"
#include "model/weather/itu-gaseous-attenuation.h"
#include "model/weather/itu-rain-specific-attenuation.h"

#include "ns3/core-module.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

TEST(ItuRainSpecificAttenuation, SpecificAttenuationMatchesTheItuValidationExamples)
{
    struct Row
    {
        double el, ghz, rain, tau, k, alpha, gamma;
    };

    // ITU-R SG3 validation data for P.838-3 (ITU-Rpy test data), horizontal and vertical.
    const std::vector<Row> rows = {
        {40.232036, 14.25, 33.936232, 0, 0.04007624, 1.11804138, 2.06173213},
        {52.67898486, 29, 78.2994993, 0, 0.21923716, 0.9464763, 13.59290086},
        {20.14335809, 29, 42.91007183, 90, 0.21298877, 0.92265917, 6.83364556},
        {85.80459566, 14.25, 99.13558978, 90, 0.04133039, 1.09499629, 6.34064598},
    };
    for (const Row& r : rows)
    {
        const ItuRainCoefficients c =
            ItuRainSpecificAttenuation::GetCoefficients(r.ghz * 1e9, r.el, r.tau);
        EXPECT_NEAR(c.k, r.k, 1e-7) << r.ghz << " GHz";
        EXPECT_NEAR(c.alpha, r.alpha, 1e-7) << r.ghz << " GHz";
        EXPECT_NEAR(
            ItuRainSpecificAttenuation::GetSpecificAttenuation(r.ghz * 1e9, r.el, r.tau, r.rain),
            r.gamma,
            1e-6 * r.gamma)
            << r.ghz << " GHz, " << r.rain << " mm/h";
    }
    EXPECT_EQ(ItuRainSpecificAttenuation::GetSpecificAttenuation(18e9, 0, 0, 0.0), 0.0);
}

TEST(ItuGaseousAttenuation, SpecificAttenuationMatchesTheItuValidationExamples)
{
    struct Row
    {
        double ghz, oxygen, water;
    };

    // ITU-R SG3 validation data for P.676 (ITU-Rpy ITURP676-13_gamma.csv): 1013.25 hPa,
    // 288.15 K, 7.5 g/m^3. 60 GHz is the oxygen complex, 90 GHz the E-band's upper neighbour.
    const std::vector<Row> rows = {
        {12, 0.00869826406877357, 0.00953538822024593},
        {20, 0.0118835504778076, 0.0970473048151117},
        {60, 14.6234747964861, 0.15484184100000},
        {90, 0.0388697110724235, 0.34197339400000},
        {130, 0.0415090835995228, 0.75184470400000},
    };
    for (const Row& r : rows)
    {
        const ItuGaseousSpecificAttenuation g =
            ItuGaseousAttenuation::GetSpecificAttenuation(r.ghz * 1e9, 1013.25, 288.15, 7.5);
        EXPECT_NEAR(g.oxygenDbPerKm, r.oxygen, 1e-6 * r.oxygen) << r.ghz << " GHz";
        EXPECT_NEAR(g.waterVapourDbPerKm, r.water, 1e-6 * r.water) << r.ghz << " GHz";
    }
}

TEST(MicrowaveLinkBudget, P530RainAttenuationMatchesAHandWorkedHop)
{
    // An 18 GHz hop of 10 km, horizontal polarisation, at R = 33.936232 mm/h (the ITU-R P.837-7
    // validation R_0.01 for 41.9 N, 12.49 E). Worked by hand from the Recommendations:
    //   P.838-3 Eqs. 2-3 at 18 GHz: kH = 0.0707841, alphaH = 1.081827;
    //   gamma_R = kH R^alphaH = 3.205150 dB/km;
    //   P.530-18 step 3: 0.477 * 10^0.633 * R^(0.073 alphaH) * 18^0.123
    //                    - 10.579 (1 - exp(-0.24)) = 1.604614, r = 0.6232029;
    //   A_0.01 = gamma_R d r = 19.97458 dB;
    //   step 4: C0 = 0.12 + 0.4 log10(1.8)^0.8 = 0.2541724, C1 = 0.1046366, C2 = 0.6245393,
    //   C3 = 0.0674006; A_0.1 = 7.538765 dB, A_1 = 2.090073 dB.
    Ptr<MicrowaveLinkBudget> hop = CreateObject<MicrowaveLinkBudget>();
    hop->SetAttribute("Frequency", DoubleValue(18e9));
    hop->SetAttribute("Length", DoubleValue(10e3));
    hop->SetAttribute("PolarizationTilt", DoubleValue(0.0));
    const double rain = 33.936232;
    const ItuRainCoefficients h = ItuRainSpecificAttenuation::GetHorizontalCoefficients(18e9);
    EXPECT_NEAR(h.k, 0.0707841, 1e-7);
    EXPECT_NEAR(h.alpha, 1.081827, 1e-6);
    EXPECT_NEAR(MicrowaveLinkBudget::GetDistanceFactor(10.0, rain, h.alpha, 18.0), 0.6232029, 1e-7);
    EXPECT_NEAR(hop->GetRainLossDb(rain), 19.97458, 1e-4);
    EXPECT_NEAR(hop->GetRainLossExceededDb(rain, 0.1), 7.538765, 1e-5);
    EXPECT_NEAR(hop->GetRainLossExceededDb(rain, 1.0), 2.090073, 1e-5);
    // Clear sky costs nothing; more rain costs more.
    EXPECT_EQ(hop->GetRainLossDb(0.0), 0.0);
    EXPECT_GT(hop->GetRainLossDb(60.0), hop->GetRainLossDb(rain));
    // Short hops: r is capped at 2.5 (P.530-18 step 3).
    EXPECT_DOUBLE_EQ(MicrowaveLinkBudget::GetDistanceFactor(0.1, 100.0, 1.0, 80.0), 2.5);
}

TEST(MicrowaveLinkBudget, FreeSpaceLossAndDishGainFollowP525AndF699)
{
    // P.525-4: 92.45 + 20 log10(f/GHz) + 20 log10(d/km) = 137.555 dB at 18 GHz over 10 km (the
    // rounded constant; the exact 4 pi d / lambda gives 137.553 dB).
    EXPECT_NEAR(MicrowaveLinkBudget::GetFreeSpaceLossDb(18e9, 10e3), 137.553, 1e-3);
    // F.699-8: G = 20 log10(D / lambda) + 7.7 dBi: a 0.6 m dish at 18 GHz is 36.02 wavelengths.
    EXPECT_NEAR(MicrowaveLinkBudget::GetAntennaGainDbi(0.6, 18e9), 38.832, 1e-3);
    // Doubling the dish adds 6 dB; doubling the distance adds 6 dB of loss.
    EXPECT_NEAR(MicrowaveLinkBudget::GetAntennaGainDbi(1.2, 18e9) -
                    MicrowaveLinkBudget::GetAntennaGainDbi(0.6, 18e9),
                20 * std::log10(2.0),
                1e-9);
    // Thermal noise: kT0 = -173.975 dBm/Hz at 290 K; 28 MHz and NF 3 dB give -96.504 dBm.
    Ptr<MicrowaveLinkBudget> hop = CreateObject<MicrowaveLinkBudget>();
    hop->SetAttribute("ChannelWidth", DoubleValue(28e6));
    hop->SetAttribute("NoiseFigure", DoubleValue(3.0));
    EXPECT_NEAR(hop->GetNoiseFloorDbm(), -173.975 + 10 * std::log10(28e6) + 3.0, 1e-3);
}
