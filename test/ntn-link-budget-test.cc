/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * NTN link budget: TR 38.811 tables and losses, ITU-R P.838-3 and P.618-13 rain, DVB-S2X ACM.
 *
 * Reference values:
 * - TR 38.811 V15.4.0 Table 6.6.1-1 (LOS probability) and Tables 6.6.2-1/-2/-3 (shadow fading,
 *   clutter loss), at their tabulated elevations.
 * - Received power at zenith with 0 dBm EIRP and 0 dBi (FSPL + gases + scintillation) for GEO,
 *   LEO-600 and LEO-1200 at 2, 20 and 30 GHz: the values of ns-3's
 *   three-gpp-ntn-propagation-loss-model-test-suite.cc (ns-3.40 and later), computed there
 *   from TR 38.811.
 * - ITU-R P.838-3 Table 5: kH, alphaH, kV, alphaV at 12, 20 and 30 GHz.
 * - ITU-R Study Group 3 validation examples for P.838-3 and P.618-13 as distributed with
 *   ITU-Rpy (test/test_data/838/ITURP838-3_rain_specific_attenuation.csv and
 *   test/test_data/618/ITURP618-13_A_rain.csv): k and alpha of slant paths, and rain
 *   attenuation exceeded for p % with the slant length Ls given.
 */

#include "model/ntn/ntn-link-budget.h"
#include "model/ntn/ntn-modcod-table.h"
#include "model/ntn/ntn-path-loss.h"
#include "model/ntn/ntn-rain-attenuation.h"

#include "ns3/core-module.h"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

TEST(NtnPathLoss, LosProbabilityMatchesTr38811Table661)
{
    Ptr<NtnPathLoss> du = CreateObject<NtnDenseUrbanPathLoss>();
    Ptr<NtnPathLoss> u = CreateObject<NtnUrbanPathLoss>();
    Ptr<NtnPathLoss> sr = CreateObject<NtnSuburbanRuralPathLoss>();
    const double denseUrban[] = {0.282, 0.331, 0.398, 0.468, 0.537, 0.612, 0.738, 0.820, 0.981};
    const double urban[] = {0.246, 0.386, 0.493, 0.613, 0.726, 0.805, 0.919, 0.968, 0.992};
    const double rural[] = {0.782, 0.869, 0.919, 0.929, 0.935, 0.940, 0.949, 0.952, 0.998};
    for (int i = 0; i < 9; ++i)
    {
        const double el = 10.0 * (i + 1);
        EXPECT_DOUBLE_EQ(du->GetLosProbability(el), denseUrban[i]) << el;
        EXPECT_DOUBLE_EQ(u->GetLosProbability(el), urban[i]) << el;
        EXPECT_DOUBLE_EQ(sr->GetLosProbability(el), rural[i]) << el;
    }
    // Between rows the probability is interpolated, below 10 degrees the 10-degree row holds.
    EXPECT_DOUBLE_EQ(du->GetLosProbability(15.0), (0.282 + 0.331) / 2);
    EXPECT_DOUBLE_EQ(du->GetLosProbability(5.0), 0.282);
}

TEST(NtnPathLoss, ShadowFadingAndClutterLossMatchTr38811Tables662)
{
    struct Row
    {
        double el, sLos, sNlos, sCl, kaLos, kaNlos, kaCl;
    };

    // Table 6.6.2-1 (dense urban) and Table 6.6.2-3 (suburban and rural), three rows each;
    // Table 6.6.2-2 (urban): 4 / 6 dB at every elevation, clutter loss as dense urban.
    const std::vector<Row> dense = {{10, 3.5, 15.5, 34.3, 2.9, 17.1, 44.3},
                                    {50, 3.1, 10.6, 26.8, 2.4, 14.2, 34.6},
                                    {90, 1.2, 9.2, 25.5, 0.6, 12.3, 32.9}};
    const std::vector<Row> rural = {{10, 1.79, 8.93, 19.52, 1.9, 10.7, 29.5},
                                    {40, 0.92, 10.25, 18.28, 2.3, 11.6, 20.0},
                                    {80, 0.72, 11.52, 16.3, 3.6, 10.8, 16.9}};
    const std::vector<Row> urban = {{20, 4, 6, 30.9, 4, 6, 39.9}, {70, 4, 6, 25.8, 4, 6, 33.3}};
    auto check = [](Ptr<NtnPathLoss> model, const std::vector<Row>& rows) {
        for (const Row& r : rows)
        {
            // S-band columns below 13 GHz, Ka-band columns above.
            EXPECT_DOUBLE_EQ(model->GetShadowFadingSigma(2e9, r.el, true), r.sLos) << r.el;
            EXPECT_DOUBLE_EQ(model->GetShadowFadingSigma(2e9, r.el, false), r.sNlos) << r.el;
            EXPECT_DOUBLE_EQ(model->GetClutterLoss(2e9, r.el), r.sCl) << r.el;
            EXPECT_DOUBLE_EQ(model->GetShadowFadingSigma(20e9, r.el, true), r.kaLos) << r.el;
            EXPECT_DOUBLE_EQ(model->GetShadowFadingSigma(20e9, r.el, false), r.kaNlos) << r.el;
            EXPECT_DOUBLE_EQ(model->GetClutterLoss(20e9, r.el), r.kaCl) << r.el;
        }
    };
    check(CreateObject<NtnDenseUrbanPathLoss>(), dense);
    check(CreateObject<NtnSuburbanRuralPathLoss>(), rural);
    check(CreateObject<NtnUrbanPathLoss>(), urban);
    // NLOS adds the clutter loss, LOS does not.
    Ptr<NtnPathLoss> m = CreateObject<NtnDenseUrbanPathLoss>();
    EXPECT_NEAR(m->GetLoss(20e9, 600e3, 50, false, 0) - m->GetLoss(20e9, 600e3, 50, true, 0),
                34.6,
                1e-9);
}

TEST(NtnPathLoss, ReceivedPowerAtZenithMatchesTheReferenceValues)
{
    struct Case
    {
        double distanceM, frequencyHz, rxDbm;
    };

    // 0 dBm transmitted, 0 dBi antennas, LOS, no shadowing (ns-3 NTN test suite values).
    const std::vector<Case> cases = {
        {35786000, 20e9, -209.915},
        {35786000, 30e9, -213.437},
        {35786000, 2e9, -191.744},
        {600000, 20e9, -174.404},
        {600000, 30e9, -177.925},
        {600000, 2e9, -156.233},
        {1200000, 20e9, -180.424},
        {1200000, 30e9, -183.946},
        {1200000, 2e9, -162.253},
    };
    for (Ptr<NtnPathLoss> model :
         std::vector<Ptr<NtnPathLoss>>{CreateObject<NtnDenseUrbanPathLoss>(),
                                       CreateObject<NtnUrbanPathLoss>(),
                                       CreateObject<NtnSuburbanRuralPathLoss>()})
    {
        for (const Case& c : cases)
        {
            EXPECT_NEAR(-model->GetLoss(c.frequencyHz, c.distanceM, 90.0, true, 0.0), c.rxDbm, 5e-3)
                << c.distanceM << " m at " << c.frequencyHz << " Hz";
        }
    }
}

TEST(NtnRainAttenuation, P838CoefficientsMatchThePublishedTable)
{
    struct Row
    {
        double ghz, kH, aH, kV, aV;
    };

    // ITU-R P.838-3 Table 5.
    const std::vector<Row> rows = {{12, 0.02386, 1.1825, 0.02455, 1.1216},
                                   {20, 0.09164, 1.0568, 0.09611, 0.9847},
                                   {30, 0.2403, 0.9485, 0.2291, 0.9129}};
    for (const Row& r : rows)
    {
        const NtnRainCoefficients h = NtnRainAttenuation::GetHorizontalCoefficients(r.ghz * 1e9);
        const NtnRainCoefficients v = NtnRainAttenuation::GetVerticalCoefficients(r.ghz * 1e9);
        // The table gives four significant figures.
        EXPECT_NEAR(h.k, r.kH, 0.0005 * r.kH) << r.ghz;
        EXPECT_NEAR(h.alpha, r.aH, 0.00005 * 2 * r.aH) << r.ghz;
        EXPECT_NEAR(v.k, r.kV, 0.0005 * r.kV) << r.ghz;
        EXPECT_NEAR(v.alpha, r.aV, 0.00005 * 2 * r.aV) << r.ghz;
    }
}

TEST(NtnRainAttenuation, SlantPathCoefficientsMatchTheItuValidationExamples)
{
    struct Row
    {
        double el, ghz, tau, k, alpha;
    };

    // ITU-R SG3 validation data for P.838-3 (ITU-Rpy test data).
    const std::vector<Row> rows = {{31.07699124, 14.25, 0, 0.03975488, 1.12418043},
                                   {22.27833468, 29, 0, 0.22168203, 0.95543001},
                                   {48.24117054, 14.25, 90, 0.04226474, 1.07871664},
                                   {85.80459566, 29, 90, 0.21737148, 0.93950825}};
    for (const Row& r : rows)
    {
        const NtnRainCoefficients c = NtnRainAttenuation::GetCoefficients(r.ghz * 1e9, r.el, r.tau);
        EXPECT_NEAR(c.k, r.k, 1e-6) << r.ghz << " GHz, " << r.el << " deg";
        EXPECT_NEAR(c.alpha, r.alpha, 1e-6) << r.ghz << " GHz, " << r.el << " deg";
    }
}

TEST(NtnRainAttenuation, SlantPathAttenuationMatchesTheItuValidationExamples)
{
    struct Row
    {
        double lat, hsKm, ghz, el, tau, p, r001, lsKm, aRain;
    };

    // ITU-R SG3 validation data for P.618-13 (ITU-Rpy test data): the rain height is the one
    // that gives the tabulated slant length Ls, hR = hs + Ls sin(el).
    const std::vector<Row> rows = {
        {51.5, 0.031382984, 14.25, 31.07699124, 0, 1, 26.48052, 4.690817392, 0.495317069},
        {51.5, 0.031382984, 14.25, 31.07699124, 0, 0.1, 26.48052, 4.690817392, 2.185847422},
        {51.5, 0.031382984, 14.25, 31.07699124, 0, 0.01, 26.48052, 4.690817392, 6.798072267},
        {51.5, 0.031382984, 14.25, 31.07699124, 0, 0.001, 26.48052, 4.690817392, 14.89982248},
        {41.9, 0.046122988, 29, 40.232036, 0, 0.01, 33.936232, 4.646913874, 28.74272193},
        {22.9, 0, 14.25, 22.27833468, 0, 0.01, 50.639304, 10.96995451, 18.94410356},
        {22.9, 0, 29, 22.27833468, 0, 0.1, 50.639304, 10.96995451, 29.31896844},
        {25.78, 0.00861728, 29, 52.67898486, 0, 1, 78.2994993, 5.735098894, 6.654855651},
        {3.133, 0.051251456, 29, 85.80459566, 90, 0.01, 99.15117186, 4.91990658, 83.37856227},
    };
    for (const Row& r : rows)
    {
        Ptr<NtnRainAttenuation> rain = CreateObject<NtnRainAttenuation>();
        rain->SetAttribute("Latitude", DoubleValue(r.lat));
        rain->SetAttribute("StationHeight", DoubleValue(r.hsKm * 1e3));
        rain->SetAttribute("RainHeight",
                           DoubleValue((r.hsKm + r.lsKm * std::sin(r.el * M_PI / 180)) * 1e3));
        rain->SetAttribute("PolarizationTilt", DoubleValue(r.tau));
        EXPECT_NEAR(rain->GetAttenuationExceeded(r.ghz * 1e9, r.el, r.r001, r.p),
                    r.aRain,
                    1e-4 * r.aRain + 1e-6)
            << r.lat << " N, " << r.ghz << " GHz, p = " << r.p;
    }
}

TEST(NtnModcodTable, AcmTakesTheMostEfficientMODCODThatFitsUnderTheMargin)
{
    // EN 302 307-2 Table 20a: 16APSK 1/2-L needs 5.97 dB for 1.972 bit/symbol, more efficient
    // than 8PSK 23/36 at 6.12 dB: at 6.5 dB with no margin ACM takes 16APSK 1/2-L... until
    // 16APSK 8/15-L (6.55 dB) fits.
    const NtnModcod* m = NtnModcodTable::Select(6.5, 0.0);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->name, "16APSK 1/2-L");
    m = NtnModcodTable::Select(6.55, 0.0);
    EXPECT_EQ(m->name, "16APSK 8/15-L");
    // The margin is kept: at 7.55 dB with 1 dB margin, the same.
    EXPECT_EQ(NtnModcodTable::Select(7.55, 1.0)->name, "16APSK 8/15-L");
    // The ends of the table.
    EXPECT_EQ(NtnModcodTable::Select(30.0, 1.0)->name, "256APSK 3/4");
    EXPECT_EQ(NtnModcodTable::Select(-2.03, 0.0)->name, "QPSK 13/45");
    EXPECT_EQ(NtnModcodTable::Select(-2.04, 0.0), nullptr);
}

TEST(NtnLinkBudget, RainLowersTheMODCODAndClearSkyRestoresIt)
{
    // A standard dish under a LEO-600 Ka beam at 40 degrees (TR 38.821 Set-1 figures).
    Ptr<NtnLinkBudget> budget = CreateObject<NtnLinkBudget>();
    Ptr<NtnPathLoss> pathLoss = CreateObject<NtnSuburbanRuralPathLoss>();
    Ptr<NtnRainAttenuation> rain = CreateObject<NtnRainAttenuation>();
    NtnLinkInput in;
    in.frequencyHz = 20e9;
    in.bandwidthHz = 400e6;
    in.eirpDbw = 4.0 + 10 * std::log10(400.0);
    in.gOverTDbK = 15.9;
    in.rxGainDbi = 39.7;
    in.elevationDeg = 40.0;
    in.distanceM = 870e3;
    const NtnLinkResult clear = budget->Evaluate(in, *pathLoss);
    in.rainDb = rain->GetAttenuation(20e9, 40.0, 20.0); // a heavy shower, 20 mm/h
    EXPECT_GT(in.rainDb, 3.0);
    const NtnLinkResult wet = budget->Evaluate(in, *pathLoss);
    // Rain costs more than its attenuation: the warmer sky raises the noise too.
    EXPECT_GT(clear.esN0Db - wet.esN0Db, in.rainDb);
    ASSERT_NE(clear.modcod, nullptr);
    EXPECT_LT(wet.rateBps, 0.8 * clear.rateBps);
    in.rainDb = rain->GetAttenuation(20e9, 40.0, 0.0);
    const NtnLinkResult again = budget->Evaluate(in, *pathLoss);
    EXPECT_EQ(again.modcod, clear.modcod);
    EXPECT_DOUBLE_EQ(again.rateBps, clear.rateBps);
}
