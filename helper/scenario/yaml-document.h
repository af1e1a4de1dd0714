/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_YAML_DOCUMENT_H
#define BLUEPRINT_YAML_DOCUMENT_H

#include "helper/scenario/config-node.h"

#include <string>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Parses YAML text into a ConfigNode tree, for ConfigNode::LoadString.
 *
 * libyaml's parser reports events (a map starts, a scalar, an alias, ...) and this builds the
 * tree from them directly. yaml-cpp 0.7, which blueprint read with before, is unsuitable for
 * input it did not write: its LoadAll loops without end, filling memory, when a document holds
 * a token no node can start with, such as a lone ',' (yaml-cpp issue #1040, fixed upstream by
 * pull request #1319 after Debian 12's 0.7.0); it resolves aliases by sharing nodes, so an alias
 * inside the node it names makes a cyclic tree; and it scans about 3 MB of text a second, so
 * 100,000 flows took seconds to read. libyaml (the reference C parser, fuzzed continuously by
 * OSS-Fuzz) reads the same text about fifteen times faster and reports aliases by name, which
 * lets the reader:
 * - check duplicate keys as it goes, in constant time per key (ConfigNode indexes large maps);
 * - copy each alias out under a budget: a document expands to at most ConfigNode::MAX_VALUES
 *   values, so nested aliases ("billion laughs") are refused instead of filling memory, and an
 *   alias inside the node it names (x: &a [*a]) is refused instead of recursing without end;
 * - refuse nesting deeper than ConfigNode::MAX_DEPTH levels, so that no recursive walk of the tree
 *   can overflow the stack.
 * Before parsing, the text must be UTF-8 (YAML 1.2 clause 5.2; libyaml checks too, this says
 * where in words). When the parser reports a syntax error and a line up to it is indented with a
 * tab, the error says so (YAML 1.2 clause 6.1: tabs are not indentation).
 *
 * \param text the YAML text (at most ConfigNode::MAX_FILE_BYTES)
 * \param fileName the name to put in every mark
 * \return the root node (Null, marked at 1:1, for an empty document)
 * \throws InputError at the offending place for every problem above, for YAML syntax errors,
 *         duplicate keys, keys that are not plain text, and a second non-empty document
 */
ConfigNode ParseYamlDocument(const std::string& text, const std::string& fileName);

/**
 * \ingroup blueprint
 * \brief Whether text is well-formed UTF-8 (RFC 3629 clause 4: shortest forms only, no UTF-16
 * surrogates, nothing beyond U+10FFFF), as JSON output needs every name and path to be.
 * \param text the text
 * \return true if it is
 */
bool IsUtf8(const std::string& text);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_YAML_DOCUMENT_H
