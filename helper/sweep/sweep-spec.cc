/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/sweep/sweep-spec.h"

#include "helper/scenario/config-node.h"

#include "ns3/log.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintSweepSpec");

namespace
{

/// Longest list a sweep file may spell out (axis values, seeds): a typo guard, not a limit of the
/// design (assumption: nobody lists a million values by hand).
constexpr std::size_t kMaxListLength = 100000;

/// Whether a scalar can be written unquoted in flow YAML: letters, digits, "._/%+-" and inner
/// blanks ("10 km").
bool
IsPlain(const std::string& s)
{
    if (s.empty() || s.front() == ' ' || s.back() == ' ')
    {
        return false;
    }
    for (char c : s)
    {
        if (!(std::isalnum(static_cast<unsigned char>(c)) ||
              std::string("._/%+- ").find(c) != std::string::npos))
        {
            return false;
        }
    }
    return true;
}

/// One-line YAML (flow style) of a node, so a list or map value fits in a plan listing and a CSV
/// cell and still parses back to the same tree.
std::string
FlowYaml(const ConfigNode& n)
{
    switch (n.GetKind())
    {
    case ConfigNode::Kind::Null:
        return "~";
    case ConfigNode::Kind::Scalar: {
        const std::string& s = n.GetScalar();
        if (IsPlain(s))
        {
            return s;
        }
        std::string out = "\"";
        for (char c : s)
        {
            if (c == '"' || c == '\\')
            {
                out += '\\';
            }
            out += c;
        }
        return out + "\"";
    }
    case ConfigNode::Kind::Sequence: {
        std::string out = "[";
        for (const auto& item : n.GetItems())
        {
            out += (out.size() > 1 ? ", " : "") + FlowYaml(item);
        }
        return out + "]";
    }
    case ConfigNode::Kind::Map: {
        std::string out = "{";
        for (const auto& [key, value] : n.GetEntries())
        {
            out += (out.size() > 1 ? ", " : "") + key + ": " + FlowYaml(value);
        }
        return out + "}";
    }
    }
    return "";
}

std::string
Stem(const std::string& file)
{
    std::string stem = file.substr(file.find_last_of('/') + 1);
    return stem.substr(0, stem.find_last_of('.'));
}

std::string
Folder(const std::string& file)
{
    auto slash = file.find_last_of('/');
    return slash == std::string::npos ? "" : file.substr(0, slash + 1);
}

const ConfigNode&
NonEmptyList(const ConfigNode& n, const std::string& what)
{
    if (!n.IsSequence() || n.GetItems().empty())
    {
        throw InputError(n.GetMark(),
                         what + " must be a non-empty list, found " + DescribeKind(n.GetKind()));
    }
    if (n.GetItems().size() > kMaxListLength)
    {
        throw InputError(n.GetMark(),
                         what + " has more than " + std::to_string(kMaxListLength) + " items");
    }
    return n;
}

uint64_t
PositiveInteger(const ConfigNode& n, const std::string& what)
{
    int64_t v = n.AsInteger();
    if (v < 1)
    {
        throw InputError(n.GetMark(), what + " must be a positive integer");
    }
    return static_cast<uint64_t>(v);
}

SweepSpec
ReadSweep(const ConfigNode& root, const std::string& file)
{
    if (!root.IsMap())
    {
        throw InputError(root.GetMark(),
                         "a sweep file must be a map with keys scenario, axes and replications");
    }
    root.CheckKeys({"scenario",
                    "name",
                    "description",
                    "alternatives",
                    "axes",
                    "zip",
                    "constraints",
                    "replications",
                    "seeds"},
                   "sweep");
    SweepSpec spec;
    spec.file = file;

    const ConfigNode& scenario = root.Get("scenario", "sweep");
    std::string scenarioPath = scenario.AsString();
    if (scenarioPath.empty())
    {
        throw InputError(scenario.GetMark(), "scenario must name a scenario file");
    }
    spec.scenarioFile = scenarioPath[0] == '/' ? scenarioPath : Folder(file) + scenarioPath;
    spec.scenarioMark = scenario.GetMark();

    spec.name = Stem(file);
    if (const ConfigNode* name = root.Find("name"))
    {
        spec.name = name->AsString();
        if (!IsPlain(spec.name) || spec.name.find_first_of("/ ") != std::string::npos ||
            spec.name[0] == '.')
        {
            throw InputError(name->GetMark(),
                             "name must be letters, digits, '.', '_', '%', '+' or '-' (it names "
                             "the output folder), not starting with '.'");
        }
    }
    if (const ConfigNode* d = root.Find("description"))
    {
        spec.description = d->AsString();
    }

    if (const ConfigNode* alts = root.Find("alternatives"))
    {
        if (alts->IsScalar() && alts->GetScalar() == "all")
        {
            spec.alternatives.push_back("all");
            spec.alternativeMarks.push_back(alts->GetMark());
        }
        else
        {
            std::set<std::string> seen;
            for (const auto& a : NonEmptyList(*alts, "alternatives").GetItems())
            {
                std::string name = a.AsString();
                if (!seen.insert(name).second)
                {
                    throw InputError(a.GetMark(), "alternative '" + name + "' is listed twice");
                }
                spec.alternatives.push_back(name);
                spec.alternativeMarks.push_back(a.GetMark());
            }
        }
    }
    else
    {
        spec.alternatives.push_back("base");
        spec.alternativeMarks.push_back(root.GetMark());
    }

    std::map<std::string, std::size_t> axisIndex;
    if (const ConfigNode* axes = root.Find("axes"))
    {
        if (!axes->IsMap())
        {
            throw InputError(axes->GetMark(),
                             "axes must be a map of key paths to lists of values, e.g. "
                             "'links.backhaul.length: [1km, 10km]'");
        }
        for (const auto& [path, values] : axes->GetEntries())
        {
            const SourceMark& keyMark = axes->GetKeyMark(path);
            if (path == "seed")
            {
                throw InputError(keyMark,
                                 "the seed is not an axis; give 'replications: N' or "
                                 "'seeds: [..]' instead");
            }
            if (path == "alternative" || path == "alternatives")
            {
                throw InputError(keyMark,
                                 "configurations are not an axis; list them under "
                                 "'alternatives:' at the top of the sweep file");
            }
            SweepAxis axis;
            axis.path = path;
            axis.mark = keyMark;
            std::set<std::string> seen;
            for (const auto& v : NonEmptyList(values, "axis '" + path + "'").GetItems())
            {
                std::string text = FlowYaml(v);
                if (!seen.insert(text).second)
                {
                    throw InputError(v.GetMark(),
                                     "axis '" + path + "' lists the value " + text + " twice");
                }
                axis.values.push_back(text);
                axis.valueMarks.push_back(v.GetMark());
            }
            axisIndex[path] = spec.axes.size();
            spec.axes.push_back(axis);
        }
    }
    std::vector<std::string> axisNames;
    for (const auto& a : spec.axes)
    {
        axisNames.push_back(a.path);
    }

    if (const ConfigNode* zip = root.Find("zip"))
    {
        std::map<std::size_t, SourceMark> zipped;
        for (const auto& group : NonEmptyList(*zip, "zip").GetItems())
        {
            std::vector<std::size_t> members;
            for (const auto& name : NonEmptyList(group, "a zip group").GetItems())
            {
                std::string axis = name.AsString();
                auto it = axisIndex.find(axis);
                if (it == axisIndex.end())
                {
                    std::string hint = SuggestClosest(axis, axisNames);
                    throw InputError(name.GetMark(),
                                     "zip names unknown axis '" + axis + "'" +
                                         (hint.empty() ? "" : "; did you mean '" + hint + "'?"));
                }
                if (zipped.count(it->second))
                {
                    throw InputError(name.GetMark(),
                                     "axis '" + axis + "' is already zipped at line " +
                                         std::to_string(zipped[it->second].line));
                }
                zipped[it->second] = name.GetMark();
                members.push_back(it->second);
            }
            if (members.size() < 2)
            {
                throw InputError(group.GetMark(), "a zip group needs at least two axes");
            }
            const SweepAxis& first = spec.axes[members[0]];
            for (std::size_t m : members)
            {
                if (spec.axes[m].values.size() != first.values.size())
                {
                    throw InputError(group.GetMark(),
                                     "zipped axes must have equal lengths: '" + first.path +
                                         "' has " + std::to_string(first.values.size()) +
                                         " values, '" + spec.axes[m].path + "' has " +
                                         std::to_string(spec.axes[m].values.size()));
                }
            }
            spec.zip.push_back(members);
        }
    }

    if (const ConfigNode* constraints = root.Find("constraints"))
    {
        std::vector<std::string> names = axisNames;
        names.push_back("alternative");
        for (const auto& c : NonEmptyList(*constraints, "constraints").GetItems())
        {
            spec.constraints.push_back(SweepConstraint::Parse(c.AsString(), c.GetMark(), names));
        }
    }

    const ConfigNode* replications = root.Find("replications");
    const ConfigNode* seeds = root.Find("seeds");
    if (replications && seeds)
    {
        throw InputError(root.GetKeyMark("seeds"),
                         "give either replications (seeds 1..N) or seeds, not both");
    }
    if (replications)
    {
        uint64_t n = PositiveInteger(*replications, "replications");
        if (n > kMaxListLength)
        {
            throw InputError(replications->GetMark(),
                             "replications must be at most " + std::to_string(kMaxListLength));
        }
        for (uint64_t s = 1; s <= n; ++s)
        {
            spec.seeds.push_back(s);
        }
    }
    else if (seeds)
    {
        std::set<uint64_t> seen;
        for (const auto& s : NonEmptyList(*seeds, "seeds").GetItems())
        {
            uint64_t v = PositiveInteger(s, "a seed");
            if (!seen.insert(v).second)
            {
                throw InputError(s.GetMark(), "seed " + std::to_string(v) + " is listed twice");
            }
            spec.seeds.push_back(v);
        }
    }
    else
    {
        spec.seeds.push_back(1);
    }
    NS_LOG_INFO("sweep " << spec.name << ": " << spec.axes.size() << " axes, " << spec.seeds.size()
                         << " seeds");
    return spec;
}

} // namespace

SweepSpec
ReadSweepFile(const std::string& path)
{
    return ReadSweep(ConfigNode::LoadFile(path), path);
}

SweepSpec
ReadSweepString(const std::string& text, const std::string& fileName)
{
    return ReadSweep(ConfigNode::LoadString(text, fileName), fileName);
}

} // namespace blueprint
} // namespace ns3
