/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-gnb-net-device.h"

#include "model/nr/nr-channel.h"

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
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrGnbNetDevice");

NS_OBJECT_ENSURE_REGISTERED(NrGnbNetDevice);

/// EtherType of IPv4, the only protocol the NR devices carry (IANA ieee-802-numbers).
static constexpr uint16_t IPV4_PROTOCOL = 0x0800;

namespace
{

/**
 * \brief One of NrCellMac's trace sources, reached through the gNB device that owns the MAC:
 * the device offers every trace source of its MAC under the same name.
 */
class ForwardedMacTrace : public TraceSourceAccessor
{
  public:
    /**
     * \brief Forward to one of the MAC's trace sources.
     * \param mac the accessor of the source on NrCellMac.
     */
    explicit ForwardedMacTrace(Ptr<const TraceSourceAccessor> mac)
        : m_mac(mac)
    {
    }

    bool ConnectWithoutContext(ObjectBase* obj, const CallbackBase& cb) const override
    {
        NrCellMac* mac = MacOf(obj);
        return mac && m_mac->ConnectWithoutContext(mac, cb);
    }

    bool Connect(ObjectBase* obj, std::string context, const CallbackBase& cb) const override
    {
        NrCellMac* mac = MacOf(obj);
        return mac && m_mac->Connect(mac, context, cb);
    }

    bool DisconnectWithoutContext(ObjectBase* obj, const CallbackBase& cb) const override
    {
        NrCellMac* mac = MacOf(obj);
        return mac && m_mac->DisconnectWithoutContext(mac, cb);
    }

    bool Disconnect(ObjectBase* obj, std::string context, const CallbackBase& cb) const override
    {
        NrCellMac* mac = MacOf(obj);
        return mac && m_mac->Disconnect(mac, context, cb);
    }

  private:
    /**
     * \param obj the gNB device.
     * \return its MAC, or nullptr if obj is not a gNB device.
     */
    static NrCellMac* MacOf(ObjectBase* obj)
    {
        auto* device = dynamic_cast<NrGnbNetDevice*>(obj);
        return device ? PeekPointer(device->GetMac()) : nullptr;
    }

    Ptr<const TraceSourceAccessor> m_mac; //!< the source's accessor on the MAC
};

} // namespace

TypeId
NrGnbNetDevice::GetTypeId()
{
    static TypeId tid = [] {
        TypeId tid =
            TypeId("ns3::blueprint::NrGnbNetDevice")
                .SetParent<NrNetDevice>()
                .SetGroupName("Blueprint")
                .AddConstructor<NrGnbNetDevice>()
                .AddAttribute(
                    "Mu",
                    "Numerology mu, 0..3: subcarrier spacing 15 * 2^mu kHz, 2^mu slots per "
                    "ms (TS 38.211 clause 4.2).",
                    UintegerValue(1),
                    MakeUintegerAccessor(&NrGnbNetDevice::m_mu),
                    MakeUintegerChecker<uint8_t>(0, 3))
                .AddAttribute(
                    "TddPattern",
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
                .AddAttribute(
                    "MiniSlotSymbols",
                    "0 for full-slot TTIs, else mini-slots of 2, 4 or 7 symbols (PDSCH/PUSCH "
                    "mapping type B, TS 38.214 Table 5.1.2.1-1).",
                    UintegerValue(0),
                    MakeUintegerAccessor(&NrGnbNetDevice::m_miniSlotSymbols),
                    MakeUintegerChecker<uint32_t>(0, 7))
                .AddAttribute(
                    "McsTable",
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
                .AddAttribute(
                    "DmrsRePerPrb",
                    "N_DMRS^PRB of TS 38.214 clause 5.1.3.2: DM-RS resource elements per "
                    "PRB of a transmission (12 = one front-loaded type-1 DM-RS symbol with "
                    "both CDM groups).",
                    UintegerValue(12),
                    MakeUintegerAccessor(&NrGnbNetDevice::m_dmrsRePerPrb),
                    MakeUintegerChecker<uint32_t>(0, 156))
                .AddAttribute(
                    "OverheadRePerPrb",
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
                .AddAttribute("ErrorModel",
                              "The cell's link abstraction, any ns3::blueprint::NrErrorModel: "
                              "the SINR thresholds of link adaptation and PDCCH aggregation "
                              "levels, HARQ combining and each transmission's error rate.",
                              StringValue("ns3::blueprint::NrShannonErrorModel"),
                              MakePointerAccessor(&NrGnbNetDevice::m_errorModel),
                              MakePointerChecker<NrErrorModel>())
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
                .AddAttribute(
                    "SrGrantBytes",
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
                .AddAttribute(
                    "CoresetPrbs",
                    "PRBs of the CORESET that carries the PDCCH (TS 38.331 ControlResource"
                    "Set frequencyDomainResources, groups of 6 PRBs); 0 spans the carrier. "
                    "With PdcchSymbols it sets the CCEs per TTI (TS 38.211 clause 7.3.2.2).",
                    UintegerValue(0),
                    MakeUintegerAccessor(&NrGnbNetDevice::m_coresetPrbs),
                    MakeUintegerChecker<uint32_t>(0, 275))
                .AddAttribute(
                    "PdcchCandidatesAl1",
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
                .AddAttribute(
                    "PdcchTargetBler",
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
                .AddAttribute("Mac",
                              "The cell's MAC, which the device drives (its trace sources are also "
                              "the device's).",
                              TypeId::ATTR_GET,
                              PointerValue(),
                              MakePointerAccessor(&NrGnbNetDevice::GetMac),
                              MakePointerChecker<NrCellMac>());

        // The MAC's trace sources, under the same names (energy models and tests connect here).
        const TypeId mac = NrCellMac::GetTypeId();
        for (uint32_t i = 0; i < mac.GetTraceSourceN(); ++i)
        {
            const TypeId::TraceSourceInformation source = mac.GetTraceSource(i);
            tid.AddTraceSource(
                source.name,
                source.help,
                Ptr<const TraceSourceAccessor>(new ForwardedMacTrace(source.accessor), false),
                source.callback,
                source.supportLevel,
                source.supportMsg);
        }
        return tid;
    }();
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
      m_mac(CreateObject<NrCellMac>()),
      m_channelIndex(0)
{
    NS_LOG_FUNCTION(this);
    m_mac->SetForwardUpCallback(MakeCallback(&NrGnbNetDevice::ForwardUp, this));
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
    m_mac->Dispose();
    m_ueByAddress.clear();
    m_framedRoutes.clear();
    NrNetDevice::DoDispose();
}

Ptr<NrCellMac>
NrGnbNetDevice::GetMac() const
{
    return m_mac;
}

void
NrGnbNetDevice::SetNode(Ptr<Node> node)
{
    NrNetDevice::SetNode(node);
    m_mac->SetNodeId(node->GetId());
}

// ------------------------------------------------------------------------------------------
// Configuration

NrCellMacConfig
NrGnbNetDevice::MakeConfig() const
{
    NrCellMacConfig c;
    c.mu = m_mu;
    c.tddPattern = m_tddPattern;
    c.specialSlot = m_specialSlot;
    c.miniSlotSymbols = m_miniSlotSymbols;
    c.mcsTable = m_mcsTable;
    c.dlLayers = m_dlLayers;
    c.ulLayers = m_ulLayers;
    c.dmrsRePerPrb = m_dmrsRePerPrb;
    c.overheadRePerPrb = m_overheadRePerPrb;
    c.pdcchSymbols = m_pdcchSymbols;
    c.maxTransmissions = m_maxTransmissions;
    c.harqProcesses = m_harqProcesses;
    c.fixedBler = m_fixedBler;
    c.errorModel = m_errorModel;
    c.ulAccess = m_ulAccess == UL_CONFIGURED ? NrUlAccess::CONFIGURED : NrUlAccess::GRANT;
    c.srPeriodicity = m_srPeriodicity;
    c.srGrantBytes = m_srGrantBytes;
    c.cgPeriod = m_cgPeriod;
    c.cgPrbs = m_cgPrbs;
    c.dlQueueMaxPackets = m_dlQueueMaxPackets;
    c.coresetPrbs = m_coresetPrbs;
    c.pdcchCandidates = {m_pdcchCandidatesAl1,
                         m_pdcchCandidatesAl2,
                         m_pdcchCandidatesAl4,
                         m_pdcchCandidatesAl8,
                         m_pdcchCandidatesAl16};
    c.pdcchTargetBler = m_pdcchTargetBler;
    c.pucchSrPrbs = m_pucchSrPrbs;
    return c;
}

void
NrGnbNetDevice::EnsureConfigured()
{
    if (!m_mac->IsConfigured())
    {
        m_mac->Configure(MakeConfig());
    }
}

void
NrGnbNetDevice::CheckConfiguration(double bandwidthHz, bool fr2, uint32_t ues) const
{
    NS_LOG_FUNCTION(this << bandwidthHz << fr2 << ues);
    NrCellMac::CheckConfiguration(MakeConfig(), bandwidthHz, fr2, ues);
}

void
NrGnbNetDevice::SetNrChannel(Ptr<NrChannel> channel, uint32_t gnbIndex)
{
    m_channel = channel;
    m_channelIndex = gnbIndex;
    m_mac->SetChannel(channel, gnbIndex);
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
    m_mac->SetDlScheduler(scheduler);
}

Ptr<NrMacScheduler>
NrGnbNetDevice::GetDlScheduler() const
{
    return m_mac->GetDlScheduler();
}

void
NrGnbNetDevice::SetUlScheduler(Ptr<NrMacScheduler> scheduler)
{
    m_mac->SetUlScheduler(scheduler);
}

Ptr<NrMacScheduler>
NrGnbNetDevice::GetUlScheduler() const
{
    return m_mac->GetUlScheduler();
}

Ptr<NrErrorModel>
NrGnbNetDevice::GetErrorModel() const
{
    return m_errorModel;
}

int64_t
NrGnbNetDevice::AssignStreams(int64_t stream)
{
    return m_mac->AssignStreams(stream);
}

const NrTtiGrid&
NrGnbNetDevice::GetTtiGrid()
{
    EnsureConfigured();
    return m_mac->GetCell().GetGrid();
}

uint32_t
NrGnbNetDevice::GetPrbs()
{
    EnsureConfigured();
    return m_mac->GetCell().GetPrbs();
}

uint32_t
NrGnbNetDevice::GetSrPeriodicity()
{
    EnsureConfigured();
    return m_mac->GetSrPeriodicity();
}

uint32_t
NrGnbNetDevice::GetCoresetCces()
{
    EnsureConfigured();
    return m_mac->GetCoresetCces();
}

const NrPdcch&
NrGnbNetDevice::GetPdcch()
{
    EnsureConfigured();
    return m_mac->GetCell().GetPdcch();
}

Time
NrGnbNetDevice::GetUeDataPreparation(uint32_t ue)
{
    EnsureConfigured();
    return m_mac->GetUeDataPreparation(ue);
}

NrMacStats
NrGnbNetDevice::GetDlStats() const
{
    return m_mac->GetDlStats();
}

NrMacStats
NrGnbNetDevice::GetUlStats() const
{
    return m_mac->GetUlStats();
}

uint64_t
NrGnbNetDevice::GetTtiEvents() const
{
    return m_mac->GetTtiEvents();
}

// ------------------------------------------------------------------------------------------
// UEs and their addresses

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
    const uint32_t index = m_mac->AddUe(ue);
    m_ueAddress.resize(m_mac->GetNUes(), 0);
    ue->Attach(this, index);
    return index;
}

void
NrGnbNetDevice::AddUe(Ptr<NrUeNetDevice> ue, Ipv4Address address)
{
    NS_LOG_FUNCTION(this << ue << address);
    const uint32_t index = AttachUe(ue);
    m_ueAddress[index] = address.Get();
    m_ueByAddress[address.Get()] = index;
}

uint32_t
NrGnbNetDevice::GetNUes() const
{
    return m_mac->GetNUes();
}

Ptr<NrUeNetDevice>
NrGnbNetDevice::GetUe(uint32_t ue) const
{
    return m_mac->GetUe(ue);
}

std::vector<Ptr<Packet>>
NrGnbNetDevice::ReleaseUe(uint32_t ue)
{
    NS_LOG_FUNCTION(this << ue);
    std::vector<Ptr<Packet>> forwarded = m_mac->ReleaseUe(ue);
    if (m_ueAddress[ue] != 0)
    {
        m_ueByAddress.erase(m_ueAddress[ue]);
    }
    return forwarded;
}

uint32_t
NrGnbNetDevice::PrepareUe(Ptr<NrUeNetDevice> ue, Ipv4Address address)
{
    NS_LOG_FUNCTION(this << ue << address);
    const uint32_t index = m_mac->PrepareUe(ue);
    m_ueAddress.resize(m_mac->GetNUes(), 0);
    m_ueAddress[index] = address.Get();
    m_ueByAddress[address.Get()] = index;
    return index;
}

void
NrGnbNetDevice::ConnectUe(uint32_t ue)
{
    EnsureConfigured();
    m_mac->ConnectUe(ue);
}

bool
NrGnbNetDevice::ForwardDl(uint32_t ue, Ptr<Packet> packet)
{
    EnsureConfigured();
    return m_mac->EnqueueDl(ue, packet, false); // the source's MacTx counted it already
}

uint32_t
NrGnbNetDevice::GetNConnectedUes() const
{
    return m_mac->GetNConnectedUes();
}

uint32_t
NrGnbNetDevice::GetConfiguredGrantPrbs(uint32_t ue) const
{
    return m_mac->GetConfiguredGrantPrbs(ue);
}

bool
NrGnbNetDevice::IsConnected(uint32_t ue) const
{
    return m_mac->IsConnected(ue);
}

void
NrGnbNetDevice::NotifyUlData(uint32_t ue)
{
    EnsureConfigured();
    m_mac->NotifyUlData(ue);
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

// ------------------------------------------------------------------------------------------
// NetDevice

bool
NrGnbNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    EnsureConfigured();
    if (protocolNumber != IPV4_PROTOCOL)
    {
        m_mac->GetCell().GetTraces().macTxDrop(packet);
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
        for (uint32_t ue = 0; ue < m_mac->GetNUes(); ++ue)
        {
            if (m_mac->IsConnected(ue))
            {
                any = m_mac->EnqueueDl(ue, packet->Copy(), true) || any;
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
        m_mac->GetCell().GetTraces().macTxDrop(packet);
        return false;
    }
    return m_mac->EnqueueDl(it->second, packet, true);
}

void
NrGnbNetDevice::ForwardUp(Ptr<Packet> packet, const Address& from)
{
    if (!m_promiscCallback.IsNull())
    {
        m_promiscCallback(this, packet, IPV4_PROTOCOL, from, m_address, NetDevice::PACKET_HOST);
    }
    m_rxCallback(this, packet, IPV4_PROTOCOL, from);
}

bool
NrGnbNetDevice::IsLinkUp() const
{
    return m_channel != nullptr;
}

} // namespace blueprint
} // namespace ns3
