/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Cost: annualisation with the capital recovery factor, and the catalogue cost items.
 */

#include "model/cost/cost-ledger.h"
#include "model/equipment/equipment-profile.h"
#include "model/wired/wired-link-profile.h"

#include <gtest/gtest.h>
#include <stdexcept>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// A ledger of three items in two technologies.
CostLedger
SampleLedger()
{
    CostLedger ledger;
    ledger.Add({"core", "hub", "router", 1000000.0, 10.0, 50000.0});
    ledger.Add({"trunk", "", "fiber", 500000.0, 5.0, 0.0});
    ledger.Add({"lease", "", "fiber", 0.0, 1.0, 24000.0});
    return ledger;
}

} // namespace

// r = 0: capex spread evenly over the lifetime. 1,000,000 / 10 + 50,000 + 500,000 / 5 + 24,000.
TEST(CostTest, AnnualisedWithoutDiscounting)
{
    const CostLedger ledger = SampleLedger();
    EXPECT_DOUBLE_EQ(ledger.GetCapex(), 1500000.0);
    EXPECT_DOUBLE_EQ(ledger.GetOpexPerYear(), 74000.0);
    EXPECT_DOUBLE_EQ(ledger.GetAnnualised(0.0), 274000.0);
    const auto byTechnology = ledger.GetAnnualisedByTechnology(0.0);
    EXPECT_DOUBLE_EQ(byTechnology.at("router"), 150000.0);
    EXPECT_DOUBLE_EQ(byTechnology.at("fiber"), 124000.0);
}

// r = 5 %: CRF(5 %, 10) = 0.05 x 1.05^10 / (1.05^10 - 1) = 0.1295045750,
// CRF(5 %, 5) = 0.05 x 1.05^5 / (1.05^5 - 1) = 0.2309747981 (computed by hand to 10 digits).
TEST(CostTest, AnnualisedWithFivePercentDiscount)
{
    EXPECT_NEAR(CostLedger::CapitalRecoveryFactor(0.05, 10), 0.1295045750, 1e-10);
    EXPECT_NEAR(CostLedger::CapitalRecoveryFactor(0.05, 5), 0.2309747981, 1e-10);
    EXPECT_DOUBLE_EQ(CostLedger::CapitalRecoveryFactor(0.0, 8), 0.125);
    // Continuity at r -> 0: no cancellation blow-up.
    EXPECT_NEAR(CostLedger::CapitalRecoveryFactor(1e-12, 8), 0.125, 1e-9);

    const CostLedger ledger = SampleLedger();
    EXPECT_NEAR(ledger.GetAnnualised(0.05), 318991.97403, 1e-4);
    const auto byTechnology = ledger.GetAnnualisedByTechnology(0.05);
    EXPECT_NEAR(byTechnology.at("router"), 179504.57497, 1e-4);
    EXPECT_NEAR(byTechnology.at("fiber"), 139487.39906, 1e-4);
}

// Negative capex or opex, a lifetime of zero or less, or a rate of -100 % or less are rejected.
TEST(CostTest, ImpossibleItemsAreRejected)
{
    CostLedger ledger;
    EXPECT_THROW(ledger.Add({"x", "n", "t", -1.0, 5.0, 0.0}), std::invalid_argument);
    EXPECT_THROW(ledger.Add({"x", "n", "t", 1.0, 5.0, -1.0}), std::invalid_argument);
    EXPECT_THROW(ledger.Add({"x", "n", "t", 1.0, 0.0, 0.0}), std::invalid_argument);
    EXPECT_THROW(ledger.Add({"x", "n", "t", 1.0, -3.0, 0.0}), std::invalid_argument);
    EXPECT_TRUE(ledger.GetItems().empty());
    ledger.Add({"x", "n", "t", 1.0, 5.0, 0.0});
    EXPECT_THROW(ledger.GetAnnualised(-1.0), std::invalid_argument);
    EXPECT_THROW(ledger.GetAnnualisedByTechnology(-2.0), std::invalid_argument);
}

// Catalogue cost items: 10 km of leased NTT East relay fibre costs 2 fibres x 0.956 JPY/m x
// 10,000 m x 12 months = 229,440 JPY a year plus 2 x 37 JPY x 12 = 888 JPY of line fees; 1 km
// of underground build costs $16.25/ft = 53,314 $/km = 7,997,047 JPY at 150 JPY/USD.
TEST(CostTest, CatalogueCostItems)
{
    const auto relay =
        WiredLinkProfile::Find("fiber-leased-relay")->GetCostItems("trunk", "a", "b", 10000.0);
    ASSERT_EQ(relay.size(), 3u); // plant, two transceivers
    EXPECT_DOUBLE_EQ(relay[0].capex, 0.0);
    EXPECT_NEAR(relay[0].opexPerYear, 229440.0 + 888.0, 1e-6);
    EXPECT_EQ(relay[1].node, "a");
    EXPECT_EQ(relay[2].element, "trunk/b");

    const auto built = WiredLinkProfile::Find("fiber")->GetCostItems("trunk", "a", "b", 1000.0);
    ASSERT_GE(built.size(), 1u);
    EXPECT_NEAR(built[0].capex, 7997047.24, 0.01);

    const auto subscriber =
        WiredLinkProfile::Find("fiber-leased-subscriber")->GetCostItems("drop", "a", "b", 2500.0);
    EXPECT_NEAR(subscriber[0].opexPerYear, (2009.0 + 37.0) * 12.0, 1e-6);

    // The ageing router's purchase is sunk, so only its upkeep counts.
    CostLedger ledger;
    ledger.Add(EquipmentProfile::Find("ageing-router")->GetCostItem("old", "town-hall"));
    EXPECT_DOUBLE_EQ(ledger.GetCapex(), 0.0);
    EXPECT_GT(ledger.GetAnnualised(0.05), 0.0);
    for (const auto& item : relay)
    {
        ledger.Add(item);
    }
    EXPECT_EQ(ledger.GetItems().size(), 4u);
}
