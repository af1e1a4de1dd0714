/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-dl-scheduling.h"

#include "model/nr/nr-channel.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrDlScheduling");

NrDlScheduling::NrDlScheduling(NrCellState& cell)
    : NrDirectionScheduling(cell)
{
}

bool
NrDlScheduling::Needs(uint32_t ue) const
{
    const NrMacUe& ctx = m_cell.GetUes()[ue];
    return !ctx.dlBuffer.IsEmpty() || ctx.dlHarq.HasPendingRetransmission();
}

bool
NrDlScheduling::Enqueue(uint32_t ue, Ptr<Packet> packet, bool traced)
{
    NrMacUe& ctx = m_cell.GetUes()[ue];
    // t_BS,tx = Tproc,2/2: the gNB prepares the data before it can be scheduled.
    if (!ctx.dlBuffer.Enqueue(packet, Simulator::Now() + ctx.tproc2 / 2))
    {
        ++m_cell.GetDlStats().queueDrops;
        m_cell.GetTraces().macTxDrop(packet);
        return false;
    }
    if (traced)
    {
        m_cell.GetTraces().macTx(packet);
    }
    if (ctx.connected)
    {
        m_active.Insert(ue);
    }
    return true;
}

bool
NrDlScheduling::Connect(uint32_t ue)
{
    if (Needs(ue))
    {
        m_active.Insert(ue);
        return true;
    }
    return false;
}

void
NrDlScheduling::Release(uint32_t ue)
{
    m_active.Erase(ue);
}

bool
NrDlScheduling::HasWork() const
{
    return !m_active.IsEmpty();
}

uint32_t
NrDlScheduling::GetNActive() const
{
    return m_active.GetSize();
}

uint32_t
NrDlScheduling::Schedule(uint64_t tti)
{
    const Time now = Simulator::Now();
    const NrCellMacConfig& config = m_cell.GetConfig();
    const uint32_t prbs = m_cell.GetPrbs();
    const uint32_t symbols = m_cell.GetDlDataSymbols(tti);
    NrPdcch& pdcch = m_cell.GetPdcch();
    uint32_t free = prbs;
    std::vector<NrUeDemand>& demands = m_demands;
    std::vector<uint8_t>& mcsOf = m_demandMcs;
    demands.clear();
    mcsOf.clear();
    for (uint32_t ue : m_active.StartPass(now))
    {
        NrMacUe& ctx = m_cell.GetUes()[ue];
        // HARQ retransmissions first, with the block's MCS and size (one PDSCH per UE per TTI).
        ctx.dlHarq.GetRetransmissionsDue(now, m_scratchDue);
        if (!m_scratchDue.empty())
        {
            const uint32_t process = m_scratchDue.front();
            const NrTransportBlock& tb = ctx.dlHarq.GetTransportBlock(process);
            const uint32_t need = m_cell.GetPrbsFor(tb.tbsBits, symbols, tb.mcs, config.dlLayers);
            if (need <= free &&
                m_cell.GetTbs(symbols, need, tb.mcs, config.dlLayers) >= tb.tbsBits &&
                m_cell.AllocateDci(ue, pdcch.GetCces()))
            {
                free -= need;
                ctx.dlHarq.MarkScheduled(process);
                Transmit(ue, process, need, tti);
            }
            continue;
        }
        const uint64_t bytes =
            ctx.dlHarq.CountFreeProcesses(now) == 0 ? 0 : ctx.dlBuffer.GetReadyBytes(now);
        if (bytes == 0)
        {
            m_active.Defer(ue, GetNextChance(ue, now));
            continue;
        }
        const uint8_t mcs = NrLinkAdaptation::SinrToMcs(m_cell.GetDlSinr(ue),
                                                        m_cell.GetMcsTable(),
                                                        m_cell.GetErrorModel());
        NrUeDemand demand;
        demand.ue = ue;
        demand.prbsNeeded = m_cell.GetPrbsFor(bytes * 8, symbols, mcs, config.dlLayers);
        demand.bitsPerPrb = m_cell.GetBitsPerPrb(mcs, symbols, config.dlLayers);
        demands.push_back(demand);
        mcsOf.push_back(mcs);
    }
    if (!demands.empty() && free > 0)
    {
        const std::vector<uint32_t> given =
            m_policy->Allocate(demands, free, tti, [&](std::size_t i) {
                return m_cell.AllocateDci(demands[i].ue, pdcch.GetCces());
            });
        for (std::size_t i = 0; i < demands.size(); ++i)
        {
            if (given[i] == 0)
            {
                continue;
            }
            NrMacUe& ctx = m_cell.GetUes()[demands[i].ue];
            NrTransportBlock tb;
            tb.ue = demands[i].ue;
            tb.mcs = mcsOf[i];
            tb.prbs = given[i];
            tb.tbsBits = m_cell.GetTbs(symbols, given[i], mcsOf[i], config.dlLayers);
            tb.firstTti = tti;
            tb.segments = ctx.dlBuffer.Fill(tb.tbsBits / 8, now);
            if (tb.segments.empty())
            {
                continue; // too small for a byte of data: leave the PRBs unused
            }
            free -= given[i];
            const uint32_t process = ctx.dlHarq.Start(std::move(tb), now);
            Transmit(demands[i].ue, process, given[i], tti);
        }
    }
    m_cell.GetChannel()->SetDlActivity(m_cell.GetChannelIndex(),
                                       static_cast<double>(prbs - free) / prbs);
    m_active.DropIdle([this](uint32_t ue) { return Needs(ue); });
    return prbs - free;
}

Time
NrDlScheduling::GetNextChance(uint32_t ue, Time now) const
{
    const NrMacUe& ctx = m_cell.GetUes()[ue];
    // New data needs both a free process and ready data.
    const Time process =
        ctx.dlHarq.CountFreeProcesses(now) > 0 ? now : ctx.dlHarq.GetNextReleaseTime(now);
    const Time newData = std::max(process, ctx.dlBuffer.GetFirstReadyTime());
    return std::min(newData, ctx.dlHarq.GetNextRetransmissionTime());
}

void
NrDlScheduling::Transmit(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti)
{
    const Time now = Simulator::Now();
    const NrTtiGrid& grid = m_cell.GetGrid();
    NrMacStats& stats = m_cell.GetDlStats();
    NrMacUe& ctx = m_cell.GetUes()[ue];
    m_active.Touch(ue); // its queue and processes change: DropIdle() checks it
    NrTransportBlock& tb = ctx.dlHarq.GetTransportBlock(process);
    tb.prbs = prbs;
    const double combined =
        ctx.dlHarq.AddTransmission(process, m_cell.GetDlSinr(ue), m_cell.GetErrorModel());
    const uint8_t attempt = ctx.dlHarq.GetTransmissions(process);
    const bool ok = m_cell.DrawDecoded(combined, tb.mcs, tb.tbsBits);

    // The UE decodes t_UE,rx = Tproc,1/2 after the PDSCH; its HARQ-ACK goes on the first PUCCH
    // at least Tproc,1 after the PDSCH (TS 38.213 clause 9.2.3); the gNB decodes that in
    // Tproc,2/2 and prepares a retransmission in t_BS,tx = Tproc,2/2.
    const Time dataEnd = grid.GetDlEnd(tti);
    const Time decodedAt = dataEnd + ctx.tproc1 / 2;
    const uint64_t pucch = m_cell.FindPucchTti(dataEnd + ctx.tproc1);
    const Time feedbackKnownAt = grid.GetEnd(pucch) + ctx.tproc2 / 2;
    const Time retxEligibleAt = feedbackKnownAt + ctx.tproc2 / 2;

    ++stats.transmissions;
    stats.retransmissions += attempt > 1 ? 1 : 0;
    stats.failedTransmissions += ok ? 0 : 1;
    NS_LOG_LOGIC("DL TTI " << tti << " UE " << ue << " MCS " << +tb.mcs << " PRBs " << prbs
                           << " TBS " << tb.tbsBits << " attempt " << +attempt
                           << (ok ? " ok" : " failed"));
    m_cell.GetTraces().dlTb(ue, tb.mcs, prbs, tb.tbsBits, attempt, ok);

    std::vector<NrTbSegment> segments = tb.segments;
    const uint32_t tbsBits = tb.tbsBits;
    const NrHarqEntity::Outcome outcome =
        ctx.dlHarq.Conclude(process, ok, feedbackKnownAt, retxEligibleAt);
    if (outcome == NrHarqEntity::Outcome::RETRANSMIT)
    {
        return;
    }
    if (outcome == NrHarqEntity::Outcome::ACKED)
    {
        ++stats.decodedBlocks;
        stats.decodedBits += tbsBits;
    }
    else
    {
        ++stats.droppedBlocks;
        for (const auto& s : segments)
        {
            stats.droppedBytes += s.bytes;
        }
    }
    Simulator::ScheduleWithContext(ctx.device->GetNode()->GetId(),
                                   decodedAt - now,
                                   &NrDlScheduling::Deliver,
                                   this,
                                   ue,
                                   ctx.epoch,
                                   std::move(segments),
                                   outcome == NrHarqEntity::Outcome::ACKED);
}

void
NrDlScheduling::Deliver(uint32_t ue,
                        uint32_t epoch,
                        std::vector<NrTbSegment> segments,
                        bool decoded)
{
    const NrMacUe* ctx = m_cell.FindCurrentUe(ue, epoch);
    if (ctx)
    {
        // (else the UE had left for another cell when the block arrived)
        ctx->device->ReceiveDlTransportBlock(std::move(segments), decoded);
    }
}

} // namespace blueprint
} // namespace ns3
