/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RADIO_PAIR_STREAMS_H
#define BLUEPRINT_RADIO_PAIR_STREAMS_H

#include "helper/scenario/random-stream-plan.h"
#include "helper/scenario/scenario-build.h"

#include "ns3/node.h"
#include "ns3/ptr.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace blueprint
{

/**
 * \ingroup blueprint
 * \brief Random streams of every station-terminal pair of a shared radio channel, named after the
 * pair's two ends (common random numbers).
 *
 * A shared channel (an NR carrier) draws a pair's shadowing and LOS state when it first
 * evaluates the pair. From one stream for the channel, those draws would follow the order the
 * channel evaluates its pairs in, so one more cell or UE on the carrier would move every other
 * pair's draws. Here each pair takes the block of the key
 * `CHANNEL/node:STATION/member:0|node:GROUP/member:i`: it draws the same in every configuration
 * that keeps its two ends, whatever else shares the channel. Ends are added as the links of the
 * channel are built, and every pair of ends known is reserved (so a collision is refused at build
 * time, at the terminal group's place); the channel asks Find() when it evaluates a pair.
 */
class RadioPairStreams
{
  public:
    /// \param channel the channel's key ("nr-carrier:n78/...")
    explicit RadioPairStreams(std::string channel);

    /**
     * \brief Add the stations (base stations) of a group.
     * \param group the node group
     * \param members which of its members are stations on the channel
     */
    void AddStations(const NodeGroup& group, const std::vector<uint32_t>& members);

    /**
     * \brief Add every member of a group as a terminal on the channel.
     * \param group the node group
     */
    void AddTerminals(const NodeGroup& group);

    /**
     * \brief Reserve the streams of every station-terminal pair not reserved yet.
     * \param plan the run's streams
     * \throws InputError as RandomStreamPlan::Reserve, at the terminal group's place
     */
    void Reserve(RandomStreamPlan& plan);

    /**
     * \param station a station's node
     * \param terminal a terminal's node
     * \return the first stream of the pair, or -1 when the pair was not reserved
     */
    int64_t Find(Ptr<Node> station, Ptr<Node> terminal) const;

  private:
    /// An end of pairs: its node, its name and where its group is written.
    struct End
    {
        Ptr<Node> node;   //!< the node
        std::string name; //!< node:GROUP/member:i
        SourceMark mark;  //!< the group's place
    };

    std::string m_channel;                                          //!< the channel's key
    std::vector<End> m_stations;                                    //!< stations so far
    std::vector<End> m_terminals;                                   //!< terminals so far
    std::set<const Node*> m_known;                                  //!< nodes added
    std::map<std::pair<const Node*, const Node*>, int64_t> m_pairs; //!< reserved pairs
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RADIO_PAIR_STREAMS_H
