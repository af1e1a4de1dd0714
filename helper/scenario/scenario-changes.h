/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_SCENARIO_CHANGES_H
#define BLUEPRINT_SCENARIO_CHANGES_H

#include "helper/scenario/config-node.h"

#include <string>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Lays an alternative's `changes` over a scenario document.
 *
 * Maps merge key by key, `~` removes a key and other values replace (ConfigNode::Merge); removing
 * a key that is not there is an error with a did-you-mean, so that a misspelt "fiber cut" cannot
 * run over intact fiber. A new key brings its whole value: a new element (site, node, link, flow)
 * is written in full, and the reader then checks it like any other. A link whose `technology` the
 * changes set to another than the base's starts afresh: of the base's keys only `between` and
 * `description` stay, since the others belong to the old technology.
 *
 * \param root the document, changed in place
 * \param changes the alternative's `changes`, a map
 * \return for each element the changes add whose name is close to one of the base's, a hint
 *         such as "it adds flow 'shelter-vid', which the base does not have; did you mean
 *         'shelter-video'?", for the messages of errors found in the changed document
 * \throws InputError at the changes' key that removes something absent
 */
std::vector<std::string> ApplyAlternative(ConfigNode& root, const ConfigNode& changes);

/**
 * \ingroup blueprint
 * \brief Applies one command-line override, "key.path=value", as `--set` and sweep axes give it.
 *
 * The value is YAML. The path may end in a key that is new (an optional setting, or a whole new
 * element) but must walk through an element that exists: "flows.NAME.traffic.rate" with a NAME
 * that no flow has is an error with a did-you-mean, not a new flow; so is removing (`~`) a key
 * that is not there. Setting `links.NAME.technology` to another technology starts the link
 * afresh, as in ApplyAlternative.
 *
 * \param root the document, changed in place
 * \param setting the override as written
 * \throws InputError marked "--set SETTING" for a malformed setting or one of the errors above
 */
void ApplyOverride(ConfigNode& root, const std::string& setting);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_SCENARIO_CHANGES_H
