/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/config-node.h"

#include "helper/scenario/units.h"
#include "helper/scenario/yaml-document.h"

#include "ns3/log.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <yaml-cpp/yaml.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintConfigNode");

namespace
{

/// Describes a node for messages, quoting a scalar's text so the user sees what was found.
std::string
Describe(const ConfigNode& node)
{
    if (node.IsScalar())
    {
        return "the single value '" + node.GetScalar() + "'";
    }
    return DescribeKind(node.GetKind());
}

std::string
Trim(const std::string& text)
{
    const char* blanks = " \t\r\n";
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string::npos)
    {
        return "";
    }
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

std::string
ToLowerAscii(std::string text)
{
    for (auto& c : text)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

std::string
Join(const std::vector<std::string>& words, const std::string& separator)
{
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i)
    {
        joined += (i > 0 ? separator : "") + words[i];
    }
    return joined;
}

/**
 * Whether text is a word yaml-cpp's emitter writes as it is: a letter, digit or '_' followed by
 * letters, digits and "_./+%-", and not one of the words that read as nothing. Most keys and
 * values are such words, and the emitter's rules, which match regular expressions per character,
 * took most of the time of reading a scenario of 100,000 flows.
 */
bool
IsPlainWord(const std::string& text)
{
    if (text.empty() || text == "null" || text == "Null" || text == "NULL")
    {
        return false;
    }
    const auto safe = [](char c, bool first) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               (!first && std::strchr("./+%-", c) != nullptr);
    };
    if (!safe(text[0], true))
    {
        return false;
    }
    for (char c : text)
    {
        if (!safe(c, false))
        {
            return false;
        }
    }
    return true;
}

/// Quotes a scalar or key exactly when YAML needs it, using yaml-cpp's emitter rules.
std::string
QuoteScalar(const std::string& text)
{
    if (IsPlainWord(text))
    {
        return text;
    }
    YAML::Emitter emitter;
    emitter << text;
    return emitter.c_str();
}

/// Whether a node is written on the same line as its key or dash.
bool
IsInline(const ConfigNode& node)
{
    return node.IsNull() || node.IsScalar() || (node.IsMap() && node.GetEntries().empty()) ||
           (node.IsSequence() && node.GetItems().empty());
}

std::string
InlineText(const ConfigNode& node)
{
    if (node.IsScalar())
    {
        return QuoteScalar(node.GetScalar());
    }
    if (node.IsMap())
    {
        return "{}";
    }
    if (node.IsSequence())
    {
        return "[]";
    }
    return "~";
}

} // namespace

std::string
DescribeKind(ConfigNode::Kind kind)
{
    switch (kind)
    {
    case ConfigNode::Kind::Map:
        return "a map";
    case ConfigNode::Kind::Sequence:
        return "a list";
    case ConfigNode::Kind::Scalar:
        return "a single value";
    case ConfigNode::Kind::Null:
    default:
        return "nothing (an empty value)";
    }
}

ConfigNode::ConfigNode()
    : m_kind(Kind::Null)
{
}

ConfigNode::ConfigNode(const ConfigNode& other)
    : m_kind(other.m_kind),
      m_mark(other.m_mark),
      m_scalar(other.m_scalar),
      m_entries(other.m_entries),
      m_keyMarks(other.m_keyMarks),
      m_items(other.m_items)
{
    Reindex();
}

ConfigNode&
ConfigNode::operator=(const ConfigNode& other)
{
    if (this != &other)
    {
        ConfigNode copy(other);
        *this = std::move(copy);
    }
    return *this;
}

ConfigNode
ConfigNode::LoadFile(const std::string& path)
{
    NS_LOG_FUNCTION(path);
    const SourceMark noPosition{path, 0, 0};
    if (!IsUtf8(path))
    {
        // The path is written into every result; a JSON writer refuses it after the whole run.
        throw InputError(noPosition, "the file's name is not UTF-8 text; rename the file");
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
    {
        throw InputError(noPosition, "cannot read file: it is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        throw InputError(noPosition, std::string("cannot read file: ") + std::strerror(errno));
    }
    // Read one byte more than the limit and no further: a device such as /dev/zero never ends.
    std::string content(MAX_FILE_BYTES + 1, '\0');
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    if (in.bad())
    {
        throw InputError(noPosition, std::string("cannot read file: ") + std::strerror(errno));
    }
    content.resize(static_cast<std::size_t>(in.gcount()));
    if (content.size() > MAX_FILE_BYTES)
    {
        throw InputError(noPosition,
                         "the file is larger than " + std::to_string(MAX_FILE_BYTES >> 20) +
                             " MiB, the most blueprint reads");
    }
    return LoadString(content, path);
}

ConfigNode
ConfigNode::LoadString(const std::string& text, const std::string& fileName)
{
    return ParseYamlDocument(text, fileName);
}

ConfigNode
ConfigNode::MakeScalar(const std::string& value, const SourceMark& mark)
{
    ConfigNode node;
    node.m_kind = Kind::Scalar;
    node.m_mark = mark;
    node.m_scalar = value;
    return node;
}

ConfigNode
ConfigNode::MakeMap(const SourceMark& mark)
{
    ConfigNode node;
    node.m_kind = Kind::Map;
    node.m_mark = mark;
    return node;
}

ConfigNode
ConfigNode::MakeSequence(const SourceMark& mark)
{
    ConfigNode node;
    node.m_kind = Kind::Sequence;
    node.m_mark = mark;
    return node;
}

ConfigNode
ConfigNode::MakeNull(const SourceMark& mark)
{
    ConfigNode node;
    node.m_mark = mark;
    return node;
}

ConfigNode::Kind
ConfigNode::GetKind() const
{
    return m_kind;
}

bool
ConfigNode::IsNull() const
{
    return m_kind == Kind::Null;
}

bool
ConfigNode::IsScalar() const
{
    return m_kind == Kind::Scalar;
}

bool
ConfigNode::IsMap() const
{
    return m_kind == Kind::Map;
}

bool
ConfigNode::IsSequence() const
{
    return m_kind == Kind::Sequence;
}

const SourceMark&
ConfigNode::GetMark() const
{
    return m_mark;
}

void
ConfigNode::Fail(const std::string& message) const
{
    throw InputError(m_mark, message);
}

const std::string&
ConfigNode::GetScalar() const
{
    if (!IsScalar())
    {
        Fail("expected a single value, found " + DescribeKind(m_kind));
    }
    return m_scalar;
}

const std::vector<std::pair<std::string, ConfigNode>>&
ConfigNode::GetEntries() const
{
    if (!IsMap())
    {
        Fail("expected a map of keys, found " + Describe(*this));
    }
    return m_entries;
}

const std::vector<ConfigNode>&
ConfigNode::GetItems() const
{
    if (!IsSequence())
    {
        Fail("expected a list, found " + Describe(*this));
    }
    return m_items;
}

std::size_t
ConfigNode::IndexOf(const std::string& key) const
{
    if (m_index)
    {
        const auto it = m_index->find(key);
        return it == m_index->end() ? m_entries.size() : it->second;
    }
    for (std::size_t i = 0; i < m_entries.size(); ++i)
    {
        if (m_entries[i].first == key)
        {
            return i;
        }
    }
    return m_entries.size();
}

void
ConfigNode::AppendEntry(std::string key, ConfigNode value, const SourceMark& keyMark)
{
    m_entries.emplace_back(std::move(key), std::move(value));
    m_keyMarks.push_back(keyMark);
    if (m_index)
    {
        m_index->emplace(m_entries.back().first, m_entries.size() - 1);
    }
    else if (m_entries.size() > INDEXED_FROM)
    {
        Reindex();
    }
}

void
ConfigNode::Reindex()
{
    m_index.reset();
    if (m_entries.size() <= INDEXED_FROM)
    {
        return;
    }
    m_index = std::make_unique<std::unordered_map<std::string, std::size_t>>();
    m_index->reserve(m_entries.size());
    for (std::size_t i = 0; i < m_entries.size(); ++i)
    {
        m_index->emplace(m_entries[i].first, i);
    }
}

const ConfigNode*
ConfigNode::Find(const std::string& key) const
{
    if (!IsMap())
    {
        return nullptr;
    }
    const std::size_t index = IndexOf(key);
    return index < m_entries.size() ? &m_entries[index].second : nullptr;
}

const ConfigNode&
ConfigNode::Get(const std::string& key, const std::string& context) const
{
    if (IsScalar() || IsSequence())
    {
        Fail(context + ": expected a map with key '" + key + "', found " + Describe(*this));
    }
    const ConfigNode* value = Find(key);
    if (value == nullptr)
    {
        Fail(context + ": missing required key '" + key + "'");
    }
    return *value;
}

const SourceMark&
ConfigNode::GetKeyMark(const std::string& key) const
{
    const std::size_t index = IndexOf(key);
    return (IsMap() && index < m_keyMarks.size()) ? m_keyMarks[index] : m_mark;
}

std::string
ConfigNode::AsString() const
{
    return GetScalar();
}

double
ConfigNode::AsDouble() const
{
    const std::string text = Trim(GetScalar());
    // from_chars takes no '+' sign; YAML and people do.
    const std::size_t start = (!text.empty() && text[0] == '+') ? 1 : 0;
    double value = 0;
    const char* first = text.data() + start;
    const char* last = text.data() + text.size();
    const auto result = std::from_chars(first, last, value);
    if (result.ec == std::errc::result_out_of_range)
    {
        Fail("'" + text + "' is out of range for a number");
    }
    if (text.empty() || result.ec != std::errc() || result.ptr != last ||
        (start == 1 && text.size() > 1 && text[1] == '-'))
    {
        // YAML writes infinity and not-a-number as .inf and .nan; name them for what they are.
        const std::string lower = ToLowerAscii(text);
        if (lower.find(".inf") != std::string::npos || lower == ".nan")
        {
            Fail("expected a finite number, got '" + text + "'");
        }
        Fail("expected a number, got '" + text + "'");
    }
    if (!std::isfinite(value))
    {
        Fail("expected a finite number, got '" + text + "'");
    }
    return value;
}

int64_t
ConfigNode::AsInteger() const
{
    const std::string text = Trim(GetScalar());
    const std::size_t start = (!text.empty() && text[0] == '+') ? 1 : 0;
    const char* first = text.data() + start;
    const char* last = text.data() + text.size();
    int64_t value = 0;
    const auto result = std::from_chars(first, last, value, 10);
    if (result.ec == std::errc::result_out_of_range)
    {
        Fail("'" + text + "' is out of range for an integer");
    }
    if (text.empty() || result.ec != std::errc() || result.ptr != last ||
        (start == 1 && text.size() > 1 && text[1] == '-'))
    {
        Fail("expected an integer (a whole number), got '" + text + "'");
    }
    return value;
}

bool
ConfigNode::AsBool() const
{
    // The YAML 1.1 boolean words (yaml.org/type/bool.html), which yaml-cpp also accepts.
    const std::string word = ToLowerAscii(Trim(GetScalar()));
    if (word == "true" || word == "yes" || word == "on")
    {
        return true;
    }
    if (word == "false" || word == "no" || word == "off")
    {
        return false;
    }
    Fail("expected true or false (also yes/no, on/off), got '" + m_scalar + "'");
}

double
ConfigNode::ParseUnit(double (*parse)(const std::string&)) const
{
    const std::string& text = GetScalar();
    try
    {
        return parse(text);
    }
    catch (const UnitError& e)
    {
        Fail(e.what());
    }
}

double
ConfigNode::AsDuration() const
{
    return ParseUnit(&units::ParseDuration);
}

double
ConfigNode::AsDataRate() const
{
    return ParseUnit(&units::ParseDataRate);
}

double
ConfigNode::AsDataSize() const
{
    return ParseUnit(&units::ParseDataSize);
}

double
ConfigNode::AsLength() const
{
    return ParseUnit(&units::ParseLength);
}

double
ConfigNode::AsRatio() const
{
    return ParseUnit(&units::ParseRatio);
}

double
ConfigNode::AsPower() const
{
    return ParseUnit(&units::ParsePower);
}

double
ConfigNode::AsFrequency() const
{
    return ParseUnit(&units::ParseFrequency);
}

double
ConfigNode::AsSpeed() const
{
    return ParseUnit(&units::ParseSpeed);
}

double
ConfigNode::AsEnergy() const
{
    return ParseUnit(&units::ParseEnergy);
}

double
ConfigNode::AsVolume() const
{
    return ParseUnit(&units::ParseVolume);
}

double
ConfigNode::AsVolumeFlow() const
{
    return ParseUnit(&units::ParseVolumeFlow);
}

double
ConfigNode::AsMoney() const
{
    return ParseUnit(&units::ParseMoney);
}

void
ConfigNode::CheckKeys(const std::vector<std::string>& allowed, const std::string& context) const
{
    if (IsNull())
    {
        return;
    }
    if (!IsMap())
    {
        Fail(context + ": expected a map of keys, found " + Describe(*this));
    }
    for (std::size_t i = 0; i < m_entries.size(); ++i)
    {
        const std::string& key = m_entries[i].first;
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end())
        {
            continue;
        }
        std::string message = "unknown key '" + key + "' in " + context;
        const std::string suggestion = SuggestClosest(key, allowed);
        if (!suggestion.empty())
        {
            message += "; did you mean '" + suggestion + "'?";
        }
        else
        {
            message += "; allowed keys: " + Join(allowed, ", ");
        }
        throw InputError(m_keyMarks[i], message);
    }
}

void
ConfigNode::Set(const std::string& key, const ConfigNode& value, const SourceMark& keyMark)
{
    Set(std::string(key), ConfigNode(value), keyMark);
}

void
ConfigNode::Set(std::string&& key, ConfigNode&& value, const SourceMark& keyMark)
{
    if (IsNull())
    {
        m_kind = Kind::Map;
    }
    if (!IsMap())
    {
        Fail("cannot set key '" + key + "': expected a map, found " + Describe(*this));
    }
    const std::size_t index = IndexOf(key);
    if (index < m_entries.size())
    {
        m_entries[index].second = std::move(value);
        m_keyMarks[index] = keyMark;
        return;
    }
    AppendEntry(std::move(key), std::move(value), keyMark);
}

bool
ConfigNode::Remove(const std::string& key)
{
    const std::size_t index = IndexOf(key);
    if (!IsMap() || index >= m_entries.size())
    {
        return false;
    }
    m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(index));
    m_keyMarks.erase(m_keyMarks.begin() + static_cast<std::ptrdiff_t>(index));
    Reindex();
    return true;
}

void
ConfigNode::Append(const ConfigNode& item)
{
    Append(ConfigNode(item));
}

void
ConfigNode::Append(ConfigNode&& item)
{
    if (IsNull())
    {
        m_kind = Kind::Sequence;
    }
    if (!IsSequence())
    {
        Fail("cannot append an item: expected a list, found " + Describe(*this));
    }
    m_items.push_back(std::move(item));
}

void
ConfigNode::Merge(const ConfigNode& overlay)
{
    MergeAt(overlay, "");
}

std::string
ConfigNode::Missing(const std::string& key, const std::string& path, const std::string& what) const
{
    std::vector<std::string> keys;
    for (const auto& entry : m_entries)
    {
        keys.push_back(entry.first);
    }
    std::string message = (path.empty() ? std::string("the document") : "'" + path + "'") +
                          " has no '" + key + "' " + what;
    const std::string suggestion = SuggestClosest(key, keys);
    if (!suggestion.empty())
    {
        message += "; did you mean '" + suggestion + "'?";
    }
    return message;
}

void
ConfigNode::MergeAt(const ConfigNode& overlay, const std::string& path)
{
    if (overlay.IsNull())
    {
        return;
    }
    if (!overlay.IsMap())
    {
        *this = overlay;
        return;
    }
    // Work on a copy: the overlay may be this node or lie inside it.
    const ConfigNode source = overlay;
    if (!IsMap())
    {
        *this = MakeMap(source.m_mark);
    }
    for (std::size_t i = 0; i < source.m_entries.size(); ++i)
    {
        const std::string& key = source.m_entries[i].first;
        const ConfigNode& value = source.m_entries[i].second;
        if (value.IsNull())
        {
            if (!Remove(key))
            {
                throw InputError(source.m_keyMarks[i], Missing(key, path, "to remove"));
            }
            continue;
        }
        std::size_t index = IndexOf(key);
        if (index == m_entries.size())
        {
            AppendEntry(key, ConfigNode(), source.m_keyMarks[i]);
        }
        m_entries[index].second.MergeAt(value, path.empty() ? key : path + "." + key);
    }
}

void
ConfigNode::Remark(const SourceMark& mark)
{
    m_mark = mark;
    for (auto& keyMark : m_keyMarks)
    {
        keyMark = mark;
    }
    for (auto& entry : m_entries)
    {
        entry.second.Remark(mark);
    }
    for (auto& item : m_items)
    {
        item.Remark(mark);
    }
}

void
ConfigNode::SetPath(const std::string& dottedPath,
                    const std::string& value,
                    const SourceMark& mark,
                    std::size_t existing)
{
    NS_LOG_FUNCTION(this << dottedPath << value);
    std::vector<std::string> keys;
    std::size_t start = 0;
    while (true)
    {
        const std::size_t dot = dottedPath.find('.', start);
        keys.push_back(dottedPath.substr(start, dot == std::string::npos ? dot : dot - start));
        if (dot == std::string::npos)
        {
            break;
        }
        start = dot + 1;
    }
    for (const auto& key : keys)
    {
        if (key.empty())
        {
            throw InputError(mark,
                             "invalid path '" + dottedPath +
                                 "': write keys separated by single dots, as in "
                                 "links.backhaul.length");
        }
    }
    ConfigNode parsed;
    try
    {
        parsed = LoadString(value, mark.file);
    }
    catch (const InputError& e)
    {
        throw InputError(mark, "invalid value for '" + dottedPath + "': " + e.GetMessage());
    }
    parsed.Remark(mark);

    ConfigNode* current = this;
    std::string walked;
    for (std::size_t i = 0; i < keys.size(); ++i)
    {
        if (current->IsNull())
        {
            *current = MakeMap(mark);
        }
        if (!current->IsMap())
        {
            const std::string where = walked.empty() ? "the document" : "'" + walked + "'";
            throw InputError(mark,
                             "cannot set '" + dottedPath + "': " + where + " is " +
                                 Describe(*current) + " (at " + FormatSourceMark(current->m_mark) +
                                 "), not a map");
        }
        const std::string& key = keys[i];
        if (i + 1 == keys.size())
        {
            if (parsed.IsNull() && !current->Remove(key))
            {
                throw InputError(mark,
                                 "cannot remove '" + dottedPath +
                                     "': " + current->Missing(key, walked, "to remove"));
            }
            if (!parsed.IsNull())
            {
                current->Set(key, parsed, mark);
            }
            return;
        }
        if (current->IndexOf(key) == current->m_entries.size())
        {
            if (i < existing)
            {
                throw InputError(mark,
                                 "cannot set '" + dottedPath +
                                     "': " + current->Missing(key, walked, "to change") +
                                     " (to add it, set it whole: " +
                                     (walked.empty() ? "" : walked + ".") + key + "={...})");
            }
            current->Set(key, MakeMap(mark), mark);
        }
        current = &current->m_entries[current->IndexOf(key)].second;
        walked += (walked.empty() ? "" : ".") + key;
    }
}

void
ConfigNode::EmitBlock(std::string& out, std::size_t indent) const
{
    const std::string spaces(indent, ' ');
    if (IsMap())
    {
        for (const auto& entry : m_entries)
        {
            out += spaces + QuoteScalar(entry.first) + ":";
            if (IsInline(entry.second))
            {
                out += " " + InlineText(entry.second) + "\n";
            }
            else
            {
                out += "\n";
                entry.second.EmitBlock(out, indent + 2);
            }
        }
        return;
    }
    if (IsSequence())
    {
        for (const auto& item : m_items)
        {
            if (IsInline(item))
            {
                out += spaces + "- " + InlineText(item) + "\n";
                continue;
            }
            // A nested block starts on the dash's line: "- key: value" then the other keys
            // indented under the first one; "- - item" for a list in a list.
            std::string nested;
            item.EmitBlock(nested, indent + 2);
            out += spaces + "- " + nested.substr(indent + 2);
        }
        return;
    }
    out += spaces + InlineText(*this) + "\n";
}

std::string
ConfigNode::ToYaml() const
{
    std::string out;
    if (IsInline(*this))
    {
        return InlineText(*this) + "\n";
    }
    EmitBlock(out, 0);
    return out;
}

bool
ConfigNode::operator==(const ConfigNode& other) const
{
    return m_kind == other.m_kind && m_scalar == other.m_scalar && m_entries == other.m_entries &&
           m_items == other.m_items;
}

bool
ConfigNode::operator!=(const ConfigNode& other) const
{
    return !(*this == other);
}

} // namespace blueprint
} // namespace ns3
