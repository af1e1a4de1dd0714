/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-cell-ue-energy-model.h"

#include "model/nr/nr-gnb-net-device.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintNrCellUeEnergyModel");

NS_OBJECT_ENSURE_REGISTERED(NrCellUeEnergyModel);

TypeId
NrCellUeEnergyModel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::NrCellUeEnergyModel")
                            .SetParent<Object>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<NrCellUeEnergyModel>();
    return tid;
}

NrCellUeEnergyModel::NrCellUeEnergyModel()
    : m_baseline(CreateObject<NrUeEnergyModel>()),
      m_connected(0),
      m_weightedJoules(0.0),
      m_baselineAtWeighted(0.0),
      m_dataJoules(0.0)
{
    NS_LOG_FUNCTION(this);
}

void
NrCellUeEnergyModel::DoDispose()
{
    m_baseline = nullptr;
    m_open.clear();
    Object::DoDispose();
}

Ptr<NrUeEnergyModel>
NrCellUeEnergyModel::GetUeModel() const
{
    return m_baseline;
}

void
NrCellUeEnergyModel::Attach(Ptr<NrGnbNetDevice> gnb)
{
    NS_LOG_FUNCTION(this << gnb);
    m_baseline->SetTtiGrid(gnb->GetTtiGrid());
    m_baseline->Start(Simulator::Now());
    m_connected = gnb->GetNConnectedUes();
    gnb->TraceConnectWithoutContext("DlTb", MakeCallback(&NrCellUeEnergyModel::DlTb, this));
    gnb->TraceConnectWithoutContext("UlTb", MakeCallback(&NrCellUeEnergyModel::UlTb, this));
    gnb->TraceConnectWithoutContext("DlTti", MakeCallback(&NrCellUeEnergyModel::DlTti, this));
    gnb->TraceConnectWithoutContext("UlTti", MakeCallback(&NrCellUeEnergyModel::UlTti, this));
    gnb->TraceConnectWithoutContext("ConnectedUes",
                                    MakeCallback(&NrCellUeEnergyModel::ConnectedUes, this));
}

double
NrCellUeEnergyModel::GetEnergy(Time now) const
{
    double joules = m_weightedJoules + m_dataJoules +
                    m_connected * (m_baseline->GetEnergy(now) - m_baselineAtWeighted);
    for (const auto& [tti, ues] : m_open)
    {
        joules += DataEnergy(tti, ues);
    }
    return joules;
}

double
NrCellUeEnergyModel::DataEnergy(uint64_t tti, const std::map<uint32_t, UeActivity>& ues) const
{
    const double idle = m_baseline->GetTtiEnergy(tti, false, false);
    double joules = 0.0;
    for (const auto& [ue, activity] : ues)
    {
        joules += m_baseline->GetTtiEnergy(tti, activity.pdsch, activity.pusch) - idle;
    }
    return joules;
}

void
NrCellUeEnergyModel::CloseActivity(uint64_t before)
{
    while (!m_open.empty() && m_open.begin()->first < before)
    {
        m_dataJoules += DataEnergy(m_open.begin()->first, m_open.begin()->second);
        m_open.erase(m_open.begin());
    }
}

void
NrCellUeEnergyModel::DlTb(uint32_t ue,
                          uint8_t /* mcs */,
                          uint32_t /* prbs */,
                          uint32_t /* tbs */,
                          uint8_t /* attempt */,
                          bool /* ok */)
{
    m_pendingDl.push_back(ue);
}

void
NrCellUeEnergyModel::UlTb(uint32_t ue,
                          uint8_t /* mcs */,
                          uint32_t /* prbs */,
                          uint32_t /* tbs */,
                          uint8_t /* attempt */,
                          bool /* ok */)
{
    m_pendingUl.push_back(ue);
}

void
NrCellUeEnergyModel::DlTti(uint64_t tti, uint32_t /* usedPrbs */, uint32_t /* prbs */)
{
    // NrGnbNetDevice fires a TTI's DlTb traces before its DlTti, and the UlTti of an earlier
    // TTI before this one's DlTti: TTIs before this one are complete.
    CloseActivity(tti);
    m_baseline->NotifyDl(tti, false);
    for (uint32_t ue : m_pendingDl)
    {
        m_open[tti][ue].pdsch = true;
    }
    m_pendingDl.clear();
}

void
NrCellUeEnergyModel::UlTti(uint64_t tti, uint32_t /* usedPrbs */, uint32_t /* prbs */)
{
    m_baseline->NotifyUl(tti, false);
    for (uint32_t ue : m_pendingUl)
    {
        m_open[tti][ue].pusch = true;
    }
    m_pendingUl.clear();
}

void
NrCellUeEnergyModel::ConnectedUes(uint32_t connected)
{
    const Time now = Simulator::Now();
    const double baseline = m_baseline->GetEnergy(now);
    m_weightedJoules += m_connected * (baseline - m_baselineAtWeighted);
    m_baselineAtWeighted = baseline;
    m_connected = connected;
}

} // namespace blueprint
} // namespace ns3
