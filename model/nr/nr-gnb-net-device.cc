/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-gnb-net-device.h"

#include "model/nr/nr-bandwidth.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-error-model.h"
#include "model/nr/nr-link-adaptation.h"
#include "model/nr/nr-mac-scheduler-rr.h"
#include "model/nr/nr-processing-time.h"
#include "model/nr/nr-tbs.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("NrGnbNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrGnbNetDevice);

/// EtherType of IPv4, the only protocol the NR devices carry (IANA ieee-802-numbers).
static constexpr uint16_t IPV4_PROTOCOL = 0x0800;
/// Short BSR MAC CE with its 1-byte subheader (TS 38.321 clauses 6.1.2 and 6.1.3.1).
static constexpr uint32_t SHORT_BSR_BYTES = 2;
/// Upper edge of FR1 (TS 38.104 Table 5.1-1: 410-7125 MHz); carriers above it are FR2.
static constexpr double FR1_MAX_HZ = 7.125e9;
/// Subcarriers per resource block (TS 38.211 clause 4.4.4.1).
static constexpr uint32_t SUBCARRIERS_PER_PRB = 12;
/// Largest slot offset K2 from a PDCCH to the PUSCH it schedules (TS 38.214 clause 6.1.2.1:
/// K2 is 0..32 in the PUSCH time domain allocation list).
static constexpr uint64_t MAX_K2_SLOTS = 32;

TypeId
NrGnbNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::NrGnbNetDevice")
            .SetParent<NrNetDevice>()
            .SetGroupName("Blueprint")
            .AddConstructor<NrGnbNetDevice>()
            .AddAttribute("Mu",
                          "Numerology mu, 0..3: subcarrier spacing 15 * 2^mu kHz, 2^mu slots per "
                          "ms (TS 38.211 clause 4.2).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_mu),
                          MakeUintegerChecker<uint8_t>(0, 3))
            .AddAttribute("TddPattern",
                          "Slot pattern of the TDD carrier, e.g. \"DDDSU\" (NrTddPattern::Parse), "
                          "or \"FDD\" for paired spectrum with both directions every slot.",
                          StringValue("DDDSU"),
                          MakeStringAccessor(&NrGnbNetDevice::m_tddPattern),
                          MakeStringChecker())
            .AddAttribute("SpecialSlot",
                          "Symbol split of the S slots, e.g. \"10D+2G+2U\" (TS 38.521-4 Table "
                          "A.1.2-1, FR1.15-1/FR1.30-2).",
                          StringValue("10D+2G+2U"),
                          MakeStringAccessor(&NrGnbNetDevice::m_specialSlot),
                          MakeStringChecker())
            .AddAttribute("MiniSlotSymbols",
                          "0 for full-slot TTIs, else mini-slots of 2, 4 or 7 symbols (PDSCH/PUSCH "
                          "mapping type B, TS 38.214 Table 5.1.2.1-1).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_miniSlotSymbols),
                          MakeUintegerChecker<uint32_t>(0, 7))
            .AddAttribute("McsTable",
                          "MCS table: 1 = TS 38.214 Table 5.1.3.1-1 (64QAM), 2 = Table 5.1.3.1-2 "
                          "(256QAM), 3 = Table 5.1.3.1-3 (low SE).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_mcsTable),
                          MakeUintegerChecker<uint8_t>(1, 3))
            .AddAttribute("DlLayers",
                          "MIMO layers of a PDSCH codeword, 1..4 (TS 38.211 Table 7.3.1.3-1).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_dlLayers),
                          MakeUintegerChecker<uint32_t>(1, 4))
            .AddAttribute("UlLayers",
                          "MIMO layers of a PUSCH, 1..4.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_ulLayers),
                          MakeUintegerChecker<uint32_t>(1, 4))
            .AddAttribute("DmrsRePerPrb",
                          "N_DMRS^PRB of TS 38.214 clause 5.1.3.2: DM-RS resource elements per "
                          "PRB of a transmission (12 = one front-loaded type-1 DM-RS symbol with "
                          "both CDM groups).",
                          UintegerValue(12),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_dmrsRePerPrb),
                          MakeUintegerChecker<uint32_t>(0, 156))
            .AddAttribute("OverheadRePerPrb",
                          "N_oh^PRB (RRC xOverhead) of TS 38.214 clause 5.1.3.2: 0, 6, 12 or 18.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_overheadRePerPrb),
                          MakeUintegerChecker<uint32_t>(0, 18))
            .AddAttribute("PdcchSymbols",
                          "Symbols at the start of a full slot that carry the PDCCH (CORESET "
                          "duration, TS 38.211 clause 7.3.2.2: 1..3) and no PDSCH.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pdcchSymbols),
                          MakeUintegerChecker<uint32_t>(1, 3))
            .AddAttribute("MaxTransmissions",
                          "Most HARQ transmissions of one transport block; then its data is "
                          "dropped.",
                          UintegerValue(4),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_maxTransmissions),
                          MakeUintegerChecker<uint8_t>(1))
            .AddAttribute("HarqProcesses",
                          "HARQ processes per UE and direction (TS 38.331 "
                          "nrofHARQ-ProcessesForPDSCH/PUSCH: up to 16).",
                          UintegerValue(16),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_harqProcesses),
                          MakeUintegerChecker<uint32_t>(1, 32))
            .AddAttribute("FixedBler",
                          "If >= 0, every transmission fails with this probability instead of "
                          "the error model's (for tests and what-if studies).",
                          DoubleValue(-1.0),
                          MakeDoubleAccessor(&NrGnbNetDevice::m_fixedBler),
                          MakeDoubleChecker<double>(-1.0, 1.0))
            .AddAttribute("UlAccess",
                          "Uplink access: \"grant\" (scheduling request and buffer status "
                          "reports) or \"configured\" (configured grant type 1).",
                          EnumValue(NrGnbNetDevice::UL_GRANT),
                          MakeEnumAccessor(&NrGnbNetDevice::m_ulAccess),
                          MakeEnumChecker(NrGnbNetDevice::UL_GRANT,
                                          "grant",
                                          NrGnbNetDevice::UL_CONFIGURED,
                                          "configured"))
            .AddAttribute("SrPeriodicity",
                          "Period of each UE's SR occasions, in TTIs (TS 38.331 "
                          "SchedulingRequestResourceConfig periodicityAndOffset); 1 = every "
                          "uplink TTI, as in the TR 37.910 evaluation.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_srPeriodicity),
                          MakeUintegerChecker<uint32_t>(1, 640))
            .AddAttribute("SrGrantBytes",
                          "Size of the grant that answers a scheduling request, bytes of MAC "
                          "SDUs: the gNB does not know the UE's buffer yet; the default carries "
                          "one 1500-byte IP packet with its headers.",
                          UintegerValue(1600),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_srGrantBytes),
                          MakeUintegerChecker<uint32_t>(8))
            .AddAttribute("ConfiguredGrantPeriod",
                          "Period of each UE's configured grant occasions, in TTIs (TS 38.331 "
                          "ConfiguredGrantConfig periodicity).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_cgPeriod),
                          MakeUintegerChecker<uint32_t>(1, 5120))
            .AddAttribute("ConfiguredGrantPrbs",
                          "PRBs of each UE's configured grant occasion; 0 shares the carrier "
                          "equally among the UEs whose occasions coincide.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_cgPrbs),
                          MakeUintegerChecker<uint32_t>(0, 275))
            .AddAttribute("DlQueueMaxPackets",
                          "The most packets each UE's downlink buffer holds; more are dropped.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_dlQueueMaxPackets),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("CoresetPrbs",
                          "PRBs of the CORESET that carries the PDCCH (TS 38.331 ControlResource"
                          "Set frequencyDomainResources, groups of 6 PRBs); 0 spans the carrier. "
                          "With PdcchSymbols it sets the CCEs per TTI (TS 38.211 clause 7.3.2.2).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_coresetPrbs),
                          MakeUintegerChecker<uint32_t>(0, 275))
            .AddAttribute("PdcchCandidatesAl1",
                          "PDCCH candidates of a UE's search space at aggregation level 1 (TS "
                          "38.331 SearchSpace nrofCandidates, 0..8); the default 6, 6, 2, 2 at "
                          "levels 1, 2, 4, 8 is LTE's fixed UE-specific search space (TS 36.213 "
                          "Table 9.1.1-1), which NR's RRC can configure.",
                          UintegerValue(6),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pdcchCandidatesAl1),
                          MakeUintegerChecker<uint32_t>(0, 8))
            .AddAttribute("PdcchCandidatesAl2",
                          "PDCCH candidates at aggregation level 2 (see PdcchCandidatesAl1).",
                          UintegerValue(6),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pdcchCandidatesAl2),
                          MakeUintegerChecker<uint32_t>(0, 8))
            .AddAttribute("PdcchCandidatesAl4",
                          "PDCCH candidates at aggregation level 4 (see PdcchCandidatesAl1).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pdcchCandidatesAl4),
                          MakeUintegerChecker<uint32_t>(0, 8))
            .AddAttribute("PdcchCandidatesAl8",
                          "PDCCH candidates at aggregation level 8 (see PdcchCandidatesAl1).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pdcchCandidatesAl8),
                          MakeUintegerChecker<uint32_t>(0, 8))
            .AddAttribute("PdcchCandidatesAl16",
                          "PDCCH candidates at aggregation level 16, NR's addition to LTE's "
                          "levels (1: assumption).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pdcchCandidatesAl16),
                          MakeUintegerChecker<uint32_t>(0, 8))
            .AddAttribute("PdcchTargetBler",
                          "Error rate of a DCI at the aggregation level chosen for a UE: 1 %, the "
                          "PDCCH performance point of TS 38.101-4 clause 5.3.",
                          DoubleValue(0.01),
                          MakeDoubleAccessor(&NrGnbNetDevice::m_pdcchTargetBler),
                          MakeDoubleChecker<double>(1e-6, 0.5))
            .AddAttribute("PucchSrPrbs",
                          "PUCCH PRBs of each uplink TTI that carry scheduling requests, 12 SR "
                          "resources each (format 0 cyclic shifts, TS 38.211 clause 6.3.2.3); "
                          "4 is an assumption (a PUCCH region of a few PRBs at the carrier "
                          "edges).",
                          UintegerValue(4),
                          MakeUintegerAccessor(&NrGnbNetDevice::m_pucchSrPrbs),
                          MakeUintegerChecker<uint32_t>(1, 275))
            .AddAttribute("DlScheduler",
                          "The downlink scheduler.",
                          PointerValue(),
                          MakePointerAccessor(&NrGnbNetDevice::SetDlScheduler,
                                              &NrGnbNetDevice::GetDlScheduler),
                          MakePointerChecker<NrMacScheduler>())
            .AddAttribute("UlScheduler",
                          "The uplink scheduler.",
                          PointerValue(),
                          MakePointerAccessor(&NrGnbNetDevice::SetUlScheduler,
                                              &NrGnbNetDevice::GetUlScheduler),
                          MakePointerChecker<NrMacScheduler>())
            .AddTraceSource("DlTb",
                            "A downlink transport block transmission: UE, MCS, PRBs, TBS (bits), "
                            "HARQ attempt (1 = first), decoded.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_dlTbTrace),
                            "ns3::NrGnbNetDevice::TbTracedCallback")
            .AddTraceSource("UlTb",
                            "An uplink transport block transmission: UE, MCS, PRBs, TBS (bits), "
                            "HARQ attempt (1 = first), decoded.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_ulTbTrace),
                            "ns3::NrGnbNetDevice::TbTracedCallback")
            .AddTraceSource("MacTx",
                            "A packet was queued for a UE.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_macTxTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacTxDrop",
                            "A downlink packet was dropped (full buffer, unknown destination, "
                            "not IPv4).",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_macTxDropTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("MacRx",
                            "A complete uplink packet was delivered up.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_macRxTrace),
                            "ns3::Packet::TracedCallback")
            // Activity hooks for energy models
            .AddTraceSource("DlTti",
                            "A TTI of the slot engine ended its scheduling: TTI index, PRBs "
                            "carrying PDSCH, PRBs of the carrier. Fires after the TTI's DlTb.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_dlTtiTrace),
                            "ns3::NrGnbNetDevice::TtiActivityTracedCallback")
            .AddTraceSource("UlTti",
                            "The PUSCHs of a TTI ran: TTI index, PRBs carrying PUSCH, PRBs of "
                            "the carrier. Fires after the TTI's UlTb.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_ulTtiTrace),
                            "ns3::NrGnbNetDevice::TtiActivityTracedCallback")
            .AddTraceSource("ConnectedUes",
                            "The number of UEs the cell serves changed: the new number.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_connectedUesTrace),
                            "ns3::TracedCallback::Uint32Callback")
            .AddTraceSource("Pdcch",
                            "The PDCCH of a TTI: TTI index, DCIs sent, CCEs they took, CCEs of "
                            "the CORESET.",
                            MakeTraceSourceAccessor(&NrGnbNetDevice::m_pdcchTrace),
                            "ns3::NrGnbNetDevice::PdcchTracedCallback");
    return tid;
}

NrGnbNetDevice::NrGnbNetDevice()
    : m_mu(1),
      m_miniSlotSymbols(0),
      m_mcsTable(1),
      m_dlLayers(1),
      m_ulLayers(1),
      m_dmrsRePerPrb(12),
      m_overheadRePerPrb(0),
      m_pdcchSymbols(1),
      m_maxTransmissions(4),
      m_harqProcesses(16),
      m_fixedBler(-1.0),
      m_ulAccess(UL_GRANT),
      m_srPeriodicity(1),
      m_srGrantBytes(1600),
      m_cgPeriod(1),
      m_cgPrbs(0),
      m_dlQueueMaxPackets(1000),
      m_coresetPrbs(0),
      m_pdcchCandidatesAl1(6),
      m_pdcchCandidatesAl2(6),
      m_pdcchCandidatesAl4(2),
      m_pdcchCandidatesAl8(2),
      m_pdcchCandidatesAl16(1),
      m_pdcchTargetBler(0.01),
      m_pucchSrPrbs(4),
      m_channelIndex(0),
      m_configured(false),
      m_prbs(0),
      m_mcsTableId(NrMcsTableId::Qam64),
      m_inTti(false),
      m_ttiPending(false),
      m_ulRunScheduled(false),
      m_lastUlTti(0),
      m_shutDown(false),
      m_nextTti(0),
      m_ttiEvents(0),
      m_ttiDlPrbs(0),
      m_connectedUes(0)
{
    NS_LOG_FUNCTION(this);
    m_uniform = CreateObject<UniformRandomVariable>();
    m_dlScheduler = CreateObject<NrMacSchedulerRr>();
    m_ulScheduler = CreateObject<NrMacSchedulerRr>();
}

NrGnbNetDevice::~NrGnbNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
NrGnbNetDevice::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    EnsureConfigured();
    // An idle cell does not interfere; the channel assumes full load until told otherwise.
    m_channel->SetDlActivity(m_channelIndex, 0.0);
    NetDevice::DoInitialize();
}

void
NrGnbNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_shutDown = true;
    m_ues.clear();
    m_ueByAddress.clear();
    m_framedRoutes.clear();
    m_ulPlans.clear();
    m_dlScheduler = nullptr;
    m_ulScheduler = nullptr;
    m_uniform = nullptr;
    NrNetDevice::DoDispose();
}

// ------------------------------------------------------------------------------------------
// Attachment and configuration

void
NrGnbNetDevice::SetNrChannel(Ptr<NrChannel> channel, uint32_t gnbIndex)
{
    m_channel = channel;
    m_channelIndex = gnbIndex;
}

Ptr<NrChannel>
NrGnbNetDevice::GetNrChannel() const
{
    return m_channel;
}

uint32_t
NrGnbNetDevice::GetChannelIndex() const
{
    return m_channelIndex;
}

void
NrGnbNetDevice::SetDlScheduler(Ptr<NrMacScheduler> scheduler)
{
    NS_ABORT_MSG_IF(!scheduler, "NrGnbNetDevice: the downlink scheduler must not be null");
    m_dlScheduler = scheduler;
}

Ptr<NrMacScheduler>
NrGnbNetDevice::GetDlScheduler() const
{
    return m_dlScheduler;
}

void
NrGnbNetDevice::SetUlScheduler(Ptr<NrMacScheduler> scheduler)
{
    NS_ABORT_MSG_IF(!scheduler, "NrGnbNetDevice: the uplink scheduler must not be null");
    m_ulScheduler = scheduler;
}

Ptr<NrMacScheduler>
NrGnbNetDevice::GetUlScheduler() const
{
    return m_ulScheduler;
}

uint32_t
NrGnbNetDevice::AttachUe(Ptr<NrUeNetDevice> ue)
{
    NS_LOG_FUNCTION(this << ue);
    NS_ABORT_MSG_IF(ue->GetGnb() && ue->GetGnb() != this,
                    "NrGnbNetDevice: the UE is attached to another gNB");
    if (ue->GetGnb() == this)
    {
        return ue->GetUeIndex();
    }
    const auto index = static_cast<uint32_t>(m_ues.size());
    m_ues.emplace_back();
    m_ues.back().device = ue;
    ue->Attach(this, index);
    m_connectedUesTrace(++m_connectedUes);
    if (m_configured)
    {
        ConfigureUe(index);
        AssignOccasions();
    }
    return index;
}

void
NrGnbNetDevice::AddUe(Ptr<NrUeNetDevice> ue, Ipv4Address address)
{
    NS_LOG_FUNCTION(this << ue << address);
    const uint32_t index = AttachUe(ue);
    m_ues[index].hasAddress = true;
    m_ues[index].address = address;
    m_ueByAddress[address.Get()] = index;
}

uint32_t
NrGnbNetDevice::GetNUes() const
{
    return static_cast<uint32_t>(m_ues.size());
}

Ptr<NrUeNetDevice>
NrGnbNetDevice::GetUe(uint32_t ue) const
{
    return m_ues.at(ue).device;
}

std::vector<Ptr<Packet>>
NrGnbNetDevice::ReleaseUe(uint32_t ue)
{
    NS_LOG_FUNCTION(this << ue);
    UeContext& ctx = m_ues.at(ue);
    NS_ABORT_MSG_UNLESS(ctx.connected, "NrGnbNetDevice: UE " << ue << " is not served here");
    ctx.connected = false;
    ctx.member = false;
    ++ctx.epoch;
    m_connectedUesTrace(--m_connectedUes);
    m_dlActive.erase(ue);
    m_ulActive.erase(ue);
    for (auto it = m_ulPlans.begin(); it != m_ulPlans.end();)
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
        it = grants.empty() ? m_ulPlans.erase(it) : std::next(it);
    }
    ctx.dlHarq = NrHarqEntity(m_harqProcesses, m_maxTransmissions);
    ctx.ulHarq = NrHarqEntity(m_harqProcesses, m_maxTransmissions);
    ctx.ulRx.DiscardPartial();
    ctx.ulNeed = 0;
    ctx.ulNeedGuessed = false;
    ctx.srPending = false;
    ctx.gnbKnowsData = false;
    ctx.grantsOutstanding = 0;
    ctx.grants.clear();
    ctx.hasBsr = false;
    if (ctx.hasAddress)
    {
        m_ueByAddress.erase(ctx.address.Get());
    }
    std::vector<Ptr<Packet>> forwarded = ctx.dlBuffer.TakePackets();
    if (m_configured)
    {
        ReassignOccasions(); // frees its configured grant
    }
    return forwarded;
}

uint32_t
NrGnbNetDevice::PrepareUe(Ptr<NrUeNetDevice> ue, Ipv4Address address)
{
    NS_LOG_FUNCTION(this << ue << address);
    uint32_t index = 0;
    while (index < m_ues.size() && m_ues[index].device != ue)
    {
        ++index;
    }
    const bool added = index == m_ues.size();
    if (added)
    {
        m_ues.emplace_back();
        m_ues.back().device = ue;
    }
    UeContext& ctx = m_ues[index];
    NS_ABORT_MSG_IF(!added && ctx.member, "NrGnbNetDevice: the UE is already in this cell");
    ctx.connected = false;
    ctx.member = true;
    if (m_configured)
    {
        if (added)
        {
            ConfigureUe(index);
        }
        ReassignOccasions(); // gives it an SR occasion and a configured grant
    }
    ctx.hasAddress = true;
    ctx.address = address;
    m_ueByAddress[address.Get()] = index;
    return index;
}

void
NrGnbNetDevice::ConnectUe(uint32_t ue)
{
    NS_LOG_FUNCTION(this << ue);
    UeContext& ctx = m_ues.at(ue);
    NS_ABORT_MSG_IF(ctx.connected, "NrGnbNetDevice: UE " << ue << " is already connected");
    ctx.connected = true;
    m_connectedUesTrace(++m_connectedUes);
    if (NeedsDl(ue))
    {
        m_dlActive.insert(ue);
        Wake();
    }
}

bool
NrGnbNetDevice::ForwardDl(uint32_t ue, Ptr<Packet> packet)
{
    EnsureConfigured();
    return EnqueueDl(ue, packet, false); // the source's MacTx counted it already
}

uint32_t
NrGnbNetDevice::GetNConnectedUes() const
{
    return m_connectedUes;
}

uint32_t
NrGnbNetDevice::GetConfiguredGrantPrbs(uint32_t ue) const
{
    return m_ues.at(ue).cgPrbs;
}

bool
NrGnbNetDevice::IsConnected(uint32_t ue) const
{
    return m_ues.at(ue).connected;
}

void
NrGnbNetDevice::DeliverDl(uint32_t ue,
                          uint32_t epoch,
                          std::vector<NrTbSegment> segments,
                          bool decoded)
{
    const UeContext& ctx = m_ues[ue];
    if (epoch != ctx.epoch)
    {
        return; // the UE had left for another cell when the block arrived
    }
    ctx.device->ReceiveDlTransportBlock(std::move(segments), decoded);
}

int64_t
NrGnbNetDevice::AssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    return 1;
}

void
NrGnbNetDevice::EnsureConfigured()
{
    if (!m_configured)
    {
        Configure();
    }
}

void
NrGnbNetDevice::Configure()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_channel,
                    "NrGnbNetDevice: no NrChannel; install the gNB with NrHelper::InstallGnb");
    try
    {
        DoubleValue bandwidth;
        DoubleValue frequency;
        m_channel->GetAttribute("Bandwidth", bandwidth);
        m_channel->GetAttribute("Frequency", frequency);
        const bool fr2 = frequency.Get() > FR1_MAX_HZ;
        CheckConfiguration(bandwidth.Get(), fr2, m_ues.size());
        const NrTddPattern pattern = (m_tddPattern == "FDD" || m_tddPattern == "fdd")
                                         ? NrTddPattern::Fdd()
                                         : NrTddPattern::Parse(m_tddPattern, m_specialSlot);
        m_grid = std::make_unique<NrTtiGrid>(m_mu, pattern, m_miniSlotSymbols);
        m_prbs = NrMaxResourceBlocks(bandwidth.Get(), m_mu, fr2);
        m_mcsTableId = static_cast<NrMcsTableId>(m_mcsTable);
        m_ulMinSinr = NrErrorModel::GetSinrThreshold(NrGetMcs(m_mcsTableId, 0));
        // The CORESET in whole groups of 6 PRBs (TS 38.331 frequencyDomainResources).
        m_coresetRbs = (m_coresetPrbs == 0 ? m_prbs : std::min(m_coresetPrbs, m_prbs)) / 6 * 6;
        if (m_coresetRbs == 0)
        {
            throw std::invalid_argument("a CORESET of " + std::to_string(m_coresetPrbs) +
                                        " PRBs holds no CCE (6 PRBs at least)");
        }
        m_pdcch.Configure(m_prbs,
                          {m_pdcchCandidatesAl1,
                           m_pdcchCandidatesAl2,
                           m_pdcchCandidatesAl4,
                           m_pdcchCandidatesAl8,
                           m_pdcchCandidatesAl16},
                          m_pdcchTargetBler);
    }
    catch (const std::exception& e)
    {
        NS_FATAL_ERROR("NrGnbNetDevice: " << e.what());
    }
    m_configured = true;
    for (uint32_t ue = 0; ue < m_ues.size(); ++ue)
    {
        ConfigureUe(ue);
    }
    AssignOccasions();
    NS_LOG_INFO("configured: mu " << +m_mu << ", " << m_grid->GetPattern().ToString() << ", "
                                  << m_grid->GetTtiSymbols() << "-symbol TTIs, " << m_prbs
                                  << " PRBs, " << m_ues.size() << " UEs");
}

void
NrGnbNetDevice::ConfigureUe(uint32_t ue)
{
    UeContext& ctx = m_ues[ue];
    try
    {
        ctx.tproc1 = NrProcessingTime::Tproc1(m_mu, ctx.device->GetCapability());
        ctx.tproc2 = NrProcessingTime::Tproc2(m_mu, ctx.device->GetCapability());
    }
    catch (const std::exception& e)
    {
        NS_FATAL_ERROR("NrGnbNetDevice: UE " << ue << ": " << e.what());
    }
    ctx.dlHarq = NrHarqEntity(m_harqProcesses, m_maxTransmissions);
    ctx.ulHarq = NrHarqEntity(m_harqProcesses, m_maxTransmissions);
    ctx.dlBuffer.SetMaxPackets(m_dlQueueMaxPackets);
}

void
NrGnbNetDevice::ReassignOccasions()
{
    const std::vector<uint32_t> before = m_cgReserved;
    AssignOccasions(false);
    if (m_ulAccess != UL_CONFIGURED)
    {
        return;
    }
    for (auto& [tti, plan] : m_ulPlans)
    {
        const uint32_t oldReserved = before.empty() ? 0 : before[tti % m_cgPeriod];
        const uint32_t newReserved = m_cgReserved[tti % m_cgPeriod];
        const int64_t free = static_cast<int64_t>(plan.freePrbs) + oldReserved - newReserved;
        plan.freePrbs = static_cast<uint32_t>(std::max<int64_t>(0, free));
    }
}

void
NrGnbNetDevice::AssignOccasions(bool strict)
{
    // An occasion offset o of period P is usable if some TTI o + kP of one common period of the
    // pattern and P has what it needs (a PUCCH for SR, a PUSCH for a configured grant).
    const uint64_t patternTtis = m_grid->GetPeriodTtis();
    auto usable = [&](uint64_t period, uint64_t offset, bool pusch) {
        const uint64_t common = std::lcm(patternTtis, period);
        for (uint64_t tti = offset; tti < common; tti += period)
        {
            if (pusch ? GetUlDataSymbols(tti) > 0 : m_grid->GetUlSymbols(tti) > 0)
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
        std::count_if(m_ues.begin(), m_ues.end(), [](const UeContext& c) { return c.member; }));
    m_srPeriod = NrSrResources::ChoosePeriod(members,
                                             m_pucchSrPrbs * NrSrResources::PER_PRB,
                                             m_srPeriodicity,
                                             srOffsets);
    const std::vector<uint64_t> srUsable = srOffsets(m_srPeriod);
    NS_ABORT_MSG_IF(srUsable.empty(),
                    "NrGnbNetDevice: no TTI of SR period " << m_srPeriod << " has a PUCCH");
    uint32_t member = 0;
    for (auto& ctx : m_ues)
    {
        // Members take the offsets in turn, so no offset holds more UEs than its resources.
        ctx.srOffset = srUsable[(ctx.member ? member++ : 0) % srUsable.size()];
    }

    if (m_ulAccess != UL_CONFIGURED)
    {
        return;
    }
    std::vector<uint64_t> offsets;
    for (uint64_t offset = 0; offset < m_cgPeriod; ++offset)
    {
        if (usable(m_cgPeriod, offset, true))
        {
            offsets.push_back(offset);
        }
    }
    NS_ABORT_MSG_IF(offsets.empty(),
                    "NrGnbNetDevice: no TTI of configured grant period " << m_cgPeriod
                                                                         << " has a PUSCH");
    m_cgReserved.assign(m_cgPeriod, 0);
    if (m_cgPrbs == 0)
    {
        // Share the carrier: UEs go round the usable offsets, and the UEs of one offset split
        // its PRBs equally.
        std::vector<uint32_t> count(m_cgPeriod, 0);
        uint32_t members = 0;
        for (uint32_t ue = 0; ue < m_ues.size(); ++ue)
        {
            m_ues[ue].cgPrbs = 0;
            if (m_ues[ue].member)
            {
                m_ues[ue].cgOffset = offsets[members++ % offsets.size()];
                ++count[m_ues[ue].cgOffset];
            }
        }
        for (uint32_t ue = 0; ue < m_ues.size(); ++ue)
        {
            if (!m_ues[ue].member)
            {
                continue; // a UE that left holds no configured grant here
            }
            const uint32_t prbs = m_prbs / count[m_ues[ue].cgOffset];
            if (prbs == 0 && !strict)
            {
                continue; // no room: the UE asks by scheduling request instead
            }
            NS_ABORT_MSG_IF(prbs == 0,
                            "NrGnbNetDevice: " << count[m_ues[ue].cgOffset]
                                               << " configured grants share one occasion of "
                                               << m_prbs << " PRBs; raise ConfiguredGrantPeriod");
            m_ues[ue].cgPrbs = prbs;
            m_cgReserved[m_ues[ue].cgOffset] += prbs;
        }
        return;
    }
    NS_ABORT_MSG_IF(m_cgPrbs > m_prbs,
                    "NrGnbNetDevice: ConfiguredGrantPrbs " << m_cgPrbs << " exceeds the carrier's "
                                                           << m_prbs << " PRBs");
    for (uint32_t ue = 0; ue < m_ues.size(); ++ue)
    {
        m_ues[ue].cgPrbs = 0;
        if (!m_ues[ue].member)
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
        if (m_cgReserved[best] + m_cgPrbs > m_prbs && !strict)
        {
            continue; // no room: the UE asks by scheduling request instead
        }
        NS_ABORT_MSG_IF(m_cgReserved[best] + m_cgPrbs > m_prbs,
                        "NrGnbNetDevice: " << m_ues.size() << " configured grants of " << m_cgPrbs
                                           << " PRBs do not fit in " << offsets.size()
                                           << " occasions of " << m_prbs
                                           << " PRBs; raise ConfiguredGrantPeriod");
        m_ues[ue].cgOffset = best;
        m_ues[ue].cgPrbs = m_cgPrbs;
        m_cgReserved[best] += m_cgPrbs;
    }
}

const NrTtiGrid&
NrGnbNetDevice::GetTtiGrid()
{
    EnsureConfigured();
    return *m_grid;
}

uint32_t
NrGnbNetDevice::GetPrbs()
{
    EnsureConfigured();
    return m_prbs;
}

Time
NrGnbNetDevice::GetUeDataPreparation(uint32_t ue)
{
    EnsureConfigured();
    return m_ues.at(ue).tproc2 / 2;
}

NrMacStats
NrGnbNetDevice::GetDlStats() const
{
    // Downlink packets are reassembled, and so counted, by the UEs: count the UEs this cell
    // serves now (a UE that handed over counts, with all it received, in its current cell).
    NrMacStats stats = m_dlStats;
    stats.deliveredPackets = 0;
    for (const auto& ctx : m_ues)
    {
        if (ctx.member && ctx.device->GetGnb() == this)
        {
            stats.deliveredPackets += ctx.device->GetDeliveredPackets();
        }
    }
    return stats;
}

NrMacStats
NrGnbNetDevice::GetUlStats() const
{
    return m_ulStats;
}

uint64_t
NrGnbNetDevice::GetTtiEvents() const
{
    return m_ttiEvents;
}

uint32_t
NrGnbNetDevice::GetSrPeriodicity()
{
    EnsureConfigured();
    return m_srPeriod;
}

uint32_t
NrGnbNetDevice::GetCoresetCces()
{
    EnsureConfigured();
    return NrPdcch::GetCces(m_coresetRbs, m_pdcchSymbols);
}

const NrPdcch&
NrGnbNetDevice::GetPdcch()
{
    EnsureConfigured();
    return m_pdcch;
}

bool
NrGnbNetDevice::AllocateDci(uint32_t ue, uint32_t cceLimit)
{
    const UeContext& ctx = m_ues[ue];
    // C-RNTI: the UE's index + 1 (TS 38.321 Table 7.1-1: C-RNTIs from 0001).
    return m_pdcch.Allocate(ue + 1,
                            m_channel->GetDlSinr(ctx.device->GetChannelIndex(), m_channelIndex),
                            cceLimit);
}

// ------------------------------------------------------------------------------------------
// Resource arithmetic

uint32_t
NrGnbNetDevice::GetDlDataSymbols(uint64_t tti) const
{
    return GetDlDataSymbols(*m_grid, tti);
}

uint32_t
NrGnbNetDevice::GetUlDataSymbols(uint64_t tti) const
{
    return GetUlDataSymbols(*m_grid, tti);
}

uint32_t
NrGnbNetDevice::GetDlDataSymbols(const NrTtiGrid& grid, uint64_t tti) const
{
    const uint32_t dl = grid.GetDlSymbols(tti);
    const uint32_t data = grid.IsMiniSlot() ? dl : (dl > m_pdcchSymbols ? dl - m_pdcchSymbols : 0);
    return SUBCARRIERS_PER_PRB * data > m_dmrsRePerPrb + m_overheadRePerPrb ? data : 0;
}

uint32_t
NrGnbNetDevice::GetUlDataSymbols(const NrTtiGrid& grid, uint64_t tti) const
{
    const uint32_t ul = grid.GetUlSymbols(tti);
    return SUBCARRIERS_PER_PRB * ul > m_dmrsRePerPrb + m_overheadRePerPrb ? ul : 0;
}

void
NrGnbNetDevice::CheckConfiguration(double bandwidthHz, bool fr2, uint32_t ues) const
{
    NS_LOG_FUNCTION(this << bandwidthHz << fr2 << ues);
    const NrTddPattern pattern = (m_tddPattern == "FDD" || m_tddPattern == "fdd")
                                     ? NrTddPattern::Fdd()
                                     : NrTddPattern::Parse(m_tddPattern, m_specialSlot);
    const NrTtiGrid grid(m_mu, pattern, m_miniSlotSymbols);
    const uint32_t prbs = NrMaxResourceBlocks(bandwidthHz, m_mu, fr2);
    NrMaxMcs(static_cast<NrMcsTableId>(m_mcsTable));
    if (m_dmrsRePerPrb + m_overheadRePerPrb >= SUBCARRIERS_PER_PRB * NrNumerology::SYMBOLS_PER_SLOT)
    {
        throw std::invalid_argument("DM-RS and overhead leave no resource element");
    }
    // Both directions need at least one usable TTI per period of the pattern.
    const uint64_t periodTtis = grid.GetPeriodTtis();
    bool dl = false;
    bool ul = false;
    for (uint64_t tti = 0; tti < periodTtis; ++tti)
    {
        dl = dl || GetDlDataSymbols(grid, tti) > 0;
        ul = ul || GetUlDataSymbols(grid, tti) > 0;
    }
    if (!dl || !ul)
    {
        throw std::invalid_argument("TDD pattern " + m_tddPattern + " with special slot " +
                                    m_specialSlot + " and " + std::to_string(m_miniSlotSymbols) +
                                    "-symbol mini-slots leaves no " + (dl ? "uplink" : "downlink") +
                                    " TTI that can carry data");
    }
    if (m_ulAccess != UL_CONFIGURED || ues == 0)
    {
        return;
    }
    // An occasion offset o of the grant period P is usable (AssignOccasions) when some TTI
    // o + kP carries a PUSCH; over the common period those TTIs are the pattern's TTIs congruent
    // to o modulo gcd(P, pattern period).
    const uint64_t g = std::gcd<uint64_t>(m_cgPeriod, periodTtis);
    std::vector<bool> residue(g, false);
    for (uint64_t tti = 0; tti < periodTtis; ++tti)
    {
        residue[tti % g] = residue[tti % g] || GetUlDataSymbols(grid, tti) > 0;
    }
    uint64_t offsets = 0;
    for (uint64_t offset = 0; offset < m_cgPeriod; ++offset)
    {
        offsets += residue[offset % g] ? 1 : 0;
    }
    const std::string fit = std::to_string(ues) + " configured grants do not fit in " +
                            std::to_string(offsets) + " occasions of " + std::to_string(prbs) +
                            " PRBs; raise ConfiguredGrantPeriod";
    if (m_cgPrbs == 0)
    {
        // UEs go round the offsets and share an offset's PRBs equally: each needs one.
        if ((ues + offsets - 1) / offsets > prbs)
        {
            throw std::invalid_argument(fit);
        }
        return;
    }
    if (m_cgPrbs > prbs)
    {
        throw std::invalid_argument("ConfiguredGrantPrbs " + std::to_string(m_cgPrbs) +
                                    " exceeds the carrier's " + std::to_string(prbs) + " PRBs");
    }
    if (ues > offsets * (prbs / m_cgPrbs))
    {
        throw std::invalid_argument(fit);
    }
}

uint32_t
NrGnbNetDevice::GetTbs(uint32_t symbols, uint32_t prbs, uint8_t mcs, uint32_t layers) const
{
    // Symbols <= 14, PRBs <= 275, MCS <= 31, layers <= 4: a unique key in 32 bits.
    const uint64_t key = ((static_cast<uint64_t>(symbols) * 512 + prbs) * 32 + mcs) * 8 + layers;
    auto cached = m_tbsCache.find(key);
    if (cached != m_tbsCache.end())
    {
        return cached->second;
    }
    const NrMcsEntry& entry = NrGetMcs(m_mcsTableId, mcs);
    NrTbsInput in;
    in.symbols = symbols;
    in.dmrsRePerPrb = m_dmrsRePerPrb;
    in.overheadRePerPrb = m_overheadRePerPrb;
    in.modulationOrder = entry.modulationOrder;
    in.codeRateX1024 = entry.codeRateX1024;
    in.layers = layers;
    in.scaling = 1.0;
    in.prbs = prbs;
    const uint32_t tbs = NrTransportBlockSize(in);
    m_tbsCache.emplace(key, tbs);
    return tbs;
}

uint32_t
NrGnbNetDevice::GetPrbsFor(uint64_t bits, uint32_t symbols, uint8_t mcs, uint32_t layers) const
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

bool
NrGnbNetDevice::DrawDecoded(double sinr, uint8_t mcs, uint32_t tbsBits)
{
    const double bler = m_fixedBler >= 0.0
                            ? m_fixedBler
                            : NrErrorModel::GetBler(sinr, NrGetMcs(m_mcsTableId, mcs), tbsBits);
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
NrGnbNetDevice::FindPucchTti(Time t, uint64_t period, uint64_t offset) const
{
    // A TTI that starts before t may still have its last symbol after it.
    uint64_t tti = m_grid->GetTtiAtOrAfter(t);
    tti = tti > 0 ? tti - 1 : 0;
    while (m_grid->GetUlSymbols(tti) == 0 || tti % period != offset ||
           m_grid->GetLastSymbolStart(tti) < t)
    {
        ++tti;
    }
    return tti;
}

uint64_t
NrGnbNetDevice::FindPuschTti(Time t) const
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
NrGnbNetDevice::NextPuschTti(uint64_t tti) const
{
    do
    {
        ++tti;
    } while (GetUlDataSymbols(tti) == 0);
    return tti;
}

bool
NrGnbNetDevice::HasPusch(uint64_t tti, uint32_t ue) const
{
    auto it = m_ulPlans.find(tti);
    return it != m_ulPlans.end() && std::any_of(it->second.grants.begin(),
                                                it->second.grants.end(),
                                                [ue](const UlGrant& g) { return g.ue == ue; });
}

uint32_t
NrGnbNetDevice::GetUlFreePrbs(uint64_t tti) const
{
    auto it = m_ulPlans.find(tti);
    if (it != m_ulPlans.end())
    {
        return it->second.freePrbs;
    }
    return m_ulAccess == UL_CONFIGURED ? m_prbs - m_cgReserved[tti % m_cgPeriod] : m_prbs;
}

// ------------------------------------------------------------------------------------------
// Slot engine

bool
NrGnbNetDevice::NeedsDl(uint32_t ue) const
{
    const UeContext& ctx = m_ues[ue];
    return !ctx.dlBuffer.IsEmpty() || ctx.dlHarq.HasPendingRetransmission();
}

bool
NrGnbNetDevice::NeedsUl(uint32_t ue) const
{
    const UeContext& ctx = m_ues[ue];
    return ctx.ulNeed > 0 || ctx.ulHarq.HasPendingRetransmission() ||
           (m_ulAccess == UL_CONFIGURED && ctx.cgPrbs > 0 && ctx.device->HasUlData());
}

bool
NrGnbNetDevice::HasWork() const
{
    return !m_dlActive.empty() || !m_ulActive.empty() || !m_ulPlans.empty();
}

void
NrGnbNetDevice::Wake()
{
    if (m_inTti || m_ttiPending)
    {
        return;
    }
    EnsureConfigured();
    const Time now = Simulator::Now();
    const uint64_t tti = std::max(m_nextTti, m_grid->GetTtiAtOrAfter(now));
    m_nextTti = tti;
    NS_LOG_LOGIC("waking at TTI " << tti);
    m_ttiPending = true;
    Simulator::ScheduleWithContext(m_node->GetId(),
                                   m_grid->GetStart(tti) - now,
                                   &NrGnbNetDevice::ProcessTti,
                                   this);
}

void
NrGnbNetDevice::ProcessTti()
{
    const uint64_t tti = m_nextTti++;
    const Time now = Simulator::Now();
    NS_ASSERT(now == m_grid->GetStart(tti));
    NS_LOG_FUNCTION(this << tti);
    m_ttiPending = false;
    if (m_shutDown)
    {
        return;
    }
    m_inTti = true;
    ++m_ttiEvents;
    m_ttiDlPrbs = 0;
    const uint32_t dlSymbols = m_grid->GetDlSymbols(tti);
    if (dlSymbols > 0)
    {
        // The TTI's PDCCH: a full slot's CORESET, or one symbol of a mini-slot.
        const uint32_t coresetSymbols =
            m_grid->IsMiniSlot() ? 1 : std::min(m_pdcchSymbols, dlSymbols);
        const uint32_t slotsPerFrame = 10u << m_mu;
        m_pdcch.StartOccasion(m_grid->GetSlot(tti) % slotsPerFrame,
                              NrPdcch::GetCces(m_coresetRbs, coresetSymbols));
    }
    // Uplink grants first, leaving a CCE for each downlink UE waiting, up to half the CORESET:
    // neither direction can take the whole PDCCH from the other.
    if (dlSymbols > 0 && !m_ulActive.empty())
    {
        ScheduleUlGrants(tti);
    }
    if (GetDlDataSymbols(tti) > 0)
    {
        ScheduleDl(tti);
    }
    if (dlSymbols > 0)
    {
        m_pdcchTrace(tti, m_pdcch.GetDcis(), m_pdcch.GetUsedCces(), m_pdcch.GetCces());
    }
    if (GetUlDataSymbols(tti) > 0 && (m_ulPlans.count(tti) > 0 || m_ulAccess == UL_CONFIGURED))
    {
        ScheduleRunUl(tti);
    }
    m_inTti = false;
    m_dlTtiTrace(tti, m_ttiDlPrbs, m_prbs);
    if (HasWork())
    {
        m_ttiPending = true;
        Simulator::Schedule(m_grid->GetStart(tti + 1) - now, &NrGnbNetDevice::ProcessTti, this);
    }
    else
    {
        NS_LOG_LOGIC("idle after TTI " << tti);
        m_channel->SetDlActivity(m_channelIndex, 0.0);
    }
}

void
NrGnbNetDevice::ScheduleRunUl(uint64_t tti)
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
    const Time ulStart = m_grid->GetUlStart(tti);
    if (ulStart == now)
    {
        RunUl(tti);
    }
    else
    {
        Simulator::ScheduleWithContext(m_node->GetId(),
                                       ulStart - now,
                                       &NrGnbNetDevice::RunUl,
                                       this,
                                       tti);
    }
}

void
NrGnbNetDevice::ScheduleDl(uint64_t tti)
{
    const Time now = Simulator::Now();
    const uint32_t symbols = GetDlDataSymbols(tti);
    uint32_t free = m_prbs;
    std::vector<NrUeDemand> demands;
    std::vector<uint8_t> mcsOf;
    for (uint32_t ue : m_dlActive)
    {
        UeContext& ctx = m_ues[ue];
        // HARQ retransmissions first, with the block's MCS and size (one PDSCH per UE per TTI).
        ctx.dlHarq.GetRetransmissionsDue(now, m_scratchDue);
        if (!m_scratchDue.empty())
        {
            const uint32_t process = m_scratchDue.front();
            const NrTransportBlock& tb = ctx.dlHarq.GetTransportBlock(process);
            const uint32_t prbs = GetPrbsFor(tb.tbsBits, symbols, tb.mcs, m_dlLayers);
            if (prbs <= free && GetTbs(symbols, prbs, tb.mcs, m_dlLayers) >= tb.tbsBits &&
                AllocateDci(ue, m_pdcch.GetCces()))
            {
                free -= prbs;
                ctx.dlHarq.MarkScheduled(process);
                TransmitDl(ue, process, prbs, tti);
            }
            continue;
        }
        if (ctx.dlHarq.CountFreeProcesses(now) == 0)
        {
            continue;
        }
        const uint64_t bytes = ctx.dlBuffer.GetReadyBytes(now);
        if (bytes == 0)
        {
            continue;
        }
        const double sinr = m_channel->GetDlSinr(ctx.device->GetChannelIndex(), m_channelIndex);
        const uint8_t mcs = NrLinkAdaptation::SinrToMcs(sinr, m_mcsTableId);
        NrUeDemand demand;
        demand.ue = ue;
        demand.prbsNeeded = GetPrbsFor(bytes * 8, symbols, mcs, m_dlLayers);
        demand.bitsPerPrb = NrGetMcs(m_mcsTableId, mcs).spectralEfficiency *
                            (SUBCARRIERS_PER_PRB * symbols - m_dmrsRePerPrb - m_overheadRePerPrb) *
                            m_dlLayers;
        demands.push_back(demand);
        mcsOf.push_back(mcs);
    }
    if (!demands.empty() && free > 0)
    {
        const std::vector<uint32_t> given =
            m_dlScheduler->Allocate(demands, free, tti, [&](std::size_t i) {
                return AllocateDci(demands[i].ue, m_pdcch.GetCces());
            });
        for (std::size_t i = 0; i < demands.size(); ++i)
        {
            if (given[i] == 0)
            {
                continue;
            }
            UeContext& ctx = m_ues[demands[i].ue];
            NrTransportBlock tb;
            tb.ue = demands[i].ue;
            tb.mcs = mcsOf[i];
            tb.prbs = given[i];
            tb.tbsBits = GetTbs(symbols, given[i], mcsOf[i], m_dlLayers);
            tb.firstTti = tti;
            tb.segments = ctx.dlBuffer.Fill(tb.tbsBits / 8, now);
            if (tb.segments.empty())
            {
                continue; // too small for a byte of data: leave the PRBs unused
            }
            free -= given[i];
            const uint32_t process = ctx.dlHarq.Start(std::move(tb), now);
            TransmitDl(demands[i].ue, process, given[i], tti);
        }
    }
    m_ttiDlPrbs = m_prbs - free;
    m_channel->SetDlActivity(m_channelIndex, static_cast<double>(m_prbs - free) / m_prbs);
    for (auto it = m_dlActive.begin(); it != m_dlActive.end();)
    {
        it = NeedsDl(*it) ? std::next(it) : m_dlActive.erase(it);
    }
}

void
NrGnbNetDevice::TransmitDl(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti)
{
    const Time now = Simulator::Now();
    UeContext& ctx = m_ues[ue];
    NrTransportBlock& tb = ctx.dlHarq.GetTransportBlock(process);
    tb.prbs = prbs;
    const double sinr = m_channel->GetDlSinr(ctx.device->GetChannelIndex(), m_channelIndex);
    const double combined = ctx.dlHarq.AddTransmission(process, sinr);
    const uint8_t attempt = ctx.dlHarq.GetTransmissions(process);
    const bool ok = DrawDecoded(combined, tb.mcs, tb.tbsBits);

    // The UE decodes t_UE,rx = Tproc,1/2 after the PDSCH; its HARQ-ACK goes on the first PUCCH
    // at least Tproc,1 after the PDSCH (TS 38.213 clause 9.2.3); the gNB decodes that in
    // Tproc,2/2 and prepares a retransmission in t_BS,tx = Tproc,2/2.
    const Time dataEnd = m_grid->GetDlEnd(tti);
    const Time decodedAt = dataEnd + ctx.tproc1 / 2;
    const uint64_t pucch = FindPucchTti(dataEnd + ctx.tproc1);
    const Time feedbackKnownAt = m_grid->GetEnd(pucch) + ctx.tproc2 / 2;
    const Time retxEligibleAt = feedbackKnownAt + ctx.tproc2 / 2;

    ++m_dlStats.transmissions;
    m_dlStats.retransmissions += attempt > 1 ? 1 : 0;
    m_dlStats.failedTransmissions += ok ? 0 : 1;
    NS_LOG_LOGIC("DL TTI " << tti << " UE " << ue << " MCS " << +tb.mcs << " PRBs " << prbs
                           << " TBS " << tb.tbsBits << " attempt " << +attempt
                           << (ok ? " ok" : " failed"));
    m_dlTbTrace(ue, tb.mcs, prbs, tb.tbsBits, attempt, ok);

    std::vector<NrTbSegment> segments = tb.segments;
    const uint32_t tbsBits = tb.tbsBits;
    switch (ctx.dlHarq.Conclude(process, ok, feedbackKnownAt, retxEligibleAt))
    {
    case NrHarqEntity::Outcome::ACKED:
        ++m_dlStats.decodedBlocks;
        m_dlStats.decodedBits += tbsBits;
        Simulator::ScheduleWithContext(ctx.device->GetNode()->GetId(),
                                       decodedAt - now,
                                       &NrGnbNetDevice::DeliverDl,
                                       this,
                                       ue,
                                       ctx.epoch,
                                       std::move(segments),
                                       true);
        break;
    case NrHarqEntity::Outcome::DROPPED:
        ++m_dlStats.droppedBlocks;
        for (const auto& s : segments)
        {
            m_dlStats.droppedBytes += s.bytes;
        }
        Simulator::ScheduleWithContext(ctx.device->GetNode()->GetId(),
                                       decodedAt - now,
                                       &NrGnbNetDevice::DeliverDl,
                                       this,
                                       ue,
                                       ctx.epoch,
                                       std::move(segments),
                                       false);
        break;
    case NrHarqEntity::Outcome::RETRANSMIT:
        break;
    }
}

NrGnbNetDevice::UlPlan&
NrGnbNetDevice::GetUlPlan(uint64_t tti)
{
    auto it = m_ulPlans.find(tti);
    if (it != m_ulPlans.end())
    {
        return it->second;
    }
    UlPlan& plan = m_ulPlans[tti];
    plan.freePrbs = m_prbs;
    if (m_ulAccess == UL_CONFIGURED)
    {
        // Configured grants own their PRBs whether or not their UEs use them.
        plan.freePrbs -= m_cgReserved[tti % m_cgPeriod];
    }
    return plan;
}

void
NrGnbNetDevice::ScheduleUlGrants(uint64_t tti)
{
    const Time now = Simulator::Now();
    // The DCI sits in the TTI's first symbol; the PUSCH it schedules may start no earlier than
    // Tproc,2 after its end (TS 38.214 clause 6.4), and at most K2 = 32 slots after the PDCCH's
    // slot (TS 38.214 clause 6.1.2.1).
    const Time pdcchEnd = m_grid->GetFirstSymbolEnd(tti);
    const uint64_t lastSlot = m_grid->GetSlot(tti) + MAX_K2_SLOTS;
    // Downlink UEs waiting keep at least one CCE each, up to half the CORESET, for their DCIs.
    const uint32_t dlReserve =
        std::min<uint32_t>(m_pdcch.GetCces() / 2, static_cast<uint32_t>(m_dlActive.size()));
    const uint32_t cceLimit = m_pdcch.GetCces() - dlReserve;
    std::map<uint64_t, std::vector<uint32_t>> newData; // PUSCH TTI -> UEs
    // UEs of the same capability share Tproc,2 and so the first PUSCH TTI: find it once per
    // value.
    Time lastTproc2 = Time::Max();
    uint64_t lastFirst = 0;
    for (uint32_t ue : m_ulActive)
    {
        UeContext& ctx = m_ues[ue];
        if (ctx.tproc2 != lastTproc2)
        {
            lastTproc2 = ctx.tproc2;
            lastFirst = FindPuschTti(pdcchEnd + ctx.tproc2);
        }
        const uint64_t first = lastFirst;
        // Each grant goes to the earliest reachable uplink TTI that can take it, not only to
        // the first: in a TDD pattern such as DDDSU at mu >= 2 the first PUSCH every PDCCH of a
        // period reaches is the same S slot, and the U slot would never be granted. One PUSCH
        // per UE per TTI.
        ctx.ulHarq.GetRetransmissionsDue(now, m_scratchDue);
        if (!m_scratchDue.empty())
        {
            const uint32_t process = m_scratchDue.front();
            const NrTransportBlock& tb = ctx.ulHarq.GetTransportBlock(process);
            for (uint64_t target = first; m_grid->GetSlot(target) <= lastSlot;
                 target = NextPuschTti(target))
            {
                if (HasPusch(target, ue))
                {
                    continue;
                }
                const uint32_t symbols = GetUlDataSymbols(target);
                const uint32_t prbs = GetPrbsFor(tb.tbsBits, symbols, tb.mcs, m_ulLayers);
                // A dynamic grant replaces the UE's own configured grant in that TTI (TS 38.321
                // clause 5.4.1), so it may reuse those PRBs.
                const uint32_t own =
                    (m_ulAccess == UL_CONFIGURED && target % m_cgPeriod == ctx.cgOffset)
                        ? ctx.cgPrbs
                        : 0;
                const uint32_t shared = prbs > own ? prbs - own : 0;
                if (shared <= GetUlFreePrbs(target) &&
                    GetTbs(symbols, prbs, tb.mcs, m_ulLayers) >= tb.tbsBits)
                {
                    if (!AllocateDci(ue, cceLimit))
                    {
                        break; // no room on this PDCCH: the next one
                    }
                    UlPlan& plan = GetUlPlan(target);
                    plan.freePrbs -= shared;
                    plan.grants.push_back(
                        {ue, static_cast<int32_t>(process), prbs, tb.mcs, tb.tbsBits});
                    ctx.ulHarq.MarkScheduled(process);
                    break;
                }
            }
            continue;
        }
        if (ctx.ulNeed > 0 && ctx.ulEligibleAt <= now &&
            ctx.ulHarq.CountFreeProcesses(now) > ctx.grantsOutstanding)
        {
            for (uint64_t target = first; m_grid->GetSlot(target) <= lastSlot;
                 target = NextPuschTti(target))
            {
                if (!HasPusch(target, ue) && GetUlFreePrbs(target) > 0)
                {
                    newData[target].push_back(ue);
                    break;
                }
            }
        }
    }

    for (const auto& [target, ues] : newData)
    {
        UlPlan& plan = GetUlPlan(target);
        if (plan.freePrbs == 0)
        {
            continue; // nothing left to give in that TTI: the UEs ask again in the next one
        }
        const uint32_t symbols = GetUlDataSymbols(target);
        std::vector<NrUeDemand> demands;
        std::vector<uint8_t> mcsOf;
        for (uint32_t ue : ues)
        {
            const UeContext& ctx = m_ues[ue];
            // Whole-carrier SINR: the lowest the UE can have, so the PRB need is not
            // underestimated; the MCS is raised below for the PRBs actually given.
            const double sinr = m_channel->GetUlSinr(ctx.device->GetChannelIndex(), m_channelIndex);
            const uint8_t mcs = NrLinkAdaptation::SinrToMcs(sinr, m_mcsTableId);
            NrUeDemand demand;
            demand.ue = ue;
            demand.prbsNeeded =
                GetPrbsFor((ctx.ulNeed + SHORT_BSR_BYTES) * 8, symbols, mcs, m_ulLayers);
            // Power headroom: without power control the UE spreads its full power over the PRBs
            // it gets, so its SINR falls as 1/PRBs. Never grant more PRBs than keep it at or
            // above MCS 0's 10 % BLER point, or no attempt can decode; a UE that cannot close
            // even one PRB gets one (it is out of coverage, and its blocks fail as they should).
            const double closable = std::floor(m_prbs * sinr / m_ulMinSinr);
            const uint32_t headroomPrbs =
                closable < 1.0 ? 1u : static_cast<uint32_t>(std::min<double>(closable, m_prbs));
            demand.prbsNeeded = std::min(demand.prbsNeeded, headroomPrbs);
            // A need guessed from an SR (SrGrantBytes) is not data the gNB knows of: when more
            // UEs ask than the TTI can give their guesses, each gets at most an equal share of
            // the free PRBs, enough for its BSR and the start of its data, rather than a few UEs
            // getting padding-filled grants while the others wait a TTI.
            if (ctx.ulNeedGuessed)
            {
                demand.prbsNeeded = std::min(
                    demand.prbsNeeded,
                    std::max<uint32_t>(1, plan.freePrbs / static_cast<uint32_t>(ues.size())));
            }
            demand.bitsPerPrb =
                NrGetMcs(m_mcsTableId, mcs).spectralEfficiency *
                (SUBCARRIERS_PER_PRB * symbols - m_dmrsRePerPrb - m_overheadRePerPrb) * m_ulLayers;
            demands.push_back(demand);
            mcsOf.push_back(mcs);
        }
        if (plan.freePrbs == 0)
        {
            continue;
        }
        const std::vector<uint32_t> given =
            m_ulScheduler->Allocate(demands, plan.freePrbs, tti, [&](std::size_t i) {
                return AllocateDci(demands[i].ue, cceLimit);
            });
        for (std::size_t i = 0; i < demands.size(); ++i)
        {
            if (given[i] == 0)
            {
                continue;
            }
            UeContext& ctx = m_ues[demands[i].ue];
            // Without power control the UE puts its full power into the PRBs it gets.
            const double sinr = m_channel->GetUlSinr(ctx.device->GetChannelIndex(),
                                                     m_channelIndex,
                                                     static_cast<double>(given[i]) / m_prbs);
            const uint8_t mcs = std::max(mcsOf[i], NrLinkAdaptation::SinrToMcs(sinr, m_mcsTableId));
            const uint32_t tbs = GetTbs(symbols, given[i], mcs, m_ulLayers);
            if (tbs / 8 <= SHORT_BSR_BYTES)
            {
                continue;
            }
            plan.freePrbs -= given[i];
            plan.grants.push_back({demands[i].ue, -1, given[i], mcs, tbs});
            const uint64_t payload = tbs / 8 - SHORT_BSR_BYTES;
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
            // Kept in PUSCH order, which a buffer status report relies on.
            const auto at =
                std::upper_bound(ctx.grants.begin(),
                                 ctx.grants.end(),
                                 target,
                                 [](uint64_t t, const GrantRecord& g) { return t < g.tti; });
            ctx.grants.insert(at, {target, payload});
            NS_LOG_LOGIC("TTI " << tti << " grants UE " << demands[i].ue << " " << given[i]
                                << " PRBs MCS " << +mcs << " in TTI " << target);
        }
    }
    for (auto it = m_ulActive.begin(); it != m_ulActive.end();)
    {
        it = NeedsUl(*it) ? std::next(it) : m_ulActive.erase(it);
    }
}

void
NrGnbNetDevice::RunUl(uint64_t tti)
{
    if (m_shutDown)
    {
        return;
    }
    const Time now = Simulator::Now();
    NS_LOG_FUNCTION(this << tti);
    std::vector<uint32_t> dynamic;
    uint32_t usedPrbs = 0; // for the UlTti trace
    auto planIt = m_ulPlans.find(tti);
    if (planIt != m_ulPlans.end())
    {
        const std::vector<UlGrant> grants = std::move(planIt->second.grants);
        m_ulPlans.erase(planIt);
        for (const UlGrant& g : grants)
        {
            dynamic.push_back(g.ue);
            UeContext& ctx = m_ues[g.ue];
            usedPrbs += g.prbs;
            if (g.process >= 0)
            {
                TransmitUl(g.ue, static_cast<uint32_t>(g.process), g.prbs, tti);
                continue;
            }
            // Free processes only become busy through Start(), and a new-data grant needs a
            // process free at grant time beyond those promised to earlier grants.
            NS_ABORT_MSG_IF(ctx.ulHarq.CountFreeProcesses(now) == 0,
                            "NrGnbNetDevice: no uplink HARQ process for a granted PUSCH");
            --ctx.grantsOutstanding;
            NrTransportBlock tb;
            tb.ue = g.ue;
            tb.mcs = g.mcs;
            tb.prbs = g.prbs;
            tb.tbsBits = g.tbsBits;
            tb.firstTti = tti;
            tb.segments = ctx.device->FillUlTransportBlock(g.tbsBits / 8 - SHORT_BSR_BYTES, now);
            // The short BSR reports what is left (TS 38.321 clause 5.4.5); sending it cancels a
            // pending SR (clause 5.4.4).
            tb.bufferStatus = ctx.device->GetUlPendingBytes();
            tb.hasBufferStatus = true;
            ctx.gnbKnowsData = tb.bufferStatus > 0;
            ctx.srPending = false;
            ctx.lastPuschTti = tti;
            const uint32_t process = ctx.ulHarq.Start(std::move(tb), now);
            TransmitUl(g.ue, process, g.prbs, tti);
        }
    }
    if (m_ulAccess == UL_CONFIGURED)
    {
        const uint32_t symbols = GetUlDataSymbols(tti);
        const std::vector<uint32_t> active(m_ulActive.begin(), m_ulActive.end());
        for (uint32_t ue : active)
        {
            UeContext& ctx = m_ues[ue];
            if (ctx.cgPrbs == 0 || tti % m_cgPeriod != ctx.cgOffset ||
                std::find(dynamic.begin(), dynamic.end(), ue) != dynamic.end() ||
                ctx.device->GetUlReadyBytes(now) == 0 || ctx.ulHarq.CountFreeProcesses(now) == 0)
            {
                continue; // a dynamic grant overrides the configured one (TS 38.321 cl. 5.4.1)
            }
            const double sinr = m_channel->GetUlSinr(ctx.device->GetChannelIndex(),
                                                     m_channelIndex,
                                                     static_cast<double>(ctx.cgPrbs) / m_prbs);
            NrTransportBlock tb;
            tb.ue = ue;
            tb.mcs = NrLinkAdaptation::SinrToMcs(sinr, m_mcsTableId);
            tb.prbs = ctx.cgPrbs;
            tb.tbsBits = GetTbs(symbols, ctx.cgPrbs, tb.mcs, m_ulLayers);
            tb.firstTti = tti;
            tb.segments = ctx.device->FillUlTransportBlock(tb.tbsBits / 8, now);
            if (tb.segments.empty())
            {
                continue;
            }
            const uint32_t process = ctx.ulHarq.Start(std::move(tb), now);
            usedPrbs += ctx.cgPrbs;
            TransmitUl(ue, process, ctx.cgPrbs, tti);
        }
    }
    m_ulTtiTrace(tti, std::min(usedPrbs, m_prbs), m_prbs);
    for (auto it = m_ulActive.begin(); it != m_ulActive.end();)
    {
        it = NeedsUl(*it) ? std::next(it) : m_ulActive.erase(it);
    }
    if (HasWork())
    {
        Wake(); // the TTI events may have stopped while this PUSCH was pending
    }
}

void
NrGnbNetDevice::TransmitUl(uint32_t ue, uint32_t process, uint32_t prbs, uint64_t tti)
{
    const Time now = Simulator::Now();
    UeContext& ctx = m_ues[ue];
    NrTransportBlock& tb = ctx.ulHarq.GetTransportBlock(process);
    tb.prbs = prbs;
    const double sinr = m_channel->GetUlSinr(ctx.device->GetChannelIndex(),
                                             m_channelIndex,
                                             static_cast<double>(prbs) / m_prbs);
    const double combined = ctx.ulHarq.AddTransmission(process, sinr);
    const uint8_t attempt = ctx.ulHarq.GetTransmissions(process);
    const bool ok = DrawDecoded(combined, tb.mcs, tb.tbsBits);

    // The gNB decodes the PUSCH in t_BS,rx = Tproc,1/2; after a failure it prepares the
    // retransmission grant in Tproc,1/2.
    const Time decodedAt = m_grid->GetEnd(tti) + ctx.tproc1 / 2;
    const Time retxEligibleAt = decodedAt + ctx.tproc1 / 2;

    ++m_ulStats.transmissions;
    m_ulStats.retransmissions += attempt > 1 ? 1 : 0;
    m_ulStats.failedTransmissions += ok ? 0 : 1;
    NS_LOG_LOGIC("UL TTI " << tti << " UE " << ue << " MCS " << +tb.mcs << " PRBs " << prbs
                           << " TBS " << tb.tbsBits << " attempt " << +attempt
                           << (ok ? " ok" : " failed"));
    m_ulTbTrace(ue, tb.mcs, prbs, tb.tbsBits, attempt, ok);

    NrTransportBlock copy = tb;
    switch (ctx.ulHarq.Conclude(process, ok, decodedAt, retxEligibleAt))
    {
    case NrHarqEntity::Outcome::ACKED:
        ++m_ulStats.decodedBlocks;
        m_ulStats.decodedBits += copy.tbsBits;
        Simulator::Schedule(decodedAt - now,
                            &NrGnbNetDevice::ReceiveUlTransportBlock,
                            this,
                            ue,
                            ctx.epoch,
                            std::move(copy));
        break;
    case NrHarqEntity::Outcome::DROPPED:
        ++m_ulStats.droppedBlocks;
        for (const auto& s : copy.segments)
        {
            m_ulStats.droppedBytes += s.bytes;
        }
        Simulator::Schedule(decodedAt - now,
                            &NrGnbNetDevice::DropUlTransportBlock,
                            this,
                            ue,
                            ctx.epoch,
                            std::move(copy));
        break;
    case NrHarqEntity::Outcome::RETRANSMIT:
        m_ulActive.insert(ue);
        break;
    }
}

void
NrGnbNetDevice::ReceiveUlTransportBlock(uint32_t ue, uint32_t epoch, NrTransportBlock tb)
{
    if (m_shutDown)
    {
        return;
    }
    NS_LOG_FUNCTION(this << ue << tb.firstTti);
    UeContext& ctx = m_ues[ue];
    if (epoch != ctx.epoch)
    {
        // The UE left after sending the block: it was decoded before the release, but the
        // source's RLC entity that would reassemble it is gone.
        return;
    }
    const Address from = ctx.device->GetAddress();
    for (Ptr<Packet> packet : ctx.ulRx.Receive(tb.segments))
    {
        ++m_ulStats.deliveredPackets;
        m_macRxTrace(packet);
        if (!m_promiscCallback.IsNull())
        {
            m_promiscCallback(this, packet, IPV4_PROTOCOL, from, m_address, NetDevice::PACKET_HOST);
        }
        m_rxCallback(this, packet, IPV4_PROTOCOL, from);
    }
    if (!tb.hasBufferStatus || (ctx.hasBsr && tb.firstTti < ctx.lastBsrTti))
    {
        return; // no report, or older than one already applied
    }
    // The report counts what the UE held after building this block; grants for later PUSCHs
    // (sent or not yet) will carry part of it.
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
    if (ctx.ulNeedGuessed && m_grid->GetUlStart(tb.firstTti) <= ctx.srTriggeredAt)
    {
        // The report was built before the UE's latest SR, which announced data it did not
        // count (a HARQ retransmission delivered it late): it must not cancel that SR, or the
        // UE, whose SR is still pending, would never ask again.
        ctx.ulNeed = std::max<uint64_t>(ctx.ulNeed, need);
        if (ctx.ulNeed > 0)
        {
            m_ulActive.insert(ue);
            Wake();
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
        m_ulActive.insert(ue);
        Wake();
    }
}

void
NrGnbNetDevice::DropUlTransportBlock(uint32_t ue, uint32_t epoch, NrTransportBlock tb)
{
    if (m_shutDown)
    {
        return;
    }
    NS_LOG_FUNCTION(this << ue << tb.firstTti);
    UeContext& ctx = m_ues[ue];
    if (epoch != ctx.epoch)
    {
        return;
    }
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

void
NrGnbNetDevice::NotifyUlData(uint32_t ue)
{
    EnsureConfigured();
    UeContext& ctx = m_ues.at(ue);
    if (!ctx.connected)
    {
        return; // the UE tells the target cell once it is connected there
    }
    if (m_ulAccess == UL_CONFIGURED && ctx.cgPrbs > 0)
    {
        m_ulActive.insert(ue);
        Wake();
        // The TTI under way may still have its uplink symbols ahead (a special slot): its
        // configured grant occasion is still reachable.
        const Time now = Simulator::Now();
        const uint64_t next = m_grid->GetTtiAtOrAfter(now);
        if (next > 0 && GetUlDataSymbols(next - 1) > 0 && m_grid->GetUlStart(next - 1) >= now)
        {
            ScheduleRunUl(next - 1);
        }
        return;
    }
    // An SR is triggered only if nothing already tells the gNB about the data: no SR on its
    // way, no report of a non-empty buffer, no grant still to be used (TS 38.321 clause 5.4.4).
    if (ctx.srPending || ctx.gnbKnowsData || ctx.grantsOutstanding > 0)
    {
        return;
    }
    StartSchedulingRequest(ue);
}

void
NrGnbNetDevice::StartSchedulingRequest(uint32_t ue)
{
    UeContext& ctx = m_ues[ue];
    ctx.srPending = true;
    const Time now = Simulator::Now();
    ctx.srTriggeredAt = now;
    // The UE prepares the SR (control preparation, Tproc,1/2) and sends it on the last symbol
    // of its next SR occasion; the gNB decodes it in Tproc,2/2.
    const uint64_t occasion = FindPucchTti(now + ctx.tproc1 / 2, m_srPeriod, ctx.srOffset);
    const Time decodedAt = m_grid->GetEnd(occasion) + ctx.tproc2 / 2;
    NS_LOG_LOGIC("UE " << ue << " SR in TTI " << occasion);
    Simulator::ScheduleWithContext(m_node->GetId(),
                                   decodedAt - now,
                                   &NrGnbNetDevice::ReceiveSchedulingRequest,
                                   this,
                                   ue,
                                   ctx.epoch);
}

void
NrGnbNetDevice::ReceiveSchedulingRequest(uint32_t ue, uint32_t epoch)
{
    if (m_shutDown)
    {
        return;
    }
    NS_LOG_FUNCTION(this << ue);
    UeContext& ctx = m_ues[ue];
    if (epoch != ctx.epoch)
    {
        return;
    }
    if (ctx.ulNeed == 0)
    {
        ctx.ulEligibleAt = Simulator::Now() + ctx.tproc1 / 2; // grant preparation
    }
    if (ctx.ulNeed < m_srGrantBytes)
    {
        ctx.ulNeed = m_srGrantBytes;
        ctx.ulNeedGuessed = true;
    }
    m_ulActive.insert(ue);
    Wake();
}

bool
NrGnbNetDevice::EnqueueDl(uint32_t ue, Ptr<Packet> packet, bool traced)
{
    UeContext& ctx = m_ues[ue];
    // t_BS,tx = Tproc,2/2: the gNB prepares the data before it can be scheduled.
    if (!ctx.dlBuffer.Enqueue(packet, Simulator::Now() + ctx.tproc2 / 2))
    {
        ++m_dlStats.queueDrops;
        m_macTxDropTrace(packet);
        return false;
    }
    if (traced)
    {
        m_macTxTrace(packet);
    }
    if (ctx.connected)
    {
        m_dlActive.insert(ue);
        Wake();
    }
    return true;
}

// ------------------------------------------------------------------------------------------
// NetDevice

bool
NrGnbNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    EnsureConfigured();
    if (protocolNumber != IPV4_PROTOCOL)
    {
        m_macTxDropTrace(packet);
        return false;
    }
    Ipv4Header header;
    packet->PeekHeader(header);
    const Ipv4Address destination = header.GetDestination();
    bool broadcast = destination.IsBroadcast() || destination.IsMulticast();
    if (!broadcast)
    {
        Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
        const int32_t interface = ipv4 ? ipv4->GetInterfaceForDevice(this) : -1;
        for (uint32_t i = 0; interface >= 0 && i < ipv4->GetNAddresses(interface); ++i)
        {
            broadcast = broadcast || destination == ipv4->GetAddress(interface, i).GetBroadcast();
        }
    }
    if (broadcast)
    {
        bool any = false;
        for (uint32_t ue = 0; ue < m_ues.size(); ++ue)
        {
            if (m_ues[ue].connected)
            {
                any = EnqueueDl(ue, packet->Copy()) || any;
            }
        }
        return any;
    }
    auto it = m_ueByAddress.find(destination.Get());
    if (it == m_ueByAddress.end())
    {
        // Not a UE: an address behind one, reached through its framed route (or the default).
        auto framed = m_framedRoutes.find(destination.Get());
        if (framed == m_framedRoutes.end())
        {
            framed = m_framedRoutes.find(Ipv4Address::GetAny().Get());
        }
        if (framed != m_framedRoutes.end())
        {
            it = m_ueByAddress.find(framed->second);
        }
    }
    if (it == m_ueByAddress.end())
    {
        NS_LOG_LOGIC("no UE has address " << destination << " or a route to it");
        m_macTxDropTrace(packet);
        return false;
    }
    return EnqueueDl(it->second, packet);
}

void
NrGnbNetDevice::AddFramedRoute(Ipv4Address destination, Ipv4Address terminal)
{
    NS_LOG_FUNCTION(this << destination << terminal);
    m_framedRoutes[destination.Get()] = terminal.Get();
}

void
NrGnbNetDevice::RemoveFramedRoute(Ipv4Address destination)
{
    NS_LOG_FUNCTION(this << destination);
    m_framedRoutes.erase(destination.Get());
}

bool
NrGnbNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

} // namespace ns3
