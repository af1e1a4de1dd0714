/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/attribute-text.h"
#include "helper/scenario/scenario-build.h"
#include "helper/scenario/spec-reading.h"
#include "helper/scenario/type-choice.h"
#include "helper/technology/cell-technology.h"
#include "helper/technology/lte/lte-cell-builder.h"
#include "helper/technology/lte/lte-link-config.h"
#include "helper/technology/radio-pair-streams.h"
#include "model/lte/lte-band-profile.h"
#include "model/lte/lte-enb-power-model.h"
#include "model/nr/nr-band-profile.h"

#include "ns3/ff-mac-scheduler.h"
#include "ns3/lte-enb-component-carrier-manager.h"
#include "ns3/lte-ffr-algorithm.h"
#include "ns3/lte-handover-algorithm.h"
#include "ns3/lte-ue-component-carrier-manager.h"
#include "ns3/mobility-model.h"
#include "ns3/propagation-loss-model.h"
#include "ns3/spectrum-propagation-loss-model.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <cstdio>

namespace ns3
{
namespace blueprint
{

using namespace specreading;

namespace
{

/// The FF MAC schedulers of ns-3's lte module by their short names (ns-3 "LTE Design
/// Documentation", MAC scheduler), or any type that builds an FfMacScheduler.
const TypeChoice&
LteSchedulers()
{
    static const TypeChoice choice{"LTE scheduler",
                                   "ns3::FfMacScheduler",
                                   &BuildsA<FfMacScheduler>,
                                   {{"pf", "ns3::PfFfMacScheduler"},
                                    {"rr", "ns3::RrFfMacScheduler"},
                                    {"pss", "ns3::PssFfMacScheduler"},
                                    {"cqa", "ns3::CqaFfMacScheduler"},
                                    {"fdmt", "ns3::FdMtFfMacScheduler"},
                                    {"tdmt", "ns3::TdMtFfMacScheduler"},
                                    {"tta", "ns3::TtaFfMacScheduler"},
                                    {"fdbet", "ns3::FdBetFfMacScheduler"},
                                    {"tdbet", "ns3::TdBetFfMacScheduler"},
                                    {"fdtbfq", "ns3::FdTbfqFfMacScheduler"},
                                    {"tdtbfq", "ns3::TdTbfqFfMacScheduler"}}};
    return choice;
}

/// LteHelper's attributes that name the types it builds (lte-helper.cc DoInitialize and its
/// Set*Type in ns-3.37), checked like any attribute a scenario sets (CheckAttributeText).
const bool g_lteHelperTypeAttributes [[maybe_unused]] = [] {
    for (const TypeNameAttribute& a : {
             TypeNameAttribute{"ns3::LteHelper",
                               "Scheduler",
                               "ns3::FfMacScheduler",
                               &BuildsA<FfMacScheduler>,
                               false},
             TypeNameAttribute{"ns3::LteHelper",
                               "FfrAlgorithm",
                               "ns3::LteFfrAlgorithm",
                               &BuildsA<LteFfrAlgorithm>,
                               false},
             TypeNameAttribute{"ns3::LteHelper",
                               "HandoverAlgorithm",
                               "ns3::LteHandoverAlgorithm",
                               &BuildsA<LteHandoverAlgorithm>,
                               false},
             TypeNameAttribute{"ns3::LteHelper",
                               "FadingModel",
                               "ns3::SpectrumPropagationLossModel",
                               &BuildsA<SpectrumPropagationLossModel>,
                               true},
             TypeNameAttribute{"ns3::LteHelper",
                               "PathlossModel",
                               "ns3::PropagationLossModel",
                               &BuildsA<PropagationLossModel>,
                               false},
             TypeNameAttribute{"ns3::LteHelper",
                               "EnbComponentCarrierManager",
                               "ns3::LteEnbComponentCarrierManager",
                               &BuildsA<LteEnbComponentCarrierManager>,
                               false},
             TypeNameAttribute{"ns3::LteHelper",
                               "UeComponentCarrierManager",
                               "ns3::LteUeComponentCarrierManager",
                               &BuildsA<LteUeComponentCarrierManager>,
                               false},
         })
    {
        RegisterTypeNameAttribute(a);
    }
    return true;
}();

/// The eNB power models a cell's `power: {model: ...}` may name: earth (LteEnbEnergyModel), or any
/// type that builds an LteEnbPowerModel.
const TypeChoice&
LteEnbPowerModels()
{
    static const TypeChoice choice{"eNB power model",
                                   "ns3::blueprint::LteEnbPowerModel",
                                   &BuildsA<LteEnbPowerModel>,
                                   {{"earth", "ns3::blueprint::LteEnbEnergyModel"}}};
    return choice;
}

/// The nodes ns-3's lte module adds for its EPC (PGW, SGW, MME).
constexpr uint64_t kEpcNodes = 3;

/// The radio part of an LTE link: band and carrier, bandwidth, cell and UE classes, scheduler,
/// propagation, powers, the core node of the EPC and ns-3 attributes.
std::shared_ptr<LteLinkConfig>
ReadLteCell(const ConfigNode& link, const ScenarioSpec& spec, const std::string& context)
{
    auto lte = std::make_shared<LteLinkConfig>();
    const ConfigNode& bandNode = link.Get("band", context);
    lte->bandMark = bandNode.GetMark();
    std::string bandText = ReadChoice(bandNode, LteBandProfile::Names(), "LTE band");
    lte->band = static_cast<uint16_t>(std::stoi(bandText));
    const LteBandProfile* band = LteBandProfile::Find(lte->band);
    lte->dlMhz = band->defaultDlMhz;
    lte->bandwidth = band->defaultBandwidthMhz * 1e6;
    const ConfigNode* carrier = link.Find("carrier");
    if (carrier)
    {
        lte->dlMhz = carrier->AsFrequency() / 1e6;
    }
    const ConfigNode* bw = link.Find("bandwidth");
    if (bw)
    {
        lte->bandwidth = bw->AsFrequency();
        try
        {
            LteResourceBlocks(lte->bandwidth);
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(bw->GetMark(), context + ": " + e.what());
        }
    }
    // A carrier sits on the 100 kHz channel raster (TS 36.101 clause 5.7.2) and its channel
    // inside the band.
    double raster = lte->dlMhz * 10;
    if (std::abs(raster - std::round(raster)) > 1e-6 ||
        !band->Fits(lte->dlMhz, lte->bandwidth / 1e6))
    {
        char buffer[200];
        std::snprintf(buffer,
                      sizeof(buffer),
                      ": a %g MHz channel at %g MHz does not fit band %u's downlink "
                      "(%g-%g MHz) on the 100 kHz raster",
                      lte->bandwidth / 1e6,
                      lte->dlMhz,
                      lte->band,
                      band->dlLowMhz,
                      band->GetDlHighMhz());
        throw InputError(carrier ? carrier->GetMark()
                         : bw    ? bw->GetMark()
                                 : bandNode.GetMark(),
                         context + buffer);
    }
    if (const ConfigNode* cell = link.Find("cell"))
    {
        lte->cell = ReadChoice(*cell, NrCellClass::Names(), "cell class");
    }
    lte->scenario = NrCellClass::Find(lte->cell)->scenario;
    if (const ConfigNode* ue = link.Find("ue"))
    {
        lte->ue = ReadChoice(*ue, NrUeClass::Names(), "UE class");
    }
    if (const ConfigNode* sched = link.Find("scheduler"))
    {
        lte->scheduler = ReadTypeChoice(*sched, LteSchedulers());
    }
    lte->propagationMark = link.GetMark();
    if (const ConfigNode* prop = link.Find("propagation"))
    {
        lte->propagationMark = prop->GetMark();
        prop->CheckKeys({"scenario", "condition", "shadowing"}, context + " propagation");
        if (const ConfigNode* sc = prop->Find("scenario"))
        {
            lte->scenario = ReadChoice(*sc, {"RMa", "UMa", "UMi"}, "propagation scenario");
        }
        if (const ConfigNode* cond = prop->Find("condition"))
        {
            lte->condition = ReadChoice(*cond, {"Auto", "LOS", "NLOS"}, "channel condition");
        }
        if (const ConfigNode* sh = prop->Find("shadowing"))
        {
            lte->shadowing = sh->AsBool();
        }
    }
    if (const ConfigNode* p = link.Find("enb_power"))
    {
        lte->enbPowerDbm = ReadTxPowerDbm(*p, context + " enb_power");
    }
    if (const ConfigNode* sleep = link.Find("sleep"))
    {
        lte->sleep = ReadChoice(*sleep, {"micro", "light", "deep"}, "sleep state");
        if (lte->sleep != "micro")
        {
            throw InputError(sleep->GetMark(),
                             context + ": an LTE cell sends its cell-specific reference signals "
                                       "in every 1 ms subframe (TS 36.211 clause 6.10.1), "
                                       "shorter than the 6 ms a light sleep takes (TR 38.864 "
                                       "Table 5.1-4): it can only micro-sleep (sleep: micro)");
        }
    }
    if (const ConfigNode* power = link.Find("power"))
    {
        ReadStationPower(*power, LteEnbPowerModels(), context + " power", lte->power);
    }
    if (const ConfigNode* p = link.Find("ue_power"))
    {
        lte->uePowerDbm = ReadTxPowerDbm(*p, context + " ue_power");
    }
    const ConfigNode& core = link.Get("core", context);
    lte->core = RequireNode(spec, core, context + " core").name;
    lte->coreMark = core.GetMark();
    if (const ConfigNode* attrs = link.Find("attributes"))
    {
        for (const auto& [key, value] : attrs->GetEntries())
        {
            auto pos = key.rfind("::");
            if (pos == std::string::npos || pos == 0)
            {
                throw InputError(attrs->GetKeyMark(key),
                                 context + ": LTE attributes are written ns3::TypeName::Attribute, "
                                           "e.g. ns3::LteEnbRrc::SrsPeriodicity");
            }
            CheckAttribute(key.substr(0, pos), key.substr(pos + 2), value, attrs->GetKeyMark(key));
        }
        lte->attributes = ReadStringMap(*attrs);
    }
    return lte;
}

/// The LTE links of a scenario share one EPC and one ns-3 LteHelper: one core node for the
/// PGW, one propagation model, and one value per ns-3 attribute default.
void
CheckLteCellsShareOneCore(const std::vector<const LinkSpec*>& cells)
{
    const LinkSpec* first = nullptr;
    std::map<std::string, std::pair<std::string, const LinkSpec*>> attributes;
    for (const LinkSpec* cell : cells)
    {
        const LinkSpec& l = *cell;
        const LteLinkConfig& c = l.Config<LteLinkConfig>();
        std::string context = "link '" + l.name + "'";
        if (c.core == l.a || c.core == l.b)
        {
            throw InputError(c.coreMark,
                             context + ": the core node must be another node than the eNB and "
                                       "its UEs");
        }
        if (first && c.core != first->Config<LteLinkConfig>().core)
        {
            throw InputError(c.coreMark,
                             context + ": all LTE links share one EPC, whose PGW attaches to '" +
                                 first->Config<LteLinkConfig>().core + "' (link '" + first->name +
                                 "')");
        }
        if (first && (c.scenario != first->Config<LteLinkConfig>().scenario ||
                      c.condition != first->Config<LteLinkConfig>().condition ||
                      c.shadowing != first->Config<LteLinkConfig>().shadowing ||
                      c.band != first->Config<LteLinkConfig>().band))
        {
            throw InputError(c.band != first->Config<LteLinkConfig>().band ? c.bandMark
                                                                           : c.propagationMark,
                             context +
                                 ": ns-3's LteHelper has one channel and path loss model "
                                 "for all LTE cells; use the band and propagation of link '" +
                                 first->name + "'");
        }
        for (const auto& [key, value] : c.attributes)
        {
            auto [it, inserted] = attributes.emplace(key, std::make_pair(value, &l));
            if (!inserted && it->second.first != value)
            {
                throw InputError(l.mark,
                                 context + ": " + key + " is " + value + " here but " +
                                     it->second.first + " on link '" + it->second.second->name +
                                     "'; LTE attributes are ns-3 defaults for the whole run");
            }
        }
        if (!first)
        {
            first = &l;
        }
    }
}

/// ns-3's LTE eNB gives each UE its own SRS configuration: a cell holds at most 320 UEs.
void
CheckLteCellsHoldTheirUes(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& cells)
{
    for (const LinkSpec* cell : cells)
    {
        const LinkSpec& l = *cell;
        const LteLinkConfig& c = l.Config<LteLinkConfig>();
        // The period the eNB starts with: the scenario's default, which the runner lets win, the
        // link's attribute, or ns-3's own default. The texts are checked ns-3 values already.
        const std::string name = "ns3::LteEnbRrc::SrsPeriodicity";
        uint32_t srs = 0;
        if (const auto d = spec.defaults.find(name); d != spec.defaults.end())
        {
            srs = static_cast<uint32_t>(std::stoul(d->second));
        }
        else if (const auto a = c.attributes.find(name); a != c.attributes.end())
        {
            srs = static_cast<uint32_t>(std::stoul(a->second));
        }
        else
        {
            TypeId::AttributeInformation info;
            TypeId::LookupByName("ns3::LteEnbRrc").LookupAttributeByName("SrsPeriodicity", &info);
            srs = static_cast<uint32_t>(DynamicCast<const UintegerValue>(info.initialValue)->Get());
        }
        try
        {
            LteCellBuilder::SrsPeriodicityFor(spec.FindNode(l.b)->count, srs);
        }
        catch (const std::invalid_argument& e)
        {
            throw InputError(l.mark, "link '" + l.name + "': " + e.what());
        }
    }
}

/// What the LTE cells of one run share.
struct LteRunState : public TechnologyRunState
{
    std::unique_ptr<LteCellBuilder> builder; //!< the one EPC and LteHelper, on first use
    /// The streams of every eNB-UE pair on the run's LTE channels.
    std::shared_ptr<RadioPairStreams> pairs = std::make_shared<RadioPairStreams>("lte");
    bool epcReported = false; //!< the EPC's unaccounted report is made
};

/**
 * \ingroup blueprint
 * \brief The LTE technology: an eNB (the link's first node) and its UEs (the second), built with
 * ns-3's lte module and the scenario's one EPC, whose PGW attaches to the link's `core` node.
 */
class LteTechnology : public CellTechnology
{
  public:
    std::string GetName() const override
    {
        return "lte";
    }

    std::vector<std::string> GetKeys() const override
    {
        return {"band",
                "carrier",
                "bandwidth",
                "cell",
                "ue",
                "scheduler",
                "propagation",
                "enb_power",
                "ue_power",
                "core",
                "sleep",
                "power",
                "attributes"};
    }

    /// `power:` chooses the eNB's power model (ReadStationPower), not the common override.
    bool ReadsOwnPower() const override
    {
        return true;
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        RequireSingleStation(ctx, "an LTE link", "eNB");
        return ReadLteCell(link, ctx.spec, ctx.context);
    }

    void Check(const ScenarioSpec& spec, const std::vector<const LinkSpec*>& mine) const override
    {
        CheckLteCellsShareOneCore(mine);
        CheckLteCellsHoldTheirUes(spec, mine);
    }

    /// The UEs reach the network through the EPC's PGW at the core node; the eNB's own node is
    /// not on their path.
    std::vector<std::pair<std::string, std::string>> GetRoutedPairs(
        const LinkSpec& link) const override
    {
        return {{link.Config<LteLinkConfig>().core, link.b}};
    }

    void AddFootprint(const ScenarioSpec& spec,
                      const std::vector<const LinkSpec*>& mine,
                      FootprintTally& tally) const override
    {
        CellTechnology::AddFootprint(spec, mine, tally);
        // The EPC's nodes forward every UE's packets.
        tally.extraNodes += kEpcNodes;
        tally.extraTransit += kEpcNodes;
        // ns-3's LTE helper, EPC and their per-run tables: the LTE rows of doc/benchmarks.rst
        // peaked 22-31 MiB above what the per-element figures give them, taken high.
        tally.fixedBytes += 40e6;
    }

    /// An LTE link's attributes are defaults for the run: ns-3's lte module creates some of its
    /// objects (RLC entities, bearers) only while the simulation runs.
    void AddDefaults(const LinkSpec& link,
                     std::map<std::string, std::string>& defaults) const override
    {
        const auto& attributes = link.Config<LteLinkConfig>().attributes;
        defaults.insert(attributes.begin(), attributes.end());
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override;

    /// The cell's site cost, and the UEs and the EPC reported unmetered. The cell's energy is
    /// metered where it is built.
    void AccountLink(ScenarioBuild& run, const LinkSpec& l) const override
    {
        CellTechnology::AccountLink(run, l);
        const LteLinkConfig& c = l.Config<LteLinkConfig>();
        // ns-3's LTE MAC has no per-UE slot hooks to drive a UE model (NR meters its UEs).
        run.ReportUnmetered(
            {l.name + " UEs", l.b, "lte", "ns-3's LTE MAC has no per-UE activity hooks"});
        bool& epcReported = run.GetState<LteRunState>().epcReported;
        if (!epcReported)
        {
            epcReported = true;
            const std::string why = "the carrier's core (PGW, SGW, MME), shared";
            run.ReportUnmetered({"epc", c.core, "lte", why});
            run.ReportUncosted({"epc", c.core, "lte", why});
        }
    }

  protected:
    /// The cell class's site cost (NrCellClass).
    CostItem GetCatalogueCost(const LinkSpec& l) const override
    {
        const NrCellClass* cell = NrCellClass::Find(l.Config<LteLinkConfig>().cell);
        return CostItem{l.name, l.a, "lte", cell->capex, cell->lifetimeYears, cell->opexPerYear};
    }

    /// An eNB-UE pair's condition model and a path loss model per direction: at most 6.8 KiB
    /// measured (10 cells of 50 UEs against 2 of 250, GNU time's peak RSS; doc/benchmarks.rst).
    double GetPairModelBytes() const override
    {
        return 7e3;
    }
};

/// Build one LTE cell with ns-3's lte module and the scenario's one EPC: one routing edge from
/// the core node (where the PGW attaches) to each UE. The propagation bound of that edge is the
/// radio distance at the speed of light plus the eNB's S1-U fibre to the core site.
void
LteTechnology::Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const
{
    const LinkSpec& l = *unit.front();
    run.Step();
    const LteLinkConfig& c = l.Config<LteLinkConfig>();
    const NodeGroup& enb = run.GetGroup(l.a);
    const NodeGroup& ues = run.GetGroup(l.b);
    const NodeGroup& core = run.GetGroup(c.core);
    LteRunState& state = run.GetState<LteRunState>();
    std::unique_ptr<LteCellBuilder>& builder = state.builder;
    if (!builder)
    {
        // One EPC and one pair of spectrum channels serve every LTE cell of the run; each
        // eNB-UE pair on them draws its LOS state and shadow fading from streams named after
        // its two nodes (lte/node:mast/member:0|node:phones/member:3).
        std::shared_ptr<RadioPairStreams> pairs = state.pairs;
        run.GetStreams().Assign("lte:channels-and-epc", l.mark, [&](int64_t first) {
            int64_t next = first;
            builder = std::make_unique<LteCellBuilder>(
                core.members[0],
                c,
                run.GetAddresses(),
                next,
                [pairs](Ptr<Node> enb, Ptr<Node> ue) { return pairs->Find(enb, ue); });
            return next - first;
        });
    }
    NodeContainer ueNodes;
    for (const auto& n : ues.members)
    {
        ueNodes.Add(n);
    }
    // The eNB-core distance outside the lambda: C++17 lambdas cannot capture structured bindings.
    const auto [ex, ey] = enb.positions[0];
    const auto [cx, cy] = core.positions[0];
    const double backhaulMetres = std::hypot(ex - cx, ey - cy);
    LteCellBuilder::Cell cell;
    try
    {
        run.GetStreams().Assign("link:" + l.name + "/lte", l.mark, [&](int64_t first) {
            int64_t next = first;
            cell =
                builder->Build(c, enb.positions[0], ueNodes, ues.positions, backhaulMetres, next);
            return next - first;
        });
    }
    catch (const std::invalid_argument& e)
    {
        throw InputError(l.mark, "link '" + l.name + "': " + e.what());
    }
    // ns-3's LteHelper puts the eNB on a node of its own: its pairs are named after the mast
    // (two cells on one mast draw as one site), and every pair of the channels is reserved
    // before the simulation starts, so none is left without streams of its own.
    state.pairs->AddStation(cell.enb->GetNode(), enb, 0);
    state.pairs->AddTerminals(ues);
    state.pairs->Reserve(run.GetStreams());
    Ptr<NetDevice> coreDevice = builder->GetCoreDevice();
    Vector enbPosition = cell.enb->GetNode()->GetObject<MobilityModel>()->GetPosition();
    for (uint32_t i = 0; i < cell.ues.GetN(); ++i)
    {
        double distance = CalculateDistance(
            enbPosition,
            cell.ues.Get(i)->GetNode()->GetObject<MobilityModel>()->GetPosition());
        RoutingEdge edge;
        edge.devA = coreDevice;
        edge.devB = cell.ues.Get(i);
        // Routing metric: a nominal two 1 ms subframes each way plus the S1-U fibre.
        edge.weightSeconds = 2e-3 + cell.s1uDelay;
        edge.propagationBoundSeconds = distance / 299792458.0 + cell.s1uDelay;
        edge.lengthMetres = distance;
        edge.pathLabel = "lte";
        edge.segmentKind = "radio-access";
        run.AddEdge(l, edge);
    }
    // Cell power by default by EARTH (Auer et al. 2011, Table II), fitted to LTE base stations;
    // its input power includes the site's supply and cooling losses, so no PUE on top.
    Ptr<LteEnbPowerModel> energy = cell.energy;
    run.GetMeter()->AddIntegratedElement(
        l.name,
        l.a,
        "lte",
        [energy](Time now) { return energy->GetEnergy(now); },
        energy->IncludesSiteOverhead() ? 1.0 : enb.pue,
        energy->GetIdlePower());
}

} // namespace

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(LteTechnology, false);

} // namespace blueprint
} // namespace ns3
