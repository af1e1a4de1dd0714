/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-direction-scheduling.h"

#include "model/nr/nr-mac-scheduler-rr.h"

#include "ns3/abort.h"

namespace ns3
{
namespace blueprint
{

NrDirectionScheduling::NrDirectionScheduling(NrCellState& cell)
    : m_cell(cell),
      m_policy(CreateObject<NrMacSchedulerRr>())
{
}

void
NrDirectionScheduling::SetPolicy(Ptr<NrMacScheduler> policy)
{
    NS_ABORT_MSG_IF(!policy, "NrDirectionScheduling: the scheduler must not be null");
    m_policy = policy;
}

Ptr<NrMacScheduler>
NrDirectionScheduling::GetPolicy() const
{
    return m_policy;
}

const NrActiveUes&
NrDirectionScheduling::GetActive() const
{
    return m_active;
}

void
NrDirectionScheduling::SetDeferring(bool deferring)
{
    m_active.SetDeferring(deferring);
}

} // namespace blueprint
} // namespace ns3
