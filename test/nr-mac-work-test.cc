/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The work of an NR cell's MAC: its scheduling passes look only at the UEs that can act, so a
 * cell of a few hundred mostly idle UEs costs per TTI what its few busy UEs cost (issue 9,
 * item 5), and deferring the active UEs that cannot act changes no transmission. The cells are
 * built from the model classes alone (no IP stack): packets go in through the devices' MAC
 * interfaces and are counted where the devices hand them up.
 */

#include "model/nr/nr-band-profile.h"
#include "model/nr/nr-cell-mac.h"
#include "model/nr/nr-channel.h"
#include "model/nr/nr-gnb-net-device.h"
#include "model/nr/nr-ue-net-device.h"

#include "ns3/boolean.h"
#include "ns3/constant-position-mobility-model.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <tuple>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// EtherType of IPv4, what the NR devices carry.
constexpr uint16_t IPV4 = 0x0800;

/// One transport block transmission as the DlTb and UlTb traces give it, with its time.
using TbRecord = std::tuple<int64_t, uint32_t, uint8_t, uint32_t, uint32_t, uint8_t, bool>;

/**
 * \brief Record a transmission.
 * \param log where to.
 * \param ue the UE.
 * \param mcs the MCS.
 * \param prbs the PRBs.
 * \param tbs the transport block size.
 * \param attempt the HARQ attempt.
 * \param ok whether it was decoded.
 */
void
RecordTb(std::vector<TbRecord>* log,
         uint32_t ue,
         uint8_t mcs,
         uint32_t prbs,
         uint32_t tbs,
         uint8_t attempt,
         bool ok)
{
    log->emplace_back(Simulator::Now().GetTimeStep(), ue, mcs, prbs, tbs, attempt, ok);
}

/**
 * \brief Count a packet a device hands up.
 * \param count the counter.
 * \return true (accepted).
 */
bool
CountRx(uint64_t* count,
        Ptr<NetDevice> /* device */,
        Ptr<const Packet> /* packet */,
        uint16_t /* protocol */,
        const Address& /* from */)
{
    ++*count;
    return true;
}

/// A 20 MHz n78 macro cell (mu 1, DDDSU) with UEs on a ring, some of them busy.
struct WorkCell
{
    /**
     * \brief Build the cell and its traffic.
     * \param ues the UEs of the cell.
     * \param busy the first \p busy UEs send and receive a 100 B packet every \p period.
     * \param period the period.
     * \param fixedBler the gNB's FixedBler (retransmissions when above 0).
     * \param deferring whether the MAC defers the active UEs that cannot act.
     */
    WorkCell(uint32_t ues, uint32_t busy, Time period, double fixedBler, bool deferring)
    {
        Ptr<NrChannel> channel = CreateObject<NrChannel>();
        channel->SetAttribute("Frequency", DoubleValue(3.5e9));
        channel->SetAttribute("Bandwidth", DoubleValue(20e6));
        channel->SetAttribute("Numerology", UintegerValue(1));
        channel->SetAttribute("Scenario", StringValue("ns3::blueprint::NrUmaScenario"));
        channel->SetAttribute("ChannelCondition", EnumValue(NrChannel::LOS));
        channel->SetAttribute("Shadowing", BooleanValue(false));
        NrBandProfile band;
        band.frequencyHz = 3.5e9;
        band.bandwidthHz = 20e6;

        Ptr<Node> gnbNode = CreateObject<Node>();
        Ptr<ConstantPositionMobilityModel> mast = CreateObject<ConstantPositionMobilityModel>();
        mast->SetPosition(Vector(0, 0, 25));
        gnbNode->AggregateObject(mast);
        gnb = CreateObject<NrGnbNetDevice>();
        gnb->SetAttribute("FixedBler", DoubleValue(fixedBler));
        gnbNode->AddDevice(gnb);
        gnb->SetNrChannel(channel,
                          channel->AddGnb(gnb, NrCellClass::Find("macro")->MakeRadio(band, 20e6)));
        gnb->SetReceiveCallback(MakeBoundCallback(&CountRx, &ulDelivered));
        gnb->TraceConnectWithoutContext("DlTb", MakeBoundCallback(&RecordTb, &transmissions));
        gnb->TraceConnectWithoutContext("UlTb", MakeBoundCallback(&RecordTb, &transmissions));
        gnb->GetMac()->SetDeferring(deferring);

        for (uint32_t i = 0; i < ues; ++i)
        {
            Ptr<Node> node = CreateObject<Node>();
            Ptr<ConstantPositionMobilityModel> at = CreateObject<ConstantPositionMobilityModel>();
            const double distance = 30.0 + 200.0 * i / ues;
            const double angle = 2 * M_PI * i / ues;
            at->SetPosition(Vector(distance * std::cos(angle), distance * std::sin(angle), 1.5));
            node->AggregateObject(at);
            Ptr<NrUeNetDevice> ue = CreateObject<NrUeNetDevice>();
            node->AddDevice(ue);
            ue->SetNrChannel(channel,
                             channel->AddUe(ue, NrUeClass::Find("handset")->MakeRadio(band)));
            gnb->AttachUe(ue);
            ue->SetReceiveCallback(MakeBoundCallback(&CountRx, &dlDelivered));
            if (i >= busy)
            {
                continue;
            }
            // Each busy UE at its own offset in the period, from 10 ms to 1 s.
            for (Time t = MilliSeconds(10) + period * i / busy; t < Seconds(1); t += period)
            {
                Simulator::Schedule(t, [this, ue, i]() {
                    ue->Send(Create<Packet>(100), Address(), IPV4);
                    gnb->ForwardDl(i, Create<Packet>(100));
                    ++sent;
                });
            }
        }
        gnb->AssignStreams(1);
        channel->AssignStreams(2);
    }

    /// Run to the end (with time for the last packets to arrive) and clean up.
    void Run()
    {
        Simulator::Stop(Seconds(1.1));
        Simulator::Run();
        ttiEvents = gnb->GetTtiEvents();
        looks = gnb->GetMac()->GetSchedulerLooks();
        Simulator::Destroy();
    }

    Ptr<NrGnbNetDevice> gnb;             //!< the gNB device
    uint64_t sent = 0;                   //!< packets sent each way
    uint64_t ulDelivered = 0;            //!< uplink packets the gNB handed up
    uint64_t dlDelivered = 0;            //!< downlink packets the UEs handed up
    uint64_t ttiEvents = 0;              //!< TTI events the cell ran
    uint64_t looks = 0;                  //!< UEs the scheduling passes looked at
    std::vector<TbRecord> transmissions; //!< every DlTb and UlTb, in order
};

} // namespace

/// 400 UEs in the cell, 4 of them busy (100 B each way every 5 ms): the passes look at the busy
/// UEs when they can act, about once per packet and direction (0.94 here), never at the 396
/// idle ones; a MAC that scanned the cell's UEs in every TTI would look 400 times per TTI.
TEST(NrMacWorkTest, SchedulingPassesLookOnlyAtUesThatCanAct)
{
    WorkCell cell(400, 4, MilliSeconds(5), 0.0, true);
    cell.Run();
    ASSERT_EQ(cell.sent, 4u * 198);
    EXPECT_EQ(cell.ulDelivered, cell.sent);
    EXPECT_EQ(cell.dlDelivered, cell.sent);
    const double perPacket = static_cast<double>(cell.looks) / (2 * cell.sent);
    const double perTti = static_cast<double>(cell.looks) / cell.ttiEvents;
    EXPECT_LT(perPacket, 2.0) << cell.looks << " looks, " << cell.ttiEvents << " TTI events";
    EXPECT_LT(perTti, 3.0) << cell.looks << " looks, " << cell.ttiEvents << " TTI events";
}

/// Deferring the active UEs that cannot act only saves work: with retransmissions (30 % BLER)
/// and 20 of 40 UEs busy every 2 ms, every transport block goes out at the same time, to the same
/// UE, with the same size and outcome whether the passes defer or look at every active UE.
TEST(NrMacWorkTest, DeferringIdleUesChangesNoTransmission)
{
    WorkCell deferring(40, 20, MilliSeconds(2), 0.3, true);
    deferring.Run();
    WorkCell everyTti(40, 20, MilliSeconds(2), 0.3, false);
    everyTti.Run();
    const auto retransmissions =
        std::count_if(deferring.transmissions.begin(),
                      deferring.transmissions.end(),
                      [](const TbRecord& r) { return std::get<5>(r) > 1; });
    ASSERT_GT(retransmissions, 1000);
    EXPECT_GT(deferring.ulDelivered, deferring.sent * 9 / 10);
    EXPECT_EQ(deferring.transmissions, everyTti.transmissions);
    EXPECT_EQ(deferring.ulDelivered, everyTti.ulDelivered);
    EXPECT_EQ(deferring.dlDelivered, everyTti.dlDelivered);
    EXPECT_EQ(deferring.ttiEvents, everyTti.ttiEvents);
    EXPECT_LT(deferring.looks, everyTti.looks);
}
