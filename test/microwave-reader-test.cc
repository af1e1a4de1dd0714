/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ReadMicrowaveLink: a microwave link's own keys from YAML, every error at FILE:LINE:COL.
 */

#include "helper/technology/microwave/microwave-link-reader.h"

#include <gtest/gtest.h>
#include <string>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// The keys every link has, which the scenario reader owns.
const std::vector<std::string> COMMON = {"technology", "between", "power", "cost", "description"};

/**
 * \param yaml a link's map.
 * \return the config read from it.
 */
MicrowaveLinkConfig
Read(const std::string& yaml)
{
    return ReadMicrowaveLink(ConfigNode::LoadString(yaml, "hop.yaml"), "link 'hop'", COMMON);
}

/**
 * \param yaml a link's map with one mistake.
 * \return the error's text ("" if none was thrown).
 */
std::string
ErrorOf(const std::string& yaml)
{
    try
    {
        Read(yaml);
    }
    catch (const InputError& e)
    {
        return e.what();
    }
    return "";
}

} // namespace

TEST(MicrowaveLinkReader, PresetThenOverridesMakeTheConfig)
{
    const MicrowaveLinkConfig c = Read("technology: microwave\n"
                                       "between: [hub, cell]\n"
                                       "preset: microwave-23ghz\n"
                                       "channel_width: 28MHz\n"
                                       "modulation_max: 1024QAM\n"
                                       "antenna_b: 0.3m\n"
                                       "tx_power: 15\n"
                                       "polarization: horizontal\n"
                                       "rain_rate: 12.5\n"
                                       "equipment_latency: 150us\n"
                                       "length: 7.5km\n");
    EXPECT_EQ(c.preset, "microwave-23ghz");
    EXPECT_DOUBLE_EQ(c.frequencyHz, 23e9);
    EXPECT_DOUBLE_EQ(c.channelWidthHz, 28e6);
    EXPECT_EQ(c.maxModulation, "1024QAM");
    EXPECT_DOUBLE_EQ(c.antennaADiameterM, 0.6); // from the preset
    EXPECT_DOUBLE_EQ(c.antennaBDiameterM, 0.3);
    EXPECT_DOUBLE_EQ(c.txPowerDbm, 15.0);
    EXPECT_DOUBLE_EQ(c.GetPolarizationTiltDeg(), 0.0);
    EXPECT_DOUBLE_EQ(c.rainRateMmH, 12.5);
    EXPECT_NEAR(c.equipmentLatencyS, 150e-6, 1e-12);
    ASSERT_TRUE(c.lengthM.has_value());
    EXPECT_DOUBLE_EQ(*c.lengthM, 7500.0);
    // Nothing given: the 18 GHz preset.
    EXPECT_EQ(Read("technology: microwave\n").preset, "microwave-18ghz");
}

TEST(MicrowaveLinkReader, ErrorsCarryFileLineColumnAndADidYouMean)
{
    EXPECT_EQ(ErrorOf("technology: microwave\nchanel_width: 56MHz\n"),
              "hop.yaml:2:1: unknown key 'chanel_width' in link 'hop'; did you mean "
              "'channel_width'?");
    EXPECT_EQ(ErrorOf("preset: microwave-18ghz\nmodulation_max: 4069QAM\n"),
              "hop.yaml:2:17: unknown modulation '4069QAM'; did you mean '4096QAM'?");
    EXPECT_EQ(ErrorOf("preset: microwave-e-bnd\n"),
              "hop.yaml:1:9: unknown microwave preset 'microwave-e-bnd'; did you mean "
              "'microwave-e-band'?");
    EXPECT_EQ(ErrorOf("preset: microwave-e-band\nfrequency: 60GHz\n"),
              "hop.yaml:2:12: link 'hop': frequency 60GHz is outside the e-band band of preset "
              "microwave-e-band (71-76 or 81-86 GHz)");
    EXPECT_EQ(ErrorOf("modulation_min: 256QAM\nmodulation_max: 64QAM\n"),
              "hop.yaml:1:17: link 'hop': modulation_min 256QAM is faster than modulation_max "
              "64QAM");
    EXPECT_EQ(ErrorOf("channel_width: 500MHz\n"),
              "hop.yaml:1:16: channel_width (MHz) must be between 3.5 and 112, not 500MHz");
    EXPECT_EQ(ErrorOf("polarization: diagonal\n"),
              "hop.yaml:1:15: unknown polarization 'diagonal'; expected one of: horizontal "
              "vertical circular");
    EXPECT_EQ(ErrorOf("rain_rate: lots\n"), "hop.yaml:1:12: expected a number, got 'lots'");
}
