/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Shared infrastructure and who pays (model/cost/cost-split): each rule divides what several
 * parties use and the parts add up to the configuration's cost; subsidies lower a party's cost
 * by what they state, never beyond their cap, annualised at the ledger's rate.
 */

#include "model/cost/cost-split.h"

#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Absolute tolerance on sums of a few hundred thousand yen.
constexpr double kYen = 1e-6;

/**
 * Two parties, A and B, and five items (annualised at r = 0 in brackets):
 *  - shared: capex 700,000 over 7 years + 70,000 a year (170,000), used by A (300 B offered,
 *    200 B carried, 10 bit/s peak) and by B (100 B, 200 B, 30 bit/s);
 *  - a-owned: capex 100,000 over 5 years (20,000), A's;
 *  - b-sole: 50,000 a year, used by B only;
 *  - common: capex 200,000 over 10 years + 10,000 a year (30,000), used by nobody;
 *  - idle: 40,000 a year, used by A and B with nothing measured.
 */
CostSplit
Sample(SplitRule rule)
{
    CostSplit split(rule, {"A", "B"});
    split.SetAgreedShares({{"A", 0.4}, {"B", 0.6}});
    SharedCostItem shared{{"shared", "hub", "router", 700000, 7, 70000}, "", {}};
    shared.users["A"] = {300, 200, 10};
    shared.users["B"] = {100, 200, 30};
    split.Add(shared);
    SharedCostItem owned{{"a-owned", "a", "host", 100000, 5, 0}, "A", {}};
    owned.users["B"] = {1000, 1000, 1000}; // B's traffic crosses it, but A owns it
    split.Add(owned);
    SharedCostItem sole{{"b-sole", "", "fiber", 0, 1, 50000}, "", {}};
    sole.users["B"] = {5, 5, 5};
    split.Add(sole);
    split.Add({{"common", "", "fiber", 200000, 10, 10000}, "", {}});
    SharedCostItem idle{{"idle", "", "fiber", 0, 1, 40000}, "", {}};
    idle.users["A"] = {};
    idle.users["B"] = {};
    split.Add(idle);
    return split;
}

const PartyCost&
Party(const CostShare& share, const std::string& name)
{
    for (const PartyCost& p : share.parties)
    {
        if (p.name == name)
        {
            return p;
        }
    }
    throw std::logic_error("no party " + name);
}

/// The fraction of `element` that `party` pays (0 when it has no part).
double
FractionOf(const CostShare& share, const std::string& element, const std::string& party)
{
    for (const ItemShare& i : share.items)
    {
        if (i.element == element && i.party == party)
        {
            return i.fraction;
        }
    }
    return 0;
}

class CostSplitRuleTest : public ::testing::TestWithParam<SplitRule>
{
};

} // namespace

// Under every rule, at r = 0 and at 5 %, each item's parts add up to it and the parties' costs
// to the configuration's: nothing is lost or counted twice.
TEST_P(CostSplitRuleTest, PartsAddUpToTheTotal)
{
    for (const double rate : {0.0, 0.05})
    {
        CostSplit split = Sample(GetParam());
        split.SetDiscountRate(rate);
        const CostShare share = split.Split();
        EXPECT_EQ(share.rule, GetParam());
        CostLedger ledger;
        ledger.Add({"shared", "hub", "router", 700000, 7, 70000});
        ledger.Add({"a-owned", "a", "host", 100000, 5, 0});
        ledger.Add({"b-sole", "", "fiber", 0, 1, 50000});
        ledger.Add({"common", "", "fiber", 200000, 10, 10000});
        ledger.Add({"idle", "", "fiber", 0, 1, 40000});
        EXPECT_NEAR(share.annualised, ledger.GetAnnualised(rate), kYen);
        EXPECT_NEAR(share.capex, 1000000, kYen);
        EXPECT_NEAR(share.opexPerYear, 170000, kYen);
        double annualised = 0;
        double capex = 0;
        double opex = 0;
        for (const PartyCost& p : share.parties)
        {
            annualised += p.annualised;
            capex += p.capex;
            opex += p.opexPerYear;
            EXPECT_DOUBLE_EQ(p.pays, p.annualised); // no subsidy
        }
        EXPECT_NEAR(annualised, share.annualised, kYen);
        EXPECT_NEAR(capex, share.capex, kYen);
        EXPECT_NEAR(opex, share.opexPerYear, kYen);
        for (const char* element : {"shared", "a-owned", "b-sole", "common", "idle"})
        {
            EXPECT_NEAR(FractionOf(share, element, "A") + FractionOf(share, element, "B"),
                        1.0,
                        1e-12)
                << element;
        }
        // The other rules' totals add up too.
        EXPECT_EQ(share.byRule.size(), 5u);
        for (const auto& [rule, parties] : share.byRule)
        {
            EXPECT_NEAR(parties.at(0).annualised + parties.at(1).annualised, share.annualised, kYen)
                << ToString(rule);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(EveryRule,
                         CostSplitRuleTest,
                         ::testing::Values(SplitRule::OfferedTraffic,
                                           SplitRule::CarriedTraffic,
                                           SplitRule::PeakRate,
                                           SplitRule::Equal,
                                           SplitRule::Agreed),
                         [](const ::testing::TestParamInfo<SplitRule>& info) {
                             std::string name;
                             bool upper = true;
                             for (char c : ToString(info.param))
                             {
                                 if (c == '-')
                                 {
                                     upper = true;
                                     continue;
                                 }
                                 name += upper ? static_cast<char>(std::toupper(c)) : c;
                                 upper = false;
                             }
                             return name;
                         });

// The shared item goes 3:1 by offered bytes, 1:1 by carried bytes, 1:3 by peak rate, 1:1 in
// equal parts and 2:3 by the agreed 40 %/60 %.
TEST(CostSplitTest, EachRuleDividesASharedItemAsItStates)
{
    const std::vector<std::pair<SplitRule, double>> shareOfA{{SplitRule::OfferedTraffic, 0.75},
                                                             {SplitRule::CarriedTraffic, 0.5},
                                                             {SplitRule::PeakRate, 0.25},
                                                             {SplitRule::Equal, 0.5},
                                                             {SplitRule::Agreed, 0.4}};
    for (const auto& [rule, a] : shareOfA)
    {
        const CostShare share = Sample(rule).Split();
        EXPECT_DOUBLE_EQ(FractionOf(share, "shared", "A"), a) << ToString(rule);
        EXPECT_DOUBLE_EQ(FractionOf(share, "shared", "B"), 1 - a) << ToString(rule);
        // The shared item costs 170,000 a year at r = 0.
        for (const ItemShare& i : share.items)
        {
            if (i.element == "shared")
            {
                EXPECT_EQ(i.basis, ToString(rule));
                EXPECT_DOUBLE_EQ(i.annualised, 170000 * i.fraction);
            }
        }
    }
    // Offered bytes: A = 0.75 x 170,000 + 20,000 (owned) + 15,000 (half the common) + 20,000
    // (half the idle) = 182,500; B = 42,500 + 50,000 + 15,000 + 20,000 = 127,500.
    const CostShare offered = Sample(SplitRule::OfferedTraffic).Split();
    EXPECT_DOUBLE_EQ(Party(offered, "A").annualised, 182500);
    EXPECT_DOUBLE_EQ(Party(offered, "B").annualised, 127500);
}

// An owned item is its owner's whatever crosses it; an item one party uses is that party's; an
// item nobody uses is common, in equal parts; an item whose users' measures are all zero is
// divided equally among them (under a rule that measures), and by the agreed shares.
TEST(CostSplitTest, OwnedSoleCommonAndIdleItemsHaveTheirOwnBasis)
{
    const CostShare share = Sample(SplitRule::PeakRate).Split();
    EXPECT_DOUBLE_EQ(FractionOf(share, "a-owned", "A"), 1);
    EXPECT_DOUBLE_EQ(FractionOf(share, "a-owned", "B"), 0);
    EXPECT_DOUBLE_EQ(FractionOf(share, "b-sole", "B"), 1);
    EXPECT_DOUBLE_EQ(FractionOf(share, "common", "A"), 0.5);
    EXPECT_DOUBLE_EQ(FractionOf(share, "idle", "A"), 0.5);
    for (const ItemShare& i : share.items)
    {
        const std::string expected = i.element == "a-owned"  ? "owned"
                                     : i.element == "b-sole" ? "sole user"
                                     : i.element == "common" ? "common (no flow crosses it)"
                                     : i.element == "idle"   ? "equal (no use measured)"
                                                             : "peak-rate";
        EXPECT_EQ(i.basis, expected) << i.element;
    }
    const CostShare agreed = Sample(SplitRule::Agreed).Split();
    EXPECT_DOUBLE_EQ(FractionOf(agreed, "idle", "A"), 0.4);
}

// A capex grant of 50 % lowers B's yearly cost by half the capex part of it, 17,500 of B's
// 127,500 at r = 0 (B's capex parts: 0.25 x 700,000 over 7 years + 0.5 x 200,000 over 10
// years = 35,000 a year); A's cost does not move. With a cap of 100,000 on the 137,500 grant
// it lowers it by 100,000 / 275,000 x 35,000 instead; at 5 % the grant takes half of B's
// annuities, 21,596.96 a year.
TEST(CostSplitTest, CapexGrantLowersThePartyByItsShareAndNoMoreThanItsCap)
{
    CostSplit split = Sample(SplitRule::OfferedTraffic);
    split.AddSubsidy({"B", "MIC", 0.5});
    CostShare share = split.Split();
    EXPECT_DOUBLE_EQ(Party(share, "B").capex, 275000);
    EXPECT_DOUBLE_EQ(Party(share, "B").capexGrant, 137500);
    EXPECT_NEAR(Party(share, "B").subsidy, 17500, kYen);
    EXPECT_NEAR(Party(share, "B").pays, 127500 - 17500, kYen);
    EXPECT_DOUBLE_EQ(Party(share, "A").pays, 182500);
    ASSERT_EQ(share.subsidies.size(), 1u);
    EXPECT_EQ(share.subsidies[0].funder, "MIC");
    EXPECT_NEAR(share.subsidies[0].annualised, 17500, kYen);

    CostSplit capped = Sample(SplitRule::OfferedTraffic);
    capped.AddSubsidy({"B", "MIC", 0.5, 100000});
    share = capped.Split();
    EXPECT_DOUBLE_EQ(Party(share, "B").capexGrant, 100000);
    EXPECT_NEAR(Party(share, "B").subsidy, 100000.0 / 275000 * 35000, kYen);
    // A cap above the grant changes nothing.
    CostSplit loose = Sample(SplitRule::OfferedTraffic);
    loose.AddSubsidy({"B", "MIC", 0.5, 1e9});
    EXPECT_NEAR(Party(loose.Split(), "B").subsidy, 17500, kYen);

    CostSplit discounted = Sample(SplitRule::OfferedTraffic);
    discounted.SetDiscountRate(0.05);
    discounted.AddSubsidy({"B", "MIC", 0.5});
    EXPECT_NEAR(Party(discounted.Split(), "B").subsidy, 21596.96286, 1e-4);
}

// Opex support of A a year for Y years is worth A x PVAF(r, Y) x CRF(r, H) a year over the
// horizon H: A x Y / H at r = 0; 0.3526730786 per unit at 5 % for 3 of 10 years (PVAF(5 %, 3) =
// 2.7232480293, CRF(5 %, 10) = 0.1295045750, by hand). B's opex is 92,500 a year: half of it for
// 4 of 10 years is 46,250 x 0.4 = 18,500 a year; 100,000 a year is held to the 92,500 B spends;
// years beyond the horizon count as the horizon.
TEST(CostSplitTest, OpexSupportIsWorthItsYearsOverTheHorizon)
{
    EXPECT_NEAR(CostSplit::AnnualisedSupport(1, 3, 10, 0.05), 0.3526730786, 1e-10);
    EXPECT_DOUBLE_EQ(CostSplit::AnnualisedSupport(1000, 4, 10, 0), 400);
    EXPECT_DOUBLE_EQ(CostSplit::AnnualisedSupport(1000, 12, 10, 0), 1000);
    EXPECT_DOUBLE_EQ(CostSplit::AnnualisedSupport(1000, 0, 10, 0), 0);
    EXPECT_NEAR(CostSplit::AnnualisedSupport(1000, 10, 10, 0.05), 1000, 1e-9);

    CostSplit split = Sample(SplitRule::OfferedTraffic);
    split.SetHorizonYears(10);
    Subsidy half{"B", "prefecture"};
    half.opexShare = 0.5;
    half.opexYears = 4;
    split.AddSubsidy(half);
    CostShare share = split.Split();
    EXPECT_DOUBLE_EQ(share.horizonYears, 10);
    EXPECT_DOUBLE_EQ(Party(share, "B").opexPerYear, 92500);
    EXPECT_DOUBLE_EQ(share.subsidies.at(0).opexSupportPerYear, 46250);
    EXPECT_NEAR(Party(share, "B").subsidy, 18500, kYen);
    EXPECT_NEAR(Party(share, "B").pays, 127500 - 18500, kYen);

    CostSplit generous = Sample(SplitRule::OfferedTraffic);
    generous.SetHorizonYears(10);
    Subsidy lump{"B", "prefecture"};
    lump.opexPerYear = 100000;
    lump.opexYears = 10;
    generous.AddSubsidy(lump);
    share = generous.Split();
    EXPECT_DOUBLE_EQ(share.subsidies.at(0).opexSupportPerYear, 92500);
    EXPECT_NEAR(Party(share, "B").subsidy, 92500, kYen);

    // Without a horizon, the items' lifetimes weighted by their capex: (700,000 x 7 + 100,000 x 5
    // + 200,000 x 10) / 1,000,000 = 7.4 years; a lease's lifetime (no capex) does not count.
    CostSplit leased = Sample(SplitRule::Equal);
    leased.Add({{"lease", "", "fiber", 0, 30, 1000}, "", {}});
    EXPECT_DOUBLE_EQ(leased.Split().horizonYears, 7.4);
}

TEST(CostSplitTest, ImpossibleSplitsAreRejected)
{
    EXPECT_THROW(CostSplit(SplitRule::Equal, {}), std::invalid_argument);
    EXPECT_THROW(CostSplit(SplitRule::Equal, {"A", "A"}), std::invalid_argument);
    EXPECT_THROW(SplitRuleFromName("by-traffic"), std::invalid_argument);
    EXPECT_EQ(SplitRuleFromName("peak-rate"), SplitRule::PeakRate);

    CostSplit split(SplitRule::Agreed, {"A", "B"});
    EXPECT_THROW(split.Split(), std::invalid_argument); // agreed without shares
    EXPECT_THROW(split.SetAgreedShares({{"A", 0.4}, {"B", 0.5}}), std::invalid_argument);
    EXPECT_THROW(split.SetAgreedShares({{"A", 1.0}}), std::invalid_argument);
    EXPECT_THROW(split.SetAgreedShares({{"A", 1.5}, {"B", -0.5}}), std::invalid_argument);
    EXPECT_THROW(split.SetAgreedShares({{"A", 0.5}, {"C", 0.5}}), std::invalid_argument);
    EXPECT_THROW(split.SetDiscountRate(-1), std::invalid_argument);
    EXPECT_THROW(split.SetHorizonYears(-1), std::invalid_argument);

    EXPECT_THROW(split.Add({{"x", "", "fiber", 1, 1, 0}, "C", {}}), std::invalid_argument);
    SharedCostItem stranger{{"x", "", "fiber", 1, 1, 0}, "", {}};
    stranger.users["C"] = {};
    EXPECT_THROW(split.Add(stranger), std::invalid_argument);
    SharedCostItem negative{{"x", "", "fiber", 1, 1, 0}, "", {}};
    negative.users["A"] = {-1, 0, 0};
    EXPECT_THROW(split.Add(negative), std::invalid_argument);
    EXPECT_THROW(split.Add({{"x", "", "fiber", -1, 1, 0}, "", {}}), std::invalid_argument);

    EXPECT_THROW(split.AddSubsidy({"C", "MIC", 0.5}), std::invalid_argument);
    EXPECT_THROW(split.AddSubsidy({"A", "MIC", 1.5}), std::invalid_argument);
    EXPECT_THROW(split.AddSubsidy({"A", "MIC", -0.5}), std::invalid_argument);
    EXPECT_THROW(split.AddSubsidy({"A", "MIC", 0.5, -1}), std::invalid_argument);
    Subsidy backwards{"A", "MIC"};
    backwards.opexShare = 0.5;
    backwards.opexYears = -2;
    EXPECT_THROW(split.AddSubsidy(backwards), std::invalid_argument);
    split.AddSubsidy({"A", "MIC", 0.6});
    EXPECT_THROW(split.AddSubsidy({"A", "prefecture", 0.5}), std::invalid_argument);
    split.AddSubsidy({"B", "prefecture", 0.5}); // another party's grant is its own
}
