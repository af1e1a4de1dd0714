/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-cell-state.h"

#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-processing-time.h"
#include "model/nr/nr-tbs.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

#include <stdexcept>

#undef NS_LOG_APPEND_CONTEXT
#define NS_LOG_APPEND_CONTEXT PrintLogContext(std::clog)

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrCellState");

NrTddPattern
NrCellMacConfig::MakePattern() const
{
    return (tddPattern == "FDD" || tddPattern == "fdd")
               ? NrTddPattern::Fdd()
               : NrTddPattern::Parse(tddPattern, specialSlot);
}

NrCellState::NrCellState()
    : m_configured(false),
      m_prbs(0),
      m_mcsTable(NrMcsTableId::Qam64),
      m_ulMinSinr(0.0),
      m_coresetRbs(0),
      m_channelIndex(0),
      m_nodeId(0),
      m_shutDown(false)
{
    m_uniform = CreateObject<UniformRandomVariable>();
}

void
NrCellState::SetChannel(Ptr<NrChannel> channel, uint32_t channelIndex)
{
    m_channel = channel;
    m_channelIndex = channelIndex;
}

void
NrCellState::Configure(const NrCellMacConfig& config)
{
    NS_LOG_FUNCTION(this);
    DoubleValue bandwidth;
    DoubleValue frequency;
    m_channel->GetAttribute("Bandwidth", bandwidth);
    m_channel->GetAttribute("Frequency", frequency);
    const bool fr2 = frequency.Get() > FR1_MAX_HZ;
    if (!config.errorModel)
    {
        throw std::invalid_argument("the cell has no error model");
    }
    m_config = config;
    m_grid = std::make_unique<NrTtiGrid>(config.mu, config.MakePattern(), config.miniSlotSymbols);
    m_prbs = NrMaxResourceBlocks(bandwidth.Get(), config.mu, fr2);
    m_mcsTable = static_cast<NrMcsTableId>(config.mcsTable);
    m_ulMinSinr = config.errorModel->GetSinrThreshold(NrGetMcs(m_mcsTable, 0));
    // The CORESET in whole groups of 6 PRBs (TS 38.331 frequencyDomainResources).
    m_coresetRbs =
        (config.coresetPrbs == 0 ? m_prbs : std::min(config.coresetPrbs, m_prbs)) / 6 * 6;
    if (m_coresetRbs == 0)
    {
        throw std::invalid_argument("a CORESET of " + std::to_string(config.coresetPrbs) +
                                    " PRBs holds no CCE (6 PRBs at least)");
    }
    m_pdcch.Configure(m_prbs, config.pdcchCandidates, config.pdcchTargetBler, *config.errorModel);
    const uint64_t period = m_grid->GetPeriodTtis();
    m_dlDataSymbols.resize(period);
    m_ulDataSymbols.resize(period);
    m_ulSymbols.resize(period);
    for (uint64_t tti = 0; tti < period; ++tti)
    {
        m_dlDataSymbols[tti] = static_cast<uint8_t>(GetDlDataSymbols(config, *m_grid, tti));
        m_ulDataSymbols[tti] = static_cast<uint8_t>(GetUlDataSymbols(config, *m_grid, tti));
        m_ulSymbols[tti] = static_cast<uint8_t>(m_grid->GetUlSymbols(tti));
    }
    m_tbs.assign((NrNumerology::SYMBOLS_PER_SLOT + 1) * MCS_KEYS * LAYER_KEYS, {});
    m_configured = true;
}

void
NrCellState::ConfigureUe(uint32_t ue)
{
    NrMacUe& ctx = m_ues[ue];
    ctx.tproc1 = NrProcessingTime::Tproc1(m_config.mu, ctx.device->GetCapability());
    ctx.tproc2 = NrProcessingTime::Tproc2(m_config.mu, ctx.device->GetCapability());
    ctx.dlHarq = NrHarqEntity(m_config.harqProcesses, m_config.maxTransmissions);
    ctx.ulHarq = NrHarqEntity(m_config.harqProcesses, m_config.maxTransmissions);
    ctx.dlBuffer.SetMaxPackets(m_config.dlQueueMaxPackets);
}

bool
NrCellState::IsConfigured() const
{
    return m_configured;
}

const NrCellMacConfig&
NrCellState::GetConfig() const
{
    return m_config;
}

const NrTtiGrid&
NrCellState::GetGrid() const
{
    return *m_grid;
}

uint32_t
NrCellState::GetPrbs() const
{
    return m_prbs;
}

NrMcsTableId
NrCellState::GetMcsTable() const
{
    return m_mcsTable;
}

const NrErrorModel&
NrCellState::GetErrorModel() const
{
    return *m_config.errorModel;
}

double
NrCellState::GetUlMinSinr() const
{
    return m_ulMinSinr;
}

uint32_t
NrCellState::GetCoresetRbs() const
{
    return m_coresetRbs;
}

Ptr<NrChannel>
NrCellState::GetChannel() const
{
    return m_channel;
}

uint32_t
NrCellState::GetChannelIndex() const
{
    return m_channelIndex;
}

void
NrCellState::SetNodeId(uint32_t nodeId)
{
    m_nodeId = nodeId;
}

uint32_t
NrCellState::GetNodeId() const
{
    return m_nodeId;
}

std::vector<NrMacUe>&
NrCellState::GetUes()
{
    return m_ues;
}

const std::vector<NrMacUe>&
NrCellState::GetUes() const
{
    return m_ues;
}

NrMacUe*
NrCellState::FindCurrentUe(uint32_t ue, uint32_t epoch)
{
    if (m_shutDown || m_ues[ue].epoch != epoch)
    {
        return nullptr;
    }
    return &m_ues[ue];
}

NrPdcch&
NrCellState::GetPdcch()
{
    return m_pdcch;
}

NrMacStats&
NrCellState::GetDlStats()
{
    return m_dlStats;
}

const NrMacStats&
NrCellState::GetDlStats() const
{
    return m_dlStats;
}

NrMacStats&
NrCellState::GetUlStats()
{
    return m_ulStats;
}

const NrMacStats&
NrCellState::GetUlStats() const
{
    return m_ulStats;
}

NrCellMacTraces&
NrCellState::GetTraces()
{
    return m_traces;
}

Ptr<UniformRandomVariable>
NrCellState::GetUniform() const
{
    return m_uniform;
}

void
NrCellState::SetForwardUpCallback(Callback<void, Ptr<Packet>, const Address&> forwardUp)
{
    m_forwardUp = forwardUp;
}

void
NrCellState::ForwardUp(Ptr<Packet> packet, const Address& from) const
{
    m_forwardUp(packet, from);
}

void
NrCellState::PrintLogContext(std::ostream& os) const
{
    os << "[cell " << m_channelIndex;
    if (m_configured)
    {
        // The TTI under way: the last one that started at or before now.
        const Time now = Simulator::Now();
        const uint64_t next = m_grid->GetTtiAtOrAfter(now);
        os << " TTI " << (m_grid->GetStart(next) == now || next == 0 ? next : next - 1);
    }
    os << "] ";
}

void
NrCellState::ShutDown()
{
    m_shutDown = true;
    m_ues.clear();
    m_forwardUp = MakeNullCallback<void, Ptr<Packet>, const Address&>();
    m_uniform = nullptr;
}

bool
NrCellState::IsShutDown() const
{
    return m_shutDown;
}

// ------------------------------------------------------------------------------------------
// Resource arithmetic

uint32_t
NrCellState::GetDlDataSymbols(const NrCellMacConfig& config, const NrTtiGrid& grid, uint64_t tti)
{
    const uint32_t dl = grid.GetDlSymbols(tti);
    const uint32_t data =
        grid.IsMiniSlot() ? dl : (dl > config.pdcchSymbols ? dl - config.pdcchSymbols : 0);
    return SUBCARRIERS_PER_PRB * data > config.dmrsRePerPrb + config.overheadRePerPrb ? data : 0;
}

uint32_t
NrCellState::GetUlDataSymbols(const NrCellMacConfig& config, const NrTtiGrid& grid, uint64_t tti)
{
    const uint32_t ul = grid.GetUlSymbols(tti);
    return SUBCARRIERS_PER_PRB * ul > config.dmrsRePerPrb + config.overheadRePerPrb ? ul : 0;
}

uint32_t
NrCellState::GetDlDataSymbols(uint64_t tti) const
{
    return m_dlDataSymbols[tti % m_dlDataSymbols.size()];
}

uint32_t
NrCellState::GetUlDataSymbols(uint64_t tti) const
{
    return m_ulDataSymbols[tti % m_ulDataSymbols.size()];
}

uint32_t
NrCellState::GetTbs(uint32_t symbols, uint32_t prbs, uint8_t mcs, uint32_t layers) const
{
    // Symbols <= 14, MCS <= 31, layers <= 4 (attribute ranges) index a row of PRBs.
    if (prbs == 0 || prbs > m_prbs || symbols > NrNumerology::SYMBOLS_PER_SLOT || mcs >= MCS_KEYS ||
        layers >= LAYER_KEYS)
    {
        return ComputeTbs(symbols, prbs, mcs, layers); // outside the table: rejects or computes
    }
    std::vector<uint32_t>& row = m_tbs[(symbols * MCS_KEYS + mcs) * LAYER_KEYS + layers];
    if (row.empty())
    {
        row.assign(m_prbs + 1, 0);
    }
    if (row[prbs] == 0)
    {
        row[prbs] = ComputeTbs(symbols, prbs, mcs, layers); // >= 24 bits, never 0
    }
    return row[prbs];
}

uint32_t
NrCellState::ComputeTbs(uint32_t symbols, uint32_t prbs, uint8_t mcs, uint32_t layers) const
{
    const NrMcsEntry& entry = NrGetMcs(m_mcsTable, mcs);
    NrTbsInput in;
    in.symbols = symbols;
    in.dmrsRePerPrb = m_config.dmrsRePerPrb;
    in.overheadRePerPrb = m_config.overheadRePerPrb;
    in.modulationOrder = entry.modulationOrder;
    in.codeRateX1024 = entry.codeRateX1024;
    in.layers = layers;
    in.scaling = 1.0;
    in.prbs = prbs;
    return NrTransportBlockSize(in);
}

uint32_t
NrCellState::GetPrbsFor(uint64_t bits, uint32_t symbols, uint8_t mcs, uint32_t layers) const
{
    // The TBS grows with the PRBs, so bisect for the fewest that hold the bits.
    if (GetTbs(symbols, m_prbs, mcs, layers) < bits)
    {
        return m_prbs;
    }
    uint32_t low = 1;
    uint32_t high = m_prbs;
    while (low < high)
    {
        const uint32_t mid = low + (high - low) / 2;
        if (GetTbs(symbols, mid, mcs, layers) >= bits)
        {
            high = mid;
        }
        else
        {
            low = mid + 1;
        }
    }
    return low;
}

double
NrCellState::GetBitsPerPrb(uint8_t mcs, uint32_t symbols, uint32_t layers) const
{
    return NrGetMcs(m_mcsTable, mcs).spectralEfficiency *
           (SUBCARRIERS_PER_PRB * symbols - m_config.dmrsRePerPrb - m_config.overheadRePerPrb) *
           layers;
}

bool
NrCellState::DrawDecoded(double sinr, uint8_t mcs, uint32_t tbsBits)
{
    const double bler = m_config.fixedBler >= 0.0
                            ? m_config.fixedBler
                            : GetErrorModel().GetBler(sinr, NrGetMcs(m_mcsTable, mcs), tbsBits);
    if (bler <= 0.0)
    {
        return true;
    }
    if (bler >= 1.0)
    {
        return false;
    }
    return m_uniform->GetValue() >= bler;
}

uint64_t
NrCellState::FindPucchTti(Time t, uint64_t period, uint64_t offset) const
{
    // A TTI that starts before t may still have its last symbol after it.
    uint64_t tti = m_grid->GetTtiAtOrAfter(t);
    tti = tti > 0 ? tti - 1 : 0;
    // Only TTIs with tti % period == offset count: step through those (a long SR period of a
    // crowded cell has hundreds of TTIs between two).
    tti += (offset + period - tti % period) % period;
    while (m_ulSymbols[tti % m_ulSymbols.size()] == 0 || m_grid->GetLastSymbolStart(tti) < t)
    {
        tti += period;
    }
    return tti;
}

uint64_t
NrCellState::FindPuschTti(Time t) const
{
    uint64_t tti = m_grid->GetTtiAtOrAfter(t);
    tti = tti > 0 ? tti - 1 : 0;
    while (GetUlDataSymbols(tti) == 0 || m_grid->GetUlStart(tti) < t)
    {
        ++tti;
    }
    return tti;
}

uint64_t
NrCellState::NextPuschTti(uint64_t tti) const
{
    do
    {
        ++tti;
    } while (GetUlDataSymbols(tti) == 0);
    return tti;
}

double
NrCellState::GetDlSinr(uint32_t ue) const
{
    return m_channel->GetDlSinr(m_ues[ue].device->GetChannelIndex(), m_channelIndex);
}

double
NrCellState::GetUlSinr(uint32_t ue, double fraction) const
{
    return m_channel->GetUlSinr(m_ues[ue].device->GetChannelIndex(), m_channelIndex, fraction);
}

bool
NrCellState::AllocateDci(uint32_t ue, uint32_t cceLimit)
{
    // C-RNTI: the UE's index + 1 (TS 38.321 Table 7.1-1: C-RNTIs from 0001).
    return m_pdcch.Allocate(ue + 1, GetDlSinr(ue), cceLimit);
}

} // namespace blueprint
} // namespace ns3
