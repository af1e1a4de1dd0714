/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint-optical
 * \brief Benchmark: routing and wavelength assignment of many demands on a mesh.
 *
 * Builds a mesh of --nodes ROADMs placed at random in a --side km square, each joined to its
 * --degree nearest neighbours (fibre length = distance x 1.2 route factor), then provisions
 * --demands demands between random pairs with OpticalRwa (k = 3 shortest routes, first fit,
 * 100G on a 96-channel grid) and times it. Prints one line of key=value pairs: nodes, fibres,
 * demands, established, blocked, regenerated, mean route km, wall seconds.
 */

#include "model/optical/optical-network.h"
#include "model/optical/optical-rwa.h"

#include "ns3/core-module.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>

using namespace ns3;
using namespace ns3::blueprint;

int
main(int argc, char* argv[])
{
    uint32_t nodes = 50;
    uint32_t demands = 500;
    uint32_t degree = 3;
    uint32_t channels = 96;
    double side = 800.0;
    uint32_t seed = 1;
    CommandLine cmd(__FILE__);
    cmd.AddValue("nodes", "ROADMs", nodes);
    cmd.AddValue("demands", "demands to provision", demands);
    cmd.AddValue("degree", "fibres to the nearest neighbours per ROADM", degree);
    cmd.AddValue("channels", "wavelengths per fibre (40, 64, 96)", channels);
    cmd.AddValue("side", "side of the square the ROADMs are placed in, km", side);
    cmd.AddValue("seed", "random seed of the placement and the demands", seed);
    cmd.Parse(argc, argv);

    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> coordinate(0.0, side);
    std::vector<std::pair<double, double>> position(nodes);
    for (auto& p : position)
    {
        p = {coordinate(rng), coordinate(rng)};
    }
    Ptr<OpticalNetwork> net = CreateObject<OpticalNetwork>();
    net->SetGrid(OpticalWavelengthGrid::ForChannelCount(channels));
    for (uint32_t i = 0; i < nodes; ++i)
    {
        net->AddRoadm("r" + std::to_string(i));
    }
    // Each ROADM to its nearest neighbours, and a chain through all, so the mesh is connected.
    std::set<std::pair<uint32_t, uint32_t>> joined;
    auto join = [&](uint32_t a, uint32_t b) {
        if (a == b || !joined.insert({std::min(a, b), std::max(a, b)}).second)
        {
            return;
        }
        const double km = 1.2 * std::hypot(position[a].first - position[b].first,
                                           position[a].second - position[b].second);
        net->AddFibre(a, b, std::max(km, 1.0));
    };
    for (uint32_t i = 0; i < nodes; ++i)
    {
        std::vector<std::pair<double, uint32_t>> byDistance;
        for (uint32_t j = 0; j < nodes; ++j)
        {
            if (j != i)
            {
                byDistance.emplace_back(std::hypot(position[i].first - position[j].first,
                                                   position[i].second - position[j].second),
                                        j);
            }
        }
        std::sort(byDistance.begin(), byDistance.end());
        for (uint32_t k = 0; k < degree && k < byDistance.size(); ++k)
        {
            join(i, byDistance[k].second);
        }
        if (i + 1 < nodes)
        {
            join(i, i + 1);
        }
    }
    Ptr<OpticalRwa> rwa = CreateObject<OpticalRwa>();
    rwa->SetNetwork(net);
    std::uniform_int_distribution<uint32_t> pick(0, nodes - 1);
    std::vector<OpticalDemand> list;
    for (uint32_t d = 0; d < demands; ++d)
    {
        OpticalDemand demand;
        demand.name = "d" + std::to_string(d);
        demand.from = pick(rng);
        do
        {
            demand.to = pick(rng);
        } while (demand.to == demand.from);
        demand.transponderClass = "100G";
        list.push_back(demand);
    }

    const auto start = std::chrono::steady_clock::now();
    uint32_t established = 0;
    uint32_t regenerated = 0;
    double km = 0.0;
    for (const OpticalDemand& demand : list)
    {
        const OpticalLightpath lp = rwa->Provision(demand);
        if (lp.established)
        {
            ++established;
            regenerated += lp.segments.size() > 1;
            km += lp.route.lengthKm;
        }
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("nodes=%u fibres=%u demands=%u established=%u blocked=%u regenerated=%u "
                "mean_km=%.0f wall_s=%.4f\n",
                nodes,
                net->GetNFibres(),
                demands,
                established,
                demands - established,
                regenerated,
                established ? km / established : 0.0,
                wall);
    return 0;
}
