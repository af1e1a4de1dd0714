/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Optical routing and wavelength assignment: Yen's k shortest routes against hand-computed ring
 * and mesh answers, first-fit wavelength continuity, blocking exactly when a fibre runs out of
 * wavelengths, and the OSNR reach check (slower transponder, regenerators, unreachable).
 */

#include "model/optical/optical-network.h"
#include "model/optical/optical-rwa.h"
#include "model/optical/optical-transponder-class.h"

#include "ns3/core-module.h"

#include <cmath>
#include <gtest/gtest.h>
#include <set>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// A network of named ROADMs and (a, b, km) fibres, with a grid of `channels`.
Ptr<OpticalNetwork>
MakeNetwork(const std::vector<std::string>& roadms,
            const std::vector<std::tuple<std::string, std::string, double>>& fibres,
            uint32_t channels = 96)
{
    Ptr<OpticalNetwork> net = CreateObject<OpticalNetwork>();
    net->SetGrid(OpticalWavelengthGrid::ForChannelCount(channels));
    for (const auto& name : roadms)
    {
        net->AddRoadm(name);
    }
    for (const auto& [a, b, km] : fibres)
    {
        net->AddFibre(*net->FindRoadm(a), *net->FindRoadm(b), km);
    }
    return net;
}

/// The mesh of the known-answer test: A-B 100, A-C 150, B-C 40, B-D 200, C-D 120, C-E 300, D-E 90.
Ptr<OpticalNetwork>
MeshNetwork(uint32_t channels)
{
    return MakeNetwork({"A", "B", "C", "D", "E"},
                       {{"A", "B", 100},
                        {"A", "C", 150},
                        {"B", "C", 40},
                        {"B", "D", 200},
                        {"C", "D", 120},
                        {"C", "E", 300},
                        {"D", "E", 90}},
                       channels);
}

/// The ROADM names a route visits, joined: "A-B-C".
std::string
RouteNames(Ptr<OpticalNetwork> net, const OpticalRoute& route)
{
    std::string out;
    for (uint32_t r : route.roadms)
    {
        out += (out.empty() ? "" : "-") + net->GetRoadmName(r);
    }
    return out;
}

/// A demand between two named ROADMs.
OpticalDemand
Demand(Ptr<OpticalNetwork> net,
       const std::string& from,
       const std::string& to,
       const std::string& cls = "100G",
       double rate = 0.0)
{
    OpticalDemand d;
    d.name = from + "->" + to;
    d.from = *net->FindRoadm(from);
    d.to = *net->FindRoadm(to);
    d.transponderClass = cls;
    d.rate = rate;
    return d;
}

/// An RWA on a network with k candidate routes.
Ptr<OpticalRwa>
MakeRwa(Ptr<OpticalNetwork> net, uint32_t k = 3)
{
    Ptr<OpticalRwa> rwa = CreateObject<OpticalRwa>();
    rwa->SetAttribute("CandidatePaths", UintegerValue(k));
    rwa->SetNetwork(net);
    return rwa;
}

} // namespace

// Mesh with known answer. Fibres (km): A-B 100, A-C 150, B-C 40, B-D 200, C-D 120, C-E 300,
// D-E 90. The loopless routes A->E by length are, by hand: A-B-C-D-E 350, A-C-D-E 360,
// A-B-D-E 390, A-B-C-E 440, A-C-E 450, A-C-B-D-E 480, A-B-D-C-E 720. Yen gives the first k in
// order.
TEST(OpticalRwaTest, YenFindsTheMeshRoutesInOrderOfLength)
{
    Ptr<OpticalNetwork> net = MeshNetwork(96);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    const std::vector<std::pair<std::string, double>> expected = {{"A-B-C-D-E", 350},
                                                                  {"A-C-D-E", 360},
                                                                  {"A-B-D-E", 390},
                                                                  {"A-B-C-E", 440},
                                                                  {"A-C-E", 450},
                                                                  {"A-C-B-D-E", 480},
                                                                  {"A-B-D-C-E", 720}};
    const auto routes = rwa->GetShortestRoutes(*net->FindRoadm("A"), *net->FindRoadm("E"), 10);
    ASSERT_EQ(routes.size(), expected.size()) << "there are exactly seven loopless routes";
    for (std::size_t i = 0; i < routes.size(); ++i)
    {
        EXPECT_EQ(RouteNames(net, routes[i]), expected[i].first) << "route " << i;
        EXPECT_DOUBLE_EQ(routes[i].lengthKm, expected[i].second) << "route " << i;
        EXPECT_EQ(routes[i].fibres.size() + 1, routes[i].roadms.size());
    }
    EXPECT_EQ(rwa->GetShortestRoutes(*net->FindRoadm("A"), *net->FindRoadm("E"), 3).size(), 3u);
}

// Ring with known answer: six ROADMs, the clockwise way A-B-C-D is 3 x 50 km = 150 km, the
// other way A-F-E-D 3 x 100 km = 300 km. With a 40-channel grid the first 40 A->D demands go
// clockwise on channels 0..39; the 41st finds the short way full and takes the long way, on
// channel 0; after 80 the ring is full between A and D both ways and the 81st is blocked.
TEST(OpticalRwaTest, RingDemandsFillTheShortWayThenTheLongWayThenBlock)
{
    Ptr<OpticalNetwork> net = MakeNetwork({"A", "B", "C", "D", "E", "F"},
                                          {{"A", "B", 50},
                                           {"B", "C", 50},
                                           {"C", "D", 50},
                                           {"D", "E", 100},
                                           {"E", "F", 100},
                                           {"F", "A", 100}},
                                          40);
    Ptr<OpticalRwa> rwa = MakeRwa(net, 2);
    for (uint32_t i = 0; i < 80; ++i)
    {
        const OpticalLightpath lp = rwa->Provision(Demand(net, "A", "D"));
        ASSERT_TRUE(lp.established) << "demand " << i;
        ASSERT_EQ(lp.segments.size(), 1u);
        EXPECT_EQ(RouteNames(net, lp.route), i < 40 ? "A-B-C-D" : "A-F-E-D") << "demand " << i;
        EXPECT_EQ(lp.segments[0].channel, i % 40) << "first fit, demand " << i;
    }
    const OpticalLightpath blocked = rwa->Provision(Demand(net, "A", "D"));
    EXPECT_FALSE(blocked.established);
    EXPECT_NE(blocked.blockedReason.find("no wavelength"), std::string::npos)
        << blocked.blockedReason;
    // B-C is full too (every clockwise path uses it), so B->C can only go the long way round.
    const OpticalLightpath bc = rwa->Provision(Demand(net, "B", "C"));
    EXPECT_FALSE(bc.established) << "every fibre between B and C either way is full";
}

// Blocking appears exactly when a fibre runs out: on A-B-C with 40 channels, 25 demands A-B and
// 15 demands A-C fill A-B completely; a 16th A-C demand is blocked although B-C still has 25 free
// channels, and releasing one A-B path lets it through on exactly that channel.
TEST(OpticalRwaTest, BlockingAppearsExactlyWhenAFibreRunsOutOfWavelengths)
{
    Ptr<OpticalNetwork> net = MakeNetwork({"A", "B", "C"}, {{"A", "B", 60}, {"B", "C", 60}}, 40);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    std::vector<OpticalLightpath> ab;
    for (int i = 0; i < 25; ++i)
    {
        ab.push_back(rwa->Provision(Demand(net, "A", "B")));
        ASSERT_TRUE(ab.back().established);
    }
    for (int i = 0; i < 15; ++i)
    {
        ASSERT_TRUE(rwa->Provision(Demand(net, "A", "C")).established) << "A-C demand " << i;
    }
    EXPECT_EQ(net->GetUsedChannels(0), 40u);
    EXPECT_EQ(net->GetUsedChannels(1), 15u);
    EXPECT_FALSE(rwa->Provision(Demand(net, "A", "C")).established);
    EXPECT_TRUE(rwa->Provision(Demand(net, "B", "C")).established) << "B-C is not full";
    rwa->Release(ab[7]);
    const OpticalLightpath again = rwa->Provision(Demand(net, "A", "C"));
    ASSERT_TRUE(again.established);
    EXPECT_EQ(again.segments[0].channel, ab[7].segments[0].channel);
}

// Continuity: on a mesh loaded until demands block, every established segment holds one channel
// on every fibre it crosses, no (fibre, channel) is held twice, and the per-fibre counts match.
TEST(OpticalRwaTest, WavelengthContinuityHoldsOnEveryFibreOfEveryPath)
{
    Ptr<OpticalNetwork> net = MeshNetwork(40);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    const std::vector<std::pair<std::string, std::string>> pairs =
        {{"A", "E"}, {"B", "E"}, {"A", "D"}, {"C", "E"}, {"A", "B"}, {"B", "D"}};
    std::set<std::pair<uint32_t, uint32_t>> held;
    std::vector<uint32_t> count(net->GetNFibres(), 0);
    uint32_t blocked = 0;
    for (int round = 0; round < 60; ++round)
    {
        for (const auto& [from, to] : pairs)
        {
            const OpticalLightpath lp = rwa->Provision(Demand(net, from, to));
            if (!lp.established)
            {
                ++blocked;
                continue;
            }
            ASSERT_EQ(lp.segments.size(), 1u) << "all routes here are within 100G reach";
            const OpticalSegment& s = lp.segments[0];
            for (uint32_t fibre : s.route.fibres)
            {
                EXPECT_FALSE(net->IsChannelFree(fibre, s.channel));
                EXPECT_TRUE(held.insert({fibre, s.channel}).second)
                    << "channel " << s.channel << " held twice on fibre " << fibre;
                ++count[fibre];
            }
        }
    }
    EXPECT_GT(blocked, 0u) << "the load is meant to exhaust some fibres";
    for (uint32_t f = 0; f < net->GetNFibres(); ++f)
    {
        EXPECT_EQ(net->GetUsedChannels(f), count[f]) << "fibre " << f;
    }
}

// Reach. On the default line an 80 km span loses 0.25 x 80 + 2 = 22 dB, so one span gives
// OSNR_1 = 0 dBm - 22 dB - 5 dB + 57.95 dB = 30.95 dB and N spans OSNR_1 - 10 log10 N. A 400G
// class needs 24 dB: at most 4 spans (320 km); 100G needs 16 dB: 31 spans (2,480 km).
TEST(OpticalRwaTest, OsnrBudgetGivesTheClassesReach)
{
    const OpticalLineSystem line;
    EXPECT_NEAR(OpticalLineSystem::GetAseReferenceDbm(), -57.95, 0.01);
    EXPECT_NEAR(line.GetSpanOsnrDb(80.0), 30.95, 0.01);
    EXPECT_NEAR(line.GetPathOsnrDb({80.0, 80.0, 80.0, 80.0}), 30.95 - 10 * std::log10(4.0), 0.01);
    EXPECT_EQ(line.GetSpanCount(80.0), 1u);
    EXPECT_EQ(line.GetSpanCount(80.1), 2u);
    EXPECT_EQ(line.GetInlineAmplifierCount(250.0), 3u);
    EXPECT_DOUBLE_EQ(OpticalTransponderClass::Find("400G")->GetReachKm(line), 320.0);
    EXPECT_DOUBLE_EQ(OpticalTransponderClass::Find("100G")->GetReachKm(line), 2480.0);
}

// A 400G demand carrying only 100 Gbit/s over 600 km (beyond 400G reach, within 100G reach)
// is carried all-optically by a 100G transponder, and the result says so.
TEST(OpticalRwaTest, PathBeyondReachTakesASlowerTransponderWhenItsRateAllows)
{
    Ptr<OpticalNetwork> net = MakeNetwork({"A", "B", "C"}, {{"A", "B", 300}, {"B", "C", 300}}, 64);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    const OpticalLightpath lp = rwa->Provision(Demand(net, "A", "C", "400G", 100e9));
    ASSERT_TRUE(lp.established);
    EXPECT_EQ(lp.remedy, OpticalReachRemedy::SLOWER_TRANSPONDER);
    EXPECT_EQ(lp.transponderClass, "100G");
    EXPECT_TRUE(lp.IsAllOptical());
    EXPECT_LT(lp.segments[0].osnrDb, OpticalTransponderClass::Find("400G")->requiredOsnrDb);
}

// A full-rate 400G demand over five 150 km fibres (two 75 km spans each, 20.75 dB, OSNR_1 =
// 32.2 dB): three fibres (6 spans) still give 24.4 dB, four (8 spans) 23.2 dB, so the route is cut
// after the third fibre: one regenerator at D, segments A-B-C-D and D-E-F. The regenerator
// converts the wavelength: with channel 0 taken on E-F, the second segment uses channel 1.
TEST(OpticalRwaTest, PathBeyondReachGetsRegeneratorsThatConvertTheWavelength)
{
    Ptr<OpticalNetwork> net = MakeNetwork(
        {"A", "B", "C", "D", "E", "F"},
        {{"A", "B", 150}, {"B", "C", 150}, {"C", "D", 150}, {"D", "E", 150}, {"E", "F", 150}},
        64);
    net->OccupyChannel(4, 0);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    const OpticalLightpath lp = rwa->Provision(Demand(net, "A", "F", "400G"));
    ASSERT_TRUE(lp.established);
    EXPECT_EQ(lp.remedy, OpticalReachRemedy::REGENERATOR);
    EXPECT_FALSE(lp.IsAllOptical());
    ASSERT_EQ(lp.segments.size(), 2u);
    EXPECT_EQ(RouteNames(net, lp.segments[0].route), "A-B-C-D");
    EXPECT_EQ(RouteNames(net, lp.segments[1].route), "D-E-F");
    ASSERT_EQ(lp.GetRegeneratorSites().size(), 1u);
    EXPECT_EQ(net->GetRoadmName(lp.GetRegeneratorSites()[0]), "D");
    EXPECT_EQ(lp.segments[0].channel, 0u);
    EXPECT_EQ(lp.segments[1].channel, 1u);
    const OpticalLineSystem& line = net->GetLineSystem();
    EXPECT_NEAR(lp.segments[0].osnrDb, line.GetSpanOsnrDb(75.0) - 10 * std::log10(6.0), 1e-9);
    EXPECT_GE(lp.segments[0].osnrDb, 24.0);
    EXPECT_LT(line.GetPathOsnrDb({150, 150, 150, 150}), 24.0);
}

// Without regenerators or a slower class, the same 400G path is blocked as beyond reach; and a
// single fibre longer than any class reaches is unreachable even with regenerators.
TEST(OpticalRwaTest, PathBeyondReachWithoutRemedyIsFlaggedAndBlocked)
{
    Ptr<OpticalNetwork> net = MakeNetwork({"A", "B", "C"}, {{"A", "B", 600}, {"B", "C", 3000}}, 64);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    rwa->SetAttribute("AllowRegenerators", BooleanValue(false));
    rwa->SetAttribute("AllowSlowerTransponder", BooleanValue(false));
    const OpticalLightpath far = rwa->Provision(Demand(net, "A", "B", "400G"));
    EXPECT_FALSE(far.established);
    EXPECT_NE(far.blockedReason.find("reach"), std::string::npos) << far.blockedReason;

    rwa->SetAttribute("AllowRegenerators", BooleanValue(true));
    rwa->SetAttribute("AllowSlowerTransponder", BooleanValue(true));
    const OpticalLightpath tooLong = rwa->Provision(Demand(net, "B", "C", "100G"));
    EXPECT_FALSE(tooLong.established) << "3,000 km in one fibre exceeds 100G reach (2,480 km)";
    EXPECT_NE(tooLong.blockedReason.find("reach"), std::string::npos);
    EXPECT_EQ(net->GetUsedChannels(0) + net->GetUsedChannels(1), 0u) << "nothing taken";
}

// A 400G signal (75 GHz) does not fit a 96-channel 50 GHz grid: that is an input error, not a
// blocked demand.
TEST(OpticalRwaTest, ClassWiderThanTheGridIsRejected)
{
    Ptr<OpticalNetwork> net = MakeNetwork({"A", "B"}, {{"A", "B", 50}}, 96);
    Ptr<OpticalRwa> rwa = MakeRwa(net);
    EXPECT_THROW(rwa->Provision(Demand(net, "A", "B", "400G")), std::invalid_argument);
    EXPECT_TRUE(rwa->Provision(Demand(net, "A", "B", "100G")).established);
}
