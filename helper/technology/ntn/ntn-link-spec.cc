/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/ntn/ntn-link-spec.h"

namespace ns3
{
namespace blueprint
{

bool
NtnPlatformSpec::FindPreset(const std::string& name, NtnPlatformSpec& spec)
{
    spec = NtnPlatformSpec();
    if (name == "starlink-shell1")
    {
        // Hypatia main_starlink_550.py (Kassing et al., IMC 2020): 550 km, 53 deg, 72 x 22.
        return true;
    }
    if (name == "geo")
    {
        spec.kind = "geo";
        spec.altitudeM = 35786e3; // TR 38.821 Table 4.2-1
        spec.longitudeDeg = 140.0;
        return true;
    }
    if (name == "haps")
    {
        spec.kind = "haps";
        spec.altitudeM = 20e3; // TR 38.821; HAPSMobile Sunglider flies at about 20 km
        return true;
    }
    return false;
}

std::vector<std::string>
NtnPlatformSpec::GetPresetNames()
{
    return {"starlink-shell1", "geo", "haps"};
}

bool
NtnLinkSpec::ForTechnology(const std::string& technology, NtnLinkSpec& spec)
{
    spec = NtnLinkSpec();
    spec.technology = technology;
    if (technology == "leo")
    {
        NtnPlatformSpec::FindPreset("starlink-shell1", spec.platform);
        spec.beam = *NtnBeamParameters::Find("leo600-ka");
        spec.terminal = *NtnTerminalParameters::Find("standard-dish");
        // Starlink: an on-satellite scheduler grants the return link (Tanveer et al., CoNEXT
        // 2023) on a 1/750 s frame (Humphreys et al., IEEE TAES 2023).
        spec.returnAccess = "request-grant";
        spec.frameS = 1.0 / 750.0;
        // Latency steps at every 15 s boundary (Mohan et al., WWW 2024) and dishes tracking a
        // satellite for well under a minute (U. Speidel, bufferbloat starlink list, 2023): the
        // controller moves a terminal to another satellite at each boundary.
        spec.maxConsecutiveSlots = 1;
        // Modem, on-board and gateway processing: not published. 3 ms per direction is an
        // assumption that brings the idle RTT of a terminal near its gateway to the 20 ms
        // minimum Michel et al. measured (IMC 2022).
        spec.processingS = 3e-3;
        return true;
    }
    if (technology == "geo")
    {
        NtnPlatformSpec::FindPreset("geo", spec.platform);
        spec.beam = *NtnBeamParameters::Find("geo-ka");
        spec.terminal = *NtnTerminalParameters::Find("vsat");
        spec.gatewayMinElevationDeg = 10.0;
        return true;
    }
    if (technology == "haps")
    {
        NtnPlatformSpec::FindPreset("haps", spec.platform);
        spec.beam = *NtnBeamParameters::Find("haps-s");
        spec.terminal = *NtnTerminalParameters::Find("haps-cpe");
        spec.gatewayMinElevationDeg = 5.0;
        // A base station on the platform (Loon and HAPSMobile carried an LTE eNB): regenerative,
        // scheduled on board, 1 ms subframes (TS 36.211).
        spec.payload = "regenerative";
        spec.returnAccess = "request-grant";
        spec.frameS = 1e-3;
        return true;
    }
    return false;
}

} // namespace blueprint
} // namespace ns3
