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
        // Starlink: satellites that process packets on board (they switch them onto laser
        // inter-satellite links; an on-satellite scheduler grants the return link, Tanveer et
        // al., CoNEXT 2023), framed at 1/750 s (Humphreys et al., IEEE TAES 2023): regenerative,
        // each link scheduled in frames. Each frame is planned at the boundary before it (one
        // frame of lead, both ways): an assumption, the least a framed scheduler can do (it
        // cannot place a packet in a frame already on the air). Traffic comes down at the
        // gateway the terminal's satellite sees (no inter-satellite links by default).
        spec.payload = "regenerative";
        spec.returnAccess = "request-grant";
        spec.frameS = 1.0 / 750.0;
        spec.schedulingLead = 1;
        spec.returnSchedulingLead = 1;
        // Latency steps at every 15 s boundary (Mohan et al., WWW 2024) and dishes tracking a
        // satellite for well under a minute (U. Speidel, bufferbloat starlink list, 2023): the
        // controller moves a terminal to another satellite at each boundary.
        spec.maxConsecutiveSlots = 1;
        return true;
    }
    if (technology == "geo")
    {
        NtnPlatformSpec::FindPreset("geo", spec.platform);
        spec.beam = *NtnBeamParameters::Find("geo-ka");
        spec.terminal = *NtnTerminalParameters::Find("vsat");
        spec.gatewayMinElevationDeg = 10.0;
        // A DVB-S2 forward link scheduled by the gateway in periods, and a DVB-RCS2 return
        // (ETSI EN 301 545-2): MF-TDMA superframes, the burst time plan of a superframe sent
        // before it starts (one superframe of lead), demand assignment by the NCC at the gateway
        // (a request goes up and the plan comes back over the satellite), a constant rate
        // assignment that carries small packets without a request, and a rate request that
        // lapses after its timeout. The figures are the defaults of CNES's OpenSAND DVB-S2/RCS2
        // emulator (core_global.conf: forward frame 10 ms, return frame 26.5 ms; core_st.conf:
        // 100 kbit/s fixed bandwidth, RBDC timeout 12 superframes), no operator publishing its
        // own.
        spec.frameS = 10e-3;
        spec.schedulingLead = 1;
        spec.returnAccess = "request-grant";
        spec.grantAtGateway = true;
        spec.returnFrameS = 26.5e-3;
        spec.returnSchedulingLead = 1;
        spec.constantRateBps = 100e3;
        spec.grantHoldS = 12 * 26.5e-3;
        return true;
    }
    if (technology == "haps")
    {
        NtnPlatformSpec::FindPreset("haps", spec.platform);
        spec.beam = *NtnBeamParameters::Find("haps-s");
        spec.terminal = *NtnTerminalParameters::Find("haps-cpe");
        spec.gatewayMinElevationDeg = 5.0;
        // A base station on the platform (Loon and HAPSMobile carried an LTE eNB): regenerative,
        // scheduled on board in 1 ms subframes (TS 36.211), a downlink subframe planned one
        // ahead and an uplink grant used four subframes after it arrives (TS 36.213 clause 8,
        // FDD).
        spec.payload = "regenerative";
        spec.returnAccess = "request-grant";
        spec.frameS = 1e-3;
        spec.schedulingLead = 1;
        spec.returnSchedulingLead = 4;
        return true;
    }
    return false;
}

} // namespace blueprint
} // namespace ns3
