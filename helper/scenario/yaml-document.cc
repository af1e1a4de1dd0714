/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "helper/scenario/yaml-document.h"

#include "ns3/log.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <yaml.h>

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintYamlDocument");

namespace
{

/// The 1-based line and column of a byte of text; columns count characters, as libyaml's do.
SourceMark
MarkAt(const std::string& text, std::size_t offset, const std::string& file)
{
    SourceMark mark{file, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    {
        if (text[i] == '\n')
        {
            ++mark.line;
            mark.column = 1;
        }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        {
            ++mark.column; // not a UTF-8 continuation byte
        }
    }
    return mark;
}

/**
 * The offset of the first byte of text that is not part of well-formed UTF-8 (RFC 3629 clause 4:
 * the shortest form only, no UTF-16 surrogates, nothing beyond U+10FFFF), or npos.
 */
std::size_t
FindInvalidUtf8(const std::string& text)
{
    const auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    std::size_t i = 0;
    while (i < text.size())
    {
        const unsigned char lead = byte(i);
        std::size_t length = 0;
        unsigned char low = 0x80; // the range the second byte must lie in
        unsigned char high = 0xBF;
        if (lead < 0x80)
        {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            length = 2;
        }
        else if (lead >= 0xE0 && lead <= 0xEF)
        {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
            high = lead == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        }
        else if (lead >= 0xF0 && lead <= 0xF4)
        {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
            high = lead == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be beyond U+10FFFF
        }
        else
        {
            return i;
        }
        if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high)
        {
            return i;
        }
        for (std::size_t k = 2; k < length; ++k)
        {
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            {
                return i;
            }
        }
        i += length;
    }
    return std::string::npos;
}

/// The last line up to lastLine (1-based) whose indentation holds a tab, marked at the tab.
std::optional<SourceMark>
FindTabIndentation(const std::string& text, int lastLine, const std::string& file)
{
    std::optional<SourceMark> found;
    int line = 1;
    std::size_t start = 0;
    while (start <= text.size() && line <= lastLine)
    {
        std::size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end;
        const std::size_t content = text.find_first_not_of(" \t", start);
        const std::size_t tab = text.find('\t', start);
        if (content < end && text[content] != '\r' && tab < content)
        {
            found = SourceMark{file, line, static_cast<int>(tab - start) + 1};
        }
        start = end + 1;
        ++line;
    }
    return found;
}

/// A libyaml mark (0-based) as ours.
SourceMark
ToMark(const yaml_mark_t& mark, const std::string& file)
{
    return SourceMark{file, static_cast<int>(mark.line) + 1, static_cast<int>(mark.column) + 1};
}

/// libyaml's text (NUL-terminated, possibly absent) as a string.
std::string
Text(const yaml_char_t* text)
{
    return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

/**
 * Builds one document's tree from libyaml's parser events (see ParseYamlDocument). Empty values
 * follow YAML 1.2's core schema (clause 10.3.2): a plain, untagged "", "~", "null", "Null" or
 * "NULL" is nothing; quoted, it is text.
 */
class TreeBuilder
{
  public:
    /// \param file the name to put in every mark
    explicit TreeBuilder(std::string file)
        : m_file(std::move(file)),
          m_root(ConfigNode::MakeNull(SourceMark{m_file, 1, 1}))
    {
    }

    /// \return the document's root (Null for an empty document)
    ConfigNode TakeRoot()
    {
        return std::move(m_root);
    }

    /// \return whether the document holds nothing
    bool IsEmpty() const
    {
        return m_root.IsNull();
    }

    /**
     * \brief Takes one event of the document (not the stream's or the document's own).
     * \param event the event
     */
    void Take(const yaml_event_t& event)
    {
        const SourceMark mark = ToMark(event.start_mark, m_file);
        switch (event.type)
        {
        case YAML_ALIAS_EVENT:
            Alias(Text(event.data.alias.anchor), mark);
            return;
        case YAML_SCALAR_EVENT: {
            const auto& scalar = event.data.scalar;
            std::string value(reinterpret_cast<const char*>(scalar.value), scalar.length);
            const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nullptr;
            if (plain && (value.empty() || value == "~" || value == "null" || value == "Null" ||
                          value == "NULL"))
            {
                Null(Text(scalar.anchor), mark);
                return;
            }
            Count(1, mark);
            Place(ConfigNode::MakeScalar(value, mark), Text(scalar.anchor), 1);
            return;
        }
        case YAML_SEQUENCE_START_EVENT:
            Open(ConfigNode::MakeSequence(mark), Text(event.data.sequence_start.anchor));
            return;
        case YAML_MAPPING_START_EVENT:
            Open(ConfigNode::MakeMap(mark), Text(event.data.mapping_start.anchor));
            return;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            Close();
            return;
        default:
            return;
        }
    }

  private:
    /// A map or list being built.
    struct Frame
    {
        ConfigNode node;              //!< What is built so far.
        std::size_t definition = 0;   //!< Its anchor definition (see m_current), 0 for none.
        std::size_t valuesAtOpen = 0; //!< m_values when it started.
        bool keyPending = false;      //!< A map's key is read and its value is awaited.
        std::string key;              //!< That key.
        SourceMark keyMark;           //!< Where that key is written.
    };

    void Null(const std::string& anchor, const SourceMark& mark)
    {
        // An empty value has no place of its own worth showing (the parser marks it where
        // whatever follows starts, often the next line): an item shows its list's, a value its
        // key's.
        SourceMark where{m_file, 1, 1};
        if (!m_stack.empty())
        {
            const Frame& top = m_stack.back();
            if (top.node.IsMap() && !top.keyPending)
            {
                throw InputError(mark, "a map key must not be empty");
            }
            where = top.node.IsSequence() ? top.node.GetMark() : top.keyMark;
        }
        Count(1, mark);
        Place(ConfigNode::MakeNull(where), anchor, 1);
    }

    void Alias(const std::string& anchor, const SourceMark& mark)
    {
        const auto current = m_current.find(anchor);
        if (current == m_current.end())
        {
            throw InputError(mark, "alias *" + anchor + " names no anchor");
        }
        const auto done = m_done.find(current->second);
        if (done == m_done.end())
        {
            throw InputError(mark,
                             "alias *" + anchor +
                                 " is inside the node it names, which would make the tree "
                                 "contain itself");
        }
        // A copy, keeping the anchored node's marks: a problem in it is shown where it is written.
        Count(done->second.second, mark);
        Place(ConfigNode(done->second.first), "", done->second.second);
    }

    /// Counts values against the budget.
    void Count(std::size_t values, const SourceMark& mark)
    {
        m_values += values;
        if (m_values > ConfigNode::MAX_VALUES)
        {
            throw InputError(mark,
                             "the document holds more than " +
                                 std::to_string(ConfigNode::MAX_VALUES) +
                                 " values once its aliases are expanded, the most blueprint "
                                 "reads");
        }
    }

    /// A new definition of an anchor: later aliases name it (YAML 1.2 clause 3.2.2.2).
    std::size_t Define(const std::string& anchor)
    {
        if (anchor.empty())
        {
            return 0;
        }
        m_current[anchor] = ++m_definitions;
        return m_definitions;
    }

    void Open(ConfigNode node, const std::string& anchor)
    {
        if (!m_stack.empty() && m_stack.back().node.IsMap() && !m_stack.back().keyPending)
        {
            throw InputError(node.GetMark(),
                             "a map key must be plain text, found " + DescribeKind(node.GetKind()));
        }
        if (m_stack.size() >= ConfigNode::MAX_DEPTH)
        {
            throw InputError(node.GetMark(),
                             "maps and lists are nested deeper than " +
                                 std::to_string(ConfigNode::MAX_DEPTH) +
                                 " levels, the most blueprint reads");
        }
        Count(1, node.GetMark());
        Frame frame;
        frame.node = std::move(node);
        frame.definition = Define(anchor);
        frame.valuesAtOpen = m_values - 1;
        m_stack.push_back(std::move(frame));
    }

    void Close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        const std::size_t values = m_values - frame.valuesAtOpen;
        if (frame.definition != 0)
        {
            m_done[frame.definition] = std::make_pair(frame.node, values);
        }
        Place(std::move(frame.node), "", values);
    }

    /// Puts a finished node where it belongs: the root, a list's next item, a map's key or value.
    void Place(ConfigNode node, const std::string& anchor, std::size_t values)
    {
        if (const std::size_t definition = Define(anchor))
        {
            m_done[definition] = std::make_pair(node, values);
        }
        if (m_stack.empty())
        {
            m_root = std::move(node);
            return;
        }
        Frame& top = m_stack.back();
        if (top.node.IsSequence())
        {
            top.node.Append(std::move(node));
            return;
        }
        if (top.keyPending)
        {
            top.node.Set(std::move(top.key), std::move(node), top.keyMark);
            top.keyPending = false;
            return;
        }
        // A key: a scalar here (Open and Null refuse the others).
        const std::string& key = node.GetScalar();
        if (key.empty())
        {
            throw InputError(node.GetMark(), "a map key must not be empty");
        }
        if (top.node.Find(key) != nullptr)
        {
            const SourceMark& first = top.node.GetKeyMark(key);
            throw InputError(node.GetMark(),
                             "duplicate key '" + key + "'; it is already set at line " +
                                 std::to_string(first.line) + ", column " +
                                 std::to_string(first.column));
        }
        top.key = key;
        top.keyMark = node.GetMark();
        top.keyPending = true;
    }

    std::string m_file;                           //!< The name in every mark.
    ConfigNode m_root;                            //!< The finished root.
    std::vector<Frame> m_stack;                   //!< Maps and lists being built, innermost last.
    std::size_t m_values = 0;                     //!< Values made so far, aliases expanded.
    std::size_t m_definitions = 0;                //!< Anchor definitions so far.
    std::map<std::string, std::size_t> m_current; //!< The latest definition of each anchor.
    /// Finished anchored nodes by definition, with the values each holds. A definition not here
    /// yet is still being built.
    std::map<std::size_t, std::pair<ConfigNode, std::size_t>> m_done;
};

/// libyaml's parser, released however the parse ends.
struct Parser
{
    Parser()
    {
        yaml_parser_initialize(&parser);
    }

    ~Parser()
    {
        yaml_parser_delete(&parser);
    }

    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    yaml_parser_t parser; //!< The parser.
};

/// One event of libyaml's parser, released however the parse ends.
struct Event
{
    Event() = default;

    ~Event()
    {
        yaml_event_delete(&event);
    }

    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    yaml_event_t event{}; //!< The event.
};

/// The parser's error as an InputError; a tab in the indentation before it is named as the cause.
InputError
ParseError(const yaml_parser_t& parser, const std::string& text, const std::string& file)
{
    const SourceMark where = ToMark(parser.problem_mark, file);
    std::string message = parser.problem ? parser.problem : "invalid YAML";
    if (parser.context)
    {
        const SourceMark context = ToMark(parser.context_mark, file);
        message += std::string(" ") + parser.context + " (started at line " +
                   std::to_string(context.line) + ", column " + std::to_string(context.column) +
                   ")";
    }
    if (auto tab = FindTabIndentation(text, where.line, file))
    {
        return InputError(*tab,
                          "a tab is used for indentation here; YAML indents with spaces only "
                          "(the parser: " +
                              message + ", at line " + std::to_string(where.line) + ")");
    }
    return InputError(where, message);
}

} // namespace

bool
IsUtf8(const std::string& text)
{
    return FindInvalidUtf8(text) == std::string::npos;
}

ConfigNode
ParseYamlDocument(const std::string& text, const std::string& fileName)
{
    NS_LOG_FUNCTION(fileName << text.size());
    if (text.size() > ConfigNode::MAX_FILE_BYTES)
    {
        throw InputError(SourceMark{fileName, 0, 0},
                         "the text is larger than " +
                             std::to_string(ConfigNode::MAX_FILE_BYTES >> 20) +
                             " MiB, the most blueprint reads");
    }
    const std::size_t invalid = FindInvalidUtf8(text);
    if (invalid != std::string::npos)
    {
        throw InputError(MarkAt(text, invalid, fileName),
                         "this byte is not UTF-8 text; save the file as UTF-8");
    }
    Parser p;
    yaml_parser_set_input_string(&p.parser,
                                 reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    yaml_parser_set_encoding(&p.parser, YAML_UTF8_ENCODING);
    std::optional<ConfigNode> root;
    std::unique_ptr<TreeBuilder> builder;
    while (true)
    {
        Event e;
        if (!yaml_parser_parse(&p.parser, &e.event))
        {
            throw ParseError(p.parser, text, fileName);
        }
        if (e.event.type == YAML_STREAM_END_EVENT)
        {
            break;
        }
        if (e.event.type == YAML_DOCUMENT_START_EVENT)
        {
            builder = std::make_unique<TreeBuilder>(fileName);
            continue;
        }
        if (e.event.type != YAML_DOCUMENT_END_EVENT)
        {
            if (builder)
            {
                builder->Take(e.event);
            }
            continue;
        }
        if (!root)
        {
            root = builder->TakeRoot();
            continue;
        }
        // A file is one scenario; a second document would be silently ignored, which would
        // surprise whoever wrote it. Empty trailing documents ("---" at the end) are harmless.
        if (!builder->IsEmpty())
        {
            throw InputError(builder->TakeRoot().GetMark(),
                             "a file must hold a single YAML document, but a second one starts "
                             "here");
        }
    }
    return root ? std::move(*root) : ConfigNode::MakeNull(SourceMark{fileName, 1, 1});
}

} // namespace blueprint
} // namespace ns3
