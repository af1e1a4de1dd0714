/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Model variants are ns-3 types (issue 9 item 6): a scenario names a scheduler or a traffic
 * source by a short name or by TypeId, and a researcher's own subclass, registered with ns-3's
 * TypeId system by the program that links blueprint (here the test binary), plugs in by name from
 * YAML. The reader checks that the type exists and builds the right kind of object, and says
 * where it does not.
 */

#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/technology/lte/lte-link-config.h"
#include "helper/technology/nr/nr-link-config.h"
#include "input-error-support.h"
#include "model/energy/element-power-model.h"
#include "model/equipment/equipment-profile.h"
#include "model/nr/nr-mac-scheduler.h"
#include "model/traffic/timestamp-header.h"
#include "model/traffic/timestamped-source.h"

#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <gtest/gtest.h>
#include <string>

namespace ns3
{

using namespace blueprint;

/**
 * A researcher's NR scheduler: serves the UEs in index order, each with all it needs while PRBs
 * last, and counts its calls so the test can see it ran.
 */
class FirstComeNrScheduler : public NrMacScheduler
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestFirstComeNrScheduler")
                                .SetParent<NrMacScheduler>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<FirstComeNrScheduler>();
        return tid;
    }

  protected:
    // First come, first served: each UE in index order gets all it needs.
    Sharing GetSharing() const override
    {
        return Sharing::IN_ORDER;
    }

    bool Precedes(std::size_t a, std::size_t b) const override
    {
        return a < b;
    }

    void PrepareTti(const std::vector<NrUeDemand>& demands, uint64_t tti) override
    {
        ++s_calls;
        NrMacScheduler::PrepareTti(demands, tti);
    }

  public:
    static uint64_t s_calls; //!< TTIs allocated, all instances together
};

uint64_t FirstComeNrScheduler::s_calls = 0;
NS_OBJECT_ENSURE_REGISTERED(FirstComeNrScheduler);

/// A researcher's traffic source: a burst of Packets packets of 100 B when the flow starts.
class BurstSource : public TimestampedSource
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestBurstSource")
                                .SetParent<TimestampedSource>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<BurstSource>()
                                .AddAttribute("Packets",
                                              "Packets in the burst.",
                                              UintegerValue(1),
                                              MakeUintegerAccessor(&BurstSource::m_packets),
                                              MakeUintegerChecker<uint32_t>(1, 1000));
        return tid;
    }

  protected:
    void StartSending() override
    {
        for (uint32_t i = 0; i < m_packets; ++i)
        {
            SendPacket(100);
        }
    }

    void StopSending() override
    {
    }

  private:
    uint32_t m_packets = 1; //!< burst size
};

NS_OBJECT_ENSURE_REGISTERED(BurstSource);

/// A researcher's power model: the linear model, but asleep (0 W) over a run that carried nothing.
class SleepingPowerModel : public ElementPowerModel
{
  public:
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::TestSleepingPowerModel")
                                .SetParent<ElementPowerModel>()
                                .SetGroupName("Blueprint")
                                .AddConstructor<SleepingPowerModel>();
        return tid;
    }

    double GetEnergy(double seconds, double bitsCarried) const override
    {
        return bitsCarried > 0 ? ElementPowerModel::GetEnergy(seconds, bitsCarried) : 0.0;
    }
};

NS_OBJECT_ENSURE_REGISTERED(SleepingPowerModel);

namespace
{

/// A gNB with two UEs and a server behind it; SCHEDULER and PATTERN are replaced.
const std::string kCell = R"(blueprint: 1
name: variants
duration: 1s
sites:
  mast: {position: [0m, 0m]}
  field: {position: [200m, 0m]}
  dc: {position: [5km, 0km]}
nodes:
  gnb: {site: mast}
  ues: {site: field, count: 2}
  server: {site: dc, equipment: server}
links:
  cell: {technology: nr, between: [gnb, ues], band: n78, scheduler: SCHEDULER}
  backhaul: {between: [server, gnb], profile: fiber, rate: 10Gbps}
flows:
  down:
    from: server
    to: ues
    traffic: {pattern: PATTERN}
)";

std::string
Cell(const std::string& scheduler, const std::string& pattern)
{
    std::string text = kCell;
    text.replace(text.find("SCHEDULER"), 9, scheduler);
    text.replace(text.find("PATTERN"), 7, pattern);
    return text;
}

ScenarioSpec
Read(const std::string& text)
{
    return ScenarioDocument::FromString(text, "variants.yaml").Resolve("base");
}

std::string
ErrorOf(const std::string& text)
{
    return ErrorFrom([&]() { Read(text); }).what();
}

const std::string kPeriodic = "periodic, interval: 10ms, size: 500B";

TEST(ModelVariantTest, AResearchersOwnNrSchedulerIsChosenFromYamlByItsTypeId)
{
    const ScenarioSpec spec = Read(Cell("ns3::TestFirstComeNrScheduler", kPeriodic));
    EXPECT_EQ(spec.links[0].Config<NrLinkConfig>().scheduler, "ns3::TestFirstComeNrScheduler");
    FirstComeNrScheduler::s_calls = 0;
    const RunResult r = ScenarioRunner(spec).Run();
    EXPECT_GT(FirstComeNrScheduler::s_calls, 0u);
    EXPECT_GT(r.flows[0].rxPackets, 0u);
    EXPECT_EQ(r.flows[0].rxPackets, r.flows[0].txPackets);

    // With the short name, blueprint's own scheduler runs and the researcher's does not.
    FirstComeNrScheduler::s_calls = 0;
    ScenarioRunner(Read(Cell("pf", kPeriodic))).Run();
    EXPECT_EQ(FirstComeNrScheduler::s_calls, 0u);
}

TEST(ModelVariantTest, ShortNamesAliasTheTypesBlueprintShips)
{
    EXPECT_EQ(Read(Cell("rr", kPeriodic)).links[0].Config<NrLinkConfig>().scheduler,
              "ns3::blueprint::NrMacSchedulerRr");
    EXPECT_EQ(Read(Cell("ns3::blueprint::NrMacSchedulerPf", kPeriodic))
                  .links[0]
                  .Config<NrLinkConfig>()
                  .scheduler,
              "ns3::blueprint::NrMacSchedulerPf");
}

TEST(ModelVariantTest, ATypeOfAnotherKindIsRefusedWhereItIsWritten)
{
    EXPECT_EQ(
        ErrorOf(Cell("ns3::blueprint::PeriodicSource", kPeriodic)),
        "variants.yaml:13:69: 'ns3::blueprint::PeriodicSource' is not an ns-3 type derived from "
        "ns3::blueprint::NrMacScheduler");
    // A base without a constructor cannot be built.
    EXPECT_EQ(ErrorOf(Cell("ns3::blueprint::NrMacScheduler", kPeriodic)),
              "variants.yaml:13:69: ns-3 cannot build a ns3::blueprint::NrMacScheduler (it has no "
              "constructor); name a concrete type");
}

TEST(ModelVariantTest, AnUnknownNameGetsADidYouMeanAmongItsKind)
{
    EXPECT_EQ(ErrorOf(Cell("ns3::NrMacSchedulerPF", kPeriodic)),
              "variants.yaml:13:69: unknown ns-3 type 'ns3::NrMacSchedulerPF'; expected an ns-3 "
              "type derived from ns3::blueprint::NrMacScheduler; did you mean "
              "'ns3::blueprint::NrMacSchedulerPf'?");
    // A name from before the types moved into ns3::blueprint (issue 9, item 7) is pointed there.
    EXPECT_EQ(ErrorOf(Cell("ns3::NrMacSchedulerRr", kPeriodic)),
              "variants.yaml:13:69: unknown ns-3 type 'ns3::NrMacSchedulerRr'; expected an ns-3 "
              "type derived from ns3::blueprint::NrMacScheduler; did you mean "
              "'ns3::blueprint::NrMacSchedulerRr'?");
    EXPECT_EQ(ErrorOf(Cell("pff", kPeriodic)),
              "variants.yaml:13:69: unknown scheduler 'pff'; did you mean 'pf'?");
}

TEST(ModelVariantTest, AResearchersOwnTrafficSourceIsChosenFromYamlWithItsAttributes)
{
    const ScenarioSpec spec = Read(Cell("pf", "ns3::TestBurstSource, attributes: {Packets: 7}"));
    const TrafficSpec& t = spec.flows[0].traffic;
    EXPECT_EQ(t.pattern, "ns3::TestBurstSource");
    EXPECT_EQ(t.attributes.at("Packets"), "7");
    const RunResult r = ScenarioRunner(spec).Run();
    // Seven packets to each of the two UEs, all delivered.
    EXPECT_EQ(r.flows[0].txPackets, 14u);
    EXPECT_EQ(r.flows[0].rxPackets, 14u);
    EXPECT_EQ(r.flows[0].pattern, "ns3::TestBurstSource");
}

TEST(ModelVariantTest, ASourceTypesAttributesAreCheckedAndThePatternKeysRefused)
{
    EXPECT_EQ(ErrorOf(Cell("pf", "ns3::TestBurstSource, attributes: {Packets: 0}")),
              "variants.yaml:19:68: '0' is not a valid value for ns3::TestBurstSource::Packets: "
              "expected uint32_t 1:1000");
    EXPECT_EQ(ErrorOf(Cell("pf", "ns3::TestBurstSource, interval: 10ms")),
              "variants.yaml:19:56: flow 'down' traffic: 'interval' does not apply to pattern "
              "ns3::TestBurstSource");
    EXPECT_EQ(ErrorOf(Cell("pf", "periodic, interval: 1s, attributes: {Packets: 2}")),
              "variants.yaml:19:60: flow 'down' traffic: 'attributes' does not apply to pattern "
              "periodic");
    EXPECT_EQ(
        ErrorOf(Cell("pf", "ns3::blueprint::NrMacSchedulerPf")),
        "variants.yaml:19:24: 'ns3::blueprint::NrMacSchedulerPf' is not an ns-3 type derived from "
        "ns3::blueprint::TimestampedSource");
}

TEST(ModelVariantTest, AnLteSchedulerIsChosenByShortNameOrTypeId)
{
    const std::string lte = R"(blueprint: 1
name: lte-variants
duration: 1s
sites:
  mast: {position: [0m, 0m]}
nodes:
  enb: {site: mast}
  phones: {site: mast, count: 2}
  core: {site: mast}
links:
  cell: {technology: lte, between: [enb, phones], band: 1, core: core, scheduler: SCHEDULER}
flows:
  up: {from: phones, to: core, traffic: {pattern: periodic, interval: 100ms}}
)";
    auto withScheduler = [&lte](const std::string& scheduler) {
        std::string text = lte;
        text.replace(text.find("SCHEDULER"), 9, scheduler);
        return text;
    };
    EXPECT_EQ(Read(withScheduler("tdbet")).links[0].Config<LteLinkConfig>().scheduler,
              "ns3::TdBetFfMacScheduler");
    EXPECT_EQ(
        Read(withScheduler("ns3::CqaFfMacScheduler")).links[0].Config<LteLinkConfig>().scheduler,
        "ns3::CqaFfMacScheduler");
    EXPECT_EQ(
        ErrorOf(withScheduler("ns3::blueprint::NrMacSchedulerPf")),
        "variants.yaml:11:83: 'ns3::blueprint::NrMacSchedulerPf' is not an ns-3 type derived from "
        "ns3::FfMacScheduler");
}

TEST(ModelVariantTest, AResearchersOwnPowerModelIsChosenFromYamlByItsTypeId)
{
    // A spare router that forwards nothing: 100 W by the linear model, asleep by the other (its
    // fibre port is metered apart, under the fibre).
    const std::string text = R"(blueprint: 1
name: spare
duration: 2s
drain: 0s
sites:
  a: {position: [0km, 0km]}
  b: {position: [1km, 0km]}
nodes:
  h1: {site: a}
  h2: {site: b}
  spare: {site: a, equipment: router, power: {idle: 100W, model: MODEL}}
links:
  l: {between: [h1, h2], profile: fiber, rate: 1Gbps}
  s: {between: [h1, spare], profile: fiber, rate: 1Gbps}
flows:
  f: {from: h1, to: h2, traffic: {pattern: periodic, interval: 100ms}}
)";
    auto energyOfSpare = [&text](const std::string& model) {
        std::string withModel = text;
        withModel.replace(withModel.find("MODEL"), 5, model);
        return ScenarioRunner(Read(withModel)).Run().energyByTechnology.at("router");
    };
    // 100 W for the 2 s run at the router class's site PUE.
    EXPECT_NEAR(energyOfSpare("linear"), 100.0 * 2.0 * EquipmentProfile::Find("router")->pue, 1e-6);
    EXPECT_EQ(energyOfSpare("ns3::TestSleepingPowerModel"), 0.0);
    EXPECT_EQ(
        ErrorOf(text.substr(0, text.find("MODEL")) + "ns3::blueprint::NrMacSchedulerPf" +
                text.substr(text.find("MODEL") + 5)),
        "variants.yaml:11:66: 'ns3::blueprint::NrMacSchedulerPf' is not an ns-3 type derived from "
        "ns3::blueprint::ElementPowerModel");
}

} // namespace
} // namespace ns3
