/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/optical/optical-transponder-class.h"

#include "model/optical/optical-line-system.h"

#include <cmath>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

// --- 100G: DP-QPSK, the long-haul coherent line interface of OIF-FD-100G-DWDM-01.0 ---
/// 100 Gbit/s client, DP-QPSK at about 32 GBd (OIF 100G long-haul DWDM transmission module
/// framework, OIF-FD-100G-DWDM-01.0), fits a 50 GHz ITU-T G.694.1 slot.
constexpr double RATE_100G = 100e9;
constexpr double BAUD_100G = 32e9;
constexpr double SLOT_100G_HZ = 50e9;
/// DP-QPSK with soft-decision FEC needs about 12 dB OSNR back to back; 4 dB of system margin
/// for nonlinearity, filtering and ageing gives 16 dB (assumption). On the default line (22 dB
/// spans) that is 31 spans, 2,480 km.
constexpr double OSNR_100G_DB = 16.0;
/// 100G coherent at 0.2 W/Gbit/s, the level coherent optics reached around 2020 (assumption;
/// a 100G CFP2-DCO pluggable is of this order).
constexpr double POWER_100G_W = 20.0;
constexpr double CAPEX_100G_JPY = 1500000.0; //!< assumption: no public price list

// --- 400G: DP-16QAM at about 60 GBd, the 400ZR / OpenZR+ line interface ---
/// 400 Gbit/s client, DP-16QAM at 59.84 GBd (OIF 400ZR implementation agreement,
/// OIF-400ZR-01.0), which needs a 75 GHz slot.
constexpr double RATE_400G = 400e9;
constexpr double BAUD_400G = 59.84e9;
constexpr double SLOT_400G_HZ = 75e9;
/// DP-16QAM at 60 GBd with oFEC needs about 20-21 dB OSNR back to back; with 3-4 dB of margin,
/// 24 dB (assumption). On the default line that is 4 spans, 320 km.
constexpr double OSNR_400G_DB = 24.0;
/// A 400ZR-class QSFP-DD module, about 20 W (assumption at the module's power envelope).
constexpr double POWER_400G_W = 20.0;
constexpr double CAPEX_400G_JPY = 3000000.0; //!< assumption: no public price list

/// Framing, FEC and DSP of a transponder pair, per direction: 10 us (assumption). The APN demo
/// over 89 km measured an RTT of about 0.9 ms (NTT DATA press release, 12 Apr 2024), of which
/// fibre accounts for 871.7 us, leaving about 14 us per direction for the ends.
constexpr int64_t PAIR_LATENCY_US = 10;
/// Service life of line cards, years (assumption).
constexpr double LIFETIME_YEARS = 7.0;
/// Yearly support as a fraction of the price (assumption, as the router catalogue).
constexpr double SUPPORT_FRACTION = 0.10;

/// Builds one class with the fields every class shares.
OpticalTransponderClass
MakeClass(const std::string& name,
          double rate,
          const std::string& modulation,
          double baud,
          double slot,
          double osnr,
          double watts,
          double capex)
{
    OpticalTransponderClass c;
    c.name = name;
    c.lineRate = rate;
    c.modulation = modulation;
    c.symbolRateBaud = baud;
    c.minChannelSpacingHz = slot;
    c.requiredOsnrDb = osnr;
    c.pairLatency = MicroSeconds(PAIR_LATENCY_US);
    c.powerWatts = watts;
    c.capex = capex;
    c.lifetimeYears = LIFETIME_YEARS;
    c.opexPerYear = SUPPORT_FRACTION * capex;
    return c;
}

/// Builds the catalogue, fastest first.
std::vector<OpticalTransponderClass>
BuildCatalogue()
{
    std::vector<OpticalTransponderClass> catalogue;
    OpticalTransponderClass c400 = MakeClass("400G",
                                             RATE_400G,
                                             "DP-16QAM",
                                             BAUD_400G,
                                             SLOT_400G_HZ,
                                             OSNR_400G_DB,
                                             POWER_400G_W,
                                             CAPEX_400G_JPY);
    c400.osnrSource = "OIF-400ZR-01.0 (59.84 GBd DP-16QAM, 75 GHz); required OSNR 24 dB in "
                      "0.1 nm incl. margin (assumption)";
    c400.powerSource = "20 W, a 400ZR QSFP-DD module (assumption)";
    c400.costSource = "3,000,000 JPY, 7-year life, support 10 %/yr (assumptions)";
    catalogue.push_back(c400);

    OpticalTransponderClass c100 = MakeClass("100G",
                                             RATE_100G,
                                             "DP-QPSK",
                                             BAUD_100G,
                                             SLOT_100G_HZ,
                                             OSNR_100G_DB,
                                             POWER_100G_W,
                                             CAPEX_100G_JPY);
    c100.osnrSource = "OIF-FD-100G-DWDM-01.0 (32 GBd DP-QPSK, 50 GHz); required OSNR 16 dB in "
                      "0.1 nm incl. 4 dB margin (assumption)";
    c100.powerSource = "20 W, 0.2 W/Gbit/s coherent optics c. 2020 (assumption)";
    c100.costSource = "1,500,000 JPY, 7-year life, support 10 %/yr (assumptions)";
    catalogue.push_back(c100);
    return catalogue;
}

/// The catalogue, built on first use so its Time values are made after ns-3 has started.
const std::vector<OpticalTransponderClass>&
Catalogue()
{
    static const std::vector<OpticalTransponderClass> catalogue = BuildCatalogue();
    return catalogue;
}

} // namespace

const OpticalTransponderClass*
OpticalTransponderClass::Find(const std::string& name)
{
    for (const auto& c : Catalogue())
    {
        if (c.name == name)
        {
            return &c;
        }
    }
    return nullptr;
}

std::vector<std::string>
OpticalTransponderClass::Names()
{
    std::vector<std::string> names;
    for (const auto& c : Catalogue())
    {
        names.push_back(c.name);
    }
    return names;
}

double
OpticalTransponderClass::GetReachKm(const OpticalLineSystem& line) const
{
    // N equal spans give OSNR_1 - 10 log10(N); the largest N that still meets the requirement.
    const double margin = line.GetSpanOsnrDb(line.maxSpanKm) - requiredOsnrDb;
    if (margin < 0.0)
    {
        return 0.0;
    }
    const double spans = std::floor(std::pow(10.0, margin / 10.0) + 1e-9);
    return spans * line.maxSpanKm;
}

std::string
OpticalTransponderClass::Check() const
{
    std::ostringstream problem;
    if (name.empty())
    {
        problem << "a transponder class needs a name";
    }
    else if (!(lineRate > 0.0) || !std::isfinite(lineRate))
    {
        problem << "transponder class '" << name << "': line rate must be positive";
    }
    else if (!(minChannelSpacingHz >= 0.0) || !std::isfinite(requiredOsnrDb))
    {
        problem << "transponder class '" << name
                << "': channel spacing and required OSNR must be finite numbers";
    }
    else if (pairLatency.IsStrictlyNegative() || powerWatts < 0.0 || capex < 0.0 ||
             opexPerYear < 0.0 || !(lifetimeYears > 0.0))
    {
        problem << "transponder class '" << name
                << "': latency, power and costs must not be negative and the lifetime positive";
    }
    return problem.str();
}

} // namespace blueprint
} // namespace ns3
