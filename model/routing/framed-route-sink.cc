/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/routing/framed-route-sink.h"

#include "ns3/log.h"

namespace ns3
{
namespace blueprint
{

NS_LOG_COMPONENT_DEFINE("BlueprintFramedRouteSink");

NS_OBJECT_ENSURE_REGISTERED(FramedRouteSink);

TypeId
FramedRouteSink::GetTypeId()
{
    static TypeId tid = TypeId("ns3::blueprint::FramedRouteSink")
                            .SetParent<Object>()
                            .SetGroupName("Blueprint")
                            .AddConstructor<FramedRouteSink>();
    return tid;
}

void
FramedRouteSink::SetCallbacks(AddCallback add, RemoveCallback remove)
{
    m_add = add;
    m_remove = remove;
}

void
FramedRouteSink::Add(Ipv4Address destination, Ipv4Address terminal)
{
    NS_LOG_FUNCTION(this << destination << terminal);
    if (!m_add.IsNull())
    {
        m_add(destination, terminal);
    }
}

void
FramedRouteSink::Remove(Ipv4Address destination)
{
    NS_LOG_FUNCTION(this << destination);
    if (!m_remove.IsNull())
    {
        m_remove(destination);
    }
}

void
FramedRouteSink::DoDispose()
{
    m_add = AddCallback();
    m_remove = RemoveCallback();
    Object::DoDispose();
}

} // namespace blueprint
} // namespace ns3
