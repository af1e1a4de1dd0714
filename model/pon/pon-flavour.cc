/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/pon/pon-flavour.h"

#include "ns3/boolean.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintPonFlavour");

NS_OBJECT_ENSURE_REGISTERED(PonFlavour);
NS_OBJECT_ENSURE_REGISTERED(GponFlavour);
NS_OBJECT_ENSURE_REGISTERED(XgsPonFlavour);
NS_OBJECT_ENSURE_REGISTERED(GePonFlavour);
NS_OBJECT_ENSURE_REGISTERED(TenGEponFlavour);

namespace
{

// --- Ethernet, the client of every flavour (IEEE 802.3 clause 3) ---
/// MAC header (destination, source, EtherType) and FCS around an IP packet.
constexpr uint32_t ETHERNET_HEADER_FCS = 14 + 4;
/// Smallest Ethernet frame, header and FCS included (IEEE 802.3 clause 4.4.2, minFrameSize).
constexpr uint32_t ETHERNET_MIN_FRAME = 64;
/// EPON preamble with the LLID in it (802.3 clause 65.1.3.2) and inter-packet gap on the wire.
constexpr uint32_t EPON_PREAMBLE = 8;
constexpr uint32_t EPON_IPG = 12;

/// \return the Ethernet frame carrying an IP packet: header, payload padded to the minimum, FCS.
uint32_t
EthernetFrame(uint32_t packetBytes)
{
    return std::max(packetBytes + ETHERNET_HEADER_FCS, ETHERNET_MIN_FRAME);
}

/// The ITU-T TDM-PON frame, 125 us (G.984.3 clause 8, GTC framing; G.987.3 clause 8, as used by
/// G.9807.1 Annex C).
constexpr int64_t ITU_FRAME_US = 125;
/// ONU response time, 35 us (G.984.3 and G.987.3, "ONU response time" of the ranging procedure):
/// from receiving a grant to being able to use it.
constexpr int64_t ITU_RESPONSE_US = 35;
/// Physical reach OLT-ONU, 20 km (G.984.1, maximum physical reach; G.9807.1 nominal reach).
constexpr double ITU_REACH_KM = 20.0;

// --- GPON, G.984 ---
constexpr double GPON_DOWN_BPS = 2.48832e9; //!< G.984.2 nominal line rate
constexpr double GPON_UP_BPS = 1.24416e9;   //!< G.984.2 nominal line rate
/// Upstream burst-mode overhead at 1.24416 Gbit/s: guard 32 + preamble 44 + delimiter 20 bits
/// (G.984.2 Amd.1 Appendix I, the recommended allocation of the burst-mode overhead).
constexpr uint32_t GPON_BURST_OVERHEAD_BITS = 32 + 44 + 20;
/// PLOu burst header after the delimiter: BIP, ONU-ID, Ind, a byte each (G.984.3 clause 8.2).
constexpr uint32_t GPON_PLOU_BYTES = 3;
/// DBRu mode 0: buffer occupancy + CRC, a byte each (G.984.3 clause 8.2).
constexpr uint32_t GPON_DBRU_BYTES = 2;
/// GEM header: PLI 12, Port-ID 12, PTI 3, HEC 13 bits (G.984.3 clause 8.3).
constexpr uint32_t GEM_HEADER_BYTES = 5;
/// PCBd without BWmap: Psync 4, Ident 4, PLOAMd 13, BIP 1, Plend 2 x 4 (G.984.3 clause 8.1).
constexpr uint32_t GPON_PCBD_BYTES = 4 + 4 + 13 + 1 + 8;
/// Bytes of a 125 us downstream frame at 2.48832 Gbit/s.
constexpr double GPON_DOWN_FRAME_BYTES = GPON_DOWN_BPS * 125e-6 / 8.0; // 38,880
/// One BWmap allocation structure: Alloc-ID, Flags, SStart, SStop, CRC (G.984.3 clause 8.1).
constexpr uint32_t BWMAP_ALLOCATION_BYTES = 8;
/// Class B+ optical budget, 28 dB (G.984.2 Amd.1, class B+: 13-28 dB attenuation range).
constexpr double GPON_BUDGET_DB = 28.0;

// --- XGS-PON, G.9807.1 (TC layer from G.987.3 as amended by G.9807.1 Annex C) ---
constexpr double XGS_BPS = 9.95328e9; //!< both directions (G.9807.1 Annex B, line rates)
/// RS(248,216): 216 data bytes in every 248 (G.987.3 clause 10 FEC, as G.9807.1 Annex C uses it:
/// mandatory downstream, optional upstream).
constexpr double XGS_FEC = 216.0 / 248.0;
/// Upstream burst overhead: the G.987.3 default burst profile (64-bit guard, 160-bit preamble,
/// 32-bit delimiter at 2.48832 Gbit/s, 102.9 ns) kept as a physical time at 9.95328 Gbit/s
/// (assumption: G.9807.1 Annex B clause B.11's allocation was not checked).
constexpr uint32_t XGS_BURST_OVERHEAD_BITS = 4 * (64 + 160 + 32);
/// XGTC burst header (ONU-ID, Ind, HEC: 4 bytes) and trailer (BIP: 4 bytes), G.987.3 clause 8.2.
constexpr uint32_t XGS_HEADER_TRAILER_BYTES = 4 + 4;
/// DBRu: BufOcc 3 + CRC 1 bytes (G.987.3 clause 8.2).
constexpr uint32_t XGS_DBRU_BYTES = 4;
/// XGEM header, 8 bytes; the payload is padded to whole 4-byte words (G.987.3 clause 9).
constexpr uint32_t XGEM_HEADER_BYTES = 8;
constexpr uint32_t XGEM_WORD = 4;
/// Downstream per 125 us: PSBd 24 bytes (outside FEC), XGTC header HLend 4 bytes (G.987.3
/// clauses 10 and 8). PLOAM messages are occasional and left out.
constexpr uint32_t XGS_PSBD_BYTES = 24;
constexpr uint32_t XGS_HLEND_BYTES = 4;
/// Class N1 optical budget, 29 dB (G.9807.1 Annex B, optical path loss class N1).
constexpr double XGS_BUDGET_DB = 29.0;

// --- GE-PON, IEEE 802.3ah (802.3-2018 clauses 60, 64, 65) ---
/// 1.25 GBd with 8B/10B: 1 Gbit/s of MAC data (clauses 36 and 65).
constexpr double GEPON_BAUD = 1.25e9;
constexpr double GEPON_MAC_BPS = 1e9;
/// Laser on and off, 512 ns each at most (clause 60, Ton and Toff).
constexpr int64_t EPON_LASER_NS = 512;
/// Receiver synchronisation: settling 400 ns + CDR lock 400 ns + code-group alignment 32 ns,
/// the clause 60/65 maxima that make up the Sync Time the OLT announces (assumption that the
/// maxima apply; implementations are faster).
constexpr int64_t GEPON_SYNC_NS = 400 + 400 + 32;
/// An MPCPDU (GATE, REPORT) is a minimum-size 64-byte frame (clause 64.3.6), plus preamble and
/// inter-packet gap on the wire.
constexpr uint32_t MPCPDU_ON_WIRE = ETHERNET_MIN_FRAME + EPON_PREAMBLE + EPON_IPG;
/// An ONU processes a GATE within 1024 time quanta of 16 ns (assumption: no MPCP processing
/// bound was checked in clause 64).
constexpr int64_t EPON_RESPONSE_NS = 1024 * 16;
/// 1000BASE-PX20: 20 km, 24 dB channel insertion loss (clause 60, PX20 link budget).
constexpr double EPON_REACH_KM = 20.0;
constexpr double GEPON_BUDGET_DB = 24.0;

// --- 10G-EPON, IEEE 802.3av (802.3-2018 clauses 75-77) ---
/// 10.3125 GBd with 64B/66B: 10 Gbit/s (clause 76); the mandatory RS(255,223) FEC sends 27 data
/// blocks of 66 bits in every 31 (clause 76: 4 parity blocks per codeword).
constexpr double TENG_BAUD = 10.3125e9;
constexpr double TENG_MAC_BPS = TENG_BAUD * 64.0 / 66.0;
constexpr double TENG_FEC = 27.0 / 31.0;
/// 10G burst-mode receiver synchronisation: 800 ns (assumption: twice the 1G settling, covering
/// the synchronisation pattern and burst delimiter of clause 76).
constexpr int64_t TENG_SYNC_NS = 800;
/// PR30/PRX30: 29 dB channel insertion loss (clause 75, PR30 power budget).
constexpr double TENG_BUDGET_DB = 29.0;

} // namespace

// ------------------------------------------------------------------------------------------
// PonFlavour

TypeId
PonFlavour::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::PonFlavour").SetParent<Object>().SetGroupName("Blueprint");
    return tid;
}

Time
PonFlavour::UpstreamTime(double bytes) const
{
    return Seconds(bytes / GetUpstreamByteRate());
}

Time
PonFlavour::DownstreamTime(double bytes) const
{
    return Seconds(bytes / (GetDownstreamByteRate() * GetDownstreamPayloadFraction()));
}

Ptr<PonFlavour>
PonFlavour::Create(const std::string& name)
{
    if (name == "gpon")
    {
        return CreateObject<GponFlavour>();
    }
    if (name == "xgs-pon")
    {
        return CreateObject<XgsPonFlavour>();
    }
    if (name == "ge-pon")
    {
        return CreateObject<GePonFlavour>();
    }
    if (name == "10g-epon")
    {
        return CreateObject<TenGEponFlavour>();
    }
    return nullptr;
}

std::vector<std::string>
PonFlavour::Names()
{
    return {"gpon", "xgs-pon", "ge-pon", "10g-epon"};
}

// ------------------------------------------------------------------------------------------
// GPON

TypeId
GponFlavour::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::GponFlavour")
                            .SetParent<PonFlavour>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<GponFlavour>();
    return tid;
}

std::string
GponFlavour::GetName() const
{
    return "gpon";
}

double
GponFlavour::GetDownstreamByteRate() const
{
    return GPON_DOWN_BPS / 8.0; // FEC is optional in G.984.3 and off here
}

double
GponFlavour::GetUpstreamByteRate() const
{
    return GPON_UP_BPS / 8.0;
}

double
GponFlavour::GetDownstreamLineRate() const
{
    return GPON_DOWN_BPS;
}

double
GponFlavour::GetUpstreamLineRate() const
{
    return GPON_UP_BPS;
}

Time
GponFlavour::GetUpstreamFrame() const
{
    return MicroSeconds(ITU_FRAME_US);
}

Time
GponFlavour::GetBurstOverhead() const
{
    return Seconds(GPON_BURST_OVERHEAD_BITS / GPON_UP_BPS);
}

uint32_t
GponFlavour::GetBurstHeaderBytes() const
{
    return GPON_PLOU_BYTES;
}

uint32_t
GponFlavour::GetReportBytes() const
{
    return GPON_DBRU_BYTES;
}

uint32_t
GponFlavour::GetEncapsulatedBytes(uint32_t packetBytes) const
{
    // Ethernet over GEM carries the frame without preamble, FCS included (G.984.3 clause 8.3).
    return GEM_HEADER_BYTES + EthernetFrame(packetBytes);
}

bool
GponFlavour::SupportsFragmentation() const
{
    return true;
}

uint32_t
GponFlavour::GetFragmentHeaderBytes() const
{
    return GEM_HEADER_BYTES;
}

double
GponFlavour::GetDownstreamPayloadFraction() const
{
    return 1.0 - GPON_PCBD_BYTES / GPON_DOWN_FRAME_BYTES;
}

uint32_t
GponFlavour::GetGrantMessageBytes() const
{
    return BWMAP_ALLOCATION_BYTES;
}

Time
GponFlavour::GetOnuResponseTime() const
{
    return MicroSeconds(ITU_RESPONSE_US);
}

double
GponFlavour::GetMaxReachKm() const
{
    return ITU_REACH_KM;
}

double
GponFlavour::GetPowerBudgetDb() const
{
    return GPON_BUDGET_DB;
}

// ------------------------------------------------------------------------------------------
// XGS-PON

TypeId
XgsPonFlavour::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::XgsPonFlavour")
            .SetParent<PonFlavour>()
            .SetGroupName("Blueprint")
            .AddConstructor<XgsPonFlavour>()
            .AddAttribute("UpstreamFec",
                          "Whether upstream bursts carry RS(248,216) FEC (optional in "
                          "G.9807.1; on by default).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&XgsPonFlavour::m_upstreamFec),
                          MakeBooleanChecker());
    return tid;
}

XgsPonFlavour::XgsPonFlavour()
    : m_upstreamFec(true)
{
}

std::string
XgsPonFlavour::GetName() const
{
    return "xgs-pon";
}

double
XgsPonFlavour::GetDownstreamByteRate() const
{
    return XGS_BPS * XGS_FEC / 8.0;
}

double
XgsPonFlavour::GetUpstreamByteRate() const
{
    return XGS_BPS * (m_upstreamFec ? XGS_FEC : 1.0) / 8.0;
}

double
XgsPonFlavour::GetDownstreamLineRate() const
{
    return XGS_BPS;
}

double
XgsPonFlavour::GetUpstreamLineRate() const
{
    return XGS_BPS;
}

Time
XgsPonFlavour::GetUpstreamFrame() const
{
    return MicroSeconds(ITU_FRAME_US);
}

Time
XgsPonFlavour::GetBurstOverhead() const
{
    return Seconds(XGS_BURST_OVERHEAD_BITS / XGS_BPS);
}

uint32_t
XgsPonFlavour::GetBurstHeaderBytes() const
{
    return XGS_HEADER_TRAILER_BYTES;
}

uint32_t
XgsPonFlavour::GetReportBytes() const
{
    return XGS_DBRU_BYTES;
}

uint32_t
XgsPonFlavour::GetEncapsulatedBytes(uint32_t packetBytes) const
{
    const uint32_t frame = EthernetFrame(packetBytes);
    return XGEM_HEADER_BYTES + (frame + XGEM_WORD - 1) / XGEM_WORD * XGEM_WORD;
}

bool
XgsPonFlavour::SupportsFragmentation() const
{
    return true;
}

uint32_t
XgsPonFlavour::GetFragmentHeaderBytes() const
{
    return XGEM_HEADER_BYTES;
}

double
XgsPonFlavour::GetDownstreamPayloadFraction() const
{
    // PSBd is sent outside FEC at the line rate; the XGTC header inside it.
    const double frameLineBytes = XGS_BPS * 125e-6 / 8.0;
    const double tcBytes = (frameLineBytes - XGS_PSBD_BYTES) * XGS_FEC;
    return (tcBytes - XGS_HLEND_BYTES) / (frameLineBytes * XGS_FEC);
}

uint32_t
XgsPonFlavour::GetGrantMessageBytes() const
{
    return BWMAP_ALLOCATION_BYTES;
}

Time
XgsPonFlavour::GetOnuResponseTime() const
{
    return MicroSeconds(ITU_RESPONSE_US);
}

double
XgsPonFlavour::GetMaxReachKm() const
{
    return ITU_REACH_KM;
}

double
XgsPonFlavour::GetPowerBudgetDb() const
{
    return XGS_BUDGET_DB;
}

// ------------------------------------------------------------------------------------------
// GE-PON

TypeId
GePonFlavour::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::GePonFlavour")
                            .SetParent<PonFlavour>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<GePonFlavour>();
    return tid;
}

std::string
GePonFlavour::GetName() const
{
    return "ge-pon";
}

double
GePonFlavour::GetDownstreamByteRate() const
{
    return GEPON_MAC_BPS / 8.0;
}

double
GePonFlavour::GetUpstreamByteRate() const
{
    return GEPON_MAC_BPS / 8.0;
}

double
GePonFlavour::GetDownstreamLineRate() const
{
    return GEPON_BAUD;
}

double
GePonFlavour::GetUpstreamLineRate() const
{
    return GEPON_BAUD;
}

Time
GePonFlavour::GetUpstreamFrame() const
{
    return Time(0);
}

Time
GePonFlavour::GetBurstOverhead() const
{
    return NanoSeconds(2 * EPON_LASER_NS + GEPON_SYNC_NS);
}

uint32_t
GePonFlavour::GetBurstHeaderBytes() const
{
    return 0;
}

uint32_t
GePonFlavour::GetReportBytes() const
{
    return MPCPDU_ON_WIRE;
}

uint32_t
GePonFlavour::GetEncapsulatedBytes(uint32_t packetBytes) const
{
    return EPON_PREAMBLE + EthernetFrame(packetBytes) + EPON_IPG;
}

bool
GePonFlavour::SupportsFragmentation() const
{
    return false;
}

uint32_t
GePonFlavour::GetFragmentHeaderBytes() const
{
    return 0;
}

double
GePonFlavour::GetDownstreamPayloadFraction() const
{
    return 1.0; // EPON sends frames back to back; GATEs are counted as they are sent
}

uint32_t
GePonFlavour::GetGrantMessageBytes() const
{
    return MPCPDU_ON_WIRE;
}

Time
GePonFlavour::GetOnuResponseTime() const
{
    return NanoSeconds(EPON_RESPONSE_NS);
}

double
GePonFlavour::GetMaxReachKm() const
{
    return EPON_REACH_KM;
}

double
GePonFlavour::GetPowerBudgetDb() const
{
    return GEPON_BUDGET_DB;
}

// ------------------------------------------------------------------------------------------
// 10G-EPON

TypeId
TenGEponFlavour::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::TenGEponFlavour")
                            .SetParent<GePonFlavour>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<TenGEponFlavour>();
    return tid;
}

std::string
TenGEponFlavour::GetName() const
{
    return "10g-epon";
}

double
TenGEponFlavour::GetDownstreamByteRate() const
{
    return TENG_MAC_BPS * TENG_FEC / 8.0;
}

double
TenGEponFlavour::GetUpstreamByteRate() const
{
    return TENG_MAC_BPS * TENG_FEC / 8.0;
}

double
TenGEponFlavour::GetDownstreamLineRate() const
{
    return TENG_BAUD;
}

double
TenGEponFlavour::GetUpstreamLineRate() const
{
    return TENG_BAUD;
}

Time
TenGEponFlavour::GetBurstOverhead() const
{
    return NanoSeconds(2 * EPON_LASER_NS + TENG_SYNC_NS);
}

double
TenGEponFlavour::GetPowerBudgetDb() const
{
    return TENG_BUDGET_DB;
}

} // namespace blueprint
} // namespace ns3
