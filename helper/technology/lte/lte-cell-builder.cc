/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/technology/lte/lte-cell-builder.h"

#include "helper/routing/address-plan.h"
#include "model/lte/lte-band-profile.h"
#include "model/nr/nr-band-profile.h"
#include "model/propagation/pairwise-propagation-loss-model.h"
#include "model/routing/framed-route-sink.h"

#include "ns3/boolean.h"
#include "ns3/channel-condition-model.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/epc-pgw-application.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-phy.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-helper.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-phy.h"
#include "ns3/nstime.h"
#include "ns3/point-to-point-epc-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/spectrum-channel.h"
#include "ns3/string.h"
#include "ns3/three-gpp-propagation-loss-model.h"
#include "ns3/uinteger.h"
#include "ns3/virtual-net-device.h"

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintLteCellBuilder");

namespace
{

/// Single-mode fibre, group index 1.468: c / 1.468 = 4.897 us/km (as the wired links).
constexpr double kFiberSecondsPerMetre = 4.897e-9;

/// Give a node a fixed position once.
void
Place(Ptr<Node> node, const Vector& position)
{
    if (!node->GetObject<MobilityModel>())
    {
        Ptr<ConstantPositionMobilityModel> mobility = CreateObject<ConstantPositionMobilityModel>();
        mobility->SetPosition(position);
        node->AggregateObject(mobility);
    }
}

/// Streams of one eNB-UE pair's models: its condition model, then its downlink and its uplink
/// path loss model (ns-3.37's TR 38.901 models take 5 each, a condition model 1).
constexpr int64_t kPairStreams = 24;
/// Pairs the shared block has room for when no pair has streams of its own (LteCellBuilder
/// without PairStreams: a cell built outside a scenario).
constexpr int64_t kUnnamedPairs = int64_t{1} << 14;

/**
 * What makes an eNB-UE pair's models: one condition model per pair, shared by the downlink and
 * the uplink so the pair's LOS state is the same both ways, and a path loss model per pair and
 * direction, all with the pair's own streams.
 */
struct LtePairModels
{
    std::string lossType;              //!< the TR 38.901 path loss model's TypeId name
    std::string conditionType;         //!< its condition model's, or LOS / NLOS
    bool shadowing = true;             //!< shadow fading on
    LteCellBuilder::PairStreams named; //!< a pair's own first stream (empty: none has one)
    int64_t nextUnnamed = 0;           //!< without `named`: the next pair's streams
    int64_t unnamedEnd = 0;            //!< without `named`: the end of the shared block
    /// (lower, higher end) -> the pair's first stream and its condition model.
    std::map<std::pair<const MobilityModel*, const MobilityModel*>,
             std::pair<int64_t, Ptr<ChannelConditionModel>>>
        pairs;

    /**
     * \param a one end
     * \param b the other
     * \return the first stream of the pair's models
     */
    int64_t StreamOf(Ptr<MobilityModel> a, Ptr<MobilityModel> b)
    {
        if (!named)
        {
            // Outside a scenario: the shared block's next streams, in the order the channels
            // first evaluate the pairs.
            NS_ABORT_MSG_IF(nextUnnamed >= unnamedEnd,
                            "LteCellBuilder: more eNB-UE pairs than the shared block holds");
            nextUnnamed += kPairStreams;
            return nextUnnamed - kPairStreams;
        }
        // In a scenario every eNB and UE on the channels is named (the LTE plug-in registers each
        // eNB's node under its mast's name and every UE group), so a pair without streams of its
        // own is a bug: drawing from a shared block in evaluation order would silently give up
        // common random numbers.
        Ptr<Node> na = a->GetObject<Node>();
        Ptr<Node> nb = b->GetObject<Node>();
        const int64_t stream = na && nb ? std::max(named(na, nb), named(nb, na)) : -1;
        NS_ABORT_MSG_IF(stream < 0,
                        "LteCellBuilder: the pair of nodes "
                            << (na ? na->GetId() : -1) << " and " << (nb ? nb->GetId() : -1)
                            << " on the LTE channels has no random streams of its own");
        return stream;
    }

    /**
     * \param a one end
     * \param b the other
     * \param direction 0 downlink, 1 uplink
     * \param frequencyHz the carrier frequency
     * \return the pair's path loss model for that direction
     */
    Ptr<PropagationLossModel> Make(Ptr<MobilityModel> a,
                                   Ptr<MobilityModel> b,
                                   int direction,
                                   double frequencyHz)
    {
        std::pair<const MobilityModel*, const MobilityModel*> key{PeekPointer(a), PeekPointer(b)};
        if (key.second < key.first)
        {
            std::swap(key.first, key.second);
        }
        auto it = pairs.find(key);
        if (it == pairs.end())
        {
            const int64_t stream = StreamOf(a, b);
            Ptr<ChannelConditionModel> condition;
            if (conditionType == "LOS")
            {
                condition = CreateObject<AlwaysLosChannelConditionModel>();
            }
            else if (conditionType == "NLOS")
            {
                condition = CreateObject<NeverLosChannelConditionModel>();
            }
            else
            {
                ObjectFactory factory(conditionType);
                condition = factory.Create<ChannelConditionModel>();
            }
            condition->AssignStreams(stream);
            it = pairs.emplace(key, std::make_pair(stream, condition)).first;
        }
        ObjectFactory factory(lossType);
        factory.Set("ChannelConditionModel", PointerValue(it->second.second));
        factory.Set("ShadowingEnabled", BooleanValue(shadowing));
        factory.Set("Frequency", DoubleValue(frequencyHz));
        Ptr<PropagationLossModel> loss = factory.Create<PropagationLossModel>();
        const int64_t used = loss->AssignStreams(it->second.first + 8 + 8 * direction);
        NS_ABORT_MSG_IF(used > 8, "LteCellBuilder: a path loss model took " << used << " streams");
        return loss;
    }
};

} // namespace

uint32_t
LteCellBuilder::SrsPeriodicityFor(uint32_t ues, uint32_t current)
{
    // ns-3's LteEnbRrc gives every UE its own SRS configuration index, one per subframe of the
    // period, and stops when they run out; it accepts 2, 5, 10, 20, 40, 80, 160 and 320 ms
    // (TS 36.213 Table 8.2-1) and ends the run on any other value.
    const std::vector<uint32_t> allowed{2, 5, 10, 20, 40, 80, 160, 320};
    if (std::find(allowed.begin(), allowed.end(), current) == allowed.end())
    {
        throw std::invalid_argument("SrsPeriodicity " + std::to_string(current) +
                                    " is not one of ns-3's SRS periods 2, 5, 10, 20, 40, 80, 160 "
                                    "and 320 ms (TS 36.213 Table 8.2-1)");
    }
    if (ues <= current)
    {
        return current;
    }
    for (uint32_t p : {80u, 160u, 320u})
    {
        if (ues <= p && p > current)
        {
            return p;
        }
    }
    throw std::invalid_argument("an LTE cell of ns-3 holds at most 320 UEs (one SRS index per "
                                "subframe of the longest SRS period, 320 ms); this one has " +
                                std::to_string(ues));
}

LteCellBuilder::LteCellBuilder(Ptr<Node> core,
                               const LteLinkConfig& first,
                               AddressPlan& addresses,
                               int64_t& nextStream,
                               PairStreams pairStreams)
{
    // The EPC numbers its UEs and internal links with Ipv4AddressHelper, whose global generator
    // remembers every address of the process and aborts on a repeat: a second run in one
    // process (compare) would repeat the first run's 7.0.0.1. blueprint's own links do not use
    // the generator (AddressPlan), so clearing it only forgets the previous run's EPC.
    Ipv4AddressGenerator::Reset();
    m_epc = CreateObject<PointToPointEpcHelper>();
    m_lte = CreateObject<LteHelper>();
    m_lte->SetEpcHelper(m_epc);

    // Path loss: the TR 38.901 models of ns-3's propagation module, as blueprint's NR cells use,
    // so that an LTE and an NR alternative differ in the radio technology and not in the
    // channel. ns-3's LteHelper makes one path loss model per direction; one channel condition
    // model shared by both keeps a UE's LOS state the same on downlink and uplink.
    static const std::map<std::string, std::pair<std::string, std::string>> models = {
        {"RMa", {"ns3::ThreeGppRmaPropagationLossModel", "ns3::ThreeGppRmaChannelConditionModel"}},
        {"UMa", {"ns3::ThreeGppUmaPropagationLossModel", "ns3::ThreeGppUmaChannelConditionModel"}},
        {"UMi",
         {"ns3::ThreeGppUmiStreetCanyonPropagationLossModel",
          "ns3::ThreeGppUmiStreetCanyonChannelConditionModel"}},
    };
    const auto& [lossType, conditionType] = models.at(first.scenario);
    // Each eNB-UE pair gets its own models (PairwisePropagationLossModel), with streams named
    // after its two ends when the technology names them: a pair's LOS state and shadow fading
    // are then the same whatever other cells and UEs the channels carry and whichever pair they
    // evaluate first. Made now, so the models' streams do not depend on ns-3's automatic
    // numbering (which depends on what earlier runs of the process created).
    auto pairModels = std::make_shared<LtePairModels>();
    pairModels->lossType = lossType;
    pairModels->conditionType =
        first.condition == "LOS" || first.condition == "NLOS" ? first.condition : conditionType;
    pairModels->shadowing = first.shadowing;
    pairModels->named = pairStreams;
    if (!pairStreams)
    {
        pairModels->nextUnnamed = nextStream;
        pairModels->unnamedEnd = nextStream + kPairStreams * kUnnamedPairs;
        nextStream = pairModels->unnamedEnd;
    }
    m_lte->SetPathlossModelType(PairwisePropagationLossModel::GetTypeId());
    m_lte->Initialize();
    int direction = 0;
    for (Ptr<SpectrumChannel> channel :
         {m_lte->GetDownlinkSpectrumChannel(), m_lte->GetUplinkSpectrumChannel()})
    {
        Ptr<PairwisePropagationLossModel> loss =
            DynamicCast<PairwisePropagationLossModel>(channel->GetPropagationLossModel());
        NS_ABORT_MSG_UNLESS(loss, "LteCellBuilder: the LTE channels' loss model is not pairwise");
        loss->SetPairFactory([pairModels, direction](Ptr<MobilityModel> a,
                                                     Ptr<MobilityModel> b,
                                                     double frequencyHz) {
            return pairModels->Make(a, b, direction, frequencyHz);
        });
        ++direction;
    }
    // The EPC nodes' own streams (their ARP), kept apart from every cell's.
    m_epcStream = nextStream;
    nextStream += m_epc->AssignStreams(nextStream);

    // SGi: the PGW and the core node share an equipment room (assumption).
    Ptr<Node> pgw = m_epc->GetPgwNode();
    Place(pgw,
          core->GetObject<MobilityModel>() ? core->GetObject<MobilityModel>()->GetPosition()
                                           : Vector());
    PointToPointHelper sgi;
    sgi.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Gbps")));
    sgi.SetChannelAttribute("Delay", TimeValue(Seconds(0)));
    NetDeviceContainer devices = sgi.Install(pgw, core);
    addresses.AssignPointToPoint(devices);
    m_coreDevice = devices.Get(1);
    // Everything the PGW receives from a UE and that is not for another UE goes to the core
    // node, which routes it on with blueprint's host routes.
    Ptr<Ipv4> pgwIp = pgw->GetObject<Ipv4>();
    Ptr<Ipv4> coreIp = core->GetObject<Ipv4>();
    Ipv4Address coreAddress =
        coreIp->GetAddress(coreIp->GetInterfaceForDevice(m_coreDevice), 0).GetLocal();
    Ipv4StaticRoutingHelper staticRouting;
    Ptr<Ipv4StaticRouting> pgwRouting = staticRouting.GetStaticRouting(pgwIp);
    pgwRouting->SetDefaultRoute(coreAddress, pgwIp->GetInterfaceForDevice(devices.Get(0)));
    BindFramedRoutes(pgw, pgwRouting);
}

void
LteCellBuilder::BindFramedRoutes(Ptr<Node> pgw, Ptr<Ipv4StaticRouting> pgwRouting)
{
    // The PGW classifies a downlink packet by its destination address alone (ns-3 3.37's
    // EpcPgwApplication::RecvFromTunDevice): an address behind a UE, such as the LAN of a
    // fixed-wireless CPE, belongs to no UE and is dropped. TS 29.061 clause 11.3 has the
    // answer, framed routes: the PGW binds such an address to the UE's bearer. The core node's
    // routes to those addresses leave over its SGi device towards the UE (StaticRoutePlanner),
    // so the device's FramedRouteSink hears of each: the PGW then sends the address's packets
    // to its tunnel interface and the UE's default bearer (the UE's context answers for that
    // address too; ns-3 offers no call to unbind it, so a route that leaves the PGW only
    // loses the PGW's host route, and the core stops sending it there).
    Ptr<EpcPgwApplication> pgwApp;
    for (uint32_t i = 0; i < pgw->GetNApplications() && !pgwApp; ++i)
    {
        pgwApp = DynamicCast<EpcPgwApplication>(pgw->GetApplication(i));
    }
    Ptr<Ipv4> pgwIp = pgw->GetObject<Ipv4>();
    int32_t tunInterface = -1;
    for (uint32_t i = 0; i < pgw->GetNDevices() && tunInterface < 0; ++i)
    {
        if (DynamicCast<VirtualNetDevice>(pgw->GetDevice(i)))
        {
            tunInterface = pgwIp->GetInterfaceForDevice(pgw->GetDevice(i));
        }
    }
    NS_ABORT_MSG_IF(!pgwApp || tunInterface < 0,
                    "LteCellBuilder: the EPC's PGW has no EpcPgwApplication or tunnel device");
    auto imsiByAddress = m_imsiByAddress;
    auto add = [pgwApp, pgwRouting, tunInterface, imsiByAddress](Ipv4Address destination,
                                                                 Ipv4Address terminal) {
        auto ue = imsiByAddress->find(terminal.Get());
        if (ue == imsiByAddress->end() || destination == Ipv4Address::GetAny())
        {
            // Not an LTE UE, or a default route: the PGW can bind only whole addresses.
            NS_LOG_WARN("no framed route to " << destination << " via " << terminal);
            return;
        }
        pgwApp->SetUeAddress(ue->second, destination);
        pgwApp->SetUeAddress(ue->second, terminal); // the UE's own address stays its own
        pgwRouting->AddHostRouteTo(destination, tunInterface);
    };
    auto remove = [pgwRouting, tunInterface](Ipv4Address destination) {
        for (uint32_t i = 0; i < pgwRouting->GetNRoutes(); ++i)
        {
            const Ipv4RoutingTableEntry route = pgwRouting->GetRoute(i);
            if (route.IsHost() && route.GetDest() == destination &&
                route.GetInterface() == static_cast<uint32_t>(tunInterface))
            {
                pgwRouting->RemoveRoute(i);
                return;
            }
        }
    };
    Ptr<FramedRouteSink> sink = CreateObject<FramedRouteSink>();
    sink->SetCallbacks(FramedRouteSink::AddCallback(add), FramedRouteSink::RemoveCallback(remove));
    m_coreDevice->AggregateObject(sink);
}

Ptr<NetDevice>
LteCellBuilder::GetCoreDevice() const
{
    return m_coreDevice;
}

LteCellBuilder::Cell
LteCellBuilder::Build(const LteLinkConfig& c,
                      const std::pair<double, double>& enbPosition,
                      const NodeContainer& ues,
                      const std::vector<std::pair<double, double>>& uePositions,
                      double s1uMetres,
                      int64_t& nextStream)
{
    const LteBandProfile* band = LteBandProfile::Find(c.band);
    const NrCellClass* cellClass = NrCellClass::Find(c.cell);
    const NrUeClass* ueClass = NrUeClass::Find(c.ue);
    const uint16_t rbs = LteResourceBlocks(c.bandwidth);
    Cell cell;
    cell.dlEarfcn = band->GetDlEarfcn(c.dlMhz);
    cell.simulatedDlEarfcn = LteSimulatedEarfcn(c.dlMhz, true);
    const uint32_t simulatedUlEarfcn = LteSimulatedEarfcn(c.dlMhz - band->GetDuplexMhz(), false);
    cell.s1uDelay = s1uMetres * kFiberSecondsPerMetre;

    m_epc->SetAttribute("S1uLinkDelay", TimeValue(Seconds(cell.s1uDelay)));
    m_lte->SetEnbDeviceAttribute("DlEarfcn", UintegerValue(cell.simulatedDlEarfcn));
    m_lte->SetEnbDeviceAttribute("UlEarfcn", UintegerValue(simulatedUlEarfcn));
    m_lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(rbs));
    m_lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(rbs));
    m_lte->SetSchedulerType(c.scheduler);
    // Antennas: the cell and UE classes' gains on ns-3's isotropic pattern (no sectors).
    m_lte->SetEnbAntennaModelType("ns3::IsotropicAntennaModel");
    m_lte->SetEnbAntennaModelAttribute("Gain", DoubleValue(cellClass->antennaGainDbi));
    m_lte->SetUeAntennaModelType("ns3::IsotropicAntennaModel");
    m_lte->SetUeAntennaModelAttribute("Gain", DoubleValue(ueClass->antennaGainDbiFr1));

    Ptr<Node> enbNode = CreateObject<Node>();
    Place(enbNode, Vector(enbPosition.first, enbPosition.second, cellClass->heightM));
    cell.enb = DynamicCast<LteEnbNetDevice>(m_lte->InstallEnbDevice(NodeContainer(enbNode)).Get(0));
    // Total transmit power: the class's power per 20 MHz at constant spectral density, as the
    // NR cells of the same class (ITU-R M.2412-0 Table 5), unless the link gives its own.
    double enbPower = c.enbPowerDbm.value_or(cellClass->GetTxPowerDbm(c.bandwidth, false));
    cell.enb->GetPhy()->SetTxPower(enbPower);
    cell.enb->GetPhy()->SetAttribute("NoiseFigure", DoubleValue(cellClass->noiseFigureDbFr1));
    UintegerValue srs;
    cell.enb->GetRrc()->GetAttribute("SrsPeriodicity", srs);
    cell.srsPeriodicity = SrsPeriodicityFor(ues.GetN(), srs.Get());
    if (cell.srsPeriodicity != srs.Get())
    {
        NS_LOG_INFO("cell " << cell.enb->GetCellId() << ": SRS periodicity " << srs.Get() << " -> "
                            << cell.srsPeriodicity << " ms for " << ues.GetN() << " UEs");
        cell.enb->GetRrc()->SetAttribute("SrsPeriodicity", UintegerValue(cell.srsPeriodicity));
    }

    for (uint32_t i = 0; i < ues.GetN(); ++i)
    {
        Place(ues.Get(i), Vector(uePositions[i].first, uePositions[i].second, ueClass->heightM));
    }
    cell.ues = m_lte->InstallUeDevice(ues);
    double uePower = c.uePowerDbm.value_or(ueClass->txPowerDbmFr1);
    for (uint32_t i = 0; i < cell.ues.GetN(); ++i)
    {
        Ptr<LteUePhy> phy = DynamicCast<LteUeNetDevice>(cell.ues.Get(i))->GetPhy();
        phy->SetTxPower(uePower); // P_CMAX of ns-3's uplink power control
        phy->SetAttribute("NoiseFigure", DoubleValue(ueClass->noiseFigureDbFr1));
    }
    // Addresses before attachment: the default bearer tells the PGW the UE's address.
    Ipv4InterfaceContainer ueAddresses = m_epc->AssignUeIpv4Address(cell.ues);
    for (uint32_t i = 0; i < cell.ues.GetN(); ++i)
    {
        (*m_imsiByAddress)[ueAddresses.GetAddress(i).Get()] =
            DynamicCast<LteUeNetDevice>(cell.ues.Get(i))->GetImsi();
    }
    m_lte->Attach(cell.ues, cell.enb);

    // The cell's power model (by default EARTH's, LteEnbEnergyModel): the cell class's EARTH row
    // reaches it through its BsType attribute, where it has one.
    cell.energy = DynamicCast<LteEnbPowerModel>(CreateStationPowerModel(
        c.power,
        {{"BsType", Create<StringValue>(c.cell == "small" ? "micro" : "macro")}}));
    cell.energy->Attach(cell.enb);

    NetDeviceContainer all(cell.enb);
    all.Add(cell.ues);
    nextStream += m_lte->AssignStreams(all, nextStream);
    // ns-3's LteHelper::AssignStreams gives the EPC nodes this cell's streams as well: give them
    // back their own, so they do not depend on which cell was built last.
    m_epc->AssignStreams(m_epcStream);
    return cell;
}

} // namespace blueprint
} // namespace ns3
