/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/optical/optical-network.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <cmath>
#include <stdexcept>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintOpticalNetwork");

NS_OBJECT_ENSURE_REGISTERED(OpticalNetwork);

TypeId
OpticalNetwork::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::blueprint::OpticalNetwork")
            .SetParent<Object>()
            .SetGroupName("Blueprint")
            .AddConstructor<OpticalNetwork>()
            .AddAttribute("Channels",
                          "Wavelengths per fibre: 40 (100 GHz), 64 (75 GHz) or "
                          "96 (50 GHz), on the ITU-T G.694.1 grid.",
                          UintegerValue(96),
                          MakeUintegerAccessor(&OpticalNetwork::SetChannelCount,
                                               &OpticalNetwork::GetChannelCount),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute(
                "MaxSpanLength",
                "Longest fibre span before an amplifier, km.",
                DoubleValue(80.0),
                MakeDoubleAccessor(&OpticalNetwork::SetLineField<&OpticalLineSystem::maxSpanKm>,
                                   &OpticalNetwork::GetLineField<&OpticalLineSystem::maxSpanKm>),
                MakeDoubleChecker<double>(0.0))
            .AddAttribute(
                "Attenuation",
                "Fibre attenuation including splices, dB/km.",
                DoubleValue(0.25),
                MakeDoubleAccessor(
                    &OpticalNetwork::SetLineField<&OpticalLineSystem::attenuationDbPerKm>,
                    &OpticalNetwork::GetLineField<&OpticalLineSystem::attenuationDbPerKm>),
                MakeDoubleChecker<double>(0.0))
            .AddAttribute(
                "SpanMargin",
                "Loss margin per span for connectors and ageing, dB.",
                DoubleValue(2.0),
                MakeDoubleAccessor(&OpticalNetwork::SetLineField<&OpticalLineSystem::spanMarginDb>,
                                   &OpticalNetwork::GetLineField<&OpticalLineSystem::spanMarginDb>),
                MakeDoubleChecker<double>(0.0))
            .AddAttribute("LaunchPower",
                          "Launch power per channel, dBm.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(
                              &OpticalNetwork::SetLineField<&OpticalLineSystem::launchPowerDbm>,
                              &OpticalNetwork::GetLineField<&OpticalLineSystem::launchPowerDbm>),
                          MakeDoubleChecker<double>())
            .AddAttribute("NoiseFigure",
                          "Noise figure of every amplifier, dB.",
                          DoubleValue(5.0),
                          MakeDoubleAccessor(
                              &OpticalNetwork::SetLineField<&OpticalLineSystem::noiseFigureDb>,
                              &OpticalNetwork::GetLineField<&OpticalLineSystem::noiseFigureDb>),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("AmplifierLatency",
                          "Latency of one optical amplifier.",
                          TimeValue(NanoSeconds(100)),
                          MakeTimeAccessor(&OpticalNetwork::SetAmplifierLatency,
                                           &OpticalNetwork::GetAmplifierLatency),
                          MakeTimeChecker(Time(0)));
    return tid;
}

void
OpticalNetwork::SetChannelCount(uint32_t channels)
{
    SetGrid(OpticalWavelengthGrid::ForChannelCount(channels));
}

uint32_t
OpticalNetwork::GetChannelCount() const
{
    return m_grid.channels;
}

void
OpticalNetwork::SetAmplifierLatency(Time latency)
{
    OpticalLineSystem line = m_line;
    line.amplifierLatency = latency;
    SetLineSystem(line);
}

Time
OpticalNetwork::GetAmplifierLatency() const
{
    return m_line.amplifierLatency;
}

OpticalNetwork::OpticalNetwork()
    : m_grid(OpticalWavelengthGrid::ForChannelCount(96))
{
    NS_LOG_FUNCTION(this);
}

void
OpticalNetwork::SetGrid(const OpticalWavelengthGrid& grid)
{
    NS_LOG_FUNCTION(this << grid.channels << grid.spacingHz);
    for (uint32_t used : m_used)
    {
        if (used > 0)
        {
            throw std::logic_error("OpticalNetwork: cannot change the grid once wavelengths are "
                                   "in use");
        }
    }
    if (grid.channels == 0 || !(grid.spacingHz > 0.0))
    {
        throw std::invalid_argument("OpticalNetwork: a grid needs channels and a spacing");
    }
    m_grid = grid;
    for (auto& taken : m_taken)
    {
        taken.assign(m_grid.channels, false);
    }
}

const OpticalWavelengthGrid&
OpticalNetwork::GetGrid() const
{
    return m_grid;
}

void
OpticalNetwork::SetLineSystem(const OpticalLineSystem& line)
{
    const std::string problem = line.Check();
    if (!problem.empty())
    {
        throw std::invalid_argument("optical line system: " + problem);
    }
    m_line = line;
}

const OpticalLineSystem&
OpticalNetwork::GetLineSystem() const
{
    return m_line;
}

uint32_t
OpticalNetwork::AddRoadm(const std::string& name)
{
    NS_LOG_FUNCTION(this << name);
    if (name.empty())
    {
        throw std::invalid_argument("OpticalNetwork: a ROADM needs a name");
    }
    if (FindRoadm(name))
    {
        throw std::invalid_argument("OpticalNetwork: ROADM '" + name + "' already exists");
    }
    const uint32_t index = boost::add_vertex(m_graph);
    m_names.push_back(name);
    m_degree.push_back(0);
    return index;
}

uint32_t
OpticalNetwork::AddFibre(uint32_t a, uint32_t b, double lengthKm, bool aerial)
{
    NS_LOG_FUNCTION(this << a << b << lengthKm << aerial);
    if (a >= GetNRoadms() || b >= GetNRoadms() || a == b)
    {
        throw std::invalid_argument("OpticalNetwork: a fibre joins two distinct existing ROADMs");
    }
    if (!(lengthKm > 0.0) || !std::isfinite(lengthKm))
    {
        throw std::invalid_argument("OpticalNetwork: fibre " + m_names[a] + "-" + m_names[b] +
                                    " needs a positive length");
    }
    const auto index = static_cast<uint32_t>(m_fibres.size());
    m_fibres.push_back({a, b, lengthKm, aerial});
    m_taken.emplace_back(m_grid.channels, false);
    m_used.push_back(0);
    ++m_degree[a];
    ++m_degree[b];
    boost::add_edge(a, b, EdgeProperties(lengthKm, index), m_graph);
    return index;
}

uint32_t
OpticalNetwork::GetNRoadms() const
{
    return static_cast<uint32_t>(m_names.size());
}

uint32_t
OpticalNetwork::GetNFibres() const
{
    return static_cast<uint32_t>(m_fibres.size());
}

const std::string&
OpticalNetwork::GetRoadmName(uint32_t roadm) const
{
    return m_names.at(roadm);
}

std::optional<uint32_t>
OpticalNetwork::FindRoadm(const std::string& name) const
{
    for (uint32_t i = 0; i < m_names.size(); ++i)
    {
        if (m_names[i] == name)
        {
            return i;
        }
    }
    return std::nullopt;
}

const OpticalNetwork::Fibre&
OpticalNetwork::GetFibre(uint32_t fibre) const
{
    CheckFibre(fibre);
    return m_fibres[fibre];
}

uint32_t
OpticalNetwork::GetDegree(uint32_t roadm) const
{
    return m_degree.at(roadm);
}

uint32_t
OpticalNetwork::GetInlineAmplifierCount(uint32_t fibre) const
{
    return m_line.GetInlineAmplifierCount(GetFibre(fibre).lengthKm);
}

void
OpticalNetwork::CheckFibre(uint32_t fibre) const
{
    if (fibre >= m_fibres.size())
    {
        throw std::out_of_range("OpticalNetwork: no fibre " + std::to_string(fibre));
    }
}

bool
OpticalNetwork::IsChannelFree(uint32_t fibre, uint32_t channel) const
{
    CheckFibre(fibre);
    return channel < m_grid.channels && !m_taken[fibre][channel];
}

void
OpticalNetwork::OccupyChannel(uint32_t fibre, uint32_t channel)
{
    if (!IsChannelFree(fibre, channel))
    {
        throw std::logic_error("OpticalNetwork: channel " + std::to_string(channel) +
                               " is not free on fibre " + std::to_string(fibre));
    }
    m_taken[fibre][channel] = true;
    ++m_used[fibre];
}

void
OpticalNetwork::ReleaseChannel(uint32_t fibre, uint32_t channel)
{
    CheckFibre(fibre);
    if (channel >= m_grid.channels || !m_taken[fibre][channel])
    {
        throw std::logic_error("OpticalNetwork: channel " + std::to_string(channel) +
                               " is not in use on fibre " + std::to_string(fibre));
    }
    m_taken[fibre][channel] = false;
    --m_used[fibre];
}

uint32_t
OpticalNetwork::GetUsedChannels(uint32_t fibre) const
{
    CheckFibre(fibre);
    return m_used[fibre];
}

const OpticalNetwork::Graph&
OpticalNetwork::GetGraph() const
{
    return m_graph;
}

} // namespace blueprint
} // namespace ns3
