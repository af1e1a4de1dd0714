/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The units the report and the sweep plots show figures in: those a planner reads, chosen by the
 * largest value, and numbers written for a table or a sentence.
 */

#include "helper/report/plot-units.h"

#include <gtest/gtest.h>

namespace
{

TEST(PlotUnits, FiguresAreShownInTheUnitsPlannersRead)
{
    using ns3::blueprint::ChooseDisplayUnit;
    EXPECT_EQ(ChooseDisplayUnit("length", 12000).unit, "km");
    EXPECT_DOUBLE_EQ(ChooseDisplayUnit("length", 12000).Of(12000), 12);
    EXPECT_EQ(ChooseDisplayUnit("length", 800).unit, "m");
    EXPECT_EQ(ChooseDisplayUnit("data rate", 4e6).unit, "Mbit/s");
    EXPECT_EQ(ChooseDisplayUnit("data rate", 2e5).unit, "Mbit/s");
    EXPECT_EQ(ChooseDisplayUnit("data rate", 2e10).unit, "Gbit/s");
    EXPECT_EQ(ChooseDisplayUnit("energy", 5226).unit, "Wh");
    EXPECT_EQ(ChooseDisplayUnit("energy", 1.5e10).unit, "MWh");
    EXPECT_EQ(ChooseDisplayUnit("money", 2406600, "JPY").unit, "million yen");
    EXPECT_DOUBLE_EQ(ChooseDisplayUnit("money", 2406600, "JPY").Of(2406600), 2.4066);
    EXPECT_EQ(ChooseDisplayUnit("data rate", 7.9e6).Of(7.9e6), 7.9) << "exactly, for the plot data";
    EXPECT_EQ(ChooseDisplayUnit("money", 800, "EUR").unit, "euro");
    EXPECT_EQ(ChooseDisplayUnit("ratio", 0.2).unit, "%");
    EXPECT_EQ(ChooseDisplayUnit("duration", 0.02).unit, "ms");
    EXPECT_EQ(ChooseDisplayUnit("duration", 108000).unit, "h");
    const auto throughput = ns3::blueprint::DescribeMetric("cam.era.throughput_bps", 4e6, "JPY");
    EXPECT_EQ(throughput.Label(), "cam.era: throughput, all members (Mbit/s)");
    EXPECT_EQ(ns3::blueprint::DescribeMetric("annualised_cost", 2.4e6, "JPY").Label(),
              "annualised cost (million yen per year)");
    EXPECT_EQ(ns3::blueprint::PlannerNumber(2406599.67), "2,406,600");
    EXPECT_EQ(ns3::blueprint::PlannerNumber(2.4, 4), "2.400");
    EXPECT_EQ(ns3::blueprint::PlannerNumber(2.4, 4, true), "2.4");
    EXPECT_EQ(ns3::blueprint::PlannerNumber(0.000145, 3), "0.000145");
    EXPECT_EQ(ns3::blueprint::PlannerNumber(-0.0), "0");
}

} // namespace
