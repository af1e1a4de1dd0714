/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_TYPE_CHOICE_H
#define BLUEPRINT_TYPE_CHOICE_H

#include "helper/scenario/config-node.h"

#include "ns3/type-id.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief A model variant a scenario chooses the ns-3 way, by TypeId: a short name that aliases a
 * type blueprint ships (`scheduler: pf`), or the name of any registered type of the right kind
 * (`scheduler: ns3::MyScheduler`), so that a researcher's own subclass plugs in by name without
 * touching blueprint. The model is then built with ns3::ObjectFactory from the chosen TypeId.
 *
 * "The right kind" is tested on a built object (BuildsA), as the model's user will use it,
 * because ns-3 3.37's TypeId parents are not always the C++ ones (TcpCubic's is TcpSocketBase).
 */
struct TypeChoice
{
    std::string what; //!< what is chosen, for messages: "scheduler", "traffic pattern"
    std::string
        base; //!< the type a choice must build, for messages: "ns3::blueprint::NrMacScheduler"
    bool (*fits)(TypeId); //!< whether a type builds one (e.g. &BuildsA<NrMacScheduler>)
    /// Short name -> TypeId name, in the order messages list them.
    std::vector<std::pair<std::string, std::string>> aliases;

    /**
     * \param typeName a TypeId name
     * \return its short name, or typeName when it has none
     */
    std::string GetAlias(const std::string& typeName) const;

    /**
     * \param name a short name or a TypeId name
     * \return the TypeId name of a short name, or name itself
     */
    std::string GetTypeName(const std::string& name) const;
};

/**
 * \ingroup blueprint
 * \brief Read a type choice: a short name or a TypeId name.
 * \param node the scalar
 * \param choice what may be chosen
 * \return the TypeId name (a short name's, or the one written)
 * \throws InputError at node: an unknown short name with a did-you-mean over the short names, an
 *         unknown type with one over the registered types of the kind, a type without a
 *         constructor, or a type that does not build the kind's base
 */
std::string ReadTypeChoice(const ConfigNode& node, const TypeChoice& choice);

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_TYPE_CHOICE_H
