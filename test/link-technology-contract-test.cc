/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The link-technology contract, from the outside: a technology that only this test binary
 * registers ("test-tunnel", a point-to-point link of fixed rate and delay with its own power and
 * price keys) is read from YAML with its own keys and their did-you-mean, built into a run,
 * shown in the flows' technology path, metered and costed, and started afresh when an
 * alternative changes a link to it. Nothing in the reader or the runner knows it.
 */

#include "helper/scenario/scenario-build.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"
#include "helper/scenario/spec-reading.h"
#include "helper/technology/link-technology.h"
#include "input-error-support.h"
#include "model/energy/constant-power-model.h"

#include "ns3/data-rate.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace ns3;
using namespace ns3::blueprint;

/// A test tunnel's own keys, typed.
struct TunnelConfig : public LinkConfig
{
    double rateBps = 0;         //!< both directions
    double delaySeconds = 1e-3; //!< one way
    double watts = 5;           //!< per end, constant
    double price = 1000;        //!< capex of the whole tunnel, one-year life
};

/// Joins each member pair with ns-3's PointToPointHelper at the configured rate and delay.
class TunnelTechnology : public LinkTechnology
{
  public:
    std::string GetName() const override
    {
        return "test-tunnel";
    }

    std::vector<std::string> GetKeys() const override
    {
        return {"rate", "delay", "watts", "price"};
    }

    std::shared_ptr<const LinkConfig> Read(const ConfigNode& link,
                                           const LinkReadContext& ctx) const override
    {
        auto c = std::make_shared<TunnelConfig>();
        const ConfigNode& rate = link.Get("rate", ctx.context);
        c->rateBps = rate.AsDataRate();
        specreading::RequirePositive(rate, c->rateBps, ctx.context + " rate");
        if (const ConfigNode* delay = link.Find("delay"))
        {
            c->delaySeconds = delay->AsDuration();
        }
        if (const ConfigNode* watts = link.Find("watts"))
        {
            c->watts = watts->AsPower();
        }
        if (const ConfigNode* price = link.Find("price"))
        {
            c->price = price->AsMoney();
        }
        return c;
    }

    void Build(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override
    {
        const LinkSpec& l = *unit.front();
        const TunnelConfig& c = l.Config<TunnelConfig>();
        const NodeGroup& ga = run.GetGroup(l.a);
        const NodeGroup& gb = run.GetGroup(l.b);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(c.rateBps)));
        p2p.SetChannelAttribute("Delay", TimeValue(Seconds(c.delaySeconds)));
        const uint32_t members = std::max(ga.members.size(), gb.members.size());
        for (uint32_t i = 0; i < members; ++i)
        {
            run.Step();
            NetDeviceContainer devices =
                p2p.Install(ga.members[PairedMember(i, members, ga.members.size())],
                            gb.members[PairedMember(i, members, gb.members.size())]);
            run.GetAddresses().AssignPointToPoint(devices);
            RoutingEdge edge;
            edge.devA = devices.Get(0);
            edge.devB = devices.Get(1);
            edge.weightSeconds = c.delaySeconds;
            edge.propagationBoundSeconds = c.delaySeconds;
            edge.pathLabel = "tunnel";
            edge.rateDown = c.rateBps;
            edge.rateUp = c.rateBps;
            run.AddEdge(l, edge);
        }
    }

    void AccountUnit(ScenarioBuild& run, const std::vector<const LinkSpec*>& unit) const override
    {
        const LinkSpec& l = *unit.front();
        const TunnelConfig& c = l.Config<TunnelConfig>();
        for (uint32_t edge : run.GetEdgesOf(l))
        {
            for (Ptr<NetDevice> end : {run.GetEdge(edge).devA, run.GetEdge(edge).devB})
            {
                run.GetMeter()->AddElement(l.name,
                                           end == run.GetEdge(edge).devA ? l.a : l.b,
                                           GetName(),
                                           CreateConstantPowerModel(c.watts, 1.0),
                                           NetDeviceContainer(end));
            }
        }
        run.GetLedger().Add(CostItem{l.name, l.a, GetName(), c.price, 1, 0});
    }
};

BLUEPRINT_REGISTER_LINK_TECHNOLOGY(TunnelTechnology, false);

const std::string kTunnel = R"(blueprint: 1
name: tunnelled
duration: 2s
drain: 1s
sites:
  here: {position: [0km, 0km]}
  there: {position: [30km, 0km]}
nodes:
  sender: {site: here}
  receiver: {site: there}
links:
  pipe: {technology: test-tunnel, between: [sender, receiver], rate: 10Mbps, delay: 7ms,
         watts: 4W, price: 365000}
flows:
  ticks:
    from: sender
    to: receiver
    traffic: {pattern: periodic, interval: 10ms, size: 200B}
)";

TEST(LinkTechnologyContractTest, ATestOnlyTechnologyIsReadBuiltShownMeteredAndCosted)
{
    const ScenarioSpec spec = ScenarioDocument::FromString(kTunnel, "tunnel.yaml").Resolve("base");
    ASSERT_EQ(spec.links.size(), 1u);
    EXPECT_EQ(spec.links[0].technology, "test-tunnel");
    EXPECT_DOUBLE_EQ(spec.links[0].Config<TunnelConfig>().delaySeconds, 7e-3);

    const RunResult r = ScenarioRunner(spec).Run();
    ASSERT_EQ(r.flows.size(), 1u);
    const FlowResult& f = r.flows[0];
    EXPECT_EQ(f.technologyPath, std::vector<std::string>{"tunnel"});
    EXPECT_EQ(f.linkPath, std::vector<std::string>{"pipe"});
    EXPECT_EQ(f.rxPackets, f.txPackets);
    EXPECT_GT(f.txPackets, 0u);
    EXPECT_NEAR(f.propagationBoundMs, 7.0, 1e-9);
    // 7 ms of channel delay plus 228 bytes on the wire (200 B + UDP, IP and PPP headers) at
    // 10 Mbit/s.
    EXPECT_NEAR(f.latency.min, 7.0 + (200 + 8 + 20 + 2) * 8 / 10e6 * 1e3, 1e-6);
    // Both ends at 4 W for the run's 3 s (duration and drain).
    EXPECT_NEAR(r.energyByTechnology.at("test-tunnel"), 2 * 4.0 * 3.0, 1e-9);
    EXPECT_NEAR(r.annualisedByTechnology.at("test-tunnel"), 365000, 1e-6);
    EXPECT_EQ(r.links, 1u);
}

/// What reading kTunnel with `was` replaced by `now` says.
std::string
ErrorWith(const std::string& was, const std::string& now)
{
    std::string text = kTunnel;
    text.replace(text.find(was), was.size(), now);
    return ErrorFrom([&]() { ScenarioDocument::FromString(text, "tunnel.yaml").Resolve("base"); })
        .what();
}

TEST(LinkTechnologyContractTest, ItsOwnKeysHaveADidYouMean)
{
    EXPECT_EQ(ErrorWith("delay: 7ms", "dealy: 7ms"),
              "tunnel.yaml:12:78: unknown key 'dealy' in link 'pipe'; did you mean 'delay'?");
}

TEST(LinkTechnologyContractTest, AnUnknownTechnologyGetsADidYouMeanOverTheRegisteredOnes)
{
    EXPECT_EQ(ErrorWith("test-tunnel", "test-tunel"),
              "tunnel.yaml:12:22: unknown link technology 'test-tunel'; did you mean "
              "'test-tunnel'?");
}

TEST(LinkTechnologyContractTest, ChangingALinkToItStartsTheLinkAfresh)
{
    // A fibre in the base; the alternative makes it a tunnel, whose keys are all its own.
    const std::string text = R"(blueprint: 1
name: tunnelled
duration: 1s
sites:
  here: {position: [0km, 0km]}
  there: {position: [30km, 0km]}
nodes:
  sender: {site: here}
  receiver: {site: there}
links:
  pipe: {between: [sender, receiver], profile: fiber, rate: 1Gbps}
flows:
  ticks: {from: sender, to: receiver, traffic: {pattern: periodic, interval: 10ms, size: 200B}}
alternatives:
  tunnel:
    changes:
      links:
        pipe: {technology: test-tunnel, rate: 10Mbps}
)";
    const ScenarioSpec spec = ScenarioDocument::FromString(text, "tunnel.yaml").Resolve("tunnel");
    EXPECT_EQ(spec.links.at(0).technology, "test-tunnel");
    EXPECT_EQ(spec.links.at(0).a, "sender");
    EXPECT_DOUBLE_EQ(spec.links.at(0).Config<TunnelConfig>().rateBps, 10e6);
}

} // namespace
