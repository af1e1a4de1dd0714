/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/timeline-reader.h"

#include "helper/scenario/flow-reader.h"
#include "helper/scenario/scenario-changes.h"
#include "helper/scenario/spec-reading.h"

#include <cstdio>
#include <map>

namespace ns3
{
namespace blueprint
{

namespace
{

/// Seconds as a message shows them ("10800 s").
std::string
SecondsText(double s)
{
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%g s", s);
    return buffer;
}

/// "LINE:COL" of a mark, for "first written at" hints.
std::string
LineColumn(const SourceMark& mark)
{
    return std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

/// The most phases a timeline may have (each is a run; their delay digests are kept to be pooled).
constexpr std::size_t kMaxPhases = 100;

/// The keys a phase's `changes` may not touch, and why.
const std::map<std::string, std::string> kFixedInPhases = {
    {"timeline", "a phase cannot change the timeline it is part of"},
    {"duration", "a phase lasts its `length`; write length: instead of changing duration"}};

} // namespace

void
ReadTimeline(const ConfigNode& root,
             ScenarioSpec& spec,
             const std::function<ScenarioSpec(const ConfigNode&)>& readScenario)
{
    const ConfigNode* node = root.Find("timeline");
    if (!node)
    {
        return;
    }
    const std::string context = "timeline";
    if (!node->IsMap())
    {
        throw InputError(node->GetMark(),
                         "timeline must be a map with a horizon and phases, e.g. "
                         "timeline: {horizon: 3d, phases: [{name: first-hour, at: 0s, length: "
                         "20s}]}");
    }
    node->CheckKeys({"horizon", "phases"}, context);
    TimelineSpec timeline;
    timeline.mark = root.GetKeyMark("timeline");
    const ConfigNode& horizon = node->Get("horizon", context);
    timeline.horizon = horizon.AsDuration();
    specreading::RequirePositive(horizon, timeline.horizon, "the timeline's horizon");

    const ConfigNode& phases = node->Get("phases", context);
    if (!phases.IsSequence() || phases.GetItems().empty())
    {
        throw InputError(phases.GetMark(),
                         "timeline phases must be a list of at least one phase, each "
                         "{name: NAME, at: TIME, length: TIME}");
    }
    if (phases.GetItems().size() > kMaxPhases)
    {
        throw InputError(phases.GetMark(),
                         "a timeline has at most " + std::to_string(kMaxPhases) +
                             " phases: each is a run of its own, and its delay samples are kept "
                             "until the phases are pooled; simulate fewer, longer phases");
    }
    // The phase's document: the resolved one without its timeline.
    ConfigNode untimed = root;
    untimed.Remove("timeline");
    std::map<std::string, SourceMark> names;
    const PhaseSpec* previous = nullptr;
    for (const ConfigNode& item : phases.GetItems())
    {
        if (!item.IsMap())
        {
            throw InputError(item.GetMark(),
                             "a phase is a map {name: NAME, at: TIME, length: TIME}");
        }
        item.CheckKeys({"name", "at", "length", "description", "changes"}, "phase");
        PhaseSpec phase;
        phase.mark = item.GetMark();
        const ConfigNode& name = item.Get("name", "phase");
        phase.name = name.AsString();
        if (phase.name.empty())
        {
            throw InputError(name.GetMark(), "a phase's name must not be empty");
        }
        const std::string where = "phase '" + phase.name + "'";
        const auto [first, added] = names.emplace(phase.name, name.GetMark());
        if (!added)
        {
            throw InputError(name.GetMark(),
                             where + " is named twice (first at " + LineColumn(first->second) +
                                 "): each phase's results are reported under its name");
        }
        const ConfigNode& at = item.Get("at", where);
        phase.at = at.AsDuration();
        if (phase.at < 0)
        {
            throw InputError(at.GetMark(), where + ": at must not be negative");
        }

        ConfigNode document = untimed;
        const ConfigNode* length = item.Find("length");
        if (length)
        {
            const double seconds = length->AsDuration();
            if (seconds < kMinWindowSeconds)
            {
                throw InputError(length->GetMark(),
                                 where + ": length must be at least 1ms (one LTE TTI or NR slot "
                                         "at 15 kHz; a shorter window cannot show what a network "
                                         "does)");
            }
            // The phase's run lasts its length: errors about flows that do not fit it are
            // reported at the flow, against the phase's length.
            document.Set("duration", *length, item.GetKeyMark("length"));
        }
        std::vector<std::string> hints;
        if (const ConfigNode* changes = item.Find("changes"))
        {
            if (!changes->IsMap())
            {
                throw InputError(changes->GetMark(),
                                 where + ": changes must be a map of the keys it overrides, as "
                                         "an alternative's");
            }
            for (const auto& [key, why] : kFixedInPhases)
            {
                if (changes->Find(key))
                {
                    throw InputError(changes->GetKeyMark(key), where + ": " + why);
                }
            }
            try
            {
                hints = ApplyAlternative(document, *changes);
            }
            catch (const InputError& e)
            {
                throw InputError(e.GetMark(), where + ": " + e.GetMessage());
            }
        }
        try
        {
            phase.spec = std::make_shared<const ScenarioSpec>(readScenario(document));
        }
        catch (const InputError& e)
        {
            std::string message = where + ": " + e.GetMessage();
            for (const auto& hint : hints)
            {
                message += " (" + hint + ")";
            }
            throw InputError(e.GetMark(), message);
        }
        phase.length = phase.spec->duration;

        // A window occupies its length and its drain on the timeline: the energy meter runs
        // through both, so a next window inside the drain would count that time twice.
        if (previous)
        {
            const double previousEnd = previous->at + previous->length + previous->spec->drain;
            if (phase.at < previous->at)
            {
                throw InputError(at.GetMark(),
                                 where + " starts at " + SecondsText(phase.at) +
                                     ", before phase '" + previous->name +
                                     "': write the phases in time order");
            }
            if (phase.at < previousEnd)
            {
                throw InputError(at.GetMark(),
                                 where + " starts at " + SecondsText(phase.at) +
                                     ", inside phase '" + previous->name + "', which runs until " +
                                     SecondsText(previousEnd) + " (at " +
                                     SecondsText(previous->at) + " + length " +
                                     SecondsText(previous->length) + " + drain " +
                                     SecondsText(previous->spec->drain) + ")");
            }
        }
        const double end = phase.at + phase.length + phase.spec->drain;
        if (end > timeline.horizon)
        {
            throw InputError(length ? length->GetMark() : at.GetMark(),
                             where + " runs until " + SecondsText(end) +
                                 " (at + length + drain), "
                                 "beyond the timeline's horizon of " +
                                 SecondsText(timeline.horizon));
        }
        timeline.phases.push_back(std::move(phase));
        previous = &timeline.phases.back();
    }
    spec.timeline = std::move(timeline);
}

} // namespace blueprint
} // namespace ns3
