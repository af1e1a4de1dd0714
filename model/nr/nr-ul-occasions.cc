/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-ul-occasions.h"

#include "model/nr/nr-control-channel.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrUlOccasions");

NrUlOccasions::NrUlOccasions()
    : m_srPeriod(1),
      m_cgPeriod(0)
{
}

uint32_t
NrUlOccasions::GetSrPeriod() const
{
    return m_srPeriod;
}

uint32_t
NrUlOccasions::GetReserved(uint64_t tti) const
{
    return m_cgReserved.empty() ? 0 : m_cgReserved[tti % m_cgPeriod];
}

void
NrUlOccasions::Assign(NrCellState& cell, bool strict)
{
    const NrCellMacConfig& config = cell.GetConfig();
    const NrTtiGrid& grid = cell.GetGrid();
    std::vector<NrMacUe>& ues = cell.GetUes();
    // An occasion offset o of period P is usable if some TTI o + kP of one common period of the
    // pattern and P has what it needs (a PUCCH for SR, a PUSCH for a configured grant).
    const uint64_t patternTtis = grid.GetPeriodTtis();
    auto usable = [&](uint64_t period, uint64_t offset, bool pusch) {
        const uint64_t common = std::lcm(patternTtis, period);
        for (uint64_t tti = offset; tti < common; tti += period)
        {
            if (pusch ? cell.GetUlDataSymbols(tti) > 0 : grid.GetUlSymbols(tti) > 0)
            {
                return true;
            }
        }
        return false;
    };

    // Each member UE gets its own SR resource: an offset of the SR period with a PUCCH, and
    // one of that offset's resources. The period grows when the UEs need more resources.
    auto srOffsets = [&](uint32_t period) {
        std::vector<uint64_t> offsets;
        for (uint64_t offset = 0; offset < period; ++offset)
        {
            if (usable(period, offset, false))
            {
                offsets.push_back(offset);
            }
        }
        return offsets;
    };
    const auto members = static_cast<uint32_t>(
        std::count_if(ues.begin(), ues.end(), [](const NrMacUe& c) { return c.member; }));
    m_srPeriod = NrSrResources::ChoosePeriod(members,
                                             config.pucchSrPrbs * NrSrResources::PER_PRB,
                                             config.srPeriodicity,
                                             srOffsets);
    const std::vector<uint64_t> srUsable = srOffsets(m_srPeriod);
    NS_ABORT_MSG_IF(srUsable.empty(),
                    "NrUlOccasions: no TTI of SR period " << m_srPeriod << " has a PUCCH");
    uint32_t member = 0;
    for (auto& ctx : ues)
    {
        // Members take the offsets in turn, so no offset holds more UEs than its resources.
        ctx.srOffset = srUsable[(ctx.member ? member++ : 0) % srUsable.size()];
    }

    if (config.ulAccess != NrUlAccess::CONFIGURED)
    {
        return;
    }
    m_cgPeriod = config.cgPeriod;
    std::vector<uint64_t> offsets;
    for (uint64_t offset = 0; offset < m_cgPeriod; ++offset)
    {
        if (usable(m_cgPeriod, offset, true))
        {
            offsets.push_back(offset);
        }
    }
    NS_ABORT_MSG_IF(offsets.empty(),
                    "NrUlOccasions: no TTI of configured grant period " << m_cgPeriod
                                                                        << " has a PUSCH");
    m_cgReserved.assign(m_cgPeriod, 0);
    if (config.cgPrbs == 0)
    {
        ShareOccasions(cell, offsets, strict);
        return;
    }
    const uint32_t prbs = cell.GetPrbs();
    NS_ABORT_MSG_IF(config.cgPrbs > prbs,
                    "NrUlOccasions: ConfiguredGrantPrbs "
                        << config.cgPrbs << " exceeds the carrier's " << prbs << " PRBs");
    for (auto& ctx : ues)
    {
        ctx.cgPrbs = 0;
        if (!ctx.member)
        {
            continue; // a UE that left holds no configured grant here
        }
        // The least loaded usable offset (the first on a tie).
        uint64_t best = offsets.front();
        for (uint64_t offset : offsets)
        {
            if (m_cgReserved[offset] < m_cgReserved[best])
            {
                best = offset;
            }
        }
        if (m_cgReserved[best] + config.cgPrbs > prbs && !strict)
        {
            continue; // no room: the UE asks by scheduling request instead
        }
        NS_ABORT_MSG_IF(m_cgReserved[best] + config.cgPrbs > prbs,
                        "NrUlOccasions: " << ues.size() << " configured grants of " << config.cgPrbs
                                          << " PRBs do not fit in " << offsets.size()
                                          << " occasions of " << prbs
                                          << " PRBs; raise ConfiguredGrantPeriod");
        ctx.cgOffset = best;
        ctx.cgPrbs = config.cgPrbs;
        m_cgReserved[best] += config.cgPrbs;
    }
}

void
NrUlOccasions::ShareOccasions(NrCellState& cell, const std::vector<uint64_t>& offsets, bool strict)
{
    // Share the carrier: UEs go round the usable offsets, and the UEs of one offset split its
    // PRBs equally.
    std::vector<NrMacUe>& ues = cell.GetUes();
    const uint32_t prbs = cell.GetPrbs();
    std::vector<uint32_t> count(m_cgPeriod, 0);
    uint32_t members = 0;
    for (auto& ctx : ues)
    {
        ctx.cgPrbs = 0;
        if (ctx.member)
        {
            ctx.cgOffset = offsets[members++ % offsets.size()];
            ++count[ctx.cgOffset];
        }
    }
    for (auto& ctx : ues)
    {
        if (!ctx.member)
        {
            continue; // a UE that left holds no configured grant here
        }
        const uint32_t share = prbs / count[ctx.cgOffset];
        if (share == 0 && !strict)
        {
            continue; // no room: the UE asks by scheduling request instead
        }
        NS_ABORT_MSG_IF(share == 0,
                        "NrUlOccasions: " << count[ctx.cgOffset]
                                          << " configured grants share one occasion of " << prbs
                                          << " PRBs; raise ConfiguredGrantPeriod");
        ctx.cgPrbs = share;
        m_cgReserved[ctx.cgOffset] += share;
    }
}

void
NrUlOccasions::CheckFit(const NrCellMacConfig& config,
                        const NrTtiGrid& grid,
                        uint32_t prbs,
                        uint32_t ues)
{
    if (config.ulAccess != NrUlAccess::CONFIGURED || ues == 0)
    {
        return;
    }
    // An occasion offset o of the grant period P is usable (Assign) when some TTI o + kP
    // carries a PUSCH; over the common period those TTIs are the pattern's TTIs congruent to o
    // modulo gcd(P, pattern period).
    const uint64_t periodTtis = grid.GetPeriodTtis();
    const uint64_t g = std::gcd<uint64_t>(config.cgPeriod, periodTtis);
    std::vector<bool> residue(g, false);
    for (uint64_t tti = 0; tti < periodTtis; ++tti)
    {
        residue[tti % g] = residue[tti % g] || NrCellState::GetUlDataSymbols(config, grid, tti) > 0;
    }
    uint64_t offsets = 0;
    for (uint64_t offset = 0; offset < config.cgPeriod; ++offset)
    {
        offsets += residue[offset % g] ? 1 : 0;
    }
    const std::string fit = std::to_string(ues) + " configured grants do not fit in " +
                            std::to_string(offsets) + " occasions of " + std::to_string(prbs) +
                            " PRBs; raise ConfiguredGrantPeriod";
    if (config.cgPrbs == 0)
    {
        // UEs go round the offsets and share an offset's PRBs equally: each needs one.
        if ((ues + offsets - 1) / offsets > prbs)
        {
            throw std::invalid_argument(fit);
        }
        return;
    }
    if (config.cgPrbs > prbs)
    {
        throw std::invalid_argument("ConfiguredGrantPrbs " + std::to_string(config.cgPrbs) +
                                    " exceeds the carrier's " + std::to_string(prbs) + " PRBs");
    }
    if (ues > offsets * (prbs / config.cgPrbs))
    {
        throw std::invalid_argument(fit);
    }
}

} // namespace blueprint
} // namespace ns3
