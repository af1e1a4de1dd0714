/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_CONFIG_NODE_H
#define BLUEPRINT_CONFIG_NODE_H

#include "helper/scenario/input-error.h"
#include "helper/scenario/units.h" // the typed reads use these parsers; readers of ConfigNode need them too

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \brief One node of a YAML document, with the place it was written.
 *
 * A plain value tree (null, scalar text, sequence, map with keys in file order) that owns its
 * children, independent of yaml-cpp's reference semantics. Every node and every map key keeps its
 * SourceMark, so any reader can report a problem as FILE:LINE:COL. Scalars are kept as the text
 * written; the typed reads (AsDouble, AsDuration, ...) interpret them and throw InputError at the
 * node's mark when they cannot.
 */
class ConfigNode
{
  public:
    /// What a node holds.
    enum class Kind
    {
        Null,     //!< Nothing: "~", "null" or an empty value.
        Scalar,   //!< One value, kept as text.
        Sequence, //!< A list of nodes.
        Map       //!< Keys (text) to nodes, in file order.
    };

    /// The largest text LoadFile and LoadString read: 32 MiB (a scenario of 100,000 flows
    /// written one per line is about 9 MB).
    static constexpr std::size_t MAX_FILE_BYTES = std::size_t{32} << 20;
    /// The most values (scalars, empty values, maps and lists) a document may hold once its
    /// aliases are expanded: about 2.5 times what 100,000 fully specified flows need.
    static constexpr std::size_t MAX_VALUES = 4000000;
    /// The deepest nesting of maps and lists a document may have (a scenario uses about six).
    static constexpr std::size_t MAX_DEPTH = 100;

    /// Creates a Null node with no position.
    ConfigNode();

    /**
     * \brief Copies a tree (a large map's index is rebuilt, not shared).
     * \param other the tree
     */
    ConfigNode(const ConfigNode& other);

    /**
     * \brief Copies a tree into this one.
     * \param other the tree
     * \return this node
     */
    ConfigNode& operator=(const ConfigNode& other);

    /// Moves a tree.
    ConfigNode(ConfigNode&&) noexcept = default;

    /**
     * \brief Moves a tree into this one.
     * \return this node
     */
    ConfigNode& operator=(ConfigNode&&) noexcept = default;

    ~ConfigNode() = default;

    /**
     * \brief Reads and parses a YAML file.
     *
     * \param path the file to read; also the file name in every mark
     * \return the root node (Null for an empty document)
     * \throws InputError without position if the file cannot be read, is larger than
     *         MAX_FILE_BYTES (read no further, so /dev/zero is refused at once) or its path is
     *         not UTF-8 (results carry it, and JSON needs UTF-8); with position on
     *         what ParseYamlDocument refuses: YAML syntax errors, text that is not UTF-8, tab
     *         indentation, duplicate map keys, keys that are not plain text, more than one
     *         document, more than MAX_VALUES values or MAX_DEPTH levels.
     */
    static ConfigNode LoadFile(const std::string& path);

    /**
     * \brief Parses YAML text.
     * \param text the YAML document
     * \param fileName the name to put in every mark
     * \return the root node (Null, marked at 1:1, for an empty document)
     * \throws InputError as LoadFile does
     */
    static ConfigNode LoadString(const std::string& text, const std::string& fileName);

    /**
     * \brief Creates a scalar.
     * \param value the text
     * \param mark where it comes from
     * \return the node
     */
    static ConfigNode MakeScalar(const std::string& value, const SourceMark& mark);

    /**
     * \brief Creates an empty map.
     * \param mark where it comes from
     * \return the node
     */
    static ConfigNode MakeMap(const SourceMark& mark);

    /**
     * \brief Creates an empty sequence.
     * \param mark where it comes from
     * \return the node
     */
    static ConfigNode MakeSequence(const SourceMark& mark);

    /**
     * \brief Creates a Null node at a position.
     * \param mark where it comes from
     * \return the node
     */
    static ConfigNode MakeNull(const SourceMark& mark);

    /// \return what this node holds
    Kind GetKind() const;
    /// \return true if this node holds nothing
    bool IsNull() const;
    /// \return true if this node is one value
    bool IsScalar() const;
    /// \return true if this node is a map
    bool IsMap() const;
    /// \return true if this node is a sequence
    bool IsSequence() const;

    /// \return where this node was written
    const SourceMark& GetMark() const;

    /**
     * \brief The text of a scalar.
     * \return the text as written (without quotes)
     * \throws InputError "expected a single value, found a map" (or a list, or nothing)
     */
    const std::string& GetScalar() const;

    /**
     * \brief The entries of a map.
     * \return (key, value) pairs in file order
     * \throws InputError if this is not a map
     */
    const std::vector<std::pair<std::string, ConfigNode>>& GetEntries() const;

    /**
     * \brief The items of a sequence.
     * \return the items in file order
     * \throws InputError if this is not a sequence
     */
    const std::vector<ConfigNode>& GetItems() const;

    /**
     * \brief Looks a key up.
     * \param key the key
     * \return the value, or nullptr if the key is absent or this is not a map
     */
    const ConfigNode* Find(const std::string& key) const;

    /**
     * \brief The value of a key that must be there.
     * \param key the key
     * \param context what this map is, for the message, e.g. "link 'backhaul'"
     * \return the value
     * \throws InputError at this node's mark: "<context>: missing required key 'key'"
     */
    const ConfigNode& Get(const std::string& key, const std::string& context) const;

    /**
     * \brief Where a key itself is written, for errors about the key (unknown, duplicate, ...).
     * \param key the key
     * \return the key's mark, or this node's mark if the key is absent
     */
    const SourceMark& GetKeyMark(const std::string& key) const;

    /**
     * \brief The scalar as text.
     * \return the text
     * \throws InputError if this is not a scalar
     */
    std::string AsString() const;

    /**
     * \brief The scalar as a finite number (sign allowed).
     * \return the number
     * \throws InputError if it is not one
     */
    double AsDouble() const;

    /**
     * \brief The scalar as a whole number in decimal digits with optional sign.
     * \return the number
     * \throws InputError for fractions ("1.5"), exponents, other text, or values beyond int64
     */
    int64_t AsInteger() const;

    /**
     * \brief The scalar as a yes/no value.
     * \return true for true/yes/on, false for false/no/off (any letter case, as in YAML 1.1)
     * \throws InputError otherwise
     */
    bool AsBool() const;

    /// \return the scalar as a duration in seconds (units::ParseDuration); InputError on failure
    double AsDuration() const;
    /// \return the scalar as a data rate in bit/s (units::ParseDataRate); InputError on failure
    double AsDataRate() const;
    /// \return the scalar as a data size in bytes (units::ParseDataSize); InputError on failure
    double AsDataSize() const;
    /// \return the scalar as a length in metres (units::ParseLength); InputError on failure
    double AsLength() const;
    /// \return the scalar as a ratio in [0, 1] (units::ParseRatio); InputError on failure
    double AsRatio() const;
    /// \return the scalar as a power in watts (units::ParsePower); InputError on failure
    double AsPower() const;
    /// \return the scalar as a frequency in hertz (units::ParseFrequency); InputError on failure
    double AsFrequency() const;
    /// \return the scalar as an amount of money (units::ParseMoney); InputError on failure
    double AsMoney() const;
    /// \return the scalar as a speed in metres per second (units::ParseSpeed); InputError on
    /// failure
    double AsSpeed() const;
    /// \return the scalar as an energy in J (units::ParseEnergy); \throws InputError
    double AsEnergy() const;
    /// \return the scalar as a volume in L (units::ParseVolume); \throws InputError
    double AsVolume() const;
    /// \return the scalar as a volume flow in L/s (units::ParseVolumeFlow); \throws InputError
    double AsVolumeFlow() const;

    /**
     * \brief Checks that every key of this map is an allowed one.
     *
     * A Null node has no keys and passes.
     *
     * \param allowed the keys this map may have
     * \param context what this map is, e.g. "link 'backhaul'"
     * \throws InputError at the offending key's mark: "unknown key 'lenght' in link 'backhaul';
     *         did you mean 'length'?" (or "...; allowed keys: a, b" when nothing is close), or at
     *         this node's mark if it is a scalar or a sequence.
     */
    void CheckKeys(const std::vector<std::string>& allowed, const std::string& context) const;

    /**
     * \brief Overlays another tree on this one (scenario "alternatives").
     *
     * Maps merge recursively key by key, new keys going to the end in the overlay's order; a key
     * whose overlay value is Null is removed; scalars and sequences replace whatever was there,
     * and so does a map that lands on a non-map. Merged-in nodes keep the overlay's marks. An
     * overlay that is Null as a whole changes nothing.
     *
     * \param overlay the tree to lay over this one
     * \throws InputError at the overlay's key when it removes a key that is not there (a typo
     *         would otherwise remove nothing and go unnoticed), with a did-you-mean
     */
    void Merge(const ConfigNode& overlay);

    /**
     * \brief Sets one value by a dotted path, as the command line's "--set a.b.c=value" does.
     *
     * Walks the maps along the path, creating missing ones (a Null on the way becomes a map)
     * below its first \p existing keys, which must be there, and replaces the last key's value
     * with value parsed as YAML, so "[1, 2]" and "{a: 1}" work. A value that parses to Null ("",
     * "~", "null") removes the key instead, as Merge does. New nodes and keys are marked with
     * mark.
     *
     * \param dottedPath keys separated by '.', none empty
     * \param value YAML text of the new value
     * \param mark where the setting comes from (the CLI passes file "--set")
     * \param existing how many leading keys of the path (not counting its last) must exist: a
     *        scenario passes 2 for "flows.NAME....", so that a misspelt flow name is an error and
     *        not a new flow
     * \throws InputError at mark if the path is malformed, walks through a scalar or a sequence
     *         or through a missing key it must find, removes a key that is not there (both with a
     *         did-you-mean), or value is not valid YAML
     */
    void SetPath(const std::string& dottedPath,
                 const std::string& value,
                 const SourceMark& mark,
                 std::size_t existing = 0);

    /**
     * \brief Canonical YAML for this tree: block style, keys in order, two-space indentation,
     *        scalars quoted only where YAML needs it, "~" for Null, "{}" and "[]" when empty.
     *
     * Equal trees give equal text, so it can be hashed; LoadString(ToYaml()) gives an equal tree.
     *
     * \return the YAML text, ending with a newline
     */
    std::string ToYaml() const;

    /**
     * \brief Sets a key of this map, replacing its value or appending it at the end.
     * \param key the key
     * \param value the value
     * \param keyMark where the key is written
     * \throws InputError if this is not a map (a Null node becomes an empty map first)
     */
    void Set(const std::string& key, const ConfigNode& value, const SourceMark& keyMark);

    /**
     * \brief Sets a key of this map from values that are moved in (see the copying overload).
     * \param key the key
     * \param value the value
     * \param keyMark where the key is written
     */
    void Set(std::string&& key, ConfigNode&& value, const SourceMark& keyMark);

    /**
     * \brief Removes a key of this map.
     * \param key the key
     * \return true if the key was there
     */
    bool Remove(const std::string& key);

    /**
     * \brief Appends an item to this sequence.
     * \param item the item
     * \throws InputError if this is not a sequence (a Null node becomes an empty sequence first)
     */
    void Append(const ConfigNode& item);

    /**
     * \brief Appends an item that is moved in (see the copying overload).
     * \param item the item
     */
    void Append(ConfigNode&& item);

    /**
     * \brief Compares content: kind, scalar text, keys in order, items. Marks are ignored.
     * \param other the other tree
     * \return true if both trees hold the same content
     */
    bool operator==(const ConfigNode& other) const;

    /**
     * \brief Negation of operator==.
     * \param other the other tree
     * \return true if the trees differ in content
     */
    bool operator!=(const ConfigNode& other) const;

  private:
    /**
     * \brief Throws an InputError at this node's mark.
     * \param message the message
     */
    [[noreturn]] void Fail(const std::string& message) const;

    /**
     * \brief Runs a unit parser on the scalar, turning its UnitError into an InputError here.
     * \param parse the parser
     * \return the parsed value
     */
    double ParseUnit(double (*parse)(const std::string&)) const;

    /**
     * \brief Index of a key in m_entries: through m_index in a large map, by a scan in a small one.
     * \param key the key
     * \return the index, or m_entries.size() if absent
     */
    std::size_t IndexOf(const std::string& key) const;

    /**
     * \brief Appends an entry to this map, keeping m_index.
     * \param key the key, not yet in the map
     * \param value the value
     * \param keyMark where the key is written
     */
    void AppendEntry(std::string key, ConfigNode value, const SourceMark& keyMark);

    /// Rebuilds m_index from m_entries (empty for a small map).
    void Reindex();

    /**
     * \brief Merge, knowing where this node is, for messages.
     * \param overlay the tree to lay over this one
     * \param path the keys from the root to this node, dotted ("" for the root)
     */
    void MergeAt(const ConfigNode& overlay, const std::string& path);

    /**
     * \brief The message for a key that is not in this map, with a did-you-mean.
     * \param key the key
     * \param path where this map is, dotted ("" for the root)
     * \param what what was to be done with it, e.g. "to remove"
     * \return the message
     */
    std::string Missing(const std::string& key,
                        const std::string& path,
                        const std::string& what) const;

    /**
     * \brief Gives this node and all nodes and keys below it the same mark.
     * \param mark the mark
     */
    void Remark(const SourceMark& mark);

    /**
     * \brief Appends the block-style YAML of this node to out.
     * \param out the text so far
     * \param indent spaces before each line of this node
     */
    void EmitBlock(std::string& out, std::size_t indent) const;

    Kind m_kind;                                               //!< What this node holds.
    SourceMark m_mark;                                         //!< Where it was written.
    std::string m_scalar;                                      //!< Text, for a scalar.
    std::vector<std::pair<std::string, ConfigNode>> m_entries; //!< Entries, for a map.
    std::vector<SourceMark> m_keyMarks; //!< Key marks, parallel to m_entries.
    std::vector<ConfigNode> m_items;    //!< Items, for a sequence.
    /// Position of each key in m_entries, kept for maps of more than INDEXED_FROM entries so
    /// that reading and looking up a map of n keys takes time in n, not n squared.
    /// A pointer, so that the many small nodes do not each carry an empty table.
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> m_index;
    /// Size above which a map keeps m_index; smaller maps are scanned.
    static constexpr std::size_t INDEXED_FROM = 16;
};

/**
 * \brief A short phrase naming a kind, for messages: "a map", "a list", "a single value",
 *        "nothing (an empty value)".
 * \param kind the kind
 * \return the phrase
 */
std::string DescribeKind(ConfigNode::Kind kind);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_CONFIG_NODE_H
