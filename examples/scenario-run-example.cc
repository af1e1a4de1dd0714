/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup blueprint
 * \brief Run one configuration of a YAML scenario and print its summary table.
 *
 * The same three steps as `blueprint run`, without the output files:
 *
 *  1. ScenarioDocument::Load reads the file and checks its structure;
 *  2. Resolve("base") (or an alternative's name) merges that configuration's changes into the
 *     base document and checks every value into a typed ScenarioSpec;
 *  3. ScenarioRunner::Run builds the nodes, links, routes and applications in ns-3, runs the
 *     simulation and measures it; ResultWriter::SummaryTable formats the result.
 *
 * A problem in the file is reported as FILE:LINE:COL: message with exit status 2, and any other
 * error with exit status 1, as the command-line tool does. Run it from the repository root:
 *
 *     scenario-run-example scenarios/regional-public-services.yaml
 *     scenario-run-example scenarios/regional-public-services.yaml --configuration=new-fiber
 */

#include "helper/results/result-writer.h"
#include "helper/scenario/input-error.h"
#include "helper/scenario/scenario-reader.h"
#include "helper/scenario/scenario-runner.h"

#include "ns3/command-line.h"

#include <exception>
#include <iostream>

using namespace ns3;
using namespace ns3::blueprint;

int
main(int argc, char* argv[])
{
    std::string file = "scenarios/regional-public-services.yaml";
    std::string configuration = "base";

    CommandLine cmd(__FILE__);
    cmd.AddNonOption("scenario", "the scenario YAML file", file);
    cmd.AddValue("configuration", "\"base\" or the name of an alternative", configuration);
    cmd.Parse(argc, argv);

    try
    {
        const ScenarioDocument document = ScenarioDocument::Load(file);
        const ScenarioSpec spec = document.Resolve(configuration);
        ScenarioRunner runner(spec);
        const RunResult result = runner.Run();
        std::cout << ResultWriter::SummaryTable(result);
    }
    catch (const InputError& e)
    {
        // what() is already "FILE:LINE:COL: message".
        std::cerr << e.what() << std::endl;
        return 2;
    }
    catch (const std::exception& e)
    {
        // Anything else is a bug in blueprint, reported as the command-line tool does.
        std::cerr << "internal error: " << e.what() << std::endl;
        return 1;
    }
    return 0;
}
