/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/scenario-build.h"
#include "helper/technology/cell-technology.h"
#include "helper/technology/nr/nr-helper.h"
#include "helper/technology/nr/nr-link-config.h"
#include "helper/technology/nr/nr-link-reader.h"
#include "helper/technology/radio-pair-streams.h"
#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-cell-ue-energy-model.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-gnb-power-model.h"
#include "model/nr/nr-handover-manager.h"
#include "model/nr/nr-numerology.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <map>
#include <memory>
#include <sstream>

namespace ns3
{
namespace blueprint
{

namespace
{

/// The energy models of one NR cell, registered with the meter when the run is accounted.
struct NrCellEnergy
{
    std::string link;             //!< the link (cell) name
    std::string gnbNode;          //!< the gNB's node name
    std::string ueNode;           //!< the UEs' node (group) name
    double pue;                   //!< the gNB site's PUE
    Ptr<NrGnbPowerModel> gnb;     //!< the cell's power
    Ptr<NrCellUeEnergyModel> ues; //!< the power of the UEs it serves
};

/// The NR cells that serve one group of UEs on one carrier, and what follows their handovers.
struct NrRadioNetwork
{
    ScenarioBuild* build = nullptr;                      //!< the run it belongs to
    Ptr<NrHandoverManager> handover;                     //!< null if the UEs do not move
    std::map<Ptr<NetDevice>, const LinkSpec*> cellOfGnb; //!< gNB device -> its link spec
    std::map<Ptr<NetDevice>, uint32_t> routingEdgeOfUe;  //!< UE device -> its routing edge
    std::vector<NrCellEnergy> energy;                    //!< per cell, in the unit's order

    /**
     * \brief Point the UE's routes at its target cell (the UPF's path switch) and keep the
     * result bookkeeping in step.
     * \param ue the UE handing over.
     * \param source the cell it leaves.
     * \param target the cell it goes to.
     */
    void SwitchPath(Ptr<NrUeNetDevice> ue, Ptr<NrGnbNetDevice> source, Ptr<NrGnbNetDevice> target)
    {
        build->MoveEdgeEnd(routingEdgeOfUe.at(ue), target, *cellOfGnb.at(target));
        build->CountHandover(ue->GetNode());
    }
};

/// What the NR cells of one run share.
struct NrRunState : public TechnologyRunState
{
    std::map<std::string, Ptr<NrChannel>> channels; //!< one per carrier and environment
    /// Per carrier, the streams of its gNB-UE pairs.
    std::map<std::string, std::shared_ptr<RadioPairStreams>> pairStreams;
    /// The radio networks, by the first cell of their unit.
    std::map<const LinkSpec*, std::unique_ptr<NrRadioNetwork>> networks;
};

/**
 * \ingroup blueprint
 * \brief The NR technology: a gNB (the link's first node) and its UEs (the second), on
 * blueprint's own NR model (model/nr). The cells that serve one UE group form one radio
 * network, built together, between which moving UEs hand over.
 */
class NrTechnology : public CellTechnology
{
  public:
    std::string GetName() const override
    {
        return "nr";
    }

    std::vector<std::string> GetKeys() const override
    {
        return {"band",       "cell",        "ue",         "gnb_radio", "ue_radio",
                "numerology", "bandwidth",   "carrier",    "tdd",       "special_slot",
                "scheduler",  "error_model", "ul_access",  "mini_slot", "propagation",
                "handover",   "sleep",       "ssb_period", "power",     "attributes"};
    }

    /// `power:` chooses the gNB's power model (ReadStationPower), not the common override.
    bool ReadsOwnPower() const override
    {
        return true;
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        RequireSingleStation(ctx, "an NR link", "gNB");
        return ReadNrLink(link, ctx);
    }

    void Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const override
    {
        CheckNrRadioNetworks(mine);
    }

    std::string GetMovingTerminals() const override
    {
        return "the UEs of nr links";
    }

    /// The cells that serve one UE group are built together.
    std::vector<std::vector<const LinkSpec*>> GroupForBuild(
        const std::vector<const LinkSpec*>& mine) const override
    {
        std::vector<std::vector<const LinkSpec*>> units;
        std::map<std::string, std::size_t> unitOfUes;
        for (const LinkSpec* l : mine)
        {
            const auto [it, isNew] = unitOfUes.emplace(l->b, units.size());
            if (isNew)
            {
                units.emplace_back();
            }
            units[it->second].push_back(l);
        }
        return units;
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    /// The cells' and their UEs' energy models.
    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override
    {
        for (const NrCellEnergy& cell :
             run.GetState<NrRunState>().networks.at(unit.front())->energy)
        {
            Ptr<NrGnbPowerModel> gnb = cell.gnb;
            run.GetMeter()->AddIntegratedElement(
                cell.link,
                cell.gnbNode,
                "nr",
                [gnb](Time now) { return gnb->GetEnergy(now); },
                cell.pue,
                gnb->GetIdlePower());
            // UEs are battery or vehicle powered, outside any site: no PUE.
            Ptr<NrCellUeEnergyModel> ues = cell.ues;
            run.GetMeter()->AddIntegratedElement(
                cell.link + " UEs",
                cell.ueNode,
                "nr",
                [ues](Time now) { return ues->GetEnergy(now); },
                1.0);
        }
    }

  protected:
    /// The cell class's site cost (NrCellClass), once per link whether or not a UE was attached
    /// to it at the start (a cell a moving UE only hands over to has no routing edge yet).
    CostItem GetCatalogueCost(const LinkSpec& l) const override
    {
        const NrCellClass* cell = NrCellClass::Find(l.Config<NrLinkConfig>().cell);
        return CostItem{l.name, l.a, "nr", cell->capex, cell->lifetimeYears, cell->opexPerYear};
    }

    /// A gNB-UE pair's TR 38.901 path loss and condition models with their maps and stream key:
    /// 2.6-2.7 KiB measured (20 gNBs against one with the same 2,000 and 5,000 UEs, GNU time's
    /// peak RSS; doc/benchmarks.rst), taken high.
    double GetPairModelBytes() const override
    {
        return 2.8e3;
    }
};

/**
 * Build the NR cells that serve one UE group (every `nr` link whose second node is that group):
 * the carrier's channel, one gNB per cell, one UE device per member attached to the strongest
 * cell, one subnet for them all, one routing edge per UE to its serving cell, the cells' energy
 * models and, when the UEs move between several cells, a handover manager whose path switches
 * move the UE's routing edge.
 */
void
NrTechnology::Build(ScenarioBuild& sb, const std::vector<const LinkSpec*>& cells) const
{
    const LinkSpec& first = *cells.front();
    const NrLinkConfig& c = first.Config<NrLinkConfig>();
    const NrBandProfile* band = NrBandProfile::Find(c.band);
    const NodeGroup& gb = sb.GetGroup(first.b);
    NrRunState& state = sb.GetState<NrRunState>();
    // Cells on the same carrier and propagation environment share one channel, so they
    // interfere with each other.
    std::ostringstream key;
    key << c.band << '/' << c.frequency << '/' << c.bandwidth << '/' << c.scenario << '/'
        << c.condition << '/' << c.shadowing;
    Ptr<NrChannel>& channel = state.channels[key.str()];
    if (!channel)
    {
        channel = CreateObject<NrChannel>();
        channel->SetAttribute("Frequency", DoubleValue(c.frequency));
        channel->SetAttribute("Bandwidth", DoubleValue(c.bandwidth));
        channel->SetAttribute("Scenario", StringValue(c.scenario));
        channel->SetAttribute("ChannelCondition", StringValue(c.condition));
        channel->SetAttribute("Shadowing", BooleanValue(c.shadowing));
        // The carrier's streams (shadowing, LOS state, its spatial correlation), named after
        // the carrier, not after which cell happened to create it.
        sb.GetStreams().Assign("nr-carrier:" + key.str(), first.mark, [&](int64_t stream) {
            return channel->AssignStreams(stream);
        });
        // Each gNB-UE pair's shadowing and LOS state from streams named after its two ends, so
        // that another cell or UE on the carrier leaves them as they were.
        auto pairs = std::make_shared<RadioPairStreams>("nr-carrier:" + key.str());
        state.pairStreams[key.str()] = pairs;
        channel->SetPairStreams(
            [pairs](Ptr<Node> gnb, Ptr<Node> ue) { return pairs->Find(gnb, ue); });
    }
    RadioPairStreams& pairs = *state.pairStreams.at(key.str());
    const NrUeRadio ueRadio = c.ueRadio.Apply(NrUeClass::Find(c.ue)->MakeRadio(*band));
    auto network = std::make_unique<NrRadioNetwork>();
    network->build = &sb;
    NetDeviceContainer gnbDevices;
    NrHelper ueHelper;
    ueHelper.SetUeRadio(ueRadio);
    for (const LinkSpec* l : cells)
    {
        sb.Step();
        const NrLinkConfig& cell = l->Config<NrLinkConfig>();
        const NodeGroup& ga = sb.GetGroup(l->a);
        // The class's power spectral density over the bandwidth this link configures.
        // (A link's own gnb_radio power is the total over its carrier.)
        const NrGnbRadio gnbRadio =
            cell.gnbRadio.Apply(NrCellClass::Find(cell.cell)->MakeRadio(*band, cell.bandwidth));
        NrHelper nr;
        nr.SetGnbAttribute("Mu", UintegerValue(cell.numerology));
        nr.SetGnbAttribute("TddPattern", StringValue(cell.tdd));
        nr.SetGnbAttribute("SpecialSlot", StringValue(cell.specialSlot));
        nr.SetGnbAttribute("MiniSlotSymbols", UintegerValue(cell.miniSlotSymbols));
        nr.SetGnbAttribute("UlAccess", StringValue(cell.ulAccess));
        nr.SetSchedulerType(TypeId::LookupByName(cell.scheduler));
        // One instance per cell: its link adaptation and its outcome draws use the same model.
        nr.SetGnbAttribute("ErrorModel", StringValue(cell.errorModel));
        for (const auto& [attribute, value] : cell.deviceAttributes)
        {
            nr.SetGnbAttribute(attribute, StringValue(value));
        }
        nr.SetGnbRadio(gnbRadio);
        sb.Place(ga, 0, gnbRadio.heightM);
        pairs.AddStations(ga, {0});
        pairs.Reserve(sb.GetStreams());
        try
        {
            gnbDevices.Add(nr.InstallGnb(ga.members[0], channel));
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(l->mark, "link '" + l->name + "': " + e.what());
        }
        network->cellOfGnb[gnbDevices.Get(gnbDevices.GetN() - 1)] = l;
    }
    NodeContainer ues;
    for (uint32_t i = 0; i < gb.members.size(); ++i)
    {
        sb.Place(gb, i, ueRadio.heightM);
        ues.Add(gb.members[i]);
    }
    pairs.AddTerminals(gb);
    pairs.Reserve(sb.GetStreams());
    // Each gNB's HARQ streams, named after its link; the carrier got its streams when it was
    // created, before any cell selection compared signals on it.
    for (uint32_t g = 0; g < gnbDevices.GetN(); ++g)
    {
        const LinkSpec& cellLink = *network->cellOfGnb.at(gnbDevices.Get(g));
        sb.GetStreams().Assign("link:" + cellLink.name + "/gnb", cellLink.mark, [&](int64_t s) {
            return ueHelper.AssignStreams(NetDeviceContainer(gnbDevices.Get(g)), s);
        });
    }
    NetDeviceContainer ueDevices = ueHelper.InstallUe(ues, gnbDevices);
    NetDeviceContainer all(gnbDevices);
    all.Add(ueDevices);
    sb.GetAddresses().AssignSubnet(all);
    for (uint32_t g = 0; g < gnbDevices.GetN(); ++g)
    {
        const LinkSpec& l = *network->cellOfGnb.at(gnbDevices.Get(g));
        const NrLinkConfig& cell = l.Config<NrLinkConfig>();
        const NodeGroup& ga = sb.GetGroup(l.a);
        // The cell's power model, by default EARTH (Auer et al. 2011, Table II): a macro class is
        // EARTH's macro base station, a small cell its micro one (ITU-R M.2412 puts small cells
        // at 24-33 dBm, nearer the micro's 6.3 W than the pico's 0.13 W). Idle time: SSB
        // bursts, and sleep between them if the planner allows it, at TR 38.864 Table 5.1-3's
        // depths for the cell's category (1 wide area, 2 medium range / local area) and
        // reference set (1 FR1 TDD, 2 FR1 FDD, 3 FR2). The SSB burst spans the candidates of
        // TS 38.213 clause 4.1 (above 3 GHz): case C at 30 kHz, 8 in 4 slots (2 ms); case A at
        // 15 kHz, 8 in 4 slots (4 ms); case D at 120 kHz, 64 in 38 slots (4.75 ms). These
        // settings reach the model through its attributes of those names, where it has them.
        const bool small = cell.cell == "small";
        const Time burst = band->fr2              ? MicroSeconds(4750)
                           : cell.numerology == 0 ? MilliSeconds(4)
                                                  : MilliSeconds(2);
        NrCellEnergy cellEnergy;
        cellEnergy.link = l.name;
        cellEnergy.gnbNode = l.a;
        cellEnergy.gnb = DynamicCast<NrGnbPowerModel>(
            CreateStationPowerModel(cell.power,
                                    {{"BsType", Create<StringValue>(small ? "micro" : "macro")},
                                     {"MaxSleepState", Create<StringValue>(cell.sleep)},
                                     {"SsbPeriod", Create<TimeValue>(Seconds(cell.ssbPeriod))},
                                     {"SsbBurstDuration", Create<TimeValue>(burst)},
                                     {"BsCategory", Create<UintegerValue>(small ? 2 : 1)},
                                     {"ReferenceSet",
                                      Create<UintegerValue>(band->fr2           ? 3
                                                            : cell.tdd == "FDD" ? 2
                                                                                : 1)}}));
        // EARTH's input power includes the site's supply and cooling losses: no PUE on top.
        cellEnergy.pue = cellEnergy.gnb->IncludesSiteOverhead() ? 1.0 : ga.pue;
        cellEnergy.gnb->Attach(DynamicCast<NrGnbNetDevice>(gnbDevices.Get(g)));
        // The UEs' modems by TR 38.840 (NrUeEnergyModel's defaults: a Snapdragon X55 module's
        // measured current, 23 dBm uplink), summed per cell.
        cellEnergy.ueNode = l.b;
        cellEnergy.ues = CreateObject<NrCellUeEnergyModel>();
        cellEnergy.ues->GetUeModel()->SetAttribute("FrequencyRange",
                                                   StringValue(band->fr2 ? "FR2" : "FR1"));
        cellEnergy.ues->Attach(DynamicCast<NrGnbNetDevice>(gnbDevices.Get(g)));
        network->energy.push_back(cellEnergy);
        ueHelper.AttachUeAddresses(gnbDevices.Get(g));
    }
    // Routing metric: a nominal two slots each way (scheduling plus transmission). A moving
    // UE's radio hop adds nothing to a flow's propagation bound: its length changes.
    const double slot = NrNumerology(c.numerology).GetSlotDuration().GetSeconds();
    for (uint32_t i = 0; i < ueDevices.GetN(); ++i)
    {
        Ptr<NrUeNetDevice> ue = DynamicCast<NrUeNetDevice>(ueDevices.Get(i));
        Ptr<NetDevice> serving = ue->GetGnb();
        network->routingEdgeOfUe[ue] = AddCellEdges(sb,
                                                    *network->cellOfGnb.at(serving),
                                                    "nr",
                                                    serving,
                                                    NetDeviceContainer(ue),
                                                    2 * slot,
                                                    gb.spec->mobility.has_value());
    }
    if (cells.size() > 1 && gb.spec->mobility)
    {
        const NrHandoverSpec& h = c.handover;
        network->handover = CreateObject<NrHandoverManager>();
        network->handover->SetAttribute("Hysteresis", DoubleValue(h.hysteresisDb));
        network->handover->SetAttribute("A3Offset", DoubleValue(h.offsetDb));
        network->handover->SetAttribute("TimeToTrigger", TimeValue(Seconds(h.timeToTrigger)));
        network->handover->SetAttribute("InterruptionTime", TimeValue(Seconds(h.interruption)));
        network->handover->SetAttribute("MeasurementPeriod",
                                        TimeValue(Seconds(h.measurementPeriod)));
        for (uint32_t g = 0; g < gnbDevices.GetN(); ++g)
        {
            network->handover->AddCell(DynamicCast<NrGnbNetDevice>(gnbDevices.Get(g)));
        }
        for (uint32_t i = 0; i < ueDevices.GetN(); ++i)
        {
            network->handover->AddUe(DynamicCast<NrUeNetDevice>(ueDevices.Get(i)));
        }
        network->handover->SetPathSwitchCallback(
            MakeCallback(&NrRadioNetwork::SwitchPath, network.get()));
    }
    state.networks[&first] = std::move(network);
}

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(NrTechnology, false);

} // namespace blueprint
} // namespace ns3
