/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-ul-scheduling.h"

#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrUlScheduling");

/// Largest slot offset K2 from a PDCCH to the PUSCH it schedules (TS 38.214 clause 6.1.2.1:
/// K2 is 0..32 in the PUSCH time domain allocation list).
static constexpr uint64_t MAX_K2_SLOTS = 32;

NrUlScheduling::NrUlScheduling(NrCellState& cell, Callback<void> wake)
    : NrDirectionScheduling(cell),
      m_wake(wake)
{
}

void
NrUlScheduling::AssignOccasions(bool strict)
{
    m_occasions.Assign(m_cell, strict);
}

void
NrUlScheduling::ReassignOccasions()
{
    const NrUlOccasions before = m_occasions;
    m_occasions.Assign(m_cell, false);
    if (m_cell.GetConfig().ulAccess != NrUlAccess::CONFIGURED)
    {
        return;
    }
    for (auto& [tti, plan] : m_plans)
    {
        const int64_t free = static_cast<int64_t>(plan.freePrbs) + before.GetReserved(tti) -
                             m_occasions.GetReserved(tti);
        plan.freePrbs = static_cast<uint32_t>(std::max<int64_t>(0, free));
    }
}

const NrUlOccasions&
NrUlScheduling::GetOccasions() const
{
    return m_occasions;
}

bool
NrUlScheduling::Needs(uint32_t ue) const
{
    const NrMacUe& ctx = m_cell.GetUes()[ue];
    return ctx.ulNeed > 0 || ctx.ulHarq.HasPendingRetransmission() ||
           (m_cell.GetConfig().ulAccess == NrUlAccess::CONFIGURED && ctx.cgPrbs > 0 &&
            ctx.device->HasUlData());
}

void
NrUlScheduling::DropIdle()
{
    m_active.DropIdle([this](uint32_t ue) { return Needs(ue); });
}

Time
NrUlScheduling::GetNextChance(uint32_t ue, Time now) const
{
    const NrMacUe& ctx = m_cell.GetUes()[ue];
    Time next = ctx.ulHarq.GetNextRetransmissionTime();
    if (ctx.ulNeed > 0)
    {
        // New data needs its grant prepared and a process free beyond those promised.
        const Time process = ctx.ulHarq.CountFreeProcesses(now) > ctx.grantsOutstanding
                                 ? now
                                 : ctx.ulHarq.GetNextReleaseTime(now);
        next = std::min(next, std::max(ctx.ulEligibleAt, process));
    }
    return next;
}

bool
NrUlScheduling::HasActive() const
{
    return !m_active.IsEmpty();
}

bool
NrUlScheduling::HasWork() const
{
    return !m_active.IsEmpty() || !m_plans.empty();
}

bool
NrUlScheduling::HasPlan(uint64_t tti) const
{
    return m_plans.count(tti) > 0;
}

void
NrUlScheduling::Release(uint32_t ue)
{
    m_active.Erase(ue);
    for (auto it = m_plans.begin(); it != m_plans.end();)
    {
        auto& grants = it->second.grants;
        for (auto g = grants.begin(); g != grants.end();)
        {
            if (g->ue == ue)
            {
                it->second.freePrbs += g->prbs;
                g = grants.erase(g);
            }
            else
            {
                ++g;
            }
        }
        it = grants.empty() ? m_plans.erase(it) : std::next(it);
    }
    NrMacUe& ctx = m_cell.GetUes()[ue];
    const NrCellMacConfig& config = m_cell.GetConfig();
    ctx.ulHarq = NrHarqEntity(config.harqProcesses, config.maxTransmissions);
    ctx.ulRx.DiscardPartial();
    ctx.ulNeed = 0;
    ctx.ulNeedGuessed = false;
    ctx.srPending = false;
    ctx.gnbKnowsData = false;
    ctx.grantsOutstanding = 0;
    ctx.grants.clear();
    ctx.hasBsr = false;
}

// ------------------------------------------------------------------------------------------
// Plans

bool
NrUlScheduling::HasPusch(uint64_t tti, uint32_t ue) const
{
    auto it = m_plans.find(tti);
    return it != m_plans.end() && std::any_of(it->second.grants.begin(),
                                              it->second.grants.end(),
                                              [ue](const Grant& g) { return g.ue == ue; });
}

uint32_t
NrUlScheduling::GetFreePrbs(uint64_t tti) const
{
    auto it = m_plans.find(tti);
    if (it != m_plans.end())
    {
        return it->second.freePrbs;
    }
    return m_cell.GetPrbs() - m_occasions.GetReserved(tti);
}

NrUlScheduling::Plan&
NrUlScheduling::GetPlan(uint64_t tti)
{
    auto it = m_plans.find(tti);
    if (it != m_plans.end())
    {
        return it->second;
    }
    Plan& plan = m_plans[tti];
    // Configured grants own their PRBs whether or not their UEs use them.
    plan.freePrbs = m_cell.GetPrbs() - m_occasions.GetReserved(tti);
    return plan;
}

// ------------------------------------------------------------------------------------------
// Grants

void
NrUlScheduling::ScheduleGrants(uint64_t tti, uint32_t dlWaiting)
{
    const Time now = Simulator::Now();
    const NrTtiGrid& grid = m_cell.GetGrid();
    const NrPdcch& pdcch = m_cell.GetPdcch();
    // The DCI sits in the TTI's first symbol; the PUSCH it schedules may start no earlier than
    // Tproc,2 after its end (TS 38.214 clause 6.4), and at most K2 = 32 slots after the PDCCH's
    // slot (TS 38.214 clause 6.1.2.1).
    const Time pdcchEnd = grid.GetFirstSymbolEnd(tti);
    const uint64_t lastSlot = grid.GetSlot(tti) + MAX_K2_SLOTS;
    // Downlink UEs waiting keep at least one CCE each, up to half the CORESET, for their DCIs.
    const uint32_t dlReserve = std::min<uint32_t>(pdcch.GetCces() / 2, dlWaiting);
    const uint32_t cceLimit = pdcch.GetCces() - dlReserve;
    std::map<uint64_t, std::vector<uint32_t>> newData; // PUSCH TTI -> UEs
    // UEs of the same capability share Tproc,2 and so the first PUSCH TTI: find it once per
    // value.
    Time lastTproc2 = Time::Max();
    uint64_t lastFirst = 0;
    for (uint32_t ue : m_active.StartPass(now))
    {
        NrMacUe& ctx = m_cell.GetUes()[ue];
        if (ctx.tproc2 != lastTproc2)
        {
            lastTproc2 = ctx.tproc2;
            lastFirst = m_cell.FindPuschTti(pdcchEnd + ctx.tproc2);
        }
        const uint64_t first = lastFirst;
        // Each grant goes to the earliest reachable uplink TTI that can take it, not only to
        // the first: in a TDD pattern such as DDDSU at mu >= 2 the first PUSCH every PDCCH of a
        // period reaches is the same S slot, and the U slot would never be granted. One PUSCH
        // per UE per TTI.
        ctx.ulHarq.GetRetransmissionsDue(now, m_scratchDue);
        if (!m_scratchDue.empty())
        {
            GrantRetransmission(ue, m_scratchDue.front(), first, lastSlot, cceLimit);
            continue;
        }
        if (ctx.ulNeed == 0 || ctx.ulEligibleAt > now ||
            ctx.ulHarq.CountFreeProcesses(now) <= ctx.grantsOutstanding)
        {
            m_active.Defer(ue, GetNextChance(ue, now));
            continue;
        }
        for (uint64_t target = first; grid.GetSlot(target) <= lastSlot;
             target = m_cell.NextPuschTti(target))
        {
            if (!HasPusch(target, ue) && GetFreePrbs(target) > 0)
            {
                newData[target].push_back(ue);
                break;
            }
        }
    }
    for (const auto& [target, ues] : newData)
    {
        GrantNewData(tti, target, ues, cceLimit);
    }
    DropIdle();
}

void
NrUlScheduling::GrantRetransmission(uint32_t ue,
                                    uint32_t process,
                                    uint64_t first,
                                    uint64_t lastSlot,
                                    uint32_t cceLimit)
{
    const NrTtiGrid& grid = m_cell.GetGrid();
    const NrCellMacConfig& config = m_cell.GetConfig();
    NrMacUe& ctx = m_cell.GetUes()[ue];
    const NrTransportBlock& tb = ctx.ulHarq.GetTransportBlock(process);
    for (uint64_t target = first; grid.GetSlot(target) <= lastSlot;
         target = m_cell.NextPuschTti(target))
    {
        if (HasPusch(target, ue))
        {
            continue;
        }
        const uint32_t symbols = m_cell.GetUlDataSymbols(target);
        const uint32_t prbs = m_cell.GetPrbsFor(tb.tbsBits, symbols, tb.mcs, config.ulLayers);
        // A dynamic grant replaces the UE's own configured grant in that TTI (TS 38.321 clause
        // 5.4.1), so it may reuse those PRBs.
        const uint32_t own =
            (config.ulAccess == NrUlAccess::CONFIGURED && target % config.cgPeriod == ctx.cgOffset)
                ? ctx.cgPrbs
                : 0;
        const uint32_t shared = prbs > own ? prbs - own : 0;
        if (shared <= GetFreePrbs(target) &&
            m_cell.GetTbs(symbols, prbs, tb.mcs, config.ulLayers) >= tb.tbsBits)
        {
            if (!m_cell.AllocateDci(ue, cceLimit))
            {
                return; // no room on this PDCCH: the next one
            }
            Plan& plan = GetPlan(target);
            plan.freePrbs -= shared;
            plan.grants.push_back({ue, static_cast<int32_t>(process), prbs, tb.mcs, tb.tbsBits});
            ctx.ulHarq.MarkScheduled(process);
            return;
        }
    }
}

void
NrUlScheduling::GrantNewData(uint64_t tti,
                             uint64_t target,
                             const std::vector<uint32_t>& ues,
                             uint32_t cceLimit)
{
    const NrCellMacConfig& config = m_cell.GetConfig();
    const uint32_t carrierPrbs = m_cell.GetPrbs();
    Plan& plan = GetPlan(target);
    if (plan.freePrbs == 0)
    {
        return; // nothing left to give in that TTI: the UEs ask again in the next one
    }
    const uint32_t symbols = m_cell.GetUlDataSymbols(target);
    std::vector<NrUeDemand>& demands = m_demands;
    std::vector<uint8_t>& mcsOf = m_demandMcs;
    demands.clear();
    mcsOf.clear();
    for (uint32_t ue : ues)
    {
        const NrMacUe& ctx = m_cell.GetUes()[ue];
        // Whole-carrier SINR: the lowest the UE can have, so the PRB need is not
        // underestimated; the MCS is raised below for the PRBs actually given.
        const double sinr = m_cell.GetUlSinr(ue);
        const uint8_t mcs =
            NrLinkAdaptation::SinrToMcs(sinr, m_cell.GetMcsTable(), m_cell.GetErrorModel());
        NrUeDemand demand;
        demand.ue = ue;
        demand.prbsNeeded = m_cell.GetPrbsFor((ctx.ulNeed + NrCellState::SHORT_BSR_BYTES) * 8,
                                              symbols,
                                              mcs,
                                              config.ulLayers);
        // Power headroom: without power control the UE spreads its full power over the PRBs
        // it gets, so its SINR falls as 1/PRBs. Never grant more PRBs than keep it at or
        // above MCS 0's 10 % BLER point, or no attempt can decode; a UE that cannot close
        // even one PRB gets one (it is out of coverage, and its blocks fail as they should).
        const double closable = std::floor(carrierPrbs * sinr / m_cell.GetUlMinSinr());
        const uint32_t headroomPrbs =
            closable < 1.0 ? 1U : static_cast<uint32_t>(std::min<double>(closable, carrierPrbs));
        demand.prbsNeeded = std::min(demand.prbsNeeded, headroomPrbs);
        // A need guessed from an SR (SrGrantBytes) is not data the gNB knows of: when more
        // UEs ask than the TTI can give their guesses, each gets at most an equal share of
        // the free PRBs, enough for its BSR and the start of its data, rather than a few UEs
        // getting padding-filled grants while the others wait a TTI.
        if (ctx.ulNeedGuessed)
        {
            demand.prbsNeeded =
                std::min(demand.prbsNeeded,
                         std::max<uint32_t>(1, plan.freePrbs / static_cast<uint32_t>(ues.size())));
        }
        demand.bitsPerPrb = m_cell.GetBitsPerPrb(mcs, symbols, config.ulLayers);
        demands.push_back(demand);
        mcsOf.push_back(mcs);
    }
    const std::vector<uint32_t> given =
        m_policy->Allocate(demands, plan.freePrbs, tti, [&](std::size_t i) {
            return m_cell.AllocateDci(demands[i].ue, cceLimit);
        });
    for (std::size_t i = 0; i < demands.size(); ++i)
    {
        if (given[i] == 0)
        {
            continue;
        }
        NrMacUe& ctx = m_cell.GetUes()[demands[i].ue];
        // Without power control the UE puts its full power into the PRBs it gets.
        const double sinr =
            m_cell.GetUlSinr(demands[i].ue, static_cast<double>(given[i]) / carrierPrbs);
        const uint8_t mcs = std::max(
            mcsOf[i],
            NrLinkAdaptation::SinrToMcs(sinr, m_cell.GetMcsTable(), m_cell.GetErrorModel()));
        const uint32_t tbs = m_cell.GetTbs(symbols, given[i], mcs, config.ulLayers);
        if (tbs / 8 <= NrCellState::SHORT_BSR_BYTES)
        {
            continue;
        }
        plan.freePrbs -= given[i];
        plan.grants.push_back({demands[i].ue, -1, given[i], mcs, tbs});
        const uint64_t payload = tbs / 8 - NrCellState::SHORT_BSR_BYTES;
        ctx.ulNeed -= std::min(ctx.ulNeed, payload);
        if (ctx.ulNeedGuessed)
        {
            // An SR asks for one grant (TS 38.321 clause 5.4.4); its size is a guess, and
            // what the UE still holds it reports in this PUSCH's BSR. Granting the rest of
            // the guess in later PDCCHs would send padding and let later packets go without
            // their own SR.
            ctx.ulNeed = 0;
            ctx.ulNeedGuessed = false;
        }
        ++ctx.grantsOutstanding;
        m_active.Touch(demands[i].ue); // its need changed: DropIdle() checks it
        // Kept in PUSCH order, which a buffer status report relies on.
        const auto at =
            std::upper_bound(ctx.grants.begin(),
                             ctx.grants.end(),
                             target,
                             [](uint64_t t, const NrUlGrantRecord& g) { return t < g.tti; });
        ctx.grants.insert(at, {target, payload});
        NS_LOG_LOGIC("TTI " << tti << " grants UE " << demands[i].ue << " " << given[i]
                            << " PRBs MCS " << +mcs << " in TTI " << target);
    }
}

// ------------------------------------------------------------------------------------------
// PUSCH

uint32_t
NrUlScheduling::RunPusch(uint64_t tti)
{
    const Time now = Simulator::Now();
    const NrCellMacConfig& config = m_cell.GetConfig();
    NS_LOG_FUNCTION(this << tti);
    std::vector<uint32_t> dynamic;
    uint32_t usedPrbs = 0; // for the UlTti trace
    auto planIt = m_plans.find(tti);
    if (planIt != m_plans.end())
    {
        const std::vector<Grant> grants = std::move(planIt->second.grants);
        m_plans.erase(planIt);
        for (const Grant& g : grants)
        {
            dynamic.push_back(g.ue);
            m_active.Touch(g.ue); // its grants, processes and buffer change
            NrMacUe& ctx = m_cell.GetUes()[g.ue];
            usedPrbs += g.prbs;
            if (g.process >= 0)
            {
                Transmit(g.ue, static_cast<uint32_t>(g.process), g.prbs, tti);
                continue;
            }
            // Free processes only become busy through Start(), and a new-data grant needs a
            // process free at grant time beyond those promised to earlier grants.
            NS_ABORT_MSG_IF(ctx.ulHarq.CountFreeProcesses(now) == 0,
                            "NrUlScheduling: no uplink HARQ process for a granted PUSCH");
            --ctx.grantsOutstanding;
            NrTransportBlock tb;
            tb.ue = g.ue;
            tb.mcs = g.mcs;
            tb.prbs = g.prbs;
            tb.tbsBits = g.tbsBits;
            tb.firstTti = tti;
            tb.segments =
                ctx.device->FillUlTransportBlock(g.tbsBits / 8 - NrCellState::SHORT_BSR_BYTES, now);
            // The short BSR reports what is left (TS 38.321 clause 5.4.5); sending it cancels a
            // pending SR (clause 5.4.4).
            tb.bufferStatus = ctx.device->GetUlPendingBytes();
            tb.hasBufferStatus = true;
            ctx.gnbKnowsData = tb.bufferStatus > 0;
            ctx.srPending = false;
            ctx.lastPuschTti = tti;
            const uint32_t process = ctx.ulHarq.Start(std::move(tb), now);
            Transmit(g.ue, process, g.prbs, tti);
        }
    }
    if (config.ulAccess == NrUlAccess::CONFIGURED)
    {
        const uint32_t symbols = m_cell.GetUlDataSymbols(tti);
        const std::vector<uint32_t> active(m_active.GetMembers().begin(),
                                           m_active.GetMembers().end());
        for (uint32_t ue : active)
        {
            NrMacUe& ctx = m_cell.GetUes()[ue];
            if (ctx.cgPrbs == 0 || tti % config.cgPeriod != ctx.cgOffset ||
                std::find(dynamic.begin(), dynamic.end(), ue) != dynamic.end() ||
                ctx.device->GetUlReadyBytes(now) == 0 || ctx.ulHarq.CountFreeProcesses(now) == 0)
            {
                continue; // a dynamic grant overrides the configured one (TS 38.321 cl. 5.4.1)
            }
            const double sinr =
                m_cell.GetUlSinr(ue, static_cast<double>(ctx.cgPrbs) / m_cell.GetPrbs());
            NrTransportBlock tb;
            tb.ue = ue;
            tb.mcs =
                NrLinkAdaptation::SinrToMcs(sinr, m_cell.GetMcsTable(), m_cell.GetErrorModel());
            tb.prbs = ctx.cgPrbs;
            tb.tbsBits = m_cell.GetTbs(symbols, ctx.cgPrbs, tb.mcs, config.ulLayers);
            tb.firstTti = tti;
            tb.segments = ctx.device->FillUlTransportBlock(tb.tbsBits / 8, now);
            if (tb.segments.empty())
            {
                continue;
            }
            m_active.Touch(ue); // its processes and buffer change
            const uint32_t process = ctx.ulHarq.Start(std::move(tb), now);
            usedPrbs += ctx.cgPrbs;
            Transmit(ue, process, ctx.cgPrbs, tti);
        }
    }
    m_decodings.clear(); // a later TTI's outcomes get events of their own
    DropIdle();
    return usedPrbs;
}

void
NrUlScheduling::Transmit(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti)
{
    const Time now = Simulator::Now();
    NrMacStats& stats = m_cell.GetUlStats();
    NrMacUe& ctx = m_cell.GetUes()[ue];
    m_active.Touch(ue); // its processes change
    NrTransportBlock& tb = ctx.ulHarq.GetTransportBlock(process);
    tb.prbs = prbs;
    const double sinr = m_cell.GetUlSinr(ue, static_cast<double>(prbs) / m_cell.GetPrbs());
    const double combined = ctx.ulHarq.AddTransmission(process, sinr, m_cell.GetErrorModel());
    const uint8_t attempt = ctx.ulHarq.GetTransmissions(process);
    const bool ok = m_cell.DrawDecoded(combined, tb.mcs, tb.tbsBits);

    // The gNB decodes the PUSCH in t_BS,rx = Tproc,1/2; after a failure it prepares the
    // retransmission grant in Tproc,1/2.
    const Time decodedAt = m_cell.GetGrid().GetEnd(tti) + ctx.tproc1 / 2;
    const Time retxEligibleAt = decodedAt + ctx.tproc1 / 2;

    ++stats.transmissions;
    stats.retransmissions += attempt > 1 ? 1 : 0;
    stats.failedTransmissions += ok ? 0 : 1;
    NS_LOG_LOGIC("UL TTI " << tti << " UE " << ue << " MCS " << +tb.mcs << " PRBs " << prbs
                           << " TBS " << tb.tbsBits << " attempt " << +attempt
                           << (ok ? " ok" : " failed"));
    m_cell.GetTraces().ulTb(ue, tb.mcs, prbs, tb.tbsBits, attempt, ok);

    NrTransportBlock copy = tb;
    const NrHarqEntity::Outcome outcome =
        ctx.ulHarq.Conclude(process, ok, decodedAt, retxEligibleAt);
    if (outcome == NrHarqEntity::Outcome::RETRANSMIT)
    {
        m_active.Insert(ue);
        return;
    }
    if (outcome == NrHarqEntity::Outcome::ACKED)
    {
        ++stats.decodedBlocks;
        stats.decodedBits += copy.tbsBits;
    }
    else
    {
        ++stats.droppedBlocks;
        for (const auto& s : copy.segments)
        {
            stats.droppedBytes += s.bytes;
        }
    }
    // The blocks of this TTI whose outcomes are known at the same time share one event, which
    // handles them in the order they were sent: the order their own events would have run in.
    Decodings& blocks = m_decodings[decodedAt.GetTimeStep()];
    if (!blocks)
    {
        blocks = std::make_shared<std::vector<Decoding>>();
        Simulator::Schedule(decodedAt - now, &NrUlScheduling::Conclude, this, blocks);
    }
    blocks->push_back({ue, ctx.epoch, std::move(copy), outcome == NrHarqEntity::Outcome::ACKED});
}

void
NrUlScheduling::Conclude(Decodings blocks)
{
    for (Decoding& d : *blocks)
    {
        if (d.decoded)
        {
            Receive(d.ue, d.epoch, std::move(d.tb));
        }
        else
        {
            Drop(d.ue, d.epoch, std::move(d.tb));
        }
    }
}

void
NrUlScheduling::Receive(uint32_t ue, uint32_t epoch, NrTransportBlock tb)
{
    NS_LOG_FUNCTION(this << ue << tb.firstTti);
    NrMacUe* found = m_cell.FindCurrentUe(ue, epoch);
    if (!found)
    {
        // The UE left after sending the block: it was decoded before the release, but the
        // source's RLC entity that would reassemble it is gone.
        return;
    }
    NrMacUe& ctx = *found;
    const Address from = ctx.device->GetAddress();
    for (Ptr<Packet> packet : ctx.ulRx.Receive(tb.segments))
    {
        ++m_cell.GetUlStats().deliveredPackets;
        m_cell.GetTraces().macRx(packet);
        m_cell.ForwardUp(packet, from);
    }
    if (!tb.hasBufferStatus || (ctx.hasBsr && tb.firstTti < ctx.lastBsrTti))
    {
        return; // no report, or older than one already applied
    }
    // The report counts what the UE held after building this block; grants for later PUSCHs
    // (sent or not yet) will carry part of it.
    m_active.Touch(ue); // its need changes
    ctx.hasBsr = true;
    ctx.lastBsrTti = tb.firstTti;
    while (!ctx.grants.empty() && ctx.grants.front().tti <= tb.firstTti)
    {
        ctx.grants.pop_front();
    }
    uint64_t granted = 0;
    for (const auto& g : ctx.grants)
    {
        granted += g.bytes;
    }
    const uint64_t need = tb.bufferStatus > granted ? tb.bufferStatus - granted : 0;
    if (ctx.ulNeedGuessed && m_cell.GetGrid().GetUlStart(tb.firstTti) <= ctx.srTriggeredAt)
    {
        // The report was built before the UE's latest SR, which announced data it did not
        // count (a HARQ retransmission delivered it late): it must not cancel that SR, or the
        // UE, whose SR is still pending, would never ask again.
        ctx.ulNeed = std::max<uint64_t>(ctx.ulNeed, need);
        if (ctx.ulNeed > 0)
        {
            m_active.Insert(ue);
            m_wake();
        }
        return;
    }
    if (need > 0 && ctx.ulNeed == 0)
    {
        ctx.ulEligibleAt = Simulator::Now() + ctx.tproc1 / 2; // grant preparation
    }
    ctx.ulNeed = need;
    ctx.ulNeedGuessed = false;
    if (need > 0)
    {
        m_active.Insert(ue);
        m_wake();
    }
}

void
NrUlScheduling::Drop(uint32_t ue, uint32_t epoch, NrTransportBlock tb)
{
    NS_LOG_FUNCTION(this << ue << tb.firstTti);
    NrMacUe* found = m_cell.FindCurrentUe(ue, epoch);
    if (!found)
    {
        return;
    }
    NrMacUe& ctx = *found;
    ctx.ulRx.Discard(tb.segments);
    if (tb.hasBufferStatus && tb.firstTti == ctx.lastPuschTti)
    {
        // The latest report was lost with the block. The UE would resend it when its
        // retxBSR-Timer expires (TS 38.321 clause 5.4.5); it is modelled as a new SR.
        ctx.gnbKnowsData = false;
        if (ctx.device->HasUlData() && ctx.grantsOutstanding == 0 && !ctx.srPending)
        {
            StartSchedulingRequest(ue);
        }
    }
}

// ------------------------------------------------------------------------------------------
// Scheduling requests

bool
NrUlScheduling::NotifyData(uint32_t ue)
{
    NrMacUe& ctx = m_cell.GetUes()[ue];
    if (m_cell.GetConfig().ulAccess == NrUlAccess::CONFIGURED && ctx.cgPrbs > 0)
    {
        m_active.Insert(ue);
        return true;
    }
    // An SR is triggered only if nothing already tells the gNB about the data: no SR on its
    // way, no report of a non-empty buffer, no grant still to be used (TS 38.321 clause 5.4.4).
    if (!ctx.srPending && !ctx.gnbKnowsData && ctx.grantsOutstanding == 0)
    {
        StartSchedulingRequest(ue);
    }
    return false;
}

void
NrUlScheduling::StartSchedulingRequest(uint32_t ue)
{
    NrMacUe& ctx = m_cell.GetUes()[ue];
    ctx.srPending = true;
    const Time now = Simulator::Now();
    ctx.srTriggeredAt = now;
    // The UE prepares the SR (control preparation, Tproc,1/2) and sends it on the last symbol
    // of its next SR occasion; the gNB decodes it in Tproc,2/2.
    const uint64_t occasion =
        m_cell.FindPucchTti(now + ctx.tproc1 / 2, m_occasions.GetSrPeriod(), ctx.srOffset);
    const Time decodedAt = m_cell.GetGrid().GetEnd(occasion) + ctx.tproc2 / 2;
    NS_LOG_LOGIC("UE " << ue << " SR in TTI " << occasion);
    // The SRs decoded at the same time (those of one occasion) share one event, which handles
    // them in the order they were sent.
    const int64_t key = decodedAt.GetTimeStep();
    Requests& requests = m_requests[key];
    if (!requests)
    {
        requests = std::make_shared<std::vector<std::pair<uint32_t, uint32_t>>>();
        Simulator::ScheduleWithContext(m_cell.GetNodeId(),
                                       decodedAt - now,
                                       &NrUlScheduling::ReceiveSchedulingRequests,
                                       this,
                                       key);
    }
    requests->emplace_back(ue, ctx.epoch);
}

void
NrUlScheduling::ReceiveSchedulingRequests(int64_t key)
{
    auto it = m_requests.find(key);
    if (it == m_requests.end())
    {
        return; // the cell shut down
    }
    const Requests requests = it->second;
    m_requests.erase(it);
    for (const auto& [ue, epoch] : *requests)
    {
        ReceiveSchedulingRequest(ue, epoch);
    }
}

void
NrUlScheduling::ReceiveSchedulingRequest(uint32_t ue, uint32_t epoch)
{
    NS_LOG_FUNCTION(this << ue);
    NrMacUe* found = m_cell.FindCurrentUe(ue, epoch);
    if (!found)
    {
        return;
    }
    NrMacUe& ctx = *found;
    const uint32_t srGrantBytes = m_cell.GetConfig().srGrantBytes;
    if (ctx.ulNeed == 0)
    {
        ctx.ulEligibleAt = Simulator::Now() + ctx.tproc1 / 2; // grant preparation
    }
    if (ctx.ulNeed < srGrantBytes)
    {
        ctx.ulNeed = srGrantBytes;
        ctx.ulNeedGuessed = true;
    }
    m_active.Insert(ue);
    m_wake();
}

} // namespace blueprint
} // namespace ns3
