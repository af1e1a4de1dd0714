/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-cell-mac.h"

#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

#include <stdexcept>

#undef NS_LOG_APPEND_CONTEXT
#define NS_LOG_APPEND_CONTEXT m_cell.PrintLogContext(std::clog)

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrCellMac");

NS_OBJECT_ENSURE_REGISTERED(NrCellMac);

namespace
{

/**
 * \brief The accessor of one of NrCellMacTraces' sources on NrCellMac.
 * \tparam Source the TracedCallback type.
 */
template <typename Source>
class CellTraceAccessor : public TraceSourceAccessor
{
  public:
    /**
     * \brief Reach one source.
     * \param member the source in NrCellMacTraces.
     */
    explicit CellTraceAccessor(Source NrCellMacTraces::*member)
        : m_member(member)
    {
    }

    bool ConnectWithoutContext(ObjectBase* obj, const CallbackBase& cb) const override
    {
        Source* source = Get(obj);
        if (source)
        {
            source->ConnectWithoutContext(cb);
        }
        return source != nullptr;
    }

    bool Connect(ObjectBase* obj, std::string context, const CallbackBase& cb) const override
    {
        Source* source = Get(obj);
        if (source)
        {
            source->Connect(cb, context);
        }
        return source != nullptr;
    }

    bool DisconnectWithoutContext(ObjectBase* obj, const CallbackBase& cb) const override
    {
        Source* source = Get(obj);
        if (source)
        {
            source->DisconnectWithoutContext(cb);
        }
        return source != nullptr;
    }

    bool Disconnect(ObjectBase* obj, std::string context, const CallbackBase& cb) const override
    {
        Source* source = Get(obj);
        if (source)
        {
            source->Disconnect(cb, context);
        }
        return source != nullptr;
    }

  private:
    /**
     * \param obj the MAC.
     * \return the source, or nullptr if obj is not an NrCellMac.
     */
    Source* Get(ObjectBase* obj) const
    {
        auto* mac = dynamic_cast<NrCellMac*>(obj);
        return mac ? &(mac->GetCell().GetTraces().*m_member) : nullptr;
    }

    Source NrCellMacTraces::*m_member; //!< the source
};

/**
 * \brief Make the accessor of one of NrCellMacTraces' sources.
 * \tparam Source the TracedCallback type.
 * \param member the source.
 * \return the accessor.
 */
template <typename Source>
Ptr<const TraceSourceAccessor>
MakeCellTraceAccessor(Source NrCellMacTraces::*member)
{
    return Ptr<const TraceSourceAccessor>(new CellTraceAccessor<Source>(member), false);
}

} // namespace

TypeId
NrCellMac::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::NrCellMac")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrCellMac>()
            .AddTraceSource("DlTb",
                            "A downlink transport block transmission: UE, MCS, PRBs, TBS (bits), "
                            "HARQ attempt (1 = first), decoded.",
                            MakeCellTraceAccessor(&NrCellMacTraces::dlTb),
                            "ns3::blueprint::NrGnbNetDevice::TbTracedCallback")
            .AddTraceSource("UlTb",
                            "An uplink transport block transmission: UE, MCS, PRBs, TBS (bits), "
                            "HARQ attempt (1 = first), decoded.",
                            MakeCellTraceAccessor(&NrCellMacTraces::ulTb),
                            "ns3::blueprint::NrGnbNetDevice::TbTracedCallback")
            .AddTraceSource("MacTx",
                            "A packet was queued for a UE.",
                            MakeCellTraceAccessor(&NrCellMacTraces::macTx),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A downlink packet was dropped (full buffer, unknown destination, "
                            "not IPv4).",
                            MakeCellTraceAccessor(&NrCellMacTraces::macTxDrop),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A complete uplink packet was delivered up.",
                            MakeCellTraceAccessor(&NrCellMacTraces::macRx),
                            "ns3::Packet::TracedCallback")
            // Activity hooks for energy models
            .AddTraceSource("DlTti",
                            "A TTI of the slot engine ended its scheduling: TTI index, PRBs "
                            "carrying PDSCH, PRBs of the carrier. Fires after the TTI's DlTb.",
                            MakeCellTraceAccessor(&NrCellMacTraces::dlTti),
                            "ns3::blueprint::NrGnbNetDevice::TtiActivityTracedCallback")
            .AddTraceSource("UlTti",
                            "The PUSCHs of a TTI ran: TTI index, PRBs carrying PUSCH, PRBs of "
                            "the carrier. Fires after the TTI's UlTb.",
                            MakeCellTraceAccessor(&NrCellMacTraces::ulTti),
                            "ns3::blueprint::NrGnbNetDevice::TtiActivityTracedCallback")
            .AddTraceSource("ConnectedUes",
                            "The number of UEs the cell serves changed: the new number.",
                            MakeCellTraceAccessor(&NrCellMacTraces::connectedUes),
                            "ns3::TracedCallback::Uint32Callback")
            .AddTraceSource("Pdcch",
                            "The PDCCH of a TTI: TTI index, DCIs sent, CCEs they took, CCEs of "
                            "the CORESET.",
                            MakeCellTraceAccessor(&NrCellMacTraces::pdcch),
                            "ns3::blueprint::NrGnbNetDevice::PdcchTracedCallback");
    return tid;
}

NrCellMac::NrCellMac()
    : m_dl(m_cell),
      m_ul(m_cell, MakeCallback(&NrCellMac::Wake, this)),
      m_inTti(false),
      m_ttiPending(false),
      m_ulRunScheduled(false),
      m_lastUlTti(0),
      m_nextTti(0),
      m_ttiEvents(0),
      m_connectedUes(0)
{
    NS_LOG_FUNCTION(this);
}

NrCellMac::~NrCellMac()
{
    NS_LOG_FUNCTION(this);
}

void
NrCellMac::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_cell.ShutDown();
    Object::DoDispose();
}

void
NrCellMac::SetChannel(Ptr<NrChannel> channel, uint32_t channelIndex)
{
    m_cell.SetChannel(channel, channelIndex);
}

void
NrCellMac::SetNodeId(uint32_t nodeId)
{
    m_cell.SetNodeId(nodeId);
}

void
NrCellMac::SetForwardUpCallback(Callback<void, Ptr<Packet>, const Address&> forwardUp)
{
    m_cell.SetForwardUpCallback(forwardUp);
}

void
NrCellMac::SetDlScheduler(Ptr<NrMacScheduler> scheduler)
{
    m_dl.SetPolicy(scheduler);
}

Ptr<NrMacScheduler>
NrCellMac::GetDlScheduler() const
{
    return m_dl.GetPolicy();
}

void
NrCellMac::SetUlScheduler(Ptr<NrMacScheduler> scheduler)
{
    m_ul.SetPolicy(scheduler);
}

Ptr<NrMacScheduler>
NrCellMac::GetUlScheduler() const
{
    return m_ul.GetPolicy();
}

// ------------------------------------------------------------------------------------------
// Configuration

void
NrCellMac::CheckConfiguration(const NrCellMacConfig& config,
                              double bandwidthHz,
                              bool fr2,
                              uint32_t ues)
{
    const NrTtiGrid grid(config.mu, config.MakePattern(), config.miniSlotSymbols);
    const uint32_t prbs = NrMaxResourceBlocks(bandwidthHz, config.mu, fr2);
    NrMaxMcs(static_cast<NrMcsTableId>(config.mcsTable));
    if (config.dmrsRePerPrb + config.overheadRePerPrb >=
        NrCellState::SUBCARRIERS_PER_PRB * NrNumerology::SYMBOLS_PER_SLOT)
    {
        throw std::invalid_argument("DM-RS and overhead leave no resource element");
    }
    // Both directions need at least one usable TTI per period of the pattern.
    bool dl = false;
    bool ul = false;
    for (uint64_t tti = 0; tti < grid.GetPeriodTtis(); ++tti)
    {
        dl = dl || NrCellState::GetDlDataSymbols(config, grid, tti) > 0;
        ul = ul || NrCellState::GetUlDataSymbols(config, grid, tti) > 0;
    }
    if (!dl || !ul)
    {
        throw std::invalid_argument(
            "TDD pattern " + config.tddPattern + " with special slot " + config.specialSlot +
            " and " + std::to_string(config.miniSlotSymbols) + "-symbol mini-slots leaves no " +
            (dl ? "uplink" : "downlink") + " TTI that can carry data");
    }
    NrUlOccasions::CheckFit(config, grid, prbs, ues);
}

void
NrCellMac::Configure(const NrCellMacConfig& config)
{
    NS_LOG_FUNCTION(this);
    if (m_cell.IsConfigured())
    {
        return;
    }
    NS_ABORT_MSG_IF(!m_cell.GetChannel(),
                    "NrCellMac: no NrChannel; install the gNB with NrHelper::InstallGnb");
    try
    {
        Ptr<NrChannel> channel = m_cell.GetChannel();
        DoubleValue bandwidth;
        DoubleValue frequency;
        channel->GetAttribute("Bandwidth", bandwidth);
        channel->GetAttribute("Frequency", frequency);
        CheckConfiguration(config,
                           bandwidth.Get(),
                           frequency.Get() > NrCellState::FR1_MAX_HZ,
                           GetNUes());
        m_cell.Configure(config);
        for (uint32_t ue = 0; ue < GetNUes(); ++ue)
        {
            ConfigureUe(ue);
        }
    }
    catch (const std::exception& e)
    {
        NS_FATAL_ERROR("NrGnbNetDevice: " << e.what());
    }
    m_ul.AssignOccasions(true);
    NS_LOG_INFO("configured: mu " << +config.mu << ", " << m_cell.GetGrid().GetPattern().ToString()
                                  << ", " << m_cell.GetGrid().GetTtiSymbols() << "-symbol TTIs, "
                                  << m_cell.GetPrbs() << " PRBs, " << GetNUes() << " UEs");
}

bool
NrCellMac::IsConfigured() const
{
    return m_cell.IsConfigured();
}

void
NrCellMac::ConfigureUe(uint32_t ue)
{
    try
    {
        m_cell.ConfigureUe(ue);
    }
    catch (const std::exception& e)
    {
        NS_FATAL_ERROR("NrGnbNetDevice: UE " << ue << ": " << e.what());
    }
}

int64_t
NrCellMac::AssignStreams(int64_t stream)
{
    m_cell.GetUniform()->SetStream(stream);
    return 1;
}

NrCellState&
NrCellMac::GetCell()
{
    return m_cell;
}

const NrCellState&
NrCellMac::GetCell() const
{
    return m_cell;
}

// ------------------------------------------------------------------------------------------
// UEs

uint32_t
NrCellMac::AddUe(Ptr<NrUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    std::vector<NrMacUe>& ues = m_cell.GetUes();
    const auto index = static_cast<uint32_t>(ues.size());
    ues.emplace_back();
    ues.back().device = ue;
    m_cell.GetTraces().connectedUes(++m_connectedUes);
    if (m_cell.IsConfigured())
    {
        ConfigureUe(index);
        m_ul.AssignOccasions(true);
    }
    return index;
}

uint32_t
NrCellMac::FindUe(Ptr<NrUeNetDevice> ue) const
{
    const std::vector<NrMacUe>& ues = m_cell.GetUes();
    uint32_t index = 0;
    while (index < ues.size() && ues[index].device != ue)
    {
        ++index;
    }
    return index;
}

std::vector<Ptr<Packet>>
NrCellMac::ReleaseUe(uint32_t ue)
{
    NS_LOG_FUNCTION(this << ue);
    NrMacUe& ctx = m_cell.GetUes().at(ue);
    NS_ABORT_MSG_UNLESS(ctx.connected, "NrCellMac: UE " << ue << " is not served here");
    ctx.connected = false;
    ctx.member = false;
    ++ctx.epoch;
    m_cell.GetTraces().connectedUes(--m_connectedUes);
    m_dl.Release(ue);
    m_ul.Release(ue);
    const NrCellMacConfig& config = m_cell.GetConfig();
    ctx.dlHarq = NrHarqEntity(config.harqProcesses, config.maxTransmissions);
    std::vector<Ptr<Packet>> forwarded = ctx.dlBuffer.TakePackets();
    if (m_cell.IsConfigured())
    {
        m_ul.ReassignOccasions(); // frees its configured grant
    }
    return forwarded;
}

uint32_t
NrCellMac::PrepareUe(Ptr<NrUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    std::vector<NrMacUe>& ues = m_cell.GetUes();
    const uint32_t index = FindUe(ue);
    const bool added = index == ues.size();
    if (added)
    {
        ues.emplace_back();
        ues.back().device = ue;
    }
    NrMacUe& ctx = ues[index];
    NS_ABORT_MSG_IF(!added && ctx.member, "NrCellMac: the UE is already in this cell");
    ctx.connected = false;
    ctx.member = true;
    if (m_cell.IsConfigured())
    {
        if (added)
        {
            ConfigureUe(index);
        }
        m_ul.ReassignOccasions(); // gives it an SR occasion and a configured grant
    }
    return index;
}

void
NrCellMac::ConnectUe(uint32_t ue)
{
    NS_LOG_FUNCTION(this << ue);
    NrMacUe& ctx = m_cell.GetUes().at(ue);
    NS_ABORT_MSG_IF(ctx.connected, "NrCellMac: UE " << ue << " is already connected");
    ctx.connected = true;
    m_cell.GetTraces().connectedUes(++m_connectedUes);
    if (m_dl.Connect(ue))
    {
        Wake();
    }
}

bool
NrCellMac::IsConnected(uint32_t ue) const
{
    return m_cell.GetUes().at(ue).connected;
}

uint32_t
NrCellMac::GetNUes() const
{
    return static_cast<uint32_t>(m_cell.GetUes().size());
}

uint32_t
NrCellMac::GetNConnectedUes() const
{
    return m_connectedUes;
}

Ptr<NrUeNetDevice>
NrCellMac::GetUe(uint32_t ue) const
{
    return m_cell.GetUes().at(ue).device;
}

uint32_t
NrCellMac::GetConfiguredGrantPrbs(uint32_t ue) const
{
    return m_cell.GetUes().at(ue).cgPrbs;
}

Time
NrCellMac::GetUeDataPreparation(uint32_t ue) const
{
    return m_cell.GetUes().at(ue).tproc2 / 2;
}

bool
NrCellMac::EnqueueDl(uint32_t ue, Ptr<Packet> packet, bool traced)
{
    if (!m_dl.Enqueue(ue, packet, traced))
    {
        return false;
    }
    if (m_cell.GetUes()[ue].connected)
    {
        Wake();
    }
    return true;
}

void
NrCellMac::NotifyUlData(uint32_t ue)
{
    if (!m_cell.GetUes().at(ue).connected)
    {
        return; // the UE tells the target cell once it is connected there
    }
    if (!m_ul.NotifyData(ue))
    {
        return;
    }
    Wake();
    // The TTI under way may still have its uplink symbols ahead (a special slot): its
    // configured grant occasion is still reachable.
    const NrTtiGrid& grid = m_cell.GetGrid();
    const Time now = Simulator::Now();
    const uint64_t next = grid.GetTtiAtOrAfter(now);
    if (next > 0 && m_cell.GetUlDataSymbols(next - 1) > 0 && grid.GetUlStart(next - 1) >= now)
    {
        ScheduleRunUl(next - 1);
    }
}

// ------------------------------------------------------------------------------------------
// Counters

NrMacStats
NrCellMac::GetDlStats() const
{
    // Downlink packets are reassembled, and so counted, by the UEs: count the UEs this cell
    // serves now (a UE that handed over counts, with all it received, in its current cell).
    const std::vector<NrMacUe>& ues = m_cell.GetUes();
    NrMacStats stats = m_cell.GetDlStats();
    stats.deliveredPackets = 0;
    for (const auto& ctx : ues)
    {
        Ptr<NrGnbNetDevice> serving = ctx.device->GetGnb();
        if (ctx.member && serving && PeekPointer(serving->GetMac()) == this)
        {
            stats.deliveredPackets += ctx.device->GetDeliveredPackets();
        }
    }
    return stats;
}

NrMacStats
NrCellMac::GetUlStats() const
{
    return m_cell.GetUlStats();
}

uint64_t
NrCellMac::GetTtiEvents() const
{
    return m_ttiEvents;
}

uint32_t
NrCellMac::GetSrPeriodicity() const
{
    return m_ul.GetOccasions().GetSrPeriod();
}

uint32_t
NrCellMac::GetCoresetCces() const
{
    return NrPdcch::GetCces(m_cell.GetCoresetRbs(), m_cell.GetConfig().pdcchSymbols);
}

uint64_t
NrCellMac::GetSchedulerLooks() const
{
    return m_dl.GetActive().GetLooks() + m_ul.GetActive().GetLooks();
}

void
NrCellMac::SetDeferring(bool deferring)
{
    m_dl.SetDeferring(deferring);
    m_ul.SetDeferring(deferring);
}

// ------------------------------------------------------------------------------------------
// Slot engine

bool
NrCellMac::HasWork() const
{
    return m_dl.HasWork() || m_ul.HasWork();
}

void
NrCellMac::Wake()
{
    if (m_inTti || m_ttiPending)
    {
        return;
    }
    NS_ASSERT_MSG(m_cell.IsConfigured(), "NrCellMac: woken before it was configured");
    const NrTtiGrid& grid = m_cell.GetGrid();
    const Time now = Simulator::Now();
    const uint64_t tti = std::max(m_nextTti, grid.GetTtiAtOrAfter(now));
    m_nextTti = tti;
    NS_LOG_LOGIC("waking at TTI " << tti);
    m_ttiPending = true;
    Simulator::ScheduleWithContext(m_cell.GetNodeId(),
                                   grid.GetStart(tti) - now,
                                   &NrCellMac::ProcessTti,
                                   this);
}

void
NrCellMac::ProcessTti()
{
    const uint64_t tti = m_nextTti++;
    const Time now = Simulator::Now();
    m_ttiPending = false;
    if (m_cell.IsShutDown())
    {
        return;
    }
    const NrTtiGrid& grid = m_cell.GetGrid();
    const NrCellMacConfig& config = m_cell.GetConfig();
    NS_ASSERT(now == grid.GetStart(tti));
    NS_LOG_FUNCTION(this << tti);
    m_inTti = true;
    ++m_ttiEvents;
    uint32_t dlPrbs = 0;
    NrPdcch& pdcch = m_cell.GetPdcch();
    const uint32_t dlSymbols = grid.GetDlSymbols(tti);
    if (dlSymbols > 0)
    {
        // The TTI's PDCCH: a full slot's CORESET, or one symbol of a mini-slot.
        const uint32_t coresetSymbols =
            grid.IsMiniSlot() ? 1 : std::min(config.pdcchSymbols, dlSymbols);
        const uint32_t slotsPerFrame = 10U << config.mu;
        pdcch.StartOccasion(grid.GetSlot(tti) % slotsPerFrame,
                            NrPdcch::GetCces(m_cell.GetCoresetRbs(), coresetSymbols));
    }
    // Uplink grants first, leaving a CCE for each downlink UE waiting, up to half the CORESET:
    // neither direction can take the whole PDCCH from the other.
    if (dlSymbols > 0 && m_ul.HasActive())
    {
        m_ul.ScheduleGrants(tti, m_dl.GetNActive());
    }
    if (m_cell.GetDlDataSymbols(tti) > 0)
    {
        dlPrbs = m_dl.Schedule(tti);
    }
    if (dlSymbols > 0)
    {
        m_cell.GetTraces().pdcch(tti, pdcch.GetDcis(), pdcch.GetUsedCces(), pdcch.GetCces());
    }
    if (m_cell.GetUlDataSymbols(tti) > 0 &&
        (m_ul.HasPlan(tti) || config.ulAccess == NrUlAccess::CONFIGURED))
    {
        ScheduleRunUl(tti);
    }
    m_inTti = false;
    m_cell.GetTraces().dlTti(tti, dlPrbs, m_cell.GetPrbs());
    if (HasWork())
    {
        m_ttiPending = true;
        Simulator::Schedule(grid.GetStart(tti + 1) - now, &NrCellMac::ProcessTti, this);
    }
    else
    {
        NS_LOG_LOGIC("idle after TTI " << tti);
        m_cell.GetChannel()->SetDlActivity(m_cell.GetChannelIndex(), 0.0);
    }
}

void
NrCellMac::ScheduleRunUl(uint64_t tti)
{
    if (m_ulRunScheduled && m_lastUlTti >= tti)
    {
        return;
    }
    m_ulRunScheduled = true;
    m_lastUlTti = tti;
    // The PUSCH starts with the TTI's uplink symbols (later than the TTI in a special slot);
    // packets must be ready by then.
    const Time now = Simulator::Now();
    const Time ulStart = m_cell.GetGrid().GetUlStart(tti);
    if (ulStart == now)
    {
        RunUl(tti);
    }
    else
    {
        Simulator::ScheduleWithContext(m_cell.GetNodeId(),
                                       ulStart - now,
                                       &NrCellMac::RunUl,
                                       this,
                                       tti);
    }
}

void
NrCellMac::RunUl(uint64_t tti)
{
    if (m_cell.IsShutDown())
    {
        return;
    }
    const uint32_t usedPrbs = m_ul.RunPusch(tti);
    const uint32_t prbs = m_cell.GetPrbs();
    m_cell.GetTraces().ulTti(tti, std::min(usedPrbs, prbs), prbs);
    if (HasWork())
    {
        Wake(); // the TTI events may have stopped while this PUSCH was pending
    }
}

} // namespace blueprint
} // namespace ns3
