/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The layers of an NR scheduler: a new policy is a comparator and a sharing rule on top of the
 * resource shape of NrMacScheduler (doc/nr.rst, "Schedulers"), picked by its TypeId.
 */

#include "model/nr/nr-mac-scheduler.h"

#include "ns3/object-factory.h"

#include <gtest/gtest.h>
#include <vector>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

/// Maximum rate, the policy doc/nr.rst writes out: the best channel first, each UE all it needs.
class NrMacSchedulerMaxRate : public NrMacScheduler
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::NrMacSchedulerMaxRate")
                                .SetParent<NrMacScheduler>()
                                .AddConstructor<NrMacSchedulerMaxRate>();
        return tid;
    }

  protected:
    Sharing GetSharing() const override
    {
        return Sharing::IN_ORDER;
    }

    // The best channel first (ties keep increasing UE index).
    bool Precedes(std::size_t a, std::size_t b) const override
    {
        return GetDemand(a).bitsPerPrb > GetDemand(b).bitsPerPrb;
    }
};

} // namespace

/// The policy of doc/nr.rst, made by its TypeId, serves the best channels first with what they
/// need, and the PDCCH still decides who is admitted: the shape and its admission come from
/// NrMacScheduler, the policy only orders.
TEST(NrSchedulerPolicyTest, ANewPolicyIsAComparatorOnTheResourceShape)
{
    ObjectFactory factory;
    factory.SetTypeId(NrMacSchedulerMaxRate::GetTypeId());
    Ptr<NrMacScheduler> scheduler = factory.Create<NrMacScheduler>();
    // UE 2 has the best channel, then UE 0, then UE 1; 10 PRBs for needs of 4, 5 and 6.
    const std::vector<NrUeDemand> demands{{0, 4, 200}, {1, 5, 100}, {2, 6, 300}};
    EXPECT_EQ(scheduler->Allocate(demands, 10, 0), (std::vector<uint32_t>{4, 0, 6}));
    // UE 2's DCI finds no room: UE 0 and then UE 1 get their turn.
    const std::vector<uint32_t> given =
        scheduler->Allocate(demands, 10, 1, [](std::size_t i) { return i != 2; });
    EXPECT_EQ(given, (std::vector<uint32_t>{4, 5, 0}));
}
