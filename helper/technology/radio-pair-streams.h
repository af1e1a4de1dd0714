/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef BLUEPRINT_RADIO_PAIR_STREAMS_H
#define BLUEPRINT_RADIO_PAIR_STREAMS_H

#include "helper/scenario/random-stream-plan.h"
#include "helper/scenario/scenario-build.h"

#include "ns3/node.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
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
 * A shared channel (an NR carrier, LTE's spectrum channels) draws a pair's shadowing and LOS
 * state when it first evaluates the pair. From one stream for the channel, those draws would
 * follow the order the channel evaluates its pairs in, so one more cell or UE on the channel
 * would move every other pair's draws. Here each pair takes the block of the key
 * `CHANNEL/node:STATION/member:0|node:GROUP/member:i`: it draws the same in every configuration
 * that keeps its two ends, whatever else shares the channel. Ends are added as the links of the
 * channel are built, and every pair of ends known is reserved (so a collision is refused at build
 * time, at the terminal group's place); the channel asks Find() when it evaluates a pair.
 *
 * An end is a scenario node's name; the ns-3 node that carries its radio may be another one (ns-3's
 * LteHelper puts an eNB on a node of its own): AddStation() registers that node under the
 * scenario node's name. Several nodes may stand for one name (two cells on one mast): their pairs
 * with a terminal draw the same, as one site does.
 */
class RadioPairStreams
{
  public:
    /// \param channel the channel's key ("nr-carrier:n78/...")
    explicit RadioPairStreams(std::string channel);

    /**
     * \brief Add a station whose radio sits on a node of its own.
     * \param node the node the station's device is installed on
     * \param group the scenario node (group) the station stands for
     * \param member which member of the group
     */
    void AddStation(Ptr<Node> node, const NodeGroup& group, uint32_t member);

    /**
     * \brief Add the stations (base stations) of a group, each on its member's own node.
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

    /** \return the number of pairs reserved */
    uint64_t GetReservedCount() const;

  private:
    /// An end of pairs: its name and where its group is written.
    struct End
    {
        std::string name; //!< node:GROUP/member:i
        SourceMark mark;  //!< the group's place
    };

    /**
     * \brief Add an end once by name, and its node.
     * \param node the node
     * \param group the scenario node (group)
     * \param member the member
     * \param ends the ends of its role
     * \param index name -> index into ends
     * \param ofNode node -> index into ends
     */
    static void Add(Ptr<Node> node,
                    const NodeGroup& group,
                    uint32_t member,
                    std::vector<End>& ends,
                    std::map<std::string, uint32_t>& index,
                    std::unordered_map<const Node*, uint32_t>& ofNode);

    std::string m_channel;                                  //!< the channel's key
    std::vector<End> m_stations;                            //!< stations so far, by name
    std::vector<End> m_terminals;                           //!< terminals so far, by name
    std::map<std::string, uint32_t> m_stationIndex;         //!< name -> m_stations index
    std::map<std::string, uint32_t> m_terminalIndex;        //!< name -> m_terminals index
    std::unordered_map<const Node*, uint32_t> m_stationOf;  //!< node -> m_stations index
    std::unordered_map<const Node*, uint32_t> m_terminalOf; //!< node -> m_terminals index
    std::vector<std::vector<int64_t>> m_streams;            //!< [station][terminal] first stream
    uint64_t m_reserved = 0;                                //!< pairs reserved
};

} // namespace blueprint
} // namespace ns3

#endif // BLUEPRINT_RADIO_PAIR_STREAMS_H
