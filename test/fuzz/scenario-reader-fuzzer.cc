/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * libFuzzer harness of the scenario reader: the input bytes are a scenario file, read and checked
 * as `blueprint validate` does (the base and every alternative), never run. An InputError is the
 * expected answer to bad input; anything else (another exception, an abort, a sanitizer report, a
 * hang, memory beyond the limit) is a defect. scripts/run-fuzzers.sh builds and runs it.
 */

#include "helper/scenario/input-error.h"
#include "helper/scenario/scenario-reader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        const ns3::blueprint::ScenarioDocument doc =
            ns3::blueprint::ScenarioDocument::FromString(text, "fuzz.yaml");
        doc.Resolve("base");
        for (const auto& name : doc.GetAlternativeNames())
        {
            doc.Resolve(name);
        }
    }
    catch (const ns3::blueprint::InputError&)
    {
        // The reader's answer to bad input.
    }
    return 0;
}
