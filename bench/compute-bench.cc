/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint
 * \brief Benchmark: one compute node's queue (ComputeServer) alone, fed --rate Poisson requests a
 * second for --duration simulated seconds.
 *
 * --servers servers with exponential service of mean --service seconds and a waiting room of
 * --queue. No network, no sockets: what the queue itself costs per request (an arrival event and
 * a service-end event each, and the std::function of the request). Prints one line of key=value
 * pairs: rate, servers, simulated seconds, wall seconds, events, requests, events per wall second,
 * wall microseconds per request, utilisation and mean wait. Peak memory is measured by the calling
 * script (GNU time).
 */

#include "model/compute/compute-server.h"

#include "ns3/core-module.h"

#include <chrono>
#include <cstdio>

using namespace ns3;
using namespace ns3::blueprint;

namespace
{

Ptr<ComputeServer> g_server;           //!< the queue
Ptr<ExponentialRandomVariable> g_gaps; //!< inter-arrival times
uint64_t g_completed = 0;              //!< services ended
double g_stop = 0;                     //!< no arrival after this time, s

/// One arrival, and the next one scheduled.
void
Arrive()
{
    g_server->Submit([](const ComputeServer::JobTimes&) { ++g_completed; });
    const double next = g_gaps->GetValue();
    if (Simulator::Now().GetSeconds() + next < g_stop)
    {
        Simulator::Schedule(Seconds(next), &Arrive);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    double rate = 10000;
    uint32_t servers = 8;
    double service = 0.0005;
    uint32_t queue = 1000;
    double duration = 10;
    CommandLine cmd(__FILE__);
    cmd.AddValue("rate", "requests a second (Poisson)", rate);
    cmd.AddValue("servers", "servers K", servers);
    cmd.AddValue("service", "mean service time, s (exponential)", service);
    cmd.AddValue("queue", "waiting room", queue);
    cmd.AddValue("duration", "simulated seconds of arrivals", duration);
    cmd.Parse(argc, argv);

    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
    g_stop = duration;
    g_gaps = CreateObject<ExponentialRandomVariable>();
    g_gaps->SetAttribute("Mean", DoubleValue(1 / rate));
    Ptr<ExponentialRandomVariable> times = CreateObject<ExponentialRandomVariable>();
    times->SetAttribute("Mean", DoubleValue(service));
    g_server = CreateObject<ComputeServer>();
    g_server->SetAttribute("Servers", UintegerValue(servers));
    g_server->SetAttribute("QueueLimit", UintegerValue(queue));
    g_server->SetAttribute("ServiceTime", PointerValue(times));

    const auto start = std::chrono::steady_clock::now();
    Simulator::Schedule(Seconds(0), &Arrive);
    Simulator::Run();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const uint64_t events = Simulator::GetEventCount();
    const double end = Simulator::Now().GetSeconds();
    const uint64_t requests = g_server->GetArrivals();
    std::printf("rate=%g servers=%u simulated_s=%.3f wall_s=%.3f events=%llu requests=%llu "
                "served=%llu dropped=%llu events_per_wall_s=%.0f wall_us_per_request=%.3f "
                "utilisation=%.3f mean_wait_ms=%.4f\n",
                rate,
                servers,
                end,
                wall,
                static_cast<unsigned long long>(events),
                static_cast<unsigned long long>(requests),
                static_cast<unsigned long long>(g_completed),
                static_cast<unsigned long long>(g_server->GetDropped()),
                events / wall,
                wall / requests * 1e6,
                g_server->GetBusyServerSeconds(Simulator::Now()) / (servers * end),
                g_server->GetTotalWaitSeconds() / g_server->GetServed() * 1e3);
    g_server = nullptr;
    g_gaps = nullptr;
    Simulator::Destroy();
    return 0;
}
